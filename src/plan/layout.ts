/**
 * The Transition Plan sheet as a pure grid: values, formulas, formats, named ranges, rules and charts. Every key
 * number is a live formula on the Inputs cells, so editing an input updates the plan. The writer
 * (src/sheets/planWriter.ts) only copies this onto a sheet in a few calls.
 *
 * The sheet is a list of blocks, one module each (src/plan/blocks/index.ts), placed on the shared grid
 * (src/layout/grid.ts):
 * - a new key number: one entry in KEY_NUMBERS (src/plan/blocks/keyNumbers.ts): name, label, format, meaning and
 *   formula, reading other cells through `read.cell(name)`; the sidebar, the check-ins and the named ranges follow;
 * - a new input: one entry in PLAN_INPUTS (src/plan/blocks/inputs.ts), or in its tax setting's `inputs`;
 * - a new country's calendar: one tax setting in src/plan/blocks/taxSettings.ts, with a CountryCalendar module like
 *   src/plan/blocks/calendarUk.ts (or its own calendar block, like calendarUs.ts).
 */

import { callsLeapFunction } from '../functions';
import { type BuiltGrid, type Cell, columnLetters, Grid, INPUT_FILL, longestChain } from '../layout/grid';
import { MAIN_FLOW, PLAN_BLOCKS } from './blocks';
import {
  type CarriedItem,
  type ChartSpec,
  FAN,
  FIGURES,
  FORMATS,
  INPUTS_ROW,
  ITEM_ID,
  type LinkedHistory,
  type PlanFormats,
  type PlanSheet,
} from './blocks/common';
import { PLAN_INPUTS } from './blocks/inputs';
import { TAX_SETTINGS, taxSettingOf } from './blocks/taxSettings';
import type { Plan } from './model';

export { CHECKLIST_HEADER } from './blocks/checklist';
export { FORMATS, SCHEDULE_ROWS } from './blocks/common';
export { TAX_COUNTRY_LABEL, TAX_MODE_LABEL, UK_REGIONS } from './blocks/inputs';
export { KEY_NUMBERS, type KeyNumberName } from './blocks/keyNumbers';
export { PROVINCE_RATE_LABEL, UK_REGION_LABEL } from './blocks/taxSettings';
export type { CarriedItem, LinkedHistory };
export { type Cell, columnLetters, INPUT_FILL };

/** The editable inputs whose names are a contract, every plan's; then those a tax setting adds. */
export const INPUT_NAMES = PLAN_INPUTS.map((i) => i.name);
const namesOf = (system: keyof typeof TAX_SETTINGS) => TAX_SETTINGS[system].inputs.map((i) => i.name);
/** Inputs that exist only with the US estimate: wages in the leave year start as a formula the person may overwrite. */
export const US_INPUT_NAMES = namesOf('us_estimate');
/** The input that exists only with a flat rate. */
export const FLAT_INPUT_NAMES = namesOf('flat');
/** Inputs of the UK estimate (wages of the leave tax year start as a formula, as in the US). */
export const UK_INPUT_NAMES = namesOf('uk');
/** Inputs of the Canadian estimate. */
export const CA_INPUT_NAMES = namesOf('canada');

