/** The wizard's pure logic: form <-> answers, percentages, step checks, suggestion, review and key numbers. */
import fc from 'fast-check';
import {
  amount,
  answersToForm,
  calculatingKeyNumbers,
  checkForBuild,
  choiceLabels,
  type DraftAnswers,
  defaultForm,
  displayValue,
  type FormValues,
  firstIncompleteStep,
  formatIsoDate,
  formToAnswers,
  fractionToPercent,
  inPickerFormat,
  keyNumberRows,
  mergePlanAnswers,
  percentToFraction,
  percentWarning,
  reviewSections,
  stepErrors,
  suggestBufferMonths,
  useDocumentMoney,
} from '../../sidebar/form';
import { serverErrorMessage } from '../../sidebar/server';
import { bufferMonthsForVolatility, incomeVolatility } from '../../src/finance/income';
import { FIELDS, STEPS } from '../../src/plan/answers';
import { localeCurrency } from '../../src/plan/currency';

const step = (id: string) => STEPS.find((s) => s.id === id)!;

/** Every question answered as a person would type it. */
const COMPLETE_FORM: FormValues = {
  pathKind: 'specialized_consultant',
  autonomyPreference: '4',
  locationPreference: '3',
  schedulePreference: '5',
  nicheService: 'Pricing audits for SaaS',
  skills: 'SQL, pricing',
  interests: '',
  demandAsked: '5',
  demandPaid: '4',
  demandReach: '3',
  monthlyExpenses: '3,200',
  currentSavings: '$12,000',
  annualSalary: '85000',
  projectedMonthlyLow: '2500',
  projectedMonthlyHigh: '7000',
  monthlyFigures: '',
  taxMode: 'flat',
  taxRate: '28',
  filingStatus: 'single',
  stateTaxRate: '',
  healthMonthly: '450',
  retirementRate: '4.5',
  ptoWeeks: '3',
  bufferMonths: '6',
  monthlySavings: '900',
  startDate: '2026-03-01',
  clientsWanted: '3',
  outreachPerWeek: '10',
  entity: 'llc',
  bankAccount: 'have',
  invoicingTool: 'Wave',
  expenseTool: '',
  coworkingSessions: '2',
  accountabilityGroup: true,
  endOfDayRoutine: 'Walk at six',
  workspace: 'desk_at_home',
};

describe('percentages', () => {
  test.each([
    ['30', 0.3],
    ['30%', 0.3],
    [' 4.5 ', 0.045],
    ['7', 0.07],
    ['0', 0],
    ['100', 1],
  ])('%j typed in a percentage box is the fraction %d', (typed, fraction) => {
    expect(percentToFraction(typed)).toBe(fraction);
  });

  test('text that is not a number is kept as typed, for the schema to explain', () => {
    expect(percentToFraction(' about a third ')).toBe('about a third');
  });

  test('fractions show without floating-point noise', () => {
    expect(fractionToPercent(0.07)).toBe('7');
    expect(fractionToPercent(0.045)).toBe('4.5');
    expect(fractionToPercent(0.3)).toBe('30');
  });

  test('any percentage with up to two decimals survives percent -> fraction -> percent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (hundredths) => {
        const typed = String(hundredths / 100);
        const fraction = percentToFraction(typed);
        expect(typeof fraction).toBe('number');
        expect(fractionToPercent(fraction as number)).toBe(typed);
      }),
    );
  });
});

