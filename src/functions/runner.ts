/**
 * The one place where arguments from Sheets are read, broadcast over ranges and explained when wrong.
 * Every custom function goes through runFunction(); the finance code never sees a raw cell.
 */
import { fromSheet, resetSheetZone, toSheet } from './sheetDates';
import {
  type ArgInput,
  type CellInput,
  type CellOutput,
  type FunctionOutput,
  type FunctionSpec,
  Invalid,
  type ParamSpec,
  UserInputError,
} from './types';

/** Error texts Sheets hands over when a referenced cell holds an error. */
const ERROR_TEXT = /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|SPILL!|CALC!|CYCLE!|LIC!)/;
/** Text that a person meant as a number: "1,200", "$1,200.50", "30%", "-5". */
const NUMBER_AS_TEXT = /^\s*[-+(]?\s*[$€£]?\s*\d[\d,]*(\.\d+)?\s*%?\s*\)?\s*$/;

/**
 * Looked up once: a global lookup inside the per-cell loop is slow in a sandboxed global (Node's vm,
 * which tests and benchmarks use) and costs nothing to avoid.
 */
const isArray = Array.isArray;
const ArrayOfRows = Array;
const objectToString = Object.prototype.toString;

const isBlank = (v: unknown): boolean => v === '' || v === undefined || v === null;

/**
 * A Date from any realm: `instanceof Date` fails for Dates made in another vm context (the emulator
 * hands the bundle values from the host), so the internal class tag is checked instead.
 */
export const isDate = (v: unknown): v is Date => objectToString.call(v) === '[object Date]';

/** How a cell reads in an error message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === '' || v === null) return 'blank';
  if (typeof v === 'string') return ERROR_TEXT.test(v) ? `the error ${v}` : JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    return Number.isNaN(v.getTime()) ? 'an invalid date' : `the date ${v.toISOString().slice(0, 10)}`;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'not a finite number';
  return 'an unreadable value';
}

function formatBound(b: { value: number }): string {
  return String(b.value);
}

/** What a reader needs of a parameter: its kind and the bounds, choices or text that go with it. */
type ReadRule = Pick<ParamSpec, 'kind' | 'min' | 'max' | 'choices' | 'expected'>;

/** The "expected ..." text for a parameter, used when the value has the wrong type. */
function expectedText(p: ReadRule): string {
  switch (p.kind) {
    case 'rate':
      return 'a rate such as 30% or 0.3';
    case 'date':
      return 'a date, e.g. DATE(2026,1,15) or a cell formatted as a date';
    case 'year':
      return 'a whole year such as 2026';
    case 'whole':
      if (p.min && p.max) return `a whole number from ${p.min.value} to ${p.max.value}`;
      return (boundsText(p) ?? 'a number').replace(/^a number/, 'a whole number');
    case 'choice':
      return `one of ${Object.keys(p.choices ?? {})
        .map((c) => `"${c}"`)
        .join(', ')}`;
    case 'custom':
      return p.expected ?? 'a valid value';
    default:
      return boundsText(p) ?? 'a number';
  }
}

function boundsText(p: ReadRule): string | undefined {
  const { min, max } = p;
  if (!min && !max) return undefined;
  const lo = min ? `${min.inclusive === false ? 'above' : 'at least'} ${formatBound(min)}` : '';
  const hi = max ? `${max.inclusive === false ? 'below' : 'at most'} ${formatBound(max)}` : '';
  return `a number ${[lo, hi].filter(Boolean).join(' and ')}`;
}

function checkBounds(p: ReadRule, n: number): Invalid | undefined {
  const { min, max } = p;
  const low = min && (min.inclusive === false ? n <= min.value : n < min.value);
  const high = max && (max.inclusive === false ? n >= max.value : n > max.value);
  if (low || high) return new Invalid(boundsText(p) ?? 'a number');
  return undefined;
}

