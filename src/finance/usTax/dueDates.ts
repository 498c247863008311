/**
 * Form 1040-ES due dates. The statutory dates are April 15, June 15 and September 15 of the tax year and January 15
 * of the next (IRC 6654(c)(2)); IRC 7503 moves a date that falls on a Saturday, Sunday or legal holiday (federal
 * holidays and those of the District of Columbia) to the next day that is none of these.
 * Inside, days are counted as whole days since 1970-01-01 (UTC arithmetic, so no clock change can shift them);
 * outside, they are local dates at midnight, which is how Sheets hands date cells to a custom function.
 */

const MS_PER_DAY = 86_400_000;
const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

/** Day number of a calendar date; month is 1-12. */
const dayNumber = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / MS_PER_DAY;
/** 1970-01-01 was a Thursday. */
const weekdayOf = (n: number): number => (((n + THURSDAY) % 7) + 7) % 7;

function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  const first = dayNumber(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (nth - 1);
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const last = dayNumber(year, month + 1, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** A date-fixed holiday falling on a weekend is observed on the Friday before or the Monday after (5 U.S.C. 6103(b)). */
function observed(n: number): number {
  const weekday = weekdayOf(n);
  if (weekday === SATURDAY) return n - 1;
  if (weekday === SUNDAY) return n + 1;
  return n;
}

interface LegalHoliday {
  name: string;
  /** First year the holiday was observed. */
  since: number;
  /** Its observed day in a year. */
  dayIn: (year: number) => number;
}

const fixedDate = (month: number, day: number) => (year: number) => observed(dayNumber(year, month, day));

/**
 * Federal legal holidays (5 U.S.C. 6103(a)) and Washington DC Emancipation Day (D.C. Code 1-612.02), which IRC 7503
 * counts. Inauguration Day (January 20, DC area only) is left out: a January 15 installment never moves that far.
 */
export const LEGAL_HOLIDAYS: readonly LegalHoliday[] = [
  { name: "New Year's Day", since: 1870, dayIn: fixedDate(1, 1) },
  { name: 'Martin Luther King Jr. Day', since: 1986, dayIn: (y) => nthWeekday(y, 1, MONDAY, 3) },
  { name: "Washington's Birthday", since: 1971, dayIn: (y) => nthWeekday(y, 2, MONDAY, 3) },
  // A DC legal holiday from 2005, but the IRS first moved a deadline for it in 2007 (2005's and 2006's stayed put).
  { name: 'DC Emancipation Day', since: 2007, dayIn: fixedDate(4, 16) },
  { name: 'Memorial Day', since: 1971, dayIn: (y) => lastWeekday(y, 5, MONDAY) },
  { name: 'Juneteenth National Independence Day', since: 2021, dayIn: fixedDate(6, 19) },
  { name: 'Independence Day', since: 1870, dayIn: fixedDate(7, 4) },
  { name: 'Labor Day', since: 1894, dayIn: (y) => nthWeekday(y, 9, MONDAY, 1) },
  { name: 'Columbus Day', since: 1971, dayIn: (y) => nthWeekday(y, 10, MONDAY, 2) },
  { name: 'Veterans Day', since: 1978, dayIn: fixedDate(11, 11) },
  { name: 'Thanksgiving Day', since: 1942, dayIn: (y) => nthWeekday(y, 11, THURSDAY, 4) },
  { name: 'Christmas Day', since: 1870, dayIn: fixedDate(12, 25) },
];

const holidayCache = new Map<number, Set<number>>();
/** Observed holidays of a year's rules (New Year's Day of the next year can be observed on December 31). */
function holidaysOfYear(year: number): Set<number> {
  let days = holidayCache.get(year);
  if (!days) {
    days = new Set(LEGAL_HOLIDAYS.filter((h) => year >= h.since).map((h) => h.dayIn(year)));
    holidayCache.set(year, days);
  }
  return days;
}

function yearOf(n: number): number {
  return new Date(n * MS_PER_DAY).getUTCFullYear();
}

function isLegalHoliday(n: number): boolean {
  const year = yearOf(n);
  return holidaysOfYear(year).has(n) || holidaysOfYear(year + 1).has(n);
}

/** IRC 7503: the day itself, or the next day that is not a Saturday, Sunday or legal holiday. */
function nextBusinessDay(n: number): number {
  let day = n;
  while (weekdayOf(day) === SATURDAY || weekdayOf(day) === SUNDAY || isLegalHoliday(day)) day++;
  return day;
}

const toLocalDate = (n: number): Date => {
  const utc = new Date(n * MS_PER_DAY);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
};

const fromLocalDate = (d: Date): number => dayNumber(d.getFullYear(), d.getMonth() + 1, d.getDate());

/** The four statutory installment dates of a tax year, as [year offset, month, day] (IRC 6654(c)(2)). */
const INSTALLMENTS: readonly (readonly [number, number, number])[] = [
  [0, 4, 15],
  [0, 6, 15],
  [0, 9, 15],
  [1, 1, 15],
];

/** The first year and last year the due dates are offered for: the rule holds any year, tests cover these. */
export const DUE_DATE_YEARS = { first: 2000, last: 2100 } as const;

const dueDayCache = new Map<number, readonly number[]>();
/** A column of 100,000 dates asks for the same few years again and again. */
function dueDayNumbers(year: number): readonly number[] {
  let days = dueDayCache.get(year);
  if (!days) {
    days = INSTALLMENTS.map(([offset, month, day]) => nextBusinessDay(dayNumber(year + offset, month, day)));
    dueDayCache.set(year, days);
  }
  return days;
}

/** The four estimated-tax due dates for a tax year, in order, as local dates at midnight. */
export function estimatedTaxDueDates(year: number): Date[] {
  return dueDayNumbers(year).map(toLocalDate);
}

/** The first estimated-tax due date on or after a date's calendar day (its time of day does not matter). */
export function nextEstimatedTaxDue(date: Date): Date {
  const day = fromLocalDate(date);
  const year = date.getFullYear();
  // The January installment of the previous tax year can be the first on or after a day in early January.
  const candidates = [...dueDayNumbers(year - 1), ...dueDayNumbers(year)];
  return toLocalDate(candidates.find((due) => due >= day) as number);
}
