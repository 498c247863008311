/**
 * The vector benchmark's side of the sandbox: bundled on its own and run in the same vm context as
 * dist/Code.js, so the range, the stub and the bare loop all live in one realm, as they do in Apps
 * Script (where Sheets hands a function arrays of the script's own realm).
 */
import { seededRandom } from '../../src/finance/runwayRisk';
import { functionTable } from '../../src/functions';
import { readCell } from '../../src/functions/runner';
import type { CellInput, FunctionSpec } from '../../src/functions/types';

const specOf = (name: string): FunctionSpec => {
  const spec = functionTable.find((f) => f.name === name);
  if (!spec) throw new Error(`no function ${name}`);
  return spec;
};

/** A column of `cells` varied amounts (or dates, for a date parameter). */
export function column(name: string, cells: number): unknown[][] {
  const first = specOf(name).params[0];
  const rows: unknown[][] = [];
  for (let i = 0; i < cells; i++)
    rows.push([first.kind === 'date' ? new Date(2026, i % 12, 1 + (i % 28)) : 1000 + (i % 977) * 97]);
  return rows;
}

/**
 * The other arguments: omitted where optional (the stub then reads the default, as in a sheet), and a
 * plausible single value where required. The bare loop gets the same values already read.
 */
export function otherArguments(name: string): { stubArgs: unknown[]; readArgs: unknown[] } {
  const stubArgs: unknown[] = [];
  const readArgs: unknown[] = [];
  for (const p of specOf(name).params.slice(1)) {
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

/** The bare loop: every cell through the function's own arithmetic, no checks, the same 2D result. */
export function bareLoop(name: string, rows: unknown[][], rest: unknown[]): unknown[][] {
  const compute = specOf(name).compute as (...a: unknown[]) => unknown;
  const [a, b, c, d, e] = rest;
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = [compute(rows[i][0], a, b, c, d, e)];
  return out;
}

/**
 * RUNWAY_RISK's model (one past month drawn at a time, no ramp) as a plain loop over typed arrays, with none of
 * the function's argument reading or checks: the baseline of runwayRiskRatio. It draws in the same order (month
 * by month, trial by trial) from the same seeded generator, so its answer must be RUNWAY_RISK's to the digit.
 */
export function plainRunwayRisk(
  savings: number,
  expenses: number,
  history: number[],
  months: number,
  taxRate: number,
  trials: number,
  seed: number,
): number {
  const random = seededRandom(seed);
  // A global looked up per step is slow in a vm realm; the function under test takes Math.floor once, too.
  const floor = Math.floor;
  const n = history.length;
  const cumulative = new Float64Array(trials);
  const ranOut = new Uint8Array(trials);
  for (let t = 0; t < months; t++) {
    for (let i = 0; i < trials; i++) {
      const earned = history[floor(random() * n)];
      const c = cumulative[i] + earned - (earned > 0 ? taxRate * earned : 0) - expenses;
      cumulative[i] = c;
      // The balance is savings + c; comparing c with -savings avoids a rounding the function does not make.
      if (c < -savings) ranOut[i] = 1;
    }
  }
  let count = 0;
  for (let i = 0; i < trials; i++) count += ranOut[i];
  return count / trials;
}
