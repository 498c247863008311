/**
 * Hand-worked UK cases (2025 = 2025/26), from the figures src/finance/ukTax/tables.ts cites: allowance
 * 12,570 tapered above 100,000; rUK bands 37,700 / 125,140 on taxable income; Scottish bands; Class 4 6% / 2%.
 */
import { class4, personalAllowance, ukTaxEstimate, ukTaxRate } from '../../src/finance/ukTax/estimate';
import { parseUkTaxYear, ukDefaultTaxYear, ukYearLabel } from '../../src/finance/ukTax/tables';

const eng = (profit: number, year = 2025, other = 0) => ukTaxEstimate(profit, year, 'england', other);
const scot = (profit: number, year: number) => ukTaxEstimate(profit, year, 'scotland');

describe('England / Wales / NI income tax and Class 4', () => {
  test('£30,000 in 2025/26 -> (30,000 - 12,570) x 20% + (30,000 - 12,570) x 6% = 3,486.00 + 1,045.80 = 4,531.80', () => {
    const e = eng(30_000);
    expect(e.incomeTax).toBeCloseTo(3_486, 6);
    expect(e.class4).toBeCloseTo(1_045.8, 6);
    expect(e.total).toBeCloseTo(4_531.8, 6);
  });

  test('at the allowance and the LPL (12,570) nothing is due; one pound more owes 20p + 6p', () => {
    expect(eng(12_570).total).toBe(0);
    expect(eng(12_571).total).toBeCloseTo(0.26, 6);
  });

  test('basic rate edge 50,270: 37,700 x 20% = 7,540; Class 4 37,700 x 6% = 2,262', () => {
    expect(eng(50_270).incomeTax).toBeCloseTo(7_540, 6);
    expect(eng(50_270).class4).toBeCloseTo(2_262, 6);
    expect(eng(50_271).incomeTax - eng(50_270).incomeTax).toBeCloseTo(0.4, 6);
  });

  test('100,000: 7,540 + 49,730 x 40% = 27,432; Class 4 2,262 + 49,730 x 2% = 3,256.60', () => {
    expect(eng(100_000).incomeTax).toBeCloseTo(27_432, 6);
    expect(eng(100_000).class4).toBeCloseTo(3_256.6, 6);
  });

  test('the taper: 110,000 -> allowance 7,570, tax 7,540 + 64,730 x 40% = 33,432; nil allowance at 125,140', () => {
    expect(personalAllowance(110_000, 2025)).toBe(7_570);
    expect(eng(110_000).incomeTax).toBeCloseTo(33_432, 6);
    expect(personalAllowance(125_140, 2025)).toBe(0);
    expect(personalAllowance(125_139, 2025)).toBeCloseTo(0.5, 9);
    expect(eng(125_140).incomeTax).toBeCloseTo(42_516, 6);
    // 60% marginal income tax inside the taper.
    expect(eng(110_001).incomeTax - eng(110_000).incomeTax).toBeCloseTo(0.6, 6);
  });

  test('additional rate above 125,140: 150,000 -> 42,516 + 24,860 x 45% = 53,703', () => {
    expect(eng(150_000).incomeTax).toBeCloseTo(53_703, 6);
  });

  test('Class 4 limits: 0 at 12,570, 2,262 at 50,270, 2% above', () => {
    expect(class4(12_570, 2025)).toBe(0);
    expect(class4(50_270, 2026)).toBeCloseTo(2_262, 6);
    expect(class4(60_000, 2025)).toBeCloseTo(2_456.6, 6);
  });

  test('2026/27 is the same as 2025/26 in rUK', () => {
    for (const p of [0, 30_000, 110_000, 200_000]) expect(eng(p, 2026).total).toBeCloseTo(eng(p, 2025).total, 6);
  });

  test('other income takes the allowance first; Class 4 is on the profit alone; a loss counts as 0', () => {
    const e = eng(10_000, 2025, 20_000);
    expect(e.incomeTax).toBeCloseTo(3_486, 6);
    expect(e.class4).toBe(0);
    expect(ukTaxRate(10_000, 2025, 'england', 20_000)).toBeCloseTo(0.2, 9);
    expect(eng(-5_000).total).toBe(0);
    expect(ukTaxRate(-5_000, 2025)).toBe(0);
  });

  test('rate on £30,000 = 4,531.80 / 30,000', () => {
    expect(ukTaxRate(30_000, 2025)).toBeCloseTo(4_531.8 / 30_000, 12);
  });
});

describe('Scotland', () => {
  test('2025/26 £30,000: 2,827 x 19% + 12,094 x 20% + 2,509 x 21% = 3,482.82', () => {
    expect(scot(30_000, 2025).incomeTax).toBeCloseTo(3_482.82, 6);
  });

  test('2025/26 band edges: 537.13 / 2,955.93 / 6,351.84 / 19,513.80 / 47,733.30 then 48%', () => {
    const it = (taxable: number) => ukTaxEstimate(taxable + 12_570, 2025, 'scotland').incomeTax;
    expect(it(2_827)).toBeCloseTo(537.13, 6);
    expect(it(14_921)).toBeCloseTo(2_955.93, 6);
    expect(it(31_092)).toBeCloseTo(6_351.84, 6);
    expect(it(62_430)).toBeCloseTo(19_513.8, 6);
    expect(scot(125_140, 2025).incomeTax).toBeCloseTo(47_733.3, 6);
    expect(scot(130_000, 2025).incomeTax).toBeCloseTo(50_066.1, 6);
  });

  test('2026/27 £30,000: 3,967 x 19% + 12,989 x 20% + 474 x 21% = 3,451.07; at 125,140 47,701.55', () => {
    expect(scot(30_000, 2026).incomeTax).toBeCloseTo(3_451.07, 6);
    const it = (taxable: number) => ukTaxEstimate(taxable + 12_570, 2026, 'scotland').incomeTax;
    expect(it(3_967)).toBeCloseTo(753.73, 6);
    expect(it(16_956)).toBeCloseTo(3_351.53, 6);
    expect(scot(125_140, 2026).incomeTax).toBeCloseTo(47_701.55, 6);
  });

  test('Class 4 is UK-wide', () => {
    expect(scot(30_000, 2025).class4).toBeCloseTo(1_045.8, 6);
  });
});

describe('tax years', () => {
  test('2025, "2025/26", "2025-26" and "2025/2026" read as 2025; mismatched ends do not', () => {
    expect(parseUkTaxYear(2025)).toBe(2025);
    expect(parseUkTaxYear('2025/26')).toBe(2025);
    expect(parseUkTaxYear('2025-26')).toBe(2025);
    expect(parseUkTaxYear('2025/2026')).toBe(2025);
    expect(parseUkTaxYear('2025/27')).toBeUndefined();
    expect(parseUkTaxYear('abc')).toBeUndefined();
    expect(parseUkTaxYear(2025.5)).toBeUndefined();
    expect(ukYearLabel(2099)).toBe('2099/00');
  });

  test('the default is the tax year containing the day, clamped to the supported years', () => {
    expect(ukDefaultTaxYear(new Date(2026, 3, 5))).toBe(2025);
    expect(ukDefaultTaxYear(new Date(2026, 3, 6))).toBe(2026);
    expect(ukDefaultTaxYear(new Date(2031, 0, 1))).toBe(2026);
    expect(ukDefaultTaxYear(new Date(2020, 0, 1))).toBe(2025);
  });
});
