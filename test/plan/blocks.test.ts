/**
 * The plan's declared blocks: each key number declared once (its formula reads other cells through the grid, so the
 * dependency graph is data), the input names derived from the input declarations, and how the plan settles on
 * Sheets read from the declarations.
 */
import { PLAN_FUNCTION_CELL_BUDGET } from '../../scripts/bench/plan';
import { PLAN_SETTLE_ROUNDS_BUDGET, PLAN_TAX_SETTINGS, type PlanTaxSetting } from '../../scripts/bench/settleRounds';
import { validateAnswers } from '../../src/plan/answers';
import {
  CA_INPUT_NAMES,
  FLAT_INPUT_NAMES,
  INPUT_NAMES,
  KEY_NUMBERS,
  layoutPlan,
  planGrid,
  planSettling,
  UK_INPUT_NAMES,
  US_INPUT_NAMES,
} from '../../src/plan/layout';
import { buildPlan } from '../../src/plan/model';
import { SAMPLE_ANSWERS } from './sample';

const planOf = (changes: Record<string, unknown> = {}) => {
  const result = validateAnswers({ ...SAMPLE_ANSWERS, ...changes });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildPlan(result.answers);
};
const readsOf = (setting: PlanTaxSetting) => {
  const declarations = planGrid(planOf(PLAN_TAX_SETTINGS[setting]), '2026-02-20').grid.declarations();
  return (id: string) => declarations.find((d) => d.id === id)?.reads;
};

test('each key number is declared once, with the label, format and formula the sheet shows', () => {
  expect(new Set(KEY_NUMBERS.map((k) => k.name)).size).toBe(KEY_NUMBERS.length);
  const grid = planGrid(planOf(), '2026-02-20').grid;
  const layout = layoutPlan(planOf(), '2026-02-20');
  const declared = grid.declarations();
  for (const k of KEY_NUMBERS) {
    const d = declared.find((x) => x.id === k.name);
    expect({ name: k.name, label: d?.label, format: d?.format, kind: d?.kind }).toEqual({
      name: k.name,
      label: k.label,
      format: {
        general: 'General',
        money: '$#,##0',
        moneyCents: '$#,##0.00',
        percent: '0.0%',
        date: 'mmm d, yyyy',
        months: '0.0',
        whole: '0',
      }[k.format],
      kind: 'figure',
    });
    const [column, row] = [layout.namedRanges[k.name].charCodeAt(0) - 65, Number(layout.namedRanges[k.name].slice(1)) - 1];
    // Its value's formula first, then its note's when the note is a formula.
    expect(d?.formulas[0]).toEqual((layout.cells[row][column] as { formula: string }).formula);
  }
});

test('what each key number reads comes from its declaration, per tax setting', () => {
  const us = readsOf('us_estimate');
  expect(us('JW_LEAVE_DATE')).toEqual(['JW_QUIT_DATE', 'JW_READY_DATE']);
  expect(us('JW_TAX_RATE')).toEqual([
    'JW_EXPECTED_MONTHLY',
    'JW_FILING_STATUS',
    'JW_LEAVE_DATE',
    'JW_LEAVE_YEAR_WAGES',
    'JW_PARTNER_WAGES',
    'JW_STATE_TAX_RATE',
    'JW_TAX_YEAR',
  ]);
  // The US first and largest payments read the calendar's amounts and its one NEXT_TAX_DUE spill.
  expect(us('JW_LARGEST_TAX_DATE')).toEqual(['usCalendar.amount', 'usCalendar.due']);
  expect(us('JW_FIRST_TAX_DATE')).toEqual(['usCalendar.amount', 'usCalendar.due']);
  expect(us('JW_FIRST_TAX_PAYMENT')).toEqual(['JW_FIRST_TAX_DATE', 'usCalendar.amount', 'usCalendar.due']);
  const uk = readsOf('uk_scotland');
  expect(uk('JW_TAX_RATE')).toEqual(['JW_LEAVE_YEAR_WAGES', 'JW_TAX_YEAR', 'JW_UK_REGION', 'firstYearIncome']);
  // The largest is read off the calendar's rows (its note quotes its date); the first's note names the tax year.
  expect(uk('JW_LARGEST_TAX_PAYMENT')).toEqual(['JW_LARGEST_TAX_DATE', 'countryCalendar.amount']);
  expect(uk('JW_FIRST_TAX_PAYMENT')).toEqual([
    'JW_FIRST_TAX_DATE',
    'JW_TAX_YEAR',
    'countryCalendar.amount',
    'countryCalendar.due',
  ]);
  expect(uk('countryCalendar.amount')).toEqual(['taxCalendar']);
  const flat = readsOf('elsewhere');
  expect(flat('JW_TAX_RATE')).toEqual(['JW_FLAT_TAX_RATE']);
  expect(flat('JW_LARGEST_TAX_PAYMENT')).toEqual([]);
});

test('the input names are the input declarations, every plan’s and each tax setting’s', () => {
  expect(INPUT_NAMES).toHaveLength(15);
  expect(US_INPUT_NAMES).toEqual(['JW_FILING_STATUS', 'JW_STATE_TAX_RATE', 'JW_LEAVE_YEAR_WAGES']);
  expect(FLAT_INPUT_NAMES).toEqual(['JW_FLAT_TAX_RATE']);
  expect(UK_INPUT_NAMES).toEqual(['JW_UK_REGION', 'JW_LEAVE_YEAR_WAGES']);
  expect(CA_INPUT_NAMES).toEqual(['JW_PROVINCE_TAX_RATE', 'JW_LEAVE_YEAR_WAGES']);
  for (const setting of Object.keys(PLAN_TAX_SETTINGS) as PlanTaxSetting[]) {
    const declared = planGrid(planOf(PLAN_TAX_SETTINGS[setting]), '2026-02-20')
      .grid.declarations()
      .filter((d) => d.kind === 'input' && d.name)
      .map((d) => d.name);
    const own = {
      us_flat: FLAT_INPUT_NAMES,
      elsewhere: FLAT_INPUT_NAMES,
      us_estimate: US_INPUT_NAMES,
      uk_england: UK_INPUT_NAMES,
      uk_scotland: UK_INPUT_NAMES,
      canada: CA_INPUT_NAMES,
    }[setting];
    expect({ setting, declared }).toEqual({ setting, declared: [...INPUT_NAMES, ...own] });
  }
});

describe.each(Object.keys(PLAN_TAX_SETTINGS) as PlanTaxSetting[])('declared %s plan', (setting) => {
  test(`settles in at most ${PLAN_SETTLE_ROUNDS_BUDGET} rounds with at most ${PLAN_FUNCTION_CELL_BUDGET} custom-function cells`, () => {
    const { chain, customFunctionCells } = planSettling(planGrid(planOf(PLAN_TAX_SETTINGS[setting]), '2026-02-20').grid);
    expect(chain.length).toBeGreaterThan(0);
    expect({ setting, chain, short: chain.length <= PLAN_SETTLE_ROUNDS_BUDGET }).toEqual({ setting, chain, short: true });
    expect(customFunctionCells).toBeLessThanOrEqual(PLAN_FUNCTION_CELL_BUDGET);
  });
});
