/**
 * Deposits meet invoices on the emulator, running the built bundle: which Ledger deposits are suggested for which
 * open invoice (amount to the cent, the client's name first, the window from the issue date to 90 days after the due
 * date, a deposit already matched not offered again), what a confirmed match writes on both sheets (and that the paid
 * date follows an edit of the Ledger's date), that a refused match writes nothing, and unmatching.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { importKey } from '../../src/books/duplicates';
import type { InvoiceMatchView } from '../../src/protocol';
import { importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

const ACME = 'Acme Design';
/** A client typed as a formula would be: it must stay text wherever Jumpwise writes it. */
const BIRCH = '=Birch & Sons';

/** Invoice rows as typed (Issued, Due as text; Due "" keeps the Issued + 30 formula). */
const INVOICES = [
  ['INV-1', ACME, '2026-03-01', '', '3900'], // row 2, due 2026-03-31 by the formula
  ['INV-2', BIRCH, '2026-04-01', '2026-05-01', '500'], // row 3
  ['INV-3', 'Cobalt', '2026-01-10', '2026-02-09', '750'], // row 4: its deposits fall outside the window
  ['INV-4', ACME, '2026-03-05', '2026-04-04', '3900'], // row 5: the same amount as INV-1
];

const row = statementRows();
/** Ledger rows 2.. in date order (the import sorts them oldest first). */
const DEPOSITS = [
  row('2026-01-05', 'COBALT', 750), // before INV-3's issue date
  row('2026-03-10', 'ZELLE FROM ACME DESIGN LLC', 3900), // names the client
  row('2026-03-12', 'ADOBE CREATIVE CLOUD', -59.99),
  row('2026-03-30', 'REMOTE DEPOSIT 1234', 3900), // nearer INV-1's due date, but no name
  row('2026-04-15', 'MOBILE DEPOSIT', 3900.01), // a cent off
  row('2026-04-20', 'BIRCH SONS PAYMENT', 500),
  row('2026-05-20', 'COBALT INC ACH CREDIT', 750), // 100 days after INV-3's due date: outside the 90
];
const ledgerRowOf = (description: string): number => 2 + DEPOSITS.findIndex((d) => d.description === description);
/** The deposit's key as the import wrote it in the Ledger's Import key column (the key and the import's tags). */
let ledgerOfTest: Emulator | undefined;
const keyOf = (description: string): string =>
  String(
    ledgerOfTest?.workbook
      .getSheetByName('Ledger')
      ?.getRange(`G${ledgerRowOf(description)}`)
      .getValue(),
  );

function fresh(): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('leapSetupInvoices');
  em.spreadsheet
    .getSheetByName('Invoices')
    ?.getRange(`A2:E${INVOICES.length + 1}`)
    .setValues(INVOICES.map((r, i) => [r[0], r[1], r[2], r[3] || `=IF(C${i + 2}="","",C${i + 2}+30)`, r[4]]));
  importStatement(em, DEPOSITS);
  ledgerOfTest = em;
  return em;
}

const shown = (em: Emulator, sheet: string, a1: string): string =>
  String(em.workbook.getSheetByName(sheet)?.getRange(a1).getDisplayValue());
const suggestedFor = (view: InvoiceMatchView, invoice: string) =>
  view.open.find((i) => i.invoice === invoice)?.suggestions.map((s) => s.description) ?? [];

/** Every cell's value and formula of both sheets, to show a refused match wrote nothing. */
function snapshot(em: Emulator): string {
  const grid = (name: string, a1: string) => {
    const range = em.workbook.getSheetByName(name)?.getRange(a1);
    return JSON.stringify([range?.getValues(), range?.getFormulas()]);
  };
  return grid('Invoices', 'A1:I8') + grid('Ledger', 'A1:G10');
}

