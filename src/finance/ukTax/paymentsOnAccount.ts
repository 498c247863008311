/**
 * Self Assessment payments on account and the balancing payment (TMA 1970 ss.59A-59B; SI 1996/1654 as amended
 * by SI 1997/2491 and SI 2008/838). Capital gains tax and student loans, which are kept out of the POAs, are not modelled.
 */
import { ukYearLabel } from './tables';

/** SI 2008/838: no POAs when the relevant amount is under £1,000. */
const POA_MINIMUM = 1_000;
/** SI 1996/1654 reg 3 as amended by SI 1997/2491: nor when it is under 1/5 of the assessed amount. */
const POA_MINIMUM_SHARE = 0.2;
/** TMA s.59A(2): each payment on account is half the relevant amount. */
const POA_SHARE = 0.5;

/** Each payment on account due for the following year, given a year's bill and the tax deducted at source. */
export function paymentOnAccount(bill: number, atSource = 0): number {
  const due = bill >= POA_MINIMUM && bill >= POA_MINIMUM_SHARE * (bill + atSource);
  return due ? POA_SHARE * bill : 0;
}

interface PoaRow {
  date: Date;
  payment: string;
  amount: number;
}

/** The four Self Assessment payments touching tax year `year` (2025 = 2025/26), in date order. */
export function paymentsOnAccount(
  thisYearBill: number,
  lastYearBill: number,
  year: number,
  lastYearAtSource = 0,
  thisYearAtSource = 0,
): PoaRow[] {
  const poa = paymentOnAccount(lastYearBill, lastYearAtSource);
  const next = paymentOnAccount(thisYearBill, thisYearAtSource);
  const balancing = thisYearBill - 2 * poa;
  const label = ukYearLabel(year);
  const nextLabel = ukYearLabel(year + 1);
  const why = poa === 0 ? ` (none: ${ukYearLabel(year - 1)} bill under £1,000 or under 20% of that year's tax)` : '';
  return [
    // TMA s.59A(2)(a)-(b): 31 January in the year and 31 July after it.
    { date: new Date(year + 1, 0, 31), payment: `1st payment on account ${label}${why}`, amount: poa },
    { date: new Date(year + 1, 6, 31), payment: `2nd payment on account ${label}${why}`, amount: poa },
    // TMA s.59B(4): the balancing payment is due 31 January after the year, with the next year's 1st POA.
    {
      date: new Date(year + 2, 0, 31),
      payment: `Balancing payment ${label} + 1st payment on account ${nextLabel}`,
      amount: balancing + next,
    },
    { date: new Date(year + 2, 6, 31), payment: `2nd payment on account ${nextLabel}`, amount: next },
  ];
}
