/**
 * Spreadsheet, Sheet and Range with Google's method names and argument conventions. Values and formulas live in
 * the formula engine; formats, notes, validation, merges, metadata and charts live here, keyed by cell.
 * Methods whose names start with "_" are the emulator's own and are hidden from scripts by the call boundary.
 */
import { type GridRect, parseA1Range, quoteSheetName, rectA1, splitSheetPrefix } from './a1';
import {
  type ConditionalFormatRule,
  ConditionalFormatRuleBuilder,
  type DataValidation,
  DataValidationBuilder,
  DataValidationCriteria,
  type EmbeddedChart,
  EmbeddedChartBuilder,
  type FilterCriteria,
} from './builders';
import { Emulated } from './calls';
import type { EngineValue, FormulaEngine } from './formulaEngine';
import type { CellJSON, SpreadsheetJSON } from './types';
import {
  DEFAULT_DATE_FORMAT,
  dateToSerial,
  formatNumber,
  type InputContext,
  isDate,
  isDateFormat,
  parseInput,
  serialToDate,
  serialToIso,
  wallClock,
} from './values';

/** What the spreadsheet needs from the emulator around it. */
export interface WorkbookHost {
  readonly engine: FormulaEngine;
  readonly timeZone: string;
  readonly locale: string;
  /** A new spreadsheet locale: formulas that depend on it (TEXT) recalculate. */
  setLocale(locale: string): void;
  toast(message: string, title: string, timeoutSeconds: number): void;
  callCount(): number;
}

interface CellFormat {
  numberFormat?: string;
  fontWeight?: string;
  fontColor?: string;
  background?: string;
  fontSize?: number;
  fontStyle?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
  note?: string;
  validation?: DataValidation;
}

type CellContent = number | string | boolean | null;

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;

export class DeveloperMetadataLocation extends Emulated {
  readonly serviceName = 'DeveloperMetadataLocation';
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly sheet?: Sheet,
  ) {
    super();
  }
  getLocationType(): string {
    return this.sheet ? 'SHEET' : 'SPREADSHEET';
  }
  getSheet(): Sheet | null {
    return this.sheet ?? null;
  }
  getSpreadsheet(): Spreadsheet | null {
    return this.sheet ? null : this.spreadsheet;
  }
}

export class DeveloperMetadata extends Emulated {
  readonly serviceName = 'DeveloperMetadata';
  constructor(
    readonly _id: number,
    public _key: string,
    public _value: string | null,
    public _visibility: string,
    readonly _owner: { spreadsheet: Spreadsheet; sheet?: Sheet },
  ) {
    super();
  }
  getId(): number {
    return this._id;
  }
  getKey(): string {
    return this._key;
  }
  getValue(): string | null {
    return this._value;
  }
  getVisibility(): string {
    return this._visibility;
  }
  getLocation(): DeveloperMetadataLocation {
    return new DeveloperMetadataLocation(this._owner.spreadsheet, this._owner.sheet);
  }
  setKey(key: string): this {
    this._key = key;
    return this;
  }
  setValue(value: string): this {
    this._value = value;
    return this;
  }
  remove(): void {
    this._owner.spreadsheet._removeMetadata(this);
  }
}

export class DeveloperMetadataFinder extends Emulated {
  readonly serviceName = 'DeveloperMetadataFinder';
  private filters: ((m: DeveloperMetadata) => boolean)[] = [];
  constructor(private readonly source: () => DeveloperMetadata[]) {
    super();
  }
  withKey(key: string): this {
    this.filters.push((m) => m._key === key);
    return this;
  }
  withValue(value: string): this {
    this.filters.push((m) => m._value === value);
    return this;
  }
  withId(id: number): this {
    this.filters.push((m) => m._id === id);
    return this;
  }
  withLocationType(locationType: string): this {
    this.filters.push((m) => m.getLocation().getLocationType() === locationType);
    return this;
  }
  withVisibility(visibility: string): this {
    this.filters.push((m) => m._visibility === visibility);
    return this;
  }
  find(): DeveloperMetadata[] {
    return this.source().filter((m) => this.filters.every((f) => f(m)));
  }
}

export class NamedRange extends Emulated {
  readonly serviceName = 'NamedRange';
  constructor(
    private readonly spreadsheet: Spreadsheet,
    public _name: string,
    public _range: Range,
  ) {
    super();
  }
  getName(): string {
    return this._name;
  }
  getRange(): Range {
    return this._range;
  }
  setName(name: string): this {
    this.spreadsheet._renameNamedRange(this, name);
    return this;
  }
  setRange(range: Range): this {
    this.spreadsheet.setNamedRange(this._name, range);
    return this;
  }
  remove(): void {
    this.spreadsheet.removeNamedRange(this._name);
  }
}

