/**
 * The bundle's leapImportStatement, leapGetStatementMapping and leapSetUpBooks on the in-memory emulator: the
 * Ledger, Categories and Books sheets as Google would hold them, the Books formulas evaluated by HyperFormula,
 * Google's call boundary, fault injection and the document lock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, type Emulator, loadDist } from '../../emulator/src';
import { DEFAULT_CATEGORIES, UNCATEGORISED } from '../../src/books/categories';
import { BOOKS, CATEGORY_ROWS } from '../../src/books/layout';
import type { StatementRow } from '../../src/books/types';
import { IMPORT_RUNNING_MESSAGE } from '../../src/sheets/books';
import { ISO_LAYOUT_KEY, ISO_MAPPING, importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

type Cells = Record<string, { value: unknown; formula?: string }>;

function fresh(): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  return em;
}

const row = statementRows();

const importRows = (em: Emulator, rows: StatementRow[], account = 'Chase checking', layoutKey = ISO_LAYOUT_KEY) =>
  importStatement(em, rows, account, layoutKey);

function cells(em: Emulator, sheetName: string): Cells {
  const sheet = em.toJSON().sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  return sheet.cells;
}

/**
 * The import's own service calls: failOnCall and beforeCall count only these, not the calls custom functions on the
 * Books sheet make while it recalculates (on Google those run as executions of their own).
 */
const scriptCalls = (em: Emulator) => em.calls.filter((c) => !c.inCustomFunction);

const sheetNames = (em: Emulator) => em.toJSON().sheets.map((s) => s.name);

/** The Ledger as rows of values below the header (Date as YYYY-MM-DD). */
function ledger(em: Emulator): unknown[][] {
  const c = cells(em, 'Ledger');
  const rows: unknown[][] = [];
  for (let r = 2; c[`A${r}`] || c[`B${r}`]; r++)
    rows.push(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((l) => c[`${l}${r}`]?.value ?? ''));
  return rows;
}

/** The computed value behind a named range, one cell or a column of cells. */
function named(em: Emulator, name: string): unknown {
  const ref = em.toJSON().namedRanges[name];
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref ?? '');
  if (!m) throw new Error(`no named range ${name} (${ref})`);
  const c = cells(em, m[1]);
  if (!m[4]) return c[`${m[2]}${m[3]}`]?.value;
  const out: unknown[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(c[`${m[2]}${r}`]?.value);
  return out;
}

