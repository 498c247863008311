/**
 * The Books tax blocks and the Invoices sheet end to end in the real `npm start` preview, in Chromium. A checking
 * statement for January to August 2026 (lumpy client income, expenses in several Schedule C categories, two
 * estimated-tax payments) is imported through Extensions > Jumpwise > Import bank statement…; the Tax payments table,
 * the Next payment block and the tax reserve are read from the grid as the page shows them and checked against
 * figures the test works out from the CSV itself, the payment against the annualized method's own function.
 * Then Extensions > Jumpwise > Set up invoices, five invoices for three clients typed into the grid, and the statuses,
 * totals and aging table checked against sums worked out here from the typed dates. Screenshots of both go to
 * test-output/books-tax/ (the README's docs/books-tax.png and docs/invoices.png are copies of them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { categorise, DEFAULT_CATEGORIES, ruleWords, UNCATEGORISED } from '../../src/books/categories';
import { PANEL_LAST_ROW } from '../../src/books/invoices';
import { BOOKS, BOOKS_SHEET, TAX_PERIODS } from '../../src/books/layout';
import { annualizedInstallment } from '../../src/finance/usTax/annualized';
import { openPreviewPage, type PreviewPage, type PreviewProcess, REPO, screenshotPath } from '../support/browser';

const FIXTURE = join(REPO, 'test', 'books', 'fixtures', 'chase-jan-aug-2026.csv');
const YEAR = 2026;
/**
 * The 2026 installment due dates: April 15, June 15 and September 15, 2026 and January 15, 2027 (IRC 6654(c)(2));
 * none falls on a weekend or a federal holiday, so none moves. Last year's final installment: January 15, 2026.
 */
const DUE_DATES = ['2026-04-15', '2026-06-15', '2026-09-15', '2027-01-15'];
const PREVIOUS_DUE = '2026-01-15';
const FLAT_RATE = 0.3;
/**
 * The day the tax blocks are looked at: the first three periods of 2026 (to August 31, where the statement ends)
 * have ended and the fourth installment, January 15, 2027, is next.
 */
const TODAY = '2026-12-01';
/** Typed into the reserve block's "Its balance, if you type it" cell. */
const RESERVE_BALANCE = 2500;
const VIEWPORT = { width: 1360, height: 820 };

interface Row {
  date: string;
  description: string;
  amount: number;
}

/** The fixture read here without Jumpwise's parser: Chase's columns, quoted descriptions with no quotes inside. */
function readChaseCsv(): Row[] {
  const lines = readFileSync(FIXTURE, 'utf8').trim().split('\n');
  expect(lines[0].split(',').slice(1, 4)).toEqual(['Posting Date', 'Description', 'Amount']);
  return lines.slice(1).map((line) => {
    const m = /^\w+,(\d\d)\/(\d\d)\/(\d{4}),"([^"]*)",(-?[\d.]+),/.exec(line);
    if (!m) throw new Error(`not a Chase row: ${line}`);
    return { date: `${m[3]}-${m[1]}-${m[2]}`, description: m[4], amount: Number(m[5]) };
  });
}

const RULES = DEFAULT_CATEGORIES.map((c) => ({ category: c.category, words: ruleWords(c.words.join(',')) }));
const KIND = new Map(DEFAULT_CATEGORIES.map((c) => [c.category, c]));

/** Profit per month (index 0-11) and estimated tax paid per 1040-ES period, by the rules the README states. */
function expectedBooks(rows: Row[]) {
  const profit = Array<number>(12).fill(0);
  const paidByPeriod = [0, 0, 0, 0];
  for (const r of rows) {
    const c = KIND.get(categorise(r.description, RULES));
    if (!c || c.category === UNCATEGORISED) throw new Error(`no default rule reads ${r.description}`);
    const month = Number(r.date.slice(5, 7)) - 1;
    if (c.kind === 'Income') profit[month] += r.amount;
    else if (c.kind === 'Expense') profit[month] += r.amount * c.deductibleShare;
    else if (c.kind === 'Tax payment') {
      // A payment counts for the first due date on or after it.
      const period = DUE_DATES.findIndex((due, i) => r.date > (i === 0 ? PREVIOUS_DUE : DUE_DATES[i - 1]) && r.date <= due);
      paidByPeriod[period] -= r.amount;
    }
  }
  const cumulative = TAX_PERIODS.map((p) => profit.slice(0, p.lastMonth).reduce((a, b) => a + b, 0));
  return { profit, paidByPeriod, cumulative };
}

