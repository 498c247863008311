/**
 * Bad input stopped at the door, in the wizard (issue 21, problem 7): amounts are read in the document's locale, as
 * the document's cells read typing ("Date and number formats", developers.google.com/sheets/api/guides/formats: the
 * spreadsheet's locale decides the grouping and decimal characters); a number written in the other style is refused
 * with what was meant; an implausible amount and a rate typed under 1 in a percent box are asked about before the
 * build; the server refuses what the schema refuses.
 */
import {
  buildQuestions,
  checkForBuild,
  displayValue,
  type FormValues,
  formToAnswers,
  stepErrors,
  useDocumentDates,
  useDocumentNumbers,
} from '../../sidebar/form';
import { STEPS, toNumber, validateAnswers } from '../../src/plan/answers';
import { dateFormat, separators } from '../../src/plan/currency';
import { SAMPLE_ANSWERS } from '../plan/sample';

const money = STEPS.find((s) => s.id === 'money')!;

/** The sample's answers as a person fills the form: numbers as text, rates as percentages. */
const FORM: FormValues = Object.fromEntries(
  Object.entries(SAMPLE_ANSWERS).map(([k, v]) => [k, typeof v === 'boolean' ? v : Array.isArray(v) ? v.join('\n') : String(v)]),
) as FormValues;
const asForm = (changes: FormValues): FormValues => ({
  ...FORM,
  taxRate: '30',
  retirementRate: '4',
  maxRisk: '10',
  stateTaxRate: '',
  ...changes,
});

afterEach(() => {
  useDocumentNumbers(null);
  useDocumentDates(null);
});

describe('amounts in the document’s locale', () => {
  test('"5.000,50" in an en_US document is refused: did you mean 5,000.50? It is never read as 5.0005', () => {
    useDocumentNumbers(separators('en_US'));
    const form = asForm({ monthlyExpenses: '5.000,50' });
    expect(formToAnswers(form).monthlyExpenses).not.toBe(5.0005);
    expect(stepErrors(money, form).monthlyExpenses).toMatch(/did you mean 5,000\.50\?/);
    expect(checkForBuild(form).ok).toBe(false);
  });

  test('a de_DE document reads "5.000,50" as 5000.5 and asks about "5,000.50"', () => {
    useDocumentNumbers(separators('de_DE'));
    expect(formToAnswers(asForm({ monthlyExpenses: '5.000,50' })).monthlyExpenses).toBe(5000.5);
    expect(stepErrors(money, asForm({ monthlyExpenses: '5,000.50' })).monthlyExpenses).toMatch(/did you mean 5\.000,50\?/);
    expect(formToAnswers(asForm({ retirementRate: '4,5' })).retirementRate).toBeCloseTo(0.045);
  });

  test('the server refuses an amount written in another style rather than reading 5.0005', () => {
    expect(toNumber('5.000,50')).toBeNaN();
    const check = validateAnswers({ ...SAMPLE_ANSWERS, monthlyExpenses: '5.000,50' });
    expect(check.ok).toBe(false);
    expect(validateAnswers({ ...SAMPLE_ANSWERS, monthlyExpenses: '5,000.50' })).toMatchObject({ ok: true });
  });
});

describe('figures to confirm before the build', () => {
  const questionsFor = (changes: FormValues) => {
    const form = asForm(changes);
    const check = checkForBuild(form);
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    return buildQuestions(check.answers, form);
  };

  test('plausible figures build without a question', () => {
    expect(questionsFor({})).toEqual([]);
  });

  test('$5 a month of living costs, and an extra zero or three, are asked about', () => {
    expect(questionsFor({ monthlyExpenses: '5' })).toEqual([
      { name: 'monthlyExpenses', question: expect.stringMatching(/^Monthly living expenses: 5, far below/) },
    ]);
    expect(questionsFor({ projectedMonthlyHigh: '6500000' }).map((q) => q.name)).toEqual(['projectedMonthlyHigh']);
  });

  test('a rate under 1 in a percent box (0.3 meaning 0.3%?) is asked about; "0.3%" typed so is not', () => {
    expect(questionsFor({ taxMode: 'flat', taxRate: '0.3' })).toEqual([
      { name: 'taxRate', question: 'Share to set aside for tax: 0.3%. Did you mean 30%?' },
    ]);
    expect(questionsFor({ taxMode: 'flat', taxRate: '0.3%' })).toEqual([]);
  });
});

// Issue 21, problem 8: the review writes dates as the document's plan shows them (the pattern comes with the draft);
// it said "1 Jan 2027" in an en_US document.
describe('dates in the review, in the document’s style', () => {
  test.each([
    ['en_US', 'Jan 1, 2027'],
    ['en_GB', '1 Jan 2027'],
    ['de_DE', '01.01.2027'],
  ])('%s: %s', (locale, shown) => {
    useDocumentDates(dateFormat(locale));
    expect(displayValue('startDate', '2027-01-01')).toBe(shown);
  });
});
