/**
 * The Leap wizard page. Steps and fields come from the answers contract (src/plan/answers.ts); the checks
 * are the same schema the server runs. Every piece of user or server text is set with textContent.
 */
import { type FieldErrors, type FieldName, fieldHint, STEPS } from '../src/plan/answers';
import {
  answersToForm,
  checkForBuild,
  defaultForm,
  demandScoreOf,
  FIELD_NAMES,
  type FormValues,
  fieldInfo,
  firstIncompleteStep,
  formToAnswers,
  isShown,
  keyNumberRows,
  placeholderFor,
  reviewSections,
  stepErrors,
  stepIndexOf,
  suggestBufferMonths,
} from './form';
import { callServer, serverErrorMessage } from './server';

/** Quiet time after the last keystroke before the draft is saved; each save is a server round trip. */
const SAVE_DELAY_MS = 1000;
const REVIEW_INDEX = STEPS.length - 1;

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('wizard');
const stepsHost = byId('steps');
const progressText = byId('progress-text');
const progressFill = byId('progress-fill');
const title = byId('step-title');
const why = byId('step-why');
const backButton = byId<HTMLButtonElement>('back');
const nextButton = byId<HTMLButtonElement>('next');
const startOverButton = byId<HTMLButtonElement>('start-over');
const saveStatus = byId('save-status');
const serverError = byId('server-error');
const announcer = byId('announcer');

type Attrs = Record<string, string | undefined>;

/** Builds an element; text goes in as textContent, so nothing the user or the server sends is ever parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(key, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

const describedBy = (name: FieldName): string => [fieldHint(name) ? `hint-${name}` : '', `err-${name}`].filter(Boolean).join(' ');

function hintAndError(name: FieldName): Node[] {
  const hint = fieldHint(name);
  return [
    ...(hint ? [el('span', { class: 'hint', id: `hint-${name}` }, hint)] : []),
    el('span', { class: 'error', id: `err-${name}` }),
  ];
}

const SCALE_POINTS = ['1', '2', '3', '4', '5'];

/** One question, as the field's kind asks: a box, a list of options, a 1-5 scale or a tick box. */
function renderField(name: FieldName): HTMLElement {
  const info = fieldInfo(name);
  const id = `in-${name}`;
  if (info.kind === 'choice' || info.kind === 'scale') {
    const options: [string, string][] =
      info.kind === 'choice' ? Object.entries(info.options ?? {}) : SCALE_POINTS.map((p) => [p, p]);
    const choices = options.map(([value, label]) =>
      el('label', { class: 'choice' }, el('input', { type: 'radio', name, value, id: `${id}-${value}` }), el('span', {}, label)),
    );
    return el(
      'fieldset',
      { class: 'field', id: `field-${name}`, role: 'radiogroup', 'aria-describedby': describedBy(name) },
      el('legend', { class: 'group-label' }, info.label),
      el('div', { class: info.kind === 'scale' ? 'scale' : 'choices' }, ...choices),
      ...hintAndError(name),
    );
  }
  if (info.kind === 'boolean') {
    return el(
      'div',
      { class: 'field', id: `field-${name}` },
      el(
        'label',
        { class: 'choice' },
        el('input', { type: 'checkbox', name, id, 'aria-describedby': describedBy(name) }),
        el('span', {}, info.label),
      ),
      ...hintAndError(name),
    );
  }
  const common: Attrs = { name, id, 'aria-describedby': describedBy(name), autocomplete: 'off' };
  let control: HTMLElement;
  if (info.kind === 'longtext' || info.kind === 'figures') {
    control = el('textarea', {
      ...common,
      rows: info.kind === 'figures' ? '4' : '2',
      spellcheck: String(info.kind !== 'figures'),
    });
  } else if (info.kind === 'date') {
    control = el('input', { ...common, type: 'date' });
  } else {
    const numeric = info.kind !== 'text';
    control = el('input', {
      ...common,
      type: 'text',
      inputmode: numeric ? (info.kind === 'count' ? 'numeric' : 'decimal') : undefined,
      placeholder: placeholderFor(name) || undefined,
    });
    if (info.kind === 'percent')
      control = el('div', { class: 'affix' }, control, el('span', { class: 'unit', 'aria-hidden': 'true' }, '%'));
  }
  // The "%" beside the box is decoration; screen readers hear the unit as part of the label.
  const unit = info.kind === 'percent' ? [el('span', { class: 'visually-hidden' }, ' (percent)')] : [];
  return el(
    'div',
    { class: 'field', id: `field-${name}` },
    el('label', { for: id }, info.label, ...unit),
    control,
    ...hintAndError(name),
  );
}

