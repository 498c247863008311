/** The function table: the single list of Jumpwise's custom functions and what is derived from it. */
import { booksFunctions } from './booksFunctions';
import { caTaxFunctions } from './caTaxFunctions';
import { coreFunctions } from './coreFunctions';
import { riskFunctions } from './riskFunctions';
import { runFunction } from './runner';
import type { ArgInput, FunctionOutput, FunctionSpec, ParamSpec } from './types';
import { ukTaxFunctions } from './ukTaxFunctions';
import { usTaxFunctions } from './usTaxFunctions';

export const functionTable: readonly FunctionSpec[] = [
  ...coreFunctions,
  ...usTaxFunctions,
  ...riskFunctions,
  ...booksFunctions,
  ...ukTaxFunctions,
  ...caTaxFunctions,
];

/**
 * The JSDoc type shown in Sheets' help card, from the parameter's kind and the function's shape: in an
 * element-wise function every argument may also be a range. A parameter may still state its own.
 */
function jsdocTypeOf(p: ParamSpec, shape: FunctionSpec['shape']): string {
  if (p.jsdocType) return p.jsdocType;
  if (p.kind === 'series') return 'Array<Array<number>>';
  const cell = p.kind === 'date' ? 'Date' : p.kind === 'choice' ? 'string' : 'number';
  return shape === 'elementwise' ? `${cell}|Array<Array<${cell}>>` : cell;
}

/** How a default reads in the help card and the README: 30% for a rate, "min" for text, 6 for a number. */
function defaultLabelOf(p: ParamSpec): string | undefined {
  if (p.defaultLabel !== undefined) return p.defaultLabel;
  const d = p.defaultValue;
  if (d === undefined || typeof d === 'function') return undefined;
  if (typeof d === 'string') return JSON.stringify(d);
  return p.kind === 'rate' ? `${Math.round(d * 10000) / 100}%` : String(d);
}

/** Plain-data description of one function, for the build (stubs), the README and the engine plugin. */
export interface FunctionInfo {
  name: string;
  family: string;
  summary: string;
  shape: FunctionSpec['shape'];
  returns: string;
  example: { formula: string; result: string };
  params: {
    name: string;
    kind: ParamSpec['kind'];
    type: string;
    description: string;
    optional: boolean;
    defaultLabel?: string;
    /** A range here is read whole (a month-by-month projection), not cell by cell. */
    wholeRange?: boolean;
    /** Read whole as a list (ParamSpec.readRange). */
    list?: boolean;
  }[];
}

export function describeFunctions(): FunctionInfo[] {
  return functionTable.map((f) => ({
    name: f.name,
    family: f.family,
    summary: f.summary,
    shape: f.shape,
    returns: f.returns,
    example: f.example,
    params: f.params.map((p) => ({
      name: p.name,
      kind: p.kind,
      type: jsdocTypeOf(p, f.shape),
      description: p.description,
      optional: p.defaultValue !== undefined,
      defaultLabel: defaultLabelOf(p),
      ...(p.seriesWhenRange && { wholeRange: true }),
      ...(p.readRange && { list: true }),
    })),
  }));
}

let leapCall: RegExp | undefined;

/**
 * Whether a formula calls a Jumpwise function (in any case, spaces allowed before the parenthesis, as Sheets reads
 * it): each such cell is a round trip to the script whenever its inputs change, so layouts keep them few.
 */
export function callsLeapFunction(formula: string): boolean {
  leapCall ??= new RegExp(`\\b(${functionTable.map((f) => f.name).join('|')})\\s*\\(`, 'i');
  return leapCall.test(formula);
}

/** name -> the callable the top-level stubs delegate to. */
export const customFunctions: Record<string, (...args: ArgInput[]) => FunctionOutput> = Object.fromEntries(
  functionTable.map((spec) => [spec.name, (...args: ArgInput[]) => runFunction(spec, args)]),
);
