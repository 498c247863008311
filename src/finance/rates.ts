/** Replacing an employer: benefits cost and the hourly rate that pays for a year. */

export const WEEKS_PER_YEAR = 52;

/**
 * Monthly cost of what an employer used to pay for: health cover, the retirement contribution
 * (a share of salary) and paid time off (a week's salary per week off, spread over 12 months).
 */
export function benefitsCost(annualSalary: number, healthMonthly: number, retirementRate: number, ptoWeeks: number): number {
  return healthMonthly + (annualSalary * retirementRate) / 12 + ((annualSalary / WEEKS_PER_YEAR) * ptoWeeks) / 12;
}

/** The hourly rate that earns the annual target plus overhead in the weeks actually worked. */
export function hourlyRate(annualTarget: number, billableHoursPerWeek: number, weeksOff: number, annualOverhead: number): number {
  return (annualTarget + annualOverhead) / (billableHoursPerWeek * (WEEKS_PER_YEAR - weeksOff));
}
