/**
 * One profit (issue 22, problem 1): money in that is not yet categorised is a line of its own
 * (JW_BOOKS_UNCATEGORISED_IN) and in no income or profit total, so the months table's year to date
 * (JW_BOOKS_PROFIT_YTD), the tax form's net (JW_BOOKS_FORM_NET) and the check-in's year agree to the cent, with
 * rows uncategorised and after every row is categorised. Schedule C counts only categorised income: "Line 1 ...
 * gross receipts or sales" (IRS, Instructions for Schedule C (Form 1040) 2025, www.irs.gov/instructions/i1040sc).
 * HYPERLINK: Google Sheets function list, "HYPERLINK" (support.google.com/docs/answer/3093313).
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { lastMonthOf } from '../../src/books/checkin';
import type { StatementRow } from '../../src/books/types';
import type { CheckInView } from '../../src/protocol';
import { importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
const LAST = lastMonthOf(TODAY);
/** Two months of this year that are over (January and February early in a year: the check-in then has no month). */
const MONTHS = LAST.year === YEAR && LAST.month >= 2 ? [LAST.month - 1, LAST.month] : [1, 2];
const iso = (m: number, d: number) => `${YEAR}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const row = statementRows();
/** Per month: a client payment the rules know, money in they do not (a Zelle from a person, an ACH credit), spend. */
const rows: StatementRow[] = MONTHS.flatMap((m, i) => [
  row(iso(m, 3), `STRIPE PAYOUT ${m}`, 4200 + 100 * i),
  row(iso(m, 6), `QX CREDIT 5521 ${m}`, 1850.25),
  row(iso(m, 11), `BLUEBIRD SETTLEMENT ${m}`, 975.4),
  row(iso(m, 9), `ADOBE CREATIVE CLOUD ${m}`, -59.99),
  row(iso(m, 18), `QX VENDOR 4417 ${m}`, -12.5),
  // Meals at 50% of an odd cent: a half cent, which the two sums could round apart.
  row(iso(m, 21), `STARBUCKS ${m}`, -5.01),
]);
const uncategorisedIn = rows.filter((r) => /^(QX CREDIT|BLUEBIRD)/.test(r.description)).reduce((s, r) => s + r.amount, 0);
const categorisedProfit = rows
  .filter((r) => /^(STRIPE|ADOBE|STARBUCKS)/.test(r.description))
  .reduce((s, r) => s + r.amount * (r.description.startsWith('STARBUCKS') ? 0.5 : 1), 0);

const cents = (x: unknown) => Math.round(Number(x) * 100);
/** Within half a cent: Books keeps its year to the cent, the sums here are exact. */
const nearCent = (x: unknown, expected: number) => expect(Math.abs(Number(x) - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
const named = (em: Emulator, name: string) => em.workbook.getRangeByName(name);

function booksFigures(em: Emulator) {
  const view = em.run('leapGetCheckIn') as CheckInView;
  return {
    profitYtd: named(em, 'JW_BOOKS_PROFIT_YTD')?.getValue(),
    profitYtdShown: named(em, 'JW_BOOKS_PROFIT_YTD')?.getDisplayValue(),
    formNet: named(em, 'JW_BOOKS_FORM_NET')?.getValue(),
    monthsProfit: named(em, 'JW_BOOKS_PROFIT')
      ?.getValues()
      .reduce((s, [v]) => s + Number(v), 0),
    uncategorisedIn: named(em, 'JW_BOOKS_UNCATEGORISED_IN')?.getValue(),
    sentence: named(em, 'JW_BOOKS_UNCATEGORISED_IN_TEXT'),
    checkInProfit: view.books?.yearToDate.profit,
  };
}

describe('one profit: the months, the year to date, the form net and the check-in agree', () => {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('onOpen');
  importStatement(em, rows);
  const ledger = em.workbook.getSheetByName('Ledger');
  const url = `${em.workbook.getUrl()}#gid=${ledger?.getSheetId()}`;

  test('with money in uncategorised: it is its own line, in no total, and the form says how much with a link', () => {
    const f = booksFigures(em);
    expect(cents(f.uncategorisedIn)).toBe(cents(uncategorisedIn));
    nearCent(f.profitYtd, categorisedProfit);
    // The same value, so the same display: to the cent, with the half cents of meals at 50%.
    expect(f.formNet).toBe(f.profitYtd);
    expect(named(em, 'JW_BOOKS_FORM_NET')?.getDisplayValue()).toBe(f.profitYtdShown);
    nearCent(f.monthsProfit, Number(f.profitYtd));
    expect(f.checkInProfit).toBe(f.profitYtdShown);
    const amount = `$${uncategorisedIn.toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    expect(f.sentence?.getDisplayValue()).toBe(
      `${amount} of money in (4 rows) has no category: in no line or profit until categorised on the Ledger.`,
    );
    // Live: a formula over the named cell, linking to the Ledger at its first Uncategorized row.
    const formula = f.sentence?.getFormula() ?? '';
    expect(formula).toContain(`HYPERLINK("${url}&range=A"&IFERROR(MATCH("Uncategorized",Ledger!$D:$D,0),1)`);
    expect(formula).toMatch(/TEXT\(\$K\$24,/);
  });

  test('categorised, the money counts in the profit, the form net and the check-in alike', () => {
    const values = ledger?.getRange(2, 2, rows.length, 3).getValues() ?? [];
    values.forEach(([description, , category], i) => {
      if (category === 'Uncategorized' && /^(QX CREDIT|BLUEBIRD)/.test(String(description))) {
        em.enterInput('Ledger', `D${i + 2}`, 'Client income');
      }
    });
    const f = booksFigures(em);
    expect(cents(f.uncategorisedIn)).toBe(0);
    nearCent(f.profitYtd, categorisedProfit + uncategorisedIn);
    expect(f.formNet).toBe(f.profitYtd);
    expect(named(em, 'JW_BOOKS_FORM_NET')?.getDisplayValue()).toBe(f.profitYtdShown);
    nearCent(f.monthsProfit, Number(f.profitYtd));
    expect(f.checkInProfit).toBe(f.profitYtdShown);
    expect(f.sentence?.getDisplayValue()).toBe(`Every row of money coming in during ${YEAR} has a category.`);
  });
});
