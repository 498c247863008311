/** The top of Books: what the sheet is, the tax year it shows and the rate it sets aside at. */
import { BOOKS, type BooksBlock, RATE, YEAR } from './common';

/** The one rate a Books sheet starts from when there is no plan: the 25-30% rule's top. */
const DEFAULT_BOOKS_TAX_RATE = 0.3;

export const title: BooksBlock = (g, { year }) => {
  g.put(1, 1, { cell: { text: 'Leap books' }, bold: true });
  g.put(1, 2, { text: 'Live totals of the Ledger sheet. Edit the shaded cells; categorise Ledger rows to move them here.' });
  g.input({ id: YEAR, row: BOOKS.yearRow, column: 2, label: 'Tax year', value: { number: year }, format: '0', name: YEAR });
  // The plan's LEAP_TAX_RATE when a plan exists, else 30% (IFERROR), so Books works without one.
  g.input({
    id: RATE,
    row: BOOKS.rateRow,
    column: 2,
    label: 'Tax set-aside rate',
    value: { formula: `=IFERROR(LEAP_TAX_RATE,${DEFAULT_BOOKS_TAX_RATE})` },
    format: '0.0%',
    note: { text: 'Your plan\u2019s rate when there is a plan, else 30%; type your own to override.' },
    name: RATE,
  });
};
