/**
 * Plan-build figures on the emulator: Spreadsheet-service calls of one build (what each costs a user in
 * round trips to Google), cells that call a Leap function (each is a round trip on recalculation), and
 * the time of one build with HyperFormula evaluating the sheet.
 */
import { createEmulator, type Emulator, loadDist } from '../../emulator/src';
import { medianTime } from './measure';

/** Services that are not the spreadsheet: calls to them are not round trips to the document. */
const NOT_SPREADSHEET =
  /^(PropertiesService|Properties|LockService|Lock|HtmlService|HtmlOutput|HtmlTemplate|Session|Utilities|Logger|Ui|Menu)$/;

/** Answers whose buffer takes exactly `months` months to fill: target (3,000 + 500) x 6 = 21,000 from 0. */
export function answersForSchedule(base: Record<string, unknown>, months: number): Record<string, unknown> {
  return {
    ...base,
    monthlyExpenses: 3000,
    healthMonthly: 500,
    bufferMonths: 6,
    currentSavings: 0,
    monthlySavings: 21000 / months,
  };
}

function freshEmulator(distDir: string): Emulator {
  const emulator = createEmulator();
  loadDist(emulator, distDir);
  return emulator;
}

/** Names of the custom functions, from the bundle's own table. */
function leapFunctionNames(distDir: string): string[] {
  const context = loadDist(createEmulator(), distDir);
  return (context.Leap.describeFunctions() as { name: string }[]).map((f) => f.name);
}

export function countSpreadsheetCalls(emulator: Emulator): number {
  return emulator.calls.filter((c) => !NOT_SPREADSHEET.test(c.service)).length;
}

export function measurePlanCalls(distDir: string, base: Record<string, unknown>): Record<'12' | '36' | '60', number> {
  const result = {} as Record<'12' | '36' | '60', number>;
  for (const months of [12, 36, 60] as const) {
    const emulator = freshEmulator(distDir);
    emulator.resetCalls();
    emulator.run('leapBuildPlan', answersForSchedule(base, months));
    result[String(months) as '12' | '36' | '60'] = countSpreadsheetCalls(emulator);
  }
  return result;
}

export function measurePlanFormulaCells(distDir: string, base: Record<string, unknown>): number {
  const emulator = freshEmulator(distDir);
  const { sheetName } = emulator.run('leapBuildPlan', base) as { sheetName: string };
  const names = leapFunctionNames(distDir);
  const sheet = emulator.toJSON().sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`the plan sheet ${sheetName} is missing after the build`);
  const callsLeap = new RegExp(`\\b(${names.join('|')})\\s*\\(`, 'i');
  return Object.values(sheet.cells).filter((c) => c.formula && callsLeap.test(c.formula)).length;
}

export function measureBuildMs(distDir: string, base: Record<string, unknown>): number {
  let emulator = freshEmulator(distDir);
  return medianTime(
    () => emulator.run('leapBuildPlan', base),
    5,
    1,
    () => {
      emulator = freshEmulator(distDir);
    },
  );
}
