/**
 * Hand-worked Canadian cases, from the figures src/finance/caTax/tables.ts cites: CPP 11.9% (9.9 base +
 * 2.0 first additional) from 3,500 to the YMPE, CPP2 8% to the YAMPE; line 22200 and line 31000; federal brackets.
 */
import {
  basicPersonalAmount,
  caTaxEstimate,
  caTaxRate,
  federalBracketTax,
  selfEmployedCpp,
} from '../../src/finance/caTax/estimate';
import { caDefaultTaxYear } from '../../src/finance/caTax/tables';

describe('CPP and CPP2 on self-employed earnings', () => {
  test('2026 maximum (85,000+): base 7,038.90, first additional 1,422.00, CPP2 832.00; deduction 5,773.45', () => {
    const e = caTaxEstimate(100_000, 2026);
    expect(e.cppBase).toBeCloseTo(7_038.9, 6);
    expect(e.cppFirstAdditional).toBeCloseTo(1_422, 6);
    expect(e.cpp2).toBeCloseTo(832, 6);
    expect(e.cppDeduction).toBeCloseTo(5_773.45, 6);
    expect(e.cppCreditBase).toBeCloseTo(3_519.45, 6);
  });

  test('2025 maximum: CPP1 8,068.20, CPP2 792.00; deduction 5,504.10, credit base 3,356.10', () => {
    const e = caTaxEstimate(81_200, 2025);
    expect(e.cppBase + e.cppFirstAdditional).toBeCloseTo(8_068.2, 6);
    expect(e.cpp2).toBeCloseTo(792, 6);
    expect(e.cppDeduction).toBeCloseTo(5_504.1, 6);
    expect(e.cppCreditBase).toBeCloseTo(3_356.1, 6);
  });

  test('nothing up to the 3,500 exemption; CPP1 stops at the YMPE, CPP2 starts there', () => {
    expect(selfEmployedCpp(3_500, 0, 2026)).toEqual({ base: 0, firstAdditional: 0, cpp2: 0 });
    const atYmpe = selfEmployedCpp(74_600, 0, 2026);
    expect(atYmpe.base + atYmpe.firstAdditional).toBeCloseTo(8_460.9, 6);
    expect(atYmpe.cpp2).toBe(0);
    expect(selfEmployedCpp(75_600, 0, 2026).cpp2).toBeCloseTo(80, 6);
  });

  test('employment income uses the room first: 50,000 job + 40,000 SE in 2026 -> 24,600 CPP1, 10,400 CPP2 earnings', () => {
    const c = selfEmployedCpp(40_000, 50_000, 2026);
    expect(c.base).toBeCloseTo(0.099 * 24_600, 6);
    expect(c.firstAdditional).toBeCloseTo(0.02 * 24_600, 6);
    expect(c.cpp2).toBeCloseTo(832, 6);
    expect(selfEmployedCpp(20_000, 100_000, 2026)).toEqual({ base: 0, firstAdditional: 0, cpp2: 0 });
  });
});

describe('federal tax', () => {
  test('the lowest rate: 14.5% in 2025 (8,319.375 at 57,375), 14% in 2026 (8,193.22 at 58,523)', () => {
    expect(federalBracketTax(57_375, 2025)).toBeCloseTo(8_319.375, 6);
    expect(federalBracketTax(58_523, 2026)).toBeCloseTo(8_193.22, 6);
  });

  test('2026 at 300,000 through every bracket: 72,976.05', () => {
    expect(federalBracketTax(300_000, 2026)).toBeCloseTo(72_976.05, 6);
  });

  test('BPA reduction across the 29% bracket: 16,061.01 (2026) and 15,663.11 (2025) at 200,000', () => {
    expect(basicPersonalAmount(181_440, 2026)).toBe(16_452);
    expect(basicPersonalAmount(200_000, 2026)).toBeCloseTo(16_061.01, 2);
    expect(basicPersonalAmount(200_000, 2025)).toBeCloseTo(15_663.11, 2);
    expect(basicPersonalAmount(258_482, 2026)).toBeCloseTo(14_829, 6);
    expect(basicPersonalAmount(400_000, 2025)).toBeCloseTo(14_538, 6);
  });

  test('2026, 60,000: CPP 6,723.50; net 56,073.25; federal 7,850.255 - 14% x 19,248.75 = 5,155.43; total 11,878.93', () => {
    const e = caTaxEstimate(60_000, 2026);
    expect(e.netIncome).toBeCloseTo(56_073.25, 6);
    expect(e.federalTax).toBeCloseTo(5_155.43, 6);
    expect(e.total).toBeCloseTo(11_878.93, 6);
    expect(caTaxRate(60_000, 2026)).toBeCloseTo(11_878.93 / 60_000, 12);
  });

  test('2025, 60,000 at 14.5%: federal 14.5% x (56,073.25 - 16,129 - 2,796.75) = 5,386.3875', () => {
    expect(caTaxEstimate(60_000, 2025).federalTax).toBeCloseTo(5_386.3875, 6);
  });

  test('credits never make federal tax negative: 10,000 in 2026 owes only CPP 773.50', () => {
    const e = caTaxEstimate(10_000, 2026);
    expect(e.federalTax).toBe(0);
    expect(e.total).toBeCloseTo(773.5, 6);
  });

  test('the provincial rate applies to taxable income: 10% of 56,073.25', () => {
    expect(caTaxEstimate(60_000, 2026, 0.1).provincialTax).toBeCloseTo(5_607.325, 6);
  });

  test('no income, no tax; the default year is this year clamped', () => {
    expect(caTaxEstimate(-1_000, 2026).total).toBe(0);
    expect(caTaxRate(0, 2026)).toBe(0);
    expect(caDefaultTaxYear(new Date(2030, 0, 1))).toBe(2026);
    expect(caDefaultTaxYear(new Date(2020, 0, 1))).toBe(2025);
  });
});