/** Extras that help answer a step: the demand score on the niche step, the buffer suggestion on the buffer step. */
const demandNote = el('p', { class: 'note', id: 'demand-score', 'aria-live': 'polite', hidden: '' });
const suggestionText = el('span');
const useSuggestion = el('button', { type: 'button', class: 'secondary', id: 'use-suggestion' }, 'Use');
const suggestion = el('div', { class: 'suggestion', id: 'buffer-suggestion', hidden: '' }, suggestionText, useSuggestion);

const reviewHost = el('div', { id: 'review' });
const reviewProblems = el('div', { class: 'alert', id: 'review-problems', role: 'alert' });
const buildStatus = el('div', { id: 'build-status', 'aria-live': 'polite' });
// Inputs edited on the sheet are replaced by a rebuild; say so before, not after.
const rebuildNote = el(
  'p',
  { class: 'hint', id: 'rebuild-note' },
  "Building again replaces the plan's input cells with these answers; ticked steps and notes are kept.",
);

const sections = STEPS.map((step) => {
  const section = el('section', { id: `step-${step.id}`, hidden: '' });
  for (const name of step.fields) {
    section.append(renderField(name));
    if (name === 'demandReach') section.append(demandNote);
  }
  // Build progress and its result go above the long review, where they are seen without scrolling.
  if (step.fields.length === 0) section.append(reviewProblems, buildStatus, rebuildNote, reviewHost);
  return section;
});
stepsHost.append(...sections);
byId('field-bufferMonths').append(suggestion);

// ---- Reading and writing the form ----

function controlsOf(name: FieldName): HTMLInputElement[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>(`[name="${name}"]`));
}

function readForm(): FormValues {
  const values: FormValues = {};
  for (const name of FIELD_NAMES) {
    const controls = controlsOf(name);
    const first = controls[0];
    if (!first) continue;
    if (first.type === 'checkbox') values[name] = first.checked;
    else if (first.type === 'radio') values[name] = controls.find((c) => c.checked)?.value ?? '';
    else values[name] = first.value;
  }
  return values;
}

/** Writes values into the inputs; with `only`, just those fields (a restored draft must not undo what the user typed). */
function writeForm(values: FormValues, only: readonly FieldName[] = FIELD_NAMES): void {
  for (const name of only) {
    const value = values[name];
    for (const control of controlsOf(name)) {
      if (control.type === 'checkbox') control.checked = value === true;
      else if (control.type === 'radio') control.checked = control.value === value;
      else control.value = typeof value === 'string' ? value : '';
    }
  }
  refreshDerived();
}

/** Fields whose showWhen rule is unmet are hidden; the demand score and buffer suggestion follow the answers. */
function refreshDerived(): void {
  const values = readForm();
  for (const name of FIELD_NAMES) byId(`field-${name}`).hidden = !isShown(name, values);
  const score = demandScoreOf(values);
  demandNote.hidden = score === undefined;
  demandNote.textContent =
    score === undefined ? '' : `Demand score: ${score} of 100. Higher means clearer signs people will pay.`;
  const suggested = suggestBufferMonths(values);
  suggestion.hidden = suggested === undefined;
  if (suggested) {
    const swing = Math.round(suggested.volatility * 100);
    suggestionText.textContent = `Your monthly figures swing about ${swing}% around their average: we suggest ${suggested.months} months.`;
    useSuggestion.textContent = `Use ${suggested.months}`;
    useSuggestion.dataset.months = String(suggested.months);
    useSuggestion.hidden = values.bufferMonths === String(suggested.months);
  }
}

