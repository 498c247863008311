/**
 * The answers contract between the wizard (sidebar/) and the server: one schema, validated on both sides.
 * Each field is declared once in FIELDS; its schema, default, `required`, hint and the sidebar's control all
 * come from that declaration. Field names are the `name` attributes of the sidebar's inputs and the keys of
 * the answers JSON.
 * Rates are fractions here (the form shows percentages: 30 in the form is 0.3 here); dates are ISO strings.
 */
import * as v from 'valibot';
import { monthsToGoal } from '../finance/buffer';
import { DUE_DATE_YEARS } from '../finance/usTax/dueDates';
import { FILING_STATUS_LABELS } from '../finance/usTax/tables';

/** The kinds of independence the wizard offers on its first step. */
export const PATH_KINDS = {
  remote_specialist: 'Remote specialist / digital nomad',
  creative_freelancer: 'Creative freelancer',
  specialized_consultant: 'Specialized consultant',
  skilled_trade: 'Skilled trade or service business',
  online_business: 'E-commerce or online business',
  commission_professional: 'Commission-based professional',
  high_autonomy_role: 'High-autonomy employee or contractor role',
} as const;

/** The filing statuses in words, from the US tax tables: the same words TAX_RATE_US accepts from a plan's cell. */
export const FILING_STATUSES = FILING_STATUS_LABELS;

/**
 * Where the person pays tax: it decides the set-aside rate's function and the tax calendar. UK and Canada always use
 * their own estimate (TAX_RATE_UK, TAX_RATE_CA); the US keeps its choice of a flat rate or the US estimate; elsewhere
 * Jumpwise has no tax tables, so a flat rate and no calendar.
 */
export const TAX_COUNTRIES = {
  us: 'United States',
  uk_england: 'United Kingdom (England, Wales, NI)',
  uk_scotland: 'United Kingdom (Scotland)',
  canada: 'Canada (with a provincial rate)',
  elsewhere: 'Elsewhere (flat rate)',
} as const;
export type TaxCountry = keyof typeof TAX_COUNTRIES;

/** The wizard's first guess from the spreadsheet's locale (File > Settings), before the person answers. */
export function taxCountryOfLocale(locale: string): TaxCountry {
  const l = locale.replace('-', '_').toLowerCase();
  if (l === 'en_gb') return 'uk_england';
  if (l === 'en_ca' || l === 'fr_ca') return 'canada';
  if (l === 'en_us' || l === 'en' || l === 'es_us') return 'us';
  return 'elsewhere';
}

export const TAX_MODES = {
  flat: 'A flat rate (the 25-30% rule)',
  us_estimate: 'Estimate for me (US federal + state rate)',
} as const;

/**
 * Words that fit every country the wizard serves (the values stay the same for every country, so a draft stays
 * valid): the plan's checklist then speaks of the country's own forms (sole trader, limited company, incorporation).
 */
export const ENTITIES = {
  sole_proprietorship: 'Sole proprietor / sole trader',
  llc: 'Company (LLC, limited company, corporation)',
  undecided: 'Not decided yet',
} as const;

/** The same entity answers in the words of the country the person pays tax in, as the wizard shows them. */
const UK_ENTITIES = { sole_proprietorship: 'Sole trader', llc: 'Limited company', undecided: ENTITIES.undecided };
export const ENTITIES_BY_COUNTRY: Readonly<Record<TaxCountry, Readonly<Record<keyof typeof ENTITIES, string>>>> = {
  us: { sole_proprietorship: 'Sole proprietorship', llc: 'LLC', undecided: ENTITIES.undecided },
  uk_england: UK_ENTITIES,
  uk_scotland: UK_ENTITIES,
  canada: { sole_proprietorship: 'Sole proprietorship', llc: 'Corporation', undecided: ENTITIES.undecided },
  elsewhere: ENTITIES,
};

/** Who pays the living costs: the person alone, or a household with a partner's pay. */
export const HOUSEHOLDS = {
  alone: 'I pay my living costs alone',
  partner: 'I share living costs with a partner',
} as const;

/**
 * What a month's earnings mean everywhere in Jumpwise: the tax functions take net profit (Schedule C line 31, the UK's
 * trading profit, Canada's net business income), so the wizard, the plan and the check-in speak of profit.
 */
export const EARNINGS_MEANING = 'Money in less business costs, before tax';

const BANK_ACCOUNT = {
  have: 'I already have a separate business account',
  will_open: 'I will open one',
} as const;

export const WORKSPACES = {
  dedicated_room: 'A dedicated room',
  desk_at_home: 'A desk at home',
  coworking_space: 'A co-working space',
  not_yet: 'Not sorted out yet',
} as const;

/** The market-demand self-assessment (step 2): each answered 1 (not at all) to 5 (very much). */
export const DEMAND_QUESTIONS = {
  demandAsked: 'People already ask me for this service',
  demandPaid: 'People pay for it today (others charge for it)',
  demandReach: 'I can name people or places that need it',
} as const;

