/**
 * The country the Books follow: its tax year, the tax form its categories map to, the dates its tax authority wants
 * payments on, and the words the Books and the check-in use for them. The plan's tax setting decides (Where you pay
 * tax); without a plan, the spreadsheet's locale (taxCountryOfLocale). Every figure and date here carries its source.
 */

import { PRODUCT_NAME } from '../brand';
import { CA_SUPPORTED_YEARS } from '../finance/caTax/tables';
import { UK_SUPPORTED_YEARS } from '../finance/ukTax/tables';
import type { TaxCountry } from '../plan/answers';
import { ukYearText } from '../plan/blocks/calendarUk';
import { clampTo } from '../plan/blocks/common';
import { SCHEDULE_C_LINES } from './categories';

export type BooksCountryKey = 'us' | 'uk' | 'canada' | 'elsewhere';

/** A line (or box) of the country's self-employment form, in the form's order and wording. */
export interface FormLine {
  line: string;
  name: string;
  /** An income line: added; every other line is an expense, taken off. */
  income?: boolean;
  /** Lines of an earlier form that Categories sheets made then still say, counted on this line. */
  alsoCounts?: readonly string[];
}

/** A date of the tax calendar, relative to the Books year Y: `yearsAfter` years after it, on month/day. */
interface DueDay {
  month: number;
  day: number;
  yearsAfter: number;
}

export interface TaxPaymentPeriod extends DueDay {
  /** What the payment is, in the authority's words. */
  name: string;
  /**
   * What else a payment on this date is: a payment of the year `yearsAfter` this one, which counts it too, since a
   * bank row does not say how one payment splits between two years' bills.
   */
  alsoFor?: { name: string; yearsAfter: number };
}

export interface BooksCountry {
  key: BooksCountryKey;
  /** The first day of the Books year (the tax year), in the year it is named by. */
  yearStart: { month: number; day: number };
  /** The form the categories map to; null where Jumpwise knows no form (the form block then totals by kind). */
  form: {
    /** The heading before the year, e.g. "SA103F Self-employment (full)". */
    title: string;
    /** "Line" or "Box", as the form numbers its entries. */
    lineWord: string;
    /** The Categories sheet's column C heading. */
    categoriesHeader: string;
    lines: readonly FormLine[];
  } | null;
  /**
   * The tax payments of the year, in date order, and the last date before them whose payments count for the year
   * before. The US dates come from TAX_DUE_DATES (weekends and holidays moved); null there.
   */
  payments: { previous: DueDay; periods: readonly TaxPaymentPeriod[] } | null;
  /** Words for the year's tax payments: the Books' month column and the check-in's line. */
  taxPaidWords: string;
  /** The heading of the tax-paid block, after "… for <year>". */
  taxPaidTitle: string;
}

/**
 * IRS Schedule C (Form 1040) 2025: the lines are src/books/categories.ts SCHEDULE_C_LINES; 1040-ES dates come from
 * the US due-date table through TAX_DUE_DATES.
 */
const US: BooksCountry = {
  key: 'us',
  yearStart: { month: 1, day: 1 },
  form: {
    title: 'Schedule C (Form 1040)',
    lineWord: 'Line',
    categoriesHeader: 'Schedule C line',
    // Part I: lines 1 (gross receipts) and 6 (other income) are income; Part II's lines are expenses.
    lines: SCHEDULE_C_LINES.map((l) => (l.line === '1' || l.line === '6' ? { ...l, income: true } : l)),
  },
  payments: null,
  taxPaidWords: 'Estimated tax paid',
  taxPaidTitle: '(Form 1040-ES)',
};

/**
 * HMRC SA103F "Self-employment (full)" 2025 (tax year 2024-25) and its notes, "Self-employment (full) notes"
 * (SA103F Notes 2025): "Business income" boxes 15-16 and "Business expenses" boxes 17-30, box 31 their total, box 47
 * the net profit: gov.uk/government/publications/self-assessment-self-employment-full-sa103f.
 * The search reached that page but not the 2025 PDF; the box numbers and names were checked against secondary
 * sources quoting the 2024-25 form: GoSimpleTax's SA103F 2024-25 help (support.gosimpletax.com: "SA103F Box 15: How
 * do I show my Self Employed turnover?", "Box 47 ... based on the entries in boxes 15 to 46"), QuickBooks UK "About
 * SA103F categories" (boxes 17-21) and Sage UK "Deduction categories for allowable expenses" (boxes 20, 24, 26, 28).
 * The 2012-13 form had turnover in box 14 and expenses in boxes 16-29, one lower.
 * Books shows the allowable part on each box and leaves out client entertaining, which is not allowable (ITTOIA 2005
 * s.45; HMRC BIM45000; SA103F Notes, box 24). The form wants each box's total with the disallowable part again in
 * boxes 32-45; entering the allowable part with nothing disallowable gives the same taxable profit.
 * Box 16.1 (trading income allowance, instead of expenses) and the SA103S short form's boxes (9-20) are not used.
 */
