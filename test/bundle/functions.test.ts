/**
 * The built dist/Code.js in a bare vm context (no require, process or timers), called through the
 * top-level stubs exactly as Sheets calls them: scalars, 2D ranges, "" for blanks, Dates, bad input.
 */
import { type BundleContext, loadBundle } from '../support/bundle';

let ctx: BundleContext;
beforeAll(() => {
  ctx = loadBundle();
});

const call = (name: string, ...args: unknown[]) => ctx[name](...args);
const col = (...xs: unknown[]) => xs.map((x) => [x]);

describe('the bundle runs where Apps Script runs', () => {
  test('the context has no Node or browser globals', () => {
    for (const name of ['require', 'process', 'setTimeout', 'module', 'window', 'fetch']) {
      expect(ctx[name]).toBeUndefined();
    }
  });
});

describe('element-wise functions', () => {
  test('a scalar gives a scalar', () => {
    expect(call('TAX_SET_ASIDE', 5000, 0.3)).toBe(1500);
    expect(call('TAX_SET_ASIDE', 5000)).toBe(1500); // default 30%
    expect(call('TAX_SET_ASIDE', -5000, 0.3)).toBe(0);
  });
  test('a range gives the same shape; blanks give blanks', () => {
    expect(call('TAX_SET_ASIDE', col(1000, '', 3000), 0.25)).toEqual(col(250, '', 750));
    expect(call('TAX_SET_ASIDE', [[1000, 2000]], 0.5)).toEqual([[500, 1000]]);
  });
  test('a 1x1 range counts as a scalar', () => {
    expect(call('TAX_SET_ASIDE', [[1000]], [[0.1]])).toBe(100);
  });
  test('two ranges of the same shape pair up cell by cell', () => {
    expect(call('TAX_SET_ASIDE', col(1000, 2000), col(0.1, 0.2))).toEqual(col(100, 400));
  });
  test('a blank cell in an optional range argument blanks that position; a blank single cell takes the default', () => {
    expect(call('TAX_SET_ASIDE', col(1000, 2000), col(0.1, ''))).toEqual(col(100, ''));
    expect(call('TAX_SET_ASIDE', col(1000, 2000), '')).toEqual(col(300, 600));
  });
  test('two ranges of different shapes fail naming both shapes', () => {
    expect(() => call('TAX_SET_ASIDE', col(1, 2, 3), col(0.1, 0.2))).toThrow(
      'TAX_SET_ASIDE: income is a 3x1 range but rate is a 2x1 range; expected ranges of the same shape, or a single cell',
    );
  });
  test('text in a range names the row and column', () => {
    expect(() => call('TAX_SET_ASIDE', col(1, 2, 'abc'))).toThrow(
      'TAX_SET_ASIDE: income at row 3, column 1 is "abc"; expected a number',
    );
  });
  test('a number typed as text gets a hint', () => {
    expect(() => call('TAX_SET_ASIDE', '1,200')).toThrow(
      'TAX_SET_ASIDE: income is "1,200"; expected a number, not text: enter it without quotes or format the cell as a number',
    );
  });
  test('a rate above 1 suggests the percentage', () => {
    expect(() => call('TAX_SET_ASIDE', 1000, 30)).toThrow(
      'TAX_SET_ASIDE: rate is 30; expected a rate between 0 and 1: write 30% or 0.3',
    );
    // 1.5 is more likely a slip than 1.5%, so no percentage is suggested.
    expect(() => call('TAX_SET_ASIDE', 1000, 1.5)).toThrow('TAX_SET_ASIDE: rate is 1.5; expected a rate between 0% and 100%');
  });
  test('booleans, error text, dates and non-finite numbers are rejected', () => {
    expect(() => call('TAX_SET_ASIDE', true)).toThrow('TAX_SET_ASIDE: income is TRUE; expected a number');
    expect(() => call('TAX_SET_ASIDE', '#N/A')).toThrow(
      'TAX_SET_ASIDE: income is the error #N/A; expected a number: fix the cell',
    );
    expect(() => call('TAX_SET_ASIDE', new Date(2026, 0, 1))).toThrow(
      'income is the date 2026-01-01; expected a number, not a date',
    );
    expect(() => call('TAX_SET_ASIDE', Number.POSITIVE_INFINITY)).toThrow('income is not a finite number');
    expect(() => call('TAX_SET_ASIDE', 1e308, 1)).toThrow(
      'TAX_SET_ASIDE: income is 1e+308; expected a number between -1e15 and 1e15',
    );
  });
  test('a missing required argument and too many arguments are explained', () => {
    expect(() => call('TAX_SET_ASIDE')).toThrow('TAX_SET_ASIDE: income is missing; expected a number');
    expect(() => ctx.Jumpwise.customFunctions.TAX_SET_ASIDE(1, 0.3, 5)).toThrow(
      'TAX_SET_ASIDE: takes at most 2 arguments (income, rate)',
    );
  });
  test('bounds are named', () => {
    expect(() => call('BUFFER_TARGET', 3000, 40)).toThrow(
      'BUFFER_TARGET: months is 40; expected a number above 0 and at most 36',
    );
    expect(() => call('HOURLY_RATE', 90000, 0)).toThrow(
      'HOURLY_RATE: billable_hours_per_week is 0; expected a number above 0 and at most 80',
    );
    expect(() => call('BUFFER_RUNWAY', -1, 3000)).toThrow('BUFFER_RUNWAY: savings is -1; expected a number at least 0');
  });
  test('BUFFER_TARGET, BENEFITS_COST, HOURLY_RATE and BUFFER_MONTHS_TO_GOAL over ranges', () => {
    expect(call('BUFFER_TARGET', col(3000, 3200), 6)).toEqual(col(18000, 19200));
    expect(call('BENEFITS_COST', 78000, 625, 0.04, 3)).toBeCloseTo(1260, 9);
    expect(call('HOURLY_RATE', [[92000, 46000]], 25, 6, 3000)[0][1]).toBeCloseTo(49000 / 1150, 9);
    expect(call('BUFFER_MONTHS_TO_GOAL', col(5000, 20000), 19200, 1000)).toEqual([[14.2], [0]]);
  });
  test('months to goal with no saving fails with the reason', () => {
    expect(() => call('BUFFER_MONTHS_TO_GOAL', 5000, 19200, 0)).toThrow(
      'BUFFER_MONTHS_TO_GOAL: monthly_saving is 0, so savings never reach the target; expected an amount above 0',
    );
  });
});

