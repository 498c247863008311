/** What the build writes to dist/ is what Apps Script and clasp expect. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, loadBundle, readCode } from '../support/bundle';

const root = join(__dirname, '..', '..');

// The build scripts are ESM; jest's transform turns them into CommonJS (test/support/esbuild-transform.js).
const buildModule = async () => require('../../scripts/build.mjs') as { checkServerCode(code: string): string[] };
const readmeModule = async () =>
  require('../../scripts/readme.mjs') as { expectedReadme(): Promise<string>; signature(f: unknown): string };

interface Info {
  name: string;
  params: { name: string; type: string; optional: boolean }[];
}
const functions = (): Info[] => loadBundle().Jumpwise.describeFunctions() as Info[];

describe('custom-function stubs', () => {
  const code = readCode();
  test.each(functions().map((f) => [f.name, f] as const))('%s is a top-level function with its JSDoc', (_name, f) => {
    const params = f.params.map((p) => p.name).join(', ');
    const stub = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${f.name}\\(${params}\\) \\{`);
    const match = code.match(stub);
    expect(match).not.toBeNull();
    const doc = (match as RegExpMatchArray)[1];
    expect(doc).toContain('@customfunction');
    expect(doc).toMatch(/@return \S/);
    for (const p of f.params) {
      expect(doc).toContain(`@param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} `);
    }
  });

  test('the stubs carry each parameter description and @return text of the shipped table', () => {
    // Read from the shipped bundle itself: a build that blanked the table's texts to save bytes would fail here.
    const documented = loadBundle().Jumpwise.describeFunctions() as (Info & {
      returns: string;
      params: { description: string }[];
    })[];
    for (const f of documented) {
      expect(f.returns.length).toBeGreaterThan(0);
      expect(code).toContain(` * @return ${f.returns}\n`);
      for (const p of f.params) {
        expect(p.description.length).toBeGreaterThan(0);
        expect(code).toContain(`@param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} ${p.description}`);
      }
    }
  });

  test('every entry point is a top-level function', () => {
    const ctx = loadBundle();
    for (const name of Object.keys(ctx.Jumpwise.entryPoints as object)) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      expect(typeof ctx[name]).toBe('function');
    }
  });
});

describe('Apps Script compatibility checks', () => {
  test('the built Code.js passes them', async () => {
    const { checkServerCode } = await buildModule();
    expect(checkServerCode(readCode())).toEqual([]);
  });
  test('they catch require, module syntax and missing globals', async () => {
    const { checkServerCode } = await buildModule();
    expect(checkServerCode('var x = require("fs");')).toEqual(['require(']);
    expect(checkServerCode('export function f() {}')).toEqual(['a top-level import/export']);
    expect(checkServerCode('setTimeout(f, 1); new URL(u); fetch(u); process.env.X; window.x; new TextEncoder();')).toEqual([
      'the global setTimeout',
      'the global fetch',
      'the global URL',
      'the global TextEncoder',
      'the global process',
      'the global window',
    ]);
    expect(checkServerCode('var o = { process: 1, fetch: 2 }; o.process(); var url = "URL";')).toEqual([]);
    // Code.js is not minified and keeps comments: words in them are not uses.
    expect(checkServerCode('// fetch them again, then process the rest\n/* window, URL */ var a = 1;')).toEqual([]);
  });
});

describe('dist/ is exactly what clasp pushes', () => {
  test('Code.js, the sidebar page(s) and appsscript.json, nothing else', () => {
    const files = readdirSync(DIST).sort();
    expect(files).toContain('Code.js');
    expect(files).toContain('appsscript.json');
    expect(files.filter((f) => !['Code.js', 'appsscript.json'].includes(f)).every((f) => f.endsWith('.html'))).toBe(true);
  });
  test('the manifest: V8, Stackdriver, a time zone and exactly the two minimal scopes', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(typeof manifest.timeZone).toBe('string');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });
  test('clasp show-file-status lists only dist/ files', () => {
    const out = execFileSync(join(root, 'node_modules/.bin/clasp'), ['show-file-status'], { cwd: root, encoding: 'utf8' });
    const tracked = out
      .split('Untracked files:')[0]
      .split('\n')
      .map((l) => l.replace(/^[\s└─├│]+/, '').trim())
      .filter((l) => l.includes('/'));
    expect(tracked.length).toBeGreaterThanOrEqual(3);
    expect(tracked.every((f) => f.startsWith('dist/'))).toBe(true);
    expect(tracked).toEqual(expect.arrayContaining(['dist/Code.js', 'dist/appsscript.json']));
  });
  test('Code.js is not minified: the source names and one statement a line, for the Executions log', () => {
    const code = readCode();
    for (const name of ['runFunction', 'describeValue', 'readCell', 'buildPlanSheet']) {
      expect(code).toMatch(new RegExp(`^\\s*function ${name}\\(`, 'm'));
    }
    const lines = code.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(1000);
  });
  test('HyperFormula (GPL, test-only) is not in the bundle', () => {
    expect(readCode()).not.toMatch(/hyperformula/i);
  });
});

describe('README', () => {
  test('the function reference is in sync with the function table (run `npm run docs` to update)', async () => {
    const { expectedReadme } = await readmeModule();
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe(await expectedReadme());
  });
  test('every function has a signature line in the README', async () => {
    const { signature } = await readmeModule();
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const f of functions()) expect(readme).toContain(`\`${signature(f)}\``);
  });
});
