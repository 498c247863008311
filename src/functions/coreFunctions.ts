/** The budgeting, buffer and rate functions: each declared once, computed by src/finance. */
import {
  bufferSchedule,
  bufferTarget,
  monthsToGoal,
  runwayMonths,
  runwayMonthsProjected,
  SCHEDULE_MONTHS_MAX,
  wholeMonthsUp,
} from '../finance/buffer';
import {
  bufferMonthsForVolatility,
  incomeVolatility,
  type LowEndMethod,
  lowEndBudget,
  lowEndIncome,
  taxSetAside,
} from '../finance/income';
import { benefitsCost, hourlyRate } from '../finance/rates';
import { monthlyEarnings, taxRate } from './sharedParams';
import { type CellInput, type CellOutput, type FunctionSpec, Invalid, type ParamSpec, UserInputError } from './types';

const LOW_END_METHOD_EXPECTED = '"min", "low3" or a percentile between 0 and 1 such as 0.25';

const lowEndMethod: ParamSpec = {
  name: 'method',
  kind: 'custom',
  jsdocType: 'string|number',
  description: '"min" (lowest month), "low3" (mean of the three lowest) or a percentile such as 0.25.',
  defaultValue: 'min',
  expected: LOW_END_METHOD_EXPECTED,
  read: (v: CellInput): LowEndMethod | Invalid => {
    if (typeof v === 'string') {
      const method = v.trim().toLowerCase();
      if (method === 'min' || method === 'low3') return method;
    }
    if (typeof v === 'number' && v > 0 && v < 1) return v;
    return new Invalid(LOW_END_METHOD_EXPECTED);
  },
};

function needVolatility(series: number[]): number {
  const v = incomeVolatility(series);
  if (v === undefined) {
    throw new UserInputError(
      series.length < 2
        ? 'has fewer than two numbers; expected at least two months of earnings'
        : 'has an average of zero or less; expected earnings whose average is above 0',
      'monthly_earnings',
    );
  }
  return v;
}

