/** The emulator: one spreadsheet, its services, a bundle loaded in a bare vm context, and the rules around calls. */
import vm from 'node:vm';
import { parseA1Range } from './a1';
import { CallLog } from './calls';
import { type CustomFunctionExecution, type CustomFunctionInfo, type ExecutionFailure, FormulaEngine } from './formulaEngine';
import { removeNewerBuiltins } from './newerBuiltins.mjs';
import { copyAcrossScriptRun, copyArgumentsAcrossScriptRun } from './scriptRun';
import {
  ChartsService,
  HtmlServiceImpl,
  LockServiceImpl,
  LoggerService,
  PropertiesServiceImpl,
  ScriptAppService,
  SessionService,
  SpreadsheetAppService,
  UtilitiesService,
} from './services';
import { Spreadsheet } from './spreadsheet';
import type { AuthMode, EmulatorOptions, ServiceCall, SettleReport, SpreadsheetJSON, UiState } from './types';
import { installZonedDate } from './zonedDate';

/** Services whose changing methods a custom function may not call (Google: custom functions are read-only). */
const DOCUMENT_SERVICES = new Set(['Spreadsheet', 'Sheet', 'Range', 'NamedRange', 'DeveloperMetadata', 'EmbeddedChart']);
const CHANGING_METHOD =
  /^(set|insert|delete|clear|merge|break|add|append|hide|show|activate|move|remove|copyTo|update|toast|duplicate|rename|check|uncheck|autoResize)/;

/** What an add-on may do in AuthMode.NONE: build its menu, nothing that reads the document or properties. */
const ALLOWED_IN_NONE: Record<string, RegExp> = {
  SpreadsheetApp: /^getUi$/,
  Ui: /^(createAddonMenu|createMenu)$/,
  Menu: /./,
  Logger: /./,
  Utilities: /./,
  ScriptApp: /./,
  Charts: /./,
};

/** Virtual ms one custom-function execution takes when the options name none. */
const DEFAULT_EXECUTION_MS = 1000;
/** settle() gives up after this many executions: a volatile argument (NOW(), RAND()) never settles on Sheets either. */
const MAX_SETTLE_EXECUTIONS = 100_000;

export class EmulatorImpl {
  readonly timeZone: string;
  /** The script's own zone (appsscript.json timeZone, given to loadBundle): Session.getScriptTimeZone. */
  scriptTimeZone: string;
  /** The user's own locale (Session.getActiveUserLocale); the spreadsheet's can change, this one stays. */
  readonly userLocale: string;
  readonly userEmail: string;
  readonly addonName: string;
  /** The global whose describeFunctions() lists the bundle's custom functions (EmulatorOptions.addon). */
  private readonly functionsGlobal: string | undefined;
  authMode: AuthMode;
  readonly ui: UiState = { menus: [], dialogs: [], toasts: [], alerts: [] };
  readonly logs: string[] = [];
  htmlFiles: Record<string, string> = {};
  bundleContext: vm.Context | undefined;
  /** Milliseconds the script would have spent in Utilities.sleep and lock waits. */
  virtualTimeMs = 0;
  private executions = 0;
  private currentExecution = 0;
  private customFunctionDepth = 0;
  private readonly log: CallLog;
  readonly engine: FormulaEngine;
  private readonly rawSpreadsheet: Spreadsheet;
  readonly globals: Record<string, unknown>;
  readonly services: {
    SpreadsheetApp: SpreadsheetAppService;
    ScriptApp: ScriptAppService;
    Charts: ChartsService;
    HtmlService: HtmlServiceImpl;
    PropertiesService: PropertiesServiceImpl;
    LockService: LockServiceImpl;
    Session: SessionService;
    Utilities: UtilitiesService;
    Logger: LoggerService;
  };

