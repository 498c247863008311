/** The sentences the import page shows about a statement and an import, kept pure so they are tested in Node. */
import { MAX_STATEMENT_ROWS } from './statement';
import type { ImportResult } from './types';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-03-01 as "1 Mar 2026": no day/month order to misread, whatever the reader's country. */
export function spokenDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${SHORT_MONTHS[m - 1]} ${y}`;
}

export const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Imported 48 rows, 3 already in your ledger skipped, 5 uncategorised, 1 Mar 2026 to 31 Mar 2026." */
export function importResultText(r: ImportResult): string {
  const parts = [`Imported ${count(r.imported, 'row')}`];
  if (r.skippedAlreadyInLedger > 0)
    parts.push(`${r.skippedAlreadyInLedger.toLocaleString('en-US')} already in your ledger skipped`);
  if (r.imported > 0) parts.push(`${r.uncategorised.toLocaleString('en-US')} uncategorised`);
  if (r.firstDate && r.lastDate)
    parts.push(r.firstDate === r.lastDate ? spokenDate(r.firstDate) : `${spokenDate(r.firstDate)} to ${spokenDate(r.lastDate)}`);
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
    `This statement has ${count(rows, 'row')}; Leap imports at most ${MAX_STATEMENT_ROWS.toLocaleString('en-US')} at a time. ` +
    'Export a shorter period from your bank (a few months at a time) and import each file.'
  );
}
