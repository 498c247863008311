/**
 * The required estimated-tax installment by the annualized income installment method (IRC 6654(d)(2), Form 2210
 * Schedule AI), for a sole proprietor with optional W-2 wages: federal tax only (TAX_ESTIMATE_US with no state
 * tax), standard deduction, no credits or other income. The rule is written out above annualizedInstallment.
 */
import { taxEstimate } from './estimate';
import { type PriorYear, safeHarbor } from './safeHarbor';
import type { FilingStatus } from './tables';

/** Schedule AI periods end Mar 31, May 31, Aug 31 and Dec 31: 3, 5, 8 and 12 months, annualized by 12/months. */
const ANNUALIZATION_FACTORS = [4, 2.4, 1.5, 1] as const;
/** 6654(d)(2)(C)(ii): 90% of 25%, 50%, 75% and 100%. */
const APPLICABLE_PERCENTAGES = [0.225, 0.45, 0.675, 0.9] as const;

interface AnnualizedInput {
  /** Cumulative self-employment net profit at the end of each period so far (1 to 4 figures). */
  ytdProfits: number[];
  /** Cumulative W-2 wages at the end of the same periods; empty or absent for none. */
  ytdWages?: number[];
  status: FilingStatus;
  year: number;
  /** Last year's tax and AGI; absent when unknown (then only the 90% test applies). */
  priorYear?: PriorYear;
  /** Estimated tax already paid for the year. */
  paidSoFar?: number;
  /** The year's expected withholding, counted as paid evenly: k/4 of it by installment k. */
  withholding?: number;
}

interface AnnualizedResult {
  /** What is still to pay for installment k: never below 0. */
  payment: number;
  /** A_i: the annualized federal tax of each period. */
  annualizedTax: number[];
  /** S_i: the cumulative required installments through each period. */
  cumulativeRequired: number[];
  /** R: the required annual payment (lesser of 90% of A_k and the prior-year safe harbor). */
  requiredAnnualPayment: number;
}

/**
 * With A_i the tax on annualized profit and wages, AI_i = pct_i * A_i and R the required annual payment, the
 * cumulative required installments are S_i = max(S_(i-1), min(AI_i, i/4 * R)): the smaller of the annualized
 * installment and the regular one, with any reduction recaptured later (Schedule AI lines 21-27, cumulated).
 */
export function annualizedInstallment(input: AnnualizedInput): AnnualizedResult {
  const { ytdProfits, status, year, priorYear, paidSoFar = 0, withholding = 0 } = input;
  const k = ytdProfits.length;
  if (k < 1 || k > 4) throw new RangeError('annualizedInstallment: 1 to 4 periods');
  const wages = input.ytdWages && input.ytdWages.length > 0 ? input.ytdWages : undefined;
  if (wages && wages.length !== k) throw new RangeError('annualizedInstallment: wages and profits differ in length');
  const annualizedTax = ytdProfits.map(
    (profit, i) =>
      taxEstimate({
        netProfit: profit * ANNUALIZATION_FACTORS[i],
        status,
        year,
        stateRate: 0,
        w2Wages: wages ? wages[i] * ANNUALIZATION_FACTORS[i] : 0,
      }).total,
  );
  const requiredAnnualPayment = safeHarbor(annualizedTax[k - 1], status, priorYear);
  const cumulativeRequired: number[] = [];
  let s = 0;
  for (let i = 0; i < k; i++) {
    s = Math.max(s, Math.min(APPLICABLE_PERCENTAGES[i] * annualizedTax[i], ((i + 1) / 4) * requiredAnnualPayment));
    cumulativeRequired.push(s);
  }
  const payment = Math.max(0, s - paidSoFar - (withholding * k) / 4);
  return { payment, annualizedTax, cumulativeRequired, requiredAnnualPayment };
}
