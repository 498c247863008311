/** Building and showing the plan: validate the answers, compute the plan, lay it out, write it. */
import { FIELDS, type FieldName, validateAnswers } from '../plan/answers';
import { KEY_NUMBERS, type KeyNumberName, layoutPlan } from '../plan/layout';
import { buildPlan, type PlanNumbers } from '../plan/model';
import { findPlanSheet, writePlan } from './planWriter';

type KeyNumbers = Record<KeyNumberName, PlanNumbers[keyof PlanNumbers]>;

export interface BuildResult {
  sheetName: string;
  /** The named outputs as the sheet computes them (same functions, same inputs). */
  keyNumbers: KeyNumbers;
}

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
  const { sheetName } = writePlan(spreadsheet, (carried) => layoutPlan(plan, builtOn, carried));
  const keyNumbers = Object.fromEntries(KEY_NUMBERS.map((k) => [k.name, plan.numbers[k.field]])) as KeyNumbers;
  return { sheetName, keyNumbers };
}

export function activatePlan(): { sheetName: string } {
  const sheet = findPlanSheet(SpreadsheetApp.getActiveSpreadsheet());
  if (!sheet) throw new Error('No plan yet: build one from the wizard first.');
  sheet.activate();
  return { sheetName: sheet.getName() };
}
