/**
 * The year as lived: the wages earned in the Books year (from the plan's salary and leave date unless typed) and
 * the year's profit projected from the months over. The set-aside rate (title.ts) is the tax this profit adds on
 * top of these wages, by that year's own tables; the federal payment (nextPayment.ts) gets the same wages.
 */
import { asText } from '../../layout/grid';
import { ukYearOf } from '../../plan/blocks/calendarUk';
import { type BooksCountry, yearTextFormula } from '../country';
import { BOOKS, type BooksBlock, MONTHS, monthsOverFormula, PROJECTED_PROFIT, TODAY, WAGES, YEAR } from './common';

/**
 * Wages of the Books year from the plan's named inputs, read through IFERROR so Books works without a plan: the
 * whole salary while the plan's leave date is after the year; the plan's own leave-year wages (salary × months
 * employed ÷ 12, or the figure the person typed there) in the leave year; none after it.
 */
const LEAVE = 'JW_LEAVE_DATE';
const SALARY = 'JW_ANNUAL_SALARY';
const LEAVE_YEAR_WAGES = 'JW_LEAVE_YEAR_WAGES';

/**
 * The Books year the leave date falls in, and the months employed in it before the leave month: in the UK the tax
 * year from 6 April (src/plan/blocks/calendarUk.ts, as the plan counts them), elsewhere the calendar year.
 */
const leaveYearOf = (country: BooksCountry) => (country.key === 'uk' ? ukYearOf(LEAVE) : `YEAR(${LEAVE})`);
const monthsEmployed = (country: BooksCountry, year: string) =>
  country.key === 'uk' ? `((YEAR(${LEAVE})-${year})*12+MONTH(${LEAVE})-4)` : `(MONTH(${LEAVE})-1)`;

export const yearAsLived: BooksBlock = (g, { money, country }) => {
  const leaveYear = leaveYearOf(country);
  g.input({
    id: WAGES,
    row: BOOKS.wages.row,
    column: BOOKS.wages.column,
    label: 'Wages this year',
    value: (read) => {
      const year = read.cell(YEAR);
      return `=IFERROR(IF(${leaveYear}>${year},${SALARY},IF(${leaveYear}=${year},IFERROR(${LEAVE_YEAR_WAGES},${SALARY}*${monthsEmployed(country, year)}/12),0)),0)`;
    },
    format: money.books,
    // Says what the default assumed, so a person knows what to correct.
    note: (read) => {
      const year = read.cell(YEAR);
      const named = yearTextFormula(country, year);
      const leaves = asText(LEAVE, 'mmmm yyyy');
      return [
        `=IF(ISERROR(${SALARY}),"No plan: type the year's wages from a job",`,
        `IF(${leaveYear}>${year},"Your plan's salary: employed all of "&${named}&" (you leave in "&${leaves}&")",`,
        `IF(${leaveYear}=${year},"Your plan's wages of "&${named}&": salary × "&${monthsEmployed(country, year)}&" months employed before you leave in "&${leaves}&" ÷ 12",`,
        `"None: your plan leaves the job in "&${leaves})))&`,
        `"; yours, plus your partner's on a joint return. Type the real figure over it."`,
      ].join('');
    },
    name: WAGES,
  });
  const np = BOOKS.nextPayment;
  g.figure({
    id: PROJECTED_PROFIT,
    row: np.projectedRow,
    column: np.valueColumn,
    label: 'Profit for the year, projected',
    value: (read) => {
      const over = monthsOverFormula(read.cell(YEAR), read.cell(TODAY), country);
      const profit = read.total(MONTHS, 'profit');
      return `=IF(${over}=0,${profit},${profit}*12/${over})`;
    },
    format: money.books,
    note: (read) => {
      const over = monthsOverFormula(read.cell(YEAR), read.cell(TODAY), country);
      return `=IF(${over}=0,"No month of "&${yearTextFormula(country, read.cell(YEAR))}&" is over yet: the profit so far.","The profit of the "&${over}&" month"&IF(${over}=1,"","s")&" over, scaled to 12: the set-aside rate is the tax it adds on top of the wages.")`;
    },
    name: PROJECTED_PROFIT,
  });
};
