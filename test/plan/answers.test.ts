import {
  demandScore,
  FIELDS,
  type FieldName,
  parseMonthlyFigures,
  STEPS,
  validateAnswers,
  validateStep,
} from '../../src/plan/answers';
import { SAMPLE_ANSWERS } from './sample';

const withAnswers = (changes: Record<string, unknown>) => ({ ...SAMPLE_ANSWERS, ...changes });

describe('validateAnswers', () => {
  test('accepts the sample and fills defaults for optional fields left empty', () => {
    const result = validateAnswers(withAnswers({ retirementRate: '', ptoWeeks: null, taxRate: undefined, entity: '' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answers.retirementRate).toBe(0);
    expect(result.answers.ptoWeeks).toBe(0);
    expect(result.answers.taxRate).toBe(0.3);
    expect(result.answers.entity).toBe('undecided');
    expect(result.answers.monthlyExpenses).toBe(3200);
  });

  test('reads amounts typed as text: "3,200" and "$1,200.50"', () => {
    const result = validateAnswers(withAnswers({ monthlyExpenses: '3,200', monthlySavings: '$1,200.50' }));
    expect(result.ok && [result.answers.monthlyExpenses, result.answers.monthlySavings]).toEqual([3200, 1200.5]);
  });

  test('reports every bad field at once, in words, on the field to change', () => {
    const result = validateAnswers(
      withAnswers({ monthlyExpenses: '', taxRate: 30, startDate: '2026-02-30', projectedMonthlyHigh: 100, clientsWanted: 2.5 }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      monthlyExpenses: 'Enter "Monthly living expenses"',
      taxRate: 'Enter the tax set-aside as a rate between 0% and 100%',
      startDate: 'Enter a start date that exists, e.g. 2026-03-01',
      projectedMonthlyHigh: 'A good month should bring at least as much as a low month',
      clientsWanted: 'Enter the clients you want as a whole number',
    });
  });

  test('rejects negative amounts, unknown choices and text where a number belongs', () => {
    const result = validateAnswers(withAnswers({ currentSavings: -5, pathKind: 'astronaut', annualSalary: 'lots' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.currentSavings).toBe('Your savings cannot be negative');
    expect(result.errors.pathKind).toBe('Choose the kind of independence you want');
    expect(result.errors.annualSalary).toBe('Enter your annual salary as an amount, e.g. 1200');
  });

  test('pasted monthly figures stand in for a missing low and high month', () => {
    const result = validateAnswers(
      withAnswers({ projectedMonthlyLow: '', projectedMonthlyHigh: '', monthlyFigures: [4200, 3100, 6100, 5200] }),
    );
    expect(result.ok && [result.answers.projectedMonthlyLow, result.answers.projectedMonthlyHigh]).toEqual([3100, 6100]);
    const none = validateAnswers(withAnswers({ projectedMonthlyLow: '', projectedMonthlyHigh: '' }));
    expect(!none.ok && none.errors.projectedMonthlyLow).toMatch(/low month/);
  });

  test('saving nothing a month is refused only while savings are short of the buffer', () => {
    const short = validateAnswers(withAnswers({ monthlySavings: 0 }));
    expect(!short.ok && short.errors.monthlySavings).toMatch(/never reached/);
    // (3,200 + 625) x 6 = 22,950 already saved: nothing more is needed.
    expect(validateAnswers(withAnswers({ monthlySavings: 0, currentSavings: 22950 })).ok).toBe(true);
  });

  test('a missing or non-object payload is refused without throwing', () => {
    expect(validateAnswers(null).ok).toBe(false);
    expect(validateAnswers([1, 2]).ok).toBe(false);
  });

  test('hostile text is kept as text (the writer, not the schema, keeps it inert)', () => {
    const result = validateAnswers(withAnswers({ nicheService: '=IMPORTXML("http://x","//a")', endOfDayRoutine: '@SUM' }));
    expect(result.ok && result.answers.nicheService).toBe('=IMPORTXML("http://x","//a")');
  });
});

describe('steps', () => {
  test('every field belongs to exactly one step and the last step reviews everything', () => {
    const listed = STEPS.flatMap((s) => s.fields);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual((Object.keys(FIELDS) as FieldName[]).sort());
    expect(STEPS).toHaveLength(9);
    expect(STEPS[8].fields).toEqual([]);
  });

  test('validateStep checks only that step, so later empty steps do not block Next', () => {
    const firstThree = {
      pathKind: 'specialized_consultant',
      autonomyPreference: 3,
      locationPreference: 3,
      schedulePreference: 3,
      nicheService: 'Pricing audits',
      demandAsked: 2,
      demandPaid: 2,
      demandReach: 2,
      monthlyExpenses: '',
    };
    expect(validateStep('path', firstThree)).toEqual({ ok: true });
    expect(validateStep('niche', firstThree)).toEqual({ ok: true });
    expect(validateStep('money', firstThree)).toEqual({
      ok: false,
      errors: {
        monthlyExpenses: 'Enter "Monthly living expenses"',
        currentSavings: 'Enter "Savings you can use today"',
        annualSalary: 'Enter "Current annual salary"',
      },
    });
    expect(validateStep('review', SAMPLE_ANSWERS)).toEqual({ ok: true });
    expect(() => validateStep('nope', {})).toThrow(/No wizard step "nope"/);
  });

  test('the buffer step applies the rule that spans it and the money step', () => {
    expect(validateStep('buffer', withAnswers({ monthlySavings: 0 }))).toEqual({
      ok: false,
      errors: { monthlySavings: 'With nothing saved each month the buffer is never reached: enter an amount above 0' },
    });
  });
});

describe('helpers', () => {
  test('parseMonthlyFigures reads lines, tabs, semicolons and grouped thousands', () => {
    expect(parseMonthlyFigures('1,200\n3400\t5000; 200 300')).toEqual({ ok: true, figures: [1200, 3400, 5000, 200, 300] });
    expect(parseMonthlyFigures('1200\nabout 300')).toEqual({ ok: false, error: '"about 300" is not an amount' });
  });

  test('demandScore maps three 1-5 answers onto 0-100', () => {
    expect(demandScore({ demandAsked: 1, demandPaid: 1, demandReach: 1 })).toBe(0);
    expect(demandScore({ demandAsked: 5, demandPaid: 5, demandReach: 5 })).toBe(100);
    expect(demandScore({ demandAsked: 3, demandPaid: 4, demandReach: 4 })).toBe(67);
  });
});
