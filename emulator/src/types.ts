/** Public shapes of the emulator, shared by its modules, the preview and tests. */

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export interface EmulatorOptions {
  /** IANA time zone of the spreadsheet (getSpreadsheetTimeZone, date conversion, formatDate). Default America/New_York. */
  timeZone?: string;
  /** Spreadsheet locale, e.g. en_US. */
  locale?: string;
  /** How triggers and menu callbacks run; onOpen of an add-on not yet used in this file runs in NONE. */
  authMode?: AuthMode;
  /** What Session.getActiveUser().getEmail() returns. */
  userEmail?: string;
  /** The add-on the bundle is; without it the menu reads "Add-on" and no custom function is registered. */
  addon?: AddonOptions;
  /**
   * Runs each custom-function cell as its own execution, as Sheets does: the cell reads "Loading..." until its
   * execution finishes on the virtual clock (Utilities.sleep, advanceTime, settle). Without it (the default) every
   * custom function is computed at once, as the cell is evaluated.
   */
  customFunctionExecutions?: {
    /** Virtual ms each execution takes (default 1000), or a function of the call; over 30,000 times out. */
    executionMs?: number | ((call: { functionName: string; cell: string }) => number);
  };
}

/** What settle() did: executions finished, the highest round among them, and the virtual time it took. */
export interface SettleReport {
  rounds: number;
  executions: number;
  virtualMs: number;
}

export interface AddonOptions {
  /** The title of its menu under Extensions (createAddonMenu()): Sheets takes it from the add-on's listing. */
  name: string;
  /**
   * The bundle's global object whose describeFunctions() lists its custom functions (each one's name and its
   * parameters' names and kinds) for the formula engine, e.g. "MyAddon" for `var MyAddon = {...}`.
   */
  functionsGlobal?: string;
}

/** One recorded service call: what a benchmark counts as a round trip. */
export interface ServiceCall {
  /** The emulated class, e.g. "SpreadsheetApp", "Sheet", "Range". */
  service: string;
  method: string;
  /** A short summary of the arguments (shapes of arrays, not their contents). */
  args: string;
  /** Made by a custom function while the sheet recalculated: a separate execution on Google. */
  inCustomFunction?: boolean;
}

export type MenuEntry = { label: string; functionName: string } | { separator: true };

export interface MenuShown {
  /** The add-on's name for its menu (Extensions > name), otherwise the createMenu caption. */
  name: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface PageShown {
  title: string;
  html: string;
  width: number;
  height?: number;
}

export interface UiState {
  menus: MenuShown[];
  sidebar?: PageShown;
  dialogs: PageShown[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
  alerts: { title: string; prompt: string; buttons: string }[];
}

/** A cell as GET /api/spreadsheet shows it: computed value (dates as ISO strings, errors as text) and formula. */
export interface CellJSON {
  value: unknown;
  formula?: string;
}

export interface SpreadsheetJSON {
  activeSheet: string;
  sheets: { name: string; cells: Record<string, CellJSON> }[];
  namedRanges: Record<string, string>;
  calls: number;
}
