/** Hand-worked cases for the money math; each expected figure is worked out in the comment beside it. */
import {
  addMonths,
  bufferSchedule,
  bufferTarget,
  monthsToGoal,
  runwayMonths,
  runwayMonthsProjected,
} from '../../src/finance/buffer';
import {
  bufferMonthsForVolatility,
  incomeVolatility,
  lowEndBudget,
  lowEndIncome,
  percentileInc,
  taxSetAside,
} from '../../src/finance/income';
import { benefitsCost, hourlyRate } from '../../src/finance/rates';

const months = [4200, 6100, 3100, 5200, 3900, 7400];

describe('tax set-aside', () => {
  test('30% of 5,000 is 1,500; nothing from a loss or from zero', () => {
    expect(taxSetAside(5000, 0.3)).toBe(1500);
    expect(taxSetAside(-800, 0.3)).toBe(0);
    expect(taxSetAside(0, 0.3)).toBe(0);
  });
});

describe('low end of earnings', () => {
  test('min is the lowest month', () => expect(lowEndIncome(months, 'min')).toBe(3100));
  test('low3 is the mean of the three lowest: (3100 + 3900 + 4200) / 3 = 3733.33', () => {
    expect(lowEndIncome(months, 'low3')).toBeCloseTo(3733.333, 3);
  });
  test('low3 with two months is their mean', () => expect(lowEndIncome([1000, 2000], 'low3')).toBe(1500));
  test('percentile 0.25 interpolates like PERCENTILE.INC', () => {
    // sorted 3100 3900 4200 5200 6100 7400; rank = 0.25 x 5 = 1.25 -> 3900 + 0.25 x (4200 - 3900) = 3975
    expect(lowEndIncome(months, 0.25)).toBeCloseTo(3975, 9);
    expect(percentileInc([10], 0.5)).toBe(10);
  });
  test('budget = low - 30% of low - fixed: 3100 - 930 - 400 = 1770', () => {
    expect(lowEndBudget(months, 0.3, 400)).toBeCloseTo(1770, 9);
  });
  test('budget may be negative (a shortfall): 3100 - 930 - 2500 = -330', () => {
    expect(lowEndBudget(months, 0.3, 2500)).toBeCloseTo(-330, 9);
  });
});

describe('volatility and buffer months', () => {
  test('4000 and 6000: mean 5000, sample SD sqrt(2 x 1000^2 / 1) = 1414.21, CV 0.28284', () => {
    expect(incomeVolatility([4000, 6000])).toBeCloseTo(0.282843, 6);
  });
  test('undefined with one month or a mean at or below zero', () => {
    expect(incomeVolatility([4000])).toBeUndefined();
    expect(incomeVolatility([-100, 100])).toBeUndefined();
  });
  test('steady income gives 3; v = 0.35 gives ceil(3 + 12 x 0.25) = 6; very volatile gives 12', () => {
    expect(bufferMonthsForVolatility(0)).toBe(3);
    expect(bufferMonthsForVolatility(0.1)).toBe(3);
    expect(bufferMonthsForVolatility(0.35)).toBe(6);
    expect(bufferMonthsForVolatility(0.2828)).toBe(6); // 3 + 12 x 0.1828 = 5.19 -> 6
    expect(bufferMonthsForVolatility(2)).toBe(12);
  });
});

describe('buffer', () => {
  test('target = 3200 x 6 = 19200', () => expect(bufferTarget(3200, 6)).toBe(19200));
  test('runway 12000 / (3000 - 1000) = 6 months; infinite when income covers expenses', () => {
    expect(runwayMonths(12000, 3000, 1000)).toBe(6);
    expect(runwayMonths(12000, 3000, 3000)).toBe('∞');
  });
  test('projected runway: savings 5000, expenses 3000, income 2000 then 1000', () => {
    // month 0: shortfall 1000, balance 5000 -> 4000; month 1: shortfall 2000 -> 2000;
    // after the projection the lowest income (1000) repeats: shortfall 2000, 2000 / 2000 = 1 more month -> 3
    expect(runwayMonthsProjected(5000, 3000, [2000, 1000])).toBe(3);
  });
  test('projected runway counts the final month fractionally', () => {
    // month 0: shortfall 3000 > balance 1500 -> 0 + 1500 / 3000 = 0.5
    expect(runwayMonthsProjected(1500, 3000, [0, 5000])).toBe(0.5);
  });
  test('projected runway is infinite when the lowest month covers expenses, or past 1,200 months', () => {
    expect(runwayMonthsProjected(0, 3000, [3000, 4000])).toBe('∞');
    expect(runwayMonthsProjected(1e9, 3000, [2999])).toBe('∞');
  });
  test('months to goal: (19200 - 5000) / 1000 = 14.2; 0 when reached; never with no saving', () => {
    expect(monthsToGoal(5000, 19200, 1000)).toBeCloseTo(14.2, 9);
    expect(monthsToGoal(20000, 19200, 0)).toBe(0);
    expect(monthsToGoal(5000, 19200, 0)).toBeUndefined();
  });
  test('addMonths clamps to the month end like EDATE: 31 Jan + 1 = 28 Feb 2026, 29 Feb 2028 + 12 = 28 Feb 2029', () => {
    expect(addMonths(new Date(2026, 0, 31), 1)).toEqual(new Date(2026, 1, 28));
    expect(addMonths(new Date(2028, 1, 29), 12)).toEqual(new Date(2029, 1, 28));
    expect(addMonths(new Date(2026, 10, 15), 3)).toEqual(new Date(2027, 1, 15));
  });
  test('schedule: month 0 is current savings, each month adds the saving', () => {
    const rows = bufferSchedule(5000, 1000, 8000, new Date(2026, 0, 31), 3);
    expect(rows.map((r) => r.saved)).toEqual([5000, 6000, 7000, 8000]);
    expect(rows.map((r) => r.ofTarget)).toEqual([0.625, 0.75, 0.875, 1]);
    expect(rows.map((r) => r.date.getDate())).toEqual([31, 28, 31, 30]);
  });
});

describe('replacing a salary', () => {
  test('benefits: 625 + 78000 x 4% / 12 (260) + 78000 / 52 x 3 / 12 (375) = 1260', () => {
    expect(benefitsCost(78000, 625, 0.04, 3)).toBeCloseTo(1260, 9);
  });
  test('hourly rate: (92000 + 3000) / (25 x 46) = 82.61', () => {
    expect(hourlyRate(92000, 25, 6, 3000)).toBeCloseTo(82.6087, 4);
  });
});

describe('long series', () => {
  test('150,000 months do not overflow the call stack (Math.min(...x) would)', () => {
    const months = Array.from({ length: 150_000 }, (_, i) => 1000 + (i % 7));
    expect(lowEndIncome(months, 'min')).toBe(1000);
    // Shortfalls 1000, 999, ... 994, 1000, 999, 998 leave 24 after ten months; the eleventh's is 997.
    expect(runwayMonthsProjected(10_000, 2000, months)).toBeCloseTo(10 + 24 / 997, 9);
  });
});
