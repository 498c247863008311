/**
 * Runway risk against exact probabilities: on small cases every sequence of block starts is enumerated
 * (each equally likely), and the simulation must land within 4.5 standard errors of the exact share.
 */

import fc from 'fast-check';
import { addMonths } from '../../src/finance/buffer';
import {
  type RiskModel,
  runwayBands,
  runwayRisk,
  savingsNeeded,
  seededRandom,
  selectInPlace,
  simulate,
} from '../../src/finance/runwayRisk';
import { customFunctions } from '../../src/functions';

/** The exact chance of running out: all start-index sequences of ceil(months/block) blocks. */
function exactRisk(savings: number, m: Omit<RiskModel, 'trials' | 'seed'>): number {
  const n = m.history.length;
  const blocks = Math.ceil(m.months / m.blockMonths);
  const total = n ** blocks;
  let out = 0;
  for (let code = 0; code < total; code++) {
    let c = code;
    let balance = savings;
    let ranOut = false;
    for (let b = 0; b < blocks; b++) {
      const start = c % n;
      c = Math.floor(c / n);
      for (let j = 0; j < m.blockMonths; j++) {
        const t = b * m.blockMonths + j + 1;
        if (t > m.months) break;
        let e = m.history[(start + j) % n];
        if (t <= m.rampMonths) e *= t / (m.rampMonths + 1);
        balance = balance + e - m.taxRate * Math.max(e, 0) - m.monthlyExpenses;
        if (balance < 0) ranOut = true;
      }
    }
    if (ranOut) out++;
  }
  return out / total;
}

const base = { monthlyExpenses: 3000, taxRate: 0, rampMonths: 0, blockMonths: 1 };
const cases: [string, number, Omit<RiskModel, 'trials' | 'seed'>][] = [
  ['two values, 4 months', 1500, { ...base, history: [1000, 5000], months: 4 }],
  ['three values, 5 months, tax', 2500, { ...base, history: [1500, 4000, 6000], months: 5, taxRate: 0.25 }],
  ['four values, 6 months', 3000, { ...base, history: [500, 2500, 3500, 6000], months: 6 }],
  ['ramp of 2 months', 4000, { ...base, history: [2000, 3000, 6000], months: 5, rampMonths: 2 }],
  ['blocks of 2', 2000, { ...base, history: [800, 2600, 4000, 5500], months: 6, blockMonths: 2 }],
  ['blocks of 2 cut short, ramp', 3000, { ...base, history: [1000, 4000, 5000], months: 5, blockMonths: 2, rampMonths: 3 }],
  ['negative earnings month', 5000, { ...base, history: [-1000, 4500, 5000], months: 4, taxRate: 0.3 }],
];

describe('RUNWAY_RISK matches exact enumeration', () => {
  test.each(cases)('%s', (_label, savings, m) => {
    const p = exactRisk(savings, m);
    expect(p).toBeGreaterThan(0.02);
    expect(p).toBeLessThan(0.98);
    const trials = 20000;
    const got = runwayRisk(savings, { ...m, trials, seed: 11 });
    const se = Math.sqrt((p * (1 - p)) / trials);
    expect(Math.abs(got - p)).toBeLessThanOrEqual(4.5 * se);
  });
});

const H = [[4200], [6100], [1100], [5200]];

test('the same arguments give the same result; another seed stays within sampling error', () => {
  const a = customFunctions.RUNWAY_RISK(6000, 4000, H, 12, 0.1, 2, 2, 5000, 3) as number;
  expect(customFunctions.RUNWAY_RISK(6000, 4000, H, 12, 0.1, 2, 2, 5000, 3)).toBe(a);
  const b = customFunctions.RUNWAY_RISK(6000, 4000, H, 12, 0.1, 2, 2, 5000, 4) as number;
  expect(b).not.toBe(a);
  const se = Math.sqrt((a * (1 - a)) / 5000);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(4.5 * Math.SQRT2 * se);
});

test('the generator is seeded, in [0, 1) and reasonably uniform', () => {
  const r = seededRandom(42);
  const r2 = seededRandom(42);
  let sum = 0;
  let bad = 0;
  for (let i = 0; i < 10000; i++) {
    const x = r();
    if (x !== r2() || x < 0 || x >= 1) bad++;
    sum += x;
  }
  expect(bad).toBe(0);
  expect(sum / 10000).toBeCloseTo(0.5, 1);
  expect(seededRandom(1e12)()).not.toBe(seededRandom(1e12 + 4294967296)());
});

test('savings needed agrees with the risk for any savings', () => {
  const m: RiskModel = { ...base, history: [1000, 5000, 2500], months: 6, trials: 2000, seed: 5 };
  const needs = savingsNeeded(m);
  for (const s of [0, 1000, 2500, 4000, 8000]) {
    expect(runwayRisk(s, m)).toBe(needs.filter((x) => x > s).length / m.trials);
  }
});

