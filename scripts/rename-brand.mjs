#!/usr/bin/env node
/**
 * One-off: renames the product from Leap to Jumpwise (issue 23) across the repository, in one mechanical step, run
 * once on the merged main after every branch that still says Leap is in. Re-running it changes nothing more.
 *
 *   node scripts/rename-brand.mjs            rewrite the files git tracks
 *   node scripts/rename-brand.mjs --dry-run  only list what would change, per file and rule
 *   node scripts/rename-brand.mjs --root DIR work on another checkout
 *
 * What it renames (whole words, in every tracked text file, tests and fixtures included):
 *   LEAP_NAME      -> JW_NAME        the named ranges (LEAP_TAX_RATE -> JW_TAX_RATE) wherever they are declared, read,
 *                                    documented or recorded in a fixture; also the tests' LEAP_ADDON constant
 *   LEAPSELFTEST_  -> JWSELFTEST_    the self-test's probe function and its scratch names
 *   Leap           -> Jumpwise       every user-visible word: menu paths, sidebar and dialog titles, sheet headings
 *                                    and names, sentences, error messages, README, comments, and src/brand.ts's
 *                                    PRODUCT_NAME; also the bundle's global `Leap` (build.mjs, its tests), which is
 *                                    safe because every use of it is the same whole word
 *   "leap"         -> "jumpwise"     the npm package name in package.json and package-lock.json
 * What it leaves, on purpose:
 *   - lower-case identifiers: the entry points leapBuildPlan, leapSelfTest... (google.script.run and menu targets,
 *     never shown to the person; renaming them would break nothing but touch ~400 lines for no reader), camelCase
 *     names such as createLeapEmulator, isLeapInvoice, the 'leap.' developer-metadata keys and the
 *     node_modules/.cache/leap directory: none is seen by a person using the add-on
 *   - the developer switches LEAP_RECORD_PLAN_LAYOUT and LEAP_RECORD_BOOKS_LAYOUT (environment variables, not
 *     names on a sheet)
 *   - custom function names (TAX_RATE_US...), which never carried the brand
 *   - this script and its test (test/publish/renameBrand.test.ts), listing/ and docs/ (Jumpwise already)
 * The Apps Script project's title is not in the repository (clasp create-script --title sets it; appsscript.json has
 * no name): rename the project in the script editor (PUBLISHING.md). After running: npx biome check --write . (line
 * lengths), re-record the layout fixtures if their tests ask, npm test, and npm run listing:screenshots.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** The rules, in order. Each pattern must match nothing once applied, so a second run is a no-op. */
export const RULES = [
  // Notes that only make sense before the rename (src/brand.ts) go with it.
  { name: 'transition notes', pattern: /^.*@rename-brand-drop.*\n/gm, replacement: '' },
  { name: 'self-test names', pattern: /\bLEAPSELFTEST_/g, replacement: 'JWSELFTEST_' },
  { name: 'named ranges', pattern: /\bLEAP_(?!RECORD_(?:PLAN|BOOKS)_LAYOUT\b)/g, replacement: 'JW_' },
  { name: 'product name', pattern: /\bLeap\b/g, replacement: 'Jumpwise' },
];

/** The package name, only where npm reads it. */
const PACKAGE_NAME = { name: 'package name', pattern: /("name":\s*)"leap"/g, replacement: '$1"jumpwise"' };
const PACKAGE_FILES = new Set(['package.json', 'package-lock.json']);

/** Paths never rewritten: already in the new name, pictures, or this tool. */
const SKIP = [
  /^listing\//,
  /^docs\//,
  /\.(png|jpe?g|gif|ico|webp|pdf)$/i,
  /^scripts\/rename-brand\.mjs$/,
  /^test\/publish\/renameBrand\.test\.ts$/,
  /^node_modules\//,
];

/** The new text and how many times each rule fired. */
export function renameText(path, text) {
  const counts = {};
  let out = text;
  const rules = PACKAGE_FILES.has(path) ? [...RULES, PACKAGE_NAME] : RULES;
  for (const rule of rules) {
    const hits = out.match(rule.pattern)?.length ?? 0;
    if (hits) {
      counts[rule.name] = hits;
      out = out.replace(rule.pattern, rule.replacement);
    }
  }
  return { text: out, counts };
}

export function renameBrand(root, { dryRun = false } = {}) {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const changed = [];
  for (const path of files) {
    if (SKIP.some((skip) => skip.test(path))) continue;
    let text;
    try {
      text = readFileSync(join(root, path), 'utf8');
    } catch {
      continue; // a file deleted in the working tree
    }
    if (text.includes('\0')) continue;
    const result = renameText(path, text);
    if (result.text === text) continue;
    if (!dryRun) writeFileSync(join(root, path), result.text);
    changed.push({ path, counts: result.counts });
  }
  return changed;
}

if (process.argv[1] === here) {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? args[rootAt + 1] : join(dirname(here), '..');
  const dryRun = args.includes('--dry-run');
  const changed = renameBrand(root, { dryRun });
  const totals = {};
  for (const { path, counts } of changed) {
    console.log(
      `${relative(root, join(root, path))}: ${Object.entries(counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
    );
    for (const [k, n] of Object.entries(counts)) totals[k] = (totals[k] ?? 0) + n;
  }
  console.log(
    `${dryRun ? 'Would change' : 'Changed'} ${changed.length} files: ${
      Object.entries(totals)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'nothing'
    }.`,
  );
  if (!dryRun && changed.length)
    console.log(
      'Next: npx biome check --write . && npm test, then npm run listing:screenshots (the pictures show the old name).',
    );
}