/** Checks a write's data against the range's shape, with Google's message. */
function checkShape(data: unknown, numRows: number, numColumns: number): unknown[][] {
  if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
    throw new Error(
      `The parameters (${Array.isArray(data) ? 'number[]' : typeof data}) don't match the method signature for SpreadsheetApp.Range.setValues.`,
    );
  }
  if (data.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data as unknown[][]) {
    if (row.length !== numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
  return data as unknown[][];
}

export class Range extends Emulated {
  readonly serviceName = 'Range';
  constructor(
    readonly _sheet: Sheet,
    readonly _rect: GridRect,
  ) {
    super();
  }

  /** Calls fn for each cell with 0-based offsets and the 1-based sheet position. */
  private _cells<T>(fn: (row: number, column: number, r: number, c: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this._rect;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numColumns; c++) line.push(fn(row + r, column + c, r, c));
      out.push(line);
    }
    return out;
  }

  getRow(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.column;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numColumns;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.column + this._rect.numColumns - 1;
  }
  getA1Notation(): string {
    return rectA1(this._rect);
  }
  getSheet(): Sheet {
    return this._sheet;
  }
  getGridId(): number {
    return this._sheet.getSheetId();
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this._sheet.getRange(
      this._rect.row + rowOffset,
      this._rect.column + columnOffset,
      numRows ?? this._rect.numRows,
      numColumns ?? this._rect.numColumns,
    );
  }
  /** Selects the range, as a person clicking it would: getActiveRange returns it from then on. */
  activate(): this {
    this._sheet.activate();
    this._sheet._selection = { ...this._rect };
    return this;
  }

  getValue(): unknown {
    return this._sheet._value(this._rect.row, this._rect.column);
  }
  getValues(): unknown[][] {
    return this._cells((row, column) => this._sheet._value(row, column));
  }
  getDisplayValue(): string {
    return this._sheet._display(this._rect.row, this._rect.column);
  }
  getDisplayValues(): string[][] {
    return this._cells((row, column) => this._sheet._display(row, column));
  }
  getFormula(): string {
    return this._sheet._formula(this._rect.row, this._rect.column);
  }
  getFormulas(): string[][] {
    return this._cells((row, column) => this._sheet._formula(row, column));
  }
  isBlank(): boolean {
    return this.getValues().every((row) => row.every((v) => v === '')) && this.getFormulas().every((row) => row.every((f) => !f));
  }

  setValue(value: unknown): this {
    return this.setValues(this._cells(() => value));
  }
  setValues(values: unknown[][]): this {
    const rows = checkShape(values, this._rect.numRows, this._rect.numColumns);
    this._sheet._write(
      this._rect,
      rows.map((row, r) => row.map((v, c) => this._sheet._contentOf(v, this._rect.row + r, this._rect.column + c))),
    );
    return this;
  }
  setFormula(formula: string): this {
    return this.setFormulas(this._cells(() => formula));
  }
  setFormulas(formulas: string[][]): this {
    const rows = checkShape(formulas, this._rect.numRows, this._rect.numColumns);
    this._sheet._write(
      this._rect,
      rows.map((row, r) =>
        row.map((f, c) =>
          typeof f === 'string' && f.startsWith('=')
            ? { formula: f }
            : this._sheet._contentOf(f, this._rect.row + r, this._rect.column + c),
        ),
      ),
    );
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    if (!options?.formatOnly) this.clearContent();
    if (!options?.contentsOnly) this.clearFormat();
    return this;
  }
  clearContent(): this {
    this._sheet._write(
      this._rect,
      this._cells(() => null),
    );
    return this;
  }
  clearFormat(): this {
    this._cells((row, column) => {
      const f = this._sheet._formats.get(`${row}:${column}`);
      if (f) this._sheet._formats.set(`${row}:${column}`, { note: f.note, validation: f.validation });
    });
    return this;
  }

  /** One format for each cell of the range (Sheet._setFormat sets one cell). */
  private _setFormatGrid<K extends keyof CellFormat>(key: K, values: CellFormat[K][][]): this {
    checkShape(values, this._rect.numRows, this._rect.numColumns);
    this._cells((row, column, r, c) => this._sheet._setFormat(row, column, key, values[r][c]));
    return this;
  }
  private _getFormat<K extends keyof CellFormat>(key: K): (CellFormat[K] | undefined)[][] {
    return this._cells((row, column) => this._sheet._formats.get(`${row}:${column}`)?.[key]);
  }

  setNumberFormat(numberFormat: string): this {
    return this._setFormatGrid(
      'numberFormat',
      this._cells(() => numberFormat),
    );
  }
  setNumberFormats(numberFormats: string[][]): this {
    return this._setFormatGrid('numberFormat', numberFormats);
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0][0];
  }
  getNumberFormats(): string[][] {
    return this._getFormat('numberFormat').map((row) => row.map((f) => f ?? '0.###############'));
  }
  setFontWeight(fontWeight: string | null): this {
    return this._setFormatGrid(
      'fontWeight',
      this._cells(() => fontWeight ?? undefined),
    );
  }
  setFontWeights(fontWeights: (string | null)[][]): this {
    return this._setFormatGrid(
      'fontWeight',
      fontWeights.map((r) => r.map((w) => w ?? undefined)),
    );
  }
  getFontWeight(): string {
    return this.getFontWeights()[0][0];
  }
  getFontWeights(): string[][] {
    return this._getFormat('fontWeight').map((row) => row.map((w) => w ?? 'normal'));
  }
  setFontColor(color: string | null): this {
    return this._setFormatGrid(
      'fontColor',
      this._cells(() => color ?? undefined),
    );
  }
  setFontColors(colors: (string | null)[][]): this {
    return this._setFormatGrid(
      'fontColor',
      colors.map((r) => r.map((x) => x ?? undefined)),
    );
  }
  getFontColor(): string {
    return this.getFontColors()[0][0];
  }
  getFontColors(): string[][] {
    return this._getFormat('fontColor').map((row) => row.map((x) => x ?? '#000000'));
  }
  setBackground(color: string | null): this {
    return this._setFormatGrid(
      'background',
      this._cells(() => color ?? undefined),
    );
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this._setFormatGrid(
      'background',
      colors.map((r) => r.map((x) => x ?? undefined)),
    );
  }
  getBackground(): string {
    return this.getBackgrounds()[0][0];
  }
  getBackgrounds(): string[][] {
    return this._getFormat('background').map((row) => row.map((x) => x ?? '#ffffff'));
  }
  setFontSize(size: number): this {
    return this._setFormatGrid(
      'fontSize',
      this._cells(() => size),
    );
  }
  setFontStyle(fontStyle: string | null): this {
    return this._setFormatGrid(
      'fontStyle',
      this._cells(() => fontStyle ?? undefined),
    );
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this._setFormatGrid(
      'horizontalAlignment',
      this._cells(() => alignment ?? undefined),
    );
  }
  /** Whether the text wraps; a cell never set does not (Range.getWrap, Google's Range reference). */
  getWrap(): boolean {
    return this.getWraps()[0][0];
  }
  getWraps(): boolean[][] {
    return this._getFormat('wrap').map((row) => row.map((w) => w === true));
  }
  setWrap(isWrapEnabled: boolean): this {
    return this._setFormatGrid(
      'wrap',
      this._cells(() => isWrapEnabled),
    );
  }
  setNote(note: string | null): this {
    return this._setFormatGrid(
      'note',
      this._cells(() => (note ? String(note) : undefined)),
    );
  }
  setNotes(notes: (string | null)[][]): this {
    return this._setFormatGrid(
      'note',
      notes.map((r) => r.map((n) => (n ? String(n) : undefined))),
    );
  }
  getNote(): string {
    return this.getNotes()[0][0];
  }
  getNotes(): string[][] {
    return this._getFormat('note').map((row) => row.map((n) => n ?? ''));
  }

  setDataValidation(rule: DataValidation | null): this {
    return this.setDataValidations(this._cells(() => rule));
  }
  setDataValidations(rules: (DataValidation | null)[][]): this {
    this._setFormatGrid(
      'validation',
      rules.map((r) => r.map((x) => x ?? undefined)),
    );
    // A checkbox on a blank cell shows unchecked: the cell's value becomes FALSE, as in Sheets.
    const blanks: GridRect[] = [];
    this._cells((row, column, r, c) => {
      const rule = rules[r][c];
      if (
        rule?._criteria === DataValidationCriteria.CHECKBOX &&
        rule._values.length === 0 &&
        this._sheet._value(row, column) === ''
      ) {
        blanks.push({ row, column, numRows: 1, numColumns: 1 });
      }
    });
    this._sheet._host.engine.batch(() => {
      for (const b of blanks) this._sheet._write(b, [[false]]);
    });
    return this;
  }
  getDataValidation(): DataValidation | null {
    return this.getDataValidations()[0][0];
  }
  getDataValidations(): (DataValidation | null)[][] {
    return this._getFormat('validation').map((row) => row.map((v) => v ?? null));
  }
  clearDataValidations(): this {
    return this.setDataValidations(this._cells(() => null));
  }
  /**
   * Google's Range reference (insertCheckboxes, each overload): the box goes in and every cell's value is reset:
   * to false with no argument, to the empty string with a checked value only, to the unchecked value with both.
   * Whatever the cells held before (a tick written a moment earlier) is gone.
   */
  insertCheckboxes(...states: [checkedValue?: unknown, uncheckedValue?: unknown]): this {
    const builder = new DataValidationBuilder();
    // With a checked value only, the unchecked value is the empty string.
    const unchecked = states.length === 0 ? false : states.length > 1 ? states[1] : '';
    if (states.length === 0) builder.requireCheckbox();
    else builder.requireCheckbox(states[0], unchecked);
    const rule = builder.build();
    this._setFormatGrid(
      'validation',
      this._cells(() => rule),
    );
    return this.setValues(this._cells(() => unchecked));
  }
  /** The values a checkbox cell holds when ticked and unticked: true/false, or the rule's own values. */
  private _checkboxStates(rule: DataValidation): { checked: unknown; unchecked: unknown } {
    return rule._values.length > 0
      ? { checked: rule._values[0], unchecked: rule._values[1] ?? '' }
      : { checked: true, unchecked: false };
  }
  isChecked(): boolean | null {
    const values = this.getValues().flat();
    const rules = this.getDataValidations().flat();
    let checked = 0;
    let unchecked = 0;
    for (let i = 0; i < values.length; i++) {
      const rule = rules[i];
      if (rule?._criteria !== DataValidationCriteria.CHECKBOX) return null;
      const states = this._checkboxStates(rule);
      if (sameCheckboxValue(values[i], states.checked)) checked++;
      else if (sameCheckboxValue(values[i], states.unchecked)) unchecked++;
    }
    if (checked === values.length) return true;
    if (unchecked === values.length) return false;
    return null;
  }
  /**
   * Google's Range reference (check, uncheck): each checkbox takes its checked (unchecked) value; cells that hold
   * neither of their checkbox's values, or have no checkbox, are left as they are.
   */
  check(): this {
    return this._setCheckboxes('checked');
  }
  uncheck(): this {
    return this._setCheckboxes('unchecked');
  }
  private _setCheckboxes(state: 'checked' | 'unchecked'): this {
    const rules = this.getDataValidations();
    const values = this.getValues();
    this._sheet._host.engine.batch(() => {
      this._cells((row, column, r, c) => {
        const rule = rules[r][c];
        if (rule?._criteria !== DataValidationCriteria.CHECKBOX) return;
        const states = this._checkboxStates(rule);
        const holds = sameCheckboxValue(values[r][c], states.checked) || sameCheckboxValue(values[r][c], states.unchecked);
        if (holds)
          this._sheet._write({ row, column, numRows: 1, numColumns: 1 }, [[this._sheet._contentOf(states[state], row, column)]]);
      });
    });
    return this;
  }

  createFilter(): Filter {
    if (this._sheet._filterRect) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this._sheet._filterRect = { ...this._rect };
    return new Filter(this._sheet);
  }
  getFilter(): Filter | null {
    const f = this._sheet._filterRect;
    return f && overlaps(f, this._rect) ? new Filter(this._sheet) : null;
  }
  merge(): this {
    this._sheet._merge(this._rect);
    return this;
  }
  mergeAcross(): this {
    for (let r = 0; r < this._rect.numRows; r++) this._sheet._merge({ ...this._rect, row: this._rect.row + r, numRows: 1 });
    return this;
  }
  breakApart(): this {
    this._sheet._merges = this._sheet._merges.filter((m) => !overlaps(m, this._rect));
    return this;
  }
  isPartOfMerge(): boolean {
    return this._sheet._merges.some((m) => overlaps(m, this._rect));
  }
  getMergedRanges(): Range[] {
    return this._sheet._merges.filter((m) => overlaps(m, this._rect)).map((m) => new Range(this._sheet, m));
  }
}

