/**
 * Writes the Ledger, Categories and Books sheets and appends imported rows: the only code that calls SpreadsheetApp
 * for the books. Sheets are found by name (the names are a contract) and made only when missing, so nothing a
 * person typed on them is ever overwritten. Each sheet is written in a few batched calls; an append is one
 * insertRowsAfter, one setValues and a fixed number of format calls, whatever the number of rows.
 */
import { KINDS } from '../books/categories';
import { BOOKS_COUNTRIES, type BooksCountryKey, booksCountryKey, booksYearOfDay } from '../books/country';
import { COUNTRY_CATEGORIES } from '../books/countryCategories';
import { duplicateKey, LAST_IMPORT_METADATA_KEY, type LastImport, lastImportText, parseLastImport } from '../books/lastImport';
import {
  BOOKS,
  BOOKS_MONTH_HEADER,
  BOOKS_SHEET,
  type BooksLayout,
  booksMoney,
  CATEGORIES_SHEET,
  LEDGER_COLUMN,
  LEDGER_HEADER,
  LEDGER_SHEET,
  type LedgerCell,
  layoutBooks,
  layoutCategories,
  layoutLedger,
  ledgerRowFormats,
  type SheetGrid,
} from '../books/layout';
import { columnLetters } from '../layout/grid';
import { taxCountryOfLocale } from '../plan/answers';
import { cellValue } from '../plan/cellValue';
import { pointName } from './names';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface BooksSheets {
  ledger: Sheet;
  categories: Sheet;
  books: Sheet;
  /** The sheets this call made (a failure later in the same call removes them again). */
  created: Sheet[];
}

const LEDGER_WIDTH = LEDGER_HEADER.length;

/** One cell as setValues writes it: an ISO date as input Sheets reads as a date; text never as a formula. */
function ledgerValue(cell: LedgerCell): string | number | boolean {
  return cell !== null && 'isoDate' in cell ? cell.isoDate : cellValue(cell);
}

/** The grid's values, formats, weights and fills from A1, in four calls. */
function writeGrid(sheet: Sheet, grid: SheetGrid): GoogleAppsScript.Spreadsheet.Range {
  const range = sheet.getRange(1, 1, grid.cells.length, grid.cells[0].length);
  range.setValues(grid.cells.map((row) => row.map((cell) => cellValue(cell))));
  range.setNumberFormats(grid.numberFormats);
  range.setFontWeights(grid.fontWeights);
  range.setBackgrounds(grid.backgrounds);
  return range;
}

/** Widths by runs of equal width: one call per run. */
function setWidths(sheet: Sheet, widths: readonly number[]): void {
  let start = 0;
  for (let c = 1; c <= widths.length; c++) {
    if (c === widths.length || widths[c] !== widths[start]) {
      sheet.setColumnWidths(start + 1, c - start, widths[start]);
      start = c;
    }
  }
}

/** The Ledger's Category dropdown: the Categories sheet's Category column, refusing other text. */
function categoryRule(categories: Sheet): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInRange(categories.getRange('A2:A'), true)
    .setAllowInvalid(false)
    .setHelpText('Choose a category from the Categories sheet; add a row there for a new one.')
    .build();
}

function writeCategories(sheet: Sheet, country: BooksCountryKey): void {
  const layout = layoutCategories(COUNTRY_CATEGORIES[country], country);
  writeGrid(sheet, layout);
  sheet.getRange(layout.kindRange).setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...KINDS], true)
      .setAllowInvalid(false)
      .setHelpText(`Kind is one of: ${KINDS.join(', ')}.`)
      .build(),
  );
  sheet.setFrozenRows(1);
  setWidths(sheet, layout.columnWidths);
}

function writeLedger(sheet: Sheet, categories: Sheet): void {
  const layout = layoutLedger();
  writeGrid(sheet, layout);
  const last = columnLetters(LEDGER_WIDTH);
  sheet.getRange(`A:${last}`).createFilter();
  const category = columnLetters(LEDGER_COLUMN.category);
  sheet.getRange(`${category}2:${category}`).setDataValidation(categoryRule(categories));
  sheet.setFrozenRows(1);
  setWidths(sheet, layout.columnWidths);
  // The key is the import's bookkeeping, not the person's: hidden, not deleted, so re-imports still recognise rows.
  sheet.hideColumns(LEDGER_COLUMN.importKey);
}

