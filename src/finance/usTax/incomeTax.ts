/** Federal income tax from the rate schedule (exact arithmetic, not the $50-band Tax Table). */
import { type FilingStatus, figuresFor, STATUTE } from './tables';

export function incomeTax(taxableIncome: number, status: FilingStatus, year: number): number {
  if (taxableIncome <= 0) return 0;
  const tops = figuresFor(year).bracketTops[status];
  let tax = 0;
  let bottom = 0;
  STATUTE.bracketRates.forEach((rate, i) => {
    const top = i < tops.length ? tops[i] : Number.POSITIVE_INFINITY;
    if (taxableIncome > bottom) tax += (Math.min(taxableIncome, top) - bottom) * rate;
    bottom = top;
  });
  return tax;
}
