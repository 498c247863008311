/**
 * The US tax calendar: the four 1040-ES periods from the one holding the leave date, each with its due date
 * (NEXT_TAX_DUE) and the set-aside on its months; the largest is the first big payment.
 */
import type { Reader, TableColumn } from '../../layout/grid';
import {
  DETAIL,
  ITEM_ID,
  LABEL,
  LAST_MAIN,
  type MainBlock,
  type PlanSheet,
  shownAs,
  type TaxFigure,
  text,
  VALUE,
} from './common';

const TABLE = 'usCalendar';
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
  const from = index === 0 ? read.cell('LEAP_LEAVE_DATE') : `(${read.cellOf(TABLE, 'periodEnd', index - 1)}+1)`;
  return { from, end, months: `((YEAR(${end})-YEAR(${from}))*12+MONTH(${end})-MONTH(${from})+1)` };
}

export const calendarUs: MainBlock = (g, sheet, row) => {
  const { formats } = sheet;
  const heading = row + 1;
  g.heading(
    heading,
    LABEL,
    (read) => `="Quarterly tax payments from "&${shownAs(formats, read.cell('LEAP_LEAVE_DATE'), 'date')}`,
    {
      fillThrough: LAST_MAIN,
      note: text('Estimated tax (Form 1040-ES): due date and amount'),
    },
  );
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
        cell: (read) => `=${read.cell('LEAP_TAX_RATE')}*${read.cell('LEAP_EXPECTED_MONTHLY')}*${periodOfRow(read, index).months}`,
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
            const leave = read.cell('LEAP_LEAVE_DATE');
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
      const leave = read.cell('LEAP_LEAVE_DATE');
      return `=IF(MONTH(${leave})=1,"You leave in January: every month of "&YEAR(${leave})&" is independent.","Until you leave, your job withholds tax from your wages: January to "&TEXT(EDATE(${leave},-1),"mmmm yyyy")&" are covered that way.")`;
    },
    'usCalendarNote',
  );
  return table.lastRow + 2;
};

/** The first big payment in the US: the largest quarterly payment, the earliest if two are equal. */
export const US_FIRST_BIG: Pick<
  Record<TaxFigure, (read: Reader, sheet: PlanSheet) => string>,
  'LEAP_FIRST_BIG_TAX_PAYMENT' | 'LEAP_FIRST_BIG_TAX_DATE'
> = {
  LEAP_FIRST_BIG_TAX_PAYMENT: (read) => `=MAX(${read.column(TABLE, 'amount')})`,
  LEAP_FIRST_BIG_TAX_DATE: (read) => {
    const amounts = read.column(TABLE, 'amount');
    // The due dates with the "Due" header above them: a range that is exactly NEXT_TAX_DUE's spill, read while the
    // spill is an error (text typed over an input), makes HyperFormula (the emulator) throw instead of giving it.
    const dues = read.column(TABLE, 'due', -1);
    const firstDue = read.cellOf(TABLE, 'due', 0);
    // Until NEXT_TAX_DUE's spill is in, its cell shows "Loading..." (or its error) and the cells below are empty:
    // the date shows what that cell shows rather than an empty cell the spill has not reached yet.
    return `=IF(ISNUMBER(${firstDue}),INDEX(${dues},1+MATCH(MAX(${amounts}),${amounts},0)),${firstDue})`;
  },
};
export const usFirstBigDetail = (read: Reader, sheet: PlanSheet): string =>
  `="The largest quarterly payment (Form 1040-ES), due "&${shownAs(sheet.formats, read.cell('LEAP_FIRST_BIG_TAX_DATE'), 'date')}`;
