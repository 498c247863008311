/**
 * The books on the server: import a bank statement into the Ledger, remember each file layout's column mapping,
 * set up the Ledger, Categories and Books sheets, and open the import page.
 */
import { categorise, readCategoryRules, UNCATEGORISED } from '../books/categories';
import { copiesInStatement, copyNote, sortOutDuplicates } from '../books/duplicates';
import { mappingProblem, validateImportRequest } from '../books/importRequest';
import { type LastImport, type LedgerRowNow, newImportId, planUndo, rowRunsBottomUp, tagLedgerRows } from '../books/lastImport';
import { CATEGORIES_SHEET, LEDGER_COLUMN, LEDGER_SHEET, ledgerRows } from '../books/layout';
import { type RowsInBookCurrency, rowsInBookCurrency } from '../books/statementCurrency';
import type {
  ColumnMapping,
  ImportPageStart,
  ImportRequest,
  ImportResult,
  StatementRow,
  UndoImportRequest,
  UndoImportResult,
} from '../books/types';
import { dateFormat, localeCurrency, separators } from '../plan/currency';
import {
  appendLedgerRows,
  checkLedgerHeader,
  deleteLedgerRows,
  ensureBooksSheets,
  forgetLastImport,
  readLastImport,
  readLedgerKeys,
  removeSheets,
  writeLastImport,
} from './booksWriter';
import { PROPERTY_VALUE_LIMIT_BYTES, utf8Bytes } from './drafts';
import { underDocumentLock } from './lock';

/** How long an import waits for another import (or a plan build) in the same spreadsheet. */
const IMPORT_LOCK_WAIT_MS = 30000;
export const IMPORT_RUNNING_MESSAGE =
  'Another import or build is still running in this spreadsheet. Wait a moment and import again: ' +
  'rows already in the Ledger are recognised and not added twice.';

/** The HTML file name (without .html) of the import page in dist/. */
const IMPORT_PAGE = 'Import';

const MAPPING_KEY_PREFIX = 'leap.statementMapping.';

/**
 * A short property key for a layout key of any length (a whole header line can be long). FNV-1a, 32 bits: a clash
 * is caught on reading, since the stored value carries the full layout key.
 */
