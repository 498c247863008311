/**
 * Opens the built dist/Sidebar.html in Chromium at sidebar width, with google.script.run replaced by an
 * in-page fake server that keeps the draft, records every call and can be told to fail. Arguments and results
 * cross it under Google's rules (emulator/src/scriptRun.ts, bundled into the page): a Date or a function in them
 * fails the call, as on Apps Script, instead of turning into text.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type {
  AnswersPayload,
  BuildResult,
  DocumentMoney,
  PlanAnswers,
  ServerFunctionName,
  ServerFunctions,
} from '../../src/protocol';

export const SIDEBAR_FILE = join(__dirname, '..', '..', 'dist', 'Sidebar.html');
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'sidebar');
/** A Google Sheets sidebar is 300 px wide; the height is the window's. */
export const SIDEBAR_SIZE = { width: 300, height: 640 };

/** The shared launcher: it fails loudly, never skips, when Chromium is missing. */
export { launchChromium } from '../support/browser';

/** The page's global holding emulator/src/scriptRun.ts, which the fake server checks every crossing with. */
const SCRIPT_RUN_RULES = '__leapScriptRunRules';

/** emulator/src/scriptRun.ts as a page script: the same rules the emulator and the preview's page shim apply. */
export function scriptRunRulesScript(): string {
  return esbuild.buildSync({
    entryPoints: [join(__dirname, '..', '..', 'emulator', 'src', 'scriptRun.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: SCRIPT_RUN_RULES,
    // Playwright runs an init script inside a function, where a top-level var is no global.
    footer: { js: `window.${SCRIPT_RUN_RULES} = ${SCRIPT_RUN_RULES};` },
    platform: 'browser',
    target: 'es2019',
  }).outputFiles[0].text;
}

export interface FakeServerSetup {
  /** The draft leapGetDraft returns (null: none saved yet). */
  draft?: Record<string, unknown> | null;
  /** google.script.run function name -> the message it fails with. */
  fail?: Record<string, string>;
  /** What leapBuildPlan returns. */
  buildResult?: BuildResult;
  /** The document's money style leapGetDraft reports (null or absent: a locale Jumpwise does not know, plain numbers). */
  money?: DocumentMoney | null;
  /** How the document writes numbers (en_US's unless given). */
  numbers?: { group: string; decimal: string };
  /** The document's date pattern (en_US's unless given). */
  datePattern?: string;
  /** What leapGetPlanAnswers returns (null or absent: the spreadsheet has no plan). */
  planAnswers?: PlanAnswers | null;
  /** Round-trip time of each call, as in Apps Script where every call is a request. */
  delayMs?: number;
  /** Slower round trips for some functions (a build takes seconds in Sheets). */
  slow?: Record<string, number>;
}

export interface ServerCall {
  name: string;
  args: unknown[];
}

/** Runs in the page before its own script: the shape of google.script.run (withSuccessHandler/withFailureHandler chains). */
function installFakeServer(setup: FakeServerSetup): void {
  const state = {
    calls: [] as ServerCall[],
    draft: setup.draft ?? null,
    fail: setup.fail ?? {},
  };
  type Rules = typeof import('../../emulator/src/scriptRun');
  // The name is repeated: this function is serialised into the page and cannot read SCRIPT_RUN_RULES.
  const rules = (window as unknown as { __leapScriptRunRules: Rules }).__leapScriptRunRules;
  const copy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
  // Typed by the protocol: a handler missing or returning another shape than the server's does not compile.
  const handlers: ServerFunctions = {
    leapGetDraft: () => ({
      answers: state.draft,
      savedAt: state.draft ? '2026-01-05T10:00:00.000Z' : null,
      taxCountry: 'us',
      money: setup.money ?? null,
      numbers: setup.numbers ?? { group: ',', decimal: '.' },
      datePattern: setup.datePattern ?? 'mmm d, yyyy',
    }),
    leapSaveDraft: (answers: AnswersPayload) => {
      state.draft = answers;
      return { savedAt: new Date().toISOString(), bytes: JSON.stringify(answers).length };
    },
    leapClearDraft: () => {
      state.draft = null;
      return { cleared: true };
    },
    leapBuildPlan: () => setup.buildResult ?? { sheetName: 'Transition Plan', keyNumbers: [] },
    leapActivatePlan: () => ({ sheetName: setup.buildResult?.sheetName ?? 'Transition Plan' }),
    leapGetPlanAnswers: () => setup.planAnswers ?? null,
    // The import page's functions: the wizard never calls them, so a call is a defect the test should see.
    leapImportStatement: () => {
      throw new Error('The wizard page called leapImportStatement');
    },
    leapGetStatementMapping: () => {
      throw new Error('The wizard page called leapGetStatementMapping');
    },
    leapGetImportPage: () => {
      throw new Error('The wizard page called leapGetImportPage');
    },
    leapUndoLastImport: () => {
      throw new Error('The wizard page called leapUndoLastImport');
    },
    // The check-in page's functions, likewise.
    leapGetCheckIn: () => {
      throw new Error('The wizard page called leapGetCheckIn');
    },
    leapSetPlanHistory: () => {
      throw new Error('The wizard page called leapSetPlanHistory');
    },
    leapSaveCheckIn: () => {
      throw new Error('The wizard page called leapSaveCheckIn');
    },
    leapShowUncategorised: () => {
      throw new Error('The wizard page called leapShowUncategorised');
    },
    leapShowInvoices: () => {
      throw new Error('The wizard page called leapShowInvoices');
    },
    leapGetInvoiceMatches: () => {
      throw new Error('The wizard page called leapGetInvoiceMatches');
    },
    leapMatchInvoice: () => {
      throw new Error('The wizard page called leapMatchInvoice');
    },
    leapUnmatchInvoice: () => {
      throw new Error('The wizard page called leapUnmatchInvoice');
    },
    leapGetSimilarRows: () => {
      throw new Error('The wizard page called leapGetSimilarRows');
    },
    leapMakeRule: () => {
      throw new Error('The wizard page called leapMakeRule');
    },
    leapApplyToSimilar: () => {
      throw new Error('The wizard page called leapApplyToSimilar');
    },
  };
  type Handler = ((value: unknown) => void) | undefined;
  const runner = (success: Handler, failure: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_target, prop: string) {
          if (prop === 'withSuccessHandler') return (h: Handler) => runner(h, failure);
          if (prop === 'withFailureHandler') return (h: Handler) => runner(success, h);
          if (prop === 'withUserObject') return () => runner(success, failure);
          const handler = handlers[prop as ServerFunctionName] as ((...args: unknown[]) => unknown) | undefined;
          if (!handler) return undefined;
          return (...args: unknown[]) => {
            let sent: unknown[];
            try {
              sent = rules.copyArgumentsAcrossScriptRun(prop, args);
            } catch (e) {
              // Refused in the page: the server never hears of the call.
              setTimeout(() => failure?.(e), 0);
              return;
            }
            state.calls.push({ name: prop, args: copy(sent) });
            setTimeout(
              () => {
                if (state.fail[prop]) {
                  failure?.(new Error(state.fail[prop]));
                  return;
                }
                try {
                  success?.(rules.copyAcrossScriptRun(handler(...sent), prop, 'the result'));
                } catch (e) {
                  failure?.(e);
                }
              },
              setup.slow?.[prop] ?? setup.delayMs ?? 15,
            );
          };
        },
      },
    );
  Object.assign(window, {
    __fakeServer: state,
    google: {
      script: {
        get run() {
          return runner(undefined, undefined);
        },
      },
    },
  });
}

