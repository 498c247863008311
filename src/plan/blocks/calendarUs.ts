/**
 * The US tax calendar: the four 1040-ES periods from the one holding the leave date, each with its due date
 * (NEXT_TAX_DUE) and the set-aside on its months, built up over the ramp as the runway counts them; then the safe
 * harbor that keeps the underpayment penalty away.
 */
import { type FilingStatus, STATUTE } from '../../finance/usTax/tables';
import { quoted, type Reader, type TableColumn } from '../../layout/grid';
import { FILING_STATUSES } from '../answers';
import { TAX_FIGURES_YEARS } from '../model';
import {
  clampTo,
  DETAIL,
  ITEM_ID,
  jointReturn,
  LABEL,
  LAST_MAIN,
  type MainBlock,
  PARTNER_WAGES,
  type PlanSheet,
  paymentFigures,
  rampedMonths,
  SALARY,
  shownAs,
  text,
  VALUE,
} from './common';

const TABLE = 'usCalendar';
/** The safe-harbor figure under the calendar: the sentence beside quotes it. */
export const US_SAFE_HARBOR = 'JW_SAFE_HARBOR';
const QUARTERLY_PAYMENTS = 4;
/**
 * Formula fragments for the 1040-ES periods (Jan-Mar, Apr-May, Jun-Aug, Sep-Dec): the period of a month as 1-4,
 * by comparisons rather than an array literal, whose separators differ between spreadsheet locales.
 */
const periodOf = (month: string): string => `(1+(${month}>=4)+(${month}>=6)+(${month}>=9))`;
/** The last month of each period, and the months from one period's end to the next's. */
const PERIOD_END_MONTHS = '3,5,8,12';
const MONTHS_TO_NEXT_PERIOD_END = '2,3,4,3';

/** The first day of a row's period (the leave month counts as a whole independent month), and its months. */
function periodOfRow(read: Reader, index: number): { from: string; end: string; months: string } {
  const end = read.cellOf(TABLE, 'periodEnd', index);
  const from = index === 0 ? read.cell('JW_LEAVE_DATE') : `(${read.cellOf(TABLE, 'periodEnd', index - 1)}+1)`;
  return { from, end, months: `((YEAR(${end})-YEAR(${from}))*12+MONTH(${end})-MONTH(${from})+1)` };
}

/** The months from the leave month to the end of row `index`'s period, both counted. */
function monthsOnOwn(read: Reader, index: number): string {
  const [leave, end] = [read.cell('JW_LEAVE_DATE'), read.cellOf(TABLE, 'periodEnd', index)];
  return `(YEAR(${end})-YEAR(${leave}))*12+MONTH(${end})-MONTH(${leave})+1`;
}

