/**
 * One invoice laid out for printing (File > Download > PDF): the business details, who it is billed to, number,
 * dates, a line with an editable description, the total and the payment terms. Pure: the writer copies it.
 *
 * The client, dates and amount are formulas that look the invoice up by its number on the Invoices sheet, so the
 * printable sheet follows edits to the row and survives the list being sorted. The business details are the
 * person's own text, written as text.
 */

import type { Cell } from '../layout/grid';
import { columnLetters } from '../layout/grid';
import { PLAIN_TEXT } from '../plan/cellValue';
import { type BusinessDetails, COLUMN, FIRST_ROW, INVOICE_FORMATS, type InvoiceColumn } from './invoices';

/** What Make invoice needs from a row of the Invoices sheet. */
export interface InvoiceRow {
  /** The sheet row it came from (for messages). */
  row: number;
  /** As typed: text, or a number used as one. */
  number: string | number;
  client: string;
  issued: Date;
  due: Date;
  amount: number;
}

const isBlank = (v: unknown): boolean => v === '' || v === null || v === undefined;
const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());

const SHEET_NAME_LIMIT = 100;
const INVOICE_SHEET_PREFIX = 'Invoice ';

/**
 * The invoice on a row, or the sentence that says what to fix. `values` are the row's cells from Invoice to
 * Paid on as getValues returns them (dates as Date objects, blanks as "").
 */
export function readInvoiceRow(values: readonly unknown[], row: number): InvoiceRow | { problem: string } {
  const cell = (name: InvoiceColumn) => values[COLUMN[name] - 1];
  const where = (name: InvoiceColumn) => `${name} (column ${columnLetters(COLUMN[name])}, row ${row})`;
  const own: InvoiceColumn[] = ['Invoice', 'Client', 'Issued', 'Amount', 'Paid on'];
  if (own.every((name) => isBlank(cell(name)))) {
    return {
      problem: `Row ${row} of the Invoices sheet is empty. Select the row of an invoice (its number, client, issue date and amount), then choose Make invoice again.`,
    };
  }
  const number = cell('Invoice');
  if (isBlank(number))
    return { problem: `${where('Invoice')} is blank: type the invoice number, then choose Make invoice again.` };
  if (typeof number !== 'string' && typeof number !== 'number') {
    return { problem: `${where('Invoice')} is not an invoice number: type it as text, such as 2026-001.` };
  }
  const sheetName = `${INVOICE_SHEET_PREFIX}${String(number).trim()}`;
  if (sheetName.length > SHEET_NAME_LIMIT) {
    return {
      problem: `${where('Invoice')} is ${String(number).length} characters long; a sheet name holds at most ${SHEET_NAME_LIMIT}: shorten the invoice number.`,
    };
  }
  const client = cell('Client');
  if (isBlank(client) || (typeof client === 'string' && client.trim() === '')) {
    return { problem: `${where('Client')} is blank: type who the invoice is for, then choose Make invoice again.` };
  }
  const issued = cell('Issued');
  if (!isDate(issued)) return { problem: `${where('Issued')} is not a date: type the issue date, such as 2026-03-01.` };
  const due = cell('Due');
  if (!isDate(due)) return { problem: `${where('Due')} is not a date: type the due date, or clear it to get Issued + 30 days.` };
  const amount = cell('Amount');
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    return { problem: `${where('Amount')} is not a number: type the amount of the invoice, such as 1200.` };
  }
  return { row, number, client: String(client), issued, due, amount };
}

export const invoiceSheetName = (number: string | number): string => `${INVOICE_SHEET_PREFIX}${String(number).trim()}`;

export interface PrintableInvoice {
  cells: Cell[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  /** Rows (1-based) whose text wraps: the address, the description, the terms and payment details. */
  wrapRows: number[];
  /** A1 of the description cell, which the person edits and a remake keeps. */
  descriptionCell: string;
  columnWidths: number[];
  rows: number;
  columns: number;
}

const PRINT_COLUMNS = 4;
/** Pixel widths that fit a portrait A4 or Letter page at 100% (about 700 px of printable width). */
const PRINT_COLUMN_WIDTHS = [330, 110, 120, 130];
/** Where the line, total and terms sit (1-based rows). */
const PRINT_ROW = {
  title: 1,
  number: 3,
  issued: 4,
  due: 5,
  billToHeading: 9,
  billTo: 10,
  linesHeading: 12,
  line: 13,
  total: 15,
  termsHeading: 17,
  terms: 18,
  paymentHeading: 20,
  payment: 21,
} as const;

export const DEFAULT_DESCRIPTION = 'Services as agreed';

/** Sheets' quoting of a sheet name inside a formula: always quoted, inner quotes doubled. */
export const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * The printable grid. `invoicesSheet` is the name of the Invoices sheet and `lastRow` its last row, for the
 * look-ups; `description` is the line's text (a remake carries the person's edit).
 */
