/**
 * The wizard's pure logic: what the form holds (text as typed, percentages as people write them) to the
 * answers the server takes (numbers, rates as fractions) and back, step checks with the shared schema, the
 * buffer suggestion and the review summary. No DOM here, so all of it runs in plain Node tests.
 */
import { bufferMonthsForVolatility, incomeVolatility } from '../src/finance/income';
import {
  type Answers,
  DEMAND_QUESTIONS,
  demandScore,
  FIELDS,
  type FieldErrors,
  type FieldInfo,
  type FieldName,
  parseMonthlyFigures,
  STEPS,
  toNumber,
  validateAnswers,
  validateStep,
  type WizardStep,
} from '../src/plan/answers';

/** What the inputs hold: the text of each box or chosen option, and true/false for a checkbox. */
export type FormValues = Partial<Record<FieldName, string | boolean>>;
export type DraftAnswers = Partial<Record<FieldName, unknown>>;

export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];
export const fieldInfo = (name: FieldName): FieldInfo => FIELDS[name];

/** Drops floating-point noise such as 0.07 * 100 = 7.000000000000001, which would otherwise show in the form. */
const tidy = (n: number): number => Math.round(n * 1e9) / 1e9;

/** "30", "30%" or "7.5" typed in a percentage box -> 0.3, 0.075; anything else is left as typed for the schema to explain. */
export function percentToFraction(text: string): number | string {
  const n = toNumber(text.trim().replace(/%$/, ''));
  return typeof n === 'number' && Number.isFinite(n) ? tidy(n) / 100 : text.trim();
}

export function fractionToPercent(fraction: number): string {
  return String(tidy(fraction * 100));
}

/** A field hidden by its showWhen rule is not part of the answers, so a stale value there never blocks Next. */
export function isShown(name: FieldName, form: FormValues): boolean {
  const rule = fieldInfo(name).showWhen;
  return !rule || form[rule.field as FieldName] === rule.equals;
}

/** The form's values as answers: only what is answered and shown; numbers where the text is one. */
export function formToAnswers(form: FormValues): DraftAnswers {
  const answers: DraftAnswers = {};
  for (const name of FIELD_NAMES) {
    const value = form[name];
    if (value === undefined || !isShown(name, form)) continue;
    const { kind } = fieldInfo(name);
    if (kind === 'boolean') {
      answers[name] = value === true;
      continue;
    }
    const text = String(value);
    if (text.trim() === '') continue;
    switch (kind) {
      case 'money':
      case 'count':
      case 'scale': {
        const n = toNumber(text);
        answers[name] = typeof n === 'number' && Number.isFinite(n) ? n : text.trim();
        break;
      }
      case 'percent':
        answers[name] = percentToFraction(text);
        break;
      case 'figures': {
        const parsed = parseMonthlyFigures(text);
        answers[name] = parsed.ok ? parsed.figures : text;
        break;
      }
      default:
        answers[name] = text;
    }
  }
  return answers;
}

/** Answers (a saved draft, or the defaults) as form values. Values of the wrong type are skipped, never shown as markup. */
export function answersToForm(answers: unknown): FormValues {
  const form: FormValues = {};
  if (typeof answers !== 'object' || answers === null) return form;
  const record = answers as Record<string, unknown>;
  for (const name of FIELD_NAMES) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    const { kind } = fieldInfo(name);
    if (kind === 'boolean') {
      if (typeof value === 'boolean') form[name] = value;
    } else if (kind === 'percent' && typeof value === 'number') {
      form[name] = fractionToPercent(value);
    } else if (kind === 'figures' && Array.isArray(value)) {
      form[name] = value.map(String).join('\n');
    } else if (typeof value === 'string' || typeof value === 'number') {
      form[name] = String(value);
    }
  }
  return form;
}

/** The form a new plan starts from: each field's default from the answers contract. Zero defaults stay empty (shown as a placeholder). */
export function defaultForm(): FormValues {
  const defaults: DraftAnswers = {};
  for (const name of FIELD_NAMES) {
    const dflt = fieldInfo(name).defaultValue;
    if (dflt !== undefined && dflt !== '' && dflt !== 0) defaults[name] = dflt;
  }
  return answersToForm(defaults);
}

/** The placeholder of an empty box: what an empty optional field counts as. */
export function placeholderFor(name: FieldName): string {
  const dflt = fieldInfo(name).defaultValue;
  return dflt === 0 ? '0' : '';
}

/** The problems of one step, in words, for the fields on it that are shown. */
export function stepErrors(step: WizardStep, form: FormValues): FieldErrors {
  const result = validateStep(step.id, formToAnswers(form));
  const errors: FieldErrors = result.ok ? {} : { ...result.errors };
  // The schema can only say the list is not a list of amounts; the parser can say which piece is wrong.
  const figures = form.monthlyFigures;
  if (errors.monthlyFigures && typeof figures === 'string') {
    const parsed = parseMonthlyFigures(figures);
    if (!parsed.ok) errors.monthlyFigures = `${parsed.error}: paste one amount per month`;
  }
  return errors;
}

/** The first step a restored draft still needs (the review step when all are complete). */
export function firstIncompleteStep(form: FormValues): number {
  const index = STEPS.findIndex((step) => step.fields.length > 0 && Object.keys(stepErrors(step, form)).length > 0);
  return index === -1 ? STEPS.length - 1 : index;
}