export const SA103F_BOXES: readonly FormLine[] = [
  { line: '15', name: 'Your turnover: the takings, fees, sales or money earned by your business', income: true },
  { line: '16', name: 'Any other business income not included in box 15', income: true },
  { line: '17', name: 'Cost of goods bought for resale or goods used' },
  { line: '18', name: 'Construction industry: payments to subcontractors' },
  { line: '19', name: 'Wages, salaries and other staff costs' },
  { line: '20', name: 'Car, van and travel expenses' },
  { line: '21', name: 'Rent, rates, power and insurance costs' },
  { line: '22', name: 'Repairs and maintenance of property and equipment' },
  { line: '23', name: 'Phone, fax, stationery and other office costs' },
  { line: '24', name: 'Advertising and business entertainment costs' },
  { line: '25', name: 'Interest on bank and other loans' },
  { line: '26', name: 'Bank, credit card and other financial charges' },
  { line: '27', name: 'Irrecoverable debts written off' },
  { line: '28', name: 'Accountancy, legal and other professional fees' },
  { line: '29', name: 'Depreciation and loss or profit on sale of assets' },
  { line: '30', name: 'Other business expenses' },
];

/**
 * The UK tax year runs 6 April to 5 April (gov.uk "Self Assessment tax returns": "The tax year runs from 6 April
 * to 5 April the following year"). Payments: the 1st payment on account on 31 January in the year, the 2nd on 31
 * July after it, and the balancing payment on the next 31 January (TMA 1970 ss.59A(2) and 59B(4); gov.uk
 * "Understanding your Self Assessment tax bill: Payments on account"). HMRC's dates do not move for weekends.
 */
const UK: BooksCountry = {
  key: 'uk',
  yearStart: { month: 4, day: 6 },
  form: { title: 'SA103F Self-employment (full)', lineWord: 'Box', categoriesHeader: 'SA103F box', lines: SA103F_BOXES },
  payments: {
    // The year before's 2nd payment on account: a payment after it counts for this year.
    previous: { month: 7, day: 31, yearsAfter: 0 },
    periods: [
      // 31 January pays the year before's balancing payment and this year's 1st payment on account at once.
      {
        name: '1st payment on account',
        month: 1,
        day: 31,
        yearsAfter: 1,
        alsoFor: { name: 'balancing payment', yearsAfter: -1 },
      },
      { name: '2nd payment on account', month: 7, day: 31, yearsAfter: 1 },
      { name: 'Balancing payment', month: 1, day: 31, yearsAfter: 2, alsoFor: { name: '1st payment on account', yearsAfter: 1 } },
    ],
  },
  taxPaidWords: 'Self Assessment paid',
  taxPaidTitle: '(payments on account and balancing payment, HMRC)',
};

/**
 * CRA Form T2125 "Statement of Business or Professional Activities" (2025) and its guide T4002 "Self-employed
 * Business, Professional, Commission, Farming, and Fishing Income". canada.ca "Completing form T2125", "Part 3 -
 * Gross business or professional income": line 8000 adjusted gross sales or adjusted professional fees, 8230 other
 * income (with 8290 reserves they make 8299, gross business or professional income); "Expenses section of Form
 * T2125", Part 4: the expense lines below in the form's order (9281 motor vehicle before 9270 other expenses), whose
 * total is 9368 and net 9369, net income (loss) before adjustments. Not listed, as no default category uses them:
 * 8871 management and administration fees, 9180 property taxes, 9224 fuel (not for vehicles), 9275 delivery, 9936
 * CCA. Line 8523: meals and entertainment, 50% deductible (ITA s.67.1(1); T4002, line 8523).
 */
