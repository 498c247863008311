/**
 * parseStatement: a bank's CSV export, as the person picked or pasted it, read into statement rows. Pure: it runs
 * in the import page and in Node. Every line it cannot read is listed with its line number and the reason in words;
 * lines that are not transactions (preamble, blank lines, totals) are passed over.
 */

import { columnsFromValues, detectDelimiter, findHeader, type HeaderColumns, normaliseHeaderCell } from './statementColumns';
import { type CsvRecord, DELIMITERS, type Delimiter, type LineProblem, readRecords } from './statementCsv';
import { ANY_DOLLAR, CURRENCY_WORDS, currencyIn } from './statementCurrency';
import { type DateShape, detectDateOrder, detectDecimal, readAmount, readDateShape, shapeToIso } from './statementValues';
import type { ColumnMapping, StatementRow } from './types';

/** The most rows one import takes; leapImportStatement refuses more, and the page says so before sending. */
export const MAX_STATEMENT_ROWS = 20000;

export interface ParsedStatement {
  rows: StatementRow[];
  problems: LineProblem[];
  mapping: ColumnMapping;
  /** The normalised header line ("date|description|amount"), under which the mapping is remembered. */
  layoutKey: string;
  /** No date settles whether 03/05/2026 is 3 May or 5 March: the page must ask. */
  dayMonthAmbiguous: boolean;
  /** The header row's cells as written ([] when the file has none). */
  header: string[];
  /** How many columns the widest line has, for the mapping's choices when there is no header. */
  columnCount: number;
  /** Rows the bank has not completed (a State column saying PENDING): kept out of `rows` unless the person adds them. */
  pending: StatementRow[];
  /**
   * Mostly positive amounts with payments negative, as card statements are written (American Express, Discover),
   * and the mapping does not say yet whether charges are positive: the page must ask.
   */
  looksLikeCard: boolean;
  /** Why the columns were read as they are, when the file has no header and the reading is not the plain one. */
  layoutNote: string | null;
  /** The currencies the statement names (ISO codes, or "$" for a dollar sign alone), in the order met. */
  currencies: string[];
}

interface ParseOptions {
  /** Read with these columns and formats instead of detecting them (the person's choice, or a remembered one). */
  mapping?: ColumnMapping;
  /** Split on this delimiter and detect the rest (the person corrected the delimiter alone). */
  delimiter?: Delimiter;
}

/** Descriptions of a card statement's payments, written negative there (they reduce what is owed). */
const CARD_PAYMENT = /\b(payment|thank you|autopay|auto pay|credit|refund|return)\b/i;
/** Header words of a card export: American Express writes "Card Member", others "Card No." or "Cardholder". */
const CARD_HEADER = /\bcard\b|cardholder|card member/i;

/** A State column's words for a row the bank has not completed, and for one that did not go through at all. */
const PENDING_STATE = /^(pending|authori[sz]ed|in progress|processing)$/i;
const FAILED_STATE = /^(reverted|declined|failed|cancell?ed|rejected|reversed)$/i;

export const describeProblem = (p: LineProblem): string => `line ${p.line}: ${p.reason}`;

const isBlank = (r: CsvRecord): boolean => r.fields.every((f) => f.trim() === '');

/** Money of countries that write the day first (a pound or euro sign, or a currency column saying GBP or EUR). */
const DAY_FIRST_MONEY = /[£€]|^\s*(GBP|EUR|AUD|NZD|INR|ZAR|CHF|SEK|NOK|DKK|PLN|CZK|HUF|IEP|BRL|MXN)\s*$/;

/** Labels a summary line carries instead of a transaction's description. */
const TOTALS =
  /^(total|totals|sum|summe|saldo|kontostand|anfangssaldo|endsaldo|(opening|closing|ending|beginning|starting|available|ledger|new|old|alter|neuer)\s+(balance|saldo|kontostand)|balance|(total|sum)\s+(of\s+)?(debits|credits|paid in|paid out|withdrawals|deposits|amount|umsätze))\b([\s:.]*|\s+(as of|as at|on|at|vom|per|zum)\b.*)$/i;