const IMPORT_ID = expect.stringMatching(/^[0-9a-z]+$/);
/** An Import key cell: the duplicate key, then the import's tag (src/books/lastImport.ts). */
const tagged = (key: string) => new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\|[0-9a-z]+(\\.[0-9a-f]{6}){3}$`);

describe('a first import', () => {
  const em = fresh();
  em.run('onOpen');
  const rows = [
    row('2026-01-05', 'STRIPE PAYOUT ST-1', 2400),
    row('2026-01-06', '=HYPERLINK("http://evil","click")', -12),
    row('2026-01-07', '+1 555 0100 CALL', -3),
    row('2026-01-07', '-ATM FEE', -2.5),
    row('2026-01-08', '2026-01-08 deposit', 40),
  ];
  const result = importRows(em, rows);

  test('makes the three sheets and reports what it did', () => {
    expect(sheetNames(em)).toEqual(['Sheet1', 'Categories', 'Ledger', 'Books']);
    expect(result).toEqual({
      imported: 5,
      skippedAlreadyInLedger: 0,
      repeatedInStatement: 0,
      uncategorised: 4,
      firstDate: '2026-01-05',
      lastDate: '2026-01-08',
      // What "Undo last import" removes (test/books/importUndo.emulator.test.ts).
      lastImport: {
        id: IMPORT_ID,
        rows: 5,
        account: 'Chase checking',
        firstDate: '2026-01-05',
        lastDate: '2026-01-08',
        importedAt: expect.any(String),
      },
    });
  });

  test('writes each row as values: a real date, user text that stays text, the amount, category, account and key', () => {
    expect(ledger(em)).toEqual([
      [
        '2026-01-05',
        'STRIPE PAYOUT ST-1',
        2400,
        'Client income',
        'Chase checking',
        '',
        expect.stringMatching(tagged('2026-01-05|2400.00|stripe payout st 1')),
      ],
      [
        '2026-01-06',
        '=HYPERLINK("http://evil","click")',
        -12,
        UNCATEGORISED,
        'Chase checking',
        '',
        expect.stringMatching(tagged('2026-01-06|-12.00|hyperlink http evil click')),
      ],
      [
        '2026-01-07',
        '+1 555 0100 CALL',
        -3,
        UNCATEGORISED,
        'Chase checking',
        '',
        expect.stringMatching(tagged('2026-01-07|-3.00|1 555 0100 call')),
      ],
      [
        '2026-01-07',
        '-ATM FEE',
        -2.5,
        UNCATEGORISED,
        'Chase checking',
        '',
        expect.stringMatching(tagged('2026-01-07|-2.50|atm fee')),
      ],
      [
        '2026-01-08',
        '2026-01-08 deposit',
        40,
        UNCATEGORISED,
        'Chase checking',
        '',
        expect.stringMatching(tagged('2026-01-08|40.00|2026 01 08 deposit')),
      ],
    ]);
    expect(JSON.stringify(cells(em, 'Ledger'))).not.toContain('"formula"');
    const sheet = em.workbook.getSheetByName('Ledger')!;
    expect((sheet.getRange('A2').getValue() as Date).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    // The date in the document's style (en_US here; en_GB and de_DE: test/books/dateStyle.emulator.test.ts).
    expect(sheet.getRange('A2:C2').getDisplayValues()).toEqual([['Jan 5, 2026', 'STRIPE PAYOUT ST-1', '2,400.00']]);
  });

  test('the Ledger has a frozen header, a filter over its columns, the key column hidden and a Category dropdown', () => {
    const sheet = em.workbook.getSheetByName('Ledger')!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getFilter()?.getRange().getA1Notation()).toBe(`A1:G${sheet.getMaxRows()}`);
    expect([6, 7].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true]);
    expect(sheet.getRange('A1:G2').getFontWeights()).toEqual([Array(7).fill('bold'), Array(7).fill('normal')]);
    const rule = sheet.getRange('D6').getDataValidation()!;
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_RANGE');
    expect(
      (rule.getCriteriaValues()[0] as { getA1Notation(): string; getSheet(): { getName(): string } }).getSheet().getName(),
    ).toBe('Categories');
    em.enterInput('Ledger', 'D3', 'Software');
    expect(() => em.enterInput('Ledger', 'D4', 'Snacks')).toThrow('Choose a category from the Categories sheet');
  });

  test('the Categories sheet holds the defaults with a Kind dropdown', () => {
    const c = cells(em, 'Categories');
    expect([c.A1.value, c.B1.value, c.C1.value, c.D1.value, c.E1.value]).toEqual([
      'Category',
      'Kind',
      'Schedule C line',
      'Deductible share',
      'Description contains',
    ]);
    const meals = DEFAULT_CATEGORIES.findIndex((d) => d.category === 'Meals') + 2;
    expect([c[`A${meals}`].value, c[`B${meals}`].value, c[`C${meals}`].value, c[`D${meals}`].value]).toEqual([
      'Meals',
      'Expense',
      '24b',
      0.5,
    ]);
    expect(() => em.enterInput('Categories', `B${meals}`, 'Food')).toThrow('Kind is one of: Income, Expense');
  });

  test('the menu offers the import and the set-up', () => {
    const items = em.ui.menus[0].items.filter((i) => 'label' in i).map((i) => ('label' in i ? i.label : ''));
    expect(items).toEqual(expect.arrayContaining(['Import bank statement…', 'Set up Books']));
  });
});

test('a re-import adds nothing; identical rows inside one statement are both kept, and not added again', () => {
  const em = fresh();
  const statement = [
    row('2026-03-02', 'STARBUCKS 123', -5),
    row('2026-03-02', 'STARBUCKS 123', -5),
    row('2026-03-03', 'GITHUB INC', -4),
  ];
  expect(importRows(em, statement)).toMatchObject({ imported: 3, repeatedInStatement: 1, skippedAlreadyInLedger: 0 });
  expect(importRows(em, statement)).toEqual({
    imported: 0,
    skippedAlreadyInLedger: 3,
    repeatedInStatement: 0,
    uncategorised: 0,
    firstDate: null,
    lastDate: null,
  });
  // Another day's statement with a third identical coffee: only that one is new.
  expect(importRows(em, [...statement, row('2026-03-02', 'Starbucks  123', -5.0)])).toMatchObject({
    imported: 1,
    skippedAlreadyInLedger: 3,
  });
  expect(ledger(em).map((r) => [r[1], r[3]])).toEqual([
    ['STARBUCKS 123', 'Meals'],
    ['STARBUCKS 123', 'Meals'],
    ['GITHUB INC', 'Software'],
    ['Starbucks  123', 'Meals'],
  ]);
});

// Issue 22, problem 6: the Ledger said nothing of which rows were the copies the import kept. Each is marked in the
// Notes column (an existing column: the Ledger's header and every reader of LEDGER_HEADER stay as they are).
test('rows a statement holds more than once are kept and marked as copies in Notes; other rows are not', () => {
  const em = fresh();
  importRows(em, [
    row('2026-05-02', 'STARBUCKS 123', -5),
    row('2026-05-02', 'GITHUB INC', -4),
    row('2026-05-02', 'Starbucks 123', -5.0),
  ]);
  const note = (copy: number) =>
    `Copy ${copy} of 2 in the statement (same date, amount and description): kept. Delete it if it is not a real payment.`;
  expect(ledger(em).map((r) => [r[1], r[5]])).toEqual([
    ['STARBUCKS 123', note(1)],
    ['GITHUB INC', ''],
    ['Starbucks 123', note(2)],
  ]);
});

test("an overlapping import keeps the person's category edits and notes, and adds only the new rows", () => {
  const em = fresh();
  importRows(em, [row('2026-04-01', 'CORNER DELI', -18), row('2026-04-02', 'ADOBE', -20)]);
  em.enterInput('Ledger', 'D2', 'Meals');
  em.enterInput('Ledger', 'F2', 'Lunch with a client');
  em.enterInput('Ledger', 'D3', 'Office');
  // A rule the person adds applies from the next import on.
  const last = Object.keys(cells(em, 'Categories')).filter((a1) => a1.startsWith('A')).length + 1;
  em.enterInput('Categories', `A${last}`, 'Coworking day');
  em.enterInput('Categories', `B${last}`, 'Expense');
  em.enterInput('Categories', `E${last}`, 'deli');
  const result = importRows(em, [
    row('2026-04-01', 'CORNER DELI', -18),
    row('2026-04-02', 'ADOBE', -20),
    row('2026-04-03', 'CORNER DELI', -9),
  ]);
  expect(result).toMatchObject({ imported: 1, skippedAlreadyInLedger: 2, uncategorised: 0 });
  expect(ledger(em).map((r) => [r[0], r[2], r[3], r[5]])).toEqual([
    ['2026-04-01', -18, 'Meals', 'Lunch with a client'],
    ['2026-04-02', -20, 'Office', ''],
    ['2026-04-03', -9, 'Coworking day', ''],
  ]);
});

describe('the Books sheet', () => {
  const em = fresh();
  const rows: StatementRow[] = [];
  // Two rows a month through 2026 plus fixed cases: meals at 50%, tax payments, transfers, personal spending,
  // uncategorised money in (income) and out (not deducted), a refund, and rows of 2025 that 2026 leaves out.
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    rows.push(row(`2026-${mm}-03`, `STRIPE PAYOUT ${m}`, 1000 + 37 * m));
    rows.push(row(`2026-${mm}-14`, 'ADOBE CREATIVE CLOUD', -54.99));
    if (m % 3 === 0) rows.push(row(`2026-${mm}-15`, 'IRS USATAXPYMT', -800));
    if (m % 2 === 0) rows.push(row(`2026-${mm}-20`, 'STARBUCKS STORE', -(10 + m)));
  }
  rows.push(
    row('2026-02-11', 'CORNER DELI', -25),
    row('2026-02-12', 'CASH DEPOSIT', 300),
    row('2026-05-05', 'ONLINE TRANSFER TO SAVINGS', -2000),
    row('2026-05-06', 'NETFLIX.COM', -15.49),
    row('2026-06-07', 'DELTA AIR LINES', -420),
    row('2026-06-30', 'DELTA AIR LINES REFUND', 120),
    row('2026-12-31', 'WEWORK', -300),
    row('2025-12-31', 'STRIPE PAYOUT LAST YEAR', 5000),
    row('2025-06-01', 'ADOBE CREATIVE CLOUD', -54.99),
  );
  importRows(em, rows);
  em.enterInput('Books', 'B2', '2026');

  /** What the test expects, computed from the rows and the default categories, not from the sheet. */
  function expected(year: number, rate: number) {
    const byName = new Map(DEFAULT_CATEGORIES.map((c) => [c.category, c]));
    const categoryOf = (r: StatementRow) => {
      const text = r.description.toLowerCase();
      return DEFAULT_CATEGORIES.find((c) => c.words.some((w) => text.includes(w.toLowerCase())))?.category ?? UNCATEGORISED;
    };
    const months = Array.from({ length: 12 }, () => ({ income: 0, expenses: 0, taxPaid: 0, uncategorised: 0 }));
    const lines: Record<string, number> = {};
    for (const r of rows) {
      const [y, m] = r.date.split('-').map(Number);
      if (y !== year) continue;
      const month = months[m - 1];
      const category = byName.get(categoryOf(r));
      if (!category || category.category === UNCATEGORISED) {
        // Money in with no category is in no income until it has one (issue 22: one profit, as on Schedule C).
        month.uncategorised++;
        continue;
      }
      if (category.kind === 'Income') month.income += r.amount;
      if (category.kind === 'Expense') month.expenses += -r.amount * category.deductibleShare;
      if (category.kind === 'Tax payment') month.taxPaid += -r.amount;
      if (category.scheduleCLine) {
        const amount = category.kind === 'Income' ? r.amount : -r.amount * category.deductibleShare;
        lines[category.scheduleCLine] = (lines[category.scheduleCLine] ?? 0) + amount;
      }
    }
    const profit = months.map((m) => m.income - m.expenses);
    const ytd = profit.reduce((a, b) => a + b, 0);
    return { months, profit, ytd, lines, taxYtd: Math.max(0, ytd) * rate };
  }

  const close = (actual: unknown[], wanted: number[]) => {
    expect(actual).toHaveLength(wanted.length);
    actual.forEach((a, i) => {
      expect([i, a]).toEqual([i, expect.closeTo(wanted[i], 6)]);
    });
  };

  test('by month: income (categorised only), deductible expenses (meals at 50%), profit, tax', () => {
    // The set-aside rate is the Books year's own (yearAsLived.emulator.test.ts): the months use the one on the sheet.
    const rate = cells(em, 'Books').B3.value as number;
    const want = expected(2026, rate);
    expect(named(em, 'JW_BOOKS_YEAR')).toBe(2026);
    expect((named(em, 'JW_BOOKS_MONTHS') as string[]).map((d) => d.slice(0, 10))).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01`),
    );
    close(
      named(em, 'JW_BOOKS_INCOME') as number[],
      want.months.map((m) => m.income),
    );
    close(
      named(em, 'JW_BOOKS_EXPENSES') as number[],
      want.months.map((m) => m.expenses),
    );
    close(named(em, 'JW_BOOKS_PROFIT') as number[], want.profit);
    expect(named(em, 'JW_BOOKS_PROFIT_YTD')).toBeCloseTo(want.ytd, 6);
    const c = cells(em, 'Books');
    const first = BOOKS.firstMonthRow;
    close(
      Array.from({ length: 12 }, (_, i) => c[`E${first + i}`].value),
      want.profit.map((p) => Math.max(0, p) * rate),
    );
    close(
      Array.from({ length: 12 }, (_, i) => c[`F${first + i}`].value),
      want.months.map((m) => m.taxPaid),
    );
    close(
      Array.from({ length: 12 }, (_, i) => c[`G${first + i}`].value),
      want.months.map((m) => m.uncategorised),
    );
    expect(c[`E${BOOKS.totalRow}`].value).toBeCloseTo(want.taxYtd, 6);
    expect(named(em, 'JW_BOOKS_UNCATEGORISED')).toBe(want.months.reduce((a, m) => a + m.uncategorised, 0));
    // Hand-checked: February has the deli lunch and the cash deposit uncategorised; the deposit is in no income.
    expect(want.months[1]).toEqual({ income: 1074, expenses: 54.99 + 12 * 0.5, taxPaid: 0, uncategorised: 2 });
  });

  test('the Schedule C table totals each line for the year with the deductible share applied', () => {
    const want = expected(2026, 0.3);
    const c = cells(em, 'Books');
    const sc = BOOKS.scheduleC;
    const shown: Record<string, number> = {};
    for (let r = sc.firstRow; c[`I${r}`]?.value !== 'Net'; r++)
      shown[String(c[`I${r}`].value).replace('Line ', '')] = c[`K${r}`].value as number;
    for (const [line, amount] of Object.entries(shown))
      expect([line, amount]).toEqual([line, expect.closeTo(want.lines[line] ?? 0, 6)]);
    expect(shown['24b']).toBeCloseTo(0.5 * (12 + 14 + 16 + 18 + 20 + 22), 6);
    expect(shown['24a']).toBeCloseTo(420 - 120, 6);
    expect(Object.keys(want.lines).every((l) => l in shown)).toBe(true);
  });

  test('live: a category changed on the Ledger, the year and the rate move the totals', () => {
    const deli = ledger(em).findIndex((r) => r[1] === 'CORNER DELI') + 2;
    em.enterInput('Ledger', `D${deli}`, 'Meals');
    const feb = BOOKS.firstMonthRow + 1;
    expect(cells(em, 'Books')[`C${feb}`].value).toBeCloseTo(54.99 + 6 + 12.5, 6);
    expect(cells(em, 'Books')[`G${feb}`].value).toBe(1);
    em.enterInput('Books', 'B3', '25%');
    expect(cells(em, 'Books')[`E${BOOKS.totalRow}`].value).toBeCloseTo(0.25 * (named(em, 'JW_BOOKS_PROFIT_YTD') as number), 6);
    em.enterInput('Books', 'B2', '2025');
    expect(named(em, 'JW_BOOKS_PROFIT_YTD')).toBeCloseTo(5000 - 54.99, 6);
  });

  test(`the category table reads the first ${CATEGORY_ROWS} rows of the Categories sheet; rows of a renamed one are counted apart`, () => {
    em.enterInput('Books', 'B2', '2026');
    const before = named(em, 'JW_BOOKS_EXPENSES') as number[];
    const unknown = `G${BOOKS.unknownCategoryRow}`;
    expect(cells(em, 'Books')[unknown].value).toBe(0);
    const software = DEFAULT_CATEGORIES.findIndex((d) => d.category === 'Software') + 2;
    em.enterInput('Categories', `A${software}`, 'Subscriptions');
    expect(cells(em, 'Books')[`A${BOOKS.category.firstRow + software - 2}`].value).toBe('Subscriptions');
    // The Ledger's twelve Adobe rows still say "Software": out of the expenses, and counted as unknown.
    expect((named(em, 'JW_BOOKS_EXPENSES') as number[])[0]).toBeCloseTo(before[0] - 54.99, 6);
    expect(cells(em, 'Books')[unknown].value).toBe(12);
    em.enterInput('Categories', `A${software}`, 'Software');
    expect(cells(em, 'Books')[unknown].value).toBe(0);
  });
});

