/**
 * How Jumpwise hands a cell to Range.setValues so that Sheets stores what Jumpwise means: text as text, numbers, ticks and
 * formulas as themselves. The one place every writer (plan, Books, Invoices, check-ins, examples) goes through.
 *
 * Sheets reads a string given to setValue/setValues as if the person typed it: "=..." is a formula (Range.setValue,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue), and text that looks like a
 * number, a date, an amount or a percent in the spreadsheet's locale becomes one ("Mar 1 2016" becomes a date,
 * "$100.15" a number: Sheets API, Read & write cell values, USER_ENTERED,
 * https://developers.google.com/sheets/api/guides/values). Which texts it converts is not published and depends on
 * the locale ("1,5", "3/4", "Mar 3", "May 2027", "¥500", "WAHR"...), so no test of the text can be trusted: every
 * text gets the leading apostrophe that keeps it text, and the apostrophe is not part of the value.
 */
import type { Cell } from './layout';

/** Sheets' plain-text number format: a string written into such a cell is stored as written, not read. */
export const PLAIN_TEXT = '@';

/**
 * Text as setValues must be given it to stay exactly this text. `numberFormat` is the format the cell has when the
 * value is written: in a plain-text cell the text goes as it is (whether Sheets would keep an apostrophe there as
 * part of the text is not documented, so none is written).
 */
export function asText(text: string, numberFormat?: string): string {
  return text === '' || numberFormat === PLAIN_TEXT ? text : `'${text}`;
}

/** One cell as setValues writes it; `numberFormat` is the cell's format at the time of writing, when it has one. */
export function cellValue(cell: Cell, numberFormat?: string): string | number | boolean {
  if (cell === null) return '';
  if ('formula' in cell) return cell.formula;
  if ('number' in cell) return cell.number;
  if ('checked' in cell) return cell.checked;
  return asText(cell.text, numberFormat);
}
