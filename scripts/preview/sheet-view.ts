/**
 * What the page draws for one sheet, read from the emulator's workbook without the call boundary (so drawing
 * the grid never counts as the add-on's service calls): display values as getDisplayValues gives them, formats,
 * checkboxes, dropdowns, notes, error messages, merges, frozen rows, column widths, conditional fills, charts and
 * the rows a filter hides.
 */
import { cellA1 } from '../../emulator/src/a1';
import type { Spreadsheet } from '../../emulator/src/index';
import { type InputContext, parseInput } from '../../emulator/src/values';
import type { CellView, ChartView, DropdownOption, FilterView, SheetView } from './protocol';

type Sheet = ReturnType<Spreadsheet['getActiveSheet']>;
type Range = ReturnType<Sheet['getRange']>;
type Chart = ReturnType<Sheet['getCharts']>[number];
type Validation = NonNullable<ReturnType<Range['getDataValidation']>>;
type Criteria = NonNullable<ReturnType<NonNullable<ReturnType<Sheet['getFilter']>>['getColumnFilterCriteria']>>;

/** Empty rows and columns drawn past the data, to type into, as a fresh Sheets grid offers. */
const SPARE_ROWS = 30;
const SPARE_COLUMNS = 4;
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;

/** The formula bar's text: the formula, or the value the way one would type it again. */
function typedForm(value: unknown, display: string, numberFormat: string | undefined): string {
  if (typeof value === 'number' && !numberFormat?.includes('%')) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  return display;
}

function alignmentOf(value: unknown, isError: boolean, explicit: string | undefined): CellView['align'] {
  if (explicit === 'center' || explicit === 'right' || explicit === 'left') return explicit;
  if (isError || typeof value === 'boolean') return 'center';
  if (typeof value === 'number' || value instanceof Date) return 'right';
  return 'left';
}

/**
 * What typing needs to give a cell exactly this value: text that Sheets would read as a number, date, boolean or
 * formula gets its leading apostrophe, which keeps it text.
 */
function typedInput(value: unknown, display: string, context: InputContext): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'string') return display;
  const read = parseInput(value, context);
  return read.kind === 'value' && read.value === value && read.numberFormat === undefined ? value : `'${value}`;
}

/**
 * The values a list validation offers, in the list's order, each once: the list's items, or the non-empty cells of
 * its range as they display. Undefined when the rule is not a list or hides its dropdown (showDropdown false).
 */
function dropdownOptions(rule: Validation, context: InputContext): DropdownOption[] | undefined {
  const [source, showDropdown] = rule._values as [unknown, unknown];
  if (showDropdown === false) return undefined;
  let values: unknown[];
  let displays: string[];
  if (rule._criteria === 'VALUE_IN_LIST') {
    values = source as unknown[];
    displays = values.map(String);
  } else if (rule._criteria === 'VALUE_IN_RANGE') {
    // The rule holds the emulator's own Range (the call boundary unwraps arguments): reading it logs no call.
    const range = source as Range;
    values = range.getValues().flat();
    displays = range.getDisplayValues().flat();
  } else return undefined;
  const seen = new Set<string>();
  const options: DropdownOption[] = [];
  values.forEach((value, i) => {
    const label = displays[i];
    if (label === '' || seen.has(label)) return;
    seen.add(label);
    options.push({ label, input: typedInput(value, label, context) });
  });
  return options;
}

/**
 * The sheet's dropdown lists, each read once per rule however many cells share it (a whole column does), and each
 * sent once however many rules give the same values (every import gives its new rows a rule of their own).
 */
