/**
 * The UK and Canadian calendars, one shape for both: the tax workings under the runway fan (the first year's income,
 * the tax at source, both years' bills, the country's calendar function on each, and the registration figure the
 * checklist quotes), and the payment rows of the main flow quoting their amounts. The functions take only the years
 * Leap has figures for, so the rows' dates and words follow the leave date itself (the due days are the same every
 * year). What differs by country is a CountryCalendar (src/plan/blocks/calendarUk.ts, calendarCanada.ts).
 */
import { type Content, columnLetters, type Reader, type TableColumn } from '../../layout/grid';
import {
  clampTo,
  FAN,
  FAN_ROW,
  FIRST_YEAR_INCOME,
  type FormatName,
  LABEL,
  LAST_MAIN,
  type MainBlock,
  type PlanSheet,
  RISK_MONTHS,
  shownAs,
  type TaxFigure,
  text,
  WAGES,
} from './common';

/**
 * The UK and Canadian tax workings under the runway fan: the bills behind the tax calendar, and the calendar
 * functions' own tables, which the calendar rows of the main flow quote.
 */
export const WORK = FAN;
export const WORK_ROW = FAN_ROW + RISK_MONTHS + 3;
/** The rows of the workings: four figures, then the first year's table, then the second's. */
const WORK_FIGURES = 4;
const WORK_FIRST_TABLE = WORK_ROW + WORK_FIGURES + 2;
const WORK_SECOND_TABLE = WORK_FIRST_TABLE + 7;
/** Under the second table (a heading and five rows): the country's registration figure the checklist quotes. */
const WORK_REGISTRATION = WORK_SECOND_TABLE + 7;

const TAX_AT_SOURCE = 'taxAtSource';
const FIRST_YEAR_BILL = 'firstYearBill';
const SECOND_YEAR_BILL = 'secondYearBill';
const PAYMENTS = ['firstYearPayments', 'secondYearPayments'] as const;
const TABLE = 'countryCalendar';

/** What a payment row's formulas are made of, given the workings: year(0) is the leave tax year. */
export interface Workings {
  year(offset: number): string;
  /** Row r (1-based) of the payments table of the first (0) or second (1) year. */
  amountIn(table: 0 | 1, r: number): string;
}
export interface PaymentRow {
  due: string;
  /** The payment's words, given its own amount cell. */
  payment: (amount: string) => string;
  amount: string;
}

/** What a country's calendar says and calls. */
export interface CountryCalendar {
  workingsTitle: string;
  /** The country's estimate function, its calendar function on a bill, and the input that says where. */
  estimate: string;
  payments: (bill: string, previousBill: string, figuresYear: string, atSourceBefore: string, atSource: string) => string;
  paymentRows: number;
  place: string;
  years: readonly number[];
  labels: { income: string; atSource: string; firstBill: string; secondBill: string };
  /** The profit or net income of the first year, without "=". */
  firstYearIncome: (read: Reader) => string;
  registration: { id: string; label: string; value: Content; format: FormatName };
  headingNote: string;
  rows: (w: Workings) => PaymentRow[];
  /** Which payment row (0-based) is the first big payment, and what the key number says of it. */
  firstBigRow: number;
  firstBigDetail: (w: Workings) => string;
  closingNote: (workings: string) => string;
}

const taxYear = (read: Reader) => read.cell('LEAP_TAX_YEAR');
export const workingsOf = (read: Reader): Workings => ({
  year: (offset) => (offset === 0 ? taxYear(read) : `(${taxYear(read)}+${offset})`),
  amountIn: (table, r) => read.spill(PAYMENTS[table], r, 2),
});
/** The leave tax year, and the one after it, in the years Leap has figures for. */
export const figuresYear = (read: Reader, country: CountryCalendar, offset: 0 | 1): string =>
  clampTo(country.years, offset === 0 ? taxYear(read) : `${taxYear(read)}+1`);

