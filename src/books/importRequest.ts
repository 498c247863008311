/**
 * Checks what the import page sends before anything is written: a request that fails is refused whole, with a
 * message that says which rows are wrong and what to fix.
 */

import { PRODUCT_NAME } from '../brand';
import type { ColumnMapping, ImportRequest, StatementRow } from './types';

/** The most rows one import takes: a few years of a busy account, and well inside Apps Script's 6-minute limit. */
export const MAX_IMPORT_ROWS = 20000;
/** Sheets holds at most 50,000 characters in a cell; a description longer than a line of text is not a bank line. */
const MAX_DESCRIPTION_LENGTH = 1000;
const MAX_ACCOUNT_LENGTH = 100;
/** Beyond this many bad rows the message names the count, not each row. */
const LISTED_PROBLEMS = 5;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (2026-02-29 is not one). */
export function isRealIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with one row, or null. */
function rowProblem(row: unknown): string | null {
  if (!isObject(row)) return 'is not a statement row';
  const problems: string[] = [];
  if (typeof row.date !== 'string' || !isRealIsoDate(row.date)) {
    problems.push(`the date ${JSON.stringify(row.date)} is not a real date written YYYY-MM-DD`);
  }
  if (typeof row.amount !== 'number' || !Number.isFinite(row.amount)) {
    const shown = typeof row.amount === 'number' ? String(row.amount) : (JSON.stringify(row.amount) ?? String(row.amount));
    problems.push(`the amount ${shown} is not a number`);
  } else if (Math.abs(row.amount) >= 1e12) {
    problems.push(`the amount ${row.amount} is too large for a bank line`);
  }
  if (typeof row.description !== 'string') problems.push('the description is not text');
  else if (row.description.length > MAX_DESCRIPTION_LENGTH) {
    problems.push(`the description is ${row.description.length} characters long (at most ${MAX_DESCRIPTION_LENGTH})`);
  }
  if (typeof row.line !== 'number' || !Number.isInteger(row.line) || row.line < 1) {
    problems.push('its line number in the file is missing');
  }
  return problems.length > 0 ? problems.join('; ') : null;
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1000;

/** What is wrong with a column mapping, or null. */
export function mappingProblem(mapping: unknown): string | null {
  if (!isObject(mapping)) return 'the column mapping is missing';
  const m = mapping as Partial<Record<keyof ColumnMapping, unknown>>;
  const problems: string[] = [];
  if (typeof m.headerLine !== 'number' || !Number.isInteger(m.headerLine) || m.headerLine < 0) {
    problems.push('headerLine must be a line number (0 when the file has no header)');
  }
  if (!isIndex(m.date)) problems.push('date must be a column number');
  if (!Array.isArray(m.description) || m.description.length === 0 || !m.description.every(isIndex)) {
    problems.push('description must be one or more column numbers');
  }
  for (const key of ['amount', 'debit', 'credit', 'fee', 'state'] as const) {
    if (m[key] !== undefined && !isIndex(m[key])) problems.push(`${key} must be a column number`);
  }
  if (m.amount === undefined && m.debit === undefined && m.credit === undefined) {
    problems.push('choose the amount column, or the debit and credit columns');
  }
  if (m.chargesPositive !== undefined && typeof m.chargesPositive !== 'boolean') {
    problems.push('chargesPositive must be true or false');
  }
  if (!['ymd', 'mdy', 'dmy'].includes(m.dateOrder as string)) problems.push('dateOrder must be ymd, mdy or dmy');
  if (!['.', ','].includes(m.decimal as string)) problems.push('decimal must be "." or ","');
  if (![',', ';', '\t'].includes(m.delimiter as string)) problems.push('delimiter must be a comma, a semicolon or a tab');
  return problems.length > 0 ? `the column mapping is not usable: ${problems.join('; ')}` : null;
}

/** The request, checked; throws an Error whose message says what to fix. */
export function validateImportRequest(raw: unknown): ImportRequest {
  if (!isObject(raw)) throw new Error('The import did not arrive as a statement. Reload the import page and try again.');
  if (!Array.isArray(raw.rows)) throw new Error('The import has no rows. Choose a statement file with at least one line.');
  if (raw.rows.length > MAX_IMPORT_ROWS) {
    throw new Error(
      `The statement has ${raw.rows.length.toLocaleString('en-US')} rows; one import takes at most ` +
        `${MAX_IMPORT_ROWS.toLocaleString('en-US')}. Split the file (by year, say) and import each part. Nothing was imported.`,
    );
  }
  const problems: string[] = [];
  let bad = 0;
  raw.rows.forEach((row, i) => {
    const problem = rowProblem(row);
    if (problem === null) return;
    bad++;
    if (problems.length < LISTED_PROBLEMS) {
      const line = isObject(row) && typeof row.line === 'number' ? ` (line ${row.line} of the file)` : '';
      problems.push(`row ${i + 1}${line}: ${problem}`);
    }
  });
  if (bad > 0) {
    const more = bad > LISTED_PROBLEMS ? `; and ${bad - LISTED_PROBLEMS} more` : '';
    throw new Error(
      `${bad} ${bad === 1 ? 'row' : 'rows'} of the statement cannot be imported: ${problems.join('; ')}${more}. ` +
        'Check the column choices (date order, decimal mark) and try again. Nothing was imported.',
    );
  }
  const account = typeof raw.account === 'string' ? raw.account.trim() : '';
  if (account === '') throw new Error('Name the account these rows come from (e.g. "Chase checking"). Nothing was imported.');
  if (account.length > MAX_ACCOUNT_LENGTH) {
    throw new Error(
      `The account name is ${account.length} characters long; keep it to ${MAX_ACCOUNT_LENGTH}. Nothing was imported.`,
    );
  }
  if (typeof raw.layoutKey !== 'string' || raw.layoutKey.trim() === '') {
    throw new Error(
      'The import did not say which file layout it is. Reload the import page and try again. Nothing was imported.',
    );
  }
  const mapping = mappingProblem(raw.mapping);
  if (mapping !== null) throw new Error(`The import cannot be saved: ${mapping}. Nothing was imported.`);
  const request: ImportRequest = {
    rows: (raw.rows as StatementRow[]).map(({ date, description, amount, line }) => ({ date, description, amount, line })),
    account,
    layoutKey: raw.layoutKey,
    mapping: raw.mapping as unknown as ColumnMapping,
  };
  if (raw.currency !== undefined && raw.currency !== null) {
    if (typeof raw.currency !== 'string' || !/^([A-Z]{3}|\$)$/.test(raw.currency)) {
      throw new Error(
        `The import named its currency in a way ${PRODUCT_NAME} cannot read. Reload the import page and try again.`,
      );
    }
    request.currency = raw.currency;
  }
  if (raw.rate !== undefined && raw.rate !== null) {
    if (typeof raw.rate !== 'number' || !Number.isFinite(raw.rate) || raw.rate <= 0 || raw.rate >= 1e6) {
      throw new Error('The conversion rate must be a number above 0, such as 1.08. Nothing was imported.');
    }
    request.rate = raw.rate;
  }
  return request;
}
