/**
 * The UK and the Canadian plan built through the `npm start` preview in Chromium, each in a spreadsheet of the
 * country's locale (en_GB, en_CA): the wizard's "Where do you pay tax?" starts on that country, the plan shows
 * the country's largest tax payment in the locale's money, and the sheet is screenshotted to test-output/e2e/
 * (the README's pictures, docs/plan-uk.png and docs/plan-canada.png, are copies of them).
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
/** Saving starts this month, as it would for someone planning today: the pictures in the README show a plan made now. */
const THIS_MONTH = `${new Date().toISOString().slice(0, 7)}-01`;

/** A fresh preview per country, in that country's spreadsheet locale (the session's --locale option). */
async function start(locale: string): Promise<void> {
  await browser?.close();
  await preview?.stop('SIGKILL');
  [preview, browser] = await Promise.all([startPreview([`--locale=${locale}`, '--instant-functions']), launchChromium()]);
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
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await page.getByRole('menuitem', { name: 'Plan my transition…' }).click();
  const frame = page.frameLocator('#sidebar-frame');
  await frame.locator('#next').waitFor();
  return frame;
}

/** Answers the wizard step by step; `before` looks at each step as it opens, before anything is typed. */
async function fill(
  sidebar: FrameLocator,
  answers: Record<string, unknown>,
  before: (stepId: string) => Promise<void> = async () => {},
): Promise<void> {
  for (const [index, step] of STEPS.entries()) {
    await before(step.id);
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

/** Where a named range points: the sheet and the A1 of its cell. */
async function namedCell(name: string): Promise<{ sheet: string; a1: string; json: SpreadsheetJson }> {
  const json = (await (await fetch(`${preview.url}/api/spreadsheet`)).json()) as SpreadsheetJson;
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(json.namedRanges[name] ?? '');
  if (!m) throw new Error(`no named range ${name}`);
  return { sheet: m[1], a1: `${m[2]}${m[3]}`, json };
}

async function namedValue(name: string): Promise<unknown> {
  const { sheet, a1, json } = await namedCell(name);
  return json.sheets.find((s) => s.name === sheet)?.cells[a1]?.value;
}

/** What the grid in the page shows in a named cell of the open sheet. */
async function namedShown(name: string): Promise<string> {
  const { a1 } = await namedCell(name);
  return ((await page.locator(`[data-a1="${a1}"]`).first().textContent()) ?? '').trim();
}

test.each([
  {
    id: 'uk',
    locale: 'en_GB',
    country: 'uk_england',
    changes: {},
    dueDay: '-01-31',
    row: 'Where you pay tax',
    entities: ['Sole trader', 'Limited company'],
    // The pound, as en_GB shows it.
    money: /^£\d{1,3}(,\d{3})*$/,
    // The first payment is the first tax year's bill with the next year's first payment on account.
    calendarRow: /^Balancing payment \d{4}\/\d{2} \+ 1st payment on account \d{4}\/\d{2}$/,
  },
  {
    id: 'canada',
    locale: 'en_CA',
    country: 'canada',
    changes: { stateTaxRate: 0.1 },
    dueDay: '-04-30',
    row: 'Provincial income tax rate',
    entities: ['Sole proprietorship', 'Corporation'],
    // The Canadian dollar as en_CA shows it: "$", neither CA$ nor US$.
    money: /^\$\d{1,3}(,\d{3})*$/,
    calendarRow: /^Balance due for \d{4}$/,
  },
])(
  'in an $locale spreadsheet the wizard starts on $country, and the plan shows its largest tax payment in its money',
  async ({ id, locale, country, changes, dueDay, row, entities, money, calendarRow }) => {
    await start(locale);
    const sidebar = await openWizard();
    let startedOn: string | null = null;
    let entityWords: (string | null)[] = [];
    // The sample answers say nothing about the country: the locale's default is what gets built.
    expect('taxCountry' in SAMPLE_ANSWERS).toBe(false);
    await fill(sidebar, { ...SAMPLE_ANSWERS, startDate: THIS_MONTH, ...changes }, async (stepId) => {
      if (stepId === 'earnings') startedOn = await sidebar.locator('input[name="taxCountry"]:checked').getAttribute('value');
      // The entity question in the words of the country the wizard started on.
      if (stepId === 'setup')
        entityWords = await Promise.all(
          ['sole_proprietorship', 'llc'].map((value) => sidebar.locator(`#in-entity-${value}-label`).textContent()),
        );
    });
    expect(startedOn).toBe(country);
    expect(entityWords).toEqual(entities);
    await expect(sidebar.locator('#server-error').textContent()).resolves.toBe('');
    const amount = await namedValue('JW_LARGEST_TAX_PAYMENT');
    expect(typeof amount).toBe('number');
    expect(amount as number).toBeGreaterThan(1000);
    expect(String(await namedValue('JW_LARGEST_TAX_DATE')).slice(4, 10)).toBe(dueDay);
    await page.locator('[data-sheet="Transition Plan"]').click();
    await expect(page.getByText(row, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(calendarRow).first().isVisible()).resolves.toBe(true);
    // Money cells in the locale's currency: the largest payment and the buffer target.
    expect(await namedShown('JW_LARGEST_TAX_PAYMENT')).toMatch(money);
    expect(await namedShown('JW_BUFFER_TARGET')).toMatch(money);
    await page.screenshot({ path: screenshotPath(join('e2e', `country-${id}`)), fullPage: true });
    expect(problems).toEqual([]);
  },
  120000,
);
