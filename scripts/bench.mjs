#!/usr/bin/env node
/**
 * `npm run bench`: Jumpwise's speed and size figures, measured on the built dist/. The measuring code is
 * TypeScript (it drives the emulator), so it is bundled with esbuild first; HyperFormula and
 * playwright-core stay external. `--json` prints one JSON object on stdout and nothing else there.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, buildServer } from './build.mjs';
import { requireTypeScript } from './requireTypeScript.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build();
// The minified variant is measured beside the shipped one, never written to dist/.
const minifiedCode = await buildServer({ minify: true });
const { runBenchmarks } = await requireTypeScript(root, 'scripts/bench/main.ts', 'bench');
await runBenchmarks({ json: process.argv.includes('--json'), root, minifiedCode });
