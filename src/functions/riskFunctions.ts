/**
 * Runway risk: the chance savings run out, replaying past months of earnings in random order.
 */
import { addMonths } from '../finance/buffer';
import { monthsUntilSafe, QUIT_HORIZON_MONTHS, type RiskModel, runwayBands, runwayRisk } from '../finance/runwayRisk';
import { monthlyEarnings, taxRate } from './sharedParams';
import { type CellOutput, type FunctionSpec, type ParamSpec, UserInputError } from './types';

const FAMILY = 'Runway risk';

/**
 * What QUIT_DATE returns when no month within its horizon is safe: an answer in words, so the sheet never has to
 * wrap QUIT_DATE in IFERROR (which would turn a failed execution into this answer too).
 */
export const QUIT_DATE_NEVER_SAFE = `Not within ${QUIT_HORIZON_MONTHS / 12} years`;

/** A whole number from lo to hi: the runner refuses 2.5 months with the range as its hint. */
const whole = (name: string, description: string, defaultValue: number, lo: number, hi: number): ParamSpec => ({
  name,
  kind: 'whole',
  description,
  defaultValue,
  min: { value: lo },
  max: { value: hi },
});

const savings: ParamSpec = { name: 'savings', kind: 'number', description: 'Savings at the start.', min: { value: 0 } };
const monthlyExpenses: ParamSpec = {
  name: 'monthly_expenses',
  kind: 'number',
  description: 'What a month of living costs (earnings are profit, so business costs are already out of them).',
  min: { value: 0 },
};
const pastEarnings: ParamSpec = {
  ...monthlyEarnings,
  description: 'Past monthly earnings to replay, e.g. B2:B25; at least two numbers. Blanks and headings are skipped.',
};

/** The simulation's size and shape; `months` and `trials` at their maxima are the benchmark's worst case. */
const riskParams: ParamSpec[] = [
  whole('months', 'Months ahead to look at, 1 to 120.', 12, 1, 120),
  { ...taxRate, description: 'Share of earnings set aside for tax, e.g. 30%.', defaultValue: 0 },
  whole(
    'ramp_months',
    'Months to build up to full earnings: month t of them earns t/(ramp_months+1). At most months.',
    0,
    0,
    120,
  ),
  whole('block_months', 'Consecutive past months replayed together (keeps slow and busy seasons together), 1 to 24.', 1, 1, 24),
  whole('trials', 'Random futures simulated, 100 to 100000.', 10000, 100, 100000),
  whole('seed', 'Any whole number; the same seed gives the same result.', 1, -1e15, 1e15),
];

function model(
  expenses: number,
  history: number[],
  months: number,
  taxRate: number,
  rampMonths: number,
  blockMonths: number,
  trials: number,
  seed: number,
): RiskModel {
  if (history.length < 2) {
    throw new UserInputError('has fewer than two numbers; expected at least two months of earnings', 'monthly_earnings');
  }
  if (rampMonths > months) {
    throw new UserInputError(`is ${rampMonths}; expected at most months (${months})`, 'ramp_months');
  }
  if (blockMonths > history.length) {
    throw new UserInputError(
      `is ${blockMonths}; expected at most the number of months of earnings (${history.length})`,
      'block_months',
    );
  }
  return { monthlyExpenses: expenses, history, months, taxRate, rampMonths, blockMonths, trials, seed };
}

type RiskArgs = [number, number, number[], number, number, number, number, number, number];

export const riskFunctions: FunctionSpec[] = [
  {
    name: 'RUNWAY_RISK',
    family: FAMILY,
    summary:
      'The chance savings run out within the months, replaying past monthly earnings in random order (a seeded simulation).',
    shape: 'aggregate',
    params: [savings, monthlyExpenses, pastEarnings, ...riskParams],
    returns: 'A probability from 0 to 1, e.g. 0.12 for a 12% chance of running out.',
    example: { formula: '=RUNWAY_RISK(6000, 4000, {4200;6100;1100;5200})', result: '0.2198' },
    compute: (...[s, expenses, history, months, tax, ramp, block, trials, seed]: RiskArgs) =>
      runwayRisk(s, model(expenses, history, months, tax, ramp, block, trials, seed)),
  },
  {
    name: 'RUNWAY_BANDS',
    family: FAMILY,
    summary: 'Month by month, the balance of savings in a bad, a middling and a good future (10th, 50th and 90th percentiles).',
    shape: 'table',
    params: [savings, monthlyExpenses, pastEarnings, ...riskParams],
    returns: 'A table with a header row and one row per month; it spills below and to the right.',
    example: {
      formula: '=RUNWAY_BANDS(6000, 4000, {4200;6100;1100;5200}, 6)',
      result: 'a header and 6 rows: Month | Low (10th percentile) | Median | High (90th percentile)',
    },
    compute: (...[s, expenses, history, months, tax, ramp, block, trials, seed]: RiskArgs): CellOutput[][] => {
      const rows = runwayBands(s, model(expenses, history, months, tax, ramp, block, trials, seed));
      return [
        ['Month', 'Low (10th percentile)', 'Median', 'High (90th percentile)'],
        ...rows.map((r): CellOutput[] => [r.month, r.low, r.median, r.high]),
      ];
    },
  },
  {
    name: 'QUIT_DATE',
    family: FAMILY,
    summary:
      'The first month from the start date when saving each month has built enough savings to keep RUNWAY_RISK at or below max_risk.',
    shape: 'aggregate',
    params: [
      savings,
      { name: 'monthly_saving', kind: 'number', description: 'Amount saved each month until leaving.' },
      monthlyExpenses,
      pastEarnings,
      { name: 'start_date', kind: 'date', description: 'The month saving starts; the result is this date or a later month.' },
      {
        name: 'max_risk',
        kind: 'rate',
        description: 'The highest chance of running out to accept, e.g. 10%.',
        defaultValue: 0.1,
        min: { value: 0 },
        max: { value: 1 },
      },
      ...riskParams,
    ],
    returns: `A date: the start date or the same day a whole number of months later (like EDATE); "${QUIT_DATE_NEVER_SAFE}" when no month within ${QUIT_HORIZON_MONTHS / 12} years keeps the risk at or below max_risk.`,
    example: {
      formula: '=QUIT_DATE(2000, 1000, 4000, {4200;6100;1100;5200}, DATE(2026,1,31))',
      result: '2026-08-31',
    },
    compute: (
      s: number,
      saving: number,
      expenses: number,
      history: number[],
      start: Date,
      maxRisk: number,
      ...[months, tax, ramp, block, trials, seed]: number[]
    ): CellOutput => {
      const k = monthsUntilSafe(s, saving, maxRisk, model(expenses, history, months, tax, ramp, block, trials, seed));
      // Not an error: the inputs are fine, the answer is that saving this way is never safe enough.
      if (k === undefined) return QUIT_DATE_NEVER_SAFE;
      return addMonths(start, k);
    },
  },
];
