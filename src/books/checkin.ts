/**
 * The monthly check-in, pure: the plan history linked to the Books, which months count, the figures of last month
 * and of the year so far from what the sheets display, and the Check-ins sheet's rows. The Apps Script side is
 * src/sheets/checkin.ts.
 */
import { asText } from '../plan/cellValue';
import { columnLetters, type LinkedHistory } from '../plan/layout';
import type { OverdueInvoice, OwedView } from '../protocol';
import { UNCATEGORISED } from './categories';
import { BOOKS_COUNTRIES, type BooksCountry, booksYearOfDay } from './country';
import { COLUMN, FIRST_ROW, PANEL_ROW, PANEL_VALUE_COLUMN } from './invoices';
import { BOOKS, LEDGER_COLUMN, LEDGER_SHEET } from './layout';

export const CHECKINS_SHEET = 'Check-ins';
/** Document property: "books" while the plan runs on the Books' months; absent otherwise. Read by every plan build. */
export const PLAN_HISTORY_PROPERTY = 'leap.planHistory';
export const PLAN_HISTORY_BOOKS = 'books';
export const ACTUAL_MONTHS_HEADING = 'Actual months (Books)';
/** The simulations need at least two months to draw from (RUNWAY_RISK refuses fewer). */
export const MIN_ACTUAL_MONTHS = 2;
const MONTHS = 12;

/**
 * The plan's history as twelve formulas, one per month of the Books year: the month's profit (money in less business
 * costs, before tax: what the plan's earnings mean and the tax functions take) when the Ledger has any row dated in
 * it, else "". By name (JW_BOOKS_MONTHS, JW_BOOKS_PROFIT), so rows a person inserts on Books do not shift it, and
 * on the Ledger's whole date column, so every later import moves the plan.
 */
export function booksHistory(): LinkedHistory {
  const ledgerDates = `${LEDGER_SHEET}!$A:$A`;
  const cells = Array.from({ length: MONTHS }, (_, i) => {
    const month = `INDEX(JW_BOOKS_MONTHS,${i + 1})`;
    return `=IF(COUNTIFS(${ledgerDates},">="&${month},${ledgerDates},"<"&EDATE(${month},1))>0,INDEX(JW_BOOKS_PROFIT,${i + 1}),"")`;
  });
  return { heading: ACTUAL_MONTHS_HEADING, cells, counted: 'months with ledger rows in Books' };
}

/**
 * The Books year and month (1-12, the row of the Books' month table) an ISO day falls in: the calendar month, or in
 * the UK the tax month from the 6th (6 April to 5 May is month 1 of the tax year that starts on that 6 April).
 */
export function booksMonthOf(iso: string, country: BooksCountry = BOOKS_COUNTRIES.us): { year: number; month: number } {
  const [y, m, d] = iso.split('-').map(Number);
  const { month: startMonth, day: startDay } = country.yearStart;
  const year = booksYearOfDay(country, iso);
  const monthsIn = (y - year) * 12 + m - startMonth - (d < startDay ? 1 : 0);
  return { year, month: monthsIn + 1 };
}

/** The months (1-12) of the Books `year` that hold at least one ledger date. Dates arrive as Date objects or ISO text. */
export function monthsWithRows(
  dates: readonly unknown[],
  year: number,
  timeZoneDay: (d: Date) => string,
  country: BooksCountry = BOOKS_COUNTRIES.us,
): number[] {
  const months = new Set<number>();
  for (const d of dates) {
    const iso = d instanceof Date || Object.prototype.toString.call(d) === '[object Date]' ? timeZoneDay(d as Date) : String(d);
    if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) continue;
    const at = booksMonthOf(iso.slice(0, 10), country);
    if (at.year === year) months.add(at.month);
  }
  return [...months].sort((x, y) => x - y);
}

/**
 * The Books month that ended last before `today`: the calendar month before, or in the UK the tax month that ended
 * on the 5th; its Books year and row (1-12) and its name as the check-in says it.
 */
export function lastBooksMonth(
  today: string,
  country: BooksCountry = BOOKS_COUNTRIES.us,
): { year: number; month: number; name: string } {
  const current = booksMonthOf(today, country);
  const last = current.month === 1 ? { year: current.year - 1, month: 12 } : { year: current.year, month: current.month - 1 };
  const { month: startMonth, day: startDay } = country.yearStart;
  const firstDay = (year: number, index: number) => {
    const months = startMonth - 1 + index - 1;
    return { y: year + Math.floor(months / 12), m: (months % 12) + 1 };
  };
  const from = firstDay(last.year, last.month);
  if (startDay === 1) return { ...last, name: `${MONTH_NAMES_LIST[from.m - 1]} ${from.y}` };
  const to = firstDay(last.year, last.month + 1);
  const short = (m: number) => MONTH_NAMES_LIST[m - 1].slice(0, 3);
  return { ...last, name: `${startDay} ${short(from.m)} ${from.y} to ${startDay - 1} ${short(to.m)} ${to.y}` };
}

