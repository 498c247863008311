/**
 * The wizard tests' fake server crosses google.script.run under Google's rules, as the emulator and the preview do
 * (emulator/src/scriptRun.ts). Google, "Class google.script.run (Client-side API)"
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)): "Requests fail if you
 * attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types
 * inside objects or arrays"; return values are "subject to the same restrictions".
 */
import type { Browser } from 'playwright-core';
import { launchChromium, openSidebar } from './page';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A server function called from the page with a prohibited argument. */
const call = (name: string, arg: 'date' | 'element') => ({ name, arg });

// The results the fake server's handlers give cross the same check (copyAcrossScriptRun); Playwright hands the
// setup to the page as JSON, so a test cannot plant a Date in them: emulator/test/scriptRun.test.ts covers results.
test('a Date or a DOM element in the arguments fails in the page, before the fake server hears of the call', async () => {
  const sidebar = await openSidebar(browser);
  const outcome = (c: ReturnType<typeof call>) =>
    sidebar.page.evaluate(
      ({ name, arg }) =>
        new Promise<string>((resolve) => {
          type Run = Record<string, (...args: unknown[]) => Run>;
          const run = (window as unknown as { google: { script: { run: Run } } }).google.script.run;
          const value = arg === 'date' ? [{ startDate: new Date(2026, 2, 1) }] : { at: document.body };
          run
            .withSuccessHandler(() => resolve('succeeded'))
            .withFailureHandler((e: unknown) => resolve(`${(e as Error).name}: ${(e as Error).message}`))
            [name](value);
        }),
      c,
    );
  const before = (await sidebar.calls()).length;
  await expect(outcome(call('leapSaveDraft', 'date'))).resolves.toMatch(
    /^ScriptError: google\.script\.run\.leapSaveDraft: argument 1 holds a Date at \[0\]\.startDate/,
  );
  await expect(outcome(call('leapSaveDraft', 'element'))).resolves.toMatch(
    /argument 1 holds a (DOM element|HTMLBodyElement) at \.at/,
  );
  // Refused in the page: the server never heard of them.
  expect((await sidebar.calls()).length).toBe(before);
  await sidebar.page.close();
});
