/**
 * The next federal estimated tax payment by the annualized income installment method (Form 2210, Schedule AI),
 * beside what the flat rate would ask, and a sentence saying what to pay by when.
 */

import { PRODUCT_NAME } from '../../brand';
import { asText, type Entry, type Grid, type Reader } from '../../layout/grid';
import { dueDateFormula, figuresYearFormula, yearTextFormula } from '../country';
import {
  BOOKS,
  type BooksBlock,
  type BooksMoney,
  FILING_STATUS,
  form1040LineFormula,
  MONTHS,
  PREVIOUS_DUE,
  PROJECTED_PROFIT,
  RATE,
  TAX_PAID_BY_HAND,
  TAX_PERIODS,
  TAX_PERIODS_TABLE,
  TODAY,
  usFiguresYear,
  WAGES,
  WITHHELD,
  YEAR,
} from './common';
import { SHARED_PAYMENTS } from './taxPaid';

const np = BOOKS.nextPayment;
const PRIOR_TAX = 'priorYearTax';
const PRIOR_AGI = 'priorYearAgi';
const PERIODS_ENDED = 'periodsEnded';
const NEXT_DUE = 'JW_BOOKS_NEXT_DUE';
const PAID = 'paidForTheYear';
const PAYMENT = 'JW_BOOKS_NEXT_PAYMENT';
const FLAT = 'JW_BOOKS_FLAT_PAYMENT';
const BILL = 'taxOnProjectedProfit';
const LAST_YEAR_BILL = 'lastYearBill';
const profitTo = (period: number) => `profitTo${period}`;
const dueDate = (read: Reader, period: number) => read.cellOf(TAX_PERIODS_TABLE, 'due', period - 1);
const profits = (read: Reader) => read.span(profitTo(1), profitTo(TAX_PERIODS.length));
/**
 * The year's wages as earned by the end of each period that has ended, counted as earned evenly through the year
 * (Schedule AI annualises them back to the year's wages); blank for periods not ended, as the profits are.
 */
const wagesByPeriod = (read: Reader) =>
  `{${TAX_PERIODS.map((p, i) => `IF(${read.cell(profitTo(i + 1))}="","",N(${read.cell(WAGES)})*${p.lastMonth}/12)`).join(';')}}`;
const line = { row: 0, column: np.valueColumn };

/**
 * The day the block is worked out for, in every country: TODAY() in its own cell, since Sheets refuses volatile
 * functions inside a custom function's arguments; the person may type a date over it.
 */
function todayInput(g: Grid, money: BooksMoney): void {
  g.input({
    id: TODAY,
    ...line,
    row: np.todayRow,
    label: 'Today',
    value: { formula: '=TODAY()' },
    format: money.date,
    note: { text: 'Type a date to see this block as it was or will be on that day.' },
  });
}

/** What the person gives the method: today, filing status, last year's return and this year's withholding. */
const inputs: BooksBlock = (g, { money }) => {
  const onRow = (row: number) => ({ ...line, row });
  todayInput(g, money);
  g.input({
    id: FILING_STATUS,
    ...onRow(np.statusRow),
    label: 'Filing status',
    value: { formula: '=IFERROR(JW_FILING_STATUS,"single")' },
    note: { text: 'Your plan’s when there is a plan; or type single, married_joint, married_separate or head_of_household.' },
  });
  const lastYear = (read: Reader) => `(${read.cell(YEAR)}-1)`;
  g.input({
    id: PRIOR_TAX,
    ...onRow(np.priorTaxRow),
    label: 'Last year’s total tax',
    value: null,
    format: money.federal,
    note: (read) =>
      `="Your "&${lastYear(read)}&" Form 1040, line "&${form1040LineFormula('totalTax', `${read.cell(YEAR)}-1`)}&" (total tax); 0 if it was nil. Blank: unknown, and this year's tax alone sets the payments."`,
  });
  g.input({
    id: PRIOR_AGI,
    ...onRow(np.priorAgiRow),
    label: 'Last year’s AGI',
    value: null,
    format: money.federal,
    note: (read) =>
      `="Your "&${lastYear(read)}&" Form 1040, line "&${form1040LineFormula('adjustedGrossIncome', `${read.cell(YEAR)}-1`)}&" (adjusted gross income): above $150,000 ($75,000 married filing separately) last year's tax counts at 110%."`,
  });
  // By default the federal tax on the wages alone, which is what a W-4 aims to withhold.
  g.input({
    id: WITHHELD,
    ...onRow(np.withholdingRow),
    label: 'Federal tax withheld this year',
    value: (read) =>
      `=IF(N(${read.cell(WAGES)})>0,TAX_ESTIMATE_US(0,${read.cell(FILING_STATUS)},${usFiguresYear(read.cell(YEAR))},0,${read.cell(WAGES)}),0)`,
    format: money.federal,
    note: (read) =>
      `="Default: the federal tax on "&${asText(read.cell(WAGES), money.federal)}&" of wages alone. Type your "&${read.cell(YEAR)}&" pay slips' figure, with what is still to come."`,
    name: WITHHELD,
  });
};

