/**
 * The Canadian self-employed tax functions: each declared once, computed by src/finance/caTax.
 */

import { PRODUCT_NAME } from '../brand';
import { caTaxEstimate, caTaxRate } from '../finance/caTax/estimate';
import { type InstalmentMethod, instalments } from '../finance/caTax/instalments';
import {
  CA_SUPPORTED_YEARS,
  caDefaultTaxYear,
  caNearestYear,
  caSupportedYearsText,
  isCaSupportedYear,
} from '../finance/caTax/tables';
import { readYear } from './runner';
import { type CellInput, type FunctionSpec, Invalid, type ParamSpec } from './types';

const FAMILY = 'Canada taxes';

const TAX_YEAR_EXPECTED = `a tax year ${PRODUCT_NAME} has Canadian figures for: ${caSupportedYearsText()}`;

const taxYear: ParamSpec = {
  name: 'tax_year',
  kind: 'custom',
  description: `Tax year of the federal figures: ${caSupportedYearsText()}.`,
  defaultValue: () => caDefaultTaxYear(new Date()),
  defaultLabel: 'this year, or the latest supported',
  expected: TAX_YEAR_EXPECTED,
  read: (v: CellInput): number | Invalid => {
    const year = readYear(v);
    if (year instanceof Invalid) return year;
    return isCaSupportedYear(year) ? year : new Invalid(TAX_YEAR_EXPECTED);
  },
};

/** The last tax year a calendar takes: later than any plan's leave date, and still a four-digit year. */
const LAST_CALENDAR_YEAR = 2099;
const CALENDAR_YEAR_EXPECTED = `a tax year from ${CA_SUPPORTED_YEARS[0]}; years after ${CA_SUPPORTED_YEARS[CA_SUPPORTED_YEARS.length - 1]} use its figures`;
/**
 * A calendar's tax year: its payments are dated and labelled by the year itself, and a year later than Jumpwise's tables
 * is estimated with the latest figures (the row of its owing says so), so a plan's dates are those of the real year.
 */
const calendarYear = (name: string, description: string): ParamSpec => ({
  ...taxYear,
  name,
  description,
  expected: CALENDAR_YEAR_EXPECTED,
  read: (v: CellInput): number | Invalid => {
    const year = readYear(v);
    if (year instanceof Invalid) return year;
    return year >= CA_SUPPORTED_YEARS[0] && year <= LAST_CALENDAR_YEAR ? year : new Invalid(CALENDAR_YEAR_EXPECTED);
  },
});
/** The words of a year's figure: its year, and the figures used when they are another year's. */
const owingOf = (what: string, year: number, figures: number) =>
  `${what} ${year}${figures === year ? '' : ` (${figures} figures, the latest ${PRODUCT_NAME} has)`}`;

const netIncome: ParamSpec = {
  name: 'net_income',
  kind: 'number',
  description: 'Net self-employment income for the year (T2125 net income); a loss counts as 0.',
};

const provinceRate: ParamSpec = {
  name: 'province_rate',
  kind: 'rate',
  description: 'A flat provincial or territorial rate applied to taxable income, e.g. 10%.',
  defaultValue: 0,
  min: { value: 0 },
  max: { value: 1 },
};

const employmentIncome: ParamSpec = {
  name: 'employment_income',
  kind: 'number',
  description: 'Employment income of the same year; it is taxed too and uses up CPP room first.',
  defaultValue: 0,
  min: { value: 0 },
};

