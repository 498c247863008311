/**
 * Value objects and their builders: data validation, conditional format rules, embedded charts and the enums
 * scripts read them through (SpreadsheetApp.DataValidationCriteria, BooleanCriteria, Charts.ChartType ...).
 */

import { Emulated } from './calls';
import { chartOptionProblem } from './chartOptions';
import type { Range } from './spreadsheet';
import { isDateFormat } from './values';

const enumOf = <T extends string>(...names: T[]): Record<T, T> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as Record<T, T>;

export const DataValidationCriteria = enumOf(
  'CHECKBOX',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'NUMBER_BETWEEN',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'CUSTOM_FORMULA',
);

export const BooleanCriteria = enumOf(
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'TEXT_CONTAINS',
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'CUSTOM_FORMULA',
);

export const ChartType = enumOf('AREA', 'BAR', 'COLUMN', 'COMBO', 'LINE', 'PIE', 'SCATTER', 'TABLE', 'STEPPED_AREA');

export class DataValidation extends Emulated {
  readonly serviceName = 'DataValidation';
  constructor(
    readonly _criteria: string,
    readonly _values: unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string,
  ) {
    super();
  }
  getCriteriaType(): string {
    return this._criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._values];
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getHelpText(): string {
    return this._helpText;
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder();
    b._criteria = this._criteria;
    b._values = [...this._values];
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return b;
  }
  /**
   * Whether a value passes the rule (for what a person types). `numberFormat` is the format the typing gave it: a
   * date typed in the locale's style is a number with a date format. Clearing a cell is always allowed, as in Sheets
   * (a rule checks what is entered, and an empty cell holds nothing).
   */
  _accepts(value: unknown, numberFormat?: string): boolean {
    if (value === '' && this._criteria !== DataValidationCriteria.CHECKBOX) return true;
    const [first, second] = this._values as number[];
    switch (this._criteria) {
      case DataValidationCriteria.CHECKBOX:
        return typeof value === 'boolean';
      case DataValidationCriteria.VALUE_IN_LIST:
        return value === '' || (this._values[0] as unknown[]).some((v) => String(v) === String(value));
      case DataValidationCriteria.VALUE_IN_RANGE:
        return (
          value === '' ||
          (this._values[0] as Range)
            .getValues()
            .flat()
            .some((v) => v !== '' && String(v).toLowerCase() === String(value).toLowerCase())
        );
      case DataValidationCriteria.NUMBER_BETWEEN:
        return typeof value === 'number' && value >= first && value <= second;
      case DataValidationCriteria.NUMBER_GREATER_THAN:
        return typeof value === 'number' && value > first;
      case DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO:
        return typeof value === 'number' && value >= first;
      case DataValidationCriteria.NUMBER_LESS_THAN:
        return typeof value === 'number' && value < first;
      case DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO:
        return typeof value === 'number' && value <= first;
      // "requireDate(): Sets the data validation rule to require a date" (Class DataValidationBuilder): a number typed
      // without a date's form ("45000") is not a date, though Sheets stores dates as serial numbers.
      case DataValidationCriteria.DATE_IS_VALID_DATE:
        return typeof value === 'number' && isDateFormat(numberFormat);
      default:
        return true;
    }
  }
}

/** A number argument, refused otherwise as Apps Script refuses a parameter of the wrong type. */
const number = (method: string, value: unknown): number => {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new Error(`The parameters (${typeof value}) don't match the method signature for DataValidationBuilder.${method}.`);
  }
  return value;
};

