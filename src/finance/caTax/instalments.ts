/**
 * CRA instalments for individuals (ITA ss.156, 156.1): the threshold test, the three options and the dates.
 * Dates move past weekends only; CRA holidays are not modelled. Farmers' and fishers' single instalment is not modelled.
 */

export type InstalmentMethod = 'no_calculation' | 'prior' | 'current';

/** ITA 156.1(1) "instalment threshold": $3,000, or $1,800 for Quebec residents. */
const INSTALMENT_THRESHOLD = 3_000;
const QUEBEC_INSTALMENT_THRESHOLD = 1_800;

interface InstalmentRow {
  date: Date;
  payment: string;
  amount: number;
}

/** Saturday and Sunday move to the Monday (canada.ca: payment on the next business day is on time). */
function nextWeekday(year: number, month: number, day: number): Date {
  const d = new Date(year, month - 1, day);
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1);
  return d;
}

/** The four amounts of a method: ITA 156(1)(b) (no calculation), 156(1)(a)(ii) (prior), 156(1)(a)(i) (current). */
function instalmentAmounts(method: InstalmentMethod, thisYear: number, lastYear: number, twoYearsAgo: number): number[] {
  if (method === 'current') return [0, 0, 0, 0].map(() => thisYear / 4);
  if (method === 'prior') return [0, 0, 0, 0].map(() => lastYear / 4);
  const late = Math.max(0, (lastYear - twoYearsAgo / 2) / 2);
  return [twoYearsAgo / 4, twoYearsAgo / 4, late, late];
}

export function instalments(
  thisYear: number,
  lastYear: number,
  twoYearsAgo: number,
  year: number,
  method: InstalmentMethod,
  quebec: boolean,
): InstalmentRow[] {
  const t = quebec ? QUEBEC_INSTALMENT_THRESHOLD : INSTALMENT_THRESHOLD;
  const tText = `$${t.toLocaleString('en-US')}`;
  let why = '';
  if (!(thisYear > t)) why = `not required: ${year} owing is not over ${tText}`;
  else if (!(lastYear > t || twoYearsAgo > t)) why = `not required: neither ${year - 1} nor ${year - 2} owing was over ${tText}`;
  const amounts = why ? [0, 0, 0, 0] : instalmentAmounts(method, thisYear, lastYear, twoYearsAgo);
  // ITA 156(1): March 15, June 15, September 15 and December 15.
  const rows = [3, 6, 9, 12].map((month, i) => ({
    date: nextWeekday(year, month, 15),
    payment: why ? `Instalment ${i + 1}: ${why}` : `Instalment ${i + 1} (${method.replace('_', '-')} option)`,
    amount: amounts[i],
  }));
  const paid = amounts.reduce((a, b) => a + b, 0);
  // ITA 248(1) "balance-due day": April 30 of the next year.
  rows.push({ date: nextWeekday(year + 1, 4, 30), payment: `Balance due for ${year}`, amount: thisYear - paid });
  return rows;
}
