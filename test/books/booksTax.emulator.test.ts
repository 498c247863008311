/**
 * The Books sheet's tax blocks on the emulator: the Tax payments table (by 1040-ES period from the Ledger, plus rows
 * typed by hand), the next payment by the annualized method beside the flat rate, and the tax reserve's health.
 * Ledgers are imported with the bundle's leapImportStatement and kept small: HyperFormula is slow on many SUMIFS.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { BOOKS, TAX_PERIODS } from '../../src/books/layout';
import type { StatementRow } from '../../src/books/types';
import { importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

type Cells = Record<string, { value: unknown; formula?: string }>;

const YEAR = 2026;

const row = statementRows();

function booksWith(rows: StatementRow[], savings: StatementRow[] = []): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('onOpen');
  importStatement(em, rows, 'Chase checking');
  if (savings.length > 0) importStatement(em, savings, 'Tax savings');
  em.enterInput('Books', 'B2', String(YEAR));
  // The blocks' arithmetic at a rate the person typed over the default; the default rate of the Books year (the
  // tax its projected profit adds on top of its wages) is tested in yearAsLived.emulator.test.ts.
  em.enterInput('Books', 'B3', '0.3');
  return em;
}

const books = (em: Emulator): Cells => {
  const sheet = em.toJSON().sheets.find((s) => s.name === 'Books');
  if (!sheet) throw new Error('no Books sheet');
  return sheet.cells;
};

const L = (column: number) => String.fromCharCode(64 + column);
const np = BOOKS.nextPayment;
const tp = BOOKS.taxPayments;
const rv = BOOKS.reserve;
const next = (row: number) => `${L(np.valueColumn)}${row}`;
const value = (em: Emulator, a1: string) => books(em)[a1]?.value;
const dateAt = (em: Emulator, a1: string) => {
  const v = em.workbook.getSheetByName('Books')!.getRange(a1).getValue();
  return Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString().slice(0, 10) : v;
};
/** The computed value behind a named range of one cell. */
function named(em: Emulator, name: string): unknown {
  const ref = em.toJSON().namedRanges[name];
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref ?? '');
  if (!m) throw new Error(`no named range ${name} (${ref})`);
  return em.workbook.getSheetByName(m[1])!.getRange(`${m[2]}${m[3]}`).getValue();
}
const setToday = (em: Emulator, iso: string) => em.enterInput('Books', next(np.todayRow), iso);

/** Calls a custom function of the bundle as Sheets would: ranges as rows, blanks as "". */
const call = (em: Emulator, name: string, ...args: unknown[]) => em.run(name, ...args);
/** A date as YYYY-MM-DD, whichever realm made it (the bundle runs in its own vm context). */
const iso = (d: unknown) => (Object.prototype.toString.call(d) === '[object Date]' ? (d as Date).toISOString().slice(0, 10) : d);

/** Lumpy income: a small first quarter, a big May, nothing in the summer; estimated tax paid in January (for 2025),
 * April and June, and one fee. Every description matches a default category rule. */
const LUMPY = [
  row('2026-01-10', 'STRIPE PAYOUT JAN', 9000),
  row('2026-01-12', 'IRS USATAXPYMT 2025 Q4', -1500),
  row('2026-02-03', 'STAPLES', -300),
  row('2026-04-14', 'IRS USATAXPYMT', -2000),
  row('2026-05-20', 'STRIPE PAYOUT MAY', 30000),
  row('2026-06-12', 'EFTPS 1040-ES', -1000),
  row('2026-07-02', 'STAPLES', -150),
];

/** Cumulative profit (income less the one deductible expense) to the end of each 1040-ES period, from the rows. */
function cumulativeProfits(rows: StatementRow[]): number[] {
  return TAX_PERIODS.map((p) =>
    rows
      .filter((r) => r.date.startsWith(`${YEAR}-`) && Number(r.date.slice(5, 7)) <= p.lastMonth)
      .filter((r) => /STRIPE|STAPLES/.test(r.description))
      .reduce((sum, r) => sum + r.amount, 0),
  );
}

