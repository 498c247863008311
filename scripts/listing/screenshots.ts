/**
 * The listing's screenshots (1280x800, the Marketplace's size: developers.google.com/workspace/marketplace/
 * create-listing, "Graphic assets"), taken in Chromium from the `npm start` preview running the built dist/, so they
 * show the add-on as it is now: the wizard, the plan it builds, Books after a statement import, and invoices.
 * Run by `npm run listing:screenshots` (scripts/listing.mjs bundles this file first).
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { PRODUCT_NAME } from '../../src/brand';
import { SAMPLE_ANSWERS } from '../../test/plan/sample';
import { openPreviewPage, type PreviewPage } from '../../test/support/browser';

const VIEWPORT = { width: 1280, height: 800 };

/** Each screenshot's file, in listing.json's order. */
export const SCREENSHOTS = {
  plan: 'listing/screenshot-1-plan.png',
  wizard: 'listing/screenshot-2-wizard.png',
  books: 'listing/screenshot-3-books.png',
  invoices: 'listing/screenshot-4-invoices.png',
} as const;

/** Does something in the spreadsheet window, then waits until the page has drawn the server's answer. */
async function andRedraw(page: Page, action: () => Promise<void>): Promise<void> {
  const before = Number((await page.locator('body').getAttribute('data-actions')) ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.actions ?? 0) > n, before, { timeout: 20000 });
}

async function menu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: PRODUCT_NAME }).click();
  await andRedraw(page, () => page.getByRole('menuitem', { name: item }).click());
}

/** A google.script.run call, as the sidebar makes it, through the preview's API. */
async function scriptRun(opened: PreviewPage, functionName: string, args: unknown[]): Promise<unknown> {
  const response = await fetch(`${opened.preview.url}/api/script-run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionName, args }),
  });
  const answer = (await response.json()) as { ok?: boolean; error?: string };
  if (!response.ok || answer.error) throw new Error(`${functionName}: ${answer.error ?? response.status}`);
  return answer;
}

/** A cell typed as a person types it, through the preview's API. */
async function input(opened: PreviewPage, sheet: string, a1: string, text: string): Promise<void> {
  const response = await fetch(`${opened.preview.url}/api/input`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sheet, a1, input: text }),
  });
  const answer = (await response.json()) as { error?: string };
  if (!response.ok || answer.error) throw new Error(`${sheet}!${a1} = ${text}: ${answer.error ?? response.status}`);
}

async function redrawn(page: Page): Promise<void> {
  await page.reload();
  await page.waitForSelector('body[data-renders]');
}

/**
 * Shrinks the grid (CSS zoom) just enough that every column holding something is in view: the Invoices sheet's summary
 * (what is owed, the aging table) sits to the right of the list and would otherwise be cut off at 1280 px.
 */
async function fitUsedColumns(page: Page, lastColumn: string): Promise<void> {
  await page.evaluate((column) => {
    const scroller = document.getElementById('grid-scroll') as HTMLElement;
    const header = document.querySelector(`#grid th[data-column="${column}"]`) as HTMLElement | null;
    if (!header) throw new Error(`the grid has no column ${column}`);
    const right = header.getBoundingClientRect().right - scroller.getBoundingClientRect().left + scroller.scrollLeft;
    const zoom = Math.min(1, (scroller.clientWidth - 8) / right);
    (document.getElementById('grid') as HTMLElement).style.zoom = String(zoom);
  }, lastColumn);
}

