/**
 * The tax settings: for each, the inputs it adds, the words of its "Tax set-aside" row, the five key numbers it
 * decides (the set-aside rate, the full-year rate, the tax year, the first and the largest payment and their dates) with their
 * words, and its calendar block. A new country is one setting here and, when it has a calendar, one module beside
 * calendarUk.ts (a CountryCalendar) or its own block.
 */

import { PRODUCT_NAME } from '../../brand';
import { CA_SUPPORTED_YEARS } from '../../finance/caTax/tables';
import { UK_SUPPORTED_YEARS } from '../../finance/ukTax/tables';
import type { Reader } from '../../layout/grid';
import { type Answers, FILING_STATUSES, TAX_MODES } from '../answers';
import { TAX_FIGURES_YEARS } from '../model';
import { CANADA_CALENDAR } from './calendarCanada';
import { UK_CALENDAR, ukEmployed, ukYearOf, ukYearText } from './calendarUk';
import { calendarUs, US_PAYMENTS, usFirstDetail, usLargestDetail } from './calendarUs';
import {
  clampTo,
  FIRST_YEAR_INCOME,
  type InputSpec,
  LABEL,
  LAST_MAIN,
  type MainBlock,
  PARTNER_WAGES,
  type PlanSheet,
  shownAs,
  type TaxSetting,
  type TaxSystem,
  text,
  WAGES,
} from './common';
import { countryCalendarBlock, countryDetails, countryPayments, figuresYear } from './countryCalendar';
import { UK_REGIONS, wagesInput } from './inputs';

export const UK_REGION_LABEL = 'UK income tax region';
export const PROVINCE_RATE_LABEL = 'Provincial income tax rate';
/** How the set-aside row names the UK and Canadian estimates. */
const COUNTRY_ESTIMATES = {
  uk: 'Estimate for me (UK income tax + Class 4 National Insurance)',
  canada: 'Estimate for me (Canadian federal tax + CPP + provincial rate)',
} as const;

const leave = (read: Reader) => read.cell('JW_LEAVE_DATE');
const taxYear = (read: Reader) => read.cell('JW_TAX_YEAR');
const expected = (read: Reader) => read.cell('JW_EXPECTED_MONTHLY');
const shown = (read: Reader, sheet: PlanSheet, id: string) => shownAs(sheet.formats, read.cell(id), 'money');
/** Months employed in the calendar year of the leave date. */
const monthsBeforeLeave = (read: Reader) => `(MONTH(${leave(read)})-1)`;
const leaveYear = (read: Reader) => `YEAR(${leave(read)})`;
/** The US tax tables' years: a leave year outside them is estimated with the nearest, and says so. */
const usFiguresYear = (read: Reader) => clampTo([TAX_FIGURES_YEARS.first, TAX_FIGURES_YEARS.last], taxYear(read));

/** Elsewhere: Jumpwise has no calendar, and says so. */
const noCalendar: MainBlock = (g, _sheet, row) => {
  g.heading(row + 1, LABEL, text('Tax payments'), { fillThrough: LAST_MAIN });
  g.put(
    row + 2,
    LABEL,
    text(
      `${PRODUCT_NAME} has no tax calendar for your country: find out when your tax authority wants payments, and keep the set-aside in its own account until then.`,
    ),
  );
  return row + 3;
};
type Payments = Pick<
  TaxSetting['figures'],
  'JW_FIRST_TAX_PAYMENT' | 'JW_FIRST_TAX_DATE' | 'JW_LARGEST_TAX_PAYMENT' | 'JW_LARGEST_TAX_DATE'
>;
type PaymentDetails = Pick<TaxSetting['details'], 'JW_FIRST_TAX_PAYMENT' | 'JW_LARGEST_TAX_PAYMENT'>;
const noCalendarCell = () => '="No calendar"';
const NO_CALENDAR: Payments = {
  JW_FIRST_TAX_PAYMENT: noCalendarCell,
  JW_FIRST_TAX_DATE: noCalendarCell,
  JW_LARGEST_TAX_PAYMENT: noCalendarCell,
  JW_LARGEST_TAX_DATE: noCalendarCell,
};
const noCalendarWords = () =>
  `="${PRODUCT_NAME} has no tax calendar for your country: ask your tax authority when payments fall due"`;
const NO_CALENDAR_DETAILS: PaymentDetails = {
  JW_FIRST_TAX_PAYMENT: noCalendarWords,
  JW_LARGEST_TAX_PAYMENT: noCalendarWords,
};
const US_DETAILS: PaymentDetails = { JW_FIRST_TAX_PAYMENT: usFirstDetail, JW_LARGEST_TAX_PAYMENT: usLargestDetail };

