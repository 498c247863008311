/**
 * Books end to end in the real `npm start` preview, in Chromium: Extensions > Jumpwise > Import bank statement… opens
 * the import page, a Chase-style checking export is picked with the file input and imported, imported again (nothing
 * added), a category is changed in the Ledger through the grid's formula bar, and a second statement that overlaps
 * the first is imported. The Books totals (GET /api/spreadsheet) are then checked against sums the test works out
 * from the two CSV files itself. Screenshots go to test-output/books/ (look at them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  CATEGORY_HEADER,
  categorise,
  DEFAULT_CATEGORIES,
  readCategoryRules,
  SCHEDULE_C_LINES,
  UNCATEGORISED,
} from '../../src/books/categories';
import { BOOKS, BOOKS_SHEET, LEDGER_SHEET } from '../../src/books/layout';
import { openPreviewPage, type PreviewPage, type PreviewProcess, REPO, screenshotPath } from '../support/browser';

interface CellJson {
  value: unknown;
  formula?: string;
}
interface SpreadsheetJson {
  activeSheet: string;
  sheets: { name: string; cells: Record<string, CellJson> }[];
  namedRanges: Record<string, string>;
}

/** The year to date as Books shows it: to the cent, a half cent (meals at 50%) either way. */
const toTheCent = (expected: number) => ({
  asymmetricMatch: (v: unknown) =>
    typeof v === 'number' && Math.abs(v - expected) <= 0.005 + 1e-9 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6,
  toString: () => `a cent amount within half a cent of ${expected}`,
});

const FIXTURES = join(REPO, 'test', 'books', 'fixtures');
/** Oct 1 - Nov 13, 2026, newest first as Chase exports it; two identical coffees on Oct 3. */
const FIRST = 'chase-oct-nov-2026.csv';
/** Nov 1 - Nov 30, 2026: its first ten rows (Nov 1-13) are also in FIRST. */
const SECOND = 'chase-nov-2026.csv';
const IMPORT_TITLE = 'Jumpwise: import a bank statement';
const VIEWPORT = { width: 1360, height: 820 };
/** The row whose category the person changes: an Uber ride, which no default rule reads (Uber Eats is a meal). */
const EDITED = { date: '2026-10-18', description: 'UBER   *TRIP HELP.UBER.COM CA', category: 'Travel' };

interface Row {
  date: string;
  description: string;
  amount: number;
}

/** The fixtures' own layout, read here without Jumpwise's parser: quoted fields may hold commas and doubled quotes. */
function readChaseCsv(file: string): Row[] {
  const lines = readFileSync(join(FIXTURES, file), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  expect(header.slice(1, 4)).toEqual(['Posting Date', 'Description', 'Amount']);
  return lines.slice(1).map((line) => {
    const fields = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
    const [month, day, year] = fields[1].split('/');
    return { date: `${year}-${month}-${day}`, description: fields[2], amount: Number(fields[3]) };
  });
}

/**
 * What the Ledger should hold after both imports: every row of either file, each copy once (the larger count), each
 * import's new rows oldest first.
 */
function expectedLedger(first: Row[], second: Row[]): Row[] {
  const key = (r: Row) => `${r.date}|${r.amount}|${r.description}`;
  const countIn = (rows: Row[]) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
    return counts;
  };
  const inFirst = countIn(first);
  const seen = new Map<string, number>();
  const added = second.filter((r) => {
    const k = (seen.get(key(r)) ?? 0) + 1;
    seen.set(key(r), k);
    return k > (inFirst.get(key(r)) ?? 0);
  });
  const oldestFirst = (rows: Row[]) => [...rows].sort((a, b) => a.date.localeCompare(b.date));
  return [...oldestFirst(first), ...oldestFirst(added)];
}

// The Categories sheet as the import reads it: Income rules pick money in only.
const RULES = readCategoryRules([
  [...CATEGORY_HEADER],
  ...DEFAULT_CATEGORIES.map((c) => [c.category, c.kind, c.scheduleCLine, c.deductibleShare, c.words.join(', ')]),
]);
const CATEGORY = new Map(DEFAULT_CATEGORIES.map((c) => [c.category, c]));
const categoryOf = (r: Row): string =>
  r.date === EDITED.date && r.description === EDITED.description ? EDITED.category : categorise(r.description, RULES, r.amount);

