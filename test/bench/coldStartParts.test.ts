/**
 * scripts/bench/coldStartParts.mjs splits a cold start into its phases and the top level into modules, so that the
 * work every custom-function execution pays for can be found. Timings are reported, not asserted; the split is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Parts {
  realms: number;
  codeBytes: number;
  realmMs: number;
  compileMs: number;
  topLevelMs: number;
  cellMs: number;
  totalMs: number;
  topLevelByModule?: Record<string, number>;
}
const { coldStartParts, withModuleMarks } = require('../../scripts/bench/coldStartParts.mjs') as {
  coldStartParts(code: string, realms: number): Parts;
  withModuleMarks(code: string): string;
};

const code = readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8');

test('the built Code.js splits into realm, compile, top level and the cell, and the top level into its modules', () => {
  const parts = coldStartParts(code, 1);
  for (const key of ['realmMs', 'compileMs', 'topLevelMs', 'cellMs', 'totalMs'] as const) expect(parts[key]).toBeGreaterThan(0);
  expect(parts.codeBytes).toBe(Buffer.byteLength(code));
  const byModule = parts.topLevelByModule ?? {};
  const modules = Object.keys(byModule);
  // Both the add-on's own modules and the bundled packages are named, the wizard's declarations among them.
  expect(modules).toEqual(expect.arrayContaining(['src/plan/answers.ts', 'src/functions/index.ts', 'src/sheets/entryPoints.ts']));
  expect(modules.some((m) => /node_modules\/valibot\//.test(m))).toBe(true);
  expect(Object.values(byModule).every((ms) => ms >= 0)).toBe(true);
});

test('the timing marks go before module headers only, and a file that is not an esbuild IIFE is refused', () => {
  const marked = withModuleMarks(code);
  expect(marked.match(/__coldStartMark\(/g)?.length).toBe((code.match(/^ {2}\/\/ \S+\.(?:ts|mjs|cjs|js)$/gm) ?? []).length + 1);
  expect(() => withModuleMarks('function TAX_ESTIMATE_US() {}')).toThrow(/esbuild IIFE/);
});

test('a minified build, which has no module headers, still splits into its phases', async () => {
  const { buildServer } = require('../../scripts/build.mjs') as { buildServer(o: { minify: boolean }): Promise<string> };
  const parts = coldStartParts(await buildServer({ minify: true }), 1);
  expect(parts.compileMs).toBeGreaterThan(0);
  expect(parts.topLevelByModule).toBeUndefined();
});
