/**
 * Hand-worked US tax cases. Each expected figure is worked out step by step in the comment beside it, from the
 * figures src/finance/usTax/tables.ts cites (Rev. Proc. 2024-40, Rev. Proc. 2025-32, SSA wage base).
 */
import { taxEstimate, taxRate } from '../../src/finance/usTax/estimate';
import { incomeTax } from '../../src/finance/usTax/incomeTax';
import { safeHarbor } from '../../src/finance/usTax/safeHarbor';
import { selfEmploymentTax } from '../../src/finance/usTax/selfEmploymentTax';
import {
  type FilingStatus,
  figuresFor,
  STATUTE,
  SUPPORTED_TAX_YEARS,
  supportedYearsText,
  usTaxYearAsOf,
} from '../../src/finance/usTax/tables';

const single2026 = (netProfit: number, more: { stateRate?: number; w2Wages?: number } = {}) =>
  taxEstimate({ netProfit, status: 'single', year: 2026, ...more });

describe('self-employment tax (Schedule SE)', () => {
  test('2026, $50,000: NESE 46,175; 12.4% = 5,725.70 + 2.9% = 1,339.075 -> 7,064.775', () => {
    const se = selfEmploymentTax(50_000, 2026);
    expect(se.netEarnings).toBeCloseTo(46_175, 6);
    expect(se.socialSecurity).toBeCloseTo(5_725.7, 6);
    expect(se.medicare).toBeCloseTo(1_339.075, 6);
    expect(se.total).toBeCloseTo(7_064.775, 6);
  });

  test('under $400 of net earnings there is none: $433 -> NESE 399.88 -> 0; $434 -> NESE 400.80 x 15.3% = 61.32', () => {
    expect(selfEmploymentTax(433, 2026).total).toBe(0);
    expect(selfEmploymentTax(434, 2026).total).toBeCloseTo(400.799 * 0.153, 6);
  });

  test('zero and negative profit owe nothing', () => {
    expect(selfEmploymentTax(0, 2026).total).toBe(0);
    expect(selfEmploymentTax(-25_000, 2025).total).toBe(0);
  });

  test('the wage base caps the 12.4% part: $200,000 -> NESE 184,700', () => {
    // 2025: 12.4% x 176,100 = 21,836.40 + 2.9% x 184,700 = 5,356.30 -> 27,192.70
    expect(selfEmploymentTax(200_000, 2025).total).toBeCloseTo(27_192.7, 6);
    // 2026: 12.4% x 184,500 = 22,878 + 5,356.30 -> 28,234.30
    expect(selfEmploymentTax(200_000, 2026).total).toBeCloseTo(28_234.3, 6);
  });

  test('W-2 wages below the base leave part of it: 2026, wages 150,000, profit 60,000', () => {
    // NESE 55,410; base left 184,500 - 150,000 = 34,500; 12.4% x 34,500 = 4,278; 2.9% x 55,410 = 1,606.89 -> 5,884.89
    expect(selfEmploymentTax(60_000, 2026, 150_000).total).toBeCloseTo(5_884.89, 6);
  });

  test('W-2 wages above the base leave only the 2.9% part: wages 190,000 -> 1,606.89', () => {
    const se = selfEmploymentTax(60_000, 2026, 190_000);
    expect(se.socialSecurity).toBe(0);
    expect(se.total).toBeCloseTo(1_606.89, 6);
  });
});