// ---- Errors ----

/** Fields whose problem is on show: after a Next attempt, or once the user has changed and left them. */
const errorsShown = new Set<FieldName>();

function showErrors(errors: FieldErrors): void {
  for (const name of STEPS[current].fields) {
    const message = errorsShown.has(name) ? errors[name] : undefined;
    byId(`err-${name}`).textContent = message ?? '';
    const target =
      fieldInfo(name).kind === 'choice' || fieldInfo(name).kind === 'scale' ? byId(`field-${name}`) : byId(`in-${name}`);
    if (message) target.setAttribute('aria-invalid', 'true');
    else target.removeAttribute('aria-invalid');
  }
}

function focusField(name: FieldName): void {
  const controls = controlsOf(name);
  (controls.find((c) => c.checked) ?? controls[0])?.focus();
}

function showServerError(message: string): void {
  serverError.textContent = message;
}

// ---- Steps ----

let current = 0;
let userNavigated = false;

function showStep(index: number): void {
  current = index;
  const step = STEPS[index];
  sections.forEach((section, i) => {
    section.hidden = i !== index;
  });
  progressText.textContent = `Step ${index + 1} of ${STEPS.length}`;
  progressFill.style.width = `${((index + 1) / STEPS.length) * 100}%`;
  title.textContent = step.title;
  why.textContent = step.why;
  backButton.hidden = index === 0;
  nextButton.textContent = index === REVIEW_INDEX ? 'Build plan' : 'Next';
  if (index === REVIEW_INDEX) renderReview();
  showErrors(stepErrors(step, readForm()));
}

/** Focus goes to the step's first question so typing can go on; the live region tells screen readers where they are. */
function focusStep(): void {
  const step = STEPS[current];
  const firstShown = step.fields.find((name) => !byId(`field-${name}`).hidden);
  if (firstShown) focusField(firstShown);
  else title.focus();
  announcer.textContent = `Step ${current + 1} of ${STEPS.length}: ${step.title}. ${step.why}`;
}

function goTo(index: number): void {
  userNavigated = true;
  serverError.textContent = '';
  saveNow();
  showStep(index);
  focusStep();
}

function next(): void {
  if (building) return;
  if (current === REVIEW_INDEX) {
    buildPlan();
    return;
  }
  const step = STEPS[current];
  const errors = stepErrors(step, readForm());
  const invalid = step.fields.filter((name) => errors[name]);
  if (invalid.length > 0) {
    for (const name of invalid) errorsShown.add(name);
    showErrors(errors);
    focusField(invalid[0]);
    announcer.textContent =
      invalid.length === 1 ? 'One answer needs fixing before Next.' : `${invalid.length} answers need fixing before Next.`;
    return;
  }
  goTo(current + 1);
}

// ---- Review and build ----

function renderReview(): void {
  const check = checkForBuild(readForm());
  const answers = check.ok ? check.answers : formToAnswers(readForm());
  reviewHost.replaceChildren(
    ...reviewSections(answers).map((section) =>
      el(
        'div',
        { class: 'review-section' },
        el(
          'h2',
          {},
          el('span', {}, section.title),
          el(
            'button',
            {
              type: 'button',
              class: 'link small',
              'data-step': String(section.stepIndex),
              'aria-label': `Edit ${section.title}`,
            },
            'Edit',
          ),
        ),
        el('dl', {}, ...section.rows.flatMap((row) => [el('dt', {}, row.label), el('dd', {}, row.value)])),
      ),
    ),
  );
  reviewProblems.replaceChildren();
}

function showBuildProblems(errors: FieldErrors): void {
  const items = (Object.keys(errors) as FieldName[]).map((name) => {
    const step = stepIndexOf(name);
    return el(
      'li',
      {},
      `${fieldInfo(name).label}: ${errors[name]} `,
      el(
        'button',
        { type: 'button', class: 'link small', 'data-step': String(step), 'data-field': name },
        `Go to step ${step + 1}`,
      ),
    );
  });
  reviewProblems.replaceChildren(el('p', {}, 'Some answers need fixing before the plan can be built:'), el('ul', {}, ...items));
}

