/**
 * Custom-function figures: how much the argument layer costs over a bare loop (vectorRatio), and what
 * one single-cell call costs including loading the bundle into a fresh context (singleCallMs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { functionTable } from '../../src/functions';
import { readCell } from '../../src/functions/runner';
import type { CellInput, FunctionSpec, ParamSpec } from '../../src/functions/types';
import { median, medianTime, timeOnce } from './measure';

export const VECTOR_CELLS = 100_000;

type Stub = (...args: unknown[]) => unknown;

/**
 * The other arguments: omitted where optional (the stub then reads the default, as in a sheet), and a
 * plausible single value where required. The bare loop gets the same values already read.
 */
function otherArguments(spec: FunctionSpec): { stubArgs: unknown[]; readArgs: unknown[] } {
  const stubArgs: unknown[] = [];
  const readArgs: unknown[] = [];
  for (const p of spec.params.slice(1)) {
    if (p.defaultValue !== undefined) {
      stubArgs.push(undefined);
      const d = typeof p.defaultValue === 'function' ? p.defaultValue() : p.defaultValue;
      readArgs.push(readCell(p, d as CellInput));
    } else {
      const value = p.kind === 'date' ? new Date(2026, 0, 15) : p.min && p.min.value > 0 ? p.min.value * 10 : 3000;
      stubArgs.push(value);
      readArgs.push(value);
    }
  }
  return { stubArgs, readArgs };
}

function column(cells: number, first: ParamSpec): unknown[][] {
  const rows = new Array(cells);
  for (let i = 0; i < cells; i++)
    rows[i] = [first.kind === 'date' ? new Date(2026, i % 12, 1 + (i % 28)) : 1000 + (i % 977) * 97];
  return rows;
}

/**
 * The bare loop: the same 100,000 cells through the function's own arithmetic (spec.compute) with no
 * argument checks, building the same 2D result. The ratio is what the adapter adds on top.
 */
function bareLoop(spec: FunctionSpec, rows: unknown[][], rest: unknown[]): unknown[][] {
  const compute = spec.compute as (...a: unknown[]) => unknown;
  const [a, b, c, d, e] = rest;
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = [compute(rows[i][0], a, b, c, d, e)];
  return out;
}

export function loadFreshBundle(code: string): vm.Context {
  const context = vm.createContext({});
  new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  return context;
}

/**
 * BENCH_ONLY=NAME measures one function; BENCH_DEBUG=1 prints each run's times to stderr (for
 * investigating a ratio, without changing the figures the benchmark reports).
 */
export function measureVectorRatios(root: string): Record<string, number> {
  const code = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
  const context = loadFreshBundle(code);
  const ratios: Record<string, number> = {};
  for (const spec of functionTable.filter(
    (f) => f.shape === 'elementwise' && (!process.env.BENCH_ONLY || f.name === process.env.BENCH_ONLY),
  )) {
    const rows = column(VECTOR_CELLS, spec.params[0]);
    const { stubArgs, readArgs } = otherArguments(spec);
    const stub = context[spec.name] as Stub;
    const bundleTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < 7; run++) {
      // Interleaved, so that both see the same machine state; the first two runs warm the JIT.
      const bundleMs = timeOnce(() => stub(rows, ...stubArgs));
      const bareMs = timeOnce(() => bareLoop(spec, rows, readArgs));
      if (run >= 2) {
        bundleTimes.push(bundleMs);
        bareTimes.push(bareMs);
      }
    }
    if (process.env.BENCH_DEBUG)
      console.error(
        spec.name,
        bundleTimes.map((t) => t.toFixed(2)).join(' '),
        'bare',
        bareTimes.map((t) => t.toFixed(2)).join(' '),
      );
    ratios[spec.name] = median(bundleTimes) / median(bareTimes);
  }
  return ratios;
}

/** One single-cell call as Apps Script pays for it: compile and run Code.js in a new context, then call. */
export function measureSingleCall(root: string): number {
  const code = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
  return medianTime(
    () => {
      const context = loadFreshBundle(code);
      (context.TAX_SET_ASIDE as Stub)(5000, 0.3);
    },
    15,
    3,
  );
}
