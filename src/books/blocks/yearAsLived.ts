/**
 * The year as lived: the wages earned in the Books year (from the plan's salary and leave date unless typed) and
 * the year's profit projected from the months over. The set-aside rate (title.ts) is the tax this profit adds on
 * top of these wages, by that year's own tables; the federal payment (nextPayment.ts) gets the same wages.
 */
import { asText } from '../../layout/grid';
import { BOOKS, type BooksBlock, MONTHS, monthsOverFormula, PROJECTED_PROFIT, TODAY, WAGES, YEAR } from './common';

/**
 * Wages of the Books year from the plan's named inputs, read through IFERROR so Books works without a plan: the
 * whole salary while the plan's leave date is after the year; the plan's own leave-year wages (salary × months
 * employed ÷ 12, or the figure the person typed there) in the leave year; none after it.
 */
const LEAVE = 'LEAP_LEAVE_DATE';
const SALARY = 'LEAP_ANNUAL_SALARY';
const LEAVE_YEAR_WAGES = 'LEAP_LEAVE_YEAR_WAGES';

export const yearAsLived: BooksBlock = (g, { money }) => {
  g.input({
    id: WAGES,
    row: BOOKS.wages.row,
    column: BOOKS.wages.column,
    label: 'Wages this year',
    value: (read) => {
      const year = read.cell(YEAR);
      return `=IFERROR(IF(YEAR(${LEAVE})>${year},${SALARY},IF(YEAR(${LEAVE})=${year},IFERROR(${LEAVE_YEAR_WAGES},${SALARY}*(MONTH(${LEAVE})-1)/12),0)),0)`;
    },
    format: money.books,
    // Says what the default assumed, so a person knows what to correct.
    note: (read) => {
      const year = read.cell(YEAR);
      const leaves = asText(LEAVE, 'mmmm yyyy');
      return [
        `=IF(ISERROR(${SALARY}),"No plan: type the year's wages from a job",`,
        `IF(YEAR(${LEAVE})>${year},"Your plan's salary: employed all of "&${year}&" (you leave in "&${leaves}&")",`,
        `IF(YEAR(${LEAVE})=${year},"Your plan's wages of "&${year}&": salary × "&(MONTH(${LEAVE})-1)&" months employed before you leave in "&${leaves}&" ÷ 12",`,
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
      const over = monthsOverFormula(read.cell(YEAR), read.cell(TODAY));
      const profit = read.total(MONTHS, 'profit');
      return `=IF(${over}=0,${profit},${profit}*12/${over})`;
    },
    format: money.books,
    note: (read) => {
      const over = monthsOverFormula(read.cell(YEAR), read.cell(TODAY));
      return `=IF(${over}=0,"No month of "&${read.cell(YEAR)}&" is over yet: the profit so far.","The profit of the "&${over}&" month"&IF(${over}=1,"","s")&" over, scaled to 12: the set-aside rate is the tax it adds on top of the wages.")`;
    },
    name: PROJECTED_PROFIT,
  });
};
