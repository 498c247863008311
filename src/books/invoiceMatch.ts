/**
 * Deposits meet invoices, pure: which Ledger deposits could have paid an invoice, and whether a match the person
 * confirms is still valid. The Apps Script side (src/sheets/invoiceMatch.ts) reads both sheets, calls these and
 * writes the link.
 *
 * The link lives on the invoice's row: its "Paid by" cell holds the Ledger row's import key, and its Paid on cell is
 * a lookup of that key in the Ledger's Import key column returning the row's date. A lookup by key, not a reference
 * to a row number, so sorting or filtering the Ledger keeps the link, and editing the Ledger's date moves Paid on.
 * The key column is hidden bookkeeping that nothing rewrites after the import, so the key survives edits to the
 * row's date, description or amount.
 */
import { foldForMatching } from './categories';
import { amountKey, importKey } from './duplicates';

/**
 * A deposit counts from the invoice's issue date to this many days after its due date. 90 days is where the aging
 * table's last bucket ("over 90 days") starts: a payment later than that is rare enough to match by hand.
 */
export const MATCH_DAYS_AFTER_DUE = 90;
/** Suggestions listed per invoice: the best few keep the check-in readable at 300 px. */
export const SUGGESTIONS_PER_INVOICE = 3;

/**
 * Words in a client's name too common to point at a client ("Acme Ltd" and "Birch Ltd" share "ltd"): only the other
 * words of a name count as a partial match.
 */
const COMMON_NAME_WORDS = new Set([
  'ltd',
  'limited',
  'llc',
  'llp',
  'inc',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'gmbh',
  'the',
  'and',
  'of',
  'sons',
  'group',
  'services',
]);

/** An invoice row as the Invoices sheet holds it (dates as ISO days, "" where none). */
export interface InvoiceLine {
  row: number;
  invoice: string;
  client: string;
  issued: string;
  due: string;
  amount: number;
  paidOn: string;
  /** The import key of the Ledger row that paid it, "" when not matched. */
  paidBy: string;
}

/** A Ledger row as read (date as ISO day, "" when the cell holds no date). */
export interface LedgerLine {
  row: number;
  date: string;
  description: string;
  amount: number;
  /** The Import key cell, "" for a row typed by hand. */
  key: string;
}

export interface Suggestion {
  ledgerRow: number;
  /** The key the match will record: the row's own, or for a row typed by hand the one an import would give it. */
  key: string;
  /** 2: the client's whole name is in the description; 1: a distinctive word of it; 0: the amount and date only. */
  nameScore: 0 | 1 | 2;
}

const DAY = 86_400_000;
const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const isIsoDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The key a Ledger row is linked by: its Import key, else what an import of the same row would write. */
export function linkKey(line: LedgerLine): string {
  return line.key !== '' ? line.key : importKey(line);
}

/**
 * How strongly a deposit's description names the client, compared as the category rules compare words (case,
 * punctuation and apostrophes folded: "O'Brien & Co" is "obrien co"), whole words only.
 */
export function nameScore(client: string, description: string): 0 | 1 | 2 {
  const name = foldForMatching(client);
  if (name === '') return 0;
  const text = ` ${foldForMatching(description)} `;
  if (text.includes(` ${name} `)) return 2;
  const distinctive = name.split(' ').filter((w) => w.length >= 3 && !COMMON_NAME_WORDS.has(w));
  return distinctive.some((w) => text.includes(` ${w} `)) ? 1 : 0;
}

/**
 * How many invoices each key is the link of. Identical deposits (same day, amount and description) share a key: a
 * key is still free while fewer invoices use it than Ledger rows hold it.
 */
function usesOf(invoices: readonly InvoiceLine[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const inv of invoices) if (inv.paidBy !== '') uses.set(inv.paidBy, (uses.get(inv.paidBy) ?? 0) + 1);
  return uses;
}

function rowsOf(ledger: readonly LedgerLine[]): Map<string, number> {
  const rows = new Map<string, number>();
  for (const line of ledger) rows.set(linkKey(line), (rows.get(linkKey(line)) ?? 0) + 1);
  return rows;
}

/** Why an invoice cannot be matched at all, or null. */
function invoiceProblem(inv: InvoiceLine): string | null {
  if (inv.invoice.trim() === '') return `Row ${inv.row} of the Invoices sheet has no invoice number: type one first.`;
  if (!isIsoDay(inv.issued)) return `Invoice ${inv.invoice} has no issue date: type one in its Issued cell first.`;
  if (!(inv.amount > 0)) return `Invoice ${inv.invoice} has no amount: type one in its Amount cell first.`;
  return null;
}

/** The last day a deposit can have paid the invoice: its due date (else the issue date) plus MATCH_DAYS_AFTER_DUE. */
const lastDay = (inv: InvoiceLine): number => dayNumber(isIsoDay(inv.due) ? inv.due : inv.issued) + MATCH_DAYS_AFTER_DUE;

/**
 * The deposits that could have paid `inv`: money in of exactly the invoice's amount (to the cent: a card or platform
 * fee differs by provider and plan, and a tolerance would offer the wrong deposit as readily as the right one),
 * dated from the issue date to MATCH_DAYS_AFTER_DUE days after the due date, whose key is not taken by another
 * invoice. Best first: the client's name in the description, then the date nearest the day the person typed as paid
 * (else the due date), then the Ledger's order.
 */
export function suggestionsFor(inv: InvoiceLine, ledger: readonly LedgerLine[], invoices: readonly InvoiceLine[]): Suggestion[] {
  return suggest(inv, ledger, usesOf(invoices), rowsOf(ledger));
}

