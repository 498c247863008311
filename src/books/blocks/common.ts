/**
 * What the Books sheet's blocks share: where each block sits, the money formats, the Ledger's columns as SUMIFS
 * criteria, and the 1040-ES periods and Form 1040 lines the tax blocks cite. src/books/layout.ts re-exports what the
 * writer and the tests read.
 */

import { SUPPORTED_TAX_YEARS } from '../../finance/usTax/tables';
import type { Grid } from '../../layout/grid';
import type { TaxCountry } from '../../plan/answers';
import { dateFormat, moneyFormat, moneyFormatIn } from '../../plan/currency';
import { BOOKS_COUNTRIES, type BooksCountry, yearStartFormula } from '../country';

export const LEDGER_SHEET = 'Ledger';
export const CATEGORIES_SHEET = 'Categories';

/** How many rows of the Categories sheet (below its header) the Books sheet reads. */
export const CATEGORY_ROWS = 40;

/**
 * Money formats of the Books sheet: `books` for the person's own amounts (the months, Schedule C, the reserve), in
 * the document's currency; `federal` for the US federal estimated-tax blocks, always in dollars. A plain number
 * where the caller knows no currency.
 */
export interface BooksMoney {
  books: string;
  federal: string;
  /** The document's date pattern (src/plan/currency.ts dateFormat): the Books' dates read as its other dates. */
  date: string;
}
export const PLAIN_BOOKS_MONEY: BooksMoney = { books: '#,##0.00', federal: '$#,##0.00', date: 'mmm d, yyyy' };

/** The Books money formats of a spreadsheet in `locale`: its own currency, and dollars placed as it places money. */
export const booksMoney = (locale: string): BooksMoney => ({
  books: moneyFormat(locale, { cents: true }),
  federal: moneyFormatIn(locale, 'USD', { cents: true }),
  date: dateFormat(locale),
});

export const PERCENT = '0%';
export const PERIOD_FORMAT = '"Period "0';

/**
 * What every block is given: the tax year the sheet opens on, its money formats, and the country the spreadsheet's
 * locale suggests (taxCountryOfLocale), which Books follows while no plan names one.
 */
export interface BooksSheet {
  year: number;
  money: BooksMoney;
  localeCountry: TaxCountry;
  /**
   * The Ledger's address, the spreadsheet's URL with `#gid=` and the Ledger's sheet id, for links to its rows; null
   * when laid out without a spreadsheet (no link then).
   */
  ledgerUrl?: string | null;
  /** The country the Books follow (the plan's, else the locale's): its tax year, form, calendar and words. */
  country: BooksCountry;
}

/** One block of the Books sheet: it places its cells on the grid, reading other blocks' cells through `read`. */
export type BooksBlock = (g: Grid, books: BooksSheet) => void;

/** Rows and columns of the Books sheet, exported so tests read the cells they check by meaning. */
export const BOOKS = {
  yearRow: 2,
  rateRow: 3,
  /** The year's wages sit beside the tax year (label, value, note in C:E), inside the block the check-in reads. */
  wages: { row: 2, column: 4 },
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
    projectedRow: 21,
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

/** Whole Ledger columns, as SUMIFS and COUNTIFS read them. */
export const LEDGER = {
  date: `${LEDGER_SHEET}!$A:$A`,
  amount: `${LEDGER_SHEET}!$C:$C`,
  category: `${LEDGER_SHEET}!$D:$D`,
  account: `${LEDGER_SHEET}!$E:$E`,
};

/**
 * A month of the Books year: the calendar month, or in the UK the tax month from the 6th to the 5th (PAYE's tax
 * months; the tax year starts on 6 April), so the twelve add up to the tax year exactly.
 */
export const monthStartFormula = ({ country }: BooksSheet, yearCell: string, index: number): string =>
  `DATE(${yearCell},${country.yearStart.month + index},${country.yearStart.day})`;

/** The Ledger rows of the month that starts in `monthCell`, as SUMIFS/COUNTIFS criteria. */
export const inMonth = (monthCell: string): string => `${LEDGER.date},">="&${monthCell},${LEDGER.date},"<"&EDATE(${monthCell},1)`;

/**
 * The Ledger rows of the tax year in `yearCell`, as SUMIFS/COUNTIFS criteria: from the country's first day of the
 * year (1 January; 6 April in the UK) to the day before it a year later.
 */
export const inYear = (yearCell: string, country: BooksCountry = BOOKS_COUNTRIES.us): string =>
  `${LEDGER.date},">="&${yearStartFormula(country, yearCell)},${LEDGER.date},"<"&${yearStartFormula(country, yearCell, 1)}`;

/**
 * The ids of what one block reads from another (a named cell goes by its name): a typo fails the build, which knows
 * every declared id.
 */
export const YEAR = 'JW_BOOKS_YEAR';
export const RATE = 'JW_BOOKS_TAX_RATE';
export const BY_CATEGORY = 'byCategory';
export const MONTHS = 'months';
export const TAX_PERIODS_TABLE = 'taxPeriods';
export const TAX_PAID_BY_HAND = 'taxPaidByHand';
export const PREVIOUS_DUE = 'previousDue';
export const TAX_ACCOUNT = 'taxAccount';
export const TODAY = 'today';
export const FILING_STATUS = 'filingStatus';
export const WAGES = 'JW_BOOKS_WAGES';
export const WITHHELD = 'JW_BOOKS_WITHHELD';
export const PROJECTED_PROFIT = 'JW_BOOKS_PROJECTED_PROFIT';

/**
 * The year of the US tables for the Books year: Jumpwise's tables cover a few years (src/finance/usTax/tables.ts); a
 * year outside them uses the nearest, as the plan and the check-in do.
 */
export const usFiguresYear = (yearCell: string): string =>
  `MAX(${SUPPORTED_TAX_YEARS[0]},MIN(${SUPPORTED_TAX_YEARS[SUPPORTED_TAX_YEARS.length - 1]},${yearCell}))`;

/**
 * How many months of the Books year are over on `todayCell`: none before it starts, all twelve after it ends (as
 * the check-in counts them, src/books/checkin.ts monthsOver).
 */
export const monthsOverFormula = (
  yearCell: string,
  todayCell: string,
  { yearStart }: BooksCountry = BOOKS_COUNTRIES.us,
): string =>
  `MAX(0,MIN(12,(YEAR(${todayCell})-${yearCell})*12+MONTH(${todayCell})-${yearStart.month}${yearStart.day === 1 ? '' : `-IF(DAY(${todayCell})<${yearStart.day},1,0)`}))`;
export const UNCATEGORISED_IN = 'JW_BOOKS_UNCATEGORISED_IN';
export const FORM_NET = 'JW_BOOKS_FORM_NET';