test('suggestions: exact amount, the client named first, inside the window, only unmatched invoices', () => {
  const em = fresh();
  // INV-4 marked paid by hand, as the issue found a $3,900 invoice: paid on the sheet, with no link to its deposit.
  em.enterInput('Invoices', 'F5', '2026-03-29');
  expect(shown(em, 'Invoices', 'G5')).toBe('Paid');
  const view = em.scriptRun('leapGetInvoiceMatches') as InvoiceMatchView;
  expect(view.sheetName).toBe('Invoices');
  expect(view.open.find((i) => i.invoice === 'INV-4')?.paidOn).toBe('Mar 29, 2026');
  // The name outranks the nearer date; the deposit a cent off is not offered.
  expect(suggestedFor(view, 'INV-1')).toEqual(['ZELLE FROM ACME DESIGN LLC', 'REMOTE DEPOSIT 1234']);
  expect(view.open.find((i) => i.invoice === 'INV-1')?.suggestions.map((s) => s.byName)).toEqual([true, false]);
  // "=Birch & Sons" folds to "birch sons", as the category rules fold words.
  expect(suggestedFor(view, 'INV-2')).toEqual(['BIRCH SONS PAYMENT']);
  // Before the issue date and 100 days after the due date: neither is offered.
  expect(view.open.some((i) => i.invoice === 'INV-3')).toBe(false);
  expect(suggestedFor(view, 'INV-4')).toEqual(['ZELLE FROM ACME DESIGN LLC', 'REMOTE DEPOSIT 1234']);
  expect(view.open.find((i) => i.invoice === 'INV-1')?.suggestions[0]).toMatchObject({
    ledgerRow: ledgerRowOf('ZELLE FROM ACME DESIGN LLC'),
    key: keyOf('ZELLE FROM ACME DESIGN LLC'),
    date: shown(em, 'Ledger', `A${ledgerRowOf('ZELLE FROM ACME DESIGN LLC')}`),
    amount: '3,900.00',
  });
  expect(view.matched).toEqual([]);
});

test('confirming writes the link; Paid on follows the Ledger date; the deposit is not offered twice; unmatch undoes it', () => {
  const em = fresh();
  const zelle = ledgerRowOf('ZELLE FROM ACME DESIGN LLC');
  const key = keyOf('ZELLE FROM ACME DESIGN LLC');
  const view = em.scriptRun('leapMatchInvoice', { invoiceRow: 2, invoice: 'INV-1', ledgerRow: zelle, key }) as InvoiceMatchView;

  const invoices = em.workbook.getSheetByName('Invoices');
  expect(invoices?.getRange('I2').getValue()).toBe(key);
  expect(invoices?.getRange('F2').getFormula()).toBe('=IFERROR(INDEX(Ledger!$A:$A,MATCH($I2,Ledger!$G:$G,0)),"")');
  expect(shown(em, 'Invoices', 'F2')).toBe(shown(em, 'Ledger', `A${zelle}`));
  expect(shown(em, 'Invoices', 'G2')).toBe('Paid');
  const ledger = em.workbook.getSheetByName('Ledger');
  expect(ledger?.getRange(`F${zelle}`).getValue()).toBe('Paid invoice INV-1 (Acme Design).');
  expect(view.matched).toEqual([
    expect.objectContaining({
      invoice: 'INV-1',
      deposit: 'ZELLE FROM ACME DESIGN LLC',
      paidOn: shown(em, 'Ledger', `A${zelle}`),
    }),
  ]);
  // INV-4 has the same amount and client: the deposit INV-1 took is no longer offered for it.
  expect(suggestedFor(view, 'INV-4')).toEqual(['REMOTE DEPOSIT 1234']);
  expect(view.open.some((i) => i.invoice === 'INV-1')).toBe(false);

  // The person corrects the deposit's date on the Ledger: the paid date follows, and so does Days late.
  em.enterInput('Ledger', `A${zelle}`, '2026-04-09');
  expect(shown(em, 'Invoices', 'F2')).toBe(shown(em, 'Ledger', `A${zelle}`));
  expect(invoices?.getRange('F2').getValue()).toEqual(ledger?.getRange(`A${zelle}`).getValue());
  expect(shown(em, 'Invoices', 'H2')).toBe('9');

  // The Ledger sorted newest first (its rows rewritten in another order, as a sort does): the link holds.
  const block = ledger?.getRange(`A2:G${DEPOSITS.length + 1}`);
  block?.setValues([...(block?.getValues() ?? [])].reverse());
  const moved = DEPOSITS.length + 3 - zelle;
  expect(ledger?.getRange(`B${moved}`).getValue()).toBe('ZELLE FROM ACME DESIGN LLC');
  expect(shown(em, 'Invoices', 'F2')).toBe(shown(em, 'Ledger', `A${moved}`));
  expect(shown(em, 'Invoices', 'F2')).toBe('Apr 9, 2026');
  block?.setValues([...(block?.getValues() ?? [])].reverse());

  // A deposit the Ledger no longer holds is named in Status, not taken as unpaid.
  const keyCell = ledger?.getRange(`G${zelle}`);
  keyCell?.setValue('edited');
  expect(shown(em, 'Invoices', 'G2')).toBe('Paid by: deposit not in the Ledger');
  keyCell?.setValue(key);

  const undone = em.scriptRun('leapUnmatchInvoice', { invoiceRow: 2, invoice: 'INV-1' }) as InvoiceMatchView;
  expect([
    invoices?.getRange('F2').getFormula(),
    invoices?.getRange('F2').getValue(),
    invoices?.getRange('I2').getValue(),
  ]).toEqual(['', '', '']);
  expect(ledger?.getRange(`F${zelle}`).getValue()).toBe('');
  expect(ledger?.getRange(`G${zelle}`).getValue()).toBe(key);
  expect(undone.matched).toEqual([]);
  expect(suggestedFor(undone, 'INV-1')[0]).toBe('ZELLE FROM ACME DESIGN LLC');
});

