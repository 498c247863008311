/**
 * The whole journey in the real `npm start` preview, in Chromium: Extensions > Jumpwise > Plan my transition… opens the
 * sidebar, every wizard step is filled by the inputs' `name` attributes with the sample answers (rates typed as
 * percentages), Build plan succeeds, and GET /api/spreadsheet holds the JW_* named ranges with the expected key
 * numbers. Then the plan is shown ("Open …"), an input is edited in the formula bar and the buffer target follows.
 * Screenshots of every step and of the whole plan sheet go to test-output/e2e/ (look at them).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { loadDist } from '../../emulator/src';
import { FIELDS, type FieldName, STEPS } from '../../src/plan/answers';
import { INPUT_FILL, KEY_NUMBERS } from '../../src/plan/layout';
import { SAMPLE_ANSWERS } from '../plan/sample';
import {
  openPreviewPage,
  type PreviewPage,
  type PreviewProcess,
  screenshotPath,
  sidebarTitle,
  TEST_OUTPUT,
} from '../support/browser';
import { createLeapEmulator } from '../support/emulator';

interface CellJson {
  value: unknown;
  formula?: string;
}
interface SpreadsheetJson {
  activeSheet: string;
  sheets: { name: string; cells: Record<string, CellJson> }[];
  namedRanges: Record<string, string>;
}

const PLAN = 'Transition Plan';
/** The runway's 3-6 month fill (src/plan/layout.ts). */
const RUNWAY_AMBER = '#fce8b2';
/** #rrggbb as getComputedStyle reports it. */
const rgb = (hex: string): string => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const VIEWPORT = { width: 1360, height: 820 };
/** The sample's key numbers, worked by hand (see test/plan/build.emulator.test.ts). */
const EXPECTED: Record<string, number> = {
  JW_TAX_RATE: 0.3,
  JW_MONTHLY_TAX_SET_ASIDE: 900,
  JW_LOW_END_BUDGET: 1475,
  JW_BENEFITS_COST: 1260,
  JW_BUFFER_TARGET: 22950,
  JW_RUNWAY_MONTHS: 4.64,
  JW_MONTHS_TO_BUFFER: 12.46,
  JW_HOURLY_RATE: 80.97,
};
const INPUTS = [
  'JW_MONTHLY_EXPENSES',
  'JW_SAVINGS',
  'JW_ANNUAL_SALARY',
  'JW_PROJECTED_LOW',
  'JW_PROJECTED_HIGH',
  'JW_HEALTH_MONTHLY',
  'JW_BUFFER_MONTHS_INPUT',
  'JW_MONTHLY_SAVINGS',
  'JW_START_DATE',
];

let preview: PreviewProcess;
let page: Page;
let sidebar: FrameLocator;
let opened: PreviewPage | undefined;
/** Page errors and network requests, as the page reported them. */
const problems = (): string[] => opened?.problems ?? [];

async function spreadsheetJson(): Promise<SpreadsheetJson> {
  const response = await fetch(`${preview.url}/api/spreadsheet`);
  expect(response.status).toBe(200);
  return (await response.json()) as SpreadsheetJson;
}

/** The sheet and cell a named range points at ('Transition Plan'!$B$5 -> Transition Plan, B5). */
function target(json: SpreadsheetJson, name: string): { sheet: string; a1: string } {
  const ref = json.namedRanges[name];
  if (!ref) throw new Error(`no named range ${name}; have ${Object.keys(json.namedRanges).join(', ')}`);
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`${name} is ${ref}, not a single cell`);
  return { sheet: m[1].replace(/''/g, "'"), a1: `${m[2]}${m[3]}` };
}

function named(json: SpreadsheetJson, name: string): CellJson | undefined {
  const { sheet, a1 } = target(json, name);
  return json.sheets.find((s) => s.name === sheet)?.cells[a1];
}

/** Does something in the spreadsheet window, then waits until the page has drawn the server's answer. */
async function andRedraw(action: () => Promise<void>): Promise<void> {
  const before = Number((await page.locator('body').getAttribute('data-actions')) ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.actions ?? 0) > n, before, { timeout: 10000 });
}

