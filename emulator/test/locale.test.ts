/** The spreadsheet locale: reading and changing it, number display with its separators, and TEXT. */
import { createEmulator } from '../src';
import { formatNumber, localeSeparators } from '../src/values';

describe('spreadsheet locale', () => {
  test('a document is created with a locale, which can be changed; the user locale stays', () => {
    const emu = createEmulator({ locale: 'en_GB' });
    const session = emu.globals.Session as GoogleAppsScript.Base.Session;
    expect(emu.spreadsheet.getSpreadsheetLocale()).toBe('en_GB');
    emu.spreadsheet.setSpreadsheetLocale('fr_FR');
    expect(emu.spreadsheet.getSpreadsheetLocale()).toBe('fr_FR');
    expect(session.getActiveUserLocale()).toBe('en');
    expect(createEmulator().spreadsheet.getSpreadsheetLocale()).toBe('en_US');
  });

  test.each(['de-DE', 'german', '', 'de_de'])('setSpreadsheetLocale(%j) is refused with what to pass', (locale) => {
    const emu = createEmulator();
    expect(() => emu.spreadsheet.setSpreadsheetLocale(locale)).toThrow(
      `Invalid argument: locale ("${locale}"); expected a language and region such as en_GB`,
    );
    expect(emu.spreadsheet.getSpreadsheetLocale()).toBe('en_US');
  });

  test('patterns always use , and .; the locale decides the characters shown', () => {
    expect(localeSeparators('de_DE')).toEqual({ group: '.', decimal: ',' });
    expect(localeSeparators('de_CH')).toEqual({ group: "'", decimal: '.' });
    expect(localeSeparators('en_US')).toEqual({ group: ',', decimal: '.' });
    // es groups four-digit numbers only in a pattern that asks for it; its separator is still ".".
    expect(formatNumber(1234.5, '#,##0.00', 'es_ES')).toBe('1.234,50');
    expect(formatNumber(0.125, '0.0%', 'de_DE')).toBe('12,5%');
    expect(formatNumber(2.5, undefined, 'de_DE')).toBe('2,5');
    expect(formatNumber(1234.5, '#,##0.00', 'zz_ZZ')).toBe('1,234.50');
  });

  test('currency symbols in brackets, with or without a locale code, are text around the digits', () => {
    expect(formatNumber(-1234.5, '[$€-407]#,##0.00', 'en_US')).toBe('-€1,234.50');
    expect(formatNumber(1234.5, '#,##0.00 [$€-407]', 'de_DE')).toBe('1.234,50 €');
    expect(formatNumber(1234.5, '[$R$] #,##0.00', 'pt_BR')).toBe('R$ 1.234,50');
    expect(formatNumber(1234.5, '"£"#,##0', 'en_GB')).toBe('£1,235');
  });

  // Docs Editors Help, "Format numbers in a spreadsheet" (https://support.google.com/docs/answer/56470): in a custom
  // format 0 is a digit always shown and # a digit shown only when it is significant; the point stays ("4.").
  test('# after the point is an optional decimal: 0.0# shows 4.5 and 4.56, 0.## shows 4.', () => {
    expect(formatNumber(4.5, '0.0#', 'en_US')).toBe('4.5');
    expect(formatNumber(4.56, '0.0#', 'en_US')).toBe('4.56');
    expect(formatNumber(4.567, '0.0#', 'de_DE')).toBe('4,57');
    expect(formatNumber(4, '0.##', 'en_US')).toBe('4.');
    expect(formatNumber(1234.5, '#,##0.00', 'en_US')).toBe('1,234.50');
  });

  test("TEXT formats as cells do, in the spreadsheet's locale: grouping, brackets, dates", () => {
    const emu = createEmulator({ locale: 'de_DE', timeZone: 'UTC' });
    const sheet = emu.spreadsheet.getActiveSheet();
    sheet
      .getRange('A1:D1')
      .setFormulas([
        [
          '=TEXT(1234.5,"#,##0.00")',
          '=TEXT(-1234.5,"#,##0 [$€]")',
          '=TEXT(DATE(2026,1,5),"mmmm yyyy")',
          '=TEXT(1234.5,"[$£]#,##0.00")&" left"',
        ],
      ]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['1.234,50', '-1.235 €', 'January 2026', '£1.234,50 left']]);
    emu.spreadsheet.setSpreadsheetLocale('en_GB');
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['1,234.50', '-1,235 €', 'January 2026', '£1,234.50 left']]);
  });

  test('RangeList.setNumberFormat formats every range in one call', () => {
    const emu = createEmulator({ locale: 'en_GB' });
    const sheet = emu.spreadsheet.getActiveSheet();
    sheet.getRange('A1:C2').setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    emu.resetCalls();
    sheet.getRangeList(['A1', 'C1:C2']).setNumberFormat('[$£]#,##0.00');
    expect(emu.calls.map((c) => `${c.service}.${c.method}`)).toEqual(['Sheet.getRangeList', 'RangeList.setNumberFormat']);
    expect(sheet.getRange('A1:C2').getDisplayValues()).toEqual([
      ['£1.00', '2', '£3.00'],
      ['4', '5', '£6.00'],
    ]);
  });
});

