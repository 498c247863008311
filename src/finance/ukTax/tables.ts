/**
 * The UK figures Jumpwise's sole-trader estimate uses, one entry per tax year (2025 means 2025/26, 6 April 2025 to
 * 5 April 2026). Every figure carries its source (gov.uk) in the comment beside it.
 */

export type UkRegion = 'england' | 'scotland';

interface UkTaxYear {
  /** Personal allowance before the taper. */
  personalAllowance: number;
  /** Adjusted net income above which the allowance falls by £1 for every £2. */
  allowanceTaperStart: number;
  /** Tops of each band on taxable income (income above the allowance), lowest first; the last rate has no top. */
  bands: Readonly<Record<UkRegion, { tops: readonly number[]; rates: readonly number[] }>>;
  /** Class 4 NI lower and upper profits limits. */
  lowerProfitsLimit: number;
  upperProfitsLimit: number;
  class4MainRate: number;
  class4AdditionalRate: number;
}

/** England, Wales and Northern Ireland: 20/40/45 on taxable income. */
const RUK_BANDS = {
  // gov.uk "Income Tax rates and Personal Allowances": basic rate on taxable income to £37,700, higher to £125,140,
  // additional above (ITA 2007 ss.6, 10; Finance Act 2023 s.6 set the additional-rate limit at £125,140).
  // Wales: the Welsh rates are 10p in every band, so the same rates (gov.wales written statement on Welsh taxes 2026-27).
  tops: [37_700, 125_140],
  rates: [0.2, 0.4, 0.45],
} as const;

const CLASS_4 = {
  // gov.uk policy paper "Maintaining ... thresholds until 5 April 2031" (26 Nov 2025): LPL £12,570 and UPL £50,270.
  lowerProfitsLimit: 12_570,
  upperProfitsLimit: 50_270,
  // National Insurance Contributions (Reduction in Rates) Act 2024 s.1: main rate 6% from 6 April 2024.
  class4MainRate: 0.06,
  // gov.uk self-employed National Insurance rates: 2% on profits over £50,270.
  class4AdditionalRate: 0.02,
} as const;

const ALLOWANCE = {
  // gov.uk "Income Tax rates and Personal Allowances" (2025/26); kept to 5 April 2031 by the 26 Nov 2025 policy paper.
  personalAllowance: 12_570,
  // ITA 2007 s.35: reduced by £1 for every £2 of adjusted net income above £100,000 (nil at £125,140).
  allowanceTaperStart: 100_000,
} as const;

/** Scottish rates on non-savings, non-dividend income: starter 19, basic 20, intermediate 21, higher 42, advanced 45, top 48. */
const SCOTTISH_RATES = [0.19, 0.2, 0.21, 0.42, 0.45, 0.48] as const;

const UK_TAX_YEARS: Readonly<Record<number, UkTaxYear>> = {
  2025: {
    ...ALLOWANCE,
    bands: {
      england: RUK_BANDS,
      // gov.scot "Scottish income tax rates and bands 2025 to 2026" (total-income form £15,397 / £27,491 / £43,662 /
      // £75,000 / £125,140), as taxable income above a £12,570 allowance; top rate from £125,140 of taxable income.
      scotland: { tops: [2_827, 14_921, 31_092, 62_430, 125_140], rates: SCOTTISH_RATES },
    },
    ...CLASS_4,
  },
  2026: {
    ...ALLOWANCE,
    bands: {
      england: RUK_BANDS,
      // Scottish Budget 2026-27 (13 Jan 2026), gov.scot ".../scottish-income-tax-rates-and-bands/pages/2026-to-2027/"
      // as cited by PolicyEngine UK income_tax/rates/scotland/rates.yaml (3,967 / 16,956 / 31,092 / 62,430), and the
      // ICB 2026/27 table exclusive of the allowance; top rate from £125,140 of taxable income.
      scotland: { tops: [3_967, 16_956, 31_092, 62_430, 125_140], rates: SCOTTISH_RATES },
    },
    ...CLASS_4,
  },
};

export const UK_SUPPORTED_YEARS: readonly number[] = Object.keys(UK_TAX_YEARS)
  .map(Number)
  .sort((a, b) => a - b);

/** "2025/26 or 2026/27". */
export const ukYearLabel = (year: number): string => `${year}/${String((year + 1) % 100).padStart(2, '0')}`;

export function ukSupportedYearsText(): string {
  const years = UK_SUPPORTED_YEARS.map(ukYearLabel);
  return years.length === 1 ? years[0] : `${years.slice(0, -1).join(', ')} or ${years[years.length - 1]}`;
}

export const isUkSupportedYear = (year: number): boolean => UK_SUPPORTED_YEARS.includes(year);

export function ukFiguresFor(year: number): UkTaxYear {
  if (!isUkSupportedYear(year)) throw new Error(`no UK tax figures for ${year}; supported: ${ukSupportedYearsText()}`);
  return UK_TAX_YEARS[year];
}

/** The supported year nearest a tax year: a later year is estimated with the latest figures Jumpwise has. */
export const ukNearestYear = (year: number): number =>
  Math.min(Math.max(year, UK_SUPPORTED_YEARS[0]), UK_SUPPORTED_YEARS[UK_SUPPORTED_YEARS.length - 1]);

/** The tax year (6 April to 5 April) containing a day, clamped to the supported years. */
export function ukDefaultTaxYear(today: Date): number {
  const m = today.getMonth() + 1;
  const containing = m > 4 || (m === 4 && today.getDate() >= 6) ? today.getFullYear() : today.getFullYear() - 1;
  const first = UK_SUPPORTED_YEARS[0];
  const last = UK_SUPPORTED_YEARS[UK_SUPPORTED_YEARS.length - 1];
  return Math.min(Math.max(containing, first), last);
}

/** Reads 2025, "2025", "2025/26", "2025-26" or "2025/2026" as the tax year starting in 2025; undefined otherwise. */
export function parseUkTaxYear(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d{4})\s*(?:[/-]\s*(\d{2}|\d{4}))?\s*$/.exec(v);
  if (!m) return undefined;
  const start = Number(m[1]);
  if (m[2] !== undefined) {
    const end = Number(m[2]);
    const ok = m[2].length === 2 ? end === (start + 1) % 100 : end === start + 1;
    if (!ok) return undefined;
  }
  return start;
}

/**
 * Registering for Self Assessment (notice of chargeability): TMA 1970 s.7(1) and (1C)(a), as amended by Finance
 * Act 2013 Sch 51 para 2, give "6 months from the end of the year of assessment" in which the person is first
 * chargeable; a tax year ending 5 April makes it 5 October after the end of the first tax year of trading.
 * The date is in the calendar year after the one the first tax year starts in.
 */
export const SELF_ASSESSMENT_REGISTRATION = { month: 10, day: 5, yearsAfterTaxYearStart: 1 } as const;