describe('form -> answers', () => {
  test('amounts become numbers, rates fractions, empty boxes are left out', () => {
    const answers = formToAnswers(COMPLETE_FORM);
    expect(answers).toMatchObject({
      monthlyExpenses: 3200,
      currentSavings: 12000,
      taxRate: 0.28,
      retirementRate: 0.045,
      autonomyPreference: 4,
      accountabilityGroup: true,
      startDate: '2026-03-01',
    });
    expect(answers).not.toHaveProperty('interests');
    expect(answers).not.toHaveProperty('monthlyFigures');
  });

  test('questions hidden by the tax mode are not sent, so a stale value there cannot block Next', () => {
    const flat = formToAnswers({ ...COMPLETE_FORM, stateTaxRate: 'oops' });
    expect(flat).not.toHaveProperty('stateTaxRate');
    expect(flat).not.toHaveProperty('filingStatus');
    const us = formToAnswers({ ...COMPLETE_FORM, taxMode: 'us_estimate', taxRate: 'oops', stateTaxRate: '5' });
    expect(us).not.toHaveProperty('taxRate');
    expect(us).toMatchObject({ filingStatus: 'single', stateTaxRate: 0.05 });
  });

  test('pasted monthly figures become a list of amounts', () => {
    expect(formToAnswers({ monthlyFigures: '2,500\n4100\t6000' }).monthlyFigures).toEqual([2500, 4100, 6000]);
  });

  test('a draft round-trips: answers -> form -> answers', () => {
    const answers = formToAnswers(COMPLETE_FORM);
    expect(formToAnswers(answersToForm(answers))).toEqual(answers);
  });

  test('values of the wrong type in a draft are skipped, not shown', () => {
    const form = answersToForm({ nicheService: { toString: () => '<b>x</b>' }, accountabilityGroup: 'yes', taxRate: 0.25 });
    expect(form).toEqual({ taxRate: '25' });
    expect(answersToForm(null)).toEqual({});
    expect(answersToForm('<script>')).toEqual({});
  });

  test('a new form starts from the contract’s defaults; zero defaults stay empty', () => {
    const form = defaultForm();
    expect(form).toMatchObject({
      taxMode: 'flat',
      taxRate: '30',
      bufferMonths: '6',
      entity: 'undecided',
      accountabilityGroup: false,
    });
    expect(form).not.toHaveProperty('healthMonthly');
  });
});

