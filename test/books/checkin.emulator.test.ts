/**
 * The monthly check-in through the built bundle on the emulator: figures against sums computed here from the
 * imported ledger, the plan switched to the Books' months and back, a later import moving the plan, the Check-ins
 * snapshot, the Ledger filter and the refusals.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import {
  CHECKIN_COLUMNS,
  CHECKINS_SHEET,
  lastMonthOf,
  MONTH_NAMES,
  monthsOver,
  NO_INVOICES,
  NOTHING_OVERDUE,
} from '../../src/books/checkin';
import { BOOKS_COUNTRIES } from '../../src/books/country';
import type { StatementRow } from '../../src/books/types';
import { taxEstimate } from '../../src/finance/usTax/estimate';
import { TAX_FIGURES_YEARS } from '../../src/plan/model';
import type { CheckInSnapshot, CheckInView, InvoicesShown, OwedView, UncategorisedShown } from '../../src/protocol';
import { NO_BOOKS, NO_PLAN, STILL_CALCULATING } from '../../src/sheets/checkin';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { importStatement } from '../support/books';
import { createLeapEmulator } from '../support/emulator';
import { ACME, AS_OF, BIRCH, COBALT, daysBefore, expectedOwed, OWED, withOwed as owedIn } from './fixtures/owed';

const PLAN = 'Transition Plan';

const now = new Date();
const TODAY = now.toISOString().slice(0, 10);
const YEAR = now.getUTCFullYear();
const LAST = lastMonthOf(TODAY);
/** Three months of the current year, ending with last month when last month is in this year. */
const MONTHS = LAST.year === YEAR && LAST.month >= 3 ? [LAST.month - 2, LAST.month - 1, LAST.month] : [1, 2, 3];
const iso = (month: number, day: number) => `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

let line = 2;
const row = (date: string, description: string, amount: number): StatementRow => ({ date, description, amount, line: line++ });

/** Per month: client income, software, an uncategorised payment, and in the second month an estimated tax payment. */
function statement(months: number[], income: (i: number) => number): StatementRow[] {
  return months.flatMap((m, i) => [
    row(iso(m, 3), `STRIPE PAYOUT ${m}-A`, income(i)),
    row(iso(m, 15), `STRIPE PAYOUT ${m}-B`, 1000 + 10 * i),
    row(iso(m, 9), `ADOBE CREATIVE CLOUD ${m}`, -59.99),
    row(iso(m, 20), `QX VENDOR 4417 ${m}`, -4.5),
    ...(i === 1 ? [row(iso(m, 12), 'IRS USATAXPYMT 1040-ES', -800)] : []),
  ]);
}

function fresh(locale?: string): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC', locale });
  loadDist(em);
  em.run('onOpen');
  return em;
}

const importRows = (em: Emulator, rows: StatementRow[]) => importStatement(em, rows);

function withPlan(em: Emulator): void {
  em.run('leapSaveDraft', SAMPLE_ANSWERS);
  em.run('leapBuildPlan', SAMPLE_ANSWERS);
}

const value = (em: Emulator, name: string): unknown => em.workbook.getRangeByName(name)?.getValue();

/** An amount as Books and Invoices show money with cents in an en_US spreadsheet. */
const money = (x: number) =>
  `${x < 0 ? '-' : ''}$${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** An amount the check-in works out itself, as the plan's money cells show it in an en_US spreadsheet. */
const dollars = (x: number) => `${x < 0 ? '-' : ''}$${Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
/** The Owed to you section of a spreadsheet without an Invoices sheet. */
const NO_INVOICES_VIEW: OwedView = {
  sheetName: null,
  owedToYou: '',
  overdue: '',
  overdueInvoices: [],
  more: 0,
  note: NO_INVOICES,
};

/** Money in, profit and rows of a month as Books counts them: income and uncategorised money in; deductible spend. */
function monthSums(rows: StatementRow[], month: number) {
  const inMonth = rows.filter((r) => Number(r.date.slice(5, 7)) === month);
  const moneyIn = inMonth.filter((r) => r.amount > 0).reduce((s, r) => s + r.amount, 0);
  const software = inMonth.filter((r) => r.description.startsWith('ADOBE')).reduce((s, r) => s - r.amount, 0);
  return { moneyIn, profit: moneyIn - software, rows: inMonth.length };
}

function planShown(em: Emulator): string[][] {
  const sheet = em.spreadsheet.getSheetByName(PLAN);
  if (!sheet) throw new Error('no plan');
  const rows = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getDisplayValues();
  rows[0][1] = rows[0][1].replace(/^Built .+? by Jumpwise/, 'Built <date> by Jumpwise');
  return rows;
}

describe('the check-in figures', () => {
  const em = fresh();
  withPlan(em);
  const rows = statement(MONTHS, (i) => 2400 + 700 * i);
  importRows(em, rows);
  const view = em.run('leapGetCheckIn') as CheckInView;

  test('nothing is missing and the plan runs on its own steps', () => {
    expect(view.missing).toEqual([]);
    expect(view.plan).toMatchObject({ sheetName: PLAN, onBooks: false, low: '$3,000', expected: '$4,750' });
    expect(view.plan?.historyLabel).toBe('Runs on 5 steps from your low to your good month');
  });

  test('last month: money in, profit, tax to set aside and uncategorised rows, against sums of the statement', () => {
    if (LAST.year !== YEAR) {
      expect(view.books?.lastMonth).toBeNull();
      expect(view.books?.lastMonthNote).toContain(`outside the Books' tax year ${YEAR}`);
      return;
    }
    const sums = monthSums(rows, LAST.month);
    expect(view.books?.lastMonth).toEqual({
      name: `${MONTH_NAMES[LAST.month - 1]} ${LAST.year}`,
      month: LAST.month,
      moneyIn: money(sums.moneyIn),
      againstPlan:
        // The plan's months are profit (money in less business costs): the month is weighed by its profit.
        sums.profit >= 4750
          ? 'Profit at or above your expected month ($4,750).'
          : sums.profit >= 3000
            ? 'Profit between your low month ($3,000) and your expected month ($4,750).'
            : 'Profit below your low month ($3,000): check the runway before spending.',
      profit: money(sums.profit),
      setAside: money(Math.max(0, sums.profit) * 0.3),
      uncategorised: 1,
    });
  });

  test('the year so far: profit, tax set aside, the flat estimate on the profit annualised, tax paid', () => {
    const profit = MONTHS.reduce((s, m) => s + monthSums(rows, m).profit, 0);
    const over = Number(TODAY.slice(5, 7)) - 1;
    expect(view.books?.year).toBe(YEAR);
    expect(view.books?.yearToDate).toEqual({
      profit: money(profit),
      setAside: money(profit * 0.3),
      estimatedTax: over > 0 ? dollars(((profit * 12) / over) * 0.3) : '',
      estimateBasis:
        over > 0
          ? `30.0% of ${dollars((profit * 12) / over)}: the profit of ${over} month${over === 1 ? '' : 's'} scaled to 12.`
          : `No month of ${YEAR} is over yet.`,
      taxPaid: money(800),
      taxPaidLabel: 'Estimated tax paid',
      uncategorised: MONTHS.length,
    });
  });

  test('reads the sheets in a few calls', () => {
    em.resetCalls();
    em.run('leapGetCheckIn');
    const reads = em.calls.filter((c) => /^get(Values|DisplayValues|Formulas)$/.test(c.method));
    // The plan's data range (values, display, formulas), the Books block (values, display), the Ledger's dates.
    expect(reads.length).toBeLessThanOrEqual(6);
  });

  test('with invoices too, one more read: the Invoices sheet in one getDisplayValues', () => {
    const all = owedIn(() => {
      const one = fresh();
      withPlan(one);
      importRows(
        one,
        statement(MONTHS, (i) => 2400 + 700 * i),
      );
      return one;
    }, OWED);
    all.resetCalls();
    const view = all.run('leapGetCheckIn') as CheckInView;
    expect(view.owed.overdueInvoices.length).toBeGreaterThan(0);
    expect(view.books).not.toBeNull();
    const reads = all.calls.filter((c) => /^get(Values|DisplayValues|Formulas)$/.test(c.method));
    expect(reads.length).toBeLessThanOrEqual(7);
    expect(reads.filter((c) => c.method === 'getDisplayValues').length).toBeLessThanOrEqual(3);
  });

  test('the uncategorised button filters the Ledger to the year’s Uncategorized or blank categories and shows it', () => {
    const shown = em.run('leapShowUncategorised', { year: YEAR }) as UncategorisedShown;
    expect(shown).toEqual({ sheetName: 'Ledger', rows: MONTHS.length });
    const ledger = em.workbook.getSheetByName('Ledger');
    const criteria = ledger?.getFilter()?.getColumnFilterCriteria(4);
    expect(String(criteria?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(criteria?.getCriteriaValues()).toEqual([
      `=AND(ISNUMBER($A2),$A2>=DATE(${YEAR},1,1),$A2<DATE(${YEAR + 1},1,1),OR($D2="Uncategorized",$D2=""))`,
    ]);
    expect(em.toJSON().activeSheet).toBe('Ledger');
  });
});

