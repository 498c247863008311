/**
 * Runway risk: the chance that savings run out, by replaying past months of earnings in random order
 * (a block bootstrap). Every trial draws its months from the history; the same seed gives the same draws,
 * so RUNWAY_RISK, RUNWAY_BANDS and QUIT_DATE agree with each other for the same arguments.
 */

export interface RiskModel {
  monthlyExpenses: number;
  /** The past months of earnings that are resampled; at least two. */
  history: readonly number[];
  months: number;
  taxRate: number;
  /** While t <= rampMonths, month t earns t/(rampMonths+1) of the drawn month. */
  rampMonths: number;
  /** Consecutive months drawn together, each block starting at a random month and wrapping round. */
  blockMonths: number;
  trials: number;
  seed: number;
}

/**
 * Looked up once: the trial loop runs millions of steps, and a global lookup per step (Math is a global) costs
 * some 20 times the arithmetic in a sandboxed global such as Node's vm, where the tests and benchmarks run it.
 */
const { floor, imul } = Math;

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  const lo = seed >>> 0;
  const hi = floor(seed / 4294967296) >>> 0;
  let state = (lo ^ imul(hi, 0x9e3779b1)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs the trials month by month. After each month t (1-based) `onMonth(t, cumulative)` sees, for every
 * trial, the cumulative net flow so far (earnings less tax less expenses); a balance is savings + cumulative.
 * Draws are made in a fixed order (month by month, trial by trial), so the same model gives the same flows.
 */
export function simulate(model: RiskModel, onMonth: (t: number, cumulative: Float64Array) => void): void {
  const { monthlyExpenses, history, months, taxRate, rampMonths, blockMonths, trials } = model;
  const n = history.length;
  const hist = Float64Array.from(history);
  const random = seededRandom(model.seed);
  const cumulative = new Float64Array(trials);
  const position = new Int32Array(trials);
  const left = new Int32Array(trials);
  for (let t = 1; t <= months; t++) {
    const ramp = t <= rampMonths ? t / (rampMonths + 1) : 1;
    for (let i = 0; i < trials; i++) {
      let pos = position[i];
      if (left[i] === 0) {
        pos = floor(random() * n);
        left[i] = blockMonths;
      }
      let e = hist[pos];
      if (ramp !== 1) e *= ramp;
      const tax = e > 0 ? taxRate * e : 0;
      cumulative[i] += e - tax - monthlyExpenses;
      position[i] = pos + 1 === n ? 0 : pos + 1;
      left[i]--;
    }
    onMonth(t, cumulative);
  }
}

/**
 * For each trial, the smallest starting balance that never goes below zero within the months: the largest
 * shortfall of the cumulative flow, max over t of -cumulative(t) (0 or less when no month is short).
 * Sorted ascending. A trial runs out from savings S exactly when its need is above S.
 */
export function savingsNeeded(model: RiskModel): Float64Array {
  const need = new Float64Array(model.trials).fill(Number.NEGATIVE_INFINITY);
  simulate(model, (_t, cumulative) => {
    for (let i = 0; i < need.length; i++) {
      const shortfall = -cumulative[i];
      if (shortfall > need[i]) need[i] = shortfall;
    }
  });
  return need.sort();
}

/** How many of the sorted needs are above `savings`: the trials that run out. */
function countAbove(sortedNeeds: Float64Array, savings: number): number {
  let lo = 0;
  let hi = sortedNeeds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedNeeds[mid] <= savings) lo = mid + 1;
    else hi = mid;
  }
  return sortedNeeds.length - lo;
}

/** The share of trials in which savings run out (the balance goes below 0 after some month). */
export function runwayRisk(savings: number, model: RiskModel): number {
  const needs = savingsNeeded(model);
  return countAbove(needs, savings) / model.trials;
}

interface BandRow {
  month: number;
  low: number;
  median: number;
  high: number;
}

/**
 * Rearranges values[lo..hi] so that values[k] holds the value a full sort would put there, everything before it is
 * no larger and everything after it no smaller (quickselect, Hoare partition). Linear on average: three percentiles
 * a month cost far less than sorting every month's balances.
 */
export function selectInPlace(values: Float64Array, k: number, lo = 0, hi = values.length - 1): number {
  let left = lo;
  let right = hi;
  while (left < right) {
    const pivot = values[(left + right) >>> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

/** Nearest rank: the index of the smallest value that at least a share p of n ascending values are at or below. */
const rankIndex = (n: number, p: number): number => Math.min(n - 1, Math.max(0, Math.ceil(Math.round(p * n * 1e9) / 1e9) - 1));

/** The balance at the end of each month across trials (not stopped at zero): 10th, 50th and 90th percentiles. */
export function runwayBands(savings: number, model: RiskModel): BandRow[] {
  const rows: BandRow[] = [];
  const balances = new Float64Array(model.trials);
  const n = model.trials;
  const [lowAt, medianAt, highAt] = [rankIndex(n, 0.1), rankIndex(n, 0.5), rankIndex(n, 0.9)];
  simulate(model, (t, cumulative) => {
    balances.set(cumulative);
    // The median first: then the 10th lies left of it and the 90th right of it, each a smaller selection.
    const median = selectInPlace(balances, medianAt);
    const low = selectInPlace(balances, lowAt, 0, medianAt);
    const high = selectInPlace(balances, highAt, medianAt, n - 1);
    rows.push({ month: t, low: savings + low, median: savings + median, high: savings + high });
  });
  return rows;
}

/** Months of saving tried before giving up: 10 years. */
export const QUIT_HORIZON_MONTHS = 120;

/**
 * The first k in 0..120 such that savings + k * monthlySaving keeps the risk at or below maxRisk, with the
 * same draws for every k; undefined when none does.
 */
export function monthsUntilSafe(savings: number, monthlySaving: number, maxRisk: number, model: RiskModel): number | undefined {
  const needs = savingsNeeded(model);
  // Counts, not shares, are compared, so that 10% of 10000 trials is exactly 1000.
  const allowed = Math.floor(Math.round(maxRisk * model.trials * 1e9) / 1e9);
  for (let k = 0; k <= QUIT_HORIZON_MONTHS; k++) {
    if (countAbove(needs, savings + k * monthlySaving) <= allowed) return k;
  }
  return undefined;
}
