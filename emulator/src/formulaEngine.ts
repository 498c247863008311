/**
 * HyperFormula behind the emulated sheets, and the custom functions of a loaded bundle registered in it.
 *
 * HyperFormula (GPL-3.0, licenseKey 'gpl-v3') is a development dependency used only here and by the preview; it is
 * never part of dist/. Two of its quirks shape this file (see the shared toolchain notes): an exception thrown inside
 * a function plugin aborts the whole engine, so every failure becomes a CellError; and an array result larger than
 * the size predicted when the formula was entered also aborts it, so results are clipped to the predicted size and
 * the formula is re-entered (re-predicted) once the change that grew it has finished.
 */
import {
  ArraySize,
  CellError,
  type CellValue,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  type RawCellContent,
  type SerializedNamedExpression,
  type SimpleCellAddress,
  SimpleRangeValue,
} from 'hyperformula';
import { dateToSerial, formatNumber, isDate, serialToDate } from './values';

/** What the bundle's describeFunctions() says about one function (the fields the engine needs). */
export interface CustomFunctionInfo {
  name: string;
  params: { name: string; kind: string }[];
}

/** Sheets' text for each error kind: what getValue returns for an error cell and what a custom function receives. */
export const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NAME: '#NAME?',
  VALUE: '#VALUE!',
  NUM: '#NUM!',
  NA: '#N/A',
  CYCLE: '#REF!',
  REF: '#REF!',
  SPILL: '#REF!',
  LIC: '#N/A',
  ERROR: '#ERROR!',
};

/** A cell's computed value as Sheets presents it. */
export type EngineValue = number | string | boolean | null | { error: string; message: string };

/** Sheets keeps full double precision in values; HyperFormula's smart rounding would cut 1/3 to 11 digits. */
const ENGINE_CONFIG = { licenseKey: 'gpl-v3', smartRounding: false };

const addressKey = (a: SimpleCellAddress): string => `${a.sheet}:${a.row}:${a.col}`;

interface EvaluationHooks {
  /** Called around a custom function so the emulator can apply custom-function permissions. */
  enterCustomFunction(): void;
  leaveCustomFunction(): void;
  /** The emulator's virtual clock (ms): when a queued execution starts. */
  now(): number;
}

/**
 * What Sheets shows in a custom function's cell until its execution returns, and in getValues/getDisplayValues.
 * Google's custom-function guide shows a cell reading "Loading..." while its function runs; that a script reading the
 * cell gets the same text is what public reports describe (assumed: the reference does not say).
 */
export const LOADING_TEXT = 'Loading...';
/**
 * A loading cell is held in the engine as this error, so that every formula reading it (=A1*2, a sentence quoting it)
 * shows "Loading..." too until it arrives, rather than a number computed from nothing. The message is private so a
 * custom function throwing "Loading..." is still an ordinary #ERROR!.
 */
const LOADING_MARK = '\u0000emulator:loading';
const loading = (): CellError => new CellError(ErrorType.NA, LOADING_MARK);
const isLoading = (v: unknown): boolean =>
  (v instanceof CellError || v instanceof DetailedCellError) && v.message === LOADING_MARK;

/** Google's messages for an execution that fails for reasons outside its arguments (Custom Functions guide). */
export const EXECUTION_ERRORS = {
  internal: 'Internal error executing the custom function.',
  timeout: 'Exceeded maximum execution time',
} as const;
/** Google: "A custom function call must return within 30 seconds." */
export const EXECUTION_LIMIT_MS = 30_000;

/** Which executions a test makes fail: by function name and/or cell ("B20", "Sheet1!B20", "'My sheet'!B20"). */
export interface ExecutionFailure {
  functionName?: string;
  cell?: string;
  /** Default: Google's "Internal error executing the custom function." */
  message?: string;
  /** How many matching executions fail (default: every one from now on). */
  times?: number;
}

/** One execution of a custom function for one cell, as the executions mode runs it. */
export interface CustomFunctionExecution {
  functionName: string;
  /** The cell, "'Sheet name'!B20". */
  cell: string;
  /** 1 when a change (a script's write, typed input) queued it; n+1 when the result of a round-n execution did. */
  round: number;
  startedMs: number;
  endsMs: number;
  /** Once complete: the error message it ended with, if any. */
  error?: string;
  done: boolean;
}

/** How custom functions run: all at once (instant), or each cell as its own timed execution, as on Sheets. */
export interface ExecutionSettings {
  /** Virtual ms one execution takes, or a function of it; over 30,000 fails with "Exceeded maximum execution time". */
  executionMs: number | ((call: { functionName: string; cell: string }) => number);
}

interface Pending {
  execution: CustomFunctionExecution;
  address: SimpleCellAddress;
  callKey: string;
  args: unknown[];
}