class Dropdowns {
  readonly lists: DropdownOption[][] = [];
  private readonly byRule = new Map<Validation, number | undefined>();
  private readonly byValues = new Map<string, number>();
  /** Typing an option is read in the spreadsheet's locale, so whether it needs an apostrophe depends on it. */
  constructor(private readonly context: InputContext) {}
  indexOf(rule: Validation | undefined): number | undefined {
    if (!rule) return undefined;
    if (!this.byRule.has(rule)) {
      const options = dropdownOptions(rule, this.context);
      let index: number | undefined;
      if (options) {
        const key = JSON.stringify(options);
        index = this.byValues.get(key) ?? this.lists.push(options) - 1;
        this.byValues.set(key, index);
      }
      this.byRule.set(rule, index);
    }
    return this.byRule.get(rule);
  }
}

function cellView(sheet: Sheet, row: number, column: number, dropdowns: Dropdowns): CellView | undefined {
  const format = sheet._formats.get(`${row}:${column}`) ?? {};
  const details = sheet._cellDetails(row, column);
  const formula = sheet._formula(row, column);
  const value = sheet._value(row, column);
  const checkbox = format.validation?._criteria === 'CHECKBOX';
  const dropdown = dropdowns.indexOf(format.validation);
  const formatted = Boolean(
    format.background ||
      format.fontWeight === 'bold' ||
      format.fontColor ||
      format.note ||
      format.wrap ||
      checkbox ||
      dropdown !== undefined,
  );
  if (details.display === '' && !formula && !formatted) return undefined;
  const isError = details.error !== undefined;
  const cell: CellView = {
    display: details.display,
    input: formula || typedForm(value, details.display, format.numberFormat),
    align: alignmentOf(value, isError, format.horizontalAlignment),
  };
  if (isError) cell.error = details.error || details.display;
  if (checkbox && typeof value === 'boolean') cell.checked = value;
  if (format.fontWeight === 'bold') cell.bold = true;
  if (format.wrap) cell.wrap = true;
  if (format.fontColor) cell.color = format.fontColor;
  if (format.background) cell.background = format.background;
  if (details.note) cell.note = details.note;
  if (dropdown !== undefined) cell.dropdown = dropdown;
  return cell;
}

/** Whether a cell's value meets a conditional format rule's condition; custom formulas are read for one-cell ranges. */
function meets(sheet: Sheet, criteria: string, values: unknown[], value: unknown, oneCell: boolean): boolean {
  const [x, y] = values as number[];
  const n = typeof value === 'number' ? value : Number.NaN;
  switch (criteria) {
    case 'NUMBER_LESS_THAN':
      return n < x;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= x;
    case 'NUMBER_GREATER_THAN':
      return n > x;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= x;
    case 'NUMBER_EQUAL_TO':
      return n === x;
    case 'NUMBER_BETWEEN':
      return n >= Math.min(x, y) && n <= Math.max(x, y);
    case 'CUSTOM_FORMULA': {
      // A formula is written for the range's first cell; shifting it to other cells is not drawn.
      if (!oneCell) return false;
      try {
        return sheet._host.engine.hf.calculateFormula(String(values[0]), sheet._engineId) === true;
      } catch {
        return false;
      }
    }
    default:
      return false;
  }
}

/** The fill each cell gets from the sheet's conditional format rules: the first rule a cell meets wins, as in Sheets. */
function conditionalFills(sheet: Sheet): Map<string, string> {
  const fills = new Map<string, string>();
  for (const rule of sheet._rules) {
    const { _criteria: criteria, _values: values, _format: format } = rule._condition;
    if (!format.background) continue;
    for (const { _rect: rect } of rule._ranges) {
      const oneCell = rect.numRows === 1 && rect.numColumns === 1;
      for (let row = rect.row; row < rect.row + rect.numRows; row++) {
        for (let column = rect.column; column < rect.column + rect.numColumns; column++) {
          const a1 = cellA1(row, column);
          if (!fills.has(a1) && meets(sheet, criteria, values, sheet._value(row, column), oneCell))
            fills.set(a1, format.background);
        }
      }
    }
  }
  return fills;
}

