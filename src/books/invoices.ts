/**
 * The Invoices sheet as a pure grid: the person's list (Invoice | Client | Issued | Due | Amount | Paid on) with
 * Status and Days late computed beside it, and a side panel of totals, the aging table, a days-to-pay lookup and
 * the business details that printable invoices carry. The writer (src/sheets/invoices.ts) copies it onto a sheet.
 *
 * Status and Days late are one ARRAYFORMULA each, in row 2, over the whole table. Nothing is written per row, so
 * rows the person inserts, sorts or fills are covered at once and no row can miss a copied formula. Every formula
 * reads bounded ranges that end at the sheet's last row: Sheets widens them when rows are inserted inside them.
 * (Open-ended ranges such as A2:A would also follow rows appended at the bottom, but the formula engine the tests
 * and the preview run cannot read them, and a layout that cannot be tested is not shipped.)
 */

import { PRODUCT_NAME } from '../brand';
import type { Cell } from '../layout/grid';
import { columnLetters } from '../layout/grid';
import { PLAIN_TEXT } from '../plan/cellValue';
import { LEDGER_COLUMN } from './layout';

export const INVOICES_SHEET_NAME = 'Invoices';

/**
 * "Paid by" holds the import key of the Ledger deposit matched to the invoice (src/books/invoiceMatch.ts); it sits in
 * what was the gap before the side panel, so sheets made before it keep their panel where it was.
 */
export const INVOICE_HEADER = [
  'Invoice',
  'Client',
  'Issued',
  'Due',
  'Amount',
  'Paid on',
  'Status',
  'Days late',
  'Paid by',
] as const;
export type InvoiceColumn = (typeof INVOICE_HEADER)[number];

/** 1-based column of each heading. */
export const COLUMN: Record<InvoiceColumn, number> = Object.fromEntries(INVOICE_HEADER.map((h, i) => [h, i + 1])) as Record<
  InvoiceColumn,
  number
>;

/** The first invoice row; row 1 is the frozen header. */
export const FIRST_ROW = 2;

/**
 * Days from issue to due date when the person types no due date: "net 30", the most common term on freelance
 * invoices. The Due cell holds Issued + 30 as a formula; typing a date over it replaces it for that invoice.
 */
const DEFAULT_PAYMENT_DAYS = 30;

export const INVOICE_FORMATS = {
  /** Where the document's locale is not given: the writers pass its own date pattern. */
  date: 'yyyy-mm-dd',
  money: '#,##0.00',
  count: '0',
  days: '0',
  averageDays: '0.0',
} as const;

/** The side panel starts right of the table's last column, Paid by (I). */
export const PANEL_LABEL_COLUMN = 10; // J
export const PANEL_VALUE_COLUMN = PANEL_LABEL_COLUMN + 1; // K

/** Rows of the side panel (1-based sheet rows). */
export const PANEL_ROW = {
  owed: 1,
  overdue: 2,
  asOf: 3,
  aging: 5,
  clientHeading: 12,
  client: 13,
  daysToPay: 14,
  businessHeading: 16,
} as const;

/** The business details printed on every invoice, in the order of the panel's rows. */
export const BUSINESS_FIELDS = [
  { key: 'name', label: 'Your name or business' },
  { key: 'address', label: 'Address' },
  { key: 'email', label: 'Email' },
  { key: 'taxId', label: 'Tax id' },
  { key: 'payment', label: 'Payment details' },
] as const;
type BusinessKey = (typeof BUSINESS_FIELDS)[number]['key'];
export type BusinessDetails = Record<BusinessKey, string>;

export const BUSINESS_FIRST_ROW = PANEL_ROW.businessHeading + 1;
/** A blank row under the business details, then the two lines of how to make an invoice. */
export const PANEL_LAST_ROW = BUSINESS_FIRST_ROW + BUSINESS_FIELDS.length + 2;
/** Label, value and the aging table's third column. */
export const PANEL_COLUMNS = 3;

