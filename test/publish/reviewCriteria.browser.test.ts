/**
 * Google's review criteria for Editor add-ons that only a browser can check, in Chromium on the pages the build
 * ships (served by the `npm start` preview, google.script.run crossing to the built server): "Areas of review"
 * (developers.google.com/workspace/marketplace/about-app-review) and "UI style guide for Editor add-ons"
 * (developers.google.com/workspace/add-ons/guides/editor-style):
 *   - a sidebar is 300 px wide: its content fits without horizontal scrolling and without cut-off text, on every
 *     wizard step (with its errors showing, and after the build), the import page and the check-in;
 *   - one primary (blue) action per screen;
 *   - a button is disabled while its action runs (Build plan, Import, Save this month's snapshot).
 */
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { STEPS } from '../../src/plan/answers';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { openPreviewPage, type PreviewPage, REPO, screenshotPath } from '../support/browser';

/** Sheets' sidebar width ("Dialogs and sidebars in Editor add-ons": a sidebar is 300 pixels wide). */
const SIDEBAR_WIDTH = 300;

let opened: PreviewPage;
let page: Page;

beforeAll(async () => {
  opened = await openPreviewPage(['--instant-functions'], {
    viewport: { width: SIDEBAR_WIDTH, height: 800 },
    locale: 'en-US',
    timeoutMs: 20000,
  });
  page = opened.page;
}, 60000);

afterAll(async () => {
  await opened?.close();
});

