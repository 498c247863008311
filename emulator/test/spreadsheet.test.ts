/**
 * The emulated Spreadsheet, Sheet and Range: one test per behaviour, with Google's failure messages and the page of
 * Google's documentation each follows.
 */
import { createEmulator } from '../src';
import type { SpreadsheetAppService } from '../src/services';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet';

function sheet() {
  const emu = createEmulator();
  return { emu, ss: emu.spreadsheet, sh: emu.spreadsheet.getActiveSheet() };
}

describe('values', () => {
  test('getValues returns numbers, strings, booleans, Dates for date-formatted cells and "" for blanks', () => {
    const { sh } = sheet();
    sh.getRange('A1:D1').setValues([[1200.5, 'rent', true, new Date('2026-01-15T05:00:00Z')]]);
    const [row] = sh.getRange('A1:E1').getValues();
    expect(row.slice(0, 3)).toEqual([1200.5, 'rent', true]);
    expect(Object.prototype.toString.call(row[3])).toBe('[object Date]');
    expect((row[3] as Date).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(row[4]).toBe('');
  });

  test('a number formatted as a date is returned as a Date in the spreadsheet time zone', () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue(46037).setNumberFormat('yyyy-mm-dd');
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(sh.getRange('A1').getDisplayValue()).toBe('2026-01-15');
  });

  test('getValue of a multi-cell range is the top-left cell', () => {
    const { sh } = sheet();
    sh.getRange('B2:C3').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(sh.getRange('B2:C3').getValue()).toBe(1);
  });

  test('strings written by setValue are read like typed input: "=..." is a formula', () => {
    const { sh } = sheet();
    sh.getRange('A1:A2').setValues([[2], [3]]);
    sh.getRange('A3').setValue('=SUM(A1:A2)');
    expect(sh.getRange('A3').getValue()).toBe(5);
    expect(sh.getRange('A3').getFormula()).toBe('=SUM(A1:A2)');
  });

  test('text that looks like a number stays text when the engine stores it', () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue('Earnings');
    sh.getRange('A2').setFormula('=ISTEXT(A1)');
    expect(sh.getRange('A2').getValue()).toBe(true);
  });
});

describe('formulas', () => {
  test('formulas are evaluated and getFormulas returns them, "" where a cell has none', () => {
    const { sh } = sheet();
    sh.getRange('A1:A2').setValues([[1000], [2500]]);
    sh.getRange('B1:B2').setFormulas([['=A1*2'], ['=AVERAGE(A1:A2)']]);
    expect(sh.getRange('B1:B2').getValues()).toEqual([[2000], [1750]]);
    expect(sh.getRange('A1:B1').getFormulas()).toEqual([['', '=A1*2']]);
  });

  test('a formula recalculates when a cell it reads changes', () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue(10);
    sh.getRange('B1').setFormula('=A1+1');
    sh.getRange('A1').setValue(41);
    expect(sh.getRange('B1').getValue()).toBe(42);
  });

  test('an error cell reads as its error text', () => {
    const { sh } = sheet();
    sh.getRange('A1').setFormula('=1/0');
    expect(sh.getRange('A1').getValue()).toBe('#DIV/0!');
    expect(sh.getRange('A1').getDisplayValue()).toBe('#DIV/0!');
  });

  test('formulas referring to another sheet by its quoted name work', () => {
    const { ss } = sheet();
    const plan = ss.insertSheet('Transition Plan');
    plan.getRange('C5').setValue(9000);
    ss.getSheetByName('Sheet1')!.getRange('A1').setFormula("='Transition Plan'!C5/2");
    expect(ss.getSheetByName('Sheet1')!.getRange('A1').getValue()).toBe(4500);
  });
});