/** Named ranges the totals are published under, for formulas elsewhere in the spreadsheet. */
export const INVOICE_NAMED_RANGES = {
  JW_OWED_TO_YOU: PANEL_ROW.owed,
  JW_OVERDUE: PANEL_ROW.overdue,
} as const;

const col = (name: InvoiceColumn): string => columnLetters(COLUMN[name]);
const panelValue = (row: number): string => `${columnLetters(PANEL_VALUE_COLUMN)}${row}`;
const AS_OF_CELL = panelValue(PANEL_ROW.asOf);
const CLIENT_CELL = panelValue(PANEL_ROW.client);

/** The cells of one column of the table, e.g. D2:D1000. */
const columnRange = (name: InvoiceColumn, lastRow: number): string => `${col(name)}${FIRST_ROW}:${col(name)}${lastRow}`;

/**
 * The Paid on cell of an invoice matched to a deposit: the date of the Ledger row whose Import key the row's Paid by
 * holds. Looked up by key (INDEX/MATCH over whole columns), so the link holds when the Ledger is sorted or filtered
 * and editing the Ledger row's date moves Paid on. A key no longer in the Ledger leaves the cell blank (not #N/A,
 * which RECEIVABLES_AGING and CLIENT_DAYS_TO_PAY would refuse for the whole column), and Status says why.
 * MATCH with search_type 0 is the exact match "required in situations where range is not sorted" (Google, MATCH
 * function, https://support.google.com/docs/answer/3093378).
 */
export function paidOnFormula(row: number, ledgerSheet: string): string {
  const ledger = `'${ledgerSheet.replace(/'/g, "''")}'`;
  const column = (c: number) => `${ledger}!$${columnLetters(c)}:$${columnLetters(c)}`;
  return `=IFERROR(INDEX(${column(LEDGER_COLUMN.date)},MATCH($${col('Paid by')}${row},${column(LEDGER_COLUMN.importKey)},0)),"")`;
}

/** The Due cell of a row: Issued + 30 days once an issue date is typed, blank before. */
export function dueFormula(row: number): string {
  const issued = `${col('Issued')}${row}`;
  return `=IF(${issued}="","",${issued}+${DEFAULT_PAYMENT_DAYS})`;
}

const days = (n: string): string => `${n}&IF(${n}=1," day"," days")`;

/**
 * Status of every row, one ARRAYFORMULA. Blank rows show nothing. A paid date on or before the as-of day is
 * "Paid"; a paid date after it still counts as owed on that day, as RECEIVABLES_AGING counts it. Otherwise the
 * due date against the as-of day: "Due in N days", "Due today" or "Overdue N days". A cell that stops the
 * status from being worked out says which column to fix.
 */
export function statusFormula(lastRow: number): string {
  const r = (name: InvoiceColumn) => columnRange(name, lastRow);
  const asOf = `$${columnLetters(PANEL_VALUE_COLUMN)}$${PANEL_ROW.asOf}`;
  const due = `INT(${r('Due')})`;
  const paid = r('Paid on');
  return (
    `=ARRAYFORMULA(IF(${blankRow(lastRow)},"",` +
    `IF(NOT(ISNUMBER(${asOf})),"As of (${AS_OF_CELL}): type a date",` +
    `IF((${r('Paid by')}<>"")*NOT(ISNUMBER(${paid})),"Paid by: deposit not in the Ledger",` +
    `IF((${paid}<>"")*NOT(ISNUMBER(${paid})),"Paid on: type a date",` +
    `IF(ISNUMBER(${paid})*(INT(${paid})<=${asOf}),"Paid",` +
    `IF(NOT(ISNUMBER(${r('Due')})),"Due: type a date",` +
    `IF(NOT(ISNUMBER(${r('Amount')})),"Amount: type a number",` +
    `IF(${due}>${asOf},"Due in "&${days(`(${due}-${asOf})`)},` +
    `IF(${due}=${asOf},"Due today","Overdue "&${days(`(${asOf}-${due})`)}))))))))))`
  );
}

