/**
 * The review step's pieces as elements: the answers step by step, what blocks a build, build progress and the
 * built plan's key numbers. No state: the wizard decides when each is shown.
 */
import type { FieldErrors, FieldName } from '../src/plan/answers';
import type { BuildResult } from '../src/protocol';
import { definitionList, el } from './dom';
import {
  type BuildQuestion,
  calculatingKeyNumbers,
  type DraftAnswers,
  fieldInfo,
  keyNumberRows,
  reviewSections,
  stepIndexOf,
} from './form';

/** Every answered step with an "Edit" link back to it (marked as coming from the review). */
export function reviewView(answers: DraftAnswers): HTMLElement[] {
  return reviewSections(answers).map((section) =>
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
            'data-from-review': '',
            'aria-label': `Edit ${section.title}`,
          },
          'Edit',
        ),
      ),
      definitionList(section.rows),
    ),
  );
}

/** What stops the build, each with a link to the step that asks it. */
export function buildProblemsView(errors: FieldErrors): HTMLElement[] {
  const items = (Object.keys(errors) as FieldName[]).map((name) => {
    const step = stepIndexOf(name);
    return el(
      'li',
      {},
      `${fieldInfo(name).label}: ${errors[name]} `,
      el(
        'button',
        { type: 'button', class: 'link small', 'data-step': String(step), 'data-field': name, 'data-from-review': '' },
        `Go to step ${step + 1}`,
      ),
    );
  });
  return [el('p', {}, 'Some answers need fixing before the plan can be built:'), el('ul', {}, ...items)];
}

/** The figures to confirm before the build, each with a way back to its step, and the button that builds anyway. */
export function confirmBuildView(questions: readonly BuildQuestion[], build: () => void): HTMLElement[] {
  const items = questions.map(({ name, question }) => {
    const step = stepIndexOf(name);
    return el(
      'li',
      {},
      `${question} `,
      el(
        'button',
        { type: 'button', class: 'link small', 'data-step': String(step), 'data-field': name, 'data-from-review': '' },
        `Change it (step ${step + 1})`,
      ),
    );
  });
  const buildAnyway = el('button', { type: 'button', class: 'primary', id: 'confirm-build' }, 'Yes, build with these');
  buildAnyway.addEventListener('click', build);
  return [
    el('p', {}, 'Before building, check these figures:'),
    el('ul', {}, ...items),
    el('div', { class: 'button-row' }, buildAnyway),
  ];
}

export function buildingView(): HTMLElement {
  return el(
    'div',
    { class: 'building' },
    el('p', {}, 'Building your plan… this takes a few seconds.'),
    el('div', { class: 'progress-bar', role: 'progressbar', 'aria-label': 'Building your plan' }, el('span')),
  );
}

/** The built plan: a link that shows it, and its key numbers exactly as the sheet displays them. */
export function builtView(result: BuildResult, openPlan: () => void): { nodes: HTMLElement[]; focus: HTMLElement } {
  const link = el('button', { type: 'button', class: 'link', id: 'open-plan' }, `Open “${result.sheetName}”`);
  link.addEventListener('click', openPlan);
  const rows = keyNumberRows(result.keyNumbers);
  const calculating = calculatingKeyNumbers(result.keyNumbers);
  const nodes = [
    el('div', { class: 'success' }, el('p', {}, 'Your plan is ready. Edit its inputs and every number updates.'), link),
    ...(rows.length || calculating.length
      ? [
          el(
            'div',
            { class: 'review-section key-numbers', id: 'key-numbers' },
            el('h2', {}, 'Key numbers, as the sheet shows them'),
            ...(rows.length ? [definitionList(rows)] : []),
            // Sheets runs each custom function as its own execution: these had not arrived when the build answered.
            ...(calculating.length
              ? [
                  el(
                    'p',
                    { class: 'note', id: 'still-calculating' },
                    `Still calculating on the sheet: ${calculating.join(', ')}. Open the plan to see them arrive.`,
                  ),
                ]
              : []),
          ),
        ]
      : []),
  ];
  return { nodes, focus: link };
}
