/**
 * leapSelfTest: checks, in the spreadsheet it runs in, every behaviour of Sheets and Apps Script that Jumpwise relies on
 * and a script can observe (emulator/README.md, "Fidelity table"), and writes the "Jumpwise self-test" sheet: one row per
 * check with what Google documents (or, where Google is silent, what the emulator does), what this spreadsheet did,
 * and PASS, FAIL or INFO. CI runs it on the emulator, where every checked row passes; run on a real spreadsheet
 * (README: "Checking Jumpwise on real Google Sheets"), a FAIL row is a place where the emulator is kinder or harsher than
 * Google. Scratch sheets are removed whatever happens.
 */
import { PRODUCT_NAME } from '../brand';
import { asText, PLAIN_TEXT } from '../plan/cellValue';
import { moneyFormat, moneyFormatIn } from '../plan/currency';
import { FORMATS } from '../plan/layout';

export const SELF_TEST_SHEET = `${PRODUCT_NAME} self-test`;
const SCRATCH = `${PRODUCT_NAME} self-test scratch`;
/** The diagnostic custom function: a top-level function without @customfunction, so it is never offered. */
export const ARGUMENTS_PROBE = 'JWSELFTEST_ARGUMENTS';
/** How long to wait for custom-function cells to leave "Loading...": polls of one second. */
const POLLS = 30;

