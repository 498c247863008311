/**
 * Books follow the person's country (issue 22, problem 3): a UK plan in an en_GB spreadsheet gets the 6 April tax
 * year, SA103F boxes, payments on account on HMRC's dates and pounds, with no US form anywhere on Books or in the
 * check-in; a Canadian plan gets T2125 lines, the calendar year and CRA instalments; elsewhere, no form and the
 * plan's flat rate. Sources of the dates and lines: src/books/country.ts.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import type { StatementRow } from '../../src/books/types';
import type { CheckInView } from '../../src/protocol';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

type Bundle = Record<string, (...args: unknown[]) => unknown>;
const row = statementRows();
const np = { today: 'S5' };

function books(locale: string, changes: Record<string, unknown>, rows: StatementRow[], year: number, today: string) {
  const em = createLeapEmulator({ timeZone: 'UTC', locale });
  const bundle = loadDist(em) as Bundle;
  em.run('onOpen');
  const answers = { ...SAMPLE_ANSWERS, ...changes };
  em.run('leapSaveDraft', answers);
  em.run('leapBuildPlan', answers);
  importStatement(em, rows, 'Current account');
  em.enterInput('Books', 'B2', String(year));
  em.enterInput('Books', np.today, today);
  return { em, bundle };
}

const shownOn = (em: Emulator, sheet: string): string[] =>
  em.workbook
    .getSheetByName(sheet)!
    .getDataRange()
    .getDisplayValues()
    .flat()
    .filter((v) => v !== '');
const named = (em: Emulator, name: string) => em.workbook.getRangeByName(name)?.getValue();
const ledgerCategory = (em: Emulator, description: string) => {
  const values = em.workbook.getSheetByName('Ledger')!.getDataRange().getValues();
  return values.find((r) => String(r[1]) === description)?.[3];
};
const day = (d: unknown) => new Date((d as Date).getTime() + 12 * 3600e3).toISOString().slice(0, 10);
const US_WORDS = /Schedule C|1040|IRS|\$/;
const errors = (shown: string[]) => shown.filter((v) => /^#[A-Z/0!?]+/.test(v));

describe('a UK plan in an en_GB spreadsheet', () => {
  const rows = [
    // 3 April 2026 is in the 2025/26 tax year: not in the 2026/27 Books.
    row('2026-04-03', 'STRIPE PAYOUT', 999),
    row('2026-05-10', 'FASTER PAYMENTS RECEIPT ACME LTD', 3000),
    row('2026-06-02', 'TRAINLINE.COM', -45.5),
    row('2026-06-15', 'BT GROUP PLC', -38),
    // 3 July is in the tax month from 6 June; the salary on 6 July opens the tax month from 6 July.
    row('2026-07-03', 'QX VENDOR 4417', -10),
    row('2026-07-06', 'BGC ACME LTD SALARY', 2100),
    row('2027-01-20', 'HMRC SELF ASSESSMENT', -1500),
  ];
  const { em, bundle } = books('en_GB', { taxCountry: 'uk_england' }, rows, 2026, '2027-01-25');
  const shown = shownOn(em, 'Books');

  test('Books mention no US form and no dollar, and show no error', () => {
    expect(errors(shown)).toEqual([]);
    expect(shown.filter((v) => US_WORDS.test(v))).toEqual([]);
    expect(shown.some((v) => v.includes('£'))).toBe(true);
  });

  test('the year is the 2026/27 tax year, 6 April to 5 April, its months from the 6th', () => {
    expect(shown.some((v) => v.includes('2026/27') && v.includes('6 Apr 2026') && v.includes('5 Apr 2027'))).toBe(true);
    expect(day(named(em, 'JW_BOOKS_MONTHS'))).toBe('2026-04-06');
    // 3,000 in, 45.50 and 38 out; the 3 April payout and the salary are not in it.
    expect(named(em, 'JW_BOOKS_PROFIT_YTD')).toBeCloseTo(2916.5, 6);
    expect(named(em, 'JW_BOOKS_FORM_NET')).toBeCloseTo(2916.5, 6);
  });

  test('the categories map to SA103F boxes', () => {
    expect(shown).toEqual(expect.arrayContaining(['Box 15', 'Box 20', 'Box 23', 'Box 28']));
    expect(ledgerCategory(em, 'TRAINLINE.COM')).toBe('Travel and vehicle');
    expect(ledgerCategory(em, 'BT GROUP PLC')).toBe('Phone, stationery and office');
    // A salary paid by BACS is not business income: it waits for the person.
    expect(ledgerCategory(em, 'BGC ACME LTD SALARY')).toBe('Uncategorized');
  });

  test('an HMRC Self Assessment payment is a tax payment, counted as the 1st payment on account', () => {
    expect(ledgerCategory(em, 'HMRC SELF ASSESSMENT')).toBe('Self Assessment payment');
    expect(named(em, 'JW_BOOKS_TAX_PAID')).toBe(1500);
    const dates = em.workbook.getSheetByName('Books')!.getRange('M6:O8').getValues();
    expect(dates.map((r) => [day(r[0]), r[1], r[2]])).toEqual([
      ['2027-01-31', '1st payment on account', 1500],
      ['2027-07-31', '2nd payment on account', 0],
      ['2028-01-31', 'Balancing payment', 0],
    ]);
    expect(shown).toEqual(expect.arrayContaining(['31 Jan 2027', '31 Jul 2027']));
  });

  test('a 31 January payment, which two years count, says so beside the rows and the totals', () => {
    // TMA 1970 ss.59A(2), 59B(4): 31 January is the year before's balancing payment and the year's 1st payment on
    // account; one bank row cannot tell the two apart, so both years count it and the sheet says it.
    const notes = em.workbook.getSheetByName('Books')!.getRange('P6:P8').getDisplayValues().flat();
    expect(notes[0]).toMatch(/1 Aug 2026 to 31 Jan 2027\. 2025\/26's balancing payment too$/);
    expect(notes[1]).toMatch(/31 Jul 2027$/);
    expect(notes[2]).toMatch(/1 Aug 2027 to 31 Jan 2028\. 2027\/28's 1st payment on account too$/);
    const beside = 'Counts each 31 January payment in full; the year next to it counts it too';
    // Beside the tax-paid block's total, and beside "Self Assessment paid for the year".
    expect(shown.filter((v) => v.startsWith(beside))).toHaveLength(2);
  });

  test('the set-aside rate is TAX_RATE_UK of 2026/27 on the projected profit on top of the year\u2019s wages', () => {
    const wages = Number(named(em, 'JW_BOOKS_WAGES'));
    const projected = Number(named(em, 'JW_BOOKS_PROJECTED_PROFIT'));
    // 6 April to 5 January: nine tax months are over on 25 January.
    expect(projected).toBeCloseTo((2916.5 * 12) / 9, 6);
    expect(named(em, 'JW_BOOKS_TAX_RATE')).toBeCloseTo(bundle.TAX_RATE_UK(projected, 2026, 'england', wages) as number, 10);
    expect(named(em, 'JW_BOOKS_WITHHELD')).toBeCloseTo(bundle.TAX_ESTIMATE_UK(0, 2026, 'england', wages) as number, 6);
  });

  test('a tax month\u2019s uncategorised count on Books and the Ledger rows its link shows are the same rows', () => {
    const counts = em.workbook.getSheetByName('Books')!.getRange('G8:G9').getValues().flat();
    // Tax month 3 (6 June to 5 July) holds the 3 July payment; tax month 4 (6 July to 5 August) the salary.
    expect(counts).toEqual([1, 1]);
    expect(em.run('leapShowUncategorised', { year: 2026, month: 4 })).toMatchObject({ rows: 1 });
    expect(em.run('leapShowUncategorised', { year: 2026 })).toMatchObject({ rows: 2 });
  });

  test('the check-in speaks of Self Assessment, in pounds, with no US form', () => {
    const view = em.run('leapGetCheckIn') as CheckInView;
    const text = JSON.stringify(view.books);
    expect(text).not.toMatch(US_WORDS);
    expect(view.books?.yearToDate.taxPaidLabel).toBe('Self Assessment paid');
    expect(view.books?.yearLabel).toBe('2026/27');
    expect(view.books?.yearToDate.taxPaid).toBe('£1,500.00');
    // The year's estimate is the Books' own rate (the UK tables on top of the salary), not the plan's leave-year rate.
    const rate = Number(named(em, 'JW_BOOKS_TAX_RATE'));
    expect(rate).not.toBeCloseTo(Number(named(em, 'JW_TAX_RATE')), 3);
    expect(view.books?.yearToDate.estimateBasis).toContain('TAX_RATE_UK');
  });
});

describe('a Canadian plan in an en_CA spreadsheet', () => {
  const rows = [
    row('2026-03-10', 'INTERAC E-TRANSFER AUTODEPOSIT ACME', 2500),
    row('2026-03-12', 'BELL CANADA', -80),
    row('2026-04-02', 'PETRO-CANADA 1234', -60),
    row('2026-06-10', 'CRA (REVENUE) - TAX INSTALMENT', -1000),
  ];
  const { em, bundle } = books('en_CA', { taxCountry: 'canada', stateTaxRate: 0.1 }, rows, 2026, '2026-07-01');
  const shown = shownOn(em, 'Books');

  test('Books mention no US form and show no error; the categories map to T2125 lines', () => {
    expect(errors(shown)).toEqual([]);
    expect(shown.filter((v) => /Schedule C|1040|IRS/.test(v))).toEqual([]);
    expect(shown).toEqual(expect.arrayContaining(['Line 8000', 'Line 9220', 'Line 9281']));
    expect(shown.some((v) => v.startsWith('T2125') && v.endsWith('2026'))).toBe(true);
    expect(named(em, 'JW_BOOKS_FORM_NET')).toBeCloseTo(2360, 6);
  });

  test('CRA instalments on 15 March, June, September and December, the balance on 30 April', () => {
    expect(ledgerCategory(em, 'CRA (REVENUE) - TAX INSTALMENT')).toBe('CRA instalment or balance');
    const table = em.workbook.getSheetByName('Books')!.getRange('M6:O10').getValues();
    expect(table.map((r) => [day(r[0]), r[1], r[2]])).toEqual([
      ['2026-03-15', 'Instalment 1', 0],
      ['2026-06-15', 'Instalment 2', 1000],
      ['2026-09-15', 'Instalment 3', 0],
      ['2026-12-15', 'Instalment 4', 0],
      ['2027-04-30', 'Balance due', 0],
    ]);
    expect(named(em, 'JW_BOOKS_TAX_PAID')).toBe(1000);
  });

  test('the rate is TAX_RATE_CA of the year on the projected profit on top of the wages, with the plan\u2019s provincial rate', () => {
    const wages = Number(named(em, 'JW_BOOKS_WAGES'));
    const projected = Number(named(em, 'JW_BOOKS_PROJECTED_PROFIT'));
    expect(named(em, 'JW_BOOKS_TAX_RATE')).toBeCloseTo(bundle.TAX_RATE_CA(projected, 2026, 0.1, wages) as number, 10);
  });

  test('the check-in speaks of instalments and no US form', () => {
    const view = em.run('leapGetCheckIn') as CheckInView;
    expect(JSON.stringify(view.books)).not.toMatch(/Schedule C|1040|IRS/);
    expect(view.books?.yearToDate.taxPaidLabel).toBe('Instalments paid');
  });

  test('no payment is shared between two years: no 31 January sentence', () => {
    expect(shown.filter((v) => /31 January|both years/.test(v))).toEqual([]);
  });
});

describe('a US plan: Schedule C 2025 other expenses on line 27b, and a Categories sheet made for 2024', () => {
  const rows = [
    row('2026-02-10', 'STRIPE PAYOUT', 4000),
    row('2026-02-11', 'ADOBE', -60),
    row('2026-02-12', 'MONTHLY SERVICE FEE', -15),
  ];
  const { em } = books('en_US', {}, rows, 2026, '2026-07-01');
  const line = (text: string) => {
    const table = em.workbook.getSheetByName('Books')!.getRange('I6:K24').getValues();
    return table.find((r) => r[0] === text)?.[2];
  };

  test('software and bank fees are on line 27b, and no line 27a is shown', () => {
    expect(line('Line 27b')).toBeCloseTo(75, 6);
    expect(line('Line 27a')).toBeUndefined();
    expect(em.workbook.getRangeByName('JW_BOOKS_FORM_NET')?.getValue()).toBeCloseTo(3925, 6);
  });

  test('a category still saying 27a (the 2024 form\u2019s other expenses) counts on line 27b', () => {
    const categories = em.workbook.getSheetByName('Categories')!.getDataRange().getValues();
    const software = categories.findIndex((r) => r[0] === 'Software') + 1;
    em.enterInput('Categories', `C${software}`, '27a');
    expect(line('Line 27b')).toBeCloseTo(75, 6);
    expect(em.workbook.getRangeByName('JW_BOOKS_FORM_NET')?.getValue()).toBeCloseTo(3925, 6);
  });
});

describe('a plan elsewhere (flat rate) in a de_DE spreadsheet', () => {
  const rows = [row('2026-02-10', 'STRIPE PAYOUT', 4000), row('2026-02-11', 'ADOBE', -60)];
  const { em } = books('de_DE', { taxCountry: 'elsewhere', taxRate: 0.25 }, rows, 2026, '2026-07-01');
  const shown = shownOn(em, 'Books');

  test('no tax form, the plan\u2019s flat rate, and the sheet says so', () => {
    expect(errors(shown)).toEqual([]);
    expect(shown.filter((v) => /Schedule C|1040|IRS/.test(v))).toEqual([]);
    expect(named(em, 'JW_BOOKS_TAX_RATE')).toBe(0.25);
    expect(shown.some((v) => v.includes('no tax form'))).toBe(true);
    expect(shown.some((v) => v.includes('Jumpwise has no tax tables for your country'))).toBe(true);
    expect(named(em, 'JW_BOOKS_FORM_NET')).toBeCloseTo(3940, 6);
  });

  test('expenses count in full, and the form block says so and what to check', () => {
    expect(shown).toContain(
      "Expense categories at their Categories share, 100% unless changed: check your country's rules on meals and entertaining",
    );
  });
});