/** 1-5 answers; the form shows them as a scale. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** The flat set-aside rate suggested by the 25-30% rule of thumb. */
const DEFAULT_TAX_RATE = 0.3;
const BUFFER_MONTHS_MIN = 3;
const BUFFER_MONTHS_MAX = 12;
/** The plan looks 12 months ahead of the leave date (RUNWAY_RISK takes a ramp of at most its months). */
const RAMP_MONTHS_MAX = 12;
/** Pasted monthly figures: at least two (volatility needs two), at most ten years. */
const MONTHLY_FIGURES_MIN = 2;
const MONTHLY_FIGURES_MAX = 120;
const SHORT_TEXT = 200;
const LONG_TEXT = 500;

type FieldKind = 'money' | 'percent' | 'count' | 'scale' | 'date' | 'text' | 'longtext' | 'choice' | 'boolean' | 'figures';

// ---- Value schemas. Each message says what to enter, in the form's terms (percentages, not fractions). ----

/** How a document writes numbers: the grouping and the decimal character (en_US "," and ".", de_DE "." and ","). */
export interface NumberStyle {
  group: string;
  decimal: string;
}
/** The style amounts sent as text to the server are read in: the form sends numbers, so text is a person's typing. */
export const PLAIN_NUMBERS: NumberStyle = { group: ',', decimal: '.' };
/** The two styles people write amounts in: one reading of "5.000,50" or "5,000.50" is the other's. */
const NUMBER_STYLES: readonly NumberStyle[] = [PLAIN_NUMBERS, { group: '.', decimal: ',' }];

const escaped = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An amount as written in `style`, or NaN: signs, currency symbols and spaces aside, digits grouped in threes by the
 * style's grouping character (or not grouped) and at most one decimal character. "5.000,50" is NaN in en_US rather
 * than 5.0005: a grouping character only ever groups.
 */
function readInStyle(text: string, style: NumberStyle): number {
  const cleaned = text.replace(/[\s\u00a0\u202f$€£¥]|CHF|R\$/g, '');
  const [g, d] = [escaped(style.group), escaped(style.decimal)];
  const shape = new RegExp(`^([-+]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?$`);
  const match = shape.exec(cleaned);
  if (!match || (match[2] === undefined && match[3] === undefined)) return Number.NaN;
  const whole = (match[2] ?? '0').split(style.group).join('');
  return Number(`${match[1]}${whole}.${match[3] ?? '0'}`);
}

/** "1,200", "$1,200.50" and " 1200 " are what people type; the form may send text or numbers. */
export function toNumber(value: unknown, style: NumberStyle = PLAIN_NUMBERS): unknown {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return value;
  return readInStyle(value, style);
}