/** Columns of a chart's ranges, side by side: the first text/date column gives labels, number columns give series. */
function chartView(chart: Chart, locale: string): ChartView | undefined {
  const state = chart._state;
  const raw: { values: unknown[]; displays: string[] }[] = [];
  for (const range of state.ranges as Range[]) {
    const values = range.getValues();
    const displays = range.getDisplayValues();
    for (let c = 0; c < range.getNumColumns(); c++)
      raw.push({ values: values.map((line) => line[c]), displays: displays.map((line) => line[c]) });
  }
  // Text above numbers in any column makes the first row a header row for the whole chart, as Sheets reads it.
  const headerRow = raw.some(
    ({ values }) => typeof values[0] === 'string' && values.slice(1).some((v) => typeof v === 'number' || v instanceof Date),
  );
  const columns = raw.map(({ values, displays }) => ({
    header: headerRow ? String(values[0]) : '',
    values: headerRow ? values.slice(1) : values,
    displays: headerRow ? displays.slice(1) : displays,
  }));
  if (columns.length === 0) return undefined;
  const isNumbers = (values: unknown[]): boolean => values.some((v) => typeof v === 'number');
  const labelColumn = columns.length > 1 && !isNumbers(columns[0].values) ? columns[0] : undefined;
  const seriesColumns = columns.filter((c) => c !== labelColumn && isNumbers(c.values));
  if (seriesColumns.length === 0) return undefined;
  // Rows left empty at the end of the ranges (room for a longer schedule) are not plotted, as in Sheets.
  let length = Math.max(...seriesColumns.map((c) => c.values.length));
  while (length > 0 && seriesColumns.every((c) => typeof c.values[length - 1] !== 'number')) length--;
  const title = state.options.title;
  const axisFormat = state.options['vAxis.format'];
  return {
    title: typeof title === 'string' ? title : '',
    anchorA1: cellA1(state.position.row, state.position.column),
    labels: labelColumn ? labelColumn.displays.slice(0, length) : Array.from({ length }, (_, i) => String(i + 1)),
    series: seriesColumns.map((c, i) => ({
      name: c.header || `Series ${i + 1}`,
      points: c.values.slice(0, length).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
    })),
    axis: typeof axisFormat === 'string' ? { format: axisFormat, locale } : { locale },
  };
}

/**
 * A custom formula written for a filter's first data row, as it reads for a row `offset` rows below: relative row
 * numbers move, `$`-fixed ones and text in quotes do not (what Sheets does when it applies the formula row by row).
 */
export function shiftFormulaRows(formula: string, offset: number): string {
  const pieces = /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(?<![A-Za-z0-9_.])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;
  return formula.replace(pieces, (match, text, sheetName, column: string, fixed: string, row: string) => {
    if (text !== undefined || sheetName !== undefined) return match;
    return fixed ? match : `${column}${Number(row) + offset}`;
  });
}

/** A filter criterion in words: the name of its header icon. */
function describeCriteria(criteria: Criteria): string {
  const [formula] = criteria._values;
  return criteria._type === 'CUSTOM_FORMULA' ? `rows where ${String(formula)}` : criteria._type.toLowerCase().replace(/_/g, ' ');
}

/**
 * The sheet's filter and the drawn rows its criteria hide. Custom formulas are the criteria the emulator records;
 * each is worked out for every drawn row below the header (TRUE or a non-zero number keeps the row, as in Sheets).
 */
function filterView(sheet: Sheet, drawnRows: number): FilterView | undefined {
  const rect = sheet._filterRect;
  if (!rect) return undefined;
  const criteria = [...sheet._filterCriteria.entries()].sort(([a], [b]) => a - b);
  const formulas = criteria.flatMap(([, c]) => (c._type === 'CUSTOM_FORMULA' ? [String(c._values[0])] : []));
  const hf = sheet._host.engine.hf;
  const firstDataRow = rect.row + 1;
  const keeps = (formula: string, row: number): boolean => {
    try {
      const result = hf.calculateFormula(shiftFormulaRows(formula, row - firstDataRow), sheet._engineId);
      return result === true || (typeof result === 'number' && result !== 0);
    } catch {
      return false;
    }
  };
  const hiddenRows: number[] = [];
  const lastRow = Math.min(rect.row + rect.numRows - 1, drawnRows);
  if (formulas.length > 0) {
    for (let row = firstDataRow; row <= lastRow; row++) if (!formulas.every((f) => keeps(f, row))) hiddenRows.push(row);
  }
  return {
    headerRow: rect.row,
    firstColumn: rect.column,
    lastColumn: rect.column + rect.numColumns - 1,
    criteria: criteria.map(([column, c]) => ({ column, description: describeCriteria(c) })),
    hiddenRows,
  };
}

