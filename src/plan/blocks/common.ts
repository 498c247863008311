/**
 * What the plan sheet's blocks share: the number formats, where each block sits, the ids blocks read each other's
 * cells by, and how a sentence shows a figure. src/plan/layout.ts re-exports what the writer, the reader and the
 * tests use.
 */

import { SCHEDULE_MONTHS_MAX } from '../../finance/buffer';
import type { Content, Grid, Reader } from '../../layout/grid';
import { quoted } from '../../layout/grid';
import { type Answers, FILING_STATUSES, type FieldName } from '../answers';
import type { Plan } from '../model';

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
  /**
   * A count the person types (weeks off, months): Sheets' automatic format shows the decimals a number has and no
   * more, so 5.6 weeks read 5.6 and 6 reads 6 ("0" rounded 5.6 to 6; "0.##" would show "6.").
   */
  count: 'General',
} as const;
export type FormatName = keyof typeof FORMATS;
export type PlanFormats = Record<FormatName, string>;

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

/** What a previous plan held for a checklist item: carried over by item id. */
export interface CarriedItem {
  done: boolean;
  notes: string;
}

export interface ChartSpec {
  title: string;
  /** The x column and the series: saved and target. */
  ranges: string[];
  anchorRow: number;
  anchorColumn: number;
  /** The vertical axis's format: the plan's money as an ICU pattern (Google Charts options are not Sheets formats). */
  axisFormat: string;
}

/** What blocks place beside the grid: the writer's ranges and the charts. */
export interface PlanExtras {
  charts: ChartSpec[];
  checkboxRange: string;
  /** A1 ranges whose text wraps within its column (the checklist's steps, a country calendar's payments). */
  wrapRanges: string[];
  rightAligned: string;
}

/** How the tax is estimated: the country decides, and in the US the person's choice of mode. */
export type TaxSystem = 'us_estimate' | 'flat' | 'uk' | 'canada';

/** The key numbers a tax setting decides, each a formula given the `read` of the grid. */
export type TaxFigure =
  | 'JW_TAX_RATE'
  | 'JW_FULL_YEAR_TAX_RATE'
  | 'JW_TAX_YEAR'
  | 'JW_FIRST_TAX_PAYMENT'
  | 'JW_FIRST_TAX_DATE'
  | 'JW_LARGEST_TAX_PAYMENT'
  | 'JW_LARGEST_TAX_DATE';

/** One labelled input of the plan: the person edits its value; its name is a contract users' formulas rely on. */
export interface InputSpec {
  name: string;
  label: string;
  format: FormatName;
  /** The wizard's answer it shows: Build again reads it back from the sheet by the label (src/sheets/planReader.ts). */
  answer?: FieldName;
  /** What it holds at first, when not the answer's number. */
  value?: (sheet: PlanSheet) => Content;
  /** Words right of the value. */
  note?: (sheet: PlanSheet) => Content;
  /** For a "general" input holding words: the only words it takes (the cell refuses others as it is typed). */
  choices?: readonly string[];
}

/**
 * A tax setting: the inputs it adds, the words of its "Tax set-aside" row, the key numbers it decides (and their
 * words where they are not the key number's meaning), and its tax calendar block. One per setting in
 * src/plan/blocks/taxSettings.ts; a new country is one more.
 */
export interface TaxSetting {
  system: TaxSystem;
  mode: string;
  inputs: readonly InputSpec[];
  figures: Record<TaxFigure, (read: Reader, sheet: PlanSheet) => string>;
  details: Partial<Record<TaxFigure, (read: Reader, sheet: PlanSheet) => string>>;
  calendar: MainBlock;
}

/** What every block is given. */
export interface PlanSheet {
  plan: Plan;
  answers: Answers;
  builtOn: string;
  carried: Record<string, CarriedItem>;
  formats: PlanFormats;
  linked?: LinkedHistory;
  tax: TaxSetting;
  /** Months of pasted or linked figures, when there are any. */
  figuresLength?: number;
  /** Months the simulations replay: the figures, else five steps from the low to the good month. */
  historyLength: number;
  extras: PlanExtras;
}

/** A block beside the main flow, at a fixed place. */
export type PlanBlock = (g: Grid, sheet: PlanSheet) => void;
/** A block of the main flow (columns A:E): given the first free row, it returns the next. */
export type MainBlock = (g: Grid, sheet: PlanSheet, row: number) => number;

