/**
 * The UK and Canadian calendars, one shape for both: the tax workings under the runway fan (the first year's income,
 * the tax at source, both years' bills, the country's calendar function on each, and the registration figure the
 * checklist quotes), and the payment rows of the main flow quoting their amounts. The functions are given the real
 * tax years (a year after Jumpwise's tables is estimated with the latest figures, and the workings say so), so the
 * workings and the rows agree on every date; they list only payments from the first bill on, none before the person
 * is on their own. What differs by country is a CountryCalendar (src/plan/blocks/calendarUk.ts, calendarCanada.ts).
 */
import { a1, type Content, columnLetters, type Reader, type TableColumn } from '../../layout/grid';
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
  paymentFigures,
  RISK_MONTHS,
  rampedMonths,
  shownAs,
  text,
  WAGES,
} from './common';

/**
 * The UK and Canadian tax workings under the runway fan: the bills behind the tax calendar, and the calendar
 * functions' own tables, which the calendar rows of the main flow quote.
 */
export const WORK = FAN;
export const WORK_ROW = FAN_ROW + RISK_MONTHS + 3;
/**
 * The rows of the workings: the first year's income, then TAX_CALENDAR_UK's or TAX_CALENDAR_CA's table (a header,
 * three figures, then the payments in date order: 4 rows in the UK, 6 in Canada).
 */
const WORK_CALENDAR = WORK_ROW + 3;
const WORK_CALENDAR_FIGURES = 3;
/** The most payment rows a country's calendar has (Canada's): the registration row sits below them on every plan. */
const MOST_PAYMENT_ROWS = 6;
/** Under the calendar's table, a row apart: the country's registration figure the checklist quotes. */
const WORK_REGISTRATION = WORK_CALENDAR + 1 + WORK_CALENDAR_FIGURES + MOST_PAYMENT_ROWS + 1;

const CALENDAR = 'taxCalendar';
const TABLE = 'countryCalendar';

/** What a payment row's formulas are made of, given the workings: year(0) is the leave tax year. */
export interface Workings {
  year(offset: number): string;
  /** The amount of payment r (1-based) of the calendar function's payments, in date order. */
  amountIn(r: number): string;
}
/** A payment row's formulas, each built only when its cell is written, so a cell reads only what its own formula reads. */
export interface PaymentRow {
  due: () => string;
  /** The payment's words, given its own amount cell. */
  payment: (amount: string) => string;
  amount: () => string;
}

/** What a country's calendar says and calls. */
export interface CountryCalendar {
  workingsTitle: string;
  /**
   * The country's calendar function: given the first year's income, its tax year, the input that says where,
   * the wages, a full year's income and the second year, it spills the tax at source, both years' bills and then
   * `paymentRows` payments (date, words, amount) in date order.
   */
  calendarFunction: string;
  paymentRows: number;
  place: string;
  years: readonly number[];
  incomeLabel: string;
  /** The months of the first (part) tax year on your own, from the leave month to the year's end, without "=". */
  monthsInFirstYear: (read: Reader) => string;
  registration: { id: string; label: string; value: Content; format: FormatName };
  headingNote: string;
  rows: (w: Workings) => PaymentRow[];
  /** What the first tax payment's key number says of it. */
  firstDetail: (w: Workings) => string;
  closingNote: (workings: string) => string;
}

const taxYear = (read: Reader) => read.cell('JW_TAX_YEAR');
/** The tax year `offset` years after the leave tax year, as a formula. */
export const yearAfter = (read: Reader, offset: number): string =>
  offset === 0 ? taxYear(read) : `(${taxYear(read)}+${offset})`;
/** The payments follow the calendar's three figures: payment r is that many rows below the call. */
const workingsOf = (read: Reader): Workings => ({
  year: (offset) => yearAfter(read, offset),
  amountIn: (r) => read.spill(CALENDAR, WORK_CALENDAR_FIGURES + r, 2),
});
/** The leave tax year, and the one after it, in the years Jumpwise has figures for (the set-aside rate's figures). */
export const figuresYear = (read: Reader, country: CountryCalendar, offset: 0 | 1): string =>
  clampTo(country.years, offset === 0 ? taxYear(read) : `${taxYear(read)}+1`);

/**
 * The first tax year's profit or net income: the months on your own in it, built up over the ramp as the runway
 * counts them (rampedMonths: month t of the ramp earns t/(ramp+1) of an expected month), so a first year that is
 * mostly ramp is taxed, and its bill and payments set, on what those months bring.
 */
