import { PLAN_FUNCTION_CELL_BUDGET } from '../../scripts/bench/plan';
import { callsLeapFunction } from '../../src/functions';
import { validateAnswers } from '../../src/plan/answers';
import { cellValue, PLAIN_TEXT } from '../../src/plan/cellValue';
import {
  type Cell,
  CHECKLIST_HEADER,
  FLAT_INPUT_NAMES,
  INPUT_NAMES,
  KEY_NUMBERS,
  layoutPlan,
  SCHEDULE_ROWS,
  US_INPUT_NAMES,
} from '../../src/plan/layout';
import { buildPlan } from '../../src/plan/model';
import { readChecklist } from '../../src/sheets/planWriter';
import { SAMPLE_ANSWERS } from './sample';

const planOf = (changes: Record<string, unknown> = {}) => {
  const result = validateAnswers({ ...SAMPLE_ANSWERS, ...changes });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildPlan(result.answers);
};

/** "B19" -> the cell in the layout grid. */
function cellAt(cells: Cell[][], a1: string): Cell {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return cells[Number(m[2]) - 1][column - 1];
}
const formulaOf = (cell: Cell): string => (cell && 'formula' in cell ? cell.formula : '');

describe('layoutPlan', () => {
  const layout = layoutPlan(planOf(), '2026-02-20');

  test('every contract name points at one cell: inputs hold values, outputs hold formulas', () => {
    expect(Object.keys(layout.namedRanges).sort()).toEqual(
      [...INPUT_NAMES, ...FLAT_INPUT_NAMES, ...KEY_NUMBERS.map((k) => k.name)].sort(),
    );
    const us = layoutPlan(planOf({ taxMode: 'us_estimate' }), '2026-02-20');
    expect(Object.keys(us.namedRanges).sort()).toEqual(
      [...INPUT_NAMES, ...US_INPUT_NAMES, ...KEY_NUMBERS.map((k) => k.name)].sort(),
    );
    for (const name of INPUT_NAMES) {
      const cell = cellAt(layout.cells, layout.namedRanges[name]);
      expect(cell && ('number' in cell || 'formula' in cell)).toBe(true);
    }
    expect(cellAt(layout.cells, layout.namedRanges.JW_MONTHLY_EXPENSES)).toEqual({ number: 3200 });
    expect(cellAt(layout.cells, layout.namedRanges.JW_START_DATE)).toEqual({ formula: '=DATE(2026,3,1)' });
    for (const k of KEY_NUMBERS) expect(formulaOf(cellAt(layout.cells, layout.namedRanges[k.name]))).toMatch(/^=/);
  });

  test("key numbers are live formulas on the input cells: Sheets' own arithmetic where it does the job", () => {
    const at = (name: string) => `$${layout.namedRanges[name].replace(/(\d+)$/, '$$$1')}`;
    const f = (name: string) => formulaOf(cellAt(layout.cells, layout.namedRanges[name]));
    const low = at('JW_PROJECTED_LOW');
    // The household's costs: the partner's take-home meets part of them (never below 0).
    const costs = `MAX(0,${at('JW_MONTHLY_EXPENSES')}+${at('JW_HEALTH_MONTHLY')}-${at('JW_PARTNER_TAKE_HOME')})`;
    // TAX_SET_ASIDE's rule: nothing set aside from a loss.
    expect(f('JW_MONTHLY_TAX_SET_ASIDE')).toBe(`=MAX(0,${low})*${at('JW_TAX_RATE')}`);
    // One low month: the budget reads the same cell as the set-aside and the runway.
    expect(f('JW_LOW_END_BUDGET')).toBe(
      `=${low}-${at('JW_MONTHLY_TAX_SET_ASIDE')}-${at('JW_HEALTH_MONTHLY')}+${at('JW_PARTNER_TAKE_HOME')}`,
    );
    expect(f('JW_BUFFER_TARGET')).toBe(`=(${costs})*${at('JW_BUFFER_MONTHS_INPUT')}`);
    const shortfall = `(${costs})-(${low}-${at('JW_MONTHLY_TAX_SET_ASIDE')})`;
    expect(f('JW_RUNWAY_MONTHS')).toBe(`=IF(${shortfall}<=0,"∞",${at('JW_SAVINGS')}/(${shortfall}))`);
    expect(f('JW_RUNWAY_AT_LEAVE')).toBe(`=IF(${shortfall}<=0,"∞",${at('JW_SAVINGS_AT_LEAVE')}/(${shortfall}))`);
    expect(f('JW_MONTHS_TO_BUFFER')).toBe(
      `=IF(${at('JW_SAVINGS')}>=${at('JW_BUFFER_TARGET')},0,IF(${at('JW_MONTHLY_SAVINGS')}>0,` +
        `(${at('JW_BUFFER_TARGET')}-${at('JW_SAVINGS')})/${at('JW_MONTHLY_SAVINGS')},"never: save more than 0 a month"))`,
    );
    expect(f('JW_READY_DATE')).toBe(`=EDATE(${at('JW_START_DATE')},ROUNDUP(ROUND(${at('JW_MONTHS_TO_BUFFER')},9),0))`);
    expect(f('JW_LEAVE_DATE')).toBe(
      `=IF(ISTEXT(${at('JW_QUIT_DATE')}),${at('JW_READY_DATE')},MAX(${at('JW_READY_DATE')},${at('JW_QUIT_DATE')}))`,
    );
    expect(f('JW_TAX_YEAR')).toBe(`=YEAR(${at('JW_LEAVE_DATE')})`);
    expect(f('JW_EXPECTED_MONTHLY')).toBe(`=(${low}+${at('JW_PROJECTED_HIGH')})/2`);
    // HOURLY_RATE with its defaults: 25 billable hours a week, 6 weeks off.
    expect(f('JW_HOURLY_RATE')).toBe(`=(${at('JW_ANNUAL_SALARY')}+12*${at('JW_BENEFITS_COST')})/(25*(52-6))`);
    expect(f('JW_BENEFITS_COST')).toBe(
      `=${at('JW_HEALTH_MONTHLY')}+(${at('JW_ANNUAL_SALARY')}*${at('JW_RETIREMENT_RATE')})/12+((${at('JW_ANNUAL_SALARY')}/52)*${at('JW_PTO_WEEKS')})/12`,
    );
  });

  test('the US estimate calls TAX_RATE_US on the leave year; a flat rate reads its input cell', () => {
    const us = layoutPlan(planOf({ taxMode: 'us_estimate', filingStatus: 'married_joint' }), '2026-02-20');
    const at = (name: string) => `$${us.namedRanges[name].replace(/(\d+)$/, '$$$1')}`;
    const rate = formulaOf(cellAt(us.cells, us.namedRanges.JW_TAX_RATE));
    const year = at('JW_TAX_YEAR');
    expect(rate).toBe(
      `=TAX_RATE_US(${at('JW_EXPECTED_MONTHLY')}*(13-MONTH(${at('JW_LEAVE_DATE')})),${at('JW_FILING_STATUS')},` +
        `MAX(2025,MIN(2026,${year})),${at('JW_STATE_TAX_RATE')},${at('JW_LEAVE_YEAR_WAGES')},${at('JW_PARTNER_WAGES')})`,
    );
    // Wages of the leave year: a formula on the salary and the leave date, in a shaded input cell.
    expect(formulaOf(cellAt(us.cells, us.namedRanges.JW_LEAVE_YEAR_WAGES))).toBe(
      `=${at('JW_ANNUAL_SALARY')}*(MONTH(${at('JW_LEAVE_DATE')})-1)/12`,
    );
    const texts = us.cells.flat().flatMap((c) => (c && 'text' in c ? [c.text] : []));
    expect(texts).toContain('Married filing jointly');
    expect(formulaOf(cellAt(layout.cells, layout.namedRanges.JW_TAX_RATE))).toMatch(/^=\$B\$\d+$/);
  });

  test('cells that call a Jumpwise function stay within the plan budget (each is an execution in Sheets), whatever the schedule length', () => {
    const count = (l: typeof layout) => l.cells.flat().filter((c) => callsLeapFunction(formulaOf(c))).length;
    expect(count(layout)).toBeLessThanOrEqual(PLAN_FUNCTION_CELL_BUDGET);
    const us = layoutPlan(planOf({ taxMode: 'us_estimate', monthlySavings: 100 }), '2026-02-20');
    expect(count(us)).toBe(count(layout) + 2);
  });

  test('the grid size does not depend on the months of the schedule', () => {
    const slow = layoutPlan(planOf({ monthlySavings: 100 }), '2026-02-20');
    expect([slow.rows, slow.columns]).toEqual([layout.rows, layout.columns]);
    expect(layout.rows).toBeGreaterThanOrEqual(4 + SCHEDULE_ROWS);
  });

  test('every grid of formats, weights and fills matches the cells', () => {
    for (const g of [layout.numberFormats, layout.fontWeights, layout.backgrounds]) {
      expect(g).toHaveLength(layout.rows);
      for (const row of g) expect(row).toHaveLength(layout.columns);
    }
    expect(layout.columnWidths).toHaveLength(layout.columns);
  });

  test('the checklist carries ticks and notes over by item id', () => {
    const plan = planOf();
    const carried = { portfolio: { done: true, notes: 'Three café menus' }, gone: { done: true, notes: 'x' } };
    const next = layoutPlan(plan, '2026-02-21', carried);
    const values = next.cells.map((row) =>
      row.map((c) => (c === null ? '' : 'text' in c ? c.text : 'checked' in c ? c.checked : '')),
    );
    const read = readChecklist(values);
    expect(Object.keys(read)).toEqual(plan.checklist.map((c) => c.id));
    expect(read.portfolio).toEqual({ done: true, notes: 'Three café menus' });
    expect(read.pricing).toEqual({ done: false, notes: '' });
  });

  test('runway and budget have conditional colours; the chart reads the schedule', () => {
    expect(layout.conditionalRules.map((r) => [r.range, r.when, r.value])).toEqual([
      [layout.namedRanges.JW_RUNWAY_MONTHS, 'numberLessThan', 3],
      [layout.namedRanges.JW_RUNWAY_MONTHS, 'numberLessThan', 6],
      [layout.namedRanges.JW_RUNWAY_MONTHS, 'formula', expect.stringContaining('>=6')],
      [`${layout.namedRanges.JW_LOW_END_BUDGET}:${layout.namedRanges.JW_LOW_MONTH_LEFT_OVER}`, 'numberLessThan', 0],
    ]);
    expect(layout.charts.map((c) => c.ranges)).toEqual([
      ['G5:H126', 'J5:J126'],
      ['Q25:Q37', 'S25:V37'],
    ]);
    expect(CHECKLIST_HEADER).toContain('Item id');
  });
});

describe('cellValue', () => {
  // Sheets reads a string written by setValues as typed input in the spreadsheet's locale ("Mar 1 2016" becomes a
  // date, "$100.15" a number: Read & write cell values, https://developers.google.com/sheets/api/guides/values); which
  // texts it converts is not published, so every text is written with the apostrophe that keeps it text.
  test('every text gets the text prefix, whatever it looks like; a plain-text cell takes it as it is', () => {
    for (const t of [
      '=IMPORTXML("http://x","//a")',
      '+1',
      '@SUM',
      '1,200',
      '2026-01-01',
      'TRUE',
      "'quoted",
      'Mar 3',
      'May 2027',
      '¥500',
      'WAHR',
      'Brand identity',
    ]) {
      expect(cellValue({ text: t })).toBe(`'${t}`);
      expect(cellValue({ text: t }, PLAIN_TEXT)).toBe(t);
    }
    expect(cellValue({ text: '' })).toBe('');
    expect(cellValue({ formula: '=A1' })).toBe('=A1');
    expect(cellValue({ number: 3 })).toBe(3);
    expect(cellValue({ checked: true })).toBe(true);
    expect(cellValue(null)).toBe('');
  });
});
