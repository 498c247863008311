/** "Insert function examples" shows money results in the spreadsheet's currency (the built bundle, on the emulator). */
import { loadDist } from '../../emulator/src';
import { describeFunctions } from '../../src/functions';
import { EXAMPLES_SHEET_NAME, examplesGrid, MONEY_RESULT_COLUMNS } from '../../src/sheets/examples';
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

test('the money ranges cover the live-result column (E) and, for tables, the rows below the header', () => {
  const grid = examplesGrid();
  const taxSetAside = grid.values.findIndex((row) => row[0] === 'TAX_SET_ASIDE') + 1;
  const schedule = grid.values.findIndex((row) => row[0] === 'BUFFER_SCHEDULE') + 1;
  expect(grid.moneyRanges).toContain(`E${taxSetAside}`);
  expect(grid.moneyRanges).toContain(`F${schedule + 1}:F${schedule + 6}`);
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
  expect(examplesShown('de_DE').shown.find((row) => row[0] === 'TAX_ESTIMATE_UK')?.[4]).toBe('4.531,80 €');
  const unknown = examplesShown('sv_SE');
  expect(unknown.shown[unknown.rowOf('TAX_SET_ASIDE')][4]).toBe('1\u00a0500,00');
});
