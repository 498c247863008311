/**
 * The Jumpwise wizard page: wires the form (rendered from the field declarations by form.ts), the steps, the draft
 * saver and the build together. Steps and checks are the answers contract's (src/plan/answers.ts), the same
 * schema the server runs. Every piece of user or server text is set with textContent.
 */
import { type FieldErrors, type FieldName, STEPS, TAX_COUNTRIES } from '../src/plan/answers';
import type { BuildResult, Draft, PlanAnswers } from '../src/protocol';
import { byId, el, toNode } from './dom';
import { createDraftSaver } from './draftSaver';
import {
  answersToForm,
  buildQuestions,
  checkForBuild,
  choiceLabels,
  defaultForm,
  demandScoreOf,
  FIELD_NAMES,
  type FormValues,
  fieldInfo,
  fieldView,
  firstIncompleteStep,
  formToAnswers,
  isShown,
  mergePlanAnswers,
  percentWarning,
  stepErrors,
  suggestBufferMonths,
  useDocumentDates,
  useDocumentMoney,
  useDocumentNumbers,
} from './form';
import { buildingView, buildProblemsView, builtView, confirmBuildView, reviewView } from './reviewViews';
import { callServer, serverErrorMessage } from './server';

const REVIEW_INDEX = STEPS.length - 1;

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

/** Extras that help answer a step: the demand score on the niche step, the buffer suggestion on the buffer step. */
const demandNote = el('p', { class: 'note', id: 'demand-score', 'aria-live': 'polite', hidden: '' });
const suggestionText = el('span');
const useSuggestion = el('button', { type: 'button', class: 'secondary', id: 'use-suggestion' }, 'Use');
const suggestion = el('div', { class: 'suggestion', id: 'buffer-suggestion', hidden: '' }, suggestionText, useSuggestion);

const reviewHost = el('div', { id: 'review' });
const reviewProblems = el('div', { class: 'alert', id: 'review-problems', role: 'alert' });
const buildStatus = el('div', { id: 'build-status', 'aria-live': 'polite' });
// Inputs edited on the sheet are read back when the wizard opens; say what a rebuild does before, not after.
const rebuildNote = el(
  'p',
  { class: 'hint', id: 'rebuild-note' },
  "Building again writes these answers into the plan's input cells; ticked steps and notes are kept.",
);
/** Answers the plan sheet changed since the draft: said where it stays in view, not in the save status the next save replaces. */
const sheetNote = el('p', { class: 'note', id: 'from-sheet', role: 'status', hidden: '' });
/** After "Edit" on the review, one click takes the user back to it once the step is fixed. */
const backToReview = el(
  'button',
  { type: 'button', class: 'secondary wide', id: 'back-to-review', hidden: '' },
  'Back to review',
);

const sections = STEPS.map((step) => {
  const section = el('section', { id: `step-${step.id}`, hidden: '' });
  for (const name of step.fields) {
    section.append(toNode(fieldView(name)));
    if (name === 'demandReach') section.append(demandNote);
  }
  // Build progress and its result go above the long review, where they are seen without scrolling.
  if (step.fields.length === 0) section.append(reviewProblems, buildStatus, rebuildNote, reviewHost);
  return section;
});
stepsHost.append(...sections);
stepsHost.after(backToReview);
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

