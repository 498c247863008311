/** Hand-worked payment schedules: UK payments on account (TMA ss.59A-59B) and CRA instalments (ITA s.156). */
import { instalments } from '../../src/finance/caTax/instalments';
import { paymentOnAccount, paymentsOnAccount } from '../../src/finance/ukTax/paymentsOnAccount';

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('UK payments on account', () => {
  test('the first-year trap: 4,531.80 for 2025/26, nothing last year -> 0, 0, 6,797.70, 2,265.90', () => {
    const rows = paymentsOnAccount(4_531.8, 0, 2025);
    expect(rows.map((r) => iso(r.date))).toEqual(['2026-01-31', '2026-07-31', '2027-01-31', '2027-07-31']);
    expect(rows[0].amount).toBe(0);
    expect(rows[1].amount).toBe(0);
    expect(rows[2].amount).toBeCloseTo(6_797.7, 6);
    expect(rows[3].amount).toBeCloseTo(2_265.9, 6);
    expect(rows[2].payment).toBe('Balancing payment 2025/26 + 1st payment on account 2026/27');
  });

  test('the £1,000 edge: 999.99 -> none, 1,000 -> 500 each', () => {
    expect(paymentOnAccount(999.99)).toBe(0);
    expect(paymentOnAccount(1_000)).toBe(500);
  });

  test('the 20% edge: 1,000 with 4,000 at source is exactly 20% -> due; 4,000.01 at source -> none', () => {
    expect(paymentOnAccount(1_000, 4_000)).toBe(500);
    expect(paymentOnAccount(1_000, 4_000.01)).toBe(0);
  });

  test('a negative balancing payment is netted against the next 1st POA', () => {
    const rows = paymentsOnAccount(3_000, 4_531.8, 2026);
    expect(rows[0].amount).toBeCloseTo(2_265.9, 6);
    expect(rows[1].amount).toBeCloseTo(2_265.9, 6);
    // 3,000 - 4,531.80 = -1,531.80, plus 1,500 -> -31.80
    expect(rows[2].amount).toBeCloseTo(-31.8, 6);
    expect(rows[3].amount).toBe(1_500);
  });
});

describe('CRA instalments', () => {
  test('2026 prior-year option: 2,500 x 4 on 16 Mar (15th a Sunday), 15 Jun, 15 Sep, 15 Dec; 2,000 on 30 Apr 2027', () => {
    const rows = instalments(12_000, 10_000, 0, 2026, 'prior', false);
    expect(rows.map((r) => iso(r.date))).toEqual(['2026-03-16', '2026-06-15', '2026-09-15', '2026-12-15', '2027-04-30']);
    expect(rows.map((r) => r.amount)).toEqual([2_500, 2_500, 2_500, 2_500, 2_000]);
  });

  test('2025 weekend dates: 15 Mar (Sat) -> 17 Mar, 15 Jun (Sun) -> 16 Jun', () => {
    const rows = instalments(12_000, 10_000, 0, 2025, 'current', false);
    expect(iso(rows[0].date)).toBe('2025-03-17');
    expect(iso(rows[1].date)).toBe('2025-06-16');
    expect(rows.map((r) => r.amount)).toEqual([3_000, 3_000, 3_000, 3_000, 0]);
  });

  test('no-calculation option: 8,000 two years ago, 10,000 last -> 2,000, 2,000, 3,000, 3,000; never below 0', () => {
    expect(instalments(12_000, 10_000, 8_000, 2026, 'no_calculation', false).map((r) => r.amount)).toEqual([
      2_000, 2_000, 3_000, 3_000, 2_000,
    ]);
    expect(instalments(12_000, 1_000, 8_000, 2026, 'no_calculation', false).map((r) => r.amount)).toEqual([
      2_000, 2_000, 0, 0, 8_000,
    ]);
  });

  test('the $3,000 threshold: this year and one of the two before must be over it', () => {
    const notThisYear = instalments(3_000, 10_000, 0, 2026, 'prior', false);
    expect(notThisYear.slice(0, 4).map((r) => r.amount)).toEqual([0, 0, 0, 0]);
    expect(notThisYear[0].payment).toMatch(/not required: 2026 owing is not over \$3,000/);
    const notBefore = instalments(3_000.01, 3_000, 3_000, 2026, 'prior', false);
    expect(notBefore[0].payment).toMatch(/neither 2025 nor 2024/);
    expect(notBefore[4].amount).toBe(3_000.01);
    expect(instalments(3_000.01, 0, 3_000.01, 2026, 'current', false)[0].amount).toBeCloseTo(750.0025, 9);
  });

  test('Quebec: $1,800 threshold', () => {
    expect(instalments(2_000, 2_000, 0, 2026, 'prior', true).map((r) => r.amount)).toEqual([500, 500, 500, 500, 0]);
    expect(instalments(2_000, 2_000, 0, 2026, 'prior', false)[0].amount).toBe(0);
  });
});
