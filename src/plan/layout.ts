/**
 * The Transition Plan sheet as a pure grid: values, formulas, formats, named ranges, rules and a chart.
 * Every key number is a live formula on the Inputs cells using Leap's functions, so editing an input
 * updates the plan. The writer (src/sheets/planWriter.ts) only copies this onto a sheet in a few calls.
 */
import { functionTable } from '../functions';
import { FILING_STATUSES, TAX_MODES } from './answers';
import { GIVE_NOTICE_ITEM, type Plan, type PlanNumbers, parseIsoDate, planSubtitle } from './model';

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
  percent: '0.0%',
  date: 'mmm d, yyyy',
  months: '0.0',
  whole: '0',
} as const;
export type FormatName = keyof typeof FORMATS;

export interface ConditionalRule {
  /** A1 of the cells the rule colours. */
  range: string;
  /** "formula": a custom formula, written for the rule's first cell. */
  when: 'numberLessThan' | 'numberGreaterThanOrEqualTo' | 'formula';
  value: number | string;
  background: string;
}

export interface ChartSpec {
  title: string;
  /** The x column and the series: saved and target. */
  ranges: string[];
  anchorRow: number;
  anchorColumn: number;
}

/** Where the checklist sits, so a rebuild can find ticks and notes by item id. */
export const CHECKLIST_HEADER = ['Step', 'Done', 'Target date', 'Item id', 'Notes'] as const;

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
  /** The Done column of the checklist, A1. */
  checkboxRange: string;
  /** The checklist's steps and target dates, A1: a step or a "Not yet" warning wraps within its column rather than being cut off. */
  wrapRange: string;
  conditionalRules: ConditionalRule[];
  chart: ChartSpec;
  frozenRows: number;
  /** Pixel width of each column, left to right. */
  columnWidths: number[];
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

/** The rows a buffer schedule can need: header + month 0 + up to 120 months (BUFFER_SCHEDULE's limit). */
export const SCHEDULE_ROWS = 122;

/** A default of HOURLY_RATE, read from its declaration so the key number's words match what the formula uses. */
function hourlyRateDefault(param: string): number | string {
  const value = functionTable.find((f) => f.name === 'HOURLY_RATE')?.params.find((p) => p.name === param)?.defaultValue;
  if (value === undefined || typeof value === 'function') throw new Error(`HOURLY_RATE has no fixed default for ${param}`);
  return value;
}

/** The outputs as the issue names them; tests and users' own formulas rely on these names. */
export const KEY_NUMBERS = [
  {
    name: 'LEAP_TAX_RATE',
    field: 'taxRate',
    label: 'Tax set-aside rate',
    format: 'percent',
    meaning: 'Share of each payment to put aside for tax',
  },
  {
    name: 'LEAP_MONTHLY_TAX_SET_ASIDE',
    field: 'monthlyTaxSetAside',
    label: 'Tax to set aside in a low month',
    format: 'money',
    meaning: 'TAX_SET_ASIDE on the low month',
  },
  {
    name: 'LEAP_LOW_END_BUDGET',
    field: 'lowEndBudget',
    label: 'Monthly budget on the low end',
    format: 'money',
    meaning: 'Low month, less tax, less health cover; red means a shortfall',
  },
  {
    name: 'LEAP_LOW_MONTH_LEFT_OVER',
    field: 'lowMonthLeftOver',
    label: 'Left after living costs in a low month',
    format: 'money',
    meaning: 'Budget on the low end less living expenses; red means a low month leaves you short',
  },
  {
    name: 'LEAP_BENEFITS_COST',
    field: 'benefitsCost',
    label: 'Benefits to replace, per month',
    format: 'money',
    meaning: 'Health cover, retirement and paid time off your employer paid',
  },
  {
    name: 'LEAP_BUFFER_TARGET',
    field: 'bufferTarget',
    label: 'Buffer target',
    format: 'money',
    meaning: 'Months of cushion times expenses and health cover',
  },
  {
    name: 'LEAP_RUNWAY_MONTHS',
    field: 'runwayMonths',
    label: 'Runway on low months',
    format: 'months',
    meaning: 'Months your savings last on low months after tax (∞: income covers costs)',
  },
  {
    name: 'LEAP_MONTHS_TO_BUFFER',
    field: 'monthsToBuffer',
    label: 'Months to reach the buffer',
    format: 'months',
    meaning: 'Saving what you can each month while employed',
  },
  {
    name: 'LEAP_READY_DATE',
    field: 'readyDate',
    label: 'Ready date',
    format: 'date',
    meaning: 'Start date plus the months to the buffer, rounded up',
  },
  {
    name: 'LEAP_HOURLY_RATE',
    field: 'hourlyRate',
    label: 'Hourly rate to replace your salary',
    format: 'moneyCents',
    meaning: `Salary plus benefits, over ${hourlyRateDefault('billable_hours_per_week')} billable hours a week and ${hourlyRateDefault('weeks_off')} weeks off`,
  },
] as const satisfies readonly { name: string; field: keyof PlanNumbers; label: string; format: FormatName; meaning: string }[];