export class DataValidationBuilder extends Emulated {
  readonly serviceName = 'DataValidationBuilder';
  _criteria = '';
  _values: unknown[] = [];
  _allowInvalid = true;
  _helpText = '';
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this._criteria = DataValidationCriteria.CHECKBOX;
    this._values = checkedValue === undefined ? [] : [checkedValue, uncheckedValue];
    return this;
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    if (!Array.isArray(values)) throw new Error('requireValueInList: values must be an array of strings');
    this._criteria = DataValidationCriteria.VALUE_IN_LIST;
    this._values = [[...values], showDropdown];
    return this;
  }
  /** A dropdown of the values in a range (another sheet's column, say); Sheets matches them ignoring case. */
  requireValueInRange(range: Range, showDropdown = true): this {
    if (!range || typeof (range as { getValues?: unknown }).getValues !== 'function') {
      throw new Error('requireValueInRange: range must be a Range');
    }
    this._criteria = DataValidationCriteria.VALUE_IN_RANGE;
    this._values = [range, showDropdown];
    return this;
  }
  requireNumberBetween(start: number, end: number): this {
    this._criteria = DataValidationCriteria.NUMBER_BETWEEN;
    this._values = [number('requireNumberBetween', start), number('requireNumberBetween', end)];
    return this;
  }
  requireNumberGreaterThan(value: number): this {
    return this._number(DataValidationCriteria.NUMBER_GREATER_THAN, 'requireNumberGreaterThan', value);
  }
  requireNumberGreaterThanOrEqualTo(value: number): this {
    return this._number(DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, 'requireNumberGreaterThanOrEqualTo', value);
  }
  requireNumberLessThan(value: number): this {
    return this._number(DataValidationCriteria.NUMBER_LESS_THAN, 'requireNumberLessThan', value);
  }
  requireNumberLessThanOrEqualTo(value: number): this {
    return this._number(DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, 'requireNumberLessThanOrEqualTo', value);
  }
  requireDate(): this {
    this._criteria = DataValidationCriteria.DATE_IS_VALID_DATE;
    this._values = [];
    return this;
  }
  private _number(criteria: string, method: string, value: number): this {
    this._criteria = criteria;
    this._values = [number(method, value)];
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this._allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): this {
    this._helpText = helpText;
    return this;
  }
  getCriteriaType(): string {
    return this._criteria;
  }
  build(): DataValidation {
    if (!this._criteria) throw new Error('You must specify a criteria type before building the data validation rule.');
    return new DataValidation(this._criteria, this._values, this._allowInvalid, this._helpText);
  }
}

export class BooleanCondition extends Emulated {
  readonly serviceName = 'BooleanCondition';
  constructor(
    readonly _criteria: string,
    readonly _values: unknown[],
    readonly _format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean },
  ) {
    super();
  }
  getCriteriaType(): string {
    return this._criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._values];
  }
  getBackground(): string | null {
    return this._format.background ?? null;
  }
  getFontColor(): string | null {
    return this._format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this._format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this._format.italic ?? null;
  }
}

export class ConditionalFormatRule extends Emulated {
  readonly serviceName = 'ConditionalFormatRule';
  constructor(
    readonly _condition: BooleanCondition,
    readonly _ranges: Range[],
  ) {
    super();
  }
  getBooleanCondition(): BooleanCondition {
    return this._condition;
  }
  getRanges(): Range[] {
    return [...this._ranges];
  }
  copy(): ConditionalFormatRuleBuilder {
    const b = new ConditionalFormatRuleBuilder();
    b._criteria = this._condition._criteria;
    b._values = [...this._condition._values];
    b._format = { ...this._condition._format };
    b._ranges = [...this._ranges];
    return b;
  }
}