/** Estimated tax paid per period: a payment counts for the first due date on or after it. */
function paidByPeriod(em: Emulator, rows: StatementRow[]): number[] {
  const dues = (call(em, 'TAX_DUE_DATES', YEAR) as Date[][]).map((r) => iso(r[0]) as string);
  const previous = iso(call(em, 'NEXT_TAX_DUE', new Date(Date.UTC(YEAR, 0, 1)))) as string;
  return dues.map((due, i) =>
    rows
      .filter((r) => /USATAXPYMT|EFTPS/.test(r.description))
      .filter((r) => r.date > (i === 0 ? previous : dues[i - 1]) && r.date <= due)
      .reduce((sum, r) => sum - r.amount, 0),
  );
}

describe('a ledger with lumpy income and estimated tax payments, seen on June 10', () => {
  const em = booksWith(LUMPY);
  setToday(em, '2026-06-10');
  const profits = cumulativeProfits(LUMPY);
  const byPeriod = paidByPeriod(em, LUMPY);
  const paid = byPeriod.reduce((a, b) => a + b, 0);

  test('the Tax payments table sums the Ledger by period; the January payment for last year is left out', () => {
    expect(byPeriod).toEqual([2000, 1000, 0, 0]);
    const amounts = [0, 1, 2, 3].map((i) => value(em, `${L(tp.amountColumn)}${tp.firstPeriodRow + i}`));
    expect(amounts).toEqual(byPeriod);
    expect([0, 1, 2, 3].map((i) => dateAt(em, `${L(tp.dateColumn)}${tp.firstPeriodRow + i}`))).toEqual(
      (call(em, 'TAX_DUE_DATES', YEAR) as Date[][]).map((r) => iso(r[0])),
    );
    expect(named(em, 'JW_BOOKS_TAX_PAID')).toBe(3000);
  });

  test('the next payment block: the due date, the profits of the ended periods, and the method on them', () => {
    expect(iso(named(em, 'JW_BOOKS_NEXT_DUE'))).toBe(iso(call(em, 'NEXT_TAX_DUE', new Date(Date.UTC(2026, 5, 10)))));
    expect(dateAt(em, next(np.nextDueRow))).toBe('2026-06-15');
    expect(value(em, next(np.periodsEndedRow))).toBe(2);
    const shown = [0, 1, 2, 3].map((i) => value(em, next(np.firstProfitRow + i)));
    expect(shown).toEqual([profits[0], profits[1], '', '']);
    expect(profits.slice(0, 2)).toEqual([8700, 38700]);
    const want = call(em, 'ESTIMATED_PAYMENT_US', [[profits[0]], [profits[1]]], '', 'single', YEAR, '', '', paid, '') as number;
    expect(want).toBeGreaterThan(0);
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT')).toBeCloseTo(want, 6);
    const flat = 0.3 * profits[1] - paid;
    expect(named(em, 'JW_BOOKS_FLAT_PAYMENT')).toBeCloseTo(flat, 6);
    expect(want).toBeLessThan(flat);
    const money = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT_TEXT')).toBe(
      `Pay ${money(want)} by Jun 15, 2026 for the profit to May 31. The flat rate would ask ${money(flat)}: ` +
        `paying on what you have earned keeps ${money(flat - want)} in your hands for now.`,
    );
  });

  test('past the due date of the latest ended period the sentence says to pay now, and when it was due', () => {
    // June 20: the period to May 31 was due June 15; the next date, September 15, is for the profit to August 31.
    setToday(em, '2026-06-20');
    const want = named(em, 'JW_BOOKS_NEXT_PAYMENT') as number;
    expect(want).toBeGreaterThan(0);
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT_TEXT')).toMatch(
      new RegExp(
        `^Pay \\$${want.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace('.', '\\.')} now for the profit to May 31: it was due Jun 15, 2026\\. The flat rate would ask`,
      ),
    );
    // Paid in full by hand: nothing more is due, and the sentence says so rather than "Pay $0.00".
    em.enterInput('Books', `${L(tp.dateColumn)}${tp.firstHandRow}`, '2026-06-18');
    em.enterInput('Books', `${L(tp.amountColumn)}${tp.firstHandRow}`, String(Math.ceil(want)));
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT')).toBe(0);
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT_TEXT')).toMatch(
      /^Nothing more is due for the profit to May 31: what you have paid covers it\. The next date is Sep 15, 2026\. The flat rate would ask/,
    );
    em.enterInput('Books', `${L(tp.dateColumn)}${tp.firstHandRow}`, '');
    em.enterInput('Books', `${L(tp.amountColumn)}${tp.firstHandRow}`, '');
    setToday(em, '2026-06-10');
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT_TEXT')).toMatch(/^Pay \$[\d,.]+ by Jun 15, 2026 for the profit to May 31\./);
  });

  test('every figure is a live formula and TODAY() stays out of custom function arguments', () => {
    const c = books(em);
    for (const a1 of [next(np.nextDueRow), next(np.paymentRow), next(np.flatRow), `${L(tp.amountColumn)}${tp.totalRow}`]) {
      expect(c[a1].formula).toMatch(/^=/);
    }
    for (const cell of Object.values(c)) {
      if (cell.formula && /TODAY\(\)/.test(cell.formula)) expect(cell.formula).toBe('=TODAY()');
    }
  });

  test("last year's tax, AGI and withholding feed the method; rows typed by hand count in their period", () => {
    em.enterInput('Books', next(np.priorTaxRow), '12000');
    em.enterInput('Books', next(np.priorAgiRow), '160000');
    em.enterInput('Books', next(np.withholdingRow), '1200');
    const handRow = tp.firstHandRow;
    em.enterInput('Books', `${L(tp.dateColumn)}${handRow}`, '2026-05-01');
    em.enterInput('Books', `${L(tp.amountColumn)}${handRow}`, '250');
    em.enterInput('Books', `${L(tp.dateColumn)}${handRow + 1}`, '2025-12-20');
    em.enterInput('Books', `${L(tp.amountColumn)}${handRow + 1}`, '999');
    expect(value(em, `${L(tp.periodColumn)}${handRow}`)).toBe(2);
    expect(value(em, `${L(tp.periodColumn)}${handRow + 1}`)).toBe(`Before ${YEAR}`);
    expect(named(em, 'JW_BOOKS_TAX_PAID')).toBe(paid + 250);
    const direct = (agi: number) =>
      call(em, 'ESTIMATED_PAYMENT_US', [[profits[0]], [profits[1]]], '', 'single', YEAR, 12000, agi, paid + 250, 1200) as number;
    // Last year's $12,000 at 110% (AGI above $150,000) over two quarters, less payments and half the withholding:
    // below the annualized installment here, so last year's tax sets the payment.
    expect(direct(160000)).toBeCloseTo(13200 / 2 - (paid + 250) - 600, 6);
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT')).toBeCloseTo(direct(160000), 6);
    em.enterInput('Books', next(np.priorAgiRow), '140000');
    expect(direct(140000)).toBeCloseTo(12000 / 2 - (paid + 250) - 600, 6);
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT')).toBeCloseTo(direct(140000), 6);
    em.enterInput('Books', next(np.priorTaxRow), '');
    em.enterInput('Books', next(np.priorAgiRow), '');
    em.enterInput('Books', next(np.withholdingRow), '');
  });
});

