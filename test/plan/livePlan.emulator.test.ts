/**
 * Every figure the plan shows is live: a plan edited on the sheet shows exactly what a fresh plan built from the
 * edited answers shows, cell for cell, the build date aside. Run for a flat rate, the US estimate, the UK, Canada
 * and pasted monthly figures, through the built bundle on the emulator.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const PLAN = 'Transition Plan';

function build(answers: Record<string, unknown>): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('leapBuildPlan', answers);
  return em;
}

function shown(em: Emulator): string[][] {
  const sheet = em.spreadsheet.getSheetByName(PLAN);
  if (!sheet) throw new Error('no plan');
  const rows = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getDisplayValues();
  // The one cell that may differ: when each plan was built.
  rows[0][1] = rows[0][1].replace(/^Built .+? by Jumpwise/, 'Built <date> by Jumpwise');
  return rows;
}

const a1Of = (em: Emulator, name: string): string => (em.toJSON().namedRanges[name] as string).split('!')[1].replace(/\$/g, '');

/** The edits a person makes on the sheet, and the same edits as answers for the wizard. */
const EDITS: { name: string; typed: string; answer: Record<string, unknown> }[] = [
  { name: 'JW_MONTHLY_EXPENSES', typed: '4100', answer: { monthlyExpenses: 4100 } },
  { name: 'JW_SAVINGS', typed: '12000', answer: { currentSavings: 12000 } },
  { name: 'JW_ANNUAL_SALARY', typed: '85000', answer: { annualSalary: 85000 } },
  { name: 'JW_HEALTH_MONTHLY', typed: '550', answer: { healthMonthly: 550 } },
  { name: 'JW_START_DATE', typed: '2026-12-01', answer: { startDate: '2026-12-01' } },
];
const LOW_EDIT = { name: 'JW_PROJECTED_LOW', typed: '5000', answer: { projectedMonthlyLow: 5000 } };

function expectSamePlans(base: Record<string, unknown>, edits: typeof EDITS, extra?: (em: Emulator) => Record<string, unknown>) {
  const edited = build(base);
  const before = shown(edited);
  let answers = { ...base };
  for (const edit of edits) {
    edited.enterInput(PLAN, a1Of(edited, edit.name), edit.typed);
    answers = { ...answers, ...edit.answer };
  }
  if (extra) answers = { ...answers, ...extra(edited) };
  const after = shown(edited);
  // The edits really changed what the plan shows (headline, key numbers, sentences).
  expect(after).not.toEqual(before);
  const fresh = shown(build(answers));
  const differences: string[] = [];
  fresh.forEach((row, r) => {
    row.forEach((value, c) => {
      if (after[r]?.[c] !== value)
        differences.push(`${String.fromCharCode(65 + c)}${r + 1}: edited "${after[r]?.[c]}" vs fresh "${value}"`);
    });
  });
  expect(differences).toEqual([]);
  expect(after.length).toBe(fresh.length);
}

describe('an edited plan equals a fresh plan built from the edited answers', () => {
  test('flat rate: expenses, savings, salary, health cover, start date and the low month edited on the sheet', () => {
    expectSamePlans(SAMPLE_ANSWERS, [...EDITS, LOW_EDIT]);
  });

  test('US estimate: the wages of the leave year follow the salary and the leave date', () => {
    expectSamePlans({ ...SAMPLE_ANSWERS, taxMode: 'us_estimate', filingStatus: 'single', stateTaxRate: 0.05 }, [
      ...EDITS,
      LOW_EDIT,
      { name: 'JW_STATE_TAX_RATE', typed: '4%', answer: { stateTaxRate: 0.04 } },
    ]);
  });

  test('UK: the region, the tax calendar and the first big payment follow the edits', () => {
    expectSamePlans({ ...SAMPLE_ANSWERS, taxCountry: 'uk_england', startDate: '2024-09-01' }, [
      ...EDITS.filter((e) => e.name !== 'JW_START_DATE'),
      LOW_EDIT,
      { name: 'JW_START_DATE', typed: '2025-02-01', answer: { startDate: '2025-02-01' } },
      { name: 'JW_UK_REGION', typed: 'scotland', answer: { taxCountry: 'uk_scotland' } },
    ]);
  });

  test('Canada: the provincial rate, the instalments and the balances follow the edits', () => {
    expectSamePlans({ ...SAMPLE_ANSWERS, taxCountry: 'canada', stateTaxRate: 0.1, startDate: '2024-09-01' }, [
      ...EDITS,
      LOW_EDIT,
      { name: 'JW_PROVINCE_TAX_RATE', typed: '12%', answer: { stateTaxRate: 0.12 } },
    ]);
  });

  test('pasted monthly figures: editing a figure moves the low month, the budget, the tax and the runway', () => {
    const base = {
      ...SAMPLE_ANSWERS,
      projectedMonthlyLow: '',
      projectedMonthlyHigh: '',
      monthlyFigures: [4200, 6100, 3100, 5200],
    };
    expectSamePlans(base, EDITS, (em) => {
      // The lowest figure (3,100, the third) becomes 2,500 on the sheet.
      const figure = em.spreadsheet.getSheetByName(PLAN)?.getRange('L7');
      expect(figure?.getValue()).toBe(3100);
      em.enterInput(PLAN, 'L7', '2500');
      return { monthlyFigures: [4200, 6100, 2500, 5200] };
    });
  });
});
