#!/usr/bin/env node
/**
 * The README's function reference, generated from the function table (the same data the JSDoc stubs come
 * from). `npm run docs` rewrites it; test/build checks it is in sync.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, functionDocs } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- functions:start -->';
export const END = '<!-- functions:end -->';

const SHAPE_NOTE = {
  elementwise: 'Any argument may be a range; the result has the same shape (blank cells give blank results).',
  aggregate: 'Reads a whole range of months; blanks and headings inside it are skipped.',
  table: 'Spills a table below and to the right of the cell.',
};

export function signature(f) {
  const params = f.params.map((p) => (p.optional ? `[${p.name}${p.defaultLabel ? `=${p.defaultLabel}` : ''}]` : p.name));
  return `${f.name}(${params.join(', ')})`;
}

export function renderReference(functions) {
  const families = [...new Set(functions.map((f) => f.family))];
  const lines = [
    'Generated from the function table (`npm run docs`). Rates are fractions: type 30% or 0.3. Every error names the',
    'function, the argument, the cell position inside a range and what was expected.',
    '',
    '| Function | What it gives |',
    '|---|---|',
    ...functions.map((f) => `| [\`${f.name}\`](#${f.name.toLowerCase()}) | ${f.summary.replace(/\|/g, '\\|')} |`),
  ];
  for (const family of families) {
    lines.push('', `### ${family}`);
    for (const f of functions.filter((g) => g.family === family)) {
      const whole = f.params.find((p) => p.wholeRange);
      const lists = f.params.filter((p) => p.list).map((p) => `\`${p.name}\``);
      const listNote = `Reads ${lists.join(', ')} whole, as lists (a single cell is a list of one); the other arguments are single cells.`;
      const shape = whole
        ? `${SHAPE_NOTE[f.shape]} A range in \`${whole.name}\` is different: it is read whole, and the other arguments are then single cells.`
        : lists.length > 0
          ? f.shape === 'table'
            ? `${SHAPE_NOTE[f.shape]} ${listNote}`
            : listNote
          : SHAPE_NOTE[f.shape];
      lines.push('', `#### ${f.name}`, '', `\`${signature(f)}\``, '', `${f.summary} ${shape}`, '');
      for (const p of f.params) {
        const dflt = p.optional && p.defaultLabel ? ` Default: ${p.defaultLabel}.` : '';
        lines.push(`- \`${p.name}\`${p.optional ? ' (optional)' : ''}: ${p.description}${dflt}`);
      }
      lines.push(`- Returns: ${f.returns}`, '', `Example: \`${f.example.formula}\` gives ${f.example.result}.`);
    }
  }
  return lines.join('\n');
}

/** The README with its reference section replaced by `reference`. */
export function withReference(readme, reference) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} ... ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${reference}\n${readme.slice(end)}`;
}

export async function expectedReadme() {
  const { functions } = await functionDocs();
  return withReference(readFileSync(join(root, 'README.md'), 'utf8'), renderReference(functions));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().then(async () => {
    const next = await expectedReadme();
    if (process.argv.includes('--write')) {
      writeFileSync(join(root, 'README.md'), next);
      console.log('README.md function reference updated');
    } else {
      process.stdout.write(next);
    }
  });
}
