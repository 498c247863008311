/**
 * Rules that learn, on the Apps Script side: reads the Ledger and the Categories sheet for the check-in's groups of
 * similar rows, adds a rule word to a category's "Description contains" cell, and gives a category to the Ledger rows
 * still uncategorised that a word matches. A category the person (or a rule) set is never overwritten.
 */
import { CATEGORY_HEADER, foldForMatching, KINDS, type Kind, readCategoryRules, ruleWords } from '../books/categories';
import { CATEGORIES_SHEET, LEDGER_COLUMN, LEDGER_SHEET } from '../books/layout';
import {
  type CategoryChoice,
  everyRowProblem,
  isUncategorised,
  type LedgerLine,
  rowsToCategorise,
  ruleWordProblem,
  similarGroups,
  wordMatches,
} from '../books/similarRows';
import { PRODUCT_NAME } from '../brand';
import { asText } from '../plan/cellValue';
import { localeCurrency, separators } from '../plan/currency';
import type { RuleResult, SimilarRowsView } from '../protocol';
import { checkLedgerHeader } from './booksWriter';
import { NO_BOOKS } from './checkin';
import { underDocumentLock } from './lock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Groups the check-in lists at once: a sidebar's worth; the rest are counted. */
const GROUPS_SHOWN = 12;
const LOCK_WAIT_MS = 30000;
const BUSY = `${PRODUCT_NAME} is writing to this spreadsheet (an import or a build): try again in a moment.`;

/** An amount as a money cell with cents shows it in the document's locale: -$182.40, 1.234,50 €. */
export function moneyWithCents(amount: number, locale: string): string {
  const currency = localeCurrency(locale);
  const { group, decimal } = separators(locale);
  const digits = currency?.minorDigits ?? 2;
  const [whole, fraction] = Math.abs(amount).toFixed(digits).split('.');
  const body = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (fraction ? `${decimal}${fraction}` : '');
  const gap = currency?.spaced ? ' ' : '';
  const shown = !currency
    ? body
    : currency.placement === 'before'
      ? `${currency.symbol}${gap}${body}`
      : `${body}${gap}${currency.symbol}`;
  return amount < 0 && /[1-9]/.test(body) ? `-${shown}` : shown;
}

interface Books {
  spreadsheet: Spreadsheet;
  ledger: Sheet;
  categories: Sheet;
}

function books(): Books {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ledger = spreadsheet.getSheetByName(LEDGER_SHEET);
  const categories = spreadsheet.getSheetByName(CATEGORIES_SHEET);
  if (!ledger || !categories) throw new Error(NO_BOOKS);
  return { spreadsheet, ledger, categories };
}

/** The Ledger's rows below the header: description, amount and category, in one read. */
function readLedger(ledger: Sheet): LedgerLine[] {
  checkLedgerHeader(ledger, { retry: 'try again', nothing: 'Nothing was changed.' });
  const lastRow = ledger.getLastRow();
  if (lastRow < 2) return [];
  const width = LEDGER_COLUMN.category - LEDGER_COLUMN.description + 1;
  return ledger
    .getRange(2, LEDGER_COLUMN.description, lastRow - 1, width)
    .getValues()
    .map((r, i) => ({
      row: i + 2,
      description: String(r[0] ?? ''),
      amount: typeof r[1] === 'number' ? r[1] : Number.NaN,
      category: String(r[LEDGER_COLUMN.category - LEDGER_COLUMN.description] ?? ''),
    }))
    .filter((line) => Number.isFinite(line.amount));
}

interface CategoriesRead {
  values: unknown[][];
  rules: ReturnType<typeof readCategoryRules>;
  /** The categories a rule can give, each with its sheet row (1-based) and kind. */
  choices: (CategoryChoice & { row: number })[];
  wordsColumn: number;
}

