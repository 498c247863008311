/**
 * The UK and the Canadian plan built through the `npm start` preview in Chromium: the wizard answers "Where do you
 * pay tax?", the plan shows the country's first big tax payment, and the whole sheet is screenshotted to
 * test-output/e2e/ (look at them).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { FIELDS, type FieldName, STEPS } from '../../src/plan/answers';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { launchChromium, type PreviewProcess, screenshotPath, startPreview, TEST_OUTPUT } from '../support/browser';

interface SpreadsheetJson {
  sheets: { name: string; cells: Record<string, { value: unknown; formula?: string }> }[];
  namedRanges: Record<string, string>;
}

let preview: PreviewProcess;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** A fresh preview per country: the second wizard would otherwise open on the first plan's answers. */
async function start(): Promise<void> {
  await browser?.close();
  await preview?.stop('SIGKILL');
  [preview, browser] = await Promise.all([startPreview(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1360, height: 1400 } });
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(preview.url);
  await page.waitForSelector('body[data-renders]');
}

beforeAll(() => mkdirSync(join(TEST_OUTPUT, 'e2e'), { recursive: true }));

afterAll(async () => {
  await browser?.close();
  await preview?.stop('SIGKILL');
});

async function openWizard(): Promise<FrameLocator> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Leap' }).click();
  await page.getByRole('menuitem', { name: 'Plan my transition…' }).click();
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('#next').waitFor();
  return frame;
}

async function fill(sidebar: FrameLocator, answers: Record<string, unknown>): Promise<void> {
  for (const [index, step] of STEPS.entries()) {
    for (const name of step.fields as readonly FieldName[]) {
      if (!(name in answers)) continue;
      const field = sidebar.locator(`[name="${name}"]`).first();
      if (!(await field.isVisible())) continue;
      const value = answers[name];
      const kind = FIELDS[name].kind;
      if (kind === 'choice' || kind === 'scale')
        await sidebar.locator(`input[type="radio"][name="${name}"][value="${String(value)}"]`).check();
      else if (kind === 'boolean') await sidebar.locator(`input[name="${name}"]`).setChecked(value === true);
      else if (kind === 'percent') await field.fill(String(Math.round((value as number) * 10000) / 100));
      else await field.fill(String(value));
    }
    if (index < STEPS.length - 1) await sidebar.locator('#next').click();
  }
  await sidebar.locator('#next').click();
  await sidebar.locator('#open-plan').waitFor({ timeout: 30000 });
}

async function namedValue(name: string): Promise<unknown> {
  const json = (await (await fetch(`${preview.url}/api/spreadsheet`)).json()) as SpreadsheetJson;
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(json.namedRanges[name] ?? '');
  if (!m) throw new Error(`no named range ${name}`);
  return json.sheets.find((s) => s.name === m[1])?.cells[`${m[2]}${m[3]}`]?.value;
}

test.each([
  ['uk', { taxCountry: 'uk_england' }, '-01-31', 'Where you pay tax'],
  ['canada', { taxCountry: 'canada', stateTaxRate: 0.1 }, '-04-30', 'Provincial income tax rate'],
])(
  'the %s plan through the preview: its first big tax payment and calendar',
  async (id, changes, dueDay, row) => {
    await start();
    const sidebar = await openWizard();
    await fill(sidebar, { ...SAMPLE_ANSWERS, startDate: '2024-09-01', ...changes });
    await expect(sidebar.locator('#server-error').textContent()).resolves.toBe('');
    const amount = await namedValue('LEAP_FIRST_BIG_TAX_PAYMENT');
    expect(typeof amount).toBe('number');
    expect(amount as number).toBeGreaterThan(1000);
    expect(String(await namedValue('LEAP_FIRST_BIG_TAX_DATE')).slice(4, 10)).toBe(dueDay);
    await page.locator('[data-sheet="Transition Plan"]').click();
    await expect(page.getByText(row, { exact: true }).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath(join('e2e', `country-${id}`)), fullPage: true });
    expect(problems).toEqual([]);
  },
  120000,
);
