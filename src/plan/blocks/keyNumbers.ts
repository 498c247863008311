/**
 * The key numbers: each declared once with its name (a named range users' formulas rely on), label, format, meaning
 * and formula. The sheet's layout, the sidebar (src/sheets/planReader.ts), the check-ins and the tests read this one
 * table; the cells each formula reads (`read.cell`) are the plan's dependency graph. A new key number is one entry
 * here; the five a tax setting decides take their formula from it (src/plan/blocks/taxSettings.ts).
 */
import { MONTH_NOISE_DIGITS, NEVER_RUNS_OUT } from '../../finance/buffer';
import { WEEKS_PER_YEAR } from '../../finance/rates';
import { functionTable } from '../../functions';
import { QUIT_DATE_NEVER_SAFE } from '../../functions/riskFunctions';
import { a1, quoted, type Reader } from '../../layout/grid';
import {
  costs,
  EXPENSES,
  type FormatName,
  HEALTH,
  HIGH,
  HISTORY,
  history,
  LABEL,
  LAST_MAIN,
  LOW,
  MAX_RISK,
  type MainBlock,
  MONTHLY_SAVINGS,
  PARTNER_TAKE_HOME,
  type PlanSheet,
  RAMP,
  RISK_MONTHS,
  SALARY,
  SAVINGS,
  START,
  shownAs,
  type TaxFigure,
  text,
  VALUE,
} from './common';

/** A default of HOURLY_RATE, read from its declaration so the key number's words match what the formula uses. */
function hourlyRateDefault(param: string): number | string {
  const value = functionTable.find((f) => f.name === 'HOURLY_RATE')?.params.find((p) => p.name === param)?.defaultValue;
  if (value === undefined || typeof value === 'function') throw new Error(`HOURLY_RATE has no fixed default for ${param}`);
  return value;
}

type KeyFormula = (read: Reader, sheet: PlanSheet) => string;

/** The named cell that answers "can I leave?", and its rule as the plan states it. */
export const CAN_LEAVE = 'JW_CAN_LEAVE';
export const CAN_LEAVE_YES = 'Yes';
const CAN_LEAVE_NOT_YET = 'Not yet';
/** What moves a quit date that is never safe. */
const NEVER_SAFE_ADVICE = 'earn more in a low month, spend less or save more';
const CAN_LEAVE_RULE =
  'Yes when the chance of running out in the first year from the leave date is at or below the chance you accept: the buffer then carries the low months';
/** Whether the plan's answer is yes, as a condition other formulas test. */
export const canLeave = (read: Reader): string => `${read.cell(CAN_LEAVE)}=${quoted(CAN_LEAVE_YES)}`;
/** Why not yet, in words every sentence that says "not yet" quotes (the headline, the give-notice step, the key number). */
export const notYetReason = (read: Reader, formats: PlanSheet['formats']): string =>
  `"Not yet: from "&${shownAs(formats, read.cell('JW_LEAVE_DATE'), 'date')}&" the chance of running out in the first year is "&${shownAs(formats, read.cell('JW_RUNWAY_RISK'), 'percent')}&", above the "&${shownAs(formats, read.cell(MAX_RISK), 'percent')}&" you accept"` +
  `&IF(ISTEXT(${read.cell('JW_QUIT_DATE')}),${quoted(` (it never falls that low within ${QUIT_DATE_NEVER_SAFE.replace(/^Not within /, '')}: ${NEVER_SAFE_ADVICE})`)},"")`;
/** The key number's words beside it: the rule, and when it says not yet, why. */
const canLeaveDetail = (read: Reader, sheet: PlanSheet): string =>
  `=IF(${canLeave(read)},${quoted(CAN_LEAVE_RULE)},${notYetReason(read, sheet.formats)})`;
/** One of the five key numbers whose formula the tax setting gives. */
const bySetting =
  (figure: TaxFigure): KeyFormula =>
  (read, sheet) =>
    sheet.tax.figures[figure](read, sheet);

/** The months from the start date to the leave date. */
const monthsStartToLeave = (read: Reader) => {
  const [leave, start] = [read.cell('JW_LEAVE_DATE'), read.cell(START)];
  return `((YEAR(${leave})-YEAR(${start}))*12+MONTH(${leave})-MONTH(${start}))`;
};
/** What the months to the buffer read when nothing is saved each month. */
const NEVER_REACHED = 'never: save more than 0 a month';
/**
 * BUFFER_RUNWAY on a steady low month after tax: savings over the monthly shortfall, "∞" when income covers the
 * costs.
 */
