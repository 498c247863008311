/**
 * What the sidebar and the server say to each other through google.script.run: every server function's name,
 * arguments and result. The server's entry points are checked against `ServerFunctions`, and the sidebar's
 * callServer takes its argument and result types from it, so the two sides cannot drift apart.
 * Everything crosses as plain JSON: dates as ISO strings ("YYYY-MM-DD"), rates as fractions (0.3 for 30%).
 */
import type {
  ColumnMapping,
  ImportPageStart,
  ImportRequest,
  ImportResult,
  UndoImportRequest,
  UndoImportResult,
} from './books/types';
import type { KeyNumberName } from './plan/layout';

/** Answers as gathered so far: any subset of the wizard's fields (src/plan/answers.ts FIELDS), not yet validated. */
export type AnswersPayload = Record<string, unknown>;

export interface Draft {
  /** The answers as saved, only the wizard's own field names kept, or null when there is no draft. */
  answers: AnswersPayload | null;
  /** When the draft was saved (ISO timestamp), or null. */
  savedAt: string | null;
  /**
   * Where the spreadsheet's locale says the person likely pays tax (a TAX_COUNTRIES key of src/plan/answers.ts:
   * en_GB -> uk_england, en_CA and fr_CA -> canada, en_US -> us, others -> elsewhere): the wizard's answer until
   * the person gives one.
   */
  taxCountry: string;
  /** How the document shows money, so the review's amounts look like the plan's: null where Jumpwise does not know the locale. */
  money: DocumentMoney | null;
  /** How the document writes numbers, so the wizard reads amounts as the document's cells read them. */
  numbers: { group: string; decimal: string };
  /** The document's date pattern (src/plan/currency.ts dateFormat), so the review writes dates as the plan shows them. */
  datePattern: string;
}

/** The spreadsheet's locale and its currency symbol, as the plan's money cells show them. */
export interface DocumentMoney {
  /** BCP 47 form of the spreadsheet locale ("en-GB"), for the separators. */
  locale: string;
  symbol: string;
  placement: 'before' | 'after';
  spaced: boolean;
}

export interface SavedDraft {
  savedAt: string;
  /** UTF-8 size of the stored draft; Apps Script allows 9 KB per document property. */
  bytes: number;
}

export interface ClearedDraft {
  cleared: true;
}

/** One key number as the plan sheet shows it. */
export interface KeyNumberView {
  /** The named range (JW_TAX_RATE, ...). */
  name: KeyNumberName;
  /** The label the plan sheet gives it. */
  label: string;
  /** The cell's text exactly as Sheets displays it under its number format: "$1,787", "35.7%", "Mar 1, 2028", "∞". */
  display: string;
  /**
   * True when the cell still showed "Loading..." after the wait: Sheets runs each custom function as its own
   * execution after the write, so the figure is not known yet and `display` is no figure.
   */
  calculating: boolean;
}

export interface BuildResult {
  sheetName: string;
  /** In sheet order, read back from the built sheet (one read per contiguous block of cells). */
  keyNumbers: KeyNumberView[];
}

export interface ActivatedPlan {
  sheetName: string;
}

/** The answers the plan sheet's input cells hold now (the user may have edited them since the build). */
export interface PlanAnswers {
  sheetName: string;
  /**
   * Only the fields the sheet holds, in the answers' terms (amounts as numbers, rates as fractions, the start
   * date as ISO). A projection the sheet takes from the pasted monthly figures comes back as "" (left empty),
   * with the figures as `monthlyFigures`. Text answers that are not inputs on the sheet are absent.
   */
  answers: AnswersPayload;
}

/** The monthly check-in: the plan's and the Books' figures as the sheets display them. */
export interface CheckInView {
  /** What is missing, in words ("No plan yet: …", "No Books yet: …"); empty when both exist. */
  missing: string[];
  plan: {
    sheetName: string;
    /** True while the plan's earnings history is the Books' months with ledger rows. */
    onBooks: boolean;
    /** The plan's own live label of its history: "Runs on 5 months with ledger rows in Books". */
    historyLabel: string;
    low: string;
    expected: string;
  } | null;
  books: {
    year: number;
    /** The Books year as people name it: "2026", or the UK tax year "2026/27". */
    yearLabel: string;
    /** Last month's figures, or null when last month is outside the Books year (`lastMonthNote` says so). */
    lastMonth: {
      name: string;
      /** 1-12, of the Books year: the month its uncategorised count covers. */
      month: number;
      moneyIn: string;
      /** Money in against the plan's low and expected month, in words; "" without a plan. */
      againstPlan: string;
      profit: string;
      setAside: string;
      uncategorised: number;
    } | null;
    lastMonthNote: string;
    yearToDate: {
      profit: string;
      setAside: string;
      /** The estimated tax for the whole year on the profit so far annualised, and how it was estimated. */
      estimatedTax: string;
      estimateBasis: string;
      taxPaid: string;
      /** What the Books call the year's tax payments: estimated tax, Self Assessment, instalments. */
      taxPaidLabel: string;
      uncategorised: number;
    };
  } | null;
  /** Money owed to you, from the Invoices sheet. */
  owed: OwedView;
}