/**
 * Days late of every row: for an invoice still owed, days past its due date on the as-of day (0 before it);
 * for a paid one, how many days after its due date it was paid (0 when on time). Blank when Status is not a
 * plain state (blank row or a cell to fix).
 */
export function daysLateFormula(lastRow: number): string {
  const r = (name: InvoiceColumn) => columnRange(name, lastRow);
  const asOf = `$${columnLetters(PANEL_VALUE_COLUMN)}$${PANEL_ROW.asOf}`;
  const status = r('Status');
  const due = `INT(${r('Due')})`;
  const late = (to: string) => `IF(${to}-${due}>0,${to}-${due},0)`;
  return (
    `=ARRAYFORMULA(IF(${blankRow(lastRow)},"",` +
    `IF(${status}="Paid",${late(`INT(${r('Paid on')})`)},` +
    `IF((LEFT(${status},3)="Due")*(${status}<>"Due: type a date")+(LEFT(${status},7)="Overdue"),${late(asOf)},""))))`
  );
}

/** A row is blank when none of the person's own columns holds anything (Due follows Issued, so it is left out). */
function blankRow(lastRow: number): string {
  const own: InvoiceColumn[] = ['Invoice', 'Client', 'Issued', 'Amount', 'Paid on'];
  return `LEN(${own.map((c) => columnRange(c, lastRow)).join('&')})=0`;
}

