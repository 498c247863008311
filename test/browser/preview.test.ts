/**
 * The `npm start` preview in Chromium: the sample workbook renders, a Jumpwise formula typed into the formula bar
 * computes (in the grid and in GET /api/spreadsheet), an error explains itself on hover, the Extensions > Jumpwise menu
 * opens the sidebar frame, reset restores the sample, a taken port fails clearly and Ctrl-C stops cleanly.
 */

import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { SAMPLE_ANSWERS } from '../plan/sample';
import {
  freePort,
  launchChromium,
  type PreviewProcess,
  screenshotPath,
  sidebarTitle,
  spawnPreview,
  startPreview,
} from '../support/browser';

interface SpreadsheetJson {
  activeSheet: string;
  sheets: { name: string; cells: Record<string, { value: unknown; formula?: string }> }[];
  namedRanges: Record<string, string>;
  calls: number;
}

let preview: PreviewProcess;
let browser: Browser;
let page: Page;

async function spreadsheetJson(): Promise<SpreadsheetJson> {
  const response = await fetch(`${preview.url}/api/spreadsheet`);
  expect(response.status).toBe(200);
  return (await response.json()) as SpreadsheetJson;
}

function cellOf(json: SpreadsheetJson, sheet: string, a1: string): { value: unknown; formula?: string } | undefined {
  return json.sheets.find((s) => s.name === sheet)?.cells[a1];
}

const cell = (a1: string) => page.locator(`td[data-a1="${a1}"]`);

/** Does what the user does, then waits until the page has drawn the server's answer (body[data-actions] grows). */
async function andRedraw(action: () => Promise<void>): Promise<void> {
  const before = Number((await page.locator('body').getAttribute('data-actions')) ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.actions ?? 0) > n, before, { timeout: 10000 });
}

async function typeInto(a1: string, input: string): Promise<void> {
  await cell(a1).click();
  await page.getByLabel('Formula bar').fill(input);
  await andRedraw(() => page.getByLabel('Formula bar').press('Enter'));
}

beforeAll(async () => {
  [preview, browser] = await Promise.all([startPreview(['--instant-functions']), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
  const offline: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(preview.url)) offline.push(request.url());
  });
  await page.goto(preview.url);
  await page.waitForSelector('body[data-renders]');
  // Nothing may come from the network (no CDN): the page is self-contained.
  expect(offline).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop('SIGKILL');
});

test('the sample workbook opens on the Income sheet with Jumpwise formulas computed and formatted', async () => {
  await expect(page.locator('[data-sheet="Income"]').getAttribute('aria-selected')).resolves.toBe('true');
  await expect(page.locator('thead th').nth(2).textContent()).resolves.toBe('B');
  await expect(page.locator('tbody th').first().textContent()).resolves.toBe('1');
  // 30% of January's 4,200, spilled down from D2 by one TAX_SET_ASIDE call, in the column's $#,##0 format.
  await expect(cell('D2').textContent()).resolves.toBe('$1,260');
  await expect(cell('D13').textContent()).resolves.toBe('$1,650');
  await expect(cell('A2').textContent()).resolves.toBe('Jan 2026');
  const json = await spreadsheetJson();
  expect(json.activeSheet).toBe('Income');
  expect(cellOf(json, 'Income', 'D2')).toEqual({ value: 1260, formula: '=TAX_SET_ASIDE(B2:B13, 30%)' });
  expect(cellOf(json, 'Income', 'D3')).toEqual({ value: 930 });
  await page.screenshot({ path: screenshotPath('preview-sample') });
});

test('a Jumpwise formula typed into the formula bar computes, spills, and reaches /api/spreadsheet', async () => {
  await typeInto('J2', '=TAX_SET_ASIDE(B2:B13, 25%)');
  await expect(cell('J2').textContent()).resolves.toBe('1050');
  await expect(cell('J13').textContent()).resolves.toBe('1375');
  const json = await spreadsheetJson();
  expect(cellOf(json, 'Income', 'J2')).toEqual({ value: 1050, formula: '=TAX_SET_ASIDE(B2:B13, 25%)' });
  expect(cellOf(json, 'Income', 'J13')).toEqual({ value: 1375 });
  // Selecting the cell again shows what was typed, not the result.
  await cell('K1').click();
  await cell('J2').click();
  await expect(page.getByLabel('Formula bar').inputValue()).resolves.toBe('=TAX_SET_ASIDE(B2:B13, 25%)');
  await expect(page.getByLabel('Name box').inputValue()).resolves.toBe('J2');

  // Changing an input recalculates the dependent spill.
  await typeInto('B2', '1,000');
  await expect(cell('J2').textContent()).resolves.toBe('250');
  await expect(cell('D2').textContent()).resolves.toBe('$300');
  await page.screenshot({ path: screenshotPath('preview-formula-bar') });
});

