/**
 * The Ledger, Categories and Books sheets as pure grids: values, formulas, formats and named ranges. The writer
 * (src/sheets/booksWriter.ts) copies them onto sheets in a few batched calls.
 *
 * Every figure on Books is a native formula (SUMIFS, SUMPRODUCT, COUNTIFS) over whole Ledger columns, so rows the
 * import appends, rows a person adds and a category a person changes count at once, with no custom function calls.
 */

import { moneyFormat, moneyFormatIn } from '../plan/currency';
import { type Cell, columnLetters } from '../plan/layout';
import { CATEGORY_HEADER, type CategoryDefault, SCHEDULE_C_LINES, UNCATEGORISED } from './categories';
import { importKey } from './duplicates';
import type { StatementRow } from './types';

export const LEDGER_SHEET = 'Ledger';
export const CATEGORIES_SHEET = 'Categories';
export const BOOKS_SHEET = 'Books';

export const LEDGER_HEADER = ['Date', 'Description', 'Amount', 'Category', 'Account', 'Notes', 'Import key'] as const;
/** 1-based columns of the Ledger. */
export const LEDGER_COLUMN = { date: 1, description: 2, amount: 3, category: 4, account: 5, notes: 6, importKey: 7 } as const;

/** Formats that read the same in every locale: ISO dates, and amounts whose separators follow the document's locale. */
const LEDGER_DATE_FORMAT = 'yyyy-mm-dd';
const LEDGER_AMOUNT_FORMAT = '#,##0.00';

/**
 * Money formats of the Books sheet: `books` for the person's own amounts (the months, Schedule C, the reserve), in
 * the document's currency; `federal` for the US federal estimated-tax blocks, always in dollars. A plain number
 * where the caller knows no currency.
 */
export interface BooksMoney {
  books: string;
  federal: string;
}
export const PLAIN_BOOKS_MONEY: BooksMoney = { books: '#,##0.00', federal: '$#,##0.00' };

/** The Books money formats of a spreadsheet in `locale`: its own currency, and dollars placed as it places money. */
export const booksMoney = (locale: string): BooksMoney => ({
  books: moneyFormat(locale, { cents: true }),
  federal: moneyFormatIn(locale, 'USD', { cents: true }),
});
const PERCENT = '0%';

/** The one rate a Books sheet starts from when there is no plan: the 25-30% rule's top. */
const DEFAULT_BOOKS_TAX_RATE = 0.3;

/** How many rows of the Categories sheet (below its header) the Books sheet reads. */
export const CATEGORY_ROWS = 40;

