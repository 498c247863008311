/**
 * Custom-function figures: how much the argument layer costs over a bare loop (vectorRatio), measured in a
 * realm that holds dist/Code.js and the benchmark's own side (scripts/bench/inRealm.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { removeNewerBuiltins } from '../../emulator/src/newerBuiltins.mjs';
import { functionTable } from '../../src/functions';
import { median, runs, timeOnce } from './measure';

export const VECTOR_CELLS = 100_000;
const WARMUP_RUNS = runs(10);
const COUNTED_RUNS = runs(5);

type Stub = (...args: unknown[]) => unknown;

interface InRealm {
  column(name: string, cells: number): unknown[][];
  otherArguments(name: string): { stubArgs: unknown[]; readArgs: unknown[] };
  bareLoop(name: string, rows: unknown[][], rest: unknown[]): unknown[][];
}

/** scripts/bench/inRealm.ts, bundled for the sandbox like Code.js is. */
function inRealmScript(root: string): string {
  const result = esbuild.buildSync({
    entryPoints: [join(root, 'scripts', 'bench', 'inRealm.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'LeapBench',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2019',
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/**
 * A realm as Apps Script gives a custom function (nothing but the language, ES2019's built-ins), with dist/Code.js and the
 * benchmark's side (global LeapBench) in it: ranges, stubs and baselines all belong to one realm.
 */
export function benchRealm(root: string): vm.Context {
  const context = vm.createContext({});
  removeNewerBuiltins(context);
  new vm.Script(readFileSync(join(root, 'dist', 'Code.js'), 'utf8'), { filename: 'Code.js' }).runInContext(context);
  new vm.Script(inRealmScript(root), { filename: 'inRealm.js' }).runInContext(context);
  return context;
}

/**
 * BENCH_ONLY=NAME measures one function; BENCH_DEBUG=1 prints each run's times to stderr (for
 * investigating a ratio, without changing the figures the benchmark reports).
 */
export function measureVectorRatios(context: vm.Context): Record<string, number> {
  const bench = context.LeapBench as InRealm;
  const ratios: Record<string, number> = {};
  for (const spec of functionTable.filter(
    (f) => f.shape === 'elementwise' && (!process.env.BENCH_ONLY || f.name === process.env.BENCH_ONLY),
  )) {
    const rows = bench.column(spec.name, VECTOR_CELLS);
    const { stubArgs, readArgs } = bench.otherArguments(spec.name);
    const stub = context[spec.name] as Stub;
    const bundleTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < WARMUP_RUNS + COUNTED_RUNS; run++) {
      // Interleaved, so that both see the same machine state; the first runs warm the JIT and are not counted.
      const bundleMs = timeOnce(() => stub(rows, ...stubArgs));
      const bareMs = timeOnce(() => bench.bareLoop(spec.name, rows, readArgs));
      if (run >= WARMUP_RUNS) {
        bundleTimes.push(bundleMs);
        bareTimes.push(bareMs);
      }
    }
    if (process.env.BENCH_DEBUG) {
      const times = (ts: number[]) => ts.map((t) => t.toFixed(2)).join(' ');
      console.error(`${spec.name}: stub ${times(bundleTimes)}; bare ${times(bareTimes)}`);
    }
    ratios[spec.name] = median(bundleTimes) / median(bareTimes);
  }
  return ratios;
}