/** Why a non-number cell is not a number, in words that tell the user what to change. */
function notANumber(p: ReadRule, v: CellInput): Invalid {
  if (typeof v === 'string' && ERROR_TEXT.test(v)) return new Invalid(`${expectedText(p)}: fix the cell the error comes from`);
  if (typeof v === 'string' && NUMBER_AS_TEXT.test(v)) {
    return new Invalid(`${expectedText(p)}, not text: enter it without quotes or format the cell as a number`);
  }
  if (isDate(v)) return new Invalid(`${expectedText(p)}, not a date`);
  return new Invalid(expectedText(p));
}

/**
 * No amount a person plans with comes near a quadrillion; past it, results overflow to Infinity (1e308 x 6),
 * so such input is refused where it comes in rather than reported as a broken result.
 */
const LARGEST_AMOUNT = 1e15;
const LARGEST_AMOUNT_TEXT = 'a number between -1e15 and 1e15: check the cell for a typing slip';

/** Normalises choice text: case, spaces, underscores and hyphens do not matter. */
const normaliseChoice = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** Reads a cell of a numeric kind (number, rate, year, whole), or says what was expected. */
function readNumeric(p: ReadRule, v: CellInput): number | Invalid {
  if (typeof v !== 'number' || !Number.isFinite(v)) return notANumber(p, v);
  if (p.kind === 'rate' && v > 1 && (!p.max || p.max.value <= 1)) {
    // 30 meant 30%; 1.5 is more likely a slip than 1.5%, so it gets the general hint.
    return new Invalid(v >= 2 ? `a rate between 0 and 1: write ${v}% or ${v / 100}` : 'a rate between 0% and 100%');
  }
  // 2.5 months or trials is a slip, not a rounding to make silently; the range is part of the same hint.
  if (p.kind === 'whole') return Number.isInteger(v) && !checkBounds(p, v) ? v : new Invalid(expectedText(p));
  if (p.kind === 'year' && !Number.isInteger(v)) return new Invalid(expectedText(p));
  if (Math.abs(v) > LARGEST_AMOUNT) return new Invalid(LARGEST_AMOUNT_TEXT);
  return checkBounds(p, v) ?? v;
}

const YEAR_RULE: ReadRule = { kind: 'year' };

/** A cell as a whole year, with the runner's messages for text, dates and fractions (a parameter's own reader). */
export const readYear = (v: CellInput): number | Invalid => readNumeric(YEAR_RULE, v);

/** A cell as a number at least `min`, with the runner's messages (a parameter's own reader). */
export const readNumberAtLeast = (min: number, v: CellInput): number | Invalid =>
  readNumeric({ kind: 'number', min: { value: min } }, v);

/** Reads one non-blank cell for a parameter, or says what was expected. */
export function readCell(p: ParamSpec, v: CellInput): unknown {
  switch (p.kind) {
    case 'number':
    case 'rate':
    case 'year':
    case 'whole':
      return readNumeric(p, v);
    case 'date':
      // A date parameter may narrow the dates it accepts with `read` (e.g. a supported range of years).
      if (isDate(v) && !Number.isNaN(v.getTime())) {
        const day = fromSheet(v);
        return p.read ? p.read(day) : day;
      }
      return new Invalid(expectedText(p));
    case 'choice': {
      if (typeof v !== 'string' || ERROR_TEXT.test(v)) return new Invalid(expectedText(p));
      const wanted = normaliseChoice(v);
      for (const [canonical, aliases] of Object.entries(p.choices ?? {})) {
        if (normaliseChoice(canonical) === wanted || aliases.some((a) => normaliseChoice(a) === wanted)) return canonical;
      }
      return new Invalid(expectedText(p));
    }
    case 'custom': {
      if (typeof v === 'string' && ERROR_TEXT.test(v))
        return new Invalid(`${expectedText(p)}: fix the cell the error comes from`);
      return p.read ? p.read(v) : v;
    }
    default:
      return new Invalid(expectedText(p));
  }
}

/** Where a value sits, for messages: "" for a single cell, " at row 2, column 1" inside a range. */
const cellPosition = (row?: number, col?: number): string =>
  row === undefined ? '' : ` at row ${row + 1}, column ${(col ?? 0) + 1}`;

