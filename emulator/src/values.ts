/**
 * How Sheets turns what a person types into a value and a number format, how a Date maps to a serial number in
 * the spreadsheet's time zone, and how a value is displayed under a number format (getDisplayValues).
 */

const MS_PER_DAY = 86_400_000;

/** A Date from any realm: the bundle runs in its own vm context, whose Date is not this file's Date. */
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
/** Sheets' (and Lotus') day zero: serial 1 is 1899-12-31, serial 45672 is 2025-01-15. */
const EPOCH = Date.UTC(1899, 11, 30);

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and time an instant shows in a time zone. */
export function wallClock(date: Date, timeZone: string): WallClock {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(date)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const utc = Date.UTC(parts.year, parts.month - 1, parts.day);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
    weekday: new Date(utc).getUTCDay(),
  };
}

const wallAsUtc = (w: WallClock, ms = 0): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ms);

/** A Date as the serial number Sheets stores, read on the spreadsheet's clock. */
export function dateToSerial(date: Date, timeZone: string): number {
  const w = wallClock(date, timeZone);
  return (wallAsUtc(w, date.getUTCMilliseconds()) - EPOCH) / MS_PER_DAY;
}

/** The instant a serial number means on the spreadsheet's clock (what getValue returns for a date cell). */
/**
 * A date cell as ISO 8601 text of its own day and time, with no zone: "2026-09-15", or "2026-09-15T13:45:00"
 * when it has a time. A cell holds a day, not an instant, so the JSON shows the day the grid shows.
 */
export function serialToIso(serial: number): string {
  const iso = new Date(EPOCH + Math.round(serial * MS_PER_DAY)).toISOString().slice(0, 19);
  return iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = EPOCH + Math.round(serial * MS_PER_DAY);
  let t = wall;
  // Two rounds settle the zone offset, including across a daylight-saving change.
  for (let i = 0; i < 2; i++) t = wall - (wallAsUtc(wallClock(new Date(t), timeZone)) - Math.floor(t / 1000) * 1000);
  return new Date(t);
}

export type ParsedInput =
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: number | string | boolean; numberFormat?: string };

const MONTHS = [
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
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const serialOf = (y: number, m: number, d: number): number | undefined => {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return (t - EPOCH) / MS_PER_DAY;
};

/**
 * Reads text the way Sheets reads a typed entry (en_US): formulas, TRUE/FALSE, numbers with grouping, currency
 * and percent signs (which also set the cell's format), ISO and US dates; anything else stays text.
 */
export function parseInput(input: string): ParsedInput {
  // A leading apostrophe makes the rest text, as in Sheets; the apostrophe itself is not part of the value.
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const text = input.trim();
  if (/^(true|false)$/i.test(text)) return { kind: 'value', value: text.toUpperCase() === 'TRUE' };
  const num = /^([-+])?\s*(\$)?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(%)?$/.exec(text);
  if (num && (num[3] || num[4])) {
    const [, sign, dollar, whole = '0', fraction = '', percent] = num;
    let value = Number(`${whole.replace(/,/g, '')}${fraction}`) * (sign === '-' ? -1 : 1);
    const decimals = fraction ? '.'.padEnd(fraction.length, '0') : '';
    if (percent) {
      value /= 100;
      return { kind: 'value', value, numberFormat: `0${decimals}%` };
    }
    if (dollar) return { kind: 'value', value, numberFormat: `$#,##0${decimals ? '.00' : ''}` };
    if (whole.includes(',')) return { kind: 'value', value, numberFormat: `#,##0${decimals}` };
    return { kind: 'value', value };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    const serial = serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== undefined) return { kind: 'value', value: serial, numberFormat: 'yyyy-mm-dd' };
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) {
    const serial = serialOf(Number(us[3]), Number(us[1]), Number(us[2]));
    if (serial !== undefined) return { kind: 'value', value: serial, numberFormat: 'M/d/yyyy' };
  }
  return { kind: 'value', value: input };
}