// ---- Dates as whole days, so nothing depends on the machine's time zone.
const DAY = 86_400_000;
const dayOf = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
/** A day as the Books sheet and its sentences show it in an en_US document (mmm d, yyyy: the locale's date style). */
const shortDate = (iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
/** $#,##0.00 as the page shows it in en_US: Books and Invoices show money in the document's currency. */
const money = (n: number): string =>
  `${n < 0 ? '-' : ''}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true })}`;

// ---- Invoices: three clients, typed as of November 30, 2026.
const AS_OF = '2026-11-30';
const daysBefore = (days: number): string => isoOf(dayOf(AS_OF) - days);
interface Invoice {
  invoice: string;
  client: string;
  issued: string;
  /** Typed over the Issued + 30 formula; absent: left to it. */
  due?: string;
  amount: string;
  paid?: string;
}
const INVOICES: Invoice[] = [
  { invoice: 'INV-031', client: 'Northwind Studio', issued: '2026-09-14', amount: '2,400', paid: '2026-10-20' },
  { invoice: 'INV-034', client: 'Heron Media', issued: daysBefore(130), amount: '3,200' },
  { invoice: 'INV-036', client: 'Calder & Finch', issued: daysBefore(60), due: daysBefore(45), amount: '760' },
  { invoice: 'INV-038', client: 'Northwind Studio', issued: daysBefore(35), amount: '1,125.50' },
  { invoice: 'INV-040', client: 'Heron Media', issued: daysBefore(20), amount: '1,850' },
];
const dueOf = (inv: Invoice): string => inv.due ?? isoOf(dayOf(inv.issued) + 30);
const amountOf = (inv: Invoice): number => Number(inv.amount.replace(/,/g, ''));

let preview: PreviewProcess;
let page: Page;
let opened: PreviewPage | undefined;
/** Page errors and network requests, as the page reported them. */
const problems = (): string[] => opened?.problems ?? [];

/** Does something in the spreadsheet window, then waits until the page has drawn the server's answer. */
async function andRedraw(action: () => Promise<void>): Promise<void> {
  const before = Number((await page.locator('body').getAttribute('data-actions')) ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.actions ?? 0) > n, before, { timeout: 15000 });
}

async function menu(item: string): Promise<void> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await andRedraw(() => page.getByRole('menuitem', { name: item }).click());
}

/**
 * Types into the selected cell as a person does: the first key on the grid starts the edit, the rest goes into the
 * formula bar, and Enter (or Tab) commits and moves down (or right). The grid has the keyboard after a commit.
 */
async function typeHere(input: string, key: 'Tab' | 'Enter' = 'Enter'): Promise<void> {
  await page.keyboard.press(input[0]);
  await page.keyboard.insertText(input.slice(1));
  await andRedraw(() => page.keyboard.press(key));
}

/** Selects a cell with the mouse and types into it. */
async function typeInto(a1: string, input: string): Promise<void> {
  await page.locator(`td[data-a1="${a1}"]`).click();
  await typeHere(input);
}

/**
 * Types rows of cells from the selected cell rightwards, Tab between cells; null steps over a cell with the arrow
 * key, leaving it as it is. Each row ends with the arrow keys back to the first column of the next row.
 */
async function typeRows(rows: (string | null)[][]): Promise<void> {
  for (const inputs of rows) {
    for (const input of inputs) {
      if (input === null) await page.keyboard.press('ArrowRight');
      else await typeHere(input, 'Tab');
    }
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < inputs.length; i++) await page.keyboard.press('ArrowLeft');
  }
}