function mappingPropertyKey(layoutKey: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < layoutKey.length; i++) {
    hash ^= layoutKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${MAPPING_KEY_PREFIX}${hash.toString(16).padStart(8, '0')}`;
}

/**
 * Remembering is a convenience for the next import of the same layout: a layout too long to store, or a store that
 * is full (500 KB a document) or failing, only means the page asks for the columns again. It must not stop the
 * import, or a full store would block every import for good.
 */
function rememberMapping(layoutKey: string, mapping: ColumnMapping): boolean {
  const text = JSON.stringify({ layoutKey, mapping });
  if (utf8Bytes(text) > PROPERTY_VALUE_LIMIT_BYTES) return false;
  try {
    PropertiesService.getDocumentProperties().setProperty(mappingPropertyKey(layoutKey), text);
    return true;
  } catch {
    return false;
  }
}

/** The mapping remembered for a file layout, or null (also when what is stored is no longer usable). */
export function getStatementMapping(layoutKey: unknown): ColumnMapping | null {
  if (typeof layoutKey !== 'string' || layoutKey === '') return null;
  const raw = PropertiesService.getDocumentProperties().getProperty(mappingPropertyKey(layoutKey));
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as { layoutKey?: unknown; mapping?: unknown };
    if (stored.layoutKey !== layoutKey || mappingProblem(stored.mapping) !== null) return null;
    return stored.mapping as ColumnMapping;
  } catch {
    return null;
  }
}

export function importStatement(raw: unknown): ImportResult {
  // Checked before any service call: a refused statement writes nothing.
  const request = validateImportRequest(raw);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // One currency per book: a statement in another is refused here, before anything is written, unless the person
  // gave a rate for this import (then every row is converted and its Notes say from what, at what rate).
  const locale = spreadsheet.getSpreadsheetLocale();
  const inBook = rowsInBookCurrency(request, localeCurrency(locale)?.code);
  return underDocumentLock(IMPORT_LOCK_WAIT_MS, IMPORT_RUNNING_MESSAGE, () =>
    importUnderLock(spreadsheet, { ...request, rows: inBook.rows }, inBook, dateFormat(locale)),
  );
}

function importUnderLock(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  request: ImportRequest,
  inBook: RowsInBookCurrency,
  /** The document's date pattern, for the Ledger's dates. */
  date: string,
): ImportResult {
  const noteOf = new Map<StatementRow, string>();
  const notes = inBook.notes ?? [];
  for (let i = 0; i < notes.length; i++) noteOf.set(inBook.rows[i], notes[i]);
  const sheets = ensureBooksSheets(spreadsheet);
  try {
    checkLedgerHeader(sheets.ledger);
    // Read once, at import time: edits to the Categories sheet apply from the next import on.
    const rules = readCategoryRules(sheets.categories.getDataRange().getValues());
    // Read after taking the lock, so an import that waited sees the rows the one before it added.
    const { lastRow, keys } = readLedgerKeys(sheets.ledger);
    const sorted = sortOutDuplicates(request.rows, keys);
    // Banks export newest first as often as oldest first; appended oldest first (a stable sort keeps a day's rows
    // in the statement's order), successive imports read as one ledger in date order.
    sorted.fresh.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const categoryOf = new Map<StatementRow, string>(
      sorted.fresh.map((row) => [row, categorise(row.description, rules, row.amount)]),
    );
    rememberMapping(request.layoutKey, request.mapping);
    const cells = ledgerRows(sorted.fresh, request.account, (row) => categoryOf.get(row) as string);
    // Rows a statement holds more than once are all kept (they can be real) and marked as copies in Notes, beside
    // any conversion note; a copy already in the Ledger from an earlier import is not written again.
    const copies = copiesInStatement(request.rows);
    sorted.fresh.forEach((row, i) => {
      const copy = copies.get(row);
      const notes = [noteOf.get(row), copy ? copyNote(copy) : undefined].filter((n): n is string => n !== undefined);
      if (notes.length > 0) cells[i][LEDGER_COLUMN.notes - 1] = { text: notes.join(' ') };
    });
    const dates = sorted.fresh.map((row) => row.date).sort();
    // Each row carries the import's id, and the Ledger a record of this import, so it can be undone. An import that
    // adds nothing leaves the record of the one before: undoing removes the rows an import added.
    const record: LastImport = {
      id: newImportId(Date.now(), Math.random()),
      rows: cells.length,
      account: request.account,
      firstDate: dates[0] ?? null,
      lastDate: dates[dates.length - 1] ?? null,
      importedAt: new Date().toISOString(),
    };
    tagLedgerRows(cells, record.id);
    appendLedgerRows(sheets.ledger, sheets.categories, lastRow, cells, date, () => writeLastImport(sheets.ledger, record));
    return {
      imported: sorted.fresh.length,
      skippedAlreadyInLedger: sorted.alreadyInLedger,
      repeatedInStatement: sorted.repeatedInStatement,
      uncategorised: [...categoryOf.values()].filter((c) => c === UNCATEGORISED).length,
      firstDate: dates[0] ?? null,
      lastDate: dates[dates.length - 1] ?? null,
      ...(inBook.converted ? { converted: inBook.converted } : {}),
      ...(cells.length > 0 ? { lastImport: record } : {}),
    };
  } catch (error) {
    removeSheets(spreadsheet, sheets.created);
    throw error;
  }
}

/**
 * The import page's first call, before it shows anything read from a file: the document's date pattern and number
 * separators (the preview shows dates and amounts as the spreadsheet does, not as the browser's language would), and
 * the last import, which the page offers to undo. Reads only: opening the page makes no sheet.
 */
export function getImportPage(): ImportPageStart {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const locale = spreadsheet.getSpreadsheetLocale();
  const ledger = spreadsheet.getSheetByName(LEDGER_SHEET);
  return { datePattern: dateFormat(locale), numbers: separators(locale), lastImport: ledger ? readLastImport(ledger) : null };
}

const NOTHING_TO_UNDO = 'There is no import to undo: the Ledger keeps a record of its last import only, and it has none now.';

/** A Ledger date cell as YYYY-MM-DD in the spreadsheet's time zone ('' when it holds no date). */
const isoDay = (value: unknown, timeZone: string): string =>
  value instanceof Date ? Utilities.formatDate(value, timeZone, 'yyyy-MM-dd') : '';

/**
 * "Undo last import": removes the rows the last import wrote, found by the import's id in their Import key cells
 * wherever they are now, all or nothing under the document lock. The rule:
 * - rows the person changed since (category, notes, account, date, amount or description) are not removed unless
 *   the request says so (`removeEdited`): the answer lists them, and nothing is written;
 * - rows that are no longer found (deleted by hand, or their hidden key cleared) are counted in the answer; the
 *   rows found are removed, and nothing else is touched;
 * - none found: nothing is removed and the record is forgotten.
 * `importId` is the import the page showed: if another import was made since, the undo is refused.
 */
export function undoLastImport(raw: unknown): UndoImportResult {
  const request = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<UndoImportRequest>;
  if (typeof request.importId !== 'string' || request.importId === '') {
    throw new Error('The undo did not say which import to undo. Close the import page, open it again and press Undo.');
  }
  const removeEdited = request.removeEdited === true;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return underDocumentLock(IMPORT_LOCK_WAIT_MS, IMPORT_RUNNING_MESSAGE, () => {
    const ledger = spreadsheet.getSheetByName(LEDGER_SHEET);
    const record = ledger ? readLastImport(ledger) : null;
    if (!ledger || !record) throw new Error(NOTHING_TO_UNDO);
    if (record.id !== request.importId) {
      throw new Error(
        'Another import was made since this page opened, so the last import is no longer the one shown. ' +
          'Close the import page and open it again to see it. Nothing was removed.',
      );
    }
    // Rows are found and removed by column: a Ledger whose columns were moved is refused, not cut into.
    checkLedgerHeader(ledger, { retry: 'undo again', nothing: 'Nothing was removed.' });
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const lastRow = ledger.getLastRow();
    const read = lastRow < 2 ? [] : ledger.getRange(2, 1, lastRow - 1, LEDGER_COLUMN.importKey).getValues();
    const rows: LedgerRowNow[] = read.map((r, i) => ({
      row: i + 2,
      date: isoDay(r[LEDGER_COLUMN.date - 1], timeZone),
      description: r[LEDGER_COLUMN.description - 1],
      amount: r[LEDGER_COLUMN.amount - 1],
      category: r[LEDGER_COLUMN.category - 1],
      notes: r[LEDGER_COLUMN.notes - 1],
      account: r[LEDGER_COLUMN.account - 1],
      key: r[LEDGER_COLUMN.importKey - 1],
    }));
    const plan = planUndo(rows, record);
    if (plan.found.length === 0) {
      forgetLastImport(ledger);
      return { status: 'none-found', removed: 0, missing: plan.missing, edited: [], lastImport: record };
    }
    if (plan.edited.length > 0 && !removeEdited) {
      return { status: 'edited', removed: 0, missing: plan.missing, edited: plan.edited, lastImport: record };
    }
    deleteLedgerRows(ledger, spreadsheet.getSheetByName(CATEGORIES_SHEET), rowRunsBottomUp(plan.found), () =>
      forgetLastImport(ledger),
    );
    return { status: 'removed', removed: plan.found.length, missing: plan.missing, edited: plan.edited, lastImport: record };
  });
}

/** Menu "Set up Books": makes whichever of the three sheets is missing, then shows the Books sheet. */
export function setUpBooks(): { created: string[] } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return underDocumentLock(IMPORT_LOCK_WAIT_MS, IMPORT_RUNNING_MESSAGE, () => {
    const sheets = ensureBooksSheets(spreadsheet);
    sheets.books.activate();
    return { created: sheets.created.map((s) => s.getName()) };
  });
}

/** Menu "Import bank statement…": the import page, in a dialog wide enough for a preview of the file's columns. */
export function showImport(): void {
  const page = HtmlService.createHtmlOutputFromFile(IMPORT_PAGE).setWidth(760).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(page, 'Import a bank statement');
}