/** The Books figures by the rules the README states, month index 0-11 of 2026. */
function expectedBooks(rows: Row[]) {
  const months = Array.from({ length: 12 }, () => ({ income: 0, expenses: 0, taxPaid: 0, uncategorised: 0 }));
  const lines = new Map<string, number>(SCHEDULE_C_LINES.map((l) => [l.line, 0]));
  for (const r of rows) {
    const m = months[Number(r.date.slice(5, 7)) - 1];
    const category = categoryOf(r);
    const c = CATEGORY.get(category);
    if (!c) throw new Error(`no category ${category}`);
    if (category === UNCATEGORISED) {
      // In no income or expense until it has a category (issue 22: one profit, as on the tax form).
      m.uncategorised++;
    } else if (c.kind === 'Income') {
      m.income += r.amount;
      lines.set(c.scheduleCLine, (lines.get(c.scheduleCLine) ?? 0) + r.amount);
    } else if (c.kind === 'Expense') {
      m.expenses += -r.amount * c.deductibleShare;
      lines.set(c.scheduleCLine, (lines.get(c.scheduleCLine) ?? 0) - r.amount * c.deductibleShare);
    } else if (c.kind === 'Tax payment') m.taxPaid += -r.amount;
  }
  return { months, lines };
}

let preview: PreviewProcess;
let page: Page;
let opened: PreviewPage | undefined;
/** Page errors and network requests, as the page reported them. */
const problems = (): string[] => opened?.problems ?? [];

async function spreadsheetJson(): Promise<SpreadsheetJson> {
  const response = await fetch(`${preview.url}/api/spreadsheet`);
  expect(response.status).toBe(200);
  return (await response.json()) as SpreadsheetJson;
}