function workings(g: Parameters<MainBlock>[0], sheet: PlanSheet, country: CountryCalendar): void {
  const { formats } = sheet;
  g.heading(WORK_ROW, WORK, text(country.workingsTitle), { fillThrough: WORK + 2 });
  const figure = (i: number, id: string, label: string, value: (read: Reader) => string) => {
    g.figure({ id, row: WORK_ROW + i, column: WORK + 1, label, value, format: formats.money });
  };
  const fn = country.estimate;
  const place = (read: Reader) => read.cell(country.place);
  const [first, second] = [(read: Reader) => figuresYear(read, country, 0), (read: Reader) => figuresYear(read, country, 1)];
  const expected = (read: Reader) => read.cell('LEAP_EXPECTED_MONTHLY');
  figure(1, FIRST_YEAR_INCOME, country.labels.income, (read) => `=${country.firstYearIncome(read)}`);
  figure(2, TAX_AT_SOURCE, country.labels.atSource, (read) => `=${fn}(0,${first(read)},${place(read)},${read.cell(WAGES)})`);
  figure(
    3,
    FIRST_YEAR_BILL,
    country.labels.firstBill,
    (read) =>
      `=${fn}(${read.cell(FIRST_YEAR_INCOME)},${first(read)},${place(read)},${read.cell(WAGES)})-${read.cell(TAX_AT_SOURCE)}`,
  );
  figure(
    4,
    SECOND_YEAR_BILL,
    country.labels.secondBill,
    (read) => `=${fn}(12*${expected(read)},${second(read)},${place(read)},0)`,
  );
  [WORK_FIRST_TABLE, WORK_SECOND_TABLE].forEach((row, i) => {
    g.figure({
      id: PAYMENTS[i],
      row,
      column: WORK,
      bold: true,
      value: (read) =>
        i === 0
          ? `=${country.payments(read.cell(FIRST_YEAR_BILL), '0', first(read), '0', read.cell(TAX_AT_SOURCE))}`
          : `=${country.payments(read.cell(SECOND_YEAR_BILL), read.cell(FIRST_YEAR_BILL), second(read), read.cell(TAX_AT_SOURCE), '0')}`,
    });
    for (let r = 1; r <= country.paymentRows; r++) {
      g.put(row + r, WORK, { cell: null, format: formats.date }, PAYMENTS[i]);
      g.put(row + r, WORK + 2, { cell: null, format: formats.money }, PAYMENTS[i]);
    }
  });
  const { registration } = country;
  g.figure({
    id: registration.id,
    row: WORK_REGISTRATION,
    column: WORK + 1,
    label: registration.label,
    value: registration.value,
    format: formats[registration.format],
  });
}

/** The calendar block of a country: its workings beside the fan, and its payment rows in the main flow. */
export function countryCalendarBlock(country: CountryCalendar): MainBlock {
  return (g, sheet, row) => {
    workings(g, sheet, country);
    const heading = row + 1;
    g.heading(heading, LABEL, (read) => `="Tax payments from "&${shownAs(sheet.formats, read.cell('LEAP_LEAVE_DATE'), 'date')}`, {
      fillThrough: LAST_MAIN,
      note: text(country.headingNote),
    });
    const rowOf = (read: Reader, index: number) => country.rows(workingsOf(read))[index];
    // How many rows: the rows' words are formulas of the workings, but not their count.
    const count = country.rows({ year: () => '', amountIn: () => '' }).length;
    const columns: TableColumn[] = [
      {
        key: 'payment',
        header: 'Payment',
        cell:
          ({ index }) =>
          (read) =>
            `=${rowOf(read, index).payment(read.cellOf(TABLE, 'amount', index))}`,
      },
      {
        key: 'due',
        header: 'Due',
        cell: ({ index }) => ({ cell: (read) => `=${rowOf(read, index).due}`, format: sheet.formats.date }),
      },
      {
        key: 'amount',
        header: 'Amount',
        cell: ({ index }) => ({ cell: (read) => `=${rowOf(read, index).amount}`, format: sheet.formats.money }),
      },
    ];
    const table = g.table({ id: TABLE, row: heading + 1, column: LABEL, rows: count, columns, headerStyle: { bold: true } });
    g.put(table.lastRow + 1, LABEL, text(country.closingNote(`${columnLetters(WORK)}${WORK_ROW}`)));
    return table.lastRow + 2;
  };
}

/** The first big payment: one row of the calendar. */
export function countryFirstBig(
  country: CountryCalendar,
): Pick<Record<TaxFigure, (read: Reader) => string>, 'LEAP_FIRST_BIG_TAX_PAYMENT' | 'LEAP_FIRST_BIG_TAX_DATE'> {
  return {
    LEAP_FIRST_BIG_TAX_PAYMENT: (read) => `=${read.cellOf(TABLE, 'amount', country.firstBigRow)}`,
    LEAP_FIRST_BIG_TAX_DATE: (read) => `=${read.cellOf(TABLE, 'due', country.firstBigRow)}`,
  };
}
export const countryFirstBigDetail = (country: CountryCalendar) => (read: Reader) =>
  `=${country.firstBigDetail(workingsOf(read))}`;