  constructor(options: EmulatorOptions) {
    this.timeZone = options.timeZone ?? 'America/New_York';
    this.scriptTimeZone = this.timeZone;
    this.userLocale = options.locale ?? 'en_US';
    this.userEmail = options.userEmail ?? 'user@example.com';
    this.authMode = options.authMode ?? 'FULL';
    this.addonName = options.addon?.name ?? 'Add-on';
    this.functionsGlobal = options.addon?.functionsGlobal;
    this.log = new CallLog(
      (service, method) => this.checkAllowed(service, method),
      () => this.inCustomFunction,
    );
    this.engine = new FormulaEngine(
      this.timeZone,
      {
        enterCustomFunction: () => {
          this.customFunctionDepth++;
        },
        leaveCustomFunction: () => {
          this.customFunctionDepth--;
        },
        now: () => this.virtualTimeMs,
      },
      this.userLocale,
    );
    if (options.customFunctionExecutions) {
      this.engine.setExecutionMode({ executionMs: options.customFunctionExecutions.executionMs ?? DEFAULT_EXECUTION_MS });
    }
    const engine = this.engine;
    this.rawSpreadsheet = new Spreadsheet({
      engine,
      timeZone: this.timeZone,
      get locale() {
        return engine.locale;
      },
      setLocale: (locale) => engine.setLocale(locale),
      toast: (message, title, timeoutSeconds) => this.ui.toasts.push({ message, title, timeoutSeconds }),
      callCount: () => this.log.calls.length,
    });
    this.services = {
      SpreadsheetApp: new SpreadsheetAppService(this),
      ScriptApp: new ScriptAppService(this),
      Charts: new ChartsService(),
      HtmlService: new HtmlServiceImpl(this),
      PropertiesService: new PropertiesServiceImpl(),
      LockService: new LockServiceImpl(this),
      Session: new SessionService(this),
      Utilities: new UtilitiesService(this),
      Logger: new LoggerService(this),
    };
    const console = Object.fromEntries(
      ['log', 'info', 'warn', 'error', 'debug'].map((level) => [
        level,
        (...args: unknown[]) => {
          this.logs.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        },
      ]),
    );
    const services = Object.fromEntries(Object.entries(this.services).map(([name, service]) => [name, this.log.wrap(service)]));
    this.globals = { ...services, console };
  }

  /** The spreadsheet's locale (getSpreadsheetLocale): number display and TEXT follow it. */
  get locale(): string {
    return this.engine.locale;
  }

  get spreadsheet(): Spreadsheet {
    return this.log.wrap(this.rawSpreadsheet);
  }

  /** The spreadsheet without the call boundary, for the preview and tests that inspect internals. */
  get workbook(): Spreadsheet {
    return this.rawSpreadsheet;
  }

  get inCustomFunction(): boolean {
    return this.customFunctionDepth > 0;
  }

  get calls(): readonly ServiceCall[] {
    return this.log.calls;
  }

  resetCalls(): void {
    this.log.reset();
  }

  failOnCall(n: number, message = `Service error injected on call ${n}`): void {
    this.log.failOnCall(n, message);
  }

  beforeCall(n: number, action: () => void): void {
    this.log.beforeCall(n, action);
  }

  /** Utilities.sleep and lock waits: time passes, and custom-function executions due by then finish. */
  sleep(ms: number): void {
    const wait = Math.max(0, Number(ms) || 0);
    // A custom function's own sleep cannot finish other executions from inside the engine's evaluation.
    if (this.inCustomFunction) this.virtualTimeMs += wait;
    else this.advanceTime(wait);
  }

  /**
   * Moves the virtual clock on by `ms`, finishing (in time order) every custom-function execution due by then;
   * executions their results start are finished too if they fall due within the same span.
   */
  advanceTime(ms: number): void {
    const target = this.virtualTimeMs + Math.max(0, Number(ms) || 0);
    for (let next = this.engine.nextExecutionEnd(); next !== undefined && next <= target; next = this.engine.nextExecutionEnd()) {
      this.virtualTimeMs = Math.max(this.virtualTimeMs, next);
      this.engine.completeExecutionsDueBy(this.virtualTimeMs);
    }
    this.virtualTimeMs = target;
  }