/** Sheet.getRangeList: several ranges handed out by one call. */
export class RangeList extends Emulated {
  readonly serviceName = 'RangeList';
  constructor(readonly _ranges: Range[]) {
    super();
  }
  getRanges(): Range[] {
    return [...this._ranges];
  }
  /** One number format for every cell of every range, in one call. */
  setNumberFormat(numberFormat: string): this {
    for (const range of this._ranges) range.setNumberFormat(numberFormat);
    return this;
  }
}

/** A checkbox cell's value against one of its states: a custom value matches as text ("yes" and "YES" do not). */
const sameCheckboxValue = (value: unknown, state: unknown): boolean =>
  typeof state === 'boolean' ? value === state : String(value) === String(state);

const overlaps = (a: GridRect, b: GridRect): boolean =>
  a.row < b.row + b.numRows &&
  b.row < a.row + a.numRows &&
  a.column < b.column + b.numColumns &&
  b.column < a.column + a.numColumns;

/** A sheet's basic filter: the range it covers and each column's criteria (recorded; rows are not hidden). */
export class Filter extends Emulated {
  readonly serviceName = 'Filter';
  constructor(readonly _sheet: Sheet) {
    super();
  }
  getRange(): Range {
    const rect = this._sheet._filterRect;
    if (!rect) throw new Error('This filter has been removed.');
    return new Range(this._sheet, rect);
  }
  remove(): void {
    this._sheet._filterRect = null;
    this._sheet._filterCriteria.clear();
  }
  setColumnFilterCriteria(columnPosition: number, filterCriteria: FilterCriteria | null): this {
    const rect = this.getRange()._rect;
    if (columnPosition < rect.column || columnPosition >= rect.column + rect.numColumns) {
      throw new Error(`The column position ${columnPosition} is outside the filter's range.`);
    }
    if (filterCriteria === null) this._sheet._filterCriteria.delete(columnPosition);
    else this._sheet._filterCriteria.set(columnPosition, filterCriteria);
    return this;
  }
  getColumnFilterCriteria(columnPosition: number): FilterCriteria | null {
    return this._sheet._filterCriteria.get(columnPosition) ?? null;
  }
  removeColumnFilterCriteria(columnPosition: number): this {
    this._sheet._filterCriteria.delete(columnPosition);
    return this;
  }
}