/** What the grid shows in each cell, as the person reads it. */
async function shown(cells: string[]): Promise<string[]> {
  return page.evaluate(
    (list) => list.map((a1) => document.querySelector(`#grid td[data-a1="${a1}"]`)?.textContent ?? '(no cell)'),
    cells,
  );
}
const at = async (a1: string): Promise<string> => (await shown([a1]))[0];

/** Cells showing an error or a #… value anywhere on the drawn sheet. */
const errorCells = (): Promise<string[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('#grid td[data-a1]'))
      .filter((td) => td.classList.contains('error') || /^#[A-Z/0!?]+/.test(td.textContent ?? ''))
      .map((td) => `${td.dataset.a1}: ${td.textContent} ${td.title}`),
  );

const L = (column: number): string => String.fromCharCode(64 + column);

/** The values of named ranges of one cell each, as the spreadsheet holds them. */
async function namedValues(names: string[]): Promise<unknown[]> {
  const response = await fetch(`${preview.url}/api/spreadsheet`);
  expect(response.status).toBe(200);
  const json = (await response.json()) as {
    sheets: { name: string; cells: Record<string, { value: unknown }> }[];
    namedRanges: Record<string, string>;
  };
  return names.map((name) => {
    const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(json.namedRanges[name] ?? '');
    if (!m) throw new Error(`${name} is ${json.namedRanges[name]}, not one cell`);
    return json.sheets.find((sheet) => sheet.name === m[1])?.cells[`${m[2]}${m[3]}`]?.value;
  });
}

/**
 * Cells of rows first..last, columns left..right (single letters) whose text does not fit: text runs on over empty
 * cells to its right (left-aligned text, as Sheets draws it) but not past a cell with something in it or past the
 * right-hand column.
 */
const cutText = ([first, last]: [number, number], left: string, right: string): Promise<string[]> =>
  page.evaluate(
    ({ first, last, left, right }) => {
      const cell = (column: string, row: number) => document.querySelector<HTMLElement>(`#grid td[data-a1="${column}${row}"]`);
      const next = (column: string) => String.fromCharCode(column.charCodeAt(0) + 1);
      const cut: string[] = [];
      for (let row = first; row <= last; row++) {
        for (let column = left; column <= right; column = next(column)) {
          const td = cell(column, row);
          if (!td?.textContent) continue;
          const text = document.createRange();
          text.selectNodeContents(td.querySelector('span') ?? td);
          const box = text.getBoundingClientRect();
          let end = td.getBoundingClientRect().right;
          if (td.classList.contains('overflow')) {
            for (let c = next(column); c <= right; c = next(c)) {
              const neighbour = cell(c, row);
              if (!neighbour || neighbour.textContent) break;
              end = neighbour.getBoundingClientRect().right;
            }
          }
          if (box.right > end + 1) cut.push(`${column}${row}: ${td.textContent}`);
        }
      }
      return cut;
    },
    { first, last, left, right },
  );

beforeAll(async () => {
  opened = await openPreviewPage(['--empty', '--instant-functions'], { viewport: VIEWPORT, locale: 'en-US', timeoutMs: 15000 });
  ({ preview, page } = opened);
}, 120000);

afterAll(async () => {
  await opened?.close();
});

