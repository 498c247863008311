/**
 * Money follows the spreadsheet's locale: the table of currencies, the cell patterns, and sentences (TEXT) that
 * show the very text the cells show, all checked through the emulator's display values.
 */

import {
  LOCALE_CURRENCIES,
  localeCurrency,
  moneyFormat,
  moneyFormatIn,
  moneyFormats,
  moneyText,
  PLAIN_MONEY_FORMAT,
} from '../../src/plan/currency';
import { createLeapEmulator } from '../support/emulator';

/** What Sheets shows for 1234.5 and -1234.5 with cents, and for 1234.5 as a whole amount, per locale. */
const EXPECTED: Record<string, [cents: string, negativeCents: string, whole: string]> = {
  en_US: ['$1,234.50', '-$1,234.50', '$1,235'],
  en_GB: ['£1,234.50', '-£1,234.50', '£1,235'],
  en_CA: ['$1,234.50', '-$1,234.50', '$1,235'],
  en_AU: ['$1,234.50', '-$1,234.50', '$1,235'],
  en_NZ: ['$1,234.50', '-$1,234.50', '$1,235'],
  en_IE: ['€1,234.50', '-€1,234.50', '€1,235'],
  en_IN: ['₹1,234.50', '-₹1,234.50', '₹1,235'],
  de_DE: ['1.234,50 €', '-1.234,50 €', '1.235 €'],
  fr_FR: ['1\u202f234,50 €', '-1\u202f234,50 €', '1\u202f235 €'],
  es_ES: ['1.234,50 €', '-1.234,50 €', '1.235 €'],
  it_IT: ['1.234,50 €', '-1.234,50 €', '1.235 €'],
  nl_NL: ['€ 1.234,50', '-€ 1.234,50', '€ 1.235'],
  ja_JP: ['¥1,235', '-¥1,235', '¥1,235'],
  pt_BR: ['R$ 1.234,50', '-R$ 1.234,50', 'R$ 1.235'],
  de_CH: ["CHF 1'234.50", "-CHF 1'234.50", "CHF 1'235"],
};

/** A1:A3 hold 1234.5, -1234.5 (cents format) and 1234.5 (whole format) in a spreadsheet of this locale. */
function displayed(locale: string): string[] {
  const emu = createLeapEmulator({ locale });
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange('A1:A3').setValues([[1234.5], [-1234.5], [1234.5]]);
  const cents = moneyFormat(emu.spreadsheet.getSpreadsheetLocale(), { cents: true });
  sheet.getRange('A1:A3').setNumberFormats([[cents], [cents], [moneyFormat(locale)]]);
  return sheet
    .getRange('A1:A3')
    .getDisplayValues()
    .map((row) => row[0]);
}

