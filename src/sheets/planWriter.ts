/**
 * Writes the Transition Plan sheet: the only code that calls SpreadsheetApp for the plan.
 *
 * The new plan is written in full to a new sheet first and swapped in only when complete, so a failure
 * leaves the previous plan as it was. The plan is recognised by developer metadata (also after the user
 * renames it); a sheet Jumpwise did not make is never touched. Everything is written in a few batched calls:
 * one getRangeList for every range, then one call per property of the whole grid.
 */

import type { Validation } from '../layout/grid';
import { cellValue } from '../plan/cellValue';
import { type CarriedItem, CHECKLIST_HEADER, columnLetters, type PlanSheetLayout } from '../plan/layout';
import { underDocumentLock } from './lock';
import { pointName } from './names';

const PLAN_SHEET_NAME = 'Transition Plan';
/** Marks the sheet Jumpwise made; the value is the layout version. */
const PLAN_METADATA_KEY = 'leap.transitionPlan';
const LAYOUT_VERSION = '1';
/** How long a build waits for another build in the same spreadsheet before giving up. */
export const LOCK_WAIT_MS = 5000;

export const BUILD_RUNNING_MESSAGE = 'A build is already running in this spreadsheet. Wait for it to finish, then build again.';

/** The sheet Jumpwise marked with `key` in this spreadsheet, whatever it is called now, or null. */
export function findMarkedSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(key).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/** The plan sheet Jumpwise made in this spreadsheet, whatever it is called now, or null. */
export const findPlanSheet = (spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null =>
  findMarkedSheet(spreadsheet, PLAN_METADATA_KEY);

/**
 * Ticks and notes of the previous plan by checklist item id. The checklist is found by its header row,
 * so rows or columns the user inserted above, beside or inside it do not matter. `shown` holds the display
 * values (getDisplayValues), from which notes are read.
 */
export function readChecklist(
  values: unknown[][],
  shown: string[][] = values.map((row) => row.map(String)),
): Record<string, CarriedItem> {
  const carried: Record<string, CarriedItem> = {};
  const headerRow = values.findIndex((row) => CHECKLIST_HEADER.every((h) => row.includes(h)));
  if (headerRow < 0) return carried;
  const header = values[headerRow];
  const column = (h: (typeof CHECKLIST_HEADER)[number]) => header.indexOf(h);
  const [done, notes, id] = [column('Done'), column('Notes'), column('Item id')];
  for (let r = headerRow + 1; r < values.length; r++) {
    const itemId = values[r][id];
    // A row without an id (one the user inserted, or the sections below) is passed over, not the end.
    if (typeof itemId !== 'string' || itemId === '') continue;
    // Notes are carried as the user sees them: a date or an amount typed as a note keeps its look.
    carried[itemId] = { done: values[r][done] === true, notes: shown[r][notes] ?? '' };
  }
  return carried;
}

interface NewSheet {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  name: string;
}

/**
 * A first plan goes straight into a new sheet under the first free name of "Transition Plan",
 * "Transition Plan 2", ...: inserting is also the check that no other sheet uses the name.
 */
function insertUnderFreeName(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): NewSheet {
  for (let n = 1; ; n++) {
    const name = n === 1 ? PLAN_SHEET_NAME : `${PLAN_SHEET_NAME} ${n}`;
    try {
      return { sheet: spreadsheet.insertSheet(name), name };
    } catch (error) {
      if (!/already exists/i.test(error instanceof Error ? error.message : String(error))) throw error;
    }
  }
}

interface PlanWriteResult {
  sheetName: string;
}

/**
 * Builds the plan sheet under the document lock. `makeLayout` receives the previous plan's ticks and
 * notes and returns the grid to write.
 */
export function writePlan(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  makeLayout: (carried: Record<string, CarriedItem>) => PlanSheetLayout,
): PlanWriteResult {
  return underDocumentLock(LOCK_WAIT_MS, BUILD_RUNNING_MESSAGE, () => writeUnderLock(spreadsheet, makeLayout));
}

function writeUnderLock(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  makeLayout: (carried: Record<string, CarriedItem>) => PlanSheetLayout,
): PlanWriteResult {
  const previous = findPlanSheet(spreadsheet);
  const previousRange = previous?.getDataRange();
  const carried = previousRange ? readChecklist(previousRange.getValues(), previousRange.getDisplayValues()) : {};
  const layout = makeLayout(carried);
  // A rebuild is written beside the old plan and later takes the name the user gave it.
  // Read before the new sheet exists: from here on, any failure must remove it.
  const previousName = previous?.getName();
  const buildingName = `${PLAN_SHEET_NAME} (building ${Date.now()})`;
  const { sheet: building, name: newName } = previous
    ? { sheet: spreadsheet.insertSheet(buildingName), name: buildingName }
    : insertUnderFreeName(spreadsheet);
  const finalName = previousName ?? newName;
  const rename = finalName !== newName ? finalName : undefined;
  const moved: MovedName[] = [];
  swapInBuiltSheet(spreadsheet, previous ?? null, building, {
    write: () => {
      const ranges = writeLayout(building, layout);
      building.addDeveloperMetadata(PLAN_METADATA_KEY, LAYOUT_VERSION);
      // Names move to the new sheet while the old one still stands: deleting the sheet a name points to breaks the
      // name for good (see pointNames), and the Books sheet reads JW_TAX_RATE and JW_FILING_STATUS by name.
      pointNames(spreadsheet, ranges.named, previous !== null, moved);
      return ranges;
    },
    abandon: () => restoreNames(spreadsheet, moved),
    finish: () => finishSwap(building, rename),
    finishAgain: () => finishSwap(building, rename),
  });
  return { sheetName: finalName };
}

/**
 * Swaps a sheet Jumpwise has just built in for the one it replaces (the plan, the examples), so a failure never
 * leaves the user with neither. `write` fills `building` completely, marks it as Jumpwise's and returns what
 * `finish` needs. Until the old sheet is deleted, a failure deletes `building` and the old sheet stands as it
 * was (`abandon` first undoes what `write` did outside the new sheet). After, `building` is the only copy: a failure
 * in `finish` (naming it) is tried once more with `finishAgain`, and whatever happens then, the new sheet is kept.
 */
export function swapInBuiltSheet<T>(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  previous: GoogleAppsScript.Spreadsheet.Sheet | null,
  building: GoogleAppsScript.Spreadsheet.Sheet,
  steps: { write: () => T; finish: (written: T) => void; finishAgain: () => void; abandon?: () => void },
): void {
  let previousDeleted = false;
  try {
    const written = steps.write();
    // The point of no return: until here a failure removes the new sheet and the old one stands.
    if (previous) spreadsheet.deleteSheet(previous);
    previousDeleted = previous !== null;
    steps.finish(written);
  } catch (error) {
    if (!previousDeleted) {
      steps.abandon?.();
      spreadsheet.deleteSheet(building);
      throw error;
    }
    steps.finishAgain();
  }
}

interface WrittenRanges {
  named: Record<string, GoogleAppsScript.Spreadsheet.Range>;
}

/** A name moved to the new sheet, and the range it had before (null: it was new), to move it back. */
type MovedName = [string, GoogleAppsScript.Spreadsheet.Range | null];

/**
 * Points each name at its range on the new sheet, before the old sheet is deleted: deleting the sheet a name points to
 * breaks the name for good (see pointName). On a rebuild the names' current ranges are read first, so a build
 * abandoned before the swap can put them back; a live name that cannot be moved is a failure of the build.
 */
function pointNames(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  named: Record<string, GoogleAppsScript.Spreadsheet.Range>,
  rebuilding: boolean,
  /** Filled as names move, so a failure part-way still knows which to put back. */
  moved: MovedName[],
): void {
  for (const [name, range] of Object.entries(named)) {
    const before = rebuilding ? spreadsheet.getRangeByName(name) : null;
    if (before) {
      spreadsheet.setNamedRange(name, range);
      moved.push([name, before]);
    } else if (pointName(spreadsheet, name, range)) {
      moved.push([name, null]);
    }
  }
}

/** Puts moved names back where they were, as far as it can: the build is failing already. */
function restoreNames(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, moved: MovedName[]): void {
  for (const [name, before] of moved) {
    try {
      if (before) spreadsheet.setNamedRange(name, before);
      else spreadsheet.removeNamedRange(name);
    } catch {
      // Leave it: the sheet it points to is deleted next, as any failed build leaves a name it added.
    }
  }
}

function finishSwap(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  /** The plan's final name, when the sheet does not have it yet. */
  name: string | undefined,
): void {
  if (name !== undefined) sheet.setName(name);
}

/** Writes the grid, checkboxes, rules, chart, frozen rows and widths; returns the ranges names will point to. */
function writeLayout(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: PlanSheetLayout): WrittenRanges {
  const names = Object.keys(layout.namedRanges);
  const ruleRanges = layout.conditionalRules.map((r) => r.range);
  const a1s = [
    `A1:${columnLetters(layout.columns)}${layout.rows}`,
    layout.checkboxRange,
    ...layout.wrapRanges,
    layout.rightAligned,
    ...layout.charts.flatMap((c) => c.ranges),
    ...ruleRanges,
    ...names.map((n) => layout.namedRanges[n]),
    ...(layout.validations.length > 0 ? [validationBox(layout.validations).a1] : []),
  ];
  const ranges = sheet.getRangeList(a1s).getRanges();
  let i = 0;
  const grid = ranges[i++];
  const checkboxes = ranges[i++];
  const wrapped = layout.wrapRanges.map(() => ranges[i++]);
  const rightAligned = ranges[i++];
  const chartRanges = layout.charts.map((c) => c.ranges.map(() => ranges[i++]));
  const rules = ruleRanges.map(() => ranges[i++]);
  const named = Object.fromEntries(names.map((n) => [n, ranges[i++]]));
  const validated = layout.validations.length > 0 ? ranges[i++] : null;

  // The boxes go in before the values: insertCheckboxes() sets every cell of its range to false (Google's Range
  // reference, insertCheckboxes), so after it the carried-over ticks would be gone. setValues then ticks them.
  checkboxes.insertCheckboxes();
  grid.setValues(layout.cells.map((row) => row.map((cell) => cellValue(cell))));
  grid.setNumberFormats(layout.numberFormats);
  grid.setFontWeights(layout.fontWeights);
  grid.setBackgrounds(layout.backgrounds);
  for (const range of wrapped) range.setWrap(true);
  rightAligned.setHorizontalAlignment('right');

  sheet.setConditionalFormatRules(
    layout.conditionalRules.map((rule, k) => {
      const builder = SpreadsheetApp.newConditionalFormatRule();
      const when =
        rule.when === 'numberLessThan'
          ? builder.whenNumberLessThan(rule.value as number)
          : rule.when === 'formula'
            ? builder.whenFormulaSatisfied(String(rule.value))
            : builder.whenNumberGreaterThanOrEqualTo(rule.value as number);
      return when.setBackground(rule.background).setRanges([rules[k]]).build();
    }),
  );

  if (validated) validated.setDataValidations(validationRules(layout.validations));

  layout.charts.forEach((spec, k) => {
    const chart = sheet.newChart().setChartType(Charts.ChartType.LINE);
    for (const range of chartRanges[k]) chart.addRange(range);
    sheet.insertChart(
      chart
        .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
        .setOption('title', spec.title)
        .setOption('vAxis.format', spec.axisFormat)
        .build(),
    );
  });

  sheet.setFrozenRows(layout.frozenRows);
  for (const column of layout.hiddenColumns) sheet.hideColumns(column);
  // Widths by runs of equal width: one call per run.
  let start = 0;
  for (let c = 1; c <= layout.columnWidths.length; c++) {
    if (c === layout.columnWidths.length || layout.columnWidths[c] !== layout.columnWidths[start]) {
      sheet.setColumnWidths(start + 1, c - start, layout.columnWidths[start]);
      start = c;
    }
  }
  return { named };
}

/** A single cell's A1 ("B12") as 1-based row and column. */
function cellOf(a1: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) throw new Error(`A validation's range must be one cell, not ${a1}`);
  const column = match[1].split('').reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

/** The rectangle holding every validated cell, so the rules go on in one setDataValidations call. */
function validationBox(validations: readonly Validation[]): {
  a1: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
} {
  const cells = validations.map((v) => cellOf(v.range));
  const top = Math.min(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.column));
  const bottom = Math.max(...cells.map((c) => c.row));
  const right = Math.max(...cells.map((c) => c.column));
  const a1 = `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
  return { a1, top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

/**
 * Each rule as Sheets builds it (Class DataValidationBuilder, developers.google.com/apps-script/reference/spreadsheet/
 * data-validation-builder): setAllowInvalid(false) refuses the input rather than flagging it, and the help text says
 * what the cell takes.
 */
function buildRule(validation: Validation): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  switch (validation.kind) {
    case 'checkbox':
      return builder.requireCheckbox().build();
    case 'list':
      builder.requireValueInList([...validation.values], true);
      break;
    case 'atLeast':
      builder.requireNumberGreaterThanOrEqualTo(validation.min);
      break;
    case 'between':
      builder.requireNumberBetween(validation.min, validation.max);
      break;
    case 'date':
      builder.requireDate();
      break;
  }
  if (validation.help) builder.setHelpText(validation.help);
  return builder.setAllowInvalid(false).build();
}

/** The rules over the validations' rectangle, cell by cell; null where a cell has none. */
function validationRules(validations: readonly Validation[]): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
  const box = validationBox(validations);
  const rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = Array.from({ length: box.rows }, () =>
    Array.from({ length: box.columns }, () => null),
  );
  for (const validation of validations) {
    const { row, column } = cellOf(validation.range);
    rules[row - box.top][column - box.left] = buildRule(validation);
  }
  return rules;
}