test('lumpy income and two estimated payments: the tax blocks match the annualized method; three clients: aging adds up', async () => {
  const rows = readChaseCsv();
  expect(rows).toHaveLength(47);
  const { profit, paidByPeriod, cumulative } = expectedBooks(rows);
  // Lumpy: a big January, nothing in February and March (a loss after the month's costs), small months after.
  expect(profit.map((p) => Math.sign(Math.round(p)))).toEqual([1, -1, -1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
  expect(paidByPeriod).toEqual([3200, 1500, 0, 0]);
  const paid = paidByPeriod.reduce((a, b) => a + b, 0);

  // ---- The statement, imported through the page.
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await andRedraw(() => page.getByRole('menuitem', { name: 'Import bank statement…' }).click());
  const frame = await (await page.locator('iframe[title="Jumpwise: import a bank statement"]').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the import dialog has no document');
  await frame.waitForFunction(() => performance.getEntriesByName('leap-import-interactive').length > 0);
  await frame.setInputFiles('#statement-file', FIXTURE);
  await frame.locator('#statement-summary').getByText('47 rows, Jan 2, 2026 to Aug 25, 2026.').waitFor();
  await frame.fill('#account', 'Chase checking');
  await frame.click('#import-button');
  await frame.locator('#import-message').waitFor({ timeout: 20000 });
  await expect(frame.locator('#import-message').textContent()).resolves.toBe(
    'Imported 47 rows, 0 uncategorised, Jan 2, 2026 to Aug 25, 2026.',
  );
  await andRedraw(() => page.locator('#dialog-close').click());
  await andRedraw(() => page.locator(`[data-sheet="${BOOKS_SHEET}"]`).click());

  // ---- Today: TODAY() is live in the preview (it shows the machine's date); the block is then looked at on a fixed
  // day typed over it, as its note invites, so the figures do not move with the clock.
  const np = BOOKS.nextPayment;
  const tp = BOOKS.taxPayments;
  const rv = BOOKS.reserve;
  const v = (row: number) => `${L(np.valueColumn)}${row}`;
  const clock = new Date();
  const clockDay = `${clock.getFullYear()}-${String(clock.getMonth() + 1).padStart(2, '0')}-${String(clock.getDate()).padStart(2, '0')}`;
  await expect(at(v(np.todayRow))).resolves.toBe(shortDate(clockDay));
  if ((await at(`B${BOOKS.yearRow}`)) !== String(YEAR)) await typeInto(`B${BOOKS.yearRow}`, String(YEAR));
  await typeInto(v(np.todayRow), TODAY);
  // The blocks at a rate the person typed over the default (the Books year's own rate on the projected profit and
  // the wages is tested in test/books/yearAsLived.emulator.test.ts).
  await typeInto(`B${BOOKS.rateRow}`, String(FLAT_RATE));
  await typeInto(`${L(rv.valueColumn)}${rv.balanceInputRow}`, String(RESERVE_BALANCE));
  await expect(at(v(np.todayRow))).resolves.toBe(shortDate(TODAY));
  const ended = TAX_PERIODS.filter((p) => TODAY > `${YEAR}-${String(p.lastMonth).padStart(2, '0')}-${p.lastDay}`).length;
  expect(ended).toBe(3);
  const nextDue = DUE_DATES.find((due) => due >= TODAY) as string;
  expect(nextDue).toBe('2027-01-15');

  // ---- Tax payments: one row per period, the Ledger's payments in it, and the total.
  const taxTable = await shown(
    [0, 1, 2, 3].flatMap((i) => [tp.dateColumn, tp.periodColumn, tp.amountColumn].map((c) => `${L(c)}${tp.firstPeriodRow + i}`)),
  );
  expect(taxTable).toEqual(DUE_DATES.flatMap((due, i) => [shortDate(due), `Period ${i + 1}`, money(paidByPeriod[i])]));
  await expect(at(`${L(tp.noteColumn)}${tp.firstPeriodRow + 1}`)).resolves.toBe(
    'Ledger rows of kind Tax payment, Apr 16, 2026 to Jun 15, 2026',
  );
  await expect(at(`${L(tp.amountColumn)}${tp.totalRow}`)).resolves.toBe(money(paid));

  // ---- Next payment: the block against ESTIMATED_PAYMENT_US's own function on the profits summed here.
  const profits = cumulative.slice(0, ended);
  const payment = annualizedInstallment({ ytdProfits: profits, status: 'single', year: YEAR, paidSoFar: paid }).payment;
  const flat = Math.max(0, FLAT_RATE * Math.max(0, profits[ended - 1]) - paid);
  const block = await shown([np.statusRow, np.periodsEndedRow, np.nextDueRow, np.paidRow, np.paymentRow, np.flatRow].map(v));
  expect(block).toEqual(['single', String(ended), shortDate(nextDue), money(paid), money(payment), money(flat)]);
  const profitCells = await shown([0, 1, 2, 3].map((i) => v(np.firstProfitRow + i)));
  expect(profitCells).toEqual(cumulative.map((c, i) => (i < ended ? money(c) : '')));
  // What the method saves against the flat rate: worth a README picture only when it saves something.
  expect(payment).toBeGreaterThan(0);
  expect(payment).toBeLessThan(flat);
  await expect(at(`${L(np.labelColumn)}${np.sentenceRow}`)).resolves.toBe(
    // December 1 is past September 15, when the period to August 31 was due: the sentence says to pay now.
    `Pay ${money(payment)} now for the profit to ${TAX_PERIODS[ended - 1].ends}: it was due ${shortDate(DUE_DATES[ended - 1])}. ` +
      `The flat rate would ask ${money(flat)}: paying on what you have earned keeps ${money(flat - payment)} in your hands for now.`,
  );

  // ---- Tax reserve: the typed balance against the year's set-aside at the rate less what was paid.
  const profitYtd = profit.reduce((a, b) => a + b, 0);
  const owed = FLAT_RATE * Math.max(0, profitYtd) - paid;
  const gap = RESERVE_BALANCE - owed;
  const reserve = await shown([rv.balanceRow, rv.owedRow, rv.gapRow].map((r) => `${L(rv.valueColumn)}${r}`));
  expect(reserve).toEqual([money(RESERVE_BALANCE), money(owed), money(gap)]);
  await expect(at(`${L(rv.labelColumn)}${rv.sentenceRow}`)).resolves.toBe(
    `Your reserve is ${money(Math.abs(gap))} ${gap >= 0 ? 'ahead' : 'behind'}: it holds ${money(RESERVE_BALANCE)} ` +
      `against ${money(owed)}, the tax on ${YEAR}'s profit so far at 30.0% less the ${money(paid)} already paid.`,
  );
  await expect(errorCells()).resolves.toEqual([]);
  // Behind the two decimals shown, the values themselves (GET /api/spreadsheet, the preview's automation API).
  const named = await namedValues(['JW_BOOKS_NEXT_PAYMENT', 'JW_BOOKS_FLAT_PAYMENT', 'JW_BOOKS_RESERVE_GAP']);
  expect(named).toEqual([expect.closeTo(payment, 6), expect.closeTo(flat, 6), expect.closeTo(gap, 6)]);

  // ---- Screenshot: the grid scrolled so the tax blocks (columns M to T, rows 1 to 25) fill it, the payment's
  // formula in the formula bar.
  await page.locator(`td[data-a1="${v(np.paymentRow)}"]`).click();
  await expect(page.getByLabel('Formula bar').inputValue()).resolves.toMatch(/^=IF\(\$S\$11=0,"",ESTIMATED_PAYMENT_US\(/);
  const taxLeft = L(tp.dateColumn);
  const taxRight = L(np.noteColumn);
  const width = await page.evaluate(
    ([left, right]) => {
      const l = document.querySelector<HTMLElement>(`#grid th[data-column="${left}"]`);
      const r = document.querySelector<HTMLElement>(`#grid th[data-column="${right}"]`);
      return l && r ? r.offsetLeft + r.offsetWidth - l.offsetLeft : 0;
    },
    [taxLeft, taxRight],
  );
  // Nothing in the blocks is cut: every text fits its cell and the empty cells it runs on over, up to column T.
  await expect(cutText([tp.titleRow, rv.sentenceRow], taxLeft, taxRight)).resolves.toEqual([]);
  // The row numbers stay in view on the left; the window holds them, the blocks and the grid's margins.
  await page.setViewportSize({ width: width + 90, height: 700 });
  await page.evaluate((left) => {
    const scroller = document.getElementById('grid-scroll') as HTMLElement;
    const th = document.querySelector<HTMLElement>(`#grid th[data-column="${left}"]`) as HTMLElement;
    scroller.scrollLeft = th.offsetLeft - 46;
  }, taxLeft);
  await page.screenshot({ path: screenshotPath(join('books-tax', 'books-tax')) });
  await page.setViewportSize(VIEWPORT);

  // ---- Invoices: the sheet from the menu, five rows for three clients typed into the grid.
  await menu('Set up invoices');
  await expect(page.locator('[data-sheet="Invoices"]').getAttribute('aria-selected')).resolves.toBe('true');
  await typeInto('K3', AS_OF);
  await page.locator('td[data-a1="A2"]').click();
  await typeRows(
    INVOICES.map((inv) => [inv.invoice, inv.client, inv.issued, inv.due ?? null, inv.amount, ...(inv.paid ? [inv.paid] : [])]),
  );
  await typeInto('K13', 'Northwind Studio');

  const lateOf = (inv: Invoice) => dayOf(AS_OF) - dayOf(dueOf(inv));
  const unpaid = INVOICES.filter((inv) => !inv.paid || inv.paid > AS_OF);
  const plural = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  const status = INVOICES.map((inv) => {
    if (inv.paid && inv.paid <= AS_OF) return ['Paid', String(Math.max(0, dayOf(inv.paid) - dayOf(dueOf(inv))))];
    const late = lateOf(inv);
    return [
      late < 0 ? `Due in ${plural(-late)}` : late === 0 ? 'Due today' : `Overdue ${plural(late)}`,
      String(Math.max(0, late)),
    ];
  });
  expect(status.map((s) => s[0])).toEqual(['Paid', 'Overdue 100 days', 'Overdue 45 days', 'Overdue 5 days', 'Due in 10 days']);
  const tableShown = await shown(INVOICES.flatMap((_, i) => ['C', 'D', 'E', 'G', 'H'].map((c) => `${c}${i + 2}`)));
  expect(tableShown).toEqual(
    INVOICES.flatMap((inv, i) => [shortDate(inv.issued), shortDate(dueOf(inv)), money(amountOf(inv)), ...status[i]]),
  );
  // Blank rows below stay blank.
  await expect(shown(['G7', 'H7', 'D7'])).resolves.toEqual(['', '', '']);

  const sum = (list: Invoice[]) => list.reduce((s, inv) => s + amountOf(inv), 0);
  await expect(shown(['K1', 'K2', 'K3'])).resolves.toEqual([
    money(sum(unpaid)),
    money(sum(unpaid.filter((inv) => lateOf(inv) > 0))),
    shortDate(AS_OF),
  ]);
  const buckets: [string, (late: number) => boolean][] = [
    ['Not yet due', (d) => d <= 0],
    ['1-30 days late', (d) => d >= 1 && d <= 30],
    ['31-60 days late', (d) => d >= 31 && d <= 60],
    ['61-90 days late', (d) => d >= 61 && d <= 90],
    ['Over 90 days late', (d) => d > 90],
  ];
  const aging = await shown([5, 6, 7, 8, 9, 10].flatMap((r) => [`J${r}`, `K${r}`, `L${r}`]));
  expect(aging).toEqual([
    'Bucket',
    'Amount',
    'Invoices',
    ...buckets.flatMap(([name, inBucket]) => {
      const these = unpaid.filter((inv) => inBucket(lateOf(inv)));
      return [name, money(sum(these)), String(these.length)];
    }),
  ]);
  // Northwind's one paid invoice: issued September 14, paid October 20.
  await expect(at('K14')).resolves.toBe((dayOf('2026-10-20') - dayOf('2026-09-14')).toFixed(1));
  await expect(errorCells()).resolves.toEqual([]);

  // The window as wide as the panel's last sentence, which runs on to the right of the panel.
  await expect(cutText([1, PANEL_LAST_ROW], 'A', 'N')).resolves.toEqual([]);
  const right = await page.evaluate(() =>
    Math.max(
      ...Array.from(document.querySelectorAll<HTMLElement>('#grid td[data-a1]'))
        .filter((td) => td.textContent)
        .map((td) => {
          const text = document.createRange();
          text.selectNodeContents(td.querySelector('span') ?? td);
          return Math.max(td.getBoundingClientRect().right, text.getBoundingClientRect().right);
        }),
    ),
  );
  await page.setViewportSize({ width: Math.ceil(right) + 24, height: 680 });
  await page.locator('td[data-a1="G4"]').click();
  await page.screenshot({ path: screenshotPath(join('books-tax', 'invoices')) });
  await page.setViewportSize(VIEWPORT);
  expect(problems()).toEqual([]);
}, 120000);