test('the rate reads the plan when there is one, and 30% without', () => {
  const em = fresh();
  em.run('leapSetUpBooks');
  expect(named(em, 'JW_BOOKS_TAX_RATE')).toBe(0.3);
  em.workbook.getSheetByName('Sheet1')!.getRange('A1').setValue(0.27);
  em.workbook.setNamedRange('JW_TAX_RATE', em.workbook.getSheetByName('Sheet1')!.getRange('A1'));
  expect(named(em, 'JW_BOOKS_TAX_RATE')).toBe(0.27);
});

test('Set up Books makes only the missing sheets and never overwrites the person’s rows', () => {
  const em = fresh();
  expect(em.run('leapSetUpBooks')).toEqual({ created: ['Categories', 'Ledger', 'Books'] });
  em.enterInput('Categories', 'E2', 'my words');
  em.workbook.deleteSheet(em.workbook.getSheetByName('Books')!);
  expect(em.run('leapSetUpBooks')).toEqual({ created: ['Books'] });
  expect(cells(em, 'Categories').E2.value).toBe('my words');
  expect(em.workbook.getActiveSheet().getName()).toBe('Books');
  expect(em.run('leapSetUpBooks')).toEqual({ created: [] });
});

test('Import bank statement… opens the import page in a dialog wide enough for the file preview', () => {
  const em = createLeapEmulator();
  // The page itself is built from sidebar/Import.html; any page named Import shows how the menu opens it.
  em.loadBundle(readFileSync(join(DIST_DIR, 'Code.js'), 'utf8'), { Import: '<title>Import</title><p>page</p>' });
  em.run('leapShowImport');
  expect(em.ui.dialogs).toEqual([
    expect.objectContaining({ title: 'Import a bank statement', width: 760, height: 600, html: expect.stringContaining('page') }),
  ]);
});

