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
  FIELD_NAMES,
  FIELDS,
  type Field,
  type FieldErrors,
  type FieldName,
  type NumberStyle,
  optionLabels,
  otherStyleAmount,
  PLAIN_NUMBERS,
  parseMonthlyFigures,
  ruleHolds,
  SCALE_MAX,
  SCALE_MIN,
  STEPS,
  toNumber,
  validateAnswers,
  validateStep,
  type WizardStep,
} from '../src/plan/answers';
import { dateAsShown } from '../src/plan/currency';
import type { AnswersPayload, DocumentMoney, KeyNumberView } from '../src/protocol';

/** What the inputs hold: the text of each box or chosen option, and true/false for a checkbox. */
export type FormValues = Partial<Record<FieldName, string | boolean>>;
export type DraftAnswers = Partial<Record<FieldName, unknown>>;

export { FIELD_NAMES };
export const fieldInfo = (name: FieldName): Field<unknown> => FIELDS[name];

/** Drops floating-point noise such as 0.07 * 100 = 7.000000000000001, which would otherwise show in the form. */
const tidy = (n: number): number => Math.round(n * 1e9) / 1e9;

/**
 * How the document writes numbers (the server sends it with the draft): amounts are read in it, as the document's
 * cells read what is typed, so "5.000,50" in an en_US document is not taken for 5.0005.
 */
let documentNumbers: NumberStyle = PLAIN_NUMBERS;
export function useDocumentNumbers(numbers: NumberStyle | null | undefined): void {
  documentNumbers = numbers && typeof numbers.group === 'string' && typeof numbers.decimal === 'string' ? numbers : PLAIN_NUMBERS;
}
const readNumber = (text: string): unknown => toNumber(text, documentNumbers);

/** "30", "30%" or "7.5" typed in a percentage box -> 0.3, 0.075; anything else is left as typed for the schema to explain. */
export function percentToFraction(text: string): number | string {
  const n = readNumber(text.trim().replace(/%$/, ''));
  return typeof n === 'number' && Number.isFinite(n) ? tidy(n) / 100 : text.trim();
}

/**
 * A fraction as the percentage a person would type: at most four decimals, so a rate read back from the sheet
 * (0.35743683974) shows as 35.7437, not 35.743683974.
 */
export function fractionToPercent(fraction: number): string {
  return String(Math.round(tidy(fraction * 100) * 1e4) / 1e4);
}

/** Numbers as the review shows them: grouped, at most two decimals. */
export const formatNumber = (n: number, decimals = 2): string => n.toLocaleString('en-US', { maximumFractionDigits: decimals });

/**
 * A rate typed as a fraction (0.05) in a box that takes percentages is almost always meant as 5%: said beside
 * the box, without blocking Next, since 0.05% can be meant.
 */
export function percentWarning(name: FieldName, text: string | boolean | undefined): string | undefined {
  if (fieldInfo(name).kind !== 'percent' || typeof text !== 'string' || /%\s*$/.test(text)) return undefined;
  const n = readNumber(text.trim());
  if (typeof n !== 'number' || !(n > 0 && n < 1)) return undefined;
  const meant = fractionToPercent(n);
  return `${text.trim()} here means ${text.trim()}%. For ${meant}%, enter ${meant}`;
}

/** A field hidden by its showWhen rule is not part of the answers, so a stale value there never blocks Next. */
export function isShown(name: FieldName, form: FormValues): boolean {
  const rule = fieldInfo(name).showWhen;
  if (!rule) return true;
  // An unanswered question counts as its default (where you pay tax: the United States, until the locale or the person says).
  const answered = (field: string): unknown => {
    const value = form[field as FieldName];
    return value === undefined || value === '' ? fieldInfo(field as FieldName).defaultValue : value;
  };
  return ruleHolds(rule, new Proxy({}, { get: (_, field) => answered(String(field)) }));
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
        const n = readNumber(text);
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
  for (const name of step.fields) {
    const message = errors[name];
    if (message && fieldInfo(name).kind === 'date') errors[name] = inPickerFormat(message);
    // Text the schema could read in another style (it reads text as en_US writes it) is still the wrong style here.
    const meant = isShown(name, form) ? otherStyleMeaning(name, form[name]) : undefined;
    if (meant) errors[name] = meant;
  }
  return errors;
}

