/**
 * "Insert function examples": a sheet listing every Jumpwise function with its example formula live beside the
 * formula text, so people can see each one work and copy it. Generated from the function table.
 */
import { PRODUCT_NAME } from '../brand';
import { describeFunctions, type FunctionInfo } from '../functions';
import { columnLetters } from '../layout/grid';
import { cellValue } from '../plan/cellValue';
import { moneyFormat, moneyFormatIn, type TaxCurrency } from '../plan/currency';
import { findMarkedSheet, swapInBuiltSheet } from './planWriter';

export const EXAMPLES_SHEET_NAME = `${PRODUCT_NAME} function examples`;
/** Marks the sheet Jumpwise made, so inserting again replaces it and never a sheet of the user's. */
const EXAMPLES_METADATA_KEY = 'leap.functionExamples';

export const EXAMPLES_HEADER = ['Function', 'What it does', 'Formula', 'Expected', 'Live result'] as const;
/**
 * Rows left free under a function that spills a table (BUFFER_SCHEDULE, TAX_DUE_DATES), so the spill fits: the
 * largest example is TAX_CALENDAR_CA's, a header and 13 rows.
 */
export const EXAMPLE_TABLE_ROWS = 14;

/**
 * The columns of a function's result that are amounts of money, counted from the result's first column (0);
 * a table's header row is not money. Functions not listed give rates, months, dates or counts.
 */
export const MONEY_RESULT_COLUMNS: Readonly<Record<string, readonly number[]>> = {
  TAX_SET_ASIDE: [0],
  LOW_END_INCOME: [0],
  LOW_END_BUDGET: [0],
  BUFFER_TARGET: [0],
  BUFFER_SCHEDULE: [1],
  BENEFITS_COST: [0],
  HOURLY_RATE: [0],
  SE_TAX: [0],
  INCOME_TAX_US: [0],
  TAX_ESTIMATE_US: [0],
  SAFE_HARBOR: [0],
  ESTIMATED_PAYMENT_US: [0],
  RUNWAY_BANDS: [1, 2, 3],
  RECEIVABLES_AGING: [1],
  TAX_ESTIMATE_UK: [0],
  PAYMENTS_ON_ACCOUNT_UK: [2],
  TAX_ESTIMATE_CA: [0],
  INSTALMENTS_CA: [2],
  TAX_CALENDAR_UK: [2],
  TAX_CALENDAR_CA: [2],
};

/**
 * The currency a function's money is in whatever the spreadsheet's locale: a country's tax is in its own money
 * (a UK bill in pounds shows £ in a de_DE spreadsheet too). Money of the functions not listed is the person's own
 * and shows in the spreadsheet's currency.
 */
export const RESULT_CURRENCIES: Readonly<Record<string, TaxCurrency>> = {
  SE_TAX: 'USD',
  INCOME_TAX_US: 'USD',
  TAX_ESTIMATE_US: 'USD',
  SAFE_HARBOR: 'USD',
  ESTIMATED_PAYMENT_US: 'USD',
  TAX_ESTIMATE_UK: 'GBP',
  PAYMENTS_ON_ACCOUNT_UK: 'GBP',
  TAX_ESTIMATE_CA: 'CAD',
  INSTALMENTS_CA: 'CAD',
  TAX_CALENDAR_UK: 'GBP',
  TAX_CALENDAR_CA: 'CAD',
};

/** The sheet column (1 = A) of the live result. */
const LIVE_COLUMN = EXAMPLES_HEADER.indexOf('Live result') + 1;

interface ExamplesGrid {
  values: (string | number)[][];
  /** A1 ranges of the live results that are money: they get the spreadsheet's currency format. */
  moneyRanges: string[];
  /** A1 ranges of the live results in a currency of their own (RESULT_CURRENCIES), by currency. */
  currencyRanges: Partial<Record<TaxCurrency, string[]>>;
}

/** The grid: one row per function, with room below table functions for their spill. */
export function examplesGrid(functions: readonly FunctionInfo[] = describeFunctions()): ExamplesGrid {
  const values: (string | number)[][] = [[...EXAMPLES_HEADER]];
  const moneyRanges: string[] = [];
  const currencyRanges: Partial<Record<TaxCurrency, string[]>> = {};
  for (const f of functions) {
    const row = values.length + 1;
    values.push([f.name, f.summary, f.example.formula, f.example.result, f.example.formula]);
    const table = f.shape === 'table';
    if (table) for (let i = 1; i < EXAMPLE_TABLE_ROWS; i++) values.push(['', '', '', '', '']);
    const currency = RESULT_CURRENCIES[f.name];
    if (currency && !currencyRanges[currency]) currencyRanges[currency] = [];
    const ranges = (currency && currencyRanges[currency]) || moneyRanges;
    for (const offset of MONEY_RESULT_COLUMNS[f.name] ?? []) {
      const column = columnLetters(LIVE_COLUMN + offset);
      ranges.push(table ? `${column}${row + 1}:${column}${row + EXAMPLE_TABLE_ROWS - 1}` : `${column}${row}`);
    }
  }
  return { values, moneyRanges, currencyRanges };
}

export function insertExamples(): { sheetName: string } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const previous = findMarkedSheet(spreadsheet, EXAMPLES_METADATA_KEY);
  let name = previous ? previous.getName() : EXAMPLES_SHEET_NAME;
  for (let n = 2; !previous && spreadsheet.getSheetByName(name); n++) name = `${EXAMPLES_SHEET_NAME} ${n}`;
  const { values, moneyRanges, currencyRanges } = examplesGrid();
  const locale = spreadsheet.getSpreadsheetLocale();
  const money = moneyFormat(locale, { cents: true });
  const sheet = spreadsheet.insertSheet(`${EXAMPLES_SHEET_NAME} (building ${Date.now()})`);
  const finish = () => {
    sheet.setName(name);
    sheet.activate();
  };
  swapInBuiltSheet(spreadsheet, previous, sheet, {
    write: () => {
      // Columns A-D are text (the formula shown as text); column E is the same formula, live.
      const cells = values.map((row, r) =>
        row.map((v, c) => (r > 0 && c === 4 ? v : cellValue(v === '' ? null : { text: String(v) }))),
      );
      const range = sheet.getRange(1, 1, values.length, EXAMPLES_HEADER.length);
      range.setValues(cells);
      range.setFontWeights(values.map((row, r) => row.map((v, c) => (r === 0 || (c === 0 && v !== '') ? 'bold' : 'normal'))));
      // Money results show the spreadsheet's currency (£1,500.00 in en_GB); one call for every money cell.
      if (moneyRanges.length > 0) sheet.getRangeList(moneyRanges).setNumberFormat(money);
      // A country's tax in its own currency (£4,531.80 in a de_DE spreadsheet as 4.531,80 £): one call per currency.
      for (const [currency, ranges] of Object.entries(currencyRanges) as [TaxCurrency, string[]][]) {
        sheet.getRangeList(ranges).setNumberFormat(moneyFormatIn(locale, currency, { cents: true }));
      }
      // Descriptions, formulas and expected results wrap within their columns instead of being cut off.
      sheet.getRange(2, 2, values.length - 1, 3).setWrap(true);
      sheet.setFrozenRows(1);
      sheet.setColumnWidths(1, 1, 190);
      sheet.setColumnWidths(2, 1, 420);
      sheet.setColumnWidths(3, 1, 330);
      sheet.setColumnWidths(4, 2, 150);
      sheet.addDeveloperMetadata(EXAMPLES_METADATA_KEY, '1');
    },
    finish,
    finishAgain: finish,
  });
  return { sheetName: name };
}