type Outcome = { value: unknown } | { error: string };

type Callable = (...args: unknown[]) => unknown;
type Evaluate = (ast: unknown) => unknown;
/** The parts of a FunctionPlugin instance the routing uses (protected in HyperFormula's typings). */
interface PluginThis {
  dependencyGraph: object;
  evaluateAst(ast: unknown, state: State): unknown;
}
interface Ast {
  args: unknown[];
}
interface State {
  formulaAddress: SimpleCellAddress;
  arraysFlag?: boolean;
}

/** Engines by their dependency graph: a plugin instance reaches its engine's bundle through it. */
const engines = new WeakMap<object, FormulaEngine>();
/** Function names already registered in HyperFormula's global registry. */
const registered = new Set<string>();

/** One plugin class for every custom function name any emulator has loaded; each call is routed to its engine. */
class BundleFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};
}

function registerName(name: string): void {
  if (registered.has(name)) return;
  const method = `call_${name}`;
  const sizeMethod = `size_${name}`;
  const proto = BundleFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  proto[method] = function (this: PluginThis, ast: Ast, state: State) {
    const engine = engines.get(this.dependencyGraph);
    if (!engine) return new CellError(ErrorType.NAME, `Unknown function: ${name}`);
    return engine.callCustom(name, ast, state, (a) => this.evaluateAst(a, state), this.dependencyGraph);
  };
  proto[sizeMethod] = function (this: PluginThis, ast: Ast, state: State) {
    const engine = engines.get(this.dependencyGraph);
    if (!engine) return ArraySize.scalar();
    return engine.predictSize(name, ast, state, (a) => this.evaluateAst(a, state));
  };
  BundleFunctionsPlugin.implementedFunctions[name] = {
    method,
    sizeOfResultArrayMethod: sizeMethod,
    parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
    // Extra arguments reach the bundle, whose own check explains them ("takes at most ...").
    repeatLastArgs: 1,
  };
  HyperFormula.registerFunction(name, BundleFunctionsPlugin, { enGB: { [name]: name }, enUS: { [name]: name } });
  registered.add(name);
}

/**
 * Sheets' FIXED(number, [decimals=2], [no_commas=FALSE]), which HyperFormula lacks, and Sheets' TEXT(number, format),
 * which replaces HyperFormula's own: that one ignores the grouping in "#,##0", keeps "[$£]" as text and reads
 * "mmmm" as minutes. TEXT formats with the same code as getDisplayValues, in the spreadsheet's locale, because in
 * Sheets TEXT uses the patterns cells use: a sentence built with TEXT(x, the cell's pattern) shows what the cell shows.
 */
class SheetsTextPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    FIXED: {
      method: 'fixed',
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.INTEGER, defaultValue: 2, minValue: 0, maxValue: 20 },
        { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: false },
      ],
    },
    TEXT: {
      method: 'text',
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.STRING }],
    },
  };

  fixed(ast: { args: Parameters<FunctionPlugin['runFunction']>[0] }, state: Parameters<FunctionPlugin['runFunction']>[1]) {
    return this.runFunction(ast.args, state, this.metadata('FIXED'), (n: number, decimals: number, noCommas: boolean) => {
      const factor = 10 ** decimals;
      // Rounded half away from zero, as Sheets does.
      const rounded = (Math.sign(n) * Math.round(Math.abs(n) * factor)) / factor;
      return rounded.toLocaleString('en-US', {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
        useGrouping: !noCommas,
      });
    });
  }

  text(ast: { args: Parameters<FunctionPlugin['runFunction']>[0] }, state: Parameters<FunctionPlugin['runFunction']>[1]) {
    const locale = engines.get((this as unknown as PluginThis).dependencyGraph)?.locale;
    return this.runFunction(ast.args, state, this.metadata('TEXT'), (n: number, pattern: string) =>
      formatNumber(n, pattern, locale),
    );
  }
}
// Registering TEXT here replaces HyperFormula's TEXT in every engine built afterwards (the registry is global).
HyperFormula.registerFunctionPlugin(SheetsTextPlugin, {
  enGB: { FIXED: 'FIXED', TEXT: 'TEXT' },
  enUS: { FIXED: 'FIXED', TEXT: 'TEXT' },
});

/**
 * IFERROR and IFNA that let a loading cell through: on Sheets a cell still loading is not an error, and a fallback
 * shown in its place would read as an answer ("30%" for a tax rate not yet computed). Otherwise HyperFormula's rule.
 */
/** A scalar as a function plugin receives and returns it. */
type Fallback = ReturnType<Parameters<FunctionPlugin['runFunction']>[3]>;

class LoadingAwareFallbackPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    IFERROR: {
      method: 'iferror',
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR, passSubtype: true },
        { argumentType: FunctionArgumentType.SCALAR, passSubtype: true },
      ],
    },
    IFNA: {
      method: 'ifna',
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR, passSubtype: true },
        { argumentType: FunctionArgumentType.SCALAR, passSubtype: true },
      ],
    },
  };

  iferror(ast: { args: Parameters<FunctionPlugin['runFunction']>[0] }, state: Parameters<FunctionPlugin['runFunction']>[1]) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('IFERROR'),
      (value: Fallback, fallback: Fallback): Fallback => (value instanceof CellError && !isLoading(value) ? fallback : value),
    );
  }

  ifna(ast: { args: Parameters<FunctionPlugin['runFunction']>[0] }, state: Parameters<FunctionPlugin['runFunction']>[1]) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('IFNA'),
      (value: Fallback, fallback: Fallback): Fallback =>
        value instanceof CellError && value.type === ErrorType.NA && !isLoading(value) ? fallback : value,
    );
  }
}
HyperFormula.registerFunctionPlugin(LoadingAwareFallbackPlugin, {
  enGB: { IFERROR: 'IFERROR', IFNA: 'IFNA' },
  enUS: { IFERROR: 'IFERROR', IFNA: 'IFNA' },
});

/**
 * Sheets' IF returns what its chosen branch returns, an array included: `=IF(A1>0, BUFFER_SCHEDULE(...), "none")`
 * spills the table ("IF function", Docs Editors Help, https://support.google.com/docs/answer/3093364: the value when
 * true or false, which may be any value). HyperFormula's IF takes its branches as scalars and sizes the cell as one,
 * so the table was clipped to its first cell and re-entered on every change. This IF sizes the cell by the branch its
 * condition chooses when that branch is a function call (a custom function predicts its own size), and otherwise
 * keeps HyperFormula's scalar rule.
 */
class SheetsIfPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    IF: {
      method: 'sheetsIf',
      sizeOfResultArrayMethod: 'sheetsIfSize',
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
    },
  };

  /** The branch the condition picks: its AST (undefined for a missing FALSE branch), or the condition's error. */
  private branch(ast: Ast, state: State): { chosen: unknown } | { error: CellError } {
    const condition = (this as unknown as PluginThis).evaluateAst(ast.args[0], state);
    const truth = conditionTruth(condition);
    if (truth instanceof CellError) return { error: truth };
    return { chosen: truth ? ast.args[1] : ast.args[2] };
  }

  /** HyperFormula's own IF: used for array arithmetic (ARRAYFORMULA) and for branches that are no function call. */
  private builtInIf(ast: Ast, state: State): unknown {
    const self = this as unknown as {
      runFunction(args: unknown[], st: State, metadata: unknown, fn: (...a: unknown[]) => unknown): unknown;
    };
    return self.runFunction(ast.args, state, BUILT_IN_IF, (condition, whenTrue, whenFalse) => (condition ? whenTrue : whenFalse));
  }

  sheetsIf(ast: Ast, state: State): unknown {
    if (state.arraysFlag || !ast.args.slice(1).some(isFunctionCall)) return this.builtInIf(ast, state);
    const picked = this.branch(ast, state);
    if ('error' in picked) return picked.error;
    if (!isFunctionCall(picked.chosen)) return this.builtInIf(ast, state);
    const value = (this as unknown as PluginThis).evaluateAst(picked.chosen, state);
    if (!(value instanceof SimpleRangeValue)) return value;
    const engine = engines.get((this as unknown as PluginThis).dependencyGraph);
    return engine ? engine.fitArray(value, state.formulaAddress, (this as unknown as PluginThis).dependencyGraph) : value;
  }

  sheetsIfSize(ast: Ast, state: State): ArraySize {
    const sizeOf = (a: unknown) =>
      (this as unknown as { arraySizeForAst(x: unknown, s: State): ArraySize }).arraySizeForAst(a, state);
    if (state.arraysFlag) {
      // HyperFormula's rule for an elementwise function under array arithmetic: the largest argument.
      const sizes = ast.args.map(sizeOf);
      return new ArraySize(Math.max(...sizes.map((z) => z.width)), Math.max(...sizes.map((z) => z.height)));
    }
    if (!ast.args.slice(1).some(isFunctionCall)) return ArraySize.scalar();
    try {
      const picked = this.branch(ast, state);
      if ('error' in picked || !isFunctionCall(picked.chosen)) return ArraySize.scalar();
      const size = sizeOf(picked.chosen);
      return size.isRef || !Number.isFinite(size.width) || size.width < 1 || size.height < 1 ? ArraySize.scalar() : size;
    } catch {
      // The condition reads cells entered in the same change: one cell until re-entered.
      return ArraySize.scalar();
    }
  }
}
/** HyperFormula's declaration of IF (BooleanPlugin), which the built-in path runs with. */
const BUILT_IN_IF = {
  parameters: [
    { argumentType: FunctionArgumentType.BOOLEAN },
    { argumentType: FunctionArgumentType.SCALAR, passSubtype: true },
    { argumentType: FunctionArgumentType.SCALAR, defaultValue: false, passSubtype: true },
  ],
};
HyperFormula.registerFunctionPlugin(SheetsIfPlugin, { enGB: { IF: 'IF' }, enUS: { IF: 'IF' } });