const runway = (read: Reader, savings: string): string => {
  const shortfall = `(${costs(read)})-(${read.cell(LOW)}-${read.cell('JW_MONTHLY_TAX_SET_ASIDE')})`;
  return `=IF(${shortfall}<=0,${quoted(NEVER_RUNS_OUT)},${savings}/(${shortfall}))`;
};

export const KEY_NUMBERS = [
  {
    name: 'JW_EXPECTED_MONTHLY',
    label: 'Expected monthly earnings',
    format: 'money',
    meaning: 'The mean of your monthly figures, or midway between a low and a good month',
    formula: (read, sheet) =>
      sheet.figuresLength ? `=AVERAGE(${read.column(HISTORY, 'month')})` : `=(${read.cell(LOW)}+${read.cell(HIGH)})/2`,
  },
  {
    name: 'JW_TAX_RATE',
    label: 'Tax set-aside rate',
    format: 'percent',
    meaning: 'Share of each payment to put aside for tax',
    formula: bySetting('JW_TAX_RATE'),
  },
  {
    name: 'JW_FULL_YEAR_TAX_RATE',
    label: 'Tax rate in a full independent year',
    format: 'percent',
    meaning: 'The rate the quit date and the risk simulate with',
    // The simulations look at whole independent years, with no wages: a rate that does not hang on the leave date,
    // which they decide.
    formula: bySetting('JW_FULL_YEAR_TAX_RATE'),
  },
  {
    name: 'JW_MONTHLY_TAX_SET_ASIDE',
    label: 'Tax to set aside in a low month',
    format: 'money',
    meaning: 'The low month times the set-aside rate (nothing from a loss)',
    // The arithmetic of Jumpwise's functions in Sheets' own formulas, so each reads at once rather than as an execution
    // of its own (a round of "Loading..." on Sheets): TAX_SET_ASIDE sets nothing aside from a loss.
    formula: (read) => `=MAX(0,${read.cell(LOW)})*${read.cell('JW_TAX_RATE')}`,
  },
  {
    name: 'JW_LOW_END_BUDGET',
    label: 'Monthly budget on the low end',
    format: 'money',
    meaning: "Low month, less tax, less health cover, plus your partner's take-home; red means a shortfall",
    // LOW_END_BUDGET: the low month, less its set-aside, less health cover; the household's budget adds the partner's
    // take-home pay, which goes on in a low month.
    formula: (read) =>
      `=${read.cell(LOW)}-${read.cell('JW_MONTHLY_TAX_SET_ASIDE')}-${read.cell(HEALTH)}+${read.cell(PARTNER_TAKE_HOME)}`,
  },
  {
    name: 'JW_LOW_MONTH_LEFT_OVER',
    label: 'Left after living costs in a low month',
    format: 'money',
    meaning: "Budget on the low end less the household's living expenses; red means a low month leaves you short",
    formula: (read) => `=${read.cell('JW_LOW_END_BUDGET')}-${read.cell(EXPENSES)}`,
  },
  {
    name: 'JW_BENEFITS_COST',
    label: 'Benefits to replace, per month',
    format: 'money',
    meaning: 'Health cover, retirement and paid time off your employer paid',
    // BENEFITS_COST: health cover, the employer's retirement share and the paid weeks off, a month's worth each.
    formula: (read) => {
      const salary = read.cell(SALARY);
      return `=${read.cell(HEALTH)}+(${salary}*${read.cell('JW_RETIREMENT_RATE')})/12+((${salary}/${WEEKS_PER_YEAR})*${read.cell('JW_PTO_WEEKS')})/12`;
    },
  },
  {
    name: 'JW_BUFFER_TARGET',
    label: 'Buffer target',
    format: 'money',
    meaning: "Months of cushion times expenses and health cover, less your partner's take-home",
    // BUFFER_TARGET: months of cushion times living costs and health cover, less what the partner's pay meets.
    formula: (read) => `=(${costs(read)})*${read.cell('JW_BUFFER_MONTHS_INPUT')}`,
  },
  {
    name: 'JW_RUNWAY_MONTHS',
    label: 'Runway today on low months',
    format: 'months',
    meaning: 'Months your savings today last on low months after tax (∞: income covers costs)',
    formula: (read) => runway(read, read.cell(SAVINGS)),
  },
  {
    name: 'JW_MONTHS_TO_BUFFER',
    label: 'Months to reach the buffer',
    format: 'months',
    meaning: 'Saving what you can each month while employed',
    // BUFFER_MONTHS_TO_GOAL: what is missing over the monthly saving. A saving of 0 or less never gets there: the
    // buffer schedule beside says so in words (BUFFER_SCHEDULE's message), and this cell reads as that.
    formula: (read) => {
      const [savings, target, monthly] = [read.cell(SAVINGS), read.cell('JW_BUFFER_TARGET'), read.cell(MONTHLY_SAVINGS)];
      return `=IF(${savings}>=${target},0,IF(${monthly}>0,(${target}-${savings})/${monthly},${quoted(NEVER_REACHED)}))`;
    },
  },
  {
    name: 'JW_READY_DATE',
    label: 'Ready date',
    format: 'date',
    meaning: 'Start date plus the months to the buffer, rounded up',
    // ROUND first so float noise (14.0000000001) does not add a month: the month rule of src/finance/buffer.ts.
    formula: (read) => `=EDATE(${read.cell(START)},ROUNDUP(ROUND(${read.cell('JW_MONTHS_TO_BUFFER')},${MONTH_NOISE_DIGITS}),0))`,
  },
  {
    name: 'JW_QUIT_DATE',
    label: 'Quit date at the risk you accept',
    format: 'date',
    meaning: `QUIT_DATE: the first month your savings keep the chance of running out in a year at or below your limit ("${QUIT_DATE_NEVER_SAFE}": ${NEVER_SAFE_ADVICE})`,
    formula: (read) => quitDate(read, history(read)),
  },
  {
    name: 'JW_LEAVE_DATE',
    label: 'Leave date: your first day on your own',
    format: 'date',
    meaning: 'The later of the ready date and the quit date',
    // A quit date that is never safe (QUIT_DATE's text) leaves the buffer to decide. A failed QUIT_DATE stays an
    // error here and in the headline: ISNUMBER would have read it as "never safe" and shown the buffer date.
    formula: (read) => {
      const [quit, ready] = [read.cell('JW_QUIT_DATE'), read.cell('JW_READY_DATE')];
      return `=IF(ISTEXT(${quit}),${ready},MAX(${ready},${quit}))`;
    },
  },
  {
    name: 'JW_SAVINGS_AT_LEAVE',
    label: 'Savings on the leave date',
    format: 'money',
    meaning: 'Savings today plus the monthly saving until the leave date',
    formula: (read) => `=${read.cell(SAVINGS)}+${read.cell(MONTHLY_SAVINGS)}*MAX(0,${monthsStartToLeave(read)})`,
  },
  {
    name: 'JW_RUNWAY_AT_LEAVE',
    label: 'Runway from the leave date',
    format: 'months',
    meaning: 'Months those savings last on low months after tax (∞: income covers costs)',
    formula: (read) => runway(read, read.cell('JW_SAVINGS_AT_LEAVE')),
  },
  {
    name: 'JW_RUNWAY_RISK',
    label: 'Chance of running out in the first year',
    format: 'percent',
    meaning: 'RUNWAY_RISK over 12 months from the leave date, with the savings then',
    formula: (read) => runwayRisk(read, history(read)),
  },
  {
    name: CAN_LEAVE,
    label: 'Can you leave on the leave date?',
    format: 'general',
    meaning: CAN_LEAVE_RULE,
    // The one answer the headline, the give-notice step and the sidebar quote. A failure stays an error here and in all
    // three (ISNUMBER would read it as "Not yet", hiding it): the leave date's own first, whose message names the
    // cause, rather than the risk's, which only says its savings are an error.
    formula: (read) => {
      const leave = read.cell('JW_LEAVE_DATE');
      const answer = `IF(${read.cell('JW_RUNWAY_RISK')}<=${read.cell(MAX_RISK)},${quoted(CAN_LEAVE_YES)},${quoted(CAN_LEAVE_NOT_YET)})`;
      return `=IF(ISERROR(${leave}),${leave},${answer})`;
    },
  },
  {
    name: 'JW_TAX_YEAR',
    label: 'Tax year of your first independent year',
    format: 'whole',
    meaning: 'The year of the leave date',
    formula: bySetting('JW_TAX_YEAR'),
  },
  {
    name: 'JW_FIRST_TAX_PAYMENT',
    label: 'First tax payment',
    format: 'money',
    meaning: 'The first payment on your own with something to pay, from the tax calendar below',
    formula: bySetting('JW_FIRST_TAX_PAYMENT'),
  },
  {
    name: 'JW_FIRST_TAX_DATE',
    label: 'First tax payment due',
    format: 'date',
    meaning: 'The day that payment is due',
    formula: bySetting('JW_FIRST_TAX_DATE'),
  },
  {
    name: 'JW_LARGEST_TAX_PAYMENT',
    label: 'Largest tax payment',
    format: 'money',
    meaning:
      'The payment that catches new freelancers out: in the UK a 31 January with a payment on account on top, in Canada a 30 April balance, in the US the quarter with the most months at full earnings',
    formula: bySetting('JW_LARGEST_TAX_PAYMENT'),
  },
  {
    name: 'JW_LARGEST_TAX_DATE',
    label: 'Largest tax payment due',
    format: 'date',
    meaning: 'The day that payment is due',
    formula: bySetting('JW_LARGEST_TAX_DATE'),
  },
  {
    name: 'JW_HOURLY_RATE',
    label: 'Hourly rate to replace your salary',
    format: 'moneyCents',
    meaning: `Salary plus benefits, over ${hourlyRateDefault('billable_hours_per_week')} billable hours a week and ${hourlyRateDefault('weeks_off')} weeks off`,
    // HOURLY_RATE with its defaults: salary and benefits over the billable hours of the weeks worked.
    formula: (read) =>
      `=(${read.cell(SALARY)}+12*${read.cell('JW_BENEFITS_COST')})/(${hourlyRateDefault('billable_hours_per_week')}*(${WEEKS_PER_YEAR}-${hourlyRateDefault('weeks_off')}))`,
  },
] as const satisfies readonly {
  name: string;
  label: string;
  format: FormatName;
  meaning: string;
  formula: KeyFormula;
}[];

