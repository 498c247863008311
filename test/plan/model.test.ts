import { wholeMonthsUp } from '../../src/finance/buffer';
import { validateAnswers } from '../../src/plan/answers';
import { buildPlan } from '../../src/plan/model';
import { SAMPLE_ANSWERS } from './sample';

const answersOf = (changes: Record<string, unknown> = {}) => {
  const result = validateAnswers({ ...SAMPLE_ANSWERS, ...changes });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.answers;
};

describe('months', () => {
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
