/**
 * The UK: income tax and Class 4 National Insurance by TAX_ESTIMATE_UK on the tax year from 6 April, paid by Self
 * Assessment: payments on account on 31 January and 31 July, the balancing payment on 31 January after the year.
 */
import { SELF_ASSESSMENT_REGISTRATION, UK_SUPPORTED_YEARS } from '../../finance/ukTax/tables';
import type { Reader } from '../../layout/grid';
import { WORKINGS_FIGURES } from '../model';
import { type CountryCalendar, type PaymentRow, type Workings, yearAfter } from './countryCalendar';

/** A UK tax year as people write it ("2026/27"), from a formula for the year it starts in. */
export const ukYearText = (year: string): string => `${year}&"/"&RIGHT(${year}+1,2)`;
/** The UK tax year a day falls in: the year it started in, on 6 April. */
export const ukYearOf = (day: string): string => `(YEAR(${day})-IF(${day}<DATE(YEAR(${day}),4,6),1,0))`;
/** The months employed in the leave tax year: those from April to the leave month. */
export const ukEmployed = (read: Reader): string => {
  const leave = read.cell('JW_LEAVE_DATE');
  return `((YEAR(${leave})-${read.cell('JW_TAX_YEAR')})*12+MONTH(${leave})-4)`;
};

/**
 * The payments from the first bill on, as TAX_CALENDAR_UK lists them in the workings: on each 31 January after a tax
 * year t (0: the leave tax year) its balancing payment with the next year's 1st payment on account, on 31 July its
 * 2nd. The first year has no payments on account (the year before had no Self Assessment bill), so nothing falls
 * due while the person is still employed. Payments on account are due only when the previous year's bill was large
 * enough and not mostly taxed at source (PAYMENTS_ON_ACCOUNT_UK's rule).
 */
function selfAssessmentRows({ year, amountIn }: Workings): PaymentRow[] {
  const afterYear = (t: 0 | 1): PaymentRow[] => [
    {
      due: () => `DATE(${year(t + 2)},1,31)`,
      payment: () => `"Balancing payment "&${ukYearText(year(t))}&" + 1st payment on account "&${ukYearText(year(t + 1))}`,
      amount: () => amountIn(2 * t + 1),
    },
    {
      due: () => `DATE(${year(t + 2)},7,31)`,
      payment: (shown) =>
        `IF(${shown}=0,"No payment on account for "&${ukYearText(year(t + 1))}&": the "&${ukYearText(year(t))}&" bill was too small or mostly taxed at source","2nd payment on account "&${ukYearText(year(t + 1))})`,
      amount: () => amountIn(2 * t + 2),
    },
  ];
  return [...afterYear(0), ...afterYear(1)];
}

const { month, day, yearsAfterTaxYearStart } = SELF_ASSESSMENT_REGISTRATION;

export const UK_CALENDAR: CountryCalendar = {
  workingsTitle: 'Tax workings: Self Assessment',
  calendarFunction: 'TAX_CALENDAR_UK',
  paymentRows: 4,
  place: 'JW_UK_REGION',
  years: UK_SUPPORTED_YEARS,
  incomeLabel: 'Profit in the first tax year',
  monthsInFirstYear: (read) => `(12-${ukEmployed(read)})`,
  registration: {
    id: WORKINGS_FIGURES.selfAssessmentRegistration,
    label: 'Self Assessment registration deadline (TMA 1970 s.7)',
    value: (read) => `=DATE(${yearAfter(read, yearsAfterTaxYearStart)},${month},${day})`,
    format: 'date',
  },
  headingNote: 'Self Assessment (PAYMENTS_ON_ACCOUNT_UK): due date and amount',
  rows: selfAssessmentRows,
  firstDetail: ({ year }) =>
    `"31 January after the "&${ukYearText(year(0))}&" tax year: that year's bill, plus half of it again when a payment on account is due (none falls in your first tax year)"`,
  closingNote: (workings) =>
    `Until you leave, PAYE takes tax from your wages; the bills behind these payments are in the tax workings at ${workings}.`,
};