/** Every invoice's suggestions (by its row), with the keys' uses counted once for the whole sheet. */
export function allSuggestions(invoices: readonly InvoiceLine[], ledger: readonly LedgerLine[]): Map<number, Suggestion[]> {
  const uses = usesOf(invoices);
  const rows = rowsOf(ledger);
  return new Map(invoices.map((inv) => [inv.row, suggest(inv, ledger, uses, rows)]));
}

function suggest(
  inv: InvoiceLine,
  ledger: readonly LedgerLine[],
  uses: Map<string, number>,
  rows: Map<string, number>,
): Suggestion[] {
  if (invoiceProblem(inv) !== null || inv.paidBy !== '') return [];
  const cents = amountKey(inv.amount);
  const from = dayNumber(inv.issued);
  const until = lastDay(inv);
  const near = dayNumber(isIsoDay(inv.paidOn) ? inv.paidOn : isIsoDay(inv.due) ? inv.due : inv.issued);
  return ledger
    .filter((line) => {
      if (!(line.amount > 0) || amountKey(line.amount) !== cents || !isIsoDay(line.date)) return false;
      const day = dayNumber(line.date);
      if (day < from || day > until) return false;
      const key = linkKey(line);
      return (uses.get(key) ?? 0) < (rows.get(key) ?? 0);
    })
    .map((line) => ({ line, score: nameScore(inv.client, line.description) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        Math.abs(dayNumber(a.line.date) - near) - Math.abs(dayNumber(b.line.date) - near) ||
        a.line.row - b.line.row,
    )
    .slice(0, SUGGESTIONS_PER_INVOICE)
    .map(({ line, score }) => ({ ledgerRow: line.row, key: linkKey(line), nameScore: score }));
}

/** What the page sends to confirm a suggestion: the rows and what they held when suggested. */
export interface MatchRequest {
  invoiceRow: number;
  invoice: string;
  ledgerRow: number;
  key: string;
}

export function matchRequest(raw: unknown): MatchRequest {
  const r = (raw ?? {}) as Partial<Record<keyof MatchRequest, unknown>>;
  const whole = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 2;
  if (!whole(r.invoiceRow) || typeof r.invoice !== 'string') {
    throw new Error('Say which invoice to match: its row on the Invoices sheet (2 or below) and its number.');
  }
  if (!whole(r.ledgerRow) || typeof r.key !== 'string' || r.key === '') {
    throw new Error('Say which deposit paid it: its row on the Ledger (2 or below) and its import key.');
  }
  return { invoiceRow: r.invoiceRow as number, invoice: r.invoice, ledgerRow: r.ledgerRow as number, key: r.key };
}

/**
 * Why the confirmed match cannot be written, or null: the sheets must still hold what was suggested (a sort or an
 * edit since then would link the wrong rows), the invoice must be unmatched, the deposit free, and the amounts equal.
 */
export function matchProblem(
  request: MatchRequest,
  inv: InvoiceLine | undefined,
  line: LedgerLine | undefined,
  invoices: readonly InvoiceLine[],
  ledger: readonly LedgerLine[],
): string | null {
  const again = 'Open the check-in again to see the deposits as they are now. Nothing was written.';
  if (!inv || inv.invoice !== request.invoice) {
    return `Row ${request.invoiceRow} of the Invoices sheet no longer holds invoice ${request.invoice}. ${again}`;
  }
  const problem = invoiceProblem(inv);
  if (problem) return `${problem} Nothing was written.`;
  if (inv.paidBy !== '') {
    return `Invoice ${inv.invoice} is already matched to a deposit: unmatch it first to match another. Nothing was written.`;
  }
  if (!line || linkKey(line) !== request.key) {
    return `Row ${request.ledgerRow} of the Ledger is no longer the deposit that was suggested. ${again}`;
  }
  if (amountKey(line.amount) !== amountKey(inv.amount)) {
    return `The deposit is ${amountKey(line.amount)} and invoice ${inv.invoice} is ${amountKey(inv.amount)}: a match needs the same amount to the cent. Nothing was written.`;
  }
  if (/[*?~]/.test(request.key)) {
    // The Paid on lookup is MATCH. Google's MATCH page (support.google.com/docs/answer/3093378) says nothing of
    // wildcards; the OOXML spec's MATCH (ECMA-376 Part 4) makes ? and * wildcards and ~ their escape in an exact
    // match. Such a key is refused rather than trusted to match only itself; an import never writes one, since its
    // description is folded to letters, digits and spaces (src/books/duplicates.ts).
    return `Row ${request.ledgerRow} of the Ledger has an import key with * ? or ~ in it: clear its Import key cell and match again. Nothing was written.`;
  }
  const taken = usesOf(invoices).get(request.key) ?? 0;
  if (taken >= (rowsOf(ledger).get(request.key) ?? 0)) {
    const other = invoices.find((i) => i.paidBy === request.key);
    return `That deposit already paid invoice ${other?.invoice ?? '(another)'}: unmatch that invoice first. Nothing was written.`;
  }
  return null;
}

/** The sentence the Ledger row's Notes carry while the deposit is matched. */
export const paidNote = (invoice: string, client: string): string =>
  `Paid invoice ${invoice}${client.trim() === '' ? '' : ` (${client.trim()})`}.`;

/** Notes with the match's sentence added (after what the person or the import wrote), or taken out again. */
export function notesWith(notes: string, note: string): string {
  return notes.trim() === '' ? note : `${notes.trim()} ${note}`;
}

export function notesWithout(notes: string, note: string): string {
  const at = notes.indexOf(note);
  if (at < 0) return notes;
  return `${notes.slice(0, at)}${notes.slice(at + note.length)}`.replace(/\s{2,}/g, ' ').trim();
}
