/**
 * Deposits meet invoices on the Apps Script side: reads the Invoices sheet and the Ledger (values and display values,
 * one range each), lists the deposits that could have paid each open invoice, and writes or removes the link the
 * person confirms. The rules are src/books/invoiceMatch.ts; this file only reads, checks with them and writes.
 *
 * A match writes, under the document lock: the invoice's Paid by (the deposit's import key, as text) and Paid on (a
 * lookup of that key in the Ledger returning its date: src/books/invoices.ts paidOnFormula); on the Ledger row, a
 * sentence in Notes naming the invoice, and the import key a hand-typed row lacked. Nothing when the check fails.
 */
import {
  allSuggestions,
  type InvoiceLine,
  type LedgerLine,
  linkKey,
  MATCH_DAYS_AFTER_DUE,
  matchProblem,
  matchRequest,
  notesWith,
  notesWithout,
  paidNote,
} from '../books/invoiceMatch';
import { COLUMN, FIRST_ROW, INVOICE_HEADER, paidOnFormula } from '../books/invoices';
import { LEDGER_COLUMN, LEDGER_SHEET } from '../books/layout';
import { PRODUCT_NAME } from '../brand';
import { asText, PLAIN_TEXT } from '../plan/cellValue';
import type { InvoiceMatchView, OpenInvoiceView } from '../protocol';
import { checkLedgerHeader } from './booksWriter';
import { findInvoicesSheet } from './invoices';
import { underDocumentLock } from './lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const MATCH_LOCK_WAIT_MS = 10000;
const BUSY = `${PRODUCT_NAME} is writing to this spreadsheet: match the deposit again in a moment. Nothing was written.`;
export const NO_LEDGER_TO_MATCH = 'No Ledger yet: import a bank statement to match its deposits to your invoices.';

interface Read<T> {
  lines: T[];
  shown: Map<number, string[]>;
  values: Map<number, unknown[]>;
}

const isDate = (v: unknown): v is Date => v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function dayOf(spreadsheet: Spreadsheet): (v: unknown) => string {
  const zone = spreadsheet.getSpreadsheetTimeZone();
  return (v) => (isDate(v) ? Utilities.formatDate(v, zone, 'yyyy-MM-dd') : '');
}

/** Rows 2 to the last used row, `width` columns, as values and as displayed: two reads of one range. */
function readRows(sheet: Sheet, width: number): { row: number; values: unknown[]; shown: string[] }[] {
  const last = sheet.getLastRow();
  if (last < FIRST_ROW) return [];
  const range = sheet.getRange(FIRST_ROW, 1, last - FIRST_ROW + 1, width);
  const shown = range.getDisplayValues();
  return range.getValues().map((values, i) => ({ row: FIRST_ROW + i, values, shown: shown[i] }));
}

function readInvoices(spreadsheet: Spreadsheet, sheet: Sheet): Read<InvoiceLine> {
  const day = dayOf(spreadsheet);
  const at = (values: unknown[], c: keyof typeof COLUMN) => values[COLUMN[c] - 1];
  const read: Read<InvoiceLine> = { lines: [], shown: new Map(), values: new Map() };
  for (const { row, values, shown } of readRows(sheet, INVOICE_HEADER.length)) {
    const amount = at(values, 'Amount');
    const line: InvoiceLine = {
      row,
      invoice: text(at(values, 'Invoice')).trim(),
      client: text(at(values, 'Client')).trim(),
      issued: day(at(values, 'Issued')),
      due: day(at(values, 'Due')),
      amount: typeof amount === 'number' ? amount : Number.NaN,
      paidOn: day(at(values, 'Paid on')),
      paidBy: text(at(values, 'Paid by')).trim(),
    };
    if (line.invoice === '' && line.client === '' && !(line.amount > 0) && line.paidBy === '') continue;
    read.lines.push(line);
    read.shown.set(row, shown);
    read.values.set(row, values);
  }
  return read;
}

