/**
 * Nothing Jumpwise's pages receive through google.script.run holds a Date (or another value google.script.run refuses).
 * Google, "Class google.script.run (Client-side API)"
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)): requests fail on a Date,
 * a function or a DOM element, also inside objects and arrays, and return values have the same restrictions. The
 * emulator's scriptRun applies those rules (emulator/test/scriptRun.test.ts), so each target is called through it.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import type { ImportPageStart } from '../../src/books/types';
import { validateAnswers } from '../../src/plan/answers';
import { type PlanAnswers, SERVER_FUNCTION_NAMES, type ServerFunctionName } from '../../src/protocol';
import { PLAN_INPUT_LABELS } from '../../src/sheets/planReader';
import { daysBefore, OWED, typeInvoices } from '../books/fixtures/owed';
import { ISO_LAYOUT_KEY, ISO_MAPPING, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const PLAN = 'Transition Plan';

function fresh(): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('onOpen');
  return em;
}

/** The value cell beside a label of the plan's Inputs block. */
function besideLabel(em: Emulator, label: string): string {
  const values = em.workbook.getSheetByName(PLAN)?.getDataRange().getValues() ?? [];
  const row = values.findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`no input labelled ${label}`);
  return `B${row + 1}`;
}

/** What the person does: pastes a date from elsewhere over an amount (the paste brings the date's format) or types one. */
function pasteDate(em: Emulator, a1: string, typed: string): void {
  em.workbook.getSheetByName(PLAN)?.getRange(a1).setNumberFormat('M/d/yyyy');
  em.enterInput(PLAN, a1, typed);
}

test('a plan whose amount cells hold dates reads back through google.script.run as text the wizard flags', () => {
  const em = fresh();
  em.run('leapBuildPlan', {
    ...SAMPLE_ANSWERS,
    projectedMonthlyLow: '',
    projectedMonthlyHigh: '',
    monthlyFigures: [4200, 3100, 6100],
  });
  pasteDate(em, besideLabel(em, PLAN_INPUT_LABELS.monthlyExpenses), '3/4/2026');
  const values = em.workbook.getSheetByName(PLAN)?.getDataRange().getValues() ?? [];
  const headingRow = values.findIndex((r) => r.includes('Monthly figures'));
  const column = values[headingRow].indexOf('Monthly figures');
  // The second figure.
  pasteDate(em, `${String.fromCharCode(65 + column)}${headingRow + 3}`, '3/5/2026');
  // The cells hold dates now: getValues gives Date objects for date-formatted cells, as on Sheets.
  expect(Object.prototype.toString.call(em.workbook.getRangeByName('JW_MONTHLY_EXPENSES')?.getValue())).toBe('[object Date]');
  const back = em.scriptRun('leapGetPlanAnswers') as PlanAnswers;
  expect(back.answers.monthlyExpenses).toBe('2026-03-04');
  expect(back.answers.monthlyFigures).toEqual([4200, '2026-03-05', 6100]);
  // The wizard then says what to fix, instead of building on a number nobody typed.
  const check = validateAnswers({ ...SAMPLE_ANSWERS, ...back.answers });
  expect(check.ok ? {} : check.errors).toMatchObject({
    monthlyExpenses: expect.stringContaining('as an amount'),
    monthlyFigures: expect.stringContaining('as an amount'),
  });
});

/** The day INV-101 was paid: after its issue date, in the window a match looks in. */
const PAID_101 = daysBefore(20);

/** Each target with the arguments its page sends, in a spreadsheet with a plan, Books, a ledger and invoices. */
const CALLS: Record<ServerFunctionName, unknown[]> = {
  leapGetDraft: [],
  leapSaveDraft: [SAMPLE_ANSWERS],
  leapBuildPlan: [SAMPLE_ANSWERS],
  leapActivatePlan: [],
  leapGetPlanAnswers: [],
  leapImportStatement: [],
  leapGetStatementMapping: [ISO_LAYOUT_KEY],
  leapGetCheckIn: [],
  leapSetPlanHistory: ['books'],
  leapSaveCheckIn: [],
  leapShowUncategorised: [{ year: 2026 }],
  leapShowInvoices: [],
  leapGetInvoiceMatches: [],
  // INV-101 (row 2, $1,200.00 to Acme) and the deposit that paid it, the Ledger's 4th row after the import below.
  leapMatchInvoice: [
    {
      invoiceRow: 2,
      invoice: 'INV-101',
      ledgerRow: 5,
      key: '', // read from the Ledger once the import below has written it
    },
  ],
  leapUnmatchInvoice: [{ invoiceRow: 2, invoice: 'INV-101' }],
  leapGetSimilarRows: [],
  leapMakeRule: [{ word: 'qx vendor', category: 'Office' }],
  leapApplyToSimilar: [{ word: 'qx vendor', category: 'Office' }],
  leapClearDraft: [],
  leapGetImportPage: [],
  // Set below to the import leapGetImportPage reports (the last target: it removes the imported rows).
  leapUndoLastImport: [],
};

test('every google.script.run target of the sidebar, check-in and import pages answers with plain data', () => {
  const em = fresh();
  em.run('leapSetupInvoices');
  typeInvoices(em, OWED.slice(0, 4));
  const row = statementRows();
  const year = new Date().getUTCFullYear();
  CALLS.leapImportStatement = [
    {
      rows: [
        row(`${year}-01-03`, 'STRIPE PAYOUT', 4200),
        row(`${year}-01-09`, 'QX VENDOR 4417', -4.5),
        row(`${year}-02-03`, 'STRIPE PAYOUT', 3900),
        row(PAID_101, 'ZELLE FROM ACME', 1200),
      ],
      account: 'Checking',
      layoutKey: ISO_LAYOUT_KEY,
      mapping: ISO_MAPPING,
    },
  ];
  const answered: string[] = [];
  for (const name of SERVER_FUNCTION_NAMES) {
    // The deposit's key as the import wrote it: the key and the import's tags (what Undo last import finds rows by).
    if (name === 'leapMatchInvoice')
      (CALLS.leapMatchInvoice[0] as { key: string }).key = String(
        em.workbook.getSheetByName('Ledger')?.getRange('G5').getValue(),
      );
    const answer = em.scriptRun(name, ...CALLS[name]);
    if (name === 'leapGetImportPage')
      CALLS.leapUndoLastImport = [{ importId: (answer as ImportPageStart).lastImport?.id, removeEdited: false }];
    answered.push(name);
  }
  expect(answered).toEqual([...SERVER_FUNCTION_NAMES]);
  // Once more with the plan on the Books' months, where the plan's history cells are formulas over Books.
  expect(() => em.scriptRun('leapGetPlanAnswers')).not.toThrow();
  expect(() => em.scriptRun('leapGetCheckIn')).not.toThrow();
});
