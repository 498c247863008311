/**
 * Money in the spreadsheet's own currency: the number format a money cell gets and the formula a live sentence
 * uses to quote an amount, both from the spreadsheet locale (SpreadsheetApp.getActive().getSpreadsheetLocale(),
 * e.g. "en_GB").
 *
 * How Sheets number formats express money (Sheets API guide "Date and number formats",
 * developers.google.com/sheets/api/guides/formats):
 * - A pattern always writes "," for grouping and "." for decimals; the spreadsheet's locale decides which characters
 *   are shown ("the actual rendering of the format depends on the spreadsheet's locale"): `#,##0.00` shows 1.234,50
 *   in de_DE and 1,234.50 in en_US.
 * - `$`, `-`, `+`, `(`, `)`, `:` and space are literals; any other symbol goes in brackets, `[$£]`, which is also
 *   what Sheets itself writes (a recorded macro applying pounds calls setNumberFormat('[$£]#,##0')); it is Excel's
 *   `[$symbol-locale]` form with the locale part left out. Brackets need no quotes inside a TEXT formula.
 * - TEXT(number, pattern) formats with the same patterns as cells, so a sentence built with TEXT and the cell's
 *   own pattern shows exactly what the cell shows: same symbol, same separators.
 */

interface LocaleCurrency {
  /** The ISO 4217 code of the locale's currency. */
  code: string;
  /** The symbol Sheets shows for this locale's currency. */
  symbol: string;
  /** Symbol before the digits (£1,234.50) or after them (1.234,50 €). */
  placement: 'before' | 'after';
  /** A space between symbol and digits (R$ 1.234,50, 1.234,50 €). */
  spaced: boolean;
  /** Digits after the decimal point of the currency's smallest unit: the yen has none. */
  minorDigits: 0 | 2;
  /** What a cell formatted for cents shows for 1234.5 in a spreadsheet of this locale. */
  shows: string;
  /** Where the symbol, its placement and the separators come from. */
  source: string;
}

const CLDR = 'Unicode CLDR 48 (cldr.unicode.org) currency pattern, symbol and separators for';

/**
 * Sheets locale -> its currency. Symbol placement, spacing and separators follow Unicode CLDR, which Google's
 * locale data is built from; where Sheets is known to show something else, the entry says so.
 */
export const LOCALE_CURRENCIES: Readonly<Record<string, LocaleCurrency>> = {
  en_US: {
    code: 'USD',
    symbol: '$',
    placement: 'before',
    spaced: false,
    minorDigits: 2,
    shows: '$1,234.50',
    source: `${CLDR} en (USD)`,
  },
  en_GB: {
    code: 'GBP',
    symbol: '£',
    placement: 'before',
    spaced: false,
    minorDigits: 2,
    shows: '£1,234.50',
    source: `${CLDR} en_GB (GBP)`,
  },
  // CLDR's en_CA symbol for CAD is "$"; "CA$" is the symbol other English locales use, and Sheets in en_CA shows "$".
  en_CA: {
    code: 'CAD',
    symbol: '$',
    placement: 'before',
    spaced: false,
    minorDigits: 2,
    shows: '$1,234.50',
    source: `${CLDR} en_CA (CAD)`,
  },
  en_AU: {
    code: 'AUD',
    symbol: '$',
    placement: 'before',
    spaced: false,
    minorDigits: 2,
    shows: '$1,234.50',
    source: `${CLDR} en_AU (AUD)`,
  },
  en_NZ: {
    code: 'NZD',
    symbol: '$',
    placement: 'before',
    spaced: false,
    minorDigits: 2,
    shows: '$1,234.50',
    source: `${CLDR} en_NZ (NZD)`,
  },
  en_IE: {
    code: 'EUR',
    symbol: '€',
    placement: 'before',
    spaced: false,
    minorDigits: 2,
    shows: '€1,234.50',
    source: `${CLDR} en_IE (EUR)`,
  },
  en_IN: {
    code: 'INR',
    symbol: '₹',
    placement: 'before',
    spaced: false,
    minorDigits: 2,
    // Sheets groups a "#,##0" pattern in threes in every locale; lakh grouping needs an explicit "#,##,##0".
    shows: '₹1,234.50',
    source: `${CLDR} en_IN (INR)`,
  },
  de_DE: {
    code: 'EUR',
    symbol: '€',
    placement: 'after',
    spaced: true,
    minorDigits: 2,
    shows: '1.234,50 €',
    source: `${CLDR} de (EUR)`,
  },
  // fr uses a narrow no-break space (U+202F) to group thousands.
  fr_FR: {
    code: 'EUR',
    symbol: '€',
    placement: 'after',
    spaced: true,
    minorDigits: 2,
    shows: '1\u202f234,50 €',
    source: `${CLDR} fr (EUR)`,
  },
  // CLDR leaves four-digit es and it amounts ungrouped (1234,50); a Sheets pattern with "," groups every amount.
  es_ES: {
    code: 'EUR',
    symbol: '€',
    placement: 'after',
    spaced: true,
    minorDigits: 2,
    shows: '1.234,50 €',
    source: `${CLDR} es (EUR)`,
  },
  it_IT: {
    code: 'EUR',
    symbol: '€',
    placement: 'after',
    spaced: true,
    minorDigits: 2,
    shows: '1.234,50 €',
    source: `${CLDR} it (EUR)`,
  },
  nl_NL: {
    code: 'EUR',
    symbol: '€',
    placement: 'before',
    spaced: true,
    minorDigits: 2,
    shows: '€ 1.234,50',
    source: `${CLDR} nl (EUR)`,
  },
  // CLDR's ja symbol is the full-width "￥"; Sheets shows the ASCII-range "¥" (U+00A5).
  ja_JP: {
    code: 'JPY',
    symbol: '¥',
    placement: 'before',
    spaced: false,
    minorDigits: 0,
    shows: '¥1,235',
    source: `${CLDR} ja (JPY, no minor unit)`,
  },
  pt_BR: {
    code: 'BRL',
    symbol: 'R$',
    placement: 'before',
    spaced: true,
    minorDigits: 2,
    shows: 'R$ 1.234,50',
    source: `${CLDR} pt (BRL)`,
  },
  // de_CH groups with an apostrophe and writes decimals with a point.
  de_CH: {
    code: 'CHF',
    symbol: 'CHF',
    placement: 'before',
    spaced: true,
    minorDigits: 2,
    shows: "CHF 1'234.50",
    source: `${CLDR} de_CH (CHF)`,
  },
};

