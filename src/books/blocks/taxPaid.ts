/**
 * Estimated tax paid for the year (Form 1040-ES): one row per period from the Ledger's Tax payment rows, then rows
 * the person fills for payments made elsewhere, and the year's total.
 */
import { a1, INPUT_FILL, quoted, type Reader } from '../../layout/grid';
import { taxPaidKey } from './byCategory';
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

/** The day a period's payments start after: last year's final due date, or the previous period's. */
const dayBefore = (read: Reader, index: number) =>
  index === 0 ? read.cell(PREVIOUS_DUE) : read.cellOf(TAX_PERIODS_TABLE, 'due', index - 1);

export const taxPaid: BooksBlock = (g, { money }) => {
  g.heading(tp.titleRow, tp.dateColumn, (read) => `="Estimated tax paid for "&${read.cell(YEAR)}&" (Form 1040-ES)"`);
  g.table({
    id: TAX_PERIODS_TABLE,
    row: tp.headerRow,
    column: tp.dateColumn,
    rows: 4,
    columns: [
      {
        key: 'due',
        header: 'Date',
        // TAX_DUE_DATES spills the four due dates down from the first row.
        cell: ({ index }) =>
          index === 0
            ? { cell: (read) => `=TAX_DUE_DATES(${read.cell(YEAR)})`, format: money.date }
            : { cell: null, format: money.date },
      },
      { key: 'period', header: 'Period', cell: ({ index }) => ({ cell: { number: index + 1 }, format: PERIOD_FORMAT }) },
      {
        key: 'amount',
        header: 'Amount',
        cell: ({ index }) => ({
          cell: (read) => `=SUM(${read.column(BY_CATEGORY, taxPaidKey(index + 1))})`,
          format: money.federal,
        }),
      },
      {
        key: 'note',
        header: 'Note',
        cell:
          ({ index }) =>
          (read) =>
            `="Ledger rows of kind Tax payment, "&TEXT(${dayBefore(read, index)}+1,${quoted(money.date)})&" to "&TEXT(${read.cellOf(TAX_PERIODS_TABLE, 'due', index)},${quoted(money.date)})`,
      },
    ],
  });
  g.heading(tp.handTitleRow, tp.dateColumn, { text: 'Paid another way: type the date, amount and a note' });
  const firstHand = tp.firstHandRow;
  const byHand = g.table({
    id: TAX_PAID_BY_HAND,
    row: firstHand,
    column: tp.dateColumn,
    rows: tp.handRows,
    columns: [
      {
        key: 'date',
        cell: () => ({ cell: null, format: money.date, fill: INPUT_FILL }),
        total: (read) => `="Paid for "&${read.cell(YEAR)}`,
      },
      {
        key: 'period',
        cell: ({ row }) => ({
          cell: (read) => {
            const date = read.inRow(TAX_PAID_BY_HAND, 'date', row, 'column');
            const year = read.cell(YEAR);
            const lastDue = read.cellOf(TAX_PERIODS_TABLE, 'due', 3);
            return `=IF(${date}="","",IF(${date}<=${read.cell(PREVIOUS_DUE)},"Before "&${year},IF(${date}>${lastDue},"After "&${year},COUNTIF(${read.column(TAX_PERIODS_TABLE, 'due')},"<"&${date})+1)))`;
          },
          format: PERIOD_FORMAT,
        }),
        total: { cell: null, bold: false },
      },
      {
        key: 'amount',
        cell: () => ({ cell: null, format: money.federal, fill: INPUT_FILL }),
        // Rows typed with a date outside the year's periods show "Before"/"After" and are left out of the total.
        total: {
          cell: (read) =>
            `=SUM(${read.columnA1(TAX_PERIODS_TABLE, 'amount')})+SUMIFS(${read.columnA1(TAX_PAID_BY_HAND, 'amount')},${read.columnA1(TAX_PAID_BY_HAND, 'period')},">=1")`,
          format: money.federal,
        },
      },
      { key: 'note', cell: () => ({ cell: null, fill: INPUT_FILL }), total: { cell: null, bold: false } },
    ],
  });
  g.name('LEAP_BOOKS_TAX_PAID', a1(byHand.totalRow ?? tp.totalRow, byHand.columnOf('amount')));
};
