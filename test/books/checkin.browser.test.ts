/**
 * The built check-in page (dist/CheckIn.html) in Chromium at sidebar width, its google.script.run forwarding to the
 * built bundle on the emulator: the page shows what the server reads from the sheets, switches the plan's history,
 * saves a snapshot, filters the Ledger, lists the overdue invoices, and says what is missing. Screenshots in
 * test-output/checkin/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Emulator, loadDist } from '../../emulator/src';
import { lastMonthOf, NO_INVOICES } from '../../src/books/checkin';
import type { StatementRow } from '../../src/books/types';
import { NO_BOOKS, NO_PLAN } from '../../src/sheets/checkin';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { importStatement } from '../support/books';
import { launchChromium, screenshotPath, TEST_OUTPUT } from '../support/browser';
import { createLeapEmulator } from '../support/emulator';
import { installBridge } from '../support/scriptRunBridge';
import { AS_OF, BIRCH, COBALT, expectedOwed, OWED, typeInvoices } from './fixtures/owed';

/** test-output/checkin/<name>.png */
function shot(name: string): string {
  mkdirSync(join(TEST_OUTPUT, 'checkin'), { recursive: true });
  return screenshotPath(`checkin/${name}`);
}

const PAGE_FILE = join(__dirname, '..', '..', 'dist', 'CheckIn.html');
const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
const LAST = lastMonthOf(TODAY);
const MONTHS = LAST.year === YEAR && LAST.month >= 3 ? [LAST.month - 2, LAST.month - 1, LAST.month] : [1, 2, 3];
const iso = (m: number, d: number) => `${YEAR}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

let line = 2;
const rows = (months: number[]): StatementRow[] =>
  months.flatMap((m, i) => [
    { date: iso(m, 4), description: `STRIPE PAYOUT ${m}`, amount: 2600 + 450 * i, line: line++ },
    { date: iso(m, 9), description: `ADOBE CREATIVE CLOUD ${m}`, amount: -59.99, line: line++ },
    { date: iso(m, 21), description: `QX VENDOR 4417 ${m}`, amount: -18, line: line++ },
  ]);

function emulator(options: { plan: boolean; months: number[] }): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  if (options.plan) {
    em.run('leapSaveDraft', SAMPLE_ANSWERS);
    em.run('leapBuildPlan', SAMPLE_ANSWERS);
  }
  if (options.months.length > 0) importStatement(em, rows(options.months));
  return em;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  problems: Error[];
  calls: string[];
}

async function open(em: Emulator): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 300, height: 720 }, locale: 'en-US' });
  page.setDefaultTimeout(15000);
  const problems: Error[] = [];
  const calls: string[] = [];
  page.on('pageerror', (e) => problems.push(e));
  await page.route(/^(?!file:)/, (route) => {
    problems.push(new Error(`network request to ${route.request().url()}`));
    return route.abort();
  });
  await page.exposeFunction('__leapServer', (name: string, args: string) => {
    calls.push(name);
    try {
      // scriptRun: a Date or another value google.script.run refuses in the result fails the call, as on Apps Script.
      return JSON.stringify(em.scriptRun(name, ...JSON.parse(args)) ?? null);
    } catch (error) {
      // The message Apps Script would hand the failure handler.
      throw new Error(error instanceof Error ? error.message : String(error));
    }
  });
  await page.addInitScript(installBridge);
  await page.goto(`file://${PAGE_FILE}`);
  await page.locator('#loading').waitFor({ state: 'hidden' });
  return { page, problems, calls };
}

const booksShown = (em: Emulator, a1: string) => em.workbook.getSheetByName('Books')?.getRange(a1).getDisplayValue();

