/**
 * The built sidebar page in Chromium at 300 px: every step filled by the inputs' `name` attributes, Next refused
 * while a step is invalid, the draft saved and restored, Build, server errors, hostile text, keyboard use and an
 * axe-core scan. A screenshot of every step goes to test-output/sidebar/.
 */
import type { Browser, Page } from 'playwright-core';
import { bufferMonthsForVolatility, incomeVolatility } from '../../src/finance/income';
import { FIELDS, STEPS } from '../../src/plan/answers';
import { launchChromium, openSidebar, type SidebarPage, screenshot } from './page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const stepText = (page: Page) => page.locator('#progress-text').textContent();
const title = (page: Page) => page.locator('#step-title').textContent();
const errorOf = (page: Page, name: string) => page.locator(`#err-${name}`).textContent();
const choose = (page: Page, name: string, value: string) => page.locator(`input[name="${name}"][value="${value}"]`).check();
const fill = (page: Page, name: string, value: string) => page.locator(`[name="${name}"]`).fill(value);
const next = (page: Page) => page.locator('#next').click();

async function expectStep(page: Page, index: number): Promise<void> {
  expect(await stepText(page)).toBe(`Step ${index + 1} of ${STEPS.length}`);
  expect(await title(page)).toBe(STEPS[index].title);
  expect(await page.locator('#step-why').textContent()).toBe(STEPS[index].why);
}

/** Serious and critical axe-core violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits for a value the page sets after a server round trip, then asserts it (the last value read is reported). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!Object.is(value, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  expect(value).toBe(expected);
}

const FIGURES = [2500, 4100, 6000, 3300, 5200, 2900];

/** A draft with every required answer: the wizard opens it on the review. */
const COMPLETE_DRAFT: Record<string, unknown> = {
  pathKind: 'specialized_consultant',
  autonomyPreference: 4,
  locationPreference: 3,
  schedulePreference: 5,
  nicheService: 'Pricing audits',
  demandAsked: 4,
  demandPaid: 3,
  demandReach: 5,
  monthlyExpenses: 3200,
  currentSavings: 8000,
  annualSalary: 70000,
  projectedMonthlyLow: 3000,
  projectedMonthlyHigh: 6000,
  monthlySavings: 1000,
  startDate: '2026-03-01',
  clientsWanted: 3,
  outreachPerWeek: 10,
};

