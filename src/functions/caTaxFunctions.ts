/**
 * The Canadian self-employed tax functions: each declared once, computed by src/finance/caTax.
 */
import { caTaxEstimate, caTaxRate } from '../finance/caTax/estimate';
import { type InstalmentMethod, instalments } from '../finance/caTax/instalments';
import { caDefaultTaxYear, caSupportedYearsText, isCaSupportedYear } from '../finance/caTax/tables';
import { readYear } from './runner';
import { type CellInput, type FunctionSpec, Invalid, type ParamSpec } from './types';

const FAMILY = 'Canada taxes';

const TAX_YEAR_EXPECTED = `a tax year Leap has Canadian figures for: ${caSupportedYearsText()}`;

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
      "A first year of self-employment and the next: the tax payroll takes from the first year's wages, each year's tax owing (TAX_ESTIMATE_CA), then each year's instalments and 30 April balance (INSTALMENTS_CA, prior-year option).",
    shape: 'table',
    params: [
      { ...netIncome, name: 'first_year_income', description: 'Net self-employment income in the first year on your own.' },
      { ...taxYear, name: 'first_tax_year', description: `The first year's federal figures: ${caSupportedYearsText()}.` },
      provinceRate,
      {
        ...employmentIncome,
        name: 'wages',
        description: 'Employment income of the first year: payroll takes its tax, and it uses up CPP room first.',
      },
      { ...netIncome, name: 'second_year_income', description: 'Net self-employment income in the second year (no wages).' },
      {
        ...taxYear,
        name: 'second_tax_year',
        description: `The second year's federal figures: the year after the first, or the nearest Leap has (${caSupportedYearsText()}).`,
      },
    ],
    returns:
      'A header (Date, Item, Amount), three rows of figures (tax at source, first owing, second owing), then 5 rows of payments for each year.',
    example: {
      formula: '=TAX_CALENDAR_CA(30000, 2025, 10%, 40000, 60000, 2026)',
      result: 'a header and 13 rows, 2025-03-17 to 2027-04-30',
    },
    compute: (income1: number, year1: number, rate: number, wages: number, income2: number, year2: number) => {
      const atSource = caTaxEstimate(0, year1, rate, wages).total;
      const owing1 = caTaxEstimate(income1, year1, rate, wages).total - atSource;
      const owing2 = caTaxEstimate(income2, year2, rate, 0).total;
      return [
        ['Date', 'Item', 'Amount'],
        ['', 'Tax on the wages alone (payroll takes it)', atSource],
        ['', 'Tax owing, first year', owing1],
        ['', 'Tax owing, second year', owing2],
        ...instalments(owing1, 0, 0, year1, 'prior', false).map((p) => [p.date, p.payment, p.amount]),
        ...instalments(owing2, owing1, 0, year2, 'prior', false).map((p) => [p.date, p.payment, p.amount]),
      ];
    },
  },
];
