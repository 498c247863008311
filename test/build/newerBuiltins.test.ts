/**
 * No built-in newer than ES2019 in the bundle: the build refuses one, naming it and where, and every realm that runs
 * dist/Code.js in tests lacks them, so a call fails here rather than on Google's servers.
 * Google does not publish the V8 version behind Apps Script ("V8 runtime overview",
 * https://developers.google.com/apps-script/guides/v8-runtime, lists supported syntax, no version or edition), and
 * the build's esbuild target (es2019) lowers syntax, never built-ins; the table is emulator/src/newerBuiltins.mjs.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { NEWER_BUILTINS } from '../../emulator/src/newerBuiltins.mjs';
import { DIST, loadBundle, readCode } from '../support/bundle';

// The build script is ESM; jest's transform turns it into CommonJS (test/support/esbuild-transform.js).
const build = () =>
  require('../../scripts/build.mjs') as {
    APPS_SCRIPT_TARGET: esbuild.BuildOptions;
    checkServerCode(code: string): string[];
    newerBuiltinUses(code: string, file?: string): unknown[];
    refuseUnfitServerCode(code: string): void;
  };

/** Bundles source files as the build bundles src/main.ts (paths relative to a scratch project), returns Code.js. */
function bundle(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'leap-newer-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const result = esbuild.buildSync({
      ...build().APPS_SCRIPT_TARGET,
      absWorkingDir: dir,
      entryPoints: ['src/main.ts'],
      globalName: 'Jumpwise',
      write: false,
    });
    return result.outputFiles[0].text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the build refuses a source that uses a newer built-in, naming it, its edition, the line and the source file', () => {
  const code = bundle({
    'src/main.ts': "export { has, lastBlock, swap } from './sheets/blocks';\n",
    'src/sheets/blocks.ts': [
      '/** The open block. */',
      'export function lastBlock(blocks: number[][]) {',
      '  const note = "a string saying blocks.at(-1) is no call";',
      '  return blocks.at(-1) || note;',
      '}',
      'export const has = (o: object) => Object.hasOwn(o, "x");',
      'export const swap = (s: string) => s.replaceAll("a", "b");',
      '',
    ].join('\n'),
  });
  /** line:column (1-based) of the first `needle` in Code.js. */
  const where = (needle: string): string => {
    const lines = code.split('\n');
    const i = lines.findIndex((l) => l.includes(needle));
    return `${i + 1}:${lines[i].indexOf(needle) + 1}`;
  };
  expect(build().checkServerCode(code)).toEqual([
    `the ES2022 built-in .at() (Array.prototype.at, String.prototype.at, %TypedArray%.prototype.at) at Code.js:${where('at(-1) ||')} (src/sheets/blocks.ts)`,
    `the ES2022 built-in Object.hasOwn at Code.js:${where('Object.hasOwn')} (src/sheets/blocks.ts)`,
    `the ES2021 built-in .replaceAll() (String.prototype.replaceAll) at Code.js:${where('replaceAll(')} (src/sheets/blocks.ts)`,
  ]);
  expect(() => build().refuseUnfitServerCode(code)).toThrow(
    /^dist\/Code\.js would not run on Apps Script: it contains the ES2022 built-in \.at\(\)/,
  );
});

test('globals and statics are found where they are the built-in, not a local variable or a property of that name', () => {
  const { checkServerCode } = build();
  expect(checkServerCode('var g = globalThis; structuredClone(g); Promise.allSettled([]);')).toEqual([
    'the ES2020 built-in globalThis at Code.js:1:9',
    'the HTML built-in structuredClone at Code.js:1:21',
    'the ES2020 built-in Promise.allSettled at Code.js:1:41',
  ]);
  expect(
    checkServerCode('function f(globalThis) { return globalThis.x; } var o = { at: 1, with: 2 }; o.at; x.hasOwn; "[].at(1)";'),
  ).toEqual([]);
});

test('the shipped bundle uses none, nor do the pages’ scripts (the build checks them too)', () => {
  expect(build().checkServerCode(readCode())).toEqual([]);
  for (const page of readdirSync(DIST).filter((f) => f.endsWith('.html'))) {
    const scripts = [...readFileSync(join(DIST, page), 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    for (const script of scripts) expect([page, build().newerBuiltinUses(script, page)]).toEqual([page, []]);
  }
});

describe('the realm that runs dist/Code.js in tests lacks them', () => {
  const context = loadBundle();
  test.each(NEWER_BUILTINS.map((b) => [b.name]))('%s', (name) => {
    const path = name.replace('%TypedArray%', 'Object.getPrototypeOf(Int8Array)');
    expect(vm.runInContext(`typeof ${name === 'globalThis' ? 'globalThis' : path}`, context)).toBe('undefined');
  });
  test('a call fails; ES2019 built-ins are all there', () => {
    expect(() => vm.runInContext('[1, 2].at(-1)', context)).toThrow('at is not a function');
    expect(vm.runInContext('[[1], [2]].flat().length + Object.fromEntries([["a", 1]]).a', context)).toBe(3);
    // The bundle still runs in it: one of its functions, called through its top-level stub.
    expect(typeof context.Jumpwise.describeFunctions).toBe('function');
  });
});