export class Sheet extends Emulated {
  readonly serviceName = 'Sheet';
  _formats = new Map<string, CellFormat>();
  _merges: GridRect[] = [];
  _maxRows = DEFAULT_ROWS;
  _maxColumns = DEFAULT_COLUMNS;
  _frozenRows = 0;
  _frozenColumns = 0;
  _columnWidths = new Map<number, number>();
  _hidden = false;
  _tabColor: string | null = null;
  _charts: EmbeddedChart[] = [];
  _rules: ConditionalFormatRule[] = [];
  /** The selected cells; A1 until something is selected, as on a new sheet. */
  _selection: GridRect = { row: 1, column: 1, numRows: 1, numColumns: 1 };
  _hiddenGridlines = false;
  _hiddenColumns = new Set<number>();
  /** A filter's criteria by 1-based column position. */
  _filterCriteria = new Map<number, FilterCriteria>();
  /** The basic filter's range, or null when the sheet has none. */
  _filterRect: GridRect | null = null;

  constructor(
    readonly _spreadsheet: Spreadsheet,
    readonly _host: WorkbookHost,
    public _name: string,
    /** The formula engine's id for this sheet (renumbered when the engine is rebuilt). */
    public _engineId: number,
    /** Google's sheet id (gid). */
    readonly _gid: number,
  ) {
    super();
  }

