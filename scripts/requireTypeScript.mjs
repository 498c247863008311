/**
 * Runs a TypeScript module of the scripts (the benchmark, the listing's screenshots) from Node: bundled by esbuild into
 * node_modules/.cache/leap and required, with HyperFormula, playwright-core and esbuild left as packages. Both share
 * the tests' TypeScript helpers (the emulator, the preview), which is why they are not plain .mjs.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

/** The exports of `entry` (a path under `root`), bundled to `<cache>/<name>.cjs` first. */
export async function requireTypeScript(root, entry, name) {
  const outfile = join(root, 'node_modules', '.cache', 'leap', `${name}.cjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['hyperformula', 'playwright-core', 'esbuild'],
    logLevel: 'error',
  });
  return createRequire(import.meta.url)(outfile);
}