export const calendarUs: MainBlock = (g, sheet, row) => {
  const { formats } = sheet;
  const heading = row + 1;
  g.heading(heading, LABEL, (read) => `="Quarterly tax payments from "&${shownAs(formats, read.cell('JW_LEAVE_DATE'), 'date')}`, {
    fillThrough: LAST_MAIN,
    note: text(
      'Estimated tax (Form 1040-ES): due date and amount, the set-aside on each period’s earnings as they build up over your ramp months',
    ),
  });
  const columns: TableColumn[] = [
    {
      key: 'incomeOf',
      header: 'Income of',
      cell:
        ({ index }) =>
        (read) => {
          const { from, end, months } = periodOfRow(read, index);
          return `=TEXT(${from},"mmm yyyy")&IF(${months}>1," to "&TEXT(${end},"mmm yyyy"),"")&" ("&${months}&IF(${months}=1," month)"," months)")`;
        },
    },
    {
      key: 'due',
      header: 'Due',
      // One NEXT_TAX_DUE call asks for the four due dates (the day after each period's end) and spills them down:
      // one execution on Sheets rather than four.
      cell: ({ index }) => ({
        cell: index === 0 ? (read) => `=NEXT_TAX_DUE(ARRAYFORMULA(${read.column(TABLE, 'periodEnd')}+1))` : null,
        format: formats.date,
      }),
    },
    {
      key: 'amount',
      header: 'Amount',
      cell: ({ index }) => ({
        // The set-aside on the period's earnings, built up over the ramp as the runway counts them: the months from
        // the leave month to the period's end, less those to the previous period's end.
        cell: (read) => {
          const earned = (upTo: number) => rampedMonths(read, monthsOnOwn(read, upTo));
          const months = index === 0 ? earned(0) : `(${earned(index)}-${earned(index - 1)})`;
          return `=${read.cell('JW_TAX_RATE')}*${read.cell('JW_EXPECTED_MONTHLY')}*${months}`;
        },
        format: formats.money,
      }),
    },
    { key: 'periodEndHeader', header: 'Period ends' },
    {
      key: 'periodEnd',
      // Each row is one 1040-ES period: the first is the period holding the leave date, then the next three.
      cell: ({ index }) => ({
        cell: (read) => {
          if (index === 0) {
            const leave = read.cell('JW_LEAVE_DATE');
            return `=EOMONTH(DATE(YEAR(${leave}),CHOOSE(${periodOf(`MONTH(${leave})`)},${PERIOD_END_MONTHS}),1),0)`;
          }
          const previous = read.cellOf(TABLE, 'periodEnd', index - 1);
          return `=EOMONTH(${previous},CHOOSE(${periodOf(`MONTH(${previous})`)},${MONTHS_TO_NEXT_PERIOD_END}))`;
        },
        format: formats.date,
      }),
    },
  ];
  const table = g.table({
    id: TABLE,
    row: heading + 1,
    column: LABEL,
    rows: QUARTERLY_PAYMENTS,
    columns,
    headerStyle: { bold: true },
  });
  if (table.columnOf('periodEnd') !== ITEM_ID || table.columnOf('amount') !== DETAIL || table.columnOf('due') !== VALUE) {
    throw new Error('The US calendar no longer lines up with the main flow');
  }
  g.put(
    table.lastRow + 1,
    LABEL,
    (read) => {
      const leave = read.cell('JW_LEAVE_DATE');
      return `=IF(MONTH(${leave})=1,"You leave in January: every month of "&YEAR(${leave})&" is independent.","Until you leave, your job withholds tax from your wages: January to "&TEXT(EDATE(${leave},-1),"mmmm yyyy")&" are covered that way.")`;
    },
    'usCalendarNote',
  );
  safeHarbor(g, sheet, table.lastRow + 2);
  return table.lastRow + 5;
};

const { safeHarborCurrentYearShare, safeHarborPriorYearShare, safeHarborHighIncomePriorYearShare, safeHarborHighIncomeAgi } =
  STATUTE;
const percent = (share: number) => `${Math.round(share * 100)}%`;
const dollars = (n: number) => `$${n.toLocaleString('en-US')}`;
/** Last year's tax on the wages: the jobs withheld it. */
const LAST_YEAR_TAX = 'usLastYearTax';

/**
 * The AGI above which the safe harbor asks 110% of last year's tax, for a filing status cell (words or short value,
 * as TAX_RATE_US reads it): the statute's figure for each status, from STATUTE.
 */
function highIncomeAgi(status: string): string {
  const base = safeHarborHighIncomeAgi.single;
  const others = (Object.keys(safeHarborHighIncomeAgi) as FilingStatus[]).filter((k) => safeHarborHighIncomeAgi[k] !== base);
  return others.reduceRight(
    (otherwise, k) =>
      `IF(OR(${status}=${quoted(FILING_STATUSES[k])},${status}=${quoted(k)}),${safeHarborHighIncomeAgi[k]},${otherwise})`,
    String(base),
  );
}

