/**
 * Menu callbacks, triggers and google.script.run targets: the Apps Script side's public surface.
 *
 * google.script.run targets (all arguments and results are plain JSON: dates as ISO strings "YYYY-MM-DD"):
 *   leapGetDraft()            -> { answers: object | null, savedAt: string | null }
 *                                the draft saved for this spreadsheet (savedAt is an ISO timestamp), or nulls.
 *   leapSaveDraft(answers)    -> { savedAt: string, bytes: number }
 *                                answers: the answers object as gathered so far (any subset of the fields in
 *                                src/plan/answers.ts FIELDS; not validated, so a half-filled step can be saved).
 *                                Throws Error("Your answers are too long to save as a draft (… KB of 9 KB) …")
 *                                when it would not fit; the previous draft is then kept as it was.
 *   leapClearDraft()          -> { cleared: true }                      ("Start over")
 *   leapBuildPlan(answers)    -> { sheetName: string, keyNumbers: { LEAP_TAX_RATE: number, ... } }
 *                                answers: the full answers object. Validated again with validateAnswers; on
 *                                failure throws Error("Some answers need fixing: <label>: <message>; …") and
 *                                writes nothing. Throws Error("A build is already running …") when another build
 *                                holds the document lock. keyNumbers: the named outputs (LEAP_TAX_RATE,
 *                                LEAP_MONTHLY_TAX_SET_ASIDE, LEAP_LOW_END_BUDGET, LEAP_BENEFITS_COST,
 *                                LEAP_BUFFER_TARGET, LEAP_RUNWAY_MONTHS (number or "∞"), LEAP_MONTHS_TO_BUFFER,
 *                                LEAP_READY_DATE (ISO date string), LEAP_HOURLY_RATE). The draft is kept.
 *   leapActivatePlan()        -> { sheetName: string }  shows the plan sheet; throws Error("No plan yet …").
 * Menu callbacks (no arguments, no result): leapShowSidebar, leapInsertExamples, leapShowHelp.
 */
import { showHelp, showSidebar } from './dialogs';
import { clearDraft, getDraft, saveDraft } from './drafts';
import { insertExamples } from './examples';
import { onOpen } from './menu';
import { activatePlan, buildPlanSheet } from './plan';

interface EntryPoint {
  /** Parameter names of the top-level stub. */
  params: string[];
  /** The JSDoc line above the stub. */
  doc: string;
  run: (...args: never[]) => unknown;
}

export const entryPoints: Record<string, EntryPoint> = {
  onOpen: { params: ['e'], doc: 'Builds the Extensions > Leap menu. Needs no authorization.', run: onOpen },
  onInstall: { params: ['e'], doc: 'Runs onOpen when the add-on is installed.', run: onOpen },
  leapShowSidebar: { params: [], doc: 'Menu: opens the transition wizard in the sidebar.', run: showSidebar },
  leapInsertExamples: { params: [], doc: 'Menu: adds a sheet with every Leap function and a live example.', run: insertExamples },
  leapShowHelp: { params: [], doc: 'Menu: shows what Leap does and where to read more.', run: showHelp },
  leapGetDraft: { params: [], doc: "Sidebar: the wizard's saved draft, or nulls.", run: getDraft },
  leapSaveDraft: { params: ['answers'], doc: "Sidebar: saves the wizard's answers so far.", run: saveDraft },
  leapClearDraft: { params: [], doc: 'Sidebar: forgets the draft (Start over).', run: clearDraft },
  leapBuildPlan: {
    params: ['answers'],
    doc: 'Sidebar: validates the answers and builds the Transition Plan sheet.',
    run: buildPlanSheet,
  },
  leapActivatePlan: { params: [], doc: 'Sidebar: shows the Transition Plan sheet.', run: activatePlan },
};