function fail(fn: FunctionSpec, p: ParamSpec, v: unknown, expected: string, row?: number, col?: number): never {
  throw new Error(`${fn.name}: ${p.name}${cellPosition(row, col)} is ${describeValue(v)}; expected ${expected}`);
}

function defaultOf(p: ParamSpec): unknown {
  return typeof p.defaultValue === 'function' ? p.defaultValue() : p.defaultValue;
}

const isOptional = (p: ParamSpec): boolean => p.defaultValue !== undefined;

/** Reads a default: defaults are trusted table data, but a "custom"/"choice" default still goes through its reader. */
function readDefault(fn: FunctionSpec, p: ParamSpec): unknown {
  const d = defaultOf(p) as CellInput;
  const value = readCell(p, d);
  if (value instanceof Invalid) throw new Error(`${fn.name}: default of ${p.name} is invalid (${value.expected})`);
  return value;
}

/** A range argument as Sheets passes it, or a scalar. A 1x1 range counts as a scalar. */
interface Arg {
  param: ParamSpec;
  scalar?: CellInput;
  range?: CellInput[][];
  omitted: boolean;
}

function toArg(fn: FunctionSpec, p: ParamSpec, raw: ArgInput): Arg {
  if (Array.isArray(raw)) {
    if (raw.length === 0 || !Array.isArray(raw[0]) || raw[0].length === 0) {
      throw new Error(`${fn.name}: ${p.name} is an empty range; expected a cell or a range with values`);
    }
    const width = raw[0].length;
    // Rows are checked for width where they are read (runElementwise, readSeries), not in an extra pass.
    if (raw.length === 1 && width === 1) return { param: p, scalar: raw[0][0], omitted: false };
    return { param: p, range: raw, omitted: false };
  }
  return { param: p, scalar: raw as CellInput, omitted: raw === undefined };
}

const shapeText = (r: CellInput[][]): string => `${r.length}x${r[0].length}`;

/** The result for one cell must be a finite number, text or a valid Date: anything else is our bug. */
function checkOutput(fn: FunctionSpec, out: unknown): CellOutput {
  if (typeof out === 'number') {
    if (out - out === 0) return out === 0 ? 0 : out; // finite; and no -0 in cells
  } else if (typeof out === 'string') {
    return out;
  } else if (isDate(out) && !Number.isNaN(out.getTime())) {
    return toSheet(out);
  }
  throw new Error(`${fn.name}: internal error, the result ${describeValue(out)} is not a number; please report it`);
}

/** Runs compute() and gives a UserInputError the function's name and the cell position. */
function callCompute(fn: FunctionSpec, values: unknown[]): CellOutput | CellOutput[][] {
  try {
    return (fn.compute as (...a: unknown[]) => CellOutput | CellOutput[][])(...values);
  } catch (e) {
    throw positioned(fn, e);
  }
}

/** A UserInputError from compute() becomes an Error that starts with the function name and says where. */
function positioned(fn: FunctionSpec, e: unknown, row?: number, col?: number): unknown {
  if (!(e instanceof UserInputError)) return e;
  // "BUFFER_MONTHS_TO_GOAL: monthly_saving is 0, so ...": the message goes on from the argument's name.
  if (e.param) return new Error(`${fn.name}: ${e.param}${cellPosition(row, col)} ${e.message}`);
  const where = cellPosition(row, col).trim();
  return new Error(`${fn.name}: ${where ? `${where}: ` : ''}${e.message}`);
}

/**
 * Reads the scalar (non-series) value of an argument at a position. Blank: the default for optional
 * parameters; BLANK for required ones (the caller decides whether that blanks the output or fails).
 */
const BLANK = Symbol('blank');
function readAt(fn: FunctionSpec, arg: Arg, v: CellInput | undefined, row?: number, col?: number): unknown {
  const p = arg.param;
  if (isBlank(v)) {
    // An omitted or blank single-cell optional argument takes its default; a blank cell inside a range
    // blanks that position's result, like a blank cell in any other argument (a blank input gives a blank output),
    // unless blank is itself the parameter's default (SAFE_HARBOR's prior_year_tax: blank = unknown).
    if (isOptional(p) && (!arg.range || p.defaultValue === '')) return readDefault(fn, p);
    if (v === undefined && arg.omitted) fail(fn, p, v, expectedText(p));
    return BLANK;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) fail(fn, p, v, expectedText(p), row, col);
  const value = readCell(p, v as CellInput);
  if (value instanceof Invalid) fail(fn, p, v, value.expected, row, col);
  return value;
}

