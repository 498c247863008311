/**
 * "Undo last import" (leapUndoLastImport) on the emulator: the rows of the last import, found by the import's id in
 * their Import key cells, are removed all or nothing; rows changed since are asked about first; rows no longer there
 * are counted; a failure at any service call leaves the Ledger, and the record of the import, as they were; the Books
 * totals (formulas) follow.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import type { ImportPageStart, ImportResult, StatementRow, UndoImportResult } from '../../src/books/types';
import { ISO_MAPPING, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

const YEAR = new Date().getUTCFullYear();
const row = statementRows();
const FIRST = [row(`${YEAR}-03-02`, 'STRIPE PAYOUT', 2400), row(`${YEAR}-03-05`, 'ADOBE CREATIVE', -55)];
const SECOND = [
  row(`${YEAR}-04-01`, 'STRIPE PAYOUT', 1800),
  row(`${YEAR}-04-03`, 'CORNER DELI', -18.5),
  row(`${YEAR}-04-07`, 'ZELLE FROM ACME LLC', 950),
  row(`${YEAR}-04-09`, 'GITHUB', -4),
];

function fresh(): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  return em;
}

const importRows = (em: Emulator, rows: StatementRow[], account = 'Chase checking'): ImportResult =>
  em.run('leapImportStatement', { rows, account, layoutKey: 'date,description,amount', mapping: ISO_MAPPING }) as ImportResult;
const pageStart = (em: Emulator) => em.run('leapGetImportPage') as ImportPageStart;
const undo = (em: Emulator, importId: string | undefined, removeEdited = false) =>
  em.run('leapUndoLastImport', { importId, removeEdited }) as UndoImportResult;

const ledgerSheet = (em: Emulator) => em.workbook.getSheetByName('Ledger')!;

/** The Ledger as the person sees it (display values of its columns, including one of their own in H). */
function ledgerShown(em: Emulator): string[][] {
  const sheet = ledgerSheet(em);
  return sheet.getRange(2, 1, Math.max(1, sheet.getLastRow() - 1), 8).getDisplayValues() as string[][];
}

/** Everything an undo could disturb on the Ledger: values, formulas, formats, weights, fills, dropdowns, size. */
function ledgerState(em: Emulator): string {
  const sheet = ledgerSheet(em);
  const range = sheet.getRange(1, 1, sheet.getLastRow() + 2, 8);
  return JSON.stringify({
    shown: range.getDisplayValues(),
    formulas: range.getFormulas(),
    formats: range.getNumberFormats(),
    weights: range.getFontWeights(),
    fills: range.getBackgrounds(),
    rules: range.getDataValidations().map((r) => r.map((v) => (v ? String(v.getCriteriaType()) : null))),
    maxRows: sheet.getMaxRows(),
    filter: sheet.getFilter()?.getRange().getA1Notation(),
  });
}

const BOOKS_FIGURES = ['JW_BOOKS_INCOME', 'JW_BOOKS_EXPENSES', 'JW_BOOKS_PROFIT_YTD', 'JW_BOOKS_UNCATEGORISED_IN'];
const booksFigures = (em: Emulator) =>
  BOOKS_FIGURES.map((name) => {
    const range = em.workbook.getRangeByName(name);
    if (!range) throw new Error(`no named range ${name}`);
    return [name, range.getValues()];
  });