let building = false;

function setBuilding(on: boolean): void {
  building = on;
  nextButton.disabled = on;
  backButton.disabled = on;
  startOverButton.disabled = on;
}

interface BuildResult {
  sheetName: string;
  keyNumbers: Record<string, unknown>;
}

function buildPlan(): void {
  const check = checkForBuild(readForm());
  if (!check.ok) {
    showBuildProblems(check.errors);
    return;
  }
  reviewProblems.replaceChildren();
  setBuilding(true);
  buildStatus.replaceChildren(
    el(
      'div',
      { class: 'building' },
      el('p', {}, 'Building your plan… this takes a few seconds.'),
      el('div', { class: 'progress-bar', role: 'progressbar', 'aria-label': 'Building your plan' }, el('span')),
    ),
  );
  saveNow()
    .then(() => callServer<BuildResult>('leapBuildPlan', check.answers))
    .then(
      (result) => {
        const openPlan = el('button', { type: 'button', class: 'link', id: 'open-plan' }, `Open “${result.sheetName}”`);
        openPlan.addEventListener('click', activatePlan);
        const rows = keyNumberRows(result.keyNumbers);
        buildStatus.replaceChildren(
          el('div', { class: 'success' }, el('p', {}, 'Your plan is ready. Edit its inputs and every number updates.'), openPlan),
          ...(rows.length
            ? [
                el(
                  'div',
                  { class: 'review-section' },
                  el('h2', {}, 'Key numbers'),
                  el('dl', {}, ...rows.flatMap((row) => [el('dt', {}, row.label), el('dd', {}, row.value)])),
                ),
              ]
            : []),
        );
        nextButton.textContent = 'Build again';
        openPlan.focus();
      },
      (error: unknown) => {
        buildStatus.replaceChildren();
        showServerError(`The plan was not built: ${serverErrorMessage(error)}`);
      },
    )
    .finally(() => setBuilding(false));
}

function activatePlan(): void {
  serverError.textContent = '';
  callServer('leapActivatePlan').catch((error: unknown) => showServerError(serverErrorMessage(error)));
}

// ---- Draft ----

/** The draft as last stored (or loaded); a save with nothing new is skipped. */
let savedJson = '';
let draftLoaded = false;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> = Promise.resolve();
const touched = new Set<FieldName>();

function setSaveStatus(text: string): void {
  saveStatus.textContent = text;
}

function scheduleSave(): void {
  if (!draftLoaded) return;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, SAVE_DELAY_MS);
}

/** Saves the draft now (queued behind any save in flight, so the last one written is the newest). */
function saveNow(): Promise<void> {
  clearTimeout(saveTimer);
  if (!draftLoaded) return saving;
  saving = saving.then(() => {
    const answers = formToAnswers(readForm());
    const json = JSON.stringify(answers);
    if (json === savedJson) return;
    setSaveStatus('Saving draft…');
    return callServer('leapSaveDraft', answers).then(
      () => {
        savedJson = json;
        setSaveStatus('Draft saved');
      },
      (error: unknown) => {
        // The footer has room for a few words; the reason goes in the alert above the questions.
        setSaveStatus('Draft not saved');
        showServerError(`Your draft was not saved: ${serverErrorMessage(error)}`);
      },
    );
  });
  return saving;
}

interface Draft {
  answers: unknown;
  savedAt: string | null;
}

function restoreDraft(): void {
  callServer<Draft>('leapGetDraft')
    .then(
      (draft) => {
        if (!draft?.answers) return;
        const restored = answersToForm(draft.answers);
        writeForm(
          restored,
          FIELD_NAMES.filter((name) => !touched.has(name) && restored[name] !== undefined),
        );
        savedJson = JSON.stringify(formToAnswers(answersToForm(draft.answers)));
        setSaveStatus('Draft restored');
        if (!userNavigated && touched.size === 0) {
          showStep(firstIncompleteStep(readForm()));
          focusStep();
        }
      },
      (error: unknown) => showServerError(`Your saved answers could not be loaded: ${serverErrorMessage(error)}`),
    )
    .finally(() => {
      draftLoaded = true;
      if (touched.size > 0) scheduleSave();
    });
}

