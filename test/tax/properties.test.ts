/** Properties of the US estimate that must hold for every input, checked with fast-check. */
import fc from 'fast-check';
import { type TaxEstimateInput, taxEstimate, taxRate } from '../../src/finance/usTax/estimate';
import { incomeTax } from '../../src/finance/usTax/incomeTax';
import { selfEmploymentTax } from '../../src/finance/usTax/selfEmploymentTax';
import { FILING_STATUSES, figuresFor, STATUTE, SUPPORTED_TAX_YEARS } from '../../src/finance/usTax/tables';

const status = fc.constantFrom(...FILING_STATUSES);
const year = fc.constantFrom(...SUPPORTED_TAX_YEARS);
const money = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const stateRate = money(0, 0.15);
const w2Wages = fc.oneof(fc.constant(0), money(0, 600_000));

const total = (input: TaxEstimateInput) => taxEstimate(input).total;

/** The 2026 $400 minimum deduction starts at QBI of $1,000: the one place more profit can mean less tax. */
function crossesQbiMinimum(a: TaxEstimateInput, b: TaxEstimateInput): boolean {
  const minimum = figuresFor(a.year).qbiMinimumDeduction;
  if (!minimum) return false;
  return (
    taxEstimate(a).qualifiedBusinessIncome < minimum.minimumQbi && taxEstimate(b).qualifiedBusinessIncome >= minimum.minimumQbi
  );
}

describe('the estimate', () => {
  test('never decreases as profit rises (away from the QBI minimum cliff)', () => {
    fc.assert(
      fc.property(
        status,
        year,
        stateRate,
        w2Wages,
        money(-100_000, 1_500_000),
        money(0, 300_000),
        (s, y, rate, wages, profit, more) => {
          const lower = { netProfit: profit, status: s, year: y, stateRate: rate, w2Wages: wages };
          const higher = { ...lower, netProfit: profit + more };
          fc.pre(!crossesQbiMinimum(lower, higher));
          expect(total(higher)).toBeGreaterThanOrEqual(total(lower) - 1e-6);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('also for small steps near where SE tax and the QBI deduction start', () => {
    fc.assert(
      fc.property(status, year, stateRate, w2Wages, money(0, 5_000), money(0, 50), (s, y, rate, wages, profit, more) => {
        const lower = { netProfit: profit, status: s, year: y, stateRate: rate, w2Wages: wages };
        const higher = { ...lower, netProfit: profit + more };
        fc.pre(!crossesQbiMinimum(lower, higher));
        expect(total(higher)).toBeGreaterThanOrEqual(total(lower) - 1e-6);
      }),
      { numRuns: 2000 },
    );
  });

  test('the QBI minimum cliff on its own: crossing QBI $1,000 in 2026 lowers tax by at most 37% of the $200 extra deduction', () => {
    // With wages under the wage base QBI is 92.935225% of profit (profit less half the 15.3% SE tax), so it reaches
    // $1,000 between $1,076 and $1,077.
    fc.assert(
      fc.property(status, stateRate, money(0, 180_000), (s, rate, wages) => {
        const below = { netProfit: 1_076, status: s, year: 2026, stateRate: rate, w2Wages: wages };
        const above = { ...below, netProfit: 1_077 };
        expect(crossesQbiMinimum(below, above)).toBe(true);
        const drop = total(below) - total(above);
        expect(drop).toBeLessThanOrEqual((400 - 0.2 * 1_000) * 0.37 + 1);
      }),
    );
    // With wages of 60,000 (12% bracket) the step is real: about 12% x 199 = 23.89 less, less the extra dollar's tax.
    const below = total({ netProfit: 1_076, status: 'single', year: 2026, w2Wages: 60_000 });
    const above = total({ netProfit: 1_077, status: 'single', year: 2026, w2Wages: 60_000 });
    expect(below - above).toBeGreaterThan(20);
    expect(below - above).toBeLessThan(25);
    // 2025 has no minimum deduction, so no cliff.
    expect(total({ netProfit: 1_077, status: 'single', year: 2025, w2Wages: 60_000 })).toBeGreaterThan(
      total({ netProfit: 1_076, status: 'single', year: 2025, w2Wages: 60_000 }),
    );
  });
});

describe('the set-aside rate', () => {
  test('stays within [0, 0.6] for state rates up to 15%', () => {
    // Profits start at $1: for a fraction of a cent the rate is rounding noise of two large totals divided by ~0.
    const profits = fc.oneof(money(-50_000, 0), money(1, 3_000_000));
    fc.assert(
      fc.property(status, year, stateRate, w2Wages, profits, (s, y, rate, wages, profit) => {
        const r = taxRate({ netProfit: profit, status: s, year: y, stateRate: rate, w2Wages: wages });
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(0.6);
      }),
      { numRuns: 3000 },
    );
  });

  test('rate x profit equals the estimate with the profit less the estimate without it', () => {
    fc.assert(
      fc.property(status, year, stateRate, w2Wages, money(1, 2_000_000), (s, y, rate, wages, profit) => {
        const input = { netProfit: profit, status: s, year: y, stateRate: rate, w2Wages: wages };
        const difference = total(input) - total({ ...input, netProfit: 0 });
        // Relative tolerance: both sides are sums of amounts up to about a million dollars.
        expect(Math.abs(taxRate(input) * profit - difference)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(difference)));
      }),
    );
  });
});

describe('the parts', () => {
  test('SE tax is never more than 15.3% of 92.35% of profit, and never negative', () => {
    fc.assert(
      fc.property(year, w2Wages, money(-100_000, 2_000_000), (y, wages, profit) => {
        const se = selfEmploymentTax(profit, y, wages).total;
        expect(se).toBeGreaterThanOrEqual(0);
        expect(se).toBeLessThanOrEqual(Math.max(0, profit) * STATUTE.netEarningsShare * 0.153 + 1e-9);
      }),
    );
  });

  test('income tax has no jumps: one more dollar costs between 10 and 37 cents', () => {
    fc.assert(
      fc.property(status, year, money(0, 2_000_000), (s, y, income) => {
        const step = incomeTax(income + 1, s, y) - incomeTax(income, s, y);
        expect(step).toBeGreaterThanOrEqual(0.1 - 1e-9);
        expect(step).toBeLessThanOrEqual(0.37 + 1e-9);
      }),
    );
  });
});