export const FLAT_RATE_INPUT = {
  name: 'JW_FLAT_TAX_RATE',
  label: 'Tax set-aside rate (flat)',
  format: 'percent',
  answer: 'taxRate',
} as const satisfies InputSpec;
export const FILING_STATUS_INPUT = {
  name: 'JW_FILING_STATUS',
  label: 'Filing status',
  format: 'general',
  answer: 'filingStatus',
  value: (s: PlanSheet) => text(FILING_STATUSES[s.answers.filingStatus]),
  choices: Object.values(FILING_STATUSES),
} as const satisfies InputSpec;
export const STATE_RATE_INPUT = {
  name: 'JW_STATE_TAX_RATE',
  label: 'State income tax rate',
  format: 'percent',
  answer: 'stateTaxRate',
} as const satisfies InputSpec;
/** A flat rate the person chose: every rate is that cell. */
const flat = (calendar: MainBlock, payments: Payments, paymentDetails: PaymentDetails) =>
  ({
    system: 'flat',
    mode: TAX_MODES.flat,
    inputs: [FLAT_RATE_INPUT],
    figures: {
      JW_TAX_RATE: (read) => `=${read.cell('JW_FLAT_TAX_RATE')}`,
      JW_FULL_YEAR_TAX_RATE: (read) => `=${read.cell('JW_FLAT_TAX_RATE')}`,
      JW_TAX_YEAR: (read) => `=${leaveYear(read)}`,
      ...payments,
    },
    details: paymentDetails,
    calendar,
  }) satisfies TaxSetting;

const US_ESTIMATE: TaxSetting = {
  system: 'us_estimate',
  mode: TAX_MODES.us_estimate,
  inputs: [
    FILING_STATUS_INPUT,
    STATE_RATE_INPUT,
    // Wages of the leave year follow from the salary and the leave date; the person may type the real figure over it.
    wagesInput(monthsBeforeLeave, leaveYear),
  ],
  figures: {
    JW_TAX_RATE: (read) =>
      `=TAX_RATE_US(${expected(read)}*(13-MONTH(${leave(read)})),${read.cell('JW_FILING_STATUS')},${usFiguresYear(read)},${read.cell('JW_STATE_TAX_RATE')},${read.cell(WAGES)},${read.cell(PARTNER_WAGES)})`,
    JW_FULL_YEAR_TAX_RATE: (read) =>
      `=TAX_RATE_US(12*${expected(read)},${read.cell('JW_FILING_STATUS')},${clampTo([TAX_FIGURES_YEARS.first, TAX_FIGURES_YEARS.last], `YEAR(${read.cell('JW_READY_DATE')})`)},${read.cell('JW_STATE_TAX_RATE')},0,${read.cell(PARTNER_WAGES)})`,
    JW_TAX_YEAR: (read) => `=${leaveYear(read)}`,
    ...US_PAYMENTS,
  },
  details: {
    JW_TAX_YEAR: (read) => {
      const [figures, year] = [usFiguresYear(read), taxYear(read)];
      return `=IF(${figures}<>${year},${figures}&" US tax figures used for "&${year}&" (the latest ${PRODUCT_NAME} has)",${year}&" US tax figures")`;
    },
    JW_FULL_YEAR_TAX_RATE: (read, sheet) =>
      `="TAX_RATE_US on 12 months of "&${shown(read, sheet, 'JW_EXPECTED_MONTHLY')}&" and no wages of yours (a joint return's partner wages counted): what the risk simulates with"`,
    JW_TAX_RATE: (read, sheet) =>
      `="TAX_RATE_US on "&${shown(read, sheet, 'JW_EXPECTED_MONTHLY')}&" a month from the leave month to December, with the wages above (a joint return's partner wages too)"`,
    ...US_DETAILS,
  },
  calendar: calendarUs,
};

