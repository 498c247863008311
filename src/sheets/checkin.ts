/**
 * The monthly check-in on the Apps Script side: reads the plan and the Books as they are displayed (one data-range
 * read of the plan, one block read of Books), switches the plan's earnings history by building the plan again with
 * the choice stored in a document property, appends Check-ins rows and filters the Ledger to uncategorised rows.
 */

import {
  ACTUAL_MONTHS_HEADING,
  annualised,
  BOOKS_READ,
  CHECKIN_COLUMNS,
  CHECKINS_SHEET,
  checkinFormats,
  checkinRow,
  countryOfTaxPaidHeading,
  countUncategorised,
  invoicesReadA1,
  lastBooksMonth,
  MIN_ACTUAL_MONTHS,
  monthsOver,
  monthsWithRows,
  NO_INVOICES,
  noInvoices,
  owedFromShown,
  PLAN_HISTORY_BOOKS,
  PLAN_HISTORY_PROPERTY,
  readBooksBlock,
  tooFewMonthsMessage,
  uncategorisedFilterFormula,
  uncategorisedScope,
} from '../books/checkin';
import type { BooksCountry } from '../books/country';
import { BOOKS, BOOKS_SHEET, LEDGER_COLUMN, LEDGER_SHEET } from '../books/layout';
import { PRODUCT_NAME, pageTitle } from '../brand';
import { ukYearLabel } from '../finance/ukTax/tables';
import { taxEstimate } from '../finance/usTax/estimate';
import { FILING_STATUSES, TAX_MODES } from '../plan/answers';
import { asText } from '../plan/cellValue';
import { dateFormat, moneyAsShown } from '../plan/currency';
import { KEY_NUMBERS } from '../plan/layout';
import { TAX_FIGURES_YEARS } from '../plan/model';
import type { CheckInSnapshot, CheckInView, InvoicesShown, OwedView, UncategorisedShown } from '../protocol';
import { getDraft } from './drafts';
import { findInvoicesSheet } from './invoices';
import { underDocumentLock } from './lock';
import { buildPlanSheet, builtAnswers } from './plan';
import { answersFromGrid, isStillCalculating, PLAN_INPUT_LABELS, readWhenSettled, TAX_MODE_LABEL } from './planReader';
import { findPlanSheet } from './planWriter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Check-ins sheet's page, dist/CheckIn.html (built from sidebar/CheckIn.html). */
const CHECKIN_PAGE = 'CheckIn';
export const NO_PLAN = `No plan yet: build one from Extensions > ${PRODUCT_NAME} > Plan my transition… to compare with it.`;
/** Said when figures the check-in shows were still "Loading..." on the sheet (custom functions still running). */
export const STILL_CALCULATING =
  'Some figures are still calculating on the sheet: open the check-in again in a moment to see them.';
export const NO_BOOKS = `No Books yet: import a bank statement first (Extensions > ${PRODUCT_NAME} > Import bank statement…).`;

export function showCheckIn(): void {
  const page = HtmlService.createHtmlOutputFromFile(CHECKIN_PAGE).setTitle(pageTitle('monthly check-in'));
  SpreadsheetApp.getUi().showSidebar(page);
}

