/**
 * The UK sole-trader tax functions: each declared once, computed by src/finance/ukTax.
 */

import { PRODUCT_NAME } from '../brand';
import { ukTaxEstimate, ukTaxRate } from '../finance/ukTax/estimate';
import { paymentsOnAccount } from '../finance/ukTax/paymentsOnAccount';
import {
  isUkSupportedYear,
  parseUkTaxYear,
  UK_SUPPORTED_YEARS,
  type UkRegion,
  ukDefaultTaxYear,
  ukNearestYear,
  ukSupportedYearsText,
  ukYearLabel,
} from '../finance/ukTax/tables';
import { type CellInput, type FunctionSpec, Invalid, type ParamSpec } from './types';

const FAMILY = 'UK taxes';

const TAX_YEAR_EXPECTED = `a UK tax year ${PRODUCT_NAME} has figures for: ${ukSupportedYearsText()} (2025 means 2025/26)`;

/** The tax year, as the year it starts in (2025) or as "2025/26" or "2025-26". */
const taxYear: ParamSpec = {
  name: 'tax_year',
  kind: 'custom',
  jsdocType: 'number|string',
  description: `Tax year, 6 April to 5 April: 2025 or "2025/26" means 2025/26. ${PRODUCT_NAME} has ${ukSupportedYearsText()}.`,
  defaultValue: () => ukDefaultTaxYear(new Date()),
  defaultLabel: 'the tax year containing today, or the latest supported',
  expected: TAX_YEAR_EXPECTED,
  read: (v: CellInput): number | Invalid => {
    const year = parseUkTaxYear(v);
    return year !== undefined && isUkSupportedYear(year) ? year : new Invalid(TAX_YEAR_EXPECTED);
  },
};

/** The last tax year a calendar takes: later than any plan's leave date, and still a four-digit year. */
const LAST_CALENDAR_YEAR = 2099;
const CALENDAR_YEAR_EXPECTED = `a UK tax year from ${ukYearLabel(UK_SUPPORTED_YEARS[0])} (2027 means 2027/28); years after ${ukYearLabel(UK_SUPPORTED_YEARS[UK_SUPPORTED_YEARS.length - 1])} use its figures`;
/**
 * A calendar's tax year: its payments are dated and labelled by the year itself, and a year later than Jumpwise's tables
 * is estimated with the latest figures (the row of its bill says so), so a plan's dates are those of the real year.
 */
const calendarYear = (name: string, description: string): ParamSpec => ({
  ...taxYear,
  name,
  description,
  expected: CALENDAR_YEAR_EXPECTED,
  read: (v: CellInput): number | Invalid => {
    const year = parseUkTaxYear(v);
    return year !== undefined && year >= UK_SUPPORTED_YEARS[0] && year <= LAST_CALENDAR_YEAR
      ? year
      : new Invalid(CALENDAR_YEAR_EXPECTED);
  },
});
/** The words of a year's bill: its tax year, and the figures used when they are another year's. */
const billOf = (what: string, year: number, figures: number) =>
  `${what} ${ukYearLabel(year)}${figures === year ? '' : ` (${ukYearLabel(figures)} figures, the latest ${PRODUCT_NAME} has)`}`;

const region: ParamSpec = {
  name: 'region',
  kind: 'choice',
  description: '"england" (also "wales", "northern ireland", "ni", "ruk") or "scotland" for Scottish income tax bands.',
  defaultValue: 'england',
  choices: {
    england: ['wales', 'northern ireland', 'ni', 'ruk'],
    scotland: [],
  } satisfies Record<UkRegion, string[]>,
};

const profit: ParamSpec = {
  name: 'profit',
  kind: 'number',
  description: "The tax year's trading profit as a sole trader; a loss counts as 0.",
};

const otherIncome: ParamSpec = {
  name: 'other_income',
  kind: 'number',
  description: 'Other non-savings income of the same tax year, e.g. a salary (its income tax is included).',
  defaultValue: 0,
  min: { value: 0 },
};

