/**
 * Plan-build figures on the emulator: Spreadsheet-service calls of one build (what each costs a user in
 * round trips to Google), cells that call a Jumpwise function (each is a round trip on recalculation), and
 * the time of one build with HyperFormula evaluating the sheet.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import {
  CA_INPUT_NAMES,
  FLAT_INPUT_NAMES,
  INPUT_NAMES,
  KEY_NUMBERS,
  UK_INPUT_NAMES,
  US_INPUT_NAMES,
} from '../../src/plan/layout';
import { createLeapEmulator } from '../../test/support/emulator';
import { medianTime } from './measure';

/**
 * The most cells of a built plan that call a Jumpwise function, in every tax setting (issue 20): each is an execution
 * of its own on Google when its inputs change. Sheets' own formulas do the arithmetic; what is left is what
 * built-ins cannot do: the simulations (quit date, risk, fan and the what-if's six), the buffer schedule, the
 * tax tables (the US estimate's two rates, the UK's and Canada's two rates and one calendar) and the US due dates.
 */
export const PLAN_FUNCTION_CELL_BUDGET = 15;

/**
 * The most document round trips one first build may make: 33 for the sheet itself (every block in one
 * batched call, two charts, the document's locale, one read of the key numbers for the sidebar, the column widths
 * (a call per run of equal width, so the fan's headings and the tax workings read whole) and the flush before the
 * document lock goes (src/sheets/lock.ts)) plus one per named range, since Apps Script sets named ranges one at a time
 * (the US estimate names more inputs than a flat rate).
 */
export const PLAN_CALL_BUDGET =
  33 +
  KEY_NUMBERS.length +
  INPUT_NAMES.length +
  Math.max(US_INPUT_NAMES.length, FLAT_INPUT_NAMES.length, UK_INPUT_NAMES.length, CA_INPUT_NAMES.length);

/** Services that are not the spreadsheet: calls to them are not round trips to the document. */
const NOT_SPREADSHEET =
  /^(PropertiesService|Properties|LockService|Lock|HtmlService|HtmlOutput|HtmlTemplate|Session|Utilities|Logger|Ui|Menu)$/;
/**
 * Builders (conditional-format rules, charts, data validation) configure an object in memory; the
 * document is reached only by the one call that applies what they built (setConditionalFormatRules,
 * insertChart, setDataValidation), which is counted. Their own calls, and the new…() that makes one,
 * are reported separately.
 */
const BUILDER = /Builder$/;
const isBuilderCall = (c: { service: string; method: string }) => BUILDER.test(c.service) || /^new[A-Z]/.test(c.method);

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
  const emulator = createLeapEmulator();
  loadDist(emulator, distDir);
  return emulator;
}

/**
 * Calls of the build itself. Custom functions the sheet recalculates run, on Google, as executions of their
 * own (the emulator tags their calls); planCustomFunctionCells (settleRounds.ts) counts those cells instead.
 */
export function countSpreadsheetCalls(emulator: Emulator): { document: number; builder: number; other: number } {
  const build = emulator.calls.filter((c) => !c.inCustomFunction);
  const spreadsheet = build.filter((c) => !NOT_SPREADSHEET.test(c.service));
  const builder = spreadsheet.filter(isBuilderCall).length;
  return { document: spreadsheet.length - builder, builder, other: build.length - spreadsheet.length };
}

export interface PlanCalls {
  /** Document calls of a first build, per schedule length: the benchmark's figure. */
  first: Record<'12' | '36' | '60', number>;
  /** A rebuild also reads the old plan's ticks and notes and swaps the sheets. */
  rebuild: number;
  /** Builder calls and non-spreadsheet calls (lock, time zone formatting) of a first build. */
  builder: number;
  other: number;
}

export function measurePlanCalls(distDir: string, base: Record<string, unknown>): PlanCalls {
  const first = {} as Record<'12' | '36' | '60', number>;
  let counts = { document: 0, builder: 0, other: 0 };
  for (const months of [12, 36, 60] as const) {
    const emulator = freshEmulator(distDir);
    emulator.resetCalls();
    emulator.run('leapBuildPlan', answersForSchedule(base, months));
    counts = countSpreadsheetCalls(emulator);
    first[String(months) as '12' | '36' | '60'] = counts.document;
  }
  const emulator = freshEmulator(distDir);
  emulator.run('leapBuildPlan', base);
  emulator.resetCalls();
  emulator.run('leapBuildPlan', base);
  return { first, rebuild: countSpreadsheetCalls(emulator).document, builder: counts.builder, other: counts.other };
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