/** An amount written in another locale's style than the document's: what to write instead. */
function otherStyleMeaning(name: FieldName, typed: string | boolean | undefined): string | undefined {
  if (typeof typed !== 'string' || !['money', 'count', 'percent'].includes(fieldInfo(name).kind)) return undefined;
  const text = typed.trim().replace(/%$/, '');
  const meant = otherStyleAmount(text, documentNumbers);
  return meant === undefined
    ? undefined
    : `${text} is not how this document writes numbers: did you mean ${meant}? (${documentNumbers.decimal === ',' ? 'a comma' : 'a point'} before the decimals)`;
}

/**
 * The schema's examples are ISO dates ("e.g. 2026-03-01"); the date picker shows the browser's own order
 * (03/01/2026 in the US, 01/03/2026 in the UK), so the example is written the way the picker shows dates.
 */
export function inPickerFormat(message: string, locale?: string): string {
  return message.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso, y, m, d) => {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(date);
  });
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

/** How the document shows money (the server sends it with the draft); null: a plain number, as the plan shows it. */
let documentMoney: DocumentMoney | null = null;
export function useDocumentMoney(money: DocumentMoney | null): void {
  documentMoney = money;
}

/** An amount as the plan's cells show it: the document's currency symbol and separators ("£3,200", "3.200 €"). */
export function amount(n: number): string {
  if (!documentMoney) return formatNumber(n);
  const { locale, symbol, placement, spaced } = documentMoney;
  let digits: string;
  try {
    digits = Math.abs(n).toLocaleString(locale, { maximumFractionDigits: 2 });
  } catch {
    digits = formatNumber(Math.abs(n));
  }
  const gap = spaced ? '\u00a0' : '';
  const shown = placement === 'before' ? `${symbol}${gap}${digits}` : `${digits}${gap}${symbol}`;
  return n < 0 ? `-${shown}` : shown;
}

/** The document's date pattern (the server sends it with the draft); en_US's until it arrives. */
let documentDates = 'mmm d, yyyy';
export function useDocumentDates(pattern: string | null | undefined): void {
  documentDates = typeof pattern === 'string' && pattern !== '' ? pattern : 'mmm d, yyyy';
}

/**
 * "2026-03-01" as the plan's cells show it in this document: "Mar 1, 2026" (en_US), "1 Mar 2026" (en_GB),
 * "01.03.2026" (de_DE); read as a calendar date so no time zone can move it a day.
 */
export function formatIsoDate(iso: string): string {
  return dateAsShown(iso, documentDates);
}

/** One answer as the review shows it; `answers` give a choice its labels for the other answers (the entity's country). */
export function displayValue(name: FieldName, value: unknown, answers: Readonly<Record<string, unknown>> = {}): string {
  const info = fieldInfo(name);
  if (value === undefined || value === null || value === '') return '—';
  switch (info.kind) {
    case 'money':
      return typeof value === 'number' ? amount(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${formatNumber(value * 100)}%` : String(value);
    case 'scale':
      return `${value} of ${SCALE_MAX}`;
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'date':
      return formatIsoDate(String(value));
    case 'choice':
      return optionLabels(info, answers)[String(value)] ?? String(value);
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
      .map((name): ReviewRow => ({ name, label: fieldInfo(name).label, value: displayValue(name, record[name], record) }));
    const score = step.id === 'niche' ? demandScoreOf(shownForm) : undefined;
    if (score !== undefined) rows.push({ label: 'Demand score', value: `${score} of 100` });
    sections.push({ stepIndex, title: step.title, rows });
  });
  return sections;
}

/** A figure the wizard asks about before it builds: it passes the schema but is more likely a slip than meant. */
export interface BuildQuestion {
  name: FieldName;
  question: string;
}

/**
 * What to confirm before the build: an amount outside its field's plausible range (5 a month of living costs), and
 * a rate typed under 1 in a percentage box (0.3 there is 0.3%, most likely meant as 30%).
 */
export function buildQuestions(answers: Answers, form: FormValues): BuildQuestion[] {
  const questions: BuildQuestion[] = [];
  const record = answers as unknown as Record<string, unknown>;
  for (const name of FIELD_NAMES) {
    if (!isShown(name, form)) continue;
    const info = fieldInfo(name);
    const value = record[name];
    if (info.kind === 'money' && info.plausible && typeof value === 'number') {
      const { low, high } = info.plausible;
      if (low !== undefined && value < low) {
        questions.push({ name, question: `${info.label}: ${amount(value)}, far below what a household's is. Is that right?` });
      } else if (high !== undefined && value > high) {
        questions.push({ name, question: `${info.label}: ${amount(value)}, far above what a household's is. Is that right?` });
      }
    }
    const typed = form[name];
    if (info.kind === 'percent' && typeof value === 'number' && percentWarning(name, typed) !== undefined) {
      const meant = fractionToPercent(value * 100);
      questions.push({ name, question: `${info.label}: ${String(typed).trim()}%. Did you mean ${meant}%?` });
    }
  }
  return questions;
}