async function post(path: string, body: unknown): Promise<{ error?: string }> {
  const response = await fetch(`${opened.preview.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { error?: string };
  if (!response.ok || answer.error)
    throw new Error(`${path} ${JSON.stringify(body).slice(0, 80)}: ${answer.error ?? response.status}`);
  return answer;
}

/** A menu action (it opens the page), then the page alone in a window as wide as a sidebar. */
async function openPage(functionName: string, kind: 'sidebar' | 'dialog'): Promise<void> {
  await post('/api/run', { functionName });
  await page.goto(`${opened.preview.url}/frame/${kind}`);
}

interface Fit {
  screen: string;
  scrollWidth: number;
  clientWidth: number;
  /** Visible elements, or their text, reaching past the right edge (or the left). */
  outside: string[];
  /** Elements whose text is clipped: overflow hidden with more content than room, or a field's value wider than it. */
  cut: string[];
  /** Visible primary (blue) buttons. */
  primaries: string[];
}

/** What a person sees at this width: measured in the page. */
async function measure(screen: string): Promise<Fit> {
  await page.screenshot({ path: screenshotPath(join('review-criteria', screen.replace(/\W+/g, '-'))), fullPage: true });
  return page.evaluate((screen) => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // A visually hidden element (1 px, clipped) is for screen readers only.
      return r.width > 1 && r.height > 1 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const name = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const all = Array.from(document.querySelectorAll('body *')).filter(visible);
    const outside = all
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > width + 0.5 || r.left < -0.5;
      })
      .map(
        (el) =>
          `${name(el)} spans ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`,
      );
    const canvas = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    const cut = all
      .filter((el) => {
        const style = getComputedStyle(el);
        if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
          const text = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el.type === 'text' ? el.value : '';
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const room =
            el.clientWidth -
            parseFloat(style.paddingLeft) -
            parseFloat(style.paddingRight) -
            (el instanceof HTMLSelectElement ? 20 : 0);
          return text !== '' && canvas.measureText(text).width > room + 1;
        }
        const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
        return clips && el.scrollWidth > el.clientWidth + 1;
      })
      .map(name);
    // Text that runs out of its box (a word or a line that does not wrap) and past the page's edge.
    const spills = all
      .filter((el) => {
        const style = getComputedStyle(el);
        if (style.overflowX !== 'visible' || el.clientWidth === 0) return false;
        return el.getBoundingClientRect().left + el.scrollWidth > width + 0.5;
      })
      .map((el) => `${name(el)} runs to ${Math.round(el.getBoundingClientRect().left + el.scrollWidth)}`);
    outside.push(...spills);
    const primaries = all.filter((el) => el.matches('button.primary, .primary')).map(name);
    return { screen, scrollWidth: doc.scrollWidth, clientWidth: width, outside, cut, primaries };
  }, screen);
}

/** Fits: no horizontal scrolling, nothing past the edge, no cut text, at most one primary action. */
function expectFits(fit: Fit): void {
  expect(fit).toEqual({
    screen: fit.screen,
    scrollWidth: fit.clientWidth,
    clientWidth: SIDEBAR_WIDTH,
    outside: [],
    cut: [],
    primaries: fit.primaries.length <= 1 ? fit.primaries : ['(at most one)'],
  });
}

/**
 * Holds the next google.script.run call of `functionName` (the preview's shim posts it to /api/script-run) until
 * `release` is called, so the page can be looked at while its action runs.
 */
async function holdCall(functionName: string): Promise<{ held: Promise<void>; release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let continued!: () => void;
  const done = new Promise<void>((resolve) => {
    continued = resolve;
  });
  const handler = async (route: Route): Promise<void> => {
    if (!(route.request().postData() ?? '').includes(`"functionName":"${functionName}"`)) return route.continue();
    arrived();
    await released;
    await route.continue();
    continued();
  };
  await page.route('**/api/script-run', handler);
  return {
    held,
    // The handler is removed only once it has let the call through: removing it earlier would let it through twice.
    release: async () => {
      release();
      await done;
      await page.unroute('**/api/script-run', handler);
    },
  };
}

const stepTitles = (): string[] => STEPS.filter((step) => step.fields.length > 0).map((step) => step.title);

test('the wizard: every step fits 300 px with one primary action, its errors too; Build plan is disabled while it builds', async () => {
  // ---- A new plan: the first step, then its errors after Next with nothing chosen.
  await post('/api/script-run', { functionName: 'leapClearDraft', args: [] });
  await openPage('leapShowSidebar', 'sidebar');
  await page.locator('#step-title').waitFor();
  expectFits(await measure('wizard step 1'));
  await page.click('#next');
  await page.locator('.error, [aria-invalid="true"]').first().waitFor();
  expectFits(await measure('wizard step 1 errors'));

  // ---- Every step with the sample person's answers: the review, and each step its Edit link opens. The page is
  // left first, so that its draft saver has written before the sample draft replaces what it wrote.
  await page.goto('about:blank');
  await post('/api/script-run', { functionName: 'leapSaveDraft', args: [SAMPLE_ANSWERS] });
  const titles = stepTitles();
  expect(titles.length).toBeGreaterThanOrEqual(8);
  for (const title of titles) {
    await openPage('leapShowSidebar', 'sidebar');
    await page
      .getByRole('button', { name: `Edit ${title}` })
      .or(page.getByRole('link', { name: `Edit ${title}` }))
      .click();
    await page.locator('#step-title', { hasText: title }).waitFor();
    expectFits(await measure(`wizard ${title}`));
  }
  await openPage('leapShowSidebar', 'sidebar');
  await page.locator('#next', { hasText: 'Build plan' }).waitFor();
  expectFits(await measure('wizard review'));

  // ---- Build plan: its button (and Back, Start over) disabled while the server builds.
  const build = await holdCall('leapBuildPlan');
  await page.click('#next');
  await build.held;
  await expect(page.locator('#next').isDisabled()).resolves.toBe(true);
  await expect(page.locator('#back').isDisabled()).resolves.toBe(true);
  await build.release();
  await page.locator('#next', { hasText: 'Build again' }).waitFor();
  await expect(page.locator('#next').isDisabled()).resolves.toBe(false);
  expectFits(await measure('wizard built'));
  expect(opened.problems).toEqual([]);
}, 120000);

test('the import page fits 300 px before and after a statement is read, and Import is disabled while it imports', async () => {
  await openPage('leapShowImport', 'dialog');
  await page.waitForFunction(() => performance.getEntriesByName('leap-import-interactive').length > 0);
  expectFits(await measure('import empty'));
  await page.setInputFiles('#statement-file', join(REPO, 'test', 'books', 'fixtures', 'chase-jan-aug-2026.csv'));
  await page.waitForFunction(() => !(document.getElementById('import-button') as HTMLButtonElement).disabled);
  await page.locator('#mapping summary').click();
  expectFits(await measure('import read'));
  const importing = await holdCall('leapImportStatement');
  await page.click('#import-button');
  await importing.held;
  await expect(page.locator('#import-button').isDisabled()).resolves.toBe(true);
  await importing.release();
  await page.locator('#import-message').waitFor();
  expectFits(await measure('import done'));
  expect(opened.problems).toEqual([]);
}, 60000);

test("the check-in fits 300 px, and Save this month's snapshot is disabled while it saves", async () => {
  await post('/api/script-run', { functionName: 'leapBuildPlan', args: [SAMPLE_ANSWERS] });
  await openPage('leapShowCheckIn', 'sidebar');
  await page.locator('#loading').waitFor({ state: 'hidden' });
  expectFits(await measure('check-in'));
  const saving = await holdCall('leapSaveCheckIn');
  await page.click('#snapshot');
  await saving.held;
  await expect(page.locator('#snapshot').isDisabled()).resolves.toBe(true);
  await saving.release();
  await page.locator('#snapshot-status').filter({ hasText: /\w/ }).waitFor();
  expectFits(await measure('check-in saved'));
  expect(opened.problems).toEqual([]);
}, 60000);