/** Where the year stands: last year's final due date, the periods ended, the next due date, the profit per period. */
const calendar: BooksBlock = (g, { money }) => {
  const onRow = (row: number) => ({ ...line, row });
  g.figure({
    id: PREVIOUS_DUE,
    ...onRow(np.previousDueRow),
    label: 'Last year’s final payment was due',
    value: (read) => `=NEXT_TAX_DUE(DATE(${read.cell(YEAR)},1,1))`,
    format: money.date,
    note: (read) => `="Payments after it count for "&${read.cell(YEAR)}&"."`,
  });
  g.figure({
    id: PERIODS_ENDED,
    ...onRow(np.periodsEndedRow),
    label: 'Payment periods ended',
    value: (read) =>
      `=${TAX_PERIODS.map((p) => `IF(${read.cell(TODAY)}>DATE(${read.cell(YEAR)},${p.lastMonth},${p.lastDay}),1,0)`).join('+')}`,
    format: '0',
    note: { text: 'Periods run from January 1 to March 31, May 31, August 31 and December 31.' },
  });
  g.figure({
    id: NEXT_DUE,
    ...onRow(np.nextDueRow),
    label: 'Next payment due',
    value: (read) => {
      const today = read.cell(TODAY);
      return `=IF(${today}<=${read.cell(PREVIOUS_DUE)},${dueDate(read, 1)},IF(${today}>${dueDate(read, 4)},"All four "&${read.cell(YEAR)}&" dates are past",NEXT_TAX_DUE(${today})))`;
    },
    format: money.date,
    bold: true,
    name: NEXT_DUE,
  });
  TAX_PERIODS.forEach((p, i) => {
    g.figure({
      id: profitTo(i + 1),
      ...onRow(np.firstProfitRow + i),
      label: `Profit January 1 to ${p.ends}`,
      value: (read) => `=IF(${read.cell(PERIODS_ENDED)}<${i + 1},"",SUM(${read.column(MONTHS, 'profit', 0, p.lastMonth - 1)}))`,
      format: money.federal,
      note: i === 0 ? { text: 'From the months on the left, only for periods that have ended.' } : undefined,
    });
  });
};

/** The payment by the annualized method, and what the flat rate would ask. */
const payments: BooksBlock = (g, { money }) => {
  const onRow = (row: number) => ({ ...line, row });
  g.figure({
    id: PAID,
    ...onRow(np.paidRow),
    label: 'Estimated tax paid for the year',
    value: (read) => `=${read.total(TAX_PAID_BY_HAND, 'amount')}`,
    format: money.federal,
  });
  g.figure({
    id: PAYMENT,
    ...onRow(np.paymentRow),
    label: 'Pay now (on what you have earned)',
    value: (read) =>
      `=IF(${read.cell(PERIODS_ENDED)}=0,"",ESTIMATED_PAYMENT_US(${profits(read)},${wagesByPeriod(read)},${read.cell(FILING_STATUS)},${read.cell(YEAR)},${read.cell(PRIOR_TAX)},${read.cell(PRIOR_AGI)},${read.cell(PAID)},${read.cell(WITHHELD)}))`,
    format: money.federal,
    bold: true,
    note: { text: 'The annualized income installment method (Form 2210, Schedule AI): federal tax only.' },
    name: PAYMENT,
  });
  g.figure({
    id: FLAT,
    ...onRow(np.flatRow),
    label: 'At the flat rate',
    value: (read) => {
      const ended = read.cell(PERIODS_ENDED);
      return `=IF(${ended}=0,"",MAX(0,${read.cell(RATE)}*MAX(0,INDEX(${profits(read)},${ended}))-${read.cell(PAID)}))`;
    },
    format: money.federal,
    note: { text: 'The tax set-aside rate times the profit so far, less what you paid.' },
    name: FLAT,
  });
};