describe('step checks with the shared schema', () => {
  test('a step with a word where an amount belongs has an error on that field only', () => {
    const errors = stepErrors(step('money'), { ...COMPLETE_FORM, monthlyExpenses: 'lots' });
    expect(errors).toEqual({ monthlyExpenses: 'Enter your monthly living expenses as an amount, e.g. 1200' });
  });

  test('a complete step has no errors', () => {
    for (const s of STEPS) expect(stepErrors(s, COMPLETE_FORM)).toEqual({});
  });

  test('pasted figures name the piece that is not an amount', () => {
    const errors = stepErrors(step('earnings'), { ...COMPLETE_FORM, monthlyFigures: '2500\nfour thousand\n3000' });
    expect(errors.monthlyFigures).toBe('"four thousand" is not an amount: paste one amount per month');
  });

  test('a rate above 100% is refused in percent terms', () => {
    expect(stepErrors(step('earnings'), { ...COMPLETE_FORM, taxRate: '130' }).taxRate).toBe(
      'Enter the tax set-aside as a rate between 0% and 100%',
    );
    expect(stepErrors(step('earnings'), { ...COMPLETE_FORM, taxMode: 'us_estimate', stateTaxRate: '25' }).stateTaxRate).toBe(
      'Enter the state or provincial tax rate as a rate between 0% and 20%',
    );
    expect(stepErrors(step('buffer'), { ...COMPLETE_FORM, maxRisk: '0.5' }).maxRisk).toBe(
      'Enter the highest chance of running out as a rate between 1% and 50%',
    );
  });

  test('a rate typed as a fraction gets the same word of caution in every rate box, without blocking Next', () => {
    expect(percentWarning('taxRate', '0.3')).toBe('0.3 here means 0.3%. For 30%, enter 30');
    expect(percentWarning('stateTaxRate', '0.05')).toBe('0.05 here means 0.05%. For 5%, enter 5');
    expect(percentWarning('retirementRate', ' 0.04 ')).toBe('0.04 here means 0.04%. For 4%, enter 4');
    // Whole percentages, an explicit "%", zero, text and boxes that are not rates get no caution.
    for (const [name, typed] of [
      ['stateTaxRate', '5'],
      ['stateTaxRate', '0.5%'],
      ['taxRate', '0'],
      ['taxRate', 'lots'],
      ['monthlyExpenses', '0.5'],
    ] as const)
      expect(percentWarning(name, typed)).toBeUndefined();
    expect(stepErrors(step('earnings'), { ...COMPLETE_FORM, taxMode: 'us_estimate', stateTaxRate: '0.05' })).toEqual({});
  });

  test('date errors give their example the way the date picker shows dates', () => {
    expect(inPickerFormat('Enter the start date, e.g. 2026-03-01', 'en-US')).toBe('Enter the start date, e.g. 03/01/2026');
    expect(inPickerFormat('Enter the start date, e.g. 2026-03-01', 'en-GB')).toBe('Enter the start date, e.g. 01/03/2026');
    expect(inPickerFormat('Enter a start date from 2000 to 2100', 'en-US')).toBe('Enter a start date from 2000 to 2100');
    const errors = stepErrors(step('buffer'), { ...COMPLETE_FORM, startDate: '' });
    expect(errors.startDate).toBe(inPickerFormat('Enter the start date, e.g. 2026-03-01'));
    expect(errors.startDate).not.toContain('2026-03-01');
  });

  test('a restored draft opens on its first unfinished step, or the review when complete', () => {
    expect(firstIncompleteStep({})).toBe(0);
    expect(firstIncompleteStep({ ...COMPLETE_FORM, monthlySavings: '' })).toBe(STEPS.findIndex((s) => s.id === 'buffer'));
    expect(firstIncompleteStep(COMPLETE_FORM)).toBe(STEPS.length - 1);
  });

  test('Build gets complete answers from the same validateAnswers the server runs', () => {
    const check = checkForBuild(COMPLETE_FORM);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.answers).toMatchObject({ taxRate: 0.28, stateTaxRate: 0, interests: '' });
    expect(checkForBuild({ ...COMPLETE_FORM, startDate: '2026-02-31' }).ok).toBe(false);
  });
});

describe('buffer suggestion', () => {
  test('uses BUFFER_MONTHS on the pasted figures', () => {
    const figures = [1000, 5000, 2000, 6000, 1500];
    const suggestion = suggestBufferMonths({ monthlyFigures: figures.join('\n') });
    const volatility = incomeVolatility(figures) as number;
    expect(suggestion).toEqual({ months: bufferMonthsForVolatility(volatility), volatility });
    // By hand: mean 3,100, sample SD 2,247, volatility 0.725; 3 + 12 x (0.725 - 0.1) = 10.5, rounded up to 11.
    expect(suggestion?.months).toBe(11);
  });

  test('no suggestion without at least two readable figures', () => {
    expect(suggestBufferMonths({})).toBeUndefined();
    expect(suggestBufferMonths({ monthlyFigures: '4000' })).toBeUndefined();
    expect(suggestBufferMonths({ monthlyFigures: '4000\nlots' })).toBeUndefined();
  });
});

