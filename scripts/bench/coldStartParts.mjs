#!/usr/bin/env node
/**
 * Where a cold start goes: `node --expose-gc scripts/bench/coldStartParts.mjs [REALMS] [FILE]` (default 25 realms of
 * dist/Code.js) prints one JSON object of medians: creating the realm, compiling Code.js, running its top level, the
 * one TAX_ESTIMATE_US cell (the call coldStartRealms.mjs makes), and the top level module by module.
 *
 * The module split (readable builds only: a minified one has no module headers, and gets phases alone) runs in
 * realms of its own, on a copy of Code.js with a timing call before each of esbuild's
 * `// path` module headers: the calls add a little to every module, so those figures rank modules, they do not
 * add up to the top level measured on the real file.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { removeNewerBuiltins } from '../../emulator/src/newerBuiltins.mjs';

const CALL = { name: 'TAX_ESTIMATE_US', args: [80_000, 'single', 2026], result: 16_647.47 };
const WARMUP_REALMS = 3;

/** esbuild heads each module's code, inside the bundle's IIFE, with a `// path` line indented once. */
const MODULE_HEADER = /^ {2}\/\/ (\S+\.(?:ts|mjs|cjs|js))$/gm;

/** Code.js with `__coldStartMark(module)` before each module's header, and one at the end of the IIFE's modules. */
export function withModuleMarks(code) {
  const marked = code.replace(MODULE_HEADER, (header, path) => `  __coldStartMark(${JSON.stringify(path)});\n${header}`);
  const end = marked.indexOf('\n  return __toCommonJS(');
  if (end < 0) throw new Error('Code.js has no `return __toCommonJS(` ending its IIFE: is it an esbuild IIFE bundle?');
  return `${marked.slice(0, end)}\n  __coldStartMark("(end)");${marked.slice(end)}`;
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[sorted.length >> 1] * 1000) / 1000;
};
const gc = globalThis.gc ?? (() => {});

function freshRealm(globals = {}) {
  const context = vm.createContext(globals);
  removeNewerBuiltins(context);
  return context;
}

/** One realm's phases, in ms; a line unique to the realm keeps V8 from reusing an earlier compilation. */
function phasesOnce(code, realm) {
  gc();
  const t0 = performance.now();
  const context = freshRealm();
  const t1 = performance.now();
  const script = new vm.Script(`${code}\n// realm ${realm}\n`, { filename: 'Code.js' });
  const t2 = performance.now();
  script.runInContext(context);
  const t3 = performance.now();
  const result = context[CALL.name](...CALL.args);
  const t4 = performance.now();
  if (typeof result !== 'number' || Math.abs(result - CALL.result) > 0.01) {
    throw new Error(`${CALL.name}(${CALL.args.join(', ')}) gave ${String(result)}; expected ${CALL.result}`);
  }
  return { realmMs: t1 - t0, compileMs: t2 - t1, topLevelMs: t3 - t2, cellMs: t4 - t3, totalMs: t4 - t0 };
}

/** One realm's top level, module by module: the time from each module's header to the next. */
function modulesOnce(markedCode, realm) {
  gc();
  const marks = [];
  const context = freshRealm({ __coldStartMark: (module) => marks.push([module, performance.now()]) });
  new vm.Script(`${markedCode}\n// realm ${realm}\n`, { filename: 'Code.js' }).runInContext(context);
  const ms = {};
  for (let i = 0; i + 1 < marks.length; i++) ms[marks[i][0]] = (ms[marks[i][0]] ?? 0) + marks[i + 1][1] - marks[i][1];
  return ms;
}

/** Whether the bundle still has esbuild's module headers (a minified one has none). */
const hasModuleHeaders = (code) => new RegExp(MODULE_HEADER.source, 'm').test(code);

export function coldStartParts(code, realms) {
  const marked = hasModuleHeaders(code) ? withModuleMarks(code) : undefined;
  const phases = {};
  const modules = {};
  let realm = 0;
  for (let i = 0; i < WARMUP_REALMS + realms; i++) {
    const p = phasesOnce(code, realm++);
    const m = marked ? modulesOnce(marked, realm++) : {};
    if (i < WARMUP_REALMS) continue;
    for (const [k, v] of Object.entries(p)) phases[k] = [...(phases[k] ?? []), v];
    for (const [k, v] of Object.entries(m)) modules[k] = [...(modules[k] ?? []), v];
  }
  const byModule = Object.entries(modules)
    .map(([module, ms]) => [module, median(ms)])
    .sort((a, b) => b[1] - a[1]);
  return {
    realms,
    codeBytes: Buffer.byteLength(code),
    ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])),
    ...(marked && { topLevelByModule: Object.fromEntries(byModule) }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const realms = Number(process.argv[2] ?? 25);
  const file = process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), '../../dist/Code.js');
  if (!Number.isInteger(realms) || realms < 1) {
    console.error('usage: node --expose-gc scripts/bench/coldStartParts.mjs [REALMS] [FILE]');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(coldStartParts(readFileSync(file, 'utf8'), realms), null, 1)}\n`);
}
