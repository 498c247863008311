/**
 * The Inputs block: every cell the person edits, each declared once with its label, format and contract name, the
 * tax setting's own inputs after the common ones, then the rows naming the tax setting and the country. A new input
 * is one entry in PLAN_INPUTS (or in its tax setting's `inputs`, src/plan/blocks/taxSettings.ts).
 */
import { a1, type Content, quoted, type Reader, type Validation } from '../../layout/grid';
import { EARNINGS_MEANING, TAX_COUNTRIES } from '../answers';
import { parseIsoDate } from '../model';
import {
  HIGH,
  HISTORY,
  type InputSpec,
  jointReturn,
  LABEL,
  LAST_MAIN,
  LOW,
  type MainBlock,
  PARTNER_TAKE_HOME,
  PARTNER_WAGES,
  type PlanSheet,
  SALARY,
  text,
  VALUE,
  WAGES,
} from './common';

/** The plan's words for the tax rows that Build again reads back (src/sheets/planReader.ts). */
export const TAX_COUNTRY_LABEL = 'Where you pay tax';
export const TAX_MODE_LABEL = 'Tax set-aside';
/** The leave year's wages: a formula at first, which the person may type their own figure over. */
export const WAGES_INPUT = { answer: 'leaveYearWages', label: 'Wages from your job in the leave year' } as const;
/** The region cell holds TAX_ESTIMATE_UK's own words, so the formulas pass it straight through. */
export const UK_REGIONS = { uk_england: 'england', uk_scotland: 'scotland' } as const;

/**
 * The low or good month: a number, or taken from pasted figures (MIN/MAX of them) when the person left it to them or
 * the plan runs on linked months. The low month is then one cell that every figure using it reads, and editing a
 * pasted figure moves them all.
 */
const fromFigures = (sheet: PlanSheet, fn: 'MIN' | 'MAX', leftToThem: boolean, typed: number): Content =>
  sheet.figuresLength && (sheet.linked || leftToThem) ? (read) => `=${fn}(${read.column(HISTORY, 'month')})` : { number: typed };

/** The inputs every plan has, in sheet order. */
export const PLAN_INPUTS = [
  {
    name: 'JW_MONTHLY_EXPENSES',
    label: 'Monthly living expenses',
    format: 'money',
    answer: 'monthlyExpenses',
  },
  {
    name: PARTNER_TAKE_HOME,
    label: "Your partner's take-home pay per month",
    format: 'money',
    answer: 'partnerTakeHome',
    note: () => text('After tax: it meets part of the costs every month (0: none)'),
  },
  {
    name: PARTNER_WAGES,
    label: "Your partner's wages per year, before tax",
    format: 'money',
    answer: 'partnerWages',
    note: (s) => partnerWagesNote(s),
  },
  { name: 'JW_SAVINGS', label: 'Savings today', format: 'money', answer: 'currentSavings' },
  { name: SALARY, label: 'Current annual salary', format: 'money', answer: 'annualSalary' },
  {
    name: LOW,
    answer: 'projectedMonthlyLow',
    label: 'Projected monthly earnings: a low month',
    format: 'money',
    value: (s) => fromFigures(s, 'MIN', s.answers.lowFromFigures, s.answers.projectedMonthlyLow),
    note: () => text(`${EARNINGS_MEANING}: the taxed profit`),
  },
  {
    name: HIGH,
    answer: 'projectedMonthlyHigh',
    label: 'Projected monthly earnings: a good month',
    format: 'money',
    value: (s) => fromFigures(s, 'MAX', s.answers.highFromFigures, s.answers.projectedMonthlyHigh),
    note: () => text(EARNINGS_MEANING),
  },
  {
    name: 'JW_HEALTH_MONTHLY',
    label: 'Health insurance per month',
    format: 'money',
    answer: 'healthMonthly',
  },
  {
    name: 'JW_RETIREMENT_RATE',
    label: 'Employer retirement contribution',
    format: 'percent',
    answer: 'retirementRate',
  },
  { name: 'JW_PTO_WEEKS', label: 'Paid weeks off per year', format: 'count', answer: 'ptoWeeks' },
  {
    name: 'JW_BUFFER_MONTHS_INPUT',
    label: 'Months of cushion',
    format: 'count',
    answer: 'bufferMonths',
  },
  {
    name: 'JW_MONTHLY_SAVINGS',
    label: 'Saved per month while employed',
    format: 'money',
    answer: 'monthlySavings',
  },
  {
    name: 'JW_START_DATE',
    answer: 'startDate',
    label: 'Start saving from',
    format: 'date',
    // A DATE formula, not a Date value: the day stays the day whatever the server's and the sheet's time zones.
    value: (s) => {
      const start = parseIsoDate(s.answers.startDate);
      return { formula: `=DATE(${start.year},${start.month},${start.day})` };
    },
  },
  {
    name: 'JW_RAMP_MONTHS',
    label: 'Months to ramp up after you leave',
    format: 'count',
    answer: 'rampMonths',
  },
  {
    name: 'JW_MAX_RISK',
    label: 'Highest chance of running out you accept',
    format: 'percent',
    answer: 'maxRisk',
  },
] as const satisfies readonly InputSpec[];