/** Some banks write ="00123" so that spreadsheets keep leading zeros: the text is what is inside. */
const EXCEL_TEXT = /^="(.*)"$/s;

function cell(r: CsvRecord, index: number | undefined): string {
  if (index === undefined) return '';
  const text = (r.fields[index] ?? '').trim();
  const excel = text.charCodeAt(0) === 61 ? EXCEL_TEXT.exec(text) : null;
  return excel ? excel[1].trim() : text;
}

function descriptionOf(r: CsvRecord, columns: number[]): string {
  return columns
    .map((c) => cell(r, c))
    .filter(Boolean)
    .join(' - ');
}

/** A totals or balance line: a cell says so, and the line has no transaction date or no description of its own. */
function isSummary(r: CsvRecord, m: ColumnMapping, dateRead: boolean): boolean {
  if (!r.fields.some((f) => TOTALS.test(f.trim()))) return false;
  const description = descriptionOf(r, m.description);
  return !dateRead || description === '' || TOTALS.test(description);
}

function columnName(header: string[], index: number): string {
  const name = header[index]?.trim();
  return name ? `"${name}"` : `column ${index + 1}`;
}

/** What is wrong with a mapping as a whole (a column missing or chosen twice), or null. */
export function mappingProblem(m: ColumnMapping, columnCount: number): string | null {
  const single = m.amount !== undefined;
  if (!single && m.debit === undefined && m.credit === undefined)
    return 'choose the column that holds the amount, or the paid out and paid in columns';
  const used = [m.date, ...(single ? [m.amount as number] : [m.debit, m.credit].filter((c): c is number => c !== undefined))];
  if (new Set(used).size !== used.length) return 'the date and amount columns must be different columns';
  const all = [...used, ...m.description, ...[m.fee, m.state].filter((c): c is number => c !== undefined)];
  const outside = all.find((c) => !Number.isInteger(c) || c < 0 || (columnCount > 0 && c >= columnCount));
  if (outside !== undefined) return `the file has ${columnCount} columns; column ${outside + 1} does not exist`;
  if (!DELIMITERS.includes(m.delimiter)) return 'the delimiter must be a comma, a semicolon or a tab';
  if (!['ymd', 'mdy', 'dmy'].includes(m.dateOrder)) return 'choose how the dates are written: year, month or day first';
  if (m.decimal !== '.' && m.decimal !== ',') return 'choose the decimal mark of the amounts: a point or a comma';
  if (!Number.isInteger(m.headerLine) || m.headerLine < 0) return 'the header line must be a line number, or 0 for none';
  return null;
}

function readOneRow(r: CsvRecord, m: ColumnMapping, header: string[], dateText: string, shape: DateShape): StatementRow | string {
  const date = shapeToIso(shape, m.dateOrder);
  if ('error' in date) return `the date "${dateText}" ${date.error}`;
  let amount: number;
  if (m.amount !== undefined) {
    const text = cell(r, m.amount);
    if (text === '') return `there is no amount (${columnName(header, m.amount)} is empty)`;
    const value = readAmount(text, m.decimal);
    if (value === null) return `the amount "${text}" is not a number`;
    amount = value;
  } else {
    const outText = cell(r, m.debit);
    const inText = cell(r, m.credit);
    if (outText === '' && inText === '') {
      const names = [m.debit, m.credit].filter((c): c is number => c !== undefined).map((c) => columnName(header, c));
      return `there is no amount (${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} empty)`;
    }
    const out = outText === '' ? 0 : readAmount(outText, m.decimal);
    if (out === null) return `the amount "${outText}" in ${columnName(header, m.debit as number)} is not a number`;
    const inn = inText === '' ? 0 : readAmount(inText, m.decimal);
    if (inn === null) return `the amount "${inText}" in ${columnName(header, m.credit as number)} is not a number`;
    // Paid-out columns are written as positive figures by most banks and negative by a few: either way, money out.
    amount = Number((inn - Math.abs(out)).toFixed(8));
  }
  if (m.chargesPositive) amount = -amount;
  if (m.fee !== undefined) {
    const feeText = cell(r, m.fee);
    const fee = feeText === '' ? 0 : readAmount(feeText, m.decimal);
    if (fee === null) return `the fee "${feeText}" in ${columnName(header, m.fee)} is not a number`;
    // A fee is money out whichever way the export signs it (Revolut writes it positive beside a negative amount).
    amount = Number((amount - Math.abs(fee)).toFixed(8));
  }
  return { date: date.iso, description: descriptionOf(r, m.description), amount: amount === 0 ? 0 : amount, line: r.line };
}