/** Numbers of a series argument; blanks and plain text are skipped like MIN and AVERAGE do. */
function readSeries(fn: FunctionSpec, arg: Arg): number[] {
  const p = arg.param;
  const rows = arg.range ?? [[arg.scalar as CellInput]];
  const single = !arg.range;
  const numbers: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'number') {
        if (!Number.isFinite(v) || Math.abs(v) > LARGEST_AMOUNT) fail(fn, p, v, LARGEST_AMOUNT_TEXT, single ? undefined : r, c);
        numbers.push(v);
      } else if (isBlank(v)) {
        // skipped, like MIN and AVERAGE
      } else if (typeof v === 'string' && ERROR_TEXT.test(v)) {
        fail(fn, p, v, 'a number: fix the cell the error comes from', single ? undefined : r, c);
      } else if (typeof v === 'string' && NUMBER_AS_TEXT.test(v)) {
        // Skipping "1,200" silently would plan on the wrong low end, so say it.
        fail(fn, p, v, 'a number, not text: enter it without quotes or format the cell as a number', single ? undefined : r, c);
      } else if (typeof v === 'string') {
        // a heading such as "Earnings" inside the range: skipped
      } else if (isDate(v)) {
        fail(fn, p, v, 'a number, not a date: select only the column of amounts', single ? undefined : r, c);
      } else {
        fail(fn, p, v, 'a number', single ? undefined : r, c);
      }
    }
  }
  if (numbers.length === 0) {
    throw new Error(`${fn.name}: ${p.name} has no numbers; expected a cell or range with at least one monthly amount`);
  }
  return numbers;
}

function runElementwise(fn: FunctionSpec, args: Arg[]): FunctionOutput {
  let shape: CellInput[][] | undefined;
  let shapeParam = '';
  for (const a of args) {
    if (!a.range) continue;
    if (!shape) {
      shape = a.range;
      shapeParam = a.param.name;
    } else if (a.range.length !== shape.length || a.range[0].length !== shape[0].length) {
      throw new Error(
        `${fn.name}: ${shapeParam} is a ${shapeText(shape)} range but ${a.param.name} is a ${shapeText(a.range)} range; ` +
          'expected ranges of the same shape, or a single cell',
      );
    }
  }
  // Scalars are read once; only range arguments are read per cell.
  const fixed = args.map((a) => (a.range ? undefined : readAt(fn, a, a.scalar)));
  if (!shape) {
    if (fixed.includes(BLANK)) return '';
    return checkOutput(fn, callCompute(fn, fixed));
  }
  // The loop below runs for every cell of a range (100,000 cells in one call is normal), so numbers
  // that pass a parameter's checks take a fast path; anything else goes through readAt for its message.
  const rangeIndexes = args.flatMap((a, i) => (a.range ? [i] : []));
  if (rangeIndexes.length === 1 && shape[0].length === 1 && !fixed.includes(BLANK)) {
    return runColumn(fn, args, rangeIndexes[0], fixed);
  }
  const ranges = rangeIndexes.map((i) => args[i].range as CellInput[][]);
  const bounds = rangeIndexes.map((i) => numberBounds(args[i].param));
  const lows = bounds.map((b) => b.lo);
  const highs = bounds.map((b) => b.hi);
  const values = fixed.slice();
  const compute = fn.compute as (...a: unknown[]) => CellOutput;
  const out: CellOutput[][] = new Array(shape.length);
  const scalarBlank = fixed.includes(BLANK);
  let r = 0;
  let c = 0;
  try {
    for (r = 0; r < shape.length; r++) {
      const width = shape[0].length;
      for (let k = 0; k < ranges.length; k++) {
        const row = ranges[k][r];
        if (!isArray(row) || row.length !== width) throw notRectangular(fn, args[rangeIndexes[k]].param);
      }
      // push keeps the row a small packed array (the single-column case has its own loop, runColumn).
      const outRow: CellOutput[] = [];
      for (c = 0; c < width; c++) {
        let blank = scalarBlank;
        for (let k = 0; k < rangeIndexes.length; k++) {
          const raw = ranges[k][r][c];
          // Fast path: a number within the (closed) bounds; v - v === 0 is false for NaN and infinities.
          let v: unknown = raw;
          if (typeof raw !== 'number' || raw - raw !== 0 || raw < lows[k] || raw > highs[k]) {
            v = readAt(fn, args[rangeIndexes[k]], raw, r, c);
          }
          if (v === BLANK) blank = true;
          values[rangeIndexes[k]] = v;
        }
        let cell: CellOutput = '';
        if (!blank) {
          // Fixed arity: no function takes more than six arguments, and a spread would allocate per cell.
          const result = compute(values[0], values[1], values[2], values[3], values[4], values[5]);
          cell = typeof result === 'number' && result - result === 0 && result !== 0 ? result : checkOutput(fn, result);
        }
        outRow.push(cell);
      }
      out[r] = outRow;
    }
  } catch (e) {
    throw positioned(fn, e, r, c);
  }
  return out;
}

