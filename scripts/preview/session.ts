/**
 * One preview session: the emulator running the built bundle, the sample workbook, and what the user has
 * dismissed (Sheets keeps no record of a closed sidebar; the page must stop showing it).
 */
import { type Emulator, loadDist, type PageShown } from '../../emulator/src/index';
import { createLeapEmulator } from '../../test/support/emulator';
import type { HtmlPanelView, PreviewView, ScriptRunAnswer } from './protocol';
import { loadSampleWorkbook, SAMPLE_TITLE } from './sample';
import { sheetView } from './sheet-view';

export interface PreviewSessionOptions {
  /** Start with a blank spreadsheet instead of the sample workbook. */
  empty: boolean;
  /** The built add-on (dist/). */
  distDir: string;
  /** The spreadsheet locale, e.g. en_GB (default en_US): money formats and number display follow it. */
  locale?: string;
  /**
   * Computes every custom function at once (npm start -- --instant-functions) instead of as Sheets does: each
   * custom-function cell its own execution, "Loading..." until it returns.
   */
  instantFunctions?: boolean;
  /** Milliseconds one custom-function execution takes in the preview (default PREVIEW_EXECUTION_MS). */
  executionMs?: number;
}

/**
 * How long one custom-function execution takes in the preview. Google publishes no figure; each execution is a round
 * trip to the Apps Script server (Custom Functions guide, https://developers.google.com/apps-script/guides/sheets/
 * functions), and a cell typically shows "Loading..." for about a second before a quick function's result arrives
 * (an assumption from using Sheets, not a documented number). The page shows the rounds a chain of them takes.
 */
export const PREVIEW_EXECUTION_MS = 1000;

/** A Sheets locale name: a language and an optional region, e.g. en_GB or de_DE. */
export const LOCALE_NAME = /^[a-z]{2,3}(_[A-Z]{2})?$/;

/** Sheets' sidebar is always 300 px wide, whatever setWidth asked for. */
const SIDEBAR_WIDTH = 300;

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The page's own <title>, which names its frame; HtmlOutput.setTitle's text when the page has none. */
export function pageTitle(page: PageShown): string {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(page.html);
  const own = match ? decodeEntities(match[1]).trim() : '';
  return own || page.title;
}

export class PreviewSession {
  emulator!: Emulator;
  private readonly pageIds = new WeakMap<object, number>();
  private nextPageId = 1;
  private dismissedSidebar: PageShown | undefined;
  private dismissedDialogs = 0;
  private dismissedAlerts = 0;
  private title = SAMPLE_TITLE;

  private locale: string;
  /** Real time the emulator's clock was last moved to (executions mode). */
  private clockAt = Date.now();

  constructor(private readonly options: PreviewSessionOptions) {
    this.locale = options.locale ?? 'en_US';
    this.reset();
  }

  /**
   * A fresh emulator with the built bundle, the sample workbook (unless --empty) and the menu from onOpen,
   * in the given spreadsheet locale (kept for later resets) or the one it had.
   */
  reset(locale?: string): void {
    if (locale !== undefined) {
      if (!LOCALE_NAME.test(locale)) throw new Error(`Unknown locale "${locale}": give a language and region such as en_GB.`);
      this.locale = locale;
    }
    const emulator = createLeapEmulator({
      locale: this.locale,
      ...(this.options.instantFunctions
        ? {}
        : { customFunctionExecutions: { executionMs: this.options.executionMs ?? PREVIEW_EXECUTION_MS } }),
    });
    this.clockAt = Date.now();
    loadDist(emulator, this.options.distDir);
    this.title = this.options.empty ? 'Untitled spreadsheet' : SAMPLE_TITLE;
    if (!this.options.empty) loadSampleWorkbook(emulator);
    // Setting up the workbook is not the add-on's work: the call count starts with its onOpen.
    emulator.resetCalls();
    // Opening a file runs onOpen in AuthMode.NONE until the add-on is used in it; the menu must build anyway.
    emulator.setAuthMode('NONE');
    emulator.run('onOpen');
    emulator.setAuthMode('FULL');
    this.emulator = emulator;
    this.dismissedSidebar = undefined;
    this.dismissedDialogs = 0;
    this.dismissedAlerts = 0;
  }

  enterInput(sheetName: string, a1: string, input: string): void {
    this.emulator.enterInput(sheetName, a1, input);
  }

  activate(sheetName: string): void {
    // The user clicking a tab is not a call the add-on made: the workbook is changed past the call log.
    const sheet = this.emulator.workbook.getSheetByName(sheetName);
    if (!sheet) throw new Error(`There is no sheet named "${sheetName}".`);
    sheet.activate();
  }