  getName(): string {
    return this._name;
  }
  setName(name: string): this {
    this._spreadsheet._checkNewName(String(name), this);
    this._host.engine.renameSheet(this._engineId, String(name));
    this._name = String(name);
    return this;
  }
  getSheetId(): number {
    return this._gid;
  }
  getIndex(): number {
    return this._spreadsheet._sheets.indexOf(this) + 1;
  }
  getParent(): Spreadsheet {
    return this._spreadsheet;
  }
  getType(): string {
    return 'GRID';
  }
  activate(): this {
    this._spreadsheet._active = this;
    this._hidden = false;
    return this;
  }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a1OrRow === 'string') {
      const { sheetName, range } = splitSheetPrefix(a1OrRow);
      const sheet = sheetName === undefined ? this : this._spreadsheet.getSheetByName(sheetName);
      if (!sheet) throw new Error('Range not found');
      const rect = parseA1Range(range, sheet._maxRows, sheet._maxColumns);
      if (!rect) throw new Error('Range not found');
      return sheet._range(rect);
    }
    if (typeof a1OrRow !== 'number' || typeof column !== 'number') {
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    }
    if (a1OrRow < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows !== undefined && numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns !== undefined && numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    return this._range({ row: a1OrRow, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 });
  }
  getRangeList(a1Notations: string[]): RangeList {
    return new RangeList(a1Notations.map((a1) => this.getRange(a1)));
  }
  private _range(rect: GridRect): Range {
    if (rect.row + rect.numRows - 1 > this._maxRows || rect.column + rect.numColumns - 1 > this._maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(this, rect);
  }
  getDataRange(): Range {
    return new Range(this, {
      row: 1,
      column: 1,
      numRows: Math.max(1, this.getLastRow()),
      numColumns: Math.max(1, this.getLastColumn()),
    });
  }
  getLastRow(): number {
    return this._extent().rows;
  }
  getLastColumn(): number {
    return this._extent().columns;
  }
  /** The last row and column holding a value or formula (spilled results included), as Sheets counts them. */
  _extent(): { rows: number; columns: number } {
    const { height, width } = this._host.engine.hf.getSheetDimensions(this._engineId);
    let rows = 0;
    let columns = 0;
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        const v = this._host.engine.value(this._engineId, r, c);
        if (v !== null && v !== '') {
          rows = Math.max(rows, r + 1);
          columns = Math.max(columns, c + 1);
        }
      }
    }
    return { rows, columns };
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxColumns;
  }

  insertRows(rowIndex: number, numRows = 1): this {
    return this._insertRows(rowIndex, numRows);
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this._insertRows(beforePosition, howMany);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this._insertRows(afterPosition + 1, howMany);
  }
  insertRowBefore(beforePosition: number): this {
    return this._insertRows(beforePosition, 1);
  }
  insertRowAfter(afterPosition: number): this {
    return this._insertRows(afterPosition + 1, 1);
  }
  private _insertRows(at: number, count: number): this {
    if (!Number.isInteger(at) || at < 1 || at > this._maxRows + 1) throw new Error('Those rows are out of bounds.');
    if (!Number.isInteger(count) || count < 1) throw new Error('The number of rows to insert must be at least 1.');
    this._host.engine.addRows(this._engineId, at - 1, count);
    const shifted = new Map<string, CellFormat>();
    for (const [key, f] of this._formats) {
      const [r, c] = key.split(':').map(Number);
      shifted.set(`${r >= at ? r + count : r}:${c}`, f);
    }
    this._formats = shifted;
    this._merges = this._merges.map((m) => (m.row >= at ? { ...m, row: m.row + count } : m));
    const f = this._filterRect;
    // Rows inserted inside the filter's range (below its header) grow it; rows above move it down.
    if (f && at <= f.row) this._filterRect = { ...f, row: f.row + count };
    else if (f && at <= f.row + f.numRows) this._filterRect = { ...f, numRows: f.numRows + count };
    this._maxRows += count;
    return this;
  }

  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): this {
    if (!Number.isInteger(rowPosition) || !Number.isInteger(howMany) || howMany < 1 || rowPosition < 1) {
      throw new Error('Those rows are out of bounds.');
    }
    const last = rowPosition + howMany - 1;
    if (last > this._maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= this._maxRows - this._frozenRows) throw new Error("You can't delete all the rows on the sheet.");
    this._host.engine.removeRows(this._engineId, rowPosition - 1, howMany);
    const shifted = new Map<string, CellFormat>();
    for (const [key, format] of this._formats) {
      const [r, c] = key.split(':').map(Number);
      if (r < rowPosition) shifted.set(key, format);
      else if (r > last) shifted.set(`${r - howMany}:${c}`, format);
    }
    this._formats = shifted;
    this._merges = this._merges
      .filter((m) => m.row + m.numRows - 1 < rowPosition || m.row > last)
      .map((m) => (m.row > last ? { ...m, row: m.row - howMany } : m));
    const f = this._filterRect;
    if (f) {
      const fLast = f.row + f.numRows - 1;
      const removedInside = Math.max(0, Math.min(fLast, last) - Math.max(f.row, rowPosition) + 1);
      const removedAbove = Math.max(0, Math.min(f.row - 1, last) - rowPosition + 1);
      const numRows = f.numRows - removedInside;
      this._filterRect = numRows < 1 ? null : { ...f, row: f.row - removedAbove, numRows };
    }
    this._maxRows -= howMany;
    return this;
  }
  appendRow(rowContents: unknown[]): this {
    const row = this.getLastRow() + 1;
    if (row > this._maxRows) this._maxRows = row;
    if (rowContents.length > this._maxColumns) this._maxColumns = rowContents.length;
    this.getRange(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    if (!options?.formatOnly) this._host.engine.clearSheet(this._engineId);
    if (!options?.contentsOnly) {
      this._formats.clear();
      this._merges = [];
    }
    return this;
  }
  clearContents(): this {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): this {
    return this.clear({ formatOnly: true });
  }

  getActiveRange(): Range {
    return new Range(this, { ...this._selection });
  }
  setActiveRange(range: Range): Range {
    if (range._sheet !== this) throw new Error('The range must be on this sheet.');
    range.activate();
    return range;
  }
  setHiddenGridlines(hideGridlines: boolean): this {
    this._hiddenGridlines = hideGridlines === true;
    return this;
  }
  hasHiddenGridlines(): boolean {
    return this._hiddenGridlines;
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0 || rows > this._maxRows) throw new Error('Invalid argument: rows');
    this._frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0 || columns > this._maxColumns) throw new Error('Invalid argument: columns');
    this._frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this._frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    if (startColumn < 1 || startColumn + numColumns - 1 > this._maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    for (let c = startColumn; c < startColumn + numColumns; c++) this._columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this._columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r = 1; r <= this.getLastRow(); r++) longest = Math.max(longest, this._display(r, c).length);
      this._columnWidths.set(c, Math.max(DEFAULT_COLUMN_WIDTH, longest * 7 + 10));
    }
    return this;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this._checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this._checkColumns(columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this._hiddenColumns.has(columnPosition);
  }
  private _checkColumns(columnIndex: number, numColumns: number): void {
    if (!Number.isInteger(columnIndex) || !Number.isInteger(numColumns) || columnIndex < 1 || numColumns < 1) {
      throw new Error('Those columns are out of bounds.');
    }
    if (columnIndex + numColumns - 1 > this._maxColumns) throw new Error('Those columns are out of bounds.');
  }
  getFilter(): Filter | null {
    return this._filterRect ? new Filter(this) : null;
  }
  setTabColor(color: string | null): this {
    this._tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this._tabColor;
  }

  hideSheet(): this {
    if (this._spreadsheet._sheets.filter((s) => !s._hidden && s !== this).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this._hidden = true;
    if (this._spreadsheet._active === this) this._spreadsheet._active = this._spreadsheet._sheets.find((s) => !s._hidden) ?? this;
    return this;
  }
  showSheet(): this {
    this._hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }

  copyTo(spreadsheet: Spreadsheet): Sheet {
    if (spreadsheet !== this._spreadsheet) throw new Error('not implemented in the emulator: Sheet.copyTo another spreadsheet');
    return this._spreadsheet._copySheet(this);
  }

  addDeveloperMetadata(key: string, value?: string, visibility?: string): this {
    this._spreadsheet._addMetadata(key, value, visibility, this);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return this._spreadsheet._metadata.filter((m) => m._owner.sheet === this);
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(() => this.getDeveloperMetadata());
  }

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder();
  }
  insertChart(chart: EmbeddedChart): void {
    chart._state.id = chart._state.id ?? `u${this._spreadsheet._nextId++}`;
    this._charts.push(chart);
  }
  getCharts(): EmbeddedChart[] {
    return [...this._charts];
  }
  removeChart(chart: EmbeddedChart): void {
    this._charts = this._charts.filter((c) => c !== chart && c._state.id !== chart._state.id);
  }
  updateChart(chart: EmbeddedChart): void {
    const i = this._charts.findIndex((c) => c._state.id === chart._state.id);
    if (i < 0) throw new Error('The chart to update is not on this sheet.');
    this._charts[i] = chart;
  }

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return [...this._rules];
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    for (const rule of rules) {
      if (rule._ranges.some((r) => r._sheet !== this))
        throw new Error('A conditional format rule cannot reference a different sheet.');
    }
    this._rules = [...rules];
  }

  // ---- the emulator's own (hidden from scripts) ----

  /**
   * A script value as cell content: strings are read like typed input in the spreadsheet's locale, except in a cell
   * formatted as plain text ("@"), where they stay text as written; Dates become serials with a date format.
   */
  _contentOf(
    v: unknown,
    row: number,
    column: number,
  ): CellContent | { formula: string } | { value: CellContent; numberFormat?: string } {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
    if (typeof v === 'boolean') return v;
    if (isDate(v)) {
      const serial = dateToSerial(v, this._host.timeZone);
      return { value: serial, numberFormat: Number.isInteger(serial) ? DEFAULT_DATE_FORMAT : `${DEFAULT_DATE_FORMAT} H:mm:ss` };
    }
    if (this._formats.get(`${row}:${column}`)?.numberFormat === '@') return String(v);
    const parsed = parseInput(String(v), this._inputContext());
    if (parsed.kind === 'formula') return { formula: parsed.formula };
    return { value: parsed.value, numberFormat: parsed.numberFormat };
  }

  /** What reading typed input needs: the spreadsheet's locale, and the year on its clock. */
  _inputContext(): InputContext {
    return { locale: this._host.locale, year: wallClock(new Date(), this._host.timeZone).year };
  }

  /** Writes a block of contents in one engine batch. Formats implied by input apply where the cell has none. */
  _write(
    rect: GridRect,
    contents: (CellContent | { formula: string } | { value: CellContent; numberFormat?: string })[][],
  ): void {
    const raw = contents.map((row, r) =>
      row.map((cell, c) => {
        if (cell !== null && typeof cell === 'object') {
          if ('formula' in cell) return cell.formula;
          if (cell.numberFormat) {
            const key = `${rect.row + r}:${rect.column + c}`;
            // "General" is the automatic format (what getNumberFormat gives an untouched cell): typing a date or
            // a percentage into it gives the cell that format, as Sheets does.
            const current = this._formats.get(key)?.numberFormat;
            if (!current || current.toLowerCase() === 'general')
              this._setFormat(rect.row + r, rect.column + c, 'numberFormat', cell.numberFormat);
          }
          return this._raw(cell.value);
        }
        return this._raw(cell);
      }),
    );
    this._host.engine.setContents(this._engineId, rect.row - 1, rect.column - 1, raw);
  }

  /** Content for the engine: text is marked with an apostrophe so the engine never re-reads "12" as a number. */
  private _raw(v: CellContent): CellContent {
    return typeof v === 'string' ? `'${v}` : v;
  }

  _setFormat<K extends keyof CellFormat>(row: number, column: number, key: K, value: CellFormat[K]): void {
    const k = `${row}:${column}`;
    const f = this._formats.get(k) ?? {};
    if (value === undefined) delete f[key];
    else f[key] = value;
    this._formats.set(k, f);
  }

  private _engineValue(row: number, column: number): EngineValue {
    return this._host.engine.value(this._engineId, row - 1, column - 1);
  }

  private _isDate(row: number, column: number): boolean {
    const format = this._formats.get(`${row}:${column}`)?.numberFormat;
    if (format) return isDateFormat(format);
    return this._host.engine.isDateValue(this._engineId, row - 1, column - 1);
  }

  /** getValue of one cell: numbers, strings, booleans, Dates for date-formatted cells, "" for blanks, error text. */
  _value(row: number, column: number): unknown {
    const v = this._engineValue(row, column);
    if (v === null) return '';
    if (typeof v === 'object') return v.error;
    if (typeof v === 'number' && this._isDate(row, column)) return serialToDate(v, this._host.timeZone);
    return v;
  }

  _display(row: number, column: number): string {
    const v = this._engineValue(row, column);
    if (v === null) return '';
    if (typeof v === 'object') return v.error;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'string') return v;
    const format = this._formats.get(`${row}:${column}`)?.numberFormat;
    return formatNumber(v, format ?? (this._isDate(row, column) ? DEFAULT_DATE_FORMAT : undefined), this._host.locale);
  }

  _formula(row: number, column: number): string {
    return this._host.engine.formula(this._engineId, row - 1, column - 1) ?? '';
  }

  _merge(rect: GridRect): void {
    if (this._merges.some((m) => overlaps(m, rect)))
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this._merges.push({ ...rect });
  }

  /** Every non-empty cell as GET /api/spreadsheet shows it. */
  _cellsJSON(): Record<string, CellJSON> {
    const cells: Record<string, CellJSON> = {};
    const { height, width } = this._host.engine.hf.getSheetDimensions(this._engineId);
    for (let r = 1; r <= height; r++) {
      for (let c = 1; c <= width; c++) {
        const v = this._engineValue(r, c);
        const formula = this._formula(r, c);
        if (v === null && !formula) continue;
        let value: unknown;
        if (v === null) value = '';
        else if (typeof v === 'object') value = v.message ? `${v.error}: ${v.message}` : v.error;
        else if (typeof v === 'number' && this._isDate(r, c)) value = serialToIso(v);
        else value = v;
        cells[rectA1({ row: r, column: c, numRows: 1, numColumns: 1 })] = formula ? { value, formula } : { value };
      }
    }
    return cells;
  }

  /** A note or error message for a cell, for the preview's hover text. */
  _cellDetails(row: number, column: number): { display: string; note: string; error?: string } {
    const v = this._engineValue(row, column);
    return {
      display: this._display(row, column),
      note: this._formats.get(`${row}:${column}`)?.note ?? '',
      error: v !== null && typeof v === 'object' ? v.message : undefined,
    };
  }

  /** What a person typing into the cell gets: the input read as Sheets reads it, checked against validation. */
  _enter(row: number, column: number, input: string): void {
    const parsed =
      this._formats.get(`${row}:${column}`)?.numberFormat === '@' && input !== ''
        ? { kind: 'value' as const, value: input }
        : parseInput(input, this._inputContext());
    const rule = this._formats.get(`${row}:${column}`)?.validation;
    if (rule && parsed.kind === 'value' && !rule._allowInvalid && !rule._accepts(parsed.value, parsed.numberFormat)) {
      throw new Error(rule._helpText || `Invalid: input must fall within specified range (${rule._criteria}).`);
    }
    const cell =
      parsed.kind === 'formula' ? { formula: parsed.formula } : { value: parsed.value, numberFormat: parsed.numberFormat };
    this._write({ row, column, numRows: 1, numColumns: 1 }, [[input === '' ? null : cell]]);
  }
}

