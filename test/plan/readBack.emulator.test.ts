/**
 * Build again respects the sheet: leapGetPlanAnswers reads the plan's input cells back as answers, so edits made
 * on the sheet survive a rebuild from the wizard. Runs the built bundle on the emulator, plus the pure reader on
 * layoutPlan's own grid (so a change of the layout's labels fails here, not silently in the sidebar).
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { validateAnswers } from '../../src/plan/answers';
import { type Cell, layoutPlan } from '../../src/plan/layout';
import { buildPlan } from '../../src/plan/model';
import type { PlanAnswers } from '../../src/protocol';
import { answersFromGrid, PLAN_INPUT_LABELS } from '../../src/sheets/planReader';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const PLAN = 'Transition Plan';

function fresh(timeZone = 'UTC'): Emulator {
  const em = createLeapEmulator({ timeZone });
  loadDist(em);
  return em;
}

/** The A1 of the cell a named range points at. */
const cellOf = (em: Emulator, name: string): string => (em.toJSON().namedRanges[name] as string).split('!')[1].replace(/\$/g, '');
const named = (em: Emulator, name: string): unknown =>
  em.toJSON().sheets.find((s) => s.name === PLAN)?.cells[cellOf(em, name)]?.value;
/** The value cell beside a label of the Inputs block. */
function besideLabel(em: Emulator, label: string): string {
  const cells = em.toJSON().sheets.find((s) => s.name === PLAN)?.cells ?? {};
  const entry = Object.entries(cells).find(([a1, c]) => /^A\d+$/.test(a1) && c.value === label);
  if (!entry) throw new Error(`no input labelled ${label}`);
  return `B${entry[0].slice(1)}`;
}
const planAnswers = (em: Emulator) => em.run('leapGetPlanAnswers') as PlanAnswers | null;

test('UK and Canadian plans give back where the person pays tax, the region edited on the sheet and the provincial rate', () => {
  const uk = fresh();
  uk.run('leapBuildPlan', { ...SAMPLE_ANSWERS, taxCountry: 'uk_england' });
  expect(planAnswers(uk)?.answers).toMatchObject({ taxCountry: 'uk_england' });
  // The region cell takes TAX_RATE_UK's own words (its dropdown: test/plan/inputRules.emulator.test.ts).
  uk.enterInput(PLAN, cellOf(uk, 'JW_UK_REGION'), 'scotland');
  expect(planAnswers(uk)?.answers).toMatchObject({ taxCountry: 'uk_scotland' });
  const ca = fresh();
  ca.run('leapBuildPlan', { ...SAMPLE_ANSWERS, taxCountry: 'canada', stateTaxRate: 0.1 });
  ca.enterInput(PLAN, cellOf(ca, 'JW_PROVINCE_TAX_RATE'), '11.5%');
  expect(planAnswers(ca)?.answers).toMatchObject({ taxCountry: 'canada', stateTaxRate: 0.115 });
  const elsewhere = fresh();
  elsewhere.run('leapBuildPlan', { ...SAMPLE_ANSWERS, taxCountry: 'elsewhere', taxRate: 0.2 });
  expect(planAnswers(elsewhere)?.answers).toMatchObject({ taxCountry: 'elsewhere', taxMode: 'flat', taxRate: 0.2 });
});

test('no plan yet: null, and the wizard keeps the draft', () => {
  expect(planAnswers(fresh())).toBeNull();
});

test('a plan just built gives back the answers it was built from', () => {
  const em = fresh();
  em.run('leapBuildPlan', SAMPLE_ANSWERS);
  const back = planAnswers(em);
  expect(back?.sheetName).toBe(PLAN);
  expect(back?.answers).toEqual({
    monthlyExpenses: 3200,
    currentSavings: 8000,
    annualSalary: 78000,
    projectedMonthlyLow: 3000,
    projectedMonthlyHigh: 6500,
    healthMonthly: 625,
    // Living alone: the partner's rows hold 0.
    household: 'alone',
    partnerTakeHome: 0,
    partnerWages: 0,
    retirementRate: 0.04,
    ptoWeeks: 3,
    bufferMonths: 6,
    monthlySavings: 1200,
    rampMonths: 3,
    maxRisk: 0.1,
    // The what-if factors, from their own block.
    whatIfLean: 0.8,
    whatIfExpected: 1,
    whatIfStrong: 1.2,
    startDate: '2026-03-01',
    taxCountry: 'us',
    taxMode: 'flat',
    taxRate: 0.3,
  });
});

test('edited input cells come back as answers, and building again from them keeps the edits', () => {
  const em = fresh('America/New_York');
  em.run('leapBuildPlan', SAMPLE_ANSWERS);
  em.enterInput(PLAN, cellOf(em, 'JW_MONTHLY_EXPENSES'), '3,500');
  em.enterInput(PLAN, cellOf(em, 'JW_SAVINGS'), '$9,250');
  em.enterInput(PLAN, cellOf(em, 'JW_ANNUAL_SALARY'), '81000');
  em.enterInput(PLAN, cellOf(em, 'JW_START_DATE'), '2027-01-15');
  em.enterInput(PLAN, besideLabel(em, PLAN_INPUT_LABELS.taxRate), '25%');
  const back = planAnswers(em);
  expect(back?.answers).toMatchObject({
    monthlyExpenses: 3500,
    currentSavings: 9250,
    annualSalary: 81000,
    startDate: '2027-01-15',
    taxRate: 0.25,
  });
  // The wizard's answers: the draft, with what the sheet holds over it; the niche comes from the draft.
  const rebuilt = { ...SAMPLE_ANSWERS, ...back?.answers };
  expect(validateAnswers(rebuilt).ok).toBe(true);
  em.run('leapBuildPlan', rebuilt);
  expect(named(em, 'JW_MONTHLY_EXPENSES')).toBe(3500);
  expect(named(em, 'JW_SAVINGS')).toBe(9250);
  expect(named(em, 'JW_ANNUAL_SALARY')).toBe(81000);
  expect(String(named(em, 'JW_START_DATE')).slice(0, 10)).toBe('2027-01-15');
  expect(named(em, 'JW_TAX_RATE')).toBe(0.25);
  expect(em.toJSON().sheets.find((s) => s.name === PLAN)?.cells.A3.value).toContain(SAMPLE_ANSWERS.nicheService as string);
  // Read once more: the same answers, so a second rebuild changes nothing.
  expect(planAnswers(em)?.answers).toEqual(back?.answers);
});