describe('federal income tax from the rate schedule', () => {
  test('single 2026, $80,000: 10% x 12,400 = 1,240 + 12% x 38,000 = 4,560 + 22% x 29,600 = 6,512 -> 12,312', () => {
    expect(incomeTax(80_000, 'single', 2026)).toBeCloseTo(12_312, 6);
  });

  test('the top of the first bracket is exactly 10%: 12,400 -> 1,240', () => {
    expect(incomeTax(12_400, 'single', 2026)).toBeCloseTo(1_240, 9);
  });

  test('married filing jointly 2026, $150,000: 2,480 + 12% x 76,000 = 9,120 + 22% x 49,200 = 10,824 -> 22,424', () => {
    expect(incomeTax(150_000, 'married_joint', 2026)).toBeCloseTo(22_424, 6);
  });

  test('head of household 2026, $60,000: 10% x 17,700 = 1,770 + 12% x 42,300 = 5,076 -> 6,846', () => {
    expect(incomeTax(60_000, 'head_of_household', 2026)).toBeCloseTo(6_846, 6);
  });

  test('married filing separately 2026, $400,000 reaches 37% above 384,350', () => {
    // 1,240 + 4,560 + 22% x 55,300 = 12,166 + 24% x 96,075 = 23,058 + 32% x 54,450 = 17,424
    // + 35% x 128,125 = 44,843.75 + 37% x 15,650 = 5,790.50 -> 109,082.25
    expect(incomeTax(400_000, 'married_separate', 2026)).toBeCloseTo(109_082.25, 6);
  });

  test('single 2025, $700,000 uses the 2025 schedule', () => {
    // 1,192.50 + 12% x 36,550 = 4,386 + 22% x 54,875 = 12,072.50 + 24% x 93,950 = 22,548 + 32% x 53,225 = 17,032
    // + 35% x 375,825 = 131,538.75 + 37% x 73,650 = 27,250.50 -> 216,020.25
    expect(incomeTax(700_000, 'single', 2025)).toBeCloseTo(216_020.25, 6);
  });

  test('no tax on zero or negative taxable income', () => {
    expect(incomeTax(0, 'single', 2026)).toBe(0);
    expect(incomeTax(-5_000, 'married_joint', 2025)).toBe(0);
  });
});

describe('the estimate, single 2026 (the sanity figures 18.6%, 20.8%, 23.7%, 26.7%)', () => {
  test('$40,000 -> 7,426.93 (18.57%)', () => {
    // SE: NESE 36,940 x 15.3% = 5,651.82; half 2,825.91; AGI 37,174.09; less 16,100 -> 21,074.09 before QBI
    // QBI 37,174.09; deduction 20% x min(37,174.09, 21,074.09) = 4,214.818; taxable 16,859.272
    // income tax 1,240 + 12% x 4,459.272 = 1,775.11264; total 5,651.82 + 1,775.11264 = 7,426.93264
    const e = single2026(40_000);
    expect(e.seTax).toBeCloseTo(5_651.82, 6);
    expect(e.qbiDeduction).toBeCloseTo(4_214.818, 6);
    expect(e.incomeTax).toBeCloseTo(1_775.11264, 6);
    expect(e.total).toBeCloseTo(7_426.93264, 6);
    expect(taxRate({ netProfit: 40_000, status: 'single', year: 2026 })).toBeCloseTo(0.1857, 4);
  });

  test('$80,000 -> 16,647.47 (20.81%)', () => {
    // SE: NESE 73,880 x 15.3% = 11,303.64; AGI 80,000 - 5,651.82 = 74,348.18; before QBI 58,248.18
    // deduction 20% x 58,248.18 = 11,649.636; taxable 46,598.544; tax 1,240 + 12% x 34,198.544 = 5,343.82528
    // total 11,303.64 + 5,343.82528 = 16,647.46528
    const e = single2026(80_000);
    expect(e.taxableIncome).toBeCloseTo(46_598.544, 6);
    expect(e.total).toBeCloseTo(16_647.46528, 6);
    expect(taxRate({ netProfit: 80_000, status: 'single', year: 2026 })).toBeCloseTo(0.2081, 4);
  });

  test('$120,000 -> 28,461.78 (23.72%)', () => {
    // SE: NESE 110,820 x 15.3% = 16,955.46; AGI 111,522.27; before QBI 95,422.27; deduction 19,084.454
    // taxable 76,337.816; tax 1,240 + 4,560 + 22% x 25,937.816 = 11,506.31952; total 28,461.77952
    expect(single2026(120_000).total).toBeCloseTo(28_461.77952, 6);
    expect(taxRate({ netProfit: 120_000, status: 'single', year: 2026 })).toBeCloseTo(0.2372, 4);
  });

  test('$200,000 -> 53,430.61 (26.72%), the wage base reached', () => {
    // SE: 12.4% x 184,500 = 22,878 + 2.9% x 184,700 = 5,356.30 -> 28,234.30; AGI 185,882.85; before QBI 169,782.85
    // (below the 201,750 threshold); deduction 33,956.57; taxable 135,826.28
    // tax 1,240 + 4,560 + 12,166 + 24% x 30,126.28 = 25,196.3072; NESE 184,700 < 200,000: no additional Medicare
    const e = single2026(200_000);
    expect(e.additionalMedicare).toBe(0);
    expect(e.total).toBeCloseTo(53_430.6072, 6);
    expect(taxRate({ netProfit: 200_000, status: 'single', year: 2026 })).toBeCloseTo(0.2672, 4);
  });

  test('a flat 5% state rate on AGI: $80,000 adds 5% x 74,348.18 = 3,717.409', () => {
    const e = single2026(80_000, { stateRate: 0.05 });
    expect(e.stateTax).toBeCloseTo(3_717.409, 6);
    expect(e.total).toBeCloseTo(16_647.46528 + 3_717.409, 6);
  });
});

