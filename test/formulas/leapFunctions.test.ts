/**
 * Jumpwise's custom functions used in formulas on a sheet: the built dist/Code.js registered in
 * HyperFormula through the emulator, so every formula runs the code that ships.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { createLeapEmulator } from '../support/emulator';

interface Example {
  name: string;
  example: { formula: string; result: string };
}

function fresh(): { emu: Emulator; functions: Example[] } {
  const emu = createLeapEmulator({ timeZone: 'America/New_York' });
  const context = loadDist(emu);
  return { emu, functions: context.Jumpwise.describeFunctions() as Example[] };
}

const cells = (emu: Emulator, sheet = 'Sheet1') => emu.toJSON().sheets.find((s) => s.name === sheet)!.cells;

test('scalar cells: a Jumpwise function reads other cells and recalculates when they change', () => {
  const { emu } = fresh();
  const sh = emu.spreadsheet.getActiveSheet();
  sh.getRange('A1:B1').setValues([[5000, 0.25]]);
  sh.getRange('C1').setFormula('=TAX_SET_ASIDE(A1, B1)');
  expect(sh.getRange('C1').getValue()).toBe(1250);
  sh.getRange('A1').setValue(8000);
  expect(sh.getRange('C1').getValue()).toBe(2000);
});

test('a typed percentage reaches the function as a fraction', () => {
  const { emu } = fresh();
  emu.enterInput('Sheet1', 'A1', '4,000');
  emu.enterInput('Sheet1', 'B1', '30%');
  emu.enterInput('Sheet1', 'C1', '=TAX_SET_ASIDE(A1, B1)');
  expect(emu.spreadsheet.getActiveSheet().getRange('C1').getValue()).toBeCloseTo(1200, 9);
});

test('a range argument spills a same-shaped result, with blanks staying blank', () => {
  const { emu } = fresh();
  const sh = emu.spreadsheet.getActiveSheet();
  sh.getRange('A1:A4').setValues([[1000], [2000], [''], [4000]]);
  sh.getRange('B1').setFormula('=TAX_SET_ASIDE(A1:A4)');
  expect(sh.getRange('B1:B4').getValues()).toEqual([[300], [600], [''], [1200]]);
  expect(sh.getRange('B2').getFormula()).toBe('');
});

test('an aggregate reads a whole column of months', () => {
  const { emu } = fresh();
  const sh = emu.spreadsheet.getActiveSheet();
  sh.getRange('A1:A5').setValues([['Earnings'], [4200], [6100], [3100], [5200]]);
  sh.getRange('B1').setFormula('=LOW_END_INCOME(A1:A5)');
  expect(sh.getRange('B1').getValue()).toBe(3100);
});

test('a table result spills below and to the right, its dates shown as dates', () => {
  const { emu } = fresh();
  const sh = emu.spreadsheet.getActiveSheet();
  sh.getRange('A1').setFormula('=BUFFER_SCHEDULE(5000, 1000, 8000, DATE(2026,1,31))');
  expect(sh.getRange('A1:C1').getValues()).toEqual([['Month', 'Saved', 'Of target']]);
  expect(
    sh
      .getRange('A2:A5')
      .getDisplayValues()
      .map((r) => r[0]),
  ).toEqual(['1/31/2026', '2/28/2026', '3/31/2026', '4/30/2026']);
  expect(sh.getRange('B5').getValue()).toBe(8000);
});

test("a spill blocked by data shows #REF! with Google's message, and spills once the cell is cleared", () => {
  const { emu } = fresh();
  const sh = emu.spreadsheet.getActiveSheet();
  sh.getRange('A1:A3').setValues([[1000], [2000], [3000]]);
  sh.getRange('B3').setValue('note');
  sh.getRange('B1').setFormula('=TAX_SET_ASIDE(A1:A3)');
  expect(sh.getRange('B1').getValue()).toBe('#REF!');
  expect(cells(emu).B1.value).toBe('#REF!: Array result was not expanded because it would overwrite data in B3.');
  sh.getRange('B3').clearContent();
  expect(sh.getRange('B1:B3').getValues()).toEqual([[300], [600], [900]]);
});

test('bad input shows a cell error carrying our message, and the rest of the sheet still computes', () => {
  const { emu } = fresh();
  const sh = emu.spreadsheet.getActiveSheet();
  sh.getRange('A1:A3').setValues([[1000], ['abc'], [3000]]);
  sh.getRange('B1').setFormula('=TAX_SET_ASIDE(A1:A3)');
  sh.getRange('C1').setFormula('=SUM(A1:A3)');
  expect(sh.getRange('B1').getValue()).toBe('#ERROR!');
  expect(cells(emu).B1.value).toBe('#ERROR!: TAX_SET_ASIDE: income at row 2, column 1 is "abc"; expected a number');
  expect(sh.getRange('C1').getValue()).toBe(4000);
});

test('an error in an input cell is named in the message', () => {
  const { emu } = fresh();
  const sh = emu.spreadsheet.getActiveSheet();
  sh.getRange('A1').setFormula('=1/0');
  sh.getRange('B1').setFormula('=TAX_SET_ASIDE(A1)');
  expect(cells(emu).B1.value).toMatch(/^#ERROR!: TAX_SET_ASIDE: income is the error #DIV\/0!/);
});

/** The ISO dates a README result mentions, e.g. "a header and 4 rows, 2026-01-31 to 2026-04-30". */
const isoDates = (text: string): string[] => text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];

describe("every function's README example, evaluated in a cell", () => {
  const { functions } = fresh();
  test.each(functions.map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s gives %s', (_name, formula, result) => {
    const { emu } = fresh();
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setFormula(formula);
    const value = sh.getRange('A1').getValue();
    expect(typeof value === 'string' && value.startsWith('#') ? cells(emu).A1.value : 'no error').toBe('no error');
    const numeric = /^-?\d+(\.(\d+))?$/.exec(result);
    if (numeric) {
      // The README rounds: compare to the number of decimals it shows.
      const decimals = numeric[2]?.length ?? 0;
      expect(Math.abs((value as number) - Number(result))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      return;
    }
    const dates = isoDates(result);
    const rows = /a header and (\d+) rows/.exec(result);
    if (rows) expect(sh.getLastRow()).toBe(Number(rows[1]) + 1);
    if (rows && dates.length === 0) return;
    if (dates.length > 0) {
      // Dates in the result: every one appears among the spilled values, in the same order.
      const area = sh.getRange(1, 1, 130, 3).getValues().flat();
      const shown = area
        .filter((v) => Object.prototype.toString.call(v) === '[object Date]')
        .map((d) =>
          (emu.globals.Utilities as GoogleAppsScript.Utilities.Utilities).formatDate(d as Date, 'America/New_York', 'yyyy-MM-dd'),
        );
      const positions = dates.map((d) => shown.indexOf(d));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      return;
    }
    const table = /^a header and (\d+) rows/.exec(result);
    if (table) {
      // A table without dates: its size is what the README promises.
      expect(sh.getLastRow()).toBe(Number(table[1]) + 1);
      return;
    }
    expect(sh.getRange('A1').getDisplayValue()).toBe(result);
  });
});
