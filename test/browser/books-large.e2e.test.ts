/**
 * A year of a busy account through the real `npm start` preview in Chromium: a 5,000-row statement (generated here
 * from a seeded generator: debit and credit columns, descriptions as banks write them) is picked with the import
 * page's file input and imported; the Ledger then holds 5,000 rows and the Books totals equal sums worked out here
 * from the generated rows; importing the same file again adds nothing. A category is then chosen from the grid's
 * dropdown (the Books totals move by that row's amount), the check-in's "Show them in the Ledger" filters the grid
 * to the uncategorised rows, and a 20,001-row statement is refused with nothing written. The import's time is
 * printed, and held only to a generous bound (timings move with the machine). Screenshot: test-output/books-large/.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { BOOKS, LEDGER_SHEET } from '../../src/books/layout';
import { openPreviewPage, type PreviewPage, type PreviewProcess, screenshotPath } from '../support/browser';

/** The year to date as Books shows it: to the cent, a half cent (meals at 50%) either way. */
const toTheCent = (expected: number) => ({
  asymmetricMatch: (v: unknown) =>
    typeof v === 'number' && Math.abs(v - expected) <= 0.005 + 1e-9 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6,
  toString: () => `a cent amount within half a cent of ${expected}`,
});

const ROWS = 5000;
const SEED = 20260412;
const VIEWPORT = { width: 1360, height: 820 };
const IMPORT_TITLE = 'Jumpwise: import a bank statement';
const CHECKIN_TITLE = 'Jumpwise: monthly check-in';
const UNCATEGORISED = 'Uncategorized';
/** The preview's spreadsheet time zone (the emulator's default): "today" and "last month" are that zone's. */
const TIME_ZONE = 'America/New_York';

// ---- The statement ----

type Kind = 'Income' | 'Expense' | 'Tax payment' | 'Transfer' | 'Personal' | '';

/**
 * What a bank writes, what Jumpwise's default rules (README, Categories) should make of it, and how Books counts that
 * category: kind and deductible share (meals 50%, IRS Schedule C line 24b). Sign: +1 money in, -1 money out.
 */
interface Merchant {
  text: (pick: Pick) => string;
  category: string;
  kind: Kind;
  share: number;
  sign: 1 | -1;
  cents: [number, number];
  weight: number;
}
type Pick = <T>(items: readonly T[]) => T;

