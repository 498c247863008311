/**
 * The product's name lives in one constant (src/brand.ts, issue 23): every sentence, title and heading the add-on
 * shows builds it from PRODUCT_NAME, and the pages in sidebar/ get it from the build ({{PRODUCT_NAME}}, filled in by
 * scripts/build.mjs). So a rename is one line, and this test finds any place that spells the name out instead.
 * Comments may name the product: they are stripped first (esbuild for TypeScript, the markup's own for HTML and CSS).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
// @ts-expect-error: a plain ES module without types
import { readProductName } from '../../scripts/brand.mjs';
// @ts-expect-error: a plain ES module without types
import { fillPlaceholders } from '../../scripts/build.mjs';
import { PRODUCT_NAME } from '../../src/brand';
import { REPO } from '../support/browser';

/**
 * The text of a source file with its comments removed: what can reach the person. esbuild keeps some comments inside
 * object literals when it only transforms, so the TypeScript is also minified (whitespace only: strings stay as written).
 */
function withoutComments(file: string, text: string): string {
  if (file.endsWith('.ts'))
    return transformSync(text, { loader: 'ts', legalComments: 'none', minifyWhitespace: true, sourcefile: file }).code;
  if (file.endsWith('.css')) return text.replace(/\/\*[\s\S]*?\*\//g, '');
  return text.replace(/<!--[\s\S]*?-->/g, '');
}

/** Each place outside src/brand.ts, in src/ and sidebar/, where code or markup spells out `name`, with its context. */
function spelledOut(name: string): string[] {
  const pattern = new RegExp(`\\b${name}\\b`, 'g');
  const files = ['src', 'sidebar'].flatMap((dir) =>
    readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|html|css)$/.test(f))
      .map((f) => `${dir}/${f}`),
  );
  return files
    .filter((file) => file !== 'src/brand.ts')
    .flatMap((file) => {
      const text = withoutComments(file, readFileSync(join(REPO, file), 'utf8'));
      return [...text.matchAll(pattern)].map((m) => `${file}: …${text.slice(Math.max(0, m.index - 50), m.index + 50)}…`);
    });
}

test('no code or page line in src/ or sidebar/ spells out the product name: each takes it from PRODUCT_NAME', () => {
  expect(spelledOut(PRODUCT_NAME)).toEqual([]);
});

test("the name is plain words, so it reads the same inside a formula's quotes, a page's markup and a menu", () => {
  // Sentences on the sheets are formulas built around the name (="… has no tax calendar …"): a quote would end them.
  expect(PRODUCT_NAME).toMatch(/^[A-Za-z][A-Za-z0-9 ]*$/);
});

test('the check itself finds a spelled-out name and ignores comments', () => {
  const source = `// ${PRODUCT_NAME}\n/** ${PRODUCT_NAME} */ const a = { // ${PRODUCT_NAME}\n b: '${PRODUCT_NAME} says' };`;
  expect(withoutComments('x.ts', source)).toBe(`const a={b:"${PRODUCT_NAME} says"};\n`);
  expect(withoutComments('x.html', `<!-- ${PRODUCT_NAME} --><title>${PRODUCT_NAME}</title>`)).toBe(
    `<title>${PRODUCT_NAME}</title>`,
  );
});

test('the scripts read the name from src/brand.ts, and the build fills it into the pages', () => {
  expect(readProductName(REPO)).toBe(PRODUCT_NAME);
  expect(fillPlaceholders('<title>{{PRODUCT_NAME}} help</title><h2>What {{PRODUCT_NAME}} does</h2>', 'Help.html')).toBe(
    `<title>${PRODUCT_NAME} help</title><h2>What ${PRODUCT_NAME} does</h2>`,
  );
  expect(() => fillPlaceholders('<h2>{{PRODUCT}}</h2>', 'Help.html')).toThrow(
    'sidebar/Help.html has a placeholder the build does not know: {{PRODUCT}} (known: {{PRODUCT_NAME}})',
  );
  const built = readFileSync(join(REPO, 'dist', 'Help.html'), 'utf8');
  expect(built).not.toContain('{{');
  expect(built).toContain(`<title>${PRODUCT_NAME} help</title>`);
});