function readCategories(categories: Sheet): CategoriesRead {
  const values = categories.getDataRange().getValues();
  // Throws, naming the missing headings, when the Category or Description contains column is gone.
  const rules = readCategoryRules(values);
  const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const categoryColumn = header.indexOf(CATEGORY_HEADER[0].toLowerCase());
  const kindColumn = header.indexOf(CATEGORY_HEADER[1].toLowerCase());
  const wordsColumn = header.indexOf(CATEGORY_HEADER[4].toLowerCase());
  const choices: CategoriesRead['choices'] = [];
  values.slice(1).forEach((r, i) => {
    const category = String(r[categoryColumn] ?? '').trim();
    if (category === '' || isUncategorised(category)) return;
    const kindText = kindColumn < 0 ? '' : String(r[kindColumn] ?? '').trim();
    const kind = (KINDS as readonly string[]).find((k) => k.toLowerCase() === kindText.toLowerCase()) as Kind | undefined;
    choices.push({ category, kind: kind ?? '', row: i + 2 });
  });
  return { values, rules, choices, wordsColumn };
}

/** The Categories sheet's category of this name: the same spelling first, else the same ignoring case. */
function sameCategory<T extends CategoryChoice>(choices: readonly T[], name: string): T | undefined {
  const wanted = name.trim();
  return choices.find((c) => c.category === wanted) ?? choices.find((c) => c.category.toLowerCase() === wanted.toLowerCase());
}

function viewOf(b: Books, lines: readonly LedgerLine[], read: CategoriesRead): SimilarRowsView {
  const locale = b.spreadsheet.getSpreadsheetLocale();
  const groups = similarGroups(lines, read.rules, GROUPS_SHOWN);
  return {
    ledgerName: b.ledger.getName(),
    categoriesName: b.categories.getName(),
    categories: read.choices.map((c) => c.category),
    groups: groups.slice(0, GROUPS_SHOWN).map((g) => ({
      ...g,
      // The dropdown accepts a category in any case (Sheets matches a range's values ignoring case): the page offers
      // the sheet's own spelling.
      category: sameCategory(read.choices, g.category)?.category ?? g.category,
      total: moneyWithCents(g.total, locale),
    })),
    more: Math.max(0, groups.length - GROUPS_SHOWN),
  };
}

export function getSimilarRows(): SimilarRowsView {
  const b = books();
  return viewOf(b, readLedger(b.ledger), readCategories(b.categories));
}

/** The request checked before anything is written: a usable word and a category on the Categories sheet. */
function checkedRequest(raw: unknown, read: CategoriesRead): { word: string; choice: CategoriesRead['choices'][number] } {
  const request = (typeof raw === 'object' && raw !== null ? raw : {}) as { word?: unknown; category?: unknown };
  const problem = ruleWordProblem(request.word);
  if (problem !== null) throw new Error(`${problem} Nothing was changed.`);
  const category = typeof request.category === 'string' ? request.category.trim() : '';
  if (category === '' || isUncategorised(category)) {
    throw new Error(`The Category field is empty: choose the category these rows should have. Nothing was changed.`);
  }
  const choice = sameCategory(read.choices, category);
  if (!choice) {
    throw new Error(
      `The Category "${category}" is not on the Categories sheet: choose one of its categories, or add a row for it there first. Nothing was changed.`,
    );
  }
  return { word: (request.word as string).trim(), choice };
}

/** The word checked before any service call: a refused word reads and writes nothing. */
function refuseBadWord(raw: unknown): void {
  const word = typeof raw === 'object' && raw !== null ? (raw as { word?: unknown }).word : undefined;
  const problem = ruleWordProblem(word);
  if (problem !== null) throw new Error(`${problem} Nothing was changed.`);
}

/**
 * Gives `category` to the rows still uncategorised that `word` matches: one setValues over the Category column from
 * the first such row to the last, every other cell of that stretch written back as it was (a formula as its
 * formula, text as text), so no category the person set changes. Returns what puts the stretch back as it was.
 */