/** What to pay by when, in words; one IF per case, joined at run time: the bundle keeps one clause a line for the Executions log. */
function paymentSentence(read: Reader, federal: string, date: string): string {
  const ended = read.cell(PERIODS_ENDED);
  const year = read.cell(YEAR);
  const nextDue = read.cell(NEXT_DUE);
  const payment = read.cell(PAYMENT);
  const flat = read.cell(FLAT);
  const dollars = (expression: string) => asText(expression, federal);
  // The document's date style, as the cells beside the sentence show dates.
  const longDate = (ref: string) => asText(ref, date);
  const periodEnd = `CHOOSE(${ended},${TAX_PERIODS.map((p) => `"${p.ends}"`).join(',')})`;
  const lastEndedDue = `CHOOSE(${ended},${TAX_PERIODS.map((_, i) => dueDate(read, i + 1)).join(',')})`;
  return [
    `=IF(${ended}=0,"No payment period of "&${year}&" has ended yet: the first, January 1 to March 31, is due "&${longDate(dueDate(read, 1))}&".",`,
    `IF(ISTEXT(${nextDue}),"The "&${year}&" payment dates are past; "&${read.shown(PAYMENT)}&" is still short by the annualized method: pay it with your return.",`,
    `IF(${payment}<=0,"Nothing more is due for the profit to "&${periodEnd}&": what you have paid covers it. The next date is "&${longDate(nextDue)}&". ",`,
    // Past the due date of the latest ended period, the next date (in the block above) is for a period still
    // running: what is short now was due then, and the penalty runs from that day.
    `IF(${read.cell(TODAY)}>${lastEndedDue},"Pay "&${read.shown(PAYMENT)}&" now for the profit to "&${periodEnd}&": it was due "&${longDate(lastEndedDue)}&". ",`,
    `"Pay "&${read.shown(PAYMENT)}&" by "&${longDate(nextDue)}&" for the profit to "&${periodEnd}&". "))&`,
    `IF(${flat}>=${payment},"The flat rate would ask "&${read.shown(FLAT)}&": paying on what you have earned keeps "&${dollars(`${flat}-${payment}`)}&" in your hands for now.",`,
    `"The flat rate would ask "&${read.shown(FLAT)}&", "&${dollars(`${payment}-${flat}`)}&" less: the federal tax on this profit is above your set-aside rate.")))`,
  ].join('');
}

/**
 * Outside the US: where the year's tax stands by the country's calendar. Today; the day after which payments count
 * for the year; the next due date; the tax deducted from the wages at source (JW_BOOKS_WITHHELD: PAYE in the UK,
 * payroll deductions in Canada, by TAX_ESTIMATE_UK / TAX_ESTIMATE_CA on the wages alone); the tax the projected
 * profit adds on top of them at the set-aside rate; what was paid; and in the UK and Canada the payments that bill
 * sets (PAYMENTS_ON_ACCOUNT_UK, INSTALMENTS_CA), spilled below.
 */
