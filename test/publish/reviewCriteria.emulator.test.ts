/**
 * Google's review criteria for Editor add-ons that the server side and the page sources must meet, each checked here:
 * "Areas of review" (developers.google.com/workspace/marketplace/about-app-review) and "UI style guide for Editor
 * add-ons" (developers.google.com/workspace/add-ons/guides/editor-style). The criteria checked in Chromium (content
 * fits 300 px, one primary action per screen) are in reviewCriteria.browser.test.ts; PUBLISHING.md lists every
 * criterion with its check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { type Emulator, findRepoRoot, loadDist } from '../../emulator/src';
import { PRODUCT_NAME } from '../../src/brand';
import { entryPoints, serverEntryPoints } from '../../src/sheets/entryPoints';
import { EXAMPLES_SHEET_NAME } from '../../src/sheets/examples';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { ISO_LAYOUT_KEY, ISO_MAPPING, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

const REPO = findRepoRoot(__dirname);

function fresh(authMode: 'NONE' | 'FULL' = 'FULL'): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC', authMode });
  loadDist(em);
  return em;
}

/**
 * The imperative verbs the menu's items start with. The style guide: "Avoid menu items that simply repeat the
 * add-on's name. Instead, start with an action word"; "Use sentence case (especially for buttons, labels and menu
 * items)".
 */
const MENU_VERBS = ['Plan', 'Insert', 'Set', 'Make', 'Import', 'Check', 'Get'];
/** Proper names a sentence-case item may still capitalise: sheets the add-on makes. */
const SHEET_NAMES = ['Books', 'Invoices', 'Ledger'];

describe('the menu', () => {
  /**
   * "Menus for Editor add-ons" (developers.google.com/workspace/add-ons/concepts/menus): the menu is built in onOpen,
   * which runs in AuthMode.NONE before the person has authorised the add-on, and onInstall must build it too, as
   * onOpen does not run on install.
   */
  test.each(['onOpen', 'onInstall'])(
    '%s builds the whole menu in AuthMode.NONE, touching neither the document nor its properties',
    (trigger) => {
      const em = fresh('NONE');
      em.resetCalls();
      em.run(trigger, { authMode: 'NONE' });
      expect(em.ui.menus).toHaveLength(1);
      expect(em.ui.menus[0]).toMatchObject({ name: PRODUCT_NAME, addon: true });
      expect(em.ui.menus[0].items.length).toBeGreaterThan(5);
      expect(em.calls.filter((c) => c.service !== 'Ui' && !/getUi|Menu/.test(`${c.service}.${c.method}`))).toEqual([]);
    },
  );

  test('onOpen and onInstall build the same menu', () => {
    const [open, install] = ['onOpen', 'onInstall'].map((trigger) => {
      const em = fresh('NONE');
      em.run(trigger, { authMode: 'NONE' });
      return em.ui.menus;
    });
    expect(install).toEqual(open);
  });

  test('every item starts with a verb, in sentence case, without the add-on name, and calls an entry point', () => {
    const em = fresh('NONE');
    em.run('onOpen', { authMode: 'NONE' });
    const items = em.ui.menus[0].items.flatMap((item) => ('label' in item ? [item] : []));
    for (const { label, functionName } of items) {
      expect({ label, verb: MENU_VERBS.includes(label.split(' ')[0]) }).toEqual({ label, verb: true });
      const laterWords = label.split(/\s+/).slice(1);
      expect({ label, capitalised: laterWords.filter((w) => /^[A-Z]/.test(w) && !SHEET_NAMES.includes(w)) }).toEqual({
        label,
        capitalised: [],
      });
      expect(label).not.toContain(PRODUCT_NAME);
      expect(Object.keys(entryPoints)).toContain(functionName);
    }
  });
});

