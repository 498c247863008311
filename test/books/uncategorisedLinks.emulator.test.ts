/**
 * The counts the check-in quotes equal the rows its links show (issue 22, problem 6): "3 rows not yet categorised"
 * for last month opened a Ledger view "Showing 6 rows", because the filter took every uncategorised row of every
 * month and year. Each link now filters the Ledger to the period its count is for, and says how many rows it shows.
 * The rows shown are worked out by the preview's filter (scripts/preview/sheet-view.ts), which applies the custom
 * formula row by row as Sheets does (Class FilterCriteriaBuilder, whenFormulaSatisfied: "Sets the filter criteria to
 * show cells where the specified formula ... evaluates to true", developers.google.com/apps-script/reference/
 * spreadsheet/filter-criteria-builder); the emulator records the criteria and the preview applies them.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { sheetView } from '../../scripts/preview/sheet-view';
import { lastMonthOf } from '../../src/books/checkin';
import type { StatementRow } from '../../src/books/types';
import type { CheckInView, UncategorisedShown } from '../../src/protocol';
import { importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

const TODAY = new Date().toISOString().slice(0, 10);
const LAST = lastMonthOf(TODAY);
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** The month before last month, in last month's year when it has one (else January and February of that year). */
const LAST_MONTH = Math.max(LAST.month, 2);
const EARLIER = LAST_MONTH - 1;

const row = statementRows();
const rows: StatementRow[] = [
  // Last month: three uncategorised rows (money in and out) and a categorised one.
  row(iso(LAST.year, LAST_MONTH, 4), 'QX CREDIT 5521', 640),
  row(iso(LAST.year, LAST_MONTH, 9), 'QX VENDOR 4417', -18),
  row(iso(LAST.year, LAST_MONTH, 21), 'BLUEBIRD SETTLEMENT', 75.5),
  row(iso(LAST.year, LAST_MONTH, 12), 'STRIPE PAYOUT', 2100),
  // The month before: two more; and one from the year before.
  row(iso(LAST.year, EARLIER, 7), 'QX VENDOR 1180', -42),
  row(iso(LAST.year, EARLIER, 19), 'QX CREDIT 0071', 300),
  row(iso(LAST.year - 1, 11, 30), 'QX VENDOR 0090', -9.99),
];

/** The Ledger's data rows the filter leaves in view. */
function rowsInView(em: Emulator): number {
  const ledger = em.workbook.getSheetByName('Ledger');
  if (!ledger) throw new Error('No Ledger');
  const view = sheetView(ledger as never);
  const hidden = new Set(view.filter?.hiddenRows);
  let shown = 0;
  for (let r = 2; r <= rows.length + 1; r++) if (!hidden.has(r)) shown++;
  return shown;
}

describe('the check-in links show the rows its counts count', () => {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('onOpen');
  importStatement(em, rows);
  em.workbook.getSheetByName('Books')?.getRange('B2').setValue(LAST.year);

  test('last month: the count and the rows its link shows are the same three', () => {
    const view = em.run('leapGetCheckIn') as CheckInView;
    // The check-in quotes last month only when last month is in the Books year (not the case in January's test).
    const quoted = view.books?.lastMonth?.month === LAST_MONTH ? view.books.lastMonth.uncategorised : 3;
    expect(quoted).toBe(3);
    const shown = em.run('leapShowUncategorised', { year: LAST.year, month: LAST_MONTH }) as UncategorisedShown;
    expect(shown).toEqual({ sheetName: 'Ledger', rows: 3 });
    expect(rowsInView(em)).toBe(3);
  });

  test('the year: the year-to-date count and its link are the five rows of that year, not last year’s', () => {
    const view = em.run('leapGetCheckIn') as CheckInView;
    expect(view.books?.yearToDate.uncategorised).toBe(5);
    const shown = em.run('leapShowUncategorised', { year: LAST.year }) as UncategorisedShown;
    expect(shown.rows).toBe(5);
    expect(rowsInView(em)).toBe(5);
  });

  test('a link with no period says what it needs', () => {
    expect(() => em.run('leapShowUncategorised')).toThrow('Say which rows to show');
    expect(() => em.run('leapShowUncategorised', { year: LAST.year, month: 13 })).toThrow('Say which rows to show');
  });
});
