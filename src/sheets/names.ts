/** Named ranges Jumpwise publishes (the plan's figures, the Books and Invoices totals) for formulas anywhere. */
import { PRODUCT_NAME } from '../brand';

import { checkedName } from '../layout/grid';

/**
 * A refusal because the name is taken: the Sheets API's words for a name left by a deleted sheet ("a named range with
 * that name already exists", github.com/burnash/gspread/issues/1530), which the emulator uses too. leapSelfTest
 * records the message Apps Script gives ("setNamedRange on the broken name: the error"); change this if it differs.
 */
const NAME_TAKEN = /already exists/i;

/**
 * Points `name` at `range`; false when Sheets refuses a name it no longer shows. Google's reference is silent on a
 * name whose sheet was deleted; public reports (emulator/README.md, "Settled by reading or by the self-test") show it
 * kept as #REF!, returned by neither getRangeByName nor getNamedRanges, and refused when added again, which is what
 * the emulator does. Such a name, left by a Jumpwise sheet someone deleted by hand, cannot be used again: it is passed
 * over, so setting the sheet up again still works, and formulas reading it through IFERROR fall back as they did.
 * Any other failure is thrown.
 */
export function pointName(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  range: GoogleAppsScript.Spreadsheet.Range,
): boolean {
  checkedName(name);
  try {
    spreadsheet.setNamedRange(name, range);
    return true;
  } catch (error) {
    const message = error !== null && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
    if (!NAME_TAKEN.test(message)) throw error;
    console.warn(`${PRODUCT_NAME} could not point the name ${name} at its cell: ${message}`);
    return false;
  }
}
