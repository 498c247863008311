#!/usr/bin/env node
/**
 * `npm start`: builds dist/ (the add-on exactly as pushed), bundles the preview (server, page script and the
 * google.script shim, which import TypeScript from emulator/ and scripts/preview/) into node_modules/.cache/leap,
 * then serves the spreadsheet window on http://localhost:8080 (PORT overrides; --empty starts blank;
 * --instant-functions computes custom functions at once instead of as timed executions showing "Loading...").
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { build } from './build.mjs';

const started = performance.now();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'leap', 'preview');

function parseArguments(argv) {
  const known = new Set(['--empty', '--instant-functions']);
  const unknown = argv.filter((a) => !known.has(a) && !a.startsWith('--locale='));
  if (unknown.length) {
    console.error(
      `Unknown option ${unknown.join(' ')}. Usage: npm start [-- --empty] [-- --locale=en_GB] [-- --instant-functions]   (PORT=8080 by default)`,
    );
    process.exit(2);
  }
  const localeOption = argv.find((a) => a.startsWith('--locale='));
  const locale = localeOption === undefined ? undefined : localeOption.slice('--locale='.length);
  // The spreadsheet locale of the sample workbook: a language and a region, as Sheets names them.
  if (locale !== undefined && !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) {
    console.error(`--locale must be a language and region such as en_GB or de_DE, not "${locale}".`);
    process.exit(2);
  }
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a whole number from 0 to 65535, not "${process.env.PORT}".`);
    process.exit(2);
  }
  return { port, empty: argv.includes('--empty'), locale, instantFunctions: argv.includes('--instant-functions') };
}

/**
 * Each output replaces the old one atomically: several previews may start at once (parallel browser tests), and
 * none may import a half-written server.
 */
function writeAtomically(outputFiles) {
  for (const file of outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
}

/** The server runs in Node (HyperFormula stays an external package); the page and the shim run in the browser. */
async function bundlePreview() {
  const common = { bundle: true, write: false, logLevel: 'silent', charset: 'utf8', legalComments: 'none' };
  const results = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { server: join(root, 'scripts/preview/server.ts') },
      outdir: cacheDir,
      outExtension: { '.js': '.cjs' },
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
    }),
    esbuild.build({
      ...common,
      entryPoints: {
        page: join(root, 'scripts/preview/client/page.ts'),
        'script-run-shim': join(root, 'scripts/preview/client/script-run-shim.ts'),
      },
      outdir: cacheDir,
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      minify: true,
    }),
  ]);
  for (const result of results) writeAtomically(result.outputFiles);
}

async function main() {
  const { port, empty, locale, instantFunctions } = parseArguments(process.argv.slice(2));
  mkdirSync(cacheDir, { recursive: true });
  try {
    await Promise.all([build(), bundlePreview()]);
  } catch (e) {
    console.error(`Build failed: ${e.message}`);
    process.exit(1);
  }
  const { startPreviewServer } = await import(pathToFileURL(join(cacheDir, 'server.cjs')).href);
  let preview;
  try {
    preview = await startPreviewServer({
      port,
      empty,
      locale,
      instantFunctions,
      distDir: join(root, 'dist'),
      assetsDir: cacheDir,
      pageDir: join(root, 'scripts/preview'),
    });
  } catch (e) {
    if (e.code === 'EADDRINUSE') {
      console.error(`Port ${port} is already in use: another program (maybe another preview) is listening there.`);
      console.error(`Stop it, or choose another port: PORT=${port === 8080 ? 8081 : port + 1} npm start`);
    } else {
      console.error(`The preview could not start: ${e.message}`);
    }
    process.exit(1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `Jumpwise preview ready in ${seconds} s: ${preview.url}${empty ? ' (blank spreadsheet)' : ''}${locale ? ` (locale ${locale})` : ''}`,
  );
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the preview.`);
    preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
  console.error(`The preview failed: ${e.stack ?? e}`);
  process.exit(1);
});
