/**
 * Menu callbacks, triggers and google.script.run targets: the Apps Script side's public surface.
 * The google.script.run targets, their arguments and results are declared in src/protocol.ts; the table below
 * is checked against it, so a target missing here or with another shape does not compile.
 */

import { PRODUCT_NAME } from '../brand';
import type { ServerFunctionName, ServerFunctions } from '../protocol';
import { getImportPage, getStatementMapping, importStatement, setUpBooks, showImport, undoLastImport } from './books';
import { getCheckIn, saveCheckIn, setPlanHistory, showCheckIn, showInvoices, showUncategorised } from './checkin';
import { showHelp, showSidebar } from './dialogs';
import { clearDraft, getDraft, saveDraft } from './drafts';
import { insertExamples } from './examples';
import { getInvoiceMatches, matchInvoice, unmatchInvoice } from './invoiceMatch';
import { setupInvoices } from './invoices';
import { makeInvoice } from './invoicesMake';
import { onOpen } from './menu';
import { activatePlan, buildPlanSheet } from './plan';
import { readPlanAnswers } from './planReader';
import { ARGUMENTS_PROBE, describeArguments, runSelfTest, SELF_TEST_SHEET } from './selfTest';
import { applyToSimilar, getSimilarRows, makeRule } from './similarRows';

interface EntryPoint {
  /** Parameter names of the top-level stub. */
  params: string[];
  /** The JSDoc line above the stub. */
  doc: string;
  run: (...args: never[]) => unknown;
}

type ParamNames<T extends unknown[]> = { [I in keyof T]: string };
/** The server takes what arrives as unknown until it has validated it. */
type Unchecked<T extends unknown[]> = { [I in keyof T]: unknown };

/** Each target: one parameter name per protocol argument, and the protocol's result. */
type ServerEntryPoints = {
  [K in ServerFunctionName]: EntryPoint & {
    params: ParamNames<Parameters<ServerFunctions[K]>>;
    run: (...args: Unchecked<Parameters<ServerFunctions[K]>>) => ReturnType<ServerFunctions[K]>;
  };
};

export const serverEntryPoints: ServerEntryPoints = {
  leapGetDraft: { params: [], doc: "Sidebar: the wizard's saved draft, or nulls.", run: getDraft },
  leapSaveDraft: { params: ['answers'], doc: "Sidebar: saves the wizard's answers so far.", run: saveDraft },
  leapClearDraft: { params: [], doc: 'Sidebar: forgets the draft (Start over).', run: clearDraft },
  leapBuildPlan: {
    params: ['answers'],
    doc: 'Sidebar: validates the answers and builds the Transition Plan sheet.',
    run: buildPlanSheet,
  },
  leapActivatePlan: { params: [], doc: 'Sidebar: shows the Transition Plan sheet.', run: activatePlan },
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
  leapGetImportPage: {
    params: [],
    doc: "Import page: the document's date and number style, and the last import, before anything is shown.",
    run: getImportPage,
  },
  leapUndoLastImport: {
    params: ['request'],
    doc: 'Import page: removes the rows of the last import, all or nothing ({importId, removeEdited}).',
    run: undoLastImport,
  },
  leapGetPlanAnswers: {
    params: [],
    doc: "Sidebar: the plan's input cells as answers, or null without a plan.",
    run: readPlanAnswers,
  },
  leapGetCheckIn: { params: [], doc: 'Check-in page: last month and the year so far, as the sheets show them.', run: getCheckIn },
  leapSetPlanHistory: {
    params: ['source'],
    doc: 'Check-in page: the plan runs on the Books\' months ("books") or on your own figures ("plan").',
    run: setPlanHistory,
  },
  leapSaveCheckIn: { params: [], doc: "Check-in page: appends today's key numbers to the Check-ins sheet.", run: saveCheckIn },
  leapShowUncategorised: {
    params: ['scope'],
    doc: 'Check-in page: shows the Ledger filtered to the uncategorised rows of a month or a year ({year, month}).',
    run: showUncategorised,
  },
  leapShowInvoices: { params: [], doc: 'Check-in page: shows the Invoices sheet.', run: showInvoices },
  leapGetInvoiceMatches: {
    params: [],
    doc: 'Check-in page: open invoices with the Ledger deposits that could have paid them, and the matches made.',
    run: getInvoiceMatches,
  },
  leapMatchInvoice: {
    params: ['request'],
    doc: 'Check-in page: links an invoice to the deposit that paid it ({invoiceRow, invoice, ledgerRow, key}).',
    run: matchInvoice,
  },
  leapUnmatchInvoice: {
    params: ['request'],
    doc: "Check-in page: undoes an invoice's match to a deposit ({invoiceRow, invoice}).",
    run: unmatchInvoice,
  },
  leapGetSimilarRows: {
    params: [],
    doc: 'Check-in page: the uncategorised rows and the rows categorised by hand that no rule covers, grouped by description.',
    run: getSimilarRows,
  },
  leapMakeRule: {
    params: ['request'],
    doc: 'Check-in page: adds a rule word to a category on the Categories sheet and categorises the uncategorised rows it matches.',
    run: makeRule,
  },
  leapApplyToSimilar: {
    params: ['request'],
    doc: 'Check-in page: categorises the uncategorised Ledger rows a word matches ({word, category}).',
    run: applyToSimilar,
  },
};

export const entryPoints: Record<string, EntryPoint> = {
  onOpen: { params: ['e'], doc: `Builds the Extensions > ${PRODUCT_NAME} menu. Needs no authorization.`, run: onOpen },
  onInstall: { params: ['e'], doc: 'Runs onOpen when the add-on is installed.', run: onOpen },
  leapShowSidebar: { params: [], doc: 'Menu: opens the transition wizard in the sidebar.', run: showSidebar },
  leapInsertExamples: {
    params: [],
    doc: `Menu: adds a sheet with every ${PRODUCT_NAME} function and a live example.`,
    run: insertExamples,
  },
  leapSetupInvoices: {
    params: [],
    doc: 'Menu: makes the Invoices sheet, or writes its formulas again without touching your rows.',
    run: setupInvoices,
  },
  leapMakeInvoice: { params: [], doc: 'Menu: lays out the selected invoice row as a printable sheet.', run: makeInvoice },
  leapShowImport: { params: [], doc: 'Menu: opens the bank statement import page.', run: showImport },
  leapSetUpBooks: { params: [], doc: 'Menu: makes the Ledger, Categories and Books sheets where missing.', run: setUpBooks },
  leapShowCheckIn: { params: [], doc: 'Menu: opens the monthly check-in in the sidebar.', run: showCheckIn },
  leapShowHelp: { params: [], doc: `Menu: shows what ${PRODUCT_NAME} does and where to read more.`, run: showHelp },
  leapSelfTest: {
    params: [],
    doc: `Run from the script editor (or clasp run-function): checks the Sheets behaviours ${PRODUCT_NAME} relies on here and writes the "${SELF_TEST_SHEET}" sheet.`,
    run: runSelfTest,
  },
  // No @customfunction (entry-point stubs carry none), so Sheets never offers it; the self-test calls it from cells.
  [ARGUMENTS_PROBE]: {
    params: ['first', 'second', 'third'],
    doc: `leapSelfTest's probe: describes the arguments a custom function receives. Not one of ${PRODUCT_NAME}'s functions.`,
    run: describeArguments,
  },
  ...serverEntryPoints,
};
