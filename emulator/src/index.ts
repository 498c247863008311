/**
 * An offline, in-memory Google Sheets for Apps Script code: SpreadsheetApp, HtmlService, PropertiesService,
 * LockService, Session, Utilities and Logger with Google's method names, formulas evaluated by HyperFormula,
 * a call log, fault injection and Google's failure messages. It runs a built Apps Script bundle in a bare vm
 * context, so tests and the preview exercise exactly the code that is pushed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as buildersModule from './builders';
import { Emulated } from './calls';
import { EmulatorImpl } from './emulator';
import type { CustomFunctionExecution, ExecutionFailure } from './formulaEngine';
import * as servicesModule from './services';
import type { Spreadsheet } from './spreadsheet';
import * as spreadsheetModule from './spreadsheet';
import type { AuthMode, EmulatorOptions, ServiceCall, SettleReport, SpreadsheetJSON, UiState } from './types';

export type { CustomFunctionExecution, ExecutionFailure } from './formulaEngine';
export { EXECUTION_ERRORS, EXECUTION_LIMIT_MS, LOADING_TEXT } from './formulaEngine';
export { copyAcrossScriptRun, copyArgumentsAcrossScriptRun, isCallableFromPage, ScriptRunError } from './scriptRun';
export type {
  AddonOptions,
  AuthMode,
  CellJSON,
  EmulatorOptions,
  MenuEntry,
  MenuShown,
  PageShown,
  ServiceCall,
  SettleReport,
  SpreadsheetJSON,
  UiState,
} from './types';
export type { Spreadsheet };

export interface Emulator {
  /** The globals a bundle sees: SpreadsheetApp, HtmlService, PropertiesService, LockService, Session, Utilities, Logger, console. */
  readonly globals: Record<string, unknown>;
  /** The active spreadsheet, for tests to inspect directly (its calls are logged like the bundle's). */
  readonly spreadsheet: Spreadsheet;
  /**
   * Runs a bundle (dist/Code.js) in a bare vm context whose only globals are `globals`, and registers every
   * custom function it declares (`describeFunctions()` of EmulatorOptions.addon.functionsGlobal) in the formula
   * engine through its top-level stub.
   * htmlFiles: page name (file name without .html) -> HTML, for HtmlService.createHtmlOutputFromFile.
   * Returns the context (its top-level functions).
   */
  // biome-ignore lint/suspicious/noExplicitAny: the bundle's top-level functions are whatever the bundle declares
  loadBundle(code: string, htmlFiles?: Record<string, string>, scriptTimeZone?: string): Record<string, any>;
  /** Calls a top-level function of the loaded bundle as Apps Script would (menu callback, google.script.run, onOpen(e)). */
  run(functionName: string, ...args: unknown[]): unknown;
  /**
   * Calls a top-level function as google.script.run does from a sidebar or dialog: a private name (ending in "_")
   * is not found, and a Date, a function, a DOM element or another prohibited value in the arguments or the result
   * fails the call (Google's HtmlService guide); what crosses is a copy.
   */
  scriptRun(functionName: string, ...args: unknown[]): unknown;
  setAuthMode(mode: AuthMode): void;
  readonly authMode: AuthMode;
  /** Every service call since the last resetCalls(). */
  readonly calls: readonly ServiceCall[];
  resetCalls(): void;
  /** Fault injection: the nth service call from now (1 = the next) throws Error(message). */
  failOnCall(n: number, message?: string): void;
  /**
   * Interleaving: just before the nth service call from now (1 = the next), runs `action`, such as another
   * run() of the bundle, as a second execution would run between two calls of this one on Google.
   */
  beforeCall(n: number, action: () => void): void;
  /** What a user types into a cell: "=FORMULA", "1,200", "30%", "2026-01-15", "TRUE" or text. */
  enterInput(sheetName: string, a1: string, input: string): void;
  /** The shape GET /api/spreadsheet serves. */
  toJSON(): SpreadsheetJSON;
  /** What menus, sidebars, dialogs, toasts and alerts the code produced. */
  readonly ui: UiState;
  /** Lines written through Logger.log and console. */
  readonly logs: readonly string[];
  /** Milliseconds the script would have waited in Utilities.sleep and lock waits (nothing really sleeps). */
  readonly virtualTimeMs: number;
  /** Moves the virtual clock on, finishing the custom-function executions due by then (executions mode). */
  advanceTime(ms: number): void;
  /** Finishes every queued execution and those their results start; reports rounds, executions and virtual ms. */
  settle(): SettleReport;
  /** Cells reading "Loading..." now, as "'Sheet name'!B20". */
  loadingCells(): string[];
  /** Every execution queued in executions mode, in order: function, cell, round, times, error. */
  readonly customFunctionExecutions: readonly CustomFunctionExecution[];
  /** Makes matching executions (by functionName and/or cell) fail with Google's message, or `message`. */
  failExecutions(failure: ExecutionFailure): void;
  /** The spreadsheet without the call boundary: not logged, `_`-prefixed internals reachable (preview, tests). */
  readonly workbook: Spreadsheet;
}