export function tooFewMonthsMessage(found: number, year: number): string {
  return `The plan needs at least ${MIN_ACTUAL_MONTHS} months with ledger rows in ${year} to run on; the Ledger has ${found}. Import another month's statement first.`;
}

/** The month before `today` (ISO day): its year and month. */
export function lastMonthOf(today: string): { year: number; month: number } {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
}

export { MONTH_NAMES } from './statementValues';

import { PRODUCT_NAME } from '../brand';
import { MONTH_NAMES as MONTH_NAMES_LIST } from './statementValues';

/**
 * The Books sheet's block the check-in reads: tax year, rate and the year's wages, the months and the year-to-date
 * row, A2:G18.
 */
export const BOOKS_READ = { a1: `A${BOOKS.yearRow}:G${BOOKS.totalRow}`, firstRow: BOOKS.yearRow } as const;

/** Money in, expenses, profit, tax set aside at the rate, tax paid, uncategorised: columns B-G of a Books row. */
interface BooksRowShown {
  moneyIn: string;
  expenses: string;
  profit: string;
  setAside: string;
  taxPaid: string;
  uncategorised: string;
}

const rowShown = (row: readonly string[]): BooksRowShown => ({
  moneyIn: row[1],
  expenses: row[2],
  profit: row[3],
  setAside: row[4],
  taxPaid: row[5],
  uncategorised: row[6],
});

interface BooksRead {
  year: number;
  rate: number;
  /** The year's wages as Books holds them (its input beside the tax year); NaN while not a number. */
  wages: number;
  /** The rate as the Books sheet displays it, in the document's separators ("30.0%"); "" when read without display values. */
  rateShown: string;
  /** month (1-12) -> its row as displayed; the year-to-date row. */
  month: (m: number) => BooksRowShown;
  monthValues: (m: number) => { moneyIn: number; profit: number; uncategorised: number };
  yearToDate: BooksRowShown;
  profitYtd: number;
  uncategorisedYtd: number;
  /** The Books' words for the year's tax payments (its month table's heading), and the country they are of. */
  taxPaidLabel: string;
  country: BooksCountry;
}

/**
 * The country a Books sheet was built for, told by the heading of its tax-paid month column (each country's own
 * words, src/books/country.ts taxPaidWords; the US heading is "Estimated tax paid"): the check-in then counts
 * months and speaks as that sheet does.
 */
export function countryOfTaxPaidHeading(heading: string): BooksCountry {
  const found = Object.values(BOOKS_COUNTRIES).find((c) => c.key !== 'us' && c.taxPaidWords === heading.trim());
  return found ?? BOOKS_COUNTRIES.us;
}

const asNumber = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN);

/** The Books block as getValues and getDisplayValues give it (rows from BOOKS.yearRow). */
export function readBooksBlock(values: unknown[][], shown: string[][]): BooksRead {
  const at = (row: number) => row - BOOKS_READ.firstRow;
  const monthRow = (m: number) => at(BOOKS.firstMonthRow + m - 1);
  const total = at(BOOKS.totalRow);
  return {
    year: asNumber(values[at(BOOKS.yearRow)][1]),
    rate: asNumber(values[at(BOOKS.rateRow)][1]),
    wages: asNumber(values[at(BOOKS.wages.row)][BOOKS.wages.column - 1]),
    rateShown: shown[at(BOOKS.rateRow)]?.[1] ?? '',
    month: (m) => rowShown(shown[monthRow(m)] ?? []),
    monthValues: (m) => ({
      moneyIn: asNumber(values[monthRow(m)][1]),
      profit: asNumber(values[monthRow(m)][3]),
      uncategorised: asNumber(values[monthRow(m)][6]),
    }),
    yearToDate: rowShown(shown[total] ?? []),
    profitYtd: asNumber(values[total][3]),
    uncategorisedYtd: asNumber(values[total][6]),
    taxPaidLabel: String(shown[at(BOOKS.monthHeaderRow)]?.[5] ?? ''),
    country: countryOfTaxPaidHeading(String(shown[at(BOOKS.monthHeaderRow)]?.[5] ?? '')),
  };
}