  /**
   * Lets every queued execution finish, and those their results start, until no cell is loading. Reports the
   * executions finished, the highest round among them (chains add rounds) and the virtual time it took.
   */
  settle(): SettleReport {
    const before = this.virtualTimeMs;
    let executions = 0;
    let rounds = 0;
    for (let next = this.engine.nextExecutionEnd(); next !== undefined; next = this.engine.nextExecutionEnd()) {
      if (executions > MAX_SETTLE_EXECUTIONS)
        throw new Error(`settle: still executing after ${MAX_SETTLE_EXECUTIONS} executions (an argument that never settles?)`);
      this.virtualTimeMs = Math.max(this.virtualTimeMs, next);
      const finishing = this.engine.executions.filter((e) => !e.done && e.endsMs <= this.virtualTimeMs);
      executions += this.engine.completeExecutionsDueBy(this.virtualTimeMs);
      for (const e of finishing) rounds = Math.max(rounds, e.round);
    }
    return { rounds, executions, virtualMs: this.virtualTimeMs - before };
  }

  /** Cells that read "Loading..." now, as "'Sheet name'!B20". */
  loadingCells(): string[] {
    return this.engine.loadingCells();
  }

  /** Every custom-function execution queued in executions mode, finished or not, in order. */
  get customFunctionExecutions(): readonly CustomFunctionExecution[] {
    return this.engine.executions;
  }

  /** Makes chosen executions fail with Google's message (default "Internal error executing the custom function."). */
  failExecutions(failure: ExecutionFailure): void {
    if (!this.engine.executionMode) throw new Error('failExecutions needs the executions mode (customFunctionExecutions)');
    this.engine.failExecutions(failure);
  }

  setAuthMode(mode: AuthMode): void {
    if (!['NONE', 'LIMITED', 'FULL'].includes(mode)) throw new Error(`setAuthMode: unknown mode ${mode}`);
    this.authMode = mode;
  }

  /** Google's rules for who may call what (see the test file for the documentation each follows). */
  private checkAllowed(service: string, method: string): void {
    if (this.inCustomFunction) {
      if (service === 'Ui' || (service === 'SpreadsheetApp' && method === 'getUi')) {
        throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      }
      if (DOCUMENT_SERVICES.has(service) && CHANGING_METHOD.test(method)) {
        throw new Error(`You do not have permission to call ${method}`);
      }
      if (service === 'Session' && method === 'getEffectiveUser') {
        throw new Error('You do not have permission to call Session.getEffectiveUser');
      }
      return;
    }
    if (this.authMode === 'NONE') {
      const allowed = ALLOWED_IN_NONE[service];
      if (!allowed?.test(method)) {
        throw new Error(`You do not have permission to call ${service}.${method} in AuthMode.NONE`);
      }
    }
  }

