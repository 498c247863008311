/**
 * The call boundary and the services around the spreadsheet: call log, fault injection, missing methods,
 * authorization modes, custom-function restrictions, properties limits, the document lock, Ui and HtmlService,
 * Session, Utilities, and the bare vm context a bundle runs in.
 */
import { createEmulator, emulatedMethods, loadDist } from '../src';
import { withBundle } from './support';

type Props = GoogleAppsScript.Properties.PropertiesService;
type Locks = GoogleAppsScript.Lock.LockService;

describe('call log and fault injection', () => {
  test('every service call is recorded with its service, method and an argument summary', () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.getActiveSheet();
    emu.resetCalls();
    sh.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(emu.calls).toEqual([
      { service: 'Sheet', method: 'getRange', args: '"A1:B2"' },
      { service: 'Range', method: 'setValues', args: '[2x2]' },
    ]);
    emu.resetCalls();
    expect(emu.calls).toEqual([]);
  });

  test('calls made inside the emulator do not count: one setValues is one call however many cells', () => {
    const emu = createEmulator();
    const range = emu.spreadsheet.getActiveSheet().getRange(1, 1, 100, 5);
    emu.resetCalls();
    range.setValues(Array.from({ length: 100 }, () => [1, 2, 3, 4, 5]));
    expect(emu.calls).toHaveLength(1);
  });

  test('failOnCall(n) makes the nth call from now throw, once', () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.getActiveSheet();
    emu.failOnCall(2, 'Service Spreadsheets failed while accessing document');
    sh.getRange('A1');
    expect(() => sh.getRange('A2')).toThrow('Service Spreadsheets failed while accessing document');
    expect(() => sh.getRange('A3')).not.toThrow();
  });

  test('beforeCall(n) runs another execution between two calls, once; the lock it meets is the real one', () => {
    const emu = createEmulator();
    const sh = emu.spreadsheet.getActiveSheet();
    const locks = emu.globals.LockService as GoogleAppsScript.Lock.LockService;
    const seen: unknown[] = [];
    const mine = locks.getDocumentLock();
    mine.tryLock(0);
    // Calls 1 and 2 are getRange('A1') and setValue(5); the action runs just before call 3.
    emu.beforeCall(3, () => {
      seen.push(sh.getRange('A1').getValue(), locks.getDocumentLock().tryLock(1000));
    });
    sh.getRange('A1').setValue(5);
    expect(seen).toEqual([]);
    sh.getRange('A2').setValue(6);
    expect(seen).toEqual([5, false]);
    sh.getRange('A3').setValue(7);
    expect(seen).toHaveLength(2);
    expect(emu.virtualTimeMs).toBe(1000);
  });

  test('a method the emulator lacks throws "not implemented in the emulator", never returns a value', () => {
    const emu = createEmulator();
    const range = emu.spreadsheet.getActiveSheet().getRange('A1') as unknown as Record<string, () => unknown>;
    expect(() => range.getRichTextValue()).toThrow('not implemented in the emulator: Range.getRichTextValue');
    const app = emu.globals.SpreadsheetApp as Record<string, () => unknown>;
    expect(() => app.openById()).toThrow('not implemented in the emulator: SpreadsheetApp.openById');
  });

  test('the emulated methods are counted from the classes themselves', () => {
    const methods = emulatedMethods();
    expect(methods).toEqual(expect.arrayContaining(['Range.setValues', 'Sheet.newChart', 'Ui.showSidebar', 'Lock.waitLock']));
    expect(methods.some((m) => m.includes('._'))).toBe(false);
    expect(methods.length).toBeGreaterThan(200);
  });
});

