/**
 * The US federal figures Jumpwise's tax estimate uses, as data. Figures that change every year live in
 * US_TAX_YEARS, one entry per tax year: adding 2027 means adding one entry, nothing else. Figures fixed by
 * statute (rates, the $400 SE floor, the additional Medicare thresholds) live in STATUTE below.
 * Every figure carries the primary source it comes from.
 */

export const FILING_STATUSES = ['single', 'married_joint', 'married_separate', 'head_of_household'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
/**
 * Each filing status in words, as Form 1040 names it: the wizard offers these, the plan sheet shows them, and
 * TAX_RATE_US and its siblings accept them (any case) as well as the short values, so a plan's cell can hold the words.
 */
export const FILING_STATUS_LABELS: Readonly<Record<FilingStatus, string>> = {
  single: 'Single',
  married_joint: 'Married filing jointly',
  married_separate: 'Married filing separately',
  head_of_household: 'Head of household',
};

type ByStatus<T> = Readonly<Record<FilingStatus, T>>;

/** The tops of the 10, 12, 22, 24, 32 and 35% brackets; income above the last one is taxed at 37%. */
type BracketTops = readonly [number, number, number, number, number, number];

interface UsTaxYear {
  /** Social Security contribution and benefit base: the most earnings the 12.4% part applies to. */
  socialSecurityWageBase: number;
  standardDeduction: ByStatus<number>;
  bracketTops: ByStatus<BracketTops>;
  /** Section 199A threshold amount, on taxable income before the QBI deduction. */
  qbiThreshold: ByStatus<number>;
  /** Section 199A phase-in range above the threshold, across which a solo's deduction falls to 0. */
  qbiPhaseInRange: ByStatus<number>;
  /** Section 199A(i) minimum deduction for active business income; absent before 2026. */
  qbiMinimumDeduction?: { amount: number; minimumQbi: number };
}

const US_TAX_YEARS: Readonly<Record<number, UsTaxYear>> = {
  2025: {
    // SSA, "Contribution and benefit base" (ssa.gov/oact/cola/cbb.html): $176,100 for 2025.
    socialSecurityWageBase: 176_100,
    // Rev. Proc. 2024-40 ($15,000 / $30,000 / $22,500) as raised by the One Big Beautiful Bill Act (P.L. 119-21) sec. 70102.
    standardDeduction: { single: 15_750, married_joint: 31_500, married_separate: 15_750, head_of_household: 23_625 },
    // Rev. Proc. 2024-40, tax rate tables (p. 5).
    bracketTops: {
      single: [11_925, 48_475, 103_350, 197_300, 250_525, 626_350],
      married_joint: [23_850, 96_950, 206_700, 394_600, 501_050, 751_600],
      married_separate: [11_925, 48_475, 103_350, 197_300, 250_525, 375_800],
      head_of_household: [17_000, 64_850, 103_350, 197_300, 250_500, 626_350],
    },
    // Rev. Proc. 2024-40, section 199A threshold amounts.
    qbiThreshold: { single: 197_300, married_joint: 394_600, married_separate: 197_300, head_of_household: 197_300 },
    // IRC 199A(b)(3)(B) and (d)(3) before the One Big Beautiful Bill Act: $50,000, $100,000 for joint returns.
    qbiPhaseInRange: { single: 50_000, married_joint: 100_000, married_separate: 50_000, head_of_household: 50_000 },
  },
  2026: {
    // SSA, "Contribution and benefit base" (ssa.gov/oact/cola/cbb.html): $184,500 for 2026.
    socialSecurityWageBase: 184_500,
    // Rev. Proc. 2025-32, standard deduction (the One Big Beautiful Bill Act amounts, indexed).
    standardDeduction: { single: 16_100, married_joint: 32_200, married_separate: 16_100, head_of_household: 24_150 },
    // Rev. Proc. 2025-32, tax rate tables (p. 10).
    bracketTops: {
      single: [12_400, 50_400, 105_700, 201_775, 256_225, 640_600],
      married_joint: [24_800, 100_800, 211_400, 403_550, 512_450, 768_700],
      married_separate: [12_400, 50_400, 105_700, 201_775, 256_225, 384_350],
      head_of_household: [17_700, 67_450, 105_700, 201_750, 256_200, 640_600],
    },
    // Rev. Proc. 2025-32, section 199A threshold amounts (p. 21).
    qbiThreshold: { single: 201_750, married_joint: 403_500, married_separate: 201_775, head_of_household: 201_750 },
    // IRC 199A(b)(3)(B) as amended by the One Big Beautiful Bill Act sec. 70105: $75,000, $150,000 for joint returns.
    qbiPhaseInRange: { single: 75_000, married_joint: 150_000, married_separate: 75_000, head_of_household: 75_000 },
    // IRC 199A(i), added by the One Big Beautiful Bill Act sec. 70105: at least $400 when active QBI is $1,000 or more
    // (both indexed after 2026).
    qbiMinimumDeduction: { amount: 400, minimumQbi: 1_000 },
  },
};

/** Figures fixed by statute rather than indexed each year. */
export const STATUTE = {
  /** IRC 1(j)(2) rate schedule, made permanent by the One Big Beautiful Bill Act sec. 70101. */
  bracketRates: [0.1, 0.12, 0.22, 0.24, 0.32, 0.35, 0.37] as const,
  /** IRC 1402(a)(12): net earnings are reduced by half the 15.3% rate, i.e. 92.35% of net profit (Schedule SE line 4a). */
  netEarningsShare: 0.9235,
  /** IRC 1402(b)(2): no SE tax when net earnings are under $400 (Schedule SE line 4c). */
  netEarningsMinimum: 400,
  /** IRC 1401(a): old-age, survivors and disability insurance (Social Security) part of SE tax. */
  socialSecurityRate: 0.124,
  /** IRC 1401(b)(1): hospital insurance (Medicare) part of SE tax, on all net earnings. */
  medicareRate: 0.029,
  /** IRC 164(f): half of SE tax is deducted from income (Schedule 1 line 15). */
  deductibleShareOfSeTax: 0.5,
  /** IRC 1401(b)(2) and 3101(b)(2): additional Medicare Tax, not indexed (Form 8959). */
  additionalMedicareRate: 0.009,
  additionalMedicareThreshold: {
    single: 200_000,
    married_joint: 250_000,
    married_separate: 125_000,
    head_of_household: 200_000,
  } satisfies ByStatus<number>,
  /** IRC 199A(a): 20% of qualified business income. */
  qbiRate: 0.2,
  /** IRC 6654(d)(1)(B): 90% of this year's tax or 100% of last year's ... */
  safeHarborCurrentYearShare: 0.9,
  safeHarborPriorYearShare: 1,
  /** ... IRC 6654(d)(1)(C): 110% of last year's when last year's AGI was over $150,000 ($75,000 married filing separately). */
  safeHarborHighIncomePriorYearShare: 1.1,
  safeHarborHighIncomeAgi: {
    single: 150_000,
    married_joint: 150_000,
    married_separate: 75_000,
    head_of_household: 150_000,
  } satisfies ByStatus<number>,
} as const;

/** The tax years Jumpwise has figures for, oldest first. */
export const SUPPORTED_TAX_YEARS: readonly number[] = Object.keys(US_TAX_YEARS)
  .map(Number)
  .sort((a, b) => a - b);

/** "2025 or 2026", "2025, 2026 or 2027": for error messages and help text. */
export function supportedYearsText(): string {
  const years = SUPPORTED_TAX_YEARS.map(String);
  return years.length === 1 ? years[0] : `${years.slice(0, -1).join(', ')} or ${years[years.length - 1]}`;
}

export const isSupportedTaxYear = (year: number): boolean => SUPPORTED_TAX_YEARS.includes(year);

/** The figures for a year; callers check isSupportedTaxYear first, so a miss is a programming error. */
export function figuresFor(year: number): UsTaxYear {
  if (!isSupportedTaxYear(year)) throw new Error(`no US tax figures for ${year}; supported: ${supportedYearsText()}`);
  return US_TAX_YEARS[year];
}

/** The US tax year whose figures apply on `today`: the latest supported year not after today's year (the earliest supported one before any is reached). */
export function usTaxYearAsOf(today: Date): number {
  const thisYear = today.getFullYear();
  const reached = SUPPORTED_TAX_YEARS.filter((y) => y <= thisYear);
  return reached.length ? reached[reached.length - 1] : SUPPORTED_TAX_YEARS[0];
}