/** One overdue invoice, each part as the Invoices sheet displays it. */
export interface OverdueInvoice {
  invoice: string;
  client: string;
  amount: string;
  /** The row's Status: "Overdue 12 days". */
  status: string;
}

/** The Invoices sheet's totals and its overdue invoices, as the sheet displays them. */
export interface OwedView {
  /** The Invoices sheet's name, or null when the spreadsheet has none (`note` says how to make one). */
  sheetName: string | null;
  /** The Owed to you and Overdue totals ("" without the sheet). */
  owedToYou: string;
  overdue: string;
  /** The most overdue first, at most ten. */
  overdueInvoices: OverdueInvoice[];
  /** Overdue invoices beyond those listed. */
  more: number;
  /** "No invoices yet: …" without the sheet, "Nothing overdue" when no invoice is, else "". */
  note: string;
}

export interface InvoicesShown {
  sheetName: string;
}

/** A Ledger deposit that could have paid an open invoice, as the Ledger displays it. */
export interface DepositSuggestion {
  ledgerRow: number;
  /** The import key the match records (sent back to confirm it). */
  key: string;
  date: string;
  description: string;
  amount: string;
  /** The description names the client. */
  byName: boolean;
}

/** An invoice not yet matched, with the deposits that could have paid it, best first. */
export interface OpenInvoiceView {
  row: number;
  invoice: string;
  client: string;
  amount: string;
  /** The paid date the person typed, as shown; "" when none. */
  paidOn: string;
  suggestions: DepositSuggestion[];
}

/** The check-in's deposits-to-invoices section: open invoices with suggestions, and the matches made. */
export interface InvoiceMatchView {
  /** null without an Invoices sheet. */
  sheetName: string | null;
  open: OpenInvoiceView[];
  matched: { row: number; invoice: string; client: string; amount: string; paidOn: string; deposit: string }[];
  /** Why nothing is offered, or "". */
  note: string;
}

export interface CheckInSnapshot {
  sheetName: string;
  /** The 1-based row the snapshot went to. */
  row: number;
  /** The row as the Check-ins sheet displays it, header -> text. */
  shown: Record<string, string>;
}

export interface UncategorisedShown {
  sheetName: string;
  /** Ledger rows the filter shows. */
  rows: number;
}

/** One group of similar Ledger rows the check-in offers to categorise together (src/books/similarRows.ts). */
export interface SimilarRowsGroup {
  /** What the descriptions have in common, folded ("lowes"). */
  key: string;
  /** One of the descriptions, as the Ledger holds it. */
  example: string;
  rows: number;
  /** The rows' amounts added up, as the document writes money with cents ("-$182.40"). */
  total: string;
  uncategorised: number;
  /** Rows of the group the person categorised and no rule covers. */
  categorisedByHand: number;
  /** The category most of those rows were given; '' when none was. */
  category: string;
  /** The rule word offered, which the person may change. */
  suggestedWord: string;
}

export interface SimilarRowsView {
  ledgerName: string;
  categoriesName: string;
  /** The categories a rule can give, in the Categories sheet's order (not "Uncategorized"). */
  categories: string[];
  /** Most uncategorised rows first; at most a page's worth. */
  groups: SimilarRowsGroup[];
  /** Groups left off the list. */
  more: number;
}

/** A rule word and the category it gives: what "Make a rule" and "Apply to similar rows" send. */
export interface RuleRequest {
  word: string;
  category: string;
}

export interface RuleResult {
  /** Ledger rows given the category: only rows that were uncategorised. */
  changed: number;
  /** Rows the word matches that already had another category, left as they were. */
  kept: number;
  /** Whether the word was added to the Categories sheet (false when it was already a rule of the category). */
  ruleAdded: boolean;
  /** What was done, in words. */
  message: string;
  /** The groups as they are after the change. */
  view: SimilarRowsView;
}

/**
 * The google.script.run targets. Failures arrive as an Error whose message is written for the user:
 *   leapSaveDraft: "Your answers are too long to save as a draft (… KB of 9.0 KB) …" (the previous draft is kept);
 *   leapBuildPlan: "Some answers need fixing: <label>: <message>; …" (nothing written),
 *                  "A build is already running in this spreadsheet …" (another build holds the document lock);
 *   leapActivatePlan: "No plan yet: build one from the wizard first."
 *   leapImportStatement: "… cannot be imported: row 3 (line 5 of the file): …" (nothing written).
 */
