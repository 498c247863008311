/**
 * The year as lived (issue 22, problem 2): Books' wages and withholding for its own year, the set-aside rate by that
 * year's tables on the projected profit on top of those wages, and the federal payment given the same wages.
 * Sources for the brackets: Rev. Proc. 2025-32 (2026 rate schedules), via src/finance/usTax/tables.ts.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { BOOKS, TAX_PERIODS } from '../../src/books/layout';
import { taxEstimate, taxRate } from '../../src/finance/usTax/estimate';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

const YEAR = 2026;
const row = statementRows();
const L = (column: number) => String.fromCharCode(64 + column);
const np = BOOKS.nextPayment;
const WAGES_A1 = `${L(BOOKS.wages.column)}${BOOKS.wages.row}`;
const RATE_A1 = `B${BOOKS.rateRow}`;
const TODAY_A1 = `${L(np.valueColumn)}${np.todayRow}`;

/** January to June 2026: 24,000 of client income, 1,200 of office supplies; profit 22,800 over six months. */
const HALF_YEAR = [
  row('2026-01-10', 'STRIPE PAYOUT JAN', 4000),
  row('2026-02-10', 'STRIPE PAYOUT FEB', 4000),
  row('2026-03-03', 'STAPLES', -1200),
  row('2026-03-10', 'STRIPE PAYOUT MAR', 4000),
  row('2026-04-10', 'STRIPE PAYOUT APR', 4000),
  row('2026-05-10', 'STRIPE PAYOUT MAY', 4000),
  row('2026-06-10', 'STRIPE PAYOUT JUN', 4000),
];
const PROFIT = 22_800;

function books(answers?: typeof SAMPLE_ANSWERS): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('onOpen');
  if (answers) {
    em.run('leapSaveDraft', answers);
    em.run('leapBuildPlan', answers);
  }
  importStatement(em, HALF_YEAR, 'Chase checking');
  em.enterInput('Books', 'B2', String(YEAR));
  // July 1: six months are over, so the year's profit is projected at twice the half year's.
  em.enterInput('Books', TODAY_A1, '2026-07-01');
  return em;
}

const at = (em: Emulator, a1: string) => em.workbook.getSheetByName('Books')!.getRange(a1).getValue();
const named = (em: Emulator, name: string) => em.workbook.getRangeByName(name)?.getValue();

describe('the set-aside rate of the Books year, on top of the year\u2019s wages', () => {
  const em = books();

  test('the year\u2019s profit is projected from the months over', () => {
    expect(named(em, 'JW_BOOKS_PROFIT_YTD')).toBe(PROFIT);
    expect(named(em, 'JW_BOOKS_PROJECTED_PROFIT')).toBeCloseTo(PROFIT * 2, 6);
  });

  test('wages from 0 to 100,000: the rate rises as the 2026 brackets say', () => {
    const rates = [0, 25_000, 50_000, 75_000, 100_000].map((wages) => {
      em.enterInput('Books', WAGES_A1, String(wages));
      const rate = at(em, RATE_A1) as number;
      expect(rate).toBeCloseTo(taxRate({ netProfit: PROFIT * 2, status: 'single', year: YEAR, stateRate: 0, w2Wages: wages }), 6);
      return rate;
    });
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1]);
    // No wages: the profit fills the 10% and 12% brackets; on 100,000 of wages it is taxed at 22% and 24%.
    expect(rates[0]).toBeLessThan(0.2);
    expect(rates[4]).toBeGreaterThan(0.3);
  });

  test('the months\u2019 set-aside and the reserve use the same rate', () => {
    em.enterInput('Books', WAGES_A1, '60000');
    const rate = at(em, RATE_A1) as number;
    expect(at(em, `E${BOOKS.totalRow}`)).toBeCloseTo(PROFIT * rate, 6);
    const owed = at(em, `${L(BOOKS.reserve.valueColumn)}${BOOKS.reserve.owedRow}`) as number;
    expect(owed).toBeCloseTo(PROFIT * rate, 6);
  });

  test('the federal payment gets the wages and, by default, the tax withheld on them', () => {
    em.enterInput('Books', WAGES_A1, '60000');
    const withheld = named(em, 'JW_BOOKS_WITHHELD') as number;
    expect(withheld).toBeCloseTo(
      taxEstimate({ netProfit: 0, status: 'single', year: YEAR, stateRate: 0, w2Wages: 60_000 }).total,
      6,
    );
    expect(withheld).toBeGreaterThan(0);
    // Two periods ended by July 1: profit to March 31 and to May 31; wages earned evenly through the year.
    const profits = [[10_800], [18_800]];
    const wages = TAX_PERIODS.slice(0, 2).map((p) => [(60_000 * p.lastMonth) / 12]);
    const want = em.run('ESTIMATED_PAYMENT_US', profits, wages, 'single', YEAR, '', '', 0, withheld) as number;
    const withoutWages = em.run('ESTIMATED_PAYMENT_US', profits, '', 'single', YEAR, '', '', 0, '') as number;
    expect(want).not.toBeCloseTo(withoutWages, 0);
    expect(named(em, 'JW_BOOKS_NEXT_PAYMENT')).toBeCloseTo(want, 6);
  });
});

describe('wages by default from the plan for the Books year', () => {
  test('employed all of 2026 (the plan leaves later): the whole salary, and the note says so', () => {
    const em = books({ ...SAMPLE_ANSWERS, taxMode: 'us_estimate', filingStatus: 'single', stateTaxRate: 0 });
    const leave = em.workbook.getRangeByName('JW_LEAVE_DATE')!.getValue() as Date;
    const wages = at(em, WAGES_A1);
    const note = at(em, `${L(BOOKS.wages.column + 1)}${BOOKS.wages.row}`) as string;
    if (leave.getUTCFullYear() > YEAR) {
      expect(wages).toBe(SAMPLE_ANSWERS.annualSalary);
      expect(note).toMatch(/^Your plan's salary: employed all of 2026/);
    } else {
      expect(leave.getUTCFullYear()).toBe(YEAR);
      expect(wages).toBeCloseTo(named(em, 'JW_LEAVE_YEAR_WAGES') as number, 6);
      expect(note).toMatch(/^Your plan's wages of 2026: salary × \d+ months employed/);
    }
    // The rate is the Books year's own, on those wages, not the plan's leave-year rate.
    expect(at(em, RATE_A1)).toBeCloseTo(
      taxRate({ netProfit: PROFIT * 2, status: 'single', year: YEAR, stateRate: 0, w2Wages: wages as number }),
      6,
    );
  });

  test('no plan: no wages, and the note asks for them', () => {
    const em = books();
    expect(at(em, WAGES_A1)).toBe(0);
    expect(at(em, `${L(BOOKS.wages.column + 1)}${BOOKS.wages.row}`)).toMatch(/^No plan: type the year's wages/);
  });

  test('a plan with a flat rate keeps its flat rate', () => {
    const em = books({ ...SAMPLE_ANSWERS, taxMode: 'flat', taxRate: 0.27 });
    expect(at(em, RATE_A1)).toBeCloseTo(0.27, 9);
  });
});
