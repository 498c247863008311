/**
 * "Insert function examples": a sheet listing every Leap function with its example formula live beside the
 * formula text, so people can see each one work and copy it. Generated from the function table.
 */
import { describeFunctions, type FunctionInfo } from '../functions';
import { cellValue, findMarkedSheet, swapInBuiltSheet } from './planWriter';

export const EXAMPLES_SHEET_NAME = 'Leap function examples';
/** Marks the sheet Leap made, so inserting again replaces it and never a sheet of the user's. */
const EXAMPLES_METADATA_KEY = 'leap.functionExamples';

export const EXAMPLES_HEADER = ['Function', 'What it does', 'Formula', 'Expected', 'Live result'] as const;
/** Rows left free under a function that spills a table (BUFFER_SCHEDULE, TAX_DUE_DATES), so the spill fits. */
const TABLE_ROWS = 7;

interface ExamplesGrid {
  values: (string | number)[][];
}

/** The grid: one row per function, with room below table functions for their spill. */
function examplesGrid(functions: readonly FunctionInfo[] = describeFunctions()): ExamplesGrid {
  const values: (string | number)[][] = [[...EXAMPLES_HEADER]];
  for (const f of functions) {
    values.push([f.name, f.summary, f.example.formula, f.example.result, f.example.formula]);
    if (f.shape === 'table') for (let i = 1; i < TABLE_ROWS; i++) values.push(['', '', '', '', '']);
  }
  return { values };
}

export function insertExamples(): { sheetName: string } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const previous = findMarkedSheet(spreadsheet, EXAMPLES_METADATA_KEY);
  let name = previous ? previous.getName() : EXAMPLES_SHEET_NAME;
  for (let n = 2; !previous && spreadsheet.getSheetByName(name); n++) name = `${EXAMPLES_SHEET_NAME} ${n}`;
  const { values } = examplesGrid();
  const sheet = spreadsheet.insertSheet(`${EXAMPLES_SHEET_NAME} (building ${Date.now()})`);
  const finish = () => {
    sheet.setName(name);
    sheet.activate();
  };
  swapInBuiltSheet(spreadsheet, previous, sheet, {
    write: () => {
      // Columns A-D are text (the formula shown as text); column E is the same formula, live.
      const cells = values.map((row, r) =>
        row.map((v, c) => (r > 0 && c === 4 ? v : cellValue(v === '' ? null : { text: String(v) }))),
      );
      const range = sheet.getRange(1, 1, values.length, EXAMPLES_HEADER.length);
      range.setValues(cells);
      range.setFontWeights(values.map((row, r) => row.map((v, c) => (r === 0 || (c === 0 && v !== '') ? 'bold' : 'normal'))));
      // Descriptions, formulas and expected results wrap within their columns instead of being cut off.
      sheet.getRange(2, 2, values.length - 1, 3).setWrap(true);
      sheet.setFrozenRows(1);
      sheet.setColumnWidths(1, 1, 190);
      sheet.setColumnWidths(2, 1, 420);
      sheet.setColumnWidths(3, 1, 330);
      sheet.setColumnWidths(4, 2, 150);
      sheet.addDeveloperMetadata(EXAMPLES_METADATA_KEY, '1');
    },
    finish,
    finishAgain: finish,
  });
  return { sheetName: name };
}