const CITIES = ['BROOKLYN NY', 'NEW YORK NY', 'JERSEY CITY NJ', 'HOBOKEN NJ', 'QUEENS NY'];
const NAMES = ['J SMITH', 'A GARCIA', 'M CHEN', 'R PATEL', 'K OKAFOR', "D O'BRIEN"];
const id = (pick: Pick, length: number): string =>
  Array.from({ length }, () => pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'])).join('');
const digits = (pick: Pick, length: number): string => Array.from({ length }, () => pick([...'0123456789'])).join('');

const MERCHANTS: readonly Merchant[] = [
  {
    text: (p) => `STRIPE PAYOUT ST-${id(p, 6)}`,
    category: 'Client income',
    kind: 'Income',
    share: 1,
    sign: 1,
    cents: [40000, 420000],
    weight: 6,
  },
  {
    text: (p) => `PAYPAL TRANSFER ${digits(p, 10)}`,
    category: 'Client income',
    kind: 'Income',
    share: 1,
    sign: 1,
    cents: [15000, 180000],
    weight: 3,
  },
  {
    text: (p) => `AMAZON ASSOC AFFILIATE ${id(p, 5)}`,
    category: 'Other income',
    kind: 'Income',
    share: 1,
    sign: 1,
    cents: [500, 9000],
    weight: 1,
  },
  {
    // Money in from a client by Zelle: a default rule since issue 22.
    text: (p) => `ZELLE FROM ${p(NAMES)} ${id(p, 8)}`,
    category: 'Client income',
    kind: 'Income',
    share: 1,
    sign: 1,
    cents: [2000, 60000],
    weight: 2,
  },
  {
    // "google ads" matches with the punctuation aside (issue 22).
    text: (p) => `GOOGLE *ADS${digits(p, 7)} CC@GOOGLE.COM CA`,
    category: 'Advertising',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [2000, 30000],
    weight: 2,
  },
  {
    text: (p) => `GOOGLE ADS ${digits(p, 8)}`,
    category: 'Advertising',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [2000, 30000],
    weight: 3,
  },
  {
    text: (p) => `CHEVRON ${digits(p, 7)} ${p(CITIES)}`,
    category: 'Car and truck',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [2500, 9000],
    weight: 5,
  },
  {
    text: (p) => `UPWORK FEE ${digits(p, 9)}`,
    category: 'Commissions and fees',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [300, 8000],
    weight: 2,
  },
  {
    text: (p) => `LEGALZOOM.COM ${digits(p, 6)}`,
    category: 'Legal and professional',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [4900, 29900],
    weight: 1,
  },
  {
    text: (p) => `STAPLES #${digits(p, 4)} ${p(CITIES)}`,
    category: 'Office',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [399, 12000],
    weight: 4,
  },
  {
    text: (p) => `USPS PO ${digits(p, 10)} ${p(CITIES)}`,
    category: 'Office',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [68, 4500],
    weight: 3,
  },
  {
    text: (p) => `WEWORK ${digits(p, 6)} MEMBERSHIP`,
    category: 'Rent or lease',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [30000, 60000],
    weight: 1,
  },
  {
    text: (p) => `AMAZON BUSINESS, SEATTLE WA ${id(p, 7)}`,
    category: 'Supplies',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [1299, 24999],
    weight: 5,
  },
  {
    text: (p) => `DELTA AIR LINES ${digits(p, 13)}`,
    category: 'Travel',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [12000, 68000],
    weight: 1,
  },
  {
    text: (p) => `MARRIOTT HOTEL ${p(['BOSTON MA', 'CHICAGO IL', 'AUSTIN TX'])}`,
    category: 'Travel',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [15000, 52000],
    weight: 1,
  },
  {
    text: (p) => `BLUE BOTTLE COFFEE #${digits(p, 3)} ${p(CITIES)}`,
    category: 'Meals',
    kind: 'Expense',
    share: 0.5,
    sign: -1,
    cents: [450, 2200],
    weight: 8,
  },
  {
    text: (p) => `JOE'S RESTAURANT "THE GRILL" ${p(CITIES)}`,
    category: 'Meals',
    kind: 'Expense',
    share: 0.5,
    sign: -1,
    cents: [1800, 14000],
    weight: 4,
  },
  {
    text: (p) => `VERIZON WIRELESS ${digits(p, 9)}`,
    category: 'Utilities',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [6000, 14000],
    weight: 1,
  },
  {
    text: (p) => `ADOBE CREATIVE CLOUD ${id(p, 8)}`,
    category: 'Software',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [2099, 8499],
    weight: 2,
  },
  {
    text: (p) => `GITHUB INC ${id(p, 6)} SAN FRANCISCO CA`,
    category: 'Software',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [400, 2100],
    weight: 2,
  },
  {
    text: () => 'MONTHLY SERVICE FEE',
    category: 'Bank fees',
    kind: 'Expense',
    share: 1,
    sign: -1,
    cents: [1200, 1500],
    weight: 1,
  },
  {
    text: (p) => `IRS USATAXPYMT ${digits(p, 15)}`,
    category: 'Estimated tax payment',
    kind: 'Tax payment',
    share: 0,
    sign: -1,
    cents: [150000, 420000],
    weight: 1,
  },
  {
    text: (p) => `ONLINE TRANSFER TO SAV ...${digits(p, 4)}`,
    category: 'Transfer between own accounts',
    kind: 'Transfer',
    share: 0,
    sign: -1,
    cents: [50000, 300000],
    weight: 2,
  },
  {
    text: (p) => `ONLINE TRANSFER FROM SAV ...${digits(p, 4)}`,
    category: 'Transfer between own accounts',
    kind: 'Transfer',
    share: 0,
    sign: 1,
    cents: [50000, 200000],
    weight: 1,
  },
  {
    text: (p) => `WHOLE FOODS MKT #${digits(p, 5)} ${p(CITIES)}`,
    category: 'Personal',
    kind: 'Personal',
    share: 0,
    sign: -1,
    cents: [1500, 21000],
    weight: 6,
  },
  {
    text: () => 'NETFLIX.COM 866-579-7172 CA',
    category: 'Personal',
    kind: 'Personal',
    share: 0,
    sign: -1,
    cents: [1549, 2299],
    weight: 1,
  },
  {
    text: (p) => `CHECK ${digits(p, 4)}`,
    category: UNCATEGORISED,
    kind: '',
    share: 0,
    sign: -1,
    cents: [5000, 250000],
    weight: 2,
  },
  {
    text: (p) => `VENMO *${p(NAMES)} ${digits(p, 10)}`,
    category: UNCATEGORISED,
    kind: '',
    share: 0,
    sign: -1,
    cents: [1000, 15000],
    weight: 3,
  },
  {
    text: (p) => `CVS/PHARMACY #${digits(p, 5)} ${p(CITIES)}`,
    category: UNCATEGORISED,
    kind: '',
    share: 0,
    sign: -1,
    cents: [399, 6500],
    weight: 3,
  },
];

/** mulberry32: a small seeded generator, so every run reads the same statement. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  date: string;
  description: string;
  /** Cents: money in positive. */
  cents: number;
  merchant: Merchant;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** Today's date where the spreadsheet is. */
function todayThere(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** The month before today's and the 11 before it: the statement's year, which the check-in's "last month" ends. */
function statementYear(today: string): { first: Date; last: Date; lastMonth: { year: number; month: number } } {
  const [y, m] = today.split('-').map(Number);
  const lastMonth = m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
  const first = new Date(Date.UTC(lastMonth.year, lastMonth.month - 12, 1));
  const last = new Date(Date.UTC(lastMonth.year, lastMonth.month, 0));
  return { first, last, lastMonth };
}

/** The merchant a draw from 0 to the total weight falls on. */
function weighted(draw: number): Merchant {
  let left = draw;
  for (const merchant of MERCHANTS) {
    left -= merchant.weight;
    if (left < 0) return merchant;
  }
  return MERCHANTS[MERCHANTS.length - 1];
}

function generateRows(first: Date, last: Date): Row[] {
  const random = seeded(SEED);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)];
  const totalWeight = MERCHANTS.reduce((sum, m) => sum + m.weight, 0);
  const days = Math.round((last.getTime() - first.getTime()) / 86400000) + 1;
  const seen = new Set<string>();
  const rows: Row[] = [];
  while (rows.length < ROWS) {
    const merchant = weighted(random() * totalWeight);
    const date = iso(new Date(first.getTime() + Math.floor(random() * days) * 86400000));
    const [low, high] = merchant.cents;
    const cents = merchant.sign * (low + Math.floor(random() * (high - low)));
    const description = merchant.text(pick);
    // Every row different from the others, so the import's result counts no repeated rows.
    const key = `${date}|${cents}|${description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ date, description, cents, merchant });
  }
  return rows;
}

const money = (cents: number): string =>
  (Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const csvField = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A US checking export: newest first, dates month first, money out and in in their own columns, a running balance. */
function statementCsv(rows: Row[]): string {
  const newestFirst = [...rows].sort((a, b) => b.date.localeCompare(a.date));
  let balance = 1250000 + rows.reduce((sum, r) => sum + r.cents, 0);
  const lines = ['Date,Description,Debit,Credit,Balance'];
  for (const r of newestFirst) {
    const [y, m, d] = r.date.split('-');
    const debit = r.cents < 0 ? money(r.cents) : '';
    const credit = r.cents > 0 ? money(r.cents) : '';
    lines.push([`${m}/${d}/${y}`, r.description, debit, credit, money(balance)].map(csvField).join(','));
    balance -= r.cents;
  }
  return `${lines.join('\r\n')}\r\n`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A day as the import page shows it in the preview's en_US spreadsheet (its date style, mmm d, yyyy). */
const spoken = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
};

/** The Books figures for one tax year by the rules the README states; months 0-11, in dollars. */
function expectedBooks(rows: Row[], year: number) {
  const months = Array.from({ length: 12 }, () => ({ income: 0, expenses: 0, uncategorised: 0 }));
  for (const r of rows) {
    if (Number(r.date.slice(0, 4)) !== year) continue;
    const m = months[Number(r.date.slice(5, 7)) - 1];
    const { kind, share, category } = r.merchant;
    if (category === UNCATEGORISED) {
      // In no income or expense until it has a category (issue 22: one profit, as on the tax form).
      m.uncategorised++;
    } else if (kind === 'Income') m.income += r.cents / 100;
    else if (kind === 'Expense') m.expenses += (-r.cents / 100) * share;
  }
  return months;
}

// ---- The preview ----

interface CellJson {
  value: unknown;
  formula?: string;
}
interface SpreadsheetJson {
  sheets: { name: string; cells: Record<string, CellJson> }[];
  namedRanges: Record<string, string>;
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

function sheetCells(json: SpreadsheetJson, name: string): Record<string, CellJson> {
  const sheet = json.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}; have ${json.sheets.map((s) => s.name).join(', ')}`);
  return sheet.cells;
}

