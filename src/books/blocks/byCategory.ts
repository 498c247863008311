/**
 * By category: one row per Categories row, a column per month, so the monthly table needs no array formulas. Beside
 * them, per category, the tax paid in each 1040-ES period and what went into the tax account: a category's kind lives
 * on the Categories sheet, not in the Ledger, and SUMIFS cannot look it up per Ledger row.
 */
import { columnLetters, type Reader, type TableColumn, type TableRow } from '../../layout/grid';
import {
  BOOKS,
  type BooksBlock,
  type BooksSheet,
  BY_CATEGORY,
  CATEGORIES_SHEET,
  CATEGORY_ROWS,
  inMonth,
  inYear,
  LEDGER,
  monthStartFormula,
  PERCENT,
  PREVIOUS_DUE,
  TAX_ACCOUNT,
  TAX_PERIODS_TABLE,
  YEAR,
} from './common';

const cat = BOOKS.category;

/** The Categories sheet's cell in `column` for the category on this row. */
const source = (column: string, { index }: TableRow) => `${CATEGORIES_SHEET}!$${column}${index + 2}`;
/** This row's category, kind, Schedule C line and deductible share, as every formula on the row reads them. */
const name = (read: Reader, { row }: TableRow) => read.inRow(BY_CATEGORY, 'name', row, 'column');
const kind = (read: Reader, { row }: TableRow) => read.inRow(BY_CATEGORY, 'kind', row, 'column');
const line = (read: Reader, { row }: TableRow) => read.inRow(BY_CATEGORY, 'line', row, 'column');
const share = (read: Reader, { row }: TableRow) => read.inRow(BY_CATEGORY, 'share', row, 'column');

/** The category's own columns, copied from the Categories sheet with blanks for empty rows. */
const categoryColumns = ({ country }: BooksSheet): TableColumn[] => [
  { key: 'name', header: 'Category', cell: (r) => ({ formula: `=IF(${source('A', r)}="","",${source('A', r)})` }) },
  { key: 'kind', header: 'Kind', cell: (r) => (read) => `=IF(${name(read, r)}="","",${source('B', r)}&"")` },
  {
    key: 'line',
    header: country.form?.categoriesHeader ?? 'Form line',
    // "Line 8" rather than 8: a text both SUMIFS and the form's table match exactly, whatever the cell held.
    cell: (r) => (read) =>
      `=IF(OR(${name(read, r)}="",${source('C', r)}=""),"","${country.form?.lineWord ?? 'Line'} "&${source('C', r)})`,
  },
  {
    key: 'share',
    header: 'Deductible share',
    cell: (r) => ({
      cell: (read) => `=IF(${name(read, r)}="","",IF(ISNUMBER(${source('D', r)}),${source('D', r)},0))`,
      format: PERCENT,
    }),
  },
];

/** The key of month `m` (1-12), and its sheet column. */
export const monthKey = (m: number): string => `month${m}`;
const monthColumn = (m: number) => cat.firstMonthColumn + m - 1;

function monthColumns(books: BooksSheet): TableColumn[] {
  const { money, country } = books;
  return Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    const month = `${columnLetters(monthColumn(m))}$${cat.headerRow}`;
    return {
      key: monthKey(m),
      header: {
        cell: (read: Reader) => `=${monthStartFormula(books, read.cell(YEAR), i)}`,
        format: country.yearStart.day === 1 ? 'mmm' : 'd mmm',
      },
      cell: (r: TableRow) => ({
        cell: (read: Reader) =>
          `=IF(${name(read, r)}="","",SUMIFS(${LEDGER.amount},${LEDGER.category},${name(read, r)},${inMonth(month)}))`,
        format: money.books,
      }),
    };
  });
}

