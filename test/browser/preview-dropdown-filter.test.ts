/**
 * What the preview tells its page about list validations and filters, without a browser: each dropdown cell's list
 * (from the rule's values or range, each value once, with what choosing it types), the rows a filter's custom
 * formula hides, and that choosing or typing goes through the emulator's validation. Runs the built dist/.
 */
import { join } from 'node:path';
import { PreviewSession } from '../../scripts/preview/session';
import { shiftFormulaRows } from '../../scripts/preview/sheet-view';
import { UNCATEGORISED } from '../../src/books/categories';
import { LEDGER_SHEET } from '../../src/books/layout';
import { importStatement } from '../support/books';
import { REPO } from '../support/browser';

const DIST = join(REPO, 'dist');

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

test('a filter formula moves its relative rows, not $-fixed rows, quoted text, sheet names or function names', () => {
  expect(shiftFormulaRows('=AND($A2<>"",OR($D2="Uncategorized",$D2=""))', 3)).toBe(
    '=AND($A5<>"",OR($D5="Uncategorized",$D5=""))',
  );
  expect(shiftFormulaRows("=A$2+B2+'Sheet 2'!C10", 2)).toBe("=A$2+B4+'Sheet 2'!C12");
  expect(shiftFormulaRows('=LOG10(A2)="A2 B3"', 1)).toBe('=LOG10(A3)="A2 B3"');
  expect(shiftFormulaRows('=SUM(A2:B3)>JW_BOOKS_YEAR', 10)).toBe('=SUM(A12:B13)>JW_BOOKS_YEAR');
  expect(shiftFormulaRows('=$A2', 0)).toBe('=$A2');
});

test('list and range validations draw a dropdown with each value once; a hidden dropdown or a checkbox does not', () => {
  const session = new PreviewSession({ instantFunctions: true, empty: true, distDir: DIST });
  const app = session.emulator.globals.SpreadsheetApp as App;
  const sheet = app.getActiveSpreadsheet().getActiveSheet();
  sheet.getRange('E1:E5').setValues([['Office'], ['Meals'], [''], ['Office'], ['2026']]);
  sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInRange(sheet.getRange('E1:E5')).build());
  sheet.getRange('A2:A3').setDataValidation(app.newDataValidation().requireValueInList(['Yes', '=1+1', '+44']).build());
  sheet.getRange('A4').setDataValidation(app.newDataValidation().requireValueInList(['x'], false).build());
  sheet.getRange('A5').setDataValidation(app.newDataValidation().requireCheckbox().build());
  session.emulator.resetCalls();

  const view = session.view().active;
  expect(view.cells.A1).toEqual({ display: '', input: '', align: 'left', dropdown: 0 });
  expect(view.cells.A2.dropdown).toBe(1);
  expect(view.cells.A3.dropdown).toBe(1);
  expect(view.cells.A4?.dropdown).toBeUndefined();
  expect(view.cells.A5.dropdown).toBeUndefined();
  expect(view.dropdowns).toEqual([
    [
      { label: 'Office', input: 'Office' },
      { label: 'Meals', input: 'Meals' },
      { label: '2026', input: '2026' },
    ],
    // Text Sheets would read as a formula or a number is typed with its apostrophe, so it stays the same text.
    [
      { label: 'Yes', input: 'Yes' },
      { label: '=1+1', input: "'=1+1" },
      { label: '+44', input: "'+44" },
    ],
  ]);
  expect(view.filter).toBeUndefined();
  // Reading the rule's range to draw the list is not one of the add-on's calls.
  expect(session.emulator.calls).toEqual([]);

  for (const { input } of view.dropdowns?.[1] ?? []) session.enterInput(sheet.getName(), 'A2', input);
  expect(sheet.getRange('A2').getValue()).toBe('+44');
});

test('the Ledger: Category offers the Categories sheet, other text is refused, and the check-in filter hides categorised rows', () => {
  const session = new PreviewSession({ instantFunctions: true, empty: true, distDir: DIST });
  const rows = [
    { date: '2026-03-02', description: 'STRIPE PAYOUT', amount: 1800, line: 2 },
    { date: '2026-03-04', description: 'QX VENDOR 4417', amount: -18, line: 3 },
    { date: '2026-03-09', description: 'ADOBE CREATIVE CLOUD', amount: -59.99, line: 4 },
    { date: '2026-03-11', description: 'CASH DEPOSIT BRANCH 12', amount: 250, line: 5 },
  ];
  importStatement(session.emulator, rows);
  session.activate(LEDGER_SHEET);
  let ledger = session.view().active;
  const list = ledger.dropdowns?.[ledger.cells.D2.dropdown ?? -1] ?? [];
  expect(list.map((o) => o.label)).toEqual(expect.arrayContaining(['Client income', 'Office', 'Software', UNCATEGORISED]));
  expect(list).toHaveLength(new Set(list.map((o) => o.label)).size);
  // Empty rows below the data offer the list too: a row typed by hand gets a category the same way.
  expect(ledger.cells.D6.dropdown).toBe(ledger.cells.D2.dropdown);
  expect(ledger.filter).toEqual({ headerRow: 1, firstColumn: 1, lastColumn: 7, criteria: [], hiddenRows: [] });

  expect(() => session.enterInput(LEDGER_SHEET, 'D3', 'Groceries')).toThrow(
    'Choose a category from the Categories sheet; add a row there for a new one.',
  );
  expect(session.view().active.cells.D3.display).toBe(UNCATEGORISED);
  // Sheets matches a range's values ignoring case, as the emulator does.
  session.enterInput(LEDGER_SHEET, 'D3', 'office');
  expect(session.view().active.cells.D3.display).toBe('office');
  session.enterInput(LEDGER_SHEET, 'D3', UNCATEGORISED);

  expect(session.scriptRun('leapShowUncategorised', [{ year: 2026, month: 3 }])).toEqual({
    ok: true,
    result: { sheetName: LEDGER_SHEET, rows: 2 },
  });
  ledger = session.view().active;
  expect(ledger.filter?.criteria).toEqual([
    {
      column: 4,
      description: `rows where =AND(ISNUMBER($A2),$A2>=DATE(2026,3,1),$A2<EDATE(DATE(2026,3,1),1),OR($D2="${UNCATEGORISED}",$D2=""))`,
    },
  ]);
  // Rows 2 and 4 have categories; every empty row below the data is hidden too (its date is blank), as in Sheets.
  expect(ledger.filter?.hiddenRows.slice(0, 3)).toEqual([2, 4, 6]);
  expect(ledger.filter?.hiddenRows).toHaveLength(ledger.rows - 3);
  const drawn = [...new Set(Object.keys(ledger.cells).map((a1) => Number(a1.replace(/^[A-Z]+/, ''))))];
  expect(drawn).toEqual([1, 3, 5]);
  expect([ledger.cells.B3.display, ledger.cells.B5.display]).toEqual(['QX VENDOR 4417', 'CASH DEPOSIT BRANCH 12']);

  // Categorising a shown row hides it at the next drawing.
  session.enterInput(LEDGER_SHEET, 'D5', 'Client income');
  expect(session.view().active.filter?.hiddenRows.slice(0, 3)).toEqual([2, 4, 5]);
});
