/**
 * The US tax functions through the built dist/Code.js in a bare vm context, called by their top-level stubs exactly
 * as Sheets calls them: scalars, 2D ranges, "" for blanks, Dates, and bad input whose message must name the function
 * and the argument. Expected figures are the hand-worked ones in estimate.test.ts.
 */
import { usTaxYearAsOf } from '../../src/finance/usTax/tables';
import { usTaxFunctions } from '../../src/functions/usTaxFunctions';
import { type BundleContext, loadBundle, readCode } from '../support/bundle';

let ctx: BundleContext;
beforeAll(() => {
  ctx = loadBundle();
});

const call = (name: string, ...args: unknown[]) => ctx[name](...args);
const col = (...xs: unknown[]) => xs.map((x) => [x]);
/** Dates made inside the vm come from another realm, so they are read by their methods, not by instanceof. */
const ymd = (d: unknown): string => {
  const date = d as Date;
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};
const rounded = (rows: unknown) =>
  (rows as number[][]).map((row) => row.map((x) => (x === ('' as never) ? x : Math.round(x * 100) / 100)));

describe('every US tax function is a top-level stub with help', () => {
  test.each(usTaxFunctions.map((f) => [f.name, f.params.map((p) => p.name)] as const))('%s(%s)', (name, params) => {
    const code = readCode();
    expect(typeof ctx[name]).toBe('function');
    expect(code).toContain(`function ${name}(${params.join(', ')}) {`);
    const stubStart = code.lastIndexOf('/**', code.indexOf(`function ${name}(`));
    const jsdoc = code.slice(stubStart, code.indexOf(`function ${name}(`));
    expect(jsdoc).toContain('@customfunction');
    for (const p of params) expect(jsdoc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p}\\]? `));
  });
});

describe('SE_TAX', () => {
  test('a scalar: 50,000 in 2026 -> 7,064.775', () => expect(call('SE_TAX', 50_000, 2026)).toBeCloseTo(7_064.775, 6));
  test('a column with a blank gives a column with a blank', () => {
    expect(rounded(call('SE_TAX', col(50_000, '', 200_000, -5_000), 2026))).toEqual(col(7_064.78, '', 28_234.3, 0));
  });
  test('a 2x2 range of profits against a 2x2 range of years', () => {
    expect(
      rounded(
        call(
          'SE_TAX',
          [
            [200_000, 200_000],
            [50_000, 50_000],
          ],
          [
            [2025, 2026],
            [2025, 2026],
          ],
        ),
      ),
    ).toEqual([
      [27_192.7, 28_234.3],
      [7_064.78, 7_064.78],
    ]);
  });
  test('W-2 wages: 60,000 profit with wages 150,000 -> 5,884.89; above the base -> 1,606.89', () => {
    expect(rounded(call('SE_TAX', 60_000, 2026, [[150_000, 190_000]]))).toEqual([[5_884.89, 1_606.89]]);
  });
  test('year left out or blank is the default year', () => {
    const year = usTaxYearAsOf(new Date());
    expect(call('SE_TAX', 50_000)).toBe(call('SE_TAX', 50_000, year));
    expect(call('SE_TAX', 50_000, '')).toBe(call('SE_TAX', 50_000, year));
  });
  test('an unsupported year lists the supported ones', () => {
    expect(() => call('SE_TAX', 50_000, 2024)).toThrow(
      'SE_TAX: year is 2024; expected a tax year Jumpwise has figures for: 2025 or 2026',
    );
    expect(() => call('SE_TAX', 50_000, col(2026, 2027))).toThrow(
      'SE_TAX: year at row 2, column 1 is 2027; expected a tax year Jumpwise has figures for: 2025 or 2026',
    );
  });
  test('a fractional or text year says a whole year is expected', () => {
    expect(() => call('SE_TAX', 50_000, 2025.5)).toThrow('SE_TAX: year is 2025.5; expected a whole year such as 2026');
    expect(() => call('SE_TAX', 50_000, 'next year')).toThrow('SE_TAX: year is "next year"; expected a whole year such as 2026');
  });
  test('bad profit and negative wages are named', () => {
    expect(() => call('SE_TAX', 'abc', 2026)).toThrow('SE_TAX: net_profit is "abc"; expected a number');
    expect(() => call('SE_TAX', true, 2026)).toThrow('SE_TAX: net_profit is TRUE; expected a number');
    expect(() => call('SE_TAX', 1_000, 2026, -5)).toThrow('SE_TAX: w2_wages is -5; expected a number at least 0');
  });
  test('a missing profit fails rather than guessing', () => {
    expect(() => call('SE_TAX')).toThrow(/^SE_TAX: net_profit is missing/);
  });
});

describe('INCOME_TAX_US', () => {
  test('80,000 single 2026 -> 12,312; 150,000 married filing jointly -> 22,424', () => {
    expect(call('INCOME_TAX_US', 80_000, 'single', 2026)).toBeCloseTo(12_312, 6);
    expect(call('INCOME_TAX_US', 150_000, 'married filing jointly', 2026)).toBeCloseTo(22_424, 6);
  });
  test('filing status aliases in any case, in a range', () => {
    expect(rounded(call('INCOME_TAX_US', 60_000, [['HOH', 'head of household', 'Head_Of_Household', 'single']], 2026))).toEqual([
      [6_846, 6_846, 6_846, 7_912],
    ]);
    expect(call('INCOME_TAX_US', 150_000, 'MFJ', 2026)).toBeCloseTo(22_424, 6);
    expect(call('INCOME_TAX_US', 400_000, 'mfs', 2026)).toBeCloseTo(109_082.25, 6);
    expect(call('INCOME_TAX_US', 400_000, 'Married Filing Separately', 2026)).toBeCloseTo(109_082.25, 6);
  });
  test('an unknown filing status lists the accepted ones', () => {
    expect(() => call('INCOME_TAX_US', 50_000, 'married')).toThrow(
      'INCOME_TAX_US: filing_status is "married"; expected one of "single", "married_joint", "married_separate", "head_of_household"',
    );
    expect(() => call('INCOME_TAX_US', 50_000, 2)).toThrow(/^INCOME_TAX_US: filing_status is 2; expected one of/);
  });
  test('no tax on zero or negative taxable income', () => {
    expect(call('INCOME_TAX_US', col(0, -1_000), 'single', 2025)).toEqual(col(0, 0));
  });
});

describe('TAX_ESTIMATE_US and TAX_RATE_US', () => {
  test('single 2026 at 40k, 80k, 120k, 200k: totals and rates', () => {
    expect(rounded(call('TAX_ESTIMATE_US', [[40_000, 80_000, 120_000, 200_000]], 'single', 2026))).toEqual([
      [7_426.93, 16_647.47, 28_461.78, 53_430.61],
    ]);
    const rates = call('TAX_RATE_US', col(40_000, 80_000, 120_000, 200_000), 'single', 2026) as number[][];
    expect(rates.map(([r]) => Math.round(r * 10_000) / 10_000)).toEqual([0.1857, 0.2081, 0.2372, 0.2672]);
  });
  test('state rate and W-2 wages: 80,000 at 5% state; 100,000 on wages of 150,000', () => {
    expect(call('TAX_ESTIMATE_US', 80_000, 'single', 2026, 0.05)).toBeCloseTo(16_647.46528 + 3_717.409, 6);
    expect(call('TAX_ESTIMATE_US', 100_000, 'single', 2026, 0, 150_000)).toBeCloseTo(53_712.4867, 3);
    expect(call('TAX_RATE_US', 100_000, 'single', 2026, '', 150_000)).toBeCloseTo(0.289785, 6);
  });
  test('blank profit gives a blank, no profit gives rate 0', () => {
    expect(call('TAX_RATE_US', col('', 0, -500), 'single', 2026)).toEqual(col('', 0, 0));
  });
  test('the rate feeds TAX_SET_ASIDE', () => {
    const rate = call('TAX_RATE_US', 80_000, 'single', 2026) as number;
    expect(call('TAX_SET_ASIDE', 80_000, rate)).toBeCloseTo(16_647.46528, 6);
  });
  test('a state rate written as a percentage number gets the hint', () => {
    expect(() => call('TAX_RATE_US', 80_000, 'single', 2026, 5)).toThrow(
      'TAX_RATE_US: state_rate is 5; expected a rate between 0 and 1: write 5% or 0.05',
    );
  });
  test('ranges of different shapes name both', () => {
    expect(() => call('TAX_ESTIMATE_US', col(1, 2, 3), col('single', 'mfj'))).toThrow(
      'TAX_ESTIMATE_US: net_profit is a 3x1 range but filing_status is a 2x1 range; expected ranges of the same shape, or a single cell',
    );
  });
});

describe('TAX_DUE_DATES and NEXT_TAX_DUE', () => {
  test('TAX_DUE_DATES spills a 4x1 column of dates: 2025 has June 16', () => {
    const table = call('TAX_DUE_DATES', 2025) as unknown[][];
    expect(table.map((row) => row.length)).toEqual([1, 1, 1, 1]);
    expect(table.map(([d]) => Object.prototype.toString.call(d))).toEqual(Array(4).fill('[object Date]'));
    expect(table.map(([d]) => ymd(d))).toEqual(['2025-04-15', '2025-06-16', '2025-09-15', '2026-01-15']);
  });
  test('TAX_DUE_DATES: 2023 April 18, outside 2000-2100 fails, a range fails', () => {
    expect(ymd((call('TAX_DUE_DATES', 2023) as unknown[][])[0][0])).toBe('2023-04-18');
    expect(() => call('TAX_DUE_DATES', 1999)).toThrow(
      'TAX_DUE_DATES: year is 1999; expected a number at least 2000 and at most 2100',
    );
    expect(() => call('TAX_DUE_DATES', col(2025, 2026))).toThrow('TAX_DUE_DATES: year is a 2x1 range; expected a single cell');
    expect(() => call('TAX_DUE_DATES', '')).toThrow(/^TAX_DUE_DATES: year is blank/);
  });
  test('NEXT_TAX_DUE on a date and on a column of dates with a blank', () => {
    expect(ymd(call('NEXT_TAX_DUE', new Date(2026, 4, 1)))).toBe('2026-06-15');
    const out = call('NEXT_TAX_DUE', col(new Date(2026, 0, 10), '', new Date(2024, 0, 15))) as unknown[][];
    expect([ymd(out[0][0]), out[1][0], ymd(out[2][0])]).toEqual(['2026-01-15', '', '2024-01-16']);
  });
  test('NEXT_TAX_DUE rejects dates outside 2000-2100 and non-dates', () => {
    expect(() => call('NEXT_TAX_DUE', new Date(1999, 5, 1))).toThrow(
      'NEXT_TAX_DUE: date is the date 1999-06-01; expected a date from 2000 to 2100',
    );
    expect(() => call('NEXT_TAX_DUE', 46000)).toThrow(/^NEXT_TAX_DUE: date is 46000; expected a date/);
  });
});

describe('SAFE_HARBOR', () => {
  test('110% of last year above $150,000 AGI; 100% below; 90% of this year without last year', () => {
    expect(call('SAFE_HARBOR', 12_000, 9_000, 160_000)).toBeCloseTo(9_900, 9);
    expect(call('SAFE_HARBOR', 12_000, 9_000, 140_000)).toBe(9_000);
    expect(call('SAFE_HARBOR', 12_000)).toBeCloseTo(10_800, 9);
    expect(call('SAFE_HARBOR', 12_000, '', 500_000)).toBeCloseTo(10_800, 9);
    expect(call('SAFE_HARBOR', 12_000, 9_000, 80_000, 'mfs')).toBeCloseTo(9_900, 9);
  });
  test('a blank prior-year tax inside a range means "unknown", 0 means none was owed', () => {
    expect(rounded(call('SAFE_HARBOR', 12_000, col(9_000, '', 0)))).toEqual(col(9_000, 10_800, 0));
  });
  test('bad input names the argument', () => {
    expect(() => call('SAFE_HARBOR', 12_000, 'abc')).toThrow(
      'SAFE_HARBOR: prior_year_tax is "abc"; expected a number at least 0',
    );
    expect(() => call('SAFE_HARBOR', -1)).toThrow('SAFE_HARBOR: current_year_tax is -1; expected a number at least 0');
  });
});

describe('the examples in the function table are true', () => {
  // Each formula's arguments, as Sheets would pass them; DATE(2026,5,1) arrives as a Date.
  const exampleArgs: Record<string, unknown[]> = {
    '=SE_TAX(50000, 2026)': [50_000, 2026],
    '=INCOME_TAX_US(80000, "single", 2026)': [80_000, 'single', 2026],
    '=TAX_ESTIMATE_US(80000, "single", 2026)': [80_000, 'single', 2026],
    '=TAX_RATE_US(80000, "single", 2026)': [80_000, 'single', 2026],
    '=TAX_DUE_DATES(2025)': [2025],
    '=NEXT_TAX_DUE(DATE(2026,5,1))': [new Date(2026, 4, 1)],
    '=SAFE_HARBOR(12000, 9000, 160000)': [12_000, 9_000, 160_000],
    '=ESTIMATED_PAYMENT_US({0;5000;20000;100000}, , "single", 2025)': [[[0], [5_000], [20_000], [100_000]], '', 'single', 2025],
  };
  test.each(usTaxFunctions.map((f) => [f.example.formula, f] as const))('%s', (formula, f) => {
    const args = exampleArgs[formula];
    expect(args).toBeDefined();
    const result = call(f.name, ...args);
    // Numbers are shown as ROUND(result, decimals of the stated result) shows them.
    const decimals = 10 ** (f.example.result.split('.')[1]?.length ?? 0);
    const shown = Array.isArray(result)
      ? result.map(([d]) => ymd(d)).join(', ')
      : typeof result === 'number'
        ? String(Math.round(result * decimals) / decimals)
        : ymd(result);
    expect(shown).toBe(f.example.result);
  });
});
