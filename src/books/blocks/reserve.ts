/** Tax reserve health: the money kept for tax against the tax of the year so far at the rate, less what was paid. */
import { asText } from '../../layout/grid';
import { yearTextFormula } from '../country';
import { BOOKS, type BooksBlock, BY_CATEGORY, MONTHS, RATE, TAX_ACCOUNT, TAX_PAID_BY_HAND, YEAR } from './common';

const rv = BOOKS.reserve;
const TYPED_BALANCE = 'reserveTyped';
const RESERVE = 'JW_BOOKS_TAX_RESERVE';
const OWED = 'taxOwedSoFar';
const GAP = 'JW_BOOKS_RESERVE_GAP';

export const reserve: BooksBlock = (g, { money, country }) => {
  const onRow = (row: number) => ({ row, column: rv.valueColumn });
  g.heading(rv.titleRow, rv.labelColumn, { text: 'Tax reserve health' });
  g.input({
    id: TAX_ACCOUNT,
    ...onRow(rv.accountRow),
    label: 'Tax account (Ledger account name)',
    value: null,
    note: { text: 'The Account of the savings you keep for tax, as the Ledger names it.' },
  });
  g.input({
    id: TYPED_BALANCE,
    ...onRow(rv.balanceInputRow),
    label: 'Its balance, if you type it',
    value: null,
    format: money.books,
    note: { text: 'Blank: the Ledger’s Transfer rows in that account are added up.' },
  });
  g.figure({
    id: RESERVE,
    ...onRow(rv.balanceRow),
    label: 'Reserve',
    value: (read) => {
      const typed = read.cell(TYPED_BALANCE);
      return `=IF(ISNUMBER(${typed}),${typed},SUM(${read.column(BY_CATEGORY, 'intoTaxAccount')}))`;
    },
    format: money.books,
    name: RESERVE,
  });
  g.figure({
    id: OWED,
    ...onRow(rv.owedRow),
    label: 'Tax so far at the rate, less paid',
    value: (read) => `=${read.total(MONTHS, 'setAside')}-${read.total(TAX_PAID_BY_HAND, 'amount')}`,
    format: money.books,
  });
  g.figure({
    id: GAP,
    ...onRow(rv.gapRow),
    label: 'Ahead (+) or behind (-)',
    value: (read) => `=${read.cell(RESERVE)}-${read.cell(OWED)}`,
    format: money.books,
    bold: true,
    name: GAP,
  });
  g.sentence({
    id: 'JW_BOOKS_RESERVE_TEXT',
    row: rv.sentenceRow,
    column: rv.labelColumn,
    name: 'JW_BOOKS_RESERVE_TEXT',
    parts: (read) => {
      const gap = read.cell(GAP);
      return [
        'Your reserve is ',
        { expr: asText(`ABS(${gap})`, money.books) },
        { expr: `IF(${gap}>=0," ahead"," behind")` },
        ': it holds ',
        { expr: read.shown(RESERVE) },
        ' against ',
        { expr: read.shown(OWED) },
        ', the tax on ',
        { expr: yearTextFormula(country, read.cell(YEAR)) },
        "'s profit so far at ",
        { expr: read.shown(RATE) },
        ' less the ',
        // In the books' format, as the sheet was built before its blocks, though the paid cell itself shows dollars.
        { expr: asText(read.total(TAX_PAID_BY_HAND, 'amount'), money.books) },
        ' already paid.',
      ];
    },
  });
};
