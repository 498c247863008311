/**
 * Menu callbacks, triggers and google.script.run targets: the Apps Script side's public surface.
 *
 * google.script.run targets (all arguments and results are plain JSON: dates as ISO strings "YYYY-MM-DD"):
 *   leapGetDraft()            -> { answers: object | null, savedAt: string | null }
 *                                the draft saved for this spreadsheet (savedAt is an ISO timestamp), or nulls.
 *   leapSaveDraft(answers)    -> { savedAt: string, bytes: number }
 *                                answers: the answers object as gathered so far (any subset of the fields in
 *                                src/plan/answers.ts FIELDS; not validated, so a half-filled step can be saved).
 *                                Throws Error("Your answers are too long to save as a draft (… KB of 9 KB) …")
 *                                when it would not fit; the previous draft is then kept as it was.
 *   leapClearDraft()          -> { cleared: true }                      ("Start over")
 *   leapBuildPlan(answers)    -> { sheetName: string, keyNumbers: { LEAP_TAX_RATE: number, ... } }
 *                                answers: the full answers object. Validated again with validateAnswers; on
 *                                failure throws Error("Some answers need fixing: <label>: <message>; …") and
 *                                writes nothing. Throws Error("A build is already running …") when another build
 *                                holds the document lock. keyNumbers: the named outputs (LEAP_TAX_RATE,
 *                                LEAP_MONTHLY_TAX_SET_ASIDE, LEAP_LOW_END_BUDGET, LEAP_BENEFITS_COST,
 *                                LEAP_BUFFER_TARGET, LEAP_RUNWAY_MONTHS (number or "∞"), LEAP_MONTHS_TO_BUFFER,
 *                                LEAP_READY_DATE (ISO date string), LEAP_HOURLY_RATE). The draft is kept.
 *   leapActivatePlan()        -> { sheetName: string }  shows the plan sheet; throws Error("No plan yet …").
 * Menu callbacks (no arguments, no result): leapShowSidebar, leapInsertExamples, leapShowHelp.
 * Menu callbacks that also return a result, for tests: leapSetupInvoices() -> { sheetName, created },
 *   leapMakeInvoice() -> { made: true, sheetName } | { made: false, message } (the message is also shown in a dialog).
 *   leapImportStatement(request) -> { imported, skippedAlreadyInLedger, repeatedInStatement, uncategorised,
 *                                firstDate: string | null, lastDate: string | null }   (src/books/types.ts; the
 *                                counts and dates are of the rows added; dates null when none was added)
 *                                request: { rows: [{ date: "YYYY-MM-DD", description, amount, line }], account,
 *                                layoutKey, mapping }. At most 20,000 rows; a bad row, account or mapping throws
 *                                Error("… cannot be imported: row 3 (line 5 of the file): …") and writes nothing.
 *                                Makes the Ledger, Categories and Books sheets when missing; skips rows the Ledger
 *                                already holds; appends the rest all or nothing under the document lock.
 *   leapGetStatementMapping(layoutKey) -> ColumnMapping | null   the mapping remembered for that file layout.
 * Menu callbacks (no arguments, no result): leapShowSidebar, leapInsertExamples, leapShowImport, leapSetUpBooks,
 * leapShowHelp.
 */
import { getStatementMapping, importStatement, setUpBooks, showImport } from './books';
import { showHelp, showSidebar } from './dialogs';
import { clearDraft, getDraft, saveDraft } from './drafts';
import { insertExamples } from './examples';
import { setupInvoices } from './invoices';
import { makeInvoice } from './invoicesMake';
import { onOpen } from './menu';
import { activatePlan, buildPlanSheet } from './plan';

export interface EntryPoint {
  /** Parameter names of the top-level stub. */
  params: string[];
  /** The JSDoc line above the stub. */
  doc: string;
  run: (...args: never[]) => unknown;
}

export const entryPoints: Record<string, EntryPoint> = {
  onOpen: { params: ['e'], doc: 'Builds the Extensions > Leap menu. Needs no authorization.', run: onOpen },
  onInstall: { params: ['e'], doc: 'Runs onOpen when the add-on is installed.', run: onOpen },
  leapShowSidebar: { params: [], doc: 'Menu: opens the transition wizard in the sidebar.', run: showSidebar },
  leapInsertExamples: { params: [], doc: 'Menu: adds a sheet with every Leap function and a live example.', run: insertExamples },
  leapSetupInvoices: {
    params: [],
    doc: 'Menu: makes the Invoices sheet, or writes its formulas again without touching your rows.',
    run: setupInvoices,
  },
  leapMakeInvoice: { params: [], doc: 'Menu: lays out the selected invoice row as a printable sheet.', run: makeInvoice },
  leapShowHelp: { params: [], doc: 'Menu: shows what Leap does and where to read more.', run: showHelp },
  leapGetDraft: { params: [], doc: "Sidebar: the wizard's saved draft, or nulls.", run: getDraft },
  leapSaveDraft: { params: ['answers'], doc: "Sidebar: saves the wizard's answers so far.", run: saveDraft },
  leapClearDraft: { params: [], doc: 'Sidebar: forgets the draft (Start over).', run: clearDraft },
  leapBuildPlan: {
    params: ['answers'],
    doc: 'Sidebar: validates the answers and builds the Transition Plan sheet.',
    run: buildPlanSheet,
  },
  leapActivatePlan: { params: [], doc: 'Sidebar: shows the Transition Plan sheet.', run: activatePlan },
  leapShowImport: { params: [], doc: 'Menu: opens the bank statement import page.', run: showImport },
  leapSetUpBooks: { params: [], doc: 'Menu: makes the Ledger, Categories and Books sheets where missing.', run: setUpBooks },
  leapImportStatement: {
    params: ['request'],
    doc: 'Import page: adds the statement rows the Ledger does not hold yet, categorised.',
    run: importStatement,
  },
  leapGetStatementMapping: {
    params: ['layoutKey'],
    doc: 'Import page: the column mapping remembered for a file layout, or null.',
    run: getStatementMapping,
  },
};
