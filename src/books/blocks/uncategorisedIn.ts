/**
 * Money in not yet categorised, on a line of its own below the tax form's net: the year's positive Ledger amounts
 * whose category is blank or "Uncategorized". It is in no income, profit or form total until it has a category (the
 * months table, the year to date and the form's net all leave it out, so they agree), and while there is any, a
 * sentence says how much and links to the Ledger.
 */
import { asText, type Grid, quoted } from '../../layout/grid';
import { UNCATEGORISED } from '../categories';
import { yearTextFormula } from '../country';
import { type BooksSheet, inYear, LEDGER, LEDGER_SHEET, UNCATEGORISED_IN, YEAR } from './common';

/** Where the lines go: the row below the form's net, the form's line, name and value columns. */
export interface UncategorisedInPlace {
  row: number;
  lineColumn: number;
  valueColumn: number;
}

const UNCATEGORISED_ROWS_IN = 'uncategorisedRowsIn';

/** The year's money-in rows of a blank or "Uncategorized" category, as SUMIFS/COUNTIFS criteria pairs. */
const criteria = (yearCell: string, category: string, country: BooksSheet['country']) =>
  `${inYear(yearCell, country)},${LEDGER.amount},">0",${LEDGER.category},${category}`;

export function uncategorisedIn(g: Grid, { money, ledgerUrl, country }: BooksSheet, at: UncategorisedInPlace): void {
  g.put(at.row, at.lineColumn, { text: 'Not yet categorised' });
  g.figure({
    id: UNCATEGORISED_IN,
    row: at.row,
    column: at.valueColumn,
    label: 'Money in with no category yet',
    value: (read) => {
      const year = read.cell(YEAR);
      return `=SUMIFS(${LEDGER.amount},${criteria(year, quoted(UNCATEGORISED), country)})+SUMIFS(${LEDGER.amount},${criteria(year, '""', country)})`;
    },
    format: money.books,
    bold: true,
    name: UNCATEGORISED_IN,
  });
  // The count beside the sum, for the sentence: how many Ledger rows make it up.
  g.figure({
    id: UNCATEGORISED_ROWS_IN,
    row: at.row,
    column: at.valueColumn + 1,
    value: (read) => {
      const year = read.cell(YEAR);
      return `=COUNTIFS(${criteria(year, quoted(UNCATEGORISED), country)})+COUNTIFS(${criteria(year, '""', country)})`;
    },
    format: '0" rows"',
  });
  g.sentence({
    id: 'JW_BOOKS_UNCATEGORISED_IN_TEXT',
    row: at.row + 1,
    column: at.lineColumn,
    name: 'JW_BOOKS_UNCATEGORISED_IN_TEXT',
    cell: (read) => {
      const amount = read.cell(UNCATEGORISED_IN);
      const rows = read.cell(UNCATEGORISED_ROWS_IN);
      const words = `${asText(amount, money.books)}&" of money in ("&${rows}&IF(${rows}=1," row"," rows")&") has no category: in no line or profit until categorised on the Ledger."`;
      // A link to the Ledger at its first Uncategorized row (the "#gid=…&range=…" form Insert > Link writes); without
      // the Ledger's address (a layout made without a spreadsheet), the words alone.
      const said =
        ledgerUrl === null || ledgerUrl === undefined
          ? words
          : `HYPERLINK(${quoted(`${ledgerUrl}&range=A`)}&IFERROR(MATCH(${quoted(UNCATEGORISED)},${LEDGER_SHEET}!$D:$D,0),1),${words})`;
      return `=IF(${amount}>0,${said},"Every row of money coming in during "&${yearTextFormula(country, read.cell(YEAR))}&" has a category.")`;
    },
  });
}