const isFunctionCall = (ast: unknown): boolean =>
  typeof ast === 'object' && ast !== null && (ast as { type?: unknown }).type === 'FUNCTION_CALL';

/** A condition as IF reads it (HyperFormula's boolean coercion): an error stays one, text other than TRUE/FALSE is #VALUE!. */
function conditionTruth(v: unknown): boolean | CellError {
  if (v instanceof CellError) return v;
  if (v instanceof SimpleRangeValue)
    return v.width() === 1 && v.height() === 1 ? conditionTruth(v.data[0][0]) : new CellError(ErrorType.VALUE);
  if (typeof v === 'boolean') return v;
  if (v === EmptyValue || v === null || v === undefined) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'object' && 'val' in v) return (v as { val: number }).val !== 0;
  const text = String(v).toUpperCase();
  if (text === 'TRUE') return true;
  if (text === 'FALSE' || text === '') return false;
  return new CellError(ErrorType.VALUE);
}

/** An argument's engine value as plain data, to tell whether an execution's arguments changed. */
function plainArgument(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(plainArgument));
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return { error: v.type, message: v.message ?? '' };
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: number }).val;
  return v;
}

const argumentLoading = (v: unknown): boolean =>
  v instanceof SimpleRangeValue ? v.data.some((row) => row.some(isLoading)) : isLoading(v);

const messageOf = (e: unknown): string =>
  e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);

function errorText(e: CellError | DetailedCellError): string {
  return ERROR_TEXT[e.type] ?? `#${e.type}!`;
}

export class FormulaEngine {
  hf: HyperFormula;
  private functions = new Map<string, { info: CustomFunctionInfo; call: Callable }>();
  /** Formula cells whose array result no longer matches the size predicted when they were entered. */
  private needsReentry = new Map<string, SimpleCellAddress>();
  /** Array sizes our functions predicted, by anchor: to name the cell that blocks a spill. */
  private predicted = new Map<string, { width: number; height: number }>();
  /** Cells whose custom-function result was a Date: Sheets displays them as dates. */
  private dateResults = new Set<string>();
  private suspended = 0;
  /** Executions mode (undefined: instant, every custom function computed as its cell is evaluated). */
  private executionSettings: ExecutionSettings | undefined;
  /** Results of finished executions, by cell and call (function and arguments). */
  private results = new Map<string, Outcome>();
  /** Executions queued or running, by cell and call. */
  private pending = new Map<string, Pending>();
  /** Every execution in the executions mode, in the order they were queued. */
  readonly executions: CustomFunctionExecution[] = [];
  private failures: (ExecutionFailure & { left: number })[] = [];
  /** The round of the execution whose result is being entered (0: none, a change made by a script or a person). */
  private causeRound = 0;
  /** Re-creates a Date in the script's realm, so the bundle's `instanceof Date` holds. */
  scriptDate: (d: Date) => Date = (d) => d;
  /** Makes an array in the script's realm (set once a bundle is loaded), which lacks the built-ins newer than ES2019. */
  scriptArray: <T>(items: T[]) => T[] = (items) => items;

  constructor(
    private readonly timeZone: string,
    private readonly hooks: EvaluationHooks,
    /** The spreadsheet locale ("de_DE"): TEXT shows its separators. */
    public locale = 'en_US',
  ) {
    this.hf = this.build();
  }

  private build(sheets?: Record<string, RawCellContent[][]>, names?: SerializedNamedExpression[]): HyperFormula {
    const hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
    engines.set(hf.dependencyGraph, this);
    if (sheets) {
      hf.batch(() => {
        for (const name of Object.keys(sheets)) hf.addSheet(name);
        for (const n of names ?? []) hf.addNamedExpression(n.name, n.expression, n.scope, n.options);
        for (const [name, rows] of Object.entries(sheets)) {
          if (rows.length > 0) hf.setSheetContent(hf.getSheetId(name) as number, rows);
        }
      });
    }
    return hf;
  }

