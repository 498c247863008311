/**
 * The shape of Jumpwise's function table: every custom function is declared once as a FunctionSpec.
 * The table drives argument checking (runner.ts), the JSDoc stubs written by the build, the README
 * reference and the HyperFormula plugin used by the emulator, so nothing here may be duplicated elsewhere.
 */

/** What Sheets hands a custom function for one cell. */
export type CellInput = number | string | boolean | Date;
/** One argument as Sheets passes it: a scalar for one cell, rows of cells for a range, undefined when omitted. */
export type ArgInput = CellInput | CellInput[][] | undefined;
/** What a custom function may give back for one cell: never NaN, Infinity, null or undefined. */
export type CellOutput = number | string | Date;
export type FunctionOutput = CellOutput | CellOutput[][];

/**
 * How an argument is read.
 * - number: a finite number, checked against min/max.
 * - rate: a fraction (30% arrives as 0.3); above 1 fails with a hint to write a percentage.
 * - date: a Date (Sheets passes date cells as Date objects).
 * - year: a whole number.
 * - whole: a whole number from min to max (months, trials, a seed); 2.5 is refused, not rounded.
 * - choice: text matched, case-insensitively, against `choices` (and their aliases).
 * - series: a range of monthly figures; blanks and text are skipped like MIN and AVERAGE do.
 * - custom: read by the parameter's own `read` function (e.g. "min" or a percentile).
 */
type ParamKind = 'number' | 'rate' | 'date' | 'year' | 'whole' | 'choice' | 'series' | 'custom';

/** A boundary on a number: `{ value, inclusive }`; inclusive by default. */
interface Bound {
  value: number;
  inclusive?: boolean;
}

export interface ParamSpec {
  /** The parameter name as users see it in the help card and the stub: snake_case. */
  name: string;
  kind: ParamKind;
  /** The JSDoc type shown in Sheets' help card, e.g. `number|Array<Array<number>>`. Derived when absent. */
  jsdocType?: string;
  description: string;
  /** Present for optional parameters. A function is used when the default depends on the date. */
  defaultValue?: number | string | (() => number | string | Date);
  /** How the default reads in documentation, e.g. "30%". */
  defaultLabel?: string;
  min?: Bound;
  max?: Bound;
  /** For kind "choice": canonical value -> accepted spellings (the canonical one is always accepted). */
  choices?: Record<string, string[]>;
  /**
   * For kind "custom": turns one cell into the value compute() receives, or returns an Invalid.
   * For kind "date": receives a valid Date and may return an Invalid to narrow the dates accepted.
   */
  read?: (value: CellInput) => unknown | Invalid;
  /** For kind "custom": what the error says is expected, e.g. `"min", "low3" or a percentile such as 0.25`. */
  expected?: string;
  /**
   * A number that, given as a multi-cell range, is read whole as a series instead of cell by cell
   * (BUFFER_RUNWAY's monthly_income becomes a month-by-month projection). The other arguments must
   * then be single cells.
   */
  seriesWhenRange?: boolean;
  /**
   * In an aggregate or table function: the argument is read whole, a range of cells that belong together
   * (a column of dates, the year-to-date figures of each period). Gets the rows (a single cell as a 1x1
   * range; [] when an optional argument is blank or omitted) and `read`, which reads one non-blank cell as
   * the parameter's kind (or as `as`) and fails with the cell's position. Throws a UserInputError for a rule
   * about the whole range.
   */
  readRange?: (rows: CellInput[][], read: RangeCellReader) => unknown;
}

/** Reads one non-blank cell of a whole-range argument, or throws an Error naming its position. */
export type RangeCellReader = (cell: CellInput, row: number, col: number, as?: ParamSpec) => unknown;

/** Returned by a reader when a cell is not acceptable; the runner turns it into a positioned Error. */
export class Invalid {
  constructor(
    /** What was expected or what to do, e.g. "a number" or "write 30% or 0.3". */
    readonly expected: string,
  ) {}
}

/**
 * - elementwise: any argument may be a range; the result has the range's shape.
 * - aggregate: reads series arguments whole and returns one cell (other arguments must be single cells).
 * - table: returns a table (spills), all arguments single cells.
 */
type FunctionShape = 'elementwise' | 'aggregate' | 'table';

export interface FunctionSpec {
  name: string;
  /** One sentence for the help card and the README. */
  summary: string;
  shape: FunctionShape;
  params: ParamSpec[];
  /** What the @return line says. */
  returns: string;
  /** A formula that works on a blank sheet, with its result as the README shows it. */
  example: { formula: string; result: string };
  /** The README's family heading. */
  family: string;
  /**
   * The calculation on already-read arguments (in parameter order). Elementwise functions get one cell's
   * values and return one cell; others get series as number[] and may return a table.
   * Throw a UserInputError for a rule that spans arguments ("never reaches the target").
   */
  compute: (...args: never[]) => CellOutput | CellOutput[][];
}

/**
 * A problem with the user's input found inside compute(); the runner prefixes the function name
 * and position so that the message still tells the user where to look.
 */
export class UserInputError extends Error {
  constructor(
    message: string,
    /** The argument the problem is about, when it is about one. */
    readonly param?: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}