export interface SidebarPage {
  page: Page;
  /** Milliseconds from navigation start to the first step being usable (the page's own performance mark). */
  interactiveMs: number;
  /** Milliseconds from page.goto until Playwright saw the page's mark, round trips to the browser included. */
  wallMs: number;
  /** Script errors and network attempts seen so far; a test ends by expecting none. */
  problems: Error[];
  calls(): Promise<ServerCall[]>;
  draft(): Promise<Record<string, unknown> | null>;
  setFailure(name: string, message: string | null): Promise<void>;
}

export async function openSidebar(browser: Browser, setup: FakeServerSetup = {}): Promise<SidebarPage> {
  const page = await browser.newPage({ viewport: SIDEBAR_SIZE });
  // A missing or hidden element fails the test in seconds instead of at Jest's 30 s limit.
  page.setDefaultTimeout(5000);
  const pageErrors: Error[] = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  // Nothing may come from the network: any request other than the file itself fails the test.
  await page.route(/^(?!file:)/, (route) => {
    pageErrors.push(new Error(`network request to ${route.request().url()}`));
    return route.abort();
  });
  await page.addInitScript({ content: scriptRunRulesScript() });
  await page.addInitScript(installFakeServer, setup);
  const started = Date.now();
  await page.goto(`file://${SIDEBAR_FILE}`);
  // Not "the first question is visible": a restored draft may already have moved the page on to a later step.
  await page.waitForFunction(() => performance.getEntriesByName('leap-wizard-interactive').length > 0);
  const wallMs = Date.now() - started;
  const interactiveMs = await page.evaluate(
    () => performance.getEntriesByName('leap-wizard-interactive')[0]?.startTime ?? Number.NaN,
  );
  type Shimmed = { __fakeServer: { calls: ServerCall[]; draft: Record<string, unknown> | null; fail: Record<string, string> } };
  return {
    page,
    interactiveMs,
    wallMs,
    problems: pageErrors,
    calls: () => page.evaluate(() => (window as unknown as Shimmed).__fakeServer.calls),
    draft: () => page.evaluate(() => (window as unknown as Shimmed).__fakeServer.draft),
    setFailure: (name, message) =>
      page.evaluate(
        ([n, m]) => {
          const fail = (window as unknown as Shimmed).__fakeServer.fail;
          if (m === null) delete fail[n as string];
          else fail[n as string] = m;
        },
        [name, message] as const,
      ),
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A full-page capture would paint the sticky footer at the first screen's bottom, over the questions; a window
  // as tall as the page shows every question with the footer where it ends up after scrolling.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: SIDEBAR_SIZE.width, height: Math.max(height, SIDEBAR_SIZE.height) });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize(SIDEBAR_SIZE);
}