test('an error cell shows its message on hover, naming the function and what to fix', async () => {
  await typeInto('J16', '=TAX_SET_ASIDE(B2, "lots")');
  const shown = await cell('J16').textContent();
  expect(shown).toMatch(/^#/);
  const hover = await cell('J16').getAttribute('title');
  expect(hover).toContain('TAX_SET_ASIDE');
  expect(hover).toMatch(/rate/);
  const json = await spreadsheetJson();
  expect(String(cellOf(json, 'Income', 'J16')?.value)).toContain('TAX_SET_ASIDE');
  // Hovering shows the message in a card beside the cell, as Sheets does.
  await cell('J16').hover();
  await expect(page.getByRole('tooltip').textContent()).resolves.toBe(`Error${hover}`);
  await page.screenshot({ path: screenshotPath('preview-error-hover') });
});

test('Extensions > Jumpwise > Plan my transition… opens the add-on sidebar in a 300-px frame titled by its page', async () => {
  const title = sidebarTitle();
  expect(title).toBeTruthy();
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await andRedraw(() => page.getByRole('menuitem', { name: 'Plan my transition…' }).click());
  await expect(page.locator('#status').textContent()).resolves.toBe('');
  const frame = page.locator(`iframe[title="${title}"]`);
  await frame.waitFor({ timeout: 5000 });
  const box = await frame.boundingBox();
  expect(box?.width).toBe(300);
  // The frame holds the page as built, with google.script.run bridged in.
  const content = page.frameLocator(`iframe[title="${title}"]`);
  await expect(
    content
      .locator('body')
      .evaluate(() => typeof (window as unknown as { google?: { script?: { run?: unknown } } }).google?.script?.run),
  ).resolves.toBe('object');
  await page.screenshot({ path: screenshotPath('preview-sidebar') });
});

test('google.script.run in the sidebar reaches the bundle: success, failure and user object, copied as Google copies them', async () => {
  const title = sidebarTitle();
  const content = page.frameLocator(`iframe[title="${title}"]`);
  const outcome = await content.locator('body').evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        type Run = Record<string, (...args: unknown[]) => Run>;
        const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
        run
          .withFailureHandler((error: unknown, user: unknown) =>
            resolve({ failed: (error as Error).message, user, isError: error instanceof Error }),
          )
          .withUserObject({ step: 3 })
          .leapNoSuchFunction(1, 'two');
      }),
  );
  expect(outcome).toEqual({ failed: 'Script function not found: leapNoSuchFunction', user: { step: 3 }, isError: true });
});

// Google, "Class google.script.run (Client-side API)"
// (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)): "Requests fail if you
// attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types
// inside objects or arrays." JSON would turn the Date into text on its way: the shim refuses it in the page.
test('google.script.run in the sidebar refuses a Date argument, nested, before anything reaches the bundle', async () => {
  const title = sidebarTitle();
  const content = page.frameLocator(`iframe[title="${title}"]`);
  const callsBefore = ((await (await fetch(`${preview.url}/api/view`)).json()) as { calls: number }).calls;
  const outcome = await content.locator('body').evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        type Run = Record<string, (...args: unknown[]) => Run>;
        const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
        run
          .withSuccessHandler(() => resolve({ succeeded: true }))
          .withFailureHandler((error: unknown) => resolve({ name: (error as Error).name, failed: (error as Error).message }))
          .leapSaveDraft({ startDate: new Date(2026, 2, 1) });
      }),
  );
  expect(outcome).toEqual({
    name: 'ScriptError',
    failed: expect.stringContaining('google.script.run.leapSaveDraft: argument 1 holds a Date at .startDate'),
  });
  expect(((await (await fetch(`${preview.url}/api/view`)).json()) as { calls: number }).calls).toBe(callsBefore);
});

test('Extensions > Jumpwise > Help shows a modal dialog that closes again', async () => {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await andRedraw(() => page.getByRole('menuitem', { name: 'Get help' }).click());
  const dialog = page.getByRole('dialog');
  await expect(dialog.isVisible()).resolves.toBe(true);
  const shown = (await (await fetch(`${preview.url}/api/view`)).json()) as { dialog?: { title: string; frameTitle: string } };
  expect(shown.dialog?.title).toBe('Jumpwise help');
  await expect(dialog.locator('h2').textContent()).resolves.toBe('Jumpwise help');
  await expect(dialog.locator('iframe').getAttribute('title')).resolves.toBe(shown.dialog?.frameTitle);
  await page.screenshot({ path: screenshotPath('preview-help-dialog') });
  await andRedraw(() => page.getByRole('button', { name: 'Close dialog' }).click());
  await expect(dialog.isVisible()).resolves.toBe(false);
});

