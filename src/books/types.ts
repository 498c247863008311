import type { EditedRow, LastImport } from './lastImport';
/** One statement line as read from the bank file: money in positive, money out negative. */
export interface StatementRow {
  date: string /* YYYY-MM-DD */;
  description: string;
  amount: number;
  line: number /* 1-based line in the file */;
}
/** Which columns of the file hold what (0-based indexes), and how its dates and amounts are written. */
export interface ColumnMapping {
  headerLine: number; // 1-based line of the header row (0: no header)
  date: number;
  description: number[]; // description may join several columns (payee + memo)
  amount?: number;
  debit?: number;
  credit?: number; // either amount, or debit and/or credit
  /** A card statement: charges are written positive and payments negative, so every amount is read the other way. */
  chargesPositive?: boolean; // absent: not asked yet (the page asks when the file looks like a card's)
  fee?: number; // a column of fees charged on each row (Revolut's Fee): money out, part of the row's amount
  state?: number; // a column saying whether the bank completed the row (Revolut's State: COMPLETED, PENDING)
  dateOrder: 'ymd' | 'mdy' | 'dmy';
  decimal: '.' | ',';
  delimiter: ',' | ';' | '\t';
}
export interface ImportRequest {
  rows: StatementRow[];
  account: string; // the Ledger's Account column, e.g. "Chase checking" (the person types it; default file name)
  layoutKey: string; // identifies the file layout (e.g. the normalised header line) to remember the mapping
  mapping: ColumnMapping; // remembered per layoutKey in document properties for next time
  /** The currency the statement names (ISO code, or "$" for a dollar sign alone); absent when it names none. */
  currency?: string;
  /** Units of the spreadsheet's currency one unit of the statement's was worth, given by the person for this import. */
  rate?: number;
}
export interface ImportResult {
  imported: number;
  skippedAlreadyInLedger: number;
  repeatedInStatement: number;
  uncategorised: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Set when the amounts were converted at a rate the person gave (each row's Notes says so). */
  converted?: { from: string | null; to: string | null; rate: number };
  /** The record of this import, which the page offers to undo; absent when it added no row. */
  lastImport?: LastImport;
}
/** What the import page learns before it shows anything: the document's styles and the last import. */
export interface ImportPageStart {
  /** The spreadsheet locale's date pattern (src/plan/currency.ts dateFormat): the preview's dates follow it. */
  datePattern: string;
  /** The spreadsheet locale's grouping and decimal characters, for the preview's amounts. */
  numbers: { group: string; decimal: string };
  lastImport: LastImport | null;
}
export interface UndoImportRequest {
  /** The import the page showed (LastImport.id). */
  importId: string;
  /** Remove the rows the person changed since the import too (asked first). */
  removeEdited: boolean;
}
export interface UndoImportResult {
  /**
   * removed: the rows found are gone; edited: some were changed since, nothing removed (ask, then send removeEdited);
   * none-found: none of its rows is in the Ledger any more, nothing removed and the record forgotten.
   */
  status: 'removed' | 'edited' | 'none-found';
  removed: number;
  /** Rows the import wrote that were not found. */
  missing: number;
  edited: EditedRow[];
  /** The import this was about. */
  lastImport: LastImport;
}
