/**
 * The plan's settling read from its declarations (planSettling) equals the measure the bench takes from a built
 * plan's formulas on the emulator (scripts/bench/settleRounds.ts formulaGraph), in every tax setting: the
 * declarations miss no read and invent none that would change the chain or the count of custom-function cells.
 */
import {
  buildPlan as buildOnEmulator,
  formulaGraph,
  PLAN_TAX_SETTINGS,
  type PlanTaxSetting,
} from '../../scripts/bench/settleRounds';
import { validateAnswers } from '../../src/plan/answers';
import { planGrid, planSettling } from '../../src/plan/layout';
import { buildPlan } from '../../src/plan/model';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

describe.each(Object.keys(PLAN_TAX_SETTINGS) as PlanTaxSetting[])('a %s plan', (setting) => {
  test('settles in as many rounds, with as many custom-function cells, by its declarations as by its built formulas', () => {
    const checked = validateAnswers({ ...SAMPLE_ANSWERS, ...PLAN_TAX_SETTINGS[setting] });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const declared = planSettling(planGrid(buildPlan(checked.answers), '2026-02-20').grid);
    const { emulator } = buildOnEmulator(undefined, SAMPLE_ANSWERS, setting, createLeapEmulator({ timeZone: 'UTC' }));
    const built = formulaGraph(emulator.toJSON());
    expect({ setting, rounds: declared.chain.length, cells: declared.customFunctionCells }).toEqual({
      setting,
      rounds: built.chain.length,
      cells: built.customFunctionCells.length,
    });
  });
});
