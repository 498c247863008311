/**
 * The sample workbook the preview starts with: a freelancer's year of earnings and expenses on an "Income" sheet,
 * with Jumpwise formulas that a first-time user can read, change and copy. Values are typed the way a person types
 * them (emulator.enterInput); formatting uses the same Spreadsheet calls an Apps Script would.
 */
import type { Emulator } from '../../emulator/src/index';
import { moneyFormat } from '../../src/plan/currency';

export const SAMPLE_TITLE = 'My freelance year';
export const SAMPLE_SHEET = 'Income';

/**
 * A year that swings the way freelance income does: two lean months, a strong spring and autumn. Amounts are typed
 * without grouping, which every locale reads the same way ("4,200" is 4.2 in de_DE, as a person there typing it gets).
 */
const MONTHS: [month: string, earnings: string, expenses: string][] = [
  ['2026-01-01', '4200', '2950'],
  ['2026-02-01', '3100', '2900'],
  ['2026-03-01', '6100', '3050'],
  ['2026-04-01', '5200', '3000'],
  ['2026-05-01', '7400', '3200'],
  ['2026-06-01', '2800', '2850'],
  ['2026-07-01', '4600', '3100'],
  ['2026-08-01', '3900', '3300'],
  ['2026-09-01', '5900', '2950'],
  ['2026-10-01', '6800', '3000'],
  ['2026-11-01', '4100', '3150'],
  ['2026-12-01', '5500', '3600'],
];

const FIRST = 2;
const LAST = FIRST + MONTHS.length - 1;

/** Label, what is typed in column H, and its number format ("money": the spreadsheet's currency). */
const SUMMARY: [label: string, input: string, format: string][] = [
  ['Low-end month (mean of the 3 lowest)', `=LOW_END_INCOME(B${FIRST}:B${LAST}, "low3")`, 'money'],
  ['Income volatility', `=INCOME_VOLATILITY(B${FIRST}:B${LAST})`, '0.0%'],
  ['Buffer months for that volatility', `=BUFFER_MONTHS(B${FIRST}:B${LAST})`, '0'],
  ['Buffer target', `=BUFFER_TARGET(AVERAGE(C${FIRST}:C${LAST}), H4)`, 'money'],
  ['Savings now', '8,000', 'money'],
  ['Saved each month (average)', `=AVERAGE(E${FIRST}:E${LAST})`, 'money'],
  ['Months to reach the buffer', '=BUFFER_MONTHS_TO_GOAL(H6, H5, H7)', '0.0'],
  ['Monthly budget on the low end', `=LOW_END_BUDGET(B${FIRST}:B${LAST}, 30%, 400)`, 'money'],
];

export function loadSampleWorkbook(emulator: Emulator): void {
  const spreadsheet = emulator.spreadsheet;
  const sheet = spreadsheet.getSheets()[0];
  sheet.setName(SAMPLE_SHEET);
  const type = (a1: string, input: string): void => emulator.enterInput(SAMPLE_SHEET, a1, input);

  ['Month', 'Earnings', 'Expenses', 'Tax set-aside (30%)', 'Left over'].forEach((heading, i) => {
    type(`${'ABCDE'[i]}1`, heading);
  });
  MONTHS.forEach(([month, earnings, expenses], i) => {
    const row = FIRST + i;
    type(`A${row}`, month);
    type(`B${row}`, earnings);
    type(`C${row}`, expenses);
    type(`E${row}`, `=B${row}-C${row}-D${row}`);
  });
  // One call over the whole column spills twelve results: one round trip instead of twelve.
  type(`D${FIRST}`, `=TAX_SET_ASIDE(B${FIRST}:B${LAST}, 30%)`);
  const total = LAST + 1;
  type(`A${total}`, 'Total');
  for (const column of 'BCDE') type(`${column}${total}`, `=SUM(${column}${FIRST}:${column}${LAST})`);

  type('G1', 'What the year says');
  SUMMARY.forEach(([label, input], i) => {
    type(`G${FIRST + i}`, label);
    type(`H${FIRST + i}`, input);
  });

  sheet.getRange(`A${FIRST}:A${LAST}`).setNumberFormat('mmm yyyy');
  // Amounts in the spreadsheet's currency: $ in en_US, £ in en_GB, € after the amount in de_DE.
  const money = moneyFormat(spreadsheet.getSpreadsheetLocale());
  sheet.getRange(`B${FIRST}:E${total}`).setNumberFormat(money);
  sheet
    .getRange(`H${FIRST}:H${FIRST + SUMMARY.length - 1}`)
    .setNumberFormats(SUMMARY.map(([, , format]) => [format === 'money' ? money : format]));
  sheet.getRange('A1:H1').setFontWeight('bold').setBackground('#e6f4ea');
  sheet.getRange(`A${total}:E${total}`).setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 90);
  sheet.setColumnWidths(2, 3, 100);
  sheet.setColumnWidth(4, 140);
  sheet.setColumnWidth(7, 250);
  sheet.setColumnWidth(6, 40);
}