test('the mapping is remembered per file layout', () => {
  const em = fresh();
  expect(em.run('leapGetStatementMapping', 'date,description,amount')).toBeNull();
  importRows(em, [row('2026-01-01', 'x', 1)]);
  const other = { ...ISO_MAPPING, dateOrder: 'dmy', decimal: ',', delimiter: ';' };
  em.run('leapImportStatement', {
    rows: [row('2026-01-02', 'y', 2)],
    account: '+49 Sparkasse',
    layoutKey: 'buchungstag;text;betrag',
    mapping: other,
  });
  // The account is the person's text too: written so it stays text.
  expect(ledger(em)[1][4]).toBe('+49 Sparkasse');
  expect(cells(em, 'Ledger').E3.formula).toBeUndefined();
  expect(em.run('leapGetStatementMapping', 'date,description,amount')).toEqual(ISO_MAPPING);
  expect(em.run('leapGetStatementMapping', 'buchungstag;text;betrag')).toEqual(other);
  expect(em.run('leapGetStatementMapping', 'something else')).toBeNull();
  expect(em.run('leapGetStatementMapping', 42)).toBeNull();
});

test('20,001 rows are refused with a message and nothing is written, not even a sheet', () => {
  const em = fresh();
  em.resetCalls();
  const rows = Array.from({ length: 20001 }, (_, i) => ({ date: '2026-01-01', description: `r${i}`, amount: 1, line: i + 2 }));
  expect(() => importRows(em, rows)).toThrow('The statement has 20,001 rows; one import takes at most 20,000.');
  expect(() => importRows(em, [row('2026-02-30', 'x', 1)])).toThrow('row 1 (line');
  expect(em.calls).toEqual([]);
  expect(sheetNames(em)).toEqual(['Sheet1']);
});