describe('every filing status at $120,000 profit, 2026 (SE 16,955.46, AGI 111,522.27)', () => {
  test('married filing jointly -> 24,074.40', () => {
    // before QBI 111,522.27 - 32,200 = 79,322.27; deduction 15,864.454; taxable 63,457.816
    // tax 2,480 + 12% x 38,657.816 = 7,118.93792; total 24,074.39792
    expect(taxEstimate({ netProfit: 120_000, status: 'married_joint', year: 2026 }).total).toBeCloseTo(24_074.39792, 6);
  });

  test('head of household -> 25,233.98', () => {
    // before QBI 111,522.27 - 24,150 = 87,372.27; deduction 17,474.454; taxable 69,897.816
    // tax 1,770 + 12% x 49,750 = 5,970 + 22% x 2,447.816 = 538.51952 -> 8,278.51952; total 25,233.97952
    expect(taxEstimate({ netProfit: 120_000, status: 'head_of_household', year: 2026 }).total).toBeCloseTo(25_233.97952, 6);
  });

  test('married filing separately equals single at this income (same deduction and brackets up to 256,225)', () => {
    const mfs = taxEstimate({ netProfit: 120_000, status: 'married_separate', year: 2026 }).total;
    expect(mfs).toBeCloseTo(28_461.77952, 6);
  });

  test('married filing separately pays additional Medicare above 125,000: $150,000 -> 37,729.35', () => {
    // NESE 138,525; SE 21,194.325; AGI 139,402.8375; before QBI 123,302.8375; deduction 24,660.5675
    // taxable 98,642.27; tax 5,800 + 22% x 48,242.27 = 16,413.2994; additional Medicare 0.9% x 13,525 = 121.725
    // total 21,194.325 + 16,413.2994 + 121.725 = 37,729.3494; single has no additional Medicare: 37,607.6244
    const mfs = taxEstimate({ netProfit: 150_000, status: 'married_separate', year: 2026 });
    expect(mfs.additionalMedicare).toBeCloseTo(121.725, 6);
    expect(mfs.total).toBeCloseTo(37_729.3494, 6);
    expect(single2026(150_000).total).toBeCloseTo(37_607.6244, 6);
  });
});

