/**
 * The Transition Plan sheet as a pure grid: values, formulas, formats, named ranges, rules and a chart.
 * Every key number is a live formula on the Inputs cells using Leap's functions, so editing an input
 * updates the plan. The writer (src/sheets/planWriter.ts) only copies this onto a sheet in a few calls.
 */

import { MONTH_NOISE_DIGITS, NEVER_RUNS_OUT, SCHEDULE_MONTHS_MAX } from '../finance/buffer';
import { CA_SUPPORTED_YEARS, GST_HST_SMALL_SUPPLIER_LIMIT } from '../finance/caTax/tables';
import { WEEKS_PER_YEAR } from '../finance/rates';
import { SELF_ASSESSMENT_REGISTRATION, UK_SUPPORTED_YEARS } from '../finance/ukTax/tables';
import { functionTable } from '../functions';
import { QUIT_DATE_NEVER_SAFE } from '../functions/riskFunctions';
import { FILING_STATUSES, TAX_COUNTRIES, TAX_MODES } from './answers';
import {
  GIVE_NOTICE_ITEM,
  type Plan,
  parseIsoDate,
  planSubtitle,
  type Sentence,
  TAX_FIGURES_YEARS,
  WORKINGS_FIGURES,
} from './model';

/** One cell. Text is always written as text, never as a formula, whatever it starts with. */
export type Cell =
  | { text: string }
  | { number: number }
  | { checked: boolean }
  | { formula: string }
  /** Empty. */
  | null;

export const FORMATS = {
  general: 'General',
  money: '$#,##0',
  moneyCents: '$#,##0.00',
  /** A chart axis of money: an ICU pattern, not a Sheets format (src/plan/currency.ts chartMoneyFormat). */
  axisMoney: "'$'#,##0",
  percent: '0.0%',
  date: 'mmm d, yyyy',
  months: '0.0',
  whole: '0',
} as const;
type FormatName = keyof typeof FORMATS;

interface ConditionalRule {
  /** A1 of the cells the rule colours. */
  range: string;
  /** "formula": a custom formula, written for the rule's first cell. */
  when: 'numberLessThan' | 'numberGreaterThanOrEqualTo' | 'formula';
  value: number | string;
  background: string;
}

interface ChartSpec {
  title: string;
  /** The x column and the series: saved and target. */
  ranges: string[];
  anchorRow: number;
  anchorColumn: number;
  /** The vertical axis's format: the plan's money as an ICU pattern (Google Charts options are not Sheets formats). */
  axisFormat: string;
}

/** Where the checklist sits, so a rebuild can find ticks and notes by item id. */
export const CHECKLIST_HEADER = ['Step', 'Done', 'Target date', 'Notes', 'Item id'] as const;

