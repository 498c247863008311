/** Unpaid invoices by how late they are, and how long a client takes to pay. Dates are calendar days. */

/** A date's calendar day as a whole number of days, whatever its time of day and the clock changes between. */
export const dayNumber = (d: Date): number => Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);

/** Days from one calendar day to another; negative when `to` comes first. */
export const daysBetween = (from: Date, to: Date): number => dayNumber(to) - dayNumber(from);

const AGING_BUCKETS = ['Not yet due', '1-30 days late', '31-60 days late', '61-90 days late', 'Over 90 days late'] as const;

/** The bucket index for a number of days late (0 or less: not yet due). */
export function agingBucket(daysLate: number): number {
  if (daysLate <= 0) return 0;
  if (daysLate <= 30) return 1;
  if (daysLate <= 60) return 2;
  if (daysLate <= 90) return 3;
  return 4;
}

export interface Receivable {
  due: Date;
  amount: number;
  /** Absent while unpaid. */
  paid?: Date;
}

interface AgingRow {
  bucket: (typeof AGING_BUCKETS)[number];
  amount: number;
  count: number;
}

/**
 * Invoices unpaid on `asOf` (no paid date, or one after it), summed by days late = asOf - due date.
 */
export function receivablesAging(invoices: readonly Receivable[], asOf: Date): AgingRow[] {
  const rows: AgingRow[] = AGING_BUCKETS.map((bucket) => ({ bucket, amount: 0, count: 0 }));
  const today = dayNumber(asOf);
  for (const inv of invoices) {
    if (inv.paid && dayNumber(inv.paid) <= today) continue;
    const row = rows[agingBucket(today - dayNumber(inv.due))];
    row.amount += inv.amount;
    row.count++;
  }
  return rows;
}

export interface ClientInvoice {
  client: string;
  issued?: Date;
  paid?: Date;
}

/** Client names match when equal after trimming, ignoring case. */
const sameClient = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Average days from issue to payment over the client's paid invoices; undefined when none is paid. */
export function averageDaysToPay(invoices: readonly ClientInvoice[], client: string): number | undefined {
  let total = 0;
  let count = 0;
  for (const inv of invoices) {
    if (!inv.paid || !inv.issued || !sameClient(inv.client, client)) continue;
    total += daysBetween(inv.issued, inv.paid);
    count++;
  }
  return count === 0 ? undefined : total / count;
}