describe('runway', () => {
  test('steady income: fractional months, or "∞" when income covers expenses', () => {
    expect(call('BUFFER_RUNWAY', 12000, 3000, 1000)).toBe(6);
    expect(call('BUFFER_RUNWAY', 10000, 3000)).toBeCloseTo(3.3333, 4);
    expect(call('BUFFER_RUNWAY', 12000, 3000, 3500)).toBe('∞');
  });
  test('a range of income is a month-by-month projection', () => {
    expect(call('BUFFER_RUNWAY', 5000, 3000, col(2000, '', 1000))).toBe(3);
  });
  test('with a projection, savings and expenses must be single cells', () => {
    expect(() => call('BUFFER_RUNWAY', col(5000, 6000), 3000, col(2000, 1000))).toThrow(
      'BUFFER_RUNWAY: savings is a 2x1 range; expected a single cell when monthly_income is a range',
    );
  });
  test('expenses of zero fail', () => {
    expect(() => call('BUFFER_RUNWAY', 5000, 0)).toThrow('BUFFER_RUNWAY: monthly_expenses is 0; expected a number above 0');
  });
});

describe('aggregating functions', () => {
  const earnings = [['Earnings'], [4200], [6100], [''], [3100], [5200]];
  test('blanks and headings are skipped like MIN and AVERAGE', () => {
    expect(call('LOW_END_INCOME', earnings)).toBe(3100);
    expect(call('LOW_END_INCOME', earnings, 'low3')).toBeCloseTo(4166.667, 3);
    expect(call('LOW_END_INCOME', earnings, 'LOW3')).toBeCloseTo(4166.667, 3);
    expect(call('LOW_END_INCOME', earnings, 0.5)).toBe(4700);
  });
  test('the budget on the low end', () => {
    expect(call('LOW_END_BUDGET', earnings, 0.3, 400)).toBeCloseTo(1770, 9);
    expect(call('LOW_END_BUDGET', earnings, '', '', '')).toBeCloseTo(2170, 9); // blanks take defaults
  });
  test('volatility and buffer months', () => {
    expect(call('INCOME_VOLATILITY', [[4000, 6000]])).toBeCloseTo(0.282843, 6);
    expect(call('BUFFER_MONTHS', [[4000, 6000]])).toBe(6);
    expect(call('BUFFER_MONTHS', col(5000, 5000, 5000))).toBe(3);
  });
  test('no numbers left, too few months and a bad method are explained', () => {
    expect(() => call('LOW_END_INCOME', col('', 'x'))).toThrow(
      'LOW_END_INCOME: monthly_earnings has no numbers; expected a cell or range with at least one monthly amount',
    );
    expect(() => call('INCOME_VOLATILITY', 5000)).toThrow(
      'INCOME_VOLATILITY: monthly_earnings has fewer than two numbers; expected at least two months of earnings',
    );
    expect(() => call('LOW_END_INCOME', earnings, 'lowest')).toThrow(
      'LOW_END_INCOME: method is "lowest"; expected "min", "low3" or a percentile between 0 and 1 such as 0.25',
    );
    expect(() => call('LOW_END_INCOME', col(1000, '1,200'))).toThrow(
      'LOW_END_INCOME: monthly_earnings at row 2, column 1 is "1,200"',
    );
    expect(() => call('LOW_END_INCOME', col(1000, '#REF!'))).toThrow('monthly_earnings at row 2, column 1 is the error #REF!');
    expect(() => call('LOW_END_INCOME', col(1000, true))).toThrow(
      'monthly_earnings at row 2, column 1 is TRUE; expected a number',
    );
  });
  test('other arguments of an aggregating function must be single cells', () => {
    expect(() => call('LOW_END_BUDGET', earnings, col(0.3, 0.2))).toThrow(
      'LOW_END_BUDGET: tax_rate is a 2x1 range; expected a single cell',
    );
  });
});

