/**
 * Which column holds what, from the header words banks use (English and German), or from the values when the
 * file has no header.
 */
import { type CsvRecord, DELIMITERS, type Delimiter, readRecords } from './statementCsv';
import { readAmount, readDateShape } from './statementValues';

/** Header text compared without case, punctuation, a BOM or a currency tag: "Amount (GBP)" is "amount". */
export function normaliseHeaderCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim()
    .replace(/\s+(in\s+)?(gbp|eur|usd|cad|aud|nzd|chf)$/, '');
}

/** Each role's header words, best first: the first column matching the earliest word wins. */
const DATE_WORDS = [
  'date',
  'transaction date',
  'trans date',
  'txn date',
  'booking date',
  'buchungstag',
  'buchungsdatum',
  'datum',
  'posting date',
  'posted date',
  'post date',
  'posted',
  'date posted',
  'value date',
  'valuta',
  'valutadatum',
  'wertstellung',
];
const PAYEE_WORDS = [
  'payee',
  'name',
  'payee name',
  'merchant',
  'merchant name',
  'counterparty',
  'auftraggeber empfänger',
  'beguenstigter zahlungspflichtiger',
  'begünstigter zahlungspflichtiger',
  'name zahlungsbeteiligter',
  'zahlungsempfänger',
  'empfänger',
  'auftraggeber',
];
const DESCRIPTION_WORDS = [
  'description',
  'transaction description',
  'narrative',
  'verwendungszweck',
  'particulars',
  'beschreibung',
  'transaction details',
];
const MEMO_WORDS = ['memo', 'notes', 'note', 'reference', 'payment reference', 'referenz', 'remittance information'];
/** "Details" holds the description at some banks and the kind of transaction (DEBIT, CREDIT) at others (Chase). */
const DETAILS_WORDS = ['details', 'buchungstext', 'transaction type'];
const AMOUNT_WORDS = ['amount', 'betrag', 'umsatz', 'transaction amount', 'value', 'amount eur', 'betrag eur', 'wert'];
const DEBIT_WORDS = [
  'debit',
  'debits',
  'debit amount',
  'withdrawal',
  'withdrawals',
  'withdrawal amount',
  'paid out',
  'money out',
  'soll',
  'ausgang',
  'outflow',
  'out',
];
const CREDIT_WORDS = [
  'credit',
  'credits',
  'credit amount',
  'deposit',
  'deposits',
  'deposit amount',
  'paid in',
  'money in',
  'haben',
  'eingang',
  'inflow',
  'in',
];

/** Fees charged on a row, beside its amount (Revolut's "Fee"). */
const FEE_WORDS = ['fee', 'fees', 'transaction fee', 'gebühr', 'gebuehr'];
/** Whether the bank has completed a row (Revolut's "State": COMPLETED, PENDING, REVERTED). */
const STATE_WORDS = ['state', 'status', 'transaction status'];

function findColumn(cells: string[], words: string[], taken: Set<number>): number | undefined {
  let best: number | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  cells.forEach((cell, index) => {
    if (taken.has(index)) return;
    const rank = words.indexOf(cell);
    if (rank >= 0 && rank < bestRank) {
      best = index;
      bestRank = rank;
    }
  });
  return best;
}

export interface HeaderColumns {
  date: number;
  description: number[];
  amount?: number;
  debit?: number;
  credit?: number;
  fee?: number;
  state?: number;
  /** Why the columns were read as they are, when no header says so and the reading is not the plain one. */
  reason?: string;
}

/** The columns a header row names, or null when it does not name a date and an amount (or debit/credit). */
function columnsFromHeader(header: string[]): HeaderColumns | null {
  const cells = header.map(normaliseHeaderCell);
  const taken = new Set<number>();
  const take = (words: string[]): number | undefined => {
    const found = findColumn(cells, words, taken);
    if (found !== undefined) taken.add(found);
    return found;
  };
  let date = take(DATE_WORDS);
  if (date === undefined) {
    date = cells.findIndex((c) => /\b(date|datum)\b/.test(c) && !/\b(value|valuta)\b/.test(c));
    if (date < 0) return null;
    taken.add(date);
  }
  const amount = take(AMOUNT_WORDS);
  const debit = amount === undefined ? take(DEBIT_WORDS) : undefined;
  const credit = amount === undefined ? take(CREDIT_WORDS) : undefined;
  if (amount === undefined && debit === undefined && credit === undefined) return null;
  const payee = take(PAYEE_WORDS);
  const main = take(DESCRIPTION_WORDS);
  const memo = take(MEMO_WORDS);
  let description = [payee, main, memo].filter((i): i is number => i !== undefined);
  if (description.length === 0) {
    const details = take(DETAILS_WORDS);
    if (details !== undefined) description = [details];
  }
  const fee = amount !== undefined ? take(FEE_WORDS) : undefined;
  const state = take(STATE_WORDS);
  return { date, description, amount, debit, credit, fee, state };
}