  /**
   * A menu item: the top-level function of the bundle it names, with the cell the person selected (the page's
   * selection) as the spreadsheet's active range. Selecting is the person's doing, so it is not a logged call.
   */
  runMenuItem(functionName: string, selection?: { sheet: string; a1: string }): void {
    if (selection) {
      const sheet = this.emulator.workbook.getSheetByName(selection.sheet);
      if (!sheet) throw new Error(`There is no sheet named "${selection.sheet}".`);
      sheet.getRange(selection.a1).activate();
    }
    this.emulator.run(functionName);
  }

  /**
   * google.script.run from the sidebar or a dialog: the emulator's scriptRun, which refuses private names and a
   * Date, a function or another prohibited value in the arguments or the result as Google's HtmlService does (the
   * page shim refuses them in the arguments before sending, since JSON would turn a Date into text on the way).
   */
  scriptRun(functionName: string, args: unknown[]): ScriptRunAnswer {
    try {
      const result = this.emulator.scriptRun(functionName, ...args);
      // A function that returns nothing gives the success handler undefined, as Google's does.
      return { ok: true, result };
    } catch (e) {
      // The bundle's errors come from its own realm, where `instanceof Error` is false.
      const error = typeof e === 'object' && e !== null && 'message' in e ? (e as Error) : new Error(String(e));
      return { ok: false, error: { name: error.name || 'Error', message: String(error.message) } };
    }
  }

  dismiss(kind: 'sidebar' | 'dialog' | 'alert'): void {
    const ui = this.emulator.ui;
    if (kind === 'sidebar') this.dismissedSidebar = ui.sidebar;
    else if (kind === 'dialog') this.dismissedDialogs = ui.dialogs.length;
    else this.dismissedAlerts = ui.alerts.length;
  }

  private openSidebar(): PageShown | undefined {
    const sidebar = this.emulator.ui.sidebar;
    return sidebar && sidebar !== this.dismissedSidebar ? sidebar : undefined;
  }

  /** Sheets shows one dialog at a time: the latest one not yet closed. */
  private openDialog(): PageShown | undefined {
    const { dialogs } = this.emulator.ui;
    return dialogs.length > this.dismissedDialogs ? dialogs[dialogs.length - 1] : undefined;
  }

  sidebarHtml(): string | undefined {
    return this.openSidebar()?.html;
  }

  dialogHtml(): string | undefined {
    return this.openDialog()?.html;
  }

  private pageId(page: PageShown): number {
    let id = this.pageIds.get(page);
    if (id === undefined) {
      id = this.nextPageId++;
      this.pageIds.set(page, id);
    }
    return id;
  }

  private panel(page: PageShown | undefined, width?: number): HtmlPanelView | undefined {
    if (!page) return undefined;
    return {
      id: this.pageId(page),
      title: page.title,
      frameTitle: pageTitle(page),
      width: width ?? page.width,
      ...(page.height === undefined ? {} : { height: page.height }),
    };
  }

  /**
   * Moves the emulator's virtual clock on by the real time since the last request, so custom-function executions
   * finish as they would on Sheets while the person watches (the page asks again while any cell is loading).
   */
  advanceClock(): void {
    const now = Date.now();
    this.emulator.advanceTime(Math.max(0, now - this.clockAt));
    this.clockAt = now;
  }

  view(): PreviewView {
    this.advanceClock();
    const { ui, workbook } = this.emulator;
    const alerts = ui.alerts;
    const alert = alerts.length > this.dismissedAlerts ? alerts[alerts.length - 1] : undefined;
    const toast = ui.toasts[ui.toasts.length - 1];
    return {
      title: this.title,
      sheets: workbook.getSheets().map((s) => ({ name: s.getName(), hidden: s.isSheetHidden() })),
      active: sheetView(workbook.getActiveSheet()),
      menus: ui.menus.map((m) => ({ name: m.name, addon: m.addon, items: m.items })),
      sidebar: this.panel(this.openSidebar(), SIDEBAR_WIDTH),
      dialog: this.panel(this.openDialog()),
      ...(alert ? { alert: { id: alerts.length, title: alert.title, prompt: alert.prompt } } : {}),
      ...(toast ? { toast: { id: ui.toasts.length, title: toast.title, message: toast.message } } : {}),
      // The call log's length, as toJSON counts it: toJSON itself would read every cell of every sheet (seconds on
      // a 5,000-row ledger) on each drawing.
      calls: this.emulator.calls.length,
      calculating: this.emulator.customFunctionExecutions.some((e) => !e.done),
    };
  }
}