/** What the user types for an answer: rates as percentages (0.3 -> "30"), the rest as written. */
function typed(name: FieldName, value: unknown): string {
  if (FIELDS[name].kind === 'percent') return String(Math.round((value as number) * 10000) / 100);
  return String(value);
}

/** Fills one step's questions from the sample answers, by each input's name; returns the names filled. */
async function fillStep(fields: readonly FieldName[]): Promise<string[]> {
  const filled: string[] = [];
  for (const name of fields) {
    if (!(name in SAMPLE_ANSWERS)) continue;
    const value = SAMPLE_ANSWERS[name];
    const kind = FIELDS[name].kind;
    if (kind === 'choice' || kind === 'scale') {
      await sidebar.locator(`input[type="radio"][name="${name}"][value="${String(value)}"]`).check();
    } else if (kind === 'boolean') {
      await sidebar.locator(`input[type="checkbox"][name="${name}"]`).setChecked(value === true);
    } else {
      await sidebar.locator(`[name="${name}"]`).fill(typed(name, value));
    }
    filled.push(name);
  }
  return filled;
}

/** The whole window, made tall enough that the sidebar frame shows every question of the step. */
async function stepScreenshot(frame: Frame, file: string): Promise<void> {
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  const box = await page.locator('#sidebar-frame').boundingBox();
  const needed = Math.ceil((box?.y ?? 0) + height + 40);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, needed) });
  await page.screenshot({ path: screenshotPath(join('e2e', file)) });
  await page.setViewportSize(VIEWPORT);
}

beforeAll(async () => {
  mkdirSync(join(TEST_OUTPUT, 'e2e'), { recursive: true });
  opened = await openPreviewPage(['--instant-functions'], { viewport: VIEWPORT });
  ({ preview, page } = opened);
}, 60000);

afterAll(async () => {
  await opened?.close();
});

test('the wizard, opened from Extensions > Jumpwise, takes the sample answers step by step and builds the plan', async () => {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await andRedraw(() => page.getByRole('menuitem', { name: 'Plan my transition…' }).click());
  const title = sidebarTitle();
  await page.locator(`iframe[title="${title}"]`).waitFor();
  sidebar = page.frameLocator(`iframe[title="${title}"]`);
  const frame = await (await page.locator(`iframe[title="${title}"]`).elementHandle())?.contentFrame();
  if (!frame) throw new Error('the sidebar frame has no document');
  await frame.waitForFunction(() => performance.getEntriesByName('leap-wizard-interactive').length > 0);

  const everyField = new Set<string>();
  for (const [index, step] of STEPS.entries()) {
    await expect(sidebar.locator('#progress-text').textContent()).resolves.toBe(`Step ${index + 1} of ${STEPS.length}`);
    await expect(sidebar.locator('#step-title').textContent()).resolves.toBe(step.title);
    for (const name of await fillStep(step.fields)) everyField.add(name);
    // Every answer typed reads back as typed (rates as percentages).
    for (const name of step.fields.filter((f) => f in SAMPLE_ANSWERS && !['choice', 'scale', 'boolean'].includes(FIELDS[f].kind)))
      await expect(sidebar.locator(`[name="${name}"]`).inputValue()).resolves.toBe(typed(name, SAMPLE_ANSWERS[name]));
    await expect(sidebar.locator('.error:not(:empty)').count()).resolves.toBe(0);
    await stepScreenshot(frame, `step-${index + 1}-${step.id}`);
    if (index < STEPS.length - 1) await sidebar.locator('#next').click();
  }
  // Every sample answer was a question somewhere in the wizard.
  expect([...everyField].sort()).toEqual(Object.keys(SAMPLE_ANSWERS).sort());

  // The review shows the answers in the user's terms before building.
  const review = (await sidebar.locator('#review').textContent()) ?? '';
  for (const shown of ['Creative freelancer', 'Brand identity for independent cafés', '3,200', '30%', '4%', 'LLC']) {
    expect(review).toContain(shown);
  }
  await expect(sidebar.locator('#next').textContent()).resolves.toBe('Build plan');
  await sidebar.locator('#next').click();
  await sidebar.locator('#open-plan').waitFor({ timeout: 20000 });
  await expect(sidebar.locator('#open-plan').textContent()).resolves.toBe(`Open “${PLAN}”`);
  await expect(sidebar.locator('#build-status .success').textContent()).resolves.toContain('Your plan is ready');
  await expect(sidebar.locator('#server-error').textContent()).resolves.toBe('');
  // The key numbers in the sidebar carry the sheet's labels, in the sheet's order.
  await expect(sidebar.locator('#key-numbers dt').allTextContents()).resolves.toEqual(KEY_NUMBERS.map((k) => k.label));
  await page.locator(`[data-sheet="${PLAN}"]`).waitFor();
  await stepScreenshot(frame, `step-${STEPS.length}-built`);
  // Nine steps with a screenshot each: on a busy shared machine this takes longer than Jest's default 30 s.
}, 90000);