/** Quoted literals and escapes removed, to look at a pattern's tokens only. */
const tokensOnly = (pattern: string): string => pattern.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');

/** Whether a number format shows a date (Sheets then hands the cell to scripts as a Date). */
export function isDateFormat(pattern: string | undefined): boolean {
  if (!pattern) return false;
  const t = tokensOnly(pattern.split(';')[0]);
  return /[yd]/i.test(t) || (/m/i.test(t) && !/[0#]/.test(t));
}

/** Sheets' default date display for en_US. */
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';

function formatDatePattern(serial: number, pattern: string): string {
  const wall = new Date(EPOCH + Math.round(serial * MS_PER_DAY));
  const y = wall.getUTCFullYear();
  const mo = wall.getUTCMonth();
  const d = wall.getUTCDate();
  const h = wall.getUTCHours();
  const mi = wall.getUTCMinutes();
  const s = wall.getUTCSeconds();
  const pad = (n: number) => String(n).padStart(2, '0');
  const hasHour = /h/i.test(tokensOnly(pattern));
  return pattern.replace(
    /"([^"]*)"|\\(.)|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p/gi,
    (tok, quoted, escaped) => {
      if (quoted !== undefined) return quoted;
      if (escaped !== undefined) return escaped;
      switch (tok.toLowerCase()) {
        case 'yyyy':
          return String(y);
        case 'yy':
          return pad(y % 100);
        case 'mmmm':
          return MONTHS[mo];
        case 'mmm':
          return MONTHS[mo].slice(0, 3);
        case 'mm':
          return hasHour ? pad(mi) : pad(mo + 1);
        case 'm':
          return hasHour ? String(mi) : String(mo + 1);
        case 'dddd':
          return DAYS[wall.getUTCDay()];
        case 'ddd':
          return DAYS[wall.getUTCDay()].slice(0, 3);
        case 'dd':
          return pad(d);
        case 'd':
          return String(d);
        case 'hh':
          return pad(/am\/pm/i.test(pattern) ? h % 12 || 12 : h);
        case 'h':
          return String(/am\/pm/i.test(pattern) ? h % 12 || 12 : h);
        case 'ss':
          return pad(s);
        case 's':
          return String(s);
        default:
          return h < 12 ? 'AM' : 'PM';
      }
    },
  );
}

/** The characters a locale shows for a pattern's "," (grouping) and "." (decimal point). */
export interface Separators {
  group: string;
  decimal: string;
}

const EN_US_SEPARATORS: Separators = { group: ',', decimal: '.' };
const separatorCache = new Map<string, Separators>();

/**
 * The separators of a Sheets locale ("de_DE"), from the Unicode CLDR data in Node's ICU: Sheets writes patterns
 * with "," and "." and shows the locale's own characters (de_DE 1.234,50; fr_FR 1 234,50; de_CH 1'234.50).
 * A locale ICU does not know gets en_US's.
 */
export function localeSeparators(locale: string | undefined): Separators {
  if (!locale || locale === 'en_US') return EN_US_SEPARATORS;
  let found = separatorCache.get(locale);
  if (!found) {
    found = { ...EN_US_SEPARATORS };
    try {
      const tag = locale.replace(/_/g, '-');
      if (Intl.NumberFormat.supportedLocalesOf([tag]).length > 0) {
        // A seven-digit number: CLDR's es and it skip grouping below five digits, but still name their separator.
        for (const part of new Intl.NumberFormat(tag, { useGrouping: true }).formatToParts(1234567.5)) {
          if (part.type === 'group') found.group = part.value;
          if (part.type === 'decimal') found.decimal = part.value;
        }
      }
    } catch {
      // Not a well-formed locale tag: Sheets would not accept it either; en_US separators are shown.
    }
    separatorCache.set(locale, found);
  }
  return found;
}

