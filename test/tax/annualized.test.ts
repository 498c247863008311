/** ESTIMATED_PAYMENT_US: the annualized income installment method, checked against its definition. */
import fc from 'fast-check';
import { customFunctions } from '../../src/functions';

const TAX = customFunctions.TAX_ESTIMATE_US;
const PAY = customFunctions.ESTIMATED_PAYMENT_US;
const col = (xs: number[]) => xs.map((x) => [x]);

const FACTORS = [4, 2.4, 1.5, 1];
const PCTS = [0.225, 0.45, 0.675, 0.9];

interface Case {
  profits: number[];
  wages?: number[];
  status?: string;
  year?: number;
  priorTax?: number;
  priorAgi?: number;
  paid?: number;
  withholding?: number;
}

/**
 * IRC 6654(d)(2) written out: installment k is the largest over periods i <= k of min(p_i x A_i, i/4 x R), less what
 * was paid, where A_i is the tax on the annualized profit (from TAX_ESTIMATE_US itself, federal only: state rate 0)
 * and R the required annual payment (90% of this year's tax, or last year's if less).
 */
function byDefinition(c: Case): { result: number; s: number; r: number } {
  const status = c.status ?? 'single';
  const year = c.year ?? 2025;
  const k = c.profits.length;
  const a = c.profits.map((p, i) => TAX(p * FACTORS[i], status, year, 0, (c.wages?.[i] ?? 0) * FACTORS[i]) as number);
  let r = 0.9 * a[k - 1];
  if (c.priorTax !== undefined) {
    const line = status === 'married_separate' ? 75_000 : 150_000;
    r = Math.min(r, c.priorTax * ((c.priorAgi ?? 0) > line ? 1.1 : 1));
  }
  let s = 0;
  for (let i = 0; i < k; i++) s = Math.max(s, Math.min(PCTS[i] * a[i], ((i + 1) / 4) * r));
  return { result: Math.max(0, s - (c.paid ?? 0) - ((c.withholding ?? 0) * k) / 4), s, r };
}

function call(c: Case): number {
  return PAY(
    col(c.profits),
    c.wages ? col(c.wages) : undefined,
    c.status ?? 'single',
    c.year ?? 2025,
    c.priorTax ?? '',
    c.priorAgi ?? 0,
    c.paid ?? 0,
    c.withholding ?? 0,
  ) as number;
}

describe('ESTIMATED_PAYMENT_US by the definition', () => {
  const cases: [string, Case][] = [
    ['period 1, no prior year', { profits: [15_000] }],
    ['period 2, no prior year', { profits: [10_000, 30_000] }],
    ['period 3, prior year below the AGI line', { profits: [5_000, 20_000, 50_000], priorTax: 6_000, priorAgi: 90_000 }],
    [
      'period 4, prior year above the AGI line (110%)',
      { profits: [30_000, 60_000, 100_000, 160_000], priorTax: 20_000, priorAgi: 180_000 },
    ],
    ['exactly at the AGI line (100%)', { profits: [30_000, 60_000], priorTax: 10_000, priorAgi: 150_000 }],
    [
      'married separate above 75,000 (110%)',
      { profits: [20_000, 40_000], status: 'married_separate', priorTax: 8_000, priorAgi: 80_000 },
    ],
    [
      'wages and withholding',
      { profits: [8_000, 16_000, 30_000], wages: [15_000, 25_000, 40_000], withholding: 4_000, year: 2026 },
    ],
    ['a profit that falls in a later period', { profits: [40_000, 30_000, 45_000], priorTax: 30_000, priorAgi: 100_000 }],
    ['paid so far counts', { profits: [0, 5_000, 20_000, 100_000], paid: 3_000 }],
    ['married joint 2026', { profits: [25_000, 50_000, 80_000, 140_000], status: 'married_joint', year: 2026 }],
  ];
  test.each(cases)('%s', (_label, c) => {
    expect(call(c)).toBeCloseTo(byDefinition(c).result, 6);
  });

  test('period 1 without a prior year is 22.5% of the annualized tax', () => {
    expect(call({ profits: [15_000] })).toBeCloseTo(0.225 * (TAX(60_000, 'single', 2025, 0, 0) as number), 6);
  });

  test('a small prior-year tax caps the installment at a quarter of it per period', () => {
    // 100% of 4,000 (AGI under the line): the regular installments are 1,000 each.
    expect(call({ profits: [50_000, 100_000], priorTax: 4_000, priorAgi: 40_000 })).toBeCloseTo(2_000, 6);
    expect(call({ profits: [50_000, 100_000], priorTax: 4_000, priorAgi: 200_000 })).toBeCloseTo(2_200, 6);
  });

  test('an alias of the filing status gives the same result', () => {
    const c: Case = { profits: [20_000, 40_000], priorTax: 8_000, priorAgi: 80_000 };
    expect(call({ ...c, status: 'mfs' })).toBe(call({ ...c, status: 'married_separate' }));
  });

  test('the third-party worked example (2025, single, 0 / 5,000 / 20,000 / 100,000), within form rounding', () => {
    const profits = [0, 5_000, 20_000, 100_000];
    const cumulative = [0, 763, 763 + 2_755, 763 + 2_755 + 16_843];
    for (let k = 1; k <= 4; k++) {
      expect(Math.abs(call({ profits: profits.slice(0, k) }) - cumulative[k - 1])).toBeLessThan(10);
    }
  });

  test('withholding counts k/4 of the year by installment k', () => {
    const base = call({ profits: [20_000, 40_000, 60_000, 90_000] });
    expect(call({ profits: [20_000, 40_000, 60_000, 90_000], withholding: 1_000 })).toBeCloseTo(base - 1_000, 6);
    const k2 = call({ profits: [20_000, 40_000] });
    expect(call({ profits: [20_000, 40_000], withholding: 1_000 })).toBeCloseTo(k2 - 500, 6);
  });

  test('a range with trailing blanks asks for the installment of the last filled period', () => {
    expect(PAY([[10_000], [30_000], [''], ['']], undefined, 'single', 2025)).toBeCloseTo(call({ profits: [10_000, 30_000] }), 6);
  });
});