describe('QBI deduction phase-in', () => {
  test('a solo inside the 2026 phase-in: single, $250,000 -> 66,360.02', () => {
    // SE: 22,878 + 2.9% x 230,875 = 6,695.375 -> 29,573.375; AGI 235,213.3125; before QBI 219,113.3125
    // QBI 235,213.3125; 20% of it 47,042.6625; phased out (219,113.3125 - 201,750) / 75,000 = 23.151083%
    // deduction 47,042.6625 x 0.76848917 = 36,151.7765, under the cap 20% x 219,113.3125 = 43,822.6625 (199A(a))
    // taxable 182,961.536; tax 17,966 + 24% x 77,261.536 = 36,508.7686
    // additional Medicare 0.9% x (230,875 - 200,000) = 277.875; total 66,360.0186
    const e = single2026(250_000);
    expect(e.qbiDeduction).toBeCloseTo(36_151.7765, 3);
    expect(e.total).toBeCloseTo(66_360.0186, 3);
  });

  test('the 20%-of-taxable-income cap applies after the phase-in, not before (199A(a) and (b)(3)(B))', () => {
    // Capping first (20% x min(QBI, taxable) x (1 - f)) would give 43,822.6625 x 0.76848917 = 33,677.24 here.
    const e = single2026(250_000);
    expect(e.qbiDeduction).toBeGreaterThan(33_677.25);
    expect(e.qbiDeduction).toBeLessThanOrEqual(0.2 * e.taxableBeforeQbi);
  });

  test('W-2 wages push side income into the phase-in: wages 150,000, profit 100,000 -> 53,712.49', () => {
    // SE: base left 34,500 x 12.4% = 4,278 + 2.9% x 92,350 = 2,678.15 -> 6,956.15; AGI 246,521.925; before QBI 230,421.925
    // QBI 96,521.925; phased out 28,671.925 / 75,000 = 38.229%; deduction 19,304.385 x 0.617708 = 11,924.4666
    // taxable 218,497.4584; tax 41,024 + 32% x 16,722.4584 = 46,375.1867
    // additional Medicare 0.9% x (150,000 + 92,350 - 200,000) = 381.15; total 53,712.4867
    const e = single2026(100_000, { w2Wages: 150_000 });
    expect(e.qbiDeduction).toBeCloseTo(11_924.4666, 3);
    expect(e.additionalMedicare).toBeCloseTo(381.15, 6);
    expect(e.total).toBeCloseTo(53_712.4867, 3);
    // Without the profit: AGI 150,000; taxable 133,900; tax 17,966 + 24% x 28,200 = 24,734
    // TAX_RATE_US: (53,712.4867 - 24,734) / 100,000 = 0.289785
    expect(taxRate({ netProfit: 100_000, status: 'single', year: 2026, w2Wages: 150_000 })).toBeCloseTo(0.289785, 6);
  });

  test('above the range 2026 keeps the $400 minimum deduction; 2025 has none: single, $400,000', () => {
    // 2026: SE 22,878 + 2.9% x 369,400 = 10,712.60 -> 33,590.60; AGI 383,204.70; before QBI 367,104.70 (> 276,750)
    // deduction 400; taxable 366,704.70; tax 58,448 + 35% x 110,479.70 = 97,115.895
    // additional Medicare 0.9% x 169,400 = 1,524.60; total 132,231.095
    const e2026 = single2026(400_000);
    expect(e2026.qbiDeduction).toBe(400);
    expect(e2026.total).toBeCloseTo(132_231.095, 6);
    // 2025: SE 12.4% x 176,100 = 21,836.40 + 10,712.60 = 32,549; AGI 383,725.50; before QBI 367,975.50 (> 247,300)
    // deduction 0; tax 57,231 + 35% x 117,450.50 = 98,338.675; total 32,549 + 98,338.675 + 1,524.60 = 132,412.275
    const e2025 = taxEstimate({ netProfit: 400_000, status: 'single', year: 2025 });
    expect(e2025.qbiDeduction).toBe(0);
    expect(e2025.total).toBeCloseTo(132_412.275, 6);
  });

  test('the $400 minimum starts when QBI reaches $1,000 (QBI = 92.935225% of profit): wages 60,000', () => {
    // profit 1,076: QBI 999.983 -> 20% = 199.997; profit 1,077: QBI 1,000.912 -> 400
    expect(single2026(1_076, { w2Wages: 60_000 }).qbiDeduction).toBeCloseTo(199.997, 3);
    expect(single2026(1_077, { w2Wages: 60_000 }).qbiDeduction).toBe(400);
  });
});

