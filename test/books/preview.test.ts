/**
 * The preview (npm start) offers the books: its menu has the new items and its google.script.run bridge runs the
 * import, so a browser end-to-end test can import through the page. Runs the built dist/ like `npm start`.
 */
import { join } from 'node:path';
import { PreviewSession } from '../../scripts/preview/session';
import { REPO } from '../support/browser';

const request = (rows: unknown[]) => ({
  rows,
  account: 'Preview checking',
  layoutKey: 'date,description,amount',
  mapping: { headerLine: 1, date: 0, description: [1], amount: 2, dateOrder: 'ymd', decimal: '.', delimiter: ',' },
});

test('the preview menu offers the import and the set-up, and google.script.run imports into the Ledger', () => {
  const session = new PreviewSession({ instantFunctions: true, empty: false, distDir: join(REPO, 'dist') });
  const items = session.view().menus[0].items;
  expect(items).toEqual(
    expect.arrayContaining([
      { label: 'Import bank statement…', functionName: 'leapShowImport' },
      { label: 'Set up Books', functionName: 'leapSetUpBooks' },
    ]),
  );
  session.runMenuItem('leapSetUpBooks');
  expect(session.view().sheets.map((s) => s.name)).toEqual(['Income', 'Categories', 'Ledger', 'Books']);
  expect(session.view().active.name).toBe('Books');

  const rows = [
    { date: '2026-01-05', description: 'STRIPE PAYOUT', amount: 1200, line: 2 },
    { date: '2026-01-09', description: 'ADOBE', amount: -54.99, line: 3 },
  ];
  expect(session.scriptRun('leapImportStatement', [request(rows)])).toEqual({
    ok: true,
    result: {
      imported: 2,
      skippedAlreadyInLedger: 0,
      repeatedInStatement: 0,
      uncategorised: 0,
      firstDate: '2026-01-05',
      lastDate: '2026-01-09',
      // The record "Undo last import" uses (test/books/importUndo.emulator.test.ts).
      lastImport: {
        id: expect.any(String),
        rows: 2,
        account: 'Preview checking',
        firstDate: '2026-01-05',
        lastDate: '2026-01-09',
        importedAt: expect.any(String),
      },
    },
  });
  expect(session.scriptRun('leapGetStatementMapping', ['date,description,amount'])).toMatchObject({
    ok: true,
    result: { date: 0 },
  });
  expect(session.scriptRun('leapImportStatement', [request([{ ...rows[0], date: '05/01/2026' }])])).toEqual({
    ok: false,
    error: {
      name: 'Error',
      message: expect.stringContaining('row 1 (line 2 of the file): the date "05/01/2026" is not a real date'),
    },
  });

  session.activate('Ledger');
  const ledger = session.view().active.cells;
  expect([ledger.A2.display, ledger.B2.display, ledger.C3.display, ledger.D3.display]).toEqual([
    'Jan 5, 2026',
    'STRIPE PAYOUT',
    '-54.99',
    'Software',
  ]);
  session.activate('Books');
  // The year starts as this year; these rows are 2026's.
  session.enterInput('Books', 'B2', '2026');
  const books = session.view().active.cells;
  expect([books.A6.display, books.B6.display, books.C6.display, books.D6.display]).toEqual([
    'January 2026',
    '$1,200.00',
    '$54.99',
    '$1,145.01',
  ]);
});
