/**
 * The Books, Ledger and Categories sheets exactly as built before their layout was split into declared blocks
 * (issue 20): values, formulas, number formats, weights, fills, names, widths, for several years and spreadsheet
 * locales. The split must change no cell. Record again (only for a change meant to alter the sheets) with
 * LEAP_RECORD_BOOKS_LAYOUT=1 npx jest test/books/layoutSnapshot.test.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CATEGORIES } from '../../src/books/categories';
import { COUNTRY_CATEGORIES } from '../../src/books/countryCategories';
import {
  BOOKS,
  BOOKS_MONTH_HEADER,
  booksMoney,
  layoutBooks,
  layoutCategories,
  layoutLedger,
  ledgerRowFormats,
  PLAIN_BOOKS_MONEY,
} from '../../src/books/layout';
import { PLAIN_DATE_FORMAT } from '../../src/plan/currency';

const FIXTURE = path.join(__dirname, 'fixtures', 'books-layout.json');

/** Years on both sides of the Form 1040 renumbering (2025), and locales with money before, after and unknown. */
const CASES = [
  { year: 2026, locale: null },
  { year: 2024, locale: 'en_US' },
  { year: 2025, locale: 'en_GB' },
  { year: 2027, locale: 'de_DE' },
  { year: 2026, locale: 'ja_JP' },
  // Issue 22, problem 3: Books follow the locale's country without a plan: the UK (above, en_GB) and Canada.
  { year: 2026, locale: 'en_CA' },
] as const;

function built(): Record<string, unknown> {
  const sheets: Record<string, unknown> = {
    ledger: layoutLedger(),
    categories: layoutCategories(DEFAULT_CATEGORIES),
    'categories uk': layoutCategories(COUNTRY_CATEGORIES.uk, 'uk'),
    'categories canada': layoutCategories(COUNTRY_CATEGORIES.canada, 'canada'),
    'categories elsewhere': layoutCategories(COUNTRY_CATEGORIES.elsewhere, 'elsewhere'),
    // A locale Jumpwise does not know: ISO dates (the locales' own patterns are the Books sheets' below).
    ledgerRowFormats: ledgerRowFormats(2, PLAIN_DATE_FORMAT),
    BOOKS,
    BOOKS_MONTH_HEADER,
  };
  for (const c of CASES) {
    sheets[`books ${c.year} ${c.locale ?? 'plain'}`] = c.locale
      ? layoutBooks(c.year, booksMoney(c.locale), c.locale)
      : layoutBooks(c.year, PLAIN_BOOKS_MONEY);
  }
  return JSON.parse(JSON.stringify(sheets));
}

/** JSON with one grid row a line: small enough to keep, and a diff names the row that changed. */
function oneRowALine(value: unknown, indent = ''): string {
  if (
    Array.isArray(value) &&
    value.every((v) => !Array.isArray(v) && (v === null || typeof v !== 'object' || !Array.isArray(v)))
  ) {
    if (value.some((v) => v !== null && typeof v === 'object' && Object.values(v).some((x) => typeof x === 'object'))) {
      return `[\n${value.map((v) => `${indent} ${oneRowALine(v, `${indent} `)}`).join(',\n')}\n${indent}]`;
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[\n${value.map((v) => `${indent} ${oneRowALine(v, `${indent} `)}`).join(',\n')}\n${indent}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${indent} ${JSON.stringify(k)}: ${oneRowALine(v, `${indent} `)}`);
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

test('the Books, Ledger and Categories layouts are cell for cell as recorded', () => {
  const now = built();
  if (process.env.LEAP_RECORD_BOOKS_LAYOUT === '1') fs.writeFileSync(FIXTURE, oneRowALine(now));
  const recorded = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  expect(Object.keys(now)).toEqual(Object.keys(recorded));
  for (const key of Object.keys(recorded)) {
    const sheet = recorded[key];
    if (sheet && typeof sheet === 'object' && 'cells' in sheet) {
      // Cell by cell, so a failure names the cell rather than printing two whole grids.
      const mine = now[key] as typeof sheet;
      for (const part of ['cells', 'numberFormats', 'fontWeights', 'backgrounds'] as const) {
        expect([key, part, mine[part].length]).toEqual([key, part, sheet[part].length]);
        sheet[part].forEach((row: unknown[], r: number) => {
          row.forEach((cell, c) => {
            if (JSON.stringify(mine[part][r]?.[c]) !== JSON.stringify(cell)) {
              expect([key, part, `R${r + 1}C${c + 1}`, mine[part][r]?.[c]]).toEqual([key, part, `R${r + 1}C${c + 1}`, cell]);
            }
          });
          expect([key, part, r + 1, mine[part][r].length]).toEqual([key, part, r + 1, row.length]);
        });
      }
    }
    expect([key, now[key]]).toEqual([key, sheet]);
  }
});
