/** Reading the dates and amounts banks write, in the forms they write them. */
import type { ColumnMapping } from './types';

type DateOrder = ColumnMapping['dateOrder'];
type DecimalMark = ColumnMapping['decimal'];

/**
 * A date cell read as far as it can be without knowing the file's day/month order: `settled` when the year
 * comes first or the month is a word; otherwise two numbers `a` and `b`, one the day and one the month.
 */
export type DateShape =
  | { kind: 'settled'; year: number; month: number; day: number }
  | { kind: 'numeric'; a: number; b: number; year: number; separator: string };

/** English and German month names and abbreviations (German banks write "5. März 2026"). */
const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  januar: 1,
  jän: 1,
  jaen: 1,
  feb: 2,
  february: 2,
  februar: 2,
  mar: 3,
  march: 3,
  mär: 3,
  märz: 3,
  maerz: 3,
  mrz: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  dez: 12,
  dezember: 12,
};

const WEEKDAY = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mo|di|mi|do|fr|sa|so)[a-z]*\.?,?\s+/i;
const TIME = /(?:[T\s]+|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?$/i;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const DAY_WORD_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\.?[\s-]*([\p{L}]+)\.?[\s,-]*(\d{4}|\d{2})$/u;
const WORD_DAY_YEAR = /^([\p{L}]+)\.?[\s-]*(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/u;

/** Two-digit years are this century's up to 69, as spreadsheets read them. */
const fullYear = (y: string): number => (y.length === 4 ? Number(y) : Number(y) + (Number(y) <= 69 ? 2000 : 1900));

export function readDateShape(text: string): DateShape | null {
  const trimmed = text.trim();
  // Weekdays and times come with letters or a colon; most dates have neither and skip both replacements.
  const s = /[^\d/.-]/.test(trimmed) ? trimmed.replace(WEEKDAY, '').replace(TIME, '').trim() : trimmed;
  let m = YEAR_FIRST.exec(s) ?? COMPACT.exec(s);
  if (m) {
    const parts = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    return { kind: 'settled', year: Number(parts[0]), month: Number(parts[1]), day: Number(parts[2]) };
  }
  m = NUMERIC.exec(s);
  if (m) return { kind: 'numeric', a: Number(m[1]), b: Number(m[3]), year: fullYear(m[4]), separator: m[2] };
  m = DAY_WORD_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? { kind: 'settled', year: fullYear(m[3]), month, day: Number(m[1]) } : null;
  }
  m = WORD_DAY_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? { kind: 'settled', year: Number(m[3]), month, day: Number(m[2]) } : null;
  }
  return null;
}

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The date as YYYY-MM-DD, or why it is not a real date. */
export function shapeToIso(shape: DateShape, order: DateOrder): { iso: string } | { error: string } {
  if (shape.kind === 'numeric' && order === 'ymd') return { error: 'is not written year first, as the dates were said to be' };
  const { year, month, day } =
    shape.kind === 'settled'
      ? shape
      : order === 'mdy'
        ? { year: shape.year, month: shape.a, day: shape.b }
        : { year: shape.year, month: shape.b, day: shape.a };
  if (month < 1 || month > 12) {
    const hint = shape.kind === 'numeric' ? `: there is no month ${month} (the dates are read ${ORDER_WORDS[order]})` : '';
    return { error: `is not a real date${hint}` };
  }
  if (year < 1900 || year > 2199) return { error: `has the year ${year}, which is not a statement's` };
  if (day < 1 || day > daysInMonth(year, month))
    return { error: `is not a real date: ${MONTH_NAMES[month - 1]} has no day ${day}` };
  return { iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

const ORDER_WORDS: Record<DateOrder, string> = {
  ymd: 'year first',
  mdy: 'month first',
  dmy: 'day first',
};

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The day/month order of a file, from all its dates: a first number over 12 can only be a day, a second one
 * only a day too. With no such date the order is a guess and `ambiguous` says so, except for dotted dates
 * (05.03.2026), which are written day first wherever they are used.
 */
export function detectDateOrder(shapes: DateShape[], dayFirstGuess: boolean): { order: DateOrder; ambiguous: boolean } {
  let numeric = 0;
  let settled = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  let dotted = 0;
  for (const s of shapes) {
    if (s.kind === 'settled') {
      settled++;
      continue;
    }
    numeric++;
    if (s.separator === '.') dotted++;
    if (s.a > 12 && s.b <= 12) dayFirst++;
    else if (s.b > 12 && s.a <= 12) monthFirst++;
  }
  if (numeric === 0) return { order: settled > 0 ? 'ymd' : dayFirstGuess ? 'dmy' : 'mdy', ambiguous: false };
  if (dayFirst > monthFirst) return { order: 'dmy', ambiguous: false };
  if (monthFirst > dayFirst) return { order: 'mdy', ambiguous: false };
  if (dayFirst === 0 && dotted === numeric) return { order: 'dmy', ambiguous: false };
  return { order: dayFirstGuess ? 'dmy' : 'mdy', ambiguous: true };
}

/** Currency signs and codes a bank may put before or after an amount. */
const CURRENCY = /^(?:[A-Z]{0,2}[$£€¥₹]|[A-Z]{3}(?=[\s\d.,(+\-−]|$)|kr\.?|Fr\.?|CHF|zł)|(?:[$£€¥₹]|\b[A-Z]{3}|kr\.?|zł)$/;
const SPACES = /[\s\u00a0\u2007\u2009\u202f']/g;

/**
 * An amount as a number: signs before or after (1.234,56-), parentheses, a CR/DR suffix, currency signs or
 * codes and grouping separators are understood; `null` when the text is not an amount.
 */
const PLAIN = { '.': /^-?\d+(?:\.\d+)?$/, ',': /^-?\d+(?:,\d+)?$/ };

export function readAmount(text: string, decimal: DecimalMark): number | null {
  let s = text.trim();
  if (PLAIN[decimal].test(s)) {
    const plain = Number(decimal === '.' ? s : s.replace(',', '.'));
    return plain === 0 ? 0 : plain;
  }
  let negative = false;
  let credit = false;
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    let m = /^(.*?)\s*(?<![A-Za-z])(CR|DR|Cr|Dr|cr|dr)\.?$/.exec(s);
    if (m) {
      if (/^d/i.test(m[2])) negative = !negative;
      else credit = true;
      s = m[1];
    }
    m = /^\((.*)\)$/.exec(s);
    if (m) {
      negative = !negative;
      s = m[1];
    }
    if (/^[-−–]/.test(s) || /[-−–]$/.test(s)) {
      negative = !negative;
      s = /^[-−–]/.test(s) ? s.slice(1) : s.slice(0, -1);
    }
    if (s.startsWith('+')) s = s.slice(1);
    s = s.replace(CURRENCY, '').trim();
    if (s === before) break;
  }
  const body = s.replace(SPACES, '');
  const shape = decimal === '.' ? /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/ : /^(\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d+))?$/;
  const m = shape.exec(body);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const whole = (m[1] ?? '0').replace(/[.,]/g, '');
  const value = Number(`${whole}.${m[2] ?? '0'}`);
  if (!Number.isFinite(value)) return null;
  const signed = negative && !credit ? -value : value;
  return signed === 0 ? 0 : signed;
}

/**
 * The decimal mark of a column of amounts: where both marks appear the last is the decimal one; a lone mark
 * followed by other than three digits is decimal; a mark that repeats groups thousands. No evidence: the guess.
 */
export function detectDecimal(values: string[], guess: DecimalMark): DecimalMark {
  let dot = 0;
  let comma = 0;
  for (const v of values) {
    const s = v.replace(/[^\d.,]/g, '');
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastDot >= 0 && lastComma >= 0) {
      if (lastDot > lastComma) dot++;
      else comma++;
      continue;
    }
    const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    if (!mark) continue;
    const count = s.split(mark).length - 1;
    const after = s.length - s.lastIndexOf(mark) - 1;
    const isDecimal = count === 1 && after !== 3;
    const isGrouping = count > 1;
    if ((isDecimal && mark === '.') || (isGrouping && mark === ',')) dot++;
    else if ((isDecimal && mark === ',') || (isGrouping && mark === '.')) comma++;
  }
  if (dot === comma) return guess;
  return dot > comma ? '.' : ',';
}
