#!/usr/bin/env node
/**
 * Builds dist/, exactly what clasp pushes:
 *   Code.js         the server bundle (IIFE, global `Jumpwise`) + one top-level stub per custom function and entry point
 *   *.html          each sidebar/dialog page with its script and style inlined
 *   appsscript.json the manifest
 * and fails loudly when the output would not run on Apps Script.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { NEWER_BUILTINS, removeNewerBuiltins } from '../emulator/src/newerBuiltins.mjs';
import { readProductName } from './brand.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/**
 * Options that make a bundle Apps Script's V8 accepts: one IIFE with no module syntax, ES2019 (the Apps Script
 * parser rejects class fields), and packages that ship only `main` still resolved on the neutral platform.
 */
export const APPS_SCRIPT_TARGET = {
  bundle: true,
  format: 'iife',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2019',
  charset: 'utf8',
  legalComments: 'none',
  write: false,
};

/** Globals Apps Script does not have; bundled code that uses them breaks only in production. */
const FORBIDDEN_GLOBALS = ['setTimeout', 'setInterval', 'fetch', 'URL', 'TextEncoder', 'TextDecoder', 'process', 'window'];

// ---- Built-ins newer than the target (emulator/src/newerBuiltins.mjs: the table the test realms remove too) ----

/** Marks esbuild writes in place of a newer built-in, so that its uses can be found in its output. */
const MARK = '__leapNewerBuiltin_';
const markOf = (name) => `${MARK}${name.replace(/[.%]/g, '_')}`;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's mappings as, per generated line, [generatedColumn, originalLine, originalColumn] (0-based). */
function decodeMappings(mappings) {
  const lines = [];
  let originalLine = 0;
  let originalColumn = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let generatedColumn = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      generatedColumn += fields[0];
      if (fields.length >= 4) {
        // fields[1] moves the source index: Code.js is the only source.
        originalLine += fields[2];
        originalColumn += fields[3];
        segments.push([generatedColumn, originalLine, originalColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** The module a line of the bundle belongs to: esbuild heads each module's code with a `// path` comment. */
function moduleAt(codeLines, line) {
  for (let i = line; i >= 0; i--) {
    const m = /^\s*\/\/ ([\w@.-]+(?:\/[\w@.-]+)*\.[cm]?[jt]sx?)$/.exec(codeLines[i]);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * Every use of a built-in newer than ES2019 in bundled code, with where it is (Code.js line:column and the module),
 * found by esbuild's own parser rather than by text: a global or static (`globalThis`, `Object.hasOwn`) is one esbuild
 * `define` replaces (so a local variable or a property of that name is not one), and a prototype method is a call of
 * a property of that name (`xs.at(-1)`; esbuild's `mangleProps` finds them, never inside strings or comments).
 * A call of an own method with such a name (`thing.with(…)`) is reported too: rename it.
 */
export function newerBuiltinUses(code, file = 'Code.js') {
  const define = {};
  const methods = new Map();
  for (const builtin of NEWER_BUILTINS) {
    const parts = builtin.name.split('.');
    if (parts.length > 2 && parts[parts.length - 2] === 'prototype') {
      const property = parts[parts.length - 1];
      methods.set(property, [...(methods.get(property) ?? []), builtin]);
    } else define[builtin.name] = markOf(builtin.name);
  }
  const mangleCache = Object.fromEntries([...methods.keys()].map((p) => [p, markOf(`prototype.${p}`)]));
  const result = esbuild.transformSync(code, {
    loader: 'js',
    define,
    mangleProps: new RegExp(`^(${[...methods.keys()].join('|')})$`),
    mangleCache,
    sourcemap: 'external',
    sourcefile: file,
    logLevel: 'silent',
  });
  const found = [];
  const search = (pattern, describe) => {
    for (const m of result.code.matchAll(pattern)) found.push({ offset: m.index + m[0].indexOf(MARK), ...describe(m) });
  };
  for (const builtin of NEWER_BUILTINS) {
    if (!(builtin.name in define)) continue;
    search(new RegExp(`\\b${markOf(builtin.name)}\\b`, 'g'), () => ({ what: builtin.name, edition: builtin.edition }));
  }
  for (const [property, builtins] of methods) {
    search(new RegExp(`\\.\\s*${markOf(`prototype.${property}`)}\\s*\\(`, 'g'), () => ({
      what: `.${property}() (${builtins.map((b) => b.name).join(', ')})`,
      edition: builtins[0].edition,
    }));
  }
  if (found.length === 0) return [];
  const mappings = decodeMappings(JSON.parse(result.map).mappings);
  const generatedLineStarts = [0];
  for (let i = 0; i < result.code.length; i++) if (result.code[i] === '\n') generatedLineStarts.push(i + 1);
  const codeLines = code.split('\n');
  return found
    .map(({ offset, what, edition }) => {
      let line = generatedLineStarts.length - 1;
      while (generatedLineStarts[line] > offset) line--;
      const column = offset - generatedLineStarts[line];
      const segment = (mappings[line] ?? []).filter(([c]) => c <= column).pop();
      const [originalLine, originalColumn] = segment ? [segment[1], segment[2]] : [line, column];
      return {
        what,
        edition,
        file,
        line: originalLine + 1,
        column: originalColumn + 1,
        module: moduleAt(codeLines, originalLine),
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** One use in a build failure's words: what, its edition and where. */
export const describeNewerBuiltinUse = (use) =>
  `the ${use.edition} built-in ${use.what} at ${use.file}:${use.line}:${use.column}${use.module ? ` (${use.module})` : ''}`;

export function checkServerCode(code) {
  const problems = [];
  if (/^\s*(import|export)\b/m.test(code)) problems.push('a top-level import/export');
  // The shipped bundle keeps the source's comments; a comment that says "fetch" or "process" uses nothing.
  const statements = esbuild.transformSync(code, { loader: 'js', minifyWhitespace: true, legalComments: 'none' }).code;
  if (/\brequire\s*\(/.test(statements)) problems.push('require(');
  for (const name of FORBIDDEN_GLOBALS) {
    // A use is the bare name not preceded by "." (a property such as x.process is fine) nor followed by ":" (a key).
    const use = new RegExp(`(?<![.\\w$'"])${name}(?![\\w$'":])`);
    if (use.test(statements)) problems.push(`the global ${name}`);
  }
  // Apps Script's V8 version is unpublished and esbuild's target lowers syntax only: ES2019's built-ins, no newer.
  for (const use of newerBuiltinUses(code)) problems.push(describeNewerBuiltinUse(use));
  return problems;
}

/** The build's refusal: throws, naming every problem, when the server code would not run on Apps Script. */
export function refuseUnfitServerCode(code) {
  const problems = checkServerCode(code);
  if (problems.length) throw new Error(`dist/Code.js would not run on Apps Script: it contains ${problems.join(', ')}`);
}

const jsdocEscape = (s) => s.replace(/\*\//g, '*\\/');

function customFunctionStub(f) {
  const params = f.params.map((p) => p.name);
  const lines = ['/**', ` * ${jsdocEscape(f.summary)}`];
  for (const p of f.params) {
    const name = p.optional ? `[${p.name}]` : p.name;
    const dflt = p.optional && p.defaultLabel ? ` Default: ${p.defaultLabel}.` : '';
    lines.push(` * @param {${p.type}} ${name} ${jsdocEscape(p.description)}${dflt}`);
  }
  lines.push(` * @return ${jsdocEscape(f.returns)}`, ' * @customfunction', ' */');
  lines.push(`function ${f.name}(${params.join(', ')}) { return Jumpwise.customFunctions.${f.name}(${params.join(', ')}); }`);
  return lines.join('\n');
}

function entryPointStub(name, ep) {
  return [
    `/** ${jsdocEscape(ep.doc)} */`,
    `function ${name}(${ep.params.join(', ')}) { return Jumpwise.entryPoints.${name}.run(${ep.params.join(', ')}); }`,
  ].join('\n');
}

/** Loads the bundle the way Apps Script does: a bare context, nothing but the language (ES2019's built-ins). */
export function loadBundleMetadata(bundle) {
  const context = vm.createContext({});
  removeNewerBuiltins(context);
  vm.runInContext(bundle, context, { filename: 'Code.js' });
  const leap = context.Jumpwise;
  return { functions: leap.describeFunctions(), entryPoints: leap.entryPoints };
}

const SERVER_ENTRY = { ...APPS_SCRIPT_TARGET, entryPoints: [join(root, 'src/main.ts')], globalName: 'Jumpwise' };

/** The function table with its documentation, for the README (the same build that ships). */
export async function functionDocs() {
  const result = await esbuild.build(SERVER_ENTRY);
  return loadBundleMetadata(result.outputFiles[0].text);
}

/**
 * Code.js: the bundle and its stubs. `var Jumpwise` is what the stubs reach; esbuild's IIFE assigns it at top level.
 * Shipped not minified, so that a stack trace in Apps Script's Executions log names our functions and lines as
 * they read in src/; `minify` exists for the benchmark, which weighs that choice against a minified cold start.
 */
export async function buildServer({ minify = false } = {}) {
  const result = await esbuild.build({ ...SERVER_ENTRY, minify });
  const bundle = result.outputFiles[0].text;
  const { functions, entryPoints } = loadBundleMetadata(bundle);
  const stubs = [
    '// ---- Custom functions (generated from src/functions; Sheets reads their JSDoc) ----',
    ...functions.map(customFunctionStub),
    '// ---- Menu callbacks, triggers and google.script.run targets (src/sheets/entryPoints.ts) ----',
    ...Object.entries(entryPoints).map(([name, ep]) => entryPointStub(name, ep)),
  ].join('\n');
  const code = `${bundle}\n${stubs}\n`;
  refuseUnfitServerCode(code);
  return code;
}

/**
 * The tags of a page that would fetch something from the network when it opens: any `src` or a `<link href>` to an
 * absolute or protocol-relative address. A link the person follows (`<a href>`, opening a new window) fetches nothing
 * until clicked, so the Help dialog may link the help pages.
 */
export function networkLoads(html) {
  // Only the links' own tags are set aside: a src or href anywhere else (a tag, an inlined script's img.src = '//…')
  // and a CSS url(//…) still count, as the build's check did before links were allowed.
  const withoutLinks = html.replace(/<a\b[^>]*>/gi, '');
  return [
    ...withoutLinks.matchAll(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]*/gi),
    ...withoutLinks.matchAll(/\burl\(\s*["']?(?:https?:)?\/\/[^"')\s]*/gi),
  ].map(([found]) => found);
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A page's {{PLACEHOLDER}}s filled in: {{PRODUCT_NAME}} is src/brand.ts's PRODUCT_NAME, so the pages' titles and
 * sentences name the product from its one constant. An unknown placeholder fails the build rather than reach a person.
 */
export function fillPlaceholders(html, file, values = { PRODUCT_NAME: readProductName(root) }) {
  return html.replace(/\{\{(\w+)\}\}/g, (placeholder, key) => {
    if (!Object.hasOwn(values, key))
      throw new Error(
        `sidebar/${file} has a placeholder the build does not know: ${placeholder} (known: ${Object.keys(values)
          .map((k) => `{{${k}}}`)
          .join(', ')})`,
      );
    return escapeHtml(values[key]);
  });
}

/**
 * Each sidebar/*.html page: its {{PLACEHOLDER}}s filled in (fillPlaceholders), then `<!-- inline: file.css -->` and
 * `<!-- inline: file.ts -->` become <style>/<script>.
 */
async function buildPages() {
  const pages = {};
  const dir = join(root, 'sidebar');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    let html = fillPlaceholders(readFileSync(join(dir, file), 'utf8'), file);
    const markers = [...html.matchAll(/<!--\s*inline:\s*([\w./-]+)\s*-->/g)];
    for (const [marker, name] of markers) {
      let tag;
      if (name.endsWith('.css')) {
        const css = await esbuild.transform(readFileSync(join(dir, name), 'utf8'), { loader: 'css', minify: true });
        tag = `<style>${css.code}</style>`;
      } else {
        const js = await esbuild.build({
          bundle: true,
          write: false,
          entryPoints: [join(dir, name)],
          format: 'iife',
          target: 'es2019',
          platform: 'browser',
          minify: true,
          charset: 'utf8',
          legalComments: 'none',
        });
        // The pages keep to ES2019 too (their esbuild target), built-ins included: the person's browser may be older.
        const uses = newerBuiltinUses(js.outputFiles[0].text, `sidebar/${name} (minified)`);
        if (uses.length) throw new Error(`sidebar/${file} would use ${uses.map(describeNewerBuiltinUse).join(', ')}`);
        // "</script" inside the script would end the tag early.
        tag = `<script>${js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script')}</script>`;
      }
      html = html.replace(marker, () => tag);
    }
    const loads = networkLoads(html);
    if (loads.length) throw new Error(`sidebar/${file} loads something from the network: ${loads.join(', ')}`);
    pages[file] = html;
  }
  return pages;
}

export async function build() {
  const code = await buildServer();
  const pages = await buildPages();
  const files = { 'Code.js': code, ...pages, 'appsscript.json': readFileSync(join(root, 'appsscript.json'), 'utf8') };
  mkdirSync(dist, { recursive: true });
  // Each file is replaced atomically, so a test reading dist/ while another build runs never sees half a file.
  for (const [file, text] of Object.entries(files)) {
    const tmp = join(dist, `.${file}.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(dist, file));
  }
  for (const file of readdirSync(dist)) {
    if (!(file in files) && !file.endsWith('.tmp') && existsSync(join(dist, file))) rmSync(join(dist, file), { force: true });
  }
  return { codeBytes: Buffer.byteLength(code), pages: Object.keys(pages) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().then(
    ({ codeBytes, pages }) =>
      console.log(`dist/Code.js ${(codeBytes / 1024).toFixed(1)} KB; pages: ${pages.join(', ') || 'none'}`),
    (e) => {
      console.error(`build failed: ${e.message}`);
      process.exit(1);
    },
  );
}