export const coreFunctions: FunctionSpec[] = [
  {
    name: 'TAX_SET_ASIDE',
    family: 'Taxes',
    summary: 'How much of each income to put aside for tax (the 25-30% rule); nothing is set aside from a loss.',
    shape: 'elementwise',
    params: [
      { name: 'income', kind: 'number', description: 'Income received, one cell or a range such as B2:B13.' },
      { ...taxRate, name: 'rate', description: 'Share to set aside, e.g. 30% or TAX_RATE_US(...).' },
    ],
    returns: 'The amount to set aside, with the shape of income.',
    example: { formula: '=TAX_SET_ASIDE(5000, 30%)', result: '1500' },
    compute: (income: number, rate: number) => taxSetAside(income, rate),
  },
  {
    name: 'LOW_END_INCOME',
    family: 'Budgeting on the low end',
    summary: 'The low end of fluctuating monthly earnings: the lowest month, the mean of the three lowest, or a percentile.',
    shape: 'aggregate',
    params: [monthlyEarnings, lowEndMethod],
    returns: 'The monthly income to plan on.',
    example: { formula: '=LOW_END_INCOME({4200;6100;3100;5200}, "low3")', result: '4166.67' },
    compute: (series: number[], method: LowEndMethod) => lowEndIncome(series, method),
  },
  {
    name: 'LOW_END_BUDGET',
    family: 'Budgeting on the low end',
    summary: 'What can be spent each month when planning on the low end: low income, less tax set aside, less fixed costs.',
    shape: 'aggregate',
    params: [
      monthlyEarnings,
      taxRate,
      {
        name: 'monthly_fixed_costs',
        kind: 'number',
        description: 'Business or fixed costs paid every month, e.g. health insurance.',
        defaultValue: 0,
        min: { value: 0 },
      },
      lowEndMethod,
    ],
    returns: 'The monthly spending budget; negative means a shortfall.',
    example: { formula: '=LOW_END_BUDGET({4200;6100;3100;5200}, 30%, 400)', result: '1770' },
    compute: (series: number[], rate: number, fixed: number, method: LowEndMethod) => lowEndBudget(series, rate, fixed, method),
  },
  {
    name: 'INCOME_VOLATILITY',
    family: 'Budgeting on the low end',
    summary: 'How much monthly earnings swing: sample standard deviation divided by the mean (STDEV / AVERAGE).',
    shape: 'aggregate',
    params: [monthlyEarnings],
    returns: 'The coefficient of variation, e.g. 0.25 for 25%.',
    example: { formula: '=INCOME_VOLATILITY({4000;6000})', result: '0.2828' },
    compute: (series: number[]) => needVolatility(series),
  },
  {
    name: 'BUFFER_MONTHS',
    family: 'Savings buffer',
    summary: 'Recommended months of cushion: 3 for steady earnings, up to 12 for very volatile ones.',
    shape: 'aggregate',
    params: [monthlyEarnings],
    returns: 'A whole number of months from 3 to 12.',
    example: { formula: '=BUFFER_MONTHS({4000;6000})', result: '6' },
    compute: (series: number[]) => bufferMonthsForVolatility(needVolatility(series)),
  },
  {
    name: 'BUFFER_TARGET',
    family: 'Savings buffer',
    summary: 'The savings cushion to build: monthly expenses times the months of cushion.',
    shape: 'elementwise',
    params: [
      {
        name: 'monthly_expenses',
        kind: 'number',
        description: 'What a month of living costs.',
        min: { value: 0 },
      },
      {
        name: 'months',
        kind: 'number',
        description: 'Months of cushion, more than 0 and at most 36 (3-6 is common; see BUFFER_MONTHS).',
        defaultValue: 6,
        min: { value: 0, inclusive: false },
        max: { value: 36 },
      },
    ],
    returns: 'The savings target.',
    example: { formula: '=BUFFER_TARGET(3200, 6)', result: '19200' },
    compute: (expenses: number, months: number) => bufferTarget(expenses, months),
  },
  {
    name: 'BUFFER_RUNWAY',
    family: 'Savings buffer',
    summary:
      'How many months savings last. With a range of monthly income it projects month by month, then assumes the lowest month.',
    shape: 'elementwise',
    params: [
      { name: 'savings', kind: 'number', description: 'Savings available now.', min: { value: 0 } },
      {
        name: 'monthly_expenses',
        kind: 'number',
        description: 'What a month costs, more than 0.',
        min: { value: 0, inclusive: false },
      },
      {
        name: 'monthly_income',
        kind: 'number',
        description: 'Steady monthly income after tax, or a range of projected monthly income.',
        defaultValue: 0,
        seriesWhenRange: true,
      },
    ],
    returns: 'Months, fractional; "∞" when income covers expenses.',
    example: { formula: '=BUFFER_RUNWAY(12000, 3000, 1000)', result: '6' },
    compute: (savings: number, expenses: number, income: number | number[]): CellOutput =>
      Array.isArray(income) ? runwayMonthsProjected(savings, expenses, income) : runwayMonths(savings, expenses, income),
  },
  {
    name: 'BUFFER_MONTHS_TO_GOAL',
    family: 'Savings buffer',
    summary: 'Months of saving needed to reach the buffer target; 0 when it is already reached.',
    shape: 'elementwise',
    params: [
      { name: 'current_savings', kind: 'number', description: 'Savings now.' },
      { name: 'target', kind: 'number', description: 'The buffer target, e.g. BUFFER_TARGET(...).', min: { value: 0 } },
      { name: 'monthly_saving', kind: 'number', description: 'Amount saved each month, more than 0.' },
    ],
    returns: 'Months, fractional.',
    example: { formula: '=BUFFER_MONTHS_TO_GOAL(5000, 19200, 1000)', result: '14.2' },
    compute: (current: number, target: number, saving: number) => {
      const months = monthsToGoal(current, target, saving);
      if (months === undefined) {
        throw new UserInputError(`is ${saving}, so savings never reach the target; expected an amount above 0`, 'monthly_saving');
      }
      return months;
    },
  },
  {
    name: 'BUFFER_SCHEDULE',
    family: 'Savings buffer',
    summary: 'A month-by-month savings table (Month | Saved | Of target) from the start date until the target is reached.',
    shape: 'table',
    params: [
      { name: 'current_savings', kind: 'number', description: 'Savings at the start (month 0).' },
      { name: 'monthly_saving', kind: 'number', description: 'Amount added each month.' },
      { name: 'target', kind: 'number', description: 'The buffer target, more than 0.', min: { value: 0, inclusive: false } },
      { name: 'start_date', kind: 'date', description: 'The month the schedule starts.' },
      {
        name: 'months',
        kind: 'number',
        description: `Months to show after the start; by default until the target is reached (at most ${SCHEDULE_MONTHS_MAX}).`,
        defaultValue: 0,
        defaultLabel: 'until the target is reached',
        min: { value: 0 },
        max: { value: 600 },
      },
    ],
    returns: 'A table with a header row and one row per month; it spills below and to the right.',
    example: {
      formula: '=BUFFER_SCHEDULE(5000, 1000, 8000, DATE(2026,1,31))',
      result: 'a header and 4 rows, 2026-01-31 to 2026-04-30',
    },
    compute: (current: number, saving: number, target: number, start: Date, monthsWanted: number): CellOutput[][] => {
      let months = Math.floor(monthsWanted);
      if (months === 0) {
        const needed = monthsToGoal(current, target, saving);
        if (needed === undefined) {
          throw new UserInputError(
            `is ${saving}, so savings never reach the target; expected an amount above 0, or give months`,
            'monthly_saving',
          );
        }
        months = Math.min(SCHEDULE_MONTHS_MAX, Math.max(1, wholeMonthsUp(needed)));
      }
      const rows = bufferSchedule(current, saving, target, start, months);
      return [['Month', 'Saved', 'Of target'], ...rows.map((r): CellOutput[] => [r.date, r.saved, r.ofTarget])];
    },
  },
  {
    name: 'BENEFITS_COST',
    family: 'Replacing a salary',
    summary: 'The monthly cost of replacing employer benefits: health cover, retirement contribution and paid time off.',
    shape: 'elementwise',
    params: [
      { name: 'annual_salary', kind: 'number', description: 'The salary being left.', min: { value: 0 } },
      {
        name: 'health_monthly',
        kind: 'number',
        description: 'Health insurance per month.',
        defaultValue: 0,
        min: { value: 0 },
      },
      {
        name: 'retirement_rate',
        kind: 'rate',
        description: 'Employer retirement contribution as a share of salary, e.g. 4%.',
        defaultValue: 0,
        min: { value: 0 },
        max: { value: 1 },
      },
      {
        name: 'pto_weeks',
        kind: 'number',
        description: 'Paid weeks off per year.',
        defaultValue: 0,
        min: { value: 0 },
        max: { value: 52 },
      },
    ],
    returns: 'The monthly cost.',
    example: { formula: '=BENEFITS_COST(78000, 625, 4%, 3)', result: '1260' },
    compute: (salary: number, health: number, rate: number, pto: number) => benefitsCost(salary, health, rate, pto),
  },
  {
    name: 'HOURLY_RATE',
    family: 'Replacing a salary',
    summary: 'The hourly rate that earns an annual target plus overhead in the hours actually billed.',
    shape: 'elementwise',
    params: [
      {
        name: 'annual_target',
        kind: 'number',
        description: 'What the year must earn, e.g. salary plus benefits.',
        min: { value: 0 },
      },
      {
        name: 'billable_hours_per_week',
        kind: 'number',
        description: 'Hours billed to clients in a working week, more than 0 and at most 80.',
        defaultValue: 25,
        min: { value: 0, inclusive: false },
        max: { value: 80 },
      },
      {
        name: 'weeks_off',
        kind: 'number',
        description: 'Weeks a year without billing (holidays, sickness, admin), 0 to 51.',
        defaultValue: 6,
        min: { value: 0 },
        max: { value: 51 },
      },
      {
        name: 'annual_overhead',
        kind: 'number',
        description: 'Yearly business costs: software, insurance, equipment.',
        defaultValue: 0,
        min: { value: 0 },
      },
    ],
    returns: 'The hourly rate.',
    example: { formula: '=HOURLY_RATE(92000, 25, 6, 3000)', result: '82.61' },
    compute: (target: number, hours: number, weeksOff: number, overhead: number) => hourlyRate(target, hours, weeksOff, overhead),
  },
];