export type KeyNumberName = (typeof KEY_NUMBERS)[number]['name'];

/** QUIT_DATE on an earnings history: the key number on the plan's, the what-if on each case's scaled one. */
export const quitDate = (read: Reader, earnings: string): string =>
  `=QUIT_DATE(${read.cell(SAVINGS)},${read.cell(MONTHLY_SAVINGS)},${costs(read)},${earnings},${read.cell(START)},${read.cell(MAX_RISK)},${RISK_MONTHS},${read.cell('JW_FULL_YEAR_TAX_RATE')},${read.cell(RAMP)})`;
/** RUNWAY_RISK from the leave date on an earnings history. */
export const runwayRisk = (read: Reader, earnings: string): string =>
  `=RUNWAY_RISK(${read.cell('JW_SAVINGS_AT_LEAVE')},${costs(read)},${earnings},${RISK_MONTHS},${read.cell('JW_FULL_YEAR_TAX_RATE')},${read.cell(RAMP)})`;

const RED = { background: '#f4c7c3' };
const AMBER = { background: '#fce8b2' };
const GREEN = { background: '#b7e1cd' };

export const keyNumbers: MainBlock = (g, sheet, row) => {
  const heading = row + 1;
  g.heading(heading, LABEL, text('Key numbers'), { fillThrough: LAST_MAIN, note: text('Live formulas on the inputs above') });
  KEY_NUMBERS.forEach((k, i) => {
    const detail = k.name === CAN_LEAVE ? canLeaveDetail : sheet.tax.details[k.name as TaxFigure];
    g.figure({
      id: k.name,
      row: heading + 1 + i,
      column: VALUE,
      label: k.label,
      value: (read) => k.formula(read, sheet),
      format: sheet.formats[k.format],
      bold: true,
      note: detail ? (read) => detail(read, sheet) : text(k.meaning),
      name: k.name,
    });
  });
  const [first, last] = [heading + 1, heading + KEY_NUMBERS.length];
  // Key numbers sit right, "∞" with the numbers.
  sheet.extras.rightAligned = `${a1(first, VALUE)}:${a1(last, VALUE)}`;
  // First matching rule wins: under 3 months red, under 6 amber, 6 or more green, and "∞" (income covers costs) green.
  const months = (read: Reader) => read.a1('JW_RUNWAY_MONTHS');
  g.rule((read) => ({ range: months(read), when: 'numberLessThan', value: 3, ...RED }));
  g.rule((read) => ({ range: months(read), when: 'numberLessThan', value: 6, ...AMBER }));
  g.rule((read) => ({
    range: months(read),
    when: 'formula',
    value: `=OR(ISTEXT(${months(read)}),${months(read)}>=6)`,
    ...GREEN,
  }));
  // The budget and what it leaves after living costs sit one above the other: one rule colours both.
  g.rule((read) => ({
    range: `${read.a1('JW_LOW_END_BUDGET')}:${read.a1('JW_LOW_MONTH_LEFT_OVER')}`,
    when: 'numberLessThan',
    value: 0,
    ...RED,
  }));
  return last + 1;
};