/** A message a person can act on: a sentence in words, not a JavaScript error's text. */
function expectFriendly(where: string, message: string): void {
  expect({ where, message, friendly: /^[A-Z"]/.test(message) && /\s/.test(message) }).toEqual({ where, message, friendly: true });
  expect({ where, message }).not.toEqual({
    where,
    message: expect.stringMatching(
      /TypeError|ReferenceError|RangeError|SyntaxError|undefined|\bnull\b|NaN|\[object|Cannot read|is not a function|is not defined/,
    ),
  });
}

/** A source's code without its comments (esbuild drops them), so a comment that says "confirm (" is not a call. */
const code = (file: string, text: string): string =>
  file.endsWith('.ts') ? transformSync(text, { loader: 'ts', legalComments: 'none' }).code : text.replace(/<!--[\s\S]*?-->/g, '');

describe('errors reach the person in words, never as a raw exception', () => {
  /**
   * Each google.script.run target, called with what a broken or stale page might send, answers or refuses in a
   * sentence; the page shows the refusal in its alert area (sidebar/server.ts: serverErrorMessage).
   */
  test('every sidebar and dialog server function, given missing or malformed arguments, answers or refuses in words', () => {
    const em = fresh();
    const bad: unknown[][] = [[], [null], [42], ['x'], [{}], [[1, 2]]];
    let refusals = 0;
    for (const name of Object.keys(serverEntryPoints)) {
      for (const args of bad) {
        try {
          em.scriptRun(name, ...args);
        } catch (e) {
          refusals++;
          expectFriendly(`${name}(${JSON.stringify(args).slice(1, -1)})`, e instanceof Error ? e.message : String(e));
        }
      }
    }
    expect(refusals).toBeGreaterThan(30);
  });

  /**
   * A menu item that throws shows Sheets' red error bar: every menu action, chosen in a new spreadsheet where it has
   * nothing to work on, either does its work or explains itself in a dialog.
   */
  test('every menu action in an empty spreadsheet works or explains itself in a dialog, and never throws', () => {
    const em = fresh('NONE');
    em.run('onOpen', { authMode: 'NONE' });
    const actions = em.ui.menus[0].items.flatMap((item) => ('label' in item ? [item.functionName] : []));
    for (const functionName of actions) {
      const run = fresh();
      expect({
        functionName,
        threw: (() => {
          try {
            run.run(functionName);
            return '';
          } catch (e) {
            return e instanceof Error ? e.message : String(e);
          }
        })(),
      }).toEqual({ functionName, threw: '' });
      for (const alert of run.ui.alerts) expectFriendly(`${functionName}'s dialog`, alert.prompt);
    }
  });

  test("no page calls the browser's alert(), confirm() or prompt(), and the server never uses Browser.msgBox", () => {
    const sources = (dir: string, ext: RegExp) =>
      readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => ext.test(f))
        .map((f) => ({ file: `${dir}/${f}`, text: code(f, readFileSync(join(REPO, dir, f), 'utf8')) }));
    const pageUses = sources('sidebar', /\.(ts|html)$/).flatMap(({ file, text }) =>
      [...text.matchAll(/(?<![.\w])(?:window\.)?(alert|confirm|prompt)\s*\(/g)].map((m) => `${file}: ${m[0]}`),
    );
    expect(pageUses).toEqual([]);
    const serverUses = sources('src', /\.ts$/).flatMap(({ file, text }) =>
      [...text.matchAll(/\bBrowser\.(msgBox|inputBox)\b/g)].map((m) => `${file}: ${m[0]}`),
    );
    expect(serverUses).toEqual([]);
  });
});

describe('external links open in a new window', () => {
  /** A link out of a sandboxed page must open a new window (target="_blank"), without access back (noopener). */
  test('every link to another site in the pages and the server code opens a new window', () => {
    const files = [
      ...readdirSync(join(REPO, 'sidebar')).map((f) => `sidebar/${f}`),
      ...readdirSync(join(REPO, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => `src/${f}`),
    ].filter((f) => /\.(ts|html)$/.test(f));
    const links = files.flatMap((file) =>
      [...readFileSync(join(REPO, file), 'utf8').matchAll(/<a\b[^>]*\bhref\s*=\s*"https?:[^"]*"[^>]*>/gi)].map((m) => ({
        file,
        tag: m[0],
      })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const { file, tag } of links) {
      expect({ file, tag, newWindow: /\btarget="_blank"/.test(tag) && /\brel="[^"]*\bnoopener\b/.test(tag) }).toEqual({
        file,
        tag,
        newWindow: true,
      });
    }
  });
});

describe('nothing the person made is written over', () => {
  /**
   * "Areas of review": an add-on must not overwrite the person's data without asking. The add-on never does: where a
   * sheet of the person's has the name it would use, it makes its own beside it (Transition Plan 2), adds below the
   * person's rows (Check-ins), reads it (Categories, Books) or refuses in words (an import into a Ledger whose header
   * is not the Ledger's). Each action here meets such a sheet; the person's cells are all still there afterwards.
   */
  const row = statementRows();
  const actions: [sheet: string, action: string, args: unknown[]][] = [
    ['Transition Plan', 'leapBuildPlan', [SAMPLE_ANSWERS]],
    ['Invoices', 'leapSetupInvoices', []],
    [EXAMPLES_SHEET_NAME, 'leapInsertExamples', []],
    ['Books', 'leapSetUpBooks', []],
    ['Categories', 'leapSetUpBooks', []],
    ['Ledger', 'leapSetUpBooks', []],
    [
      'Ledger',
      'leapImportStatement',
      [{ rows: [row('2026-01-05', 'Client A', 1200)], account: 'Checking', layoutKey: ISO_LAYOUT_KEY, mapping: ISO_MAPPING }],
    ],
    ['Check-ins', 'leapSaveCheckIn', []],
  ];
  test.each(actions)("a sheet of the person's named %s is kept as it was by %s", (sheet, action, args) => {
    const em = fresh();
    if (action === 'leapSaveCheckIn') em.run('leapBuildPlan', SAMPLE_ANSWERS);
    const mine = [
      ['My own', 'notes', 'here'],
      [1, 2, 3],
    ];
    em.spreadsheet.insertSheet(sheet).getRange('A1:C2').setValues(mine);
    let refusal = '';
    try {
      em.run(action, ...args);
    } catch (e) {
      refusal = e instanceof Error ? e.message : String(e);
    }
    expect(em.spreadsheet.getSheetByName(sheet)?.getRange('A1:C2').getValues()).toEqual(mine);
    if (refusal) expectFriendly(action, refusal);
  });
});