async function frameTitled(page: Page, title: string): Promise<Frame> {
  const frame = await (await page.locator(`iframe[title="${title}"]`).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame titled ${title}`);
  return frame;
}

const iso = (day: Date): string => day.toISOString().slice(0, 10);
const daysAgo = (days: number): string => iso(new Date(Date.now() - days * 86_400_000));

export async function takeListingScreenshots(root: string): Promise<string[]> {
  const opened = await openPreviewPage(['--instant-functions'], { viewport: VIEWPORT, locale: 'en-US', timeoutMs: 20000 });
  const { page } = opened;
  const shot = async (file: string): Promise<string> => {
    await page.screenshot({ path: join(root, file) });
    return file;
  };
  const taken: string[] = [];
  try {
    // The preview's own controls (its call counter, Reset sample) are not part of the add-on.
    const hidePreviewControls = () => page.addStyleTag({ content: '.titlebar .actions{visibility:hidden}' });
    await hidePreviewControls();

    // ---- The wizard on its earnings step, with the sample person's answers (the review's Edit link goes there).
    await scriptRun(opened, 'leapSaveDraft', [SAMPLE_ANSWERS]);
    await menu(page, 'Plan my transition…');
    const wizardTitle = `${PRODUCT_NAME}: plan my transition`;
    let wizard = await frameTitled(page, wizardTitle);
    await wizard
      .getByRole('link', { name: 'Edit Earnings and taxes' })
      .or(wizard.getByRole('button', { name: 'Edit Earnings and taxes' }))
      .click();
    await wizard.locator('#step-title', { hasText: 'Earnings and taxes' }).waitFor();
    taken.push(await shot(SCREENSHOTS.wizard));

    // ---- The plan those answers build, the wizard beside it.
    await scriptRun(opened, 'leapBuildPlan', [SAMPLE_ANSWERS]);
    await redrawn(page);
    await hidePreviewControls();
    wizard = await frameTitled(page, wizardTitle);
    await wizard.locator('#step-title').waitFor();
    taken.push(await shot(SCREENSHOTS.plan));

    // ---- Books: a January-to-August statement imported through the import page.
    await andRedraw(page, () => page.locator('#sidebar-close').click());
    await menu(page, 'Import bank statement…');
    const importPage = await frameTitled(page, `${PRODUCT_NAME}: import a bank statement`);
    await importPage.waitForFunction(() => performance.getEntriesByName('leap-import-interactive').length > 0);
    await importPage.setInputFiles('#statement-file', join(root, 'test', 'books', 'fixtures', 'chase-jan-aug-2026.csv'));
    await importPage.waitForFunction(() => !(document.getElementById('import-button') as HTMLButtonElement).disabled);
    await importPage.fill('#account', 'Checking');
    await importPage.click('#import-button');
    await importPage.locator('#import-message').waitFor();
    await andRedraw(page, () => page.locator('#dialog-close').click());
    await andRedraw(page, () => page.locator('[data-sheet="Books"]').click());
    taken.push(await shot(SCREENSHOTS.books));

    // ---- Invoices: five invoices for three clients, as of today.
    await menu(page, 'Set up invoices');
    const invoices: string[][] = [
      ['INV-031', 'Northwind Studio', daysAgo(95), '', '2,400', daysAgo(70)],
      ['INV-034', 'Heron Media', daysAgo(130), '', '3,200', ''],
      ['INV-036', 'Calder & Finch', daysAgo(60), daysAgo(45), '760', ''],
      ['INV-038', 'Northwind Studio', daysAgo(35), '', '1,125.50', ''],
      ['INV-040', 'Heron Media', daysAgo(20), '', '1,850', ''],
    ];
    for (const [r, row] of invoices.entries()) {
      for (const [c, text] of row.entries()) if (text) await input(opened, 'Invoices', `${'ABCDEF'[c]}${r + 2}`, text);
    }
    await input(opened, 'Invoices', 'K13', 'Northwind Studio');
    await redrawn(page);
    await hidePreviewControls();
    await andRedraw(page, () => page.locator('[data-sheet="Invoices"]').click());
    await fitUsedColumns(page, 'L');
    taken.push(await shot(SCREENSHOTS.invoices));
    if (opened.problems.length) throw new Error(`the page reported: ${opened.problems.join('; ')}`);
  } finally {
    await opened.close();
  }
  return taken;
}