/**
 * Whose tax the partner's wages change, said live on the plan: a US joint return taxes them with the profit
 * (TAX_RATE_US's spouse_wages); the UK and Canada tax each person on their own income, and a flat rate takes none.
 */
function partnerWagesNote(sheet: PlanSheet): Content {
  switch (sheet.tax.system) {
    case 'us_estimate':
      return (read) => {
        const joint = jointReturn(read.cell('JW_FILING_STATUS'));
        return `=IF(${joint},"Filing jointly: the set-aside rates count these wages too","Not filing jointly: only their take-home counts, in the budget")`;
      };
    case 'uk':
      return text('The UK taxes them on their own: only their take-home counts');
    case 'canada':
      return text('Canada taxes them on their own: only their take-home counts');
    default:
      return text('A flat rate takes no wages: only their take-home counts');
  }
}

/** What an input holds at first: its own value, else the answer it shows, a number. */
function inputValue(spec: InputSpec, sheet: PlanSheet): Content {
  if (spec.value) return spec.value(sheet);
  if (!spec.answer) throw new Error(`Input ${spec.name} has neither a value nor an answer`);
  return { number: sheet.answers[spec.answer] as number };
}

/**
 * Wages from the job in the first independent (tax) year; the person may type the real figure over it. `employed`
 * and `yearText` are formula fragments: the months employed in that year, and the year in words.
 */
export function wagesInput(employed: (read: Reader) => string, yearText: (read: Reader) => string): InputSpec {
  return {
    name: WAGES,
    ...WAGES_INPUT,
    format: 'money',
    // The person's own figure, typed over the formula and read back by Build again, stays; else the salary's share.
    value: (s) =>
      s.answers.leaveYearWages !== undefined
        ? { number: s.answers.leaveYearWages }
        : (read) => `=${read.cell(SALARY)}*${employed(read)}/12`,
    note: () => (read) =>
      `="Salary × "&${employed(read)}&IF(${employed(read)}=1," month"," months")&" employed in "&${yearText(read)}&" ÷ 12"`,
  };
}

/**
 * The rule an input's cell keeps, so a slip such as "5k" in an amount is refused as it is typed, with words saying
 * what the cell takes, instead of filling the plan with errors that name functions: amounts and counts of 0 or
 * more, rates from 0% to 100% (a percent cell holds 0 to 1), dates, and a choice's own words. Sheets applies a rule
 * to what a person enters; a formula default (the leave-year wages) stays until it is typed over.
 */
export function inputRule(spec: InputSpec, range: string): Validation | undefined {
  switch (spec.format) {
    case 'money':
      return { range, kind: 'atLeast', min: 0, help: `${spec.label}: an amount of 0 or more, e.g. 5000` };
    case 'whole':
    case 'count':
      return { range, kind: 'atLeast', min: 0, help: `${spec.label}: a number of 0 or more` };
    case 'percent':
      return { range, kind: 'between', min: 0, max: 1, help: `${spec.label}: a percentage from 0% to 100%, e.g. 4%` };
    case 'date':
      return { range, kind: 'date', help: `${spec.label}: a date` };
    default:
      return spec.choices
        ? { range, kind: 'list', values: spec.choices, help: `${spec.label}: one of ${spec.choices.join(', ')}` }
        : undefined;
  }
}

export const inputs: MainBlock = (g, sheet, row) => {
  const { formats } = sheet;
  g.heading(row, LABEL, text('Inputs'), {
    fillThrough: LAST_MAIN,
    note: text('Edit the shaded cells: every number and sentence on this sheet updates.'),
  });
  const all: readonly InputSpec[] = [...PLAN_INPUTS, ...sheet.tax.inputs];
  all.forEach((spec, i) => {
    g.input({
      id: spec.name,
      row: row + 1 + i,
      column: VALUE,
      label: spec.label,
      value: inputValue(spec, sheet),
      format: formats[spec.format],
      note: spec.note?.(sheet),
      name: spec.name,
    });
    const rule = inputRule(spec, a1(row + 1 + i, VALUE));
    if (rule) g.validation(rule);
  });
  const modeRow = row + 1 + all.length;
  g.put(modeRow, LABEL, text(TAX_MODE_LABEL));
  g.put(modeRow, VALUE, text(sheet.tax.mode), 'taxMode');
  g.put(modeRow + 1, LABEL, text(TAX_COUNTRY_LABEL));
  // In the UK the region cell says which UK: an edit there renames the country as well.
  g.put(
    modeRow + 1,
    VALUE,
    sheet.tax.system === 'uk'
      ? (read) =>
          `=IF(LOWER(TRIM(${read.cell('JW_UK_REGION')}))=${quoted(UK_REGIONS.uk_scotland)},${quoted(TAX_COUNTRIES.uk_scotland)},${quoted(TAX_COUNTRIES.uk_england)})`
      : text(TAX_COUNTRIES[sheet.answers.taxCountry]),
    'taxCountry',
  );
  return modeRow + 2;
};