describe('review and key numbers', () => {
  test('answers are shown in the form’s terms', () => {
    expect(displayValue('taxRate', 0.28)).toBe('28%');
    expect(displayValue('monthlyExpenses', 3200.5)).toBe('3,200.5');
    expect(displayValue('entity', 'llc')).toBe('Company (LLC, limited company, corporation)');
    // With the country answered, the entity in that country's words.
    expect(displayValue('entity', 'llc', { taxCountry: 'us' })).toBe('LLC');
    expect(displayValue('entity', 'llc', { taxCountry: 'uk_scotland' })).toBe('Limited company');
    expect(displayValue('entity', 'sole_proprietorship', { taxCountry: 'uk_england' })).toBe('Sole trader');
    expect(displayValue('entity', 'llc', { taxCountry: 'canada' })).toBe('Corporation');
    expect(displayValue('entity', 'llc', { taxCountry: 'elsewhere' })).toBe('Company (LLC, limited company, corporation)');
    expect(displayValue('accountabilityGroup', false)).toBe('No');
    // Dates as the document's plan shows them: en_US until the server says otherwise (amountsInLocale.test.ts).
    expect(displayValue('startDate', '2026-03-01')).toBe('Mar 1, 2026');
    expect(displayValue('monthlyFigures', [2500, 6000, 4000])).toBe('3 months, 2,500 to 6,000');
    expect(displayValue('skills', '')).toBe('—');
    expect(formatIsoDate('2026-12-31')).toBe('Dec 31, 2026');
  });

  test('the review lists every step but the last, with the demand score, and leaves out hidden questions', () => {
    const check = checkForBuild(COMPLETE_FORM);
    if (!check.ok) throw new Error('COMPLETE_FORM should be valid');
    const sections = reviewSections(check.answers);
    expect(sections.map((s) => s.title)).toEqual(STEPS.slice(0, -1).map((s) => s.title));
    const niche = sections.find((s) => s.title === step('niche').title)!;
    expect(niche.rows.at(-1)).toEqual({ label: 'Demand score', value: '75 of 100' });
    const earnings = sections.find((s) => s.title === step('earnings').title)!;
    expect(earnings.rows.map((r) => r.name)).not.toContain('filingStatus');
    expect(earnings.rows.find((r) => r.name === 'taxRate')?.value).toBe('28%');
  });

  test('key numbers are shown as the sheet displays them, with the sheet’s labels; malformed entries are left out', () => {
    expect(
      keyNumberRows([
        { name: 'JW_TAX_RATE', label: 'Tax set-aside rate', display: '35.7%' },
        { name: 'JW_RUNWAY_MONTHS', label: 'Runway on low months', display: '∞' },
        { name: 'JW_READY_DATE', label: 'Ready date', display: 'Mar 1, 2028' },
        { name: 'JW_HOURLY_RATE', label: 'Hourly rate', display: 92.46 },
        null,
      ]),
    ).toEqual([
      { name: 'JW_TAX_RATE', label: 'Tax set-aside rate', value: '35.7%' },
      { name: 'JW_RUNWAY_MONTHS', label: 'Runway on low months', value: '∞' },
      { name: 'JW_READY_DATE', label: 'Ready date', value: 'Mar 1, 2028' },
    ]);
    expect(keyNumberRows(undefined)).toEqual([]);
    expect(keyNumberRows({ JW_TAX_RATE: 0.3 })).toEqual([]);
  });

  // Google's Custom Functions guide (https://developers.google.com/apps-script/guides/sheets/functions): each custom
  // function cell is its own execution and shows "Loading..." until it returns.
  test('a key number still calculating on the sheet is named, never shown as a figure', () => {
    const keyNumbers = [
      { name: 'JW_TAX_RATE', label: 'Tax set-aside rate', display: '35.7%', calculating: false },
      { name: 'JW_QUIT_DATE', label: 'Quit date at the risk you accept', display: 'Loading...', calculating: true },
    ];
    expect(keyNumberRows(keyNumbers)).toEqual([{ name: 'JW_TAX_RATE', label: 'Tax set-aside rate', value: '35.7%' }]);
    expect(calculatingKeyNumbers(keyNumbers)).toEqual(['Quit date at the risk you accept']);
  });

  test('rates never show more than two decimals in the review, nor more than four in a box', () => {
    expect(displayValue('taxRate', 0.35743683974)).toBe('35.74%');
    expect(fractionToPercent(0.35743683974)).toBe('35.7437');
    expect(answersToForm({ stateTaxRate: 0.0512345678 })).toEqual({ stateTaxRate: '5.1235' });
  });
});