export type BuildCheck = { ok: true; answers: Answers } | { ok: false; errors: FieldErrors };

/** The full check before Build: the same validateAnswers the server runs, on what the form holds. */
export function checkForBuild(form: FormValues): BuildCheck {
  const check = validateAnswers(formToAnswers(form));
  const styleErrors: FieldErrors = {};
  for (const name of FIELD_NAMES) {
    const meant = isShown(name, form) ? otherStyleMeaning(name, form[name]) : undefined;
    if (meant) styleErrors[name] = meant;
  }
  if (Object.keys(styleErrors).length === 0) return check;
  return { ok: false, errors: { ...(check.ok ? {} : check.errors), ...styleErrors } };
}

/** The step a field is asked on, to send the user back to fix it. */
export function stepIndexOf(name: FieldName): number {
  return STEPS.findIndex((step) => step.fields.includes(name));
}

/**
 * The key numbers a build returned, as the sheet shows them: label and display text come from the server,
 * which reads them from the built sheet. Anything not shaped like a key number is left out.
 */
export function keyNumberRows(keyNumbers: unknown): { name: string; label: string; value: string }[] {
  return wellFormed(keyNumbers)
    .filter((k) => k.calculating !== true)
    .map((k) => ({ name: k.name as string, label: k.label as string, value: k.display as string }));
}

/**
 * The labels of the key numbers still calculating on the sheet when the build answered (each custom function is its
 * own execution on Sheets, showing "Loading..." until it returns): named, never shown as a figure.
 */
export function calculatingKeyNumbers(keyNumbers: unknown): string[] {
  return wellFormed(keyNumbers)
    .filter((k) => k.calculating === true)
    .map((k) => k.label as string);
}

function wellFormed(keyNumbers: unknown): Partial<KeyNumberView>[] {
  if (!Array.isArray(keyNumbers)) return [];
  return (keyNumbers as Partial<KeyNumberView>[]).filter(
    (k) => typeof k?.name === 'string' && typeof k.label === 'string' && typeof k.display === 'string',
  );
}

/**
 * What the wizard opens with: the saved draft, with every field the plan sheet holds taken from the sheet
 * (the user may have edited it there since the build). Fields the sheet does not hold, such as the niche, stay
 * as drafted. Returns the merged answers and the fields whose value the sheet changed.
 */
export function mergePlanAnswers(
  draft: AnswersPayload | null,
  plan: AnswersPayload | null,
): { answers: AnswersPayload; fromSheet: FieldName[] } {
  const answers: AnswersPayload = { ...(draft ?? {}) };
  const fromSheet: FieldName[] = [];
  // An answer left out of the draft holds the field's default, and "" is as empty as left out.
  const asAnswered = (name: FieldName, value: unknown): string =>
    JSON.stringify(value === undefined || value === '' ? (fieldInfo(name).defaultValue ?? null) : value);
  for (const name of FIELD_NAMES) {
    if (!plan || !(name in plan)) continue;
    if (asAnswered(name, plan[name]) !== asAnswered(name, answers[name])) fromSheet.push(name);
    answers[name] = plan[name];
  }
  return { answers, fromSheet };
}

