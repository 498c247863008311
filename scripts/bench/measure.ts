/** Timing helpers: medians of repeated runs, in milliseconds. */
import { performance } from 'node:perf_hooks';

/**
 * BENCH_QUICK=1 (the test suite's run): one measured run of each figure instead of medians, with the same keys and
 * the same counts; the README's figures come from a full run. Timings from a quick run are rough.
 */
export const QUICK = process.env.BENCH_QUICK === '1';
/** How many runs: `full` in a real benchmark, `quick` (1 unless given) in the suite's quick run. */
export const runs = (full: number, quick = 1): number => (QUICK ? quick : full);

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** With --expose-gc, collect before each run so one run's garbage is not billed to the next. */
const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
/**
 * A minor collection (young objects only): enough to start each run on an empty young generation, without
 * the full collection that also throws away V8's optimised code and would measure warm-up instead.
 */
const collectGarbage = gc ? () => gc({ type: 'minor' }) : () => {};

export function timeOnce(fn: () => unknown): number {
  collectGarbage();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Median time of `runs` calls after `warmups` unmeasured ones (so the JIT has seen the code);
 * `before` runs untimed ahead of each call (e.g. a fresh emulator).
 */
export function medianTime(fn: () => unknown, count = 5, warmups = 2, before: () => void = () => {}): number {
  const measured = runs(count);
  for (let i = 0; i < runs(warmups, 0); i++) {
    before();
    fn();
  }
  return median(
    Array.from({ length: measured }, () => {
      before();
      return timeOnce(fn);
    }),
  );
}

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