describe('BUFFER_SCHEDULE', () => {
  test('spills a header and one row per month until the target, dates clamped like EDATE', () => {
    const table = call('BUFFER_SCHEDULE', 5000, 1000, 8000, new Date(2026, 0, 31)) as unknown[][];
    expect(table[0]).toEqual(['Month', 'Saved', 'Of target']);
    expect(table).toHaveLength(5);
    expect(table.slice(1).map((r) => [(r[0] as Date).getMonth(), (r[0] as Date).getDate(), r[1], r[2]])).toEqual([
      [0, 31, 5000, 0.625],
      [1, 28, 6000, 0.75],
      [2, 31, 7000, 0.875],
      [3, 30, 8000, 1],
    ]);
  });
  test('months given explicitly; never-reached target without months fails', () => {
    expect(call('BUFFER_SCHEDULE', 0, 0, 1000, new Date(2026, 0, 1), 2)).toHaveLength(4);
    expect(() => call('BUFFER_SCHEDULE', 0, 0, 1000, new Date(2026, 0, 1))).toThrow(
      'BUFFER_SCHEDULE: monthly_saving is 0, so savings never reach the target',
    );
  });
  test('the default is capped at 120 months', () => {
    expect(call('BUFFER_SCHEDULE', 0, 1, 1e6, new Date(2026, 0, 1))).toHaveLength(122);
  });
  test('a start date that is not a date is explained', () => {
    expect(() => call('BUFFER_SCHEDULE', 0, 100, 1000, '2026-01-01')).toThrow(
      'BUFFER_SCHEDULE: start_date is "2026-01-01"; expected a date, e.g. DATE(2026,1,15) or a cell formatted as a date',
    );
  });
});
