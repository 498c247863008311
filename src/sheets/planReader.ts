/**
 * Reads the Transition Plan back: the key numbers as the sheet displays them (for the sidebar), and the input
 * cells as answers (so building again starts from what the user edited on the sheet, not from a stale draft).
 * Reads are batched: one getDisplayValues per contiguous block of key numbers, one getValues and one
 * getFormulas over the plan's data for the inputs.
 */
import { FILING_STATUSES, TAX_COUNTRIES, TAX_MODES } from '../plan/answers';
import { PLAN_INPUTS, WAGES_INPUT } from '../plan/blocks/inputs';
import { FILING_STATUS_INPUT, FLAT_RATE_INPUT, STATE_RATE_INPUT } from '../plan/blocks/taxSettings';
import { WHAT_IF, WHAT_IF_FACTORS_LABEL } from '../plan/blocks/whatIf';
import {
  KEY_NUMBERS,
  type PlanSheetLayout,
  PROVINCE_RATE_LABEL,
  TAX_COUNTRY_LABEL,
  TAX_MODE_LABEL,
  UK_REGION_LABEL,
  UK_REGIONS,
} from '../plan/layout';
import type { KeyNumberView, PlanAnswers } from '../protocol';
import { findPlanSheet } from './planWriter';

/**
 * What Sheets shows in a custom function's cell until its result arrives, and in every formula reading it. Google's
 * Custom Functions guide (https://developers.google.com/apps-script/guides/sheets/functions): each custom-function
 * cell is a separate execution, showing "Loading..." until it returns; a cell reading another waits for it.
 */
const STILL_COMPUTING = /^(Loading\.{0,3}|…)$/i;
/**
 * How long the build waits for the key numbers to settle before it answers with those still loading marked as
 * calculating. A plan's custom functions form chains at most three executions deep (a full year's tax rate, the quit
 * date, then the leave year's rate and the simulations from the leave date), each execution about a second.
 */
const COMPUTE_WAIT_MS = 10000;
const COMPUTE_POLL_MS = 500;

/** Whether a cell's displayed text is Sheets' "Loading..." (a custom function, or a formula reading one, not done). */
export const isStillCalculating = (shown: unknown): boolean => typeof shown === 'string' && STILL_COMPUTING.test(shown);

/**
 * Reads, and while any of the texts it shows is still loading, waits and reads again, for up to COMPUTE_WAIT_MS
 * (Utilities.sleep: a script has no other way to wait). Returns the last read; callers say what is still loading.
 */
export function readWhenSettled<T>(read: () => T, shownIn: (read: T) => unknown[]): T {
  let result = read();
  for (let waited = 0; waited < COMPUTE_WAIT_MS && shownIn(result).some(isStillCalculating); ) {
    Utilities.sleep(COMPUTE_POLL_MS);
    waited += COMPUTE_POLL_MS;
    result = read();
  }
  return result;
}

/** Runs of consecutive rows in one column, as A1 ranges with the names in order ("B20:B29"). */
function contiguousBlocks(cells: { name: string; a1: string }[]): { a1: string; names: string[] }[] {
  const blocks: { column: string; first: number; last: number; names: string[] }[] = [];
  for (const { name, a1 } of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(`Key number ${name} is at ${a1}, not at one cell`);
    const [column, row] = [m[1], Number(m[2])];
    const open = blocks[blocks.length - 1];
    if (open && open.column === column && open.last + 1 === row) {
      open.last = row;
      open.names.push(name);
    } else blocks.push({ column, first: row, last: row, names: [name] });
  }
  return blocks.map((b) => ({ a1: `${b.column}${b.first}:${b.column}${b.last}`, names: b.names }));
}

/** A sheet name as A1 notation quotes it: 'Transition Plan'!B20, with any ' doubled. */
const quoted = (sheetName: string): string => `'${sheetName.replace(/'/g, "''")}'`;

/**
 * The key numbers of a plan just written, in sheet order, as displayed: one getRange and one getDisplayValues
 * per block (the plan has one). Reading flushes the writes before it. Cells still computing (Sheets runs
 * custom functions after the write) are read again for a few seconds; any still loading then come back marked
 * `calculating`, never as a figure.
 */
