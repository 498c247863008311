/**
 * The rules of deposits meeting invoices, pure: how a description names a client, the window, the ranking of an
 * invoice already marked paid by hand, identical deposits, and the Ledger's Notes sentence in and out.
 */
import { importKey } from '../../src/books/duplicates';
import {
  type InvoiceLine,
  type LedgerLine,
  matchProblem,
  nameScore,
  notesWith,
  notesWithout,
  paidNote,
  suggestionsFor,
} from '../../src/books/invoiceMatch';

const invoice = (over: Partial<InvoiceLine> = {}): InvoiceLine => ({
  row: 2,
  invoice: 'INV-9',
  client: "O'Brien & Co",
  issued: '2026-02-01',
  due: '2026-03-03',
  amount: 1250,
  paidOn: '',
  paidBy: '',
  ...over,
});
let next = 2;
const deposit = (date: string, description: string, amount = 1250, key = ''): LedgerLine => ({
  row: next++,
  date,
  description,
  amount,
  key,
});

test('a description names the client as the category rules fold words: whole name, a distinctive word, or not', () => {
  expect(nameScore("O'Brien & Co", 'ZELLE FROM OBRIEN CO')).toBe(2);
  expect(nameScore("O'Brien & Co", 'ACH CREDIT OBRIEN')).toBe(1);
  // "Ltd" and "Co" are in many names: they point at no client.
  expect(nameScore('Birch Ltd', 'ACME LTD PAYMENT')).toBe(0);
  expect(nameScore("O'Brien & Co", 'CO OP DEPOSIT')).toBe(0);
  // Whole words only: "Acme" is not in ACMEX.
  expect(nameScore('Acme', 'ACMEX PAYOUT')).toBe(0);
  expect(nameScore('', 'ANYTHING')).toBe(0);
});

test('window: from the issue date to 90 days after the due date, both days included', () => {
  const inv = invoice();
  const ledger = [
    deposit('2026-01-31', 'OBRIEN CO'), // the day before issue
    deposit('2026-02-01', 'REMOTE DEPOSIT'), // the issue date
    deposit('2026-06-01', 'MOBILE DEPOSIT'), // due + 90
    deposit('2026-06-02', 'OBRIEN CO'), // due + 91
  ];
  expect(suggestionsFor(inv, ledger, [inv]).map((s) => ledger.find((l) => l.row === s.ledgerRow)?.description)).toEqual([
    'REMOTE DEPOSIT',
    'MOBILE DEPOSIT',
  ]);
});

test('an invoice marked paid by hand: the deposit nearest the typed date first; a matched one gets none', () => {
  const inv = invoice({ paidOn: '2026-05-20' });
  const ledger = [deposit('2026-03-01', 'DEPOSIT A'), deposit('2026-05-18', 'DEPOSIT B'), deposit('2026-03-04', 'DEPOSIT C')];
  expect(suggestionsFor(inv, ledger, [inv]).map((s) => s.ledgerRow)).toEqual([ledger[1].row, ledger[2].row, ledger[0].row]);
  expect(suggestionsFor({ ...inv, paidBy: 'x' }, ledger, [inv])).toEqual([]);
});

test('identical deposits share a key: each pays one invoice, a third invoice is offered none and refused', () => {
  const a = invoice({ row: 2, invoice: 'A' });
  const b = invoice({ row: 3, invoice: 'B' });
  const c = invoice({ row: 4, invoice: 'C' });
  const twin = { date: '2026-02-10', description: 'STRIPE TRANSFER', amount: 1250 };
  const key = importKey(twin);
  const ledger = [deposit(twin.date, twin.description, 1250, key), deposit(twin.date, twin.description, 1250, key)];
  const afterA = [{ ...a, paidBy: key }, b, c];
  expect(suggestionsFor(b, ledger, afterA).map((s) => s.key)).toEqual([key, key]);
  const afterB = [{ ...a, paidBy: key }, { ...b, paidBy: key }, c];
  expect(suggestionsFor(c, ledger, afterB)).toEqual([]);
  const request = { invoiceRow: 4, invoice: 'C', ledgerRow: ledger[0].row, key };
  expect(matchProblem(request, c, ledger[0], afterB, ledger)).toMatch(/already paid invoice A.*Nothing was written/);
  expect(matchProblem(request, c, ledger[0], afterA, ledger)).toBeNull();
});

test('a row typed by hand (no import key) is linked by the key an import would give it', () => {
  const inv = invoice();
  const typed = deposit('2026-02-20', "O'Brien & Co payment");
  const [s] = suggestionsFor(inv, [typed], [inv]);
  expect(s).toEqual({ ledgerRow: typed.row, key: importKey(typed), nameScore: 2 });
});

test("the Notes sentence goes after the person's notes and comes out again, leaving theirs as they were", () => {
  const note = paidNote('INV-9', "O'Brien & Co");
  expect(note).toBe("Paid invoice INV-9 (O'Brien & Co).");
  const notes = notesWith('Converted from EUR at 1.08.', note);
  expect(notes).toBe("Converted from EUR at 1.08. Paid invoice INV-9 (O'Brien & Co).");
  expect(notesWithout(notes, note)).toBe('Converted from EUR at 1.08.');
  expect(notesWithout(notesWith('', note), note)).toBe('');
  expect(notesWithout('Kept as written.', note)).toBe('Kept as written.');
});

test('a key with a MATCH wildcard in it (typed over an Import key) is refused; an import never writes one', () => {
  const inv = invoice();
  const edited = deposit('2026-02-10', 'CLIENT PAYMENT', 1250, 'client*');
  const request = { invoiceRow: 2, invoice: 'INV-9', ledgerRow: edited.row, key: 'client*' };
  expect(matchProblem(request, inv, edited, [inv], [edited])).toMatch(/\* \? or ~.*Nothing was written/);
  expect(importKey({ date: '2026-02-10', description: 'PAY*MENT ~ WHAT?', amount: 1 })).toBe('2026-02-10|1.00|pay ment what');
});
