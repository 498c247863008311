/**
 * google.script.run in a page under test, forwarding each call to the built bundle on an emulator in Node through
 * page.exposeFunction('__leapServer', ...): the check-in and import pages' browser tests run against the real server.
 */
import type { Browser, Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src';

export /** google.script.run in the page, each call crossing to the emulator as JSON, as Apps Script sends plain data. */
function installBridge(): void {
  type Handler = ((value: unknown) => void) | undefined;
  const bridge = (window as unknown as { __leapServer: (name: string, args: string) => Promise<string> }).__leapServer;
  const runner = (success: Handler, failure: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === 'withSuccessHandler') return (h: Handler) => runner(h, failure);
          if (prop === 'withFailureHandler') return (h: Handler) => runner(success, h);
          if (prop === 'withUserObject') return () => runner(success, failure);
          return (...args: unknown[]) => {
            bridge(prop, JSON.stringify(args)).then(
              (result) => success?.(result === undefined ? undefined : JSON.parse(result)),
              (error: Error) => failure?.(new Error(error.message.replace(/^Error:\s*/, ''))),
            );
          };
        },
      },
    );
  Object.assign(window, {
    google: {
      script: {
        get run() {
          return runner(undefined, undefined);
        },
      },
    },
  });
}

/**
 * Exposes `em` to the page as __leapServer and installs the bridge before the page's scripts run. Each call is logged
 * in `calls`; `slow` holds a call back that many milliseconds first (to see the page while it waits).
 */
export async function bridgeToEmulator(
  page: Page,
  em: Emulator,
  calls: string[] = [],
  slow: Record<string, number> = {},
): Promise<string[]> {
  await page.exposeFunction('__leapServer', async (name: string, args: string) => {
    calls.push(name);
    if (slow[name]) await new Promise((resolve) => setTimeout(resolve, slow[name]));
    try {
      // scriptRun: a Date or another value google.script.run refuses in the result fails the call, as on Apps Script.
      return JSON.stringify(em.scriptRun(name, ...JSON.parse(args)) ?? null);
    } catch (error) {
      // The message Apps Script would hand the failure handler.
      throw new Error(error instanceof Error ? error.message : String(error));
    }
  });
  await page.addInitScript(installBridge);
  return calls;
}

/** A page of the add-on opened from dist/ in Chromium, its google.script.run on an emulator. */
export interface PageOnEmulator {
  page: Page;
  /** Page errors and any request that left the page (it must load nothing from the network). */
  problems: Error[];
  /** The server functions the page called, in order. */
  calls: string[];
}

/**
 * Opens `file` (a page in dist/) at `viewport`, with google.script.run bridged to `em` and every network request
 * refused and recorded as a problem; `slow` holds calls back (see bridgeToEmulator).
 */
export async function openPageOnEmulator(
  browser: Browser,
  file: string,
  em: Emulator,
  options: { viewport: { width: number; height: number }; locale?: string; timeoutMs?: number; slow?: Record<string, number> },
): Promise<PageOnEmulator> {
  const page = await browser.newPage({ viewport: options.viewport, locale: options.locale ?? 'en-US' });
  page.setDefaultTimeout(options.timeoutMs ?? 15000);
  const problems: Error[] = [];
  page.on('pageerror', (e) => problems.push(e));
  await page.route(/^(?!file:)/, (route) => {
    problems.push(new Error(`network request to ${route.request().url()}`));
    return route.abort();
  });
  const calls = await bridgeToEmulator(page, em, [], options.slow);
  await page.goto(`file://${file}`);
  return { page, problems, calls };
}
