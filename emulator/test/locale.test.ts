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
