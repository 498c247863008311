import { wholeMonthsUp } from '../../src/finance/buffer';
import { validateAnswers } from '../../src/plan/answers';
import { addMonthsIso, buildPlan, monthsEmployedInLeaveYear, planNumbers, taxFiguresYear } from '../../src/plan/model';
import { SAMPLE_ANSWERS } from './sample';

const answersOf = (changes: Record<string, unknown> = {}) => {
  const result = validateAnswers({ ...SAMPLE_ANSWERS, ...changes });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.answers;
};

describe('planNumbers, worked by hand for the sample answers', () => {
  const n = planNumbers(answersOf());
  test('tax: 30% of the low month of 3,000 is 900', () => {
    expect(n.taxRate).toBe(0.3);
    expect(n.monthlyTaxSetAside).toBe(900);
  });
  test('low-end budget: 3,000 - 900 tax - 625 health = 1,475', () => {
    expect(n.lowEndBudget).toBe(1475);
  });
  test('benefits: 625 health + 78,000 x 4% / 12 = 260 + 78,000 / 52 x 3 / 12 = 375, so 1,260', () => {
    expect(n.benefitsCost).toBeCloseTo(1260, 9);
  });
  test('buffer: (3,200 + 625) x 6 = 22,950; runway 8,000 / (3,825 - 2,100) = 4.64 months', () => {
    expect(n.bufferTarget).toBe(22950);
    expect(n.runwayMonths).toBeCloseTo(8000 / 1725, 12);
  });
  test('months to buffer (22,950 - 8,000) / 1,200 = 12.46, so ready 13 months after 2026-03-01', () => {
    expect(n.monthsToBuffer).toBeCloseTo(12.458333, 6);
    expect(n.readyDate).toBe('2027-04-01');
  });
  test('hourly rate: (78,000 + 12 x 1,260) / (25 h x 46 weeks) = 80.97', () => {
    expect(n.hourlyRate).toBeCloseTo(93120 / 1150, 9);
  });
  test('the leave date is the ready date; savings then 8,000 + 13 x 1,200 = 23,600 last 23,600 / 1,725 months', () => {
    expect(n.leaveDate).toBe('2027-04-01');
    expect(n.taxYear).toBe(2027);
    expect(n.savingsAtLeave).toBe(23600);
    expect(n.runwayAtLeave).toBeCloseTo(23600 / 1725, 12);
  });
  test('expected month: midway between 3,000 and 6,500; a low month leaves 1,475 - 3,200 = -1,725', () => {
    expect(n.expectedMonthly).toBe(4750);
    expect(n.lowMonthLeftOver).toBe(-1725);
  });
});

test('runway is "∞" when the low month after tax covers costs', () => {
  expect(planNumbers(answersOf({ projectedMonthlyLow: 6000, projectedMonthlyHigh: 8000 })).runwayMonths).toBe('∞');
});

test('the US estimate asks TAX_RATE_US about the leave year: earnings from the leave month, wages before it', () => {
  const us = planNumbers(answersOf({ taxMode: 'us_estimate', filingStatus: 'single', stateTaxRate: 0.05 }));
  // Leave 1 April 2027: three months employed (January to March), nine independent.
  expect(us.leaveDate).toBe('2027-04-01');
  expect(monthsEmployedInLeaveYear(us.leaveDate)).toBe(3);
  // Single, 9 x 4,750 of profit on top of 19,500 of wages, plus 5% state: more than SE tax alone, less than 45%.
  expect(us.taxRate).toBeGreaterThan(0.1413);
  expect(us.taxRate).toBeLessThan(0.45);
  expect(us.monthlyTaxSetAside).toBeCloseTo(3000 * us.taxRate, 9);
  // A job kept all year (leave in December) puts the year's profit on top of a full salary: a higher rate.
  const lateLeaver = planNumbers(answersOf({ taxMode: 'us_estimate', startDate: '2026-12-01', currentSavings: 30000 }));
  expect(lateLeaver.leaveDate).toBe('2026-12-01');
  expect(lateLeaver.taxRate).toBeGreaterThan(
    planNumbers(answersOf({ taxMode: 'us_estimate', startDate: '2027-01-01', currentSavings: 30000 })).taxRate,
  );
});