const sheetCells = (json: SpreadsheetJson, name: string): Record<string, CellJson> => {
  const sheet = json.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}; have ${json.sheets.map((s) => s.name).join(', ')}`);
  return sheet.cells;
};

/** The values of a named range of one column (Books!$B$6:$B$17) or one cell, top to bottom. */
function namedValues(json: SpreadsheetJson, name: string): unknown[] {
  const ref = json.namedRanges[name];
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref ?? '');
  if (!m) throw new Error(`${name} is ${ref}, not a range of one column`);
  const [, sheet, column, top, right, bottom] = m;
  if (right !== undefined && right !== column) throw new Error(`${name} is ${ref}, more than one column`);
  const cells = sheetCells(json, sheet.replace(/''/g, "'"));
  const values: unknown[] = [];
  for (let r = Number(top); r <= Number(bottom ?? top); r++) values.push(cells[`${column}${r}`]?.value);
  return values;
}

/** Does something in the spreadsheet window, then waits until the page has drawn the server's answer. */
async function andRedraw(action: () => Promise<void>): Promise<void> {
  const before = Number((await page.locator('body').getAttribute('data-actions')) ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.actions ?? 0) > n, before, { timeout: 10000 });
}

/** Extensions > Jumpwise > Import bank statement…: the dialog's frame, once its script is running. */
async function openImport(): Promise<Frame> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await andRedraw(() => page.getByRole('menuitem', { name: 'Import bank statement…' }).click());
  const handle = await page.locator(`iframe[title="${IMPORT_TITLE}"]`).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the import dialog has no document');
  await frame.waitForFunction(() => performance.getEntriesByName('leap-import-interactive').length > 0);
  return frame;
}

/** Picks the file, waits until the page has read it (and looked up the columns it remembers), imports it. */
async function importFile(frame: Frame, file: string, rows: number, account: string): Promise<string> {
  await frame.setInputFiles('#statement-file', join(FIXTURES, file));
  await frame.locator('#import-button').getByText(`Import ${rows} rows`).waitFor();
  await frame.waitForFunction(() => !(document.getElementById('import-button') as HTMLButtonElement).disabled);
  await frame.fill('#account', account);
  await frame.click('#import-button');
  await frame.locator('#import-message').waitFor({ timeout: 20000 });
  await expect(frame.locator('#import-error').textContent()).resolves.toBe('');
  return (await frame.locator('#import-message').textContent()) ?? '';
}

async function closeDialog(): Promise<void> {
  await andRedraw(() => page.locator('#dialog-close').click());
  await page.locator('#dialog-layer').waitFor({ state: 'hidden' });
}

async function showSheet(name: string): Promise<void> {
  await andRedraw(() => page.locator(`[data-sheet="${name}"]`).click());
}

/** The dialog with the whole page in view: the frame as tall as its content, the window as tall as the dialog. */
async function dialogScreenshot(frame: Frame, name: string): Promise<void> {
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  const frameElement = page.locator('#dialog-frame');
  const before = await frameElement.evaluate((f) => (f as HTMLElement).style.height);
  await frameElement.evaluate((f, h) => {
    (f as HTMLElement).style.height = `${h}px`;
  }, height);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height + 160) });
  await page.locator('#dialog').screenshot({ path: screenshotPath(join('books', name)) });
  await frameElement.evaluate((f, h) => {
    (f as HTMLElement).style.height = h;
  }, before);
  await page.setViewportSize(VIEWPORT);
}

beforeAll(async () => {
  opened = await openPreviewPage(['--empty', '--instant-functions'], { viewport: VIEWPORT, locale: 'en-US' });
  ({ preview, page } = opened);
}, 60000);

afterAll(async () => {
  await opened?.close();
});

test('import, re-import, a category edited in the grid, an overlapping statement: Books add up to the statements', async () => {
  const first = readChaseCsv(FIRST);
  const second = readChaseCsv(SECOND);
  expect([first.length, second.length]).toEqual([31, 19]);

  // ---- The first statement: read in the page, previewed, imported.
  let frame = await openImport();
  await frame.setInputFiles('#statement-file', join(FIXTURES, FIRST));
  await frame.locator('#statement-summary').getByText('31 rows, Oct 1, 2026 to Nov 13, 2026.').waitFor();
  await expect(frame.inputValue('#account')).resolves.toBe('chase-oct-nov-2026');
  await frame.locator('#mapping summary').click();
  await expect(frame.locator('#map-date').inputValue()).resolves.toBe('1');
  await expect(frame.locator('#map-amount').inputValue()).resolves.toBe('3');
  await expect(frame.locator('#map-order').inputValue()).resolves.toBe('mdy');
  const preview10 = await frame
    .locator('#preview-rows tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  expect(preview10).toHaveLength(10);
  expect(preview10[0]).toEqual(['Nov 13, 2026', 'WHOLE FOODS MKT #10234 BROOKLYN NY', '-64.12']);
  expect(preview10[4]).toEqual(['Nov 6, 2026', 'BLUE BOTTLE COFFEE OAKLAND CA', '-11.25']);
  await frame.fill('#account', 'Chase checking');
  await dialogScreenshot(frame, 'import-page');
  await frame.click('#import-button');
  await frame.locator('#import-message').waitFor({ timeout: 20000 });
  // 4 rows match no default rule: two checks, an Uber ride and interest (the Zelle deposit is client income and
  // "GOOGLE *ADS" matches "google ads" with the punctuation aside).
  await expect(frame.locator('#import-message').textContent()).resolves.toBe(
    'Imported 31 rows, 4 uncategorised, Oct 1, 2026 to Nov 13, 2026. 1 row appears more than once in the statement; every copy was kept.',
  );
  await dialogScreenshot(frame, 'import-done');
  await closeDialog();
  let json = await spreadsheetJson();
  expect(json.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([LEDGER_SHEET, BOOKS_SHEET, 'Categories']));

  // ---- The same file again: nothing added. The columns chosen last time are remembered for this layout.
  frame = await openImport();
  await frame.setInputFiles('#statement-file', join(FIXTURES, FIRST));
  await frame.locator('#import-status').getByText('Read with the columns you chose for this layout last time.').waitFor();
  await expect(importFile(frame, FIRST, 31, 'Chase checking')).resolves.toBe(
    'Imported 0 rows, 31 already in your ledger skipped.',
  );
  await closeDialog();
  const ledgerAfterFirst = sheetCells(await spreadsheetJson(), LEDGER_SHEET);
  expect(Object.keys(ledgerAfterFirst).filter((a1) => /^B\d+$/.test(a1) && a1 !== 'B1')).toHaveLength(31);

  // ---- The person changes a category in the Ledger: the cell, then the formula bar.
  await showSheet(LEDGER_SHEET);
  const editedRow = Object.entries(ledgerAfterFirst)
    .filter(([a1, cell]) => /^B\d+$/.test(a1) && cell.value === EDITED.description)
    .map(([a1]) => Number(a1.slice(1)))
    .find((r) => String(ledgerAfterFirst[`A${r}`]?.value).startsWith(EDITED.date));
  if (!editedRow) throw new Error(`no Ledger row for ${EDITED.description} on ${EDITED.date}`);
  expect(ledgerAfterFirst[`D${editedRow}`]?.value).toBe(UNCATEGORISED);
  await page.locator(`td[data-a1="D${editedRow}"]`).click();
  await expect(page.getByLabel('Name box').inputValue()).resolves.toBe(`D${editedRow}`);
  await expect(page.getByLabel('Formula bar').inputValue()).resolves.toBe(UNCATEGORISED);
  await page.getByLabel('Formula bar').fill(EDITED.category);
  await andRedraw(() => page.getByLabel('Formula bar').press('Enter'));
  await expect(page.locator(`td[data-a1="D${editedRow}"]`).textContent()).resolves.toBe(EDITED.category);
  await expect(page.locator('#status').textContent()).resolves.toBe('');

  // ---- A second statement overlapping the first: only its new rows are added.
  frame = await openImport();
  await expect(importFile(frame, SECOND, 19, 'Chase checking')).resolves.toBe(
    'Imported 9 rows, 10 already in your ledger skipped, 3 uncategorised, Nov 16, 2026 to Nov 30, 2026.',
  );
  await closeDialog();

  // ---- The Books year is this year at first; the statements are 2026's.
  await showSheet(BOOKS_SHEET);
  await page.locator(`td[data-a1="B${BOOKS.yearRow}"]`).click();
  await page.getByLabel('Formula bar').fill('2026');
  await andRedraw(() => page.getByLabel('Formula bar').press('Enter'));

  json = await spreadsheetJson();
  const ledger = sheetCells(json, LEDGER_SHEET);
  const expectedRows = expectedLedger(first, second);
  expect(expectedRows).toHaveLength(40);
  const ledgerRows = Array.from({ length: expectedRows.length }, (_, i) => i + 2).map((r) => ({
    date: String(ledger[`A${r}`]?.value).slice(0, 10),
    description: ledger[`B${r}`]?.value,
    amount: ledger[`C${r}`]?.value,
    category: ledger[`D${r}`]?.value,
  }));
  expect(ledger[`B${expectedRows.length + 2}`]?.value ?? '').toBe('');
  expect(ledgerRows).toEqual(expectedRows.map((r) => ({ ...r, category: categoryOf(r) })));
  // Two statements exported newest first, the second overlapping the first, read as one ledger in date order.
  expect(ledgerRows.map((r) => r.date)).toEqual(ledgerRows.map((r) => r.date).sort());
  // The edit survived the overlapping import, which skipped that row.
  expect(ledger[`D${editedRow}`]?.value).toBe(EDITED.category);

  const { months, lines } = expectedBooks(expectedRows);
  // To a millionth, not to the cent: meals at 50% make half cents, which rounding each side could split.
  const near = (values: number[]) => values.map((v) => expect.closeTo(v, 6));
  expect(namedValues(json, 'JW_BOOKS_YEAR')).toEqual([2026]);
  expect(namedValues(json, 'JW_BOOKS_INCOME')).toEqual(near(months.map((m) => m.income)));
  expect(namedValues(json, 'JW_BOOKS_EXPENSES')).toEqual(near(months.map((m) => m.expenses)));
  expect(namedValues(json, 'JW_BOOKS_PROFIT')).toEqual(near(months.map((m) => m.income - m.expenses)));
  const profitYtd = months.reduce((sum, m) => sum + m.income - m.expenses, 0);
  expect(namedValues(json, 'JW_BOOKS_PROFIT_YTD')).toEqual([toTheCent(profitYtd)]);
  expect(namedValues(json, 'JW_BOOKS_FORM_NET')).toEqual(namedValues(json, 'JW_BOOKS_PROFIT_YTD'));
  // 4 + 3 left by the rules, less the one the person categorised.
  expect(namedValues(json, 'JW_BOOKS_UNCATEGORISED')).toEqual([6]);
  expect(months.reduce((n, m) => n + m.uncategorised, 0)).toBe(6);
  const books = sheetCells(json, BOOKS_SHEET);
  const sc = BOOKS.scheduleC;
  const column = (c: number) => String.fromCharCode(64 + c);
  const taxPaid = Array.from({ length: 12 }, (_, i) => books[`F${BOOKS.firstMonthRow + i}`]?.value);
  expect(taxPaid).toEqual(near(months.map((m) => m.taxPaid)));
  const scheduleC = SCHEDULE_C_LINES.map((_, i) => [
    books[`${column(sc.lineColumn)}${sc.firstRow + i}`]?.value,
    books[`${column(sc.totalColumn)}${sc.firstRow + i}`]?.value,
  ]);
  expect(scheduleC).toEqual(SCHEDULE_C_LINES.map((l) => [`Line ${l.line}`, expect.closeTo(lines.get(l.line) ?? 0, 6)]));
  // Hand-checked: Line 8 is Google's two ads, found by the rule; Line 24b the four meals at 50%.
  expect(lines.get('8')).toBeCloseTo(240, 9);
  expect(lines.get('24b')).toBeCloseTo((6.45 + 6.45 + 11.25 + 31.4) / 2, 9);
  // Every figure is a live formula.
  for (const a1 of [`B${BOOKS.firstMonthRow}`, `C${BOOKS.firstMonthRow}`, `D${BOOKS.totalRow}`, `G${BOOKS.totalRow}`])
    expect([a1, books[a1]?.formula?.startsWith('=')]).toEqual([a1, true]);

  // ---- Screenshots of the two sheets as the person sees them.
  await showSheet(LEDGER_SHEET);
  // The Import key column is hidden: none of its text shows, not even run on over the next column.
  const keyShows = await page.evaluate(() =>
    ['G1', 'G2', 'H1', 'H2'].some((a1) => {
      const box = document.querySelector(`td[data-a1="${a1}"]`)?.getBoundingClientRect();
      if (!box || box.width === 0) return false;
      const under = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return Boolean(under?.closest('td[data-a1^="G"]'));
    }),
  );
  expect(keyShows).toBe(false);
  await expect(page.locator('td[data-a1="G2"]').evaluate((td) => td.getBoundingClientRect().width)).resolves.toBe(0);
  await page.setViewportSize({ width: 1360, height: 1000 });
  await page.screenshot({ path: screenshotPath(join('books', 'ledger')) });
  await showSheet(BOOKS_SHEET);
  // Every heading of the month table and every amount of the by-category table shows whole, not cut off.
  const cutOff = await page.evaluate(
    ([headerRow, categoryRow]) =>
      Array.from(document.querySelectorAll<HTMLElement>('#grid td[data-a1]'))
        .filter((td) => {
          const row = Number((td.dataset.a1 ?? '').replace(/^[A-Z]+/, ''));
          return row === headerRow || row === categoryRow;
        })
        .filter((td) => td.scrollWidth > td.clientWidth)
        .map((td) => `${td.dataset.a1}: ${td.textContent}`),
    [BOOKS.monthHeaderRow, BOOKS.category.firstRow],
  );
  expect(cutOff).toEqual([]);
  await page.setViewportSize({ width: 1900, height: 820 });
  await page.screenshot({ path: screenshotPath(join('books', 'books')) });
  await page.setViewportSize(VIEWPORT);
  expect(problems()).toEqual([]);
}, 90000);