export const T2125_LINES: readonly FormLine[] = [
  { line: '8000', name: 'Adjusted gross sales or adjusted professional fees', income: true },
  { line: '8230', name: 'Other income', income: true },
  { line: '8521', name: 'Advertising' },
  { line: '8523', name: 'Meals and entertainment (50%)' },
  { line: '8590', name: 'Bad debts' },
  { line: '8690', name: 'Insurance' },
  { line: '8710', name: 'Interest and bank charges' },
  { line: '8760', name: 'Business taxes, licences and memberships' },
  { line: '8810', name: 'Office expenses' },
  { line: '8811', name: 'Office stationery and supplies' },
  { line: '8860', name: 'Professional fees (includes legal and accounting fees)' },
  { line: '8910', name: 'Rent' },
  { line: '8960', name: 'Repairs and maintenance' },
  { line: '9060', name: 'Salaries, wages, and benefits' },
  { line: '9200', name: 'Travel expenses' },
  { line: '9220', name: 'Telephone and utilities' },
  { line: '9281', name: 'Motor vehicle expenses (not including CCA)' },
  { line: '9270', name: 'Other expenses' },
];

/**
 * Canada's tax year for an individual is the calendar year (ITA s.249(1)). Instalments are due 15 March, 15 June,
 * 15 September and 15 December (ITA s.156(1)), the balance on 30 April of the next year (ITA s.248(1)
 * "balance-due day"; canada.ca "Pay your instalments", "Due dates"): a payment on the next business day after a
 * weekend is on time, so the statutory dates are shown.
 */
const CANADA: BooksCountry = {
  key: 'canada',
  yearStart: { month: 1, day: 1 },
  form: {
    title: 'T2125 Business or Professional Activities',
    lineWord: 'Line',
    categoriesHeader: 'T2125 line',
    lines: T2125_LINES,
  },
  payments: {
    previous: { month: 12, day: 31, yearsAfter: -1 },
    periods: [
      { name: 'Instalment 1', month: 3, day: 15, yearsAfter: 0 },
      { name: 'Instalment 2', month: 6, day: 15, yearsAfter: 0 },
      { name: 'Instalment 3', month: 9, day: 15, yearsAfter: 0 },
      { name: 'Instalment 4', month: 12, day: 15, yearsAfter: 0 },
      { name: 'Balance due', month: 4, day: 30, yearsAfter: 1 },
    ],
  },
  taxPaidWords: 'Instalments paid',
  taxPaidTitle: '(CRA instalments and balance)',
};

/** Jumpwise has no tables or calendar for other countries: the calendar year, no form, the plan's flat rate. */
const ELSEWHERE: BooksCountry = {
  key: 'elsewhere',
  yearStart: { month: 1, day: 1 },
  form: null,
  payments: {
    previous: { month: 12, day: 31, yearsAfter: -1 },
    periods: [{ name: 'Paid in the year', month: 12, day: 31, yearsAfter: 0 }],
  },
  taxPaidWords: 'Tax paid',
  taxPaidTitle: `(no tax calendar: ${PRODUCT_NAME} has none for your country)`,
};

export const BOOKS_COUNTRIES: Readonly<Record<BooksCountryKey, BooksCountry>> = {
  us: US,
  uk: UK,
  canada: CANADA,
  elsewhere: ELSEWHERE,
};

/** The Books country of a plan's (or a locale's) tax country: Scotland and the rest of the UK keep one calendar. */
export function booksCountryKey(taxCountry: TaxCountry): BooksCountryKey {
  if (taxCountry === 'uk_england' || taxCountry === 'uk_scotland') return 'uk';
  if (taxCountry === 'canada' || taxCountry === 'us') return taxCountry;
  return 'elsewhere';
}

/** A date of the calendar as a formula, for the Books year in `yearCell`. */
export const dueDateFormula = (d: DueDay, yearCell: string): string =>
  `DATE(${yearCell}${d.yearsAfter === 0 ? '' : d.yearsAfter > 0 ? `+${d.yearsAfter}` : d.yearsAfter},${d.month},${d.day})`;

/** The first day of the Books year in `yearCell`, and the first day of the next, as formulas. */
export const yearStartFormula = (country: BooksCountry, yearCell: string, yearsAfter = 0): string =>
  dueDateFormula({ ...country.yearStart, yearsAfter }, yearCell);

/** The year as people name it: "2026", or the UK's "2026/27". A formula expression. */
export const yearTextFormula = (country: BooksCountry, yearCell: string): string =>
  country.key === 'uk' ? ukYearText(yearCell) : yearCell;

/** The year in the country's tables for the Books year: the nearest Jumpwise has, as the plan does. */
export function figuresYearFormula(country: BooksCountry, yearCell: string): string {
  return clampTo(country.key === 'uk' ? UK_SUPPORTED_YEARS : CA_SUPPORTED_YEARS, yearCell);
}

/** The Books year a day (ISO) falls in. */
export function booksYearOfDay(country: BooksCountry, iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const { month, day } = country.yearStart;
  return m < month || (m === month && d < day) ? y - 1 : y;
}
