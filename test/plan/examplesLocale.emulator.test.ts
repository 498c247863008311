/** "Insert function examples" shows money results in the spreadsheet's currency (the built bundle, on the emulator). */
import { loadDist } from '../../emulator/src';
import { describeFunctions } from '../../src/functions';
import {
  EXAMPLE_TABLE_ROWS,
  EXAMPLES_SHEET_NAME,
  examplesGrid,
  MONEY_RESULT_COLUMNS,
  RESULT_CURRENCIES,
} from '../../src/sheets/examples';
import { createLeapEmulator } from '../support/emulator';

/** The examples sheet of a fresh spreadsheet in this locale, as displayed, with the row each function starts on. */
function examplesShown(locale: string): { shown: string[][]; rowOf: (name: string) => number } {
  const emu = createLeapEmulator({ locale, timeZone: 'UTC' });
  loadDist(emu);
  emu.run('leapInsertExamples');
  const sheet = emu.spreadsheet.getSheetByName(EXAMPLES_SHEET_NAME);
  if (!sheet) throw new Error('no examples sheet');
  const shown = sheet.getDataRange().getDisplayValues();
  return { shown, rowOf: (name) => shown.findIndex((row) => row[0] === name) };
}

test('every function named as giving money exists, and its money columns fit the table it returns', () => {
  const byName = new Map(describeFunctions().map((f) => [f.name, f]));
  for (const [name, columns] of Object.entries(MONEY_RESULT_COLUMNS)) {
    const f = byName.get(name);
    expect({ name, known: f !== undefined }).toEqual({ name, known: true });
    if (f?.shape !== 'table') expect({ name, columns }).toEqual({ name, columns: [0] });
  }
});

test("every function with a currency of its own gives money, and its ranges get that currency, not the document's", () => {
  const grid = examplesGrid();
  for (const [name, currency] of Object.entries(RESULT_CURRENCIES)) {
    expect({ name, money: name in MONEY_RESULT_COLUMNS }).toEqual({ name, money: true });
    const row = grid.values.findIndex((r) => r[0] === name) + 1;
    const own = grid.currencyRanges[currency] ?? [];
    expect({ name, own: own.some((a1) => a1.match(/\d+/)?.[0] === String(row) || a1.includes(`${row + 1}:`)) }).toEqual({
      name,
      own: true,
    });
    expect(grid.moneyRanges.filter((a1) => a1.match(/\d+/)?.[0] === String(row))).toEqual([]);
  }
});

test('the money ranges cover the live-result column (E) and, for tables, the rows below the header', () => {
  const grid = examplesGrid();
  const taxSetAside = grid.values.findIndex((row) => row[0] === 'TAX_SET_ASIDE') + 1;
  const schedule = grid.values.findIndex((row) => row[0] === 'BUFFER_SCHEDULE') + 1;
  expect(grid.moneyRanges).toContain(`E${taxSetAside}`);
  // Every table gets the rows the largest example spills (TAX_CALENDAR_CA: a header and 13 rows).
  expect(EXAMPLE_TABLE_ROWS).toBe(14);
  expect(grid.moneyRanges).toContain(`F${schedule + 1}:F${schedule + EXAMPLE_TABLE_ROWS - 1}`);
  expect(grid.moneyRanges.some((a1) => a1.startsWith('E') && a1.includes(':'))).toBe(false);
});

test('in an en_GB spreadsheet the money results show £; rates and counts show no symbol', () => {
  const { shown, rowOf } = examplesShown('en_GB');
  expect(shown[rowOf('TAX_SET_ASIDE')][4]).toBe('£1,500.00');
  expect(shown[rowOf('TAX_ESTIMATE_UK')][4]).toBe('£4,531.80');
  expect(shown[rowOf('HOURLY_RATE')][4]).toBe('£82.61');
  // BUFFER_SCHEDULE spills Month | Saved | Of target from column E: Saved (F) is money, the header stays text.
  const schedule = rowOf('BUFFER_SCHEDULE');
  expect(shown[schedule][5]).toBe('Saved');
  expect(shown[schedule + 1][5]).toMatch(/^£\d{1,3}(,\d{3})*\.\d{2}$/);
  expect(shown[rowOf('TAX_RATE_UK')][4]).not.toMatch(/£/);
  expect(shown[rowOf('BUFFER_MONTHS')][4]).toBe('6');
  // The Expected column is the README's text and stays as written.
  expect(shown[rowOf('TAX_SET_ASIDE')][3]).toBe('1500');
});

test('a de_DE spreadsheet shows euros after the amount with its separators; an unknown locale shows no symbol', () => {
  const de = examplesShown('de_DE');
  expect(de.shown[de.rowOf('TAX_SET_ASIDE')][4]).toBe('1.500,00 €');
  const unknown = examplesShown('sv_SE');
  expect(unknown.shown[unknown.rowOf('TAX_SET_ASIDE')][4]).toBe('1\u00a0500,00');
});

/** The live result of a function, and the first amount its table spills (column G, under the header) if it spills. */
const resultOf = (ex: ReturnType<typeof examplesShown>, name: string, tableRow = 0) =>
  tableRow === 0 ? ex.shown[ex.rowOf(name)][4] : ex.shown[ex.rowOf(name) + tableRow][6];

describe.each([
  // The same amounts in three spreadsheets: the pound and the Canadian dollar are named whatever the locale.
  // SE_TAX(50000) is 7064.775 to the cent's half: the display's last digit is the engine's rounding, not Jumpwise's.
  ['en_US', '£4,531.80', '£0.00', 'CA$11,878.93', 'CA$2,500.00', /^\$7,064\.7\d$/],
  ['de_DE', '4.531,80 £', '0,00 £', '11.878,93 CA$', '2.500,00 CA$', /^7\.064,7\d US\$$/],
  ['en_CA', '£4,531.80', '£0.00', '$11,878.93', '$2,500.00', /^US\$7,064\.7\d$/],
])(
  'in an %s spreadsheet the UK and Canadian results show their own currency',
  (locale, ukTax, ukPoa, caTax, caInstalment, usTax) => {
    const ex = examplesShown(locale);
    test('the UK estimate and payments on account in pounds', () => {
      expect(resultOf(ex, 'TAX_ESTIMATE_UK')).toBe(ukTax);
      expect(resultOf(ex, 'PAYMENTS_ON_ACCOUNT_UK', 1)).toBe(ukPoa);
    });
    test('the Canadian estimate and instalments in Canadian dollars', () => {
      expect(resultOf(ex, 'TAX_ESTIMATE_CA')).toBe(caTax);
      expect(resultOf(ex, 'INSTALMENTS_CA', 1)).toBe(caInstalment);
    });
    test('a US tax in US dollars, and a rate with no symbol', () => {
      expect(resultOf(ex, 'SE_TAX')).toMatch(usTax);
      expect(resultOf(ex, 'TAX_RATE_CA')).not.toMatch(/\$|£|€/);
    });
  },
);
