/** Building and showing the plan: validate the answers, compute the plan, lay it out, write it, read it back. */
import { booksHistory, PLAN_HISTORY_BOOKS, PLAN_HISTORY_PROPERTY } from '../books/checkin';
import { FIELDS, type FieldName, validateAnswers } from '../plan/answers';
import { localeFormats } from '../plan/currency';
import { FORMATS, layoutPlan, type PlanSheetLayout } from '../plan/layout';
import { buildPlan } from '../plan/model';
import type { ActivatedPlan, BuildResult } from '../protocol';
import { readKeyNumbers } from './planReader';
import { findPlanSheet, writePlan } from './planWriter';

/** The build date in the spreadsheet's own time zone, which is the day the user sees. */
function today(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

export function buildPlanSheet(raw: unknown): BuildResult {
  const checked = validateAnswers(raw);
  if (!checked.ok) {
    if (checked.notAnswers) throw new Error(checked.notAnswers);
    const problems = (Object.entries(checked.errors) as [FieldName, string][]).map(
      ([field, message]) => `${FIELDS[field].label}: ${message}`,
    );
    throw new Error(`Some answers need fixing: ${problems.join('; ')}`);
  }
  const plan = buildPlan(checked.answers);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const builtOn = today(spreadsheet);
  // Money and dates show in the document's style: the cells' formats and the sentences' TEXT() alike.
  const formats = { ...FORMATS, ...localeFormats(spreadsheet.getSpreadsheetLocale()) };
  let written: PlanSheetLayout | undefined;
  const { sheetName } = writePlan(spreadsheet, (carried) => {
    written = layoutPlan(plan, builtOn, carried, formats, { linkedHistory: linkedHistoryChoice() });
    return written;
  });
  if (!written) throw new Error('The plan was not laid out; build again.');
  rememberBuiltAnswers(checked.answers);
  // The sidebar shows the numbers as the sheet does: its formulas, its formats, its locale.
  return { sheetName, keyNumbers: readKeyNumbers(spreadsheet, sheetName, written) };
}

/**
 * The answers the plan was last built with, kept in the document so that the plan can be built again from its own
 * inputs (the monthly check-in's history switch) when the wizard's draft is gone (Start over) or holds answers the
 * person has not built yet. The sheet holds the figures; these hold the words (path, niche, habits) it shows.
 */
export const PLAN_ANSWERS_PROPERTY = 'leap.planAnswers';

function rememberBuiltAnswers(answers: unknown): void {
  try {
    PropertiesService.getDocumentProperties().setProperty(PLAN_ANSWERS_PROPERTY, JSON.stringify(answers));
  } catch {
    // The plan is written and whole; without this copy a later rebuild falls back to the draft, as before.
  }
}

/** The answers of the last build, or {} when none were kept or they cannot be read. */
export function builtAnswers(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(PropertiesService.getDocumentProperties().getProperty(PLAN_ANSWERS_PROPERTY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The history a build runs on: the Books' months while the person chose them in the monthly check-in. */
function linkedHistoryChoice() {
  return PropertiesService.getDocumentProperties().getProperty(PLAN_HISTORY_PROPERTY) === PLAN_HISTORY_BOOKS
    ? booksHistory()
    : undefined;
}

export function activatePlan(): ActivatedPlan {
  const sheet = findPlanSheet(SpreadsheetApp.getActiveSpreadsheet());
  if (!sheet) throw new Error('No plan yet: build one from the wizard first.');
  sheet.activate();
  return { sheetName: sheet.getName() };
}
