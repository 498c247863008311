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
  expect(us('LEAP_LEAVE_DATE')).toEqual(['LEAP_QUIT_DATE', 'LEAP_READY_DATE']);
  expect(us('LEAP_TAX_RATE')).toEqual([
    'LEAP_EXPECTED_MONTHLY',
    'LEAP_FILING_STATUS',
    'LEAP_LEAVE_DATE',
    'LEAP_LEAVE_YEAR_WAGES',
    'LEAP_PARTNER_WAGES',
    'LEAP_STATE_TAX_RATE',
    'LEAP_TAX_YEAR',
  ]);
  // The US first and largest payments read the calendar's amounts and its one NEXT_TAX_DUE spill.
  expect(us('LEAP_LARGEST_TAX_DATE')).toEqual(['usCalendar.amount', 'usCalendar.due']);
  expect(us('LEAP_FIRST_TAX_DATE')).toEqual(['usCalendar.amount', 'usCalendar.due']);
  expect(us('LEAP_FIRST_TAX_PAYMENT')).toEqual(['LEAP_FIRST_TAX_DATE', 'usCalendar.amount', 'usCalendar.due']);
  const uk = readsOf('uk_scotland');
  expect(uk('LEAP_TAX_RATE')).toEqual(['LEAP_LEAVE_YEAR_WAGES', 'LEAP_TAX_YEAR', 'LEAP_UK_REGION', 'firstYearIncome']);
  // The largest is read off the calendar's rows (its note quotes its date); the first's note names the tax year.
  expect(uk('LEAP_LARGEST_TAX_PAYMENT')).toEqual(['LEAP_LARGEST_TAX_DATE', 'countryCalendar.amount']);
  expect(uk('LEAP_FIRST_TAX_PAYMENT')).toEqual([
    'LEAP_FIRST_TAX_DATE',
    'LEAP_TAX_YEAR',
    'countryCalendar.amount',
    'countryCalendar.due',
  ]);
  expect(uk('countryCalendar.amount')).toEqual(['taxCalendar']);
  const flat = readsOf('elsewhere');
  expect(flat('LEAP_TAX_RATE')).toEqual(['LEAP_FLAT_TAX_RATE']);
  expect(flat('LEAP_LARGEST_TAX_PAYMENT')).toEqual([]);
});

test('the input names are the input declarations, every plan’s and each tax setting’s', () => {
  expect(INPUT_NAMES).toHaveLength(15);
  expect(US_INPUT_NAMES).toEqual(['LEAP_FILING_STATUS', 'LEAP_STATE_TAX_RATE', 'LEAP_LEAVE_YEAR_WAGES']);
  expect(FLAT_INPUT_NAMES).toEqual(['LEAP_FLAT_TAX_RATE']);
  expect(UK_INPUT_NAMES).toEqual(['LEAP_UK_REGION', 'LEAP_LEAVE_YEAR_WAGES']);
  expect(CA_INPUT_NAMES).toEqual(['LEAP_PROVINCE_TAX_RATE', 'LEAP_LEAVE_YEAR_WAGES']);
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
