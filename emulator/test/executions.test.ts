/**
 * Custom functions as executions. Google, "Custom Functions in Google Sheets"
 * (https://developers.google.com/apps-script/guides/sheets/functions): each custom-function call is a separate call to
 * the Apps Script server, the cell shows "Loading..." until the result arrives, a call must return within 30 seconds
 * ("Exceeded maximum execution time"), and an execution can fail with "Internal error executing the custom function."
 * That a script's getValues/getDisplayValues of a loading cell read "Loading..." is assumed from public reports (the
 * reference does not say); so is that a formula reading a loading cell shows "Loading..." too (the stricter choice:
 * nothing computed from a value not yet there).
 */
import { createEmulator, EXECUTION_ERRORS } from '../src';
import { bundleSource, DEMO_ADDON, withBundle } from './support';

const DOUBLE = { name: 'DOUBLE', params: [{ name: 'x', kind: 'number' }], body: 'return x * 2;' };
const COUNT_UP = {
  name: 'COUNT_UP',
  params: [{ name: 'n', kind: 'number' }],
  body: 'var rows = []; for (var i = 1; i <= n; i++) rows.push([i]); return rows;',
};

function executionsEmulator(executionMs: number | ((call: { functionName: string; cell: string }) => number) = 1000) {
  return withBundle([DOUBLE, COUNT_UP], '', { customFunctionExecutions: { executionMs } }).emu;
}

