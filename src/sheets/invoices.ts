/**
 * "Set up invoices": the Invoices sheet, made once and recognised by developer metadata afterwards (also when
 * renamed). Setting it up again repairs only Jumpwise's parts (the header, the Status and Days late formulas, the
 * side panel's labels and formulas, the named totals) and never changes what the person typed in columns A to F:
 * only wholly empty rows (rows added at the bottom) get the Due formula.
 * Writes are batched: one getRangeList for every block, then one call per property of each block.
 */

import {
  BUSINESS_FIELDS,
  BUSINESS_FIRST_ROW,
  type BusinessDetails,
  COLUMN,
  daysLateFormula,
  dueFormula,
  FIRST_ROW,
  INVOICE_HEADER,
  INVOICE_NAMED_RANGES,
  INVOICES_COLUMN_WIDTHS,
  INVOICES_SHEET_NAME,
  invoicesPanel,
  newInvoicesTable,
  PANEL_COLUMNS,
  PANEL_LABEL_COLUMN,
  PANEL_LAST_ROW,
  PANEL_ROW,
  PANEL_VALUE_COLUMN,
  statusFormula,
} from '../books/invoices';
import { PRODUCT_NAME } from '../brand';
import { columnLetters } from '../layout/grid';
import { cellValue, PLAIN_TEXT } from '../plan/cellValue';
import { dateFormat, moneyFormat } from '../plan/currency';
import { underDocumentLock } from './lock';
import { pointName } from './names';
import { LOCK_WAIT_MS } from './planWriter';

/** Marks the Invoices sheet Jumpwise made; the value is the layout version. */
export const INVOICES_METADATA_KEY = 'leap.invoices';
const LAYOUT_VERSION = '1';
/** The business details as last used on an invoice, so a new Invoices sheet and later invoices keep them. */
export const BUSINESS_PROPERTY_KEY = 'leap.business';

const INVOICES_BUSY_MESSAGE = `${PRODUCT_NAME} is already writing to this spreadsheet. Wait for it to finish, then choose Set up invoices again.`;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Invoices sheet Jumpwise made in this spreadsheet, whatever it is called now, or null. */
export function findInvoicesSheet(spreadsheet: Spreadsheet): Sheet | null {
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(INVOICES_METADATA_KEY).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/** The business details kept in the document properties, or null when none were kept yet. */
export function storedBusiness(): BusinessDetails | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(BUSINESS_PROPERTY_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Record<string, unknown>>;
    const details = Object.fromEntries(
      BUSINESS_FIELDS.map((f) => [f.key, typeof parsed[f.key] === 'string' ? parsed[f.key] : '']),
    ) as BusinessDetails;
    return details.name ? details : null;
  } catch {
    // Unreadable details are asked for again on the sheet rather than failing every invoice.
    return null;
  }
}

/** A value read back with getValues, written again as the same thing: text stays text. */
function sameValue(v: unknown, numberFormat?: string): unknown {
  return typeof v === 'string' ? cellValue(v === '' ? null : { text: v }, numberFormat) : v;
}

interface SetupResult {
  sheetName: string;
  /** False when the sheet existed and only Jumpwise's parts were written again. */
  created: boolean;
}

export function setupInvoices(): SetupResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return underDocumentLock(LOCK_WAIT_MS, INVOICES_BUSY_MESSAGE, () => {
    const existing = findInvoicesSheet(spreadsheet);
    return existing ? repair(spreadsheet, existing) : create(spreadsheet);
  });
}

const panelA1 = `${columnLetters(PANEL_LABEL_COLUMN)}1:${columnLetters(PANEL_LABEL_COLUMN + PANEL_COLUMNS - 1)}${PANEL_LAST_ROW}`;