export interface PlanSheetLayout {
  rows: number;
  columns: number;
  cells: Cell[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  /** null: no fill. */
  backgrounds: (string | null)[][];
  /** name -> A1 of one cell (no sheet name: the writer adds the sheet). */
  namedRanges: Record<string, string>;
  /** The key numbers' values, A1: right-aligned, so "∞" lines up with the numbers. */
  rightAligned: string;
  /** 1-based columns hidden from the person: the checklist's item ids and the tax calendar's period ends. */
  hiddenColumns: number[];
  /** The Done column of the checklist, A1. */
  checkboxRange: string;
  /**
   * Text that wraps within its column rather than being cut off by the next cell, A1 each: the checklist's steps and
   * target dates (a step or a "Not yet" warning), and a country calendar's payment words.
   */
  wrapRanges: string[];
  conditionalRules: BuiltGrid['conditionalRules'];
  /** The inputs' rules: each refuses what a person types outside it (src/plan/blocks/inputs.ts inputRule). */
  validations: BuiltGrid['validations'];
  /** The buffer chart, then the runway fan. */
  charts: ChartSpec[];
  frozenRows: number;
  /** Pixel width of each column, left to right. */
  columnWidths: number[];
}

interface PlanLayoutOptions {
  /** The history to run on instead of the pasted figures or the five steps from the low to the good month. */
  linkedHistory?: LinkedHistory;
}

/**
 * The plan's blocks on one grid: its declarations are the sheet's dependency graph. `builtOn` is the ISO date of the
 * build (shown under the title); `carried` holds ticks and notes from the previous plan by checklist item id;
 * `formats` the number formats (money follows the document's locale).
 */
export function planGrid(
  plan: Plan,
  builtOn: string,
  carried: Record<string, CarriedItem> = {},
  formats: PlanFormats = FORMATS,
  options: PlanLayoutOptions = {},
): { grid: Grid; sheet: PlanSheet } {
  const answers = plan.answers;
  const linked = options.linkedHistory;
  const figuresLength = linked ? linked.cells.length : answers.monthlyFigures?.length;
  const sheet: PlanSheet = {
    plan,
    answers,
    builtOn,
    carried,
    formats,
    linked,
    tax: taxSettingOf(answers),
    figuresLength,
    historyLength: figuresLength || 5,
    extras: { charts: [], checkboxRange: '', wrapRanges: [], rightAligned: '' },
  };
  const grid = new Grid();
  for (const block of PLAN_BLOCKS) block(grid, sheet);
  let row = INPUTS_ROW;
  for (const block of MAIN_FLOW) row = block(grid, sheet, row);
  return { grid, sheet };
}

/** Lays out the plan (see planGrid). */
export function layoutPlan(
  plan: Plan,
  builtOn: string,
  carried: Record<string, CarriedItem> = {},
  formats: PlanFormats = FORMATS,
  options: PlanLayoutOptions = {},
): PlanSheetLayout {
  const { grid, sheet } = planGrid(plan, builtOn, carried, formats, options);
  const built = grid.build(formats.general);
  // Runs of equal width, one call each: labels, values and details, the what-if's third case and notes, the rest; to
  // the right the earnings history's heading, and the fan's and the tax workings' columns: the months and the
  // workings' labels, then the low band and the workings' payment words.
  const widthOf: Record<number, number> = { 1: 340, 2: 120, 3: 120, 4: 200, [FIGURES]: 120, [FAN]: 200, [FAN + 1]: 420 };
  return {
    rows: built.rows,
    columns: built.columns,
    cells: built.cells,
    numberFormats: built.numberFormats,
    fontWeights: built.fontWeights,
    backgrounds: built.backgrounds,
    namedRanges: built.namedRanges,
    checkboxRange: sheet.extras.checkboxRange,
    wrapRanges: sheet.extras.wrapRanges,
    rightAligned: sheet.extras.rightAligned,
    // The item ids (and the calendar's period ends) are for Jumpwise: a rebuild finds ticks and notes by them.
    hiddenColumns: [ITEM_ID],
    conditionalRules: built.conditionalRules,
    validations: built.validations,
    charts: sheet.extras.charts,
    frozenRows: 2,
    // The fan's median, high band and zero line share one width past the workings: one run, one call.
    columnWidths: Array.from({ length: built.columns }, (_, i) => widthOf[i + 1] ?? (i + 1 > FAN + 1 ? 170 : 100)),
  };
}

/**
 * How a plan settles on Sheets, from its declarations rather than a built sheet: each cell calling a Jumpwise function is
 * an execution of its own, and one whose formula reads another (through any plain formulas between) waits for it.
 * `chain` is the longest such chain of declarations, first computed first: the rounds of "Loading..." an edit can take.
 */
export function planSettling(grid: Grid): { chain: string[]; customFunctionCells: number } {
  const declarations = grid.declarations();
  const customFunctionCells = declarations.reduce((n, d) => n + d.formulas.filter(callsLeapFunction).length, 0);
  return { chain: longestChain(declarations, callsLeapFunction), customFunctionCells };
}