describe('custom functions as executions', () => {
  test('a custom-function cell reads "Loading..." until its execution finishes, then its value', () => {
    const emu = executionsEmulator(1000);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setValue(21);
    sh.getRange('B1').setFormula('=DOUBLE(A1)');
    expect(sh.getRange('B1').getValues()).toEqual([['Loading...']]);
    expect(sh.getRange('B1').getDisplayValues()).toEqual([['Loading...']]);
    expect(emu.toJSON().sheets[0].cells.B1.value).toBe('Loading...');
    expect(emu.loadingCells()).toEqual(["'Sheet1'!B1"]);
    emu.advanceTime(999);
    expect(sh.getRange('B1').getValue()).toBe('Loading...');
    emu.advanceTime(1);
    expect(sh.getRange('B1').getValue()).toBe(42);
    expect(emu.loadingCells()).toEqual([]);
    expect(emu.customFunctionExecutions).toMatchObject([{ functionName: 'DOUBLE', cell: "'Sheet1'!B1", round: 1, done: true }]);
  });

  test('the default stays instant: the value is there as soon as the formula is', () => {
    const { emu } = withBundle([DOUBLE]);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setValue(21);
    sh.getRange('B1').setFormula('=DOUBLE(A1)');
    expect(sh.getRange('B1').getValue()).toBe(42);
    expect(emu.settle()).toEqual({ rounds: 0, executions: 0, virtualMs: 0 });
  });

  test('a cell whose argument reads a loading cell waits for it: a chain of three is three rounds', () => {
    const emu = executionsEmulator(1000);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setValue(1);
    sh.getRange('B1:D1').setFormulas([['=DOUBLE(A1)', '=DOUBLE(B1)', '=DOUBLE(C1)']]);
    // Only B1 runs: C1 and D1 wait for their arguments.
    expect(emu.customFunctionExecutions.map((e) => e.cell)).toEqual(["'Sheet1'!B1"]);
    emu.advanceTime(1000);
    expect(sh.getRange('B1:D1').getValues()).toEqual([[2, 'Loading...', 'Loading...']]);
    expect(emu.settle()).toEqual({ rounds: 3, executions: 2, virtualMs: 2000 });
    expect(sh.getRange('B1:D1').getValues()).toEqual([[2, 4, 8]]);
    expect(emu.customFunctionExecutions.map((e) => e.round)).toEqual([1, 2, 3]);
  });

  test('formulas reading a loading cell show "Loading..." too, and IFERROR does not hide it', () => {
    const emu = executionsEmulator(500);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setValue(5);
    sh.getRange('B1').setFormula('=DOUBLE(A1)');
    sh.getRange('C1:E1').setFormulas([['=B1+1', '=IFERROR(B1,"fallback")', '="Total "&B1']]);
    expect(sh.getRange('C1:E1').getDisplayValues()).toEqual([['Loading...', 'Loading...', 'Loading...']]);
    emu.settle();
    expect(sh.getRange('C1:E1').getDisplayValues()).toEqual([['11', '10', 'Total 10']]);
  });

  test('a changed argument shows "Loading..." again and runs a new execution', () => {
    const emu = executionsEmulator(1000);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setValue(1);
    sh.getRange('B1').setFormula('=DOUBLE(A1)');
    emu.settle();
    sh.getRange('A1').setValue(4);
    expect(sh.getRange('B1').getValue()).toBe('Loading...');
    expect(emu.settle()).toEqual({ rounds: 1, executions: 1, virtualMs: 1000 });
    expect(sh.getRange('B1').getValue()).toBe(8);
  });

  test('an array result spills once its execution finishes, and grows when its argument does', () => {
    const emu = executionsEmulator(1000);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setValue(3);
    sh.getRange('B1').setFormula('=COUNT_UP(A1)');
    sh.getRange('C1').setFormula('=SUM(B1:B4)');
    expect(sh.getRange('B1:B3').getValues()).toEqual([['Loading...'], [''], ['']]);
    emu.settle();
    expect(sh.getRange('B1:B4').getValues()).toEqual([[1], [2], [3], ['']]);
    expect(sh.getRange('C1').getValue()).toBe(6);
    sh.getRange('A1').setValue(4);
    emu.settle();
    expect(sh.getRange('B1:B4').getValues()).toEqual([[1], [2], [3], [4]]);
    expect(sh.getRange('C1').getValue()).toBe(10);
  });

  test("a chosen execution fails with Google's message: #ERROR! in the cell, the message as its note", () => {
    const emu = executionsEmulator(1000);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1:A2').setValues([[1], [2]]);
    sh.getRange('B1:B2').setFormulas([['=DOUBLE(A1)'], ['=DOUBLE(A2)']]);
    emu.failExecutions({ functionName: 'DOUBLE', cell: 'Sheet1!B2' });
    emu.settle();
    expect(sh.getRange('B1:B2').getValues()).toEqual([[2], ['#ERROR!']]);
    expect(emu.toJSON().sheets[0].cells.B2.value).toBe(`#ERROR!: ${EXECUTION_ERRORS.internal}`);
    expect(EXECUTION_ERRORS.internal).toBe('Internal error executing the custom function.');
    expect(emu.customFunctionExecutions[1]).toMatchObject({ cell: "'Sheet1'!B2", error: EXECUTION_ERRORS.internal });
  });

  test('an execution longer than 30 seconds ends at 30 seconds with "Exceeded maximum execution time"', () => {
    const emu = executionsEmulator(({ cell }) => (cell.endsWith('B2') ? 45_000 : 1000));
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1:A2').setValues([[1], [2]]);
    sh.getRange('B1:B2').setFormulas([['=DOUBLE(A1)'], ['=DOUBLE(A2)']]);
    expect(emu.settle()).toEqual({ rounds: 1, executions: 2, virtualMs: 30_000 });
    expect(emu.toJSON().sheets[0].cells.B2.value).toBe('#ERROR!: Exceeded maximum execution time');
  });

  test('script code polling with Utilities.sleep sees executions finish as virtual time passes', () => {
    const poll = `function readWhenSettled() {
      var range = SpreadsheetApp.getActiveSheet().getRange('B1');
      var waited = 0;
      while (range.getDisplayValue() === 'Loading...' && waited < 10000) { Utilities.sleep(500); waited += 500; }
      return [range.getDisplayValue(), waited];
    }`;
    const emu = createEmulator({ addon: DEMO_ADDON, customFunctionExecutions: { executionMs: 1200 } });
    emu.loadBundle(bundleSource([DOUBLE], poll));
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setValue(2);
    sh.getRange('B1').setFormula('=DOUBLE(A1)');
    expect(emu.run('readWhenSettled')).toEqual(['4', 1500]);
    expect(emu.virtualTimeMs).toBe(1500);
  });

  test('failExecutions needs the executions mode', () => {
    const { emu } = withBundle([DOUBLE]);
    expect(() => emu.failExecutions({ functionName: 'DOUBLE' })).toThrow('needs the executions mode');
  });
});