test('shows last month and the year as the sheets display them, switches to the actual months and back, saves a snapshot', async () => {
  const em = emulator({ plan: true, months: MONTHS });
  const { page, problems, calls } = await open(em);
  const lastRow = 6 + LAST.month - 1;
  if (LAST.year === YEAR) {
    await expect(page.locator('#last-month-title').textContent()).resolves.toMatch(new RegExp(`^Last month: \\w+ ${YEAR}$`));
    const dds = await page.locator('#last-month dd').allTextContents();
    expect(dds).toEqual([
      booksShown(em, `B${lastRow}`),
      '$3,000',
      '$4,750',
      booksShown(em, `D${lastRow}`),
      booksShown(em, `E${lastRow}`),
    ]);
    await expect(page.locator('#uncategorised').textContent()).resolves.toContain('1 row not yet categorised.');
  }
  const year = await page.locator('#year dd').allTextContents();
  expect([year[0], year[1], year[3]]).toEqual([booksShown(em, 'D18'), booksShown(em, 'E18'), booksShown(em, 'F18')]);
  await expect(page.locator('#history-label').textContent()).resolves.toBe(
    'Transition Plan: Runs on 5 steps from your low to your good month.',
  );
  await page.screenshot({ path: shot('page'), fullPage: true });

  await page.locator('#history-switch').click();
  await page.waitForFunction(() => document.getElementById('history-switch')?.textContent === 'Use my own figures again');
  await expect(page.locator('#history-label').textContent()).resolves.toBe(
    'Transition Plan: Runs on 3 months with ledger rows in Books.',
  );
  // The plan's months are profit (issue 21, problem 6): the lowest month's $2,600 in less its $59.99 of software.
  expect(em.workbook.getRangeByName('LEAP_PROJECTED_LOW')?.getValue()).toBeCloseTo(2600 - 59.99, 6);
  await page.screenshot({ path: shot('actual-months'), fullPage: true });

  await page.locator('#snapshot').click();
  await page.waitForFunction(() =>
    /^Saved on Check-ins, row 2/.test(document.getElementById('snapshot-status')?.textContent ?? ''),
  );
  if (LAST.year === YEAR) {
    await page.locator('#show-uncategorised').click();
    // Last month's one row, not every month's (issue 22: the count and the rows shown are the same rows).
    await page.waitForFunction(() => document.getElementById('show-uncategorised')?.textContent === 'Showing 1 row on Ledger');
  }
  await page.locator('#history-switch').click();
  await page.waitForFunction(() => document.getElementById('history-switch')?.textContent === 'Use my actual months in the plan');
  expect(em.workbook.getRangeByName('LEAP_PROJECTED_LOW')?.getValue()).toBe(3000);
  expect(calls.filter((c) => c === 'leapGetCheckIn')).toHaveLength(1);
  expect(await page.locator('#server-error').textContent()).toBe('');
  expect(problems).toEqual([]);
  await page.close();
}, 120000);

test('without a plan or Books the page says what is missing and offers nothing to save', async () => {
  const { page, problems } = await open(emulator({ plan: false, months: [] }));
  await expect(page.locator('#missing p').allTextContents()).resolves.toEqual([NO_PLAN, NO_BOOKS]);
  expect(await page.locator('#last-month').isHidden()).toBe(true);
  expect(await page.locator('#history').isHidden()).toBe(true);
  expect(await page.locator('#snapshot').isDisabled()).toBe(true);
  await expect(page.locator('#owed-note').textContent()).resolves.toBe(NO_INVOICES);
  expect(await page.locator('#show-invoices').isHidden()).toBe(true);
  await page.screenshot({ path: shot('nothing-yet'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
}, 60000);

test('one month of rows: the switch is refused in words and the plan stays', async () => {
  const em = emulator({ plan: true, months: [MONTHS[0]] });
  const { page, problems } = await open(em);
  await page.locator('#history-switch').click();
  await page.waitForFunction(() => (document.getElementById('server-error')?.textContent ?? '') !== '');
  expect(await page.locator('#server-error').textContent()).toContain('The plan needs at least 2 months with ledger rows');
  expect(await page.locator('#history-switch').textContent()).toBe('Use my actual months in the plan');
  expect(await page.locator('#history-switch').isDisabled()).toBe(false);
  if (LAST.year === YEAR && MONTHS[0] !== LAST.month)
    await expect(page.locator('#last-month-body').textContent()).resolves.toContain('The Ledger has no rows dated in');
  await page.screenshot({ path: shot('refused'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
}, 60000);

test('money owed to you: the totals and the overdue invoices, most overdue first, names as text; the button shows the sheet', async () => {
  const em = emulator({ plan: true, months: MONTHS });
  em.run('leapSetupInvoices');
  typeInvoices(em, OWED);
  em.enterInput('Invoices', 'K3', AS_OF);
  em.spreadsheet.getSheetByName('Books')?.activate();
  const { page, problems } = await open(em);
  const expected = expectedOwed(OWED);
  await expect(page.locator('#owed dd').allTextContents()).resolves.toEqual([expected.owedToYou, expected.overdue]);
  const items = page.locator('#overdue-list li');
  await expect(items.locator('.overdue-who').allTextContents()).resolves.toEqual(
    expected.overdueInvoices.map((i) => `${i.invoice} ${i.client}`),
  );
  await expect(items.locator('.overdue-amount').allTextContents()).resolves.toEqual(
    expected.overdueInvoices.map((i) => i.amount),
  );
  await expect(items.locator('.overdue-status').allTextContents()).resolves.toEqual(
    expected.overdueInvoices.map((i) => i.status),
  );
  expect(expected.overdueInvoices).toHaveLength(10);
  await expect(page.locator('#overdue-more').textContent()).resolves.toBe(`and ${expected.more} more`);
  // A client typed as markup stays text on the page, and one starting with "=" is shown as typed.
  await expect(page.locator('#overdue-list b').count()).resolves.toBe(0);
  await expect(page.locator('#overdue-list').textContent()).resolves.toContain(BIRCH);
  await expect(page.locator('#overdue-list').textContent()).resolves.toContain(COBALT);
  await page.locator('#owed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('owed'), fullPage: true });

  await page.locator('#show-invoices').click();
  await page.waitForFunction(() => document.getElementById('show-invoices')?.textContent === 'Showing Invoices');
  expect(em.toJSON().activeSheet).toBe('Invoices');
  expect(await page.locator('#server-error').textContent()).toBe('');
  expect(problems).toEqual([]);
  await page.close();
}, 120000);
