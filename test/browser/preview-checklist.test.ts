/**
 * The checklist survives Build again in the `npm start` preview, in Chromium: a person ticks three boxes on the
 * plan's grid and types a note, opens the sidebar again and builds, and the same three items are still ticked and
 * the note reads as typed.
 *
 * The emulator behind the preview resets a range to false when checkboxes are inserted, as Google's Range reference
 * says (insertCheckboxes(): "Sets the value of all cells in the range to false",
 * https://developers.google.com/apps-script/reference/spreadsheet/range#insertcheckboxes), and reads text written by
 * setValues as typed input in the spreadsheet's locale (Sheets API ValueInputOption USER_ENTERED, "parsed as if the
 * user typed them into the UI", https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption). A plan
 * that wrote its ticks before the boxes, or its notes as bare text, loses them here as it would on Sheets.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { STEPS } from '../../src/plan/answers';
import { CHECKLIST_HEADER } from '../../src/plan/layout';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { openPreviewPage, type PreviewPage, screenshotPath, sidebarTitle } from '../support/browser';

interface SpreadsheetJson {
  sheets: { name: string; cells: Record<string, { value: unknown; formula?: string }> }[];
}

const PLAN = 'Transition Plan';

let opened: PreviewPage;
let page: Page;

async function planCells(): Promise<Record<string, { value: unknown }>> {
  const response = await fetch(`${opened.preview.url}/api/spreadsheet`);
  expect(response.status).toBe(200);
  const json = (await response.json()) as SpreadsheetJson;
  const sheet = json.sheets.find((s) => s.name === PLAN);
  if (!sheet) throw new Error(`no sheet ${PLAN}`);
  return sheet.cells;
}

/** Checklist rows by item id, found through the header row as Jumpwise itself finds them. */
function checklistRows(cells: Record<string, { value: unknown }>): Map<string, number> {
  const column = (header: (typeof CHECKLIST_HEADER)[number]) => {
    const found = Object.entries(cells).find(([, c]) => c.value === header && CHECKLIST_HEADER.includes(header));
    return found ? { letter: found[0].replace(/\d+$/, ''), row: Number(found[0].replace(/^[A-Z]+/, '')) } : undefined;
  };
  const id = column('Item id');
  if (!id) throw new Error('no checklist header');
  const rows = new Map<string, number>();
  for (const [a1, c] of Object.entries(cells)) {
    const row = Number(a1.replace(/^[A-Z]+/, ''));
    if (a1.replace(/\d+$/, '') === id.letter && row > id.row && typeof c.value === 'string' && c.value !== '')
      rows.set(c.value, row);
  }
  return rows;
}

/** Does something in the spreadsheet window, then waits until the page has drawn the server's answer. */
async function andRedraw(action: () => Promise<void>): Promise<void> {
  const before = Number((await page.locator('body').getAttribute('data-actions')) ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.actions ?? 0) > n, before, { timeout: 10000 });
}

async function openSidebar(): Promise<FrameLocator> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await andRedraw(() => page.getByRole('menuitem', { name: 'Plan my transition…' }).click());
  await page.locator(`iframe[title="${sidebarTitle()}"]`).waitFor({ timeout: 5000 });
  return page.frameLocator(`iframe[title="${sidebarTitle()}"]`);
}

beforeAll(async () => {
  opened = await openPreviewPage([], { viewport: { width: 1360, height: 820 } });
  page = opened.page;
}, 60000);

afterAll(async () => {
  await opened?.close();
});

test('three boxes ticked on the grid and a typed note are still there after Build again', async () => {
  // The first plan, by the two calls the wizard's Build plan makes (save the draft, build), sent the way the
  // sidebar's google.script.run sends them; the draft lets the wizard open on its last step next time.
  for (const functionName of ['leapSaveDraft', 'leapBuildPlan']) {
    const response = await fetch(`${opened.preview.url}/api/script-run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionName, args: [SAMPLE_ANSWERS] }),
    });
    expect([functionName, response.status, ((await response.json()) as { ok: boolean }).ok]).toEqual([functionName, 200, true]);
  }
  await page.reload();
  await page.waitForSelector('body[data-renders]');
  const tab = page.locator(`[data-sheet="${PLAN}"]`);
  await tab.waitFor({ timeout: 10000 });
  await andRedraw(() => tab.click());

  const before = await planCells();
  const rows = checklistRows(before);
  const unticked = [...rows].filter(([, row]) => before[`B${row}`]?.value === false).slice(0, 3);
  expect(unticked).toHaveLength(3);
  for (const [, row] of unticked) await andRedraw(() => page.locator(`td[data-a1="B${row}"] input[type="checkbox"]`).click());
  const noteRow = unticked[0][1];
  await page.locator(`td[data-a1="D${noteRow}"]`).click();
  await page.getByLabel('Formula bar').fill('Mar 3');
  await andRedraw(() => page.getByLabel('Formula bar').press('Enter'));
  const ticked = await planCells();
  for (const [, row] of unticked) expect(ticked[`B${row}`]?.value).toBe(true);

  // Build again, as a person does: the sidebar opened again reads the plan and its last step builds.
  const again = await openSidebar();
  await again.locator('#progress-text', { hasText: `Step ${STEPS.length} of ${STEPS.length}` }).waitFor({ timeout: 10000 });
  await again.locator('#next').click();
  await again.locator('#open-plan').waitFor({ timeout: 20000 });

  const after = await planCells();
  const rowsAfter = checklistRows(after);
  for (const [id] of unticked) expect([id, after[`B${rowsAfter.get(id)}`]?.value]).toEqual([id, true]);
  expect(after[`D${rowsAfter.get(unticked[0][0])}`]?.value).toBe('Mar 3');
  // Only those three changed: every other item is as the first build left it.
  for (const [id, row] of rows) {
    if (unticked.some(([t]) => t === id)) continue;
    expect([id, after[`B${rowsAfter.get(id)}`]?.value]).toEqual([id, before[`B${row}`]?.value]);
  }
  await andRedraw(() => page.locator(`[data-sheet="${PLAN}"]`).click());
  for (const [id] of unticked) {
    await expect(page.locator(`td[data-a1="B${rowsAfter.get(id)}"] input[type="checkbox"]`).isChecked()).resolves.toBe(true);
  }
  await expect(page.locator(`td[data-a1="D${rowsAfter.get(unticked[0][0])}"]`).textContent()).resolves.toBe('Mar 3');
  await page.screenshot({ path: screenshotPath('preview-checklist-after-build-again') });
  expect(opened.problems).toEqual([]);
}, 90000);
