/** The pure part of "Undo last import" (src/books/lastImport.ts): tags, the duplicate key under them, the undo plan. */

import {
  duplicateKey,
  type LastImport,
  type LedgerRowNow,
  parseLastImport,
  planUndo,
  rowRunsBottomUp,
  tagLedgerRows,
} from '../../src/books/lastImport';
import { ledgerRows } from '../../src/books/layout';

const record: LastImport = {
  id: 'abc123',
  rows: 3,
  account: 'Chase',
  firstDate: '2026-04-01',
  lastDate: '2026-04-03',
  importedAt: '2026-04-05T10:00:00.000Z',
};

/** The rows as an import writes them, then as the Ledger gives them back. */
function written(): LedgerRowNow[] {
  const statement = [
    { date: '2026-04-01', description: "LOWE'S #1127", amount: -40, line: 2 },
    { date: '2026-04-02', description: 'STRIPE PAYOUT', amount: 900, line: 3 },
    { date: '2026-04-03', description: 'GITHUB', amount: -4, line: 4 },
  ];
  const cells = ledgerRows(statement, 'Chase', () => 'Uncategorized');
  cells[1][5] = { text: 'Copy 1 of 2' };
  tagLedgerRows(cells, record.id);
  const text = (c: unknown) => (c && typeof c === 'object' && 'text' in c ? (c as { text: string }).text : '');
  return statement.map((r, i) => ({
    row: 10 + i,
    date: r.date,
    description: r.description,
    amount: r.amount,
    category: text(cells[i][3]),
    notes: text(cells[i][5]),
    account: text(cells[i][4]),
    key: text(cells[i][6]),
  }));
}

test('the tag follows the duplicate key, which duplicate finding still reads alone', () => {
  const [first] = written();
  expect(first.key).toMatch(/^2026-04-01\|-40\.00\|lowe s 1127\|abc123(\.[0-9a-f]{6}){3}$/);
  expect(duplicateKey(first.key)).toBe('2026-04-01|-40.00|lowe s 1127');
  // A key written before imports were tagged, and anything that is not text, pass through unchanged.
  expect(duplicateKey('2026-04-01|-40.00|lowe s 1127')).toBe('2026-04-01|-40.00|lowe s 1127');
  expect(duplicateKey(12)).toBe(12);
});

test('rows as written are found and unchanged; each kind of change is named', () => {
  expect(planUndo(written(), record)).toEqual({ found: [10, 11, 12], missing: 0, edited: [] });
  const rows = written();
  rows[0].description = 'LOWES HOME CENTER';
  rows[1].notes = '';
  rows[2] = { ...rows[2], category: 'Software', account: 'Savings', amount: -5 };
  expect(planUndo(rows, record).edited).toEqual([
    { row: 10, changed: ['date, amount or description'] },
    { row: 11, changed: ['notes'] },
    { row: 12, changed: ['date, amount or description', 'category', 'account'] },
  ]);
  // A date cell emptied counts as a change, not as a crash.
  expect(planUndo([{ ...written()[0], date: '' }], record).edited[0].changed).toEqual(['date, amount or description']);
});

test("another import's rows, untagged rows and cleared keys are not found; the missing are counted", () => {
  const rows = written();
  rows[0].key = '';
  rows[1].key = String(rows[1].key).replace('abc123', 'other9');
  expect(planUndo(rows, record)).toEqual({ found: [12], missing: 2, edited: [] });
});

test('runs of rows, bottom first; a record that cannot be read is none', () => {
  expect(rowRunsBottomUp([9, 4, 5, 6, 12, 10])).toEqual([
    { start: 12, count: 1 },
    { start: 9, count: 2 },
    { start: 4, count: 3 },
  ]);
  expect(parseLastImport(JSON.stringify(record))).toEqual(record);
  expect(parseLastImport('{"id":""}')).toBeNull();
  expect(parseLastImport('not json')).toBeNull();
  expect(parseLastImport(null)).toBeNull();
});
