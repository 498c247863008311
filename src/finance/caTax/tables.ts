/**
 * The Canadian federal figures Jumpwise's self-employed estimate uses, one entry per tax year. Every figure carries
 * its source (canada.ca or the CRA's T4127 payroll formulas) in the comment beside it.
 */

interface CaTaxYear {
  /** Federal bracket thresholds (taxable income) where the 20.5, 26, 29 and 33% rates start. */
  bracketStarts: readonly [number, number, number, number];
  /** The lowest federal rate, also the rate of the non-refundable credits. */
  lowestRate: number;
  /** Basic personal amount: the maximum, the minimum, reduced across the 29% bracket (by net income). */
  bpaMax: number;
  bpaMin: number;
  /** Year's maximum pensionable earnings and the second ceiling (YAMPE). */
  ympe: number;
  yampe: number;
}

const CA_TAX_YEARS: Readonly<Record<number, CaTaxYear>> = {
  2025: {
    // canada.ca "Indexation adjustment for personal income tax and benefit amounts" (2025 column, 2.7%).
    bracketStarts: [57_375, 114_750, 177_882, 253_414],
    // Making Life More Affordable for Canadians Act, S.C. 2026, c. 2 (ITA 117(2)): 14.5% full-year rate for 2025.
    lowestRate: 0.145,
    // CRA T4127 120th ed. "Federal BPAF"; canada.ca indexation page ($16,129; minimum $14,538).
    bpaMax: 16_129,
    bpaMin: 14_538,
    // canada.ca "CPP contribution rates, maximums and exemptions" (2025: YMPE $71,300); T4127 Table 8.6 (YAMPE $81,200).
    ympe: 71_300,
    yampe: 81_200,
  },
  2026: {
    // canada.ca indexation page (2026 column, 2.0%); CRA T4127 122nd ed. Table 8.1.
    bracketStarts: [58_523, 117_045, 181_440, 258_482],
    // S.C. 2026, c. 2 (ITA 117(2)): 14% for 2026 and later years; T4127 122nd ed. Table 8.1 (R = 0.14).
    lowestRate: 0.14,
    // CRA T4127 122nd ed. "Federal BPAF" ($16,452; $14,829 at net income of $258,482 or more).
    bpaMax: 16_452,
    bpaMin: 14_829,
    // CRA T4127 122nd ed. Tables 8.3 and 8.6; CRA news release 5 Nov 2025 (YMPE $74,600, YAMPE $85,000).
    ympe: 74_600,
    yampe: 85_000,
  },
};

/** Figures fixed by statute rather than indexed. */
export const CA_STATUTE = {
  /** ITA 117(2): the rates above the lowest one. */
  upperRates: [0.205, 0.26, 0.29, 0.33] as const,
  /** CPP Act s.20: the year's basic exemption, $3,500, not indexed (T4127 Table 8.3). */
  cppBasicExemption: 3_500,
  /** CPP self-employed base rate 9.9% (2 × 4.95%, T4127 Table 8.4). */
  cppBaseRate: 0.099,
  /** CPP first additional rate 2.0% (2 × 1.00%, T4127 Table 8.5); base + first additional = 11.9%. */
  cppFirstAdditionalRate: 0.02,
  /** CPP2 (second additional) self-employed rate 8% (2 × 4%, T4127 Table 8.6). */
  cpp2Rate: 0.08,
  /** ITA 60(e)(i): half of base contributions on self-employed earnings is deducted (line 22200) ... */
  deductibleShareOfBase: 0.5,
  // ... and ITA 60(e)(ii) deducts all the first and second additional contributions; ITA 118.7 credits the other
  // half of the base contributions at the lowest rate (line 31000).
} as const;

/**
 * GST/HST registration: Excise Tax Act s.148(1) makes a person a small supplier while taxable supplies in the four
 * preceding calendar quarters total no more than $30,000 (s.148(2): nor more than $30,000 in one quarter), and
 * s.240(1) requires every other person making taxable supplies in Canada to register (canada.ca "When to register
 * for and start charging the GST/HST").
 */
export const GST_HST_SMALL_SUPPLIER_LIMIT = 30_000;

export const CA_SUPPORTED_YEARS: readonly number[] = Object.keys(CA_TAX_YEARS)
  .map(Number)
  .sort((a, b) => a - b);

export function caSupportedYearsText(): string {
  const years = CA_SUPPORTED_YEARS.map(String);
  return years.length === 1 ? years[0] : `${years.slice(0, -1).join(', ')} or ${years[years.length - 1]}`;
}

export const isCaSupportedYear = (year: number): boolean => CA_SUPPORTED_YEARS.includes(year);

export function caFiguresFor(year: number): CaTaxYear {
  if (!isCaSupportedYear(year)) throw new Error(`no Canadian tax figures for ${year}; supported: ${caSupportedYearsText()}`);
  return CA_TAX_YEARS[year];
}

/** The supported year nearest a tax year: a later year is estimated with the latest figures Jumpwise has. */
export const caNearestYear = (year: number): number =>
  Math.min(Math.max(year, CA_SUPPORTED_YEARS[0]), CA_SUPPORTED_YEARS[CA_SUPPORTED_YEARS.length - 1]);

/** This calendar year, clamped to the supported years. */
export function caDefaultTaxYear(today: Date): number {
  const first = CA_SUPPORTED_YEARS[0];
  const last = CA_SUPPORTED_YEARS[CA_SUPPORTED_YEARS.length - 1];
  return Math.min(Math.max(today.getFullYear(), first), last);
}