function categoriseRows(ledger: Sheet, targets: readonly LedgerLine[], category: string): () => void {
  if (targets.length === 0) return () => {};
  const first = targets[0].row;
  const last = targets[targets.length - 1].row;
  const span = ledger.getRange(first, LEDGER_COLUMN.category, last - first + 1, 1);
  const values = span.getValues();
  const formulas = span.getFormulas();
  const formats = span.getNumberFormats();
  const chosen = new Set(targets.map((t) => t.row));
  const asWas = values.map((r, i) => {
    if (formulas[i][0] !== '') return [formulas[i][0]];
    const v = r[0];
    return [typeof v === 'string' ? asText(v, formats[i][0]) : (v as string | number | boolean)];
  });
  span.setValues(asWas.map((cell, i) => (chosen.has(first + i) ? [asText(category, formats[i][0])] : cell)));
  return () => span.setValues(asWas);
}

function rowsWord(n: number): string {
  return `${n} row${n === 1 ? '' : 's'}`;
}

/** What was done, in words: the rows changed, and the rows the word matches that kept their own category. */
function outcome(word: string, category: string, changed: number, kept: number, moneyOutOnly: boolean): string {
  const done =
    changed === 0
      ? `No uncategorised row matches "${word}".`
      : changed === 1
        ? `1 row not yet categorised that matches "${word}" is now ${category}.`
        : `${changed} rows not yet categorised that match "${word}" are now ${category}.`;
  const left = kept === 0 ? '' : ` ${rowsWord(kept)} it matches already had another category and kept it.`;
  const why = moneyOutOnly
    ? ` ${category} is an Income category, and its rules take money in only: the rows "${word}" matches are money out.`
    : '';
  return done + left + why;
}

function applyWord(b: Books, raw: unknown, addRule: boolean): RuleResult {
  return underDocumentLock(LOCK_WAIT_MS, BUSY, () => {
    const read = readCategories(b.categories);
    const { word, choice } = checkedRequest(raw, read);
    const lines = readLedger(b.ledger);
    const everywhere = everyRowProblem(lines, word);
    if (everywhere !== null) throw new Error(`${everywhere} Nothing was changed.`);
    const targets = rowsToCategorise(lines, word, choice);
    const kept = lines.filter(
      (l) =>
        !isUncategorised(l.category) &&
        l.category.trim().toLowerCase() !== choice.category.toLowerCase() &&
        wordMatches(l, word, choice),
    ).length;
    // Nothing taken because the category is for money in and the word's rows are money out: said, not left a puzzle.
    const moneyOutOnly =
      targets.length === 0 &&
      choice.kind === 'Income' &&
      rowsToCategorise(lines, word, { category: choice.category, kind: '' }).length > 0;
    // The rows first, then the rule: a rule that cannot be written puts the rows back, all or nothing.
    const undo = categoriseRows(b.ledger, targets, choice.category);
    let ruleAdded = false;
    let said = '';
    if (addRule) {
      const existing = String(read.values[choice.row - 1][read.wordsColumn] ?? '').trim();
      if (ruleWords(existing).includes(foldForMatching(word))) {
        said = `"${word}" is already a rule of ${choice.category}. `;
      } else {
        // The person's word, kept as typed and written as text: "=HYPERLINK(…)" stays those characters.
        try {
          const cell = b.categories.getRange(choice.row, read.wordsColumn + 1);
          cell.setValue(asText(existing === '' ? word : `${existing}, ${word}`, cell.getNumberFormat()));
        } catch (error) {
          undo();
          throw error;
        }
        ruleAdded = true;
        said = `Rule added on ${b.categories.getName()}: "${word}" gives ${choice.category} on the next imports. `;
      }
    }
    const after = ruleAdded ? readCategories(b.categories) : read;
    const chosen = new Set(targets);
    const afterLines = lines.map((l) => (chosen.has(l) ? { ...l, category: choice.category } : l));
    return {
      changed: targets.length,
      kept,
      ruleAdded,
      message: said + outcome(word, choice.category, targets.length, kept, moneyOutOnly),
      view: viewOf(b, afterLines, after),
    };
  });
}

/** Adds the word to the category's rules, then categorises the uncategorised rows it matches. */
export function makeRule(raw: unknown): RuleResult {
  refuseBadWord(raw);
  return applyWord(books(), raw, true);
}

/** Categorises the uncategorised rows the word matches; the rules stay as they are. */
export function applyToSimilar(raw: unknown): RuleResult {
  refuseBadWord(raw);
  return applyWord(books(), raw, false);
}