export const ukTaxFunctions: FunctionSpec[] = [
  {
    name: 'TAX_ESTIMATE_UK',
    family: FAMILY,
    summary:
      "A UK sole trader's income tax (personal allowance with the £100,000 taper, rUK or Scottish bands) plus Class 4 National Insurance for a tax year.",
    shape: 'elementwise',
    params: [profit, taxYear, region, otherIncome],
    returns: 'The income tax and Class 4 NI for the tax year, including the income tax on other income.',
    example: { formula: '=TAX_ESTIMATE_UK(30000, 2025)', result: '4531.8' },
    compute: (p: number, year: number, r: UkRegion, other: number) => ukTaxEstimate(p, year, r, other).total,
  },
  {
    name: 'TAX_RATE_UK',
    family: FAMILY,
    summary:
      'The share of each pound of UK trading profit to set aside: the tax the profit adds over the other income alone, divided by the profit.',
    shape: 'elementwise',
    params: [profit, taxYear, region, otherIncome],
    returns: 'A rate such as 0.151 (15.1%); 0 when there is no profit.',
    example: { formula: '=TAX_RATE_UK(30000, 2025)', result: '0.1511' },
    compute: (p: number, year: number, r: UkRegion, other: number) => ukTaxRate(p, year, r, other),
  },
  {
    name: 'PAYMENTS_ON_ACCOUNT_UK',
    family: FAMILY,
    summary:
      "The Self Assessment payments touching a tax year: the payments on account due for it, then its balancing payment with the next year's payments on account.",
    shape: 'table',
    params: [
      {
        name: 'this_year_bill',
        kind: 'number',
        description: "The tax year's Self Assessment bill, e.g. TAX_ESTIMATE_UK(...).",
        min: { value: 0 },
      },
      {
        name: 'last_year_bill',
        kind: 'number',
        description: "The previous tax year's Self Assessment bill.",
        defaultValue: 0,
        min: { value: 0 },
      },
      taxYear,
      {
        name: 'last_year_at_source',
        kind: 'number',
        description: 'Tax deducted at source in the previous year (PAYE).',
        defaultValue: 0,
        min: { value: 0 },
      },
      {
        name: 'this_year_at_source',
        kind: 'number',
        description: 'Tax deducted at source this year (PAYE).',
        defaultValue: 0,
        min: { value: 0 },
      },
    ],
    returns: 'A header and 4 rows: Date, Payment, Amount (31 Jan and 31 Jul in and after the year, then a year later).',
    example: { formula: '=PAYMENTS_ON_ACCOUNT_UK(4531.8, 0, 2025)', result: 'a header and 4 rows, 2026-01-31 to 2027-07-31' },
    compute: (bill: number, last: number, year: number, lastAtSource: number, atSource: number) => [
      ['Date', 'Payment', 'Amount'],
      ...paymentsOnAccount(bill, last, year, lastAtSource, atSource).map((r) => [r.date, r.payment, r.amount]),
    ],
  },
  /**
   * The Self Assessment calendar of a leave year and the year after, in one call: the bills (TAX_ESTIMATE_UK) and
   * the payments on account they set (PAYMENTS_ON_ACCOUNT_UK). On Sheets each custom-function cell is an execution of
   * its own and a cell reading another waits for it; asked of one cell, the bills and their payments come back
   * together rather than one round after the other.
   */
  {
    name: 'TAX_CALENDAR_UK',
    family: FAMILY,
    summary:
      "A first year of self-employment and the next: the tax PAYE takes from the first year's wages, each year's Self Assessment bill (TAX_ESTIMATE_UK), then the payments they set (PAYMENTS_ON_ACCOUNT_UK), dated in the real tax years.",
    shape: 'table',
    params: [
      { ...profit, name: 'first_year_profit', description: 'Trading profit in the first tax year on your own.' },
      calendarYear(
        'first_tax_year',
        `The first tax year on your own, 6 April to 5 April: its payments are dated in it. A year after the latest ${PRODUCT_NAME} has figures for is estimated with those figures.`,
      ),
      region,
      {
        ...otherIncome,
        name: 'wages',
        description: 'Wages from the job in the first tax year: PAYE takes their tax, and they count towards the bands.',
      },
      { ...profit, name: 'second_year_profit', description: 'Trading profit in the second tax year (no wages).' },
      calendarYear('second_tax_year', 'The second tax year, the one after the first: its payments are dated in it.'),
    ],
    returns:
      "A header (Date, Item, Amount), three rows of figures (tax at source, first bill, second bill), then the 4 payments from the first bill on, in date order: each 31 January's balancing payment with the next year's 1st payment on account, and each 31 July's 2nd.",
    example: {
      formula: '=TAX_CALENDAR_UK(20000, 2025, "england", 10000, 40000, 2026)',
      result: 'a header and 7 rows, 2027-01-31 to 2028-07-31',
    },
    compute: (profit1: number, year1: number, r: UkRegion, wages: number, profit2: number, year2: number) => {
      const [figures1, figures2] = [ukNearestYear(year1), ukNearestYear(year2)];
      const atSource = ukTaxEstimate(0, figures1, r, wages).total;
      const bill1 = ukTaxEstimate(profit1, figures1, r, wages).total - atSource;
      const bill2 = ukTaxEstimate(profit2, figures2, r, 0).total;
      // The first year on your own has no payments on account (the year before had no Self Assessment bill, as
      // PAYMENTS_ON_ACCOUNT_UK finds for a last-year bill of 0), so nothing is due before its own bill; and the
      // second year's payments on account are those paid with the first bill: each payment is listed once.
      const fromTheBill = (rows: ReturnType<typeof paymentsOnAccount>) => rows.slice(2).map((p) => [p.date, p.payment, p.amount]);
      return [
        ['Date', 'Item', 'Amount'],
        ['', billOf('Income tax on the wages (PAYE takes it),', year1, figures1), atSource],
        ['', billOf('Self Assessment bill', year1, figures1), bill1],
        ['', billOf('Self Assessment bill', year2, figures2), bill2],
        ...fromTheBill(paymentsOnAccount(bill1, 0, year1, 0, atSource)),
        ...fromTheBill(paymentsOnAccount(bill2, bill1, year2, atSource, 0)),
      ];
    },
  },
];
