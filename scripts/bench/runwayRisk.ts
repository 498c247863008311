/**
 * Runway-risk figures: what RUNWAY_RISK's argument layer and model code cost over a plain loop of the same
 * model (runwayRiskRatio), and the time of RUNWAY_RISK, RUNWAY_BANDS and QUIT_DATE at the largest arguments
 * their table accepts (runwayRiskWorstMs), to hold against Apps Script's 30 seconds per custom-function call.
 */
import type vm from 'node:vm';
import { functionTable } from '../../src/functions';
import { median, runs, timeOnce } from './measure';

type Stub = (...args: unknown[]) => unknown;

/** Two years of a freelancer's months, lean and busy ones mixed (the same every run). */
const HISTORY = [
  4200, 6100, 1100, 5200, 7300, 2400, 6800, 5100, 900, 6600, 7900, 4400, 5600, 3100, 8200, 4700, 2000, 6900, 5300, 7400, 3600,
  5800, 1500, 7100,
];
const column = (values: number[]) => values.map((v) => [v]);
const SAVINGS = 15_000;
const EXPENSES = 4_000;
const TAX_RATE = 0.25;
const SEED = 1;

/** The ratio's case: the default trials over three years. */
export const RATIO_CASE = { trials: 10_000, months: 36 };
const RATIO_RUNS = runs(5);
const WARMUP_RUNS = runs(5);

interface PlainLoop {
  plainRunwayRisk(...args: [number, number, number[], number, number, number, number]): number;
}

/**
 * RUNWAY_RISK through its stub over the plain loop, both in the realm of Code.js and interleaved run by run.
 * Fails when the two disagree: the baseline must be the same model, not a cheaper one.
 */
export function measureRunwayRiskRatio(context: vm.Context): number {
  const stub = context.RUNWAY_RISK as Stub;
  const plain = (context.LeapBench as PlainLoop).plainRunwayRisk;
  const { trials, months } = RATIO_CASE;
  const history = column(HISTORY);
  let risk: unknown;
  let plainRisk: unknown;
  const stubTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let run = 0; run < WARMUP_RUNS + RATIO_RUNS; run++) {
    const stubMs = timeOnce(() => {
      risk = stub(SAVINGS, EXPENSES, history, months, TAX_RATE, 0, 1, trials, SEED);
    });
    const plainMs = timeOnce(() => {
      plainRisk = plain(SAVINGS, EXPENSES, HISTORY, months, TAX_RATE, trials, SEED);
    });
    if (run >= WARMUP_RUNS) {
      stubTimes.push(stubMs);
      plainTimes.push(plainMs);
    }
  }
  if (risk !== plainRisk) throw new Error(`RUNWAY_RISK gave ${String(risk)} but the plain loop ${String(plainRisk)}`);
  return median(stubTimes) / median(plainTimes);
}

/** The largest value the function table accepts for a parameter of a runway-risk function. */
function largest(functionName: string, param: string): number {
  const p = functionTable.find((f) => f.name === functionName)?.params.find((q) => q.name === param);
  if (!p?.max) throw new Error(`${functionName} has no upper bound on ${param}`);
  return p.max.value;
}

/**
 * The heaviest arguments: most trials, most months, a ramp over all of them (a multiplication every month)
 * and blocks of one month (a draw every month). Read from the table, so a raised limit is measured.
 */
export function worstCaseArgs(): { months: number; trials: number; ramp_months: number; block_months: number } {
  const months = largest('RUNWAY_RISK', 'months');
  return { months, trials: largest('RUNWAY_RISK', 'trials'), ramp_months: months, block_months: 1 };
}

const WORST_RUNS = runs(3);

/** Median milliseconds of each runway-risk function at the worst-case arguments, through its stub. */
export function measureRunwayRiskWorst(context: vm.Context): Record<'RUNWAY_RISK' | 'RUNWAY_BANDS' | 'QUIT_DATE', number> {
  const { months, trials, ramp_months, block_months } = worstCaseArgs();
  const history = column(HISTORY);
  const rest = [months, TAX_RATE, ramp_months, block_months, trials, SEED];
  const calls = {
    RUNWAY_RISK: () => [SAVINGS, EXPENSES, history, ...rest],
    RUNWAY_BANDS: () => [SAVINGS, EXPENSES, history, ...rest],
    // Saving 5,000 a month from nothing, accepting a 10% risk: an answer some years away (a 120-month ramp is
    // long to live through), so the search goes through many months before it stops.
    QUIT_DATE: () => [0, 5_000, EXPENSES, history, new Date(2026, 0, 31), 0.1, ...rest],
  };
  const result = {} as Record<keyof typeof calls, number>;
  for (const [name, args] of Object.entries(calls) as [keyof typeof calls, () => unknown[]][]) {
    const stub = context[name] as Stub;
    const times: number[] = [];
    for (let run = 0; run < WORST_RUNS; run++) times.push(timeOnce(() => stub(...args())));
    result[name] = median(times);
  }
  return result;
}