describe('one currency per book (issue 22, problem 4)', () => {
  // Google documents a spreadsheet's locale as deciding its currency ("Set a spreadsheet's location & calculation
  // settings", https://support.google.com/docs/answer/58515): a number is in one currency, never two. Converting
  // is Jumpwise's own rule: only at a rate the person gives, and written beside each row.
  const euros = () => {
    const r = statementRows();
    return [r('2026-03-04', 'Payment from Globex GmbH invoice 2026-03', 980), r('2026-03-06', 'Deutsche Bahn', -45.9)];
  };
  const send = (em: Emulator, extra: Record<string, unknown>) =>
    em.run('leapImportStatement', { rows: euros(), account: 'N26', layoutKey: ISO_LAYOUT_KEY, mapping: ISO_MAPPING, ...extra });

  test('a euro statement into a US spreadsheet is refused with both currencies named, and nothing is written', () => {
    const em = fresh();
    em.resetCalls();
    expect(() => send(em, { currency: 'EUR' })).toThrow(
      'This statement is in euros (EUR), and this spreadsheet keeps its books in US dollars (USD). Nothing was imported. ' +
        'To import it here, give the rate for this import (how many USD one EUR was worth); or import it into a ' +
        'spreadsheet kept in euros (EUR).',
    );
    expect(sheetNames(em)).toEqual(['Sheet1']);
    expect(scriptCalls(em).map((c) => c.method)).toEqual(['getActiveSpreadsheet', 'getSpreadsheetLocale']);
  });

  test('with a rate given, every amount is converted to the cent and its Notes say from what and at what rate', () => {
    const em = fresh();
    const result = send(em, { currency: 'EUR', rate: 1.085 }) as { imported: number; converted: unknown };
    expect(result.imported).toBe(2);
    expect(result.converted).toEqual({ from: 'EUR', to: 'USD', rate: 1.085 });
    expect(ledger(em).map((r) => [r[1], r[2], r[5]])).toEqual([
      ['Payment from Globex GmbH invoice 2026-03', 1063.3, 'EUR 980.00 converted at 1.085 USD per EUR (rate given at import)'],
      ['Deutsche Bahn', -49.8, 'EUR -45.90 converted at 1.085 USD per EUR (rate given at import)'],
    ]);
  });

  test('a statement in the book’s own currency goes in as written; a rate given for it is refused', () => {
    const em = fresh();
    expect(() => send(em, { currency: 'USD', rate: 1.1 })).toThrow(
      'A conversion rate was given, but this statement is in US dollars (USD) like this spreadsheet',
    );
    expect(sheetNames(em)).toEqual(['Sheet1']);
    expect((send(em, { currency: '$' }) as { imported: number }).imported).toBe(2);
    expect(ledger(em).map((r) => r[2])).toEqual([980, -45.9]);
  });

  test('a pound statement into a UK spreadsheet goes in; into a US one it is refused', () => {
    const uk = createLeapEmulator({ timeZone: 'UTC', locale: 'en_GB' });
    loadDist(uk);
    expect((send(uk, { currency: 'GBP' }) as { imported: number }).imported).toBe(2);
    expect(() => send(fresh(), { currency: 'GBP' })).toThrow(
      'This statement is in pounds sterling (GBP), and this spreadsheet keeps its books in US dollars (USD).',
    );
  });
});