const BY_LOCALE = new Map(Object.entries(LOCALE_CURRENCIES));

/** The format of a money cell in a spreadsheet whose locale Jumpwise does not know: a number with no symbol. */
export const PLAIN_MONEY_FORMAT = { whole: '#,##0', cents: '#,##0.00' } as const;

/** The locale's currency, or undefined when Jumpwise does not know it. Accepts "en_GB", "en-GB" and "en_gb". */
export function localeCurrency(locale: string): LocaleCurrency | undefined {
  const [language = '', region = ''] = String(locale ?? '')
    .trim()
    .split(/[-_]/);
  const key = `${language.toLowerCase()}_${region.toUpperCase()}`;
  return BY_LOCALE.get(key);
}

/** `$` is a literal in a pattern; every other symbol goes in `[$…]`, as Sheets' custom currency menu writes it. */
const symbolToken = (symbol: string): string => (symbol === '$' ? '$' : `[$${symbol}]`);

/**
 * The number format pattern for money cells in a spreadsheet of this locale: whole amounts (`[$£]#,##0`) or
 * amounts with cents (`[$£]#,##0.00`). A currency with no minor unit (yen) shows whole amounts either way.
 * An unknown locale gets a plain number format (`#,##0.00`), so no wrong symbol is ever shown.
 */
export function moneyFormat(locale: string, options: { cents?: boolean } = {}): string {
  const currency = localeCurrency(locale);
  if (!currency) return options.cents ? PLAIN_MONEY_FORMAT.cents : PLAIN_MONEY_FORMAT.whole;
  const digits = options.cents && currency.minorDigits > 0 ? `#,##0.${'0'.repeat(currency.minorDigits)}` : '#,##0';
  const symbol = symbolToken(currency.symbol);
  const space = currency.spaced ? ' ' : '';
  return currency.placement === 'before' ? `${symbol}${space}${digits}` : `${digits}${space}${symbol}`;
}

/**
 * The currencies Jumpwise's tax functions give amounts in, with the symbol Unicode CLDR 48's English data gives each
 * outside its own country (en: US$, £, CA$): a pound amount in a euro spreadsheet must not show €.
 */
export const TAX_CURRENCIES = { USD: 'US$', GBP: '£', CAD: 'CA$' } as const;
export type TaxCurrency = keyof typeof TAX_CURRENCIES;

/**
 * The number format for amounts in a given currency in a spreadsheet of this locale: the locale's own format when
 * it is the locale's currency (£ in en_GB, $ in en_CA for CAD), otherwise the currency's symbol placed and spaced
 * as the locale places its own (`[$£]#,##0.00` in en_US, `#,##0.00 [$CA$]` in de_DE); the locale's separators show.
 * A locale Jumpwise has no currency for puts the symbol before the digits.
 */