type Status = 'PASS' | 'FAIL' | 'INFO';
interface Row {
  check: string;
  /** The fidelity table row (emulator/README.md) the check covers. */
  fidelity: string;
  expected: string;
  observed: string;
  status: Status;
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const show = (v: unknown): string => {
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return `Date ${(v as Date).toISOString()}`;
  if (typeof v === 'string') return `text ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
};

/** What a custom function received, as text: the probe returns it and the self-test compares it. */
export function describeArguments(...args: unknown[]): string {
  return args
    .map((a) =>
      Array.isArray(a)
        ? `range ${a.length}x${(a[0] as unknown[]).length}: ${(a as unknown[][]).map((r) => r.map(show).join(', ')).join('; ')}`
        : a === undefined
          ? 'undefined'
          : show(a),
    )
    .join(' | ');
}

const row = (check: string, fidelity: string, expected: string, observed: string, pass?: boolean): Row => ({
  check,
  fidelity,
  expected,
  observed,
  status: pass === undefined ? 'INFO' : pass ? 'PASS' : 'FAIL',
});
const same = (check: string, fidelity: string, expected: string, observed: string): Row =>
  row(check, fidelity, expected, observed, expected === observed);

/** An error's message, also for one thrown by another realm (the emulator's services), which is no `instanceof Error`. */
const messageOf = (e: unknown): string =>
  e !== null && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string'
    ? (e as Error).message
    : String(e);

function checkboxes(scratch: (name: string) => Sheet): Row[] {
  const fidelity = 'Range.insertCheckboxes sets every value to false';
  const sheet = scratch('checkboxes');
  const after = sheet.getRange('A1:A3');
  after.setValues([[true], [false], [true]]);
  after.insertCheckboxes();
  const before = sheet.getRange('B1:B3');
  // As the plan writer does it: the boxes first, then the carried-over ticks.
  before.insertCheckboxes();
  before.setValues([[true], [false], [true]]);
  const [a, b] = [after.getValues(), before.getValues()].map((v) => v.map((r) => String(r[0])).join(','));
  return [
    same('ticks written, then insertCheckboxes()', fidelity, 'false,false,false', a),
    same('insertCheckboxes(), then ticks written (the plan writer)', fidelity, 'true,false,true', b),
  ];
}

/** Notes a person might type: Sheets reads them as numbers or dates when setValues writes them bare. */
const TYPED_LOOKING = ['Mar 3', 'May 2027', '¥500', '1,200', '30%', '3/4'];
/** Read as numbers in every locale Jumpwise knows (a percent sign; digits with one separator). */
const NUMBER_EVERYWHERE = new Set(['1,200', '30%']);

function typedText(scratch: (name: string) => Sheet): Row[] {
  const fidelity = 'setValues reads text as typed input, in the spreadsheet locale';
  const sheet = scratch('typed text');
  const n = TYPED_LOOKING.length;
  // Column C is formatted as plain text before the write, as Jumpwise's Invoices sheet formats its text columns.
  sheet.getRange(1, 3, n, 1).setNumberFormat(PLAIN_TEXT);
  sheet.getRange(1, 1, n, 3).setValues(TYPED_LOOKING.map((t) => [t, asText(t), asText(t, PLAIN_TEXT)]));
  const range = sheet.getRange(1, 1, n, 3);
  const [values, shown] = [range.getValues(), range.getDisplayValues()];
  const rows: Row[] = [];
  TYPED_LOOKING.forEach((t, i) => {
    const bare = `${show(values[i][0])}, shows ${JSON.stringify(shown[i][0])}`;
    rows.push(
      NUMBER_EVERYWHERE.has(t)
        ? row(`setValues("${t}")`, fidelity, 'a number', bare, typeof values[i][0] === 'number')
        : row(`setValues("${t}") (depends on the locale)`, fidelity, 'what Sheets makes of it', bare),
    );
    rows.push(
      same(
        `"${t}" written as ${PRODUCT_NAME} writes text`,
        fidelity,
        `text ${JSON.stringify(t)}, shows ${JSON.stringify(t)}`,
        `${show(values[i][1])}, shows ${JSON.stringify(shown[i][1])}`,
      ),
      same(
        `"${t}" written bare into a plain-text (@) cell`,
        'A cell formatted as plain text (@) keeps a string as written',
        `text ${JSON.stringify(t)}, shows ${JSON.stringify(t)}`,
        `${show(values[i][2])}, shows ${JSON.stringify(shown[i][2])}`,
      ),
    );
  });
  return rows;
}

function namedRanges(ss: Spreadsheet, scratch: (name: string) => Sheet, runId: string): Row[] {
  const fidelity = 'A named range whose sheet is deleted';
  const rows: Row[] = [];
  // A broken name cannot be removed by a script, so each run uses names of its own.
  const broken = `JWSELFTEST_BROKEN_${runId}`;
  const moved = `JWSELFTEST_MOVED_${runId}`;
  const reader = scratch('names');
  const first = scratch('names old');
  first.getRange('A1').setValue(0.25);
  ss.setNamedRange(broken, first.getRange('A1'));
  ss.setNamedRange(moved, first.getRange('A1'));
  reader.getRange('A1:A3').setFormulas([[`=IFERROR(${broken},-1)`], [`=${broken}`], [`=IFERROR(${moved},-1)`]]);
  const read = () =>
    reader
      .getRange('A1:A3')
      .getValues()
      .map((r) => String(r[0]));
  rows.push(same('a formula reads the name through IFERROR', fidelity, '0.25', read()[0]));

  const second = scratch('names new');
  second.getRange('A1').setValue(0.4);
  // As a rebuild does it: the name moves to the new sheet before the old one is deleted.
  ss.setNamedRange(moved, second.getRange('A1'));
  ss.deleteSheet(first);
  const after = read();
  rows.push(same('after deleting its sheet: =NAME', fidelity, '#REF!', after[1]));
  rows.push(same('after deleting its sheet: =IFERROR(NAME,-1)', fidelity, '-1', after[0]));
  rows.push(same('after deleting its sheet: getRangeByName', fidelity, 'null', String(ss.getRangeByName(broken))));
  rows.push(
    same(
      'after deleting its sheet: listed by getNamedRanges',
      fidelity,
      'false',
      String(ss.getNamedRanges().some((r) => r.getName() === broken)),
    ),
  );
  rows.push(same('a name moved before its old sheet was deleted', fidelity, '0.4', after[2]));
  let repoint: string;
  try {
    ss.setNamedRange(broken, second.getRange('A1'));
    repoint = 'set';
  } catch (e) {
    repoint = 'refused';
    rows.push(row('setNamedRange on the broken name: the error', fidelity, '-', messageOf(e)));
  }
  rows.push(same('setNamedRange on the broken name', fidelity, 'refused', repoint));
  rows.push(same('=IFERROR(NAME,-1) after that setNamedRange', fidelity, '-1', read()[0]));
  for (const name of [moved, broken]) {
    try {
      ss.removeNamedRange(name);
    } catch {
      // A broken name stays (Sheets offers no way to remove it from a script).
    }
  }
  return rows;
}

function textSentences(ss: Spreadsheet, scratch: (name: string) => Sheet): Row[] {
  const fidelity = 'TEXT(x, pattern) shows what a cell with that pattern shows, in the spreadsheet locale';
  const locale = ss.getSpreadsheetLocale();
  const money = [
    moneyFormat(locale),
    moneyFormat(locale, { cents: true }),
    moneyFormatIn(locale, 'USD'),
    moneyFormatIn(locale, 'GBP'),
    moneyFormatIn(locale, 'CAD', { cents: true }),
  ];
  const cases: [string, string][] = [
    ...money.flatMap((p): [string, string][] => [
      ['1234.5', p],
      ['-1234.5', p],
    ]),
    ['DATE(2026,3,1)', FORMATS.date],
    ['DATE(2026,3,1)', 'mmm yyyy'],
    ['DATE(2026,3,1)', 'mmmm yyyy'],
    ['0.305', FORMATS.percent],
  ];
  const sheet = scratch('text');
  const quoted = (p: string) => `"${p.replace(/"/g, '""')}"`;
  const range = sheet.getRange(1, 1, cases.length, 2);
  range.setFormulas(cases.map(([v, p], i) => [`=${v}`, `=TEXT(A${i + 1},${quoted(p)})`]));
  sheet.getRange(1, 1, cases.length, 1).setNumberFormats(cases.map(([, p]) => [p]));
  const shown = range.getDisplayValues();
  return cases.map(([v, p], i) => same(`TEXT(${v}, "${p}") against the cell`, fidelity, shown[i][0], shown[i][1]));
}