/** Every emulated Apps Script method as "Class.method", counted from the classes themselves. */
export function emulatedMethods(): string[] {
  const classes: { name: string; proto: object }[] = [];
  for (const mod of [spreadsheetModule, buildersModule, servicesModule]) {
    for (const value of Object.values(mod)) {
      if (typeof value === 'function' && value.prototype instanceof Emulated)
        classes.push({ name: value.name, proto: value.prototype });
    }
  }
  const names: string[] = [];
  for (const { proto } of classes) {
    const instanceName =
      SERVICE_NAMES[(proto.constructor as { name: string }).name] ?? (proto.constructor as { name: string }).name;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (key !== 'constructor' && !key.startsWith('_') && typeof d?.value === 'function') names.push(`${instanceName}.${key}`);
    }
  }
  return names.sort();
}

/** Class names that differ from the service name scripts see. */
const SERVICE_NAMES: Record<string, string> = {
  SpreadsheetAppService: 'SpreadsheetApp',
  ScriptAppService: 'ScriptApp',
  ChartsService: 'Charts',
  UiService: 'Ui',
  HtmlServiceImpl: 'HtmlService',
  PropertiesServiceImpl: 'PropertiesService',
  LockServiceImpl: 'LockService',
  SessionService: 'Session',
  UtilitiesService: 'Utilities',
  LoggerService: 'Logger',
};

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new EmulatorImpl(options) as Emulator;
}

/** The repository's dist/ folder (emulator/src -> repo root). */
export const DIST_DIR = join(findRepoRoot(__dirname), 'dist');

/** The nearest folder above `from` with a package.json: the repository, also when this file is bundled elsewhere. */
export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return join(from, '..', '..');
  }
}

/** Loads the built dist/Code.js and dist/*.html into the emulator; returns the bundle's context. */
// biome-ignore lint/suspicious/noExplicitAny: the bundle's top-level functions are whatever the bundle declares
export function loadDist(emulator: Emulator, distDir: string = DIST_DIR): Record<string, any> {
  const code = readFileSync(join(distDir, 'Code.js'), 'utf8');
  const htmlFiles: Record<string, string> = {};
  for (const file of readdirSync(distDir)) {
    if (file.endsWith('.html')) htmlFiles[file.slice(0, -'.html'.length)] = readFileSync(join(distDir, file), 'utf8');
  }
  // The script's own zone comes from its manifest, as on Google; the spreadsheet's is the emulator's.
  const manifestPath = join(distDir, 'appsscript.json');
  const scriptTimeZone = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { timeZone?: string }).timeZone
    : undefined;
  return emulator.loadBundle(code, htmlFiles, scriptTimeZone);
}
