/**
 * coldStartMs: what one custom-function execution costs before it computes anything. Apps Script runs each
 * execution in a fresh global scope and evaluates the whole of Code.js there; scripts/bench/coldStartRealms.mjs
 * times such realms in a process of its own, and this takes the median of each variant.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, runs } from './measure';

export const COLD_START_REALMS = runs(15, 3);

/** The median cold start of each variant of Code.js (name -> source) over `realms` fresh realms. */
export function measureColdStart<K extends string>(
  root: string,
  variants: Record<K, string>,
  realms = COLD_START_REALMS,
): Record<K, number> {
  const dir = join(root, 'node_modules', '.cache', 'leap', 'cold-start');
  mkdirSync(dir, { recursive: true });
  const names = Object.keys(variants) as K[];
  const args = names.map((name) => {
    const file = join(dir, `${name}.js`);
    writeFileSync(file, variants[name]);
    return `${name}=${file}`;
  });
  const stdout = execFileSync(
    process.execPath,
    ['--expose-gc', join(root, 'scripts', 'bench', 'coldStartRealms.mjs'), String(realms), ...args],
    { encoding: 'utf8' },
  );
  const times = JSON.parse(stdout) as Record<K, number[]>;
  if (process.env.BENCH_DEBUG) {
    for (const name of names) console.error(`coldStart ${name}: ${times[name].map((t) => t.toFixed(2)).join(' ')}`);
  }
  return Object.fromEntries(names.map((k) => [k, median(times[k])])) as Record<K, number>;
}