interface InvoicesPanel {
  /** PANEL_LAST_ROW rows x PANEL_COLUMNS cells, from row 1 of the label column. */
  cells: Cell[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  notes: string[][];
}

const text = (t: string): Cell => ({ text: t });

/** The side panel: totals, as-of day, the aging table, the days-to-pay lookup and the business details (blank). */
export function invoicesPanel(
  lastRow: number,
  money: string = INVOICE_FORMATS.money,
  /** The document's date pattern (src/plan/currency.ts dateFormat). */
  date: string = INVOICE_FORMATS.date,
): InvoicesPanel {
  const r = (name: InvoiceColumn) => columnRange(name, lastRow);
  const rows = PANEL_LAST_ROW;
  const cells: Cell[][] = Array.from({ length: rows }, () => Array<Cell>(PANEL_COLUMNS).fill(null));
  const numberFormats = Array.from({ length: rows }, () => Array<string>(PANEL_COLUMNS).fill('General'));
  const fontWeights = Array.from({ length: rows }, () => Array<'bold' | 'normal'>(PANEL_COLUMNS).fill('normal'));
  const notes = Array.from({ length: rows }, () => Array<string>(PANEL_COLUMNS).fill(''));
  const set = (row: number, column: 0 | 1 | 2, cell: Cell, format?: string, bold = false, note = '') => {
    cells[row - 1][column] = cell;
    if (format) numberFormats[row - 1][column] = format;
    if (bold) fontWeights[row - 1][column] = 'bold';
    if (note) notes[row - 1][column] = note;
  };
  const asOf = `$${columnLetters(PANEL_VALUE_COLUMN)}$${PANEL_ROW.asOf}`;

  set(PANEL_ROW.owed, 0, text('Owed to you'), undefined, true);
  // Every row not yet paid: blank rows add nothing, and a row whose status asks for a fix is still owed.
  set(PANEL_ROW.owed, 1, { formula: `=SUMIFS(${r('Amount')},${r('Status')},"<>Paid")` }, money, true);
  set(PANEL_ROW.overdue, 0, text('Overdue'), undefined, true);
  set(PANEL_ROW.overdue, 1, { formula: `=SUMIFS(${r('Amount')},${r('Status')},"Overdue*")` }, money, true);
  set(PANEL_ROW.asOf, 0, text('As of'));
  set(
    PANEL_ROW.asOf,
    1,
    { formula: '=TODAY()' },
    date,
    false,
    'Statuses, totals and the aging table count from this day. It is TODAY(); type a date to see them as of another day.',
  );
  // RECEIVABLES_AGING takes the as-of day from a cell: a volatile TODAY() typed as a custom function's argument
  // would leave it loading for ever.
  set(PANEL_ROW.aging, 0, { formula: `=RECEIVABLES_AGING(${r('Due')},${r('Amount')},${r('Paid on')},${asOf})` });
  for (let i = 1; i <= 5; i++) {
    numberFormats[PANEL_ROW.aging - 1 + i][1] = money;
    numberFormats[PANEL_ROW.aging - 1 + i][2] = INVOICE_FORMATS.count;
  }
  fontWeights[PANEL_ROW.aging - 1] = ['bold', 'bold', 'bold'];

  set(PANEL_ROW.clientHeading, 0, text('Days a client takes to pay'), undefined, true);
  set(PANEL_ROW.client, 0, text('Client'));
  set(PANEL_ROW.client, 1, null, undefined, false, "Type a client's name as it is in the Client column.");
  set(PANEL_ROW.daysToPay, 0, text('Average days to pay'));
  set(
    PANEL_ROW.daysToPay,
    1,
    { formula: `=IF(${CLIENT_CELL}="","",CLIENT_DAYS_TO_PAY(${r('Client')},${r('Issued')},${r('Paid on')},${CLIENT_CELL}))` },
    INVOICE_FORMATS.averageDays,
  );

  set(PANEL_ROW.businessHeading, 0, text('Business details (printed on invoices)'), undefined, true);
  BUSINESS_FIELDS.forEach((field, i) => {
    set(BUSINESS_FIRST_ROW + i, 0, text(field.label));
  });
  // Two lines, each within the panel's width: one line ran on past column L, out of a laptop's window.
  set(
    PANEL_LAST_ROW - 1,
    0,
    text('Make an invoice: select its row, then'),
    undefined,
    false,
    'Make invoice lays the row out as a printable sheet "Invoice <number>", ready for File > Download > PDF.',
  );
  set(PANEL_LAST_ROW, 0, text(`Extensions > ${PRODUCT_NAME} > Make invoice.`));
  return { cells, numberFormats, fontWeights, notes };
}

interface InvoicesTable {
  /** lastRow rows x 8 columns, header included. Empty cells are null. */
  cells: Cell[][];
  numberFormats: string[][];
}

/** A new table: the header, a Due formula on every row and the two ARRAYFORMULAs in row 2. */
export function newInvoicesTable(
  lastRow: number,
  money: string = INVOICE_FORMATS.money,
  /** The document's date pattern (src/plan/currency.ts dateFormat). */
  date: string = INVOICE_FORMATS.date,
): InvoicesTable {
  const cells: Cell[][] = [INVOICE_HEADER.map(text)];
  for (let row = FIRST_ROW; row <= lastRow; row++) {
    const line: Cell[] = INVOICE_HEADER.map(() => null);
    line[COLUMN.Due - 1] = { formula: dueFormula(row) };
    cells.push(line);
  }
  cells[FIRST_ROW - 1][COLUMN.Status - 1] = { formula: statusFormula(lastRow) };
  cells[FIRST_ROW - 1][COLUMN['Days late'] - 1] = { formula: daysLateFormula(lastRow) };
  return { cells, numberFormats: tableFormats(lastRow, money, date) };
}

/** Formats of the whole table, header included: dates, money and whole days. */
function tableFormats(lastRow: number, money: string, date: string): string[][] {
  const formatOf: Record<InvoiceColumn, string> = {
    Invoice: PLAIN_TEXT,
    Client: PLAIN_TEXT,
    Issued: date,
    Due: date,
    Amount: money,
    'Paid on': date,
    Status: 'General',
    'Days late': INVOICE_FORMATS.days,
    'Paid by': PLAIN_TEXT,
  };
  const body = INVOICE_HEADER.map((h) => formatOf[h]);
  return [INVOICE_HEADER.map(() => PLAIN_TEXT), ...Array.from({ length: lastRow - 1 }, () => [...body])];
}

/** Column widths in pixels: the table (Paid by's keys are long: the cell shows their start), then the panel. */
export const INVOICES_COLUMN_WIDTHS = [90, 170, 95, 95, 100, 95, 140, 75, 110, 210, 110, 80];