describe('authorization modes', () => {
  // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle: in AuthMode.NONE an add-on's
  // onOpen may build its menu but not read the document or properties.
  test('in AuthMode.NONE reading the document or properties fails; building a menu works', () => {
    const emu = createEmulator({ authMode: 'NONE', addon: { name: 'Budget tools' } });
    const app = emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const props = emu.globals.PropertiesService as Props;
    expect(() => props.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(() => app.getActiveSpreadsheet()).toThrow('You do not have permission to call SpreadsheetApp.getActiveSpreadsheet');
    app.getUi().createAddonMenu().addItem('Start', 'start').addToUi();
    expect(emu.ui.menus).toEqual([{ name: 'Budget tools', addon: true, items: [{ label: 'Start', functionName: 'start' }] }]);
    emu.setAuthMode('FULL');
    expect(() => props.getDocumentProperties()).not.toThrow();
  });

  test('the add-on menu is titled by the caller (Sheets takes the title from the listing), "Add-on" if not told', () => {
    const emu = createEmulator();
    (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getUi().createAddonMenu().addToUi();
    expect(emu.ui.menus.map((m) => m.name)).toEqual(['Add-on']);
  });

  test("the built bundle's onOpen builds the add-on menu in AuthMode.NONE without touching properties", () => {
    const emu = createEmulator({ authMode: 'NONE' });
    loadDist(emu);
    emu.resetCalls();
    emu.run('onOpen');
    expect(emu.ui.menus).toHaveLength(1);
    expect(emu.ui.menus[0].addon).toBe(true);
    expect(emu.ui.menus[0].items.length).toBeGreaterThan(0);
    expect(emu.calls.some((c) => c.service === 'PropertiesService' || c.service === 'Properties')).toBe(false);
  });

  test('run() of a function the bundle lacks fails like Apps Script', () => {
    const emu = createEmulator();
    loadDist(emu);
    expect(() => emu.run('noSuchFunction')).toThrow('Script function not found: noSuchFunction');
  });
});

describe('custom functions', () => {
  test('a functionsGlobal the bundle lacks is reported when it loads, not as #NAME? in every cell later', () => {
    const emu = createEmulator({ addon: { name: 'Demo', functionsGlobal: 'Missing' } });
    expect(() => emu.loadBundle('var Present = {};', {})).toThrow(
      'the bundle has no global Missing.describeFunctions() to list its custom functions',
    );
  });

  // https://developers.google.com/apps-script/guides/sheets/functions: custom functions are read-only, cannot show
  // UI, and services needing authorization fail with "You do not have permission to call ...".
  test("a custom function that writes to the sheet shows #ERROR! with Google's permission message", () => {
    const { emu } = withBundle([
      { name: 'WRITE_TRY', params: [], body: "SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1); return 1;" },
    ]);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setFormula('=WRITE_TRY()');
    expect(sh.getRange('A1').getValue()).toBe('#ERROR!');
    expect(emu.toJSON().sheets[0].cells.A1.value).toBe('#ERROR!: You do not have permission to call setValue');
    expect(sh.getRange('Z1').getValue()).toBe('');
  });

  test('a custom function may read the sheet but not open the Ui', () => {
    const { emu } = withBundle([
      { name: 'READ_B1', params: [], body: "return SpreadsheetApp.getActiveSheet().getRange('B1').getValue() * 2;" },
      { name: 'UI_TRY', params: [], body: 'SpreadsheetApp.getUi(); return 1;' },
    ]);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('B1').setValue(21);
    sh.getRange('A1:A2').setFormulas([['=READ_B1()'], ['=UI_TRY()']]);
    expect(sh.getRange('A1').getValue()).toBe(42);
    expect(emu.toJSON().sheets[0].cells.A2.value).toBe('#ERROR!: Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('arguments arrive as Sheets passes them: ranges as 2D arrays, blanks as "", dates as Dates, errors as text', () => {
    const { emu } = withBundle([
      {
        name: 'SHOW_ARGS',
        params: [
          { name: 'amounts', kind: 'number' },
          { name: 'start', kind: 'date' },
          { name: 'other', kind: 'number' },
        ],
        body: "return JSON.stringify(amounts) + '|' + (start instanceof Date) + ' ' + start.toISOString() + '|' + JSON.stringify(other);",
      },
    ]);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1:A3').setValues([[5], [''], ['x']]);
    sh.getRange('B1').setFormula('=1/0');
    sh.getRange('C1').setFormula('=SHOW_ARGS(A1:A3, DATE(2026,1,15), B1)');
    expect(sh.getRange('C1').getValue()).toBe('[[5],[""],["x"]]|true 2026-01-15T05:00:00.000Z|"#DIV/0!"');
  });

  test('a returned Date is stored as a serial and displayed as a date', () => {
    const { emu } = withBundle([{ name: 'FIRST_OF_2026', params: [], body: 'return new Date(2026, 0, 1);' }], '', {
      timeZone: 'UTC',
    });
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setFormula('=FIRST_OF_2026()');
    sh.getRange('A2').setFormula('=A1+1');
    expect(sh.getRange('A1').getDisplayValue()).toBe('1/1/2026');
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(sh.getRange('A2').getValue()).toBe(46024);
  });

  test('a 2D array result spills, and grows or shrinks when its input changes', () => {
    const { emu } = withBundle([
      {
        name: 'COUNT_UP',
        params: [{ name: 'n', kind: 'number' }],
        body: 'var rows = []; for (var i = 1; i <= n; i++) rows.push([i, i * 10]); return rows;',
      },
    ]);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setValue(2);
    sh.getRange('B1').setFormula('=COUNT_UP(A1)');
    expect(sh.getRange('B1:C3').getValues()).toEqual([
      [1, 10],
      [2, 20],
      ['', ''],
    ]);
    sh.getRange('A1').setValue(4);
    expect(sh.getRange('B1:C4').getValues()).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 40],
    ]);
    sh.getRange('A1').setValue(1);
    expect(sh.getRange('B1:C2').getValues()).toEqual([
      [1, 10],
      ['', ''],
    ]);
    expect(sh.getRange('B1').getFormula()).toBe('=COUNT_UP(A1)');
  });

  test("an array result blocked by data shows #REF! with Google's message naming the blocking cell", () => {
    const { emu } = withBundle([{ name: 'THREE_ROWS', params: [], body: 'return [[1], [2], [3]];' }]);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A3').setValue('in the way');
    sh.getRange('A1').setFormula('=THREE_ROWS()');
    expect(sh.getRange('A1').getValue()).toBe('#REF!');
    expect(emu.toJSON().sheets[0].cells.A1.value).toBe(
      '#REF!: Array result was not expanded because it would overwrite data in A3.',
    );
  });

  test('a thrown Error becomes #ERROR! with the message; the engine keeps working', () => {
    const { emu } = withBundle([
      { name: 'ALWAYS_FAILS', params: [], body: "throw new Error('ALWAYS_FAILS: expected nothing');" },
    ]);
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1:A2').setFormulas([['=ALWAYS_FAILS()'], ['=2+2']]);
    expect(emu.toJSON().sheets[0].cells.A1.value).toBe('#ERROR!: ALWAYS_FAILS: expected nothing');
    expect(sh.getRange('A2').getValue()).toBe(4);
  });

  test('inside a custom function the active user is anonymous', () => {
    const { emu } = withBundle(
      [{ name: 'WHO', params: [], body: "return Session.getActiveUser().getEmail() || 'anonymous';" }],
      '',
      {
        userEmail: 'sam@example.com',
      },
    );
    const sh = emu.spreadsheet.getActiveSheet();
    sh.getRange('A1').setFormula('=WHO()');
    expect(sh.getRange('A1').getValue()).toBe('anonymous');
    expect((emu.globals.Session as GoogleAppsScript.Base.Session).getActiveUser().getEmail()).toBe('sam@example.com');
  });
});