describe('zero and negative profit', () => {
  test('no profit and no wages: nothing owed, rate 0', () => {
    expect(single2026(0).total).toBe(0);
    expect(taxRate({ netProfit: 0, status: 'single', year: 2026 })).toBe(0);
  });

  test('a loss offsets wages: wages 60,000, loss 10,000 -> 3,820', () => {
    // SE 0; AGI 50,000; taxable 33,900; QBI negative: no deduction; tax 1,240 + 12% x 21,500 = 3,820
    const e = single2026(-10_000, { w2Wages: 60_000 });
    expect(e.seTax).toBe(0);
    expect(e.qbiDeduction).toBe(0);
    expect(e.total).toBeCloseTo(3_820, 6);
    expect(taxRate({ netProfit: -10_000, status: 'single', year: 2026, w2Wages: 60_000 })).toBe(0);
  });
});

describe('safe harbor (26 USC 6654(d))', () => {
  test('90% of this year when that is less: 90% x 12,000 = 10,800 < 110% x 12,000', () => {
    expect(safeHarbor(12_000, 'single', { tax: 12_000, adjustedGrossIncome: 200_000 })).toBeCloseTo(10_800, 9);
  });
  test('110% of last year above $150,000 AGI: min(10,800, 1.1 x 9,000 = 9,900) = 9,900', () => {
    expect(safeHarbor(12_000, 'single', { tax: 9_000, adjustedGrossIncome: 160_000 })).toBeCloseTo(9_900, 9);
  });
  test('100% of last year at exactly $150,000 (not over it): 9,000', () => {
    expect(safeHarbor(12_000, 'married_joint', { tax: 9_000, adjustedGrossIncome: 150_000 })).toBe(9_000);
  });
  test('married filing separately: 110% already above $75,000 AGI', () => {
    expect(safeHarbor(12_000, 'married_separate', { tax: 9_000, adjustedGrossIncome: 80_000 })).toBeCloseTo(9_900, 9);
    expect(safeHarbor(12_000, 'single', { tax: 9_000, adjustedGrossIncome: 80_000 })).toBe(9_000);
  });
  test('no prior year: 90% of this year; a prior year with no tax: nothing', () => {
    expect(safeHarbor(12_000, 'single')).toBeCloseTo(10_800, 9);
    expect(safeHarbor(12_000, 'single', { tax: 0, adjustedGrossIncome: 0 })).toBe(0);
  });
});

describe('supported years', () => {
  test('the table has 2025 and 2026 and says so', () => {
    expect(SUPPORTED_TAX_YEARS).toEqual([2025, 2026]);
    expect(supportedYearsText()).toBe('2025 or 2026');
  });
  test('the default is the latest supported year not after today, or the earliest before any', () => {
    expect(usTaxYearAsOf(new Date(2026, 10, 28))).toBe(2026);
    expect(usTaxYearAsOf(new Date(2031, 0, 1))).toBe(2026);
    expect(usTaxYearAsOf(new Date(2025, 5, 1))).toBe(2025);
    expect(usTaxYearAsOf(new Date(2020, 0, 1))).toBe(2025);
  });
  test.each<FilingStatus>(['single', 'married_joint', 'married_separate', 'head_of_household'])(
    '%s: bracket tops rise and each next dollar is taxed at the next rate',
    (status) => {
      for (const year of SUPPORTED_TAX_YEARS) {
        const tops = figuresFor(year).bracketTops[status];
        tops.forEach((top, i) => {
          if (i > 0) expect(top).toBeGreaterThan(tops[i - 1]);
          expect(incomeTax(top, status, year) - incomeTax(top - 1, status, year)).toBeCloseTo(STATUTE.bracketRates[i], 9);
          expect(incomeTax(top + 1, status, year) - incomeTax(top, status, year)).toBeCloseTo(STATUTE.bracketRates[i + 1], 9);
        });
      }
    },
  );
});