test('two imports at once: the second waits for the lock, is told to try again, and each row ends up once', () => {
  const em = fresh();
  const statement = [row('2026-05-01', 'STRIPE PAYOUT', 900), row('2026-05-02', 'GITHUB', -4)];
  importRows(em, statement.slice(0, 1));
  const other = (em.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock();
  expect(other.tryLock(0)).toBe(true);
  const before = ledger(em);
  expect(() => importRows(em, statement)).toThrow(IMPORT_RUNNING_MESSAGE);
  expect(ledger(em)).toEqual(before);
  other.releaseLock();
  importRows(em, statement);
  importRows(em, statement);
  expect(ledger(em).map((r) => r[1])).toEqual(['STRIPE PAYOUT', 'GITHUB']);
});

/**
 * Calls whose failure an import survives (see the tests below): the saved column mapping, and the flush and release
 * after the rows are written (src/sheets/lock.ts: the execution's end commits and releases).
 */
const TOLERATED = ['getDocumentProperties', 'setProperty', 'flush', 'releaseLock'];

test('two imports interleaved: one arriving mid-import is turned away by the lock; one arriving first goes first', () => {
  const a = [row('2026-07-01', 'STRIPE PAYOUT', 900), row('2026-07-02', 'GITHUB', -4)];
  const b = [row('2026-07-02', 'GITHUB', -4), row('2026-07-03', 'ADOBE', -20)];
  const probe = fresh();
  importRows(probe, [row('2026-01-01', 'x', 1)]);
  probe.resetCalls();
  importRows(probe, a);
  const insert = scriptCalls(probe).findIndex((c) => c.method === 'insertRowsAfter') + 1;
  expect(insert).toBeGreaterThan(5);

  // B starts after A has read the Import keys and before A writes: without the lock both would add GITHUB.
  const em = fresh();
  importRows(em, [row('2026-01-01', 'x', 1)]);
  let second: unknown;
  em.beforeCall(insert, () => {
    try {
      second = importRows(em, b);
    } catch (e) {
      second = (e as Error).message;
    }
  });
  expect(importRows(em, a)).toMatchObject({ imported: 2 });
  expect(second).toBe(IMPORT_RUNNING_MESSAGE);
  expect(importRows(em, b)).toMatchObject({ imported: 1, skippedAlreadyInLedger: 1 });
  expect(ledger(em).map((r) => r[1])).toEqual(['x', 'STRIPE PAYOUT', 'GITHUB', 'ADOBE']);

  // B arrives before A takes the lock: B goes first, and A, reading the keys after it, skips what B added.
  const em2 = fresh();
  importRows(em2, [row('2026-01-01', 'x', 1)]);
  em2.beforeCall(1, () => {
    importRows(em2, b);
  });
  expect(importRows(em2, a)).toMatchObject({ imported: 1, skippedAlreadyInLedger: 1 });
  expect(ledger(em2).map((r) => r[1])).toEqual(['x', 'GITHUB', 'ADOBE', 'STRIPE PAYOUT']);
});

describe('a failure injected at any service call', () => {
  test('of an import into an existing ledger leaves the ledger exactly as it was', () => {
    const before = [row('2026-06-01', 'CORNER DELI', -18), row('2026-06-02', 'ADOBE', -20)];
    const base = (): Emulator => {
      const em = fresh();
      importRows(em, before);
      em.enterInput('Ledger', 'D2', 'Meals');
      em.enterInput('Ledger', 'F2', 'my note');
      return em;
    };
    const statement = [row('2026-06-01', 'CORNER DELI', -18), row('2026-06-03', 'STRIPE PAYOUT', 700), row('2026-06-04', 'X', 1)];
    const probe = base();
    probe.resetCalls();
    importRows(probe, statement);
    const calls = scriptCalls(probe).length;
    expect(calls).toBeGreaterThan(15);
    let em = base();
    let ledgerBefore = JSON.stringify(cells(em, 'Ledger'));
    let recordBefore = em.run('leapGetImportPage');
    const maxRows = em.workbook.getSheetByName('Ledger')!.getMaxRows();
    let tolerated = 0;
    for (let n = 1; n <= calls; n++) {
      em.failOnCall(n, `injected failure at call ${n}`);
      let failed = false;
      try {
        importRows(em, statement);
      } catch (e) {
        failed = true;
        expect((e as Error).message).toBe(`injected failure at call ${n}`);
      }
      const where = `call ${n} of ${calls}: ${scriptCalls(probe)[n - 1].service}.${scriptCalls(probe)[n - 1].method}`;
      if (!failed) {
        // Only these calls may fail without failing the import: remembering the mapping (a convenience) and the
        // lock's release (the execution's end releases it). The import then went through, once.
        expect([where, TOLERATED]).toEqual([where, expect.arrayContaining([scriptCalls(probe)[n - 1].method])]);
        expect([where, ledger(em).map((r) => r[1])]).toEqual([where, ['CORNER DELI', 'ADOBE', 'STRIPE PAYOUT', 'X']]);
        tolerated++;
        em = base();
        ledgerBefore = JSON.stringify(cells(em, 'Ledger'));
        recordBefore = em.run('leapGetImportPage');
        continue;
      }
      expect([where, JSON.stringify(cells(em, 'Ledger'))]).toEqual([where, ledgerBefore]);
      // The record of the last import is still the one before: an undo would not remove the wrong rows.
      expect([where, em.run('leapGetImportPage')]).toEqual([where, recordBefore]);
      expect([where, em.workbook.getSheetByName('Ledger')!.getMaxRows()]).toEqual([where, maxRows]);
      expect([where, sheetNames(em)]).toEqual([where, ['Sheet1', 'Categories', 'Ledger', 'Books']]);
    }
    expect(tolerated).toBe(4); // the mapping read and write, the flush and the release
  });

  test('of a first import leaves no sheet behind', () => {
    const probe = fresh();
    probe.resetCalls();
    importRows(probe, [row('2026-06-01', 'CORNER DELI', -18)]);
    const calls = scriptCalls(probe).length;
    const em = fresh();
    // Every third call of making the sheets and every one of the last 20 (reading, the append and its rollback):
    // each failure late in the set-up costs a full set-up, and the calls it skips repeat those it tests.
    for (let n = 1; n <= calls; n++) {
      if (n % 3 !== 0 && n < calls - 20) continue;
      em.failOnCall(n, `injected failure at call ${n}`);
      const where = `call ${n} of ${calls}: ${scriptCalls(probe)[n - 1].service}.${scriptCalls(probe)[n - 1].method}`;
      try {
        importRows(em, [row('2026-06-01', 'CORNER DELI', -18)]);
      } catch {
        expect([where, sheetNames(em)]).toEqual([where, ['Sheet1']]);
        expect([where, Object.keys(em.toJSON().namedRanges)]).toEqual([where, []]);
        continue;
      }
      expect([where, TOLERATED]).toEqual([where, expect.arrayContaining([scriptCalls(probe)[n - 1].method])]);
      em.workbook.deleteSheet(em.workbook.getSheetByName('Books')!);
      em.workbook.deleteSheet(em.workbook.getSheetByName('Ledger')!);
      em.workbook.deleteSheet(em.workbook.getSheetByName('Categories')!);
    }
  });
});
