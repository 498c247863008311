/**
 * statementParseMs: parseStatement on a 5,000-row bank export, detection included (delimiter, header, decimal
 * mark, day/month order), as the import page runs it when a file is opened. Median of several runs.
 */
import { parseStatement } from '../../src/books/statement';
import { medianTime } from './measure';

export const STATEMENT_BENCH_ROWS = 5000;

/** A Chase-like export: quoted descriptions with commas and quotes, signed amounts with thousands separators. */
export function benchStatement(rows = STATEMENT_BENCH_ROWS): string {
  const lines = ['Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #'];
  let balance = 1_000_000;
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 20)));
    const date = `${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCDate()).padStart(2, '0')}/${day.getUTCFullYear()}`;
    const cents = ((i * 7919) % 250_000) - 150_000;
    balance += cents;
    const money = (c: number) =>
      `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100).toLocaleString('en-US')}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
    const description = `"PAYEE ${i % 97}, INC ""REF ${i}"" ${i % 3 ? 'ONLINE' : 'POS'}"`;
    lines.push(`${cents < 0 ? 'DEBIT' : 'CREDIT'},${date},${description},"${money(cents)}",ACH,"${money(balance)}",,`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function measureStatementParse(runs = 7): number {
  const text = benchStatement();
  const check = parseStatement(text);
  if (check.rows.length !== STATEMENT_BENCH_ROWS || check.problems.length)
    throw new Error(`the bench statement read as ${check.rows.length} rows and ${check.problems.length} problems`);
  return medianTime(() => parseStatement(text), runs, 2);
}