export interface ServerFunctions {
  /** The draft saved for this spreadsheet, or nulls. */
  leapGetDraft(): Draft;
  /** Saves the answers so far (not validated, so a half-filled step can be saved). */
  leapSaveDraft(answers: AnswersPayload): SavedDraft;
  /** Forgets the draft ("Start over"). */
  leapClearDraft(): ClearedDraft;
  /** Validates the answers again and builds the Transition Plan sheet; the draft is kept. */
  leapBuildPlan(answers: AnswersPayload): BuildResult;
  /** Shows the plan sheet. */
  leapActivatePlan(): ActivatedPlan;
  /** The plan's input cells as answers, or null when the spreadsheet has no plan. */
  leapGetPlanAnswers(): PlanAnswers | null;
  /**
   * The import page: adds the statement rows the Ledger does not hold yet, categorised by the Categories rules,
   * all or nothing under the document lock (at most 20,000 rows); makes the Books sheets when missing.
   */
  leapImportStatement(request: ImportRequest): ImportResult;
  /** The column mapping remembered for a file layout, or null. */
  leapGetStatementMapping(layoutKey: string): ColumnMapping | null;
  /** The import page's first call: the document's date and number style, and the last import (or null). */
  leapGetImportPage(): ImportPageStart;
  /**
   * Removes the rows the last import wrote, all or nothing; asks first (status "edited", nothing removed) when some
   * were changed since, unless removeEdited. Refused when another import was made since the page showed importId.
   */
  leapUndoLastImport(request: UndoImportRequest): UndoImportResult;
  /** The check-in page: last month and the year so far. */
  leapGetCheckIn(): CheckInView;
  /**
   * "books": the plan's earnings history becomes the Books' months with ledger rows, by formula; "plan": back to
   * the pasted figures or the low and good month. Builds the plan again from its inputs; refuses fewer than 2 months.
   */
  leapSetPlanHistory(source: 'books' | 'plan'): CheckInView;
  /** Appends today's row of the plan's key numbers to the Check-ins sheet (made when missing). */
  leapSaveCheckIn(): CheckInSnapshot;
  /**
   * Shows the Ledger filtered to the rows of a month (or a whole year) whose Category is Uncategorized or blank: the
   * rows the check-in's count of that period covers, and says how many.
   */
  leapShowUncategorised(scope: { year: number; month?: number }): UncategorisedShown;
  /** Shows the Invoices sheet; refused, in words, when the spreadsheet has none. */
  leapShowInvoices(): InvoicesShown;
  /** Open invoices with the Ledger deposits that could have paid them, and the matches made. */
  leapGetInvoiceMatches(): InvoiceMatchView;
  /**
   * Links an invoice to the deposit the person confirmed: Paid by holds its import key, Paid on looks up its date,
   * the Ledger row's Notes name the invoice. Refused in words, writing nothing, when the sheets no longer hold what
   * was suggested, the invoice or the deposit is already matched, or the amounts differ.
   */
  leapMatchInvoice(request: { invoiceRow: number; invoice: string; ledgerRow: number; key: string }): InvoiceMatchView;
  /** Undoes a match: the invoice is open again and the deposit's note goes. */
  leapUnmatchInvoice(request: { invoiceRow: number; invoice: string }): InvoiceMatchView;
  /** The groups of uncategorised rows and of rows categorised by hand that no rule covers; refused without Books. */
  leapGetSimilarRows(): SimilarRowsView;
  /** Adds the word to the category's rules and gives the category to the uncategorised rows it matches. */
  leapMakeRule(request: RuleRequest): RuleResult;
  /** Gives the category to the uncategorised rows the word matches, without adding a rule. */
  leapApplyToSimilar(request: RuleRequest): RuleResult;
}

export type ServerFunctionName = keyof ServerFunctions;
export type ServerArgs<K extends ServerFunctionName> = Parameters<ServerFunctions[K]>;
export type ServerResult<K extends ServerFunctionName> = ReturnType<ServerFunctions[K]>;

/** Every target, for the fake servers of the tests and the check that the bundle defines each one. */
export const SERVER_FUNCTION_NAMES: readonly ServerFunctionName[] = [
  'leapGetDraft',
  'leapSaveDraft',
  'leapClearDraft',
  'leapBuildPlan',
  'leapActivatePlan',
  'leapGetPlanAnswers',
  'leapImportStatement',
  'leapGetStatementMapping',
  'leapGetCheckIn',
  'leapSetPlanHistory',
  'leapSaveCheckIn',
  'leapShowUncategorised',
  'leapShowInvoices',
  'leapGetInvoiceMatches',
  'leapMatchInvoice',
  'leapUnmatchInvoice',
  'leapGetSimilarRows',
  'leapMakeRule',
  'leapApplyToSimilar',
  'leapGetImportPage',
  'leapUndoLastImport',
];