/** Where the header is: the first of the opening records that names a date and an amount column. */
export function findHeader(records: CsvRecord[], lookAhead = 30): { index: number; columns: HeaderColumns } | null {
  for (let i = 0; i < Math.min(records.length, lookAhead); i++) {
    const fields = records[i].fields;
    if (fields.filter((f) => f.trim() !== '').length < 2) continue;
    const columns = columnsFromHeader(fields);
    if (columns) return { index: i, columns };
  }
  return null;
}

/**
 * Columns guessed from the values of a file with no header: the first column of dates, the first other column
 * of amounts (a balance, when there is one, comes after the amount), and the widest text column as description.
 */
export function columnsFromValues(records: CsvRecord[]): HeaderColumns {
  const sample = records.slice(0, 200);
  const width = Math.max(0, ...sample.map((r) => r.fields.length));
  const share = (test: (v: string) => boolean, col: number): number => {
    const values = sample.map((r) => (r.fields[col] ?? '').trim()).filter(Boolean);
    return values.length === 0 ? 0 : values.filter(test).length / values.length;
  };
  const isAmount = (v: string) => readAmount(v, '.') !== null || readAmount(v, ',') !== null;
  const columns = Array.from({ length: width }, (_, i) => i);
  const date = columns.find((c) => share((v) => readDateShape(v) !== null, c) >= 0.8) ?? 0;
  const textLength = (c: number) => sample.reduce((sum, r) => sum + (r.fields[c] ?? '').trim().length, 0);
  const descriptionBesides = (used: number[]): number[] => {
    const text = columns.filter((c) => c !== date && !used.includes(c)).sort((x, y) => textLength(y) - textLength(x));
    return text.length ? [text[0]] : [];
  };
  const amounts = columns.filter((c) => c !== date && share(isAmount, c) >= 0.8);
  const split = paidOutAndIn(sample, amounts, date);
  if (split) {
    const [debit, credit] = split;
    const balance = amounts.find((c) => c > credit);
    const reason =
      `This file has no header. Columns ${debit + 1} and ${credit + 1} hold amounts and are never both filled, so they ` +
      `are read as paid out (column ${debit + 1}) and paid in (column ${credit + 1}), the way TD and RBC write them` +
      `${balance === undefined ? '' : `; column ${balance + 1}, filled on every row, is the balance`}. ` +
      'If deposits show as money out below, swap the two under Columns and formats.';
    return { date, description: descriptionBesides([debit, credit]), debit, credit, reason };
  }
  const amount = amounts[0] ?? (width > 1 ? width - 1 : undefined);
  return { date, description: descriptionBesides(amount === undefined ? [] : [amount]), amount };
}

/**
 * Two amount columns of which every dated line fills exactly one: paid out and paid in, first and second (TD and
 * RBC in Canada export `date,description,debit,credit,balance` without a header). Null when no pair fits.
 */
function paidOutAndIn(sample: CsvRecord[], amounts: number[], date: number): [number, number] | null {
  const lines = sample.filter((r) => readDateShape((r.fields[date] ?? '').trim()) !== null);
  if (lines.length < 2) return null;
  const filled = (r: CsvRecord, c: number) => (r.fields[c] ?? '').trim() !== '';
  for (let i = 0; i + 1 < amounts.length; i++) {
    const [a, b] = [amounts[i], amounts[i + 1]];
    const onlyOne = lines.every((r) => filled(r, a) !== filled(r, b));
    if (onlyOne && lines.some((r) => filled(r, a)) && lines.some((r) => filled(r, b))) return [a, b];
  }
  return null;
}

/**
 * The delimiter of a file: the one under which a header row naming a date and an amount appears, and most of
 * the lines after it have the header's width. Without such a header, the one splitting the most opening lines
 * into the same number (more than one) of fields; a tie goes to more fields (a German file split on its
 * decimal commas gives two).
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = [-1, -1, -1];
  for (const delimiter of DELIMITERS) {
    const { records } = readRecords(sample, delimiter, 60);
    let score: number[];
    const header = findHeader(records);
    if (header) {
      const width = records[header.index].fields.length;
      const fitting = records.slice(header.index + 1).filter((r) => r.fields.length >= width).length;
      score = [1, fitting, width];
    } else {
      const widths = new Map<number, number>();
      for (const r of records) if (r.fields.length > 1) widths.set(r.fields.length, (widths.get(r.fields.length) ?? 0) + 1);
      score = [0, 0, 0];
      for (const [width, rows] of widths)
        if (rows > score[1] || (rows === score[1] && width > score[2])) score = [0, rows, width];
    }
    const better = score[0] - bestScore[0] || score[1] - bestScore[1] || score[2] - bestScore[2];
    if (better > 0) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