test('the start date is the day the sheet shows, in any spreadsheet time zone', () => {
  for (const tz of ['Pacific/Honolulu', 'Asia/Tokyo']) {
    const em = fresh(tz);
    em.run('leapBuildPlan', SAMPLE_ANSWERS);
    em.enterInput(PLAN, cellOf(em, 'JW_START_DATE'), '2026-12-31');
    expect([tz, planAnswers(em)?.answers.startDate]).toEqual([tz, '2026-12-31']);
  }
});

test('pasted monthly figures come back as a list; projections taken from them come back empty', () => {
  const em = fresh();
  const figures = [4200, 3100, 6100, 5200];
  em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, projectedMonthlyLow: '', projectedMonthlyHigh: '', monthlyFigures: figures });
  em.enterInput(PLAN, 'L6', '2900');
  const back = planAnswers(em)?.answers;
  expect(back).toMatchObject({ monthlyFigures: [4200, 2900, 6100, 5200], projectedMonthlyLow: '', projectedMonthlyHigh: '' });
  const check = validateAnswers({ ...SAMPLE_ANSWERS, ...back });
  expect(check.ok && [check.answers.projectedMonthlyLow, check.answers.lowFromFigures]).toEqual([2900, true]);
  // A projection typed over the MIN formula is the user's own number from then on.
  em.enterInput(PLAN, cellOf(em, 'JW_PROJECTED_LOW'), '2500');
  expect(planAnswers(em)?.answers.projectedMonthlyLow).toBe(2500);
});

test('the US estimate: filing status and state rate come back in the answers’ terms (wages are a formula, not an answer)', () => {
  const em = fresh();
  em.run('leapBuildPlan', {
    ...SAMPLE_ANSWERS,
    taxMode: 'us_estimate',
    filingStatus: 'married_joint',
    stateTaxRate: 0.05,
  });
  em.enterInput(PLAN, besideLabel(em, PLAN_INPUT_LABELS.stateTaxRate), '4.5%');
  expect(planAnswers(em)?.answers).toMatchObject({
    taxMode: 'us_estimate',
    filingStatus: 'married_joint',
    stateTaxRate: 0.045,
  });
  expect(planAnswers(em)?.answers).not.toHaveProperty('taxRate');
  expect(planAnswers(em)?.answers).not.toHaveProperty('w2Wages');
});

test('text over an amount comes back as it stands, so the wizard says what to fix', () => {
  const em = fresh();
  em.run('leapBuildPlan', SAMPLE_ANSWERS);
  // Typing it is refused at the cell (test/plan/inputRules.emulator.test.ts); a plan built before its inputs had
  // rules, or a script's write, can still hold it.
  em.spreadsheet.getSheetByName(PLAN)?.getRange(cellOf(em, 'JW_SAVINGS')).setValue('about 8k');
  const back = planAnswers(em)?.answers;
  expect(back?.currentSavings).toBe('about 8k');
  const check = validateAnswers({ ...SAMPLE_ANSWERS, ...back });
  expect(!check.ok && check.errors.currentSavings).toBe('Enter your savings as an amount, e.g. 1200');
});

describe('the reader on the layout’s own grid', () => {
  /** The grid as getValues/getFormulas would read it: formulas evaluated as their literal inputs where needed. */
  function grid(changes: Record<string, unknown>) {
    const checked = validateAnswers({ ...SAMPLE_ANSWERS, ...changes });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const layout = layoutPlan(buildPlan(checked.answers), '2026-01-05');
    const value = (cell: Cell): unknown => {
      if (cell === null) return '';
      if ('formula' in cell) {
        const date = /^=DATE\((\d+),(\d+),(\d+)\)$/.exec(cell.formula);
        return date ? `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}` : 0;
      }
      if ('text' in cell) return cell.text;
      if ('number' in cell) return cell.number;
      return cell.checked;
    };
    const values = layout.cells.map((row) => row.map(value));
    const formulas = layout.cells.map((row) => row.map((cell) => (cell && 'formula' in cell ? cell.formula : '')));
    return answersFromGrid(values, formulas, (v) => v);
  }

  test('every label the reader looks for is one the layout writes (flat rate and US estimate)', () => {
    const flat = grid({});
    const us = grid({ taxMode: 'us_estimate', filingStatus: 'head_of_household', stateTaxRate: 0.03 });
    const found = new Set([...Object.keys(flat), ...Object.keys(us)]);
    for (const name of Object.keys(PLAN_INPUT_LABELS)) expect([name, found.has(name)]).toEqual([name, true]);
    expect(us).toMatchObject({ taxMode: 'us_estimate', filingStatus: 'head_of_household', stateTaxRate: 0.03 });
    expect(flat).toMatchObject({ taxMode: 'flat', taxRate: 0.3, startDate: '2026-03-01' });
  });

  test('a grid with no Inputs block gives no answers', () => {
    expect(answersFromGrid([['Something else', 1]], [['', '']], (v) => v)).toEqual({});
  });
});