export interface SheetGrid {
  cells: Cell[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  backgrounds: (string | null)[][];
}

const HEADER_FILL = '#f1f3f4';
const INPUT_FILL = '#e8f0fe';

/** Builds a rectangular grid from cells put at 1-based positions. */
class GridBuilder {
  private readonly specs = new Map<string, { cell: Cell; format?: string; bold?: boolean; fill?: string }>();
  rows = 0;
  columns = 0;
  put(row: number, column: number, cell: Cell, options: { format?: string; bold?: boolean; fill?: string } = {}): void {
    this.specs.set(`${row},${column}`, { cell, ...options });
    this.rows = Math.max(this.rows, row);
    this.columns = Math.max(this.columns, column);
  }
  build(): SheetGrid {
    const grid: SheetGrid = { cells: [], numberFormats: [], fontWeights: [], backgrounds: [] };
    for (let r = 1; r <= this.rows; r++) {
      const spec = (c: number) => this.specs.get(`${r},${c}`);
      const columns = Array.from({ length: this.columns }, (_, i) => spec(i + 1));
      grid.cells.push(columns.map((s) => s?.cell ?? null));
      grid.numberFormats.push(columns.map((s) => s?.format ?? 'General'));
      grid.fontWeights.push(columns.map((s) => (s?.bold ? 'bold' : 'normal')));
      grid.backgrounds.push(columns.map((s) => s?.fill ?? null));
    }
    return grid;
  }
}

const text = (t: string): Cell => ({ text: t });
const formula = (f: string): Cell => ({ formula: f });

// ---------------------------------------------------------------- Ledger

interface LedgerLayout extends SheetGrid {
  columnWidths: number[];
}

/** A new Ledger: its header row (the writer adds the filter, dropdown, formats and hidden key column). */
export function layoutLedger(): LedgerLayout {
  const g = new GridBuilder();
  LEDGER_HEADER.forEach((h, i) => {
    g.put(1, i + 1, text(h), { bold: true, fill: HEADER_FILL });
  });
  return { ...g.build(), columnWidths: [100, 320, 100, 200, 150, 220, 100] };
}

/** A ledger cell: a sheet cell, or a date written YYYY-MM-DD, which Sheets reads as a date in every locale. */
export type LedgerCell = Cell | { isoDate: string };

/** Ledger rows for statement rows, each with its category, in the Ledger's column order. */
export function ledgerRows(
  rows: readonly StatementRow[],
  account: string,
  categoryOf: (row: StatementRow) => string,
): LedgerCell[][] {
  return rows.map((row) => [
    { isoDate: row.date },
    text(row.description),
    { number: row.amount },
    text(categoryOf(row)),
    text(account),
    null,
    text(importKey(row)),
  ]);
}

/** The number formats of appended ledger rows. */
export const ledgerRowFormats = (count: number): string[][] =>
  Array.from({ length: count }, () => [
    LEDGER_DATE_FORMAT,
    'General',
    LEDGER_AMOUNT_FORMAT,
    'General',
    'General',
    'General',
    'General',
  ]);

// ---------------------------------------------------------------- Categories

interface CategoriesLayout extends SheetGrid {
  /** A1 of the Kind cells below the header, for the Kind dropdown. */
  kindRange: string;
  columnWidths: number[];
}

export function layoutCategories(defaults: readonly CategoryDefault[]): CategoriesLayout {
  const g = new GridBuilder();
  CATEGORY_HEADER.forEach((h, i) => {
    g.put(1, i + 1, text(h), { bold: true, fill: HEADER_FILL });
  });
  defaults.forEach((d, i) => {
    const row = i + 2;
    g.put(row, 1, text(d.category));
    g.put(row, 2, text(d.kind));
    g.put(row, 3, d.scheduleCLine === '' ? null : text(d.scheduleCLine));
    g.put(row, 4, { number: d.deductibleShare }, { format: PERCENT });
    g.put(row, 5, text(d.words.join(', ')));
  });
  return { ...g.build(), kindRange: `B2:B${CATEGORY_ROWS + 1}`, columnWidths: [220, 110, 120, 120, 460] };
}

// ---------------------------------------------------------------- Books

export const BOOKS_MONTH_HEADER = [
  'Month',
  'Money in (income)',
  'Business expenses (deductible)',
  'Profit',
  'Tax set aside at the rate',
  'Estimated tax paid',
  'Not yet categorised',
] as const;

export interface BooksLayout extends SheetGrid {
  /** name -> A1 on the Books sheet. */
  namedRanges: Record<string, string>;
  frozenRows: number;
  columnWidths: number[];
}

/** Rows and columns of the Books sheet, exported so tests read the cells they check by meaning. */
export const BOOKS = {
  yearRow: 2,
  rateRow: 3,
  monthHeaderRow: 5,
  firstMonthRow: 6,
  totalRow: 18,
  unknownCategoryRow: 19,
  scheduleC: { titleRow: 4, headerRow: 5, firstRow: 6, lineColumn: 9, nameColumn: 10, totalColumn: 11 },
  category: { titleRow: 26, headerRow: 27, firstRow: 28, firstMonthColumn: 5 },
  /** Tax payments (M:P) with the reserve below them, and the next payment (R:T), all above the by-category block. */
  taxPayments: {
    titleRow: 4,
    headerRow: 5,
    firstPeriodRow: 6,
    handTitleRow: 10,
    firstHandRow: 11,
    handRows: 6,
    totalRow: 17,
    dateColumn: 13,
    periodColumn: 14,
    amountColumn: 15,
    noteColumn: 16,
  },
  reserve: {
    titleRow: 19,
    accountRow: 20,
    balanceInputRow: 21,
    balanceRow: 22,
    owedRow: 23,
    gapRow: 24,
    sentenceRow: 25,
    labelColumn: 13,
    valueColumn: 14,
  },
  nextPayment: {
    titleRow: 4,
    todayRow: 5,
    statusRow: 6,
    priorTaxRow: 7,
    priorAgiRow: 8,
    withholdingRow: 9,
    previousDueRow: 10,
    periodsEndedRow: 11,
    nextDueRow: 12,
    firstProfitRow: 13,
    paidRow: 17,
    paymentRow: 18,
    flatRow: 19,
    sentenceRow: 20,
    labelColumn: 18,
    valueColumn: 19,
    noteColumn: 20,
  },
} as const;

/**
 * The 1040-ES payment periods: cumulative from January 1 to the end of each month listed (Form 1040-ES 2025,
 * "Payment Due Dates"; Form 2210 Schedule AI column headings "1/1/25 to 3/31/25", "to 5/31/25", "to 8/31/25",
 * "to 12/31/25").
 */
export const TAX_PERIODS = [
  { lastMonth: 3, lastDay: 31, ends: 'March 31' },
  { lastMonth: 5, lastDay: 31, ends: 'May 31' },
  { lastMonth: 8, lastDay: 31, ends: 'August 31' },
  { lastMonth: 12, lastDay: 31, ends: 'December 31' },
] as const;

/**
 * Where last year's figures sit on Form 1040, by the year of that return. The 2025 form split line 11 in two
 * (11a "This is your adjusted gross income", 11b its copy on page 2); total tax stayed on line 24 ("Add lines 22 and
 * 23. This is your total tax"). Sources: Form 1040 (2024), lines 11 and 24; Form 1040 (2025), lines 11a and 24.
 * A return newer than the table uses its latest row.
 */
export const FORM_1040_LINES = [
  { year: 2024, adjustedGrossIncome: '11', totalTax: '24' },
  { year: 2025, adjustedGrossIncome: '11a', totalTax: '24' },
] as const;

type Form1040Line = 'adjustedGrossIncome' | 'totalTax';

/** A formula expression: the line holding `line` on the Form 1040 of the year `yearExpression`, from the table. */
export function form1040LineFormula(line: Form1040Line, yearExpression: string): string {
  let formula = `"${FORM_1040_LINES[0][line]}"`;
  for (let i = 1; i < FORM_1040_LINES.length; i++) {
    // A line the form did not renumber that year needs no test of the year.
    if (FORM_1040_LINES[i][line] !== FORM_1040_LINES[i - 1][line]) {
      formula = `IF(${yearExpression}<${FORM_1040_LINES[i].year},${formula},"${FORM_1040_LINES[i][line]}")`;
    }
  }
  return formula;
}

const LEDGER = {
  date: `${LEDGER_SHEET}!$A:$A`,
  amount: `${LEDGER_SHEET}!$C:$C`,
  category: `${LEDGER_SHEET}!$D:$D`,
  account: `${LEDGER_SHEET}!$E:$E`,
};

/** The Ledger rows of the month that starts in `monthCell`, as SUMIFS/COUNTIFS criteria. */
const inMonth = (monthCell: string): string => `${LEDGER.date},">="&${monthCell},${LEDGER.date},"<"&EDATE(${monthCell},1)`;

/**
 * The Books sheet for the tax year `year`. The rate cell reads the plan's LEAP_TAX_RATE when a plan exists and
 * falls back to 30% (IFERROR) so Books works without one.
 */
export function layoutBooks(year: number, money: BooksMoney = PLAIN_BOOKS_MONEY): BooksLayout {
  const g = new GridBuilder();
  const named: Record<string, string> = {};
  const a1 = (row: number, column: number) => `${columnLetters(column)}${row}`;
  const abs = (row: number, column: number) => `$${columnLetters(column)}$${row}`;

  g.put(1, 1, text('Leap books'), { bold: true });
  g.put(1, 2, text('Live totals of the Ledger sheet. Edit the shaded cells; categorise Ledger rows to move them here.'));
  g.put(BOOKS.yearRow, 1, text('Tax year'));
  g.put(BOOKS.yearRow, 2, { number: year }, { format: '0', fill: INPUT_FILL });
  named.LEAP_BOOKS_YEAR = a1(BOOKS.yearRow, 2);
  g.put(BOOKS.rateRow, 1, text('Tax set-aside rate'));
  g.put(BOOKS.rateRow, 2, formula(`=IFERROR(LEAP_TAX_RATE,${DEFAULT_BOOKS_TAX_RATE})`), { format: '0.0%', fill: INPUT_FILL });
  g.put(BOOKS.rateRow, 3, text('Your plan\u2019s rate when there is a plan, else 30%; type your own to override.'));
  named.LEAP_BOOKS_TAX_RATE = a1(BOOKS.rateRow, 2);
  const yearCell = abs(BOOKS.yearRow, 2);
  const rateCell = abs(BOOKS.rateRow, 2);

  // ---- By category: one row per Categories row, a column per month, so the monthly table needs no array formulas.
  const cat = BOOKS.category;
  const firstCat = cat.firstRow;
  const lastCat = cat.firstRow + CATEGORY_ROWS - 1;
  const monthColumn = (m: number) => cat.firstMonthColumn + m - 1;
  const yearColumn = monthColumn(13);
  const scheduleAmountColumn = yearColumn + 1;
  const shareDeductedColumn = yearColumn + 2;
  const rowsColumn = yearColumn + 3;
  const block = (column: number) => `${abs(firstCat, column)}:${abs(lastCat, column)}`;
  g.put(cat.titleRow, 1, text(`By category (the first ${CATEGORY_ROWS} rows of the Categories sheet)`), { bold: true });
  const categoryHeader = ['Category', 'Kind', 'Schedule C line', 'Deductible share'];
  categoryHeader.forEach((h, i) => {
    g.put(cat.headerRow, i + 1, text(h), { bold: true, fill: HEADER_FILL });
  });
  for (let m = 1; m <= 12; m++) {
    g.put(cat.headerRow, monthColumn(m), formula(`=DATE(${yearCell},${m},1)`), { bold: true, fill: HEADER_FILL, format: 'mmm' });
  }
  g.put(cat.headerRow, yearColumn, text('Year'), { bold: true, fill: HEADER_FILL });
  g.put(cat.headerRow, scheduleAmountColumn, text('On Schedule C'), { bold: true, fill: HEADER_FILL });
  g.put(cat.headerRow, shareDeductedColumn, text('Share deducted'), { bold: true, fill: HEADER_FILL });
  g.put(cat.headerRow, rowsColumn, text('Rows'), { bold: true, fill: HEADER_FILL });
  const yearStart = `DATE(${yearCell},1,1)`;
  const inYear = `${LEDGER.date},">="&${yearStart},${LEDGER.date},"<"&DATE(${yearCell}+1,1,1)`;
  for (let i = 0; i < CATEGORY_ROWS; i++) {
    const row = firstCat + i;
    const source = (column: string) => `${CATEGORIES_SHEET}!$${column}${i + 2}`;
    const name = `$A${row}`;
    const kind = `$B${row}`;
    const share = `$D${row}`;
    g.put(row, 1, formula(`=IF(${source('A')}="","",${source('A')})`));
    g.put(row, 2, formula(`=IF(${name}="","",${source('B')}&"")`));
    // "Line 8" rather than 8: a text both SUMIFS and the Schedule C table match exactly, whatever the cell held.
    g.put(row, 3, formula(`=IF(OR(${name}="",${source('C')}=""),"","Line "&${source('C')})`));
    g.put(row, 4, formula(`=IF(${name}="","",IF(ISNUMBER(${source('D')}),${source('D')},0))`), { format: PERCENT });
    for (let m = 1; m <= 12; m++) {
      const month = `${columnLetters(monthColumn(m))}$${cat.headerRow}`;
      g.put(
        row,
        monthColumn(m),
        formula(`=IF(${name}="","",SUMIFS(${LEDGER.amount},${LEDGER.category},${name},${inMonth(month)}))`),
        {
          format: money.books,
        },
      );
    }
    const yearTotal = a1(row, yearColumn);
    g.put(row, yearColumn, formula(`=IF(${name}="","",SUM(${a1(row, monthColumn(1))}:${a1(row, monthColumn(12))}))`), {
      format: money.books,
      bold: true,
    });
    // Income as received; expenses as positive deductions with the deductible share applied (meals at 50%).
    g.put(
      row,
      scheduleAmountColumn,
      formula(`=IF($C${row}="","",IF(${kind}="Income",${yearTotal},IF(${kind}="Expense",-${yearTotal}*${share},"")))`),
      { format: money.books },
    );
    g.put(row, shareDeductedColumn, formula(`=IF(${kind}="Expense",${share},0)`), { format: PERCENT });
    g.put(row, rowsColumn, formula(`=IF(${name}="","",COUNTIFS(${LEDGER.category},${name},${inYear}))`), { format: '0' });
  }

  // ---- By month
  BOOKS_MONTH_HEADER.forEach((h, i) => {
    g.put(BOOKS.monthHeaderRow, i + 1, text(h), { bold: true, fill: HEADER_FILL });
  });
  const uncategorisedIn = (month: string, criteria: string) =>
    `SUMIFS(${LEDGER.amount},${inMonth(month)},${LEDGER.amount},">0",${LEDGER.category},${criteria})`;
  const uncategorisedCount = (month: string, criteria: string) => `COUNTIFS(${inMonth(month)},${LEDGER.category},${criteria})`;
  const first = BOOKS.firstMonthRow;
  const last = first + 11;
  for (let m = 1; m <= 12; m++) {
    const row = first + m - 1;
    const month = `$A${row}`;
    const amounts = block(monthColumn(m));
    g.put(row, 1, formula(`=DATE(${yearCell},${m},1)`), { format: 'mmmm yyyy' });
    // Uncategorised money in counts as income (blank or "Uncategorized"); uncategorised money out is not deducted.
    g.put(
      row,
      2,
      formula(
        `=SUMIFS(${amounts},${block(2)},"Income")+${uncategorisedIn(month, `"${UNCATEGORISED}"`)}+${uncategorisedIn(month, '""')}`,
      ),
      { format: money.books },
    );
    g.put(row, 3, formula(`=-SUMPRODUCT(${amounts},${block(shareDeductedColumn)})`), { format: money.books });
    g.put(row, 4, formula(`=B${row}-C${row}`), { format: money.books, bold: true });
    g.put(row, 5, formula(`=MAX(0,D${row})*${rateCell}`), { format: money.books });
    g.put(row, 6, formula(`=-SUMIFS(${amounts},${block(2)},"Tax payment")`), { format: money.books });
    g.put(row, 7, formula(`=${uncategorisedCount(month, `"${UNCATEGORISED}"`)}+${uncategorisedCount(month, '""')}`), {
      format: '0',
    });
  }
  const total = BOOKS.totalRow;
  g.put(total, 1, text('Year to date'), { bold: true, fill: HEADER_FILL });
  for (const column of [2, 3, 4, 6, 7]) {
    const letter = columnLetters(column);
    g.put(total, column, formula(`=SUM(${letter}${first}:${letter}${last})`), {
      format: column === 7 ? '0' : money.books,
      bold: true,
      fill: HEADER_FILL,
    });
  }
  // On the year's profit, not the sum of monthly set-asides: a loss in one month offsets profit in another.
  g.put(total, 5, formula(`=MAX(0,D${total})*${rateCell}`), { format: money.books, bold: true, fill: HEADER_FILL });
  // A Ledger row whose category is not on the Categories sheet (renamed or deleted there) counts in no total
  // above: this says how many there are, so they are not lost silently.
  g.put(BOOKS.unknownCategoryRow, 1, text('Rows of the year whose category is not on the Categories sheet (in no total above)'));
  g.put(
    BOOKS.unknownCategoryRow,
    7,
    formula(`=MAX(0,COUNTIFS(${inYear})-SUM(${block(rowsColumn)})-COUNTIFS(${inYear},${LEDGER.category},""))`),
    { format: '0', bold: true },
  );
  named.LEAP_BOOKS_MONTHS = `A${first}:A${last}`;
  named.LEAP_BOOKS_INCOME = `B${first}:B${last}`;
  named.LEAP_BOOKS_EXPENSES = `C${first}:C${last}`;
  named.LEAP_BOOKS_PROFIT = `D${first}:D${last}`;
  named.LEAP_BOOKS_PROFIT_YTD = `D${total}`;
  named.LEAP_BOOKS_UNCATEGORISED = `G${total}`;

  // ---- Schedule C beside the months
  const sc = BOOKS.scheduleC;
  g.put(sc.titleRow, sc.lineColumn, formula(`="Schedule C (Form 1040) "&${yearCell}`), { bold: true });
  ['Schedule C line', 'What it covers', 'Year total'].forEach((h, i) => {
    g.put(sc.headerRow, sc.lineColumn + i, text(h), { bold: true, fill: HEADER_FILL });
  });
  SCHEDULE_C_LINES.forEach((line, i) => {
    const row = sc.firstRow + i;
    g.put(row, sc.lineColumn, text(`Line ${line.line}`));
    g.put(row, sc.nameColumn, text(line.name));
    g.put(row, sc.totalColumn, formula(`=SUMIFS(${block(scheduleAmountColumn)},${block(3)},${a1(row, sc.lineColumn)})`), {
      format: money.books,
    });
  });
  const lastLine = sc.firstRow + SCHEDULE_C_LINES.length - 1;
  const incomeLines = SCHEDULE_C_LINES.filter((l) => l.line === '1' || l.line === '6').length;
  const netRow = lastLine + 1;
  const totalLetter = columnLetters(sc.totalColumn);
  g.put(netRow, sc.lineColumn, text('Net'), { bold: true, fill: HEADER_FILL });
  g.put(netRow, sc.nameColumn, text('Income lines less expense lines'), { bold: true, fill: HEADER_FILL });
  g.put(
    netRow,
    sc.totalColumn,
    formula(
      `=SUM(${totalLetter}${sc.firstRow}:${totalLetter}${sc.firstRow + incomeLines - 1})-SUM(${totalLetter}${sc.firstRow + incomeLines}:${totalLetter}${lastLine})`,
    ),
    { format: money.books, bold: true, fill: HEADER_FILL },
  );

  // ---- Tax paid per 1040-ES period and put into the tax account, one column per figure beside each category row: a
  // category's kind lives on the Categories sheet, not in the Ledger, and SUMIFS cannot look it up per Ledger row.
  const tp = BOOKS.taxPayments;
  const np = BOOKS.nextPayment;
  const rv = BOOKS.reserve;
  const firstPeriodColumn = rowsColumn + 1;
  const intoTaxAccountColumn = firstPeriodColumn + 4;
  const previousDue = abs(np.previousDueRow, np.valueColumn);
  const dueCell = (period: number) => abs(tp.firstPeriodRow + period - 1, tp.dateColumn);
  const taxAccount = abs(rv.accountRow, rv.valueColumn);
  for (let p = 1; p <= 4; p++) {
    g.put(cat.headerRow, firstPeriodColumn + p - 1, text(`Tax paid, period ${p}`), { bold: true, fill: HEADER_FILL });
  }
  g.put(cat.headerRow, intoTaxAccountColumn, text('Into the tax account'), { bold: true, fill: HEADER_FILL });
  for (let i = 0; i < CATEGORY_ROWS; i++) {
    const row = firstCat + i;
    const name = `$A${row}`;
    const kind = `$B${row}`;
    for (let p = 1; p <= 4; p++) {
      // A payment counts for the first due date on or after it: (previous due date, this due date].
      const after = p === 1 ? previousDue : dueCell(p - 1);
      g.put(
        row,
        firstPeriodColumn + p - 1,
        formula(
          `=IF(${kind}<>"Tax payment",0,-SUMIFS(${LEDGER.amount},${LEDGER.category},${name},${LEDGER.date},">"&${after},${LEDGER.date},"<="&${dueCell(p)}))`,
        ),
        { format: money.federal },
      );
    }
    g.put(
      row,
      intoTaxAccountColumn,
      formula(
        `=IF(OR(${kind}<>"Transfer",${taxAccount}=""),0,SUMIFS(${LEDGER.amount},${LEDGER.category},${name},${LEDGER.account},${taxAccount}))`,
      ),
      { format: money.books },
    );
  }

  // ---- Tax payments: one row per period from the Ledger, then rows the person fills for payments made elsewhere.
  // Sentences quote amounts with TEXT in their cells' own formats, so they read as the cells do.
  const federalText = (ref: string) => `TEXT(${ref},"${money.federal.replace(/"/g, '""')}")`;
  const booksText = (ref: string) => `TEXT(${ref},"${money.books.replace(/"/g, '""')}")`;
  const longDate = (ref: string) => `TEXT(${ref},"mmmm d, yyyy")`;
  const PERIOD_FORMAT = '"Period "0';
  const DATE_FORMAT = 'mmm d, yyyy';
  g.put(tp.titleRow, tp.dateColumn, formula(`="Estimated tax paid for "&${yearCell}&" (Form 1040-ES)"`), { bold: true });
  ['Date', 'Period', 'Amount', 'Note'].forEach((h, i) => {
    g.put(tp.headerRow, tp.dateColumn + i, text(h), { bold: true, fill: HEADER_FILL });
  });
  g.put(tp.firstPeriodRow, tp.dateColumn, formula(`=TAX_DUE_DATES(${yearCell})`), { format: DATE_FORMAT });
  for (let p = 1; p <= 4; p++) {
    const row = tp.firstPeriodRow + p - 1;
    if (p > 1) g.put(row, tp.dateColumn, null, { format: DATE_FORMAT });
    g.put(row, tp.periodColumn, { number: p }, { format: PERIOD_FORMAT });
    g.put(row, tp.amountColumn, formula(`=SUM(${block(firstPeriodColumn + p - 1)})`), { format: money.federal });
    const after = p === 1 ? previousDue : dueCell(p - 1);
    g.put(
      row,
      tp.noteColumn,
      formula(`="Ledger rows of kind Tax payment, "&TEXT(${after}+1,"mmm d")&" to "&TEXT(${dueCell(p)},"mmm d, yyyy")`),
    );
  }
  g.put(tp.handTitleRow, tp.dateColumn, text('Paid another way: type the date, amount and a note'), { bold: true });
  const firstHand = tp.firstHandRow;
  const lastHand = tp.firstHandRow + tp.handRows - 1;
  for (let row = firstHand; row <= lastHand; row++) {
    const date = `$${columnLetters(tp.dateColumn)}${row}`;
    g.put(row, tp.dateColumn, null, { format: DATE_FORMAT, fill: INPUT_FILL });
    g.put(
      row,
      tp.periodColumn,
      formula(
        `=IF(${date}="","",IF(${date}<=${previousDue},"Before "&${yearCell},IF(${date}>${dueCell(4)},"After "&${yearCell},COUNTIF(${dueCell(1)}:${dueCell(4)},"<"&${date})+1)))`,
      ),
      { format: PERIOD_FORMAT },
    );
    g.put(row, tp.amountColumn, null, { format: money.federal, fill: INPUT_FILL });
    g.put(row, tp.noteColumn, null, { fill: INPUT_FILL });
  }
  const amountLetter = columnLetters(tp.amountColumn);
  const periodLetter = columnLetters(tp.periodColumn);
  g.put(tp.totalRow, tp.dateColumn, formula(`="Paid for "&${yearCell}`), { bold: true, fill: HEADER_FILL });
  g.put(tp.totalRow, tp.periodColumn, null, { fill: HEADER_FILL });
  // Rows typed with a date outside the year's periods show "Before"/"After" and are left out of the total.
  g.put(
    tp.totalRow,
    tp.amountColumn,
    formula(
      `=SUM(${amountLetter}${tp.firstPeriodRow}:${amountLetter}${tp.firstPeriodRow + 3})+SUMIFS(${amountLetter}${firstHand}:${amountLetter}${lastHand},${periodLetter}${firstHand}:${periodLetter}${lastHand},">=1")`,
    ),
    { format: money.federal, bold: true, fill: HEADER_FILL },
  );
  g.put(tp.totalRow, tp.noteColumn, null, { fill: HEADER_FILL });
  const paid = abs(tp.totalRow, tp.amountColumn);
  named.LEAP_BOOKS_TAX_PAID = a1(tp.totalRow, tp.amountColumn);

  // ---- Next payment by the annualized income installment method, beside the flat rate.
  const v = (row: number) => abs(row, np.valueColumn);
  const label = (row: number, t: string) => g.put(row, np.labelColumn, text(t));
  const note = (row: number, cell: Cell) => g.put(row, np.noteColumn, cell);
  const today = v(np.todayRow);
  const periodsEnded = v(np.periodsEndedRow);
  const nextDue = v(np.nextDueRow);
  const payment = v(np.paymentRow);
  const flat = v(np.flatRow);
  g.put(np.titleRow, np.labelColumn, text('Next estimated tax payment (federal)'), { bold: true });
  label(np.todayRow, 'Today');
  // TODAY() sits in its own cell: Sheets refuses volatile functions inside a custom function's arguments.
  g.put(np.todayRow, np.valueColumn, formula('=TODAY()'), { format: DATE_FORMAT, fill: INPUT_FILL });
  note(np.todayRow, text('Type a date to see this block as it was or will be on that day.'));
  label(np.statusRow, 'Filing status');
  g.put(np.statusRow, np.valueColumn, formula('=IFERROR(LEAP_FILING_STATUS,"single")'), { fill: INPUT_FILL });
  note(
    np.statusRow,
    text('Your plan’s when there is a plan; or type single, married_joint, married_separate or head_of_household.'),
  );
  label(np.priorTaxRow, 'Last year’s total tax');
  g.put(np.priorTaxRow, np.valueColumn, null, { format: money.federal, fill: INPUT_FILL });
  note(
    np.priorTaxRow,
    formula(
      `="Your "&(${yearCell}-1)&" Form 1040, line "&${form1040LineFormula('totalTax', `${yearCell}-1`)}&" (total tax); 0 if it was nil. Blank: unknown, and this year's tax alone sets the payments."`,
    ),
  );
  label(np.priorAgiRow, 'Last year’s AGI');
  g.put(np.priorAgiRow, np.valueColumn, null, { format: money.federal, fill: INPUT_FILL });
  note(
    np.priorAgiRow,
    formula(
      `="Your "&(${yearCell}-1)&" Form 1040, line "&${form1040LineFormula('adjustedGrossIncome', `${yearCell}-1`)}&" (adjusted gross income): above $150,000 ($75,000 married filing separately) last year's tax counts at 110%."`,
    ),
  );
  label(np.withholdingRow, 'Federal tax withheld this year');
  g.put(np.withholdingRow, np.valueColumn, null, { format: money.federal, fill: INPUT_FILL });
  note(
    np.withholdingRow,
    formula(
      `="From a job: the federal income tax withheld on your "&${yearCell}&" pay slips (year to date, plus what is still to come). Blank if none."`,
    ),
  );
  label(np.previousDueRow, 'Last year’s final payment was due');
  g.put(np.previousDueRow, np.valueColumn, formula(`=NEXT_TAX_DUE(DATE(${yearCell},1,1))`), { format: DATE_FORMAT });
  note(np.previousDueRow, formula(`="Payments after it count for "&${yearCell}&"."`));
  label(np.periodsEndedRow, 'Payment periods ended');
  g.put(
    np.periodsEndedRow,
    np.valueColumn,
    formula(`=${TAX_PERIODS.map((p) => `IF(${today}>DATE(${yearCell},${p.lastMonth},${p.lastDay}),1,0)`).join('+')}`),
    { format: '0' },
  );
  note(np.periodsEndedRow, text('Periods run from January 1 to March 31, May 31, August 31 and December 31.'));
  label(np.nextDueRow, 'Next payment due');
  g.put(
    np.nextDueRow,
    np.valueColumn,
    formula(
      `=IF(${today}<=${previousDue},${dueCell(1)},IF(${today}>${dueCell(4)},"All four "&${yearCell}&" dates are past",NEXT_TAX_DUE(${today})))`,
    ),
    { format: DATE_FORMAT, bold: true },
  );
  named.LEAP_BOOKS_NEXT_DUE = a1(np.nextDueRow, np.valueColumn);
  TAX_PERIODS.forEach((p, i) => {
    const row = np.firstProfitRow + i;
    label(row, `Profit January 1 to ${p.ends}`);
    g.put(row, np.valueColumn, formula(`=IF(${periodsEnded}<${i + 1},"",SUM($D$${first}:$D$${first + p.lastMonth - 1}))`), {
      format: money.federal,
    });
  });
  note(np.firstProfitRow, text('From the months on the left, only for periods that have ended.'));
  const profits = `${v(np.firstProfitRow)}:${v(np.firstProfitRow + 3)}`;
  label(np.paidRow, 'Estimated tax paid for the year');
  g.put(np.paidRow, np.valueColumn, formula(`=${paid}`), { format: money.federal });
  label(np.paymentRow, 'Pay now (on what you have earned)');
  g.put(
    np.paymentRow,
    np.valueColumn,
    formula(
      `=IF(${periodsEnded}=0,"",ESTIMATED_PAYMENT_US(${profits},,${v(np.statusRow)},${yearCell},${v(np.priorTaxRow)},${v(np.priorAgiRow)},${v(np.paidRow)},${v(np.withholdingRow)}))`,
    ),
    { format: money.federal, bold: true },
  );
  note(np.paymentRow, text('The annualized income installment method (Form 2210, Schedule AI): federal tax only.'));
  named.LEAP_BOOKS_NEXT_PAYMENT = a1(np.paymentRow, np.valueColumn);
  label(np.flatRow, 'At the flat rate');
  g.put(
    np.flatRow,
    np.valueColumn,
    formula(`=IF(${periodsEnded}=0,"",MAX(0,${rateCell}*MAX(0,INDEX(${profits},${periodsEnded}))-${v(np.paidRow)}))`),
    { format: money.federal },
  );
  note(np.flatRow, text('The tax set-aside rate times the profit so far, less what you paid.'));
  named.LEAP_BOOKS_FLAT_PAYMENT = a1(np.flatRow, np.valueColumn);
  const periodEnd = `CHOOSE(${periodsEnded},${TAX_PERIODS.map((p) => `"${p.ends}"`).join(',')})`;
  const lastEndedDue = `CHOOSE(${periodsEnded},${TAX_PERIODS.map((_, i) => dueCell(i + 1)).join(',')})`;
  g.put(
    np.sentenceRow,
    np.labelColumn,
    formula(
      // One IF per case, joined at run time: the bundle keeps one clause a line for the Executions log.
      [
        `=IF(${periodsEnded}=0,"No payment period of "&${yearCell}&" has ended yet: the first, January 1 to March 31, is due "&${longDate(dueCell(1))}&".",`,
        `IF(ISTEXT(${nextDue}),"The "&${yearCell}&" payment dates are past; "&${federalText(payment)}&" is still short by the annualized method: pay it with your return.",`,
        `IF(${payment}<=0,"Nothing more is due for the profit to "&${periodEnd}&": what you have paid covers it. The next date is "&${longDate(nextDue)}&". ",`,
        // Past the due date of the latest ended period, the next date (in the block above) is for a period still
        // running: what is short now was due then, and the penalty runs from that day.
        `IF(${today}>${lastEndedDue},"Pay "&${federalText(payment)}&" now for the profit to "&${periodEnd}&": it was due "&${longDate(lastEndedDue)}&". ",`,
        `"Pay "&${federalText(payment)}&" by "&${longDate(nextDue)}&" for the profit to "&${periodEnd}&". "))&`,
        `IF(${flat}>=${payment},"The flat rate would ask "&${federalText(flat)}&": paying on what you have earned keeps "&${federalText(`${flat}-${payment}`)}&" in your hands for now.",`,
        `"The flat rate would ask "&${federalText(flat)}&", "&${federalText(`${payment}-${flat}`)}&" less: the federal tax on this profit is above your set-aside rate.")))`,
      ].join(''),
    ),
  );
  named.LEAP_BOOKS_NEXT_PAYMENT_TEXT = a1(np.sentenceRow, np.labelColumn);

  // ---- Tax reserve health: the money kept for tax against the tax of the year so far, less what was paid.
  const rl = (row: number, t: string) => g.put(row, rv.labelColumn, text(t));
  const rvCell = (row: number) => abs(row, rv.valueColumn);
  const reserveNote = (row: number, t: string) => g.put(row, rv.valueColumn + 1, text(t));
  g.put(rv.titleRow, rv.labelColumn, text('Tax reserve health'), { bold: true });
  rl(rv.accountRow, 'Tax account (Ledger account name)');
  g.put(rv.accountRow, rv.valueColumn, null, { fill: INPUT_FILL });
  reserveNote(rv.accountRow, 'The Account of the savings you keep for tax, as the Ledger names it.');
  rl(rv.balanceInputRow, 'Its balance, if you type it');
  g.put(rv.balanceInputRow, rv.valueColumn, null, { format: money.books, fill: INPUT_FILL });
  reserveNote(rv.balanceInputRow, 'Blank: the Ledger’s Transfer rows in that account are added up.');
  rl(rv.balanceRow, 'Reserve');
  g.put(
    rv.balanceRow,
    rv.valueColumn,
    formula(`=IF(ISNUMBER(${rvCell(rv.balanceInputRow)}),${rvCell(rv.balanceInputRow)},SUM(${block(intoTaxAccountColumn)}))`),
    { format: money.books },
  );
  named.LEAP_BOOKS_TAX_RESERVE = a1(rv.balanceRow, rv.valueColumn);
  rl(rv.owedRow, 'Tax so far at the rate, less paid');
  g.put(rv.owedRow, rv.valueColumn, formula(`=$E$${total}-${paid}`), { format: money.books });
  rl(rv.gapRow, 'Ahead (+) or behind (-)');
  g.put(rv.gapRow, rv.valueColumn, formula(`=${rvCell(rv.balanceRow)}-${rvCell(rv.owedRow)}`), {
    format: money.books,
    bold: true,
  });
  named.LEAP_BOOKS_RESERVE_GAP = a1(rv.gapRow, rv.valueColumn);
  const gap = rvCell(rv.gapRow);
  g.put(
    rv.sentenceRow,
    rv.labelColumn,
    formula(
      `="Your reserve is "&${booksText(`ABS(${gap})`)}&IF(${gap}>=0," ahead"," behind")&": it holds "&${booksText(rvCell(rv.balanceRow))}&" against "&${booksText(rvCell(rv.owedRow))}&", the tax on "&${yearCell}&"'s profit so far at "&TEXT(${rateCell},"0.0%")&" less the "&${booksText(paid)}&" already paid."`,
    ),
  );
  named.LEAP_BOOKS_RESERVE_TEXT = a1(rv.sentenceRow, rv.labelColumn);

  const grid = g.build();
  // Column H parts the month table from Schedule C, and holds April in the by-category table below: wide enough
  // for an amount. Columns M:S also hold the tax blocks' labels, notes and figures above the by-category table.
  // Column T holds the tax blocks' notes, one sentence each: wide enough to show them whole (the longest, last
  // year's AGI, measures about 800 px in the preview's grid), and the payment sentence that runs on from R over S and T.
  const widths = [190, 130, 150, 120, 130, 130, 130, 100, 120, 260, 120, 100, 210, 90, 110, 330, 100, 230, 110, 820];
  return {
    ...grid,
    namedRanges: named,
    frozenRows: 0,
    columnWidths: [...widths, ...Array.from({ length: grid.cells[0].length - widths.length }, () => 100)],
  };
}