/**
 * Kept out of the cell loops: a global such as Error referenced inside a loop ties V8's optimised code
 * to the global object, and under Node's vm (tests, benchmarks) that code is thrown away on every call.
 */
function notRectangular(fn: FunctionSpec, p: ParamSpec): Error {
  return new Error(`${fn.name}: ${p.name} is not a rectangular range`);
}

/**
 * The common case, one column in one argument (=TAX_SET_ASIDE(B2:B1000, 30%)), without the general
 * loop's bookkeeping: the cell's number goes straight into the call and the result straight into a
 * one-cell row, so V8 neither boxes it into an argument array nor makes the row a generic array.
 */
function runColumn(fn: FunctionSpec, args: Arg[], at: number, fixed: unknown[]): CellOutput[][] {
  const column = args[at].range as CellInput[][];
  const { lo, hi } = numberBounds(args[at].param);
  const compute = fn.compute as (...a: unknown[]) => CellOutput;
  const [a0, a1, a2, a3, a4, a5] = fixed;
  // Allocated once at its final length: growing it with push would copy it again and again.
  const out: CellOutput[][] = new ArrayOfRows(column.length);
  let r = 0;
  try {
    for (r = 0; r < column.length; r++) {
      const row = column[r];
      if (!isArray(row) || row.length !== 1) throw notRectangular(fn, args[at].param);
      const raw = row[0];
      // In-bounds numbers take the fast path; anything else goes through readAt for its meaning or message.
      const v = typeof raw === 'number' && raw - raw === 0 && raw >= lo && raw <= hi ? raw : readAt(fn, args[at], raw, r, 0);
      out[r] = [v === BLANK ? '' : columnCell(fn, compute, at, v, a0, a1, a2, a3, a4, a5)];
    }
  } catch (e) {
    throw positioned(fn, e, r, 0);
  }
  return out;
}

/**
 * One cell of runColumn: compute() with the cell's value at position `at` and the fixed arguments elsewhere
 * (no argument array is built per cell), checked to be something a cell can show.
 */
function columnCell(
  fn: FunctionSpec,
  compute: (...a: unknown[]) => CellOutput,
  at: number,
  v: unknown,
  a0: unknown,
  a1: unknown,
  a2: unknown,
  a3: unknown,
  a4: unknown,
  a5: unknown,
): CellOutput {
  let result: CellOutput;
  switch (at) {
    case 0:
      result = compute(v, a1, a2, a3, a4, a5);
      break;
    case 1:
      result = compute(a0, v, a2, a3, a4, a5);
      break;
    case 2:
      result = compute(a0, a1, v, a3, a4, a5);
      break;
    case 3:
      result = compute(a0, a1, a2, v, a4, a5);
      break;
    case 4:
      result = compute(a0, a1, a2, a3, v, a5);
      break;
    default:
      result = compute(a0, a1, a2, a3, a4, v);
  }
  return typeof result === 'number' && result - result === 0 && result !== 0 ? result : checkOutput(fn, result);
}