export class Spreadsheet extends Emulated {
  readonly serviceName = 'Spreadsheet';
  _sheets: Sheet[] = [];
  _active!: Sheet;
  _namedRanges = new Map<string, NamedRange>();
  /**
   * Names whose sheet was deleted. Google documents nothing here; what public reports show (a "#REF" entry left in
   * Data > Named ranges that neither SpreadsheetApp nor the Sheets API returns or removes, and the API refusing to add
   * the name again) is taken at its harshest: the name stays, formulas reading it get #REF!, getRangeByName and
   * getNamedRanges do not see it, and setNamedRange refuses the name. leapSelfTest's named-range rows settle it.
   */
  _brokenNames = new Set<string>();
  _metadata: DeveloperMetadata[] = [];
  _nextId = 1;
  private _nextGid = 0;

  constructor(
    readonly _host: WorkbookHost,
    readonly _id = '1EmulatorSpreadsheet0000000000000000000000',
    public _title = 'Untitled spreadsheet',
  ) {
    super();
    this._active = this._addSheet('Sheet1', 0);
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._title;
  }
  rename(newName: string): void {
    this._title = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSpreadsheetLocale(): string {
    return this._host.locale;
  }
  /** Sheets locales are a language with an optional region, e.g. "de_DE", "en_GB", "fr". */
  setSpreadsheetLocale(locale: string): void {
    const text = String(locale);
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(text)) {
      throw new Error(`Invalid argument: locale ("${text}"); expected a language and region such as en_GB`);
    }
    this._host.setLocale(text);
  }
  getSpreadsheetTimeZone(): string {
    return this._host.timeZone;
  }
  toast(msg: string, title = '', timeoutSeconds = 5): void {
    this._host.toast(String(msg), String(title), timeoutSeconds);
  }