  /**
   * Registers a bundle's custom functions. HyperFormula reads its function registry when an engine is built, so
   * the engine is rebuilt from its serialized sheets (formulas are re-parsed with the new functions known).
   */
  registerFunctions(infos: CustomFunctionInfo[], lookup: (name: string) => Callable | undefined): Map<number, number> {
    for (const info of infos) {
      const call = lookup(info.name);
      if (typeof call !== 'function')
        throw new Error(`the bundle declares ${info.name} but has no top-level function of that name`);
      this.functions.set(info.name, { info, call });
      registerName(info.name);
    }
    const sheets: Record<string, RawCellContent[][]> = {};
    const ids: number[] = [];
    for (const name of this.hf.getSheetNames()) {
      const id = this.hf.getSheetId(name) as number;
      ids.push(id);
      sheets[name] = this.hf.getSheetSerialized(id);
    }
    const names = this.hf.getAllNamedExpressionsSerialized();
    // Cached results and queued executions are by engine sheet id, which the rebuild renumbers.
    this.results.clear();
    this.pending.clear();
    const old = this.hf;
    this.hf = this.build(sheets, names);
    const renumbered = new Map(ids.map((id, i) => [id, this.hf.getSheetId(this.hf.getSheetNames()[i]) as number]));
    old.destroy();
    this.afterChange();
    return renumbered;
  }