/** The values of a named range of one column or one cell, top to bottom. */
function namedValues(json: SpreadsheetJson, name: string): unknown[] {
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(json.namedRanges[name] ?? '');
  if (!m) throw new Error(`${name} is ${json.namedRanges[name]}, not a range of one column`);
  const [, sheet, column, top, , bottom] = m;
  const cells = sheetCells(json, sheet);
  return Array.from({ length: Number(bottom ?? top) - Number(top) + 1 }, (_, i) => cells[`${column}${Number(top) + i}`]?.value);
}

/** Ledger rows by row number: date, description, amount and category as the sheet holds them. */
function ledgerRows(json: SpreadsheetJson): Map<number, { date: string; description: string; amount: number; category: string }> {
  const cells = sheetCells(json, LEDGER_SHEET);
  const rows = new Map<number, { date: string; description: string; amount: number; category: string }>();
  for (const a1 of Object.keys(cells)) {
    const row = Number(a1.slice(1));
    if (!a1.startsWith('B') || row < 2 || cells[a1].value === '') continue;
    rows.set(row, {
      date: String(cells[`A${row}`]?.value).slice(0, 10),
      description: String(cells[a1].value),
      amount: Number(cells[`C${row}`]?.value),
      category: String(cells[`D${row}`]?.value ?? ''),
    });
  }
  return rows;
}

