/**
 * The wizard asks before it builds on a figure more likely a slip than meant (issue 21, problem 7): living costs of
 * $5 a month, and a tax rate typed as 0.3 in a percentage box. Nothing is sent to the server until the person says
 * yes; a screenshot at the sidebar's 300 px goes to test-output/sidebar/confirm-build.png.
 */
import type { Browser } from 'playwright-core';
import { launchChromium, openSidebar, type SidebarPage, screenshot } from './page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const DRAFT: Record<string, unknown> = {
  pathKind: 'specialized_consultant',
  autonomyPreference: 4,
  locationPreference: 3,
  schedulePreference: 3,
  nicheService: 'Data audits',
  demandAsked: 3,
  demandPaid: 3,
  demandReach: 3,
  monthlyExpenses: 5,
  currentSavings: 9000,
  annualSalary: 80000,
  projectedMonthlyLow: 3000,
  projectedMonthlyHigh: 7000,
  taxMode: 'flat',
  taxRate: 0.003,
  monthlySavings: 1000,
  startDate: '2026-02-01',
  clientsWanted: 2,
  outreachPerWeek: 5,
};

async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!Object.is(value, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  expect(value).toBe(expected);
}

describe('figures to confirm before the build', () => {
  let sidebar: SidebarPage;
  afterEach(async () => {
    expect(sidebar.problems).toEqual([]);
    await sidebar.page.close();
  });

  test('Build plan asks about $5 of living costs and a 0.3% tax rate first; yes builds, nothing is sent before', async () => {
    sidebar = await openSidebar(browser, { draft: DRAFT });
    const { page } = sidebar;
    await eventually(() => page.locator('#progress-text').textContent(), 'Step 9 of 9');
    await page.locator('#next').click();
    const questions = page.locator('#review-problems li');
    await eventually(() => questions.count(), 2);
    expect(await questions.nth(0).textContent()).toContain('Monthly living expenses: 5, far below');
    expect(await questions.nth(1).textContent()).toContain('Share to set aside for tax: 0.3%. Did you mean 30%?');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-build');
    expect((await sidebar.calls()).some((c) => c.name === 'leapBuildPlan')).toBe(false);
    await screenshot(page, 'confirm-build');
    await page.locator('#confirm-build').click();
    await eventually(async () => (await sidebar.calls()).some((c) => c.name === 'leapBuildPlan'), true);
    const built = (await sidebar.calls()).find((c) => c.name === 'leapBuildPlan');
    expect(built?.args[0]).toMatchObject({ monthlyExpenses: 5, taxRate: 0.003 });
  });
});