const firstYearIncome = (read: Reader, country: CountryCalendar): string =>
  `${read.cell('JW_EXPECTED_MONTHLY')}*${rampedMonths(read, country.monthsInFirstYear(read))}`;
/** The second tax year's: its twelve months after the first year's, the rest of a ramp longer than the first year included. */
const secondYearIncome = (read: Reader, country: CountryCalendar): string => {
  const first = country.monthsInFirstYear(read);
  return `${read.cell('JW_EXPECTED_MONTHLY')}*(${rampedMonths(read, `${first}+12`)}-${rampedMonths(read, first)})`;
};

function workings(g: Parameters<MainBlock>[0], sheet: PlanSheet, country: CountryCalendar): void {
  const { formats } = sheet;
  g.heading(WORK_ROW, WORK, text(country.workingsTitle), { fillThrough: WORK + 2 });
  g.figure({
    id: FIRST_YEAR_INCOME,
    row: WORK_ROW + 1,
    column: WORK + 1,
    label: country.incomeLabel,
    value: (read) => `=${firstYearIncome(read, country)}`,
    format: formats.money,
  });
  // One call gives the tax at source, both years' bills and the payments they set: the bills and their payments
  // come back in the same execution on Sheets, not one round after the other. It is given the real tax years, so its
  // dates and words are those of the years the person lives through; it takes the nearest figures itself.
  g.figure({
    id: CALENDAR,
    row: WORK_CALENDAR,
    column: WORK,
    bold: true,
    value: (read) =>
      `=${country.calendarFunction}(${read.cell(FIRST_YEAR_INCOME)},${yearAfter(read, 0)},${read.cell(country.place)},${read.cell(WAGES)},${secondYearIncome(read, country)},${yearAfter(read, 1)})`,
  });
  for (let r = 1; r <= WORK_CALENDAR_FIGURES + country.paymentRows; r++) {
    g.put(WORK_CALENDAR + r, WORK, { cell: null, format: formats.date }, CALENDAR);
    g.put(WORK_CALENDAR + r, WORK + 2, { cell: null, format: formats.money }, CALENDAR);
  }
  // The payments' words (a Canadian instalment says why none is required) wrap in their column rather than being cut
  // by the amounts beside them; so does the registration figure's label, its law cited.
  sheet.extras.wrapRanges.push(
    `${a1(WORK_CALENDAR + 1, WORK + 1)}:${a1(WORK_CALENDAR + WORK_CALENDAR_FIGURES + country.paymentRows, WORK + 1)}`,
    a1(WORK_REGISTRATION, WORK),
  );
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
    g.heading(heading, LABEL, (read) => `="Tax payments from "&${shownAs(sheet.formats, read.cell('JW_LEAVE_DATE'), 'date')}`, {
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
        cell: ({ index }) => ({ cell: (read) => `=${rowOf(read, index).due()}`, format: sheet.formats.date }),
      },
      {
        key: 'amount',
        header: 'Amount',
        cell: ({ index }) => ({ cell: (read) => `=${rowOf(read, index).amount()}`, format: sheet.formats.money }),
      },
    ];
    const table = g.table({ id: TABLE, row: heading + 1, column: LABEL, rows: count, columns, headerStyle: { bold: true } });
    // A payment's words ("Balancing payment 2027/28 + 1st payment on account 2028/29") are longer than the label
    // column, and the due date beside them would cut them off: they wrap within it.
    sheet.extras.wrapRanges.push(`${a1(table.firstRow, LABEL)}:${a1(table.lastRow, LABEL)}`);
    g.put(table.lastRow + 1, LABEL, text(country.closingNote(`${columnLetters(WORK)}${WORK_ROW}`)));
    return table.lastRow + 2;
  };
}

/** The first and the largest payment: read off the calendar rows. */
export const countryPayments = paymentFigures(TABLE);
export const countryDetails = (country: CountryCalendar) => ({
  JW_FIRST_TAX_PAYMENT: (read: Reader) => `=${country.firstDetail(workingsOf(read))}`,
  JW_LARGEST_TAX_PAYMENT: (read: Reader, sheet: PlanSheet) =>
    `="The largest payment in the tax calendar below, due "&${shownAs(sheet.formats, read.cell('JW_LARGEST_TAX_DATE'), 'date')}`,
});
