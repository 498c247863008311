/**
 * What a custom function receives and which top-level functions a cell may call, as Google's guide "Custom Functions
 * in Google Sheets" (developers.google.com/apps-script/guides/sheets/functions) describes them.
 */
import { createEmulator } from '../src';
import { withBundle } from './support';

const describe_ = `return Object.prototype.toString.call(x) + ' ' + String(x instanceof Date ? x.getTime() : x);`;

// Data types: "Dates ... are passed as JavaScript Date objects", whatever the parameter is meant for; the emulator
// used to convert only parameters the add-on declared as dates.
test('a date cell reaches a parameter not declared as a date as a Date', () => {
  const { emu } = withBundle([{ name: 'SEEN', params: [{ name: 'x', kind: 'number' }], body: describe_ }], '', {
    timeZone: 'UTC',
  });
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange('A1:A2').setFormulas([['=DATE(2026,3,1)'], ['=45000']]);
  sheet.getRange('B1:B2').setFormulas([['=SEEN(A1)'], ['=SEEN(A2)']]);
  expect(sheet.getRange('B1:B2').getValues()).toEqual([[`[object Date] ${Date.UTC(2026, 2, 1)}`], ['[object Number] 45000']]);
});

// "JSDoc in Apps Script" (developers.google.com/apps-script/concepts/jsdoc): @customfunction lists a function in the
// formula helper; a cell of a bound script calls any top-level function but a private one (a name ending in "_").
test('a cell may call a capitalised top-level function the add-on does not list', () => {
  const extra = 'function PROBE_ARGS(a, b) { return String(arguments.length) + ":" + JSON.stringify([a, b]); }';
  const { emu } = withBundle([], extra);
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange('A1').setFormula('=PROBE_ARGS(1,,3)');
  sheet.getRange('A2').setFormula('=PROBE_ARGS(1)');
  expect(sheet.getRange('A1:A2').getValues()).toEqual([['3:[1,""]'], ['1:[1,null]']]);
});

// Class Session, getScriptTimeZone(): "the time zone of the script" (appsscript.json timeZone), which a spreadsheet
// in another zone does not change (developers.google.com/apps-script/reference/base/session#getScriptTimeZone()).
test("Session.getScriptTimeZone is the script's zone, not the spreadsheet's", () => {
  const emu = createEmulator({ timeZone: 'Pacific/Auckland' });
  const context = emu.loadBundle('function zone() { return Session.getScriptTimeZone(); }', {}, 'America/New_York');
  expect((context.zone as () => string)()).toBe('America/New_York');
  expect(emu.spreadsheet.getSpreadsheetTimeZone()).toBe('Pacific/Auckland');
});

// A range argument is "a two-dimensional array" (the guide's Data types) made by the script's own runtime, so it has
// only the built-ins of the realm that runs the bundle (emulator/src/newerBuiltins.mjs): a custom function calling
// Array.prototype.at on it must fail here as the build target says it may on Google.
test("a range argument is the script realm's array, without the built-ins newer than ES2019", () => {
  const body = 'return [typeof x.at, typeof x[0].at, Array.isArray(x), x instanceof Array, x[0] instanceof Array].join(" ");';
  const { emu } = withBundle([{ name: 'KIND', params: [{ name: 'x', kind: 'number' }], body }]);
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange('A1:A2').setValues([[1], [2]]);
  sheet.getRange('B1').setFormula('=KIND(A1:A2)');
  expect(sheet.getRange('B1').getValue()).toBe('undefined undefined true true true');
});

// "IF function" (Docs Editors Help, https://support.google.com/docs/answer/3093364): IF returns the value of the
// branch its condition picks, and an array returned there spills as it would alone. HyperFormula's IF took its
// branches as scalars: the table was clipped to its first cell and the formula re-entered on every change.
test('IF spills the array of the custom function its condition picks, and follows the condition when it changes', () => {
  const body = 'var rows = [["Month"]]; for (var i = 1; i <= n; i++) rows.push([i]); calls.n++; return rows;';
  const { emu, context } = withBundle(
    [{ name: 'TABLE', params: [{ name: 'n', kind: 'number' }], body }],
    'var calls = { n: 0 };',
  );
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange('A1').setValue(3);
  sheet.getRange('B1').setFormula('=IF(A1>0,TABLE(A1),"none")');
  expect(sheet.getRange('B1:B5').getValues()).toEqual([['Month'], [1], [2], [3], ['']]);
  const before = (context.calls as { n: number }).n;
  sheet.getRange('A1').setValue(0);
  expect(sheet.getRange('B1:B2').getValues()).toEqual([['none'], ['']]);
  sheet.getRange('A1').setValue(2);
  expect(sheet.getRange('B1:B4').getValues()).toEqual([['Month'], [1], [2], ['']]);
  // One edit, one or two runs (the size is predicted from the new values, then the cell computed), not a loop.
  expect((context.calls as { n: number }).n - before).toBeLessThanOrEqual(6);
  expect(sheet.getRange('C1').setFormula('=IF(1=1,,1)').getValue()).toBe('');
  expect(sheet.getRange('C2').setFormula('=IF("maybe",1,2)').getDisplayValue()).toBe('#VALUE!');
});
