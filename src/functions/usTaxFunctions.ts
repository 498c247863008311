/** The US tax functions: each declared once, computed by src/finance/usTax. */

import { PRODUCT_NAME } from '../brand';
import { annualizedInstallment } from '../finance/usTax/annualized';
import { DUE_DATE_YEARS, estimatedTaxDueDates, nextEstimatedTaxDue } from '../finance/usTax/dueDates';
import { taxEstimate, taxRate } from '../finance/usTax/estimate';
import { incomeTax } from '../finance/usTax/incomeTax';
import { safeHarbor } from '../finance/usTax/safeHarbor';
import { selfEmploymentTax } from '../finance/usTax/selfEmploymentTax';
import {
  FILING_STATUS_LABELS,
  type FilingStatus,
  isSupportedTaxYear,
  supportedYearsText,
  usTaxYearAsOf,
} from '../finance/usTax/tables';
import { readNumberAtLeast, readYear } from './runner';
import { type CellInput, type FunctionSpec, Invalid, type ParamSpec, type RangeCellReader, UserInputError } from './types';

const DUE_DATE_RANGE = `a date from ${DUE_DATE_YEARS.first} to ${DUE_DATE_YEARS.last}`;
const FAMILY = 'US taxes';

const TAX_YEAR_EXPECTED = `a tax year ${PRODUCT_NAME} has figures for: ${supportedYearsText()}`;

/** Tax year of the federal figures; unsupported years fail with the list of supported ones. */
const taxYear: ParamSpec = {
  name: 'year',
  kind: 'custom',
  description: `Tax year of the figures: ${supportedYearsText()}.`,
  defaultValue: () => usTaxYearAsOf(new Date()),
  defaultLabel: 'this year, or the latest supported',
  expected: TAX_YEAR_EXPECTED,
  read: (v: CellInput): number | Invalid => {
    const year = readYear(v);
    if (year instanceof Invalid) return year;
    return isSupportedTaxYear(year) ? year : new Invalid(TAX_YEAR_EXPECTED);
  },
};

/** A status's other spellings: its words from the one table (unless they are the value itself) and abbreviations. */
const aliases = (status: FilingStatus, ...short: string[]): string[] =>
  [...short, FILING_STATUS_LABELS[status].toLowerCase()].filter((a) => a !== status);

const filingStatus: ParamSpec = {
  name: 'filing_status',
  kind: 'choice',
  description: '"single", "married_joint" ("mfj"), "married_separate" ("mfs") or "head_of_household" ("hoh").',
  defaultValue: 'single',
  // The words the wizard and the plan sheet use (one table) are accepted too, with the usual abbreviations.
  choices: {
    single: aliases('single'),
    married_joint: aliases('married_joint', 'mfj'),
    married_separate: aliases('married_separate', 'mfs'),
    head_of_household: aliases('head_of_household', 'hoh'),
  } satisfies Record<FilingStatus, string[]>,
};

const netProfit: ParamSpec = {
  name: 'net_profit',
  kind: 'number',
  description: "The year's self-employment net profit (Schedule C line 31); a loss is negative.",
};

const w2Wages: ParamSpec = {
  name: 'w2_wages',
  kind: 'number',
  description: 'Wages from a job in the same year (W-2 Social Security wages).',
  defaultValue: 0,
  min: { value: 0 },
};

const spouseWages: ParamSpec = {
  name: 'spouse_wages',
  kind: 'number',
  description:
    "A spouse's wages on a joint return: taxed with the profit, counted toward the additional Medicare threshold, never toward your Social Security wage base. Ignored unless filing jointly.",
  defaultValue: 0,
  min: { value: 0 },
};

const stateRate: ParamSpec = {
  name: 'state_rate',
  kind: 'rate',
  description: 'A flat state income tax rate applied to AGI, e.g. 5%.',
  defaultValue: 0,
  min: { value: 0 },
  max: { value: 1 },
};

/** Marks a blank prior-year tax: then only this year's 90% test applies. */
const NO_PRIOR_YEAR = null;

const priorYearTax: ParamSpec = {
  name: 'prior_year_tax',
  kind: 'custom',
  description: "Last year's total tax from the return; leave blank when unknown.",
  // A blank is meaningful here (no prior-year test), unlike 0, which means last year's tax was nothing.
  defaultValue: '',
  defaultLabel: 'blank',
  expected: 'a number at least 0',
  read: (v: CellInput): number | null | Invalid => (v === '' ? NO_PRIOR_YEAR : readNumberAtLeast(0, v)),
};

const PERIODS_TEXT = 'Jan-Mar, Jan-May, Jan-Aug, Jan-Dec';

/**
 * The year-to-date figures of 1 to 4 Schedule AI periods, in reading order: trailing blanks are periods not yet
 * reached; a blank before a filled cell would shift the periods, so it is refused.
 */
