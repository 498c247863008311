/**
 * The currency a statement names: in a currency column (Revolut, N26 and many European banks write EUR on each
 * row), in its amount column's header ("Amount (EUR)") or in signs and codes written with the amounts (€980.00,
 * 980,00 EUR). A book holds one currency: the import refuses a statement in another unless the person gives a rate.
 */
import type { ImportRequest, StatementRow } from './types';

/** Header words of a column saying which currency each row is in. */
export const CURRENCY_WORDS = ['currency', 'ccy', 'currency code', 'währung', 'waehrung', 'devise', 'valuta code'];

/** ISO 4217 codes Jumpwise names in words; any other three capitals in a currency column are taken as written. */
const CURRENCY_NAMES: Record<string, string> = {
  USD: 'US dollars',
  CAD: 'Canadian dollars',
  AUD: 'Australian dollars',
  NZD: 'New Zealand dollars',
  GBP: 'pounds sterling',
  EUR: 'euros',
  CHF: 'Swiss francs',
  JPY: 'yen',
  INR: 'rupees',
  SEK: 'Swedish kronor',
  NOK: 'Norwegian kroner',
  DKK: 'Danish kroner',
  PLN: 'złoty',
  MXN: 'Mexican pesos',
  BRL: 'reais',
  ZAR: 'rand',
};

/** "$" alone is a dollar of some country: it agrees with any dollar book and names none. */
export const ANY_DOLLAR = '$';

/** "euros (EUR)", "a dollar sign ($)". */
export function currencyWords(code: string): string {
  if (code === ANY_DOLLAR) return 'dollars ($)';
  const name = CURRENCY_NAMES[code];
  return name ? `${name} (${code})` : code;
}

/** Signs written with amounts, and the code each names. Longest first, so "CA$" is not read as "$". */
const SIGNS: [RegExp, string][] = [
  [/US\$/, 'USD'],
  [/(?:CA|C)\$/, 'CAD'],
  [/(?:AU|A)\$/, 'AUD'],
  [/NZ\$/, 'NZD'],
  [/R\$/, 'BRL'],
  [/£/, 'GBP'],
  [/€/, 'EUR'],
  [/¥/, 'JPY'],
  [/₹/, 'INR'],
  [/zł/, 'PLN'],
  [/\$/, ANY_DOLLAR],
];
const CODE = /(?:^|[^A-Z])(USD|CAD|AUD|NZD|GBP|EUR|CHF|JPY|INR|SEK|NOK|DKK|PLN|MXN|BRL|ZAR)(?![A-Z])/;

/** The currency one amount or header text names, or null. */
export function currencyIn(text: string): string | null {
  const code = CODE.exec(text);
  if (code) return code[1];
  for (const [sign, named] of SIGNS) if (sign.test(text)) return named;
  return null;
}

const DOLLARS = ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD'];

/** Whether a statement in `statement` may go into books kept in `book` (both ISO codes, or "$" for the statement). */
export function sameCurrency(statement: string, book: string): boolean {
  return statement === book || (statement === ANY_DOLLAR && DOLLARS.includes(book));
}

/** A statement's rows as the books hold them: in the book's currency, each converted one with a note saying how. */
export interface RowsInBookCurrency {
  rows: StatementRow[];
  /** The Ledger's Notes text of each converted row (same order as rows); null when nothing was converted. */
  notes: string[] | null;
  converted: { from: string | null; to: string | null; rate: number } | null;
}

const money = (n: number): string => n.toFixed(2);

/**
 * Refuses, before anything is written, a statement in another currency than the book's unless the person gave a
 * rate for this import; with a rate, each amount is converted to the cent and its row notes the original and the
 * rate. `book` is the spreadsheet's currency (undefined when Jumpwise does not know its locale: nothing to compare).
 */
export function rowsInBookCurrency(request: ImportRequest, book: string | undefined): RowsInBookCurrency {
  const from = request.currency ?? null;
  const differs = from !== null && book !== undefined && !sameCurrency(from, book);
  if (request.rate === undefined) {
    if (differs) {
      throw new Error(
        `This statement is in ${currencyWords(from)}, and this spreadsheet keeps its books in ${currencyWords(book)}. ` +
          `Nothing was imported. To import it here, give the rate for this import (how many ${book} one ${from === ANY_DOLLAR ? 'dollar' : from} was worth); ` +
          `or import it into a spreadsheet kept in ${currencyWords(from)}.`,
      );
    }
    return { rows: request.rows, notes: null, converted: null };
  }
  if (from !== null && book !== undefined && !differs) {
    throw new Error(
      `A conversion rate was given, but this statement is in ${currencyWords(from)} like this spreadsheet's books. ` +
        'Leave the rate empty. Nothing was imported.',
    );
  }
  const rate = request.rate;
  const rows = request.rows.map((row) => ({ ...row, amount: Math.round(row.amount * rate * 100) / 100 || 0 }));
  const per = from && book ? ` ${book} per ${from === ANY_DOLLAR ? 'dollar' : from}` : '';
  const notes = request.rows.map(
    (row) =>
      `${from && from !== ANY_DOLLAR ? `${from} ` : ''}${money(row.amount)} converted at ${rate}${per} (rate given at import)`,
  );
  return { rows, notes, converted: { from, to: book ?? null, rate } };
}
