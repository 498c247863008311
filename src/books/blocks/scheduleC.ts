/**
 * The country's self-employment form beside the months (Schedule C, SA103F, T2125): the year's total on each of its
 * lines, then the net. Where Jumpwise knows no form, the year's income and expenses by kind, and a sentence saying so.
 */

import { PRODUCT_NAME } from '../../brand';
import { a1, columnLetters, quoted } from '../../layout/grid';
import { type FormLine, yearTextFormula } from '../country';
import { BOOKS, type BooksBlock, BY_CATEGORY, FORM_NET, YEAR } from './common';
import { uncategorisedIn } from './uncategorisedIn';

/** Where no form is known: the lines are the kinds that make the profit. */
const NO_FORM_LINES = [
  { line: 'Income', name: 'Income categories', income: true },
  // The elsewhere defaults count every expense in full (src/books/countryCategories.ts): the sheet says so, since
  // many countries allow only part of meals and entertaining.
  {
    line: 'Expenses',
    name: "Expense categories at their Categories share, 100% unless changed: check your country's rules on meals and entertaining",
  },
] as const;

export const scheduleC: BooksBlock = (g, books) => {
  const { money, country } = books;
  const form = country.form;
  const sc = BOOKS.scheduleC;
  const lines = form ? form.lines : NO_FORM_LINES;
  g.heading(sc.titleRow, sc.lineColumn, (read) =>
    form
      ? `=${quoted(`${form.title} `)}&${yearTextFormula(country, read.cell(YEAR))}`
      : `="Income and expenses "&${read.cell(YEAR)}&" (no tax form: ${PRODUCT_NAME} has none for your country)"`,
  );
  const lastLine = sc.firstRow + lines.length - 1;
  const incomeLines = lines.filter((l) => 'income' in l && l.income).length;
  const total = columnLetters(sc.totalColumn);
  const lineWord = form?.lineWord ?? '';
  const table = g.table({
    id: 'scheduleC',
    row: sc.headerRow,
    column: sc.lineColumn,
    rows: lines.length,
    columns: [
      {
        key: 'line',
        header: form ? form.categoriesHeader : 'Kind',
        cell: ({ index }) => ({ text: form ? `${lineWord} ${lines[index].line}` : lines[index].line }),
        total: { text: 'Net' },
      },
      {
        key: 'name',
        header: 'What it covers',
        cell: ({ index }) => ({ text: lines[index].name }),
        total: { text: 'Income lines less expense lines' },
      },
      {
        key: 'total',
        header: 'Year total',
        cell: ({ row, index }) => ({
          cell: (read) =>
            form
              ? `=${[
                  read.inRow('scheduleC', 'line', row),
                  ...((lines[index] as FormLine).alsoCounts ?? []).map((l) => quoted(`${lineWord} ${l}`)),
                ]
                  .map((line) => `SUMIFS(${read.column(BY_CATEGORY, 'onScheduleC')},${read.column(BY_CATEGORY, 'line')},${line})`)
                  .join('+')}`
              : `=SUMIFS(${read.column(BY_CATEGORY, 'onScheduleC')},${read.column(BY_CATEGORY, 'kind')},"${index === 0 ? 'Income' : 'Expense'}")`,
          format: money.books,
        }),
        total: {
          cell: {
            // To the cent, rounded as the months' year to date is (JW_BOOKS_PROFIT_YTD), so the two agree.
            formula: `=ROUND(ROUND(SUM(${total}${sc.firstRow}:${total}${sc.firstRow + incomeLines - 1})-SUM(${total}${sc.firstRow + incomeLines}:${total}${lastLine}),6),2)`,
          },
          format: money.books,
        },
      },
    ],
  });
  const netRow = table.totalRow ?? lastLine + 1;
  g.name(FORM_NET, a1(netRow, table.columnOf('total')));
  // Money in with no category, below the net it is not in.
  uncategorisedIn(g, books, { row: netRow + 1, lineColumn: sc.lineColumn, valueColumn: table.columnOf('total') });
};