test('a leave year past the tables is estimated with the latest figures', () => {
  expect(taxFiguresYear(2031)).toBe(2026);
  expect(taxFiguresYear(2019)).toBe(2025);
  expect(taxFiguresYear(2026)).toBe(2026);
});

test('pasted monthly figures: the low month is their lowest, the expected month their mean', () => {
  const n = planNumbers(answersOf({ monthlyFigures: [4200, 3100, 6100], projectedMonthlyLow: '', projectedMonthlyHigh: '' }));
  expect(n.lowEndBudget).toBeCloseTo(3100 - 930 - 625, 9);
  expect(n.expectedMonthly).toBeCloseTo(4466.666667, 5);
});

describe('dates', () => {
  test('addMonthsIso clamps to the month end like EDATE', () => {
    expect(addMonthsIso('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2026-11-15', 3)).toBe('2027-02-15');
  });
  test('wholeMonthsUp ignores float noise but rounds any real fraction up', () => {
    expect(wholeMonthsUp(14.000000000002)).toBe(14);
    expect(wholeMonthsUp(14.01)).toBe(15);
  });
});

describe('checklist and challenges', () => {
  const plan = buildPlan(answersOf());
  test('ids are unique and stable, phases run from start (0) to the leave date (1) in order', () => {
    const ids = plan.checklist.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(buildPlan(answersOf({ monthlyExpenses: 5000, nicheService: 'Other' })).checklist.map((c) => c.id));
    const phases = plan.checklist.map((c) => c.phase);
    expect(phases[0]).toBe(0);
    expect(phases.at(-1)).toBe(1);
    expect([...phases].sort((x, y) => x - y)).toEqual(phases);
  });
  test("steps follow the answers: LLC, tools, co-working, the routine in the user's words", () => {
    const steps = Object.fromEntries(plan.checklist.map((c) => [c.id, c.step]));
    expect(steps.entity).toBe('Form your LLC with your state and get an EIN');
    expect(steps.invoicing).toBe('Set up invoicing in Wave');
    expect(steps['expense-tracking']).toBe('Track every business expense');
    expect(steps.coworking).toBe('Book 4 co-working sessions a month');
    expect(steps['end-of-day']).toBe('Keep your end-of-day routine: Close the laptop at 6 and walk');
    expect(steps.outreach).toBe('Contact 10 people a week about your service');
    expect(steps['niche-demand']).toContain('67/100');
  });
  test('an existing business account starts ticked', () => {
    const item = buildPlan(answersOf({ bankAccount: 'have' })).checklist.find((c) => c.id === 'bank-account');
    expect(item?.done).toBe(true);
  });
  test("a sentence that quotes a figure names its cell instead of writing the number; the person's words never sit beside one", () => {
    const steps = Object.fromEntries(plan.checklist.map((c) => [c.id, c.step]));
    expect(steps['tax-account']).toEqual([expect.any(String), { figure: 'LEAP_TAX_RATE', as: 'percent' }, expect.any(String)]);
    expect(steps['buffer-reached']).toContainEqual({ figure: 'LEAP_BUFFER_TARGET', as: 'money' });
    expect(steps['health-cover']).toContainEqual({ figure: 'LEAP_HEALTH_MONTHLY', as: 'money' });
    for (const item of plan.checklist) {
      if (typeof item.step !== 'string') expect(item.step.join(' ')).not.toContain('Close the laptop');
    }
  });
  test("the four challenges are answered with the plan's own figures", () => {
    expect(plan.challenges.map((c) => c.challenge)).toEqual([
      'Income swings from month to month',
      'Benefits stop with the job',
      'Working alone can be isolating',
      'Work and life blur together',
    ]);
    expect(plan.challenges[0].answer).toContainEqual({ figure: 'LEAP_RUNWAY_MONTHS', as: 'months' });
    expect(plan.challenges[1].answer).toContainEqual({ figure: 'LEAP_BENEFITS_COST', as: 'money' });
  });
});