describe('the currency table', () => {
  test('every locale Jumpwise knows is checked here, and every one checked is in the table', () => {
    expect(Object.keys(LOCALE_CURRENCIES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.keys(EXPECTED))('%s: 1234.5 and -1234.5 show as Sheets shows them', (locale) => {
    expect(displayed(locale)).toEqual(EXPECTED[locale]);
    // The table's own note of what a cell shows agrees with the display.
    expect(LOCALE_CURRENCIES[locale].shows).toBe(EXPECTED[locale][0]);
  });

  test('patterns write the symbol as Sheets does: $ as a literal, others in [$…], before or after the digits', () => {
    expect(moneyFormat('en_US')).toBe('$#,##0');
    expect(moneyFormat('en_US', { cents: true })).toBe('$#,##0.00');
    expect(moneyFormat('en_GB', { cents: true })).toBe('[$£]#,##0.00');
    expect(moneyFormat('de_DE', { cents: true })).toBe('#,##0.00 [$€]');
    expect(moneyFormat('pt_BR')).toBe('[$R$] #,##0');
    // The yen has no minor unit: a cents format still shows whole yen.
    expect(moneyFormat('ja_JP', { cents: true })).toBe('[$¥]#,##0');
    expect(moneyFormats('nl_NL')).toEqual({ money: '[$€] #,##0', moneyCents: '[$€] #,##0.00', axisMoney: "'€' #,##0" });
  });

  test('locale names are read in any case and with - or _', () => {
    expect(localeCurrency('en-gb')?.symbol).toBe('£');
    expect(localeCurrency(' de_de ')?.placement).toBe('after');
    expect(moneyFormat('EN-GB')).toBe('[$£]#,##0');
  });

  test.each(['sv_SE', 'xx_YY', 'en', '', 'constructor'])(
    'an unknown locale (%j) falls back to a plain number format with no symbol',
    (locale) => {
      expect(localeCurrency(locale)).toBeUndefined();
      expect(moneyFormat(locale)).toBe(PLAIN_MONEY_FORMAT.whole);
      expect(moneyFormat(locale, { cents: true })).toBe('#,##0.00');
      expect(moneyText(locale, { cents: true })('A1')).toBe('TEXT(A1,"#,##0.00")');
    },
  );

  test('an unknown locale shows the number with its own separators and no currency symbol', () => {
    const emu = createLeapEmulator({ locale: 'sv_SE' });
    const cell = emu.spreadsheet.getActiveSheet().getRange('A1');
    cell.setValue(-1234.5).setNumberFormat(moneyFormat('sv_SE', { cents: true }));
    // Swedish groups with a no-break space and writes a decimal comma (CLDR); no $, £ or € appears.
    expect(cell.getDisplayValue()).toBe('-1\u00a0234,50');
  });
});

describe('a tax in its own currency, whatever the spreadsheet', () => {
  /** What a cell in this currency shows for 1234.5 (cents) in a spreadsheet of this locale. */
  const shownIn = (locale: string, currency: 'USD' | 'GBP' | 'CAD'): string => {
    const emu = createLeapEmulator({ locale });
    const cell = emu.spreadsheet.getActiveSheet().getRange('A1');
    cell.setValue(1234.5).setNumberFormat(moneyFormatIn(locale, currency, { cents: true }));
    return cell.getDisplayValue();
  };

  test.each([
    ['en_US', 'GBP', '£1,234.50'],
    ['en_US', 'CAD', 'CA$1,234.50'],
    ['en_US', 'USD', '$1,234.50'],
    ['en_GB', 'GBP', '£1,234.50'],
    ['en_GB', 'USD', 'US$1,234.50'],
    ['en_CA', 'CAD', '$1,234.50'],
    ['en_CA', 'GBP', '£1,234.50'],
    ['de_DE', 'GBP', '1.234,50 £'],
    ['de_DE', 'CAD', '1.234,50 CA$'],
    ['en_AU', 'USD', 'US$1,234.50'],
    ['sv_SE', 'GBP', '£1\u00a0234,50'],
  ] as const)('%s spreadsheet, %s: %s', (locale, currency, shows) => {
    expect(shownIn(locale, currency)).toBe(shows);
  });

  test("the locale's own currency keeps its own pattern; another goes in [$…] placed as the locale places its own", () => {
    expect(moneyFormatIn('en_GB', 'GBP')).toBe(moneyFormat('en_GB'));
    expect(moneyFormatIn('en_CA', 'CAD', { cents: true })).toBe('$#,##0.00');
    expect(moneyFormatIn('en_US', 'CAD', { cents: true })).toBe('[$CA$]#,##0.00');
    expect(moneyFormatIn('de_DE', 'GBP')).toBe('#,##0 [$£]');
    expect(moneyFormatIn('nl_NL', 'CAD')).toBe('[$CA$] #,##0');
  });
});

describe('sentences quote amounts as the cells show them', () => {
  test('moneyText wraps an expression in TEXT with the cell pattern', () => {
    expect(moneyText('en_GB')('-B7')).toBe('TEXT(-B7,"[$£]#,##0")');
    expect(moneyText('de_DE', { cents: true })('=$C$3*2')).toBe('TEXT($C$3*2,"#,##0.00 [$€]")');
    expect(() => moneyText('en_GB')('  ')).toThrow('moneyText: the amount is empty');
  });

  test.each(Object.keys(EXPECTED))('%s: a sentence built with moneyText evaluates to the text the money cell shows', (locale) => {
    const emu = createLeapEmulator({ locale });
    const sheet = emu.spreadsheet.getActiveSheet();
    const amounts = [1234.5, -1234.5, 0, 987654.321];
    sheet.getRange(1, 1, amounts.length, 1).setValues(amounts.map((a) => [a]));
    for (const cents of [false, true]) {
      sheet.getRange(1, 1, amounts.length, 1).setNumberFormat(moneyFormat(locale, { cents }));
      const quote = moneyText(locale, { cents });
      sheet
        .getRange(1, 2, amounts.length, 1)
        .setFormulas(amounts.map((_, i) => [`="A low month leaves you "&${quote(`A${i + 1}`)}&" short"`]));
      const shown = sheet.getRange(1, 1, amounts.length, 1).getDisplayValues();
      const sentences = sheet.getRange(1, 2, amounts.length, 1).getValues();
      expect(sentences).toEqual(shown.map(([text]) => [`A low month leaves you ${text} short`]));
    }
  });

  test('changing the spreadsheet locale changes both the cells and the sentences', () => {
    const emu = createLeapEmulator({ locale: 'en_GB' });
    const sheet = emu.spreadsheet.getActiveSheet();
    sheet.getRange('A1').setValue(1234.5).setNumberFormat('#,##0.00');
    sheet.getRange('B1').setFormula('=TEXT(A1,"#,##0.00")');
    expect([sheet.getRange('A1').getDisplayValue(), sheet.getRange('B1').getValue()]).toEqual(['1,234.50', '1,234.50']);
    emu.spreadsheet.setSpreadsheetLocale('de_DE');
    expect(emu.spreadsheet.getSpreadsheetLocale()).toBe('de_DE');
    expect([sheet.getRange('A1').getDisplayValue(), sheet.getRange('B1').getValue()]).toEqual(['1.234,50', '1.234,50']);
  });
});