export interface BufferSuggestion {
  months: number;
  /** Standard deviation over the mean of the pasted monthly figures. */
  volatility: number;
}

/** BUFFER_MONTHS from the pasted monthly figures, when there are enough of them to measure how much income swings. */
export function suggestBufferMonths(form: FormValues): BufferSuggestion | undefined {
  const text = form.monthlyFigures;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const parsed = parseMonthlyFigures(text);
  if (!parsed.ok) return undefined;
  const volatility = incomeVolatility(parsed.figures);
  if (volatility === undefined) return undefined;
  return { months: bufferMonthsForVolatility(volatility), volatility };
}

/** The market-demand score once all three self-assessment questions are answered. */
export function demandScoreOf(form: FormValues): number | undefined {
  const answers = formToAnswers(form);
  const keys = Object.keys(DEMAND_QUESTIONS) as (keyof typeof DEMAND_QUESTIONS)[];
  if (!keys.every((k) => typeof answers[k] === 'number')) return undefined;
  return demandScore(answers as Pick<Answers, keyof typeof DEMAND_QUESTIONS>);
}

// ---- Review ----

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Amounts without a currency sign: the plan sheet uses the spreadsheet's own currency. */
const amount = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** "2026-03-01" -> "1 Mar 2026", read as a calendar date so no time zone can move it a day. */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** One answer as the review shows it. */
export function displayValue(name: FieldName, value: unknown): string {
  const info = fieldInfo(name);
  if (value === undefined || value === null || value === '') return '—';
  switch (info.kind) {
    case 'money':
      return typeof value === 'number' ? amount(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${fractionToPercent(value)}%` : String(value);
    case 'scale':
      return `${value} of 5`;
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'date':
      return formatIsoDate(String(value));
    case 'choice':
      return info.options?.[String(value)] ?? String(value);
    case 'figures': {
      if (!Array.isArray(value) || value.length === 0) return '—';
      const nums = value as number[];
      return `${nums.length} months, ${amount(Math.min(...nums))} to ${amount(Math.max(...nums))}`;
    }
    default:
      return String(value);
  }
}

export interface ReviewRow {
  /** The answer shown; absent for a figure derived from answers (the demand score). */
  name?: FieldName;
  label: string;
  value: string;
}

export interface ReviewSection {
  stepIndex: number;
  title: string;
  rows: ReviewRow[];
}

/** Every answered step, field by field, as the review step lists it (defaults filled in by the schema). */
export function reviewSections(answers: Answers | DraftAnswers): ReviewSection[] {
  const record = answers as Record<string, unknown>;
  const shownForm = answersToForm(answers);
  const sections: ReviewSection[] = [];
  STEPS.forEach((step, stepIndex) => {
    if (step.fields.length === 0) return;
    const rows = step.fields
      .filter((name) => isShown(name, shownForm))
      .map((name): ReviewRow => ({ name, label: fieldInfo(name).label, value: displayValue(name, record[name]) }));
    const score = step.id === 'niche' ? demandScoreOf(shownForm) : undefined;
    if (score !== undefined) rows.push({ label: 'Demand score', value: `${score} of 100` });
    sections.push({ stepIndex, title: step.title, rows });
  });
  return sections;
}

export type BuildCheck = { ok: true; answers: Answers } | { ok: false; errors: FieldErrors };

/** The full check before Build: the same validateAnswers the server runs, on what the form holds. */
export function checkForBuild(form: FormValues): BuildCheck {
  return validateAnswers(formToAnswers(form));
}

/** The step a field is asked on, to send the user back to fix it. */
export function stepIndexOf(name: FieldName): number {
  return STEPS.findIndex((step) => step.fields.includes(name));
}

/** The build's named outputs worth showing in the sidebar, in the order a person reads them. */
const KEY_NUMBERS: readonly { name: string; label: string; unit: 'amount' | 'months' | 'date' | 'percent' }[] = [
  { name: 'LEAP_TAX_RATE', label: 'Tax set-aside rate', unit: 'percent' },
  { name: 'LEAP_MONTHLY_TAX_SET_ASIDE', label: 'Set aside for tax in a low month', unit: 'amount' },
  { name: 'LEAP_LOW_END_BUDGET', label: 'Left to spend in a low month', unit: 'amount' },
  { name: 'LEAP_BUFFER_TARGET', label: 'Buffer target', unit: 'amount' },
  { name: 'LEAP_RUNWAY_MONTHS', label: 'Runway (months)', unit: 'months' },
  { name: 'LEAP_READY_DATE', label: 'Buffer reached by', unit: 'date' },
  { name: 'LEAP_HOURLY_RATE', label: 'Hourly rate to charge', unit: 'amount' },
];

/** The key numbers a build returned, formatted; names the server did not send are left out. */
export function keyNumberRows(keyNumbers: unknown): { label: string; value: string }[] {
  if (typeof keyNumbers !== 'object' || keyNumbers === null) return [];
  const record = keyNumbers as Record<string, unknown>;
  return KEY_NUMBERS.filter(({ name }) => record[name] !== undefined && record[name] !== null).map(({ name, label, unit }) => {
    const value = record[name];
    if (typeof value !== 'number') return { label, value: unit === 'date' ? formatIsoDate(String(value)) : String(value) };
    const text =
      unit === 'percent'
        ? `${fractionToPercent(value)}%`
        : unit === 'months'
          ? value.toLocaleString('en-US', { maximumFractionDigits: 1 })
          : amount(value);
    return { label, value: text };
  });
}
