/**
 * Which statement rows the ledger already holds. A row is the same as a ledger row when its date, amount (to the
 * cent) and normalised description match; the ledger keeps that triple in its Import key column.
 *
 * Identical rows can be real (two $5 coffees on one day), so rows are counted, not just looked up: the k-th
 * identical row of a statement is already in the ledger only if the ledger holds at least k such rows. Importing
 * the same statement twice adds nothing the second time; both coffees are kept the first time.
 */
import type { StatementRow } from './types';

/** Lower case, runs of spaces and punctuation as one space, trimmed: "AMZN  Mktp*US" -> "amzn mktp us". */
export function normaliseDescription(description: string): string {
  return description
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
}

/** The amount to the cent as text, so 12.5, 12.50 and 12.499999 give one key; -0 is 0.00. */
export function amountKey(amount: number): string {
  const cents = Math.round(amount * 100);
  return (cents === 0 ? 0 : cents / 100).toFixed(2);
}

/** What the Import key column holds: `date|amount|normalised description`. */
export function importKey(row: Pick<StatementRow, 'date' | 'amount' | 'description'>): string {
  return `${row.date}|${amountKey(row.amount)}|${normaliseDescription(row.description)}`;
}

export interface Sorted<T> {
  /** Rows to add, in statement order. */
  fresh: T[];
  /** How many statement rows the ledger already held. */
  alreadyInLedger: number;
  /** Rows added that repeat an earlier row of the same statement (kept: they are real rows). */
  repeatedInStatement: number;
}

/** Splits statement rows into those to add and those the ledger already holds, by counting keys. */
export function sortOutDuplicates<T extends StatementRow>(rows: readonly T[], ledgerKeys: readonly unknown[]): Sorted<T> {
  const inLedger = new Map<string, number>();
  for (const key of ledgerKeys) {
    if (typeof key !== 'string' || key === '') continue;
    inLedger.set(key, (inLedger.get(key) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const fresh: T[] = [];
  let alreadyInLedger = 0;
  let repeatedInStatement = 0;
  for (const row of rows) {
    const key = importKey(row);
    const k = (seen.get(key) ?? 0) + 1;
    seen.set(key, k);
    if (k <= (inLedger.get(key) ?? 0)) {
      alreadyInLedger++;
      continue;
    }
    if (k > 1) repeatedInStatement++;
    fresh.push(row);
  }
  return { fresh, alreadyInLedger, repeatedInStatement };
}

/**
 * The rows of one statement that repeat (same date, amount to the cent and normalised description), each with its
 * place among its copies: which copy it is and how many the statement holds. The import keeps every copy (two
 * coffees on one day are real) and marks them in the Ledger's Notes, so the person sees which rows to check.
 */
export function copiesInStatement<T extends StatementRow>(rows: readonly T[]): Map<T, { copy: number; of: number }> {
  const byKey = new Map<string, T[]>();
  for (const row of rows) {
    const key = importKey(row);
    const group = byKey.get(key);
    if (group) group.push(row);
    else byKey.set(key, [row]);
  }
  const copies = new Map<T, { copy: number; of: number }>();
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    group.forEach((row, i) => {
      copies.set(row, { copy: i + 1, of: group.length });
    });
  }
  return copies;
}

/** The Notes text of a row kept as one of several copies in its statement. */
export const copyNote = ({ copy, of }: { copy: number; of: number }): string =>
  `Copy ${copy} of ${of} in the statement (same date, amount and description): kept. Delete it if it is not a real payment.`;