describe('ESTIMATED_PAYMENT_US errors', () => {
  const err = (args: unknown[]) => () => (PAY as (...a: unknown[]) => unknown)(...args);
  test('more than 4 cells', () => {
    expect(err([col([1, 2, 3, 4, 5])])).toThrow(/^ESTIMATED_PAYMENT_US: ytd_profits has 5 cells; expected at most 4/);
  });
  test('cumulative wages falling', () => {
    expect(err([col([1_000, 2_000]), col([5_000, 4_000])])).toThrow(/ytd_wages falls from 5000 to 4000 in period 2/);
  });
  test('wages of another length', () => {
    expect(err([col([1_000, 2_000]), col([5_000])])).toThrow(/ytd_wages has 1 periods but ytd_profits has 2/);
  });
  test('negative prior-year tax or AGI', () => {
    expect(err([col([1_000]), undefined, 'single', 2025, -1])).toThrow(/prior_year_tax is -1; expected a number at least 0/);
    expect(err([col([1_000]), undefined, 'single', 2025, 100, -5])).toThrow(/prior_year_agi is -5; expected a number at least 0/);
  });
  test('unsupported year', () => {
    expect(err([col([1_000]), undefined, 'single', 2019])).toThrow(/year is 2019; expected a tax year Jumpwise has figures for/);
  });
  test('a blank before a later period', () => {
    expect(err([[[1_000], [''], [3_000]]])).toThrow(/ytd_profits has a blank cell at row 2, column 1 before a later period/);
  });
  test('text in a period', () => {
    expect(err([[[1_000], ['1,200']]])).toThrow(/ytd_profits at row 2, column 1 is "1,200"; expected a number, not text/);
  });
});

describe('ESTIMATED_PAYMENT_US properties', () => {
  const money = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
  const scenario = fc.record({
    profits: fc.array(fc.double({ min: -50_000, max: 500_000, noNaN: true, noDefaultInfinity: true }), {
      minLength: 1,
      maxLength: 4,
    }),
    status: fc.constantFrom('single', 'married_joint', 'married_separate', 'head_of_household'),
    year: fc.constantFrom(2025, 2026),
    priorTax: money(100_000),
    priorAgi: money(400_000),
    paid: money(50_000),
    withholding: money(20_000),
  });

  test('with a prior-year tax, S_k <= k/4 * R, and paying the result brings it to 0', () => {
    fc.assert(
      fc.property(scenario, (c) => {
        const k = c.profits.length;
        const { s, r } = byDefinition(c);
        expect(s).toBeLessThanOrEqual((k / 4) * r + 1e-9);
        const result = call(c);
        expect(result).toBeCloseTo(byDefinition(c).result, 6);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(call({ ...c, paid: c.paid + result })).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 150 },
    );
  });
});