export function readKeyNumbers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheetName: string,
  layout: PlanSheetLayout,
): KeyNumberView[] {
  const blocks = contiguousBlocks(KEY_NUMBERS.map((k) => ({ name: k.name, a1: layout.namedRanges[k.name] })));
  const ranges = blocks.map((b) => spreadsheet.getRange(`${quoted(sheetName)}!${b.a1}`));
  const read = (): Map<string, string> => {
    const shown = new Map<string, string>();
    ranges.forEach((range, i) => {
      const rows = range.getDisplayValues();
      blocks[i].names.forEach((name, r) => {
        shown.set(name, rows[r][0]);
      });
    });
    return shown;
  };
  const shown = readWhenSettled(read, (m) => [...m.values()]);
  return KEY_NUMBERS.map((k) => {
    const display = shown.get(k.name) ?? '';
    return { name: k.name, label: k.label, display, calculating: isStillCalculating(display) };
  });
}

// ---- Inputs back to answers ----

/**
 * The inputs Build again reads back by the label the plan writes beside each (column A, the value beside it): their
 * declarations (src/plan/blocks/inputs.ts, taxSettings.ts) give answer -> label. The UK region and the provincial
 * rate are read below by their own labels.
 */
const READ_BACK = [...PLAN_INPUTS, FILING_STATUS_INPUT, STATE_RATE_INPUT, FLAT_RATE_INPUT, WAGES_INPUT] as const;
/**
 * Inputs that start as a formula the sheet invites the person to type over: a formula there is the plan's own (the
 * answer left empty), a value is the person's figure, which Build again keeps.
 */
const FORMULA_DEFAULTS = ['leaveYearWages'] as const;
export const PLAN_INPUT_LABELS = Object.fromEntries(READ_BACK.map((i) => [i.answer, i.label])) as Readonly<
  Record<(typeof READ_BACK)[number]['answer'], string>
>;
/** The row that says the US estimate is in use (its value is TAX_MODES.us_estimate); the flat rate's row says flat. */
export { TAX_MODE_LABEL };

const INPUTS_HEADING = 'Inputs';
const FIGURES_HEADING = 'Monthly figures';

type Cell = unknown;

const isBlank = (value: Cell): boolean => value === '' || value === null || value === undefined;

const isDate = (value: Cell): boolean => value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';

/** "YYYY-MM-DD" of a date cell in the spreadsheet's time zone (the day the user sees), or the value unchanged. */
function isoDay(value: Cell, timeZone: string): Cell {
  if (isDate(value)) return Utilities.formatDate(value as Date, timeZone, 'yyyy-MM-dd');
  return typeof value === 'string' ? value.trim() : value;
}

/**
 * A money or count cell: numbers as they are, text as typed (the wizard's check then says what to fix). A date (a
 * person pasted one, or typed "3/4" into a date-formatted cell) comes back as its day's text, never as a Date: the
 * answers cross google.script.run, which fails on a Date (Google's HtmlService guide), and the wizard then says the
 * amount is not an amount.
 */
const numberOrText = (value: Cell, formatDay: (value: Cell) => Cell): Cell =>
  isDate(value) ? formatDay(value) : typeof value === 'string' ? value.trim() : value;

/**
 * The answers a plan's grid holds. `values` and `formulas` are the sheet's data range as getValues and
 * getFormulas give them. Pure apart from the time zone, so it is tested on layoutPlan's own grid.
 */