describe('QUIT_DATE', () => {
  const start = new Date(2026, 0, 31);
  test('the date found is consistent with RUNWAY_RISK at k and k-1', () => {
    const out = customFunctions.QUIT_DATE(2000, 1000, 4000, H, start, 0.1, 12, 0, 0, 1, 3000, 9) as Date;
    const k = (out.getFullYear() - 2026) * 12 + out.getMonth();
    expect(k).toBeGreaterThan(0);
    expect(out.getTime()).toBe(addMonths(start, k).getTime());
    const risk = (savings: number) => customFunctions.RUNWAY_RISK(savings, 4000, H, 12, 0, 0, 1, 3000, 9) as number;
    expect(risk(2000 + k * 1000)).toBeLessThanOrEqual(0.1);
    expect(risk(2000 + (k - 1) * 1000)).toBeGreaterThan(0.1);
  });
  test('already safe: the start date itself', () => {
    const out = customFunctions.QUIT_DATE(100000, 0, 4000, H, start) as Date;
    expect(out.getTime()).toBe(start.getTime());
  });
  // An answer in words, not an error: the plan then needs no IFERROR around QUIT_DATE, which would turn a failed
  // execution ("Internal error executing the custom function.", Google's Custom Functions guide,
  // https://developers.google.com/apps-script/guides/sheets/functions) into this answer.
  test('never safe within 10 years: says so', () => {
    expect(customFunctions.QUIT_DATE(0, 0, 9000, H, start)).toBe('Not within 10 years');
  });
});

describe('RUNWAY_BANDS', () => {
  test('header, one row per month, low <= median <= high', () => {
    const out = customFunctions.RUNWAY_BANDS(6000, 4000, H, 6, 0, 0, 1, 1000, 2) as (string | number)[][];
    expect(out[0]).toEqual(['Month', 'Low (10th percentile)', 'Median', 'High (90th percentile)']);
    expect(out).toHaveLength(7);
    out.slice(1).forEach((row, i) => {
      expect(row[0]).toBe(i + 1);
      expect(row[1]).toBeLessThanOrEqual(row[2] as number);
      expect(row[2]).toBeLessThanOrEqual(row[3] as number);
    });
  });
  test('nearest-rank percentiles of month 1 with two equally likely values', () => {
    const rows = runwayBands(0, { ...base, history: [1000, 5000], months: 1, trials: 1000, seed: 1 });
    // Month 1 is -2000 or +2000: the 10th percentile is -2000 and the 90th +2000 unless a side is very rare.
    expect(rows[0]).toMatchObject({ month: 1, low: -2000, high: 2000 });
  });
  test('balances are not stopped at zero', () => {
    const rows = runwayBands(1000, { ...base, history: [0, 100], months: 3, trials: 100, seed: 1 });
    expect(rows[2].high).toBeLessThan(0);
  });
});

describe('bad input is refused by name', () => {
  const cases: [string, unknown[], string][] = [
    ['negative savings', [-1, 4000, H], 'RUNWAY_RISK: savings is -1'],
    ['negative expenses', [1, -4000, H], 'RUNWAY_RISK: monthly_expenses is -4000'],
    ['one month of earnings', [1, 4000, [[5000], ['x']]], 'monthly_earnings has fewer than two numbers'],
    ['months 0', [1, 4000, H, 0], 'months is 0; expected a whole number from 1 to 120'],
    ['months 2.5', [1, 4000, H, 2.5], 'months is 2.5; expected a whole number from 1 to 120'],
    ['tax above 100%', [1, 4000, H, 12, 30], 'tax_rate is 30'],
    ['ramp above months', [1, 4000, H, 6, 0, 7], 'ramp_months is 7; expected at most months (6)'],
    ['block above earnings count', [1, 4000, H, 6, 0, 0, 5], 'block_months is 5; expected at most the number of months'],
    ['block above 24', [1, 4000, H, 6, 0, 0, 25], 'block_months is 25; expected a whole number from 1 to 24'],
    ['too few trials', [1, 4000, H, 6, 0, 0, 1, 99], 'trials is 99; expected a whole number from 100 to 100000'],
    ['seed not whole', [1, 4000, H, 6, 0, 0, 1, 100, 1.5], 'seed is 1.5; expected a whole number'],
  ];
  test.each(cases)('%s', (_label, args, message) => {
    expect(() => customFunctions.RUNWAY_RISK(...(args as never[]))).toThrow(message);
  });
});

test('the examples the specs carry for the README are true', () => {
  const h = [[4200], [6100], [1100], [5200]];
  expect(customFunctions.RUNWAY_RISK(6000, 4000, h)).toBe(0.2198);
  expect(customFunctions.RUNWAY_BANDS(6000, 4000, h, 6)).toHaveLength(7);
  const date = customFunctions.QUIT_DATE(2000, 1000, 4000, h, new Date(2026, 0, 31)) as Date;
  expect([date.getFullYear(), date.getMonth() + 1, date.getDate()]).toEqual([2026, 8, 31]);
});

describe('the bands pick percentiles by selection, not by sorting', () => {
  test('selectInPlace gives what a full sort puts at each index (random arrays with ties)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 200 }), fc.nat(), (xs, seed) => {
        const k = seed % xs.length;
        const sorted = Float64Array.from(xs).sort();
        expect(selectInPlace(Float64Array.from(xs), k)).toBe(sorted[k]);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
  test('runwayBands equals the nearest-rank percentiles of the sorted balances, month by month', () => {
    const model = {
      monthlyExpenses: 4000,
      history: [4200, 6100, 1100, 5200],
      months: 6,
      taxRate: 0.2,
      rampMonths: 2,
      blockMonths: 1,
      trials: 997,
      seed: 7,
    };
    const expected: number[][] = [];
    simulate(model, (_t, cumulative) => {
      const sorted = Float64Array.from(cumulative).sort();
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
      expected.push([6000 + at(0.1), 6000 + at(0.5), 6000 + at(0.9)]);
    });
    expect(runwayBands(6000, model).map((r) => [r.low, r.median, r.high])).toEqual(expected);
  });
});
