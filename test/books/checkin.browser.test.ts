/**
 * The built check-in page (dist/CheckIn.html) in Chromium at sidebar width, its google.script.run forwarding to the
 * built bundle on the emulator: the page shows what the server reads from the sheets, switches the plan's history,
 * saves a snapshot, filters the Ledger, lists the overdue invoices, and says what is missing. Screenshots in
 * test-output/checkin/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type Emulator, loadDist } from '../../emulator/src';
import { lastMonthOf, NO_INVOICES } from '../../src/books/checkin';
import type { StatementRow } from '../../src/books/types';
import { NO_BOOKS, NO_PLAN } from '../../src/sheets/checkin';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { importStatement, statementRows as statementRowsAt } from '../support/books';
import { launchChromium, screenshotPath, TEST_OUTPUT } from '../support/browser';
import { createLeapEmulator } from '../support/emulator';
import { openPageOnEmulator, type PageOnEmulator } from '../support/scriptRunBridge';
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

type Opened = PageOnEmulator;

async function open(em: Emulator): Promise<Opened> {
  const opened = await openPageOnEmulator(browser, PAGE_FILE, em, { viewport: { width: 300, height: 720 } });
  await opened.page.locator('#loading').waitFor({ state: 'hidden' });
  return opened;
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
  expect(em.workbook.getRangeByName('JW_PROJECTED_LOW')?.getValue()).toBeCloseTo(2600 - 59.99, 6);
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
  expect(em.workbook.getRangeByName('JW_PROJECTED_LOW')?.getValue()).toBe(3000);
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

/** A dropdown pick in the Ledger: the person's edit, which runs no script. */
function pick(em: Emulator, description: string, category: string): void {
  const ledger = em.workbook.getSheetByName('Ledger');
  const r =
    ledger
      ?.getDataRange()
      .getValues()
      .findIndex((v) => v[1] === description) ?? -1;
  if (!ledger || r < 0) throw new Error(`No Ledger row "${description}"`);
  ledger.getRange(r + 1, 4).setValue(category);
}

const ledgerCategory = (em: Emulator, description: string) =>
  em.workbook
    .getSheetByName('Ledger')
    ?.getDataRange()
    .getValues()
    .find((v) => v[1] === description)?.[3];

test('categorise similar rows (issue 22, problem 5): the groups, a word refused in words, Make a rule and Apply to similar rows', async () => {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  const m = MONTHS[0];
  const at = statementRowsAt();
  importStatement(em, [
    at(iso(m, 2), 'HARBOR FREIGHT TOOLS 0412', -45.1),
    at(iso(m, 3), 'HARBOR FREIGHT TOOLS 1187', -120),
    at(iso(m, 4), 'HARBOR FREIGHT TOOLS 5521', -12.5),
    at(iso(m, 5), 'MAPLE STUDIO LLC 7781', 900),
    at(iso(m, 6), 'MAPLE STUDIO LLC 7790', 1200),
    at(iso(m, 8), 'HARBOR BREWING 33', -30),
  ]);
  pick(em, 'HARBOR FREIGHT TOOLS 0412', 'Supplies');
  pick(em, 'HARBOR FREIGHT TOOLS 5521', 'Repairs');
  pick(em, 'MAPLE STUDIO LLC 7781', 'Client income');
  const categories = () => em.workbook.getSheetByName('Categories')?.getDataRange().getValues();
  const rulesBefore = categories();

  const { page, problems, calls } = await open(em);
  const groups = page.locator('#similar-list li.similar-group');
  await groups.first().waitFor();
  await expect(groups.locator('.similar-head').allTextContents()).resolves.toEqual([
    'maple studio llc$2,100.00',
    'harbor freight tools-$177.60',
    'harbor brewing-$30.00',
  ]);
  const harbor = groups.filter({ hasText: 'harbor freight tools' });
  await expect(harbor.locator('.hint').textContent()).resolves.toBe(
    '3 rows, such as \u201cHARBOR FREIGHT TOOLS 0412\u201d · 1 not yet categorised · 2 categorised by you (Supplies).',
  );
  await expect(harbor.locator('select').inputValue()).resolves.toBe('Supplies');
  await expect(harbor.locator('input').inputValue()).resolves.toBe('harbor freight');
  await expect(groups.filter({ hasText: 'harbor brewing' }).locator('select').inputValue()).resolves.toBe('');
  await expect(page.locator('#year-uncategorised').textContent()).resolves.toContain(`3 rows of ${YEAR} not yet categorised`);
  await page.locator('#go-similar').click();
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('similar-title');
  await page.screenshot({ path: shot('similar'), fullPage: true });

  // A word that would match everything: refused beside the group, nothing written.
  await harbor.locator('input').fill('a');
  await harbor.locator('button', { hasText: 'Make a rule' }).click();
  await page.waitForFunction(() => (document.getElementById('similar-1-error')?.textContent ?? '') !== '');
  await expect(harbor.locator('.error').textContent()).resolves.toContain(
    'The rule word "a" is too short: it would match almost every description.',
  );
  await expect(harbor.locator('input').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(categories()).toEqual(rulesBefore);
  await page.screenshot({ path: shot('similar-refused'), fullPage: true });

  await harbor.locator('input').fill('harbor freight');
  await harbor.locator('button', { hasText: 'Make a rule' }).click();
  await page.waitForFunction(() => !document.getElementById('similar-status')?.hidden);
  await expect(page.locator('#similar-status').textContent()).resolves.toBe(
    'Rule added on Categories: "harbor freight" gives Supplies on the next imports. ' +
      '1 row not yet categorised that matches "harbor freight" is now Supplies. ' +
      '1 row it matches already had another category and kept it.',
  );
  expect(ledgerCategory(em, 'HARBOR FREIGHT TOOLS 1187')).toBe('Supplies');
  expect(ledgerCategory(em, 'HARBOR FREIGHT TOOLS 5521')).toBe('Repairs');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('similar-status');
  // The group is covered by the rule now, and the year's count above follows the Ledger.
  await page.waitForFunction(() =>
    /2 rows of \d+ not yet categorised/.test(document.getElementById('year-uncategorised')?.textContent ?? ''),
  );
  await expect(groups.locator('.similar-head strong').allTextContents()).resolves.toEqual(['maple studio llc', 'harbor brewing']);

  const maple = groups.filter({ hasText: 'maple studio llc' });
  await expect(maple.locator('input').inputValue()).resolves.toBe('maple');
  await maple.locator('button', { hasText: 'Apply to similar rows' }).click();
  await page.waitForFunction(() => /Client income\.$/.test(document.getElementById('similar-status')?.textContent ?? ''));
  await expect(page.locator('#similar-status').textContent()).resolves.toBe(
    '1 row not yet categorised that matches "maple" is now Client income.',
  );
  expect(ledgerCategory(em, 'MAPLE STUDIO LLC 7790')).toBe('Client income');
  await page.waitForFunction(() =>
    /1 row of \d+ not yet categorised/.test(document.getElementById('year-uncategorised')?.textContent ?? ''),
  );
  await page.locator('#similar').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('similar-done'), fullPage: true });
  // The refused word crossed to the server too: the server checks it, whatever the page sends.
  expect(calls.filter((c) => c === 'leapMakeRule' || c === 'leapApplyToSimilar')).toEqual([
    'leapMakeRule',
    'leapMakeRule',
    'leapApplyToSimilar',
  ]);
  expect(await page.locator('#server-error').textContent()).toBe('');
  expect(problems).toEqual([]);
  await page.close();
}, 120000);
