/**
 * A UK copywriter's Books in the `npm start` preview, in Chromium (issue 22, problem 3): a UK plan in an en_GB
 * spreadsheet, a statement imported, and the Books sheet as the page draws it: the 2026/27 tax year from 6 April,
 * SA103F boxes, payments on account on 31 January and 31 July, pounds, and no US form. Screenshotted to
 * test-output/e2e/books-uk.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { ISO_LAYOUT_KEY, ISO_MAPPING } from '../support/books';
import { openPreviewPage, type PreviewPage, screenshotPath, TEST_OUTPUT } from '../support/browser';

let opened: PreviewPage;

beforeAll(async () => {
  mkdirSync(join(TEST_OUTPUT, 'e2e'), { recursive: true });
  opened = await openPreviewPage(['--locale=en_GB', '--instant-functions'], { viewport: { width: 3300, height: 900 } });
}, 60000);
afterAll(async () => opened?.close());

async function post(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${opened.preview.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

test('a UK plan\u2019s Books show the 6 April tax year, SA103F boxes and HMRC\u2019s dates in pounds, and no US form', async () => {
  const answers = { ...SAMPLE_ANSWERS, taxCountry: 'uk_england' };
  expect(await post('/api/script-run', { functionName: 'leapBuildPlan', args: [answers] })).toMatchObject({ ok: true });
  const rows = [
    { date: '2026-05-10', description: 'FASTER PAYMENTS RECEIPT ACME LTD', amount: 3000, line: 2 },
    { date: '2026-06-02', description: 'TRAINLINE.COM', amount: -45.5, line: 3 },
    { date: '2026-06-15', description: 'BT GROUP PLC', amount: -38, line: 4 },
    { date: '2026-09-12', description: 'FASTER PAYMENTS RECEIPT NORTHWIND', amount: 2400, line: 5 },
    { date: '2027-01-20', description: 'HMRC SELF ASSESSMENT', amount: -1500, line: 6 },
  ];
  const request = { rows, account: 'Current account', layoutKey: ISO_LAYOUT_KEY, mapping: ISO_MAPPING };
  expect(await post('/api/script-run', { functionName: 'leapImportStatement', args: [request] })).toMatchObject({ ok: true });
  await post('/api/input', { sheet: 'Books', a1: 'B2', input: '2026' });
  await post('/api/input', { sheet: 'Books', a1: 'S5', input: '2027-01-25' });
  await post('/api/activate', { sheet: 'Books' });
  const { page } = opened;
  await page.reload();
  await page.waitForSelector('body[data-renders]');
  const grid = (await page.locator('[data-a1]').allTextContents()).join('\n');
  expect(grid).not.toMatch(/Schedule C|1040|IRS|\$/);
  expect(grid).toContain('UK tax year 2026/27: 6 Apr 2026 to 5 Apr 2027');
  expect(grid).toContain('Box 15');
  expect(grid).toContain('31 Jan 2027');
  expect(grid).toContain('31 Jul 2027');
  expect(grid).toContain('£1,500.00');
  await page.screenshot({ path: screenshotPath('books-uk') });
  // The tax blocks on the right, at a size to read.
  await page.screenshot({ path: screenshotPath('books-uk-tax'), clip: { x: 1500, y: 0, width: 1800, height: 700 } });
  expect(opened.problems).toEqual([]);
}, 120000);