/** `n` written in `style` with the decimals it was typed with: 5000.5 -> "5,000.50" or "5.000,50". */
export function writtenInStyle(n: number, style: NumberStyle, decimals: number): string {
  const [whole, fraction] = Math.abs(n).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `${style.decimal}${fraction}` : ''}`;
}

/**
 * Text that is no amount in the document's style but is one in the other style: what the person meant, written as
 * the document writes it ("5.000,50" in en_US: "5,000.50"), so the form can ask "did you mean ...?". Undefined when
 * the text reads in the document's style, or in neither.
 */
export function otherStyleAmount(text: string, style: NumberStyle): string | undefined {
  if (Number.isFinite(readInStyle(text, style))) return undefined;
  for (const other of NUMBER_STYLES) {
    if (other.group === style.group && other.decimal === style.decimal) continue;
    const n = readInStyle(text, other);
    if (!Number.isFinite(n)) continue;
    const typedDecimals = text.includes(other.decimal) ? text.length - text.lastIndexOf(other.decimal) - 1 : 0;
    return writtenInStyle(n, style, /^\d+$/.test(text.slice(text.length - typedDecimals)) ? typedDecimals : 0);
  }
  return undefined;
}

interface NumberRules {
  min?: number;
  max?: number;
  /** The lower bound excluded: "more than 0". */
  above?: number;
  whole?: boolean;
}

/**
 * No amount in a personal plan reaches a billion; a typing slip that does (1e308 pasted, extra zeros)
 * would otherwise pass here and only fail deep inside a calculation with a message about a function.
 */
const LARGEST_PLAN_AMOUNT = 1_000_000_000;
/** Fifty years of saving: past that the wizard asks for a larger saving or a smaller buffer. */
const LONGEST_SAVING_MONTHS = 600;

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function numberSchema(what: string, rules: NumberRules, kind: 'amount' | 'number' = 'amount') {
  const expected = `Enter ${what} as ${kind === 'amount' ? 'an amount, e.g. 1200' : 'a number'}`;
  const problem = (n: number): string | undefined => {
    if (!Number.isFinite(n)) return expected;
    if (Math.abs(n) > LARGEST_PLAN_AMOUNT) return `Enter ${what} below 1,000,000,000`;
    if (rules.whole && !Number.isInteger(n)) return `Enter ${what} as a whole number`;
    if (rules.above !== undefined && !(n > rules.above)) return `Enter ${what} above ${rules.above}`;
    const low = rules.min !== undefined && n < rules.min;
    const high = rules.max !== undefined && n > rules.max;
    if (rules.min !== undefined && rules.max !== undefined && (low || high))
      return `Enter ${what} from ${rules.min} to ${rules.max}`;
    if (low) return rules.min === 0 ? `${capitalise(what)} cannot be negative` : `Enter ${what} of at least ${rules.min}`;
    if (high) return `Enter ${what} of at most ${rules.max}`;
    return undefined;
  };
  return v.pipe(
    v.unknown(),
    v.transform(toNumber),
    v.number(expected),
    v.rawCheck<number>(({ dataset, addIssue }) => {
      const message = dataset.typed ? problem(dataset.value) : undefined;
      if (message) addIssue({ message });
    }),
  );
}

/** 0.07 * 100 is 7.000000000000001: percentages in messages are rounded to what a person would write. */
const asPercent = (fraction: number): string => `${Math.round(fraction * 1e6) / 1e4}%`;

/**
 * A rate as a fraction; the form shows percentages, so the message talks in percent. Every rate says its
 * range the same way: "Enter the tax set-aside as a rate between 0% and 100%".
 */
function rateSchema(what: string, minFraction: number, maxFraction: number) {
  const range = `Enter ${what} as a rate between ${asPercent(minFraction)} and ${asPercent(maxFraction)}`;
  return v.pipe(
    v.unknown(),
    v.transform(toNumber),
    v.number(range),
    v.check((n: number) => Number.isFinite(n), range),
    v.minValue(minFraction, range),
    v.maxValue(maxFraction, range),
  );
}

function choiceSchema<T extends Record<string, string>>(options: T, what: string) {
  const keys = Object.keys(options) as (keyof T & string)[];
  return v.picklist(keys, `Choose ${what}`);
}

function textSchema(what: string, max: number) {
  return v.pipe(v.string(`Enter ${what} as text`), v.trim(), v.maxLength(max, `Keep ${what} under ${max} characters`));
}

/** A calendar date written YYYY-MM-DD that exists (no 31 February). */
const isoDateSchema = () =>
  v.pipe(
    v.string('Enter the start date, e.g. 2026-03-01'),
    v.trim(),
    v.isoDate('Enter the start date as a date, e.g. 2026-03-01'),
    v.check((s: string) => {
      const [y, m, d] = s.split('-').map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    }, 'Enter a start date that exists, e.g. 2026-03-01'),
    // The plan's tax calendar (NEXT_TAX_DUE) knows the due-date rules of these years.
    v.check((s: string) => {
      const y = Number(s.slice(0, 4));
      return y >= DUE_DATE_YEARS.first && y <= DUE_DATE_YEARS.last;
    }, `Enter a start date from ${DUE_DATE_YEARS.first} to ${DUE_DATE_YEARS.last}`),
  );

const monthlyFiguresSchema = () =>
  v.pipe(
    v.array(numberSchema('each monthly figure', {}), 'Paste the monthly figures as a list of amounts'),
    v.check((a: number[]) => a.length >= MONTHLY_FIGURES_MIN, `Paste at least ${MONTHLY_FIGURES_MIN} monthly figures`),
    v.check((a: number[]) => a.length <= MONTHLY_FIGURES_MAX, `Paste at most ${MONTHLY_FIGURES_MAX} monthly figures`),
    v.check((a: number[]) => a.reduce((s, x) => s + x, 0) > 0, 'The monthly figures must add up to more than 0'),
  );

// ---- One declaration per field ----

/** Shown only when another field has one of the given values (and, with `and`, a further rule holds). */
interface ShowWhen {
  field: string;
  equals: string | readonly string[];
  and?: ShowWhen;
}
/** One rule, or a list of which any one shows the field. */
type ShowRule = ShowWhen | readonly ShowWhen[];

/** Whether a field with this rule is shown, given the form's values (hidden fields' values still count here). */
export function ruleHolds(rule: ShowRule | undefined, values: Record<string, unknown>): boolean {
  if (!rule) return true;
  if (Array.isArray(rule)) return rule.some((r) => ruleHolds(r, values));
  const one = rule as ShowWhen;
  const value = values[one.field];
  const matches = typeof one.equals === 'string' ? value === one.equals : one.equals.includes(value as string);
  return matches && ruleHolds(one.and, values);
}

/** One wizard question: everything the schema, the defaults, the form and the review know about it. */
export interface Field<T> {
  label: string;
  kind: FieldKind;
  /** For kind "choice": value -> label, in display order. */
  options?: Readonly<Record<string, string>>;
  /** The line under the input. */
  hint?: string;
  showWhen?: ShowRule;
  /** For kind "choice": the labels shown instead of `options` while another field has a given value. */
  optionsBy?: OptionsBy;
  /** The value an empty answer takes. */
  defaultValue?: T;
  /** May be left empty with no default (the value is then worked out elsewhere, e.g. from pasted figures). */
  optional: boolean;
  /** Must be answered before Next: no default and not optional. Derived, never declared. */
  required: boolean;
  /** The rule for an answered value; an empty answer never reaches it. */
  schema: v.GenericSchema<unknown, T>;
  plausible?: Plausible;
}

/** Labels of a choice that depend on another answer (the entity's words follow the tax country). */
interface OptionsBy {
  field: string;
  labels: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * The labels a choice shows, given the other answers (unanswered fields absent): the words for the other field's
 * value when the declaration has them, its own options otherwise.
 */
export function optionLabels(
  declared: Field<unknown>,
  values: Readonly<Record<string, unknown>>,
): Readonly<Record<string, string>> {
  const by = declared.optionsBy;
  const key = by ? values[by.field] : undefined;
  return (by && typeof key === 'string' ? by.labels[key] : undefined) ?? declared.options ?? {};
}

/** What a declaration may say besides its label; `default` makes the field optional with that value. */
interface Extras<T> {
  hint?: string;
  showWhen?: ShowRule;
  default?: T;
  /** For an amount: the range a household's figure falls in; outside it the wizard asks before it builds. */
  plausible?: Plausible;
}

/** Where an amount is believable: below `low` or above `high` it is more likely a slip (5 for 5,000) than meant. */
export interface Plausible {
  low?: number;
  high?: number;
}

/**
 * A declaration whose schema is built on first use, not when the bundle loads: Apps Script evaluates the whole of
 * Code.js for every custom-function cell, and none of them validates answers (building the wizard's schemas at load
 * was the largest part of a cold start's top-level work).
 */
function field<T>(label: string, kind: FieldKind, schema: () => v.GenericSchema<unknown, T>, extras: Extras<T>): Field<T> {
  const { hint, showWhen, default: defaultValue, plausible } = extras;
  let built: v.GenericSchema<unknown, T> | undefined;
  return {
    label,
    kind,
    get schema() {
      if (!built) built = schema();
      return built;
    },
    optional: false,
    required: defaultValue === undefined,
    ...(hint !== undefined && { hint }),
    ...(showWhen && { showWhen }),
    ...(defaultValue !== undefined && { defaultValue }),
    ...(plausible && { plausible }),
  };
}

/** An amount of money; `what` names it in messages ("Enter your savings as an amount"). */
function money(label: string, what: string, rules: NumberRules & Extras<number>): Field<number> {
  return field(label, 'money', () => numberSchema(what, rules), rules);
}

/** A rate the form shows as a percentage; from 0% to 100% unless narrowed. */
function percent(label: string, what: string, rules: { min?: number; max?: number } & Extras<number>): Field<number> {
  return field(label, 'percent', () => rateSchema(what, rules.min ?? 0, rules.max ?? 1), rules);
}

/** A count of things (months, weeks, clients): a whole number unless `whole: false`. */
function count(label: string, what: string, rules: NumberRules & Extras<number>): Field<number> {
  return field(label, 'count', () => numberSchema(what, { whole: true, ...rules }, 'number'), rules);
}

/** A 1-5 self-assessment. */
function scale(label: string, what: string, extras: Extras<number>): Field<number> {
  return field(label, 'scale', () => numberSchema(what, { min: SCALE_MIN, max: SCALE_MAX, whole: true }, 'number'), extras);
}

function text(label: string, what: string, extras: Extras<string> & { max?: number; needed?: string }): Field<string> {
  const { needed } = extras;
  const schema = () => {
    const base = textSchema(what, extras.max ?? SHORT_TEXT);
    return needed ? v.pipe(base, v.minLength(1, needed)) : base;
  };
  return field(label, 'text', schema, extras);
}

function longText(label: string, what: string, extras: Extras<string>): Field<string> {
  return field(label, 'longtext', () => textSchema(what, LONG_TEXT), extras);
}

function choice<O extends Record<string, string>>(
  label: string,
  options: O,
  what: string,
  extras: Extras<keyof O & string> & { optionsBy?: OptionsBy },
): Field<keyof O & string> & { options: O } {
  // Added to the declaration, not spread into a copy: a spread would read (and so build) the schema.
  const declared = Object.assign(
    field(label, 'choice', () => choiceSchema(options, what), extras),
    { options },
    extras.optionsBy && { optionsBy: extras.optionsBy },
  );
  return declared;
}

function yesNo(label: string, message: string, extras: Extras<boolean>): Field<boolean> {
  return field(label, 'boolean', () => v.boolean(message), extras);
}

/** Left empty, the field stays undefined in the answers: no default, yet not required. */
function optional<T>(declared: Field<T>): Field<T | undefined> {
  // Changed in place, not spread into a copy: a spread would read (and so build) the schema.
  return Object.assign(declared, { optional: true, required: false }) as Field<T | undefined>;
}

/** The what-if cases' earnings, as shares of the expected: a case may earn more than expected, up to three times. */
export const WHAT_IF_DEFAULTS = { lean: 0.8, expected: 1, strong: 1.2 } as const;
export const WHAT_IF_FACTOR_MAX = 3;
function whatIfFactor(label: string, what: string, defaultValue: number, extras: Extras<number>): Field<number> {
  return percent(label, `the earnings of ${what}`, { max: WHAT_IF_FACTOR_MAX, default: defaultValue, ...extras });
}

const ONE_TO_FIVE = '1 = not at all, 5 = very much';
/**
 * A month's money for one household, in any of the currencies Jumpwise plans in: under 100 a month of living costs is a
 * slip ("5" for 5,000, "5.000,50" read in the wrong style), and over 1,000,000 a month extra zeros. Outside,
 * the wizard asks before it builds; the schema still takes the figure, since a person may mean it (yen, rupees).
 */
const PLAUSIBLE_MONTHLY = { low: 100, high: 1_000_000 } as const;
const IN_US: ShowWhen = { field: 'taxCountry', equals: 'us' };
const US_ESTIMATE: ShowWhen = { ...IN_US, and: { field: 'taxMode', equals: 'us_estimate' } };
const WITH_PARTNER: ShowWhen = { field: 'household', equals: 'partner' };
/** The settings whose estimate takes the job's wages in the leave year: the US estimate, the UK and Canada. */
const ESTIMATES_WITH_WAGES: ShowRule = [US_ESTIMATE, { field: 'taxCountry', equals: ['uk_england', 'uk_scotland', 'canada'] }];

/** Every question of the wizard, declared once; the schema, defaults, hints and the sidebar form come from here. */
export const FIELDS = {
  pathKind: choice('Which kind of independence?', PATH_KINDS, 'the kind of independence you want', {}),
  autonomyPreference: scale('How much say over what you work on', 'how much autonomy you want', {
    hint: '1 = a little, 5 = full',
  }),
  locationPreference: scale('How free to choose where you work', 'how much location freedom you want', {
    hint: '1 = a little, 5 = anywhere',
  }),
  schedulePreference: scale('How free to choose your hours', 'how much schedule freedom you want', {
    hint: '1 = a little, 5 = fully',
  }),
  nicheService: text('The service you will sell', 'the service', {
    needed: 'Describe the service you will sell',
    hint: 'e.g. "Shopify store audits"',
  }),
  skills: longText('Skills it draws on', 'your skills', { default: '' }),
  interests: longText('Interests that keep you at it', 'your interests', { default: '' }),
  demandAsked: scale(DEMAND_QUESTIONS.demandAsked, 'how often people ask for it', { hint: ONE_TO_FIVE }),
  demandPaid: scale(DEMAND_QUESTIONS.demandPaid, 'whether people pay for it today', { hint: ONE_TO_FIVE }),
  demandReach: scale(DEMAND_QUESTIONS.demandReach, 'whether you can reach people who need it', { hint: ONE_TO_FIVE }),
  monthlyExpenses: money('Monthly living expenses', 'your monthly living expenses', {
    above: 0,
    plausible: { low: PLAUSIBLE_MONTHLY.low, high: PLAUSIBLE_MONTHLY.high },
  }),
  currentSavings: money('Savings you can use today', 'your savings', { min: 0, plausible: { high: 20_000_000 } }),
  annualSalary: money('Current annual salary', 'your annual salary', {
    min: 0,
    hint: 'Enter 0 if you have none',
    plausible: { high: 12 * PLAUSIBLE_MONTHLY.high },
  }),
  household: choice('Who pays the living costs?', HOUSEHOLDS, 'who pays the living costs', {
    default: 'alone',
    hint: 'With a partner, the living expenses above are the household’s',
  }),
  partnerTakeHome: money("Your partner's take-home pay per month", "your partner's take-home pay", {
    min: 0,
    default: 0,
    showWhen: WITH_PARTNER,
    hint: 'After their tax: it pays part of the household’s costs every month',
  }),
  partnerWages: money("Your partner's wages per year, before tax", "your partner's yearly wages", {
    min: 0,
    default: 0,
    showWhen: WITH_PARTNER,
    hint: 'In the US a joint return taxes them with your profit; the UK and Canada tax each person separately',
  }),
  projectedMonthlyLow: optional(
    money('Projected monthly earnings: a low month', 'a low month', {
      min: 0,
      hint: `${EARNINGS_MEANING}. Left empty with figures pasted below: the lowest of them`,
      plausible: { high: PLAUSIBLE_MONTHLY.high },
    }),
  ),
  projectedMonthlyHigh: optional(
    money('Projected monthly earnings: a good month', 'a good month', {
      min: 0,
      hint: `${EARNINGS_MEANING}. Left empty with figures pasted below: the highest of them`,
      plausible: { high: PLAUSIBLE_MONTHLY.high },
    }),
  ),
  monthlyFigures: optional(
    field('Or paste monthly figures (optional)', 'figures', monthlyFiguresSchema, {
      hint: 'One profit per month (money in less business costs), e.g. from a past year of side work',
    }),
  ),
  taxCountry: choice('Where do you pay tax?', TAX_COUNTRIES, 'where you pay tax', {
    default: 'us',
    hint: 'The UK and Canada get their own estimate and payment dates; elsewhere a flat rate',
  }),
  taxMode: choice('Tax set-aside', TAX_MODES, 'how to set tax aside', { default: 'flat', showWhen: IN_US }),
  taxRate: percent('Share to set aside for tax', 'the tax set-aside', {
    default: DEFAULT_TAX_RATE,
    showWhen: [
      { ...IN_US, and: { field: 'taxMode', equals: 'flat' } },
      { field: 'taxCountry', equals: 'elsewhere' },
    ],
  }),
  filingStatus: choice('Filing status', FILING_STATUSES, 'a filing status', { default: 'single', showWhen: US_ESTIMATE }),
  stateTaxRate: percent('State or provincial income tax rate', 'the state or provincial tax rate', {
    max: 0.2,
    default: 0,
    showWhen: [US_ESTIMATE, { field: 'taxCountry', equals: 'canada' }],
  }),
  leaveYearWages: optional(
    money('Wages from your job in the leave year', 'the wages in the leave year', {
      min: 0,
      showWhen: ESTIMATES_WITH_WAGES,
      hint: 'Left empty: your salary for the months you still work that year',
    }),
  ),
  healthMonthly: money('Health insurance per month', 'health insurance per month', {
    min: 0,
    default: 0,
    plausible: { high: 10_000 },
  }),
  retirementRate: percent('Employer retirement contribution', 'the retirement contribution', {
    default: 0,
    hint: 'Share of salary, e.g. 4%',
  }),
  ptoWeeks: count('Paid weeks off per year', 'paid weeks off', { min: 0, max: 52, whole: false, default: 0 }),
  bufferMonths: count('Months of cushion', 'months of cushion', {
    min: BUFFER_MONTHS_MIN,
    max: BUFFER_MONTHS_MAX,
    default: 6,
    hint: `${BUFFER_MONTHS_MIN} to ${BUFFER_MONTHS_MAX}; steadier income needs fewer`,
  }),
  monthlySavings: money('What you can save per month while employed', 'what you can save per month', {
    min: 0,
    plausible: { high: PLAUSIBLE_MONTHLY.high },
  }),
  startDate: field('Start saving from', 'date', isoDateSchema, {}),
  rampMonths: count('Months to ramp up after you leave', 'the months to ramp up', {
    min: 0,
    max: RAMP_MONTHS_MAX,
    default: 3,
    hint: 'New clients take time: with 3, months 1-3 earn 25%, 50%, 75% of normal',
  }),
  maxRisk: percent('Highest chance of running out you accept', 'the highest chance of running out', {
    min: 0.01,
    max: 0.5,
    default: 0.1,
  }),
  whatIfLean: whatIfFactor('What if: the lean case earns', 'the lean case', WHAT_IF_DEFAULTS.lean, {
    hint: "A share of your expected earnings. The plan's what-if table replays your months scaled by each case",
  }),
  whatIfExpected: whatIfFactor('What if: the expected case earns', 'the expected case', WHAT_IF_DEFAULTS.expected, {}),
  whatIfStrong: whatIfFactor('What if: the strong case earns', 'the strong case', WHAT_IF_DEFAULTS.strong, {}),
  clientsWanted: count('Clients you want to start with', 'the clients you want', { min: 1, max: 1000 }),
  outreachPerWeek: count('People you will contact per week', 'contacts per week', { min: 0, max: 1000 }),
  entity: choice('Business entity', ENTITIES, 'a business entity', {
    default: 'undecided',
    optionsBy: { field: 'taxCountry', labels: ENTITIES_BY_COUNTRY },
  }),
  bankAccount: choice('Business bank account', BANK_ACCOUNT, 'an answer about the bank account', { default: 'will_open' }),
  invoicingTool: text('Invoicing tool', 'the invoicing tool', { default: '', hint: 'e.g. Wave, FreshBooks' }),
  expenseTool: text('Expense-tracking tool', 'the expense tool', { default: '', hint: 'e.g. a spreadsheet, QuickBooks' }),
  coworkingSessions: count('Co-working sessions per month', 'co-working sessions', { min: 0, max: 31, default: 0 }),
  accountabilityGroup: yesNo('I will join or start an accountability group', 'Tick or untick the accountability group', {
    default: false,
  }),
  endOfDayRoutine: longText('Your end-of-day routine', 'the routine', {
    default: '',
    hint: 'e.g. "close the laptop at 6, walk"',
  }),
  workspace: choice('Where you will work', WORKSPACES, 'where you will work', { default: 'not_yet' }),
};

export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** The value a field holds once validated. */
type ValueOf<F> = F extends Field<infer T> ? T : never;
type Parsed = { [K in FieldName]: ValueOf<(typeof FIELDS)[K]> };

/** The field's full valibot schema: an empty answer takes the default, is left undefined (optional) or is refused. */
export function fieldSchema(name: FieldName): v.GenericSchema<unknown, unknown> {
  let schema = fieldSchemas.get(name);
  if (!schema) {
    const declared: Field<unknown> = FIELDS[name];
    if (declared.defaultValue !== undefined) schema = v.optional(declared.schema, declared.defaultValue);
    else schema = declared.optional ? v.optional(declared.schema) : declared.schema;
    fieldSchemas.set(name, schema);
  }
  return schema;
}
/** Built on first use: every keystroke in the sidebar checks a step. */
const fieldSchemas = new Map<FieldName, v.GenericSchema<unknown, unknown>>();
export interface WizardStep {
  id: string;
  title: string;
  /** One line: why the step matters. */
  why: string;
  fields: readonly FieldName[];
}

/** The wizard, in the order people actually make the move. The last step reviews and builds. */
export const STEPS: readonly WizardStep[] = [
  {
    id: 'path',
    title: 'Your path',
    why: 'The kind of independence you want shapes every later choice.',
    fields: ['pathKind', 'autonomyPreference', 'locationPreference', 'schedulePreference'],
  },
  {
    id: 'niche',
    title: 'Your niche',
    why: 'A clear service that people already pay for is the fastest way to first income.',
    fields: ['nicheService', 'skills', 'interests', 'demandAsked', 'demandPaid', 'demandReach'],
  },
  {
    id: 'money',
    title: 'Money today',
    why: 'Your costs and savings set how long you can go without steady pay.',
    fields: ['monthlyExpenses', 'currentSavings', 'annualSalary', 'household', 'partnerTakeHome', 'partnerWages'],
  },
  {
    id: 'earnings',
    title: 'Earnings and taxes',
    why: 'Earnings here are profit: money in less business costs, before tax. Planning on the low month, after tax, keeps a bad month from becoming a crisis.',
    fields: [
      'projectedMonthlyLow',
      'projectedMonthlyHigh',
      'monthlyFigures',
      'taxCountry',
      'taxMode',
      'taxRate',
      'filingStatus',
      'stateTaxRate',
      'leaveYearWages',
    ],
  },
  {
    id: 'benefits',
    title: 'Benefits to replace',
    why: 'Health cover, retirement and paid time off stop with the job; your rate must pay for them.',
    fields: ['healthMonthly', 'retirementRate', 'ptoWeeks'],
  },
  {
    id: 'buffer',
    title: 'Your buffer',
    why: 'A cushion of savings turns slow months into an inconvenience instead of an emergency.',
    fields: [
      'bufferMonths',
      'monthlySavings',
      'startDate',
      'rampMonths',
      'maxRisk',
      'whatIfLean',
      'whatIfExpected',
      'whatIfStrong',
    ],
  },
  {
    id: 'setup',
    title: 'First clients and set-up',
    why: 'Steady outreach and clean books from day one make the first year far easier.',
    fields: ['clientsWanted', 'outreachPerWeek', 'entity', 'bankAccount', 'invoicingTool', 'expenseTool'],
  },
  {
    id: 'alone',
    title: 'Working well alone',
    why: 'Isolation and blurred hours are what wear people down; habits set now prevent both.',
    fields: ['coworkingSessions', 'accountabilityGroup', 'endOfDayRoutine', 'workspace'],
  },
  {
    id: 'review',
    title: 'Review and build',
    why: 'Check your answers, then build a plan that updates as you edit it.',
    fields: [],
  },
];

/** The validated answers the plan is built from: every field present, low and high filled in. */
export type Answers = Omit<Parsed, 'projectedMonthlyLow' | 'projectedMonthlyHigh'> & {
  projectedMonthlyLow: number;
  projectedMonthlyHigh: number;
  /** Left empty in the form and taken from the pasted figures: the plan then keeps them live (MIN/MAX). */
  lowFromFigures: boolean;
  highFromFigures: boolean;
};

export type FieldErrors = Partial<Record<FieldName, string>>;
type ValidationResult =
  | { ok: true; answers: Answers }
  /** `notAnswers`: what arrived was no answers object at all, a problem with no one field to point at. */
  | { ok: false; errors: FieldErrors; notAnswers?: string };

/** Empty inputs arrive as "" or null from a form; they mean "not answered", so the default applies. */
const isUnanswered = (value: unknown): boolean =>
  value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0);

/** Parses each field on its own, so one bad field never hides the others. */
function parseFields(
  raw: Record<string, unknown>,
  fields: readonly FieldName[],
): { values: Partial<Parsed>; errors: FieldErrors } {
  const values: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const input = isUnanswered(raw[field]) ? undefined : raw[field];
    const result = v.safeParse(fieldSchema(field), input);
    if (result.success) values[field] = result.output;
    else if (input === undefined) errors[field] = requiredMessage(field);
    else errors[field] = result.issues[0].message;
  }
  return { values: values as Partial<Parsed>, errors };
}

function requiredMessage(field: FieldName): string {
  const info: Field<unknown> = FIELDS[field];
  switch (info.kind) {
    case 'choice':
    case 'scale':
      return `Choose an answer for "${info.label}"`;
    case 'date':
      return 'Enter the start date, e.g. 2026-03-01';
    default:
      return `Enter "${info.label}"`;
  }
}

const LOW_MISSING = 'Enter what a low month may bring, e.g. 3000, or paste monthly figures';
const HIGH_MISSING = 'Enter what a good month may bring, e.g. 6000, or paste monthly figures';

/** Rules that span fields, each reported on the field the user should change; a rule runs once its fields are valid. */
function crossFieldErrors(a: Partial<Parsed>, fields: readonly FieldName[]): FieldErrors {
  const errors: FieldErrors = {};
  const has = (f: FieldName) => fields.includes(f);
  if (has('projectedMonthlyLow') && has('monthlyFigures')) {
    const figures = a.monthlyFigures;
    if (a.projectedMonthlyLow === undefined && !figures) errors.projectedMonthlyLow = LOW_MISSING;
    if (a.projectedMonthlyHigh === undefined && !figures) errors.projectedMonthlyHigh = HIGH_MISSING;
    const low = a.projectedMonthlyLow ?? (figures ? Math.min(...figures) : undefined);
    const high = a.projectedMonthlyHigh ?? (figures ? Math.max(...figures) : undefined);
    if (low !== undefined && high !== undefined && high < low) {
      errors.projectedMonthlyHigh = 'A good month should bring at least as much as a low month';
    }
  }
  const { monthlySavings, currentSavings, monthlyExpenses } = a;
  if (monthlySavings !== undefined && currentSavings !== undefined && monthlyExpenses !== undefined) {
    const target =
      householdCosts(monthlyExpenses, a.healthMonthly ?? 0, a.household === 'partner' ? (a.partnerTakeHome ?? 0) : 0) *
      (a.bufferMonths ?? (FIELDS.bufferMonths.defaultValue as number));
    const months = monthsToGoal(currentSavings, target, monthlySavings);
    if (months === undefined) {
      errors.monthlySavings = 'With nothing saved each month the buffer is never reached: enter an amount above 0';
    } else if (months > LONGEST_SAVING_MONTHS) {
      // A plan whose ready date is centuries away is no plan (and past year 9999 no date at all).
      errors.monthlySavings = `At this rate the buffer takes ${Math.round(months / 12)} years: save more each month or choose fewer months of cushion`;
    }
  }
  return errors;
}

/**
 * What the household needs from the person's savings and earnings each month: living expenses and health cover, less
 * the partner's take-home pay (never below nothing). The plan's `costs` is the same rule in a formula.
 */
export const householdCosts = (expenses: number, health: number, partnerTakeHome: number): number =>
  Math.max(0, expenses + health - partnerTakeHome);

const asRecord = (raw: unknown): Record<string, unknown> | undefined =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;

/**
 * Checks every field of the answers. On success every optional field has its default and a missing
 * low/high comes from the pasted monthly figures; on failure each field gets its first problem in words.
 */
export function validateAnswers(raw: unknown): ValidationResult {
  const record = asRecord(raw);
  if (!record) return { ok: false, errors: {}, notAnswers: 'The answers did not arrive; reload the sidebar and try again' };
  const { values, errors } = parseFields(record, FIELD_NAMES);
  const cross = crossFieldErrors(values, FIELD_NAMES);
  for (const f of FIELD_NAMES) if (cross[f] && !errors[f]) errors[f] = cross[f];
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = values as Parsed;
  // Living alone, a partner's figures left in the hidden fields are no one's pay.
  const a = parsed.household === 'partner' ? parsed : { ...parsed, partnerTakeHome: 0, partnerWages: 0 };
  const figures = a.monthlyFigures ?? [];
  return {
    ok: true,
    answers: {
      ...a,
      projectedMonthlyLow: a.projectedMonthlyLow ?? Math.min(...figures),
      projectedMonthlyHigh: a.projectedMonthlyHigh ?? Math.max(...figures),
      lowFromFigures: a.projectedMonthlyLow === undefined,
      highFromFigures: a.projectedMonthlyHigh === undefined,
    },
  };
}

/**
 * Checks one step before Next: that step's fields, and the rules linking them to earlier steps.
 * `raw` is all the answers gathered so far (later steps may still be empty). The review step checks everything.
 */
export function validateStep(stepId: string, raw: unknown): { ok: true } | { ok: false; errors: FieldErrors } {
  const step = STEPS.find((s) => s.id === stepId);
  if (!step) throw new Error(`No wizard step "${stepId}"; steps are ${STEPS.map((s) => s.id).join(', ')}`);
  if (step.fields.length === 0) {
    const all = validateAnswers(raw);
    return all.ok ? { ok: true } : { ok: false, errors: all.errors };
  }
  const record = asRecord(raw) ?? {};
  const upToStep = STEPS.slice(0, STEPS.indexOf(step) + 1).flatMap((s) => s.fields);
  const { values, errors: earlier } = parseFields(record, upToStep);
  const errors: FieldErrors = {};
  const cross = crossFieldErrors(values, upToStep);
  for (const f of step.fields) {
    const message = earlier[f] ?? cross[f];
    if (message) errors[f] = message;
  }
  return Object.keys(errors).length === 0 ? { ok: true } : { ok: false, errors };
}

/**
 * Reads monthly figures pasted from a sheet or typed: one per line, or separated by tabs, semicolons or
 * spaces; "1,200" is read as 1200. Returns the numbers, or the first piece that is not one.
 */
export function parseMonthlyFigures(text: string): { ok: true; figures: number[] } | { ok: false; error: string } {
  const pieces = text
    .split(/[\n\r\t;]+|\s{2,}|(?<=\d)\s+(?=[-+$€£\d])/)
    .map((p) => p.trim())
    .filter(Boolean);
  const figures: number[] = [];
  for (const piece of pieces) {
    const n = toNumber(piece);
    if (typeof n !== 'number' || !Number.isFinite(n)) return { ok: false, error: `"${piece}" is not an amount` };
    figures.push(n);
  }
  return { ok: true, figures };
}

/** The market-demand self-assessment as a score from 0 (no sign of demand) to 100. */
export function demandScore(a: Pick<Answers, 'demandAsked' | 'demandPaid' | 'demandReach'>): number {
  const keys = Object.keys(DEMAND_QUESTIONS) as (keyof typeof DEMAND_QUESTIONS)[];
  const sum = keys.reduce((s, k) => s + a[k], 0);
  return Math.round(((sum - keys.length * SCALE_MIN) / (keys.length * (SCALE_MAX - SCALE_MIN))) * 100);
}