describe('properties', () => {
  // https://developers.google.com/apps-script/guides/services/quotas: properties value size 9 KB, total 500 KB per store.
  test('document and user properties are separate stores', () => {
    const emu = createEmulator();
    const props = emu.globals.PropertiesService as Props;
    props.getDocumentProperties().setProperty('answers', '{"path":"freelance"}');
    expect(props.getDocumentProperties().getProperty('answers')).toBe('{"path":"freelance"}');
    expect(props.getUserProperties().getProperty('answers')).toBeNull();
    props.getDocumentProperties().deleteProperty('answers');
    expect(props.getDocumentProperties().getKeys()).toEqual([]);
  });

  test('a value over 9 KB fails', () => {
    const props = (createEmulator().globals.PropertiesService as Props).getDocumentProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => props.setProperty('ok', 'x'.repeat(9 * 1024))).not.toThrow();
  });

  test('a store over 500 KB fails and keeps what it had', () => {
    const props = (createEmulator().globals.PropertiesService as Props).getDocumentProperties();
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('k56', 'x'.repeat(9000))).toThrow('You have exceeded the property storage quota.');
    expect(props.getKeys()).toHaveLength(56);
  });
});

describe('document lock', () => {
  // https://developers.google.com/apps-script/reference/lock/lock: waitLock throws when the lock cannot be had in time.
  test('a second writer cannot take the document lock until the first releases it', () => {
    const emu = createEmulator();
    const locks = emu.globals.LockService as Locks;
    const first = locks.getDocumentLock();
    const second = locks.getDocumentLock();
    expect(first.tryLock(1000)).toBe(true);
    expect(second.tryLock(500)).toBe(false);
    expect(() => second.waitLock(2000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(emu.virtualTimeMs).toBe(2500);
    first.releaseLock();
    expect(second.tryLock(0)).toBe(true);
    expect(second.hasLock()).toBe(true);
  });

  // https://developers.google.com/apps-script/reference/lock/lock#releaseLock(): "the lock is automatically
  // released when the script terminates".
  test('an execution that ends without releaseLock(), by an error or not, leaves the lock free for the next one', () => {
    const { emu } = withBundle(
      [],
      `function takeAndFail() { LockService.getDocumentLock().waitLock(1000); throw new Error('failed mid-way'); }
       function takeAndForget() { return LockService.getDocumentLock().tryLock(0); }
       function holdWhile() { const lock = LockService.getDocumentLock(); lock.waitLock(0);
         SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1); return lock.hasLock(); }`,
    );
    expect(() => emu.run('takeAndFail')).toThrow('failed mid-way');
    expect(emu.run('takeAndForget')).toBe(true);
    expect(emu.run('takeAndForget')).toBe(true);
    // An execution that runs while another holds the lock (between two of its calls) is refused, and the holder
    // keeps its lock until it ends.
    const seen: unknown[] = [];
    emu.beforeCall(4, () => seen.push(emu.run('takeAndForget')));
    expect(emu.run('holdWhile')).toBe(true);
    expect(seen).toEqual([false]);
    expect(emu.run('takeAndForget')).toBe(true);
  });
});

describe('Ui and HtmlService', () => {
  test('showSidebar shows the HTML file with its title in a 300-px panel', () => {
    const { emu } = withBundle(
      [],
      "function showIt() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Jumpwise')); }",
      {},
      { Sidebar: '<p>Plan</p>' },
    );
    emu.run('showIt');
    expect(emu.ui.sidebar).toEqual({ title: 'Jumpwise', html: '<p>Plan</p>', width: 300, height: 500 });
  });

  test('a missing HTML file fails', () => {
    const { emu } = withBundle([], "function showIt() { HtmlService.createHtmlOutputFromFile('Nope'); }");
    expect(() => emu.run('showIt')).toThrow('No HTML file named Nope was found.');
  });

  test('templates evaluate scriptlets with their variables, escaping <?= ?> output', () => {
    const { emu } = withBundle(
      [],
      "function page() { var t = HtmlService.createTemplateFromFile('Help'); t.name = '<Sam>'; return t.evaluate().getContent(); }",
      {},
      { Help: '<h1>Hi <?= name ?></h1><? for (var i = 0; i < 2; i++) { ?>*<? } ?><?!= "<b>ok</b>" ?>' },
    );
    expect(emu.run('page')).toBe('<h1>Hi &lt;Sam&gt;</h1>**<b>ok</b>');
  });

  test('menus, modal dialogs and alerts are recorded for the preview to show', () => {
    const emu = createEmulator();
    const ui = (emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getUi();
    const html = emu.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
    ui.createMenu('Tools').addItem('A', 'a').addSeparator().addItem('B', 'b').addToUi();
    ui.showModalDialog(html.createHtmlOutput('<p>hi</p>').setWidth(400).setHeight(200), 'Help');
    const answer = ui.alert('Replace plan?', 'This replaces the sheet.', ui.ButtonSet.YES_NO);
    expect(emu.ui.menus[0]).toEqual({
      name: 'Tools',
      addon: false,
      items: [{ label: 'A', functionName: 'a' }, { separator: true }, { label: 'B', functionName: 'b' }],
    });
    expect(emu.ui.dialogs).toEqual([{ title: 'Help', html: '<p>hi</p>', width: 400, height: 200 }]);
    expect(emu.ui.alerts).toEqual([{ title: 'Replace plan?', prompt: 'This replaces the sheet.', buttons: 'YES_NO' }]);
    expect(String(answer)).toBe('YES');
  });
});

describe('Session, Utilities, Logger and the bare context', () => {
  test('Utilities.formatDate uses Java patterns in the given time zone; sleep only advances the clock', () => {
    const emu = createEmulator();
    const utils = emu.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    const d = new Date('2026-01-15T03:30:00Z');
    expect(utils.formatDate(d, 'America/New_York', 'yyyy-MM-dd HH:mm EEE')).toBe('2026-01-14 22:30 Wed');
    expect(utils.formatDate(d, 'UTC', "d MMMM yyyy 'at' h a")).toBe('15 January 2026 at 3 AM');
    const started = Date.now();
    utils.sleep(5000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(emu.virtualTimeMs).toBe(5000);
  });

  test('Session gives the user, locale and time zone', () => {
    const emu = createEmulator({ userEmail: 'sam@example.com', locale: 'en_GB', timeZone: 'Europe/London' });
    const session = emu.globals.Session as GoogleAppsScript.Base.Session;
    expect(session.getActiveUser().getEmail()).toBe('sam@example.com');
    expect(session.getActiveUserLocale()).toBe('en');
    expect(session.getScriptTimeZone()).toBe('Europe/London');
  });

  test("local time in the bundle is the spreadsheet's time zone, as on Apps Script", () => {
    const { emu } = withBundle(
      [],
      "function local() { var d = new Date(2026, 0, 31); d.setMonth(1); return [d.toISOString(), d.getDate(), d.getTimezoneOffset()].join(' '); }",
      { timeZone: 'America/New_York' },
    );
    expect(emu.run('local')).toBe('2026-03-03T05:00:00.000Z 3 300');
  });

  test('the bundle sees only the emulated globals: no require, process, timers or fetch', () => {
    const { emu } = withBundle(
      [],
      "function probe() { Logger.log('probe %s', 1); console.log('hello'); return [typeof require, typeof process, typeof setTimeout, typeof fetch, typeof SpreadsheetApp].join(','); }",
    );
    expect(emu.run('probe')).toBe('undefined,undefined,undefined,undefined,object');
    expect(emu.logs).toEqual(['probe 1', 'hello']);
  });
});
