/**
 * A sole trader's UK income tax and Class 4 National Insurance for a tax year. Trading profit plus other
 * non-savings income, personal allowance with the £100,000 taper, rUK or Scottish bands. Not modelled: Class 2
 * (no longer compulsory), savings and dividend rates, the trading allowance, reliefs, student loans, Marriage Allowance.
 */
import { type UkRegion, ukFiguresFor } from './tables';

interface UkTaxEstimate {
  personalAllowance: number;
  taxableIncome: number;
  incomeTax: number;
  class4: number;
  total: number;
}

export function personalAllowance(adjustedNetIncome: number, year: number): number {
  const f = ukFiguresFor(year);
  return Math.max(0, f.personalAllowance - Math.max(0, adjustedNetIncome - f.allowanceTaperStart) / 2);
}

function bandTax(taxable: number, tops: readonly number[], rates: readonly number[]): number {
  let tax = 0;
  let bottom = 0;
  rates.forEach((rate, i) => {
    const top = i < tops.length ? tops[i] : Number.POSITIVE_INFINITY;
    if (taxable > bottom) tax += (Math.min(taxable, top) - bottom) * rate;
    bottom = top;
  });
  return tax;
}

export function class4(profit: number, year: number): number {
  const f = ukFiguresFor(year);
  const main = Math.max(0, Math.min(profit, f.upperProfitsLimit) - f.lowerProfitsLimit);
  return f.class4MainRate * main + f.class4AdditionalRate * Math.max(0, profit - f.upperProfitsLimit);
}

export function ukTaxEstimate(profit: number, year: number, region: UkRegion = 'england', otherIncome = 0): UkTaxEstimate {
  const f = ukFiguresFor(year);
  const trading = Math.max(0, profit);
  const income = Math.max(0, trading + otherIncome);
  const allowance = personalAllowance(income, year);
  const taxableIncome = Math.max(0, income - allowance);
  const { tops, rates } = f.bands[region];
  const incomeTax = bandTax(taxableIncome, tops, rates);
  const ni = class4(trading, year);
  return { personalAllowance: allowance, taxableIncome, incomeTax, class4: ni, total: incomeTax + ni };
}

/** The tax the profit adds over the other income alone, divided by the profit; 0 when there is no profit. */
export function ukTaxRate(profit: number, year: number, region: UkRegion = 'england', otherIncome = 0): number {
  if (profit <= 0) return 0;
  return (ukTaxEstimate(profit, year, region, otherIncome).total - ukTaxEstimate(0, year, region, otherIncome).total) / profit;
}
