/** The underpayment-penalty safe harbor for estimated tax (IRC 6654(d)(1)). */
import { type FilingStatus, STATUTE } from './tables';

export interface PriorYear {
  tax: number;
  adjustedGrossIncome: number;
}

/**
 * The smallest total of estimated payments (and withholding) that avoids the penalty: the lesser of 90% of this
 * year's tax and 100% of last year's (110% when last year's AGI was over $150,000, $75,000 married filing
 * separately). Without last year's figures only the 90% test can be used.
 */
export function safeHarbor(currentYearTax: number, status: FilingStatus, priorYear?: PriorYear): number {
  const currentYearTest = STATUTE.safeHarborCurrentYearShare * currentYearTax;
  if (!priorYear) return currentYearTest;
  const highIncome = priorYear.adjustedGrossIncome > STATUTE.safeHarborHighIncomeAgi[status];
  const priorShare = highIncome ? STATUTE.safeHarborHighIncomePriorYearShare : STATUTE.safeHarborPriorYearShare;
  return Math.min(currentYearTest, priorShare * priorYear.tax);
}
