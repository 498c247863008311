/** Self-employment tax as Schedule SE computes it (short form, no church income, no farm optional method). */
import { figuresFor, STATUTE } from './tables';

interface SelfEmploymentTax {
  /** Net earnings from self-employment (Schedule SE line 4a); negative for a loss. */
  netEarnings: number;
  /** Net earnings the tax applies to: 0 below the $400 floor (line 4c). */
  taxedEarnings: number;
  /** The 12.4% part, on earnings up to what is left of the wage base after W-2 wages (lines 7-10). */
  socialSecurity: number;
  /** The 2.9% part, on all taxed earnings (line 11). */
  medicare: number;
  total: number;
}

export function selfEmploymentTax(netProfit: number, year: number, w2Wages = 0): SelfEmploymentTax {
  const netEarnings = netProfit * STATUTE.netEarningsShare;
  const taxedEarnings = netEarnings < STATUTE.netEarningsMinimum ? 0 : netEarnings;
  const wageBaseLeft = Math.max(0, figuresFor(year).socialSecurityWageBase - w2Wages);
  const socialSecurity = STATUTE.socialSecurityRate * Math.min(taxedEarnings, wageBaseLeft);
  const medicare = STATUTE.medicareRate * taxedEarnings;
  return { netEarnings, taxedEarnings, socialSecurity, medicare, total: socialSecurity + medicare };
}