/** A cell format that holds a list validation and nothing else. */
function isOnlyDropdown(format: { validation?: Validation }): boolean {
  const { validation } = format;
  if (!validation || (validation._criteria !== 'VALUE_IN_LIST' && validation._criteria !== 'VALUE_IN_RANGE')) return false;
  return Object.entries(format).every(([name, value]) => name === 'validation' || value === undefined);
}

export function sheetView(sheet: Sheet): SheetView {
  const data = sheet._extent();
  let lastRow = data.rows;
  let lastColumn = data.columns;
  // Formatting, merges and charts past the last value still need drawing (a coloured header band, a chart anchor).
  // A dropdown alone does not: a rule on a whole column would draw every row of the sheet; the spare rows below
  // the data show it.
  for (const [key, format] of sheet._formats) {
    if (isOnlyDropdown(format)) continue;
    const [row, column] = key.split(':').map(Number);
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  }
  for (const merge of sheet._merges) {
    lastRow = Math.max(lastRow, merge.row + merge.numRows - 1);
    lastColumn = Math.max(lastColumn, merge.column + merge.numColumns - 1);
  }
  const locale = sheet._spreadsheet.getSpreadsheetLocale();
  const charts = sheet._charts.map((c) => chartView(c, locale)).filter((c): c is ChartView => c !== undefined);
  for (const chart of sheet._charts) {
    // A chart covers about 15 rows and 5 columns of default size below and right of its anchor.
    lastRow = Math.max(lastRow, chart._state.position.row + 15);
    lastColumn = Math.max(lastColumn, chart._state.position.column + 5);
  }
  const rows = Math.min(sheet._maxRows, Math.max(MIN_ROWS, lastRow + SPARE_ROWS));
  const columns = Math.min(sheet._maxColumns, Math.max(MIN_COLUMNS, lastColumn + SPARE_COLUMNS));
  const cells: Record<string, CellView> = {};
  const fills = conditionalFills(sheet);
  const dropdowns = new Dropdowns(sheet._inputContext());
  const filter = filterView(sheet, rows);
  const hidden = new Set(filter?.hiddenRows);
  // The spare rows too: a dropdown in them is drawn.
  for (let row = 1; row <= rows; row++) {
    // A row the filter hides is not drawn, so its cells need not be read.
    if (hidden.has(row)) continue;
    for (let column = 1; column <= Math.min(columns, lastColumn); column++) {
      const cell = cellView(sheet, row, column, dropdowns);
      const fill = fills.get(cellA1(row, column));
      if (cell && fill) cell.background = fill;
      if (cell) cells[cellA1(row, column)] = cell;
    }
  }
  return {
    name: sheet.getName(),
    rows,
    columns,
    frozenRows: sheet._frozenRows,
    // A hidden column is drawn with no width, as Sheets draws it.
    columnWidths: Array.from({ length: columns }, (_, i) =>
      sheet.isColumnHiddenByUser(i + 1) ? 0 : sheet.getColumnWidth(i + 1),
    ),
    cells,
    merges: sheet._merges.map((m) => ({ a1: cellA1(m.row, m.column), rows: m.numRows, columns: m.numColumns })),
    charts,
    ...(dropdowns.lists.length > 0 ? { dropdowns: dropdowns.lists } : {}),
    ...(filter ? { filter } : {}),
  };
}
