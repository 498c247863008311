/** By month: the year's twelve months from the by-category table, with the year to date below. */
import { a1, type Reader, type TableColumn, type TableRow } from '../../layout/grid';
import { UNCATEGORISED } from '../categories';
import { monthKey } from './byCategory';
import {
  BOOKS,
  type BooksBlock,
  type BooksSheet,
  BY_CATEGORY,
  inMonth,
  inYear,
  LEDGER,
  MONTHS,
  monthStartFormula,
  RATE,
  YEAR,
} from './common';

export const BOOKS_MONTH_HEADER = [
  'Month',
  'Money in (income)',
  'Business expenses (deductible)',
  'Profit',
  'Tax set aside at the rate',
  'Estimated tax paid',
  'Not yet categorised',
] as const;

const monthCell = (read: Reader, { row }: TableRow) => read.inRow(MONTHS, 'month', row, 'column');
const onRow = (read: Reader, key: string, row: number) => read.inRow(MONTHS, key, row);
/** The category amounts of this row's month, one per category. */
const amounts = (read: Reader, { index }: TableRow) => read.column(BY_CATEGORY, monthKey(index + 1));
const kinds = (read: Reader) => read.column(BY_CATEGORY, 'kind');
const uncategorisedCount = (month: string, criteria: string) => `COUNTIFS(${inMonth(month)},${LEDGER.category},${criteria})`;
const sum = (key: string) => (read: Reader) => `=SUM(${read.columnA1(MONTHS, key)})`;

const monthFormat = ({ country }: BooksSheet) => (country.yearStart.day === 1 ? 'mmmm yyyy' : 'd mmm yyyy');

function columns(books: BooksSheet): TableColumn[] {
  const { money, country } = books;
  const [calendarMonth, income, expenses, profit, setAside, , notCategorised] = BOOKS_MONTH_HEADER;
  const month = country.yearStart.day === 1 ? calendarMonth : 'Tax month from';
  // The country's words: the US's are the header's own ("Estimated tax paid").
  const taxPaid = country.taxPaidWords;
  const amount = (cell: (read: Reader, r: TableRow) => string, bold?: boolean) => (r: TableRow) => ({
    cell: (read: Reader) => cell(read, r),
    format: money.books,
    bold,
  });
  return [
    {
      key: 'month',
      header: month,
      cell: ({ index }) => ({
        cell: (read) => `=${monthStartFormula(books, read.cell(YEAR), index)}`,
        format: monthFormat(books),
      }),
      total: { text: 'Year to date' },
    },
    {
      key: 'income',
      header: income,
      // Income categories only: money in not yet categorised (blank or "Uncategorized") is in no total until it
      // has a category, as on the tax form; the form block shows it on a line of its own (JW_BOOKS_UNCATEGORISED_IN).
      cell: amount((read, r) => `=SUMIFS(${amounts(read, r)},${kinds(read)},"Income")`),
      total: { cell: sum('income'), format: money.books },
    },
    {
      key: 'expenses',
      header: expenses,
      cell: amount((read, r) => `=-SUMPRODUCT(${amounts(read, r)},${read.column(BY_CATEGORY, 'shareDeducted')})`),
      total: { cell: sum('expenses'), format: money.books },
    },
    {
      key: 'profit',
      header: profit,
      cell: amount((read, { row }) => `=${onRow(read, 'income', row)}-${onRow(read, 'expenses', row)}`, true),
      // To the cent, as the form's net is: meals at 50% make half cents, and the two sums, added in different orders,
      // could round a half cent apart (ROUND to 6 places first takes off the order's floating-point dust).
      total: { cell: (read) => `=ROUND(ROUND(SUM(${read.columnA1(MONTHS, 'profit')}),6),2)`, format: money.books },
    },
    {
      key: 'setAside',
      header: setAside,
      cell: amount((read, { row }) => `=MAX(0,${onRow(read, 'profit', row)})*${read.cell(RATE)}`),
      // On the year's profit, not the sum of monthly set-asides: a loss in one month offsets profit in another.
      total: { cell: (read) => `=MAX(0,${onRow(read, 'profit', BOOKS.totalRow)})*${read.cell(RATE)}`, format: money.books },
    },
    {
      key: 'taxPaid',
      header: taxPaid,
      cell: amount((read, r) => `=-SUMIFS(${amounts(read, r)},${kinds(read)},"Tax payment")`),
      total: { cell: sum('taxPaid'), format: money.books },
    },
    {
      key: 'notCategorised',
      header: notCategorised,
      cell: (r) => ({
        cell: (read) =>
          `=${uncategorisedCount(monthCell(read, r), `"${UNCATEGORISED}"`)}+${uncategorisedCount(monthCell(read, r), '""')}`,
        format: '0',
      }),
      total: { cell: sum('notCategorised'), format: '0' },
    },
  ];
}

export const months: BooksBlock = (g, books) => {
  const table = g.table({ id: MONTHS, row: BOOKS.monthHeaderRow, column: 1, rows: 12, columns: columns(books) });
  // A Ledger row whose category is not on the Categories sheet (renamed or deleted there) counts in no total
  // above: this says how many there are, so they are not lost silently.
  g.put(BOOKS.unknownCategoryRow, 1, {
    text: 'Rows of the year whose category is not on the Categories sheet (in no total above)',
  });
  g.figure({
    id: 'rowsOutsideCategories',
    row: BOOKS.unknownCategoryRow,
    column: table.columnOf('notCategorised'),
    value: (read) => {
      const year = inYear(read.cell(YEAR), books.country);
      return `=MAX(0,COUNTIFS(${year})-SUM(${read.column(BY_CATEGORY, 'rows')})-COUNTIFS(${year},${LEDGER.category},""))`;
    },
    format: '0',
    bold: true,
  });
  g.name('JW_BOOKS_MONTHS', table.range('month'));
  g.name('JW_BOOKS_INCOME', table.range('income'));
  g.name('JW_BOOKS_EXPENSES', table.range('expenses'));
  g.name('JW_BOOKS_PROFIT', table.range('profit'));
  g.name('JW_BOOKS_PROFIT_YTD', a1(BOOKS.totalRow, table.columnOf('profit')));
  g.name('JW_BOOKS_UNCATEGORISED', a1(BOOKS.totalRow, table.columnOf('notCategorised')));
};
