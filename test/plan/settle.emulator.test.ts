/**
 * How fast a plan settles on Google Sheets. Google, "Custom Functions in Google Sheets"
 * (https://developers.google.com/apps-script/guides/sheets/functions): each custom-function call is a separate call
 * to the Apps Script server and its cell reads "Loading..." until the result arrives; a cell whose arguments read
 * another custom-function cell waits for it (one round after the other). Google publishes no figure for how long
 * an execution takes; the emulator's executions mode gives each one second of virtual time.
 *
 * Measured twice, and the two must agree: from the built plan's formulas (the longest chain of custom-function
 * cells, scripts/bench/settleRounds.ts, the bench's planSettleRounds), and by editing living expenses on a plan
 * whose functions run as executions and counting the rounds until no cell reads "Loading...".
 */
import type { Emulator } from '../../emulator/src';
import { PLAN_FUNCTION_CELL_BUDGET } from '../../scripts/bench/plan';
import {
  buildPlan,
  formulaGraph,
  PLAN_SETTLE_ROUNDS_BUDGET,
  PLAN_TAX_SETTINGS,
  type PlanTaxSetting,
} from '../../scripts/bench/settleRounds';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const SETTINGS = Object.keys(PLAN_TAX_SETTINGS) as PlanTaxSetting[];
const EXECUTION_MS = 1000;

/** Rounds of executions until no cell of the spreadsheet reads "Loading...", one execution time at a time. */
function roundsUntilSettled(em: Emulator): number {
  let rounds = 0;
  while (em.loadingCells().length > 0) {
    if (rounds > 20) throw new Error(`still loading after 20 rounds: ${em.loadingCells().join(', ')}`);
    em.advanceTime(EXECUTION_MS);
    rounds++;
  }
  return rounds;
}

describe.each(SETTINGS)('a plan in the %s tax setting', (setting) => {
  test(`has at most ${PLAN_FUNCTION_CELL_BUDGET} custom-function cells, chained at most ${PLAN_SETTLE_ROUNDS_BUDGET} deep`, () => {
    const { emulator } = buildPlan(undefined, SAMPLE_ANSWERS, setting, createLeapEmulator({ timeZone: 'UTC' }));
    const graph = formulaGraph(emulator.toJSON());
    expect(graph.customFunctionCells.length).toBeLessThanOrEqual(PLAN_FUNCTION_CELL_BUDGET);
    expect(graph.chain.length).toBeGreaterThan(0);
    expect(graph.chain.length).toBeLessThanOrEqual(PLAN_SETTLE_ROUNDS_BUDGET);
  });

  /** A plan built with its functions as executions, settled after the build (which polls with Utilities.sleep). */
  function executingPlan(): { em: Emulator; rounds: number } {
    const em = createLeapEmulator({ timeZone: 'UTC', customFunctionExecutions: { executionMs: EXECUTION_MS } });
    buildPlan(undefined, SAMPLE_ANSWERS, setting, em);
    em.settle();
    expect(em.loadingCells()).toEqual([]);
    return { em, rounds: formulaGraph(em.toJSON()).chain.length };
  }
  /** Types into a named input as a person would, and counts the rounds until nothing reads "Loading...". */
  function roundsAfterTyping(em: Emulator, name: string, typed: string): number {
    const input = em.spreadsheet.getRangeByName(name);
    if (!input) throw new Error(`no ${name}`);
    const before = em.customFunctionExecutions.length;
    em.enterInput(input.getSheet().getName(), input.getA1Notation(), typed);
    expect(em.loadingCells().length).toBeGreaterThan(0);
    const counted = roundsUntilSettled(em);
    // The emulator's own count of the rounds agrees: round n+1 is an execution a round-n result started.
    expect(Math.max(...em.customFunctionExecutions.slice(before).map((e) => e.round))).toBe(counted);
    return counted;
  }

  test(`settles in at most ${PLAN_SETTLE_ROUNDS_BUDGET} rounds after living expenses are edited, executions taking a second each`, () => {
    const { em, rounds } = executingPlan();
    const counted = roundsAfterTyping(em, 'JW_MONTHLY_EXPENSES', '3900');
    expect(counted).toBeLessThanOrEqual(PLAN_SETTLE_ROUNDS_BUDGET);
    // At most the formula graph's longest chain: a function whose arguments the edit leaves as they were (the tax
    // rate of a full year: expenses move the ready date, not the tax figures' year) does not run again.
    expect(counted).toBeLessThanOrEqual(rounds);
  });

  test("an edit of the good month runs the formula graph's longest chain, round for round", () => {
    const { em, rounds } = executingPlan();
    // The good month moves the expected earnings, which every chain starts from (the tax rates, the simulations).
    expect(roundsAfterTyping(em, 'JW_PROJECTED_HIGH', '7200')).toBe(rounds);
  });
});

test('the formula graph counts a chain through plain formulas and named ranges, and a spill as its anchor', () => {
  const json = {
    activeSheet: 'S',
    calls: 0,
    namedRanges: { RATE: "'S'!B1" },
    sheets: [
      {
        name: 'S',
        cells: {
          A1: { value: 1 },
          B1: { value: 2, formula: '=TAX_RATE_UK(A1)' },
          C1: { value: 3, formula: '=RATE*2' },
          D1: { value: 'x', formula: '=BUFFER_SCHEDULE(C1,1,2,DATE(2026,1,1))' },
          D2: { value: 4 },
          E3: { value: 5, formula: '=D2+LOG10(10)' },
          F3: { value: 6, formula: '=QUIT_DATE(E3,"B1")' },
          G1: { value: 7, formula: '=HOURLY_RATE(A1)' },
        },
      },
    ],
  };
  const graph = formulaGraph(json);
  expect(graph.chain).toEqual(['S!B1', 'S!D1', 'S!F3']);
  expect(graph.customFunctionCells.sort()).toEqual(['S!B1', 'S!D1', 'S!F3', 'S!G1']);
});
