/** The top of Books: what the sheet is, the tax year it shows and the rate it sets aside at. */

import { PRODUCT_NAME } from '../../brand';
import { asText, type Reader } from '../../layout/grid';
import { type BooksCountry, figuresYearFormula, yearStartFormula, yearTextFormula } from '../country';
import {
  BOOKS,
  type BooksBlock,
  type BooksMoney,
  FILING_STATUS,
  PROJECTED_PROFIT,
  RATE,
  usFiguresYear,
  WAGES,
  YEAR,
} from './common';

/** The rate a Books sheet starts from while no profit is projected: the 25-30% rule's top. */
const DEFAULT_BOOKS_TAX_RATE = 0.3;

/** A plan with the US estimate names its filing status (src/plan/layout.ts US_INPUT_NAMES); no other plan does. */
const US_PLAN = 'NOT(ISERROR(JW_FILING_STATUS))';
/** A plan of another kind (a flat rate, the UK's or Canada's tables): it names its rate but no filing status. */
const OTHER_PLAN = 'ISERROR(JW_FILING_STATUS)*NOT(ISERROR(JW_TAX_RATE))';

const ABOUT = 'Live totals of the Ledger sheet. Edit the shaded cells; categorise Ledger rows to move them here.';

/**
 * The rate of the Books year by the UK's or Canada's own tables: the tax the projected profit adds on top of the
 * year's wages (TAX_RATE_UK, TAX_RATE_CA take them as other income), a share of the profit; elsewhere the plan's
 * flat rate. The region and the provincial rate are the plan's, read by name.
 */
function countryRate(read: Reader, country: BooksCountry, money: BooksMoney): { value: string; note: string } {
  const profit = read.cell(PROJECTED_PROFIT);
  const year = read.cell(YEAR);
  const figures = figuresYearFormula(country, year);
  const none = `"No profit projected yet: 30%"`;
  const onTop = (fn: string) =>
    `"${fn} of "&${yearTextFormula(country, figures)}&" on the projected profit ("&${asText(profit, money.books)}&") on top of "&${asText(read.cell(WAGES), money.books)}&" of wages: the tax it adds, as a share of it"`;
  if (country.key === 'uk') {
    return {
      value: `=IF(${profit}>0,TAX_RATE_UK(${profit},${figures},IFERROR(JW_UK_REGION,"england"),${read.cell(WAGES)}),${DEFAULT_BOOKS_TAX_RATE})`,
      note: `=IF(${profit}>0,${onTop('TAX_RATE_UK')}&IF(ISERROR(JW_UK_REGION)," (England bands: no plan)",""),${none})`,
    };
  }
  if (country.key === 'canada') {
    return {
      value: `=IF(${profit}>0,TAX_RATE_CA(${profit},${figures},IFERROR(JW_PROVINCE_TAX_RATE,0),${read.cell(WAGES)}),${DEFAULT_BOOKS_TAX_RATE})`,
      note: `=IF(${profit}>0,${onTop('TAX_RATE_CA')}&IF(ISERROR(JW_PROVINCE_TAX_RATE)," (federal only: no plan gives a provincial rate)",", with your plan's provincial rate"),${none})`,
    };
  }
  return {
    value: `=IFERROR(JW_FLAT_TAX_RATE,IFERROR(JW_TAX_RATE,${DEFAULT_BOOKS_TAX_RATE}))`,
    note: `=IF(ISERROR(JW_TAX_RATE),"No plan: 30%, the 25-30% rule’s top","Your plan’s flat rate")&": ${PRODUCT_NAME} has no tax tables for your country"`,
  };
}

/** What the sheet is; outside the US, which tax year it covers, from its first day to its last. */
function about(country: BooksCountry, money: BooksMoney): Parameters<Parameters<BooksBlock>[0]['put']>[2] {
  if (country.key === 'us') return { text: ABOUT };
  const words = { uk: 'UK tax year', canada: 'Canadian tax year', elsewhere: 'Tax year' }[country.key];
  return (read: Reader) => {
    const year = read.cell(YEAR);
    const from = asText(yearStartFormula(country, year), money.date);
    const to = asText(`${yearStartFormula(country, year, 1)}-1`, money.date);
    return `="${words} "&${yearTextFormula(country, year)}&": "&${from}&" to "&${to}&". ${ABOUT}"`;
  };
}

export const title: BooksBlock = (g, { year, money, localeCountry, country }) => {
  g.put(1, 1, { cell: { text: `${PRODUCT_NAME} books` }, bold: true });
  g.put(1, 2, about(country, money));
  g.input({
    id: YEAR,
    row: BOOKS.yearRow,
    column: 2,
    label: country.key === 'uk' ? 'Tax year from 6 April' : 'Tax year',
    value: { number: year },
    format: '0',
    name: YEAR,
  });
  if (country.key !== 'us') {
    g.input({
      id: RATE,
      row: BOOKS.rateRow,
      column: 2,
      label: 'Tax set-aside rate',
      value: (read) => countryRate(read, country, money).value,
      format: '0.0%',
      note: (read) => `${countryRate(read, country, money).note}&"; type your own to override."`,
      name: RATE,
    });
    return;
  }
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
      const us = `IF(${profit}>0,TAX_RATE_US(${profit},${read.cell(FILING_STATUS)},${usFiguresYear(read.cell(YEAR))},IFERROR(JW_STATE_TAX_RATE,0),${read.cell(WAGES)}),${DEFAULT_BOOKS_TAX_RATE})`;
      return usLocale
        ? `=IF(${OTHER_PLAN},JW_TAX_RATE,${us})`
        : `=IF(${US_PLAN},${us},IFERROR(JW_TAX_RATE,${DEFAULT_BOOKS_TAX_RATE}))`;
    },
    format: '0.0%',
    note: (read) => {
      const profit = read.cell(PROJECTED_PROFIT);
      const us = `IF(${profit}>0,"The "&${usFiguresYear(read.cell(YEAR))}&" US tax the projected profit ("&${asText(profit, money.books)}&") adds on top of "&${asText(read.cell(WAGES), money.books)}&" of wages, as a share of it","No profit projected yet: 30%")`;
      const override = '&"; type your own to override."';
      return usLocale
        ? `=IF(${OTHER_PLAN},"Your plan\u2019s rate",${us})${override}`
        : `=IF(${US_PLAN},${us},IF(ISERROR(JW_TAX_RATE),"No plan: 30%, the 25-30% rule\u2019s top","Your plan\u2019s rate"))${override}`;
    },
    name: RATE,
  });
};