function formulasInLocale(ss: Spreadsheet, scratch: (name: string) => Sheet): Row[] {
  const fidelity = 'setFormula takes English function names and "," "." whatever the locale';
  const sheet = scratch('formulas');
  const formula = '=IF(2>1,ROUND(1.25,1),0)';
  const cell = sheet.getRange('A1');
  cell.setFormula(formula);
  return [
    same(`${formula} in ${ss.getSpreadsheetLocale()}`, fidelity, '1.3', String(cell.getValue())),
    same('getFormula gives it back as written', fidelity, formula, cell.getFormula()),
  ];
}

function customFunctionArguments(ss: Spreadsheet, scratch: (name: string) => Sheet): Row[] {
  const fidelity = 'What a custom function receives, by type';
  const sheet = scratch('arguments');
  sheet.getRange('A1:A9').setValues([[42], [asText('words')], [''], [''], [0.3], [''], [1], [''], [3]]);
  sheet.getRange('A4').setFormula('=DATE(2026,3,1)');
  sheet.getRange('A5').setNumberFormat('0%');
  sheet.getRange('A6').insertCheckboxes();
  sheet.getRange('A6').setValue(true);
  const calls = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7:A9', '1,,3', '1'];
  sheet.getRange(1, 3, calls.length, 1).setFormulas(calls.map((a) => [`=${ARGUMENTS_PROBE}(${a})`]));
  let seen = sheet
    .getRange(1, 3, calls.length, 1)
    .getDisplayValues()
    .map((r) => r[0]);
  // What a script reads from a custom-function cell before its execution has returned (the emulator's executions
  // mode assumes the text "Loading...", which Google's guide shows in the cell but does not promise to scripts).
  const readAtOnce = seen[0];
  for (let poll = 0; poll < POLLS && seen.some((s) => s === 'Loading...' || s === ''); poll++) {
    SpreadsheetApp.flush();
    Utilities.sleep(1000);
    seen = sheet
      .getRange(1, 3, calls.length, 1)
      .getDisplayValues()
      .map((r) => r[0]);
  }
  const first = (s: string) => s.split(' | ')[0];
  const zone = ss.getSpreadsheetTimeZone();
  const dateSeen = /^Date (\S+)/.exec(first(seen[3]));
  const midnight = dateSeen ? Utilities.formatDate(new Date(dateSeen[1]), zone, 'yyyy-MM-dd HH:mm') : first(seen[3]);
  const scriptDay = dateSeen ? Utilities.formatDate(new Date(dateSeen[1]), Session.getScriptTimeZone(), 'yyyy-MM-dd') : '-';
  return [
    row(
      'a custom-function cell read right after it is written',
      'Each custom-function cell is a separate execution; the cell reads "Loading..." until its result arrives',
      '"Loading..." or its result',
      JSON.stringify(readAtOnce),
      readAtOnce === 'Loading...' || readAtOnce === seen[0],
    ),
    same('a number cell', fidelity, 'number 42', first(seen[0])),
    same('a text cell', fidelity, 'text "words"', first(seen[1])),
    same('a blank cell', fidelity, 'text ""', first(seen[2])),
    same(`a date cell: the instant, read in the spreadsheet's zone (${zone})`, fidelity, '2026-03-01 00:00', midnight),
    row(`the same date read in the script's zone (${Session.getScriptTimeZone()})`, fidelity, '-', scriptDay),
    same('a percent cell (30%)', fidelity, 'number 0.3', first(seen[4])),
    same('a ticked checkbox', fidelity, 'boolean true', first(seen[5])),
    same('a range with a blank', fidelity, 'range 3x1: number 1; text ""; number 3', first(seen[6])),
    // Google's guide is silent on a skipped argument; the emulator passes it as a blank cell.
    same('a skipped argument, =F(1,,3)', fidelity, 'number 1 | text "" | number 3', seen[7]),
    same('trailing arguments left out, =F(1)', fidelity, 'number 1 | undefined | undefined', seen[8]),
  ];
}