describe('undoing the last import', () => {
  test('removes exactly its rows; the Books totals are as before it; the page offers no second undo', () => {
    const em = fresh();
    importRows(em, FIRST);
    const shownBefore = ledgerShown(em);
    const figuresBefore = booksFigures(em);
    const result = importRows(em, SECOND, 'Savings');
    expect(result.lastImport).toMatchObject({
      rows: 4,
      account: 'Savings',
      firstDate: `${YEAR}-04-01`,
      lastDate: `${YEAR}-04-09`,
    });
    const start = pageStart(em);
    expect(start.lastImport).toEqual(result.lastImport);
    expect(booksFigures(em)).not.toEqual(figuresBefore);

    expect(undo(em, start.lastImport?.id)).toEqual({
      status: 'removed',
      removed: 4,
      missing: 0,
      edited: [],
      lastImport: result.lastImport,
    });
    expect(ledgerShown(em)).toEqual(shownBefore);
    expect(booksFigures(em)).toEqual(figuresBefore);
    // Only the last import is kept: after its undo there is nothing more to undo.
    expect(pageStart(em).lastImport).toBeNull();
    expect(() => undo(em, start.lastImport?.id)).toThrow('There is no import to undo');
    // The rows removed are gone for the duplicate check too: importing the statement again adds them again.
    expect(importRows(em, SECOND)).toMatchObject({ imported: 4, skippedAlreadyInLedger: 0 });
  });

  test('an import that adds nothing leaves the one before it to undo; the duplicate check ignores the import tags', () => {
    const em = fresh();
    const first = importRows(em, FIRST);
    const again = importRows(em, FIRST);
    expect(again).toMatchObject({ imported: 0, skippedAlreadyInLedger: 2 });
    expect(again.lastImport).toBeUndefined();
    expect(pageStart(em).lastImport?.id).toBe(first.lastImport?.id);
    expect(undo(em, first.lastImport?.id)).toMatchObject({ status: 'removed', removed: 2 });
  });

  test('rows changed since are listed and kept until the person says to remove them too', () => {
    const em = fresh();
    importRows(em, FIRST);
    const { lastImport } = importRows(em, SECOND);
    // SECOND sits in rows 4-7: a category set on row 5, a note typed on row 7.
    em.enterInput('Ledger', 'D5', 'Meals');
    em.enterInput('Ledger', 'F7', 'paid the team lunch');
    const edited = ledgerState(em);
    expect(undo(em, lastImport?.id)).toEqual({
      status: 'edited',
      removed: 0,
      missing: 0,
      edited: [
        { row: 5, changed: ['category'] },
        { row: 7, changed: ['notes'] },
      ],
      lastImport,
    });
    expect(ledgerState(em)).toBe(edited);
    expect(undo(em, lastImport?.id, true)).toMatchObject({ status: 'removed', removed: 4, missing: 0 });
    expect(ledgerShown(em).map((r) => r[1])).toEqual(['STRIPE PAYOUT', 'ADOBE CREATIVE']);
  });

  test('rows moved apart and rows deleted by hand: the rows found are removed, the missing counted, the rest kept', () => {
    const em = fresh();
    importRows(em, FIRST);
    const { lastImport } = importRows(em, SECOND);
    const sheet = ledgerSheet(em);
    // The person deletes GITHUB (row 7) and types a row of their own between CORNER DELI and ZELLE.
    sheet.deleteRow(7);
    sheet.insertRowAfter(5);
    em.enterInput('Ledger', 'B6', 'Cash from a client');
    em.enterInput('Ledger', 'C6', '300');
    expect(undo(em, lastImport?.id)).toMatchObject({ status: 'removed', removed: 3, missing: 1 });
    expect(ledgerShown(em).map((r) => r[1])).toEqual(['STRIPE PAYOUT', 'ADOBE CREATIVE', 'Cash from a client']);
  });

  test('none of its rows left: nothing removed and the record forgotten', () => {
    const em = fresh();
    importRows(em, FIRST);
    const { lastImport } = importRows(em, [row(`${YEAR}-05-01`, 'GITHUB', -4)]);
    ledgerSheet(em).deleteRow(4);
    const before = ledgerState(em);
    expect(undo(em, lastImport?.id)).toMatchObject({ status: 'none-found', removed: 0, missing: 1 });
    expect(ledgerState(em)).toBe(before);
    expect(pageStart(em).lastImport).toBeNull();
  });

  test('a Ledger trimmed to exactly the rows of its only import: every row removed, a blank one left below the header', () => {
    const em = fresh();
    const { lastImport } = importRows(em, SECOND);
    const sheet = ledgerSheet(em);
    sheet.deleteRows(6, sheet.getMaxRows() - 5);
    expect(sheet.getMaxRows()).toBe(5);
    expect(undo(em, lastImport?.id)).toMatchObject({ status: 'removed', removed: 4 });
    expect(sheet.getMaxRows()).toBe(2);
    expect(sheet.getRange('A1:G2').getValues()[1]).toEqual(['', '', '', '', '', '', '']);
  });

  test('refused when another import was made since the page showed its last import, or with no id', () => {
    const em = fresh();
    const first = importRows(em, FIRST);
    importRows(em, SECOND);
    const before = ledgerState(em);
    expect(() => undo(em, first.lastImport?.id)).toThrow('Another import was made since this page opened');
    expect(() => undo(em, undefined)).toThrow('did not say which import to undo');
    expect(ledgerState(em)).toBe(before);
    expect(() => undo(fresh(), 'x')).toThrow('There is no import to undo');
  });

  test('the page learns the date and number style of the document, and no sheet is made by asking', () => {
    const em = createLeapEmulator({ timeZone: 'UTC', locale: 'de_DE' });
    loadDist(em);
    expect(pageStart(em)).toEqual({ datePattern: 'dd.mm.yyyy', numbers: { group: '.', decimal: ',' }, lastImport: null });
    expect(em.workbook.getSheetByName('Ledger')).toBeNull();
  });
});

