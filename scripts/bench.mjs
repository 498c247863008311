#!/usr/bin/env node
/**
 * `npm run bench`: Jumpwise's speed and size figures, measured on the built dist/. The measuring code is
 * TypeScript (it drives the emulator), so it is bundled with esbuild first; HyperFormula and
 * playwright-core stay external. `--json` prints one JSON object on stdout and nothing else there.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build, buildServer } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'leap', 'bench.cjs');
mkdirSync(dirname(outfile), { recursive: true });

await build();
// The minified variant is measured beside the shipped one, never written to dist/.
const minifiedCode = await buildServer({ minify: true });
await esbuild.build({
  entryPoints: [join(root, 'scripts', 'bench', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['hyperformula', 'playwright-core', 'esbuild'],
  logLevel: 'error',
});
const { runBenchmarks } = createRequire(import.meta.url)(outfile);
await runBenchmarks({ json: process.argv.includes('--json'), root, minifiedCode });