// Columns of the main flow and of the buffer schedule beside it.
export const LABEL = 1;
export const VALUE = 2;
export const DETAIL = 3;
/** The one wide column of the main flow: the checklist's notes, and the what-if's third case. */
export const NOTES = 4;
/** Hidden: the checklist's item ids and the tax calendar's period ends, which Jumpwise reads and the person need not. */
export const ITEM_ID = 5;
export const LAST_MAIN = ITEM_ID;
export const SCHEDULE = 7;
export const SCHEDULE_TARGET = SCHEDULE + 3;
/** The earnings history (pasted figures, or five steps from the low to the good month), then the what-if histories. */
export const FIGURES = 12;
export const WHAT_IF_HISTORY = FIGURES + 1;
/** The first row of the histories, under their headings. */
export const HISTORY_ROW = 5;
/** The buffer chart, and beside the runway fan's data its chart. */
export const CHARTS = 17;
/** The fan's month labels (text, so a chart takes them as its axis), then RUNWAY_BANDS' spill. */
export const FAN_LABEL = CHARTS;
export const FAN = CHARTS + 1;
export const FAN_ROW = 25;
/** The months the risk figures look ahead from the leave date. */
export const RISK_MONTHS = 12;
/** The rows a buffer schedule can need: header + month 0 + BUFFER_SCHEDULE's longest schedule. */
export const SCHEDULE_ROWS = 2 + SCHEDULE_MONTHS_MAX;
/** The row of the Inputs heading: the main flow starts here. */
export const INPUTS_ROW = 5;

/** Ids of cells that are no named range, read by other blocks. */
export const HISTORY = 'history';
export const FIRST_YEAR_INCOME = 'firstYearIncome';

/** The names of the inputs every plan has, as `read.cell` takes them. */
export const EXPENSES = 'JW_MONTHLY_EXPENSES';
export const SAVINGS = 'JW_SAVINGS';
export const SALARY = 'JW_ANNUAL_SALARY';
export const LOW = 'JW_PROJECTED_LOW';
export const HIGH = 'JW_PROJECTED_HIGH';
export const HEALTH = 'JW_HEALTH_MONTHLY';
export const MONTHLY_SAVINGS = 'JW_MONTHLY_SAVINGS';
export const START = 'JW_START_DATE';
export const RAMP = 'JW_RAMP_MONTHS';
export const MAX_RISK = 'JW_MAX_RISK';
export const WAGES = 'JW_LEAVE_YEAR_WAGES';
/** The household: the partner's take-home pay a month (it pays part of the costs) and wages a year (a joint return's). */
export const PARTNER_TAKE_HOME = 'JW_PARTNER_TAKE_HOME';
export const PARTNER_WAGES = 'JW_PARTNER_WAGES';

export const text = (t: string): Content => ({ text: t });

/** The filing status's words on a joint return, as TAX_RATE_US reads them (it takes "mfj" and the key too). */
const JOINT_WORDS = [FILING_STATUSES.married_joint.toLowerCase(), 'married_joint', 'mfj'];
/** Whether a filing status (a cell, or quoted words) is a joint return, as a condition. */
export const jointReturn = (status: string): string => {
  const words = `LOWER(TRIM(${status}))`;
  return `OR(${JOINT_WORDS.map((w) => `${words}=${quoted(w)}`).join(',')})`;
};

/**
 * The household's costs the person's savings and earnings must meet each month: living expenses plus health cover,
 * less the partner's take-home pay, never below 0 (answers.ts householdCosts). The buffer, the runway and the
 * simulations (QUIT_DATE's and RUNWAY_RISK's monthly costs) use it.
 */
export const costs = (read: Reader): string =>
  `MAX(0,${read.cell(EXPENSES)}+${read.cell(HEALTH)}-${read.cell(PARTNER_TAKE_HOME)})`;
/** The earnings history the simulations replay. */
export const history = (read: Reader): string => read.column(HISTORY, 'month');