/**
 * The safe harbor of the leave year (IRC 6654(d)(1); IRS Form 1040-ES instructions, "Who Must Pay Estimated Tax",
 * and Publication 505, "Estimated Tax for Higher Income Taxpayers"): no underpayment penalty once withholding and
 * estimated payments reach 100% of last year's tax (110% when last year's AGI was over $150,000, also on a joint
 * return; $75,000 married filing separately), or 90% of this year's if less. Last year the person worked the job
 * all year: its tax is TAX_ESTIMATE_US on the salary (federal only, as the safe harbor is), which the job withheld.
 * On a joint return last year's tax is the return's, on both wages (the partner's taken as this year's), and the
 * partner's withholding counts towards it as well (Pub 505: a joint return's payments are the couple's); their AGI
 * is both wages. One Jumpwise cell, no nested call (a call inside another's arguments waits for it: a round more on
 * Sheets); the 100% or 110% is Sheets' arithmetic on the statute's figures (SAFE_HARBOR's rule).
 */
function safeHarbor(g: Parameters<MainBlock>[0], sheet: PlanSheet, row: number): void {
  const estimate = sheet.tax.system === 'us_estimate';
  const status = (read: Reader) =>
    estimate ? read.cell('JW_FILING_STATUS') : quoted(FILING_STATUSES[sheet.answers.filingStatus]);
  const joint = (read: Reader) => jointReturn(status(read));
  g.put(
    row,
    LABEL,
    (read) =>
      `=IF(${joint(read)},"Last year's federal tax on both your wages (joint return)","Last year's federal tax on your salary")`,
    'usLastYearTaxLabel',
  );
  g.figure({
    id: LAST_YEAR_TAX,
    row,
    column: VALUE,
    value: (read) => {
      const year = clampTo([TAX_FIGURES_YEARS.first, TAX_FIGURES_YEARS.last], `YEAR(${read.cell('JW_LEAVE_DATE')})-1`);
      // TAX_ESTIMATE_US counts the partner's wages only on a joint return.
      return `=TAX_ESTIMATE_US(0,${status(read)},${year},0,${read.cell(SALARY)},${read.cell(PARTNER_WAGES)})`;
    },
    format: sheet.formats.money,
  });
  g.figure({
    id: US_SAFE_HARBOR,
    row: row + 1,
    column: VALUE,
    label: 'Safe harbor for the leave year',
    value: (read) => {
      const [salary, lastYear] = [read.cell(SALARY), read.cell(LAST_YEAR_TAX)];
      const agi = `(${salary}+IF(${joint(read)},${read.cell(PARTNER_WAGES)},0))`;
      return `=IF(${agi}>${highIncomeAgi(status(read))},${safeHarborHighIncomePriorYearShare},${safeHarborPriorYearShare})*${lastYear}`;
    },
    format: sheet.formats.money,
    bold: true,
  });
  const agi = safeHarborHighIncomeAgi;
  g.put(
    row + 2,
    LABEL,
    (read) => {
      const leaveYear = `YEAR(${read.cell('JW_LEAVE_DATE')})`;
      const isJoint = joint(read);
      return `="No underpayment penalty for "&${leaveYear}&", however it turns out, once "&IF(${isJoint},"your and your partner's withholding","your job's withholding")&" and these payments reach "&${shownAs(sheet.formats, read.cell(US_SAFE_HARBOR), 'money')}&" by the January payment after it: ${percent(safeHarborPriorYearShare)} of last year's tax on "&IF(${isJoint},"both your wages on your joint return (taken as your salary and your partner's wages above)","your salary")&" (${percent(safeHarborHighIncomePriorYearShare)} when that income passed ${dollars(agi.single)}, ${dollars(agi.married_separate)} married filing separately). ${percent(safeHarborCurrentYearShare)} of this year's tax is enough when that is less (Form 1040-ES)."`;
    },
    'usSafeHarborNote',
  );
}

/** The first and the largest quarterly payments. */
export const US_PAYMENTS = paymentFigures(TABLE);
export const usFirstDetail = (read: Reader, sheet: PlanSheet): string =>
  `="The first quarterly payment (Form 1040-ES) on your own, due "&${shownAs(sheet.formats, read.cell('JW_FIRST_TAX_DATE'), 'date')}&": it covers the months you are building up to full earnings"`;
export const usLargestDetail = (read: Reader, sheet: PlanSheet): string =>
  `="The largest quarterly payment (Form 1040-ES), due "&${shownAs(sheet.formats, read.cell('JW_LARGEST_TAX_DATE'), 'date')}`;