export function printableInvoice(
  invoice: InvoiceRow,
  business: BusinessDetails,
  invoicesSheet: string,
  lastRow: number,
  description: string = DEFAULT_DESCRIPTION,
  money: string = INVOICE_FORMATS.money,
  /** The document's date pattern (src/plan/currency.ts dateFormat). */
  date: string = INVOICE_FORMATS.date,
): PrintableInvoice {
  const rows = PRINT_ROW.payment;
  const cells: Cell[][] = Array.from({ length: rows }, () => Array<Cell>(PRINT_COLUMNS).fill(null));
  const numberFormats = Array.from({ length: rows }, () => Array<string>(PRINT_COLUMNS).fill('General'));
  const fontWeights = Array.from({ length: rows }, () => Array<'bold' | 'normal'>(PRINT_COLUMNS).fill('normal'));
  const set = (row: number, column: number, cell: Cell, format?: string, bold = false) => {
    cells[row - 1][column - 1] = cell;
    if (format) numberFormats[row - 1][column - 1] = format;
    if (bold) fontWeights[row - 1][column - 1] = 'bold';
  };
  const sheet = quotedSheet(invoicesSheet);
  const numberCell = `$D$${PRINT_ROW.number}`;
  const lookUp = (name: InvoiceColumn) => {
    const c = columnLetters(COLUMN[name]);
    const keys = `${sheet}!$${columnLetters(COLUMN.Invoice)}$${FIRST_ROW}:$${columnLetters(COLUMN.Invoice)}$${lastRow}`;
    return `=IFERROR(INDEX(${sheet}!$${c}$${FIRST_ROW}:$${c}$${lastRow},MATCH(${numberCell},${keys},0)),"Invoice "&${numberCell}&" is no longer on the ${invoicesSheet.replace(/"/g, '""')} sheet")`;
  };
  const text = (t: string): Cell => ({ text: t });

  set(PRINT_ROW.title, 1, text('INVOICE'), undefined, true);
  // The business block down column A, beside the number and dates in C:D.
  const businessLines = [business.name, business.address, business.email, business.taxId ? `Tax id: ${business.taxId}` : ''];
  businessLines.forEach((line, i) => {
    if (line) set(PRINT_ROW.number + i, 1, text(line), undefined, i === 0);
  });
  set(PRINT_ROW.number, 3, text('Invoice number'), undefined, true);
  set(
    PRINT_ROW.number,
    4,
    typeof invoice.number === 'number' ? { number: invoice.number } : text(invoice.number.trim()),
    PLAIN_TEXT,
  );
  set(PRINT_ROW.issued, 3, text('Issue date'), undefined, true);
  set(PRINT_ROW.issued, 4, { formula: lookUp('Issued') }, date);
  set(PRINT_ROW.due, 3, text('Due date'), undefined, true);
  set(PRINT_ROW.due, 4, { formula: lookUp('Due') }, date);
  if (typeof invoice.number === 'number') numberFormats[PRINT_ROW.number - 1][3] = 'General';

  set(PRINT_ROW.billToHeading, 1, text('Bill to'), undefined, true);
  set(PRINT_ROW.billTo, 1, { formula: lookUp('Client') });

  set(PRINT_ROW.linesHeading, 1, text('Description'), undefined, true);
  set(PRINT_ROW.linesHeading, 4, text('Amount'), undefined, true);
  set(PRINT_ROW.line, 1, text(description));
  set(PRINT_ROW.line, 4, { formula: lookUp('Amount') }, money);
  set(PRINT_ROW.total, 3, text('Total'), undefined, true);
  set(PRINT_ROW.total, 4, { formula: `=SUM(D${PRINT_ROW.line}:D${PRINT_ROW.line})` }, money, true);

  set(PRINT_ROW.termsHeading, 1, text('Payment terms'), undefined, true);
  const issued = `D${PRINT_ROW.issued}`;
  const due = `D${PRINT_ROW.due}`;
  set(PRINT_ROW.terms, 1, {
    formula: `=IF(ISNUMBER(${due}),"Please pay by "&TEXT(${due},"${date}")&IF(ISNUMBER(${issued}),", "&(${due}-${issued})&" days from the issue date","")&".","")`,
  });
  if (business.payment) {
    set(PRINT_ROW.paymentHeading, 1, text('Payment details'), undefined, true);
    set(PRINT_ROW.payment, 1, text(business.payment));
  }
  return {
    cells,
    numberFormats,
    fontWeights,
    wrapRows: [PRINT_ROW.number + 1, PRINT_ROW.line, PRINT_ROW.terms, PRINT_ROW.payment],
    descriptionCell: `A${PRINT_ROW.line}`,
    columnWidths: PRINT_COLUMN_WIDTHS,
    rows,
    columns: PRINT_COLUMNS,
  };
}