function writeBooks(spreadsheet: Spreadsheet, sheet: Sheet, layout: BooksLayout): void {
  writeGrid(sheet, layout);
  // The month table's headings are longer than its columns are wide: wrapped, they show whole.
  sheet.getRange(BOOKS.monthHeaderRow, 1, 1, BOOKS_MONTH_HEADER.length).setWrap(true);
  const names = Object.keys(layout.namedRanges);
  const ranges = sheet.getRangeList(names.map((n) => layout.namedRanges[n])).getRanges();
  names.forEach((name, i) => {
    pointName(spreadsheet, name, ranges[i]);
  });
  setWidths(sheet, layout.columnWidths);
}

/**
 * The Ledger's address for links from Books: the spreadsheet's URL with the sheet's id, the form Insert > Link writes
 * for a sheet. A full https URL, since the HYPERLINK page documents only links with a protocol (support.google.com/
 * docs/answer/3093313: without one, http:// is put in front).
 */
const ledgerUrl = (spreadsheet: Spreadsheet, ledger: Sheet): string => `${spreadsheet.getUrl()}#gid=${ledger.getSheetId()}`;

/** This tax year in the spreadsheet's own time zone: the year the person is in (in the UK, from 6 April). */
function thisYear(spreadsheet: Spreadsheet, country: BooksCountryKey): number {
  const today = Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
  return booksYearOfDay(BOOKS_COUNTRIES[country], today);
}

/**
 * The country the Books follow: the plan's tax setting, told by the inputs only it names (src/plan/blocks/
 * taxSettings.ts: JW_UK_REGION for the UK, JW_PROVINCE_TAX_RATE for Canada, JW_FILING_STATUS for the US
 * estimate). A flat-rate plan names none of them: it is the US's when its tax calendar has dates (elsewhere the
 * plan's first payment reads "No calendar"). Without a plan, the spreadsheet's locale decides.
 */
export function booksCountryOf(spreadsheet: Spreadsheet): BooksCountryKey {
  const has = (name: string) => spreadsheet.getRangeByName(name) !== null;
  if (has('JW_UK_REGION')) return 'uk';
  if (has('JW_PROVINCE_TAX_RATE')) return 'canada';
  if (has('JW_FILING_STATUS')) return 'us';
  const flat = spreadsheet.getRangeByName('JW_FIRST_TAX_DATE');
  if (flat) return flat.getDisplayValue() === 'No calendar' ? 'elsewhere' : 'us';
  return booksCountryKey(taxCountryOfLocale(spreadsheet.getSpreadsheetLocale()));
}

/**
 * The three sheets, made where missing (Categories first: the Ledger's dropdown and the Books formulas read it).
 * A failure part-way removes the sheets this call made, so a half-written sheet is never left behind.
 */
export function ensureBooksSheets(spreadsheet: Spreadsheet): BooksSheets {
  const created: Sheet[] = [];
  try {
    let categories = spreadsheet.getSheetByName(CATEGORIES_SHEET);
    let ledger = spreadsheet.getSheetByName(LEDGER_SHEET);
    let books = spreadsheet.getSheetByName(BOOKS_SHEET);
    // Asked only when a sheet is to be made (the sheets already there keep what the person made of them).
    const country = categories && ledger && books ? null : booksCountryOf(spreadsheet);
    if (!categories) {
      categories = spreadsheet.insertSheet(CATEGORIES_SHEET);
      created.push(categories);
      writeCategories(categories, country ?? 'us');
    }
    if (!ledger) {
      ledger = spreadsheet.insertSheet(LEDGER_SHEET);
      created.push(ledger);
      writeLedger(ledger, categories);
    }
    if (!books) {
      books = spreadsheet.insertSheet(BOOKS_SHEET);
      created.push(books);
      const locale = spreadsheet.getSpreadsheetLocale();
      writeBooks(
        spreadsheet,
        books,
        layoutBooks(
          thisYear(spreadsheet, country ?? 'us'),
          booksMoney(locale),
          locale,
          ledgerUrl(spreadsheet, ledger),
          country ?? 'us',
        ),
      );
    }
    return { ledger, categories, books, created };
  } catch (error) {
    removeSheets(spreadsheet, created);
    throw error;
  }
}