/**
 * The profit of the months so far scaled to twelve: what the year brings if the rest goes the same way. `months`
 * is how many months of the Books year have passed (last month's number in the Books year, 12 for a past year).
 */
export function annualised(profitYtd: number, months: number): number {
  return months > 0 ? (profitYtd * MONTHS) / months : 0;
}

/** How many months of the Books year are over on `today`: none for a later year, all for an earlier one. */
export function monthsOver(booksYear: number, today: string, country: BooksCountry = BOOKS_COUNTRIES.us): number {
  const now = booksMonthOf(today, country);
  if (booksYear < now.year) return MONTHS;
  if (booksYear > now.year) return 0;
  return now.month - 1;
}

/**
 * The Check-ins sheet's header; the plan's key numbers follow the date as values. A format "date" is the document's
 * date pattern (checkinFormats), so a snapshot's dates read as the plan's.
 */
export const CHECKIN_COLUMNS = [
  { header: 'Date', name: null, format: 'date' },
  { header: 'Leave date', name: 'JW_LEAVE_DATE', format: 'date' },
  { header: 'Quit date', name: 'JW_QUIT_DATE', format: 'date' },
  { header: 'Buffer target', name: 'JW_BUFFER_TARGET', format: '#,##0' },
  { header: 'Savings on the leave date', name: 'JW_SAVINGS_AT_LEAVE', format: '#,##0' },
  { header: 'Runway risk', name: 'JW_RUNWAY_RISK', format: '0.0%' },
  { header: 'Low month', name: 'JW_PROJECTED_LOW', format: '#,##0' },
  { header: 'Expected month', name: 'JW_EXPECTED_MONTHLY', format: '#,##0' },
  { header: 'Profit so far this year', name: 'JW_BOOKS_PROFIT_YTD', format: '#,##0' },
] as const;

/** The number formats of a Check-ins row, with dates in `datePattern` (src/plan/currency.ts dateFormat). */
export const checkinFormats = (datePattern: string): string[] =>
  CHECKIN_COLUMNS.map((c) => (c.format === 'date' ? datePattern : c.format));

type CheckinValue = string | number | Date;

/**
 * One Check-ins row: today's date (as YYYY-MM-DD input, which Sheets reads as a date) and each figure's value.
 * A figure that is text (a quit date "Not within 10 years") is written so it stays text; a missing one is blank.
 */
export function checkinRow(today: string, figures: Record<string, unknown>): CheckinValue[] {
  return CHECKIN_COLUMNS.map((c) => {
    if (c.name === null) return today;
    const v = figures[c.name];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return v as Date;
    if (v === undefined || v === null || v === '') return '';
    return asText(String(v));
  });
}

// ---- Money owed to you: the Invoices sheet as displayed

export const NO_INVOICES = `No invoices yet: Extensions > ${PRODUCT_NAME} > Set up invoices`;
export const NOTHING_OVERDUE = 'Nothing overdue';
/** Ten keep the list readable at a glance in a 300 px sidebar; the rest are counted, and the sheet holds them all. */
export const OVERDUE_LISTED = 10;

/** The block the check-in reads in one call: the table A:H and the panel's totals, from row 1 to `lastRow`. */
export const invoicesReadA1 = (lastRow: number): string =>
  `A1:${columnLetters(PANEL_VALUE_COLUMN)}${Math.max(lastRow, PANEL_ROW.overdue)}`;

/** The Owed to you section without an Invoices sheet. */
export const noInvoices = (): OwedView => ({
  sheetName: null,
  owedToYou: '',
  overdue: '',
  overdueInvoices: [],
  more: 0,
  note: NO_INVOICES,
});

/**
 * The totals and the overdue invoices from the Invoices sheet's display values (row 1 down, columns A to the
 * panel's value column). An invoice is overdue when its Status says so, as the Overdue total counts it; the most
 * days late come first, and invoices equally late keep the sheet's order.
 */
export function owedFromShown(sheetName: string, shown: readonly (readonly string[])[]): OwedView {
  const cell = (row: readonly string[] | undefined, column: number) => String(row?.[column - 1] ?? '');
  const overdue: (OverdueInvoice & { days: number; at: number })[] = [];
  shown.slice(FIRST_ROW - 1).forEach((row, at) => {
    const status = cell(row, COLUMN.Status);
    if (!status.startsWith('Overdue')) return;
    // Days late is a whole number ("0" format); the status holds the same count should the column be cleared.
    const days = Number.parseInt((cell(row, COLUMN['Days late']) || status).replace(/[^\d]/g, ''), 10);
    overdue.push({
      invoice: cell(row, COLUMN.Invoice),
      client: cell(row, COLUMN.Client),
      amount: cell(row, COLUMN.Amount),
      status,
      days: Number.isFinite(days) ? days : 0,
      at,
    });
  });
  overdue.sort((a, b) => b.days - a.days || a.at - b.at);
  return {
    sheetName,
    owedToYou: cell(shown[PANEL_ROW.owed - 1], PANEL_VALUE_COLUMN),
    overdue: cell(shown[PANEL_ROW.overdue - 1], PANEL_VALUE_COLUMN),
    overdueInvoices: overdue
      .slice(0, OVERDUE_LISTED)
      .map(({ invoice, client, amount, status }) => ({ invoice, client, amount, status })),
    more: Math.max(0, overdue.length - OVERDUE_LISTED),
    note: overdue.length === 0 ? NOTHING_OVERDUE : '',
  };
}

