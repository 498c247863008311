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

/** What reading typed input needs to know about the spreadsheet. */
export interface InputContext {
  /** The spreadsheet locale ("en_US", "de_DE"): separators, the order of day and month, month names. */
  locale?: string;
  /** The year on the spreadsheet's clock: a date typed without one ("Mar 3", "3/4") falls in it. */
  year?: number;
}

/**
 * Reads text the way Sheets reads a typed entry, in the spreadsheet's locale. Google documents only that a string
 * is read "as if the user typed them into the UI ... strings may be converted to numbers, dates, etc." (Sheets API
 * ValueInputOption USER_ENTERED) and that a leading "=" is a formula (Range.setValue); the exact rules are not
 * published. Where unsure this reads more as a number or a date, not less, so text a script wants kept as text
 * must say so (a leading apostrophe or the "@" format), as it must on Sheets:
 * - a leading apostrophe keeps the rest as text; "=..." is a formula; TRUE/FALSE (and the locale's own words);
 * - numbers with the locale's decimal and grouping separators ("1,234.50"; de_DE "1.234,50" and "1,5"); grouping
 *   that is not by threes is accepted too ("1,5" is 15 in en_US), currency symbols before or after ("$5", "¥500",
 *   "5 €", "R$ 10"), percents, a minus sign or parentheses, exponents;
 * - dates: ISO "2027-03-04"; numbers in the locale's order ("3/4/2027" is March 4 in en_US, 3 April in en_GB;
 *   "3/4", "3.4." and "3-4" in the current year; "3/2027"); month names in English or the locale's language
 *   ("Mar 3", "3 March 2027", "May 2027", "3-Mar-27", "3. März 2027"); times ("9:30", "9:30 PM").
 * Parsed values carry the number format the typed shape implies, as Sheets gives them.
 */
export function parseInput(input: string, context: InputContext = {}): ParsedInput {
  // A leading apostrophe makes the rest text, as in Sheets; the apostrophe itself is not part of the value.
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const text = input.trim();
  const locale = context.locale ?? 'en_US';
  const bool = booleanWord(text, locale);
  if (bool !== undefined) return { kind: 'value', value: bool };
  const number = readNumber(text, localeSeparators(locale));
  if (number?.strictGrouping) return numberValue(number);
  const date = readDate(text, locale, context.year ?? new Date().getFullYear());
  if (date) return date;
  const time = readTime(text);
  if (time) return time;
  if (number) return numberValue(number);
  return { kind: 'value', value: input };
}

/** TRUE and FALSE in any locale, and the words of a few locales whose Sheets functions are translated. */
const BOOLEAN_WORDS: Record<string, [string, string]> = {
  de: ['WAHR', 'FALSCH'],
  fr: ['VRAI', 'FAUX'],
  es: ['VERDADERO', 'FALSO'],
  it: ['VERO', 'FALSO'],
  pt: ['VERDADEIRO', 'FALSO'],
  nl: ['WAAR', 'ONWAAR'],
};

function booleanWord(text: string, locale: string): boolean | undefined {
  const upper = text.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  const words = BOOLEAN_WORDS[locale.split('_')[0]];
  if (words && upper === words[0]) return true;
  if (words && upper === words[1]) return false;
  return undefined;
}

/**
 * Currency signs Sheets' own currency formats use, longest first so "R$" is found before "$". Letters-only
 * codes (CHF, kr, zł) count too; Google does not list which ones typing recognises, so all of them do here.
 */
const CURRENCY_SIGNS = [
  'US$',
  'CA$',
  'AU$',
  'NZ$',
  'HK$',
  'MX$',
  'NT$',
  'R$',
  'A$',
  'C$',
  'S$',
  'CHF',
  'zł',
  'Kč',
  'kr',
  'Ft',
  'lei',
  '$',
  '€',
  '£',
  '¥',
  '₹',
  '₩',
  '₽',
  '₺',
  '₪',
  '₫',
  '฿',
  '₱',
  '₦',
  '₴',
  '₡',
  '₲',
  '₵',
  '₸',
  '₼',
  '₾',
  '¢',
  '₨',
  '৳',
];

