/** Schedule C beside the months: the year's total on each Schedule C line, then the net. */
import { a1, columnLetters } from '../../layout/grid';
import { SCHEDULE_C_LINES } from '../categories';
import { BOOKS, type BooksBlock, BY_CATEGORY, FORM_NET, YEAR } from './common';
import { uncategorisedIn } from './uncategorisedIn';

export const scheduleC: BooksBlock = (g, books) => {
  const { money } = books;
  const sc = BOOKS.scheduleC;
  g.heading(sc.titleRow, sc.lineColumn, (read) => `="Schedule C (Form 1040) "&${read.cell(YEAR)}`);
  const lastLine = sc.firstRow + SCHEDULE_C_LINES.length - 1;
  const incomeLines = SCHEDULE_C_LINES.filter((l) => l.line === '1' || l.line === '6').length;
  const total = columnLetters(sc.totalColumn);
  const table = g.table({
    id: 'scheduleC',
    row: sc.headerRow,
    column: sc.lineColumn,
    rows: SCHEDULE_C_LINES.length,
    columns: [
      {
        key: 'line',
        header: 'Schedule C line',
        cell: ({ index }) => ({ text: `Line ${SCHEDULE_C_LINES[index].line}` }),
        total: { text: 'Net' },
      },
      {
        key: 'name',
        header: 'What it covers',
        cell: ({ index }) => ({ text: SCHEDULE_C_LINES[index].name }),
        total: { text: 'Income lines less expense lines' },
      },
      {
        key: 'total',
        header: 'Year total',
        cell: ({ row }) => ({
          cell: (read) =>
            `=SUMIFS(${read.column(BY_CATEGORY, 'onScheduleC')},${read.column(BY_CATEGORY, 'line')},${read.inRow('scheduleC', 'line', row)})`,
          format: money.books,
        }),
        total: {
          cell: {
            // To the cent, rounded as the months' year to date is (LEAP_BOOKS_PROFIT_YTD), so the two agree.
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