const countryPayment: BooksBlock = (g, books) => {
  const { money, country } = books;
  const onRow = (row: number) => ({ ...line, row });
  const year = (read: Reader) => read.cell(YEAR);
  const named = (read: Reader) => yearTextFormula(country, year(read));
  // Only the US has no payment calendar, and the US has its own block (the 1040-ES method above).
  const calendar = country.payments;
  if (!calendar) throw new Error(`Books in ${country.key} have no tax payment calendar`);
  const title = { uk: 'Self Assessment for the year', canada: 'CRA instalments for the year', elsewhere: 'Tax for the year' };
  g.heading(np.titleRow, np.labelColumn, { text: title[country.key as keyof typeof title] });
  todayInput(g, money);
  g.figure({
    id: PREVIOUS_DUE,
    ...onRow(np.statusRow),
    label: 'Payments for the year count after',
    value: (read) => `=${dueDateFormula(calendar.previous, year(read))}`,
    format: money.date,
    note: (read) =>
      country.key === 'uk'
        ? `="The year before's 2nd payment on account. A 31 January payment is the year before's balancing payment and "&${named(read)}&"'s 1st payment on account together: both years count it."`
        : `="Payments after it count for "&${named(read)}&"."`,
  });
  const dues = (read: Reader) => read.column(TAX_PERIODS_TABLE, 'due');
  g.figure({
    id: NEXT_DUE,
    ...onRow(np.priorTaxRow),
    label: 'Next payment due',
    value: (read) => {
      const next = `MINIFS(${dues(read)},${dues(read)},">="&${read.cell(TODAY)})`;
      return `=IF(${next}=0,"All "&${named(read)}&" dates are past",${next})`;
    },
    format: money.date,
    bold: true,
    name: NEXT_DUE,
  });
  const wages = (read: Reader) => read.cell(WAGES);
  const figures = (read: Reader) => figuresYearFormula(country, year(read));
  const atSource: Partial<Record<string, (read: Reader) => string>> = {
    uk: (read) => `TAX_ESTIMATE_UK(0,${figures(read)},IFERROR(JW_UK_REGION,"england"),${wages(read)})`,
    canada: (read) => `TAX_ESTIMATE_CA(0,${figures(read)},IFERROR(JW_PROVINCE_TAX_RATE,0),${wages(read)})`,
  };
  const source = atSource[country.key];
  g.input({
    id: WITHHELD,
    ...onRow(np.priorAgiRow),
    label: country.key === 'uk' ? 'Tax taken through PAYE this year' : 'Tax deducted from wages this year',
    value: source ? (read) => `=IF(N(${wages(read)})>0,${source(read)},0)` : { number: 0 },
    format: money.books,
    note: source
      ? (read) =>
          `="Default: the tax on "&${asText(wages(read), money.books)}&" of wages alone. Type your "&${named(read)}&" payslips' figure, with what is still to come."`
      : { text: 'Type the tax your employer withheld this year.' },
    name: WITHHELD,
  });
  g.figure({
    id: BILL,
    ...onRow(np.withholdingRow),
    label: 'Tax on the projected profit',
    value: (read) => `=MAX(0,${read.cell(PROJECTED_PROFIT)})*${read.cell(RATE)}`,
    format: money.books,
    note: { text: 'The set-aside rate times the profit projected for the year: the tax it adds on top of the wages.' },
  });
  g.figure({
    id: PAID,
    ...onRow(np.previousDueRow),
    label: `${country.taxPaidWords} for the year`,
    value: (read) => `=${read.total(TAX_PAID_BY_HAND, 'amount')}`,
    format: money.books,
    ...(calendar?.periods.some((p) => p.alsoFor) ? { note: { text: `${SHARED_PAYMENTS}.` } } : {}),
  });
  g.figure({
    id: PAYMENT,
    ...onRow(np.periodsEndedRow),
    label: 'Still to pay for the year',
    value: (read) => `=MAX(0,${read.cell(BILL)}-${read.cell(PAID)})`,
    format: money.books,
    bold: true,
    name: PAYMENT,
  });
  if (country.key === 'uk' || country.key === 'canada') {
    const uk = country.key === 'uk';
    g.input({
      id: LAST_YEAR_BILL,
      ...onRow(np.nextDueRow),
      label: uk ? 'Last year’s Self Assessment bill' : 'Last year’s net tax owing',
      value: { number: 0 },
      format: money.books,
      note: {
        text: uk
          ? 'From your last tax return: it sets this year’s payments on account (none under £1,000).'
          : 'From your last notice of assessment: instalments are due only above $3,000 this year and one of the two before.',
      },
    });
    // The payments the year's bill sets, spilled down from here into Q:S (Date, Payment, Amount): a header and four
    // (UK) or five (Canada) rows, the dates and amounts formatted ahead as the document shows them.
    const spillColumn = np.labelColumn - 1;
    const spillRows = uk ? 4 : 5;
    for (let i = 1; i <= spillRows; i++) {
      g.put(np.firstProfitRow + i, spillColumn, { cell: null, format: money.date });
      g.put(np.firstProfitRow + i, spillColumn + 2, { cell: null, format: money.books });
    }
    g.put(np.firstProfitRow, spillColumn, (read) =>
      uk
        ? `=PAYMENTS_ON_ACCOUNT_UK(${read.cell(BILL)},${read.cell(LAST_YEAR_BILL)},${figures(read)},0,${read.cell(WITHHELD)})`
        : `=INSTALMENTS_CA(${read.cell(BILL)},${read.cell(LAST_YEAR_BILL)},0,${figures(read)},"prior")`,
    );
  }
  g.sentence({
    id: 'JW_BOOKS_NEXT_PAYMENT_TEXT',
    row: np.sentenceRow,
    column: np.labelColumn,
    name: 'JW_BOOKS_NEXT_PAYMENT_TEXT',
    cell: (read) => {
      const next = read.cell(NEXT_DUE);
      const when = `IF(ISTEXT(${next}),${next}&".","Next date: "&${asText(next, money.date)}&".")`;
      return country.key !== 'elsewhere'
        ? `=${when}&" The "&${named(read)}&" tax on the projected profit is "&${read.shown(BILL)}&"; paid "&${read.shown(PAID)}&", "&${read.shown(PAYMENT)}&" still to pay."`
        : `="${PRODUCT_NAME} has no tax calendar for your country: ask your tax authority when payments fall due. At the set-aside rate the "&${named(read)}&" tax is "&${read.shown(BILL)}&"; paid "&${read.shown(PAID)}&"."`;
    },
  });
};

export const nextPayment: BooksBlock = (g, books) => {
  if (books.country.key !== 'us') {
    countryPayment(g, books);
    return;
  }
  g.heading(np.titleRow, np.labelColumn, { text: 'Next estimated tax payment (federal)' });
  inputs(g, books);
  calendar(g, books);
  payments(g, books);
  const sentence: Entry = (read) => paymentSentence(read, books.money.federal, books.money.date);
  g.sentence({
    id: 'JW_BOOKS_NEXT_PAYMENT_TEXT',
    row: np.sentenceRow,
    column: np.labelColumn,
    cell: sentence,
    name: 'JW_BOOKS_NEXT_PAYMENT_TEXT',
  });
};
