import { validateAnswers } from '../../src/plan/answers';
import { addMonthsIso, buildPlan, phaseDate, planNumbers, wholeMonthsUp } from '../../src/plan/model';
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
  test('quarterly payment: 30% of a year of average months (4,750) / 4 = 4,275', () => {
    expect(n.quarterlyTaxPayment).toBeCloseTo(4275, 9);
    expect(n.calendarYear).toBe(2026);
  });
});

test('runway is "∞" when the low month after tax covers costs', () => {
  expect(planNumbers(answersOf({ projectedMonthlyLow: 6000, projectedMonthlyHigh: 8000 })).runwayMonths).toBe('∞');
});

test('the US estimate asks TAX_RATE_US about a year of average months, with the filing status and W-2 wages', () => {
  const flat = planNumbers(answersOf());
  const us = planNumbers(answersOf({ taxMode: 'us_estimate', filingStatus: 'single', stateTaxRate: 0.05, w2Wages: 0 }));
  expect(us.taxYear).toBeGreaterThanOrEqual(2025);
  // Single, about $57,000 of profit plus 5% state: more than federal SE tax alone (15.3% x 92.35%), less than 45%.
  expect(us.taxRate).toBeGreaterThan(0.1413);
  expect(us.taxRate).toBeLessThan(0.45);
  expect(us.monthlyTaxSetAside).toBeCloseTo(3000 * us.taxRate, 9);
  expect(flat.taxYear).toBeUndefined();
  const withWages = planNumbers(answersOf({ taxMode: 'us_estimate', w2Wages: 78000 }));
  // Side income on top of a salary is taxed at a higher marginal rate.
  expect(withWages.taxRate).toBeGreaterThan(planNumbers(answersOf({ taxMode: 'us_estimate' })).taxRate);
});

test('pasted monthly figures are the projection the low-end budget reads', () => {
  const n = planNumbers(answersOf({ monthlyFigures: [4200, 3100, 6100], projectedMonthlyLow: 3100, projectedMonthlyHigh: 6100 }));
  expect(n.lowEndBudget).toBeCloseTo(3100 - 930 - 625, 9);
});

describe('dates', () => {
  test('addMonthsIso clamps to the month end like EDATE', () => {
    expect(addMonthsIso('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2026-11-15', 3)).toBe('2027-02-15');
  });
  test('phaseDate rounds whole days between start and ready', () => {
    expect(phaseDate('2026-03-01', '2027-04-01', 0)).toBe('2026-03-01');
    expect(phaseDate('2026-03-01', '2027-04-01', 1)).toBe('2027-04-01');
    // 396 days x 0.5 = 198 days after 1 March 2026.
    expect(phaseDate('2026-03-01', '2027-04-01', 0.5)).toBe('2026-09-15');
  });
  test('wholeMonthsUp ignores float noise but rounds any real fraction up', () => {
    expect(wholeMonthsUp(14.000000000002)).toBe(14);
    expect(wholeMonthsUp(14.01)).toBe(15);
  });
});

describe('checklist and challenges', () => {
  const plan = buildPlan(answersOf());
  test('ids are unique and stable, dates run from start to ready in order', () => {
    const ids = plan.checklist.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(buildPlan(answersOf({ monthlyExpenses: 5000, nicheService: 'Other' })).checklist.map((c) => c.id));
    expect(plan.checklist[0].targetDate).toBe('2026-03-01');
    expect(plan.checklist.at(-1)?.targetDate).toBe(plan.numbers.readyDate);
    const dates = plan.checklist.map((c) => c.targetDate);
    expect([...dates].sort()).toEqual(dates);
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
  test("the four challenges are answered with the plan's own figures", () => {
    expect(plan.challenges.map((c) => c.challenge)).toEqual([
      'Income swings from month to month',
      'Benefits stop with the job',
      'Working alone can be isolating',
      'Work and life blur together',
    ]);
    expect(plan.challenges[0].answer).toContain('4.6 months');
    expect(plan.challenges[1].answer).toContain('$1,260');
  });
});
