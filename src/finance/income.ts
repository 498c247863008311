/** Low-end planning on fluctuating monthly earnings. Pure numbers in, numbers out. */

/** How the low end of a series is taken: its minimum, the mean of its three lowest months, or a percentile. */
export type LowEndMethod = 'min' | 'low3' | number;

/** The smallest value, by a loop: Math.min(...values) overflows the call stack past about 120,000 values. */
export function lowest(values: readonly number[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** Percentile with linear interpolation between ranks, as PERCENTILE.INC does. */
export function percentileInc(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
}

export function lowEndIncome(monthlyEarnings: readonly number[], method: LowEndMethod = 'min'): number {
  if (method === 'min') return lowest(monthlyEarnings);
  if (method === 'low3') {
    const lowest = [...monthlyEarnings].sort((a, b) => a - b).slice(0, 3);
    return lowest.reduce((s, x) => s + x, 0) / lowest.length;
  }
  return percentileInc(monthlyEarnings, method);
}

/** What to put aside for tax from one amount of income; nothing is set aside from a loss. */
export function taxSetAside(income: number, rate: number): number {
  return income <= 0 ? 0 : income * rate;
}

/** What can be spent each month when planning on the low end; negative is a shortfall. */
export function lowEndBudget(
  monthlyEarnings: readonly number[],
  taxRate: number,
  monthlyFixedCosts: number,
  method: LowEndMethod = 'min',
): number {
  const low = lowEndIncome(monthlyEarnings, method);
  return low - taxSetAside(low, taxRate) - monthlyFixedCosts;
}

/** Sample standard deviation / mean (STDEV / AVERAGE); undefined when it has no meaning. */
export function incomeVolatility(monthlyEarnings: readonly number[]): number | undefined {
  const n = monthlyEarnings.length;
  if (n < 2) return undefined;
  const mean = monthlyEarnings.reduce((s, x) => s + x, 0) / n;
  if (!(mean > 0)) return undefined;
  const variance = monthlyEarnings.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return Math.sqrt(variance) / mean;
}

/**
 * Months of cushion for a given volatility: 3 for steady income, one more month per 1/12 of
 * volatility above 10%, never more than 12. Rounded to 1e-9 first so that v = 0.35 gives 6, not 7.
 */
export function bufferMonthsForVolatility(volatility: number): number {
  const raw = Math.round((3 + 12 * (volatility - 0.1)) * 1e9) / 1e9;
  return Math.min(12, Math.max(3, Math.ceil(raw)));
}