  /**
   * A new spreadsheet locale. HyperFormula does not know TEXT depends on it, so every formula calling TEXT is
   * entered again, which recalculates it and what depends on it, as Sheets does when the locale changes.
   */
  setLocale(locale: string): void {
    this.locale = locale;
    this.batch(() => {
      for (const name of this.hf.getSheetNames()) {
        const sheet = this.hf.getSheetId(name) as number;
        this.hf.getSheetFormulas(sheet).forEach((row, r) => {
          row.forEach((formula, c) => {
            if (formula && /\bTEXT\s*\(/i.test(formula)) this.hf.setCellContents({ sheet, row: r, col: c }, [[formula]]);
          });
        });
      }
    });
  }

  /** Runs changes with evaluation suspended, so a block of writes recalculates once. */
  batch<T>(change: () => T): T {
    if (this.suspended++ === 0) this.hf.suspendEvaluation();
    try {
      return change();
    } finally {
      if (--this.suspended === 0) {
        this.hf.resumeEvaluation();
        this.afterChange();
      }
    }
  }

  /**
   * Re-enters formulas whose array result changed size, so the engine predicts the new size, and formulas whose
   * spill was blocked by a cell that has since been cleared (the engine does not retry a blocked spill by itself).
   */
  private afterChange(): void {
    for (const [key, size] of this.predicted) {
      if (size.width === 1 && size.height === 1) continue;
      const [sheet, row, col] = key.split(':').map(Number);
      const address = { sheet, row, col };
      if (!this.hf.doesSheetExist(this.hf.getSheetName(sheet) ?? '')) continue;
      const v = this.hf.getCellValue(address);
      if (v instanceof DetailedCellError && v.type === ErrorType.SPILL && !this.spillBlocker(sheet, row, col)) {
        this.needsReentry.set(key, address);
      }
    }
    for (let round = 0; round < 5 && this.needsReentry.size > 0; round++) {
      const pending = [...this.needsReentry.values()];
      this.needsReentry.clear();
      this.hf.batch(() => {
        for (const address of pending) {
          // A formula queued for re-entry may sit on a sheet removed since (a plan swapped for its rebuild).
          if (this.hf.getSheetName(address.sheet) === undefined) continue;
          const formula = this.hf.getCellFormula(address);
          if (formula) this.hf.setCellContents(address, [[formula]]);
        }
      });
    }
  }

  addSheet(name: string): number {
    const added = this.hf.addSheet(name);
    return this.hf.getSheetId(added) as number;
  }

  removeSheet(sheet: number): void {
    this.batch(() => this.hf.removeSheet(sheet));
  }

  renameSheet(sheet: number, name: string): void {
    this.hf.renameSheet(sheet, name);
  }

  setContents(sheet: number, row: number, col: number, contents: RawCellContent[][]): void {
    // Rows from the bundle's vm context are arrays of another realm, which HyperFormula's instanceof Array rejects.
    const rows = Array.from(contents, (line) => Array.from(line));
    this.batch(() => this.hf.setCellContents({ sheet, row, col }, rows));
  }

  addRows(sheet: number, row: number, count: number): void {
    this.batch(() => this.hf.addRows(sheet, [row, count]));
  }

  removeRows(sheet: number, row: number, count: number): void {
    this.batch(() => this.hf.removeRows(sheet, [row, count]));
  }

  clearSheet(sheet: number): void {
    this.batch(() => this.hf.clearSheet(sheet));
  }

  setNamedExpression(name: string, expression: string): void {
    if (this.hf.getNamedExpression(name)) this.hf.changeNamedExpression(name, expression);
    else this.hf.addNamedExpression(name, expression);
    this.afterChange();
  }

  removeNamedExpression(name: string): void {
    if (this.hf.getNamedExpression(name)) this.hf.removeNamedExpression(name);
  }

  formula(sheet: number, row: number, col: number): string | undefined {
    return this.hf.getCellFormula({ sheet, row, col });
  }

  /** Raw content for copying a sheet: formulas as text, values as stored. */
  serialized(sheet: number, row: number, col: number): RawCellContent {
    return this.hf.getCellSerialized({ sheet, row, col });
  }

  value(sheet: number, row: number, col: number): EngineValue {
    const v: CellValue = this.hf.getCellValue({ sheet, row, col });
    if (v instanceof DetailedCellError) {
      if (isLoading(v)) return LOADING_TEXT;
      if (v.type === ErrorType.SPILL) {
        const blocker = this.spillBlocker(sheet, row, col);
        return {
          error: '#REF!',
          message: `Array result was not expanded because it would overwrite data${blocker ? ` in ${blocker}` : ''}.`,
        };
      }
      return { error: errorText(v), message: v.message ?? '' };
    }
    return v as number | string | boolean | null;
  }

  /** Whether the engine typed the value as a date (DATE(), EDATE() ...) or a custom function returned a Date. */
  isDateValue(sheet: number, row: number, col: number): boolean {
    const type = this.hf.getCellValueDetailedType({ sheet, row, col });
    return type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME' || this.dateResults.has(`${sheet}:${row}:${col}`);
  }

  /** The first cell holding content inside the area an array result of ours would spill into. */
  private spillBlocker(sheet: number, row: number, col: number): string | undefined {
    const size = this.predicted.get(`${sheet}:${row}:${col}`);
    if (!size) return undefined;
    for (let r = 0; r < size.height; r++) {
      for (let c = 0; c < size.width; c++) {
        const a = { sheet, row: row + r, col: col + c };
        const content = r === 0 && c === 0 ? null : this.hf.getCellSerialized(a);
        if (content !== null && content !== undefined && content !== '') return this.hf.simpleCellAddressToString(a, sheet);
      }
    }
    return undefined;
  }

  /** A value from the engine as Sheets hands it to a custom function. */
  private toSheets(v: unknown, kind: string | undefined): unknown {
    if (v === EmptyValue || v === null || v === undefined) return '';
    if (v instanceof CellError) return errorText(v);
    // A date cell arrives as a Date whatever the parameter is for (Google's guide "Custom Functions in Google Sheets",
    // Data types: dates become Date objects), so a value the engine types as a date is one here too.
    let typedDate = false;
    if (typeof v === 'object' && v !== null && 'val' in v) {
      const detailed = (v as { getDetailedType?: () => string }).getDetailedType?.();
      typedDate = detailed === 'NUMBER_DATE' || detailed === 'NUMBER_DATETIME';
      v = (v as { val: number }).val;
    }
    if (typeof v === 'number' && (kind === 'date' || typedDate)) return this.scriptDate(serialToDate(v, this.timeZone));
    return v;
  }

  private toSheetsArg(v: unknown, kind: string | undefined): unknown {
    if (v instanceof SimpleRangeValue)
      return this.scriptArray(v.data.map((row) => this.scriptArray(row.map((cell) => this.toSheets(cell, kind)))));
    return this.toSheets(v, kind);
  }

  /** A custom function's result as the engine stores it; Dates become serials and are remembered as dates. */
  private toEngine(v: unknown, key: string): unknown {
    if (isDate(v)) {
      this.dateResults.add(key);
      return dateToSerial(v, this.timeZone);
    }
    this.dateResults.delete(key);
    if (v === undefined || v === null || v === '') return v === '' ? '' : EmptyValue;
    if (typeof v === 'number' && !Number.isFinite(v)) return new CellError(ErrorType.NUM, 'The result is not a finite number.');
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return String(v);
  }

  private run(name: string, args: unknown[]): Outcome {
    const fn = this.functions.get(name);
    if (!fn) return { error: `Unknown function: ${name}` };
    this.hooks.enterCustomFunction();
    try {
      return { value: fn.call(...args) };
    } catch (e) {
      // Sheets shows a thrown Error as #ERROR! with the message as the cell's note; never let it reach the engine.
      return { error: messageOf(e) };
    } finally {
      this.hooks.leaveCustomFunction();
    }
  }

  private argumentsFor(name: string, values: unknown[]): unknown[] {
    const params = this.functions.get(name)?.info.params ?? [];
    return values.map((v, i) => this.toSheetsArg(v, params[i]?.kind));
  }

  /**
   * The function's outcome for the cell: computed now (instant mode), or in executions mode the finished
   * execution's result for these arguments, else "loading" (queued if `queue`, and not while an argument is
   * itself still loading: that cell waits for it, as on Sheets).
   */
  private outcome(name: string, ast: Ast, at: SimpleCellAddress, evaluate: Evaluate, queue: boolean): Outcome | 'loading' {
    const values = ast.args.map((a) => evaluate(a));
    if (!this.executionSettings) return this.run(name, this.argumentsFor(name, values));
    if (values.some(argumentLoading)) return 'loading';
    const callKey = `${name}(${JSON.stringify(values.map(plainArgument))})`;
    const key = `${addressKey(at)}|${callKey}`;
    const done = this.results.get(key);
    if (done) return done;
    if (queue && !this.pending.has(key)) {
      const cell = this.cellName(at);
      const settings = this.executionSettings;
      const ms =
        typeof settings.executionMs === 'function' ? settings.executionMs({ functionName: name, cell }) : settings.executionMs;
      const startedMs = this.hooks.now();
      const execution: CustomFunctionExecution = {
        functionName: name,
        cell,
        round: this.causeRound + 1,
        startedMs,
        // Google stops an execution at 30 seconds.
        endsMs: startedMs + Math.min(Math.max(0, ms), EXECUTION_LIMIT_MS),
        done: false,
      };
      if (ms > EXECUTION_LIMIT_MS) execution.error = EXECUTION_ERRORS.timeout;
      this.executions.push(execution);
      this.pending.set(key, { execution, address: at, callKey, args: this.argumentsFor(name, values) });
    }
    return 'loading';
  }

  private cellName(at: SimpleCellAddress): string {
    const sheet = this.hf.getSheetName(at.sheet) ?? '';
    return `'${sheet.replace(/'/g, "''")}'!${this.hf.simpleCellAddressToString({ ...at }, at.sheet) ?? ''}`;
  }

  /**
   * An array a formula returns through IF, fitted to the room the engine gave the cell: when the sizes differ the
   * formula is re-entered after the change, as for a custom function's own result.
   */
  fitArray(value: SimpleRangeValue, at: SimpleCellAddress, graph: object): unknown {
    const vertex = (graph as { getCell(a: SimpleCellAddress): { array?: { size?: ArraySize } } | undefined }).getCell(at);
    const size = vertex?.array?.size;
    const room = size && Number.isFinite(size.width) ? { width: size.width, height: size.height } : { width: 1, height: 1 };
    if (value.width() === room.width && value.height() === room.height) return value;
    this.needsReentry.set(addressKey(at), at);
    const clipped = value.data.slice(0, room.height).map((row) => row.slice(0, room.width));
    if (room.width === 1 && room.height === 1) return clipped[0][0];
    return SimpleRangeValue.onlyValues(clipped as never);
  }

  callCustom(name: string, ast: Ast, state: State, evaluate: Evaluate, graph: object): unknown {
    const at = state.formulaAddress;
    const outcome = this.outcome(name, ast, at, evaluate, true);
    if (outcome === 'loading') return loading();
    if ('error' in outcome) return new CellError(ErrorType.ERROR, outcome.error);
    const result = outcome.value;
    const vertex = (graph as { getCell(a: SimpleCellAddress): { array?: { size?: ArraySize } } | undefined }).getCell(at);
    const size = vertex?.array?.size;
    const room = size && Number.isFinite(size.width) ? { width: size.width, height: size.height } : { width: 1, height: 1 };
    if (!Array.isArray(result)) {
      if (room.width !== 1 || room.height !== 1) this.needsReentry.set(addressKey(at), at);
      return this.toEngine(result, addressKey(at));
    }
    const rows = result as unknown[][];
    const height = rows.length;
    const width = height > 0 && Array.isArray(rows[0]) ? rows[0].length : 0;
    if (height === 0 || width === 0) return new CellError(ErrorType.ERROR, `${name} returned an empty array.`);
    if (height !== room.height || width !== room.width) this.needsReentry.set(addressKey(at), at);
    const clipped = rows
      .slice(0, room.height)
      .map((row, r) =>
        Array.from({ length: Math.min(width, room.width) }, (_, c) =>
          this.toEngine(row[c], `${at.sheet}:${at.row + r}:${at.col + c}`),
        ),
      );
    if (room.width === 1 && room.height === 1) return clipped[0][0];
    return SimpleRangeValue.onlyValues(clipped as never);
  }

  /**
   * The size of a result, found by running the function on the arguments' current values (in executions mode,
   * from the finished execution's result: predicting must not run one); when they cannot be read yet the formula
   * starts as one cell and is re-entered once its real size is known.
   */
  predictSize(name: string, ast: Ast, state: State, evaluate: Evaluate): ArraySize {
    const at = state.formulaAddress;
    let size = ArraySize.scalar();
    try {
      const outcome = this.outcome(name, ast, at, evaluate, false);
      const result = outcome !== 'loading' && 'value' in outcome ? outcome.value : undefined;
      if (Array.isArray(result) && result.length > 0 && Array.isArray(result[0])) {
        size = new ArraySize((result[0] as unknown[]).length, result.length);
      }
    } catch {
      // Arguments not computed yet (a cell entered in the same change) throw here: one cell until re-entered.
    }
    this.predicted.set(addressKey(at), { width: size.width, height: size.height });
    return size;
  }

  // ---- Executions mode ----

  /** Switches to executions mode (settings) or back to instant (undefined). */
  setExecutionMode(settings: ExecutionSettings | undefined): void {
    this.executionSettings = settings;
    this.results.clear();
    this.pending.clear();
  }

  get executionMode(): boolean {
    return this.executionSettings !== undefined;
  }

  failExecutions(failure: ExecutionFailure): void {
    this.failures.push({ ...failure, left: failure.times ?? Number.POSITIVE_INFINITY });
  }

  /** When the next queued execution finishes, or undefined when none is queued. */
  nextExecutionEnd(): number | undefined {
    let next: number | undefined;
    for (const p of this.pending.values()) if (next === undefined || p.execution.endsMs < next) next = p.execution.endsMs;
    return next;
  }

  /** Cells showing "Loading...", as "'Sheet name'!B20", sheet by sheet in reading order. */
  loadingCells(): string[] {
    const cells: string[] = [];
    for (const name of this.hf.getSheetNames()) {
      const sheet = this.hf.getSheetId(name) as number;
      const { height, width } = this.hf.getSheetDimensions(sheet);
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          if (isLoading(this.hf.getCellValue({ sheet, row, col }))) cells.push(this.cellName({ sheet, row, col }));
        }
      }
    }
    return cells;
  }

  /**
   * Finishes every execution due by `now`: each runs the function on the arguments it was queued with, its result
   * is kept, and its formula is entered again so the cell shows the result and the cells reading it recalculate
   * (queuing the next round of executions). Returns how many finished.
   */
  completeExecutionsDueBy(now: number): number {
    const due = [...this.pending.entries()].filter(([, p]) => p.execution.endsMs <= now);
    if (due.length === 0) return 0;
    for (const [key, p] of due) {
      this.pending.delete(key);
      const failure = p.execution.error ? undefined : this.failureFor(p.execution);
      const outcome: Outcome = p.execution.error
        ? { error: p.execution.error }
        : failure
          ? { error: failure }
          : this.run(p.execution.functionName, p.args);
      if ('error' in outcome) p.execution.error = outcome.error;
      p.execution.done = true;
      this.results.set(key, outcome);
    }
    const outer = this.causeRound;
    try {
      this.batch(() => {
        for (const [, p] of due) {
          this.causeRound = p.execution.round;
          if (this.hf.getSheetName(p.address.sheet) === undefined) continue;
          const formula = this.hf.getCellFormula(p.address);
          if (formula) this.hf.setCellContents(p.address, [[formula]]);
        }
        // Rounds are counted per result: the engine recalculates inside this batch, at the last round's number.
        this.causeRound = Math.max(...due.map(([, p]) => p.execution.round));
      });
    } finally {
      this.causeRound = outer;
    }
    return due.length;
  }

  private failureFor(execution: CustomFunctionExecution): string | undefined {
    for (const f of this.failures) {
      if (f.left <= 0) continue;
      if (f.functionName && f.functionName.toUpperCase() !== execution.functionName.toUpperCase()) continue;
      if (f.cell && !sameCell(f.cell, execution.cell)) continue;
      f.left--;
      return f.message ?? EXECUTION_ERRORS.internal;
    }
    return undefined;
  }
}

/** Whether a test's cell ("B20", "Plan!B20", "'My plan'!B20") names an execution's cell ("'My plan'!B20"). */
function sameCell(wanted: string, cell: string): boolean {
  const split = (a1: string): { sheet?: string; at: string } => {
    const bang = a1.lastIndexOf('!');
    if (bang < 0) return { at: a1.replace(/\$/g, '').toUpperCase() };
    const sheet = a1
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    return {
      sheet,
      at: a1
        .slice(bang + 1)
        .replace(/\$/g, '')
        .toUpperCase(),
    };
  };
  const w = split(wanted);
  const c = split(cell);
  return w.at === c.at && (w.sheet === undefined || w.sheet === c.sheet);
}
