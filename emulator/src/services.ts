/**
 * The global services a script sees besides the spreadsheet itself: SpreadsheetApp, ScriptApp, Charts, Ui and
 * menus, HtmlService, PropertiesService, LockService, Session, Utilities and Logger.
 */
import vm from 'node:vm';
import {
  BooleanCriteria,
  ChartType,
  ConditionalFormatRuleBuilder,
  DataValidationBuilder,
  DataValidationCriteria,
  FilterCriteriaBuilder,
} from './builders';
import { Emulated } from './calls';
import type { Range, Sheet, Spreadsheet } from './spreadsheet';
import type { AuthMode, MenuEntry, PageShown, UiState } from './types';
import { formatDateJava, isDate } from './values';

const enumOf = <T extends string>(...names: T[]): Record<T, T> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as Record<T, T>;

export const AuthModeEnum = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const DeveloperMetadataVisibility = enumOf('DOCUMENT', 'PROJECT');
export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');

/** What the services need from the emulator around them. */
export interface ServiceHost {
  readonly spreadsheet: Spreadsheet;
  readonly ui: UiState;
  readonly htmlFiles: Record<string, string>;
  /** appsscript.json timeZone of the loaded bundle (the spreadsheet's zone until one is loaded). */
  readonly scriptTimeZone: string;
  readonly bundleContext: vm.Context | undefined;
  readonly authMode: AuthMode;
  readonly timeZone: string;
  readonly userLocale: string;
  readonly userEmail: string;
  /** The title createAddonMenu() gives the add-on's menu. */
  readonly addonName: string;
  readonly inCustomFunction: boolean;
  /** The execution (one run() of a script function) now running; 0 outside any. */
  readonly execution: number;
  /** Virtual clock advanced by Utilities.sleep and lock waits (ms). */
  sleep(ms: number): void;
  readonly logs: string[];
}

export class SpreadsheetAppService extends Emulated {
  readonly serviceName = 'SpreadsheetApp';
  static readonly fields = ['AuthMode', 'DataValidationCriteria', 'BooleanCriteria', 'DeveloperMetadataVisibility'];
  readonly AuthMode = AuthModeEnum;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  constructor(private readonly host: ServiceHost) {
    super();
  }
  getActive(): Spreadsheet {
    return this.host.spreadsheet;
  }
  getActiveSpreadsheet(): Spreadsheet {
    return this.host.spreadsheet;
  }
  getActiveSheet(): Sheet {
    return this.host.spreadsheet.getActiveSheet();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return this.host.spreadsheet.setActiveSheet(sheet);
  }
  getActiveRange(): Range {
    return this.host.spreadsheet.getActiveSheet().getActiveRange();
  }
  getUi(): UiService {
    return new UiService(this.host);
  }
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder();
  }
  newFilterCriteria(): FilterCriteriaBuilder {
    return new FilterCriteriaBuilder();
  }
  flush(): void {
    // Writes apply at once in the emulator; flush is still a call worth counting.
  }
}

export class ScriptAppService extends Emulated {
  readonly serviceName = 'ScriptApp';
  static readonly fields = ['AuthMode'];
  readonly AuthMode = AuthModeEnum;
  constructor(private readonly host: ServiceHost) {
    super();
  }
  getScriptId(): string {
    return '1EmulatorScript';
  }
  getAuthorizationInfo(): { getAuthorizationStatus(): string } {
    const status = this.host.authMode === 'FULL' ? 'NOT_REQUIRED' : 'REQUIRED';
    return { getAuthorizationStatus: () => status };
  }
}

export class ChartsService extends Emulated {
  readonly serviceName = 'Charts';
  static readonly fields = ['ChartType'];
  readonly ChartType = ChartType;
}