export class ConditionalFormatRuleBuilder extends Emulated {
  readonly serviceName = 'ConditionalFormatRuleBuilder';
  _criteria = '';
  _values: unknown[] = [];
  _format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean } = {};
  _ranges: Range[] = [];
  _when(criteria: string, values: unknown[]): this {
    this._criteria = criteria;
    this._values = values;
    return this;
  }
  whenNumberLessThan(number: number): this {
    return this._when(BooleanCriteria.NUMBER_LESS_THAN, [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): this {
    return this._when(BooleanCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [number]);
  }
  whenNumberGreaterThan(number: number): this {
    return this._when(BooleanCriteria.NUMBER_GREATER_THAN, [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): this {
    return this._when(BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }
  whenNumberBetween(start: number, end: number): this {
    return this._when(BooleanCriteria.NUMBER_BETWEEN, [start, end]);
  }
  whenNumberEqualTo(number: number): this {
    return this._when(BooleanCriteria.NUMBER_EQUAL_TO, [number]);
  }
  whenTextContains(text: string): this {
    return this._when(BooleanCriteria.TEXT_CONTAINS, [text]);
  }
  whenCellEmpty(): this {
    return this._when(BooleanCriteria.CELL_EMPTY, []);
  }
  whenCellNotEmpty(): this {
    return this._when(BooleanCriteria.CELL_NOT_EMPTY, []);
  }
  whenFormulaSatisfied(formula: string): this {
    return this._when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }
  setBackground(color: string | null): this {
    this._format.background = color ?? undefined;
    return this;
  }
  setFontColor(color: string | null): this {
    this._format.fontColor = color ?? undefined;
    return this;
  }
  setBold(bold: boolean | null): this {
    this._format.bold = bold ?? undefined;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this._format.italic = italic ?? undefined;
    return this;
  }
  setRanges(ranges: Range[]): this {
    this._ranges = [...ranges];
    return this;
  }
  getRanges(): Range[] {
    return [...this._ranges];
  }
  build(): ConditionalFormatRule {
    if (!this._criteria)
      throw new Error('The conditional format rule needs a condition (whenNumberLessThan, whenFormulaSatisfied, ...).');
    if (this._ranges.length === 0) throw new Error('The conditional format rule needs at least one range (setRanges).');
    return new ConditionalFormatRule(new BooleanCondition(this._criteria, this._values, { ...this._format }), this._ranges);
  }
}

export class ChartOptions extends Emulated {
  readonly serviceName = 'ChartOptions';
  constructor(private readonly options: Record<string, unknown>) {
    super();
  }
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
  getOrDefault(option: string): unknown {
    return this.options[option] ?? null;
  }
}

export class ContainerInfo extends Emulated {
  readonly serviceName = 'ContainerInfo';
  constructor(private readonly position: { row: number; column: number; offsetX: number; offsetY: number }) {
    super();
  }
  getAnchorRow(): number {
    return this.position.row;
  }
  getAnchorColumn(): number {
    return this.position.column;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

interface ChartState {
  id?: string;
  type: string;
  ranges: Range[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export class EmbeddedChart extends Emulated {
  readonly serviceName = 'EmbeddedChart';
  constructor(readonly _state: ChartState) {
    super();
  }
  getChartId(): string | null {
    return this._state.id ?? null;
  }
  getRanges(): Range[] {
    return [...this._state.ranges];
  }
  getOptions(): ChartOptions {
    return new ChartOptions({ ...this._state.options });
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo({ ...this._state.position });
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder({ ...this._state, ranges: [...this._state.ranges], options: { ...this._state.options } });
  }
}

export class EmbeddedChartBuilder extends Emulated {
  readonly serviceName = 'EmbeddedChartBuilder';
  constructor(
    readonly _state: ChartState = { type: '', ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 } },
  ) {
    super();
  }
  addRange(range: Range): this {
    this._state.ranges.push(range);
    return this;
  }
  removeRange(range: Range): this {
    this._state.ranges = this._state.ranges.filter((r) => r !== range);
    return this;
  }
  clearRanges(): this {
    this._state.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return [...this._state.ranges];
  }
  setChartType(type: string): this {
    if (!(type in ChartType)) throw new Error(`Invalid argument: type (${String(type)}); use Charts.ChartType`);
    this._state.type = type;
    return this;
  }
  getChartType(): string | null {
    return this._state.type || null;
  }
  setOption(option: string, value: unknown): this {
    // Google Charts options (chartOptions.ts): stricter than Google, which ignores what it does not understand.
    const problem = chartOptionProblem(this._state.type, String(option), value);
    if (problem) throw new Error(`EmbeddedChartBuilder.setOption('${option}'): ${problem}`);
    this._state.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this._state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  getContainer(): ContainerInfo {
    return new ContainerInfo({ ...this._state.position });
  }
  build(): EmbeddedChart {
    if (!this._state.type) throw new Error('The chart needs a type: call setChartType(Charts.ChartType.LINE) or similar.');
    // Options set before the type was known are checked against it now.
    for (const [option, value] of Object.entries(this._state.options)) {
      const problem = chartOptionProblem(this._state.type, option, value);
      if (problem) throw new Error(`EmbeddedChartBuilder.setOption('${option}'): ${problem}`);
    }
    if (this._state.ranges.length === 0) throw new Error('The chart needs data: call addRange(range).');
    return new EmbeddedChart({ ...this._state, ranges: [...this._state.ranges], options: { ...this._state.options } });
  }
}

/** A filter's criteria for one column; only a custom formula is emulated (recorded, not applied to rows). */
export class FilterCriteria extends Emulated {
  readonly serviceName = 'FilterCriteria';
  constructor(
    readonly _type: string,
    readonly _values: unknown[],
  ) {
    super();
  }
  getCriteriaType(): string {
    return this._type;
  }
  getCriteriaValues(): unknown[] {
    return [...this._values];
  }
}

export class FilterCriteriaBuilder extends Emulated {
  readonly serviceName = 'FilterCriteriaBuilder';
  _type = '';
  _values: unknown[] = [];
  whenFormulaSatisfied(formula: string): this {
    this._type = BooleanCriteria.CUSTOM_FORMULA;
    this._values = [formula];
    return this;
  }
  build(): FilterCriteria {
    return new FilterCriteria(this._type, this._values);
  }
}
