/**
 * The preview runs custom functions as Sheets does by default: each custom-function cell is its own execution and
 * shows "Loading..." until its result arrives. Google, "Custom Functions in Google Sheets"
 * (https://developers.google.com/apps-script/guides/sheets/functions).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, type PreviewProcess, startPreview } from '../support/browser';

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

const cell = (a1: string) => page.locator(`td[data-a1="${a1}"]`);

beforeAll(async () => {
  [preview, browser] = await Promise.all([startPreview(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
  await page.goto(preview.url);
  await page.waitForSelector('body[data-renders]');
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop('SIGKILL');
});

test('a Jumpwise formula typed in shows "Loading..." in the grid, then its value once its execution returns', async () => {
  // The sample's own Jumpwise formulas settle first (about a second per execution, real time).
  await page.waitForFunction(() => document.querySelector('td[data-a1="D2"]')?.textContent === '$1,260', null, {
    timeout: 10000,
  });
  // Every text J2 shows, in order: on a busy machine the result may arrive before a test could look.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenJ2: string[] }).seenJ2 = seen;
    new MutationObserver(() => {
      const text = document.querySelector('td[data-a1="J2"]')?.textContent ?? '';
      if (seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await cell('J2').click();
  await page.getByLabel('Formula bar').fill('=TAX_SET_ASIDE(B2:B13, 25%)');
  await page.getByLabel('Formula bar').press('Enter');
  // The page asks again while executions run; the result spills in when it arrives.
  await page.waitForFunction(() => document.querySelector('td[data-a1="J2"]')?.textContent === '1050', null, {
    timeout: 10000,
  });
  const seen = await page.evaluate(() => (window as unknown as { seenJ2: string[] }).seenJ2);
  expect(seen.filter((t) => t !== '')).toEqual(['Loading...', '1050']);
  await expect(cell('J13').textContent()).resolves.toBe('1375');
});
