/** Savings buffer: target, runway, time to reach it, and the month-by-month schedule. */
import { lowest } from './income';

/** The runway when income covers expenses for ever: the one text BUFFER_RUNWAY gives instead of a number. */
export const NEVER_RUNS_OUT = '∞';
/** A runway as BUFFER_RUNWAY gives it: months, or NEVER_RUNS_OUT. */
export type RunwayMonths = number | typeof NEVER_RUNS_OUT;
/** A projection that has not run out after this many months (100 years) never will in any useful sense. */
const RUNWAY_HORIZON_MONTHS = 1200;

export function bufferTarget(monthlyExpenses: number, months: number): number {
  return monthlyExpenses * months;
}

/** Months the savings last with a steady monthly income; fractional. */
export function runwayMonths(savings: number, monthlyExpenses: number, monthlyIncome: number): RunwayMonths {
  const shortfall = monthlyExpenses - monthlyIncome;
  if (shortfall <= 0) return NEVER_RUNS_OUT;
  return savings / shortfall;
}

/**
 * Months the savings last with a month-by-month income projection. After the projection ends, every
 * month is assumed to bring the projection's lowest income (the low-end rule). The month in which the
 * money runs out counts fractionally: what was left divided by that month's shortfall.
 */
export function runwayMonthsProjected(
  savings: number,
  monthlyExpenses: number,
  projectedIncome: readonly number[],
): RunwayMonths {
  let balance = savings;
  for (let month = 0; month < projectedIncome.length && month < RUNWAY_HORIZON_MONTHS; month++) {
    const shortfall = monthlyExpenses - projectedIncome[month];
    if (shortfall > 0 && balance < shortfall) return month + balance / shortfall;
    balance -= shortfall;
  }
  const shortfall = monthlyExpenses - lowest(projectedIncome);
  if (shortfall <= 0) return NEVER_RUNS_OUT;
  const months = projectedIncome.length + balance / shortfall;
  return months > RUNWAY_HORIZON_MONTHS ? NEVER_RUNS_OUT : months;
}

/**
 * Months rounded up to whole months, after rounding away float noise (14.000000000002 stays 14): the one month
 * rule of the model, BUFFER_SCHEDULE and the plan sheet's ROUNDUP(ROUND(months, MONTH_NOISE_DIGITS), 0).
 */
export const MONTH_NOISE_DIGITS = 9;
export const wholeMonthsUp = (months: number): number =>
  Math.ceil(Math.round(months * 10 ** MONTH_NOISE_DIGITS) / 10 ** MONTH_NOISE_DIGITS);

/** The longest buffer schedule BUFFER_SCHEDULE lays out (and the plan sheet leaves room for): ten years. */
export const SCHEDULE_MONTHS_MAX = 120;

/** Months of saving needed to reach the target; undefined when saving can never get there. */
export function monthsToGoal(currentSavings: number, target: number, monthlySaving: number): number | undefined {
  if (currentSavings >= target) return 0;
  if (monthlySaving <= 0) return undefined;
  return (target - currentSavings) / monthlySaving;
}

/** EDATE: the same day of month `months` later, clamped to the month's last day; time of day kept. */
export function addMonths(date: Date, months: number): Date {
  const y = date.getFullYear();
  const m = date.getMonth() + months;
  const lastDay = new Date(y, m + 1, 0).getDate();
  const result = new Date(date.getTime());
  result.setFullYear(y, m, Math.min(date.getDate(), lastDay));
  return result;
}

interface ScheduleRow {
  date: Date;
  saved: number;
  ofTarget: number;
}

/** Month 0 is today's savings; each later month adds the monthly saving. */
export function bufferSchedule(
  currentSavings: number,
  monthlySaving: number,
  target: number,
  startDate: Date,
  months: number,
): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  for (let i = 0; i <= months; i++) {
    const saved = currentSavings + i * monthlySaving;
    rows.push({ date: addMonths(startDate, i), saved, ofTarget: saved / target });
  }
  return rows;
}