function readLedger(spreadsheet: Spreadsheet, ledger: Sheet): Read<LedgerLine> {
  // Matching reads and writes the Ledger by column: a Ledger whose columns were moved is refused, not written over.
  checkLedgerHeader(ledger, { retry: 'match the deposit again', nothing: 'Nothing was written.' });
  const day = dayOf(spreadsheet);
  const read: Read<LedgerLine> = { lines: [], shown: new Map(), values: new Map() };
  for (const { row, values, shown } of readRows(ledger, LEDGER_COLUMN.importKey)) {
    const amount = values[LEDGER_COLUMN.amount - 1];
    read.lines.push({
      row,
      date: day(values[LEDGER_COLUMN.date - 1]),
      description: text(values[LEDGER_COLUMN.description - 1]),
      amount: typeof amount === 'number' ? amount : Number.NaN,
      key: text(values[LEDGER_COLUMN.importKey - 1]).trim(),
    });
    read.shown.set(row, shown);
    read.values.set(row, values);
  }
  return read;
}

function viewOf(sheet: Sheet, invoices: Read<InvoiceLine>, ledger: Read<LedgerLine> | null): InvoiceMatchView {
  const shownOf = (row: number, c: keyof typeof COLUMN) => invoices.shown.get(row)?.[COLUMN[c] - 1] ?? '';
  const ledgerShown = (row: number, c: number) => ledger?.shown.get(row)?.[c - 1] ?? '';
  const open: OpenInvoiceView[] = [];
  const suggested = ledger ? allSuggestions(invoices.lines, ledger.lines) : new Map<number, never[]>();
  const matched: InvoiceMatchView['matched'] = [];
  for (const inv of invoices.lines) {
    const base = {
      row: inv.row,
      invoice: inv.invoice,
      client: inv.client,
      amount: shownOf(inv.row, 'Amount'),
      paidOn: shownOf(inv.row, 'Paid on'),
    };
    if (inv.paidBy !== '') {
      const deposit = ledger?.lines.find((l) => linkKey(l) === inv.paidBy);
      matched.push({ ...base, deposit: deposit ? ledgerShown(deposit.row, LEDGER_COLUMN.description) : '' });
      continue;
    }
    if (!ledger) continue;
    const suggestions = suggested.get(inv.row) ?? [];
    if (suggestions.length === 0) continue;
    open.push({
      ...base,
      suggestions: suggestions.map((s) => ({
        ledgerRow: s.ledgerRow,
        key: s.key,
        date: ledgerShown(s.ledgerRow, LEDGER_COLUMN.date),
        description: ledgerShown(s.ledgerRow, LEDGER_COLUMN.description),
        amount: ledgerShown(s.ledgerRow, LEDGER_COLUMN.amount),
        byName: s.nameScore > 0,
      })),
    });
  }
  const note = !ledger
    ? NO_LEDGER_TO_MATCH
    : open.length === 0
      ? `No deposit in the Ledger matches an open invoice: same amount to the cent, from the issue date to ${MATCH_DAYS_AFTER_DUE} days after the due date.`
      : '';
  return { sheetName: sheet.getName(), open, matched, note };
}

/** The check-in's "Deposits that paid an invoice": open invoices with their suggested deposits, and the matches made. */
export function getInvoiceMatches(): InvoiceMatchView {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = findInvoicesSheet(spreadsheet);
  if (!sheet) return { sheetName: null, open: [], matched: [], note: '' };
  const ledger = spreadsheet.getSheetByName(LEDGER_SHEET);
  return viewOf(sheet, readInvoices(spreadsheet, sheet), ledger ? readLedger(spreadsheet, ledger) : null);
}

function sheetsOrRefuse(spreadsheet: Spreadsheet): { invoices: Sheet; ledger: Sheet } {
  const invoices = findInvoicesSheet(spreadsheet);
  if (!invoices)
    throw new Error(`There is no Invoices sheet: Extensions > ${PRODUCT_NAME} > Set up invoices. Nothing was written.`);
  const ledger = spreadsheet.getSheetByName(LEDGER_SHEET);
  if (!ledger) throw new Error(`${NO_LEDGER_TO_MATCH} Nothing was written.`);
  return { invoices, ledger };
}

/** The Ledger row's Notes and Import key cells (F:G), written in one call. */
function writeLedgerNotes(ledger: Sheet, row: number, notes: string, key: string): void {
  ledger.getRange(row, LEDGER_COLUMN.notes, 1, 2).setValues([[asText(notes), asText(key)]]);
}