export function moneyFormatIn(locale: string, currency: TaxCurrency, options: { cents?: boolean } = {}): string {
  const own = localeCurrency(locale);
  if (own?.code === currency) return moneyFormat(locale, options);
  const digits = options.cents ? '#,##0.00' : '#,##0';
  const symbol = symbolToken(TAX_CURRENCIES[currency]);
  const space = own?.spaced ? ' ' : '';
  return own?.placement === 'after' ? `${digits}${space}${symbol}` : `${symbol}${space}${digits}`;
}

/** ICU quotes literal text in single quotes; a quote inside is written twice. */
const icuQuoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The format of a chart axis of money in a spreadsheet of this locale, whole amounts: `'£'#,##0` in en_GB,
 * `#,##0 '€'` in de_DE, `'¥'#,##0` in ja_JP; an unknown locale gets `#,##0`, as its cells show no symbol.
 * A chart's axis format is not a Sheets number format: EmbeddedChartBuilder.setOption takes Google Charts options,
 * whose hAxis/vAxis.format is an ICU decimal pattern ("Visualization: Line Chart", Configuration options,
 * developers.google.com/chart/interactive/docs/gallery/linechart#configuration-options). ICU has no `[$£]` (it
 * would print the brackets) and quotes literal text with single quotes; its `,` and `.` are the chart locale's
 * separators, as a Sheets pattern's are. The symbol, placement and spacing are the table's, as for the cells.
 */
export function chartMoneyFormat(locale: string): string {
  const currency = localeCurrency(locale);
  if (!currency) return PLAIN_MONEY_FORMAT.whole;
  const symbol = icuQuoted(currency.symbol);
  const space = currency.spaced ? ' ' : '';
  return currency.placement === 'before' ? `${symbol}${space}#,##0` : `#,##0${space}${symbol}`;
}

/** A locale's money formats under the names the plan layout's format table uses: the cells' two and the charts' axis. */
export function moneyFormats(locale: string): { money: string; moneyCents: string; axisMoney: string } {
  return { money: moneyFormat(locale), moneyCents: moneyFormat(locale, { cents: true }), axisMoney: chartMoneyFormat(locale) };
}

// ---- Dates in the spreadsheet's own style

interface LocaleDate {
  /** The Sheets date pattern a date cell gets (Sheets API guide "Date and number formats": d, dd, mmm, mm, yyyy). */
  pattern: string;
  /** What a cell with the pattern shows for 1 July 2027 in a spreadsheet of this locale. */
  shows: string;
}

/**
 * Sheets locale -> how its dates read, beside LOCALE_CURRENCIES (the same locales): the order of day, month and year
 * and the separators of Unicode CLDR 48's date formats for the locale (medium form where CLDR names the month in
 * English, numeric elsewhere, so no English month name shows in a German or French sheet).
 */
export const LOCALE_DATES: Readonly<Record<string, LocaleDate>> = {
  en_US: { pattern: 'mmm d, yyyy', shows: 'Jul 1, 2027' },
  en_GB: { pattern: 'd mmm yyyy', shows: '1 Jul 2027' },
  en_CA: { pattern: 'mmm d, yyyy', shows: 'Jul 1, 2027' },
  en_AU: { pattern: 'd mmm yyyy', shows: '1 Jul 2027' },
  en_NZ: { pattern: 'd mmm yyyy', shows: '1 Jul 2027' },
  en_IE: { pattern: 'd mmm yyyy', shows: '1 Jul 2027' },
  en_IN: { pattern: 'd mmm yyyy', shows: '1 Jul 2027' },
  de_DE: { pattern: 'dd.mm.yyyy', shows: '01.07.2027' },
  fr_FR: { pattern: 'dd/mm/yyyy', shows: '01/07/2027' },
  es_ES: { pattern: 'dd/mm/yyyy', shows: '01/07/2027' },
  it_IT: { pattern: 'dd/mm/yyyy', shows: '01/07/2027' },
  nl_NL: { pattern: 'dd-mm-yyyy', shows: '01-07-2027' },
  ja_JP: { pattern: 'yyyy/mm/dd', shows: '2027/07/01' },
  pt_BR: { pattern: 'dd/mm/yyyy', shows: '01/07/2027' },
  de_CH: { pattern: 'dd.mm.yyyy', shows: '01.07.2027' },
};

/** A date in a spreadsheet whose locale Jumpwise does not know: year-month-day, which no reader takes the wrong way round. */
export const PLAIN_DATE_FORMAT = 'yyyy-mm-dd';