test('a match that is not valid is refused in words and writes nothing', () => {
  const em = fresh();
  const zelle = ledgerRowOf('ZELLE FROM ACME DESIGN LLC');
  const zelleKey = keyOf('ZELLE FROM ACME DESIGN LLC');
  const birch = ledgerRowOf('BIRCH SONS PAYMENT');
  em.scriptRun('leapMatchInvoice', { invoiceRow: 3, invoice: 'INV-2', ledgerRow: birch, key: keyOf('BIRCH SONS PAYMENT') });
  // The client's name is text in the Ledger's Notes, never a formula.
  expect(em.workbook.getSheetByName('Ledger')?.getRange(`F${birch}`).getFormula()).toBe('');
  expect(em.workbook.getSheetByName('Ledger')?.getRange(`F${birch}`).getValue()).toBe('Paid invoice INV-2 (=Birch & Sons).');
  em.scriptRun('leapMatchInvoice', { invoiceRow: 2, invoice: 'INV-1', ledgerRow: zelle, key: zelleKey });
  const before = snapshot(em);
  const refused = (request: object, message: RegExp) => {
    expect(() => em.scriptRun('leapMatchInvoice', request)).toThrow(message);
    expect(snapshot(em)).toBe(before);
  };
  // The deposit already paid INV-1.
  refused(
    { invoiceRow: 5, invoice: 'INV-4', ledgerRow: zelle, key: zelleKey },
    /already paid invoice INV-1.*Nothing was written/,
  );
  // INV-1 is already matched.
  const remote = ledgerRowOf('REMOTE DEPOSIT 1234');
  refused({ invoiceRow: 2, invoice: 'INV-1', ledgerRow: remote, key: keyOf('REMOTE DEPOSIT 1234') }, /already matched/);
  // Amounts differ by a cent.
  const mobile = ledgerRowOf('MOBILE DEPOSIT');
  refused(
    { invoiceRow: 5, invoice: 'INV-4', ledgerRow: mobile, key: keyOf('MOBILE DEPOSIT') },
    /3900\.01 and invoice INV-4 is 3900\.00.*Nothing was written/,
  );
  // The rows moved since the suggestion: the row holds another invoice, or another deposit.
  refused(
    { invoiceRow: 4, invoice: 'INV-4', ledgerRow: remote, key: keyOf('REMOTE DEPOSIT 1234') },
    /no longer holds invoice INV-4/,
  );
  refused({ invoiceRow: 5, invoice: 'INV-4', ledgerRow: mobile, key: keyOf('REMOTE DEPOSIT 1234') }, /no longer the deposit/);
  // Money out is never a payment of an invoice.
  refused({ invoiceRow: 5, invoice: 'INV-4', ledgerRow: 4, key: keyOf('ADOBE CREATIVE CLOUD') }, /same amount/);
  refused({ invoiceRow: 'x' }, /Say which invoice/);
});