function today(spreadsheet: Spreadsheet): string {
  return Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

const LOW_LABEL = PLAN_INPUT_LABELS.projectedMonthlyLow;
const label = (name: string): string => KEY_NUMBERS.find((k) => k.name === name)?.label ?? name;

interface PlanRead {
  sheetName: string;
  values: unknown[][];
  shown: string[][];
  formulas: string[][];
  /** Row of a label in column A, or -1. */
  row: (label: string) => number;
  /** The value / display beside a label. */
  value: (label: string) => unknown;
  display: (label: string) => string;
  onBooks: boolean;
  historyLabel: string;
}

/**
 * The plan's data range in three reads of one range: values, display values and formulas. Right after an edit or a
 * build Sheets may still be running its custom functions (each cell "Loading..." until its execution returns), so
 * the display is read again for a while until nothing in it is loading; what still is then is never a figure.
 */
function readPlan(spreadsheet: Spreadsheet): PlanRead | null {
  const sheet = findPlanSheet(spreadsheet);
  if (!sheet) return null;
  const range = sheet.getDataRange();
  const shown = readWhenSettled(
    () => range.getDisplayValues(),
    (rows) => rows.flat(),
  );
  const values = range.getValues();
  const formulas = range.getFormulas();
  const row = (l: string) => values.findIndex((r) => r[0] === l);
  // The label and the heading sit in the history's column; found by their words, so moved columns do not matter.
  const labelCell = shown.flatMap((r) => r.filter((c) => /^Runs on \d+ /.test(c)))[0] ?? '';
  return {
    sheetName: sheet.getName(),
    values,
    shown,
    formulas,
    row,
    value: (l) => (row(l) < 0 ? undefined : values[row(l)][1]),
    display: (l) => (row(l) < 0 ? '' : shown[row(l)][1]),
    onBooks: values.some((r) => r.includes(ACTUAL_MONTHS_HEADING)),
    historyLabel: labelCell,
  };
}

/** A month's profit against the plan's low and expected month (both profit: money in less business costs), in words. */
function againstPlan(profit: number, low: unknown, expected: unknown, lowShown: string, expectedShown: string): string {
  if (typeof low !== 'number' || typeof expected !== 'number' || !Number.isFinite(profit)) return '';
  if (profit < low) return `Profit below your low month (${lowShown}): check the runway before spending.`;
  if (profit < expected) return `Profit between your low month (${lowShown}) and your expected month (${expectedShown}).`;
  return `Profit at or above your expected month (${expectedShown}).`;
}

/**
 * The Invoices sheet's totals and overdue rows in one read of its display values (the table A:H with the panel's
 * totals beside it, down to the last used row); without the sheet, a line that says how to make one.
 */
function readOwed(spreadsheet: Spreadsheet): OwedView {
  const sheet = findInvoicesSheet(spreadsheet);
  if (!sheet) return noInvoices();
  return owedFromShown(sheet.getName(), sheet.getRange(invoicesReadA1(sheet.getLastRow())).getDisplayValues());
}

export function getCheckIn(): CheckInView {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return checkInOf(spreadsheet, readPlan(spreadsheet));
}

function checkInOf(spreadsheet: Spreadsheet, plan: PlanRead | null): CheckInView {
  const missing: string[] = [];
  if (!plan) missing.push(NO_PLAN);
  const booksSheet = spreadsheet.getSheetByName(BOOKS_SHEET);
  if (!booksSheet) missing.push(NO_BOOKS);
  // A cell still "Loading..." after the wait is no figure: shown blank, and the check-in says why.
  let calculating = false;
  const figure = (shown: string): string => {
    if (!isStillCalculating(shown)) return shown;
    calculating = true;
    return '';
  };
  const saying = (): string[] => (calculating ? [...missing, STILL_CALCULATING] : missing);
  const planView = plan
    ? {
        sheetName: plan.sheetName,
        onBooks: plan.onBooks,
        historyLabel: plan.historyLabel,
        low: figure(plan.display(LOW_LABEL)),
        expected: figure(plan.display(label('JW_EXPECTED_MONTHLY'))),
      }
    : null;
  const owed = readOwed(spreadsheet);
  if (!booksSheet) return { missing: saying(), plan: planView, books: null, owed };

  const block = booksSheet.getRange(BOOKS_READ.a1);
  // The Books' set-aside reads the plan's tax rate, a custom function's cell: it may still be loading too.
  const [booksValues, booksShown] = readWhenSettled(
    () => [block.getValues(), block.getDisplayValues()] as const,
    ([, shown]) => shown.flat(),
  );
  const books = readBooksBlock(
    booksValues,
    booksShown.map((row) => row.map(figure)),
  );
  const day = today(spreadsheet);
  // The Books' own months: calendar months, or the UK's tax months from the 6th.
  const { country } = books;
  const last = lastBooksMonth(day, country);
  let lastMonth: NonNullable<CheckInView['books']>['lastMonth'] = null;
  let lastMonthNote = '';
  const ledger = spreadsheet.getSheetByName(LEDGER_SHEET);
  const lastMonthName = last.name;
  const yearName = country.key === 'uk' ? ukYearLabel(books.year) : String(books.year);
  if (last.year !== books.year) {
    lastMonthNote = `Last month (${lastMonthName}) is outside the Books' tax year ${yearName}: change the tax year on the Books sheet to see it.`;
  } else if (!ledger || !ledgerMonths(spreadsheet, ledger, last.year, country).includes(last.month)) {
    // Zeros would read as a month that brought nothing: say the statement is missing instead.
    lastMonthNote = `The Ledger has no rows dated in ${lastMonthName} yet: import last month's statement to see how it went.`;
  } else {
    const shown = books.month(last.month);
    const values = books.monthValues(last.month);
    lastMonth = {
      name: lastMonthName,
      month: last.month,
      moneyIn: shown.moneyIn,
      againstPlan: plan
        ? againstPlan(
            values.profit,
            plan.value(LOW_LABEL),
            plan.value(label('JW_EXPECTED_MONTHLY')),
            plan.display(LOW_LABEL),
            plan.display(label('JW_EXPECTED_MONTHLY')),
          )
        : '',
      profit: shown.profit,
      setAside: shown.setAside,
      uncategorised: Number.isFinite(values.uncategorised) ? values.uncategorised : 0,
    };
  }

  // No cell holds the year's estimate: it is shown in the document's money format, as the plan shows money.
  const locale = spreadsheet.getSpreadsheetLocale();
  const money = (x: number): string => moneyAsShown(x, locale);
  const over = monthsOver(books.year, day, country);
  const yearProfit = annualised(books.profitYtd, over);
  // The US estimate is computed here; every other country's is the Books' own rate, which is already the tax of
  // that country's tables on the projected profit on top of the year's wages (TAX_RATE_UK, TAX_RATE_CA) or the
  // plan's flat rate.
  const us = plan && country.key === 'us' ? plan.value(TAX_MODE_LABEL) === TAX_MODES.us_estimate : false;
  let estimatedTax: string;
  let estimateBasis: string;
  if (over === 0) {
    estimatedTax = '';
    estimateBasis = `No month of ${yearName} is over yet.`;
  } else if (!Number.isFinite(yearProfit) || (!us && !Number.isFinite(books.rate))) {
    // The profit or the rate is not a number yet (still loading): no estimate rather than "$NaN".
    calculating = true;
    estimatedTax = '';
    estimateBasis = 'The Books figures are still calculating on the sheet.';
  } else if (us && plan) {
    const status = (Object.keys(FILING_STATUSES) as (keyof typeof FILING_STATUSES)[]).find(
      (k) => FILING_STATUSES[k] === plan.value(PLAN_INPUT_LABELS.filingStatus),
    );
    const stateRate = plan.value(PLAN_INPUT_LABELS.stateTaxRate);
    // The year's wages from Books: the tax of the year is what the profit adds on top of them, as the Books rate is.
    const wages = Number.isFinite(books.wages) ? Math.max(0, books.wages) : 0;
    const input = {
      status: status ?? 'single',
      // Jumpwise's tables cover a few years; another year is estimated with the nearest, as the plan does.
      year: Math.max(TAX_FIGURES_YEARS.first, Math.min(TAX_FIGURES_YEARS.last, books.year)),
      stateRate: typeof stateRate === 'number' ? stateRate : 0,
      w2Wages: wages,
    };
    const estimate =
      taxEstimate({ ...input, netProfit: Math.max(0, yearProfit) }).total - taxEstimate({ ...input, netProfit: 0 }).total;
    estimatedTax = money(estimate);
    const scaled = `the profit of ${over} month${over === 1 ? '' : 's'} scaled to 12`;
    estimateBasis =
      wages > 0
        ? `TAX_ESTIMATE_US on ${money(yearProfit)}: ${scaled}, on top of ${money(wages)} of wages (Books), less the tax on the wages alone.`
        : `TAX_ESTIMATE_US on ${money(yearProfit)}: ${scaled}, no wages.`;
  } else {
    estimatedTax = money(Math.max(0, yearProfit) * books.rate);
    const rate = books.rateShown || `${(books.rate * 100).toFixed(1)}%`;
    const tables = { uk: 'TAX_RATE_UK', canada: 'TAX_RATE_CA' }[country.key as 'uk' | 'canada'];
    const wages = Number.isFinite(books.wages) ? Math.max(0, books.wages) : 0;
    estimateBasis =
      `${rate} of ${money(yearProfit)}: the profit of ${over} month${over === 1 ? '' : 's'} scaled to 12` +
      (tables ? `; the Books' rate, ${tables} on that profit on top of ${money(wages)} of wages.` : '.');
  }
  return {
    missing: saying(),
    plan: planView,
    books: {
      year: books.year,
      yearLabel: yearName,
      lastMonth,
      lastMonthNote,
      yearToDate: {
        profit: books.yearToDate.profit,
        setAside: books.yearToDate.setAside,
        estimatedTax,
        estimateBasis,
        taxPaid: books.yearToDate.taxPaid,
        taxPaidLabel: books.taxPaidLabel,
        uncategorised: Number.isFinite(books.uncategorisedYtd) ? books.uncategorisedYtd : 0,
      },
    },
    owed,
  };
}

/** The months (1-12) of `year` with any Ledger row: one read of the Ledger's date column. */
function ledgerMonths(
  spreadsheet: Spreadsheet,
  ledger: GoogleAppsScript.Spreadsheet.Sheet,
  year: number,
  country: BooksCountry,
): number[] {
  const lastRow = ledger.getLastRow();
  if (lastRow < 2) return [];
  const dates = ledger
    .getRange(2, LEDGER_COLUMN.date, lastRow - 1, 1)
    .getValues()
    .map((r) => r[0]);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  return monthsWithRows(dates, year, (d) => Utilities.formatDate(d, timeZone, 'yyyy-MM-dd'), country);
}

// ---- The plan's history ----

/**
 * Builds the plan again from its inputs as the sheet holds them, over the answers it was last built with (the words
 * the sheet does not hold), over the wizard's draft (for a plan built before Jumpwise kept those). While the plan runs
 * on the Books, its low and good month are formulas on the Books, not the person's answers: answersFromGrid leaves
 * them out, so they come from the answers of the build.
 */
function rebuildPlan(spreadsheet: Spreadsheet, plan: PlanRead): void {
  const draft = { ...(getDraft().answers ?? {}), ...builtAnswers() };
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const onSheet = answersFromGrid(plan.values, plan.formulas, (v) =>
    Object.prototype.toString.call(v) === '[object Date]' ? Utilities.formatDate(v as Date, timeZone, 'yyyy-MM-dd') : v,
  );
  try {
    buildPlanSheet({ ...draft, ...onSheet });
  } catch (error) {
    throw new Error(`The plan could not be built again from its inputs: ${error instanceof Error ? error.message : error}`);
  }
}

export function setPlanHistory(source: unknown): CheckInView {
  if (source !== 'books' && source !== 'plan') {
    throw new Error('Choose "books" (your actual months) or "plan" (your own figures) for the plan\u2019s history.');
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const plan = readPlan(spreadsheet);
  if (!plan) throw new Error(NO_PLAN);
  if (source === 'books') {
    const ledger = spreadsheet.getSheetByName(LEDGER_SHEET);
    const books = spreadsheet.getSheetByName(BOOKS_SHEET);
    if (!ledger || !books) throw new Error(NO_BOOKS);
    const block = books.getRange(BOOKS_READ.a1);
    // The display values name the Books' country (its tax-paid heading): the UK counts tax months.
    const { year, country } = readBooksBlock(block.getValues(), block.getDisplayValues());
    const months = ledgerMonths(spreadsheet, ledger, year, country);
    if (months.length < MIN_ACTUAL_MONTHS) throw new Error(tooFewMonthsMessage(months.length, year));
  }
  const properties = PropertiesService.getDocumentProperties();
  const before = properties.getProperty(PLAN_HISTORY_PROPERTY);
  if (source === 'books') properties.setProperty(PLAN_HISTORY_PROPERTY, PLAN_HISTORY_BOOKS);
  else properties.deleteProperty(PLAN_HISTORY_PROPERTY);
  try {
    rebuildPlan(spreadsheet, plan);
  } catch (error) {
    // The plan stands as it was: so does the choice it was built with.
    if (before === null) properties.deleteProperty(PLAN_HISTORY_PROPERTY);
    else properties.setProperty(PLAN_HISTORY_PROPERTY, before);
    throw error;
  }
  return checkInOf(spreadsheet, readPlan(spreadsheet));
}

// ---- Snapshot ----

function ensureCheckinsSheet(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(CHECKINS_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(CHECKINS_SHEET);
  const header = sheet.getRange(1, 1, 1, CHECKIN_COLUMNS.length);
  header.setValues([CHECKIN_COLUMNS.map((c) => asText(c.header))]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  // The leave date over the check-ins; rows appended later extend the series, as the range runs far down.
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(sheet.getRange('A1:B500'))
    .setPosition(2, CHECKIN_COLUMNS.length + 2, 0, 0)
    .setOption('title', 'Leave date at each check-in')
    // An ICU date pattern (Google Charts), where "mm" would be minutes: the month is MMM.
    .setOption('vAxis.format', 'MMM yyyy')
    .build();
  sheet.insertChart(chart);
  return sheet;
}

export function saveCheckIn(): CheckInSnapshot {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const plan = readPlan(spreadsheet);
  if (!plan) throw new Error(`Nothing to save: ${NO_PLAN}`);
  const figures: Record<string, unknown> = {};
  const calculating: string[] = [];
  for (const c of CHECKIN_COLUMNS) {
    if (c.name === null || c.name === 'JW_BOOKS_PROFIT_YTD') continue;
    const at = c.name === 'JW_PROJECTED_LOW' ? LOW_LABEL : label(c.name);
    // A figure still loading would be saved as the text "Loading..." for good.
    if (isStillCalculating(plan.display(at)) || isStillCalculating(plan.value(at))) calculating.push(c.header);
    figures[c.name] = plan.value(at);
  }
  if (calculating.length > 0) {
    throw new Error(`Still calculating on the plan: ${calculating.join(', ')}. Save the snapshot again in a moment.`);
  }
  const books = spreadsheet.getSheetByName(BOOKS_SHEET);
  if (books) figures.JW_BOOKS_PROFIT_YTD = readBooksBlock(books.getRange(BOOKS_READ.a1).getValues(), []).profitYtd;
  return underDocumentLock(5000, `${PRODUCT_NAME} is writing to this spreadsheet; save the snapshot again in a moment.`, () => {
    const sheet = ensureCheckinsSheet(spreadsheet);
    const row = Math.max(sheet.getLastRow(), 1) + 1;
    const range = sheet.getRange(row, 1, 1, CHECKIN_COLUMNS.length);
    range.setValues([checkinRow(today(spreadsheet), figures)]);
    range.setNumberFormats([checkinFormats(dateFormat(spreadsheet.getSpreadsheetLocale()))]);
    const shown = range.getDisplayValues()[0];
    return {
      sheetName: sheet.getName(),
      row,
      shown: Object.fromEntries(CHECKIN_COLUMNS.map((c, i) => [c.header, shown[i]])),
    };
  });
}

// ---- Uncategorised rows ----

/**
 * Filters the Ledger to the uncategorised rows of a month or a year (the scope the check-in quotes a count for) and
 * says how many it shows: the same rows the count on Books covers, so "3 rows not yet categorised" opens 3 rows.
 */
export function showUncategorised(rawScope: unknown): UncategorisedShown {
  const scope = uncategorisedScope(rawScope);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ledger = spreadsheet.getSheetByName(LEDGER_SHEET);
  if (!ledger) throw new Error(NO_BOOKS);
  // The Books' months, as its counts cover them: the UK's from the 6th (its tax-paid heading names the country).
  const books = spreadsheet.getSheetByName(BOOKS_SHEET);
  const country = countryOfTaxPaidHeading(books ? books.getRange(BOOKS.monthHeaderRow, 6).getDisplayValue() : '');
  // A formula rather than a list of values: it also shows blank categories, and not the empty rows below the data.
  const criteria = SpreadsheetApp.newFilterCriteria().whenFormulaSatisfied(uncategorisedFilterFormula(scope, country)).build();
  const filter = ledger.getFilter() ?? ledger.getRange(1, 1, ledger.getMaxRows(), LEDGER_COLUMN.importKey).createFilter();
  filter.setColumnFilterCriteria(LEDGER_COLUMN.category, criteria);
  ledger.activate();
  const lastRow = ledger.getLastRow();
  const width = LEDGER_COLUMN.category - LEDGER_COLUMN.date + 1;
  const values = lastRow < 2 ? [] : ledger.getRange(2, LEDGER_COLUMN.date, lastRow - 1, width).getValues();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const isDate = (v: unknown) => v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
  const rows = values.map((r) => ({
    day: isDate(r[0]) ? Utilities.formatDate(r[0] as Date, timeZone, 'yyyy-MM-dd') : null,
    category: r[LEDGER_COLUMN.category - LEDGER_COLUMN.date],
  }));
  return { sheetName: ledger.getName(), rows: countUncategorised(rows, scope, country) };
}

// ---- Money owed to you

export function showInvoices(): InvoicesShown {
  const sheet = findInvoicesSheet(SpreadsheetApp.getActiveSpreadsheet());
  if (!sheet) throw new Error(NO_INVOICES);
  sheet.activate();
  return { sheetName: sheet.getName() };
}
