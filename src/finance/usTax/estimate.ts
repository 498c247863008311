/**
 * A year's federal (plus flat state) tax for a sole proprietor with optional W-2 wages, and the share of each
 * self-employment dollar to set aside. Standard deduction only: no credits, itemized deductions, AMT or local tax.
 */
import { incomeTax } from './incomeTax';
import { selfEmploymentTax } from './selfEmploymentTax';
import { type FilingStatus, figuresFor, STATUTE } from './tables';

export interface TaxEstimateInput {
  netProfit: number;
  status: FilingStatus;
  year: number;
  /** Flat state income tax rate applied to AGI, e.g. 0.05. */
  stateRate?: number;
  /** W-2 wages from a job held alongside (Social Security and Medicare wages). */
  w2Wages?: number;
  /**
   * A spouse's wages on a joint return: taxable income and the additional Medicare tax's threshold count them (one
   * return, Form 8959's combined wages), the self-employed person's Social Security wage base does not (Schedule SE
   * counts only that person's own wages). Ignored unless the status is married filing jointly: on any other return
   * the spouse's wages are not this return's income.
   */
  spouseWages?: number;
}

interface TaxEstimate {
  seTax: number;
  adjustedGrossIncome: number;
  /** Taxable income before the QBI deduction: AGI less the standard deduction, never below 0. */
  taxableBeforeQbi: number;
  qualifiedBusinessIncome: number;
  qbiDeduction: number;
  taxableIncome: number;
  incomeTax: number;
  additionalMedicare: number;
  stateTax: number;
  total: number;
}

/**
 * Section 199A deduction for a sole proprietor with no employees and no qualified property, so the W-2 wage and
 * property limit is 0: 20% of QBI, falling linearly to 0 across the phase-in range above the threshold
 * (199A(b)(3)(B)), then nothing; the result is capped at 20% of taxable income (199A(a)); from 2026 the 199A(i)
 * minimum applies. The deduction never takes taxable income below 0.
 */
export function qbiDeduction(qbi: number, taxableBeforeQbi: number, status: FilingStatus, year: number): number {
  if (qbi <= 0 || taxableBeforeQbi <= 0) return 0;
  const figures = figuresFor(year);
  const threshold = figures.qbiThreshold[status];
  const range = figures.qbiPhaseInRange[status];
  // 199A(b)(3)(B) phases in the reduction of each business's 20% of QBI; the 20%-of-taxable-income cap of
  // 199A(a) applies to what is left. (Capping first, then phasing, understates the deduction in the band.)
  const phasedOut = Math.min(1, Math.max(0, (taxableBeforeQbi - threshold) / range));
  let deduction = Math.min(STATUTE.qbiRate * qbi * (1 - phasedOut), STATUTE.qbiRate * taxableBeforeQbi);
  const minimum = figures.qbiMinimumDeduction;
  if (minimum && qbi >= minimum.minimumQbi) deduction = Math.max(deduction, minimum.amount);
  return Math.min(deduction, taxableBeforeQbi);
}

export function taxEstimate({
  netProfit,
  status,
  year,
  stateRate = 0,
  w2Wages = 0,
  spouseWages = 0,
}: TaxEstimateInput): TaxEstimate {
  const figures = figuresFor(year);
  const se = selfEmploymentTax(netProfit, year, w2Wages);
  const deductibleSeTax = STATUTE.deductibleShareOfSeTax * se.total;
  const jointWages = status === 'married_joint' ? spouseWages : 0;
  const adjustedGrossIncome = w2Wages + jointWages + netProfit - deductibleSeTax;
  const taxableBeforeQbi = Math.max(0, adjustedGrossIncome - figures.standardDeduction[status]);
  const qualifiedBusinessIncome = netProfit - deductibleSeTax;
  const deduction = qbiDeduction(qualifiedBusinessIncome, taxableBeforeQbi, status, year);
  const taxableIncome = taxableBeforeQbi - deduction;
  const federalIncomeTax = incomeTax(taxableIncome, status, year);
  // Form 8959: wages and SE income together above the threshold; SE income is what Schedule SE taxed (0 under $400).
  const additionalMedicare =
    STATUTE.additionalMedicareRate *
    Math.max(0, w2Wages + jointWages + se.taxedEarnings - STATUTE.additionalMedicareThreshold[status]);
  const stateTax = stateRate * Math.max(0, adjustedGrossIncome);
  return {
    seTax: se.total,
    adjustedGrossIncome,
    taxableBeforeQbi,
    qualifiedBusinessIncome,
    qbiDeduction: deduction,
    taxableIncome,
    incomeTax: federalIncomeTax,
    additionalMedicare,
    stateTax,
    total: se.total + federalIncomeTax + additionalMedicare + stateTax,
  };
}

/**
 * The share of each self-employment dollar to set aside: the tax the profit adds on top of what the W-2 wages
 * alone would owe, divided by the profit. 0 when there is no profit.
 */
export function taxRate(input: TaxEstimateInput): number {
  if (input.netProfit <= 0) return 0;
  const withProfit = taxEstimate(input).total;
  const withoutProfit = taxEstimate({ ...input, netProfit: 0 }).total;
  return (withProfit - withoutProfit) / input.netProfit;
}