export function answersFromGrid(
  values: Cell[][],
  formulas: string[][],
  formatDay: (value: Cell) => Cell,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const top = values.findIndex((row) => row[0] === INPUTS_HEADING);
  if (top < 0) return answers;
  // The inputs run from the heading to the first row with nothing in its label column.
  const rows: number[] = [];
  for (let r = top + 1; r < values.length && !isBlank(values[r][0]); r++) rows.push(r);
  const rowOf = (label: string): number | undefined => rows.find((r) => values[r][0] === label);
  const valueAt = (r: number): Cell => values[r][1];

  for (const [name, label] of Object.entries(PLAN_INPUT_LABELS) as [keyof typeof PLAN_INPUT_LABELS, string][]) {
    const r = rowOf(label);
    if (r === undefined) continue;
    const value = valueAt(r);
    if (name === 'startDate') answers[name] = formatDay(value);
    else if (name === 'filingStatus') {
      const key = (Object.keys(FILING_STATUSES) as (keyof typeof FILING_STATUSES)[]).find((k) => FILING_STATUSES[k] === value);
      if (key) answers[name] = key;
    } else answers[name] = numberOrText(value, formatDay);
  }
  for (const name of FORMULA_DEFAULTS) {
    const r = rowOf(PLAN_INPUT_LABELS[name]);
    if (r !== undefined && /^=/.test(formulas[r]?.[1] ?? '')) answers[name] = '';
  }
  // A partner's pay on the sheet is a household; both 0 (or the rows absent, an older plan) is living alone.
  const partner = [PLAN_INPUT_LABELS.partnerTakeHome, PLAN_INPUT_LABELS.partnerWages].map(rowOf);
  if (partner.some((r) => r !== undefined)) {
    const shared = partner.some((r) => r !== undefined && !(valueAt(r) === 0 || isBlank(valueAt(r))));
    answers.household = shared ? 'partner' : 'alone';
  }
  // Where the person pays tax; a UK plan's region cell decides between England (with Wales and NI) and Scotland.
  const countryRow = rowOf(TAX_COUNTRY_LABEL);
  const country = (Object.keys(TAX_COUNTRIES) as (keyof typeof TAX_COUNTRIES)[]).find(
    (k) => countryRow !== undefined && TAX_COUNTRIES[k] === valueAt(countryRow),
  );
  if (country) answers.taxCountry = country;
  const regionRow = rowOf(UK_REGION_LABEL);
  if (regionRow !== undefined) {
    const region = String(valueAt(regionRow)).trim().toLowerCase();
    answers.taxCountry = region === UK_REGIONS.uk_scotland ? 'uk_scotland' : 'uk_england';
  }
  const provinceRow = rowOf(PROVINCE_RATE_LABEL);
  if (provinceRow !== undefined) answers.stateTaxRate = numberOrText(valueAt(provinceRow), formatDay);
  const modeRow = rowOf(TAX_MODE_LABEL);
  if (modeRow !== undefined && valueAt(modeRow) === TAX_MODES.us_estimate) answers.taxMode = 'us_estimate';
  else if (rowOf(PLAN_INPUT_LABELS.taxRate) !== undefined) answers.taxMode = 'flat';

  // The what-if factors sit in their own block: the row under the case names, each under its name.
  const factorsRow = values.findIndex((row) => row[0] === WHAT_IF_FACTORS_LABEL);
  if (factorsRow > 0) {
    for (const { name, answer } of WHAT_IF) {
      const column = values[factorsRow - 1].indexOf(name);
      if (column > 0) answers[answer] = numberOrText(values[factorsRow][column], formatDay);
    }
  }

  const figures = readFigures(values, formatDay);
  if (figures) {
    answers.monthlyFigures = figures;
    // A projection the plan takes from the figures (=MIN / =MAX over them) is an answer left empty.
    for (const name of ['projectedMonthlyLow', 'projectedMonthlyHigh'] as const) {
      const r = rowOf(PLAN_INPUT_LABELS[name]);
      if (r !== undefined && /^=\s*(MIN|MAX)\(/i.test(formulas[r]?.[1] ?? '')) answers[name] = '';
    }
  } else {
    // Taken from the Books' months (the monthly check-in's choice), a MIN or MAX is no answer of the person's:
    // the wizard keeps their own low and good month for when they switch back.
    for (const name of ['projectedMonthlyLow', 'projectedMonthlyHigh'] as const) {
      const r = rowOf(PLAN_INPUT_LABELS[name]);
      if (r !== undefined && /^=\s*(MIN|MAX)\(/i.test(formulas[r]?.[1] ?? '')) delete answers[name];
    }
  }
  return answers;
}

/** The pasted monthly figures under their heading, down to the first empty cell. */
function readFigures(values: Cell[][], formatDay: (value: Cell) => Cell): Cell[] | undefined {
  for (let r = 0; r < values.length; r++) {
    const c = values[r].indexOf(FIGURES_HEADING);
    if (c < 0) continue;
    const figures: Cell[] = [];
    for (let k = r + 1; k < values.length && !isBlank(values[k][c]); k++) figures.push(numberOrText(values[k][c], formatDay));
    return figures;
  }
  return undefined;
}

/** The plan's inputs as answers, or null when the spreadsheet has no plan. */
export function readPlanAnswers(): PlanAnswers | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = findPlanSheet(spreadsheet);
  if (!sheet) return null;
  const data = sheet.getDataRange();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const answers = answersFromGrid(data.getValues(), data.getFormulas(), (value) => isoDay(value, timeZone));
  return { sheetName: sheet.getName(), answers };
}