function yearColumns({ money, country }: BooksSheet): TableColumn[] {
  const yearTotal = (read: Reader, { row }: TableRow) => read.inRow(BY_CATEGORY, 'year', row);
  const months = (read: Reader, { row }: TableRow) => read.inRowSpan(BY_CATEGORY, monthKey(1), monthKey(12), row);
  return [
    {
      key: 'year',
      header: 'Year',
      cell: (r) => ({
        cell: (read) => `=IF(${name(read, r)}="","",SUM(${months(read, r)}))`,
        format: money.books,
        bold: true,
      }),
    },
    {
      key: 'onScheduleC',
      header: country.key === 'us' ? 'On Schedule C' : country.form ? `On ${country.form.title.split(' ')[0]}` : 'In the profit',
      // Income as received; expenses as positive deductions with the deductible share applied (meals at 50%). With
      // no form (elsewhere), every Income and Expense category counts.
      cell: (r) => ({
        cell: (read) => {
          const total = yearTotal(read, r);
          const onForm = country.form ? `${line(read, r)}=""` : `${name(read, r)}=""`;
          return `=IF(${onForm},"",IF(${kind(read, r)}="Income",${total},IF(${kind(read, r)}="Expense",-${total}*${share(read, r)},"")))`;
        },
        format: money.books,
      }),
    },
    {
      key: 'shareDeducted',
      header: 'Share deducted',
      cell: (r) => ({ cell: (read) => `=IF(${kind(read, r)}="Expense",${share(read, r)},0)`, format: PERCENT }),
    },
    {
      key: 'rows',
      header: 'Rows',
      cell: (r) => ({
        cell: (read) =>
          `=IF(${name(read, r)}="","",COUNTIFS(${LEDGER.category},${name(read, r)},${inYear(read.cell(YEAR), country)}))`,
        format: '0',
      }),
    },
  ];
}

/** The key of the tax paid in 1040-ES period `p` (1-4). */
export const taxPaidKey = (p: number): string => `taxPaid${p}`;

/** How many payment periods the country's calendar has: four 1040-ES periods in the US. */
export const periodCount = ({ country }: BooksSheet): number => country.payments?.periods.length ?? 4;

function taxColumns(books: BooksSheet): TableColumn[] {
  const { money, country } = books;
  const periods: TableColumn[] = Array.from({ length: periodCount(books) }, (_, i) => i + 1).map((p) => ({
    key: taxPaidKey(p),
    header: country.payments ? `Tax paid, ${country.payments.periods[p - 1].name}` : `Tax paid, period ${p}`,
    cell: (r: TableRow) => ({
      cell: (read: Reader) => {
        // A payment counts for the first due date on or after it: (previous due date, this due date].
        const after = p === 1 ? read.cell(PREVIOUS_DUE) : read.cellOf(TAX_PERIODS_TABLE, 'due', p - 2);
        const due = read.cellOf(TAX_PERIODS_TABLE, 'due', p - 1);
        return `=IF(${kind(read, r)}<>"Tax payment",0,-SUMIFS(${LEDGER.amount},${LEDGER.category},${name(read, r)},${LEDGER.date},">"&${after},${LEDGER.date},"<="&${due}))`;
      },
      format: country.key === 'us' ? money.federal : money.books,
    }),
  }));
  const intoTaxAccount: TableColumn = {
    key: 'intoTaxAccount',
    header: 'Into the tax account',
    cell: (r) => ({
      cell: (read) => {
        const account = read.cell(TAX_ACCOUNT);
        return `=IF(OR(${kind(read, r)}<>"Transfer",${account}=""),0,SUMIFS(${LEDGER.amount},${LEDGER.category},${name(read, r)},${LEDGER.account},${account}))`;
      },
      format: money.books,
    }),
  };
  return [...periods, intoTaxAccount];
}

export const byCategory: BooksBlock = (g, books) => {
  g.heading(cat.titleRow, 1, { text: `By category (the first ${CATEGORY_ROWS} rows of the Categories sheet)` });
  g.table({
    id: BY_CATEGORY,
    row: cat.headerRow,
    column: 1,
    rows: CATEGORY_ROWS,
    columns: [...categoryColumns(books), ...monthColumns(books), ...yearColumns(books), ...taxColumns(books)],
  });
};