test('building the plan from the sidebar adds its sheet: tab, chart, frozen rows and checkboxes that set TRUE/FALSE', async () => {
  const title = sidebarTitle();
  const content = page.frameLocator(`iframe[title="${title}"]`);
  const built = await content.locator('body').evaluate(
    (_body, answers) =>
      new Promise<unknown>((resolve, reject) => {
        type Run = Record<string, (...args: unknown[]) => Run>;
        const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
        run.withSuccessHandler(resolve).withFailureHandler(reject).leapBuildPlan(answers);
      }),
    SAMPLE_ANSWERS,
  );
  // The result crossed a JSON round trip: plain data, the key numbers as the sheet displays them.
  expect(built).toMatchObject({
    sheetName: 'Transition Plan',
    keyNumbers: expect.arrayContaining([
      { name: 'JW_READY_DATE', label: 'Ready date', display: 'Apr 1, 2027', calculating: false },
    ]),
  });
  // The sidebar's call told the window to redraw: the new tab appears without a reload.
  const tab = page.locator('[data-sheet="Transition Plan"]');
  await tab.waitFor({ timeout: 5000 });
  await andRedraw(() => tab.click());
  await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
  await expect(page.locator('.chart svg polyline').count()).resolves.toBeGreaterThan(0);
  // The money axis is labelled as Google Charts reads the chart's ICU vAxis.format ('$'#,##0): $2,000, not 2,000.
  const axisLabels = await page.locator('.chart svg text').allTextContents();
  expect(axisLabels).toEqual(expect.arrayContaining([expect.stringMatching(/^\$\d{1,3}(,\d{3})*$/)]));
  await expect(page.locator('td.frozen').count()).resolves.toBeGreaterThan(0);

  const boxes = page.locator('td[data-a1] input[type="checkbox"]');
  expect(await boxes.count()).toBeGreaterThan(5);
  const first = boxes.first();
  const a1 = await first.evaluate((box) => (box.closest('td') as HTMLElement).dataset.a1 as string);
  const before = cellOf(await spreadsheetJson(), 'Transition Plan', a1);
  expect(before?.value).toBe(false);
  await andRedraw(() => first.click());
  expect(cellOf(await spreadsheetJson(), 'Transition Plan', a1)?.value).toBe(true);
  await expect(page.locator(`td[data-a1="${a1}"] input`).isChecked()).resolves.toBe(true);
  await page.screenshot({ path: screenshotPath('preview-plan-sheet') });
  await andRedraw(() => page.locator(`td[data-a1="${a1}"] input`).click());
  expect(cellOf(await spreadsheetJson(), 'Transition Plan', a1)?.value).toBe(false);
  await andRedraw(() => page.locator('[data-sheet="Income"]').click());
});

const RUNS_ON = 'A note that runs on over the empty cells to its right';