export const caTaxFunctions: FunctionSpec[] = [
  {
    name: 'TAX_ESTIMATE_CA',
    family: FAMILY,
    summary:
      "A self-employed Canadian's year: CPP and CPP2 on self-employed earnings, federal income tax after the basic personal amount and CPP credit, and a flat provincial rate.",
    shape: 'elementwise',
    params: [netIncome, taxYear, provinceRate, employmentIncome],
    returns: 'CPP, CPP2, federal and provincial tax for the year (the income tax on employment income included).',
    example: { formula: '=TAX_ESTIMATE_CA(60000, 2026)', result: '11878.93' },
    compute: (n: number, year: number, rate: number, emp: number) => caTaxEstimate(n, year, rate, emp).total,
  },
  {
    name: 'TAX_RATE_CA',
    family: FAMILY,
    summary:
      'The share of each self-employed dollar to set aside in Canada: the tax the income adds over the employment income alone, divided by the income.',
    shape: 'elementwise',
    params: [netIncome, taxYear, provinceRate, employmentIncome],
    returns: 'A rate such as 0.22 (22%); 0 when there is no income.',
    example: { formula: '=TAX_RATE_CA(60000, 2026)', result: '0.198' },
    compute: (n: number, year: number, rate: number, emp: number) => caTaxRate(n, year, rate, emp),
  },
  {
    name: 'INSTALMENTS_CA',
    family: FAMILY,
    summary:
      'The CRA instalments of a year (when required) by the no-calculation, prior-year or current-year option, then the balance due on 30 April.',
    shape: 'table',
    params: [
      { name: 'this_year_owing', kind: 'number', description: "This year's net tax owing (plus CPP).", min: { value: 0 } },
      {
        name: 'last_year_owing',
        kind: 'number',
        description: "Last year's net tax owing (plus CPP).",
        defaultValue: 0,
        min: { value: 0 },
      },
      {
        name: 'two_years_ago_owing',
        kind: 'number',
        description: 'Net tax owing two years ago (plus CPP).',
        defaultValue: 0,
        min: { value: 0 },
      },
      taxYear,
      {
        name: 'method',
        kind: 'choice',
        description: '"no_calculation" (the CRA reminder amounts), "prior" (last year\'s) or "current" (this year\'s estimate).',
        defaultValue: 'prior',
        choices: {
          no_calculation: ['no calculation option', 'reminder'],
          prior: ['prior year', 'prior year option'],
          current: ['current year', 'current year option'],
        } satisfies Record<InstalmentMethod, string[]>,
      },
      {
        name: 'quebec',
        kind: 'custom',
        jsdocType: 'boolean',
        description: 'TRUE for a Quebec resident: the threshold is $1,800 instead of $3,000.',
        defaultValue: 0,
        defaultLabel: 'FALSE',
        expected: 'TRUE or FALSE',
        read: (v: CellInput): boolean | Invalid => {
          if (typeof v === 'boolean') return v;
          if (v === 0 || v === 1) return v === 1;
          if (typeof v === 'string' && /^\s*(true|false)\s*$/i.test(v)) return v.trim().toLowerCase() === 'true';
          return new Invalid('TRUE or FALSE');
        },
      },
    ],
    returns: 'A header and 5 rows: Date, Payment, Amount (15 Mar, 15 Jun, 15 Sep, 15 Dec, then 30 Apr of the next year).',
    example: { formula: '=INSTALMENTS_CA(12000, 10000, 0, 2026)', result: 'a header and 5 rows, 2026-03-16 to 2027-04-30' },
    compute: (owing: number, last: number, twoAgo: number, year: number, method: InstalmentMethod, quebec: boolean) => [
      ['Date', 'Payment', 'Amount'],
      ...instalments(owing, last, twoAgo, year, method, quebec).map((r) => [r.date, r.payment, r.amount]),
    ],
  },
  /**
   * The CRA calendar of a leave year and the year after, in one call: the tax owing (TAX_ESTIMATE_CA) and the
   * instalments and balances it sets (INSTALMENTS_CA). On Sheets each custom-function cell is an execution of its
   * own and a cell reading another waits for it; asked of one cell, the owing and its payments come back together.
   */
  {
    name: 'TAX_CALENDAR_CA',
    family: FAMILY,
    summary:
      "A first year of self-employment and the next: the tax payroll takes from the first year's wages, each year's tax owing (TAX_ESTIMATE_CA), then the instalments and 30 April balances they set (INSTALMENTS_CA, prior-year option), dated in the real years.",
    shape: 'table',
    params: [
      { ...netIncome, name: 'first_year_income', description: 'Net self-employment income in the first year on your own.' },
      calendarYear(
        'first_tax_year',
        `The first year on your own: its payments are dated in it. A year after the latest ${PRODUCT_NAME} has figures for is estimated with those figures.`,
      ),
      provinceRate,
      {
        ...employmentIncome,
        name: 'wages',
        description: 'Employment income of the first year: payroll takes its tax, and it uses up CPP room first.',
      },
      { ...netIncome, name: 'second_year_income', description: 'Net self-employment income in the second year (no wages).' },
      calendarYear('second_tax_year', 'The second year, the one after the first: its payments are dated in it.'),
    ],
    returns:
      "A header (Date, Item, Amount), three rows of figures (tax at source, first owing, second owing), then the 6 payments from the first year on, in date order: the second year's 4 instalments and both 30 April balances.",
    example: {
      formula: '=TAX_CALENDAR_CA(30000, 2025, 10%, 40000, 60000, 2026)',
      result: 'a header and 9 rows, 2026-03-16 to 2027-04-30',
    },
    compute: (income1: number, year1: number, rate: number, wages: number, income2: number, year2: number) => {
      const [figures1, figures2] = [caNearestYear(year1), caNearestYear(year2)];
      const atSource = caTaxEstimate(0, figures1, rate, wages).total;
      const owing1 = caTaxEstimate(income1, figures1, rate, wages).total - atSource;
      const owing2 = caTaxEstimate(income2, figures2, rate, 0).total;
      // The first year on your own needs no instalments (nothing was owing the two years before, as INSTALMENTS_CA
      // finds): only its 30 April balance, so nothing is due before the person is on their own. In date order, the
      // second year's first instalment (15 March) comes before that balance.
      const first = instalments(owing1, 0, 0, year1, 'prior', false).slice(4);
      const second = instalments(owing2, owing1, 0, year2, 'prior', false);
      const payments = [...first, ...second].sort((x, y) => x.date.getTime() - y.date.getTime());
      return [
        ['Date', 'Item', 'Amount'],
        ['', owingOf('Tax on the wages alone (payroll takes it),', year1, figures1), atSource],
        ['', owingOf('Tax owing for', year1, figures1), owing1],
        ['', owingOf('Tax owing for', year2, figures2), owing2],
        ...payments.map((p) => [p.date, p.payment, p.amount]),
      ];
    },
  },
];
