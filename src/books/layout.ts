/**
 * The Ledger, Categories and Books sheets as pure grids: values, formulas, formats and named ranges. The writer
 * (src/sheets/booksWriter.ts) copies them onto sheets in a few batched calls.
 *
 * Every total on Books is a native formula (SUMIFS, SUMPRODUCT, COUNTIFS) over whole Ledger columns, so rows the
 * import appends, rows a person adds and a category a person changes count at once; only the federal tax dates and
 * payment call Jumpwise's functions. The Books sheet is a list of blocks, one module each (src/books/blocks/index.ts):
 * a new figure, row or block goes there, not here.
 */

import { type Cell, Grid, HEADER_FILL, type SheetGrid } from '../layout/grid';
import { taxCountryOfLocale } from '../plan/answers';
import { BOOKS_BLOCKS } from './blocks';
import { type BooksMoney, CATEGORY_ROWS, PERCENT, PLAIN_BOOKS_MONEY } from './blocks/common';
import { CATEGORY_HEADER, type CategoryDefault } from './categories';
import { BOOKS_COUNTRIES, type BooksCountryKey, booksCountryKey } from './country';
import { importKey } from './duplicates';
import type { StatementRow } from './types';

export {
  BOOKS,
  type BooksMoney,
  booksMoney,
  CATEGORIES_SHEET,
  CATEGORY_ROWS,
  FORM_1040_LINES,
  form1040LineFormula,
  LEDGER_SHEET,
  PLAIN_BOOKS_MONEY,
  TAX_PERIODS,
} from './blocks/common';
export { BOOKS_MONTH_HEADER } from './blocks/months';
export type { SheetGrid };

export const BOOKS_SHEET = 'Books';

export const LEDGER_HEADER = ['Date', 'Description', 'Amount', 'Category', 'Account', 'Notes', 'Import key'] as const;
/** 1-based columns of the Ledger. */
export const LEDGER_COLUMN = { date: 1, description: 2, amount: 3, category: 4, account: 5, notes: 6, importKey: 7 } as const;

/** Amounts whose separators follow the document's locale; dates take the document's own pattern (ledgerRowFormats). */
const LEDGER_AMOUNT_FORMAT = '#,##0.00';

const text = (t: string): Cell => ({ text: t });

// ---------------------------------------------------------------- Ledger

interface LedgerLayout extends SheetGrid {
  columnWidths: number[];
}

/** A new Ledger: its header row (the writer adds the filter, dropdown, formats and hidden key column). */
export function layoutLedger(): LedgerLayout {
  const g = new Grid();
  LEDGER_HEADER.forEach((h, i) => {
    g.put(1, i + 1, { cell: text(h), bold: true, fill: HEADER_FILL });
  });
  return { ...sheetGrid(g), columnWidths: [100, 320, 100, 200, 150, 220, 100] };
}

/** A ledger cell: a sheet cell, or a date written YYYY-MM-DD, which Sheets reads as a date in every locale. */
export type LedgerCell = Cell | { isoDate: string };

/** Ledger rows for statement rows, each with its category, in the Ledger's column order. */
export function ledgerRows(
  rows: readonly StatementRow[],
  account: string,
  categoryOf: (row: StatementRow) => string,
): LedgerCell[][] {
  return rows.map((row) => [
    { isoDate: row.date },
    text(row.description),
    { number: row.amount },
    text(categoryOf(row)),
    text(account),
    null,
    text(importKey(row)),
  ]);
}

/** The number formats of appended ledger rows. */
export const ledgerRowFormats = (
  count: number,
  /** The document's date pattern (src/plan/currency.ts dateFormat). */
  date: string,
): string[][] =>
  Array.from({ length: count }, () => [date, 'General', LEDGER_AMOUNT_FORMAT, 'General', 'General', 'General', 'General']);

// ---------------------------------------------------------------- Categories

interface CategoriesLayout extends SheetGrid {
  /** A1 of the Kind cells below the header, for the Kind dropdown. */
  kindRange: string;
  columnWidths: number[];
}

