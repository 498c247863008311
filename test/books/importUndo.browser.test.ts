/**
 * The built import page (dist/Import.html) in Chromium at the dialog's size, its google.script.run forwarding to the
 * built bundle on the emulator (test/support/scriptRunBridge.ts): "Undo last import" removes the rows the page just
 * imported, asks first about rows changed since, keeps its buttons off while it runs; and the preview shows dates and
 * amounts in the spreadsheet's style, not the browser's language. Screenshots in test-output/import-undo/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { type Emulator, loadDist } from '../../emulator/src';
import { importStatement, statementRows } from '../support/books';
import { launchChromium, screenshotPath, TEST_OUTPUT } from '../support/browser';
import { createLeapEmulator } from '../support/emulator';
import { openPageOnEmulator, type PageOnEmulator } from '../support/scriptRunBridge';

const PAGE_FILE = join(__dirname, '..', '..', 'dist', 'Import.html');
const YEAR = new Date().getUTCFullYear();
const DIALOG = { width: 760, height: 600 };

function shot(name: string): string {
  mkdirSync(join(TEST_OUTPUT, 'import-undo'), { recursive: true });
  return screenshotPath(`import-undo/${name}`);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type Opened = PageOnEmulator;

async function open(em: Emulator, options: { locale?: string; slow?: Record<string, number> } = {}): Promise<Opened> {
  const opened = await openPageOnEmulator(browser, PAGE_FILE, em, { viewport: DIALOG, ...options });
  await opened.page.waitForFunction(() => performance.getEntriesByName('leap-import-interactive').length > 0);
  return opened;
}

const fresh = (locale = 'en_US'): Emulator => {
  const em = createLeapEmulator({ timeZone: 'UTC', locale });
  loadDist(em);
  return em;
};

const ledgerDescriptions = (em: Emulator): string[] => {
  const sheet = em.workbook.getSheetByName('Ledger')!;
  return sheet
    .getRange(2, 2, Math.max(1, sheet.getLastRow() - 1), 1)
    .getValues()
    .map((r) => String(r[0]))
    .filter((d) => d !== '');
};
const booksFigures = (em: Emulator) =>
  ['JW_BOOKS_INCOME', 'JW_BOOKS_EXPENSES', 'JW_BOOKS_PROFIT_YTD'].map((n) => em.workbook.getRangeByName(n)!.getValues());

const SECOND_CSV = [
  'Date,Description,Amount',
  `${YEAR}-04-01,STRIPE PAYOUT,1800`,
  `${YEAR}-04-03,CORNER DELI,-18.50`,
  `${YEAR}-04-07,ZELLE FROM ACME LLC,950`,
  `${YEAR}-04-09,GITHUB,-4`,
].join('\n');

test('Undo last import removes the rows the page imported, asks first about rows changed since, buttons off while it runs', async () => {
  const em = fresh();
  const row = statementRows();
  importStatement(em, [row(`${YEAR}-03-02`, 'STRIPE PAYOUT', 2400), row(`${YEAR}-03-05`, 'ADOBE CREATIVE', -55)]);
  const before = booksFigures(em);
  const { page, problems, calls } = await open(em, { slow: { leapUndoLastImport: 700 } });
  const lastLine = page.locator('#last-import-text');
  await lastLine.getByText(`Last import: 2 rows into Checking, Mar 2, ${YEAR} to Mar 5, ${YEAR}.`).waitFor();
  expect(calls[0]).toBe('leapGetImportPage');

  await page.fill('#statement-text', SECOND_CSV);
  await page.fill('#account', 'Savings');
  await page.locator('#import-button').getByText('Import 4 rows').click();
  await page.locator('#import-message').waitFor();
  await lastLine.getByText(`Last import: 4 rows into Savings, Apr 1, ${YEAR} to Apr 9, ${YEAR}.`).waitFor();
  expect(ledgerDescriptions(em)).toEqual([
    'STRIPE PAYOUT',
    'ADOBE CREATIVE',
    'STRIPE PAYOUT',
    'CORNER DELI',
    'ZELLE FROM ACME LLC',
    'GITHUB',
  ]);
  expect(booksFigures(em)).not.toEqual(before);

  await page.locator('#undo-button').click();
  // While the undo runs, neither it nor an import can start.
  expect(await page.locator('#undo-button').isDisabled()).toBe(true);
  expect(await page.locator('#import-button').isDisabled()).toBe(true);
  const message = page.locator('#undo-message');
  await message.waitFor();
  expect(await message.textContent()).toBe(
    'Removed the 4 rows of the last import from the Ledger; the Books totals no longer count them. Nothing else was touched.',
  );
  expect(ledgerDescriptions(em)).toEqual(['STRIPE PAYOUT', 'ADOBE CREATIVE']);
  expect(booksFigures(em)).toEqual(before);
  // Only the last import is kept: nothing more to undo; the statement can be imported again.
  expect(await page.locator('#undo-button').isHidden()).toBe(true);
  expect(await page.locator('#import-button').isEnabled()).toBe(true);
  // The result is in view without scrolling.
  const box = await message.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(DIALOG.height);
  await page.screenshot({ path: shot('undone') });

  // Imported again, then a category set and a note typed in the Ledger: the undo asks before removing them.
  await page.locator('#import-button').getByText('Import 4 rows').click();
  await lastLine.getByText(/Last import: 4 rows into Savings/).waitFor();
  await page.locator('#undo-button').waitFor();
  em.enterInput('Ledger', 'D5', 'Meals');
  em.enterInput('Ledger', 'F7', 'team lunch');
  await page.locator('#undo-button').click();
  const question = page.locator('#undo-question');
  await question.waitFor();
  expect(await question.textContent()).toBe(
    '2 rows of the last import were changed in the Ledger since: row 5 (category); row 7 (notes). Undo removes them ' +
      'with the rest of the import, and what you typed there is lost. Nothing has been removed yet.',
  );
  expect(ledgerDescriptions(em)).toHaveLength(6);
  await page.screenshot({ path: shot('asks') });
  await page.locator('#undo-confirm-button').getByText('Remove all 2 changed rows too').click();
  await page
    .locator('#undo-message')
    .getByText('Removed the 4 rows of the last import from the Ledger, 2 rows you had changed among them;', { exact: false })
    .waitFor();
  expect(ledgerDescriptions(em)).toEqual(['STRIPE PAYOUT', 'ADOBE CREATIVE']);
  expect(booksFigures(em)).toEqual(before);
  expect(problems).toEqual([]);
  await page.close();
});

test('a failed undo is shown in words and changes nothing; Keep everything removes nothing', async () => {
  const em = fresh();
  const row = statementRows();
  importStatement(em, [row(`${YEAR}-03-02`, 'STRIPE PAYOUT', 2400), row(`${YEAR}-03-05`, 'ADOBE', -55)]);
  const { page, problems } = await open(em);
  await page.locator('#undo-button').waitFor();
  // Another import made after the page opened: the page's undo is refused, nothing removed.
  importStatement(em, [row(`${YEAR}-03-09`, 'GITHUB', -4)]);
  await page.locator('#undo-button').click();
  await page.locator('#import-error').getByText('Nothing was removed: Another import was made since this page opened').waitFor();
  expect(ledgerDescriptions(em)).toEqual(['STRIPE PAYOUT', 'ADOBE', 'GITHUB']);
  await page.close();

  const reopened = await open(em);
  em.enterInput('Ledger', 'D4', 'Meals');
  await reopened.page.locator('#undo-button').click();
  await reopened.page.locator('#undo-cancel-button').click();
  await reopened.page.getByText('Kept: nothing was removed.').waitFor();
  expect(ledgerDescriptions(em)).toEqual(['STRIPE PAYOUT', 'ADOBE', 'GITHUB']);
  expect(await reopened.page.locator('#undo-button').isVisible()).toBe(true);
  expect([...problems, ...reopened.problems]).toEqual([]);
  await reopened.page.close();
});

describe('the preview shows dates and amounts as the spreadsheet does, whatever the browser’s language', () => {
  const CSV = ['Date,Description,Amount', '2027-07-01,STRIPE PAYOUT,1234.56', '2027-07-14,ADOBE,-54.99'].join('\n');
  test.each([
    ['en_US', 'Jul 1, 2027', 'Jul 14, 2027', '1,234.56', '-54.99'],
    ['en_GB', '1 Jul 2027', '14 Jul 2027', '1,234.56', '-54.99'],
    ['de_DE', '01.07.2027', '14.07.2027', '1.234,56', '-54,99'],
  ])('%s, in a browser set to Japanese', async (locale, first, second, income, cost) => {
    const { page, problems, calls } = await open(fresh(locale), { locale: 'ja-JP' });
    expect(await page.evaluate(() => navigator.language)).toBe('ja-JP');
    await page.fill('#statement-text', CSV);
    await page.locator('#preview-rows tr').first().waitFor();
    const cells = await page
      .locator('#preview-rows tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expect(cells).toEqual([
      [first, 'STRIPE PAYOUT', income],
      [second, 'ADOBE', cost],
    ]);
    expect(await page.locator('#statement-summary').textContent()).toBe(`2 rows, ${first} to ${second}.`);
    // The style came with the page's first call, before anything was drawn.
    expect(calls[0]).toBe('leapGetImportPage');
    if (locale === 'de_DE') {
      // The whole page, footer below the preview (a full-page capture would draw the fixed footer over it).
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: DIALOG.width, height: height + 80 });
      await page.screenshot({ path: shot('preview-de_DE') });
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
