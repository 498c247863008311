/**
 * coldStartMs: what one custom-function execution costs before it computes anything. Apps Script runs each
 * execution in a fresh global scope and evaluates the whole of Code.js there, so a realm is measured from its
 * creation, through compiling and running Code.js, to the result of one `TAX_ESTIMATE_US` call.
 */
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { median } from './measure';

export const COLD_START_REALMS = 15;

/** The call each realm makes, and its result (the README's example), so that a broken bundle cannot time well. */
const CALL = { name: 'TAX_ESTIMATE_US', args: [80_000, 'single', 2026], result: 16_647.47 };

/** With --expose-gc, a full collection before each realm, so that no realm pays for the garbage of the last. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function coldStartOnce(code: string, realm: number): number {
  gc();
  const start = performance.now();
  // Only what Apps Script gives a custom function: the language's own globals (the bundle-in-vm tests' context).
  const context = vm.createContext({});
  // V8 keeps compiled scripts per process, keyed by their source text: a line unique to the realm makes each
  // compile from scratch, as an Apps Script execution does, instead of reusing the first realm's compilation.
  new vm.Script(`${code}\n// realm ${realm}\n`, { filename: 'Code.js' }).runInContext(context);
  const result = (context[CALL.name] as (...a: unknown[]) => unknown)(...CALL.args);
  const ms = performance.now() - start;
  if (typeof result !== 'number' || Math.abs(result - CALL.result) > 0.01) {
    throw new Error(`${CALL.name}(${CALL.args.join(', ')}) gave ${String(result)} in a fresh realm; expected ${CALL.result}`);
  }
  return ms;
}

/**
 * The median cold start of each variant of Code.js over `realms` fresh realms. The variants take turns realm by
 * realm, so a busy moment on the machine falls on both rather than on one.
 */
export function measureColdStart<K extends string>(variants: Record<K, string>, realms = COLD_START_REALMS): Record<K, number> {
  const names = Object.keys(variants) as K[];
  const times = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  let realm = 0;
  for (let i = 0; i < realms; i++) {
    for (const name of names) times[name].push(coldStartOnce(variants[name], realm++));
  }
  if (process.env.BENCH_DEBUG) {
    for (const name of names) console.error(`coldStart ${name}: ${times[name].map((t) => t.toFixed(2)).join(' ')}`);
  }
  return Object.fromEntries(names.map((k) => [k, median(times[k])])) as Record<K, number>;
}