export class Menu extends Emulated {
  readonly serviceName = 'Menu';
  private items: MenuEntry[] = [];
  constructor(
    private readonly host: ServiceHost,
    private readonly name: string,
    private readonly addon: boolean,
  ) {
    super();
  }
  addItem(caption: string, functionName: string): this {
    if (typeof functionName !== 'string' || functionName === '') throw new Error('Invalid argument: functionName');
    this.items.push({ label: String(caption), functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: Menu): this {
    for (const item of menu.items) this.items.push(item);
    return this;
  }
  addToUi(): void {
    const menus = this.host.ui.menus.filter((m) => m.name !== this.name);
    menus.push({ name: this.name, addon: this.addon, items: [...this.items] });
    this.host.ui.menus.splice(0, this.host.ui.menus.length, ...menus);
  }
}

export class UiService extends Emulated {
  readonly serviceName = 'Ui';
  static readonly fields = ['ButtonSet', 'Button'];
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  constructor(private readonly host: ServiceHost) {
    super();
  }
  createAddonMenu(): Menu {
    return new Menu(this.host, this.host.addonName, true);
  }
  createMenu(caption: string): Menu {
    return new Menu(this.host, String(caption), false);
  }
  showSidebar(userInterface: HtmlOutput): void {
    this.host.ui.sidebar = { ...userInterface._page(), width: 300 };
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.host.ui.dialogs.push({ ...userInterface._page(), title: String(title) });
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.showModalDialog(userInterface, title);
  }
  /** alert(prompt) or alert(title, prompt, buttons); the emulator answers OK (or YES) as a person clicking it would. */
  alert(titleOrPrompt: string, promptOrButtons?: string, buttons?: string): string {
    const hasTitle = typeof promptOrButtons === 'string' && !(promptOrButtons in ButtonSet);
    const title = hasTitle ? String(titleOrPrompt) : '';
    const prompt = hasTitle ? String(promptOrButtons) : String(titleOrPrompt);
    const set = (hasTitle ? buttons : promptOrButtons) ?? ButtonSet.OK;
    this.host.ui.alerts.push({ title, prompt, buttons: set });
    return set.startsWith('YES') ? Button.YES : Button.OK;
  }
}

export class HtmlOutput extends Emulated {
  readonly serviceName = 'HtmlOutput';
  private title = '';
  private width = 300;
  private height = 500;
  constructor(private content: string) {
    super();
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  append(addedContent: string): this {
    this.content += addedContent;
    return this;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(mode: string): this {
    void mode;
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    void mode;
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.content = `<meta name="${name}" content="${content}">${this.content}`;
    return this;
  }
  _page(): PageShown {
    return { title: this.title, html: this.content, width: this.width, height: this.height };
  }
}

export class HtmlTemplate extends Emulated {
  readonly serviceName = 'HtmlTemplate';
  private readonly values: Record<string, unknown> = {};
  constructor(
    private readonly source: string,
    private readonly context: vm.Context | undefined,
  ) {
    super();
  }
  getRawContent(): string {
    return this.source;
  }
  /** Template variables: Google's templates read them as properties of the template (template.name = value). */
  _set(name: string, value: unknown): void {
    this.values[name] = value;
  }
  evaluate(): HtmlOutput {
    // Scriptlets: <?= escaped ?>, <?!= raw ?>, <? code ?>; run in the bundle's context like Google's server-side templates.
    const parts: string[] = ['let __out = "";'];
    const re = /<\?(!?=)?([\s\S]*?)\?>/g;
    let last = 0;
    for (let m = re.exec(this.source); m; m = re.exec(this.source)) {
      parts.push(`__out += ${JSON.stringify(this.source.slice(last, m.index))};`);
      if (m[1] === '=') parts.push(`__out += __escape(${m[2]});`);
      else if (m[1] === '!=') parts.push(`__out += String(${m[2]});`);
      else parts.push(m[2]);
      last = m.index + m[0].length;
    }
    parts.push(`__out += ${JSON.stringify(this.source.slice(last))}; return __out;`);
    const context = this.context ?? vm.createContext({});
    const run = vm.runInContext(`(function (__vars, __escape) { with (__vars) { ${parts.join('\n')} } })`, context);
    const escapeHtml = (v: unknown) =>
      String(v).replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
      );
    return new HtmlOutput(run(this.values, escapeHtml));
  }
}

export class HtmlServiceImpl extends Emulated {
  readonly serviceName = 'HtmlService';
  static readonly fields = ['SandboxMode', 'XFrameOptionsMode'];
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(private readonly host: ServiceHost) {
    super();
  }
  private file(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const html = this.host.htmlFiles[name];
    if (html === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return html;
  }
  createHtmlOutput(html = ''): HtmlOutput {
    return new HtmlOutput(String(html));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.file(filename));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.file(filename), this.host.bundleContext);
  }
  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(String(html), this.host.bundleContext);
  }
}

/** Google's quotas: 9 KB per value, 500 KB per property store (guides/services/quotas). */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class Properties extends Emulated {
  readonly serviceName = 'Properties';
  readonly _data = new Map<string, string>();
  getProperty(key: string): string | null {
    return this._data.get(String(key)) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._data);
  }
  getKeys(): string[] {
    return [...this._data.keys()];
  }
  setProperty(key: string, value: string): this {
    return this.setProperties({ [key]: value });
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    const next = new Map(deleteAllOthers ? [] : this._data);
    for (const [key, raw] of Object.entries(properties)) {
      const value = String(raw);
      if (bytes(value) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
      next.set(key, value);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_LIMIT) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this._data.clear();
    for (const [k, v] of next) this._data.set(k, v);
    return this;
  }
  deleteProperty(key: string): this {
    this._data.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this._data.clear();
    return this;
  }
}

export class PropertiesServiceImpl extends Emulated {
  readonly serviceName = 'PropertiesService';
  readonly _document = new Properties();
  readonly _user = new Properties();
  readonly _script = new Properties();
  getDocumentProperties(): Properties {
    return this._document;
  }
  getUserProperties(): Properties {
    return this._user;
  }
  getScriptProperties(): Properties {
    return this._script;
  }
}

/** One lock shared by every Lock object of the same kind; `holder` is the Lock that has it. */
export interface LockState {
  holder: Lock | null;
}

export class Lock extends Emulated {
  readonly serviceName = 'Lock';
  /** The execution that asked for this lock: Apps Script releases a lock when the execution holding it ends. */
  readonly _execution: number;
  constructor(
    private readonly state: LockState,
    private readonly host: ServiceHost,
  ) {
    super();
    this._execution = host.execution;
  }
  tryLock(timeoutInMillis: number): boolean {
    if (this.state.holder === null || this.state.holder === this) {
      this.state.holder = this;
      return true;
    }
    this.host.sleep(timeoutInMillis);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean {
    return this.state.holder === this;
  }
  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }
}

export class LockServiceImpl extends Emulated {
  readonly serviceName = 'LockService';
  readonly _documentLock: LockState = { holder: null };
  readonly _scriptLock: LockState = { holder: null };
  readonly _userLock: LockState = { holder: null };
  constructor(private readonly host: ServiceHost) {
    super();
  }
  getDocumentLock(): Lock {
    return new Lock(this._documentLock, this.host);
  }
  getScriptLock(): Lock {
    return new Lock(this._scriptLock, this.host);
  }
  getUserLock(): Lock {
    return new Lock(this._userLock, this.host);
  }
  /**
   * "The lock is automatically released when the script terminates" (Apps Script reference, Lock.releaseLock): an
   * execution that failed before its own releaseLock() leaves no lock behind.
   */
  _releaseHeldBy(execution: number): void {
    for (const state of [this._documentLock, this._scriptLock, this._userLock]) {
      if (state.holder?._execution === execution) state.holder = null;
    }
  }
}

export class User extends Emulated {
  readonly serviceName = 'User';
  constructor(private readonly email: string) {
    super();
  }
  getEmail(): string {
    return this.email;
  }
}

export class SessionService extends Emulated {
  readonly serviceName = 'Session';
  constructor(private readonly host: ServiceHost) {
    super();
  }
  /** In a custom function the user is anonymous: Google returns an empty address. */
  getActiveUser(): User {
    return new User(this.host.inCustomFunction ? '' : this.host.userEmail);
  }
  getEffectiveUser(): User {
    return new User(this.host.userEmail);
  }
  getActiveUserLocale(): string {
    return this.host.userLocale.split('_')[0];
  }
  getScriptTimeZone(): string {
    // The script's zone (appsscript.json), which need not be the spreadsheet's (Class Session, getScriptTimeZone).
    return this.host.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    return `temp-${Buffer.from(this.host.userEmail).toString('base64url')}`;
  }
}

export class UtilitiesService extends Emulated {
  readonly serviceName = 'Utilities';
  private uuids = 0;
  constructor(private readonly host: ServiceHost) {
    super();
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || Number.isNaN(date.getTime())) {
      throw new Error("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
    }
    return formatDateJava(date, timeZone, format);
  }
  /** No real wait: the emulator's clock advances so tests can see how long a script would have slept. */
  sleep(milliseconds: number): void {
    if (milliseconds > 300_000) throw new Error('Invalid argument: milliseconds (the maximum is 300000)');
    this.host.sleep(milliseconds);
  }
  getUuid(): string {
    const n = (++this.uuids).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${n}`;
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(/%[sdif]/g, () => String(args[i++]));
  }
}

export class LoggerService extends Emulated {
  readonly serviceName = 'Logger';
  constructor(private readonly host: ServiceHost) {
    super();
  }
  log(data: unknown, ...values: unknown[]): this {
    let i = 0;
    const text = values.length ? String(data).replace(/%s/g, () => String(values[i++])) : String(data);
    this.host.logs.push(text);
    return this;
  }
  getLog(): string {
    return this.host.logs.join('\n');
  }
  clear(): void {
    this.host.logs.length = 0;
  }
}