// ---- Start over ----

const confirmClear = el('button', { type: 'button', class: 'primary', id: 'confirm-start-over' }, 'Clear answers');
const cancelClear = el('button', { type: 'button', class: 'secondary' }, 'Keep');
const confirmBar = el(
  'div',
  { class: 'note', id: 'start-over-confirm', hidden: '', role: 'group', 'aria-label': 'Start over' },
  el('p', {}, 'Clear every answer and the saved draft?'),
  el('div', { class: 'button-row' }, confirmClear, cancelClear),
);
form.insertBefore(confirmBar, stepsHost);

startOverButton.addEventListener('click', () => {
  confirmBar.hidden = false;
  confirmClear.focus();
});
cancelClear.addEventListener('click', () => {
  confirmBar.hidden = true;
  startOverButton.focus();
});
confirmClear.addEventListener('click', () => {
  clearTimeout(saveTimer);
  confirmClear.disabled = true;
  // Behind any save already sent, so a late save cannot bring the cleared draft back.
  saving
    .then(() => callServer('leapClearDraft'))
    .then(
      () => {
        const empty = defaultForm();
        writeForm(empty);
        savedJson = JSON.stringify(formToAnswers(empty));
        touched.clear();
        errorsShown.clear();
        buildStatus.replaceChildren();
        serverError.textContent = '';
        confirmBar.hidden = true;
        setSaveStatus('Answers cleared');
        showStep(0);
        focusStep();
      },
      (error: unknown) => showServerError(`Your answers were not cleared: ${serverErrorMessage(error)}`),
    )
    .finally(() => {
      confirmClear.disabled = false;
    });
});

// ---- Events ----

const fieldOf = (target: EventTarget | null): FieldName | undefined => {
  const name = (target as HTMLInputElement | null)?.name;
  return name && (FIELD_NAMES as string[]).includes(name) ? (name as FieldName) : undefined;
};

function onEdit(event: Event): void {
  const name = fieldOf(event.target);
  if (!name) return;
  touched.add(name);
  // A built plan no longer matches the answers once one changes; Build makes a new one.
  buildStatus.replaceChildren();
  // A choice is complete the moment it is made; a box is judged once the user leaves it (see focusout).
  if (fieldInfo(name).kind === 'choice' || fieldInfo(name).kind === 'scale' || fieldInfo(name).kind === 'boolean') {
    errorsShown.add(name);
  }
  refreshDerived();
  showErrors(stepErrors(STEPS[current], readForm()));
  scheduleSave();
}

form.addEventListener('input', onEdit);
form.addEventListener('change', onEdit);
form.addEventListener('focusout', (event) => {
  const name = fieldOf(event.target);
  if (!name || !touched.has(name)) return;
  errorsShown.add(name);
  showErrors(stepErrors(STEPS[current], readForm()));
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  next();
});
// Enter in a text box submits the form by itself; on a radio, tick box or list it does not, so it is added here.
form.addEventListener('keydown', (event) => {
  const target = event.target as HTMLInputElement;
  if (event.key !== 'Enter' || event.isComposing) return;
  if (target.type === 'radio' || target.type === 'checkbox' || target.tagName === 'SELECT') {
    event.preventDefault();
    next();
  }
});
form.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-step]');
  if (!button) return;
  const field = button.dataset.field as FieldName | undefined;
  if (field) errorsShown.add(field);
  goTo(Number(button.dataset.step));
  if (field) focusField(field);
});
useSuggestion.addEventListener('click', () => {
  const input = byId<HTMLInputElement>('in-bufferMonths');
  input.value = useSuggestion.dataset.months ?? input.value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.focus();
});
backButton.addEventListener('click', () => goTo(current - 1));
window.addEventListener('pagehide', () => {
  saveNow();
});

// ---- Start ----

writeForm(defaultForm());
showStep(0);
focusStep();
// The first step can be used from here on; the draft, if any, arrives later and fills what was not typed yet.
performance.mark('leap-wizard-interactive');
restoreDraft();
