/**
 * A self-employed person's Canadian tax for a year: CPP and CPP2 on self-employed earnings, federal income tax
 * and a flat provincial rate. Not modelled: Quebec (QPP, the abatement), provincial brackets and credits, the
 * Canada employment amount, CPP withheld from employment (employment earnings only use up the CPP room), other
 * credits and deductions, the proposed top-up tax credit.
 */
import { CA_STATUTE, caFiguresFor } from './tables';

interface CaTaxEstimate {
  cppBase: number;
  cppFirstAdditional: number;
  cpp2: number;
  /** Line 22200: half the base contributions plus the additional ones. */
  cppDeduction: number;
  /** Line 31000: the other half of the base contributions, credited at the lowest rate. */
  cppCreditBase: number;
  netIncome: number;
  basicPersonalAmount: number;
  federalTax: number;
  provincialTax: number;
  total: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(Math.max(x, lo), hi);

/** Basic personal amount by net income: the maximum, reduced linearly across the 29% bracket to the minimum. */
export function basicPersonalAmount(netIncome: number, year: number): number {
  const f = caFiguresFor(year);
  const [, , start, end] = f.bracketStarts;
  const share = clamp((netIncome - start) / (end - start), 0, 1);
  return f.bpaMax - share * (f.bpaMax - f.bpaMin);
}

/** Federal tax from the brackets, before credits. */
export function federalBracketTax(taxable: number, year: number): number {
  const f = caFiguresFor(year);
  const rates = [f.lowestRate, ...CA_STATUTE.upperRates];
  let tax = 0;
  let bottom = 0;
  rates.forEach((rate, i) => {
    const top = i < f.bracketStarts.length ? f.bracketStarts[i] : Number.POSITIVE_INFINITY;
    if (taxable > bottom) tax += (Math.min(taxable, top) - bottom) * rate;
    bottom = top;
  });
  return tax;
}

/** Pensionable earnings in [lo, hi] of an amount. */
const slice = (amount: number, lo: number, hi: number): number => clamp(amount - lo, 0, hi - lo);

/** CPP on self-employed earnings, with employment earnings taking the exemption and the room first. */
export function selfEmployedCpp(earnings: number, employmentIncome: number, year: number) {
  const f = caFiguresFor(year);
  const se = Math.max(0, earnings);
  const ex = CA_STATUTE.cppBasicExemption;
  const cpp1Earnings = slice(se + employmentIncome, ex, f.ympe) - slice(employmentIncome, ex, f.ympe);
  const cpp2Earnings = slice(se + employmentIncome, f.ympe, f.yampe) - slice(employmentIncome, f.ympe, f.yampe);
  return {
    base: CA_STATUTE.cppBaseRate * cpp1Earnings,
    firstAdditional: CA_STATUTE.cppFirstAdditionalRate * cpp1Earnings,
    cpp2: CA_STATUTE.cpp2Rate * cpp2Earnings,
  };
}

export function caTaxEstimate(netIncome: number, year: number, provinceRate = 0, employmentIncome = 0): CaTaxEstimate {
  const f = caFiguresFor(year);
  const se = Math.max(0, netIncome);
  const cpp = selfEmployedCpp(se, employmentIncome, year);
  const cppDeduction = CA_STATUTE.deductibleShareOfBase * cpp.base + cpp.firstAdditional + cpp.cpp2;
  const cppCreditBase = cpp.base - CA_STATUTE.deductibleShareOfBase * cpp.base;
  const net = Math.max(0, se + employmentIncome - cppDeduction);
  const bpa = basicPersonalAmount(net, year);
  const federalTax = Math.max(0, federalBracketTax(net, year) - f.lowestRate * (bpa + cppCreditBase));
  const provincialTax = provinceRate * net;
  return {
    cppBase: cpp.base,
    cppFirstAdditional: cpp.firstAdditional,
    cpp2: cpp.cpp2,
    cppDeduction,
    cppCreditBase,
    netIncome: net,
    basicPersonalAmount: bpa,
    federalTax,
    provincialTax,
    total: cpp.base + cpp.firstAdditional + cpp.cpp2 + federalTax + provincialTax,
  };
}

/** The tax the self-employed income adds over the employment income alone, divided by it; 0 when there is none. */
export function caTaxRate(netIncome: number, year: number, provinceRate = 0, employmentIncome = 0): number {
  if (netIncome <= 0) return 0;
  const withIt = caTaxEstimate(netIncome, year, provinceRate, employmentIncome).total;
  const without = caTaxEstimate(0, year, provinceRate, employmentIncome).total;
  return (withIt - without) / netIncome;
}