describe('a failure injected at any service call of an undo', () => {
  test('leaves the Ledger and the record of the import exactly as they were', () => {
    const base = (): { em: Emulator; id: string } => {
      const em = fresh();
      importRows(em, FIRST);
      const { lastImport } = importRows(em, SECOND);
      const sheet = ledgerSheet(em);
      // Two runs to delete (a row of the person's between them) and a column of their own with a formula.
      sheet.insertRowAfter(5);
      em.enterInput('Ledger', 'B6', '0012 cash');
      em.enterInput('Ledger', 'C6', '300');
      em.enterInput('Ledger', 'H5', '=C5*2');
      em.enterInput('Ledger', 'H7', 'mine');
      sheet.getRange('B8').setBackground('#ffff00');
      return { em, id: lastImport?.id as string };
    };
    const probe = base();
    probe.em.resetCalls();
    expect(undo(probe.em, probe.id)).toMatchObject({ status: 'removed', removed: 4 });
    const calls = probe.em.calls.filter((c) => !c.inCustomFunction);
    expect(calls.filter((c) => c.method === 'deleteRows')).toHaveLength(2);
    expect(ledgerShown(probe.em).map((r) => r[1])).toEqual(['STRIPE PAYOUT', 'ADOBE CREATIVE', '0012 cash']);

    let { em, id } = base();
    const before = ledgerState(em);
    const figures = booksFigures(em);
    const record = pageStart(em).lastImport;
    let tolerated = 0;
    for (let n = 1; n <= calls.length; n++) {
      em.failOnCall(n, `injected failure at call ${n}`);
      const where = `call ${n} of ${calls.length}: ${calls[n - 1].service}.${calls[n - 1].method}`;
      let failed = false;
      try {
        undo(em, id);
      } catch (e) {
        failed = true;
        expect([where, (e as Error).message]).toEqual([where, `injected failure at call ${n}`]);
      }
      if (!failed) {
        // Only the flush and the lock's release after the work may fail without failing the undo (the execution's
        // end commits and releases: src/sheets/lock.ts).
        expect([where, ['flush', 'releaseLock'].includes(calls[n - 1].method)]).toEqual([where, true]);
        tolerated++;
        ({ em, id } = base());
        continue;
      }
      expect([where, ledgerState(em)]).toEqual([where, before]);
      expect([where, booksFigures(em)]).toEqual([where, figures]);
      expect([where, pageStart(em).lastImport]).toEqual([where, record]);
    }
    expect(tolerated).toBe(2); // the flush and the release
    // And the undo still goes through after all those failures.
    expect(undo(em, id)).toMatchObject({ status: 'removed', removed: 4 });
  });
});

test('a Ledger whose columns were moved is refused: rows are found and cut by column', () => {
  const em = fresh();
  importRows(em, FIRST);
  const { lastImport } = importRows(em, SECOND);
  const sheet = ledgerSheet(em);
  const [header] = sheet.getRange('A1:G1').getValues();
  sheet.getRange('E1:F1').setValues([[header[5], header[4]]]);
  const before = ledgerState(em);
  expect(() => undo(em, lastImport?.id)).toThrow(/first row should read .*then undo again\. Nothing was removed\./);
  expect(ledgerState(em)).toBe(before);
});