  // biome-ignore lint/suspicious/noExplicitAny: the bundle's top-level functions are whatever it declares
  loadBundle(code: string, htmlFiles: Record<string, string> = {}, scriptTimeZone = this.timeZone): Record<string, any> {
    this.htmlFiles = { ...htmlFiles };
    const context = vm.createContext({ ...this.globals });
    // Script code reads local time in the script's zone (appsscript.json), which need not be the spreadsheet's.
    installZonedDate(context, scriptTimeZone);
    this.scriptTimeZone = scriptTimeZone;
    // The bundle is built for ES2019 and Google does not say which V8 runs it: newer built-ins are not there.
    removeNewerBuiltins(context);
    vm.runInContext(code, context, { filename: 'Code.js' });
    this.bundleContext = context;
    const ScriptDate = vm.runInContext('Date', context) as DateConstructor;
    const scriptDate = (d: Date): Date => new ScriptDate(d.getTime());
    this.engine.scriptDate = scriptDate;
    const ScriptArray = vm.runInContext('Array', context) as ArrayConstructor;
    this.engine.scriptArray = <T>(items: T[]): T[] => ScriptArray.from(items);
    this.log.scriptDate = scriptDate;
    const described = this.functionsGlobal
      ? (context as Record<string, { describeFunctions?: () => CustomFunctionInfo[] } | undefined>)[this.functionsGlobal]
      : undefined;
    if (this.functionsGlobal && typeof described?.describeFunctions !== 'function') {
      throw new Error(`the bundle has no global ${this.functionsGlobal}.describeFunctions() to list its custom functions`);
    }
    const listed = described?.describeFunctions?.() ?? [];
    // A cell of a bound script's spreadsheet may call any top-level function, @customfunction or not: the tag is what
    // lists it in the formula helper ("JSDoc in Apps Script", developers.google.com/apps-script/concepts/jsdoc), and
    // only names ending in "_" are private ("Custom Functions in Google Sheets",
    // developers.google.com/apps-script/guides/sheets/functions). Whether an installed add-on's untagged functions are
    // callable is not documented. Only capitalised names are registered, as custom functions are named; their
    // parameters have no declared kind.
    const unlisted = Object.keys(context)
      .filter(
        (name) => /^[A-Z][A-Z0-9_]*[A-Z0-9]$/.test(name) && typeof (context as Record<string, unknown>)[name] === 'function',
      )
      .filter((name) => !listed.some((f) => f.name === name))
      .map((name) => ({ name, params: [] }));
    const infos = [...listed, ...unlisted];
    const renumbered = this.engine.registerFunctions(infos, (name) => {
      const fn = (context as Record<string, unknown>)[name];
      return typeof fn === 'function' ? (fn as (...a: unknown[]) => unknown) : undefined;
    });
    for (const sheet of this.rawSpreadsheet._sheets) sheet._engineId = renumbered.get(sheet._engineId) ?? sheet._engineId;
    // biome-ignore lint/suspicious/noExplicitAny: the bundle's top-level functions are whatever it declares
    return context as Record<string, any>;
  }

  run(functionName: string, ...args: unknown[]): unknown {
    const context = this.bundleContext as Record<string, unknown> | undefined;
    if (!context) throw new Error('No bundle loaded: call loadBundle(code) first.');
    const fn = context[functionName];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
    if ((functionName === 'onOpen' || functionName === 'onInstall') && args.length === 0) {
      args = [{ authMode: this.authMode, source: this.authMode === 'NONE' ? undefined : this.spreadsheet }];
    }
    const outer = this.currentExecution;
    this.currentExecution = ++this.executions;
    try {
      return (fn as (...a: unknown[]) => unknown)(...args);
    } finally {
      this.services.LockService._releaseHeldBy(this.currentExecution);
      this.currentExecution = outer;
    }
  }

  /**
   * A call from an HtmlService page (google.script.run): private names are unreachable, and arguments and result
   * must be plain data (scriptRun.ts has Google's rules); each crosses as a copy, as over the network.
   */
  scriptRun(functionName: string, ...args: unknown[]): unknown {
    const sent = copyArgumentsAcrossScriptRun(functionName, args);
    // Made in the script's realm, as Apps Script makes them: its arrays lack the built-ins newer than ES2019.
    const parse = vm.runInContext('JSON.parse', this.bundleContext ?? vm.createContext({})) as (text: string) => unknown;
    const received = sent.map((arg) => (arg === undefined ? undefined : parse(JSON.stringify(arg))));
    return copyAcrossScriptRun(this.run(functionName, ...received), functionName, 'the result');
  }

  /** The execution now running (each run() is one; a run() inside another, as beforeCall interleaves, is its own). */
  get execution(): number {
    return this.currentExecution;
  }

  enterInput(sheetName: string, a1: string, input: string): void {
    const sheet = this.rawSpreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
    const rect = parseA1Range(a1, sheet._maxRows, sheet._maxColumns);
    if (!rect) throw new Error('Range not found');
    sheet._enter(rect.row, rect.column, String(input));
  }

  toJSON(): SpreadsheetJSON {
    return this.rawSpreadsheet._toJSON();
  }
}