/** A figure as a sentence shows it, in the cells' own formats. */
export function shownAs(formats: PlanFormats, ref: string, as: Exclude<FormatName, 'axisMoney'>): string {
  switch (as) {
    case 'months':
      // BUFFER_RUNWAY's text ("∞") reads "indefinitely"; an error stays an error (ISNUMBER would make it "indefinitely").
      return `IF(ISTEXT(${ref}),"indefinitely",TEXT(${ref},${quoted(formats.months)})&" months")`;
    case 'count':
      // TEXT has no automatic format: a whole number without decimals, else with the ones it has (up to 2), each in
      // the spreadsheet locale's separators. Fixed patterns only, whose meaning no engine reads differently.
      return `IF(ROUND(${ref},0)=${ref},TEXT(${ref},"0"),IF(ROUND(${ref},1)=${ref},TEXT(${ref},"0.0"),TEXT(${ref},"0.00")))`;
    default:
      return `TEXT(${ref},${quoted(formats[as])})`;
  }
}

/**
 * A month's worth of earnings over the first `months` months on your own, as the runway's simulations count them
 * (src/finance/runwayRisk.ts): during the ramp, month t earns t/(ramp+1) of a full month, then full months. A
 * closed sum, so the tax calendar's periods charge what the runway expects without a cell per month.
 */
export const rampedMonths = (read: Reader, months: string): string => {
  const [m, ramp] = [`(${months})`, read.cell(RAMP)];
  const ramping = `MIN(MAX(0,${m}),${ramp})`;
  return `(${ramping}*(${ramping}+1)/(2*(${ramp}+1))+MAX(0,${m})-${ramping})`;
};

type PaymentFigure = 'JW_FIRST_TAX_PAYMENT' | 'JW_FIRST_TAX_DATE' | 'JW_LARGEST_TAX_PAYMENT' | 'JW_LARGEST_TAX_DATE';
/** What a tax calendar says when nothing in it is over 0 (a year without profit). */
export const NO_TAX_DUE = 'No payment due';
/**
 * The first payment with something to pay and the largest (the earliest of equals), read off a tax calendar table's
 * "amount" and "due" columns, rows in date order. The columns are read with their header above: a range that is
 * exactly a spill (the US due dates, NEXT_TAX_DUE's), read while the spill is an error, makes HyperFormula (the
 * emulator) throw instead of giving the error. Until a spill's first cell is a date (it shows "Loading..." on Sheets,
 * or an error), the dates show what it shows rather than an empty cell the spill has not reached yet.
 */
export function paymentFigures(table: string): Record<PaymentFigure, (read: Reader) => string> {
  const columns = (read: Reader) => ({
    amounts: read.column(table, 'amount', -1),
    dues: read.column(table, 'due', -1),
    firstDue: read.cellOf(table, 'due', 0),
  });
  const whenDated = (firstDue: string, date: string) => `IF(ISNUMBER(${firstDue}),${date},${firstDue})`;
  return {
    JW_FIRST_TAX_DATE: (read) => {
      const { amounts, dues, firstDue } = columns(read);
      return `=IF(COUNTIF(${amounts},">0")=0,${quoted(NO_TAX_DUE)},${whenDated(firstDue, `MINIFS(${dues},${amounts},">0")`)})`;
    },
    JW_FIRST_TAX_PAYMENT: (read) => {
      const [amounts, dues, date] = [
        read.column(table, 'amount', -1),
        read.column(table, 'due', -1),
        read.cell('JW_FIRST_TAX_DATE'),
      ];
      // No date: nothing to pay (0), or what the date shows while the calendar is still loading or failed.
      return `=IF(ISNUMBER(${date}),INDEX(${amounts},MATCH(${date},${dues},0)),IF(${date}=${quoted(NO_TAX_DUE)},0,${date}))`;
    },
    JW_LARGEST_TAX_PAYMENT: (read) => `=MAX(0,${read.column(table, 'amount', -1)})`,
    JW_LARGEST_TAX_DATE: (read) => {
      const { amounts, dues, firstDue } = columns(read);
      return `=IF(COUNTIF(${amounts},">0")=0,${quoted(NO_TAX_DUE)},${whenDated(firstDue, `INDEX(${dues},MATCH(MAX(${amounts}),${amounts},0))`)})`;
    },
  };
}

/** A year clamped to the years a country's tables cover: a leave year outside them is estimated with the nearest. */
export const clampTo = (years: readonly number[], year: string): string =>
  `MAX(${years[0]},MIN(${years[years.length - 1]},${year}))`;