/** Removes sheets made by a call that then failed (newest first). */
export function removeSheets(spreadsheet: Spreadsheet, sheets: readonly Sheet[]): void {
  for (const sheet of [...sheets].reverse()) spreadsheet.deleteSheet(sheet);
}

/** The Ledger's header, checked: rows are appended by position, so moved columns would scramble them. */
export function checkLedgerHeader(
  ledger: Sheet,
  after: { retry: string; nothing: string } = { retry: 'import again', nothing: 'Nothing was imported.' },
): void {
  const header = ledger
    .getRange(1, 1, 1, LEDGER_WIDTH)
    .getValues()[0]
    .map((h) => String(h).trim());
  if (LEDGER_HEADER.every((h, i) => header[i].toLowerCase() === h.toLowerCase())) return;
  throw new Error(
    `The Ledger sheet's first row should read ${LEDGER_HEADER.join(' | ')}, but it reads ${header.join(' | ')}. ` +
      `Put the columns back in that order (add your own columns after them), then ${after.retry}. ${after.nothing}`,
  );
}

/** The ledger's last used row (at least the header's) and its Import key column below the header, in two calls. */
export function readLedgerKeys(ledger: Sheet): { lastRow: number; keys: unknown[] } {
  const lastRow = Math.max(1, ledger.getLastRow());
  const column = ledger.getRange(1, LEDGER_COLUMN.importKey, lastRow, 1).getValues();
  // Without the import's tag: a row is the same bank line whichever import wrote it.
  return { lastRow, keys: column.slice(1).map((row) => duplicateKey(row[0])) };
}

/**
 * Appends rows below `lastRow` all or nothing: new rows are inserted (so the person's rows below the data, if any,
 * and every existing row stay as they are), written, formatted and given the Category dropdown; any failure
 * after the insert deletes the inserted rows again, leaving the ledger as it was.
 */
export function appendLedgerRows(
  ledger: Sheet,
  categories: Sheet,
  lastRow: number,
  rows: LedgerCell[][],
  /** The document's date pattern (src/plan/currency.ts dateFormat). */
  date: string,
  /** Work that belongs to the same all-or-nothing write (the record of the import): its failure removes the rows. */
  alsoWrite: () => void = () => {},
): void {
  const count = rows.length;
  if (count === 0) return;
  ledger.insertRowsAfter(lastRow, count);
  try {
    const block = ledger.getRange(lastRow + 1, 1, count, LEDGER_WIDTH);
    block.setValues(rows.map((row) => row.map(ledgerValue)));
    // Rows inserted below the header take its bold and fill; the ledger's rows are plain.
    block.clearFormat();
    // Dates as the document writes them (en_GB 1 Jul 2027, de_DE 01.07.2027), as on the plan and the Books.
    block.setNumberFormats(ledgerRowFormats(count, date));
    ledger.getRange(lastRow + 1, LEDGER_COLUMN.category, count, 1).setDataValidation(categoryRule(categories));
    alsoWrite();
  } catch (error) {
    ledger.deleteRows(lastRow + 1, count);
    throw error;
  }
}

// ---------------------------------------------------------------- The last import's record

/**
 * The record of the last import lives in the Ledger sheet's developer metadata: part of the Spreadsheet service, so it
 * needs no scope beyond spreadsheets.currentonly (Sheet.addDeveloperMetadata, developers.google.com/apps-script/
 * reference/spreadsheet/sheet), and it goes with the Ledger: "If the associated object is deleted then its metadata is
 * deleted too" (REST Resource: spreadsheets.developerMetadata, developers.google.com/sheets/api/reference/rest/v4/
 * spreadsheets.developerMetadata). A few hundred characters, far inside the 30,000 a location may hold
 * ("Read, write, and search metadata", developers.google.com/sheets/api/guides/metadata).
 */
function lastImportMetadata(ledger: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return ledger.getDeveloperMetadata().filter((m) => m.getKey() === LAST_IMPORT_METADATA_KEY);
}

/** The last import's record, or null. */
export function readLastImport(ledger: Sheet): LastImport | null {
  const found = lastImportMetadata(ledger);
  return found.length > 0 ? parseLastImport(found[0].getValue()) : null;
}

