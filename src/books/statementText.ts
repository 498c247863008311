/** The sentences the import page shows about a statement and an import, kept pure so they are tested in Node. */

import { PRODUCT_NAME } from '../brand';
import type { LastImport } from './lastImport';
import { MAX_STATEMENT_ROWS } from './statement';
import type { ImportResult, UndoImportResult } from './types';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-03-01 as "1 Mar 2026": no day/month order to misread, whatever the reader's country. */
export function spokenDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${SHORT_MONTHS[m - 1]} ${y}`;
}

export const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** How a date reads on the page: the spreadsheet's style (src/plan/currency.ts dateAsShown), else spokenDate. */
type ShowDate = (iso: string) => string;

const span = (first: string | null, last: string | null, show: ShowDate): string =>
  !first || !last ? '' : first === last ? show(first) : `${show(first)} to ${show(last)}`;

/** "Imported 48 rows, 3 already in your ledger skipped, 5 uncategorised, 1 Mar 2026 to 31 Mar 2026." */
export function importResultText(r: ImportResult, showDate: ShowDate = spokenDate): string {
  const parts = [`Imported ${count(r.imported, 'row')}`];
  if (r.skippedAlreadyInLedger > 0)
    parts.push(`${r.skippedAlreadyInLedger.toLocaleString('en-US')} already in your ledger skipped`);
  if (r.imported > 0) parts.push(`${r.uncategorised.toLocaleString('en-US')} uncategorised`);
  if (r.firstDate && r.lastDate) parts.push(span(r.firstDate, r.lastDate, showDate));
  let text = `${parts.join(', ')}.`;
  if (r.converted) {
    const { from, to, rate } = r.converted;
    const per = from && to ? ` ${to} per ${from === '$' ? 'dollar' : from}` : '';
    text += ` Amounts converted${from ? ` from ${from}` : ''} at ${rate}${per}, the rate you gave; each row's Notes say so.`;
  }
  if (r.repeatedInStatement > 0)
    text += ` ${count(r.repeatedInStatement, 'row appears', 'rows appear')} more than once in the statement; every copy was kept.`;
  return text;
}

/** Null when the statement is small enough for one import. */
export function tooManyRowsText(rows: number): string | null {
  if (rows <= MAX_STATEMENT_ROWS) return null;
  return (
    `This statement has ${count(rows, 'row')}; ${PRODUCT_NAME} imports at most ${MAX_STATEMENT_ROWS.toLocaleString('en-US')} at a time. ` +
    'Export a shorter period from your bank (a few months at a time) and import each file.'
  );
}

/** "Last import: 4 rows into Chase checking, Apr 1, 2026 to Apr 9, 2026." */
export function lastImportText(r: LastImport, showDate: ShowDate = spokenDate): string {
  const when = span(r.firstDate, r.lastDate, showDate);
  return `Last import: ${count(r.rows, 'row')} into ${r.account}${when ? `, ${when}` : ''}.`;
}

/** Rows no longer found, said the same way after an undo and before one. */
const missingText = (r: UndoImportResult): string =>
  r.missing > 0
    ? ` ${count(r.missing, 'row')} of the import ${r.missing === 1 ? 'was' : 'were'} no longer in the Ledger (deleted by hand, or ${r.missing === 1 ? 'its' : 'their'} hidden Import key changed).`
    : '';

/** The question asked before removing rows the person changed since the import. */
export function undoQuestionText(r: UndoImportResult): string {
  const found = r.edited.length;
  const listed = r.edited.slice(0, 10).map((e) => `row ${e.row} (${e.changed.join(', ')})`);
  const more = found > 10 ? ` and ${found - 10} more` : '';
  return (
    `${count(found, 'row')} of the last import ${found === 1 ? 'was' : 'were'} changed in the Ledger since: ` +
    `${listed.join('; ')}${more}. Undo removes ${found === 1 ? 'it' : 'them'} with the rest of the import, and what ` +
    `you typed there is lost. Nothing has been removed yet.${missingText(r)}`
  );
}

/** What an undo did. */
export function undoResultText(r: UndoImportResult): string {
  if (r.status === 'none-found')
    return `None of the ${count(r.lastImport.rows, 'row')} of the last import ${r.lastImport.rows === 1 ? 'is' : 'are'} in the Ledger any more: nothing was removed.`;
  if (r.status === 'edited') return undoQuestionText(r);
  const changed = r.edited.length > 0 ? `, ${count(r.edited.length, 'row')} you had changed among them` : '';
  return (
    `Removed the ${count(r.removed, 'row')} of the last import from the Ledger${changed}; the Books totals no longer count ` +
    `${r.removed === 1 ? 'it' : 'them'}.${missingText(r)} Nothing else was touched.`
  );
}