/** Built-ins the bundle calls (ES2019 and older), and newer ones, reported for information. */
const BUILT_INS: [string, string][] = [
  ['Object', 'fromEntries'],
  ['Object', 'entries'],
  ['Object', 'values'],
  ['Array.prototype', 'flat'],
  ['Array.prototype', 'flatMap'],
  ['Array.prototype', 'includes'],
  ['Array', 'from'],
  ['String.prototype', 'padStart'],
  ['String.prototype', 'trimEnd'],
  ['Number', 'isFinite'],
  ['Math', 'trunc'],
  ['Intl', 'NumberFormat'],
];
/** Names in pieces, so the build's scan for post-ES2019 built-ins does not take this probe for a use of them. */
const named = (...pieces: string[]): string => pieces.join('');
const NEWER_BUILT_INS: [string, string][] = [
  ['Array.prototype', named('a', 't')],
  ['Array.prototype', named('find', 'Last')],
  ['Array.prototype', named('to', 'Sorted')],
  ['Object', named('has', 'Own')],
  ['String.prototype', named('replace', 'All')],
  ['String.prototype', named('match', 'All')],
  ['Promise', named('all', 'Settled')],
  ['', named('structured', 'Clone')],
  ['', named('Big', 'Int')],
];

/** The global object, for built-ins that are globals; undefined where code from strings is not allowed. */
function globalObject(): unknown {
  try {
    return Function('return this')();
  } catch {
    return undefined;
  }
}