/** A record's field count, not counting empty fields at its end (a header line ending in a delimiter). */
function widthOf(fields: string[]): number {
  let n = fields.length;
  while (n > 0 && fields[n - 1].trim() === '') n--;
  return n;
}

/** The field count most data lines of a file without a header have: the one a line must have to be read. */
function usualWidth(data: CsvRecord[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const r of data) {
    if (r.fields.length < 2) continue;
    const n = (counts.get(r.fields.length) ?? 0) + 1;
    counts.set(r.fields.length, n);
    if (n > bestCount || (n === bestCount && r.fields.length < best)) {
      best = r.fields.length;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Why a record cannot be read by position, or null. RFC 4180 (section 2.4) has every line with the same number of
 * fields; a line with more than the header (an unquoted 1,234.56 splits in two) or with a needed column missing
 * would be read from the wrong columns. Tolerated, as banks write them: empty fields after the last column (Chase
 * ends every row with one) and one short of a trailing column the mapping does not read.
 */
function fieldCountProblem(r: CsvRecord, width: number, needed: number, hasHeader: boolean): string | null {
  const n = r.fields.length;
  const filled = widthOf(r.fields);
  const others = hasHeader ? 'the header has' : 'the other lines have';
  if (width > 0 && filled > width) {
    return (
      `it has ${n} columns where ${others} ${width}, so its values cannot be matched to the columns: ` +
      'a value holding a comma (1,234.56) must be in quotes ("1,234.56"). Fix the line or export the file again'
    );
  }
  if (n <= needed || (width > 0 && n < width - 1)) {
    const expected = width || needed + 1;
    return `it has ${n} column${n === 1 ? '' : 's'} where ${hasHeader ? 'the header has' : 'the statement needs'} ${expected}`;
  }
  return null;
}

/** The rows and problems of a file, read with a given mapping; `preambleUntilDate` skips lines before the first date. */
function readRows(
  data: CsvRecord[],
  m: ColumnMapping,
  header: string[],
  preambleUntilDate: boolean,
  shapes: (DateShape | null)[],
): { rows: StatementRow[]; pending: StatementRow[]; problems: LineProblem[] } {
  const rows: StatementRow[] = [];
  const pending: StatementRow[] = [];
  const problems: LineProblem[] = [];
  const needed = Math.max(m.date, m.amount ?? -1, m.debit ?? -1, m.credit ?? -1);
  const width = header.length ? widthOf(header) : usualWidth(data);
  let started = !preambleUntilDate;
  for (let i = 0; i < data.length; i++) {
    const r = data[i];
    if (isBlank(r)) continue;
    const dateText = cell(r, m.date);
    const shape = shapes[i];
    if (!started) {
      if (!shape) continue;
      started = true;
    }
    if (isSummary(r, m, shape !== null)) continue;
    const misfit = fieldCountProblem(r, width, needed, header.length > 0);
    if (misfit) {
      problems.push({ line: r.line, reason: misfit });
      continue;
    }
    if (!shape) {
      problems.push({ line: r.line, reason: dateText === '' ? 'the date is empty' : `the date "${dateText}" is not a date` });
      continue;
    }
    const row = readOneRow(r, m, header, dateText, shape);
    const state = cell(r, m.state);
    if (typeof row === 'string') problems.push({ line: r.line, reason: row });
    else if (FAILED_STATE.test(state))
      problems.push({ line: r.line, reason: `the bank marks it ${state}: it did not go through, so it is not imported` });
    else if (PENDING_STATE.test(state)) pending.push(row);
    else rows.push(row);
  }
  return { rows, pending, problems };
}

/** The header record: the one starting at the mapping's header line, or the last one starting before it. */
function headerIndexAt(records: CsvRecord[], headerLine: number): number {
  if (headerLine <= 0) return -1;
  let index = -1;
  for (let i = 0; i < records.length && records[i].line <= headerLine; i++) index = i;
  return index;
}

/**
 * A mapping as it may come back from document properties through google.script.run: unused columns as null
 * rather than absent, an amount beside debit/credit. Made the shape the reader expects: one amount, or
 * debit and/or credit.
 */
function cleanMapping(m: ColumnMapping): ColumnMapping {
  const present = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  const clean: ColumnMapping = {
    headerLine: m.headerLine,
    date: m.date,
    description: Array.isArray(m.description) ? [...m.description] : [],
    dateOrder: m.dateOrder,
    decimal: m.decimal,
    delimiter: m.delimiter,
  };
  if (typeof m.chargesPositive === 'boolean') clean.chargesPositive = m.chargesPositive;
  if (present(m.fee)) clean.fee = m.fee;
  if (present(m.state)) clean.state = m.state;
  if (present(m.amount)) clean.amount = m.amount;
  else {
    if (present(m.debit)) clean.debit = m.debit;
    if (present(m.credit)) clean.credit = m.credit;
  }
  return clean;
}

export function parseStatement(text: string, options: ParseOptions = {}): ParsedStatement {
  const given = options.mapping && cleanMapping(options.mapping);
  const delimiter: Delimiter = given?.delimiter ?? options.delimiter ?? detectDelimiter(text);
  const { records, problems: csvProblems } = readRecords(text, delimiter);
  const columnCount = records.reduce((w, r) => Math.max(w, r.fields.length), 0);

  let headerIndex: number;
  let columns: HeaderColumns;
  if (given) {
    headerIndex = headerIndexAt(records, given.headerLine);
    columns = given;
  } else {
    const found = findHeader(records);
    headerIndex = found ? found.index : -1;
    columns = found ? found.columns : columnsFromValues(records.filter((r) => !isBlank(r)));
  }
  const header = headerIndex >= 0 ? records[headerIndex].fields.map((f) => f.trim()) : [];
  const data = records.slice(headerIndex + 1);

  let mapping: ColumnMapping;
  let dayMonthAmbiguous: boolean;
  // Each date is read once: for the day/month order and again for the rows.
  const shapes = data.map((r) => {
    const t = cell(r, columns.date);
    return t === '' ? null : readDateShape(t);
  });
  const readShapes = shapes.filter((s): s is DateShape => s !== null);
  if (given) {
    mapping = given;
    dayMonthAmbiguous = detectDateOrder(readShapes, given.dateOrder === 'dmy').ambiguous;
  } else {
    const amountColumns = [columns.amount, columns.debit, columns.credit].filter((c): c is number => c !== undefined);
    const amountTexts = data.flatMap((r) => amountColumns.map((c) => cell(r, c))).filter(Boolean);
    const decimal = detectDecimal(amountTexts, delimiter === ';' ? ',' : '.');
    // Pounds, euros and decimal commas go with day-first dates; the person is asked all the same.
    const dayFirstGuess = decimal === ',' || data.slice(0, 50).some((r) => r.fields.some((f) => DAY_FIRST_MONEY.test(f)));
    const order = detectDateOrder(readShapes, dayFirstGuess);
    dayMonthAmbiguous = order.ambiguous;
    mapping = {
      headerLine: headerIndex >= 0 ? records[headerIndex].line : 0,
      date: columns.date,
      description: columns.description,
      ...(columns.amount !== undefined ? { amount: columns.amount } : {}),
      ...(columns.amount === undefined && columns.debit !== undefined ? { debit: columns.debit } : {}),
      ...(columns.amount === undefined && columns.credit !== undefined ? { credit: columns.credit } : {}),
      ...(columns.fee !== undefined ? { fee: columns.fee } : {}),
      ...(columns.state !== undefined ? { state: columns.state } : {}),
      dateOrder: order.order,
      decimal,
      delimiter,
    };
  }

  const layoutKey = header.length
    ? header.map(normaliseHeaderCell).join('|')
    : `no header|${columnCount} columns|${delimiter === '\t' ? 'tab' : delimiter}`;
  const layoutNote = (!given && 'reason' in columns && columns.reason) || null;
  const wrong = mappingProblem(mapping, columnCount);
  if (wrong) {
    return {
      rows: [],
      problems: [{ line: mapping.headerLine || 1, reason: wrong }, ...csvProblems],
      mapping,
      layoutKey,
      dayMonthAmbiguous,
      header,
      columnCount,
      pending: [],
      looksLikeCard: false,
      layoutNote,
      currencies: [],
    };
  }
  const { rows, pending, problems } = readRows(data, mapping, header, headerIndex < 0, shapes);
  const allProblems = csvProblems.length ? [...csvProblems, ...problems].sort((a, b) => a.line - b.line) : problems;
  return {
    rows,
    problems: allProblems,
    mapping,
    layoutKey,
    dayMonthAmbiguous,
    header,
    columnCount,
    pending,
    looksLikeCard: looksLikeCard(rows, mapping, header),
    layoutNote,
    currencies: namedCurrencies(header, data, mapping),
  };
}

/**
 * A card statement read as a bank's: most amounts positive and the negative ones payments or refunds (or a header
 * naming a card), in one amount column, with the mapping silent on the sign. Asked, never assumed: a business
 * account with many deposits can look the same.
 */
function looksLikeCard(rows: StatementRow[], m: ColumnMapping, header: string[]): boolean {
  if (m.amount === undefined || m.chargesPositive !== undefined || rows.length === 0) return false;
  const positive = rows.filter((r) => r.amount > 0).length;
  if (positive / rows.length < 0.6) return false;
  const negatives = rows.filter((r) => r.amount < 0);
  return (
    header.some((h) => CARD_HEADER.test(h)) || (negatives.length > 0 && negatives.every((r) => CARD_PAYMENT.test(r.description)))
  );
}

/** The currencies a currency column, the amount columns' headers and the amounts themselves name. */
function namedCurrencies(header: string[], data: CsvRecord[], m: ColumnMapping): string[] {
  const found: string[] = [];
  const add = (code: string | null) => {
    if (code && !found.includes(code)) found.push(code);
  };
  const amountColumns = [m.amount, m.debit, m.credit].filter((c): c is number => c !== undefined);
  for (const c of amountColumns) add(header[c] ? currencyIn(header[c]) : null);
  const currencyColumn = header.findIndex((h) => CURRENCY_WORDS.includes(normaliseHeaderCell(h)));
  for (const r of data) {
    if (currencyColumn >= 0) add(/^[A-Z]{3}$/.test(cell(r, currencyColumn)) ? cell(r, currencyColumn) : null);
    for (const c of amountColumns) {
      const text = cell(r, c);
      if (text !== '' && readAmount(text, m.decimal) !== null) add(currencyIn(text));
    }
  }
  // A dollar sign says no more than a dollar code beside it does.
  return found.length > 1 ? found.filter((c) => c !== ANY_DOLLAR) : found;
}
