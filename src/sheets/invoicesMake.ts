/**
 * "Make invoice": the selected row of the Invoices sheet laid out as a printable sheet "Invoice <number>".
 * Anything that stops it (no Invoices sheet, a selection elsewhere, the header, an empty or half-filled row,
 * no business details) is explained in a dialog that says what to do, and nothing is written.
 *
 * Jumpwise has no scope to send e-mail or render PDFs: the sheet is formatted for File > Download > PDF.
 */

import { BUSINESS_FIELDS, BUSINESS_FIRST_ROW, type BusinessDetails, FIRST_ROW, PANEL_VALUE_COLUMN } from '../books/invoices';
import {
  DEFAULT_DESCRIPTION,
  invoiceSheetName,
  type PrintableInvoice,
  printableInvoice,
  readInvoiceRow,
} from '../books/invoicesPrintable';
import { PRODUCT_NAME } from '../brand';
import { columnLetters } from '../layout/grid';
import { cellValue } from '../plan/cellValue';
import { dateFormat, moneyFormat } from '../plan/currency';
import { BUSINESS_PROPERTY_KEY, findInvoicesSheet, storedBusiness } from './invoices';

/** Marks a printable invoice Jumpwise made; the value is the invoice number. */
const INVOICE_METADATA_KEY = 'leap.invoice';
const DIALOG_TITLE = 'Make invoice';

type MakeInvoiceResult = { made: true; sheetName: string } | { made: false; message: string };

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The refusal shown to the person, returned for callers that check it. */
function refuse(message: string): MakeInvoiceResult {
  const ui = SpreadsheetApp.getUi();
  ui.alert(DIALOG_TITLE, message, ui.ButtonSet.OK);
  return { made: false, message };
}

const businessA1 = (() => {
  const c = columnLetters(PANEL_VALUE_COLUMN);
  return `${c}${BUSINESS_FIRST_ROW}:${c}${BUSINESS_FIRST_ROW + BUSINESS_FIELDS.length - 1}`;
})();

function isLeapInvoice(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === INVOICE_METADATA_KEY);
}

export function makeInvoice(): MakeInvoiceResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const invoices = findInvoicesSheet(spreadsheet);
  if (!invoices) {
    return refuse(
      `There is no Invoices sheet yet. Choose Extensions > ${PRODUCT_NAME} > Set up invoices, list your invoices there, then select one and choose Make invoice.`,
    );
  }
  const invoicesName = invoices.getName();
  const selection = SpreadsheetApp.getActiveRange();
  if (!selection || selection.getSheet().getSheetId() !== invoices.getSheetId()) {
    return refuse(`Select the row of an invoice on the ${invoicesName} sheet, then choose Make invoice again.`);
  }
  const row = selection.getRow();
  if (selection.getNumRows() > 1) {
    return refuse(
      `Rows ${row} to ${selection.getLastRow()} are selected. Select one invoice's row, then choose Make invoice again.`,
    );
  }
  if (row < FIRST_ROW) {
    return refuse('The header row is selected. Select the row of an invoice below it, then choose Make invoice again.');
  }

  const [line, businessRange] = invoices.getRangeList([`A${row}:F${row}`, businessA1]).getRanges();
  const invoice = readInvoiceRow(line.getValues()[0], row);
  if ('problem' in invoice) return refuse(invoice.problem);

  const business = businessDetails(businessRange.getValues().map((r) => r[0]));
  if (!business) {
    return refuse(
      `Your business details are missing. Type at least your name or business name in ${columnLetters(PANEL_VALUE_COLUMN)}${BUSINESS_FIRST_ROW} on the ${invoicesName} sheet (with your address, email, tax id and payment details below it), then choose Make invoice again.`,
    );
  }

  const name = invoiceSheetName(invoice.number);
  const previous = spreadsheet.getSheetByName(name);
  if (previous && !isLeapInvoice(previous)) {
    return refuse(
      `A sheet named "${name}" already exists and ${PRODUCT_NAME} did not make it. Rename that sheet, then choose Make invoice again.`,
    );
  }
  // A remake keeps the line's description the person wrote.
  const locale = spreadsheet.getSpreadsheetLocale();
  const money = moneyFormat(locale, { cents: true });
  const layoutOf = (description?: string) =>
    printableInvoice(
      invoice,
      business,
      invoicesName,
      invoices.getMaxRows(),
      description || DEFAULT_DESCRIPTION,
      money,
      dateFormat(locale),
    );
  const description = previous ? String(previous.getRange(layoutOf().descriptionCell).getValue()) : undefined;
  const layout = layoutOf(description);

  const sheet = spreadsheet.insertSheet(previous ? `${name} (building ${Date.now()})` : name);
  try {
    writePrintable(sheet, layout);
    sheet.addDeveloperMetadata(INVOICE_METADATA_KEY, String(invoice.number));
    if (previous) spreadsheet.deleteSheet(previous);
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  // The old sheet is gone from here: a failure must not take the new one too.
  if (previous) sheet.setName(name);
  sheet.activate();
  return { made: true, sheetName: name };
}

/**
 * The details typed on the Invoices sheet win and are kept in the document properties for later; with none
 * typed, the kept ones are used. Null when neither has a name.
 */
function businessDetails(typed: unknown[]): BusinessDetails | null {
  const fromSheet = Object.fromEntries(
    BUSINESS_FIELDS.map((f, i) => [f.key, typed[i] === undefined || typed[i] === null ? '' : String(typed[i]).trim()]),
  ) as BusinessDetails;
  if (fromSheet.name) {
    const text = JSON.stringify(fromSheet);
    const properties = PropertiesService.getDocumentProperties();
    if (properties.getProperty(BUSINESS_PROPERTY_KEY) !== text) properties.setProperty(BUSINESS_PROPERTY_KEY, text);
    return fromSheet;
  }
  return storedBusiness();
}

function writePrintable(sheet: Sheet, layout: PrintableInvoice): void {
  const last = columnLetters(layout.columns);
  const [grid, title, wrapped, figures] = sheet
    .getRangeList([`A1:${last}${layout.rows}`, 'A1', `A2:A${layout.rows}`, `${last}1:${last}${layout.rows}`])
    .getRanges();
  grid.setValues(layout.cells.map((row) => row.map((cell) => cellValue(cell))));
  grid.setNumberFormats(layout.numberFormats);
  grid.setFontWeights(layout.fontWeights);
  title.setFontSize(20);
  // Column A holds the address, description, terms and payment details: they wrap within the page's width.
  wrapped.setWrap(true);
  // The number, dates, amounts and the Amount heading line up on the right edge of the page.
  figures.setHorizontalAlignment('right');
  layout.columnWidths.forEach((width, i) => {
    sheet.setColumnWidth(i + 1, width);
  });
  // A printed invoice has no grid: the PDF download follows the sheet's gridline setting.
  sheet.setHiddenGridlines(true);
}