/** The date pattern of a spreadsheet in this locale (accepts "en_GB", "en-GB", "en_gb"). */
export function dateFormat(locale: string): string {
  const [language = '', region = ''] = String(locale ?? '')
    .trim()
    .split(/[-_]/);
  return LOCALE_DATES[`${language.toLowerCase()}_${region.toUpperCase()}`]?.pattern ?? PLAIN_DATE_FORMAT;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * What a cell with `pattern` shows for the calendar date `iso` (YYYY-MM-DD), for text Jumpwise writes in code (the
 * wizard's review, the check-in, the import preview): "Jul 1, 2027", "1 Jul 2027", "01.07.2027". Read as a calendar
 * date, so no time zone can move it a day; text that is no such date is given back unchanged.
 */
export function dateAsShown(iso: string, pattern: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!match) return String(iso);
  const [year, month, day] = [match[1], Number(match[2]), Number(match[3])];
  const pad = (n: number) => String(n).padStart(2, '0');
  return pattern.replace(/yyyy|mmm|mm|dd|d/g, (token) =>
    token === 'yyyy'
      ? year
      : token === 'mmm'
        ? SHORT_MONTHS[month - 1]
        : token === 'mm'
          ? pad(month)
          : token === 'dd'
            ? pad(day)
            : String(day),
  );
}

/** A locale's money and date formats under the names the plan layout's format table uses. */
export function localeFormats(locale: string): ReturnType<typeof moneyFormats> & { date: string } {
  return { ...moneyFormats(locale), date: dateFormat(locale) };
}

/** A text in a formula: quotes doubled, as Sheets reads string literals. */
const formulaString = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * How a live sentence quotes an amount: a function from a formula expression (a cell reference or any
 * expression, without "=") to a formula fragment that gives the amount as text, e.g. for en_GB
 * `moneyText('en_GB')('-B7')` is `TEXT(-B7,"[$£]#,##0")`, to join with & into a sentence:
 * `="Not yet: a low month leaves you "&TEXT(-B7,"[$£]#,##0")&" short"`.
 * It is TEXT with the very pattern moneyFormat gives the cells, so the sentence shows the same symbol,
 * placement and separators as the cells, negative amounts included (-£1,234).
 */
export function moneyText(locale: string, options: { cents?: boolean } = {}): (amount: string) => string {
  const pattern = formulaString(moneyFormat(locale, options));
  return (amount: string) => {
    const expression = String(amount).trim().replace(/^=/, '');
    if (expression === '') throw new Error('moneyText: the amount is empty; pass a cell reference or an expression such as B7');
    return `TEXT(${expression},${pattern})`;
  };
}

// ---- An amount worked out in code, shown as the document shows money

/**
 * The grouping and decimal characters of a locale, from what the currency table says a money cell shows for
 * 1234.5 ("1.234,50 €", "CHF 1'234.50", "¥1,235"), so the table stays the one source. A locale missing from the
 * table gets its separators from the runtime's locale data when it has them, else "," and ".".
 */
export function separators(locale: string): { group: string; decimal: string } {
  const shows = localeCurrency(locale)?.shows;
  const found = shows ? /1(\D?)23[45](?:(\D)50)?/.exec(shows) : null;
  if (found) return { group: found[1] || ',', decimal: found[2] ?? '.' };
  const fallback = { group: ',', decimal: '.' };
  try {
    for (const part of new Intl.NumberFormat(String(locale).replace(/_/g, '-')).formatToParts(1234567.5)) {
      if (part.type === 'group') fallback.group = part.value;
      if (part.type === 'decimal') fallback.decimal = part.value;
    }
  } catch {
    // A malformed locale or a runtime without locale data: plain separators.
  }
  return fallback;
}

/**
 * What a cell formatted with moneyFormat(locale), the plan's whole-amount money format, shows for `amount`:
 * £12,346 in en_GB, 12.346 € in de_DE, -£1,234 for a loss. A figure Jumpwise works out in code (the year's tax
 * estimate) then reads like the figures the sheets display beside it. Unknown locale: no symbol, as on the sheets.
 */
export function moneyAsShown(amount: number, locale: string): string {
  const currency = localeCurrency(locale);
  const { group } = separators(locale);
  const digits = Math.abs(amount)
    .toFixed(0)
    .replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const gap = currency?.spaced ? ' ' : '';
  const body = !currency
    ? digits
    : currency.placement === 'before'
      ? `${currency.symbol}${gap}${digits}`
      : `${digits}${gap}${currency.symbol}`;
  return amount < 0 && /[1-9]/.test(digits) ? `-${body}` : body;
}