function formatNumberSection(n: number, section: string, separators: Separators): string {
  const body = tokensOnly(section);
  const percent = body.includes('%');
  const value = percent ? n * 100 : n;
  const numeric = /[0#,]+(\.[0#]+)?/.exec(body.replace(/%/g, ''));
  const decimals = numeric?.[1] ? numeric[1].length - 1 : 0;
  const grouped = numeric ? numeric[0].includes(',') : false;
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const groupedWhole = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, separators.group) : whole;
  const digits = `${groupedWhole}${fraction ? `${separators.decimal}${fraction}` : ''}`;
  // Literal text around the digits: "$", "\"USD \"", "[$€]", "[$£-809]" all become prefix or suffix text.
  const literal = (s: string) =>
    s.replace(/\[\$([^\]-]*)[^\]]*\]/g, '$1').replace(/"([^"]*)"|\\(.)|[0#,.]/g, (_m, q, e) => q ?? e ?? '');
  // Digits are looked for outside brackets and quotes, so a symbol such as [$R$] or "No. 0" stays literal.
  const masked = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, (m) => ' '.repeat(m.length));
  const firstDigit = masked.search(/[0#]/);
  const lastDigit = Math.max(masked.lastIndexOf('0'), masked.lastIndexOf('#'));
  const prefix = firstDigit >= 0 ? literal(section.slice(0, firstDigit)) : '';
  const suffix = lastDigit >= 0 ? literal(section.slice(lastDigit + 1)) : '';
  return `${prefix}${digits}${suffix}`;
}

/**
 * What a number looks like with no number format (Sheets' "Automatic"): up to 10 significant digits, with the
 * locale's decimal separator (2,5 in de_DE).
 */
export function formatGeneral(n: number, locale?: string): string {
  const text = Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : String(Number.parseFloat(n.toPrecision(10)));
  const { decimal } = localeSeparators(locale);
  return decimal === '.' ? text : text.replace('.', decimal);
}

/**
 * A number under a Sheets number format pattern: numbers, currency, percents, dates; sections pos;neg;zero.
 * The pattern's "," and "." are shown as the locale's separators (a Sheets locale such as "de_DE"; default en_US).
 */
export function formatNumber(n: number, pattern: string | undefined, locale?: string): string {
  if (!pattern || pattern === 'General' || pattern === '@') return formatGeneral(n, locale);
  if (isDateFormat(pattern)) return formatDatePattern(n, pattern.split(';')[0]);
  const separators = localeSeparators(locale);
  const sections = pattern.split(';');
  if (n < 0 && sections.length > 1) return formatNumberSection(-n, sections[1], separators);
  if (n === 0 && sections.length > 2) return formatNumberSection(0, sections[2], separators);
  const text = formatNumberSection(n, sections[0], separators);
  const shown = /[1-9]/.test(text);
  return n < 0 && shown ? `-${text}` : text;
}

/**
 * Utilities.formatDate: Java SimpleDateFormat patterns (yyyy, MM, MMM, dd, EEE, HH, hh, mm, ss, a, 'quoted')
 * in the given time zone.
 */
export function formatDateJava(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  const pad = (n: number, len: number) => String(n).padStart(len, '0');
  return pattern.replace(/'([^']*)'|y+|M+|d+|E+|H+|h+|m+|s+|S+|a/g, (tok, quoted) => {
    if (quoted !== undefined) return quoted === '' ? "'" : quoted;
    const len = tok.length;
    switch (tok[0]) {
      case 'y':
        return len === 2 ? pad(w.year % 100, 2) : pad(w.year, len);
      case 'M':
        return len >= 4 ? MONTHS[w.month - 1] : len === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, len);
      case 'd':
        return pad(w.day, len);
      case 'E':
        return len >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
      case 'H':
        return pad(w.hour, len);
      case 'h':
        return pad(w.hour % 12 || 12, len);
      case 'm':
        return pad(w.minute, len);
      case 's':
        return pad(w.second, len);
      case 'S':
        return pad(date.getUTCMilliseconds(), len);
      default:
        return w.hour < 12 ? 'AM' : 'PM';
    }
  });
}