  getSheets(): Sheet[] {
    return [...this._sheets];
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    return this._sheets.find((s) => s._name === name) ?? null;
  }
  getSheetById(id: number): Sheet | null {
    return this._sheets.find((s) => s._gid === id) ?? null;
  }
  getActiveSheet(): Sheet {
    return this._active;
  }
  setActiveSheet(sheet: Sheet, restoreSelection?: boolean): Sheet {
    void restoreSelection;
    if (!this._sheets.includes(sheet)) throw new Error('The sheet is not part of this spreadsheet.');
    return sheet.activate();
  }
  moveActiveSheet(pos: number): void {
    if (!Number.isInteger(pos) || pos < 1 || pos > this._sheets.length) throw new Error(`Invalid argument: pos (${pos})`);
    this._sheets.splice(this._sheets.indexOf(this._active), 1);
    this._sheets.splice(pos - 1, 0, this._active);
  }

  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    let name: string;
    let at: number;
    if (typeof nameOrIndex === 'number') {
      at = nameOrIndex;
      name = this._freeName();
    } else {
      name = nameOrIndex === undefined ? this._freeName() : String(nameOrIndex);
      at = index ?? this._sheets.indexOf(this._active) + 1;
    }
    this._checkNewName(name);
    if (at < 0 || at > this._sheets.length) throw new Error(`Invalid argument: sheetIndex (${at})`);
    const sheet = this._addSheet(name, at);
    this._active = sheet;
    return sheet;
  }
  deleteSheet(sheet: Sheet): void {
    if (!this._sheets.includes(sheet)) throw new Error('The sheet is not part of this spreadsheet.');
    if (this._sheets.filter((s) => !s._hidden && s !== sheet).length === 0) {
      throw new Error("You can't remove all the visible sheets in a document.");
    }
    for (const [name, nr] of this._namedRanges) {
      if (nr._range._sheet !== sheet) continue;
      this._namedRanges.delete(name);
      this._brokenNames.add(name);
      // Pointed at #REF! explicitly: a name kept as text would come back to life with a new sheet of the same name.
      this._host.engine.setNamedExpression(name, '=#REF!');
    }
    this._metadata = this._metadata.filter((m) => m._owner.sheet !== sheet);
    this._host.engine.removeSheet(sheet._engineId);
    const i = this._sheets.indexOf(sheet);
    this._sheets.splice(i, 1);
    if (this._active === sheet) this._active = this._sheets[Math.max(0, i - 1)];
  }
  duplicateActiveSheet(): Sheet {
    const copy = this._copySheet(this._active);
    this._sheets.splice(this._sheets.indexOf(copy), 1);
    this._sheets.splice(this._sheets.indexOf(this._active) + 1, 0, copy);
    this._active = copy;
    return copy;
  }

  getActiveRange(): Range {
    return this._active.getActiveRange();
  }
  getRange(a1Notation: string): Range {
    const { sheetName } = splitSheetPrefix(a1Notation);
    if (sheetName === undefined) return this._active.getRange(a1Notation);
    const sheet = this.getSheetByName(sheetName);
    if (!sheet) throw new Error('Range not found');
    return sheet.getRange(a1Notation);
  }
  getRangeByName(name: string): Range | null {
    return this._namedRanges.get(name)?._range ?? null;
  }
  setNamedRange(name: string, range: Range): void {
    // Google's rule for names: letters, digits and underscores, not starting with a digit, not like a cell (A1, R1C1).
    if (
      !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^R\d*C\d*$/i.test(name) ||
      /^(true|false)$/i.test(name)
    ) {
      throw new Error(`Invalid argument: name (${name})`);
    }
    if (this._brokenNames.has(name)) {
      throw new Error(`A named range with the name ${name} already exists. It points to a deleted sheet (#REF!).`);
    }
    const existing = this._namedRanges.get(name);
    if (existing) existing._range = range;
    else this._namedRanges.set(name, new NamedRange(this, name, range));
    this._host.engine.setNamedExpression(name, `=${quoteSheetName(range._sheet._name)}!${absolute(range._rect)}`);
  }
  getNamedRanges(): NamedRange[] {
    return [...this._namedRanges.values()];
  }
  removeNamedRange(name: string): void {
    if (!this._namedRanges.delete(name)) throw new Error(`Named range ${name} not found.`);
    this._host.engine.removeNamedExpression(name);
  }

  addDeveloperMetadata(key: string, value?: string, visibility?: string): this {
    this._addMetadata(key, value, visibility);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return this._metadata.filter((m) => !m._owner.sheet);
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(() => [...this._metadata]);
  }

  // ---- the emulator's own (hidden from scripts) ----

  _addSheet(name: string, at: number): Sheet {
    const engineId = this._host.engine.addSheet(name);
    const sheet = new Sheet(this, this._host, name, engineId, this._nextGid);
    this._nextGid = this._nextGid === 0 ? 1_000_000 : this._nextGid + 1;
    this._sheets.splice(at, 0, sheet);
    return sheet;
  }

  _freeName(): string {
    for (let n = this._sheets.length + 1; ; n++) if (!this._hasName(`Sheet${n}`)) return `Sheet${n}`;
  }

  private _hasName(name: string, except?: Sheet): boolean {
    return this._sheets.some((s) => s !== except && s._name.toLowerCase() === name.toLowerCase());
  }

  _checkNewName(name: string, renaming?: Sheet): void {
    if (name.trim() === '') throw new Error('Sheet names cannot be empty.');
    if (this._hasName(name, renaming))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  _copySheet(source: Sheet): Sheet {
    let name = `Copy of ${source._name}`;
    for (let n = 2; this._hasName(name); n++) name = `Copy of ${source._name} ${n}`;
    const copy = this._addSheet(name, this._sheets.length);
    const { height, width } = this._host.engine.hf.getSheetDimensions(source._engineId);
    const contents = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => this._host.engine.serialized(source._engineId, r, c)),
    );
    if (height > 0 && width > 0) this._host.engine.setContents(copy._engineId, 0, 0, contents);
    for (const [k, f] of source._formats) copy._formats.set(k, { ...f });
    copy._merges = source._merges.map((m) => ({ ...m }));
    copy._maxRows = source._maxRows;
    copy._maxColumns = source._maxColumns;
    copy._frozenRows = source._frozenRows;
    copy._frozenColumns = source._frozenColumns;
    copy._columnWidths = new Map(source._columnWidths);
    copy._rules = [...source._rules];
    copy._hiddenColumns = new Set(source._hiddenColumns);
    copy._filterRect = source._filterRect && { ...source._filterRect };
    return copy;
  }

  _addMetadata(key: string, value: string | undefined, visibility: string | undefined, sheet?: Sheet): void {
    if (typeof key !== 'string' || key === '') throw new Error('Invalid argument: key');
    this._metadata.push(
      new DeveloperMetadata(this._nextId++, key, value ?? null, visibility ?? 'DOCUMENT', { spreadsheet: this, sheet }),
    );
  }

  _removeMetadata(m: DeveloperMetadata): void {
    this._metadata = this._metadata.filter((x) => x !== m);
  }

  _renameNamedRange(nr: NamedRange, name: string): void {
    const range = nr._range;
    this.removeNamedRange(nr._name);
    this.setNamedRange(name, range);
  }

  _toJSON(): SpreadsheetJSON {
    const namedRanges: Record<string, string> = {};
    for (const [name, nr] of this._namedRanges)
      namedRanges[name] = `${quoteSheetName(nr._range._sheet._name)}!${nr._range.getA1Notation()}`;
    return {
      activeSheet: this._active._name,
      sheets: this._sheets.map((s) => ({ name: s._name, cells: s._cellsJSON() })),
      namedRanges,
      calls: this._host.callCount(),
    };
  }
}

function absolute(r: GridRect): string {
  return rectA1(r).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

export const newDataValidation = (): DataValidationBuilder => new DataValidationBuilder();
export const newConditionalFormatRule = (): ConditionalFormatRuleBuilder => new ConditionalFormatRuleBuilder();
