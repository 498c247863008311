/**
 * Import figures on the emulator: Spreadsheet-service calls of one bank statement import into an existing ledger,
 * for a short and a long statement. Rows are appended in one batched write, so the count must not grow with them.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { createLeapEmulator } from '../../test/support/emulator';
import { countSpreadsheetCalls } from './plan';

/** Statement lengths the benchmark compares. */
export const IMPORT_SIZES = [10, 5000] as const;
export type ImportSize = (typeof IMPORT_SIZES)[number];

/**
 * The most document round trips one import into an existing ledger may make. Measured: 24 = the spreadsheet's
 * locale, for its currency (1); the spreadsheet and its three sheets by name (4); the ledger header, the categories
 * and the key column with the ranges they need (7); insert the rows, write, clear the header's formats off them and
 * set number formats (5); the Category dropdown on the new rows with its source range (3); the record of the last
 * import that Undo last import reads, kept in the Ledger's developer metadata (find it, check its key, set its value:
 * 3); the flush before the lock is released, as Google's Lock reference asks of spreadsheet writes (1). None grows
 * with the rows.
 */
export const IMPORT_CALL_BUDGET = 24;

/** A statement of `count` rows across one year, a third of them matching a default category. */
export function sampleStatement(count: number, seed = 1): { date: string; description: string; amount: number; line: number }[] {
  const payees = ['STRIPE PAYOUT', 'ADOBE CREATIVE CLOUD', 'CORNER DELI', 'STARBUCKS', 'HARDWARE STORE', 'IRS USATAXPYMT'];
  return Array.from({ length: count }, (_, i) => {
    const day = (i * 7 + seed) % 365;
    const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
    const payee = payees[(i + seed) % payees.length];
    const amount = payee === 'STRIPE PAYOUT' ? 500 + (i % 97) : -((i % 89) + 0.25);
    return { date, description: `${payee} ${i}`, amount, line: i + 2 };
  });
}

const MAPPING = { headerLine: 1, date: 0, description: [1], amount: 2, dateOrder: 'ymd', decimal: '.', delimiter: ',' };

function importInto(emulator: Emulator, rows: ReturnType<typeof sampleStatement>): void {
  emulator.run('leapImportStatement', {
    rows,
    account: 'Bench checking',
    layoutKey: 'date,description,amount',
    mapping: MAPPING,
  });
}

export interface ImportCalls {
  /** Document calls of one import into an existing ledger, by statement length. */
  document: Record<`${ImportSize}`, number>;
  /** Every service call (lock, properties, rule builder included), by statement length. */
  all: Record<`${ImportSize}`, number>;
}

export function measureImportCalls(distDir?: string): ImportCalls {
  const document = {} as Record<`${ImportSize}`, number>;
  const all = {} as Record<`${ImportSize}`, number>;
  for (const size of IMPORT_SIZES) {
    const emulator = createLeapEmulator({ timeZone: 'UTC' });
    loadDist(emulator, distDir);
    // A sheet of the person's own named Books is kept as it is (Jumpwise never overwrites a sheet), so the emulator's
    // formula engine does not evaluate the Books formulas over 5,000 rows (about 40 s in HyperFormula). That
    // changes no call: the import finds a sheet named Books either way, and recalculation on Google is not a
    // round trip. test/books checks the real Books sheet.
    emulator.workbook.insertSheet('Books');
    // An existing ledger: the first import makes the other sheets; the measured one appends below its rows.
    importInto(emulator, sampleStatement(5, 99));
    emulator.resetCalls();
    importInto(emulator, sampleStatement(size));
    document[`${size}`] = countSpreadsheetCalls(emulator).document;
    all[`${size}`] = emulator.calls.filter((c) => !c.inCustomFunction).length;
  }
  return { document, all };
}