/**
 * The closed interval of numbers that certainly pass a parameter's checks: the fast path of the cell
 * loop. Open bounds and non-numeric kinds give an empty interval, so those cells take the full reader.
 */
function numberBounds(p: ParamSpec): { lo: number; hi: number } {
  const empty = { lo: 1, hi: 0 };
  if (p.kind !== 'number' && p.kind !== 'rate') return empty;
  let lo = p.min ? p.min.value : Number.NEGATIVE_INFINITY;
  if (p.min?.inclusive === false) {
    // "above 0" is the common open bound: the smallest positive number is the first that passes.
    if (lo !== 0) return empty;
    lo = Number.MIN_VALUE;
  }
  if (p.max?.inclusive === false) return empty;
  return {
    lo: Math.max(lo, -LARGEST_AMOUNT),
    hi: Math.min(p.max ? p.max.value : p.kind === 'rate' ? 1 : Number.POSITIVE_INFINITY, LARGEST_AMOUNT),
  };
}

/** An argument read whole by its parameter's readRange (see ParamSpec.readRange). */
function readWhole(fn: FunctionSpec, a: Arg): unknown {
  const p = a.param;
  let rows: CellInput[][];
  if (a.range) rows = a.range;
  else if (!isBlank(a.scalar)) rows = [[a.scalar as CellInput]];
  else if (isOptional(p)) rows = [];
  else fail(fn, p, a.scalar, expectedText(p));
  const single = !a.range;
  const read = (v: CellInput, row: number, col: number, as: ParamSpec = p): unknown => {
    const value = typeof v === 'number' && !Number.isFinite(v) ? new Invalid(expectedText(as)) : readCell(as, v);
    if (value instanceof Invalid) fail(fn, p, v, value.expected, single ? undefined : row, col);
    return value;
  };
  try {
    return (p.readRange as NonNullable<ParamSpec['readRange']>)(rows, read);
  } catch (e) {
    throw positioned(fn, e);
  }
}

function runWhole(fn: FunctionSpec, args: Arg[]): FunctionOutput {
  const values = args.map((a) => {
    if (a.param.readRange) return readWhole(fn, a);
    if (a.param.kind === 'series' || (a.param.seriesWhenRange && a.range)) {
      if (a.scalar === undefined && !a.range) fail(fn, a.param, undefined, 'a range of monthly amounts');
      return readSeries(fn, a);
    }
    if (a.range) {
      throw new Error(`${fn.name}: ${a.param.name} is a ${shapeText(a.range)} range; expected a single cell`);
    }
    const v = readAt(fn, a, a.scalar);
    if (v === BLANK) fail(fn, a.param, a.scalar, expectedText(a.param));
    return v;
  });
  const result = callCompute(fn, values);
  if (Array.isArray(result)) return result.map((row) => row.map((cell) => checkOutput(fn, cell)));
  return checkOutput(fn, result);
}

/** Runs a custom function as Sheets calls it: raw arguments in, a cell or a table out, or a clear Error. */
export function runFunction(fn: FunctionSpec, rawArgs: ArgInput[]): FunctionOutput {
  resetSheetZone();
  if (rawArgs.length > fn.params.length && rawArgs.slice(fn.params.length).some((a) => a !== undefined)) {
    throw new Error(`${fn.name}: takes at most ${fn.params.length} arguments (${fn.params.map((p) => p.name).join(', ')})`);
  }
  const args = fn.params.map((p, i) => toArg(fn, p, rawArgs[i]));
  const projection = args.find((a) => a.param.seriesWhenRange && a.range);
  if (projection) {
    for (const a of args) {
      if (a !== projection && a.range) {
        throw new Error(
          `${fn.name}: ${a.param.name} is a ${shapeText(a.range)} range; expected a single cell when ${projection.param.name} is a range`,
        );
      }
    }
    return runWhole(fn, args);
  }
  return fn.shape === 'elementwise' ? runElementwise(fn, args) : runWhole(fn, args);
}