describe('using the actual months in the plan', () => {
  const em = fresh();
  withPlan(em);
  const before = planShown(em);
  const rows = statement(MONTHS, (i) => [2400, 1800, 3100][i]);
  importRows(em, rows);
  // The plan's earnings are profit, before tax (issue 21, problem 6): each month's money in less its software spend.
  const lows = MONTHS.map((m) => monthSums(rows, m).profit);
  const quitBefore = value(em, 'JW_QUIT_DATE');

  test('refuses while the Ledger holds fewer than 2 months', () => {
    const one = fresh();
    withPlan(one);
    importRows(
      one,
      statement([MONTHS[0]], () => 2000),
    );
    expect(() => one.run('leapSetPlanHistory', 'books')).toThrow(
      `The plan needs at least 2 months with ledger rows in ${YEAR} to run on; the Ledger has 1. Import another month's statement first.`,
    );
    expect(one.spreadsheet.getSheetByName(PLAN)?.getRange('L4').getValue()).toBe('Earnings history');
    expect(() => one.run('leapSetPlanHistory', 'actual')).toThrow('Choose "books"');
  });

  test('switches the history to formulas on the Books and the low month to their MIN', () => {
    const view = em.run('leapSetPlanHistory', 'books') as CheckInView;
    expect(view.plan?.onBooks).toBe(true);
    expect(view.plan?.historyLabel).toBe('Runs on 3 months with ledger rows in Books');
    const plan = em.workbook.getSheetByName(PLAN);
    expect(plan?.getRange('L4').getValue()).toBe('Actual months (Books)');
    const history = plan
      ?.getRange('L5:L16')
      .getValues()
      .map((r) => r[0]);
    expect(history).toEqual(Array.from({ length: 12 }, (_, i) => (MONTHS.includes(i + 1) ? lows[MONTHS.indexOf(i + 1)] : '')));
    expect(plan?.getRange('L5').getFormula()).toMatch(/^=IF\(COUNTIFS\(Ledger!\$A:\$A,/);
    expect(value(em, 'JW_PROJECTED_LOW')).toBe(Math.min(...lows));
    expect(value(em, 'JW_PROJECTED_HIGH')).toBe(Math.max(...lows));
    expect(value(em, 'JW_EXPECTED_MONTHLY')).toBeCloseTo(lows.reduce((s, x) => s + x, 0) / lows.length, 6);
    expect(value(em, 'JW_QUIT_DATE')).not.toEqual(quitBefore);
    const json = JSON.stringify(em.toJSON().sheets.find((s) => s.name === PLAN));
    expect(json).not.toMatch(/#(VALUE|REF|NAME|ERROR|N\/A)/);
  });

  test('the wizard reads no low or good month from a plan on the Books, so its own stay for switching back', () => {
    const answers = (em.run('leapGetPlanAnswers') as { answers: Record<string, unknown> }).answers;
    expect(answers).not.toHaveProperty('projectedMonthlyLow');
    expect(answers).not.toHaveProperty('projectedMonthlyHigh');
    expect(answers.monthlyExpenses).toBe(3200);
  });

  test('the choice persists across Build again', () => {
    em.run('leapBuildPlan', SAMPLE_ANSWERS);
    expect(value(em, 'JW_PROJECTED_LOW')).toBe(Math.min(...lows));
    expect(em.workbook.getSheetByName(PLAN)?.getRange('L4').getValue()).toBe('Actual months (Books)');
  });

  test('a later import moves the plan', () => {
    const extra = MONTHS[0] > 1 ? MONTHS[0] - 1 : MONTHS[2] + 1;
    importRows(em, [row(iso(extra, 10), 'STRIPE PAYOUT LATE', 900)]);
    expect(value(em, 'JW_PROJECTED_LOW')).toBe(900);
    const view = em.run('leapGetCheckIn') as CheckInView;
    expect(view.plan?.historyLabel).toBe('Runs on 4 months with ledger rows in Books');
  });

  test('switching back brings the plan back as it was', () => {
    const view = em.run('leapSetPlanHistory', 'plan') as CheckInView;
    expect(view.plan?.onBooks).toBe(false);
    expect(value(em, 'JW_PROJECTED_LOW')).toBe(3000);
    expect(planShown(em)).toEqual(before);
  });

  test('works after Start over cleared the draft, and ignores a draft not yet built: the plan keeps its own words', () => {
    const other = fresh();
    withPlan(other);
    importRows(other, rows);
    other.run('leapClearDraft');
    const planBefore = planShown(other);
    other.run('leapSetPlanHistory', 'books');
    expect(value(other, 'JW_PROJECTED_LOW')).toBe(Math.min(...lows));
    // A new draft the person has not built must not leak into the plan when the check-in rebuilds it.
    other.run('leapSaveDraft', { ...SAMPLE_ANSWERS, nicheService: 'Something else entirely' });
    other.run('leapSetPlanHistory', 'plan');
    expect(planShown(other)).toEqual(planBefore);
  });
});

describe('the check-in with the US estimate', () => {
  // Issue 22, problem 2: the year's tax includes the household's wages (Books' JW_BOOKS_WAGES, from the plan's
  // salary for the months employed in the Books year): the profit's tax is what it adds on top of them.
  test('the year\u2019s tax is TAX_ESTIMATE_US on the profit annualised on top of the year\u2019s wages, with the plan\u2019s status and state rate', () => {
    const em = fresh();
    const answers = { ...SAMPLE_ANSWERS, taxMode: 'us_estimate', filingStatus: 'married_joint', stateTaxRate: 0.05 };
    em.run('leapSaveDraft', answers);
    em.run('leapBuildPlan', answers);
    const rows = statement(MONTHS, (i) => 5200 + 300 * i);
    importRows(em, rows);
    const view = em.run('leapGetCheckIn') as CheckInView;
    const profit = MONTHS.reduce((s, m) => s + monthSums(rows, m).profit, 0);
    const over = Number(TODAY.slice(5, 7)) - 1;
    if (over === 0) {
      expect(view.books?.yearToDate.estimatedTax).toBe('');
      return;
    }
    const wages = value(em, 'JW_BOOKS_WAGES') as number;
    expect(wages).toBeGreaterThan(0);
    const yearProfit = (profit * 12) / over;
    const year = Math.max(TAX_FIGURES_YEARS.first, Math.min(TAX_FIGURES_YEARS.last, YEAR));
    const input = { status: 'married_joint' as const, year, stateRate: 0.05, w2Wages: wages };
    const tax = taxEstimate({ ...input, netProfit: yearProfit }).total - taxEstimate({ ...input, netProfit: 0 }).total;
    expect(view.books?.yearToDate.estimatedTax).toBe(dollars(tax));
    expect(view.books?.yearToDate.estimateBasis).toBe(
      `TAX_ESTIMATE_US on ${dollars(yearProfit)}: the profit of ${over} month${over === 1 ? '' : 's'} scaled to 12, on top of ${dollars(wages)} of wages (Books), less the tax on the wages alone.`,
    );
    // More than the tax on the profit alone: the wages fill the lower brackets first.
    const alone = taxEstimate({ ...input, w2Wages: 0, netProfit: yearProfit }).total;
    expect(tax).toBeGreaterThan(alone);
    // Not the flat rate on the same profit: the estimate really came from the US tables.
    expect(view.books?.yearToDate.estimatedTax).not.toBe(dollars(yearProfit * 0.3));
  });
});

describe('the Check-ins snapshot', () => {
  const em = fresh();
  withPlan(em);
  importRows(
    em,
    statement(MONTHS, () => 2500),
  );

  test('appends one row of the plan\u2019s key numbers as values, with a chart, one setValues a row', () => {
    em.resetCalls();
    const first = em.run('leapSaveCheckIn') as CheckInSnapshot;
    expect(em.calls.filter((c) => c.method === 'setValues')).toHaveLength(2);
    em.resetCalls();
    const second = em.run('leapSaveCheckIn') as CheckInSnapshot;
    expect(em.calls.filter((c) => c.method === 'setValues')).toHaveLength(1);
    expect([first.row, second.row]).toEqual([2, 3]);
    const sheet = em.workbook.getSheetByName(CHECKINS_SHEET);
    expect(sheet?.getRange(1, 1, 1, CHECKIN_COLUMNS.length).getValues()[0]).toEqual(CHECKIN_COLUMNS.map((c) => c.header));
    const saved = sheet?.getRange(2, 1, 1, CHECKIN_COLUMNS.length).getValues()[0] ?? [];
    expect((saved[0] as Date).toISOString().slice(0, 10)).toBe(TODAY);
    CHECKIN_COLUMNS.slice(1).forEach((c, i) => {
      const expected = value(em, c.name as string);
      const got = saved[i + 1];
      if (expected instanceof Date) expect((got as Date).getTime()).toBe(expected.getTime());
      else expect(got).toEqual(expected);
    });
    expect(JSON.stringify(em.toJSON().sheets.find((s) => s.name === CHECKINS_SHEET))).not.toContain('"formula"');
    expect(sheet?.getCharts()).toHaveLength(1);
    // Dates as the plan shows them, in the document's style (en_GB and de_DE: test/plan/dateStyle.emulator.test.ts).
    expect(first.shown['Leave date']).toBe(em.spreadsheet.getRangeByName('JW_LEAVE_DATE')?.getDisplayValue());
    expect(first.shown['Leave date']).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  });
});

// Google, "Custom Functions in Google Sheets" (https://developers.google.com/apps-script/guides/sheets/functions):
// each custom-function cell is its own execution and shows "Loading..." until it returns. A snapshot taken then
// would keep "Loading..." in the Check-ins log for good: the check-in waits, then refuses and names what is loading.
describe('the Check-ins snapshot while the plan is still calculating', () => {
  test('waits, then refuses to save figures still loading; once settled it saves the numbers', () => {
    const em = createLeapEmulator({ timeZone: 'UTC', customFunctionExecutions: { executionMs: 20_000 } });
    loadDist(em);
    em.run('onOpen');
    withPlan(em);
    expect(em.loadingCells().length).toBeGreaterThan(0);
    // The risk waits for the quit date (two rounds of 20 seconds): still loading when the snapshot is asked for.
    expect(() => em.run('leapSaveCheckIn')).toThrow(
      /^Still calculating on the plan: .*Runway risk.*Save the snapshot again in a moment\.$/,
    );
    expect(em.workbook.getSheetByName(CHECKINS_SHEET)).toBeNull();
    em.settle();
    const saved = em.run('leapSaveCheckIn') as CheckInSnapshot;
    expect(Object.values(saved.shown)).not.toContain('Loading...');
    expect(saved.shown['Leave date']).toBe(em.spreadsheet.getRangeByName('JW_LEAVE_DATE')?.getDisplayValue());
  });

  test('figures still loading after the wait are not shown as figures: the check-in says they are calculating', () => {
    const em = createLeapEmulator({ timeZone: 'UTC', customFunctionExecutions: { executionMs: 20_000 } });
    loadDist(em);
    em.run('onOpen');
    // With the US estimate the plan's tax rate, which the Books' set-aside reads, is a custom function's cell.
    const answers = { ...SAMPLE_ANSWERS, taxMode: 'us_estimate', filingStatus: 'married_joint', stateTaxRate: 0.05 };
    em.run('leapSaveDraft', answers);
    em.run('leapBuildPlan', answers);
    importRows(
      em,
      statement(MONTHS, () => 2500),
    );
    const view = em.run('leapGetCheckIn') as CheckInView;
    expect(em.loadingCells().length).toBeGreaterThan(0);
    expect(view.missing).toEqual([STILL_CALCULATING]);
    expect(JSON.stringify(view)).not.toMatch(/Loading|NaN/);
    em.settle();
    const settled = em.run('leapGetCheckIn') as CheckInView;
    expect(settled.missing).toEqual([]);
    expect(settled.books?.yearToDate.setAside).toMatch(/^\$/);
  });

  test('a check-in read while executions finish within the wait shows the settled figures', () => {
    const em = createLeapEmulator({ timeZone: 'UTC', customFunctionExecutions: { executionMs: 2000 } });
    loadDist(em);
    em.run('onOpen');
    withPlan(em);
    em.workbook.getRangeByName('JW_PROJECTED_LOW')?.setValue(3100);
    const view = em.run('leapGetCheckIn') as CheckInView;
    expect(em.loadingCells()).toEqual([]);
    expect(view.plan?.expected).toBe('$4,800');
  });
});

describe('refusals and what is missing', () => {
  test('no plan and no Books: the check-in says what is missing', () => {
    const em = fresh();
    expect(em.run('leapGetCheckIn')).toEqual({ missing: [NO_PLAN, NO_BOOKS], plan: null, books: null, owed: NO_INVOICES_VIEW });
    expect(() => em.run('leapSaveCheckIn')).toThrow(NO_PLAN);
    expect(() => em.run('leapSetPlanHistory', 'books')).toThrow(NO_PLAN);
    expect(() => em.run('leapShowUncategorised', { year: YEAR })).toThrow(NO_BOOKS);
  });

  test('a plan without Books: says to import a statement first and refuses the actual months', () => {
    const em = fresh();
    withPlan(em);
    const view = em.run('leapGetCheckIn') as CheckInView;
    expect(view.missing).toEqual([NO_BOOKS]);
    expect(view.plan?.low).toBe('$3,000');
    expect(() => em.run('leapSetPlanHistory', 'books')).toThrow(NO_BOOKS);
  });

  test('a last month without ledger rows says to import it rather than show zeros', () => {
    const em = fresh();
    withPlan(em);
    importRows(
      em,
      statement([MONTHS[0]], () => 2000),
    );
    const view = em.run('leapGetCheckIn') as CheckInView;
    expect(view.books?.lastMonth).toBeNull();
    expect(view.books?.lastMonthNote).toBe(
      LAST.year === YEAR
        ? `The Ledger has no rows dated in ${MONTH_NAMES[LAST.month - 1]} ${LAST.year} yet: import last month's statement to see how it went.`
        : `Last month (${MONTH_NAMES[LAST.month - 1]} ${LAST.year}) is outside the Books' tax year ${YEAR}: change the tax year on the Books sheet to see it.`,
    );
  });

  test('Books without a plan: the Books figures, and no comparison', () => {
    const em = fresh();
    importRows(
      em,
      statement(MONTHS, () => 2000),
    );
    const view = em.run('leapGetCheckIn') as CheckInView;
    expect(view.missing).toEqual([NO_PLAN]);
    expect(view.books?.yearToDate.taxPaid).toBe(money(800));
    if (view.books?.lastMonth) expect(view.books.lastMonth.againstPlan).toBe('');
  });
});

// ---- Money owed to you

const withOwed = (invoices: typeof OWED) => owedIn(() => fresh(), invoices);

describe('money owed to you', () => {
  const em = withOwed(OWED);

  test('totals and the overdue invoices as the Invoices sheet shows them, most overdue first, ten and "and N more"', () => {
    const owed = (em.run('leapGetCheckIn') as CheckInView).owed;
    const expected = expectedOwed(OWED);
    expect(owed).toEqual(expected);
    // The cases around the due date, checked by name so the expectation above cannot drift with them.
    expect(owed.overdueInvoices[0]).toEqual({ invoice: 'INV-104', client: ACME, amount: '$2,500.50', status: 'Overdue 95 days' });
    expect(owed.overdueInvoices.map((i) => i.invoice)).toEqual([
      'INV-104',
      'INV-112',
      'INV-111',
      'INV-110',
      'INV-109',
      'INV-108',
      'INV-107',
      'INV-106',
      'INV-113',
      'INV-114',
    ]);
    expect(owed.more).toBe(1); // INV-101, due yesterday: "Overdue 1 day", the eleventh
    const listed = owed.overdueInvoices.map((i) => i.invoice);
    for (const notOverdue of ['INV-102', 'INV-103', 'INV-105', 'INV-115']) expect(listed).not.toContain(notOverdue);
    // The totals are the panel's own cells, as displayed.
    const sheet = em.spreadsheet.getSheetByName('Invoices');
    expect([owed.owedToYou, owed.overdue]).toEqual([
      sheet?.getRange('K1').getDisplayValue(),
      sheet?.getRange('K2').getDisplayValue(),
    ]);
    expect(owed.owedToYou).toBe(money(1200 + 800 + 2500.5 + 90 + 310 + 1000 + 1100 + 75.25 + 600 + 610 + 900 + 120 + 55));
    // Client names are the person's text, as typed: markup and a leading "=" come back as text.
    expect(owed.overdueInvoices.map((i) => i.client)).toContain(COBALT);
    expect(owed.overdueInvoices.map((i) => i.client)).toContain(BIRCH);
  });

  test('a paid date moves the invoice off the list and the next one up', () => {
    const one = withOwed(OWED);
    one.enterInput('Invoices', 'F6', daysBefore(2)); // INV-104 (row 6, after the empty row 5) paid two days ago
    const owed = (one.run('leapGetCheckIn') as CheckInView).owed;
    expect(owed.overdueInvoices[0].invoice).toBe('INV-112');
    expect(owed.overdueInvoices.map((i) => i.invoice)).toContain('INV-101');
    expect(owed.overdueInvoices.find((i) => i.invoice === 'INV-101')?.status).toBe('Overdue 1 day');
    expect(owed.more).toBe(0);
  });

  test('reads the Invoices sheet in one getDisplayValues, not a call per row', () => {
    em.resetCalls();
    em.run('leapGetCheckIn');
    const reads = em.calls.filter(
      (c) => !c.inCustomFunction && /^get(Values|DisplayValues|Formulas|DisplayValue|Value)$/.test(c.method),
    );
    // No plan and no Books here: the one read is the Invoices sheet's.
    expect(reads.map((c) => c.method)).toEqual(['getDisplayValues']);
  });

  test('nothing overdue: the totals and "Nothing overdue"', () => {
    const calm = withOwed([OWED[1], OWED[2], OWED[4]]);
    const owed = (calm.run('leapGetCheckIn') as CheckInView).owed;
    expect(owed).toEqual({
      sheetName: 'Invoices',
      owedToYou: money(800 + 90),
      overdue: '$0.00',
      overdueInvoices: [],
      more: 0,
      note: NOTHING_OVERDUE,
    });
  });

  test('no Invoices sheet: one line that says how to make one, not an error; the button is refused in words', () => {
    const em2 = fresh();
    const view = em2.run('leapGetCheckIn') as CheckInView;
    expect(view.owed).toEqual(NO_INVOICES_VIEW);
    expect(NO_INVOICES).toBe('No invoices yet: Extensions > Jumpwise > Set up invoices');
    expect(() => em2.run('leapShowInvoices')).toThrow(NO_INVOICES);
  });

  test('Show the Invoices sheet activates it, renamed or not', () => {
    const em2 = withOwed(OWED.slice(0, 3));
    em2.spreadsheet.insertSheet('Elsewhere');
    expect(em2.toJSON().activeSheet).toBe('Elsewhere');
    em2.spreadsheet.getSheetByName('Invoices')?.setName('Money owed');
    expect(em2.run('leapShowInvoices') as InvoicesShown).toEqual({ sheetName: 'Money owed' });
    expect(em2.toJSON().activeSheet).toBe('Money owed');
    expect((em2.run('leapGetCheckIn') as CheckInView).owed.sheetName).toBe('Money owed');
  });
});

// ---- The document's locale

describe('the check-in in the document\u2019s locale', () => {
  /** The year's estimate and its basis in a spreadsheet of this locale, on Books only (the flat 30% rate). */
  function estimateIn(locale: string, taxPayment?: string) {
    const em = fresh(locale);
    // The tax payment as the country's bank would name it (the rows' own words otherwise).
    const rows = statement(MONTHS, (i) => 2400 + 700 * i).map((r) =>
      taxPayment && r.description.startsWith('IRS') ? { ...r, description: taxPayment } : r,
    );
    importRows(em, rows);
    const view = em.run('leapGetCheckIn') as CheckInView;
    const profit = MONTHS.reduce((s, m) => s + monthSums(rows, m).profit, 0);
    const over = Number(TODAY.slice(5, 7)) - 1;
    const rateShown = em.spreadsheet.getSheetByName('Books')?.getRange('B3').getDisplayValue();
    return { em, view, yearProfit: over > 0 ? (profit * 12) / over : 0, over, rateShown };
  }
  const whole = (x: number, tag: string) => Math.abs(x).toLocaleString(tag, { maximumFractionDigits: 0, useGrouping: true });

  // Without a plan an en_GB spreadsheet's Books are the UK's (issue 22, problem 3): tax months from 6 April and the
  // rate of the UK tables on the projected profit, which the check-in's estimate uses.
  test('en_GB: the UK Books\u2019 estimate in pounds with English separators', () => {
    const { em, view, rateShown } = estimateIn('en_GB', 'HMRC SELF ASSESSMENT');
    const books = em.spreadsheet.getSheetByName('Books');
    const over = monthsOver(Number(books?.getRange('B2').getValue()), TODAY, BOOKS_COUNTRIES.uk);
    if (over === 0) return;
    const yearProfit = (Number(value(em, 'JW_BOOKS_PROFIT_YTD')) * 12) / over;
    const rate = Number(value(em, 'JW_BOOKS_TAX_RATE'));
    expect(view.books?.yearToDate.estimatedTax).toBe(`£${whole(yearProfit * rate, 'en-GB')}`);
    expect(view.books?.yearToDate.estimatedTax).toMatch(/^£\d{1,3}(,\d{3})*$/);
    expect(view.books?.yearToDate.estimateBasis).toBe(
      `${rateShown} of £${whole(yearProfit, 'en-GB')}: the profit of ${over} month${over === 1 ? '' : 's'} scaled to 12; the Books' rate, TAX_RATE_UK on that profit on top of £0 of wages.`,
    );
    expect(view.books?.yearToDate.taxPaidLabel).toBe('Self Assessment paid');
  });

  test('de_DE: the estimate in euros after the amount, grouped with dots; the rate as Books shows it', () => {
    // Elsewhere's defaults know the Finanzamt; Books follow no form there and the flat 30% without a plan.
    const { view, yearProfit, over, rateShown } = estimateIn('de_DE', 'FINANZAMT MITTE EST-VORAUSZAHLUNG');
    if (over === 0) return;
    expect(view.books?.yearToDate.estimatedTax).toBe(`${whole(yearProfit * 0.3, 'de-DE')} €`);
    expect(view.books?.yearToDate.estimatedTax).toMatch(/^\d{1,3}(\.\d{3})* €$/);
    expect(rateShown).toBe('30,0%');
    expect(view.books?.yearToDate.estimateBasis).toBe(
      `30,0% of ${whole(yearProfit, 'de-DE')} €: the profit of ${over} month${over === 1 ? '' : 's'} scaled to 12.`,
    );
    // The Books figures are the sheet's own display, in the same separators.
    expect(view.books?.yearToDate.taxPaid).toBe('800,00 €');
  });

  test('de_DE: the invoices\u2019 totals and amounts as that sheet shows them', () => {
    const em = fresh('de_DE');
    em.run('leapSetupInvoices');
    const sheet = em.spreadsheet.getSheetByName('Invoices');
    // Numbers and dates written as values, so no typed text is read in German.
    const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
    sheet?.getRange('A2:F3').setValues([
      ['R-1', ACME, date(daysBefore(40)), date(daysBefore(10)), 1234.5, ''],
      ['R-2', BIRCH, date(daysBefore(5)), date(daysBefore(-25)), 99, ''],
    ]);
    em.enterInput('Invoices', 'K3', AS_OF);
    const owed = (em.run('leapGetCheckIn') as CheckInView).owed;
    expect(owed).toMatchObject({ owedToYou: '1.333,50 €', overdue: '1.234,50 €', more: 0, note: '' });
    expect(owed.overdueInvoices).toEqual([{ invoice: 'R-1', client: ACME, amount: '1.234,50 €', status: 'Overdue 10 days' }]);
  });
});