/**
 * A new Categories sheet with `defaults`. Its third column names the country's form (Schedule C line, SA103F box,
 * T2125 line): Books reads that column by position, the import finds the others by their names.
 */
export function layoutCategories(defaults: readonly CategoryDefault[], country: BooksCountryKey = 'us'): CategoriesLayout {
  const g = new Grid();
  const formHeader = BOOKS_COUNTRIES[country].form?.categoriesHeader ?? 'Form line (none)';
  CATEGORY_HEADER.forEach((h, i) => {
    g.put(1, i + 1, { cell: text(i === 2 ? formHeader : h), bold: true, fill: HEADER_FILL });
  });
  defaults.forEach((d, i) => {
    const row = i + 2;
    g.put(row, 1, text(d.category));
    g.put(row, 2, text(d.kind));
    g.put(row, 3, d.scheduleCLine === '' ? null : text(d.scheduleCLine));
    g.put(row, 4, { cell: { number: d.deductibleShare }, format: PERCENT });
    g.put(row, 5, text(d.words.join(', ')));
  });
  return { ...sheetGrid(g), kindRange: `B2:B${CATEGORY_ROWS + 1}`, columnWidths: [220, 110, 120, 120, 460] };
}

// ---------------------------------------------------------------- Books

export interface BooksLayout extends SheetGrid {
  /** name -> A1 on the Books sheet. */
  namedRanges: Record<string, string>;
  frozenRows: number;
  columnWidths: number[];
}

/**
 * The Books sheet for the tax year `year` in a spreadsheet of `locale`: its blocks (src/books/blocks/index.ts) placed
 * on one grid, for `country` (the plan's); without one, Books follows the country the locale suggests.
 */
export function layoutBooks(
  year: number,
  money: BooksMoney = PLAIN_BOOKS_MONEY,
  locale = 'en_US',
  ledgerUrl: string | null = null,
  country?: BooksCountryKey,
): BooksLayout {
  const g = booksGrid(year, money, locale, ledgerUrl, country);
  const { namedRanges, ...grid } = g.build();
  // Column H parts the month table from Schedule C, and holds April in the by-category table below: wide enough
  // for an amount. Columns M:S also hold the tax blocks' labels, notes and figures above the by-category table.
  // Column T holds the tax blocks' notes, one sentence each: wide enough to show them whole (the longest, last
  // year's AGI, measures about 800 px in the preview's grid), and the payment sentence that runs on from R over S and T.
  const widths = [190, 130, 150, 120, 130, 130, 130, 100, 120, 260, 120, 100, 210, 90, 110, 330, 100, 230, 110, 820];
  // Outside the US column N names each payment ("1st payment on account", "Instalment 1") where the US numbers its
  // periods: wide enough for the name.
  const key = country ?? booksCountryKey(taxCountryOfLocale(locale));
  if (key !== 'us') widths[13] = 170;
  // In the UK column P also says which year a 31 January payment counts for besides this one, and beside the total
  // that both count it (src/books/blocks/taxPaid.ts): wide enough for those notes whole.
  if (key === 'uk') widths[15] = 520;
  return {
    ...sheetGrid(g),
    namedRanges,
    frozenRows: 0,
    columnWidths: [...widths, ...Array.from({ length: grid.columns - widths.length }, () => 100)],
  };
}

/** The Books sheet's blocks on one grid: its declarations are the sheet's dependency graph. */
export function booksGrid(
  year: number,
  money: BooksMoney = PLAIN_BOOKS_MONEY,
  locale = 'en_US',
  ledgerUrl: string | null = null,
  country?: BooksCountryKey,
): Grid {
  const g = new Grid();
  const localeCountry = taxCountryOfLocale(locale);
  const books = { year, money, localeCountry, ledgerUrl, country: BOOKS_COUNTRIES[country ?? booksCountryKey(localeCountry)] };
  for (const block of BOOKS_BLOCKS) block(g, books);
  return g;
}

/** The four parts of a built grid the writer copies, nothing else. */
function sheetGrid(g: Grid): SheetGrid {
  const { cells, numberFormats, fontWeights, backgrounds } = g.build();
  return { cells, numberFormats, fontWeights, backgrounds };
}