function readPeriods(name: string): (rows: CellInput[][], read: RangeCellReader) => number[] {
  const cell: ParamSpec = { name, kind: 'number', description: '', min: name === 'ytd_wages' ? { value: 0 } : undefined };
  return (rows, read) => {
    const cells: { v: CellInput; r: number; c: number }[] = [];
    rows.forEach((row, r) => {
      row.forEach((v, c) => {
        cells.push({ v, r, c });
      });
    });
    while (cells.length > 0 && (cells[cells.length - 1].v === '' || cells[cells.length - 1].v == null)) cells.pop();
    if (cells.length > 4) {
      throw new UserInputError(`has ${cells.length} cells; expected at most 4, one for each period (${PERIODS_TEXT})`, name);
    }
    return cells.map(({ v, r, c }) => {
      if (v === '' || v == null) {
        throw new UserInputError(
          `has a blank cell at row ${r + 1}, column ${c + 1} before a later period; expected a figure for every period up to the last`,
          name,
        );
      }
      return read(v, r, c, cell) as number;
    });
  };
}

export const usTaxFunctions: FunctionSpec[] = [
  {
    name: 'SE_TAX',
    family: FAMILY,
    summary: 'US self-employment tax (Schedule SE): 15.3% of 92.35% of net profit, the 12.4% part only up to the wage base.',
    shape: 'elementwise',
    params: [netProfit, taxYear, w2Wages],
    returns: 'The self-employment tax for the year.',
    example: { formula: '=SE_TAX(50000, 2026)', result: '7064.78' },
    compute: (profit: number, year: number, wages: number) => selfEmploymentTax(profit, year, wages).total,
  },
  {
    name: 'INCOME_TAX_US',
    family: FAMILY,
    summary: 'US federal income tax on taxable income, from the exact rate schedule.',
    shape: 'elementwise',
    params: [
      {
        name: 'taxable_income',
        kind: 'number',
        description: 'Taxable income, after deductions (Form 1040 taxable income).',
      },
      filingStatus,
      taxYear,
    ],
    returns: 'The income tax; 0 for taxable income of 0 or less.',
    example: { formula: '=INCOME_TAX_US(80000, "single", 2026)', result: '12312' },
    compute: (taxable: number, status: FilingStatus, year: number) => incomeTax(taxable, status, year),
  },
  {
    name: 'TAX_ESTIMATE_US',
    family: FAMILY,
    summary:
      "A year's US tax for a sole proprietor: SE tax, federal income tax after the standard and QBI deductions, additional Medicare tax and a flat state tax.",
    shape: 'elementwise',
    params: [netProfit, filingStatus, taxYear, stateRate, w2Wages, spouseWages],
    returns: "The total tax for the year, including the tax on any W-2 wages (and on a joint return the spouse's).",
    example: { formula: '=TAX_ESTIMATE_US(80000, "single", 2026)', result: '16647.47' },
    compute: (profit: number, status: FilingStatus, year: number, state: number, wages: number, spouse: number) =>
      taxEstimate({ netProfit: profit, status, year, stateRate: state, w2Wages: wages, spouseWages: spouse }).total,
  },
  {
    name: 'TAX_RATE_US',
    family: FAMILY,
    summary:
      'The share of each self-employment dollar to set aside for US tax: the tax the profit adds, divided by the profit. Use it in TAX_SET_ASIDE.',
    shape: 'elementwise',
    params: [netProfit, filingStatus, taxYear, stateRate, w2Wages, spouseWages],
    returns: 'A rate such as 0.21 (21%); 0 when there is no profit.',
    example: { formula: '=TAX_RATE_US(80000, "single", 2026)', result: '0.2081' },
    compute: (profit: number, status: FilingStatus, year: number, state: number, wages: number, spouse: number) =>
      taxRate({ netProfit: profit, status, year, stateRate: state, w2Wages: wages, spouseWages: spouse }),
  },
  {
    name: 'TAX_DUE_DATES',
    family: FAMILY,
    summary: 'The four US estimated-tax (Form 1040-ES) due dates of a tax year, each moved past weekends and legal holidays.',
    shape: 'table',
    params: [
      {
        name: 'year',
        kind: 'year',
        description: `The tax year, ${DUE_DATE_YEARS.first} to ${DUE_DATE_YEARS.last}.`,
        min: { value: DUE_DATE_YEARS.first },
        max: { value: DUE_DATE_YEARS.last },
      },
    ],
    returns: 'A column of four dates (April, June, September, January of the next year); it spills below.',
    example: { formula: '=TAX_DUE_DATES(2025)', result: '2025-04-15, 2025-06-16, 2025-09-15, 2026-01-15' },
    compute: (year: number) => estimatedTaxDueDates(year).map((date) => [date]),
  },
  {
    name: 'NEXT_TAX_DUE',
    family: FAMILY,
    summary: 'The first US estimated-tax due date on or after a date.',
    shape: 'elementwise',
    params: [
      {
        name: 'date',
        kind: 'date',
        description: `A date from ${DUE_DATE_YEARS.first} to ${DUE_DATE_YEARS.last}, e.g. TODAY() in a cell.`,
        read: (v: CellInput): Date | Invalid => {
          const year = (v as Date).getFullYear();
          return year >= DUE_DATE_YEARS.first && year <= DUE_DATE_YEARS.last ? (v as Date) : new Invalid(DUE_DATE_RANGE);
        },
      },
    ],
    returns: 'The due date.',
    example: { formula: '=NEXT_TAX_DUE(DATE(2026,5,1))', result: '2026-06-15' },
    compute: (date: Date) => nextEstimatedTaxDue(date),
  },
  {
    name: 'SAFE_HARBOR',
    family: FAMILY,
    summary:
      "The smallest total of US estimated payments that avoids the underpayment penalty: 90% of this year's tax, or 100% (110% above $150,000 AGI) of last year's if less.",
    shape: 'elementwise',
    params: [
      {
        name: 'current_year_tax',
        kind: 'number',
        description: "This year's expected total tax, e.g. TAX_ESTIMATE_US(...).",
        min: { value: 0 },
      },
      priorYearTax,
      {
        name: 'prior_year_agi',
        kind: 'number',
        description: "Last year's adjusted gross income (AGI); decides between 100% and 110%.",
        defaultValue: 0,
      },
      filingStatus,
    ],
    returns: 'The payments needed for the year, withholding included.',
    example: { formula: '=SAFE_HARBOR(12000, 9000, 160000)', result: '9900' },
    compute: (current: number, prior: number | null, priorAgi: number, status: FilingStatus) =>
      safeHarbor(current, status, prior === NO_PRIOR_YEAR ? undefined : { tax: prior, adjustedGrossIncome: priorAgi }),
  },
  {
    name: 'ESTIMATED_PAYMENT_US',
    family: FAMILY,
    summary:
      "The US estimated-tax payment due now by the annualized income installment method (Form 2210 Schedule AI), from the year's cumulative profit so far: federal tax only.",
    shape: 'aggregate',
    params: [
      {
        name: 'ytd_profits',
        kind: 'series',
        jsdocType: 'Array<Array<number>>',
        description: `1 to 4 cells: the cumulative self-employment net profit at the end of each period (${PERIODS_TEXT}). The number of cells is the installment asked for.`,
        readRange: readPeriods('ytd_profits'),
      },
      {
        name: 'ytd_wages',
        kind: 'custom',
        jsdocType: 'Array<Array<number>>',
        description: 'Cumulative W-2 wages at the end of the same periods, one cell per profit cell; blank for none.',
        defaultValue: '',
        defaultLabel: 'none',
        expected: 'a number at least 0',
        readRange: readPeriods('ytd_wages'),
      },
      filingStatus,
      taxYear,
      priorYearTax,
      {
        name: 'prior_year_agi',
        kind: 'number',
        description: "Last year's adjusted gross income (AGI); decides between 100% and 110% of last year's tax.",
        defaultValue: 0,
        min: { value: 0 },
      },
      {
        name: 'paid_so_far',
        kind: 'number',
        description: 'Estimated tax already paid for the year.',
        defaultValue: 0,
        min: { value: 0 },
      },
      {
        name: 'withholding',
        kind: 'number',
        description: "The year's expected federal withholding from wages, counted as paid evenly (a quarter by each due date).",
        defaultValue: 0,
        min: { value: 0 },
      },
    ],
    returns: 'The payment still due for the installment: 0 when enough has been paid.',
    example: { formula: '=ESTIMATED_PAYMENT_US({0;5000;20000;100000}, , "single", 2025)', result: '20365.33' },
    compute: (
      profits: number[],
      wages: number[],
      status: FilingStatus,
      year: number,
      prior: number | null,
      priorAgi: number,
      paid: number,
      withholding: number,
    ) => {
      if (wages.length > 0 && wages.length !== profits.length) {
        throw new UserInputError(
          `has ${wages.length} periods but ytd_profits has ${profits.length}; expected one wage figure for each period, or none`,
          'ytd_wages',
        );
      }
      for (let i = 1; i < wages.length; i++) {
        if (wages[i] < wages[i - 1]) {
          throw new UserInputError(
            `falls from ${wages[i - 1]} to ${wages[i]} in period ${i + 1}; expected cumulative wages, which never fall`,
            'ytd_wages',
          );
        }
      }
      return annualizedInstallment({
        ytdProfits: profits,
        ytdWages: wages,
        status,
        year,
        priorYear: prior === NO_PRIOR_YEAR ? undefined : { tax: prior, adjustedGrossIncome: priorAgi },
        paidSoFar: paid,
        withholding,
      }).payment;
    },
  },
];
