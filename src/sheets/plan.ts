/** Building and showing the plan: validate the answers, compute the plan, lay it out, write it. */
import { FIELDS, type FieldName, validateAnswers } from '../plan/answers';
import { moneyFormats } from '../plan/currency';
import { FORMATS, KEY_NUMBERS, type KeyNumberName, layoutPlan, type PlanSheetLayout } from '../plan/layout';
import { buildPlan } from '../plan/model';
import { findPlanSheet, writePlan } from './planWriter';

/** Numbers, dates as ISO strings, and text ("∞", or an error cell's text). */
export type KeyNumbers = Record<KeyNumberName, number | string | boolean>;

export interface BuildResult {
  sheetName: string;
  /** The named outputs as the sheet computed them, read back in one call after the build. */
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
  // Money shows in the document's currency: the cells' formats and the sentences' TEXT() alike.
  const formats = { ...FORMATS, ...moneyFormats(spreadsheet.getSpreadsheetLocale()) };
  let layout: PlanSheetLayout | undefined;
  const { sheetName } = writePlan(spreadsheet, (carried) => {
    layout = layoutPlan(plan, builtOn, carried, formats);
    return layout;
  });
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet || !layout) throw new Error(`The plan "${sheetName}" was written but cannot be found; build it again.`);
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const values = sheet.getRange(layout.keyNumbersRange).getValues();
  const keyNumbers = Object.fromEntries(
    KEY_NUMBERS.map((k, i) => {
      const value: unknown = values[i][0];
      // By its tag, not instanceof: a Date may come from another realm than the script's.
      const isDate = Object.prototype.toString.call(value) === '[object Date]';
      return [k.name, isDate ? Utilities.formatDate(value as Date, zone, 'yyyy-MM-dd') : (value as number | string)];
    }),
  ) as KeyNumbers;
  return { sheetName, keyNumbers };
}

export function activatePlan(): { sheetName: string } {
  const sheet = findPlanSheet(SpreadsheetApp.getActiveSpreadsheet());
  if (!sheet) throw new Error('No plan yet: build one from the wizard first.');
  sheet.activate();
  return { sheetName: sheet.getName() };
}