test("the filing status follows the plan's JW_FILING_STATUS when there is one", () => {
  const em = booksWith(LUMPY);
  setToday(em, '2026-06-10');
  const sheet1 = em.workbook.getSheetByName('Sheet1')!;
  sheet1.getRange('A1').setValue('Married filing jointly');
  em.workbook.setNamedRange('JW_FILING_STATUS', sheet1.getRange('A1'));
  expect(value(em, next(np.statusRow))).toBe('Married filing jointly');
  const profits = cumulativeProfits(LUMPY);
  const joint = call(
    em,
    'ESTIMATED_PAYMENT_US',
    [[profits[0]], [profits[1]]],
    '',
    'married_joint',
    YEAR,
    '',
    '',
    3000,
    '',
  ) as number;
  const single = call(em, 'ESTIMATED_PAYMENT_US', [[profits[0]], [profits[1]]], '', 'single', YEAR, '', '', 3000, '') as number;
  expect(joint).toBeLessThan(single);
  expect(named(em, 'JW_BOOKS_NEXT_PAYMENT')).toBeCloseTo(joint, 6);
});

describe('the tax reserve', () => {
  const savings = [
    row('2026-02-01', 'ONLINE TRANSFER FROM CHK 1234', 3000),
    row('2026-05-25', 'ONLINE TRANSFER FROM CHK 1234', 4000),
  ];
  const em = booksWith(LUMPY, savings);
  setToday(em, '2026-06-10');
  const paid = 3000;
  const ytdProfit = named(em, 'JW_BOOKS_PROFIT_YTD') as number;

  test('counts the Transfer rows of the named tax account and says how far behind it is', () => {
    expect(ytdProfit).toBe(38550);
    expect(named(em, 'JW_BOOKS_TAX_RESERVE')).toBe(0);
    em.enterInput('Books', `${L(rv.valueColumn)}${rv.accountRow}`, 'Tax savings');
    expect(named(em, 'JW_BOOKS_TAX_RESERVE')).toBe(7000);
    const owed = 0.3 * ytdProfit - paid;
    expect(named(em, 'JW_BOOKS_RESERVE_GAP')).toBeCloseTo(7000 - owed, 6);
    expect(named(em, 'JW_BOOKS_RESERVE_TEXT')).toBe(
      "Your reserve is $1,565.00 behind: it holds $7,000.00 against $8,565.00, the tax on 2026's profit so far at 30.0% less the $3,000.00 already paid.",
    );
  });

  test('a balance typed in wins over the Ledger, and a big enough one is ahead', () => {
    em.enterInput('Books', `${L(rv.valueColumn)}${rv.balanceInputRow}`, '10000');
    expect(named(em, 'JW_BOOKS_TAX_RESERVE')).toBe(10000);
    expect(named(em, 'JW_BOOKS_RESERVE_GAP')).toBeCloseTo(1435, 6);
    expect(named(em, 'JW_BOOKS_RESERVE_TEXT')).toMatch(/^Your reserve is \$1,435\.00 ahead: it holds \$10,000\.00 against/);
  });
});

