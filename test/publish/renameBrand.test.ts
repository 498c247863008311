/**
 * scripts/rename-brand.mjs, the one-off Leap -> Jumpwise rename the lead runs on the merged main: what each rule
 * changes and what it leaves, and that a second run changes nothing. (The whole-tree run was tried on a scratch copy:
 * tsc, the build and the suites that read the names pass after it.) This file is skipped by the script, so its
 * examples keep the old name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module without types
import { renameBrand, renameText } from '../../scripts/rename-brand.mjs';

const rename = (path: string, text: string): string =>
  (renameText as (p: string, t: string) => { text: string })(path, text).text;

test('named ranges take JW_, the word Leap becomes Jumpwise, identifiers and developer switches stay', () => {
  const source = [
    'LEAP_TAX_RATE: (read) => `=IFERROR(LEAP_FILING_STATUS,"single")`,',
    "export const PRODUCT_NAME = 'Leap';",
    "export const NAMED_RANGE_PREFIX = 'LEAP_';",
    "g.put(1, VALUE, text('Built by Leap. Rebuild from Extensions > Leap > Plan my transition…'));",
    'google.script.run.leapBuildPlan(answers); createLeapEmulator(); isLeapInvoice(sheet);',
    'if (process.env.LEAP_RECORD_PLAN_LAYOUT) record(); // LEAP_RECORD_BOOKS_LAYOUT too',
    "export const ARGUMENTS_PROBE = 'LEAPSELFTEST_ARGUMENTS'; leapSelfTest();",
    'TAX_RATE_US(A1) and a leap year stay as they are.',
  ].join('\n');
  expect(rename('src/x.ts', source).split('\n')).toEqual([
    'JW_TAX_RATE: (read) => `=IFERROR(JW_FILING_STATUS,"single")`,',
    "export const PRODUCT_NAME = 'Jumpwise';",
    "export const NAMED_RANGE_PREFIX = 'JW_';",
    "g.put(1, VALUE, text('Built by Jumpwise. Rebuild from Extensions > Jumpwise > Plan my transition…'));",
    'google.script.run.leapBuildPlan(answers); createLeapEmulator(); isLeapInvoice(sheet);',
    'if (process.env.LEAP_RECORD_PLAN_LAYOUT) record(); // LEAP_RECORD_BOOKS_LAYOUT too',
    "export const ARGUMENTS_PROBE = 'JWSELFTEST_ARGUMENTS'; leapSelfTest();",
    'TAX_RATE_US(A1) and a leap year stay as they are.',
  ]);
});

test('the npm package name changes only in package.json and package-lock.json; notes marked for the rename go', () => {
  const manifest = '{\n  "name": "leap",\n  "description": "Leap: a Google Sheets add-on"\n}\n';
  expect(rename('package.json', manifest)).toBe(
    '{\n  "name": "jumpwise",\n  "description": "Jumpwise: a Google Sheets add-on"\n}\n',
  );
  expect(rename('test/fixture.json', '{ "name": "leap" }')).toBe('{ "name": "leap" }');
  expect(rename('src/brand.ts', '/**\n * One.\n * @rename-brand-drop Until the rename, Leap.\n * Two.\n */\n')).toBe(
    '/**\n * One.\n * Two.\n */\n',
  );
});

test('on a git checkout: tracked text files change, listing/ and docs/ do not, and a second run changes nothing', () => {
  const root = mkdtempSync(join(tmpdir(), 'rename-brand-'));
  try {
    const files: Record<string, string> = {
      'src/a.ts': "const title = 'Leap help'; const name = 'LEAP_SAVINGS';\n",
      'docs/privacy.html': '<p>Leap was the old name.</p>\n',
      'listing/listing.json': '{ "name": "Jumpwise", "old": "Leap" }\n',
      'untracked.ts': "'Leap'\n",
    };
    for (const [path, text] of Object.entries(files)) {
      execFileSync('mkdir', ['-p', join(root, path, '..')]);
      writeFileSync(join(root, path), text);
    }
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'src', 'docs', 'listing'], { cwd: root });
    const run = renameBrand as (root: string) => { path: string; counts: Record<string, number> }[];
    expect(run(root)).toEqual([{ path: 'src/a.ts', counts: { 'named ranges': 1, 'product name': 1 } }]);
    expect(readFileSync(join(root, 'src/a.ts'), 'utf8')).toBe("const title = 'Jumpwise help'; const name = 'JW_SAVINGS';\n");
    for (const path of ['docs/privacy.html', 'listing/listing.json', 'untracked.ts'])
      expect(readFileSync(join(root, path), 'utf8')).toBe(files[path]);
    expect(run(root)).toEqual([]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