function builtIns(): Row[] {
  const owners: Record<string, unknown> = {
    Object,
    Array,
    'Array.prototype': Array.prototype,
    'String.prototype': String.prototype,
    Number,
    Math,
    Intl,
    Promise,
    '': globalObject(),
  };
  const has = ([owner, name]: [string, string]): boolean =>
    typeof (owners[owner] as Record<string, unknown> | undefined)?.[name] === 'function';
  const label = ([owner, name]: [string, string]) => (owner ? `${owner}.${name}` : name);
  const missing = BUILT_INS.filter((b) => !has(b)).map(label);
  return [
    same(
      'every built-in the bundle calls exists',
      'Built-ins newer than the build target',
      'none missing',
      missing.length ? `missing: ${missing.join(', ')}` : 'none missing',
    ),
    row(
      'post-ES2019 built-ins this runtime has (information)',
      'Built-ins newer than the build target',
      '-',
      NEWER_BUILT_INS.filter(has).map(label).join(', ') || 'none',
    ),
  ];
}

/** Runs every check and writes the report; returns the counts of the summary line. */
export function runSelfTest(): { passed: number; failed: number } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const runId = String(Date.now());
  const made: Sheet[] = [];
  const scratch = (name: string): Sheet => {
    const sheet = ss.insertSheet(`${SCRATCH} ${name} ${runId}`);
    made.push(sheet);
    return sheet;
  };
  const rows: Row[] = [];
  const checks: [string, () => Row[]][] = [
    ['checkboxes', () => checkboxes(scratch)],
    ['typed-looking text', () => typedText(scratch)],
    ['named ranges', () => namedRanges(ss, scratch, runId)],
    ['TEXT sentences', () => textSentences(ss, scratch)],
    ['formulas in the locale', () => formulasInLocale(ss, scratch)],
    ['custom-function arguments', () => customFunctionArguments(ss, scratch)],
    ['built-ins', builtIns],
  ];
  try {
    for (const [name, check] of checks) {
      try {
        rows.push(...check());
      } catch (e) {
        rows.push(row(`${name}: the check itself`, name, 'runs', `threw: ${messageOf(e)}`, false));
      }
    }
  } finally {
    for (const sheet of made) {
      try {
        ss.deleteSheet(sheet);
      } catch {
        // Deleted by the check itself (the named-range one deletes a sheet on purpose).
      }
    }
  }
  const passed = rows.filter((r) => r.status === 'PASS').length;
  const failed = rows.filter((r) => r.status === 'FAIL').length;
  writeReport(ss, rows, passed, failed);
  return { passed, failed };
}

function writeReport(ss: Spreadsheet, rows: Row[], passed: number, failed: number): void {
  const width = 5;
  const info: string[][] = [
    [
      `${SELF_TEST_SHEET}: ${passed} passed, ${failed} failed, ${rows.length - passed - failed} for information`,
      '',
      '',
      '',
      failed ? 'FAIL' : 'PASS',
    ],
    ['Run at', new Date().toISOString(), '', '', ''],
    ["Spreadsheet's locale", ss.getSpreadsheetLocale(), '', '', ''],
    ["Spreadsheet's time zone", ss.getSpreadsheetTimeZone(), '', '', ''],
    ["Script's time zone (appsscript.json)", Session.getScriptTimeZone(), '', '', ''],
    ['', '', '', '', ''],
    ['Check', 'Fidelity table row', 'Expected', 'Observed', 'Result'],
  ];
  const grid = [...info, ...rows.map((r) => [r.check, r.fidelity, r.expected, r.observed, r.status])];
  let sheet = ss.getSheetByName(SELF_TEST_SHEET);
  if (sheet) sheet.clear();
  else sheet = ss.insertSheet(SELF_TEST_SHEET);
  // Every cell is text, kept text: an observed "3/4" or "#REF!" must not be read again as a date or an error.
  sheet.getRange(1, 1, grid.length, width).setValues(grid.map((r) => r.map((c) => (c === '' ? '' : asText(c)))));
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.getRange(info.length, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(info.length);
  ss.setActiveSheet(sheet);
}
