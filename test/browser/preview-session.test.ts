/**
 * The preview's server side without a browser: what the page is told to draw (display values, formats, errors,
 * merges, checkboxes, charts), the google.script.run bridge, sidebars and dialogs, and that drawing the grid is
 * never counted as the add-on's service calls. Runs the built dist/ on the emulator, like `npm start`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withScriptShim } from '../../scripts/preview/server';
import { PreviewSession, pageTitle } from '../../scripts/preview/session';
import { REPO } from '../support/browser';

const DIST = join(REPO, 'dist');
const sample = (): PreviewSession => new PreviewSession({ instantFunctions: true, empty: false, distDir: DIST });

// Google, "Custom Functions in Google Sheets" (https://developers.google.com/apps-script/guides/sheets/functions): each
// custom-function cell is its own execution, "Loading..." until it returns. The preview shows that unless told not to.
test('by default Jumpwise formulas run as executions: "Loading..." until the clock has moved past one execution', () => {
  const session = new PreviewSession({ empty: false, distDir: DIST, executionMs: 20_000 });
  const loading = session.view();
  expect(loading.active.cells.D2.display).toBe('Loading...');
  expect(loading.calculating).toBe(true);
  session.emulator.advanceTime(20_000);
  const settled = session.view();
  expect(settled.active.cells.D2.display).toBe('$1,260');
  // Cells reading D's results run in the next round.
  session.emulator.settle();
  expect(session.view().calculating).toBe(false);
});

test('the sample opens on Income with display values, formulas for the formula bar and formats', () => {
  const view = sample().view();
  expect(view.sheets).toEqual([{ name: 'Income', hidden: false }]);
  const income = view.active;
  expect(income.name).toBe('Income');
  expect(income.frozenRows).toBe(1);
  expect(income.columnWidths.slice(0, 4)).toEqual([90, 100, 100, 140]);
  expect(income.cells.D2).toEqual({ display: '$1,260', input: '=TAX_SET_ASIDE(B2:B13, 30%)', align: 'right' });
  // A spilled cell has no formula of its own: the formula bar shows its value.
  expect(income.cells.D3).toEqual({ display: '$930', input: '930', align: 'right' });
  expect(income.cells.A2).toMatchObject({ display: 'Jan 2026', align: 'right' });
  expect(income.cells.A1).toMatchObject({ display: 'Month', bold: true, background: '#e6f4ea', align: 'left' });
  expect(income.cells.H3.display).toMatch(/^\d+\.\d%$/);
  expect(view.menus).toEqual([
    expect.objectContaining({
      name: 'Jumpwise',
      addon: true,
      items: expect.arrayContaining([{ label: 'Get help', functionName: 'leapShowHelp' }]),
    }),
  ]);
});

test('the sample can be opened in another locale: its money follows the currency, and a reset keeps or changes it', () => {
  const session = new PreviewSession({ instantFunctions: true, empty: false, distDir: DIST, locale: 'en_GB' });
  expect(session.emulator.spreadsheet.getSpreadsheetLocale()).toBe('en_GB');
  expect(session.view().active.cells.D2.display).toBe('£1,260');
  session.reset();
  expect(session.view().active.cells.B2.display).toBe('£4,200');
  session.reset('de_DE');
  expect(session.view().active.cells.D2.display).toBe('1.260 €');
  expect(() => session.reset('german')).toThrow('Unknown locale "german": give a language and region such as en_GB.');
  expect(session.emulator.spreadsheet.getSpreadsheetLocale()).toBe('de_DE');
});

test('drawing the grid and clicking tabs are not counted as the add-on’s service calls', () => {
  const session = sample();
  const before = session.emulator.toJSON().calls;
  expect(before).toBeGreaterThan(0);
  session.view();
  session.activate('Income');
  session.view();
  expect(session.emulator.toJSON().calls).toBe(before);
});

test('an error cell carries its message for the hover text', () => {
  const session = sample();
  session.enterInput('Income', 'J2', '=TAX_SET_ASIDE(B2, "lots")');
  const cell = session.view().active.cells.J2;
  expect(cell.display).toMatch(/^#/);
  expect(cell.error).toContain('TAX_SET_ASIDE');
  expect(cell.input).toBe('=TAX_SET_ASIDE(B2, "lots")');
});

test('merged titles, checkboxes and a chart made by a script are drawn from what the emulator holds', () => {
  const session = new PreviewSession({ instantFunctions: true, empty: true, distDir: DIST });
  const sheet = session.emulator.spreadsheet.insertSheet('Layout');
  sheet.getRange('A1:C1').merge().setValue('Plan title');
  sheet.getRange('B3:B4').insertCheckboxes();
  sheet.getRange('B3').check();
  sheet.getRange('D1:E6').setValues([
    ['Month', 'Saved'],
    ['Jan', 100],
    ['Feb', 250],
    ['Mar', 400],
    ['', ''],
    ['', ''],
  ]);
  const chart = sheet
    .newChart()
    .setChartType('LINE')
    .addRange(sheet.getRange('D1:E6'))
    .setPosition(2, 7, 0, 0)
    .setOption('title', 'Savings')
    .build();
  sheet.insertChart(chart);

  const view = session.view();
  expect(view.active.name).toBe('Layout');
  expect(view.active.merges).toEqual([{ a1: 'A1', rows: 1, columns: 3 }]);
  expect(view.active.cells.A1.display).toBe('Plan title');
  expect(view.active.cells.B3).toMatchObject({ checked: true, display: 'TRUE', input: 'TRUE' });
  expect(view.active.cells.B4).toMatchObject({ checked: false });
  // The header row names the series; the empty rows at the end are not plotted.
  expect(view.active.charts).toEqual([
    {
      title: 'Savings',
      anchorA1: 'G2',
      labels: ['Jan', 'Feb', 'Mar'],
      series: [{ name: 'Saved', points: [100, 250, 400] }],
      axis: { locale: 'en_US' },
    },
  ]);
  // The checkbox takes TRUE/FALSE typed by the page.
  session.enterInput('Layout', 'B4', 'TRUE');
  expect(session.view().active.cells.B4.checked).toBe(true);
});

test('google.script.run: results and arguments make a JSON round trip; failures and private names answer like Google', () => {
  const session = sample();
  const saved = session.scriptRun('leapSaveDraft', [{ nicheService: 'Café branding', monthlyExpenses: 3200 }]);
  expect(saved).toEqual({ ok: true, result: { savedAt: expect.any(String), bytes: expect.any(Number) } });
  const draft = session.scriptRun('leapGetDraft', []);
  expect(draft).toMatchObject({ ok: true, result: { answers: { nicheService: 'Café branding', monthlyExpenses: 3200 } } });
  expect(session.scriptRun('leapActivatePlan', [])).toEqual({
    ok: false,
    error: { name: 'Error', message: expect.stringContaining('No plan yet') },
  });
  expect(session.scriptRun('helper_', [])).toEqual({
    ok: false,
    error: { name: 'ScriptError', message: 'Script function not found: helper_' },
  });
  expect(session.scriptRun('noSuchFunction', [])).toMatchObject({
    ok: false,
    error: { message: 'Script function not found: noSuchFunction' },
  });
});

test('the sidebar shows at 300 px under its page title until closed; showing it again reopens it', () => {
  const session = sample();
  expect(session.view().sidebar).toBeUndefined();
  session.runMenuItem('leapShowSidebar');
  const ownTitle = /<title>([^<]*)<\/title>/.exec(readFileSync(join(DIST, 'Sidebar.html'), 'utf8'))?.[1];
  const first = session.view().sidebar;
  expect(first).toMatchObject({ width: 300, frameTitle: ownTitle });
  expect(session.sidebarHtml()).toContain('<title>');
  session.dismiss('sidebar');
  expect(session.view().sidebar).toBeUndefined();
  expect(session.sidebarHtml()).toBeUndefined();
  session.runMenuItem('leapShowSidebar');
  expect(session.view().sidebar?.id).toBeGreaterThan(first?.id ?? Number.POSITIVE_INFINITY);
});

test('a dialog shows until closed; reset brings back the sample and forgets edits', () => {
  const session = sample();
  session.runMenuItem('leapShowHelp');
  expect(session.view().dialog).toMatchObject({ title: 'Jumpwise help' });
  session.dismiss('dialog');
  expect(session.view().dialog).toBeUndefined();
  session.enterInput('Income', 'J2', 'scratch');
  session.reset();
  expect(session.view().active.cells.J2).toBeUndefined();
  expect(session.view().active.cells.D2.display).toBe('$1,260');
});

test('the page title names the frame (entities decoded), else the title given to setTitle', () => {
  expect(pageTitle({ title: 'Set title', html: '<head><title>Plan &amp; build</title></head>', width: 300 })).toBe(
    'Plan & build',
  );
  expect(pageTitle({ title: 'Set title', html: '<p>No title here</p>', width: 300 })).toBe('Set title');
});

test('the google.script shim goes first in <head>, before the page’s own scripts', () => {
  const html = '<!DOCTYPE html><html><head lang="en"><script>app()</script></head><body></body></html>';
  const shimmed = withScriptShim(html, 'window.google = {};');
  expect(shimmed.indexOf('window.google')).toBeLessThan(shimmed.indexOf('app()'));
  expect(shimmed.startsWith('<!DOCTYPE html><html><head lang="en"><script>window.google = {};</script>')).toBe(true);
  expect(withScriptShim('<p>bare</p>', 'x()</script>')).toBe('<script>x()<\\/script></script><p>bare</p>');
});