export type KeyNumberName = (typeof KEY_NUMBERS)[number]['name'];

/** The editable inputs whose names are a contract. */
export const INPUT_NAMES = [
  'LEAP_MONTHLY_EXPENSES',
  'LEAP_SAVINGS',
  'LEAP_ANNUAL_SALARY',
  'LEAP_PROJECTED_LOW',
  'LEAP_PROJECTED_HIGH',
  'LEAP_HEALTH_MONTHLY',
  'LEAP_BUFFER_MONTHS_INPUT',
  'LEAP_MONTHLY_SAVINGS',
  'LEAP_START_DATE',
] as const;

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
const ITEM_ID = 4;
/** Notes last in the main flow, in the one wide column after the ids. */
const NOTES = 5;
const LAST_MAIN = NOTES;
const SCHEDULE = 7;
const SCHEDULE_TARGET = SCHEDULE + 3;
const FIGURES = 12;

/** 1040-ES periods each quarterly payment covers. */
const TAX_QUARTERS = ['Income of January to March', 'April and May', 'June to August', 'September to December'];

interface CellSpec {
  cell: Cell;
  format?: FormatName;
  bold?: boolean;
  fill?: string;
}

/**
 * Lays out the plan. `builtOn` is the ISO date of the build (shown under the title); `carried` holds
 * ticks and notes from the previous plan by checklist item id.
 */