describe('the wizard page', () => {
  let sidebar: SidebarPage;
  afterEach(async () => {
    expect(sidebar.problems).toEqual([]);
    await sidebar.page.close();
  });

  test('walks all nine steps by name, refuses Next on invalid steps, saves the draft and builds', async () => {
    sidebar = await openSidebar(browser, {
      slow: { leapBuildPlan: 400 },
      buildResult: {
        sheetName: 'Transition Plan',
        keyNumbers: [
          { name: 'JW_TAX_RATE', label: 'Tax set-aside rate', display: '28.0%', calculating: false },
          { name: 'JW_BUFFER_TARGET', label: 'Buffer target', display: '$19,950', calculating: false },
          { name: 'JW_RUNWAY_MONTHS', label: 'Runway on low months', display: '∞', calculating: false },
          { name: 'JW_READY_DATE', label: 'Ready date', display: 'Nov 1, 2026', calculating: false },
          // Still "Loading..." on the sheet when the build answered (a custom function is its own execution).
          { name: 'JW_QUIT_DATE', label: 'Quit date at the risk you accept', display: 'Loading...', calculating: true },
        ],
      },
    });
    const { page } = sidebar;

    // 1. Path: Next with nothing chosen is refused, with the problem beside each question.
    await expectStep(page, 0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('pathKind');
    await screenshot(page, 'step-1-path');
    await next(page);
    await expectStep(page, 0);
    expect(await errorOf(page, 'pathKind')).toBe(`Choose an answer for "${FIELDS.pathKind.label}"`);
    expect(await page.locator('#field-pathKind').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#field-pathKind').getAttribute('aria-describedby')).toContain('err-pathKind');
    await screenshot(page, 'step-1-path-errors');
    await choose(page, 'pathKind', 'creative_freelancer');
    expect(await errorOf(page, 'pathKind')).toBe('');
    expect(await page.locator('#field-pathKind').getAttribute('aria-invalid')).toBeNull();
    await choose(page, 'autonomyPreference', '4');
    await choose(page, 'locationPreference', '5');
    await choose(page, 'schedulePreference', '3');
    await next(page);

    // 2. Niche: the demand score appears once the three questions are answered.
    await expectStep(page, 1);
    await fill(page, 'nicheService', 'Brand identity for small cafés');
    await fill(page, 'skills', 'Illustration, typography');
    await choose(page, 'demandAsked', '4');
    await choose(page, 'demandPaid', '3');
    await choose(page, 'demandReach', '5');
    expect(await page.locator('#demand-score').textContent()).toContain('Demand score: 75 of 100');
    await screenshot(page, 'step-2-niche');
    await next(page);

    // 3. Money today: text that is not an amount is refused in words.
    await expectStep(page, 2);
    await fill(page, 'monthlyExpenses', 'about three grand');
    await fill(page, 'currentSavings', '12000');
    await fill(page, 'annualSalary', '68,000');
    await next(page);
    await expectStep(page, 2);
    expect(await errorOf(page, 'monthlyExpenses')).toBe('Enter your monthly living expenses as an amount, e.g. 1200');
    expect(await page.locator('[name="monthlyExpenses"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('monthlyExpenses');
    await screenshot(page, 'step-3-money-errors');
    await fill(page, 'monthlyExpenses', '3,200');
    expect(await errorOf(page, 'monthlyExpenses')).toBe('');
    await screenshot(page, 'step-3-money');
    await next(page);

    // 4. Earnings and taxes: a rate is typed as a percentage; US estimate swaps the rate for its own questions.
    await expectStep(page, 3);
    await fill(page, 'projectedMonthlyLow', '2500');
    await fill(page, 'projectedMonthlyHigh', '6000');
    await fill(page, 'monthlyFigures', FIGURES.join('\n'));
    expect(await page.locator('[name="taxRate"]').inputValue()).toBe('30');
    await fill(page, 'taxRate', '130');
    await next(page);
    expect(await errorOf(page, 'taxRate')).toBe('Enter the tax set-aside as a rate between 0% and 100%');
    // A rate typed as a fraction gets a word of caution, in the tax rate and the state rate alike.
    await fill(page, 'taxRate', '0.28');
    expect(await page.locator('#warn-taxRate').textContent()).toBe('0.28 here means 0.28%. For 28%, enter 28');
    await fill(page, 'taxRate', '28');
    expect(await page.locator('#warn-taxRate').textContent()).toBe('');
    await choose(page, 'taxMode', 'us_estimate');
    expect(await page.locator('#field-taxRate').isHidden()).toBe(true);
    expect(await page.locator('#field-filingStatus').isVisible()).toBe(true);
    await fill(page, 'stateTaxRate', '0.05');
    expect(await page.locator('#warn-stateTaxRate').textContent()).toBe('0.05 here means 0.05%. For 5%, enter 5');
    await fill(page, 'stateTaxRate', '');
    await screenshot(page, 'step-4-earnings-us-estimate');
    await choose(page, 'taxMode', 'flat');
    expect(await page.locator('#field-filingStatus').isHidden()).toBe(true);
    await screenshot(page, 'step-4-earnings');
    await next(page);

    // 5. Benefits: Enter in a box is Next.
    await expectStep(page, 4);
    await fill(page, 'healthMonthly', '450');
    await fill(page, 'retirementRate', '4');
    await fill(page, 'ptoWeeks', '3');
    await screenshot(page, 'step-5-benefits');
    await page.locator('[name="ptoWeeks"]').press('Enter');

    // 6. Buffer: months suggested from the pasted figures by the same BUFFER_MONTHS rule as the sheet.
    await expectStep(page, 5);
    const suggested = bufferMonthsForVolatility(incomeVolatility(FIGURES) as number);
    await expect(page.locator('#buffer-suggestion').textContent()).resolves.toContain(`we suggest ${suggested} months`);
    expect(await page.locator('#use-suggestion').isHidden()).toBe(suggested === 6);
    await fill(page, 'bufferMonths', '9');
    expect(await page.locator('#use-suggestion').textContent()).toBe(`Use ${suggested}`);
    await page.locator('#use-suggestion').click();
    expect(await page.locator('#use-suggestion').isHidden()).toBe(true);
    expect(await page.locator('[name="bufferMonths"]').inputValue()).toBe(String(suggested));
    await fill(page, 'monthlySavings', '900');
    await fill(page, 'startDate', '2026-03-01');
    await screenshot(page, 'step-6-buffer');
    await next(page);

    // 7. First clients and set-up.
    await expectStep(page, 6);
    await fill(page, 'clientsWanted', '3');
    await fill(page, 'outreachPerWeek', '10');
    await choose(page, 'entity', 'llc');
    await choose(page, 'bankAccount', 'will_open');
    await fill(page, 'invoicingTool', 'Wave');
    await fill(page, 'expenseTool', 'A spreadsheet');
    await screenshot(page, 'step-7-setup');
    await next(page);

    // 8. Working alone.
    await expectStep(page, 7);
    await fill(page, 'coworkingSessions', '4');
    await page.locator('[name="accountabilityGroup"]').check();
    await fill(page, 'endOfDayRoutine', 'Close the laptop at 6, walk');
    await choose(page, 'workspace', 'desk_at_home');
    await screenshot(page, 'step-8-alone');
    await next(page);

    // 9. Review: everything, as entered (rates in percent, amounts grouped, options by label).
    await expectStep(page, 8);
    expect(await page.locator('#next').textContent()).toBe('Build plan');
    const review = (await page.locator('#review').textContent()) ?? '';
    for (const shown of ['Creative freelancer', 'Brand identity for small cafés', '3,200', '28%', '4%', 'LLC', 'Mar 1, 2026']) {
      expect(review).toContain(shown);
    }
    expect(review).toContain('Demand score75 of 100');
    expect(review).toContain('6 months, 2,500 to 6,000');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'step-9-review');

    // The draft was saved as the user went, in the answers' terms: fractions for rates, numbers for amounts.
    const draft = await sidebar.draft();
    expect(draft).toMatchObject({ pathKind: 'creative_freelancer', monthlyExpenses: 3200, taxRate: 0.28, retirementRate: 0.04 });

    // Build: progress first, then the link that shows the plan sheet.
    await next(page);
    await expect(page.locator('.building').isVisible()).resolves.toBe(true);
    expect(await page.locator('#next').isDisabled()).toBe(true);
    await screenshot(page, 'step-9-building');
    await page.locator('#open-plan').waitFor();
    expect(await page.locator('#open-plan').textContent()).toBe('Open “Transition Plan”');
    // The key numbers exactly as the server read them off the sheet, labels included.
    expect(await page.locator('#key-numbers dt').allTextContents()).toEqual([
      'Tax set-aside rate',
      'Buffer target',
      'Runway on low months',
      'Ready date',
    ]);
    expect(await page.locator('#key-numbers dd').allTextContents()).toEqual(['28.0%', '$19,950', '∞', 'Nov 1, 2026']);
    // One still loading is named, never shown as a figure.
    expect(await page.locator('#still-calculating').textContent()).toBe(
      'Still calculating on the sheet: Quit date at the risk you accept. Open the plan to see them arrive.',
    );
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'step-9-built');
    const built = (await sidebar.calls()).find((c) => c.name === 'leapBuildPlan');
    expect(built?.args[0]).toMatchObject({
      monthlyExpenses: 3200,
      annualSalary: 68000,
      taxMode: 'flat',
      taxRate: 0.28,
      retirementRate: 0.04,
      bufferMonths: suggested,
      startDate: '2026-03-01',
      monthlyFigures: FIGURES,
      accountabilityGroup: true,
      // Fields the user never saw get the contract's defaults, so the server receives complete answers.
      filingStatus: 'single',
    });
    await page.locator('#open-plan').click();
    await eventually(async () => (await sidebar.calls()).filter((c) => c.name === 'leapActivatePlan').length, 1);
  }, 90_000);

  // How fast is a benchmark figure (npm run bench: sidebarReadyMs, goal < 300 ms), not a timed test: on a loaded
  // machine a time limit fails for no fault of the page. The test holds what the figure is made of.
  test('the first step marks itself usable once loaded, on each of 5 fresh loads', async () => {
    const marks: number[] = [];
    const walls: number[] = [];
    for (let run = 0; run < 5; run++) {
      sidebar = await openSidebar(browser, { draft: null });
      marks.push(sidebar.interactiveMs);
      walls.push(sidebar.wallMs);
      expect(sidebar.problems).toEqual([]);
      // Marked usable means usable: the first question answers a click.
      await sidebar.page.locator('input[name="pathKind"]').first().check();
      await expect(sidebar.page.locator('input[name="pathKind"]').first().isChecked()).resolves.toBe(true);
      if (run < 4) await sidebar.page.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const runs = marks.map((m) => m.toFixed(0)).join(', ');
    console.log(
      `sidebar interactive: median ${median(marks).toFixed(0)} ms after navigation start (page mark; runs ${runs}); ` +
        `median ${median(walls)} ms from page.goto as Playwright saw it`,
    );
    for (const mark of marks) expect(mark).toBeGreaterThan(0);
    for (const mark of marks) expect(Number.isFinite(mark)).toBe(true);
  });

  test('opens on the first unfinished step of a saved draft, showing hostile text as plain text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    sidebar = await openSidebar(browser, {
      draft: {
        pathKind: 'remote_specialist',
        autonomyPreference: 5,
        locationPreference: 5,
        schedulePreference: 4,
        nicheService: hostile,
        skills: '=IMPORTXML("http://example.com","//a")',
        demandAsked: 2,
        demandPaid: 2,
        demandReach: 2,
        monthlyExpenses: 2800,
        currentSavings: 5000,
        annualSalary: 54000,
        projectedMonthlyLow: 1800,
        projectedMonthlyHigh: 4000,
        taxRate: 0.25,
      },
    });
    const { page } = sidebar;
    // Steps 1-4 are complete and step 5 asks only optional questions, so the first step still needing answers is 6.
    await eventually(() => stepText(page), 'Step 6 of 9');
    expect(await page.locator('#save-status').textContent()).toBe('Draft restored');
    await page.locator('#back').click();
    await page.locator('#back').click();
    expect(await page.locator('[name="taxRate"]').inputValue()).toBe('25');
    await page.locator('#back').click();
    await page.locator('#back').click();
    expect(await page.locator('[name="nicheService"]').inputValue()).toBe(hostile);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(page, 'restored-draft-hostile-text');
  });

  test('an empty saved draft is no draft: nothing says "Draft restored"', async () => {
    sidebar = await openSidebar(browser, { draft: {} });
    const { page } = sidebar;
    await eventually(async () => (await sidebar.calls()).some((c) => c.name === 'leapGetPlanAnswers'), true);
    await page.waitForTimeout(100);
    expect(await page.locator('#save-status').textContent()).toBe('');
    expect(await stepText(page)).toBe('Step 1 of 9');
  });

  test('a plan sheet edited since the build: its inputs replace the draft’s, the rest stays as drafted', async () => {
    const draft = { ...COMPLETE_DRAFT, monthlyExpenses: 3200, currentSavings: 8000, taxRate: 0.3 };
    sidebar = await openSidebar(browser, {
      draft,
      planAnswers: {
        sheetName: 'My plan',
        answers: { monthlyExpenses: 3500, currentSavings: 8000, taxMode: 'flat', taxRate: 0.25, startDate: '2027-01-15' },
      },
    });
    const { page } = sidebar;
    await eventually(() => stepText(page), 'Step 9 of 9');
    expect(await page.locator('#from-sheet').textContent()).toBe(
      `Read from “My plan” as it is now: ${[FIELDS.monthlyExpenses, FIELDS.taxRate, FIELDS.startDate].map((f) => f.label).join('; ')}.`,
    );
    const review = (await page.locator('#review').textContent()) ?? '';
    for (const shown of ['3,500', '25%', 'Jan 15, 2027', 'Pricing audits']) expect(review).toContain(shown);
    // What the wizard now holds becomes the draft, so the next opening agrees with the sheet.
    await eventually(async () => (await sidebar.draft())?.monthlyExpenses, 3500);
    expect(await sidebar.draft()).toMatchObject({ taxRate: 0.25, startDate: '2027-01-15', nicheService: 'Pricing audits' });
  });

  test('Edit on the review, then one click on "Back to review" returns there', async () => {
    sidebar = await openSidebar(browser, { draft: COMPLETE_DRAFT });
    const { page } = sidebar;
    await eventually(() => stepText(page), 'Step 9 of 9');
    expect(await page.locator('#back-to-review').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Edit Money today' }).click();
    await expectStep(page, 2);
    expect(await page.locator('#back-to-review').isVisible()).toBe(true);
    await fill(page, 'monthlyExpenses', '4,100');
    // A bad answer keeps the user on the step, with the reason, as Next would.
    await fill(page, 'currentSavings', 'lots');
    await page.locator('#back-to-review').click();
    await expectStep(page, 2);
    expect(await errorOf(page, 'currentSavings')).toBe('Enter your savings as an amount, e.g. 1200');
    await fill(page, 'currentSavings', '9000');
    await screenshot(page, 'edit-from-review');
    await page.locator('#back-to-review').click();
    await expectStep(page, 8);
    expect(await page.locator('#review').textContent()).toContain('4,100');
    expect(await page.locator('#back-to-review').isHidden()).toBe(true);
  });

  test('the date error gives its example the way the date picker shows dates', async () => {
    sidebar = await openSidebar(browser, { draft: { ...COMPLETE_DRAFT, startDate: undefined } });
    const { page } = sidebar;
    await eventually(() => stepText(page), 'Step 6 of 9');
    await next(page);
    const example = await page.evaluate(() =>
      new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2026, 2, 1)),
      ),
    );
    expect(await errorOf(page, 'startDate')).toBe(`Enter the start date, e.g. ${example}`);
    expect(example).not.toBe('2026-03-01');
  });

  test('keyboard only: Enter is Next, choices by arrow keys, focus lands on each step’s first question', async () => {
    sidebar = await openSidebar(browser);
    const { page } = sidebar;
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name'));
    // Arrow keys move through a radio group and select; Tab goes to the next question.
    expect(await focusedName()).toBe('pathKind');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="pathKind"]:checked').getAttribute('value')).toBe(
      Object.keys(FIELDS.pathKind.options)[1],
    );
    for (const name of ['autonomyPreference', 'locationPreference', 'schedulePreference']) {
      await page.keyboard.press('Tab');
      expect(await focusedName()).toBe(name);
      await page.keyboard.press('ArrowRight');
    }
    // The focused element shows a visible focus ring.
    const ring = await page.evaluate(() => {
      const span = document.activeElement?.nextElementSibling as HTMLElement;
      return getComputedStyle(span).boxShadow;
    });
    expect(ring).not.toBe('none');
    await page.keyboard.press('Enter');
    await expectStep(page, 1);
    expect(await focusedName()).toBe('nicheService');
    expect(await page.locator('#announcer').textContent()).toBe(`Step 2 of 9: ${STEPS[1].title}. ${STEPS[1].why}`);
    // Enter on an unfinished step stays, and focus goes to the first question to fix.
    await page.keyboard.press('Enter');
    await expectStep(page, 1);
    expect(await focusedName()).toBe('nicheService');
    expect(await page.locator('#announcer').textContent()).toBe('4 answers need fixing before Next.');
  });

  test('typing is saved once after a pause, not on every keystroke; changing step saves at once', async () => {
    sidebar = await openSidebar(browser);
    const { page } = sidebar;
    const saves = async () => (await sidebar.calls()).filter((c) => c.name === 'leapSaveDraft');
    await eventually(() => page.locator('#save-status').textContent(), '');
    await choose(page, 'pathKind', 'creative_freelancer');
    await page.locator('input[name="autonomyPreference"][value="3"]').check();
    expect(await saves()).toHaveLength(0);
    await eventually(async () => (await saves()).length, 1);
    expect((await saves())[0].args[0]).toMatchObject({ pathKind: 'creative_freelancer', autonomyPreference: 3 });
    await choose(page, 'locationPreference', '4');
    await choose(page, 'schedulePreference', '2');
    await next(page);
    // Next saves without waiting for the pause.
    expect(await saves()).toHaveLength(2);
    await page.locator('[name="nicheService"]').pressSequentially('Data audits', { delay: 20 });
    await eventually(async () => (await saves()).length, 3);
    expect((await saves())[2].args[0]).toMatchObject({ nicheService: 'Data audits', schedulePreference: 2 });
    await eventually(() => page.locator('#save-status').textContent(), 'Draft saved');
  });

  test('Start over clears the saved draft and the form', async () => {
    sidebar = await openSidebar(browser, {
      draft: { pathKind: 'skilled_trade', autonomyPreference: 3, locationPreference: 2, schedulePreference: 4 },
    });
    const { page } = sidebar;
    await eventually(() => stepText(page), 'Step 2 of 9');
    await page.locator('#start-over').click();
    expect(await page.locator('#start-over-confirm').isVisible()).toBe(true);
    await screenshot(page, 'start-over-confirm');
    await page.locator('#confirm-start-over').click();
    await eventually(() => stepText(page), 'Step 1 of 9');
    expect(await page.locator('input[name="pathKind"]:checked').count()).toBe(0);
    expect(await sidebar.draft()).toBeNull();
    expect((await sidebar.calls()).map((c) => c.name)).toContain('leapClearDraft');
    expect(await page.locator('#save-status').textContent()).toBe('Answers cleared');
  });

  test('server errors are shown in plain words, and the page stays usable', async () => {
    sidebar = await openSidebar(browser, {
      fail: { leapGetDraft: 'Exception: You do not have permission to read this spreadsheet.' },
    });
    const { page } = sidebar;
    await eventually(
      () => page.locator('#server-error').textContent(),
      'Your saved answers could not be loaded: You do not have permission to read this spreadsheet.',
    );
    expect(await page.locator('#server-error').getAttribute('role')).toBe('alert');
    await sidebar.setFailure('leapSaveDraft', 'Your answers are too long to save as a draft (9.4 KB of 9 KB).');
    await choose(page, 'pathKind', 'online_business');
    await eventually(() => page.locator('#save-status').textContent(), 'Draft not saved', 5000);
    expect(await page.locator('#server-error').textContent()).toBe(
      'Your draft was not saved: Your answers are too long to save as a draft (9.4 KB of 9 KB).',
    );
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'server-errors');
  });

  test('a failed build says why and keeps the answers', async () => {
    const complete = {
      pathKind: 'specialized_consultant',
      autonomyPreference: 4,
      locationPreference: 3,
      schedulePreference: 3,
      nicheService: 'Data audits',
      demandAsked: 3,
      demandPaid: 3,
      demandReach: 3,
      monthlyExpenses: 3000,
      currentSavings: 9000,
      annualSalary: 80000,
      projectedMonthlyLow: 3000,
      projectedMonthlyHigh: 7000,
      monthlySavings: 1000,
      startDate: '2026-02-01',
      clientsWanted: 2,
      outreachPerWeek: 5,
    };
    sidebar = await openSidebar(browser, {
      draft: complete,
      fail: { leapBuildPlan: 'Exception: A build is already running in this spreadsheet; try again in a minute.' },
    });
    const { page } = sidebar;
    await eventually(() => stepText(page), 'Step 9 of 9');
    await next(page);
    await eventually(
      () => page.locator('#server-error').textContent(),
      'The plan was not built: A build is already running in this spreadsheet; try again in a minute.',
    );
    expect(await page.locator('#next').isDisabled()).toBe(false);
    expect(await page.locator('#open-plan').count()).toBe(0);
    await screenshot(page, 'build-failed');
  });
});
