/** The top of Books: what the sheet is, the tax year it shows and the rate it sets aside at. */
import { asText } from '../../layout/grid';
import { BOOKS, type BooksBlock, FILING_STATUS, PROJECTED_PROFIT, RATE, usFiguresYear, WAGES, YEAR } from './common';

/** The rate a Books sheet starts from while no profit is projected: the 25-30% rule's top. */
const DEFAULT_BOOKS_TAX_RATE = 0.3;

/** A plan with the US estimate names its filing status (src/plan/layout.ts US_INPUT_NAMES); no other plan does. */
const US_PLAN = 'NOT(ISERROR(LEAP_FILING_STATUS))';
/** A plan of another kind (a flat rate, the UK's or Canada's tables): it names its rate but no filing status. */
const OTHER_PLAN = 'ISERROR(LEAP_FILING_STATUS)*NOT(ISERROR(LEAP_TAX_RATE))';

export const title: BooksBlock = (g, { year, money, localeCountry }) => {
  g.put(1, 1, { cell: { text: 'Leap books' }, bold: true });
  g.put(1, 2, { text: 'Live totals of the Ledger sheet. Edit the shaded cells; categorise Ledger rows to move them here.' });
  g.input({ id: YEAR, row: BOOKS.yearRow, column: 2, label: 'Tax year', value: { number: year }, format: '0', name: YEAR });
  // With a US plan (or no plan in an American spreadsheet), the rate of the Books year itself: the tax the projected
  // profit adds on top of that year's wages, by that year's own tables (TAX_RATE_US), not the plan's leave-year
  // rate. Another plan keeps its own rate (a flat rate, or UK or Canadian tables); no plan elsewhere, 30%.
  const usLocale = localeCountry === 'us';
  g.input({
    id: RATE,
    row: BOOKS.rateRow,
    column: 2,
    label: 'Tax set-aside rate',
    value: (read) => {
      const profit = read.cell(PROJECTED_PROFIT);
      const us = `IF(${profit}>0,TAX_RATE_US(${profit},${read.cell(FILING_STATUS)},${usFiguresYear(read.cell(YEAR))},IFERROR(LEAP_STATE_TAX_RATE,0),${read.cell(WAGES)}),${DEFAULT_BOOKS_TAX_RATE})`;
      return usLocale
        ? `=IF(${OTHER_PLAN},LEAP_TAX_RATE,${us})`
        : `=IF(${US_PLAN},${us},IFERROR(LEAP_TAX_RATE,${DEFAULT_BOOKS_TAX_RATE}))`;
    },
    format: '0.0%',
    note: (read) => {
      const profit = read.cell(PROJECTED_PROFIT);
      const us = `IF(${profit}>0,"The "&${usFiguresYear(read.cell(YEAR))}&" US tax the projected profit ("&${asText(profit, money.books)}&") adds on top of "&${asText(read.cell(WAGES), money.books)}&" of wages, as a share of it","No profit projected yet: 30%")`;
      const override = '&"; type your own to override."';
      return usLocale
        ? `=IF(${OTHER_PLAN},"Your plan\u2019s rate",${us})${override}`
        : `=IF(${US_PLAN},${us},IF(ISERROR(LEAP_TAX_RATE),"No plan: 30%, the 25-30% rule\u2019s top","Your plan\u2019s rate"))${override}`;
    },
    name: RATE,
  });
};
