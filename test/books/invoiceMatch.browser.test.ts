/**
 * The check-in page's "Deposits that paid an invoice" in Chromium at sidebar width, its google.script.run crossing to
 * the built bundle on the emulator under Apps Script's rules (scriptRun): the suggestions as the sheets show them,
 * confirming one (the sheets get the link, the page the match and the new totals), and unmatching. Screenshots in
 * test-output/checkin/deposits-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type Emulator, loadDist } from '../../emulator/src';
import { MATCH_DAYS_AFTER_DUE } from '../../src/books/invoiceMatch';
import { importStatement, statementRows } from '../support/books';
import { launchChromium, screenshotPath, TEST_OUTPUT } from '../support/browser';
import { createLeapEmulator } from '../support/emulator';
import { openPageOnEmulator, type PageOnEmulator } from '../support/scriptRunBridge';

const PAGE_FILE = join(__dirname, '..', '..', 'dist', 'CheckIn.html');

function shot(name: string): string {
  mkdirSync(join(TEST_OUTPUT, 'checkin'), { recursive: true });
  return screenshotPath(`checkin/${name}`);
}

/** A client typed as markup: it must reach the page as text. */
const ACME = 'Acme <b>Design</b>';

function emulator(): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('leapSetupInvoices');
  em.spreadsheet
    .getSheetByName('Invoices')
    ?.getRange('A2:E3')
    .setValues([
      ['INV-1', ACME, '2026-03-01', '=IF(C2="","",C2+30)', '3900'],
      ['INV-2', 'Birch', '2026-04-01', '2026-05-01', '500'],
    ]);
  em.enterInput('Invoices', 'K3', '2026-06-30');
  const row = statementRows();
  importStatement(em, [
    row('2026-03-10', 'ZELLE FROM ACME DESIGN', 3900),
    row('2026-03-30', 'REMOTE DEPOSIT 1234', 3900),
    row('2026-04-20', 'BIRCH PAYMENT', 500),
  ]);
  return em;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(em: Emulator): Promise<PageOnEmulator> {
  const opened = await openPageOnEmulator(browser, PAGE_FILE, em, { viewport: { width: 300, height: 900 }, timeoutMs: 30000 });
  await opened.page.locator('#loading').waitFor({ state: 'hidden' });
  return opened;
}

const cell = (em: Emulator, a1: string) => String(em.workbook.getSheetByName('Invoices')?.getRange(a1).getDisplayValue());

test('deposits that paid an invoice: suggested with the client named first, confirmed, shown as matched, unmatched', async () => {
  const em = emulator();
  const { page, problems } = await open(em);
  // The window the page states is the server's rule (MATCH_DAYS_AFTER_DUE), not words of its own.
  await expect(page.locator('#deposits-why').textContent()).resolves.toContain(
    `to ${MATCH_DAYS_AFTER_DUE} days after it was due`,
  );
  const inv1 = page.locator('.match-invoice[data-invoice-row="2"]');
  await expect(inv1.locator('.match-deposit').allTextContents()).resolves.toEqual([
    expect.stringContaining('ZELLE FROM ACME DESIGN'),
    expect.stringContaining('REMOTE DEPOSIT 1234'),
  ]);
  await expect(inv1.locator('.match-who').textContent()).resolves.toBe(`INV-1 ${ACME}`);
  await expect(page.locator('#deposits b').count()).resolves.toBe(0);
  await expect(page.locator('#owed dd').first().textContent()).resolves.toBe('$4,400.00');

  // "Paid this" asks first; nothing is written until the person confirms.
  await inv1.locator('li').first().getByRole('button', { name: 'Paid this' }).click();
  await expect(inv1.locator('.match-confirm').textContent()).resolves.toContain('Invoice INV-1 paid on Mar 10, 2026?');
  expect(cell(em, 'I2')).toBe('');
  await page.locator('#deposits').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('deposits-confirm'), fullPage: true });

  await inv1.getByRole('button', { name: 'Confirm match' }).click();
  await page.locator('#matched-list').waitFor();
  // The deposit's Import key as the import wrote it: its date, amount and description, then the import's tags.
  expect(cell(em, 'I2')).toMatch(/^2026-03-10\|3900\.00\|zelle from acme design\|/);
  expect(cell(em, 'F2')).toBe('Mar 10, 2026');
  expect(cell(em, 'G2')).toBe('Paid');
  await expect(page.locator('#deposits-status').textContent()).resolves.toBe(
    'Invoice INV-1 is paid by the deposit of Mar 10, 2026.',
  );
  await expect(page.locator('#matched-list li').first().textContent()).resolves.toContain(`INV-1 ${ACME}: paid Mar 10, 2026`);
  await expect(page.locator('.match-invoice[data-invoice-row="2"]').count()).resolves.toBe(0);
  // The totals above follow: INV-1 is no longer owed.
  await page.waitForFunction(() => document.querySelector('#owed dd')?.textContent === '$500.00');
  await page.screenshot({ path: shot('deposits-matched'), fullPage: true });

  await page.locator('#matched-list').getByRole('button', { name: 'Unmatch' }).click();
  await page.locator('.match-invoice[data-invoice-row="2"]').waitFor();
  expect([cell(em, 'F2'), cell(em, 'I2')]).toEqual(['', '']);
  await expect(page.locator('#server-error').textContent()).resolves.toBe('');
  expect(problems).toEqual([]);
  await page.close();
}, 180000);