test('the page draws merged title cells, wrapped spans and frozen rows from the view the server sends', async () => {
  // The renderer on its own: the page is fed a hand-made view, so layouts no sample produces are drawn too.
  const view = (await (await fetch(`${preview.url}/api/view`)).json()) as Record<string, unknown>;
  const drawn = await browser.newPage({ viewport: { width: 900, height: 400 } });
  try {
    await drawn.route('**/api/view', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ...view,
          sidebar: undefined,
          dialog: undefined,
          active: {
            name: 'Layout',
            rows: 12,
            columns: 6,
            frozenRows: 2,
            columnWidths: [120, 100, 100, 100, 100, 100],
            cells: {
              A1: {
                display: 'Plan title across three columns',
                input: 'Plan title across three columns',
                align: 'left',
                bold: true,
              },
              A3: { display: 'Two rows', input: 'Two rows', align: 'left' },
              B3: { display: 'Done', input: 'TRUE', align: 'center', checked: true },
              A6: { display: RUNS_ON, input: RUNS_ON, align: 'left' },
              C6: { display: 'Filled', input: 'Filled', align: 'left' },
              A8: { display: RUNS_ON, input: RUNS_ON, align: 'left' },
            },
            merges: [
              { a1: 'A1', rows: 1, columns: 3 },
              { a1: 'A3', rows: 2, columns: 1 },
            ],
            charts: [],
          },
        }),
      }),
    );
    await drawn.goto(preview.url);
    await drawn.waitForSelector('body[data-renders]');
    const title = drawn.locator('td[data-a1="A1"]');
    await expect(title.getAttribute('colspan')).resolves.toBe('3');
    await expect(drawn.locator('td[data-a1="B1"], td[data-a1="C1"], td[data-a1="A4"]').count()).resolves.toBe(0);
    await expect(drawn.locator('td[data-a1="A3"]').getAttribute('rowspan')).resolves.toBe('2');
    await expect(drawn.locator('td[data-a1="D1"]').count()).resolves.toBe(1);
    await expect(drawn.locator('td[data-a1="B3"] input[type="checkbox"]').isChecked()).resolves.toBe(true);
    // The merged title is as wide as its three columns.
    expect((await title.boundingBox())?.width).toBeCloseTo(320, -1);
    await expect(drawn.locator('td.frozen[data-a1="A2"]').count()).resolves.toBe(1);
    // Text runs on over the empty B6 and is cut off where C6 is filled, as Sheets draws it; with nothing filled to
    // its right, A8 runs on past B8.
    const runsOn = await drawn.evaluate(() => {
      const box = (a1: string) => (document.querySelector(`td[data-a1="${a1}"]`) as HTMLElement).getBoundingClientRect();
      const span = (a1: string) => (document.querySelector(`td[data-a1="${a1}"] > span`) as HTMLElement).getBoundingClientRect();
      const filled = box('C6');
      const atFilled = document.elementFromPoint(filled.left + 10, filled.top + filled.height / 2);
      return {
        cutAtFilled: span('A6').right <= filled.left + 1 && span('A6').right > box('B6').left,
        filledShows: atFilled?.closest('td')?.getAttribute('data-a1'),
        runsPastEmpty: span('A8').right > box('C8').left,
      };
    });
    expect(runsOn).toEqual({ cutAtFilled: true, filledShows: 'C6', runsPastEmpty: true });
    await drawn.screenshot({ path: screenshotPath('preview-merged-cells') });
  } finally {
    await drawn.close();
  }
});

test('Reset restores the sample workbook, and POST /api/reset does the same', async () => {
  await andRedraw(() => page.getByRole('button', { name: 'Reset sample' }).click());
  await expect(cell('J2').textContent()).resolves.toBe('');
  await expect(cell('D2').textContent()).resolves.toBe('$1,260');
  await typeInto('J2', 'note to self');
  expect(cellOf(await spreadsheetJson(), 'Income', 'J2')).toEqual({ value: 'note to self' });
  const response = await fetch(`${preview.url}/api/reset`, { method: 'POST' });
  expect(response.status).toBe(200);
  expect(cellOf(await spreadsheetJson(), 'Income', 'J2')).toBeUndefined();
});

test('--empty starts with a blank spreadsheet that still has the Jumpwise menu; Ctrl-C stops it cleanly', async () => {
  const blank = await startPreview(['--empty', '--instant-functions']);
  try {
    const json = (await (await fetch(`${blank.url}/api/spreadsheet`)).json()) as SpreadsheetJson;
    expect(json.sheets.every((s) => Object.keys(s.cells).length === 0)).toBe(true);
    const view = (await (await fetch(`${blank.url}/api/view`)).json()) as { menus: { name: string; items: unknown[] }[] };
    expect(view.menus.map((m) => m.name)).toEqual(['Jumpwise']);
  } finally {
    const exit = await blank.stop('SIGINT');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(blank.output()).toMatch(/SIGINT: stopping the preview/);
  }
});

test('a taken port gives a clear message and a non-zero exit', async () => {
  const port = await freePort();
  const squatter: Server = createServer();
  await new Promise<void>((resolve) => squatter.listen(port, resolve));
  try {
    const second = spawnPreview({ port });
    second.ready.catch(() => undefined);
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.output()).toContain(`Port ${port} is already in use`);
  } finally {
    await new Promise((resolve) => squatter.close(resolve));
  }
});

test('the preview answers only its own pages on this machine: a foreign Origin or Host gets 403', async () => {
  // node:http, since fetch will not let a caller set Host.
  const status = (method: string, path: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${preview.url}${path}`, { method, headers }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
  expect(await status('POST', '/api/reset', { Origin: 'http://example.invalid' })).toBe(403);
  expect(await status('GET', '/api/spreadsheet', { Host: 'attacker.example' })).toBe(403);
  expect(await status('GET', '/api/spreadsheet', {})).toBe(200);
});