test('a deposit typed into the Ledger by hand is suggested and, once matched, carries the import key an import would give it', () => {
  const em = fresh();
  const typed = DEPOSITS.length + 2;
  em.enterInput('Ledger', `A${typed}`, '2026-04-02');
  em.enterInput('Ledger', `B${typed}`, 'Cheque from Cobalt');
  em.enterInput('Ledger', `C${typed}`, '750');
  const view = em.scriptRun('leapGetInvoiceMatches') as InvoiceMatchView;
  const [suggestion] = view.open.find((i) => i.invoice === 'INV-3')?.suggestions ?? [];
  const key = importKey({ date: '2026-04-02', description: 'Cheque from Cobalt', amount: 750 });
  expect(suggestion).toMatchObject({ ledgerRow: typed, key, byName: true });
  em.scriptRun('leapMatchInvoice', { invoiceRow: 4, invoice: 'INV-3', ledgerRow: typed, key });
  const ledger = em.workbook.getSheetByName('Ledger');
  expect(ledger?.getRange(`F${typed}:G${typed}`).getValues()).toEqual([['Paid invoice INV-3 (Cobalt).', key]]);
  expect(shown(em, 'Invoices', 'F4')).toBe('Apr 2, 2026');
  // Importing the same row later adds nothing: the Ledger now holds its key.
  expect(importStatement(em, [{ date: '2026-04-02', description: 'Cheque from Cobalt', amount: 750, line: 2 }]).imported).toBe(0);
});

test('setting up an Invoices sheet made before Paid by: the heading and its width come, the panel and the matches stay', () => {
  const em = fresh();
  const zelle = ledgerRowOf('ZELLE FROM ACME DESIGN LLC');
  const key = keyOf('ZELLE FROM ACME DESIGN LLC');
  em.scriptRun('leapMatchInvoice', { invoiceRow: 2, invoice: 'INV-1', ledgerRow: zelle, key });
  const sheet = em.spreadsheet.getSheetByName('Invoices');
  // As the sheet was: column I an empty 24 px gap before the panel.
  sheet?.getRange('I1').setValue('');
  sheet?.setColumnWidth(9, 24);
  em.run('leapSetupInvoices');
  expect(sheet?.getRange('I1').getValue()).toBe('Paid by');
  expect(sheet?.getColumnWidth(9)).toBe(110);
  expect(sheet?.getRange('J1:K1').getValues()).toEqual([['Owed to you', 500 + 750 + 3900]]);
  expect([sheet?.getRange('I2').getValue(), shown(em, 'Invoices', 'G2')]).toEqual([key, 'Paid']);
  // A width the person chose wider is theirs.
  sheet?.setColumnWidth(9, 300);
  em.run('leapSetupInvoices');
  expect(sheet?.getColumnWidth(9)).toBe(300);
});

test('a Ledger whose columns were moved is refused before anything is read or written by position', () => {
  const em = fresh();
  const zelle = ledgerRowOf('ZELLE FROM ACME DESIGN LLC');
  const key = keyOf('ZELLE FROM ACME DESIGN LLC');
  // The person swapped Notes and Account: matching would write its note into their Account column.
  const ledger = em.workbook.getSheetByName('Ledger');
  const [header] = ledger?.getRange('A1:G1').getValues() ?? [[]];
  ledger?.getRange('E1:F1').setValues([[header[5], header[4]]]);
  const before = snapshot(em);
  expect(() => em.scriptRun('leapMatchInvoice', { invoiceRow: 2, invoice: 'INV-1', ledgerRow: zelle, key })).toThrow(
    /first row should read .*then match the deposit again\. Nothing was written\./,
  );
  expect(snapshot(em)).toBe(before);
});