test('GET /api/spreadsheet: the JW_* named ranges point at cells holding the expected key numbers', async () => {
  const json = await spreadsheetJson();
  expect(json.sheets.map((s) => s.name)).toContain(PLAN);
  for (const name of [...INPUTS, ...Object.keys(EXPECTED), 'JW_READY_DATE']) {
    expect([name, target(json, name).sheet]).toEqual([name, PLAN]);
  }
  for (const [name, expected] of Object.entries(EXPECTED)) {
    const cell = named(json, name);
    // Outputs are live formulas, not values written once.
    expect([name, cell?.formula?.startsWith('=')]).toEqual([name, true]);
    expect([name, typeof cell?.value]).toEqual([name, 'number']);
    expect([name, Math.round((cell?.value as number) * 100) / 100]).toEqual([name, expected]);
  }
  const ready = named(json, 'JW_READY_DATE');
  expect(ready?.formula).toMatch(/^=.*EDATE\(/i);
  expect(String(ready?.value).slice(0, 10)).toBe('2027-04-01');
  // The inputs hold the answers as typed into the wizard.
  expect(named(json, 'JW_MONTHLY_EXPENSES')?.value).toBe(3200);
  expect(named(json, 'JW_HEALTH_MONTHLY')?.value).toBe(625);
  expect(String(named(json, 'JW_START_DATE')?.value).slice(0, 10)).toBe('2026-03-01');
});

test('"Open …" in the sidebar makes the plan the active sheet, drawn with its chart and checkboxes', async () => {
  await andRedraw(() => page.locator('[data-sheet="Income"]').click());
  expect((await spreadsheetJson()).activeSheet).toBe('Income');
  await sidebar.locator('#open-plan').click();
  await page.waitForFunction(
    (plan) => document.querySelector(`[data-sheet="${plan}"]`)?.getAttribute('aria-selected') === 'true',
    PLAN,
  );
  expect((await spreadsheetJson()).activeSheet).toBe(PLAN);
  await expect(page.locator('.chart svg polyline').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('td[data-a1] input[type="checkbox"]').count()).resolves.toBeGreaterThan(5);

  // As the user sees it: inputs shaded as inputs, key numbers as currency, percent, months and dates.
  const json = await spreadsheetJson();
  const shown = (name: string) => page.locator(`td[data-a1="${target(json, name).a1}"]`);
  for (const name of INPUTS) {
    await expect(shown(name).evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(rgb(INPUT_FILL));
  }
  const display: Record<string, string> = {
    JW_MONTHLY_EXPENSES: '$3,200',
    JW_START_DATE: 'Mar 1, 2026',
    JW_TAX_RATE: '30.0%',
    JW_MONTHLY_TAX_SET_ASIDE: '$900',
    JW_LOW_END_BUDGET: '$1,475',
    JW_BENEFITS_COST: '$1,260',
    JW_BUFFER_TARGET: '$22,950',
    JW_RUNWAY_MONTHS: '4.6',
    JW_MONTHS_TO_BUFFER: '12.5',
    JW_READY_DATE: 'Apr 1, 2027',
    JW_HOURLY_RATE: '$80.97',
  };
  for (const [name, text] of Object.entries(display)) {
    await expect(
      shown(name)
        .textContent()
        .then((t) => [name, t]),
    ).resolves.toEqual([name, text]);
  }
  // The sidebar shows each key number exactly as the grid does.
  const sidebarShows = await sidebar.locator('#key-numbers dd').allTextContents();
  for (const [i, k] of KEY_NUMBERS.entries()) {
    await expect(
      shown(k.name)
        .textContent()
        .then((t) => [k.name, t]),
    ).resolves.toEqual([k.name, sidebarShows[i]]);
  }
  // 4.6 months of runway is between 3 and 6: the conditional format paints it amber.
  await expect(shown('JW_RUNWAY_MONTHS').evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(rgb(RUNWAY_AMBER));
  // The build note in the frozen title row runs on over the empty cells to its right instead of being cut off.
  const runsOn = await page.evaluate(() => {
    const span = document.querySelector('td[data-a1="B1"] > span');
    const next = document.querySelector('td[data-a1="C1"]');
    if (!span || !next) return false;
    const box = next.getBoundingClientRect();
    return (
      span.getBoundingClientRect().right > box.right &&
      span.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2))
    );
  });
  expect(runsOn).toBe(true);

  // The whole plan: a window large enough that every filled cell and the chart are in view, tabs included.
  const used = await page.evaluate(() => {
    const scroller = document.getElementById('grid-scroll') as HTMLElement;
    let right = 0;
    let bottom = 0;
    const parts = [
      ...Array.from(document.querySelectorAll<HTMLElement>('#grid td[data-a1]')).filter(
        (td) => td.textContent || td.querySelector('input'),
      ),
      ...Array.from(document.querySelectorAll<HTMLElement>('#charts .chart')),
    ];
    for (const part of parts) {
      const box = part.getBoundingClientRect();
      right = Math.max(right, box.right + scroller.scrollLeft);
      bottom = Math.max(bottom, box.bottom + scroller.scrollTop);
    }
    return {
      right,
      bottom,
      belowGrid: window.innerHeight - scroller.getBoundingClientRect().bottom,
      scrolls: scroller.scrollWidth > scroller.clientWidth,
    };
  });
  await page.setViewportSize({
    width: Math.max(VIEWPORT.width, Math.ceil(used.right) + 300 + 40),
    height: Math.max(VIEWPORT.height, Math.ceil(used.bottom + used.belowGrid) + 40),
  });
  await page.screenshot({ path: screenshotPath(join('e2e', 'plan')) });
  await page.setViewportSize(VIEWPORT);
});

test('editing JW_MONTHLY_EXPENSES in the formula bar recalculates JW_BUFFER_TARGET', async () => {
  const { a1 } = target(await spreadsheetJson(), 'JW_MONTHLY_EXPENSES');
  const { a1: targetA1 } = target(await spreadsheetJson(), 'JW_BUFFER_TARGET');
  await page.locator(`td[data-a1="${a1}"]`).click();
  await expect(page.getByLabel('Name box').inputValue()).resolves.toBe(a1);
  await page.getByLabel('Formula bar').fill('3500');
  await andRedraw(() => page.getByLabel('Formula bar').press('Enter'));
  const json = await spreadsheetJson();
  expect(named(json, 'JW_MONTHLY_EXPENSES')?.value).toBe(3500);
  expect(named(json, 'JW_BUFFER_TARGET')?.value).toBe((3500 + 625) * 6);
  // The other outputs follow too: runway 8000 / (4125 - 2100) months, the ready date a month later.
  expect(named(json, 'JW_RUNWAY_MONTHS')?.value).toBeCloseTo(8000 / (4125 - 2100), 9);
  expect(String(named(json, 'JW_READY_DATE')?.value).slice(0, 10)).toBe('2027-05-01');
  // The grid shows the new figure too, as currency.
  await expect(page.locator(`td[data-a1="${targetA1}"]`).textContent()).resolves.toMatch(/^\$24,750(\.00)?$/);
  await page.screenshot({ path: screenshotPath(join('e2e', 'plan-after-edit')) });
  expect(problems()).toEqual([]);
});

test('opened again, the wizard takes the edited input from the sheet, and Build again keeps it', async () => {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
  await andRedraw(() => page.getByRole('menuitem', { name: 'Plan my transition…' }).click());
  const title = sidebarTitle();
  const frame = await (await page.locator(`iframe[title="${title}"]`).elementHandle())?.contentFrame();
  if (!frame) throw new Error('the sidebar frame has no document');
  sidebar = page.frameLocator(`iframe[title="${title}"]`);
  await frame.waitForFunction(() => document.getElementById('from-sheet')?.hidden === false, undefined, { timeout: 10000 });
  await expect(sidebar.locator('#from-sheet').textContent()).resolves.toBe(
    `Read from “${PLAN}” as it is now: ${FIELDS.monthlyExpenses.label}.`,
  );
  await expect(sidebar.locator('#progress-text').textContent()).resolves.toBe(`Step ${STEPS.length} of ${STEPS.length}`);
  await expect(sidebar.locator('#review').textContent()).resolves.toContain('3,500');
  await sidebar.locator('#next').click();
  await sidebar.locator('#open-plan').waitFor({ timeout: 20000 });
  const json = await spreadsheetJson();
  expect(named(json, 'JW_MONTHLY_EXPENSES')?.value).toBe(3500);
  expect(named(json, 'JW_BUFFER_TARGET')?.value).toBe((3500 + 625) * 6);
  await expect(
    sidebar
      .locator('#key-numbers dd')
      .nth(KEY_NUMBERS.findIndex((k) => k.name === 'JW_BUFFER_TARGET'))
      .textContent(),
  ).resolves.toBe('$24,750');
  await stepScreenshot(frame, 'rebuilt-from-sheet');
  expect(problems()).toEqual([]);
}, 60000);

test('every cell of the plan edited in the preview shows what a fresh plan built from the edited answers shows', async () => {
  // Edits typed in the formula bar, as a person makes them, and the same edits as answers.
  const edits: [string, string, Record<string, unknown>][] = [
    ['JW_SAVINGS', '12000', { currentSavings: 12000 }],
    ['JW_ANNUAL_SALARY', '85000', { annualSalary: 85000 }],
    ['JW_PROJECTED_LOW', '5000', { projectedMonthlyLow: 5000 }],
    ['JW_HEALTH_MONTHLY', '550', { healthMonthly: 550 }],
    ['JW_START_DATE', '2026-12-01', { startDate: '2026-12-01' }],
  ];
  let answers: Record<string, unknown> = { ...SAMPLE_ANSWERS, monthlyExpenses: 3500 };
  for (const [name, value, answer] of edits) {
    const { a1 } = target(await spreadsheetJson(), name);
    await page.locator(`td[data-a1="${a1}"]`).click();
    await page.getByLabel('Formula bar').fill(value);
    await andRedraw(() => page.getByLabel('Formula bar').press('Enter'));
    answers = { ...answers, ...answer };
  }
  await page.locator(`[data-sheet="${PLAN}"]`).click();
  const grid: Record<string, string> = await page.evaluate(() =>
    Object.fromEntries(
      Array.from(document.querySelectorAll<HTMLElement>('#grid td[data-a1]')).map((td) => [
        td.dataset.a1 ?? '',
        td.querySelector('input[type="checkbox"]')
          ? String((td.querySelector('input') as HTMLInputElement).checked).toUpperCase()
          : (td.textContent ?? ''),
      ]),
    ),
  );
  const fresh = createLeapEmulator();
  loadDist(fresh);
  fresh.run('leapBuildPlan', answers);
  const sheet = fresh.spreadsheet.getSheetByName(PLAN);
  if (!sheet) throw new Error('the fresh build made no plan');
  const shown = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getDisplayValues();
  const differences: string[] = [];
  shown.forEach((row, r) => {
    row.forEach((value, c) => {
      const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
      if (a1 === 'B1') return; // the build date
      if ((grid[a1] ?? '') !== value) differences.push(`${a1}: preview "${grid[a1]}" vs fresh "${value}"`);
    });
  });
  expect(differences).toEqual([]);
  await page.screenshot({ path: screenshotPath(join('e2e', 'plan-edited')) });
});