interface TypedNumber {
  value: number;
  /** Digits after the decimal separator as typed. */
  decimals: number;
  grouped: boolean;
  /** Grouping by threes, or none: a plain number, not merely something Sheets may still read as one. */
  strictGrouping: boolean;
  percent: boolean;
  currency?: { sign: string; before: boolean };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SPACES = /[\s\u00a0\u202f]/;

const numberPatternCache = new Map<string, { digits: RegExp; groupSeparator: RegExp }>();

/** The digits of a typed number with a locale's separators: whole part with grouping, decimals, exponent. */
function numberPatterns(group: string, decimal: string): { digits: RegExp; groupSeparator: RegExp } {
  const key = `${group}|${decimal}`;
  let found = numberPatternCache.get(key);
  if (!found) {
    // A space-like group separator (fr_FR's narrow no-break space) is typed as any space; de_CH's ' also as ’.
    const g = SPACES.test(group) ? '[\\s\\u00a0\\u202f]' : group === "'" ? "['’]" : escapeRegExp(group);
    found = {
      digits: new RegExp(`^(\\d+(?:${g}\\d+)*)?(?:${escapeRegExp(decimal)}(\\d+))?(?:[eE]([-+]?\\d+))?$`),
      groupSeparator: new RegExp(g),
    };
    numberPatternCache.set(key, found);
  }
  return found;
}

function readNumber(text: string, { group, decimal }: Separators): TypedNumber | undefined {
  let t = text;
  let negative = false;
  let percent = false;
  let currency: TypedNumber['currency'];
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  const takeSign = () => {
    if (/^[-+]/.test(t)) {
      negative = negative !== (t[0] === '-');
      t = t.slice(1).trim();
    }
  };
  takeSign();
  for (const sign of CURRENCY_SIGNS) {
    if (t.startsWith(sign)) {
      currency = { sign, before: true };
      t = t.slice(sign.length).trim();
      takeSign();
      break;
    }
    if (t.endsWith(sign)) {
      currency = { sign, before: false };
      t = t.slice(0, -sign.length).trim();
      break;
    }
  }
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  const { digits, groupSeparator } = numberPatterns(group, decimal);
  const m = digits.exec(t);
  if (!m || (!m[1] && !m[2])) return undefined;
  const groups = (m[1] ?? '0').split(groupSeparator);
  const grouped = groups.length > 1;
  const strictGrouping = !grouped || (groups[0].length <= 3 && groups.slice(1).every((d) => d.length === 3));
  const magnitude = Number(`${groups.join('')}.${m[2] ?? '0'}e${m[3] ?? '0'}`);
  return {
    value: (negative ? -magnitude : magnitude) / (percent ? 100 : 1),
    decimals: m[2]?.length ?? 0,
    grouped,
    strictGrouping,
    percent,
    currency,
  };
}

function numberValue(n: TypedNumber): ParsedInput {
  const decimals = n.decimals > 0 ? `.${'0'.repeat(n.decimals)}` : '';
  if (n.percent) return { kind: 'value', value: n.value, numberFormat: `0${decimals}%` };
  if (n.currency) {
    const digits = `#,##0${n.decimals > 0 ? '.00' : ''}`;
    const sign = n.currency.sign === '$' ? '$' : `[$${n.currency.sign}]`;
    return { kind: 'value', value: n.value, numberFormat: n.currency.before ? `${sign}${digits}` : `${digits} ${sign}` };
  }
  if (n.grouped) return { kind: 'value', value: n.value, numberFormat: `#,##0${decimals}` };
  return { kind: 'value', value: n.value };
}

const orderCache = new Map<string, ('d' | 'm' | 'y')[]>();

/** The order a locale writes day, month and year in (CLDR, from Node's ICU): en_US m d y, en_GB d m y, ja_JP y m d. */
function dateOrder(locale: string): ('d' | 'm' | 'y')[] {
  let order = orderCache.get(locale);
  if (!order) {
    order = ['m', 'd', 'y'];
    try {
      const parts = new Intl.DateTimeFormat(locale.replace(/_/g, '-'), { year: 'numeric', month: 'numeric', day: 'numeric' })
        .formatToParts(new Date(2027, 2, 4))
        .map((p) => ({ day: 'd', month: 'm', year: 'y' })[p.type as string] as 'd' | 'm' | 'y' | undefined)
        .filter((p): p is 'd' | 'm' | 'y' => p !== undefined);
      if (parts.length === 3) order = parts;
    } catch {
      // Not a locale ICU knows: en_US's order.
    }
    orderCache.set(locale, order);
  }
  return order;
}

const monthNameCache = new Map<string, Map<string, { month: number; long: boolean }>>();

/** Month names typing accepts: English, long and short ("Sept" too), and the locale's own, without a final dot. */
function monthNames(locale: string): Map<string, { month: number; long: boolean }> {
  let names = monthNameCache.get(locale);
  if (!names) {
    names = new Map();
    const add = (name: string, month: number, long: boolean) => {
      const key = name.toLowerCase().replace(/\.$/, '');
      if (key && !names?.has(key)) names?.set(key, { month, long });
    };
    MONTHS.forEach((m, i) => {
      add(m, i + 1, true);
      add(m.slice(0, 3), i + 1, false);
    });
    add('Sept', 9, false);
    try {
      const tag = locale.replace(/_/g, '-');
      for (let i = 0; i < 12; i++) {
        const day = new Date(Date.UTC(2027, i, 15));
        for (const width of ['long', 'short'] as const) {
          add(new Intl.DateTimeFormat(tag, { month: width, timeZone: 'UTC' }).format(day), i + 1, width === 'long');
        }
      }
    } catch {
      // Not a locale ICU knows: English names only.
    }
    monthNameCache.set(locale, names);
  }
  return names;
}

/** Two-digit years as Sheets (and Excel) read them: 00-29 this century, 30-99 the last. */
const fullYear = (y: string): number => (y.length === 2 ? (Number(y) < 30 ? 2000 : 1900) + Number(y) : Number(y));

const dateValue = (y: number, m: number, d: number, numberFormat: string): ParsedInput | undefined => {
  const serial = serialOf(y, m, d);
  return serial === undefined ? undefined : { kind: 'value', value: serial, numberFormat };
};

function readDate(text: string, locale: string, thisYear: number): ParsedInput | undefined {
  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (iso) {
    const format = iso[2] === '-' ? 'yyyy-mm-dd' : `yyyy${iso[2]}m${iso[2]}d`;
    return dateValue(Number(iso[1]), Number(iso[3]), Number(iso[4]), format);
  }
  // Numbers only: day and month in the locale's order; a locale that puts the year first reads month before day.
  const order = dateOrder(locale).filter((p) => p !== 'y');
  const numeric = /^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?$/.exec(text);
  if (numeric) {
    const [, a, sep, b, y] = numeric;
    const [first, second] = order[0] === 'd' ? ['d', 'M'] : ['M', 'd'];
    const [day, month] = order[0] === 'd' ? [a, b] : [b, a];
    const year = y === undefined ? thisYear : fullYear(y);
    const format = `${first}${sep}${second}${y === undefined ? '' : `${sep}${y.length === 2 ? 'yy' : 'yyyy'}`}`;
    return dateValue(year, Number(month), Number(day), format);
  }
  const monthYear = /^(\d{1,2})([-/.])(\d{4})$/.exec(text);
  if (monthYear) return dateValue(Number(monthYear[3]), Number(monthYear[1]), 1, `M${monthYear[2]}yyyy`);
  // Month names: "Mar 3", "March 3, 2027", "3 March 2027", "3. März 2027", "3-Mar-27", "May 2027", "Mar-2027".
  const names = monthNames(locale);
  const name = (word: string) => names.get(word.toLowerCase().replace(/\.$/, ''));
  const words = text
    .replace(/,/g, ' ')
    .trim()
    .split(/[\s\u00a0]+|-(?=\S)/);
  const isDay = (w: string) => /^\d{1,2}\.?$/.test(w);
  const isYear = (w: string) => /^(\d{4}|\d{2})$/.test(w);
  const mmm = (m: { long: boolean }) => (m.long ? 'mmmm' : 'mmm');
  if (words.length >= 2 && words.length <= 3) {
    const [w0, w1, w2] = words;
    const m0 = name(w0);
    const m1 = name(w1);
    if (m0 && isDay(w1) && (w2 === undefined || isYear(w2))) {
      const format = `${mmm(m0)} d${w2 === undefined ? '' : `, ${w2.length === 2 ? 'yy' : 'yyyy'}`}`;
      return dateValue(w2 === undefined ? thisYear : fullYear(w2), m0.month, Number.parseInt(w1, 10), format);
    }
    if (isDay(w0) && m1 && (w2 === undefined || isYear(w2))) {
      const format = `d ${mmm(m1)}${w2 === undefined ? '' : ` ${w2.length === 2 ? 'yy' : 'yyyy'}`}`;
      return dateValue(w2 === undefined ? thisYear : fullYear(w2), m1.month, Number.parseInt(w0, 10), format);
    }
    if (m0 && w2 === undefined && /^\d{4}$/.test(w1)) return dateValue(Number(w1), m0.month, 1, `${mmm(m0)} yyyy`);
  }
  return undefined;
}

/** "9:30", "21:30:15", "9:30 PM": a time of day, as a fraction of a day with a time format. */
function readTime(text: string): ParsedInput | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m?\.?)?$/i.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const [minute, second] = [Number(m[2]), Number(m[3] ?? 0)];
  const meridiem = m[4]?.[0].toLowerCase();
  if (minute > 59 || second > 59 || hour > (meridiem ? 12 : 23) || (meridiem && hour === 0)) return undefined;
  if (meridiem) hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  const format = `h:mm${m[3] === undefined ? '' : ':ss'}${meridiem ? ' am/pm' : ''}`;
  return { kind: 'value', value: (hour * 3600 + minute * 60 + second) / 86400, numberFormat: format };
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
  // After the point, 0 is a digit always shown and # one shown only when it is not a trailing zero ("0.0#": 4.5 shows
  // 4.5, 4.56 shows 4.56). A pattern with a point keeps it even when no decimal is left ("0.##": 4 shows "4."), as
  // Sheets' custom number formats do (Docs Editors Help, "Format numbers in a spreadsheet", custom formats:
  // https://support.google.com/docs/answer/56470).
  const decimals = numeric?.[1] ? numeric[1].length - 1 : 0;
  const requiredDecimals = numeric?.[1] ? (numeric[1].match(/0/g) ?? []).length : 0;
  const grouped = numeric ? numeric[0].includes(',') : false;
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, allDecimals] = fixed.split('.');
  let fraction = allDecimals ?? '';
  while (fraction.length > requiredDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const groupedWhole = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, separators.group) : whole;
  const digits = `${groupedWhole}${numeric?.[1] ? `${separators.decimal}${fraction}` : ''}`;
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