function create(spreadsheet: Spreadsheet): SetupResult {
  let name = INVOICES_SHEET_NAME;
  // A sheet of the person's own called "Invoices" is left alone: Jumpwise's goes beside it.
  for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${INVOICES_SHEET_NAME} ${n}`;
  const sheet = spreadsheet.insertSheet(name);
  try {
    const lastRow = sheet.getMaxRows();
    const money = moneyFormat(spreadsheet.getSpreadsheetLocale(), { cents: true });
    const date = dateFormat(spreadsheet.getSpreadsheetLocale());
    const table = newInvoicesTable(lastRow, money, date);
    const business = storedBusiness();
    const panel = invoicesPanel(lastRow, money, date);
    if (business) {
      BUSINESS_FIELDS.forEach((f, i) => {
        panel.cells[BUSINESS_FIRST_ROW - 1 + i][1] = business[f.key] ? { text: business[f.key] } : null;
      });
    }
    const [tableRange, header, panelRange, ...named] = sheet
      .getRangeList([
        `A1:${columnLetters(INVOICE_HEADER.length)}${lastRow}`,
        `A1:${columnLetters(INVOICE_HEADER.length)}1`,
        panelA1,
        ...Object.values(INVOICE_NAMED_RANGES).map((row) => `${columnLetters(PANEL_VALUE_COLUMN)}${row}`),
      ])
      .getRanges();
    tableRange.setValues(table.cells.map((row) => row.map((cell) => cellValue(cell))));
    tableRange.setNumberFormats(table.numberFormats);
    header.setFontWeight('bold');
    header.setBackground(HEADER_BACKGROUND);
    writePanel(panelRange, panel);
    sheet.setFrozenRows(1);
    let start = 0;
    for (let c = 1; c <= INVOICES_COLUMN_WIDTHS.length; c++) {
      if (c === INVOICES_COLUMN_WIDTHS.length || INVOICES_COLUMN_WIDTHS[c] !== INVOICES_COLUMN_WIDTHS[start]) {
        sheet.setColumnWidths(start + 1, c - start, INVOICES_COLUMN_WIDTHS[start]);
        start = c;
      }
    }
    sheet.addDeveloperMetadata(INVOICES_METADATA_KEY, LAYOUT_VERSION);
    Object.keys(INVOICE_NAMED_RANGES).forEach((n, i) => {
      pointName(spreadsheet, n, named[i]);
    });
  } catch (error) {
    // Nothing of the person's is on a sheet made a moment ago: a half-made one goes, with any name pointing at it.
    for (const range of spreadsheet.getNamedRanges()) {
      if (range.getRange().getSheet().getSheetId() === sheet.getSheetId()) range.remove();
    }
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  sheet.activate();
  return { sheetName: name, created: true };
}

const HEADER_BACKGROUND = '#e8eef7';

function writePanel(range: GoogleAppsScript.Spreadsheet.Range, panel: ReturnType<typeof invoicesPanel>): void {
  range.setValues(panel.cells.map((row) => row.map((cell) => cellValue(cell))));
  range.setNumberFormats(panel.numberFormats);
  range.setFontWeights(panel.fontWeights);
  range.setNotes(panel.notes);
}

/**
 * Writes Jumpwise's parts again over an existing sheet: the person's rows (columns A to F below the header) are not
 * written. Ranges are sized to the sheet's rows now, so rows the person inserted stay covered.
 */
function repair(spreadsheet: Spreadsheet, sheet: Sheet): SetupResult {
  const lastRow = sheet.getMaxRows();
  const computedColumns = `${columnLetters(COLUMN.Status)}${FIRST_ROW}:${columnLetters(COLUMN['Days late'])}`;
  const dueColumn = columnLetters(COLUMN.Due);
  const [header, computed, formulasRow, own, dueRange, panelRange, ...named] = sheet
    .getRangeList([
      `A1:${columnLetters(INVOICE_HEADER.length)}1`,
      `${computedColumns}${lastRow}`,
      `${computedColumns}${FIRST_ROW}`,
      `A${FIRST_ROW}:${columnLetters(COLUMN['Paid on'])}${lastRow}`,
      `${dueColumn}${FIRST_ROW}:${dueColumn}${lastRow}`,
      panelA1,
      ...Object.values(INVOICE_NAMED_RANGES).map((row) => `${columnLetters(PANEL_VALUE_COLUMN)}${row}`),
    ])
    .getRanges();
  const before = panelRange.getValues();
  const formulas = panelRange.getFormulas();
  const locale = spreadsheet.getSpreadsheetLocale();
  const panel = invoicesPanel(lastRow, moneyFormat(locale, { cents: true }), dateFormat(locale));
  // The cells the person types into keep what they typed, a formula of theirs included; an as-of cell left empty
  // gets TODAY() back.
  const personal: number[] = [PANEL_ROW.asOf, PANEL_ROW.client, ...BUSINESS_FIELDS.map((_, i) => BUSINESS_FIRST_ROW + i)];
  // Written after the panel's formats, so each text goes with the format its cell has then.
  const values: unknown[][] = panel.cells.map((row, r) => row.map((cell, c) => cellValue(cell, panel.numberFormats[r][c])));
  for (const row of personal) {
    const [formula, value] = [formulas[row - 1][1], before[row - 1][1]];
    if (formula !== '') values[row - 1][1] = formula;
    else if (value !== '') values[row - 1][1] = sameValue(value, panel.numberFormats[row - 1][1]);
  }
  const due = dueCells(own.getValues(), dueRange.getFormulas());
  if (due) dueRange.setValues(due);
  // The header is plain text, as the sheet was made; set again first, so the words go in as they are.
  header.setNumberFormat(PLAIN_TEXT);
  header.setValues([INVOICE_HEADER.map((h) => cellValue({ text: h }, PLAIN_TEXT))]);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BACKGROUND);
  // Typing inside Status or Days late blocks their ARRAYFORMULA: those columns are Jumpwise's and are cleared first,
  // so the formulas are entered into free columns and spill at once.
  computed.clearContent();
  formulasRow.setValues([[statusFormula(lastRow), daysLateFormula(lastRow)].map((formula) => cellValue({ formula }))]);
  panelRange.setNumberFormats(panel.numberFormats);
  panelRange.setValues(values);
  panelRange.setFontWeights(panel.fontWeights);
  panelRange.setNotes(panel.notes);
  sheet.setFrozenRows(1);
  // A sheet made before Paid by had a narrow gap there: widened so the heading shows, a wider one the person chose kept.
  const paidBy = COLUMN['Paid by'];
  if (sheet.getColumnWidth(paidBy) < INVOICES_COLUMN_WIDTHS[paidBy - 1]) {
    sheet.setColumnWidth(paidBy, INVOICES_COLUMN_WIDTHS[paidBy - 1]);
  }
  Object.keys(INVOICE_NAMED_RANGES).forEach((n, i) => {
    pointName(spreadsheet, n, named[i]);
  });
  sheet.activate();
  return { sheetName: sheet.getName(), created: false };
}

/**
 * The Due column with the Issued + 30 formula put into rows that are wholly empty (rows added at the bottom, or
 * cleared), every other cell as it was; null when nothing changes, so nothing is written.
 */
function dueCells(rows: unknown[][], dueFormulas: string[][]): unknown[][] | null {
  let changed = false;
  const blank = (v: unknown) => v === '' || v === null;
  const cells = rows.map((values, i) => {
    const formula = dueFormulas[i][0];
    if (formula !== '') return [formula];
    if (values.every(blank)) {
      changed = true;
      return [dueFormula(FIRST_ROW + i)];
    }
    return [sameValue(values[COLUMN.Due - 1])];
  });
  return changed ? cells : null;
}
