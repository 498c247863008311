#!/usr/bin/env node
/**
 * The realms of coldStartMs, in a process of their own: `node --expose-gc coldStartRealms.mjs REALMS NAME=FILE...`
 * prints {"NAME": [ms, ...]} on stdout. A process that holds nothing but these realms, as an Apps Script execution
 * holds nothing but the script: in the benchmark's own process the emulator and HyperFormula fill the heap, and
 * collecting that heap between realms slowed the realms themselves by two to four times.
 *
 * Each realm is timed from its creation, through compiling and running Code.js, to the result of one
 * TAX_ESTIMATE_US call; the variants take turns realm by realm, so a busy moment falls on all of them.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { removeNewerBuiltins } from '../../emulator/src/newerBuiltins.mjs';

/** The call each realm makes, and its result (the README's example), so that a broken bundle cannot time well. */
const CALL = { name: 'TAX_ESTIMATE_US', args: [80_000, 'single', 2026], result: 16_647.47 };

const [realmsArg, ...pairs] = process.argv.slice(2);
const realms = Number(realmsArg);
if (!Number.isInteger(realms) || realms < 1 || pairs.length === 0) {
  console.error('usage: node --expose-gc coldStartRealms.mjs REALMS NAME=FILE...');
  process.exit(2);
}
const variants = pairs.map((pair) => {
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), code: readFileSync(pair.slice(at + 1), 'utf8') };
});
/** With --expose-gc, a full collection before each realm, so that no realm pays for the garbage of the last. */
const gc = globalThis.gc ?? (() => {});

function coldStartOnce(code, realm) {
  gc();
  const start = performance.now();
  // Only what Apps Script gives a custom function: the language's own globals.
  const context = vm.createContext({});
  // ES2019's built-ins only, as in the emulator and the tests.
  removeNewerBuiltins(context);
  // V8 keeps compiled scripts per process, keyed by their source text: a line unique to the realm makes each
  // compile from scratch, as an Apps Script execution does, instead of reusing the first realm's compilation.
  new vm.Script(`${code}\n// realm ${realm}\n`, { filename: 'Code.js' }).runInContext(context);
  const result = context[CALL.name](...CALL.args);
  const ms = performance.now() - start;
  if (typeof result !== 'number' || Math.abs(result - CALL.result) > 0.01) {
    throw new Error(`${CALL.name}(${CALL.args.join(', ')}) gave ${String(result)} in a fresh realm; expected ${CALL.result}`);
  }
  return ms;
}

/**
 * Realms made first and not counted: they warm Node's own vm machinery in this new process, which an Apps Script
 * server has long done before it runs a script; the script itself still compiles from scratch in every realm.
 */
const WARMUP_REALMS = 3;

const times = Object.fromEntries(variants.map((v) => [v.name, []]));
let realm = 0;
for (let i = 0; i < WARMUP_REALMS; i++) for (const v of variants) coldStartOnce(v.code, realm++);
for (let i = 0; i < realms; i++) for (const v of variants) times[v.name].push(coldStartOnce(v.code, realm++));
process.stdout.write(`${JSON.stringify(times)}\n`);
