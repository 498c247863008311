/** The function table: the single list of Leap's custom functions and what is derived from it. */
import { coreFunctions } from './coreFunctions';
import { runFunction } from './runner';
import type { ArgInput, FunctionOutput, FunctionSpec, ParamSpec } from './types';
import { usTaxFunctions } from './usTaxFunctions';

export const functionTable: readonly FunctionSpec[] = [...coreFunctions, ...usTaxFunctions];

/** The JSDoc type shown in Sheets' help card. */
export function jsdocTypeOf(p: ParamSpec): string {
  if (p.jsdocType) return p.jsdocType;
  switch (p.kind) {
    case 'date':
      return 'Date';
    case 'choice':
      return 'string';
    case 'series':
      return 'Array<Array<number>>';
    default:
      return 'number';
  }
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
      type: jsdocTypeOf(p),
      description: p.description,
      optional: p.defaultValue !== undefined,
      defaultLabel:
        p.defaultLabel ??
        (p.defaultValue === undefined || typeof p.defaultValue === 'function' ? undefined : String(p.defaultValue)),
    })),
  }));
}

/** name -> the callable the top-level stubs delegate to. */
export const customFunctions: Record<string, (...args: ArgInput[]) => FunctionOutput> = Object.fromEntries(
  functionTable.map((spec) => [spec.name, (...args: ArgInput[]) => runFunction(spec, args)]),
);