export interface PlanSheetLayout {
  rows: number;
  columns: number;
  cells: Cell[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  /** null: no fill. */
  backgrounds: (string | null)[][];
  /** name -> A1 of one cell (no sheet name: the writer adds the sheet). */
  namedRanges: Record<string, string>;
  /** The key numbers' values, A1: right-aligned, so "∞" lines up with the numbers. */
  rightAligned: string;
  /** 1-based columns hidden from the person: the checklist's item ids and the tax calendar's period ends. */
  hiddenColumns: number[];
  /** The Done column of the checklist, A1. */
  checkboxRange: string;
  /** The checklist's steps and target dates, A1: a step or a "Not yet" warning wraps within its column rather than being cut off. */
  wrapRange: string;
  conditionalRules: ConditionalRule[];
  /** The buffer chart, then the runway fan. */
  charts: ChartSpec[];
  frozenRows: number;
  /** Pixel width of each column, left to right. */
  columnWidths: number[];
}

/**
 * An earnings history the plan takes by formula from elsewhere (the Books' months with ledger rows): one formula
 * per history cell, each giving an amount or "" for a month to pass over. The functions and MIN/AVERAGE skip "".
 */
export interface LinkedHistory {
  heading: string;
  cells: string[];
  /** Words after the count of months in the plan's live label: "months with ledger rows in Books". */
  counted: string;
}

interface PlanLayoutOptions {
  /** The history to run on instead of the pasted figures or the five steps from the low to the good month. */
  linkedHistory?: LinkedHistory;
}

/** What a previous plan held for a checklist item: carried over by item id. */
export interface CarriedItem {
  done: boolean;
  notes: string;
}

export const INPUT_FILL = '#e8f0fe';
const HEADER_FILL = '#f1f3f4';
const RED = { background: '#f4c7c3' };
const AMBER = { background: '#fce8b2' };
const GREEN = { background: '#b7e1cd' };

/** What the months to the buffer read when nothing is saved each month. */
const NEVER_REACHED = 'never: save more than 0 a month';

/** The rows a buffer schedule can need: header + month 0 + BUFFER_SCHEDULE's longest schedule. */
export const SCHEDULE_ROWS = 2 + SCHEDULE_MONTHS_MAX;

/** A default of HOURLY_RATE, read from its declaration so the key number's words match what the formula uses. */
function hourlyRateDefault(param: string): number | string {
  const value = functionTable.find((f) => f.name === 'HOURLY_RATE')?.params.find((p) => p.name === param)?.defaultValue;
  if (value === undefined || typeof value === 'function') throw new Error(`HOURLY_RATE has no fixed default for ${param}`);
  return value;
}

/**
 * The key numbers: the one table the sheet's layout, the sidebar and the tests read. Users' own formulas rely on
 * the names.
 */
export const KEY_NUMBERS = [
  {
    name: 'LEAP_EXPECTED_MONTHLY',
    label: 'Expected monthly earnings',
    format: 'money',
    meaning: 'The mean of your monthly figures, or midway between a low and a good month',
  },
  {
    name: 'LEAP_TAX_RATE',
    label: 'Tax set-aside rate',
    format: 'percent',
    meaning: 'Share of each payment to put aside for tax',
  },
  {
    name: 'LEAP_FULL_YEAR_TAX_RATE',
    label: 'Tax rate in a full independent year',
    format: 'percent',
    meaning: 'The rate the quit date and the risk simulate with',
  },
  {
    name: 'LEAP_MONTHLY_TAX_SET_ASIDE',
    label: 'Tax to set aside in a low month',
    format: 'money',
    meaning: 'The low month times the set-aside rate (nothing from a loss)',
  },
  {
    name: 'LEAP_LOW_END_BUDGET',
    label: 'Monthly budget on the low end',
    format: 'money',
    meaning: 'Low month, less tax, less health cover; red means a shortfall',
  },
  {
    name: 'LEAP_LOW_MONTH_LEFT_OVER',
    label: 'Left after living costs in a low month',
    format: 'money',
    meaning: 'Budget on the low end less living expenses; red means a low month leaves you short',
  },
  {
    name: 'LEAP_BENEFITS_COST',
    label: 'Benefits to replace, per month',
    format: 'money',
    meaning: 'Health cover, retirement and paid time off your employer paid',
  },
  {
    name: 'LEAP_BUFFER_TARGET',
    label: 'Buffer target',
    format: 'money',
    meaning: 'Months of cushion times expenses and health cover',
  },
  {
    name: 'LEAP_RUNWAY_MONTHS',
    label: 'Runway today on low months',
    format: 'months',
    meaning: 'Months your savings today last on low months after tax (∞: income covers costs)',
  },
  {
    name: 'LEAP_MONTHS_TO_BUFFER',
    label: 'Months to reach the buffer',
    format: 'months',
    meaning: 'Saving what you can each month while employed',
  },
  {
    name: 'LEAP_READY_DATE',
    label: 'Ready date',
    format: 'date',
    meaning: 'Start date plus the months to the buffer, rounded up',
  },
  {
    name: 'LEAP_QUIT_DATE',
    label: 'Quit date at the risk you accept',
    format: 'date',
    meaning: `QUIT_DATE: the first month your savings keep the chance of running out in a year at or below your limit ("${QUIT_DATE_NEVER_SAFE}": earn more in a low month, spend less or save more)`,
  },
  {
    name: 'LEAP_LEAVE_DATE',
    label: 'Leave date: your first day on your own',
    format: 'date',
    meaning: 'The later of the ready date and the quit date',
  },
  {
    name: 'LEAP_SAVINGS_AT_LEAVE',
    label: 'Savings on the leave date',
    format: 'money',
    meaning: 'Savings today plus the monthly saving until the leave date',
  },
  {
    name: 'LEAP_RUNWAY_AT_LEAVE',
    label: 'Runway from the leave date',
    format: 'months',
    meaning: 'Months those savings last on low months after tax (∞: income covers costs)',
  },
  {
    name: 'LEAP_RUNWAY_RISK',
    label: 'Chance of running out in the first year',
    format: 'percent',
    meaning: 'RUNWAY_RISK over 12 months from the leave date, with the savings then',
  },
  {
    name: 'LEAP_TAX_YEAR',
    label: 'Tax year of your first independent year',
    format: 'whole',
    meaning: 'The year of the leave date',
  },
  {
    name: 'LEAP_FIRST_BIG_TAX_PAYMENT',
    label: 'First big tax payment',
    format: 'money',
    meaning:
      'The payment that catches new freelancers out: UK 31 January after the first tax year, Canada the first 30 April balance, US the largest quarterly payment',
  },
  {
    name: 'LEAP_FIRST_BIG_TAX_DATE',
    label: 'First big tax payment due',
    format: 'date',
    meaning: 'The day that payment is due',
  },
  {
    name: 'LEAP_HOURLY_RATE',
    label: 'Hourly rate to replace your salary',
    format: 'moneyCents',
    meaning: `Salary plus benefits, over ${hourlyRateDefault('billable_hours_per_week')} billable hours a week and ${hourlyRateDefault('weeks_off')} weeks off`,
  },
] as const satisfies readonly {
  name: string;
  label: string;
  format: FormatName;
  meaning: string;
}[];

export type KeyNumberName = (typeof KEY_NUMBERS)[number]['name'];

/** The editable inputs whose names are a contract. */
export const INPUT_NAMES = [
  'LEAP_MONTHLY_EXPENSES',
  'LEAP_SAVINGS',
  'LEAP_ANNUAL_SALARY',
  'LEAP_PROJECTED_LOW',
  'LEAP_PROJECTED_HIGH',
  'LEAP_HEALTH_MONTHLY',
  'LEAP_RETIREMENT_RATE',
  'LEAP_PTO_WEEKS',
  'LEAP_BUFFER_MONTHS_INPUT',
  'LEAP_MONTHLY_SAVINGS',
  'LEAP_START_DATE',
  'LEAP_RAMP_MONTHS',
  'LEAP_MAX_RISK',
] as const;

/** Inputs that exist only with the US estimate: wages in the leave year start as a formula the person may overwrite. */
export const US_INPUT_NAMES = ['LEAP_FILING_STATUS', 'LEAP_STATE_TAX_RATE', 'LEAP_LEAVE_YEAR_WAGES'] as const;
/** The input that exists only with a flat rate. */
export const FLAT_INPUT_NAMES = ['LEAP_FLAT_TAX_RATE'] as const;
/** Inputs of the UK estimate (wages of the leave tax year start as a formula, as in the US). */
export const UK_INPUT_NAMES = ['LEAP_UK_REGION', 'LEAP_LEAVE_YEAR_WAGES'] as const;
/** Inputs of the Canadian estimate. */
export const CA_INPUT_NAMES = ['LEAP_PROVINCE_TAX_RATE', 'LEAP_LEAVE_YEAR_WAGES'] as const;

/** The plan's words for the tax rows that Build again reads back (src/sheets/planReader.ts). */
export const TAX_COUNTRY_LABEL = 'Where you pay tax';
export const UK_REGION_LABEL = 'UK income tax region';
export const PROVINCE_RATE_LABEL = 'Provincial income tax rate';
/** How the set-aside row names the UK and Canadian estimates. */
const COUNTRY_ESTIMATES = {
  uk: 'Estimate for me (UK income tax + Class 4 National Insurance)',
  canada: 'Estimate for me (Canadian federal tax + CPP + provincial rate)',
} as const;
/** The region cell holds TAX_ESTIMATE_UK's own words, so the formulas pass it straight through. */
export const UK_REGIONS = { uk_england: 'england', uk_scotland: 'scotland' } as const;

/** How the tax is estimated: the country decides, and in the US the person's choice of mode. */
type TaxSystem = 'us_estimate' | 'flat' | 'uk' | 'canada';
function taxSystemOf(a: { taxCountry: keyof typeof TAX_COUNTRIES; taxMode: keyof typeof TAX_MODES }): TaxSystem {
  if (a.taxCountry === 'uk_england' || a.taxCountry === 'uk_scotland') return 'uk';
  if (a.taxCountry === 'canada') return 'canada';
  return a.taxCountry === 'us' && a.taxMode === 'us_estimate' ? 'us_estimate' : 'flat';
}

/** Which row of the UK and Canadian tax calendars is the first big payment. */
const FIRST_BIG_ROW = { uk: 2, canada: 1 } as const;

/** 1-based column -> letters. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const a1 = (row: number, column: number): string => `${columnLetters(column)}${row}`;
const abs = (row: number, column: number): string => `$${columnLetters(column)}$${row}`;

// Columns of the main flow and of the buffer schedule beside it.
const LABEL = 1;
const VALUE = 2;
const DETAIL = 3;
/** The one wide column of the main flow: the checklist's notes, and the what-if's third case. */
const NOTES = 4;
/** Hidden: the checklist's item ids and the tax calendar's period ends, which Leap reads and the person need not. */
const ITEM_ID = 5;
const LAST_MAIN = ITEM_ID;
const SCHEDULE = 7;
const SCHEDULE_TARGET = SCHEDULE + 3;
/** The earnings history (pasted figures, or five steps from the low to the good month), then the what-if histories. */
const FIGURES = 12;
const WHAT_IF_HISTORY = FIGURES + 1;
/** The buffer chart, and beside the runway fan's data its chart. */
const CHARTS = 17;
/** The fan's month labels (text, so a chart takes them as its axis), then RUNWAY_BANDS' spill. */
const FAN_LABEL = CHARTS;
const FAN = CHARTS + 1;
const FAN_ROW = 25;
/**
 * The UK and Canadian tax workings under the runway fan: the bills behind the tax calendar, and the calendar
 * functions' own tables, which the calendar rows of the main flow quote.
 */
const WORK = FAN;
const WORK_ROW = FAN_ROW + 12 + 3;
/**
 * The rows of the workings: the first year's income, then TAX_CALENDAR_UK's or TAX_CALENDAR_CA's table (a header,
 * three figures, then each year's payments: 4 rows in the UK, 5 in Canada).
 */
const WORK_CALENDAR = WORK_ROW + 3;
const WORK_CALENDAR_FIGURES = 3;
const PAYMENT_ROWS = { uk: 4, canada: 5 } as const;
/** Under the calendar's table, a row apart: the country's registration figure the checklist quotes. */
const WORK_REGISTRATION = WORK_CALENDAR + 1 + WORK_CALENDAR_FIGURES + 2 * PAYMENT_ROWS.canada + 1;
/** The months the risk figures look ahead from the leave date. */
const RISK_MONTHS = 12;
/** The what-if cases and their default earnings factors. */
const WHAT_IF = [
  { name: 'Lean', factor: 0.8 },
  { name: 'Expected', factor: 1 },
  { name: 'Strong', factor: 1.2 },
] as const;

/** A UK tax year as people write it ("2026/27"), from a formula for the year it starts in. */
const ukYearText = (year: string): string => `${year}&"/"&RIGHT(${year}+1,2)`;

/** A text literal inside a formula: Sheets doubles the quotes. */
const quoted = (t: string): string => `"${t.replace(/"/g, '""')}"`;

/**
 * Formula fragments for the 1040-ES periods (Jan-Mar, Apr-May, Jun-Aug, Sep-Dec): the period of a month as 1-4,
 * by comparisons rather than an array literal, whose separators differ between spreadsheet locales.
 */
const periodOf = (month: string): string => `(1+(${month}>=4)+(${month}>=6)+(${month}>=9))`;
/** The last month of each period, and the months from one period's end to the next's. */
const PERIOD_END_MONTHS = '3,5,8,12';
const MONTHS_TO_NEXT_PERIOD_END = '2,3,4,3';
const QUARTERLY_PAYMENTS = 4;

interface CellSpec {
  cell: Cell;
  format?: FormatName;
  bold?: boolean;
  fill?: string;
}

/**
 * Lays out the plan. `builtOn` is the ISO date of the build (shown under the title); `carried` holds
 * ticks and notes from the previous plan by checklist item id; `formats` the number formats (money follows the
 * document's locale).
 */
export function layoutPlan(
  plan: Plan,
  builtOn: string,
  carried: Record<string, CarriedItem> = {},
  formats: Record<FormatName, string> = FORMATS,
  options: PlanLayoutOptions = {},
): PlanSheetLayout {
  const a = plan.answers;
  const grid = new Map<string, CellSpec>();
  let maxRow = 0;
  let maxColumn = 0;
  const put = (row: number, column: number, spec: CellSpec): void => {
    grid.set(`${row},${column}`, spec);
    maxRow = Math.max(maxRow, row);
    maxColumn = Math.max(maxColumn, column);
  };
  const text = (t: string): Cell => ({ text: t });
  const num = (n: number): Cell => ({ number: n });
  const formula = (f: string): Cell => ({ formula: f });
  const heading = (row: number, title: Cell, note?: Cell): void => {
    put(row, LABEL, { cell: title, bold: true, fill: HEADER_FILL });
    for (let c = VALUE; c <= LAST_MAIN; c++) put(row, c, { cell: null, fill: HEADER_FILL });
    if (note) put(row, VALUE, { cell: note, fill: HEADER_FILL });
  };
  const named: Record<string, string> = {};
  /** Cells the checklist quotes that are no named range (WORKINGS_FIGURES): name -> A1. */
  const workingsFigures: Record<string, string> = {};
  const figureCell = (name: string): string | undefined => named[name] ?? workingsFigures[name];
  /** A figure as a sentence shows it, in the cells' own formats. */
  const shown = (ref: string, as: FormatName): string => {
    switch (as) {
      case 'months':
        // BUFFER_RUNWAY's text ("∞") reads "indefinitely"; an error stays an error (ISNUMBER would make it "indefinitely").
        return `IF(ISTEXT(${ref}),"indefinitely",TEXT(${ref},${quoted(formats.months)})&" months")`;
      case 'whole':
        return `TEXT(${ref},${quoted(formats.whole)})`;
      default:
        return `TEXT(${ref},${quoted(formats[as])})`;
    }
  };

  put(1, LABEL, { cell: text('Leap transition plan'), bold: true });
  put(1, VALUE, { cell: text(`Built ${builtOn} by Leap. Rebuild from Extensions > Leap > Plan my transition…`) });
  // Row 2 is the headline, below; the person's own words (path and service) under it.
  put(3, LABEL, { cell: text(planSubtitle(a)) });

  // ---- Inputs: rows are known before the key numbers, which the wages formula reads, are placed ----
  const INPUTS_ROW = 5;
  const refs: Record<string, string> = {};
  const inputRows: { key: string; label: string; cell: () => Cell; format: FormatName; name?: string; detail?: () => Cell }[] =
    [];
  const input = (key: string, label: string, cell: () => Cell, format: FormatName, name?: string, detail?: () => Cell) =>
    inputRows.push({ key, label, cell, format, name, detail });
  const start = parseIsoDate(a.startDate);
  input('expenses', 'Monthly living expenses', () => num(a.monthlyExpenses), 'money', 'LEAP_MONTHLY_EXPENSES');
  input('savings', 'Savings today', () => num(a.currentSavings), 'money', 'LEAP_SAVINGS');
  input('salary', 'Current annual salary', () => num(a.annualSalary), 'money', 'LEAP_ANNUAL_SALARY');
  // Taken from pasted figures, the low and good months are MIN and MAX of them: the low month is then one cell
  // that every figure using it reads, and editing a pasted figure moves them all.
  const linked = options.linkedHistory;
  const figuresLength = linked ? linked.cells.length : a.monthlyFigures?.length;
  const figures = figuresLength ? `${abs(5, FIGURES)}:${abs(4 + figuresLength, FIGURES)}` : undefined;
  input(
    'low',
    'Projected monthly earnings: a low month',
    () => (figures && (linked || a.lowFromFigures) ? formula(`=MIN(${figures})`) : num(a.projectedMonthlyLow)),
    'money',
    'LEAP_PROJECTED_LOW',
  );
  input(
    'high',
    'Projected monthly earnings: a good month',
    () => (figures && (linked || a.highFromFigures) ? formula(`=MAX(${figures})`) : num(a.projectedMonthlyHigh)),
    'money',
    'LEAP_PROJECTED_HIGH',
  );
  input('health', 'Health insurance per month', () => num(a.healthMonthly), 'money', 'LEAP_HEALTH_MONTHLY');
  input('retirement', 'Employer retirement contribution', () => num(a.retirementRate), 'percent', 'LEAP_RETIREMENT_RATE');
  input('pto', 'Paid weeks off per year', () => num(a.ptoWeeks), 'whole', 'LEAP_PTO_WEEKS');
  input('bufferMonths', 'Months of cushion', () => num(a.bufferMonths), 'whole', 'LEAP_BUFFER_MONTHS_INPUT');
  input('monthlySavings', 'Saved per month while employed', () => num(a.monthlySavings), 'money', 'LEAP_MONTHLY_SAVINGS');
  // A DATE formula, not a Date value: the day stays the day whatever the server's and the sheet's time zones.
  input(
    'start',
    'Start saving from',
    () => formula(`=DATE(${start.year},${start.month},${start.day})`),
    'date',
    'LEAP_START_DATE',
  );
  input('ramp', 'Months to ramp up after you leave', () => num(a.rampMonths), 'whole', 'LEAP_RAMP_MONTHS');
  input('maxRisk', 'Highest chance of running out you accept', () => num(a.maxRisk), 'percent', 'LEAP_MAX_RISK');
  const system = taxSystemOf(a);
  const usEstimate = system === 'us_estimate';
  /** Wages from the job in the first independent (tax) year; the person may type the real figure over it. */
  const wagesInput = (employed: () => string, yearText: () => string) =>
    input(
      'wages',
      'Wages from your job in the leave year',
      () => formula(`=${refs.salary}*${employed()}/12`),
      'money',
      'LEAP_LEAVE_YEAR_WAGES',
      () =>
        formula(
          `="Salary × "&${employed()}&" months employed in "&${yearText()}&" ÷ 12; type your own figure over it if you know it"`,
        ),
    );
  // The UK tax year runs 6 April to 5 April: the months employed in it are those from April to the leave month.
  const ukEmployed = () => `((YEAR(${key('LEAP_LEAVE_DATE')})-${key('LEAP_TAX_YEAR')})*12+MONTH(${key('LEAP_LEAVE_DATE')})-4)`;
  if (system === 'uk') {
    const region = UK_REGIONS[a.taxCountry as keyof typeof UK_REGIONS];
    input(
      'region',
      UK_REGION_LABEL,
      () => text(region),
      'general',
      'LEAP_UK_REGION',
      () => text('"england" (England, Wales and Northern Ireland) or "scotland" (the Scottish bands)'),
    );
    wagesInput(ukEmployed, () => `"the "&${ukYearText(key('LEAP_TAX_YEAR'))}&" tax year"`);
  } else if (system === 'canada') {
    input(
      'provinceRate',
      PROVINCE_RATE_LABEL,
      () => num(a.stateTaxRate),
      'percent',
      'LEAP_PROVINCE_TAX_RATE',
      () => text('A flat rate on taxable income standing in for your province or territory (Quebec is not modelled)'),
    );
    wagesInput(
      () => `(MONTH(${key('LEAP_LEAVE_DATE')})-1)`,
      () => `YEAR(${key('LEAP_LEAVE_DATE')})`,
    );
  } else if (usEstimate) {
    input('status', 'Filing status', () => text(FILING_STATUSES[a.filingStatus]), 'general', 'LEAP_FILING_STATUS');
    input('stateRate', 'State income tax rate', () => num(a.stateTaxRate), 'percent', 'LEAP_STATE_TAX_RATE');
    // Wages of the leave year follow from the salary and the leave date; the person may type the real figure over it.
    const employed = () => `(MONTH(${key('LEAP_LEAVE_DATE')})-1)`;
    input(
      'wages',
      'Wages from your job in the leave year',
      () => formula(`=${refs.salary}*${employed()}/12`),
      'money',
      'LEAP_LEAVE_YEAR_WAGES',
      () =>
        formula(
          `="Salary × "&${employed()}&" months employed in "&YEAR(${key('LEAP_LEAVE_DATE')})&" ÷ 12; type your own figure over it if you know it"`,
        ),
    );
  } else {
    input('flatRate', 'Tax set-aside rate (flat)', () => num(a.taxRate), 'percent', 'LEAP_FLAT_TAX_RATE');
  }
  const taxModeRow = INPUTS_ROW + 1 + inputRows.length;
  const countryRow = taxModeRow + 1;
  inputRows.forEach((spec, i) => {
    refs[spec.key] = abs(INPUTS_ROW + 1 + i, VALUE);
  });

  // ---- Key numbers: each a live formula on the inputs ----
  const KEYS_ROW = countryRow + 2;
  const keyRow: Record<string, number> = {};
  KEY_NUMBERS.forEach((k, i) => {
    keyRow[k.name] = KEYS_ROW + 1 + i;
  });
  const key = (name: KeyNumberName): string => abs(keyRow[name], VALUE);

  heading(INPUTS_ROW, text('Inputs'), text('Edit the shaded cells: every number and sentence on this sheet updates.'));
  inputRows.forEach((spec, i) => {
    const r = INPUTS_ROW + 1 + i;
    put(r, LABEL, { cell: text(spec.label) });
    put(r, VALUE, { cell: spec.cell(), format: spec.format, fill: INPUT_FILL });
    if (spec.detail) put(r, DETAIL, { cell: spec.detail() });
    if (spec.name) named[spec.name] = a1(r, VALUE);
  });
  put(taxModeRow, LABEL, { cell: text('Tax set-aside') });
  const modeText =
    system === 'uk'
      ? COUNTRY_ESTIMATES.uk
      : system === 'canada'
        ? COUNTRY_ESTIMATES.canada
        : TAX_MODES[usEstimate ? 'us_estimate' : 'flat'];
  put(taxModeRow, VALUE, { cell: text(modeText) });
  put(countryRow, LABEL, { cell: text(TAX_COUNTRY_LABEL) });
  // In the UK the region cell says which UK: an edit there renames the country as well.
  put(countryRow, VALUE, {
    cell:
      system === 'uk'
        ? formula(
            `=IF(LOWER(TRIM(${refs.region}))=${quoted(UK_REGIONS.uk_scotland)},${quoted(TAX_COUNTRIES.uk_scotland)},${quoted(TAX_COUNTRIES.uk_england)})`,
          )
        : text(TAX_COUNTRIES[a.taxCountry]),
  });
  // The earnings history the risk figures replay: the pasted figures, else five steps from the low to the good month.
  const historyLength = figuresLength ?? 5;
  if (linked) {
    put(4, FIGURES, { cell: text(linked.heading), bold: true, fill: HEADER_FILL });
    linked.cells.forEach((f, i) => {
      put(5 + i, FIGURES, { cell: formula(f), format: 'money' });
    });
  } else if (a.monthlyFigures) {
    put(4, FIGURES, { cell: text('Monthly figures'), bold: true, fill: HEADER_FILL });
    a.monthlyFigures.forEach((x, i) => {
      put(5 + i, FIGURES, { cell: num(x), format: 'money', fill: INPUT_FILL });
    });
  } else {
    put(4, FIGURES, { cell: text('Earnings history'), bold: true, fill: HEADER_FILL });
    [0, 0.25, 0.5, 0.75, 1].forEach((step, i) => {
      put(5 + i, FIGURES, { cell: formula(`=${refs.low}+(${refs.high}-${refs.low})*${step}`), format: 'money' });
    });
  }
  const history = `${abs(5, FIGURES)}:${abs(4 + historyLength, FIGURES)}`;
  // Says which history the simulations replay, counting the months live.
  put(3, FIGURES, {
    cell: formula(
      `="Runs on "&COUNT(${history})&" ${linked ? linked.counted : a.monthlyFigures ? 'monthly figures you pasted' : 'steps from your low to your good month'}"`,
    ),
  });

  heading(KEYS_ROW, text('Key numbers'), text('Live formulas on the inputs above'));
  const costs = `${refs.expenses}+${refs.health}`;
  const leave = key('LEAP_LEAVE_DATE');
  const taxYear = key('LEAP_TAX_YEAR');
  // Leap's tax tables cover a few years; a leave year outside them is estimated with the nearest, and says so.
  const figuresYear = `MAX(${TAX_FIGURES_YEARS.first},MIN(${TAX_FIGURES_YEARS.last},${taxYear}))`;
  const expected = key('LEAP_EXPECTED_MONTHLY');
  const simRate = key('LEAP_FULL_YEAR_TAX_RATE');
  const quit = key('LEAP_QUIT_DATE');
  const ready = key('LEAP_READY_DATE');
  const monthsStartToLeave = `((YEAR(${leave})-YEAR(${refs.start}))*12+MONTH(${leave})-MONTH(${refs.start}))`;
  const readyYear = `YEAR(${ready})`;
  const clampTo = (years: readonly number[], year: string) => `MAX(${years[0]},MIN(${years[years.length - 1]},${year}))`;
  // The UK and Canadian figures: a leave year outside Leap's tables is estimated with the nearest, as in the US.
  const ukYearOf = (day: string) => `(YEAR(${day})-IF(${day}<DATE(YEAR(${day}),4,6),1,0))`;
  const countryYears = system === 'uk' ? UK_SUPPORTED_YEARS : CA_SUPPORTED_YEARS;
  const firstYearFigures = clampTo(countryYears, taxYear);
  const secondYearFigures = clampTo(countryYears, `${taxYear}+1`);
  const firstYearIncome = abs(WORK_ROW + 1, WORK + 1);
  const countryRate = (fn: string, income: string, year: string, place: string, wages: string) =>
    `=${fn}(${income},${year},${place},${wages})`;
  const rateFormulas: Record<TaxSystem, { leaveYear: string; fullYear: string }> = {
    us_estimate: {
      leaveYear: `=TAX_RATE_US(${expected}*(13-MONTH(${leave})),${refs.status},${figuresYear},${refs.stateRate},${refs.wages})`,
      fullYear: `=TAX_RATE_US(12*${expected},${refs.status},MAX(${TAX_FIGURES_YEARS.first},MIN(${TAX_FIGURES_YEARS.last},${readyYear})),${refs.stateRate},0)`,
    },
    flat: { leaveYear: `=${refs.flatRate}`, fullYear: `=${refs.flatRate}` },
    uk: {
      leaveYear: countryRate('TAX_RATE_UK', firstYearIncome, firstYearFigures, refs.region, refs.wages),
      fullYear: countryRate('TAX_RATE_UK', `12*${expected}`, clampTo(UK_SUPPORTED_YEARS, ukYearOf(ready)), refs.region, '0'),
    },
    canada: {
      leaveYear: countryRate('TAX_RATE_CA', firstYearIncome, firstYearFigures, refs.provinceRate, refs.wages),
      fullYear: countryRate('TAX_RATE_CA', `12*${expected}`, clampTo(CA_SUPPORTED_YEARS, readyYear), refs.provinceRate, '0'),
    },
  };
  /**
   * BUFFER_RUNWAY on a steady low month after tax: savings over the monthly shortfall, "∞" when income covers the
   * costs.
   */
  const runwayFormula = (savings: string): string => {
    const shortfall = `(${costs})-(${refs.low}-${key('LEAP_MONTHLY_TAX_SET_ASIDE')})`;
    return `=IF(${shortfall}<=0,${quoted(NEVER_RUNS_OUT)},${savings}/(${shortfall}))`;
  };
  const formulas: Record<KeyNumberName, string> = {
    LEAP_EXPECTED_MONTHLY: figures ? `=AVERAGE(${figures})` : `=(${refs.low}+${refs.high})/2`,
    LEAP_TAX_RATE: rateFormulas[system].leaveYear,
    // The simulations look at whole independent years, with no wages: a rate that does not hang on the leave date,
    // which they decide.
    LEAP_FULL_YEAR_TAX_RATE: rateFormulas[system].fullYear,
    // The arithmetic of Leap's functions in Sheets' own formulas, so each reads at once rather than as an execution
    // of its own (a round of "Loading..." on Sheets): TAX_SET_ASIDE sets nothing aside from a loss.
    LEAP_MONTHLY_TAX_SET_ASIDE: `=MAX(0,${refs.low})*${key('LEAP_TAX_RATE')}`,
    // LOW_END_BUDGET: the low month, less its set-aside, less health cover.
    LEAP_LOW_END_BUDGET: `=${refs.low}-${key('LEAP_MONTHLY_TAX_SET_ASIDE')}-${refs.health}`,
    LEAP_LOW_MONTH_LEFT_OVER: `=${key('LEAP_LOW_END_BUDGET')}-${refs.expenses}`,
    // BENEFITS_COST: health cover, the employer's retirement share and the paid weeks off, a month's worth each.
    LEAP_BENEFITS_COST: `=${refs.health}+(${refs.salary}*${refs.retirement})/12+((${refs.salary}/${WEEKS_PER_YEAR})*${refs.pto})/12`,
    // BUFFER_TARGET: months of cushion times living costs and health cover.
    LEAP_BUFFER_TARGET: `=(${costs})*${refs.bufferMonths}`,
    LEAP_RUNWAY_MONTHS: runwayFormula(refs.savings),
    // BUFFER_MONTHS_TO_GOAL: what is missing over the monthly saving. A saving of 0 or less never gets there: the
    // buffer schedule beside says so in words (BUFFER_SCHEDULE's message), and this cell reads as that.
    LEAP_MONTHS_TO_BUFFER: `=IF(${refs.savings}>=${key('LEAP_BUFFER_TARGET')},0,IF(${refs.monthlySavings}>0,(${key('LEAP_BUFFER_TARGET')}-${refs.savings})/${refs.monthlySavings},${quoted(NEVER_REACHED)}))`,
    // ROUND first so float noise (14.0000000001) does not add a month: the month rule of src/finance/buffer.ts.
    LEAP_READY_DATE: `=EDATE(${refs.start},ROUNDUP(ROUND(${key('LEAP_MONTHS_TO_BUFFER')},${MONTH_NOISE_DIGITS}),0))`,
    LEAP_QUIT_DATE: `=QUIT_DATE(${refs.savings},${refs.monthlySavings},${costs},${history},${refs.start},${refs.maxRisk},${RISK_MONTHS},${simRate},${refs.ramp})`,
    // A quit date that is never safe (QUIT_DATE's text) leaves the buffer to decide. A failed QUIT_DATE stays an
    // error here and in the headline: ISNUMBER would have read it as "never safe" and shown the buffer date.
    LEAP_LEAVE_DATE: `=IF(ISTEXT(${quit}),${ready},MAX(${ready},${quit}))`,
    LEAP_SAVINGS_AT_LEAVE: `=${refs.savings}+${refs.monthlySavings}*MAX(0,${monthsStartToLeave})`,
    LEAP_RUNWAY_AT_LEAVE: runwayFormula(key('LEAP_SAVINGS_AT_LEAVE')),
    LEAP_RUNWAY_RISK: `=RUNWAY_RISK(${key('LEAP_SAVINGS_AT_LEAVE')},${costs},${history},${RISK_MONTHS},${simRate},${refs.ramp})`,
    LEAP_TAX_YEAR: system === 'uk' ? `=${ukYearOf(leave)}` : `=YEAR(${leave})`,
    // Set once the tax calendar below is placed.
    LEAP_FIRST_BIG_TAX_PAYMENT: '',
    LEAP_FIRST_BIG_TAX_DATE: '',
    // HOURLY_RATE with its defaults: salary and benefits over the billable hours of the weeks worked.
    LEAP_HOURLY_RATE: `=(${refs.salary}+12*${key('LEAP_BENEFITS_COST')})/(${hourlyRateDefault('billable_hours_per_week')}*(${WEEKS_PER_YEAR}-${hourlyRateDefault('weeks_off')}))`,
  };
  const countryDetails: Partial<Record<KeyNumberName, Cell>> =
    system === 'uk'
      ? {
          LEAP_TAX_YEAR: formula(
            `=${ukYearText(taxYear)}&" UK tax year (6 April to 5 April)"&IF(${firstYearFigures}<>${taxYear}," – "&${ukYearText(firstYearFigures)}&" figures used (the latest Leap has)","")`,
          ),
          LEAP_FULL_YEAR_TAX_RATE: formula(
            `="TAX_RATE_UK on 12 months of "&${shown(expected, 'money')}&" and no wages: what the risk simulates with"`,
          ),
          LEAP_TAX_RATE: formula(
            `="TAX_RATE_UK on "&${shown(firstYearIncome, 'money')}&" of profit from the leave month to 5 April, with the wages above"`,
          ),
        }
      : system === 'canada'
        ? {
            LEAP_TAX_YEAR: formula(
              `=IF(${firstYearFigures}<>${taxYear},${firstYearFigures}&" Canadian tax figures used for "&${taxYear}&" (the latest Leap has)",${taxYear}&" Canadian tax figures")`,
            ),
            LEAP_FULL_YEAR_TAX_RATE: formula(
              `="TAX_RATE_CA on 12 months of "&${shown(expected, 'money')}&" and no wages: what the risk simulates with"`,
            ),
            LEAP_TAX_RATE: formula(
              `="TAX_RATE_CA on "&${shown(firstYearIncome, 'money')}&" of net income from the leave month to December, with the wages above"`,
            ),
          }
        : {};
  const details: Partial<Record<KeyNumberName, Cell>> = {
    LEAP_TAX_YEAR: usEstimate
      ? formula(
          `=IF(${figuresYear}<>${taxYear},${figuresYear}&" US tax figures used for "&${taxYear}&" (the latest Leap has)",${taxYear}&" US tax figures")`,
        )
      : undefined,
    LEAP_FULL_YEAR_TAX_RATE: usEstimate
      ? formula(`="TAX_RATE_US on 12 months of "&${shown(expected, 'money')}&" and no wages: what the risk simulates with"`)
      : undefined,
    LEAP_TAX_RATE: usEstimate
      ? formula(
          `="TAX_RATE_US on "&${shown(expected, 'money')}&" a month from the leave month to December, with the wages above"`,
        )
      : undefined,
    ...countryDetails,
  };
  for (const k of KEY_NUMBERS) {
    const r = keyRow[k.name];
    put(r, LABEL, { cell: text(k.label) });
    put(r, VALUE, { cell: formula(formulas[k.name]), format: k.format, bold: true });
    put(r, DETAIL, { cell: details[k.name] ?? text(k.meaning) });
    named[k.name] = a1(r, VALUE);
  }
  let row = KEYS_ROW + KEY_NUMBERS.length + 1;

  // ---- What if earnings are lower or higher? Each case replays the history scaled by its factor ----
  row++;
  heading(row, text('What if earnings are lower or higher?'), text('Edit the factors: each case replays the history scaled'));
  row++;
  WHAT_IF.forEach((c, i) => {
    put(row, VALUE + i, { cell: text(c.name), bold: true });
  });
  row++;
  const factorRow = row;
  const whatIfRows = [
    'Earnings compared with the history',
    'Quit date at the risk you accept',
    'Chance of running out, leaving on the leave date',
    'A low month leaves you, after living costs',
  ];
  whatIfRows.forEach((label, i) => {
    put(factorRow + i, LABEL, { cell: text(label) });
  });
  WHAT_IF.forEach((c, i) => {
    const column = VALUE + i;
    const factor = abs(factorRow, column);
    const scaled = `${abs(5, WHAT_IF_HISTORY + i)}:${abs(4 + historyLength, WHAT_IF_HISTORY + i)}`;
    put(4, WHAT_IF_HISTORY + i, { cell: text(c.name), bold: true, fill: HEADER_FILL });
    for (let m = 0; m < historyLength; m++) {
      const month = abs(5 + m, FIGURES);
      // A linked month without rows is "", which stays "" so the simulations pass over it here too.
      const scaledMonth = linked ? `=IF(ISNUMBER(${month}),${month}*${factor},"")` : `=${month}*${factor}`;
      put(5 + m, WHAT_IF_HISTORY + i, { cell: formula(scaledMonth), format: 'money' });
    }
    const low = `${refs.low}*${factor}`;
    put(factorRow, column, { cell: num(c.factor), format: 'percent', fill: INPUT_FILL });
    put(factorRow + 1, column, {
      cell: formula(
        `=QUIT_DATE(${refs.savings},${refs.monthlySavings},${costs},${scaled},${refs.start},${refs.maxRisk},${RISK_MONTHS},${simRate},${refs.ramp})`,
      ),
      format: 'date',
    });
    put(factorRow + 2, column, {
      cell: formula(`=RUNWAY_RISK(${key('LEAP_SAVINGS_AT_LEAVE')},${costs},${scaled},${RISK_MONTHS},${simRate},${refs.ramp})`),
      format: 'percent',
    });
    // LOW_END_BUDGET's rule in native arithmetic (no tax set aside from a loss), less living costs.
    put(factorRow + 3, column, {
      cell: formula(`=${low}-MAX(0,${low})*${key('LEAP_TAX_RATE')}-${refs.health}-${refs.expenses}`),
      format: 'money',
    });
  });
  row = factorRow + whatIfRows.length;

  // ---- The headline: when can I leave, what holds it back, and does a low month pay? ----
  const leftOver = key('LEAP_LOW_MONTH_LEFT_OVER');
  const heldBack =
    `IF(ISTEXT(${quit})," (the buffer date: the chance of running out never falls to "&${shown(refs.maxRisk, 'percent')}&" within 10 years)",` +
    `IF(${quit}>${ready}," (held back by the risk: the buffer is reached "&${shown(ready, 'date')}&")"," (held back by the buffer)"))`;
  put(2, LABEL, {
    cell: formula(
      `="Leave on "&${shown(leave, 'date')}&${heldBack}&" – buffer "&${shown(key('LEAP_BUFFER_TARGET'), 'money')}` +
        `&" – a low month leaves you "&${shown(`ABS(${leftOver})`, 'money')}&IF(${leftOver}<0," short"," over")` +
        `&" after tax, health cover and living costs – your savings then last "&${shown(key('LEAP_RUNWAY_AT_LEAVE'), 'months')}` +
        `&" – chance of running out in the first year: "&${shown(key('LEAP_RUNWAY_RISK'), 'percent')}`,
    ),
    bold: true,
  });

  // ---- The tax calendar: the US quarters from the leave date, the UK's Self Assessment payments, Canada's
  // instalments and balances; elsewhere a line saying Leap has none ----
  let calendarFirst = 0;
  const firstBig: Record<'amount' | 'date' | 'detail', string> = {
    amount: '="No calendar"',
    date: '="No calendar"',
    detail: '="Leap has no tax calendar for your country: ask your tax authority when payments fall due"',
  };
  if (a.taxCountry === 'us') {
    row++;
    heading(
      row,
      formula(`="Quarterly tax payments from "&${shown(leave, 'date')}`),
      text('Estimated tax (Form 1040-ES): due date and amount'),
    );
    row++;
    ['Income of', 'Due', 'Amount', 'Period ends'].forEach((h, i) => {
      put(row, LABEL + i, { cell: text(h), bold: true });
    });
    row++;
    calendarFirst = row;
    for (let i = 0; i < QUARTERLY_PAYMENTS; i++) {
      const periodEnd = abs(row, ITEM_ID);
      const previousEnd = abs(row - 1, ITEM_ID);
      // Each row is one 1040-ES period: the first is the period holding the leave date, then the next three.
      put(row, ITEM_ID, {
        cell: formula(
          i === 0
            ? `=EOMONTH(DATE(YEAR(${leave}),CHOOSE(${periodOf(`MONTH(${leave})`)},${PERIOD_END_MONTHS}),1),0)`
            : `=EOMONTH(${previousEnd},CHOOSE(${periodOf(`MONTH(${previousEnd})`)},${MONTHS_TO_NEXT_PERIOD_END}))`,
        ),
        format: 'date',
      });
      // The leave month counts as a whole independent month.
      const from = i === 0 ? leave : `(${previousEnd}+1)`;
      const months = `((YEAR(${periodEnd})-YEAR(${from}))*12+MONTH(${periodEnd})-MONTH(${from})+1)`;
      put(row, LABEL, {
        cell: formula(
          `=TEXT(${from},"mmm yyyy")&IF(${months}>1," to "&TEXT(${periodEnd},"mmm yyyy"),"")&" ("&${months}&IF(${months}=1," month)"," months)")`,
        ),
      });
      // One NEXT_TAX_DUE call asks for the four due dates (the day after each period's end) and spills them down:
      // one execution on Sheets rather than four.
      const periodEnds = `${abs(calendarFirst, ITEM_ID)}:${abs(calendarFirst + QUARTERLY_PAYMENTS - 1, ITEM_ID)}`;
      put(row, VALUE, { cell: i === 0 ? formula(`=NEXT_TAX_DUE(ARRAYFORMULA(${periodEnds}+1))`) : null, format: 'date' });
      put(row, DETAIL, { cell: formula(`=${key('LEAP_TAX_RATE')}*${expected}*${months}`), format: 'money' });
      row++;
    }
    put(row, LABEL, {
      cell: formula(
        `=IF(MONTH(${leave})=1,"You leave in January: every month of "&YEAR(${leave})&" is independent.","Until you leave, your job withholds tax from your wages: January to "&TEXT(EDATE(${leave},-1),"mmmm yyyy")&" are covered that way.")`,
      ),
    });
    row++;

    // The largest quarterly payment, the earliest if two are equal.
    const amounts = `${abs(calendarFirst, DETAIL)}:${abs(calendarFirst + QUARTERLY_PAYMENTS - 1, DETAIL)}`;
    // The due dates with the "Due" header above them: a range that is exactly NEXT_TAX_DUE's spill, read while the
    // spill is an error (text typed over an input), makes HyperFormula (the emulator) throw instead of giving it.
    const dues = `${abs(calendarFirst - 1, VALUE)}:${abs(calendarFirst + QUARTERLY_PAYMENTS - 1, VALUE)}`;
    const firstDue = abs(calendarFirst, VALUE);
    firstBig.amount = `=MAX(${amounts})`;
    // Until NEXT_TAX_DUE's spill is in, its cell shows "Loading..." (or its error) and the cells below are empty:
    // the date shows what that cell shows rather than an empty cell the spill has not reached yet.
    firstBig.date = `=IF(ISNUMBER(${firstDue}),INDEX(${dues},1+MATCH(MAX(${amounts}),${amounts},0)),${firstDue})`;
    firstBig.detail = `="The largest quarterly payment (Form 1040-ES), due "&${shown(key('LEAP_FIRST_BIG_TAX_DATE'), 'date')}`;
  } else if (system === 'uk' || system === 'canada') {
    row = countryCalendar(row);
  } else {
    row++;
    heading(row, text('Tax payments'));
    row++;
    put(row, LABEL, {
      cell: text(
        'Leap has no tax calendar for your country: find out when your tax authority wants payments, and keep the set-aside in its own account until then.',
      ),
    });
    row++;
  }
  put(keyRow.LEAP_FIRST_BIG_TAX_PAYMENT, VALUE, { cell: formula(firstBig.amount), format: 'money', bold: true });
  put(keyRow.LEAP_FIRST_BIG_TAX_DATE, VALUE, { cell: formula(firstBig.date), format: 'date', bold: true });
  put(keyRow.LEAP_FIRST_BIG_TAX_PAYMENT, DETAIL, { cell: formula(firstBig.detail) });

  /**
   * The UK and Canadian calendars: the bills of the first two years in the workings, the country's calendar
   * function on each, and six payment rows quoting their amounts. The functions take only the years Leap has
   * figures for, so the rows' dates and words follow the leave date itself (the due days are the same every year).
   */
  function countryCalendar(startRow: number): number {
    const uk = system === 'uk';
    const place = uk ? refs.region : refs.provinceRate;
    const work = (i: number, label: string, f: string) => {
      put(WORK_ROW + i, WORK, { cell: text(label) });
      put(WORK_ROW + i, WORK + 1, { cell: formula(f), format: 'money' });
    };
    put(WORK_ROW, WORK, {
      cell: text(uk ? 'Tax workings: Self Assessment' : 'Tax workings: CRA instalments'),
      bold: true,
      fill: HEADER_FILL,
    });
    for (let c = WORK + 1; c <= WORK + 2; c++) put(WORK_ROW, c, { cell: null, fill: HEADER_FILL });
    work(
      1,
      uk ? 'Profit in the first tax year' : 'Net income in the first year',
      uk ? `=${expected}*(12-${ukEmployed()})` : `=${expected}*(13-MONTH(${leave}))`,
    );
    // One call gives the tax at source, both years' bills and the payments they set: the bills and their payments
    // come back in the same execution on Sheets, not one round after the other.
    put(WORK_CALENDAR, WORK, {
      cell: formula(
        `=${uk ? 'TAX_CALENDAR_UK' : 'TAX_CALENDAR_CA'}(${firstYearIncome},${firstYearFigures},${place},${refs.wages},12*${expected},${secondYearFigures})`,
      ),
      bold: true,
    });
    const tableRows = PAYMENT_ROWS[uk ? 'uk' : 'canada'];
    for (let r = 1; r <= WORK_CALENDAR_FIGURES + 2 * tableRows; r++) {
      put(WORK_CALENDAR + r, WORK, { cell: null, format: 'date' });
      put(WORK_CALENDAR + r, WORK + 2, { cell: null, format: 'money' });
    }
    /** Each year's payments follow the figures: row r of the first year is at firstTable + r. */
    const firstTable = WORK_CALENDAR + WORK_CALENDAR_FIGURES;
    const secondTable = firstTable + tableRows;
    const amountIn = (table: number, r: number) => abs(table + r, WORK + 2);
    const year = (offset: number) => (offset === 0 ? taxYear : `(${taxYear}+${offset})`);
    if (uk) {
      const { month, day, yearsAfterTaxYearStart } = SELF_ASSESSMENT_REGISTRATION;
      put(WORK_REGISTRATION, WORK, { cell: text('Self Assessment registration deadline (TMA 1970 s.7)') });
      put(WORK_REGISTRATION, WORK + 1, {
        cell: formula(`=DATE(${year(yearsAfterTaxYearStart)},${month},${day})`),
        format: 'date',
      });
      workingsFigures[WORKINGS_FIGURES.selfAssessmentRegistration] = a1(WORK_REGISTRATION, WORK + 1);
    } else {
      put(WORK_REGISTRATION, WORK, { cell: text('GST/HST small-supplier limit (Excise Tax Act s.148)') });
      put(WORK_REGISTRATION, WORK + 1, { cell: num(GST_HST_SMALL_SUPPLIER_LIMIT), format: 'money' });
      workingsFigures[WORKINGS_FIGURES.gstHstLimit] = a1(WORK_REGISTRATION, WORK + 1);
    }
    // CRA due days on a weekend move to the next business day, as INSTALMENTS_CA moves them.
    const caDay = (offset: number, month: number, day: number) => `WORKDAY(DATE(${year(offset)},${month},${day})-1,1)`;
    // Payments on account for a year are due only when the previous year's Self Assessment bill was large enough
    // and not mostly taxed at source (PAYMENTS_ON_ACCOUNT_UK's rule): the year before the first holds none.
    const firstYearNoPoa = `"No payment on account: your "&${ukYearText(year(0))}&" bill is your first"`;
    const laterNoPoa = (offset: number) =>
      `"No payment on account for "&${ukYearText(year(offset + 1))}&": the "&${ukYearText(year(offset))}&" bill was too small or mostly taxed at source"`;
    // A tax year t (0: the leave tax year) has one PAYMENTS_ON_ACCOUNT_UK table in the workings: its rows 1 and 2 are
    // the payments on account due within it (none in the first year), row 3 the 31 January balancing payment with the
    // next year's 1st payment on account, row 4 the next year's 2nd payment on account on 31 July.
    const onAccount = (t: number, n: 1 | 2, amount: string, none: string) => ({
      due: `DATE(${year(t + 1)},${n === 1 ? 1 : 7},31)`,
      payment: (shown: string) =>
        `IF(${shown}=0,${none},"${n === 1 ? '1st' : '2nd'} payment on account "&${ukYearText(year(t))})`,
      amount,
    });
    const afterYear = (t: number, table: number) => [
      {
        due: `DATE(${year(t + 2)},1,31)`,
        payment: () => `"Balancing payment "&${ukYearText(year(t))}&" + 1st payment on account "&${ukYearText(year(t + 1))}`,
        amount: amountIn(table, 3),
      },
      onAccount(t + 1, 2, amountIn(table, 4), laterNoPoa(t)),
    ];
    const rows: { due: string; payment: (amount: string) => string; amount: string }[] = uk
      ? [
          onAccount(0, 1, amountIn(firstTable, 1), firstYearNoPoa),
          onAccount(0, 2, amountIn(firstTable, 2), firstYearNoPoa),
          ...afterYear(0, firstTable),
          ...afterYear(1, secondTable),
        ]
      : [
          [1, 3, 15, 1],
          [0, 4, 30, 0],
          [1, 6, 15, 2],
          [1, 9, 15, 3],
          [1, 12, 15, 4],
          [1, 4, 30, 0],
        ].map(([offset, month, day, instalment], i) => {
          const dueOffset = i === 5 ? 2 : 1;
          return instalment
            ? {
                due: caDay(dueOffset, month, day),
                payment: (amount: string) =>
                  `"Instalment ${instalment} for "&${year(offset)}&IF(${amount}=0,": not required","")`,
                amount: amountIn(secondTable, instalment),
              }
            : {
                due: caDay(dueOffset, month, day),
                payment: (amount: string) => `"Balance due for "&${year(offset)}&IF(${amount}<0," (a refund)","")`,
                amount: amountIn(offset === 0 ? firstTable : secondTable, 5),
              };
        });
    let r = startRow + 1;
    heading(
      r,
      formula(`="Tax payments from "&${shown(leave, 'date')}`),
      text(
        uk
          ? 'Self Assessment (PAYMENTS_ON_ACCOUNT_UK): due date and amount'
          : 'CRA instalments (INSTALMENTS_CA) and the 30 April balances: due date and amount',
      ),
    );
    r++;
    ['Payment', 'Due', 'Amount'].forEach((h, i) => {
      put(r, LABEL + i, { cell: text(h), bold: true });
    });
    r++;
    calendarFirst = r;
    for (const spec of rows) {
      const amount = abs(r, DETAIL);
      put(r, LABEL, { cell: formula(`=${spec.payment(amount)}`) });
      put(r, VALUE, { cell: formula(`=${spec.due}`), format: 'date' });
      put(r, DETAIL, { cell: formula(`=${spec.amount}`), format: 'money' });
      r++;
    }
    const big = calendarFirst + FIRST_BIG_ROW[uk ? 'uk' : 'canada'];
    firstBig.amount = `=${abs(big, DETAIL)}`;
    firstBig.date = `=${abs(big, VALUE)}`;
    firstBig.detail = uk
      ? `="31 January after the "&${ukYearText(year(0))}&" tax year: that year's bill, plus half of it again when a payment on account is due"`
      : `="30 April after "&${year(0)}&": all of that year's tax owing, as no instalments were required in it"`;
    const workings = `${columnLetters(WORK)}${WORK_ROW}`;
    put(r, LABEL, {
      cell: text(
        uk
          ? `Until you leave, PAYE takes tax from your wages; the bills behind these payments are in the tax workings at ${workings}.`
          : `Your first year on your own needs no instalments (they start once tax owing passed the threshold in the year before or the one before that): its tax is the 30 April balance, and the second year's instalments follow from it. The owing behind these payments is in the tax workings at ${workings}.`,
      ),
    });
    return r + 1;
  }

  // ---- Checklist ----
  row++;
  heading(row, text('Checklist'), text('Tick each step as you go'));
  row++;
  const progressRow = row;
  row++;
  CHECKLIST_HEADER.forEach((h, i) => {
    put(row, LABEL + i, { cell: text(h), bold: true });
  });
  row++;
  const firstItem = row;
  const lastItem = row + plan.checklist.length - 1;
  put(progressRow, LABEL, { cell: text('Progress') });
  put(progressRow, VALUE, {
    // TRUE() rather than the bare TRUE literal, which not every formula engine reads.
    cell: formula(`=COUNTIF(${abs(firstItem, VALUE)}:${abs(lastItem, VALUE)},TRUE())/${plan.checklist.length}`),
    format: 'percent',
    bold: true,
  });
  /** A sentence as a cell: plain text, or a formula quoting its figures live. */
  const sentence = (words: Sentence): Cell => {
    if (typeof words === 'string') return text(words);
    const parts = words.map((part) => {
      if (typeof part === 'string') return quoted(part);
      const cell = figureCell(part.figure);
      if (!cell) throw new Error(`The plan has no figure named ${part.figure}`);
      return shown(`$${cell.replace(/^([A-Z]+)(\d+)$/, '$1$$$2')}`, part.as);
    });
    return formula(`=${parts.join('&')}`);
  };
  for (const item of plan.checklist) {
    const before = carried[item.id];
    put(row, LABEL, { cell: sentence(item.step) });
    put(row, VALUE, { cell: { checked: before ? before.done : item.done } });
    // Phased live between the start and the leave date, so moving either moves the whole plan.
    const target = `${refs.start}+ROUND((${leave}-${refs.start})*${item.phase})`;
    const dueCell = item.due ? figureCell(item.due) : undefined;
    if (item.due && !dueCell) throw new Error(`The plan has no date named ${item.due}`);
    // Giving notice is the one step a low month that does not pay for itself should stop: the date gives way to
    // a live warning with the shortfall, which clears itself once an edit makes a low month pay.
    const detail = dueCell
      ? `=$${dueCell.replace(/^([A-Z]+)(\d+)$/, '$1$$$2')}`
      : item.id === GIVE_NOTICE_ITEM
        ? `=IF(${leftOver}<0,"Not yet: a low month leaves you "&${shown(`-${leftOver}`, 'money')}&" short",${target})`
        : `=${target}`;
    put(row, DETAIL, { cell: formula(detail), format: 'date' });
    put(row, NOTES, { cell: before?.notes ? text(before.notes) : null });
    put(row, ITEM_ID, { cell: text(item.id) });
    row++;
  }

  // ---- Challenges ----
  row++;
  heading(row, text('Challenges and how this plan answers them'));
  row++;
  for (const c of plan.challenges) {
    put(row, LABEL, { cell: text(c.challenge), bold: true });
    put(row, VALUE, { cell: sentence(c.answer) });
    row++;
  }

  // ---- Buffer schedule beside the main flow, with a target column for the chart ----
  put(4, SCHEDULE, { cell: text('Buffer schedule'), bold: true, fill: HEADER_FILL });
  put(5, SCHEDULE, {
    cell: formula(`=BUFFER_SCHEDULE(${refs.savings},${refs.monthlySavings},${key('LEAP_BUFFER_TARGET')},${refs.start})`),
    bold: true,
  });
  put(5, SCHEDULE_TARGET, { cell: text('Target'), bold: true });
  for (let r = 6; r < 5 + SCHEDULE_ROWS; r++) {
    put(r, SCHEDULE, { cell: null, format: 'date' });
    put(r, SCHEDULE + 1, { cell: null, format: 'money' });
    put(r, SCHEDULE + 2, { cell: null, format: 'percent' });
    put(r, SCHEDULE_TARGET, {
      cell: formula(`=IF(${a1(r, SCHEDULE)}="","",${key('LEAP_BUFFER_TARGET')})`),
      format: 'money',
    });
  }
  const lastScheduleRow = 4 + SCHEDULE_ROWS;

  // ---- The runway fan: RUNWAY_BANDS over the first year after the leave date, with a zero line ----
  put(FAN_ROW - 1, FAN_LABEL, { cell: text('Savings after leaving: 10,000 simulated futures'), bold: true, fill: HEADER_FILL });
  put(FAN_ROW, FAN_LABEL, { cell: text('After'), bold: true });
  put(FAN_ROW, FAN, {
    cell: formula(`=RUNWAY_BANDS(${key('LEAP_SAVINGS_AT_LEAVE')},${costs},${history},${RISK_MONTHS},${simRate},${refs.ramp})`),
    bold: true,
  });
  const FAN_ZERO = FAN + 4;
  put(FAN_ROW, FAN_ZERO, { cell: text('Zero'), bold: true });
  for (let m = 1; m <= RISK_MONTHS; m++) {
    for (let c = FAN + 1; c < FAN_ZERO; c++) put(FAN_ROW + m, c, { cell: null, format: 'money' });
    put(FAN_ROW + m, FAN_LABEL, { cell: text(m === 1 ? '1 month' : `${m} months`) });
    put(FAN_ROW + m, FAN_ZERO, { cell: formula(`=IF(${a1(FAN_ROW + m, FAN)}="","",0)`), format: 'money' });
  }

  const cells: Cell[][] = [];
  const numberFormats: string[][] = [];
  const fontWeights: ('bold' | 'normal')[][] = [];
  const backgrounds: (string | null)[][] = [];
  for (let r = 1; r <= maxRow; r++) {
    const cellRow: Cell[] = [];
    const formatRow: string[] = [];
    const weightRow: ('bold' | 'normal')[] = [];
    const fillRow: (string | null)[] = [];
    for (let c = 1; c <= maxColumn; c++) {
      const spec = grid.get(`${r},${c}`);
      cellRow.push(spec?.cell ?? null);
      formatRow.push(formats[spec?.format ?? 'general']);
      weightRow.push(spec?.bold ? 'bold' : 'normal');
      fillRow.push(spec?.fill ?? null);
    }
    cells.push(cellRow);
    numberFormats.push(formatRow);
    fontWeights.push(weightRow);
    backgrounds.push(fillRow);
  }

  const runway = named.LEAP_RUNWAY_MONTHS;
  const budget = named.LEAP_LOW_END_BUDGET;
  // Runs of equal width, one call each: labels, values and details, the what-if's third case and notes, the rest.
  const widths = [340, 120, 120, 200];
  return {
    rows: maxRow,
    columns: maxColumn,
    cells,
    numberFormats,
    fontWeights,
    backgrounds,
    namedRanges: named,
    checkboxRange: `${a1(firstItem, VALUE)}:${a1(lastItem, VALUE)}`,
    wrapRange: `${a1(firstItem, LABEL)}:${a1(lastItem, DETAIL)}`,
    // Key numbers sit right, "∞" with the numbers.
    rightAligned: `${a1(keyRow[KEY_NUMBERS[0].name], VALUE)}:${a1(keyRow[KEY_NUMBERS[KEY_NUMBERS.length - 1].name], VALUE)}`,
    // The item ids (and the calendar's period ends) are for Leap: a rebuild finds ticks and notes by them.
    hiddenColumns: [ITEM_ID],
    // First matching rule wins: under 3 months red, under 6 amber, 6 or more green, and "∞" (income covers costs) green.
    conditionalRules: [
      { range: runway, when: 'numberLessThan', value: 3, ...RED },
      { range: runway, when: 'numberLessThan', value: 6, ...AMBER },
      { range: runway, when: 'formula', value: `=OR(ISTEXT(${runway}),${runway}>=6)`, ...GREEN },
      // The budget and what it leaves after living costs sit one above the other: one rule colours both.
      { range: `${budget}:${named.LEAP_LOW_MONTH_LEFT_OVER}`, when: 'numberLessThan', value: 0, ...RED },
    ],
    charts: [
      {
        title: 'Buffer: saved vs target',
        ranges: [
          `${a1(5, SCHEDULE)}:${a1(lastScheduleRow, SCHEDULE + 1)}`,
          `${a1(5, SCHEDULE_TARGET)}:${a1(lastScheduleRow, SCHEDULE_TARGET)}`,
        ],
        anchorRow: 4,
        anchorColumn: CHARTS,
        axisFormat: formats.axisMoney,
      },
      {
        title: 'Savings after leaving: low (1 in 10), median, high (1 in 10)',
        // The month numbers RUNWAY_BANDS spills are left out: the text labels beside them are the axis.
        ranges: [
          `${a1(FAN_ROW, FAN_LABEL)}:${a1(FAN_ROW + RISK_MONTHS, FAN_LABEL)}`,
          `${a1(FAN_ROW, FAN + 1)}:${a1(FAN_ROW + RISK_MONTHS, FAN_ZERO)}`,
        ],
        anchorRow: FAN_ROW - 1,
        anchorColumn: FAN_ZERO + 2,
        axisFormat: formats.axisMoney,
      },
    ],
    frozenRows: 2,
    columnWidths: Array.from({ length: maxColumn }, (_, i) => widths[i] ?? 100),
  };
}