/**
 * Text written by setValue(s) is read as typed input in the spreadsheet's locale. Google documents that a string is
 * read "as if the user typed them into the UI ... strings may be converted to numbers, dates, etc. following the
 * same rules that are applied when entering text into a cell via the Google Sheets UI" (Sheets API, ValueInputOption
 * USER_ENTERED: https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), that "If it begins with
 * '=' it is interpreted as a formula" (Range.setValue: https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue)
 * and that the locale decides how dates and numbers are written (Change a spreadsheet's locale:
 * https://support.google.com/docs/answer/58515). The exact rules are not published: where unsure the emulator reads
 * more as numbers and dates, not less, the stricter choice for a script that means to write text.
 */
describe('text written by setValues is read as typed, in the spreadsheet locale', () => {
  /** Each input in its own cell of a fresh spreadsheet: [getValue as JSON-friendly, getDisplayValue]. */
  function written(locale: string, inputs: string[]): [unknown, string][] {
    const emu = createEmulator({ locale, timeZone: 'UTC' });
    const sheet = emu.spreadsheet.getActiveSheet();
    const range = sheet.getRange(1, 1, inputs.length, 1);
    range.setValues(inputs.map((i) => [i]));
    const shown = range.getDisplayValues();
    return range
      .getValues()
      .map(([v], r) => [
        v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString().slice(0, 10) : v,
        shown[r][0],
      ]);
  }
  const year = new Date().getUTCFullYear();

  test('en_US: month-first dates, month names, currencies before or after, percents, lenient grouping', () => {
    expect(
      written('en_US', [
        'Mar 3',
        'May 2027',
        '3 March 2027',
        '3/4',
        '3/4/2027',
        '¥500',
        '12 €',
        '1,5',
        '1,234.50',
        '(40)',
        '12.5%',
        'TRUE',
        '9:30 PM',
        'Mar 1 2016',
        '$100.15',
        '007',
      ]),
    ).toEqual([
      [`${year}-03-03`, 'Mar 3'],
      ['2027-05-01', 'May 2027'],
      ['2027-03-03', '3 March 2027'],
      [`${year}-03-04`, '3/4'],
      ['2027-03-04', '3/4/2027'],
      [500, '¥500'],
      [12, '12 €'],
      [15, '15'],
      [1234.5, '1,234.50'],
      [-40, '-40'],
      [0.125, '12.5%'],
      [true, 'TRUE'],
      ['1899-12-30', '9:30 PM'],
      // Google's own examples (Read & write cell values), and leading zeros dropped from a number.
      ['2016-03-01', 'Mar 1, 2016'],
      [100.15, '$100.15'],
      [7, '7'],
    ]);
  });

  test('en_GB reads numeric dates day first', () => {
    expect(written('en_GB', ['3/4', '3/4/2027', 'Mar 3', '£1,200'])).toEqual([
      [`${year}-04-03`, '3/4'],
      ['2027-04-03', '3/4/2027'],
      [`${year}-03-03`, 'Mar 3'],
      [1200, '£1,200'],
    ]);
  });

  test('de_DE: decimal comma, dot grouping, day-first dates with dots, German month names and WAHR', () => {
    expect(written('de_DE', ['1,5', '1.234,50', '1.5', '3.4.2027', '3. März 2027', '500 €', 'WAHR', '3/4'])).toEqual([
      [1.5, '1,5'],
      [1234.5, '1.234,50'],
      [`${year}-05-01`, '1.5'],
      ['2027-04-03', '3.4.2027'],
      ['2027-03-03', '3 March 2027'],
      [500, '500 €'],
      [true, 'TRUE'],
      [`${year}-04-03`, '3/4'],
    ]);
  });

  test('a leading apostrophe or a plain-text format ("@") set before the write keeps text as written', () => {
    const emu = createEmulator({ locale: 'en_US' });
    const sheet = emu.spreadsheet.getActiveSheet();
    sheet.getRange('B1:B3').setNumberFormat('@');
    sheet.getRange('A1:B3').setValues([
      ["'Mar 3", 'Mar 3'],
      ["'¥500", '=1+1'],
      ["'=1+1", '1,5'],
    ]);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['Mar 3', 'Mar 3'],
      ['¥500', '=1+1'],
      ['=1+1', '1,5'],
    ]);
    expect(
      sheet
        .getRange('A1:B3')
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    // What a person types into a plain-text cell stays text too.
    emu.enterInput('Sheet1', 'B1', 'May 2027');
    expect(sheet.getRange('B1').getValue()).toBe('May 2027');
  });

  test('what a person types is read the same way (enterInput), in the locale of the spreadsheet', () => {
    const emu = createEmulator({ locale: 'de_DE', timeZone: 'UTC' });
    emu.enterInput('Sheet1', 'A1', '1,5');
    emu.enterInput('Sheet1', 'A2', 'Mar 3');
    const sheet = emu.spreadsheet.getActiveSheet();
    expect(sheet.getRange('A1').getValue()).toBe(1.5);
    expect(Object.prototype.toString.call(sheet.getRange('A2').getValue())).toBe('[object Date]');
  });
});