const UK: TaxSetting = {
  system: 'uk',
  mode: COUNTRY_ESTIMATES.uk,
  inputs: [
    {
      name: 'JW_UK_REGION',
      label: UK_REGION_LABEL,
      format: 'general',
      value: (s) => text(UK_REGIONS[s.answers.taxCountry as keyof typeof UK_REGIONS]),
      choices: Object.values(UK_REGIONS),
      note: () => text('"england" (England, Wales, NI) or "scotland" (Scottish bands)'),
    },
    wagesInput(ukEmployed, (read) => `"the "&${ukYearText(taxYear(read))}&" tax year"`),
  ],
  figures: {
    JW_TAX_RATE: (read) =>
      `=TAX_RATE_UK(${read.cell(FIRST_YEAR_INCOME)},${figuresYear(read, UK_CALENDAR, 0)},${read.cell('JW_UK_REGION')},${read.cell(WAGES)})`,
    JW_FULL_YEAR_TAX_RATE: (read) =>
      `=TAX_RATE_UK(12*${expected(read)},${clampTo(UK_SUPPORTED_YEARS, ukYearOf(read.cell('JW_READY_DATE')))},${read.cell('JW_UK_REGION')},0)`,
    JW_TAX_YEAR: (read) => `=${ukYearOf(leave(read))}`,
    ...countryPayments,
  },
  details: {
    JW_TAX_YEAR: (read) => {
      const [figures, year] = [figuresYear(read, UK_CALENDAR, 0), taxYear(read)];
      return `=${ukYearText(year)}&" UK tax year (6 April to 5 April)"&IF(${figures}<>${year}," – "&${ukYearText(figures)}&" figures used (the latest ${PRODUCT_NAME} has)","")`;
    },
    JW_FULL_YEAR_TAX_RATE: (read, sheet) =>
      `="TAX_RATE_UK on 12 months of "&${shown(read, sheet, 'JW_EXPECTED_MONTHLY')}&" and no wages: what the risk simulates with"`,
    JW_TAX_RATE: (read, sheet) =>
      `="TAX_RATE_UK on "&${shown(read, sheet, FIRST_YEAR_INCOME)}&" of profit from the leave month to 5 April, built up over your ramp months, with the wages above"`,
    ...countryDetails(UK_CALENDAR),
  },
  calendar: countryCalendarBlock(UK_CALENDAR),
};

const CANADA: TaxSetting = {
  system: 'canada',
  mode: COUNTRY_ESTIMATES.canada,
  inputs: [
    {
      name: 'JW_PROVINCE_TAX_RATE',
      label: PROVINCE_RATE_LABEL,
      format: 'percent',
      answer: 'stateTaxRate',
      note: () => text("Your province or territory's tax as a flat rate (not Quebec)"),
    },
    wagesInput(monthsBeforeLeave, leaveYear),
  ],
  figures: {
    JW_TAX_RATE: (read) =>
      `=TAX_RATE_CA(${read.cell(FIRST_YEAR_INCOME)},${figuresYear(read, CANADA_CALENDAR, 0)},${read.cell('JW_PROVINCE_TAX_RATE')},${read.cell(WAGES)})`,
    JW_FULL_YEAR_TAX_RATE: (read) =>
      `=TAX_RATE_CA(12*${expected(read)},${clampTo(CA_SUPPORTED_YEARS, `YEAR(${read.cell('JW_READY_DATE')})`)},${read.cell('JW_PROVINCE_TAX_RATE')},0)`,
    JW_TAX_YEAR: (read) => `=${leaveYear(read)}`,
    ...countryPayments,
  },
  details: {
    JW_TAX_YEAR: (read) => {
      const [figures, year] = [figuresYear(read, CANADA_CALENDAR, 0), taxYear(read)];
      return `=IF(${figures}<>${year},${figures}&" Canadian tax figures used for "&${year}&" (the latest ${PRODUCT_NAME} has)",${year}&" Canadian tax figures")`;
    },
    JW_FULL_YEAR_TAX_RATE: (read, sheet) =>
      `="TAX_RATE_CA on 12 months of "&${shown(read, sheet, 'JW_EXPECTED_MONTHLY')}&" and no wages: what the risk simulates with"`,
    JW_TAX_RATE: (read, sheet) =>
      `="TAX_RATE_CA on "&${shown(read, sheet, FIRST_YEAR_INCOME)}&" of net income from the leave month to December, built up over your ramp months, with the wages above"`,
    ...countryDetails(CANADA_CALENDAR),
  },
  calendar: countryCalendarBlock(CANADA_CALENDAR),
};

/** The tax setting of the answers: the country decides, and in the US the person's choice of mode. */
export function taxSettingOf(a: Pick<Answers, 'taxCountry' | 'taxMode'>): TaxSetting {
  if (a.taxCountry === 'uk_england' || a.taxCountry === 'uk_scotland') return UK;
  if (a.taxCountry === 'canada') return CANADA;
  if (a.taxCountry === 'us') return a.taxMode === 'us_estimate' ? US_ESTIMATE : flat(calendarUs, US_PAYMENTS, US_DETAILS);
  return flat(noCalendar, NO_CALENDAR, NO_CALENDAR_DETAILS);
}

/** Every setting, for what is derived from all of them (the input names each adds). */
export const TAX_SETTINGS: Record<TaxSystem, TaxSetting> = {
  us_estimate: US_ESTIMATE,
  flat: flat(noCalendar, NO_CALENDAR, NO_CALENDAR_DETAILS),
  uk: UK,
  canada: CANADA,
};
