import { wholeMonthsUp } from '../../src/finance/buffer';
import { validateAnswers } from '../../src/plan/answers';
import { buildPlan, WORKINGS_FIGURES } from '../../src/plan/model';
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
    expect(steps['tax-account']).toEqual([expect.any(String), { figure: 'JW_TAX_RATE', as: 'percent' }, expect.any(String)]);
    expect(steps['buffer-reached']).toContainEqual({ figure: 'JW_BUFFER_TARGET', as: 'money' });
    // The health step's words depend on whether the cost is 0; the amount is quoted live in the other words.
    expect(steps['health-cover']).toEqual([
      expect.objectContaining({
        whenZero: 'JW_HEALTH_MONTHLY',
        otherwise: expect.arrayContaining([{ figure: 'JW_HEALTH_MONTHLY', as: 'money' }]),
      }),
    ]);
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
    expect(plan.challenges[0].answer).toContainEqual({ figure: 'JW_RUNWAY_MONTHS', as: 'months' });
    expect(plan.challenges[1].answer).toContainEqual({ figure: 'JW_BENEFITS_COST', as: 'money' });
  });
});

describe("the set-up steps speak of the tax country's own forms", () => {
  const stepOf = (changes: Record<string, unknown>, id: string) =>
    buildPlan(answersOf(changes)).checklist.find((c) => c.id === id);
  const entityWords = (taxCountry: string) =>
    ['llc', 'sole_proprietorship', 'undecided'].map((entity) => stepOf({ taxCountry, entity }, 'entity')?.step);

  test('US: the LLC, the EIN and the sole proprietorship', () => {
    expect(entityWords('us')).toEqual([
      'Form your LLC with your state and get an EIN',
      'Register your business name if you use one (a sole proprietorship needs no other filing)',
      'Choose sole proprietorship or LLC (a single-member LLC is taxed the same by default)',
    ]);
  });

  test('UK (both regions): sole trader or limited company, never an LLC or an EIN', () => {
    for (const country of ['uk_england', 'uk_scotland']) {
      const [company, sole, undecided] = entityWords(country) as string[];
      expect(company).toMatch(/limited company with Companies House.*Corporation Tax/);
      expect(sole).toMatch(/^Trade as a sole trader/);
      expect(undecided).toMatch(/^Choose sole trader or limited company/);
      expect([company, sole, undecided].join(' ')).not.toMatch(/LLC|EIN|state/);
    }
  });

  test('Canada: sole proprietorship or incorporation; elsewhere: neutral words', () => {
    const [company, sole, undecided] = entityWords('canada') as string[];
    expect(company).toMatch(/^Incorporate your business/);
    expect(sole).toMatch(/sole proprietorship needs no incorporation/);
    expect(undecided).toMatch(/^Choose sole proprietorship or incorporation/);
    for (const words of entityWords('elsewhere')) {
      expect(words).toMatch(/as your country requires/);
      expect(words).not.toMatch(/LLC|EIN|HMRC|CRA/);
    }
  });

  test('the UK adds the Self Assessment registration, due on its own date cell and quoting it', () => {
    const step = stepOf({ taxCountry: 'uk_england' }, 'self-assessment-registration');
    expect(step?.due).toBe(WORKINGS_FIGURES.selfAssessmentRegistration);
    expect(step?.step).toContainEqual({ figure: WORKINGS_FIGURES.selfAssessmentRegistration, as: 'date' });
    // After the leave date (1) and before the first big payment.
    const plan = buildPlan(answersOf({ taxCountry: 'uk_england' }));
    const ids = plan.checklist.map((c) => c.id);
    expect(ids.indexOf('self-assessment-registration')).toBe(ids.indexOf('first-big-tax-payment') - 1);
    expect(stepOf({ taxCountry: 'canada' }, 'self-assessment-registration')).toBeUndefined();
  });

  test('Canada adds GST/HST registration quoting the small-supplier limit from a cell; no other country has it', () => {
    const step = stepOf({ taxCountry: 'canada' }, 'gst-hst-registration');
    expect(step?.step).toContainEqual({ figure: WORKINGS_FIGURES.gstHstLimit, as: 'money' });
    expect(JSON.stringify(step?.step)).not.toMatch(/\d/);
    for (const taxCountry of ['us', 'uk_england', 'elsewhere'])
      expect(stepOf({ taxCountry }, 'gst-hst-registration')).toBeUndefined();
  });

  test('the entity step keeps its id in every country, so a rebuild after changing country keeps its tick', () => {
    for (const taxCountry of ['us', 'uk_england', 'uk_scotland', 'canada', 'elsewhere'])
      expect(stepOf({ taxCountry }, 'entity')?.phase).toBe(0.35);
  });
});