describe('the plan sheet over the draft', () => {
  test('fields the sheet holds come from the sheet; the rest stay as drafted', () => {
    const draft = { nicheService: 'Pricing audits', monthlyExpenses: 3200, currentSavings: 8000, taxRate: 0.3 };
    const sheet = { monthlyExpenses: 3500, currentSavings: 8000, taxRate: 0.25, projectedMonthlyLow: '', notAField: 1 };
    expect(mergePlanAnswers(draft, sheet)).toEqual({
      answers: {
        nicheService: 'Pricing audits',
        monthlyExpenses: 3500,
        currentSavings: 8000,
        taxRate: 0.25,
        projectedMonthlyLow: '',
      },
      fromSheet: ['monthlyExpenses', 'taxRate'],
    });
    expect(mergePlanAnswers(null, null)).toEqual({ answers: {}, fromSheet: [] });
    // A value the draft left to its default is no change when the sheet holds that default.
    expect(mergePlanAnswers({}, { taxMode: 'flat', taxRate: 0.3, healthMonthly: 0 }).fromSheet).toEqual([]);
    expect(mergePlanAnswers({}, { taxRate: 0.28 }).fromSheet).toEqual(['taxRate']);
    expect(mergePlanAnswers(draft, null).answers).toEqual(draft);
  });
});

describe('server error messages', () => {
  test('the server’s words, without the "Exception:" prefix', () => {
    expect(serverErrorMessage(new Error('Exception: A build is already running'))).toBe('A build is already running');
    expect(serverErrorMessage('No plan yet')).toBe('No plan yet');
  });

  test('a failure with no message still says something useful', () => {
    expect(serverErrorMessage(undefined)).toMatch(/Something went wrong/);
    expect(serverErrorMessage(new Error(''))).toMatch(/Something went wrong/);
  });
});

describe("the review shows amounts in the document's currency, as the plan does", () => {
  afterEach(() => useDocumentMoney(null));
  test('en_GB: £ before the digits; de_DE: € after them with its separators; unknown: a plain number', () => {
    useDocumentMoney({ locale: 'en-GB', symbol: '£', placement: 'before', spaced: false });
    expect(displayValue('monthlyExpenses', 3200)).toBe('£3,200');
    expect(displayValue('monthlyFigures', [2500, 4100.5])).toBe('2 months, £2,500 to £4,100.5');
    useDocumentMoney({ locale: 'de-DE', symbol: '€', placement: 'after', spaced: true });
    expect(displayValue('monthlyExpenses', 3200)).toBe('3.200\u00a0€');
    expect(amount(-1234.5)).toBe('-1.234,5\u00a0€');
    useDocumentMoney(null);
    expect(displayValue('monthlyExpenses', 3200)).toBe('3,200');
  });
  test("the server's style comes from the same table as the plan's money formats", () => {
    const gb = localeCurrency('en_GB');
    expect(gb && { symbol: gb.symbol, placement: gb.placement }).toEqual({ symbol: '£', placement: 'before' });
  });
});

describe('choices whose words follow another answer', () => {
  test('the entity options follow the tax country; every country names every value', () => {
    expect(choiceLabels({ taxCountry: 'uk_england' }).entity).toEqual({
      sole_proprietorship: 'Sole trader',
      llc: 'Limited company',
      undecided: 'Not decided yet',
    });
    expect(choiceLabels({}).entity).toEqual(FIELDS.entity.options);
    for (const country of Object.keys(FIELDS.taxCountry.options)) {
      expect(Object.keys(choiceLabels({ taxCountry: country }).entity ?? {})).toEqual(Object.keys(FIELDS.entity.options));
    }
  });

  test('the review shows the entity in the words of the answered country', () => {
    const rowOf = (answers: Record<string, unknown>) =>
      reviewSections(answers as DraftAnswers)
        .flatMap((section) => section.rows)
        .find((row) => row.name === 'entity')?.value;
    expect(rowOf({ taxCountry: 'uk_england', entity: 'llc' })).toBe('Limited company');
    expect(rowOf({ taxCountry: 'canada', entity: 'sole_proprietorship' })).toBe('Sole proprietorship');
  });
});
