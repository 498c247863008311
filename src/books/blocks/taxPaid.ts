/**
 * Estimated tax paid for the year (Form 1040-ES): one row per period from the Ledger's Tax payment rows, then rows
 * the person fills for payments made elsewhere, and the year's total.
 */
import { a1, INPUT_FILL, quoted, type Reader } from '../../layout/grid';
import { dueDateFormula, yearTextFormula } from '../country';
import { periodCount, taxPaidKey } from './byCategory';
import {
  BOOKS,
  type BooksBlock,
  BY_CATEGORY,
  PERIOD_FORMAT,
  PREVIOUS_DUE,
  TAX_PAID_BY_HAND,
  TAX_PERIODS_TABLE,
  YEAR,
} from './common';

const tp = BOOKS.taxPayments;

/** Beside a total that holds payments the year next to it also counts (the UK's 31 January). */
export const SHARED_PAYMENTS = 'Counts each 31 January payment in full; the year next to it counts it too';

/** The day a period's payments start after: last year's final due date, or the previous period's. */
const dayBefore = (read: Reader, index: number) =>
  index === 0 ? read.cell(PREVIOUS_DUE) : read.cellOf(TAX_PERIODS_TABLE, 'due', index - 1);

/**
 * The tax paid for the year, by the country's calendar: the US 1040-ES periods (TAX_DUE_DATES, weekends and
 * holidays moved), the UK's payments on account and balancing payment, Canada's instalments and balance; elsewhere
 * the year's payments in one row. Its rows sit above the rows typed by hand, whose total stays on one row.
 */
export const taxPaid: BooksBlock = (g, books) => {
  const { money, country } = books;
  const tax = country.key === 'us' ? money.federal : money.books;
  const periods = periodCount(books);
  const calendar = country.payments;
  g.heading(
    tp.titleRow,
    tp.dateColumn,
    (read) =>
      `=${quoted(`${country.taxPaidWords} for `)}&${yearTextFormula(country, read.cell(YEAR))}&${quoted(` ${country.taxPaidTitle}`)}`,
  );
  g.table({
    id: TAX_PERIODS_TABLE,
    row: tp.headerRow,
    column: tp.dateColumn,
    rows: periods,
    columns: [
      {
        key: 'due',
        header: 'Date',
        // The US: TAX_DUE_DATES spills the four due dates down from the first row. Elsewhere the dates are fixed
        // by statute (src/books/country.ts), native formulas.
        cell: ({ index }) =>
          calendar
            ? { cell: (read) => `=${dueDateFormula(calendar.periods[index], read.cell(YEAR))}`, format: money.date }
            : index === 0
              ? { cell: (read) => `=TAX_DUE_DATES(${read.cell(YEAR)})`, format: money.date }
              : { cell: null, format: money.date },
      },
      {
        key: 'period',
        header: calendar ? 'Payment' : 'Period',
        cell: ({ index }) =>
          calendar ? { text: calendar.periods[index].name } : { cell: { number: index + 1 }, format: PERIOD_FORMAT },
      },
      {
        key: 'amount',
        header: 'Amount',
        cell: ({ index }) => ({
          cell: (read) => `=SUM(${read.column(BY_CATEGORY, taxPaidKey(index + 1))})`,
          format: tax,
        }),
      },
      {
        key: 'note',
        header: 'Note',
        cell:
          ({ index }) =>
          (read) => {
            const alsoFor = calendar?.periods[index].alsoFor;
            const other =
              alsoFor &&
              yearTextFormula(country, `(${read.cell(YEAR)}${alsoFor.yearsAfter > 0 ? '+' : ''}${alsoFor.yearsAfter})`);
            const shared = alsoFor ? `&". "&${other}&${quoted(`'s ${alsoFor.name} too`)}` : '';
            return `="Ledger rows of kind Tax payment, "&TEXT(${dayBefore(read, index)}+1,${quoted(money.date)})&" to "&TEXT(${read.cellOf(TAX_PERIODS_TABLE, 'due', index)},${quoted(money.date)})${shared}`;
          },
      },
    ],
  });
  // The rows typed by hand fill the rest down to the total's row, whatever the number of periods.
  const handTitleRow = tp.firstPeriodRow + periods;
  const firstHand = handTitleRow + 1;
  g.heading(handTitleRow, tp.dateColumn, { text: 'Paid another way: type the date, amount and a note' });
  const byHand = g.table({
    id: TAX_PAID_BY_HAND,
    row: firstHand,
    column: tp.dateColumn,
    rows: tp.totalRow - firstHand,
    columns: [
      {
        key: 'date',
        cell: () => ({ cell: null, format: money.date, fill: INPUT_FILL }),
        total: (read) => `="Paid for "&${yearTextFormula(country, read.cell(YEAR))}`,
      },
      {
        key: 'period',
        cell: ({ row }) => ({
          cell: (read) => {
            const date = read.inRow(TAX_PAID_BY_HAND, 'date', row, 'column');
            const year = yearTextFormula(country, read.cell(YEAR));
            const lastDue = read.cellOf(TAX_PERIODS_TABLE, 'due', periods - 1);
            return `=IF(${date}="","",IF(${date}<=${read.cell(PREVIOUS_DUE)},"Before "&${year},IF(${date}>${lastDue},"After "&${year},COUNTIF(${read.column(TAX_PERIODS_TABLE, 'due')},"<"&${date})+1)))`;
          },
          format: PERIOD_FORMAT,
        }),
        total: { cell: null, bold: false },
      },
      {
        key: 'amount',
        cell: () => ({ cell: null, format: tax, fill: INPUT_FILL }),
        // Rows typed with a date outside the year's periods show "Before"/"After" and are left out of the total.
        total: {
          cell: (read) =>
            `=SUM(${read.columnA1(TAX_PERIODS_TABLE, 'amount')})+SUMIFS(${read.columnA1(TAX_PAID_BY_HAND, 'amount')},${read.columnA1(TAX_PAID_BY_HAND, 'period')},">=1")`,
          format: tax,
        },
      },
      {
        key: 'note',
        cell: () => ({ cell: null, fill: INPUT_FILL }),
        // Beside the total: a payment shared with the year next to this one is in both years' totals.
        total: calendar?.periods.some((p) => p.alsoFor)
          ? { cell: { text: SHARED_PAYMENTS }, bold: false }
          : { cell: null, bold: false },
      },
    ],
  });
  g.name('JW_BOOKS_TAX_PAID', a1(byHand.totalRow ?? tp.totalRow, byHand.columnOf('amount')));
};
