/**
 * The monthly check-in, pure: the plan history linked to the Books, which months count, the figures of last month
 * and of the year so far from what the sheets display, and the Check-ins sheet's rows. The Apps Script side is
 * src/sheets/checkin.ts.
 */
import type { LinkedHistory } from '../plan/layout';
import { BOOKS, LEDGER_SHEET } from './layout';

export const CHECKINS_SHEET = 'Check-ins';
/** Document property: "books" while the plan runs on the Books' months; absent otherwise. Read by every plan build. */
export const PLAN_HISTORY_PROPERTY = 'leap.planHistory';
export const PLAN_HISTORY_BOOKS = 'books';
export const ACTUAL_MONTHS_HEADING = 'Actual months (Books)';
/** The simulations need at least two months to draw from (RUNWAY_RISK refuses fewer). */
export const MIN_ACTUAL_MONTHS = 2;
const MONTHS = 12;

/**
 * The plan's history as twelve formulas, one per month of the Books year: the month's money in when the Ledger has
 * any row dated in it, else "". By name (LEAP_BOOKS_MONTHS, LEAP_BOOKS_INCOME), so rows a person inserts on Books do
 * not shift it, and on the Ledger's whole date column, so every later import moves the plan.
 */
export function booksHistory(): LinkedHistory {
  const ledgerDates = `${LEDGER_SHEET}!$A:$A`;
  const cells = Array.from({ length: MONTHS }, (_, i) => {
    const month = `INDEX(LEAP_BOOKS_MONTHS,${i + 1})`;
    return `=IF(COUNTIFS(${ledgerDates},">="&${month},${ledgerDates},"<"&EDATE(${month},1))>0,INDEX(LEAP_BOOKS_INCOME,${i + 1}),"")`;
  });
  return { heading: ACTUAL_MONTHS_HEADING, cells, counted: 'months with ledger rows in Books' };
}

/** The months (1-12) of `year` that hold at least one ledger date. Dates arrive as Date objects or ISO text. */
export function monthsWithRows(dates: readonly unknown[], year: number, timeZoneDay: (d: Date) => string): number[] {
  const months = new Set<number>();
  for (const d of dates) {
    const iso = d instanceof Date || Object.prototype.toString.call(d) === '[object Date]' ? timeZoneDay(d as Date) : String(d);
    const m = /^(\d{4})-(\d{2})-\d{2}/.exec(iso);
    if (m && Number(m[1]) === year) months.add(Number(m[2]));
  }
  return [...months].sort((x, y) => x - y);
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

/** The Books sheet's block the check-in reads: tax year and rate, the months and the year-to-date row, A2:G18. */
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
  /** month (1-12) -> its row as displayed; the year-to-date row. */
  month: (m: number) => BooksRowShown;
  monthValues: (m: number) => { moneyIn: number; profit: number; uncategorised: number };
  yearToDate: BooksRowShown;
  profitYtd: number;
  uncategorisedYtd: number;
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
    month: (m) => rowShown(shown[monthRow(m)] ?? []),
    monthValues: (m) => ({
      moneyIn: asNumber(values[monthRow(m)][1]),
      profit: asNumber(values[monthRow(m)][3]),
      uncategorised: asNumber(values[monthRow(m)][6]),
    }),
    yearToDate: rowShown(shown[total] ?? []),
    profitYtd: asNumber(values[total][3]),
    uncategorisedYtd: asNumber(values[total][6]),
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
export function monthsOver(booksYear: number, today: string): number {
  const [y, m] = today.split('-').map(Number);
  if (booksYear < y) return MONTHS;
  if (booksYear > y) return 0;
  return m - 1;
}

/** The Check-ins sheet's header; the plan's key numbers follow the date as values. */
export const CHECKIN_COLUMNS = [
  { header: 'Date', name: null, format: 'yyyy-mm-dd' },
  { header: 'Leave date', name: 'LEAP_LEAVE_DATE', format: 'yyyy-mm-dd' },
  { header: 'Quit date', name: 'LEAP_QUIT_DATE', format: 'yyyy-mm-dd' },
  { header: 'Buffer target', name: 'LEAP_BUFFER_TARGET', format: '#,##0' },
  { header: 'Savings on the leave date', name: 'LEAP_SAVINGS_AT_LEAVE', format: '#,##0' },
  { header: 'Runway risk', name: 'LEAP_RUNWAY_RISK', format: '0.0%' },
  { header: 'Low month', name: 'LEAP_PROJECTED_LOW', format: '#,##0' },
  { header: 'Expected month', name: 'LEAP_EXPECTED_MONTHLY', format: '#,##0' },
  { header: 'Profit so far this year', name: 'LEAP_BOOKS_PROFIT_YTD', format: '#,##0' },
] as const;

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
    return `'${String(v)}`;
  });
}
