/**
 * Canada: federal tax and CPP by TAX_ESTIMATE_CA with a flat provincial rate, paid by CRA instalments (15 March,
 * June, September, December) once the year before's tax owing passed the threshold, and the balance on 30 April.
 */
import { CA_SUPPORTED_YEARS, GST_HST_SMALL_SUPPLIER_LIMIT } from '../../finance/caTax/tables';
import { WORKINGS_FIGURES } from '../model';
import type { CountryCalendar, PaymentRow, Workings } from './countryCalendar';

/** [year offset, month, day, instalment (0: the 30 April balance)] of each row, in date order. */
const PAYMENT_DAYS = [
  [1, 3, 15, 1],
  [0, 4, 30, 0],
  [1, 6, 15, 2],
  [1, 9, 15, 3],
  [1, 12, 15, 4],
  [1, 4, 30, 0],
] as const;

function craRows({ year, amountIn }: Workings): PaymentRow[] {
  // CRA due days on a weekend move to the next business day, as INSTALMENTS_CA moves them.
  const craDay = (offset: number, month: number, day: number) => `WORKDAY(DATE(${year(offset)},${month},${day})-1,1)`;
  // The rows are TAX_CALENDAR_CA's payments, in the same date order: row i quotes payment i + 1.
  return PAYMENT_DAYS.map(([offset, month, day, instalment], i) => {
    const due = () => craDay(i === 5 ? 2 : 1, month, day);
    return instalment
      ? {
          due,
          payment: (amount: string) => `"Instalment ${instalment} for "&${year(offset)}&IF(${amount}=0,": not required","")`,
          amount: () => amountIn(i + 1),
        }
      : {
          due,
          payment: (amount: string) => `"Balance due for "&${year(offset)}&IF(${amount}<0," (a refund)","")`,
          amount: () => amountIn(i + 1),
        };
  });
}

export const CANADA_CALENDAR: CountryCalendar = {
  workingsTitle: 'Tax workings: CRA instalments',
  calendarFunction: 'TAX_CALENDAR_CA',
  paymentRows: PAYMENT_DAYS.length,
  place: 'JW_PROVINCE_TAX_RATE',
  years: CA_SUPPORTED_YEARS,
  incomeLabel: 'Net income in the first year',
  monthsInFirstYear: (read) => `(13-MONTH(${read.cell('JW_LEAVE_DATE')}))`,
  registration: {
    id: WORKINGS_FIGURES.gstHstLimit,
    label: 'GST/HST small-supplier limit (Excise Tax Act s.148)',
    value: { number: GST_HST_SMALL_SUPPLIER_LIMIT },
    format: 'money',
  },
  headingNote: 'CRA instalments (INSTALMENTS_CA) and the 30 April balances: due date and amount',
  rows: craRows,
  firstDetail: ({ year }) =>
    `"The first payment with something to pay: no instalments fall in "&${year(0)}&", so its tax owing is all due on 30 April after it, unless the "&${year(1)}&" instalments start first"`,
  closingNote: (workings) =>
    `Your first year on your own needs no instalments (they start once tax owing passed the threshold in the year before or the one before that): its tax is the 30 April balance, and the second year's instalments follow from it. The owing behind these payments is in the tax workings at ${workings}.`,
};
