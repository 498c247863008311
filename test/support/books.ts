/** Importing statement rows into a Books emulator, as the import page sends them: shared by the Books tests. */
import type { Emulator } from '../../emulator/src';
import type { ImportResult, StatementRow } from '../../src/books/types';

/** The mapping of a plain export with a header line: Date, Description, Amount; ISO dates, decimal point, commas. */
export const ISO_MAPPING = {
  headerLine: 1,
  date: 0,
  description: [1],
  amount: 2,
  dateOrder: 'ymd',
  decimal: '.',
  delimiter: ',',
} as const;

/** The layout key the page sends for that header. */
export const ISO_LAYOUT_KEY = 'date,description,amount';

/** Rows numbered as the lines of one file after its header, in the order they are made. */
export function statementRows(): (date: string, description: string, amount: number) => StatementRow {
  let line = 2;
  return (date, description, amount) => ({ date, description, amount, line: line++ });
}

/** leapImportStatement with the ISO mapping, as the page calls it after the person presses Import. */
export const importStatement = (
  em: Emulator,
  rows: readonly StatementRow[],
  account = 'Checking',
  layoutKey = ISO_LAYOUT_KEY,
): ImportResult => em.run('leapImportStatement', { rows, account, layoutKey, mapping: ISO_MAPPING }) as ImportResult;