// ---- The uncategorised rows a count stands for

/**
 * Which Ledger rows a quoted count of uncategorised rows covers: a month (last month's "3 rows not yet categorised")
 * or a whole year. The count on Books (a month's "Not yet categorised", the year to date) and the rows the Ledger
 * filter shows are the same rows: dated in the period, with a blank or "Uncategorized" category, money in and out.
 */
export interface UncategorisedScope {
  year: number;
  /** 1-12; absent for the whole year. */
  month?: number;
}

/** The scope a page sent, checked: a year and an optional month, whole numbers. */
export function uncategorisedScope(raw: unknown): UncategorisedScope {
  const scope = (raw ?? {}) as { year?: unknown; month?: unknown };
  const year = Number(scope.year);
  const month = scope.month === undefined || scope.month === null ? undefined : Number(scope.month);
  if (
    !Number.isInteger(year) ||
    year < 1900 ||
    year > 9999 ||
    (month !== undefined && !(Number.isInteger(month) && month >= 1 && month <= 12))
  ) {
    throw new Error('Say which rows to show: a year, and a month from 1 to 12 if only one month.');
  }
  return month === undefined ? { year } : { year, month };
}

/**
 * The first month (0-based from January of `year`) and day of the scope, and how many months it spans: a Books
 * month is a calendar month, or in the UK a tax month from the 6th (month 1 of 2026 starts on 6 April 2026).
 */
function scopeStart({ month }: UncategorisedScope, { yearStart }: BooksCountry) {
  return { months: yearStart.month - 1 + (month ?? 1) - 1, day: yearStart.day, span: month === undefined ? 12 : 1 };
}

/** First day of the scope and the day after its last, as ISO days. */
function scopeDays(scope: UncategorisedScope, country: BooksCountry): { from: string; until: string } {
  const { months, day, span } = scopeStart(scope, country);
  const iso = (m: number) =>
    `${scope.year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { from: iso(months), until: iso(months + span) };
}

/**
 * The Ledger filter's custom formula for the scope, written for row 2 (Sheets moves it down row by row): a date in
 * the period (a number: a date typed as text is in no Books count either) and a blank or "Uncategorized" category.
 */
export function uncategorisedFilterFormula(scope: UncategorisedScope, country: BooksCountry = BOOKS_COUNTRIES.us): string {
  const date = `$${columnLetters(LEDGER_COLUMN.date)}2`;
  const category = `$${columnLetters(LEDGER_COLUMN.category)}2`;
  const { months, day, span } = scopeStart(scope, country);
  // A calendar month or year keeps the plain dates; the UK's tax months count from the 6th.
  const start =
    scope.month === undefined && day === 1 && months === 0
      ? `DATE(${scope.year},1,1)`
      : `DATE(${scope.year},${months + 1},${day})`;
  const end = scope.month === undefined && day === 1 && months === 0 ? `DATE(${scope.year + 1},1,1)` : `EDATE(${start},${span})`;
  return `=AND(ISNUMBER(${date}),${date}>=${start},${date}<${end},OR(${category}="${UNCATEGORISED}",${category}=""))`;
}

/**
 * How many rows the filter shows: the same test in the script, over the Ledger's dates (as ISO days in the
 * spreadsheet's zone, null for a cell that holds no date) and categories. Sheets compares text ignoring case.
 */
export function countUncategorised(
  rows: readonly { day: string | null; category: unknown }[],
  scope: UncategorisedScope,
  country: BooksCountry = BOOKS_COUNTRIES.us,
): number {
  const { from, until } = scopeDays(scope, country);
  const uncategorised = UNCATEGORISED.toLowerCase();
  return rows.filter(({ day, category }) => {
    if (day === null || day < from || day >= until) return false;
    const c = String(category ?? '').toLowerCase();
    return c === uncategorised || c === '';
  }).length;
}