describe('a Books year seen before and after its payment periods', () => {
  const em = booksWith([row('2026-01-20', 'STRIPE PAYOUT', 5000), row('2026-02-02', 'IRS USATAXPYMT', -400)]);

  test('no period has ended on February 20: no payment, a sentence saying when the first is due', () => {
    setToday(em, '2026-02-20');
    expect(value(em, next(np.periodsEndedRow))).toBe(0);
    expect([0, 1, 2, 3].map((i) => value(em, next(np.firstProfitRow + i)))).toEqual(['', '', '', '']);
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT')).toBe('');
    expect(named(em, 'JW_BOOKS_FLAT_PAYMENT')).toBe('');
    expect(dateAt(em, next(np.nextDueRow))).toBe('2026-04-15');
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT_TEXT')).toBe(
      'No payment period of 2026 has ended yet: the first, January 1 to March 31, is due Apr 15, 2026.',
    );
    expect(named(em, 'JW_BOOKS_TAX_PAID')).toBe(400);
  });

  test("before the previous year's last due date the next one is still the Books year's first", () => {
    setToday(em, '2026-01-05');
    expect(dateAt(em, next(np.nextDueRow))).toBe('2026-04-15');
  });

  test('after the last due date the sentence says what is still short', () => {
    setToday(em, '2027-02-01');
    expect(value(em, next(np.periodsEndedRow))).toBe(4);
    expect(named(em, 'JW_BOOKS_NEXT_DUE')).toBe('All four 2026 dates are past');
    const want = call(
      em,
      'ESTIMATED_PAYMENT_US',
      [[5000], [5000], [5000], [5000]],
      '',
      'single',
      YEAR,
      '',
      '',
      400,
      '',
    ) as number;
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT')).toBeCloseTo(want, 6);
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT_TEXT')).toMatch(/^The 2026 payment dates are past; \$[\d,.]+ is still short/);
  });
});

test("the notes name last year's Form 1040 lines as that year's form numbers them (AGI 11a from the 2025 form)", () => {
  const em = booksWith(LUMPY.slice(0, 1));
  const note = (row: number) => String(value(em, `${L(np.noteColumn)}${row}`));
  expect(note(np.priorAgiRow)).toMatch(/^Your 2025 Form 1040, line 11a \(adjusted gross income\)/);
  expect(note(np.priorTaxRow)).toMatch(/^Your 2025 Form 1040, line 24 \(total tax\)/);
  em.enterInput('Books', 'B2', '2025');
  expect(note(np.priorAgiRow)).toMatch(/^Your 2024 Form 1040, line 11 \(adjusted gross income\)/);
  expect(note(np.priorTaxRow)).toMatch(/^Your 2024 Form 1040, line 24 \(total tax\)/);
});