describe("Google's failure messages", () => {
  // ${REF}/range#setvaluesvalues: "The size of the two-dimensional array must match the size of the range."
  test('setValues with too few rows fails with the rows message', () => {
    const { sh } = sheet();
    expect(() =>
      sh.getRange('A1:B3').setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  test('setValues with too many columns fails with the columns message', () => {
    const { sh } = sheet();
    expect(() => sh.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test('setFormulas checks the shape the same way', () => {
    const { sh } = sheet();
    expect(() => sh.getRange('A1:A3').setFormulas([['=1'], ['=2']])).toThrow('The data has 2 but the range has 3.');
  });

  test(`insertSheet with an existing name fails (${REF}/spreadsheet#insertsheetsheetname)`, () => {
    const { ss } = sheet();
    ss.insertSheet('Income');
    expect(() => ss.insertSheet('Income')).toThrow('A sheet with the name "Income" already exists. Please enter another name.');
  });

  test("setName to another sheet's name fails the same way", () => {
    const { ss } = sheet();
    ss.insertSheet('Income');
    expect(() => ss.getSheetByName('Sheet1')!.setName('Income')).toThrow('A sheet with the name "Income" already exists.');
  });

  test(`a range past the sheet's bounds fails (${REF}/sheet#getrangerow,-column,-numrows,-numcolumns)`, () => {
    const { sh } = sheet();
    expect(() => sh.getRange(999, 1, 5, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sh.getRange('AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  test('a row or column below 1 fails', () => {
    const { sh } = sheet();
    expect(() => sh.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sh.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sh.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  test(`bad A1 notation fails with "Range not found" (${REF}/sheet#getrangea1notation)`, () => {
    const { sh, ss } = sheet();
    expect(() => sh.getRange('B2:')).toThrow('Range not found');
    expect(() => sh.getRange('hello')).toThrow('Range not found');
    expect(() => ss.getRange("'No such sheet'!A1")).toThrow('Range not found');
  });

  test('deleting the last visible sheet fails', () => {
    const { ss } = sheet();
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the visible sheets in a document.");
  });
});

describe('A1 notation and range geometry', () => {
  test('getA1Notation, row, column, sizes and offset', () => {
    const { sh } = sheet();
    const r = sh.getRange(2, 3, 4, 2);
    expect(r.getA1Notation()).toBe('C2:D5');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 3, 4, 2]);
    expect(r.offset(1, -1).getA1Notation()).toBe('B3:C6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
  });

  test('whole columns reach the last row of the sheet', () => {
    const { sh } = sheet();
    expect(sh.getRange('B:B').getNumRows()).toBe(sh.getMaxRows());
  });

  test('getLastRow and getLastColumn count cells with content, spilled results included', () => {
    const { sh } = sheet();
    expect(sh.getLastRow()).toBe(0);
    sh.getRange('B2').setValue(1);
    sh.getRange('C3').setFormula('=TRANSPOSE({1;2;3})');
    expect([sh.getLastRow(), sh.getLastColumn()]).toEqual([3, 5]);
  });
});

describe('what a person types (enterInput) and display values', () => {
  test('"1,200", "30%", "$1,234.50", "2026-01-15", "TRUE" and text are read as Sheets reads them', () => {
    const { emu, sh } = sheet();
    const inputs = ['1,200', '30%', '$1,234.50', '2026-01-15', 'TRUE', 'Rent'];
    inputs.forEach((input, i) => {
      emu.enterInput('Sheet1', `A${i + 1}`, input);
    });
    const values = sh
      .getRange('A1:A6')
      .getValues()
      .map((r) => r[0]);
    expect(values[0]).toBe(1200);
    expect(values[1]).toBeCloseTo(0.3, 12);
    expect(values[2]).toBe(1234.5);
    expect((values[3] as Date).toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(values.slice(4)).toEqual([true, 'Rent']);
    expect(
      sh
        .getRange('A1:A6')
        .getDisplayValues()
        .map((r) => r[0]),
    ).toEqual(['1,200', '30%', '$1,234.50', '2026-01-15', 'TRUE', 'Rent']);
  });

  test('a typed formula is evaluated', () => {
    const { emu, sh } = sheet();
    emu.enterInput('Sheet1', 'A1', '5');
    emu.enterInput('Sheet1', 'A2', '=A1*3');
    expect(sh.getRange('A2').getValue()).toBe(15);
  });

  test('getDisplayValues formats numbers, currency, percents and dates by number format', () => {
    const { sh } = sheet();
    sh.getRange('A1:E1').setValues([[1234.5, 1234.5, 0.2081, 46037, -42]]);
    sh.getRange('A1:E1').setNumberFormats([['#,##0.00', '$#,##0.00', '0.0%', 'mmm d, yyyy', '#,##0;(#,##0)']]);
    expect(sh.getRange('A1:E1').getDisplayValues()).toEqual([['1,234.50', '$1,234.50', '20.8%', 'Jan 15, 2026', '(42)']]);
  });

  test('numbers without a format show up to 10 significant digits', () => {
    const { sh } = sheet();
    sh.getRange('A1:B1').setValues([[4166.666666666667, 3]]);
    expect(sh.getRange('A1:B1').getDisplayValues()).toEqual([['4166.666667', '3']]);
  });

  test('a date from a formula (DATE, EDATE) reads as a Date and displays as one', () => {
    const { sh } = sheet();
    sh.getRange('A1').setFormula('=EDATE(DATE(2026,1,31),1)');
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-02-28T05:00:00.000Z');
    expect(sh.getRange('A1').getDisplayValue()).toBe('2/28/2026');
  });
});

describe('formats, notes, merges, layout', () => {
  test('font weight, font colour and background are stored per cell', () => {
    const { sh } = sheet();
    const r = sh.getRange('A1:B1');
    r.setFontWeight('bold').setFontColor('#cc0000').setBackground('#eeeeee');
    sh.getRange('B1').setFontWeights([['normal']]);
    expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(sh.getRange('A1').getFontColor()).toBe('#cc0000');
    expect(sh.getRange('B1').getBackgrounds()).toEqual([['#eeeeee']]);
  });

  test('notes are set and read per cell', () => {
    const { sh } = sheet();
    sh.getRange('A1:A2').setNotes([['Source: IRS'], [null]]);
    sh.getRange('B1').setNote('Edit me');
    expect(sh.getRange('A1:B2').getNotes()).toEqual([
      ['Source: IRS', 'Edit me'],
      ['', ''],
    ]);
  });

  test('merge records a merged range, and overlapping merges fail', () => {
    const { sh } = sheet();
    sh.getRange('A1:C1').merge();
    expect(sh.getRange('B1').isPartOfMerge()).toBe(true);
    expect(
      sh
        .getRange('B1')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:C1']);
    expect(() => sh.getRange('C1:D1').merge()).toThrow('You must select all cells in a merged range');
  });

  test('frozen rows and column widths are kept', () => {
    const { sh } = sheet();
    sh.setFrozenRows(2);
    sh.setColumnWidth(1, 220);
    sh.setColumnWidths(2, 3, 120);
    expect(sh.getFrozenRows()).toBe(2);
    expect([1, 2, 4, 5].map((c) => sh.getColumnWidth(c))).toEqual([220, 120, 120, 100]);
  });

  test('insertRows shifts values, formulas and formats down', () => {
    const { sh } = sheet();
    sh.getRange('A1:A2').setValues([[1], [2]]);
    sh.getRange('A2').setFontWeight('bold');
    sh.getRange('B1').setFormula('=SUM(A1:A2)');
    sh.insertRows(2, 3);
    expect(sh.getRange('A5').getValue()).toBe(2);
    expect(sh.getRange('A5').getFontWeight()).toBe('bold');
    expect(sh.getRange('B1').getFormula()).toBe('=SUM(A1:A5)');
    expect(sh.getMaxRows()).toBe(1003);
  });

  test('deleteRows removes rows, shifting values, formulas and formats up; out of bounds is refused', () => {
    const { sh } = sheet();
    sh.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
    sh.getRange('A4').setFontWeight('bold');
    sh.getRange('B1').setFormula('=SUM(A1:A4)');
    sh.deleteRows(2, 2);
    expect(sh.getRange('A1:A2').getValues()).toEqual([[1], [4]]);
    expect(sh.getRange('A2').getFontWeight()).toBe('bold');
    expect(sh.getRange('B1').getValue()).toBe(5);
    expect(sh.getMaxRows()).toBe(998);
    expect(() => sh.deleteRows(998, 2)).toThrow('Those rows are out of bounds.');
    expect(() => sh.deleteRows(1, 998)).toThrow("You can't delete all the rows on the sheet.");
  });

  // REF/sheet#hideColumns(Integer,Integer), REF/sheet#isColumnHiddenByUser(Integer)
  test('hideColumns and showColumns; a column past the edge is refused', () => {
    const { sh } = sheet();
    sh.hideColumns(7);
    expect([6, 7, 8].map((c) => sh.isColumnHiddenByUser(c))).toEqual([false, true, false]);
    sh.showColumns(7);
    expect(sh.isColumnHiddenByUser(7)).toBe(false);
    expect(() => sh.hideColumns(26, 2)).toThrow('Those columns are out of bounds.');
  });

  // REF/range#createFilter(): one filter per sheet; rows inserted inside it grow it, deleted rows shrink it.
  test('a filter covers its range, grows with rows inserted inside it and is one per sheet', () => {
    const { sh } = sheet();
    expect(sh.getFilter()).toBeNull();
    sh.getRange('A1:G10').createFilter();
    expect(() => sh.getRange('A1:B2').createFilter()).toThrow("You can't create a filter in a sheet that already has a filter.");
    sh.insertRowsAfter(5, 3);
    expect(sh.getFilter()?.getRange().getA1Notation()).toBe('A1:G13');
    sh.deleteRows(2, 3);
    expect(sh.getFilter()?.getRange().getA1Notation()).toBe('A1:G10');
    sh.getFilter()?.remove();
    expect(sh.getFilter()).toBeNull();
  });

  test('clear empties values and formats', () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue(5).setFontWeight('bold');
    sh.clear();
    expect(sh.getRange('A1').getValue()).toBe('');
    expect(sh.getRange('A1').getFontWeight()).toBe('normal');
  });
});

describe('sheets: the build-then-swap flow of a plan writer', () => {
  test('insert, fill, copyTo, rename, delete the old one, move the new one into place', () => {
    const { ss } = sheet();
    const old = ss.insertSheet('Transition Plan');
    old.getRange('A1').setValue('old');
    ss.insertSheet('Notes');
    const draft = ss.insertSheet('Transition Plan (new)');
    draft.getRange('A1').setValue('new');
    const index = old.getIndex();
    ss.deleteSheet(old);
    draft.setName('Transition Plan');
    ss.setActiveSheet(draft);
    ss.moveActiveSheet(index);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Transition Plan', 'Notes']);
    expect(ss.getSheetByName('Transition Plan')!.getRange('A1').getValue()).toBe('new');
    expect(ss.getActiveSheet().getName()).toBe('Transition Plan');
  });

  test('copyTo copies values, formulas and formats under "Copy of ..."', () => {
    const { ss, sh } = sheet();
    sh.getRange('A1:A2').setValues([[2], ['=A1*2']]);
    sh.getRange('A1').setNumberFormat('$#,##0');
    const copy = sh.copyTo(ss);
    expect(copy.getName()).toBe('Copy of Sheet1');
    expect(copy.getRange('A2').getFormula()).toBe('=A1*2');
    expect(copy.getRange('A1:A2').getDisplayValues()).toEqual([['$2'], ['4']]);
  });

  test('sheet ids are stable and distinct; getIndex follows the order', () => {
    const { ss } = sheet();
    const a = ss.getSheets()[0];
    const b = ss.insertSheet('B');
    expect(a.getSheetId()).toBe(0);
    expect(b.getSheetId()).not.toBe(0);
    expect(ss.getSheetById(b.getSheetId())!.getName()).toBe('B');
    expect(b.getIndex()).toBe(2);
  });

  test('hideSheet and showSheet', () => {
    const { ss } = sheet();
    const b = ss.insertSheet('Workings');
    b.hideSheet();
    expect(b.isSheetHidden()).toBe(true);
    b.showSheet();
    expect(b.isSheetHidden()).toBe(false);
  });
});

describe('named ranges', () => {
  test('setNamedRange makes the name usable in formulas and findable with getRangeByName', () => {
    const { emu, ss } = sheet();
    const plan = ss.insertSheet('Transition Plan');
    plan.getRange('C5').setValue(12000);
    ss.setNamedRange('JW_SAVINGS', plan.getRange('C5'));
    plan.getRange('A1').setFormula('=JW_SAVINGS/4');
    expect(plan.getRange('A1').getValue()).toBe(3000);
    expect(ss.getRangeByName('JW_SAVINGS')!.getA1Notation()).toBe('C5');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['JW_SAVINGS']);
    expect(emu.toJSON().namedRanges).toEqual({ JW_SAVINGS: "'Transition Plan'!C5" });
  });

  test('a named range follows its sheet when the sheet is renamed', () => {
    const { emu, ss } = sheet();
    const plan = ss.insertSheet('Draft');
    plan.getRange('A1').setValue(7);
    ss.setNamedRange('JW_X', plan.getRange('A1'));
    plan.setName('Plan');
    ss.getSheetByName('Sheet1')!.getRange('A1').setFormula('=JW_X*2');
    expect(ss.getSheetByName('Sheet1')!.getRange('A1').getValue()).toBe(14);
    expect(emu.toJSON().namedRanges).toEqual({ JW_X: 'Plan!A1' });
  });

  // Google's reference (Class NamedRange, developers.google.com/apps-script/reference/spreadsheet/named-range) is
  // silent on a named range whose sheet is deleted. Public reports: the name stays in Data > Named ranges as "#REF",
  // SpreadsheetApp and the Sheets API neither return nor remove it (tanaikech, "Removing invalid named ranges from
  // Google Spreadsheet", gist.github.com/tanaikech/f9b993c4a178291324e03eeb5c161c1d), and the Sheets API refuses to
  // add the name again, "a named range with that name already exists" (github.com/burnash/gspread/issues/1530).
  // The emulator takes the harshest reading; leapSelfTest's named-range rows check it on a real spreadsheet.
  test('deleting the sheet a name points to leaves the name broken: #REF! in formulas, invisible, not re-pointable', () => {
    const { emu, ss } = sheet();
    const plan = ss.insertSheet('Transition Plan');
    plan.getRange('B2').setValue(0.25);
    ss.setNamedRange('JW_TAX_RATE', plan.getRange('B2'));
    const books = ss.getSheetByName('Sheet1')!;
    books.getRange('A1:A2').setFormulas([['=IFERROR(JW_TAX_RATE,0.3)'], ['=JW_TAX_RATE']]);
    expect(books.getRange('A1:A2').getValues()).toEqual([[0.25], [0.25]]);

    ss.deleteSheet(plan);
    expect(books.getRange('A1:A2').getValues()).toEqual([[0.3], ['#REF!']]);
    expect(ss.getRangeByName('JW_TAX_RATE')).toBeNull();
    expect(ss.getNamedRanges()).toEqual([]);
    expect(emu.toJSON().namedRanges).toEqual({});

    // A new sheet under the old name does not revive the name, and the name cannot be pointed at it.
    const again = ss.insertSheet('Transition Plan');
    again.getRange('B2').setValue(0.4);
    expect(books.getRange('A1').getValue()).toBe(0.3);
    expect(() => ss.setNamedRange('JW_TAX_RATE', again.getRange('B2'))).toThrow(/already exists/);
    expect(() => ss.removeNamedRange('JW_TAX_RATE')).toThrow('Named range JW_TAX_RATE not found.');
    expect(books.getRange('A1').getValue()).toBe(0.3);
  });

  test('a name pointed at a new sheet before the old one is deleted keeps working', () => {
    const { ss } = sheet();
    const old = ss.insertSheet('Transition Plan');
    old.getRange('B2').setValue(0.25);
    ss.setNamedRange('JW_TAX_RATE', old.getRange('B2'));
    const books = ss.getSheetByName('Sheet1')!;
    books.getRange('A1').setFormula('=IFERROR(JW_TAX_RATE,0.3)');
    const rebuilt = ss.insertSheet('Transition Plan (building)');
    rebuilt.getRange('B3').setValue(0.4);
    ss.setNamedRange('JW_TAX_RATE', rebuilt.getRange('B3'));
    ss.deleteSheet(old);
    rebuilt.setName('Transition Plan');
    expect(books.getRange('A1').getValue()).toBe(0.4);
    expect(ss.getRangeByName('JW_TAX_RATE')!.getA1Notation()).toBe('B3');
  });
});

describe('developer metadata', () => {
  test('a sheet marked with addDeveloperMetadata is found by key after it is renamed', () => {
    const { ss } = sheet();
    ss.insertSheet('Transition Plan').addDeveloperMetadata('leap.plan', 'v1');
    ss.getSheetByName('Transition Plan')!.setName('My plan');
    const found = ss.createDeveloperMetadataFinder().withKey('leap.plan').find();
    expect(found).toHaveLength(1);
    expect(found[0].getValue()).toBe('v1');
    expect(found[0].getLocation().getSheet()!.getName()).toBe('My plan');
    expect(
      ss
        .getSheetByName('My plan')!
        .getDeveloperMetadata()
        .map((m) => m.getKey()),
    ).toEqual(['leap.plan']);
  });

  test('removed metadata is no longer found, and a deleted sheet takes its metadata with it', () => {
    const { ss } = sheet();
    const s = ss.insertSheet('A');
    s.addDeveloperMetadata('k1');
    s.addDeveloperMetadata('k2');
    s.getDeveloperMetadata()[0].remove();
    expect(
      ss
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['k2']);
    ss.deleteSheet(s);
    expect(ss.createDeveloperMetadataFinder().withKey('k2').find()).toEqual([]);
  });
});

describe('charts', () => {
  test('newChart builder: addRange, setChartType, setPosition, setOption, build, insertChart, getCharts', () => {
    const { emu, sh } = sheet();
    const Charts = emu.globals.Charts as { ChartType: Record<string, string> };
    const chart = sh
      .newChart()
      .addRange(sh.getRange('A1:B13'))
      .setChartType(Charts.ChartType.LINE as never)
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Buffer')
      .build();
    sh.insertChart(chart);
    const [inserted] = sh.getCharts();
    expect(inserted.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B13']);
    expect(inserted.getOptions().get('title')).toBe('Buffer');
    expect(inserted.getContainerInfo().getAnchorColumn()).toBe(5);
    expect(inserted.modify().getChartType()).toBe('LINE');
  });

  test('a chart without a type or data does not build', () => {
    const { sh } = sheet();
    expect(() => sh.newChart().addRange(sh.getRange('A1:B2')).build()).toThrow('The chart needs a type');
  });
});

describe('conditional format rules and data validation', () => {
  test('conditional format rules are set and read back with their condition and ranges', () => {
    const { emu, sh } = sheet();
    const app = emu.globals.SpreadsheetApp as SpreadsheetAppService;
    const rule = app
      .newConditionalFormatRule()
      .whenNumberLessThan(0)
      .setFontColor('#cc0000')
      .setRanges([sh.getRange('B2:B13')])
      .build();
    sh.setConditionalFormatRules([rule]);
    const [got] = sh.getConditionalFormatRules();
    expect(String(got.getBooleanCondition()!.getCriteriaType())).toBe('NUMBER_LESS_THAN');
    expect(got.getBooleanCondition()!.getCriteriaValues()).toEqual([0]);
    expect(got.getBooleanCondition()!.getFontColor()).toBe('#cc0000');
    expect(got.getRanges().map((r) => r.getA1Notation())).toEqual(['B2:B13']);
  });

  test('a checkbox rule turns blank cells into FALSE and checked cells read as booleans', () => {
    const { emu, sh } = sheet();
    const app = emu.globals.SpreadsheetApp as SpreadsheetAppService;
    sh.getRange('A1:A3').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sh.getRange('A2').check();
    expect(sh.getRange('A1:A3').getValues()).toEqual([[false], [true], [false]]);
    expect(String(sh.getRange('A1').getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
  });

  // Range reference, insertCheckboxes() / insertCheckboxes(checkedValue) / insertCheckboxes(checkedValue,
  // uncheckedValue) (REF/range#insertcheckboxes): "Sets the value of all cells in the range to false", "... to the
  // empty string", "... to the custom unchecked value". Ticks written before the boxes are gone.
  test('insertCheckboxes resets every cell to its unchecked value, whatever it held before', () => {
    const { sh } = sheet();
    sh.getRange('A1:A3').setValues([[true], [true], ['kept?']]);
    sh.getRange('A1:A3').insertCheckboxes();
    expect(sh.getRange('A1:A3').getValues()).toEqual([[false], [false], [false]]);
    expect(sh.getRange('A1:A3').isChecked()).toBe(false);
    sh.getRange('B1:B2').setValues([['yes'], [true]]);
    sh.getRange('B1:B2').insertCheckboxes('yes');
    expect(sh.getRange('B1:B2').getValues()).toEqual([[''], ['']]);
    expect(sh.getRange('B1').getDataValidation()!.getCriteriaValues()).toEqual(['yes', '']);
    sh.getRange('C1:C2').setValues([['yes'], ['yes']]);
    sh.getRange('C1:C2').insertCheckboxes('yes', 'no');
    expect(sh.getRange('C1:C2').getValues()).toEqual([['no'], ['no']]);
  });

  // Range reference, check() / uncheck() / isChecked() (REF/range#check): custom checked and unchecked values; cells
  // holding neither value, or with no checkbox, are ignored by check and make isChecked null.
  test('check and uncheck write each checkbox its own values and leave other cells alone', () => {
    const { sh } = sheet();
    sh.getRange('A1:A2').insertCheckboxes('yes', 'no');
    sh.getRange('A3').setValue('notes');
    sh.getRange('A1:A3').check();
    expect(sh.getRange('A1:A3').getValues()).toEqual([['yes'], ['yes'], ['notes']]);
    expect(sh.getRange('A1:A2').isChecked()).toBe(true);
    expect(sh.getRange('A1:A3').isChecked()).toBeNull();
    sh.getRange('A2').setValue('random');
    sh.getRange('A1:A2').uncheck();
    expect(sh.getRange('A1:A2').getValues()).toEqual([['no'], ['random']]);
    expect(sh.getRange('A1:A2').isChecked()).toBeNull();
  });

  test('a value-in-list rule that rejects invalid input refuses what a person types outside the list', () => {
    const { emu, sh } = sheet();
    const app = emu.globals.SpreadsheetApp as SpreadsheetAppService;
    const rule = app.newDataValidation().requireValueInList(['single', 'married_joint']).setAllowInvalid(false).build();
    sh.getRange('B1').setDataValidation(rule);
    emu.enterInput('Sheet1', 'B1', 'single');
    expect(() => emu.enterInput('Sheet1', 'B1', 'widowed')).toThrow('Invalid');
    expect(sh.getRange('B1').getValue()).toBe('single');
    expect(sh.getRange('B1').getDataValidation()!.getCriteriaValues()[0]).toEqual(['single', 'married_joint']);
  });
  // REF/data-validation-builder#requireValueInRange(Range,Boolean): a dropdown of another range's values; a value
  // added to that range later is accepted.
  test('a value-in-range rule accepts the values of its range, as they are when a person types', () => {
    const { emu, ss, sh } = sheet();
    const app = emu.globals.SpreadsheetApp as SpreadsheetAppService;
    const lists = ss.insertSheet('Lists');
    lists.getRange('A1:A2').setValues([['Office'], ['Travel']]);
    const rule = app.newDataValidation().requireValueInRange(lists.getRange('A:A'), true).setAllowInvalid(false).build();
    sh.getRange('D2:D5').setDataValidation(rule);
    emu.enterInput('Sheet1', 'D2', 'travel');
    expect(() => emu.enterInput('Sheet1', 'D3', 'Meals')).toThrow('Invalid');
    lists.getRange('A3').setValue('Meals');
    emu.enterInput('Sheet1', 'D3', 'Meals');
    expect(sh.getRange('D2:D3').getValues()).toEqual([['travel'], ['Meals']]);
    expect(String(sh.getRange('D4').getDataValidation()!.getCriteriaType())).toBe('VALUE_IN_RANGE');
  });
  // Class DataValidationBuilder (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder):
  // requireNumberGreaterThanOrEqualTo(number) "require a number greater than or equal to the given value",
  // requireNumberBetween(start, end) "a number that falls between, or is either of, two specified numbers",
  // requireDate() "require a date", setAllowInvalid(false) rejects the input, setHelpText "the help text that
  // appears when the user hovers over the cell"; Sheets shows it when it refuses what was typed. Clearing a cell is
  // allowed (Google's page is silent; a rule checks what is entered).
  test('number and date rules that reject invalid input refuse text typed as an amount, with the help text', () => {
    const { emu, sh } = sheet();
    const app = emu.globals.SpreadsheetApp as SpreadsheetAppService;
    const amount = app
      .newDataValidation()
      .requireNumberGreaterThanOrEqualTo(0)
      .setAllowInvalid(false)
      .setHelpText('An amount of 0 or more, such as 5000')
      .build();
    sh.getRange('B1').setDataValidation(amount);
    emu.enterInput('Sheet1', 'B1', '5,200');
    expect(() => emu.enterInput('Sheet1', 'B1', '5k')).toThrow('An amount of 0 or more, such as 5000');
    expect(() => emu.enterInput('Sheet1', 'B1', '-1')).toThrow('An amount of 0 or more');
    expect(sh.getRange('B1').getValue()).toBe(5200);
    expect(String(sh.getRange('B1').getDataValidation()!.getCriteriaType())).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(sh.getRange('B1').getDataValidation()!.getCriteriaValues()).toEqual([0]);

    const rate = app.newDataValidation().requireNumberBetween(0, 1).setAllowInvalid(false).setHelpText('0% to 100%').build();
    sh.getRange('B2').setDataValidation(rate);
    emu.enterInput('Sheet1', 'B2', '30%');
    expect(() => emu.enterInput('Sheet1', 'B2', '130%')).toThrow('0% to 100%');
    expect(sh.getRange('B2').getValue()).toBeCloseTo(0.3);

    const day = app.newDataValidation().requireDate().setAllowInvalid(false).setHelpText('A date').build();
    sh.getRange('B3').setDataValidation(day);
    emu.enterInput('Sheet1', 'B3', '1/15/2027');
    expect(() => emu.enterInput('Sheet1', 'B3', 'soon')).toThrow('A date');
    expect(() => emu.enterInput('Sheet1', 'B3', '46000')).toThrow('A date');
    expect(String(sh.getRange('B3').getDataValidation()!.getCriteriaType())).toBe('DATE_IS_VALID_DATE');
    emu.enterInput('Sheet1', 'B1', '');
    expect(sh.getRange('B1').getValue()).toBe('');
    expect(() => app.newDataValidation().requireNumberGreaterThanOrEqualTo('0' as unknown as number)).toThrow(
      "don't match the method signature",
    );
  });
});

describe('spreadsheet properties', () => {
  test('locale, time zone, URL and toast', () => {
    const emu = createEmulator({ timeZone: 'Europe/Berlin', locale: 'de_DE' });
    const ss = emu.spreadsheet;
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    expect(ss.getSpreadsheetLocale()).toBe('de_DE');
    expect(ss.getUrl()).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/.+\/edit$/);
    ss.toast('Plan written', 'Jumpwise', 3);
    expect(emu.ui.toasts).toEqual([{ message: 'Plan written', title: 'Jumpwise', timeoutSeconds: 3 }]);
  });

  test('dates follow the spreadsheet time zone', () => {
    const emu = createEmulator({ timeZone: 'Europe/Berlin' });
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setValue(46037).setNumberFormat('yyyy-mm-dd');
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-14T23:00:00.000Z');
  });
});

describe('toJSON (GET /api/spreadsheet)', () => {
  test('every non-empty cell with its value and formula; dates as ISO strings; errors with their message', () => {
    const { emu, sh } = sheet();
    sh.getRange('A1:A2').setValues([[600], [600]]);
    sh.getRange('B3').setFormula('=SUM(A1:A2)');
    sh.getRange('C1').setValue(new Date('2026-01-15T05:00:00Z'));
    sh.getRange('D1').setFormula('=1/0');
    const json = emu.toJSON();
    expect(json.activeSheet).toBe('Sheet1');
    expect(json.sheets[0].cells.B3).toEqual({ value: 1200, formula: '=SUM(A1:A2)' });
    expect(json.sheets[0].cells.C1).toEqual({ value: '2026-01-15' });
    expect(json.sheets[0].cells.D1).toEqual({ value: '#DIV/0!', formula: '=1/0' });
    expect(json.sheets[0].cells.E1).toBeUndefined();
    expect(json.calls).toBe(emu.calls.length);
  });
});