/** Serious and critical axe-core violations inside the given parts of the page. */
async function axeProblems(selectors: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async (include) => {
    type Axe = { run: (context: { include: string[][] }) => Promise<{ violations: unknown[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run({ include: include.map((s) => [s]) });
    return result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  }, selectors);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Does something in the spreadsheet window, then waits until the page has drawn the server's answer. */
async function andRedraw(action: () => Promise<void>, timeout = 60000): Promise<void> {
  const before = Number((await page.locator('body').getAttribute('data-actions')) ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.actions ?? 0) > n, before, { timeout });
}

async function openFromMenu(label: string, frameTitle: string): Promise<Frame> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await andRedraw(() => page.getByRole('menuitem', { name: label }).click());
  const frame = await (await page.locator(`iframe[title="${frameTitle}"]`).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`${label} opened no page`);
  return frame;
}

async function openImport(): Promise<Frame> {
  const frame = await openFromMenu('Import bank statement…', IMPORT_TITLE);
  await frame.waitForFunction(() => performance.getEntriesByName('leap-import-interactive').length > 0);
  return frame;
}

async function closeDialog(): Promise<void> {
  await andRedraw(() => page.locator('#dialog-close').click());
  await page.locator('#dialog-layer').waitFor({ state: 'hidden' });
}

/** Picks the file and waits until the page has read it; returns the milliseconds that took. */
async function pickStatement(frame: Frame, name: string, csv: string, rows: string): Promise<number> {
  const started = performance.now();
  await frame.setInputFiles('#statement-file', { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await frame.locator('#import-button').getByText(`Import ${rows} rows`).waitFor({ timeout: 20000 });
  return performance.now() - started;
}

/** Clicks Import and waits for the result; returns the message and the milliseconds it took. */
async function runImport(frame: Frame): Promise<{ message: string; ms: number }> {
  await frame.waitForFunction(() => !(document.getElementById('import-button') as HTMLButtonElement).disabled);
  const started = performance.now();
  await frame.click('#import-button');
  await frame.locator('#import-message').waitFor({ timeout: 60000 });
  const ms = performance.now() - started;
  await expect(frame.locator('#import-error').textContent()).resolves.toBe('');
  return { message: (await frame.locator('#import-message').textContent()) ?? '', ms };
}

beforeAll(async () => {
  opened = await openPreviewPage(['--empty', '--instant-functions'], { viewport: VIEWPORT, locale: 'en-US', timeoutMs: 20000 });
  ({ preview, page } = opened);
}, 60000);

afterAll(async () => {
  await opened?.close();
});

test('a year of 5,000 rows: imported once, Books add up, a dropdown category moves them, the check-in filter shows what is left', async () => {
  const { first, last, lastMonth } = statementYear(todayThere());
  const rows = generateRows(first, last);
  const csv = statementCsv(rows);
  const dates = rows.map((r) => r.date).sort();
  const uncategorised = rows.filter((r) => r.merchant.category === UNCATEGORISED).length;
  // The generator makes what the test needs: every kind of row, money in and out, uncategorised rows last month.
  expect(new Set(rows.map((r) => r.merchant.kind))).toEqual(
    new Set(['Income', 'Expense', 'Tax payment', 'Transfer', 'Personal', '']),
  );
  expect(csv).toContain('"AMAZON BUSINESS, SEATTLE WA');
  expect(csv).toContain('"JOE\'S RESTAURANT ""THE GRILL""');

  // ---- Import: the page reads the file, the server writes the rows.
  let frame = await openImport();
  const readMs = await pickStatement(frame, 'checking-year.csv', csv, '5,000');
  await expect(frame.locator('#statement-summary').textContent()).resolves.toBe(
    `5,000 rows, ${spoken(dates[0])} to ${spoken(dates[dates.length - 1])}.`,
  );
  await frame.fill('#account', 'Checking');
  const first5000 = await runImport(frame);
  console.log(
    `5,000-row statement: read in the page in ${Math.round(readMs)} ms; imported (server write and Books recalculation) in ${Math.round(first5000.ms)} ms`,
  );
  expect(first5000.ms).toBeLessThan(60000);
  expect(first5000.message).toBe(
    `Imported 5,000 rows, ${uncategorised.toLocaleString('en-US')} uncategorised, ${spoken(dates[0])} to ${spoken(dates[dates.length - 1])}.`,
  );
  await closeDialog();

  let json = await spreadsheetJson();
  let ledger = ledgerRows(json);
  expect(ledger.size).toBe(ROWS);
  const byKey = (r: { date: string; description: string; amount: number }) =>
    `${r.date}|${Math.round(r.amount * 100)}|${r.description}`;
  expect(new Set([...ledger.values()].map(byKey))).toEqual(new Set(rows.map((r) => byKey({ ...r, amount: r.cents / 100 }))));
  const expectedCategory = new Map(rows.map((r) => [byKey({ ...r, amount: r.cents / 100 }), r.merchant.category]));
  expect([...ledger.values()].filter((r) => r.category !== expectedCategory.get(byKey(r)))).toEqual([]);

  // ---- Books: the tax year is this year; in January, last month is last year's, so the test turns it back a year.
  const year = lastMonth.year;
  if (namedValues(json, 'JW_BOOKS_YEAR')[0] !== year) {
    await andRedraw(() => page.locator(`[data-sheet="Books"]`).click());
    await page.locator(`td[data-a1="B${BOOKS.yearRow}"]`).click();
    await page.getByLabel('Formula bar').fill(String(year));
    await andRedraw(() => page.getByLabel('Formula bar').press('Enter'));
    json = await spreadsheetJson();
  }
  const months = expectedBooks(rows, year);
  const near = (values: number[]) => values.map((v) => expect.closeTo(v, 4));
  expect(namedValues(json, 'JW_BOOKS_YEAR')).toEqual([year]);
  expect(namedValues(json, 'JW_BOOKS_INCOME')).toEqual(near(months.map((m) => m.income)));
  expect(namedValues(json, 'JW_BOOKS_EXPENSES')).toEqual(near(months.map((m) => m.expenses)));
  expect(namedValues(json, 'JW_BOOKS_PROFIT')).toEqual(near(months.map((m) => m.income - m.expenses)));
  const profitYtd = months.reduce((sum, m) => sum + m.income - m.expenses, 0);
  expect(namedValues(json, 'JW_BOOKS_PROFIT_YTD')).toEqual([toTheCent(profitYtd)]);
  const uncategorisedInYear = months.reduce((n, m) => n + m.uncategorised, 0);
  expect(namedValues(json, 'JW_BOOKS_UNCATEGORISED')).toEqual([uncategorisedInYear]);

  // ---- The same file again: nothing added.
  frame = await openImport();
  await pickStatement(frame, 'checking-year.csv', csv, '5,000');
  await frame.fill('#account', 'Checking');
  const again = await runImport(frame);
  console.log(`The same 5,000 rows again: ${Math.round(again.ms)} ms to find every one already in the Ledger`);
  expect(again.message).toBe('Imported 0 rows, 5,000 already in your ledger skipped.');
  await closeDialog();
  expect(ledgerRows(await spreadsheetJson()).size).toBe(ROWS);

  // ---- 20,001 rows: refused in the page with the reason, and nothing reaches the Ledger.
  const big = ['Date,Description,Amount'];
  for (let i = 0; i < 20001; i++) big.push(`2026-01-${String((i % 28) + 1).padStart(2, '0')},ROW ${i},-1.00`);
  frame = await openImport();
  await frame.setInputFiles('#statement-file', {
    name: 'too-big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(big.join('\n')),
  });
  await frame
    .locator('#import-error')
    .getByText(
      'This statement has 20,001 rows; Jumpwise imports at most 20,000 at a time. Export a shorter period from your bank (a few months at a time) and import each file.',
    )
    .waitFor();
  await expect(frame.locator('#import-button').isDisabled()).resolves.toBe(true);
  await closeDialog();
  expect(ledgerRows(await spreadsheetJson()).size).toBe(ROWS);

  // ---- A category chosen from the grid's dropdown: the last uncategorised payment of last month becomes Office.
  const lastMonthPrefix = `${lastMonth.year}-${String(lastMonth.month).padStart(2, '0')}`;
  const [chosenRow, chosen] = [...ledger.entries()]
    .filter(([, r]) => r.category === UNCATEGORISED && r.amount < 0 && r.date.startsWith(lastMonthPrefix))
    .sort(([a], [b]) => b - a)[0];
  await andRedraw(() => page.locator(`[data-sheet="${LEDGER_SHEET}"]`).click());
  // A long sheet has only the rows near view drawn; scrolling draws the rows it brings into view.
  await expect(page.locator('#grid tbody tr:not(.spacer)').count()).resolves.toBeLessThan(400);
  const lastRow = Math.max(...ledger.keys());
  await page.locator('#grid-scroll').evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(page.locator(`td[data-a1="B${lastRow}"]`).textContent()).resolves.toBe(ledger.get(lastRow)?.description);
  await expect(page.locator('td[data-a1="B2"]').count()).resolves.toBe(0);
  // A name that is no cell of the sheet is refused in words; a cell's name goes there, as in Sheets.
  await page.getByLabel('Name box').fill('D99999');
  await page.getByLabel('Name box').press('Enter');
  await expect(page.locator('#status').textContent()).resolves.toBe(
    '"D99999" is not a cell of this sheet: type a column and a row, such as D12.',
  );
  await page.getByLabel('Name box').fill(`D${chosenRow}`);
  await page.getByLabel('Name box').press('Enter');
  const cell = page.locator(`td[data-a1="D${chosenRow}"]`);
  await expect(cell.textContent()).resolves.toBe(UNCATEGORISED);
  await cell.getByRole('button', { name: `Choose a value for D${chosenRow}` }).click();
  const list = page.getByRole('listbox', { name: `Values for D${chosenRow}` });
  await list.waitFor();
  const offered = await list.getByRole('option').allTextContents();
  expect(offered).toEqual(expect.arrayContaining(['Client income', 'Office', 'Meals', 'Personal', UNCATEGORISED]));
  await expect(list.getByRole('option', { selected: true }).textContent()).resolves.toBe(UNCATEGORISED);
  await page.screenshot({ path: screenshotPath(join('books-large', 'ledger-dropdown')) });
  // The list, the arrows and the filter's funnels have names a screen reader can read.
  await expect(axeProblems(['#dropdown', '#grid tbody'])).resolves.toEqual([]);
  // The keyboard: Escape closes the list and gives the grid back; Alt+Down opens it again on the marked value.
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'hidden' });
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('grid');
  await page.keyboard.press('Alt+ArrowDown');
  await list.waitFor();
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(UNCATEGORISED);
  await page.keyboard.press('ArrowUp');
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Personal');
  const pickStarted = performance.now();
  await andRedraw(() => list.getByRole('option', { name: 'Office', exact: true }).click(), 60000);
  console.log(
    `One category chosen: Books recalculated over ${ROWS} Ledger rows in ${Math.round(performance.now() - pickStarted)} ms`,
  );
  await expect(page.locator(`td[data-a1="D${chosenRow}"]`).textContent()).resolves.toBe('Office');
  await expect(list.isHidden()).resolves.toBe(true);
  await expect(page.locator('#status').textContent()).resolves.toBe('');

  json = await spreadsheetJson();
  ledger = ledgerRows(json);
  expect(ledger.get(chosenRow)?.category).toBe('Office');
  const month = lastMonth.month - 1;
  months[month].expenses += -chosen.amount;
  months[month].uncategorised--;
  expect(namedValues(json, 'JW_BOOKS_EXPENSES')).toEqual(near(months.map((m) => m.expenses)));
  expect(namedValues(json, 'JW_BOOKS_PROFIT_YTD')).toEqual([toTheCent(profitYtd + chosen.amount)]);
  expect(namedValues(json, 'JW_BOOKS_UNCATEGORISED')).toEqual([uncategorisedInYear - 1]);

  // ---- Text that is not a category is refused, as Sheets refuses it; the cell keeps its value.
  await page.locator(`td[data-a1="D${chosenRow}"]`).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Formula bar').fill('Groceries');
  await andRedraw(() => page.getByLabel('Formula bar').press('Enter'));
  await expect(page.locator('#status').textContent()).resolves.toBe(
    'Choose a category from the Categories sheet; add a row there for a new one.',
  );
  await expect(page.locator(`td[data-a1="D${chosenRow}"]`).textContent()).resolves.toBe('Office');
  // The refused cell stays selected, as in Sheets, so the person can type again.
  await expect(page.getByLabel('Name box').inputValue()).resolves.toBe(`D${chosenRow}`);

  // ---- The check-in's "Show them in the Ledger" beside last month's count: the grid shows the header and that
  // month's uncategorised rows only, as many as the count said (issue 22: 3 quoted, 6 shown).
  const checkIn = await openFromMenu('Check in on last month', CHECKIN_TITLE);
  const left = months[month].uncategorised;
  await checkIn
    .locator('#uncategorised')
    .getByText(`${left.toLocaleString('en-US')} row${left === 1 ? '' : 's'} not yet categorised.`)
    .waitFor({ timeout: 60000 });
  await checkIn.locator('#show-uncategorised').click();
  await checkIn.getByText(`Showing ${left.toLocaleString('en-US')} rows on ${LEDGER_SHEET}`).waitFor({ timeout: 60000 });
  // The sidebar's calls each redraw the grid; the one after the filter is set shows its criterion on column D.
  const filterIcon = page.getByRole('img', { name: /^Column D filtered: rows where / });
  await filterIcon.waitFor({ timeout: 60000 });
  // A long sheet draws the rows in and near view, with blank spacer rows for the rest: the drawn rows are a run of
  // the uncategorised ones, in order, none missing between them.
  const drawn = await page.locator('#grid tbody tr:not(.spacer)').evaluateAll((trs) =>
    trs.map((tr) => ({
      row: Number(tr.querySelector('th')?.textContent),
      category: tr.querySelector('td[data-a1^="D"]')?.textContent ?? '',
    })),
  );
  expect(drawn[0]).toEqual({ row: 1, category: 'Category' });
  expect(drawn.slice(1).filter((r) => r.category !== UNCATEGORISED)).toEqual([]);
  const shouldShow = [...ledger.entries()]
    .filter(([, r]) => r.category === UNCATEGORISED && r.date.startsWith(lastMonthPrefix))
    .map(([row]) => row);
  expect(drawn.length).toBeGreaterThan(20);
  const shownRows = drawn.slice(1).map((r) => r.row);
  const from = shouldShow.sort((a, b) => a - b).indexOf(shownRows[0]);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(shownRows).toEqual(shouldShow.slice(from, from + shownRows.length));
  expect(shouldShow).toHaveLength(left);
  await expect(filterIcon.count()).resolves.toBe(1);
  await expect(page.getByRole('img', { name: 'Column A filter' }).count()).resolves.toBe(1);
  await page.screenshot({ path: screenshotPath(join('books-large', 'ledger-uncategorised')) });
  await andRedraw(() => page.locator('#sidebar-close').click());

  expect(problems()).toEqual([]);
}, 120000);