/** Fields whose showWhen rule is unmet are hidden; the demand score, rate warnings and buffer suggestion follow the answers. */
function refreshDerived(): void {
  const values = readForm();
  for (const name of FIELD_NAMES) {
    byId(`field-${name}`).hidden = !isShown(name, values);
    if (fieldInfo(name).kind === 'percent') byId(`warn-${name}`).textContent = percentWarning(name, values[name]) ?? '';
  }
  // The entity's options in the words of the country chosen above it.
  for (const [name, labels] of Object.entries(choiceLabels(values))) {
    for (const [value, label] of Object.entries(labels ?? {})) byId(`in-${name}-${value}-label`).textContent = label;
  }
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
    const kind = fieldInfo(name).kind;
    const target = kind === 'choice' || kind === 'scale' ? byId(`field-${name}`) : byId(`in-${name}`);
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

// ---- Draft ----

const touched = new Set<FieldName>();
const drafts = createDraftSaver({
  read: () => formToAnswers(readForm()),
  save: (answers) => callServer('leapSaveDraft', answers),
  status: (text) => {
    saveStatus.textContent = text;
  },
  // The footer has room for a few words; the reason goes in the alert above the questions.
  failed: (message) => showServerError(`Your draft was not saved: ${serverErrorMessage(new Error(message))}`),
});

// ---- Steps ----

let current = 0;
let userNavigated = false;
/** Set by a review "Edit" link: the edited step offers the way straight back. */
let returnToReview = false;

function showStep(index: number): void {
  current = index;
  const step = STEPS[index];
  sections.forEach((section, i) => {
    section.hidden = i !== index;
  });
  if (index === REVIEW_INDEX) returnToReview = false;
  backToReview.hidden = !returnToReview;
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
  drafts.saveNow();
  showStep(index);
  focusStep();
}

/** Moves on from the current step to `index` once the step's answers pass; otherwise shows what to fix. */
function leaveStepFor(index: number): void {
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
  goTo(index);
}

function next(): void {
  if (building) return;
  if (current === REVIEW_INDEX) requestBuild();
  else leaveStepFor(current + 1);
}

// ---- Review and build ----

function renderReview(): void {
  const check = checkForBuild(readForm());
  reviewHost.replaceChildren(...reviewView(check.ok ? check.answers : formToAnswers(readForm())));
  reviewProblems.replaceChildren();
}

let building = false;

function setBuilding(on: boolean): void {
  building = on;
  nextButton.disabled = on;
  backButton.disabled = on;
  startOverButton.disabled = on;
}

function showBuilt(result: BuildResult): void {
  const { nodes, focus } = builtView(result, activatePlan);
  buildStatus.replaceChildren(...nodes);
  nextButton.textContent = 'Build again';
  focus.focus();
}

/**
 * Build plan: the full check here first, then the figures to confirm (an implausible amount, a rate under 1%), then
 * the server builds (and checks again). `confirmed`: the person said yes to the figures shown.
 */
function requestBuild(confirmed = false): void {
  const form = readForm();
  const check = checkForBuild(form);
  if (!check.ok) {
    reviewProblems.replaceChildren(...buildProblemsView(check.errors));
    return;
  }
  const questions = confirmed ? [] : buildQuestions(check.answers, form);
  if (questions.length > 0) {
    reviewProblems.replaceChildren(...confirmBuildView(questions, () => requestBuild(true)));
    reviewProblems.querySelector<HTMLElement>('#confirm-build')?.focus();
    return;
  }
  reviewProblems.replaceChildren();
  setBuilding(true);
  buildStatus.replaceChildren(buildingView());
  drafts
    .saveNow()
    .then(() => callServer('leapBuildPlan', check.answers))
    .then(showBuilt, (error: unknown) => {
      buildStatus.replaceChildren();
      showServerError(`The plan was not built: ${serverErrorMessage(error)}`);
    })
    .finally(() => setBuilding(false));
}

function activatePlan(): void {
  serverError.textContent = '';
  callServer('leapActivatePlan').catch((error: unknown) => showServerError(serverErrorMessage(error)));
}

// ---- Opening: the saved draft, and the plan sheet's inputs over it ----

/** A plan that cannot be read must not keep the draft from loading: the wizard then starts from the draft. */
function planAnswers(): Promise<PlanAnswers | null> {
  return callServer('leapGetPlanAnswers').catch((error: unknown) => {
    showServerError(`Your plan's inputs could not be read, so the wizard shows your draft: ${serverErrorMessage(error)}`);
    return null;
  });
}

function restore(): void {
  Promise.all([callServer('leapGetDraft'), planAnswers()]).then(
    ([draft, plan]: [Draft, PlanAnswers | null]) => {
      useDocumentMoney(draft?.money ?? null);
      useDocumentNumbers(draft?.numbers);
      useDocumentDates(draft?.datePattern);
      const { answers, fromSheet } = mergePlanAnswers(draft?.answers ?? null, plan?.answers ?? null);
      // Until the person says where they pay tax, the spreadsheet's locale answers for them.
      if (answers.taxCountry === undefined && !touched.has('taxCountry') && draft && draft.taxCountry in TAX_COUNTRIES) {
        writeForm({ taxCountry: draft.taxCountry }, ['taxCountry']);
      }
      if (Object.keys(answers).length > 0) {
        const restored = answersToForm(answers);
        writeForm(
          restored,
          FIELD_NAMES.filter((name) => !touched.has(name) && restored[name] !== undefined),
        );
        if (!userNavigated && touched.size === 0) {
          showStep(firstIncompleteStep(readForm()));
          focusStep();
        }
      }
      const loaded = draft?.answers ? formToAnswers(answersToForm(draft.answers)) : null;
      // Values taken from the sheet become the draft too, so the next opening agrees with the sheet.
      drafts.start(loaded, touched.size > 0 || fromSheet.length > 0);
      if (plan && fromSheet.length > 0) {
        sheetNote.textContent = `Read from “${plan.sheetName}” as it is now: ${fromSheet.map((n) => fieldInfo(n).label).join('; ')}.`;
        sheetNote.hidden = false;
      }
    },
    (error: unknown) => {
      showServerError(`Your saved answers could not be loaded: ${serverErrorMessage(error)}`);
      drafts.start(null, touched.size > 0);
    },
  );
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
form.insertBefore(sheetNote, stepsHost);

startOverButton.addEventListener('click', () => {
  confirmBar.hidden = false;
  confirmClear.focus();
});
cancelClear.addEventListener('click', () => {
  confirmBar.hidden = true;
  startOverButton.focus();
});
confirmClear.addEventListener('click', () => {
  confirmClear.disabled = true;
  // Behind any save already sent, so a late save cannot bring the cleared draft back.
  drafts
    .afterSaves(() => callServer('leapClearDraft'))
    .then(
      () => {
        const empty = defaultForm();
        writeForm(empty);
        drafts.reset(formToAnswers(empty), 'Answers cleared');
        touched.clear();
        errorsShown.clear();
        returnToReview = false;
        sheetNote.hidden = true;
        buildStatus.replaceChildren();
        serverError.textContent = '';
        confirmBar.hidden = true;
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
  const kind = fieldInfo(name).kind;
  if (kind === 'choice' || kind === 'scale' || kind === 'boolean') errorsShown.add(name);
  refreshDerived();
  showErrors(stepErrors(STEPS[current], readForm()));
  drafts.schedule();
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
  const fromReview = button.dataset.fromReview !== undefined;
  goTo(Number(button.dataset.step));
  returnToReview = fromReview;
  backToReview.hidden = !fromReview;
  if (field) focusField(field);
});
backToReview.addEventListener('click', () => leaveStepFor(REVIEW_INDEX));
useSuggestion.addEventListener('click', () => {
  const input = byId<HTMLInputElement>('in-bufferMonths');
  input.value = useSuggestion.dataset.months ?? input.value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.focus();
});
backButton.addEventListener('click', () => goTo(current - 1));
window.addEventListener('pagehide', () => {
  drafts.saveNow();
});

// ---- Start ----

writeForm(defaultForm());
showStep(0);
focusStep();
// The first step can be used from here on; the draft, if any, arrives later and fills what was not typed yet.
performance.mark('leap-wizard-interactive');
restore();
