/** A1 notation: column letters, cell and range addresses, and the sheet-name prefix ('My sheet'!A1:B2). */

export interface GridRect {
  /** 1-based, as Apps Script counts. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnToLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export const cellA1 = (row: number, column: number): string => `${columnToLetters(column)}${row}`;

export function rectA1(r: GridRect): string {
  const start = cellA1(r.row, r.column);
  return r.numRows === 1 && r.numColumns === 1 ? start : `${start}:${cellA1(r.row + r.numRows - 1, r.column + r.numColumns - 1)}`;
}

/** Quotes a sheet name for a formula or A1 reference when it needs it, as Sheets does. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'My sheet'!A1:B2" into the sheet name (if any) and the range part. */
export function splitSheetPrefix(a1: string): { sheetName?: string; range: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(a1.trim());
  if (!m) return { range: a1.trim() };
  return { sheetName: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], range: m[3] };
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses the range part of A1 notation against a sheet's size: "B2", "A1:C3", whole columns "B:B" and whole
 * rows "2:4" (which reach the sheet's edge, as in Sheets). Returns undefined when the text is not A1 notation.
 */
export function parseA1Range(range: string, maxRows: number, maxColumns: number): GridRect | undefined {
  const parts = range.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return undefined;
  const ends = parts.map((p) => PART.exec(p));
  if (ends.some((m) => !m || (!m[1] && !m[2]))) return undefined;
  const [a, b = a] = ends as RegExpExecArray[];
  if (parts.length === 1 && (!a[1] || !a[2])) return undefined;
  const col1 = a[1] ? lettersToColumn(a[1]) : 1;
  const col2 = b[1] ? lettersToColumn(b[1]) : maxColumns;
  const row1 = a[2] ? Number(a[2]) : 1;
  const row2 = b[2] ? Number(b[2]) : maxRows;
  if (row1 < 1 || row2 < 1) return undefined;
  const row = Math.min(row1, row2);
  const column = Math.min(col1, col2);
  return { row, column, numRows: Math.abs(row2 - row1) + 1, numColumns: Math.abs(col2 - col1) + 1 };
}