/** Links an invoice to the deposit that paid it, as the person confirmed; refused in words, writing nothing. */
export function matchInvoice(raw: unknown): InvoiceMatchView {
  const request = matchRequest(raw);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return underDocumentLock(MATCH_LOCK_WAIT_MS, BUSY, () => {
    const sheets = sheetsOrRefuse(spreadsheet);
    const invoices = readInvoices(spreadsheet, sheets.invoices);
    const ledger = readLedger(spreadsheet, sheets.ledger);
    const inv = invoices.lines.find((i) => i.row === request.invoiceRow);
    const line = ledger.lines.find((l) => l.row === request.ledgerRow);
    const problem = matchProblem(request, inv, line, invoices.lines, ledger.lines);
    if (problem || !inv || !line) throw new Error(problem ?? 'Nothing was written.');

    const notes = text(ledger.values.get(line.row)?.[LEDGER_COLUMN.notes - 1]);
    // The key is written as text into a plain-text cell, so Sheets does not read it; then the lookup that reads it.
    const paidBy = sheets.invoices.getRange(inv.row, COLUMN['Paid by']);
    paidBy.setNumberFormat(PLAIN_TEXT);
    paidBy.setValues([[request.key]]);
    sheets.invoices.getRange(inv.row, COLUMN['Paid on']).setValues([[paidOnFormula(inv.row, sheets.ledger.getName())]]);
    writeLedgerNotes(sheets.ledger, line.row, notesWith(notes, paidNote(inv.invoice, inv.client)), request.key);
    return viewOf(sheets.invoices, readInvoices(spreadsheet, sheets.invoices), readLedger(spreadsheet, sheets.ledger));
  });
}

/**
 * Undoes a match: the invoice is open again (Paid on and Paid by cleared, since the date was the deposit's) and the
 * deposit's Notes lose the sentence naming it. The deposit's import key stays: it is what a re-import recognises.
 */
export function unmatchInvoice(raw: unknown): InvoiceMatchView {
  const r = (raw ?? {}) as { invoiceRow?: unknown; invoice?: unknown };
  if (typeof r.invoiceRow !== 'number' || !Number.isInteger(r.invoiceRow) || typeof r.invoice !== 'string') {
    throw new Error('Say which invoice to unmatch: its row on the Invoices sheet and its number.');
  }
  const invoiceRow = r.invoiceRow;
  const invoiceNumber = r.invoice;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return underDocumentLock(MATCH_LOCK_WAIT_MS, BUSY, () => {
    const sheets = sheetsOrRefuse(spreadsheet);
    const invoices = readInvoices(spreadsheet, sheets.invoices);
    const inv = invoices.lines.find((i) => i.row === invoiceRow);
    if (!inv || inv.invoice !== invoiceNumber) {
      throw new Error(
        `Row ${invoiceRow} of the Invoices sheet no longer holds invoice ${invoiceNumber}. Open the check-in again. Nothing was written.`,
      );
    }
    if (inv.paidBy === '') throw new Error(`Invoice ${inv.invoice} is not matched to a deposit. Nothing was written.`);
    const ledger = readLedger(spreadsheet, sheets.ledger);
    const note = paidNote(inv.invoice, inv.client);
    const deposit = ledger.lines.find(
      (l) => linkKey(l) === inv.paidBy && text(ledger.values.get(l.row)?.[LEDGER_COLUMN.notes - 1]).includes(note),
    );
    // Paid on and Paid by, not the Status and Days late between them (their ARRAYFORMULAs' spill).
    sheets.invoices.getRange(inv.row, COLUMN['Paid on']).clearContent();
    sheets.invoices.getRange(inv.row, COLUMN['Paid by']).clearContent();
    if (deposit) {
      const notes = text(ledger.values.get(deposit.row)?.[LEDGER_COLUMN.notes - 1]);
      writeLedgerNotes(
        sheets.ledger,
        deposit.row,
        notesWithout(notes, note),
        text(ledger.values.get(deposit.row)?.[LEDGER_COLUMN.importKey - 1]),
      );
    }
    return viewOf(sheets.invoices, readInvoices(spreadsheet, sheets.invoices), readLedger(spreadsheet, sheets.ledger));
  });
}