export function layoutPlan(plan: Plan, builtOn: string, carried: Record<string, CarriedItem> = {}): PlanSheetLayout {
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
  const heading = (row: number, title: string, note?: string): void => {
    put(row, LABEL, { cell: text(title), bold: true, fill: HEADER_FILL });
    for (let c = VALUE; c <= LAST_MAIN; c++) put(row, c, { cell: null, fill: HEADER_FILL });
    if (note) put(row, VALUE, { cell: text(note), fill: HEADER_FILL });
  };
  const named: Record<string, string> = {};

  put(1, LABEL, { cell: text('Leap transition plan'), bold: true });
  put(1, VALUE, { cell: text(`Built ${builtOn} by Leap. Rebuild from Extensions > Leap > Plan my transition…`) });
  put(2, LABEL, { cell: text(planSubtitle(a)) });

  // ---- Inputs ----
  let row = 4;
  heading(row, 'Inputs', 'Edit the shaded cells: every number below updates.');
  row++;
  const refs: Record<string, string> = {};
  const input = (key: string, label: string, cell: Cell, format: FormatName, name?: string): void => {
    put(row, LABEL, { cell: text(label) });
    put(row, VALUE, { cell, format, fill: INPUT_FILL });
    refs[key] = abs(row, VALUE);
    if (name) named[name] = a1(row, VALUE);
    row++;
  };
  const start = parseIsoDate(a.startDate);
  input('expenses', 'Monthly living expenses', num(a.monthlyExpenses), 'money', 'LEAP_MONTHLY_EXPENSES');
  input('savings', 'Savings today', num(a.currentSavings), 'money', 'LEAP_SAVINGS');
  input('salary', 'Current annual salary', num(a.annualSalary), 'money', 'LEAP_ANNUAL_SALARY');
  // Low and high sit one above the other: together they are the projection LOW_END_BUDGET reads. Taken from
  // pasted figures, they are MIN and MAX of them, so editing a figure moves every number that reads them.
  const figures = a.monthlyFigures ? `${abs(5, FIGURES)}:${abs(4 + a.monthlyFigures.length, FIGURES)}` : undefined;
  const low = figures && a.lowFromFigures ? formula(`=MIN(${figures})`) : num(a.projectedMonthlyLow);
  const high = figures && a.highFromFigures ? formula(`=MAX(${figures})`) : num(a.projectedMonthlyHigh);
  input('low', 'Projected monthly earnings: a low month', low, 'money', 'LEAP_PROJECTED_LOW');
  input('high', 'Projected monthly earnings: a good month', high, 'money', 'LEAP_PROJECTED_HIGH');
  input('health', 'Health insurance per month', num(a.healthMonthly), 'money', 'LEAP_HEALTH_MONTHLY');
  input('retirement', 'Employer retirement contribution', num(a.retirementRate), 'percent');
  input('pto', 'Paid weeks off per year', num(a.ptoWeeks), 'whole');
  input('bufferMonths', 'Months of cushion', num(a.bufferMonths), 'whole', 'LEAP_BUFFER_MONTHS_INPUT');
  input('monthlySavings', 'Saved per month while employed', num(a.monthlySavings), 'money', 'LEAP_MONTHLY_SAVINGS');
  // A DATE formula, not a Date value: the day stays the day whatever the server's and the sheet's time zones.
  input('start', 'Start date', formula(`=DATE(${start.year},${start.month},${start.day})`), 'date', 'LEAP_START_DATE');
  if (a.taxMode === 'us_estimate') {
    put(row, LABEL, { cell: text('Tax set-aside') });
    put(row, VALUE, { cell: text(TAX_MODES.us_estimate) });
    row++;
    input('status', 'Filing status', text(FILING_STATUSES[a.filingStatus]), 'general');
    input('stateRate', 'State income tax rate', num(a.stateTaxRate), 'percent');
    input('w2', 'W-2 wages this year', num(a.w2Wages), 'money');
    input('taxYear', 'Tax year of the estimate', num(plan.numbers.taxYear as number), 'whole');
  } else {
    input('flatRate', 'Tax set-aside rate (flat)', num(a.taxRate), 'percent');
  }
  if (a.monthlyFigures) {
    put(4, FIGURES, { cell: text('Monthly figures'), bold: true, fill: HEADER_FILL });
    a.monthlyFigures.forEach((x, i) => {
      put(5 + i, FIGURES, { cell: num(x), format: 'money', fill: INPUT_FILL });
    });
  }
  const projection = figures ?? `${refs.low}:${refs.high}`;

  // ---- Key numbers: each a live formula on the inputs ----
  row++;
  heading(row, 'Key numbers', 'Live formulas on the inputs above');
  row++;
  const keyRow: Record<string, number> = {};
  KEY_NUMBERS.forEach((k, i) => {
    keyRow[k.name] = row + i;
  });
  const key = (name: KeyNumberName): string => abs(keyRow[name], VALUE);
  const costs = `${refs.expenses}+${refs.health}`;
  const formulas: Record<KeyNumberName, string> = {
    LEAP_TAX_RATE:
      a.taxMode === 'us_estimate'
        ? `=TAX_RATE_US(12*(${refs.low}+${refs.high})/2,${refs.status},${refs.taxYear},${refs.stateRate},${refs.w2})`
        : `=${refs.flatRate}`,
    LEAP_MONTHLY_TAX_SET_ASIDE: `=TAX_SET_ASIDE(${refs.low},${key('LEAP_TAX_RATE')})`,
    LEAP_LOW_END_BUDGET: `=LOW_END_BUDGET(${projection},${key('LEAP_TAX_RATE')},${refs.health})`,
    LEAP_LOW_MONTH_LEFT_OVER: `=${key('LEAP_LOW_END_BUDGET')}-${refs.expenses}`,
    LEAP_BENEFITS_COST: `=BENEFITS_COST(${refs.salary},${refs.health},${refs.retirement},${refs.pto})`,
    LEAP_BUFFER_TARGET: `=BUFFER_TARGET(${costs},${refs.bufferMonths})`,
    LEAP_RUNWAY_MONTHS: `=BUFFER_RUNWAY(${refs.savings},${costs},${refs.low}-${key('LEAP_MONTHLY_TAX_SET_ASIDE')})`,
    LEAP_MONTHS_TO_BUFFER: `=BUFFER_MONTHS_TO_GOAL(${refs.savings},${key('LEAP_BUFFER_TARGET')},${refs.monthlySavings})`,
    // ROUND first so float noise (14.0000000001) does not add a month; the model does the same.
    LEAP_READY_DATE: `=EDATE(${refs.start},ROUNDUP(ROUND(${key('LEAP_MONTHS_TO_BUFFER')},9),0))`,
    LEAP_HOURLY_RATE: `=HOURLY_RATE(${refs.salary}+12*${key('LEAP_BENEFITS_COST')})`,
  };
  for (const k of KEY_NUMBERS) {
    put(row, LABEL, { cell: text(k.label) });
    put(row, VALUE, { cell: formula(formulas[k.name]), format: k.format, bold: true });
    put(row, DETAIL, { cell: text(k.meaning) });
    named[k.name] = a1(row, VALUE);
    row++;
  }

  // ---- Quarterly tax calendar: TAX_DUE_DATES spills the four dates down the first column ----
  row++;
  heading(row, '', 'Estimated payment (Form 1040-ES)');
  // The year follows the start date cell, as the dates below do.
  put(row, LABEL, { cell: formula(`="Quarterly tax calendar "&YEAR(${refs.start})`), bold: true, fill: HEADER_FILL });
  row++;
  put(row, LABEL, { cell: formula(`=TAX_DUE_DATES(YEAR(${refs.start}))`), format: 'date' });
  TAX_QUARTERS.forEach((covers, i) => {
    if (i > 0) put(row + i, LABEL, { cell: null, format: 'date' });
    put(row + i, VALUE, {
      cell: formula(`=${key('LEAP_TAX_RATE')}*12*(${refs.low}+${refs.high})/2/4`),
      format: 'money',
    });
    put(row + i, DETAIL, { cell: text(covers) });
  });
  row += TAX_QUARTERS.length;

  // ---- Checklist ----
  row++;
  heading(row, 'Checklist', 'Tick each step as you go');
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
  const ready = key('LEAP_READY_DATE');
  const leftOver = key('LEAP_LOW_MONTH_LEFT_OVER');
  for (const item of plan.checklist) {
    const before = carried[item.id];
    put(row, LABEL, { cell: text(item.step) });
    put(row, VALUE, { cell: { checked: before ? before.done : item.done } });
    // Phased live between the start and the ready date, so moving either moves the whole plan.
    const target = `${refs.start}+ROUND((${ready}-${refs.start})*${item.phase})`;
    // Giving notice is the one step a low month that does not pay for itself should stop: the date gives way to
    // a live warning with the shortfall, which clears itself once an edit makes a low month pay.
    const detail =
      item.id === GIVE_NOTICE_ITEM
        ? `=IF(${leftOver}<0,"Not yet: a low month leaves you $"&FIXED(-${leftOver},0)&" short",${target})`
        : `=${target}`;
    put(row, DETAIL, { cell: formula(detail), format: 'date' });
    put(row, NOTES, { cell: before?.notes ? text(before.notes) : null });
    put(row, ITEM_ID, { cell: text(item.id) });
    row++;
  }

  // ---- Challenges ----
  row++;
  heading(row, 'Challenges and how this plan answers them');
  row++;
  for (const c of plan.challenges) {
    put(row, LABEL, { cell: text(c.challenge), bold: true });
    put(row, VALUE, { cell: text(c.answer) });
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
      formatRow.push(FORMATS[spec?.format ?? 'general']);
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
  // Runs of equal width, one call each: labels, values, notes, then the schedule and figures.
  const widths = [340, 120, 120, 120, 240, 110, 110, 110, 110, 110, 110, 110];
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
    // First matching rule wins: under 3 months red, under 6 amber, 6 or more green, and "∞" (income covers costs) green.
    conditionalRules: [
      { range: runway, when: 'numberLessThan', value: 3, ...RED },
      { range: runway, when: 'numberLessThan', value: 6, ...AMBER },
      { range: runway, when: 'formula', value: `=OR(ISTEXT(${runway}),${runway}>=6)`, ...GREEN },
      // The budget and what it leaves after living costs sit one above the other: one rule colours both.
      { range: `${budget}:${named.LEAP_LOW_MONTH_LEFT_OVER}`, when: 'numberLessThan', value: 0, ...RED },
    ],
    chart: {
      title: 'Buffer: saved vs target',
      ranges: [
        `${a1(5, SCHEDULE)}:${a1(lastScheduleRow, SCHEDULE + 1)}`,
        `${a1(5, SCHEDULE_TARGET)}:${a1(lastScheduleRow, SCHEDULE_TARGET)}`,
      ],
      anchorRow: 4,
      anchorColumn: (a.monthlyFigures ? FIGURES : SCHEDULE_TARGET) + 2,
    },
    frozenRows: 2,
    columnWidths: widths.slice(0, maxColumn),
  };
}
