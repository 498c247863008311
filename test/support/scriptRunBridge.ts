/**
 * google.script.run in a page under test, forwarding each call to the built bundle on an emulator in Node through
 * page.exposeFunction('__leapServer', ...): the check-in and import pages' browser tests run against the real server.
 */
import type { Page } from 'playwright-core';
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