// ---- The form, rendered from the field declarations ----

/** A DOM-free description of an element, so the form's markup is built and tested in Node. */
export interface View {
  tag: string;
  attrs: Record<string, string | undefined>;
  children: (View | string)[];
}

const h = (tag: string, attrs: View['attrs'] = {}, ...children: (View | string)[]): View => ({ tag, attrs, children });

const SCALE_POINTS = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i));

/** The ids of the lines that describe an input: its hint, a warning (rates) and its error. */
export function describedBy(name: FieldName): string {
  const info = fieldInfo(name);
  return [info.hint ? `hint-${name}` : '', info.kind === 'percent' ? `warn-${name}` : '', `err-${name}`]
    .filter(Boolean)
    .join(' ');
}

function notes(name: FieldName): View[] {
  const info = fieldInfo(name);
  return [
    ...(info.hint ? [h('span', { class: 'hint', id: `hint-${name}` }, info.hint)] : []),
    ...(info.kind === 'percent' ? [h('span', { class: 'warn', id: `warn-${name}`, 'aria-live': 'polite' })] : []),
    h('span', { class: 'error', id: `err-${name}` }),
  ];
}

/** One question as its declaration asks: a box, a list of options, a 1-5 scale or a tick box. */
export function fieldView(name: FieldName): View {
  const info = fieldInfo(name);
  const id = `in-${name}`;
  if (info.kind === 'choice' || info.kind === 'scale') {
    const options: [string, string][] =
      info.kind === 'choice' ? Object.entries(info.options ?? {}) : SCALE_POINTS.map((p) => [p, p]);
    const choices = options.map(([value, label]) =>
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'radio', name, value, id: `${id}-${value}` }),
        h('span', { id: `${id}-${value}-label` }, label),
      ),
    );
    return h(
      'fieldset',
      { class: 'field', id: `field-${name}`, role: 'radiogroup', 'aria-describedby': describedBy(name) },
      h('legend', { class: 'group-label' }, info.label),
      h('div', { class: info.kind === 'scale' ? 'scale' : 'choices' }, ...choices),
      ...notes(name),
    );
  }
  if (info.kind === 'boolean') {
    return h(
      'div',
      { class: 'field', id: `field-${name}` },
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'checkbox', name, id, 'aria-describedby': describedBy(name) }),
        h('span', {}, info.label),
      ),
      ...notes(name),
    );
  }
  const common: View['attrs'] = { name, id, 'aria-describedby': describedBy(name), autocomplete: 'off' };
  let control: View;
  if (info.kind === 'longtext' || info.kind === 'figures') {
    control = h('textarea', {
      ...common,
      rows: info.kind === 'figures' ? '4' : '2',
      spellcheck: String(info.kind !== 'figures'),
    });
  } else if (info.kind === 'date') {
    control = h('input', { ...common, type: 'date' });
  } else {
    const numeric = info.kind !== 'text';
    control = h('input', {
      ...common,
      type: 'text',
      inputmode: numeric ? (info.kind === 'count' ? 'numeric' : 'decimal') : undefined,
      placeholder: placeholderFor(name) || undefined,
    });
    if (info.kind === 'percent')
      control = h('div', { class: 'affix' }, control, h('span', { class: 'unit', 'aria-hidden': 'true' }, '%'));
  }
  // The "%" beside the box is decoration; screen readers hear the unit as part of the label.
  const unit = info.kind === 'percent' ? [h('span', { class: 'visually-hidden' }, ' (percent)')] : [];
  return h('div', { class: 'field', id: `field-${name}` }, h('label', { for: id }, info.label, ...unit), control, ...notes(name));
}

/** The labels each choice with country-dependent words shows for the form's values: field -> value -> label. */
export function choiceLabels(form: FormValues): Partial<Record<FieldName, Readonly<Record<string, string>>>> {
  const labels: Partial<Record<FieldName, Readonly<Record<string, string>>>> = {};
  for (const name of FIELD_NAMES) {
    const info = fieldInfo(name);
    if (info.optionsBy) labels[name] = optionLabels(info, form);
  }
  return labels;
}