/** Replaces the record with this import's. */
export function writeLastImport(ledger: Sheet, record: LastImport): void {
  const found = lastImportMetadata(ledger);
  if (found.length > 0) found[0].setValue(lastImportText(record));
  else ledger.addDeveloperMetadata(LAST_IMPORT_METADATA_KEY, lastImportText(record));
}

/** Forgets the record (after an undo). */
export function forgetLastImport(ledger: Sheet): void {
  for (const m of lastImportMetadata(ledger)) m.remove();
}

/**
 * Deletes Ledger rows all or nothing. The rows are deleted in runs of consecutive rows, bottom run first, so the rows
 * above each run stay where they were; if a deletion (or `alsoWrite`) fails, the runs already deleted are put back,
 * top one first, with their values, formulas, number formats, weights, fills and the Category dropdown, so the
 * Ledger is as it was. Person's own columns to the right of the Ledger's go and come back with the rows.
 */
/** What getNumberFormats reports for a cell never given a format. */
const UNFORMATTED = '0.###############';

export function deleteLedgerRows(
  ledger: Sheet,
  categories: Sheet | null,
  runs: readonly { start: number; count: number }[],
  alsoWrite: () => void = () => {},
): void {
  if (runs.length === 0) {
    alsoWrite();
    return;
  }
  const width = Math.max(LEDGER_WIDTH, ledger.getLastColumn());
  const top = Math.min(...runs.map((r) => r.start));
  const bottom = Math.max(...runs.map((r) => r.start + r.count - 1));
  // One read of everything that could need putting back, from the top run to the bottom one.
  const span = ledger.getRange(top, 1, bottom - top + 1, width);
  const values = span.getValues();
  const formulas = span.getFormulas();
  const formats = span.getNumberFormats();
  const weights = span.getFontWeights();
  const fills = span.getBackgrounds();
  const deleted: { start: number; count: number }[] = [];
  // Sheets refuses to delete all of a sheet's rows below its frozen ones (deleteRows fails; the emulator does the
  // same): a Ledger trimmed to exactly its rows gets one blank row at the bottom first, taken away again on a failure.
  const maxRows = ledger.getMaxRows();
  const total = runs.reduce((sum, r) => sum + r.count, 0);
  let spareAdded = false;
  try {
    if (total >= maxRows - ledger.getFrozenRows()) {
      ledger.insertRowsAfter(maxRows, 1);
      spareAdded = true;
    }
    for (const run of runs) {
      ledger.deleteRows(run.start, run.count);
      deleted.push(run);
    }
    alsoWrite();
  } catch (error) {
    for (const run of deleted.reverse()) {
      const from = run.start - top;
      const slice = <T>(grid: T[][]) => grid.slice(from, from + run.count);
      ledger.insertRowsBefore(run.start, run.count);
      const block = ledger.getRange(run.start, 1, run.count, width);
      // Text goes back as text, never read as a number or a formula; a formula goes back as the formula.
      block.setValues(
        slice(values).map((row, r) =>
          row.map((value, c) => {
            const formula = formulas[from + r][c];
            if (formula) return formula;
            return typeof value === 'string' ? cellValue({ text: value }) : value;
          }),
        ),
      );
      // Cleared first (inserted rows take the formats of a neighbour); then the formats read, except the trailing
      // columns that held none: getNumberFormats reports a cell never formatted as "0.###############", and writing
      // that back would make it a cell that shows 37 as "37.".
      block.clearFormat();
      const runFormats = slice(formats);
      let formatted = width;
      while (formatted > LEDGER_WIDTH && runFormats.every((row) => row[formatted - 1] === UNFORMATTED)) formatted--;
      ledger.getRange(run.start, 1, run.count, formatted).setNumberFormats(runFormats.map((row) => row.slice(0, formatted)));
      block.setFontWeights(slice(weights));
      block.setBackgrounds(slice(fills));
      if (categories)
        ledger.getRange(run.start, LEDGER_COLUMN.category, run.count, 1).setDataValidation(categoryRule(categories));
    }
    if (spareAdded) ledger.deleteRows(maxRows + 1, 1);
    throw error;
  }
}
