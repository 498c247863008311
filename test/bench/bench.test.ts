/**
 * `npm run bench -- --json` prints one JSON object with exactly the keys the README's Performance section names.
 * Timings are reported, not asserted (speed is measured in benchmarks, not timed tests); the figures
 * that do not depend on the machine are held to their goals here.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_CALL_BUDGET } from '../../scripts/bench/books';
import { PLAN_CALL_BUDGET, PLAN_FUNCTION_CELL_BUDGET } from '../../scripts/bench/plan';
import { PLAN_SETTLE_ROUNDS_BUDGET, PLAN_TAX_SETTINGS } from '../../scripts/bench/settleRounds';
import { functionTable } from '../../src/functions';

const root = join(__dirname, '..', '..');

test('the benchmark prints the agreed JSON, and its machine-independent goals hold', () => {
  const stdout = execFileSync(process.execPath, ['--expose-gc', join(root, 'scripts', 'bench.mjs'), '--json'], {
    cwd: root,
    encoding: 'utf8',
    // One run of each figure: the suite checks the keys and the counts; timings are the full benchmark's business.
    env: { ...process.env, BENCH_QUICK: '1' },
    timeout: 590_000,
  });
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const result = JSON.parse(lines[0]);
  expect(Object.keys(result).sort()).toEqual(
    [
      'buildMs',
      'bundleBytes',
      'importServiceCalls',
      'planCustomFunctionCells',
      'planServiceCalls',
      'planSettleRounds',
      'sidebarReadyMs',
      'statementParseMs',
      'coldStartMs',
      'coldStartMinifiedMs',
      'runwayRiskRatio',
      'runwayRiskWorstMs',
      'runwayRiskWorstArgs',
      'vectorRatio',
    ].sort(),
  );
  const calls = result.planServiceCalls;
  expect(Object.keys(calls).sort()).toEqual(['12', '36', '60']);
  // Batched writes: the same number of calls whatever the schedule's length, within the budget.
  expect(new Set(Object.values(calls)).size).toBe(1);
  expect(calls['12']).toBeLessThanOrEqual(PLAN_CALL_BUDGET);
  // An import appends every row in one write: the same calls for 10 and 5,000 rows.
  expect(result.importServiceCalls['5000']).toBe(result.importServiceCalls['10']);
  expect(result.importServiceCalls['10']).toBeLessThanOrEqual(IMPORT_CALL_BUDGET);
  // Every tax setting's plan: at most 15 custom-function cells, at most 3 rounds of "Loading..." (issue 20).
  for (const field of ['planCustomFunctionCells', 'planSettleRounds']) {
    expect(Object.keys(result[field]).sort()).toEqual(Object.keys(PLAN_TAX_SETTINGS).sort());
  }
  for (const setting of Object.keys(PLAN_TAX_SETTINGS)) {
    const cells = result.planCustomFunctionCells[setting];
    const rounds = result.planSettleRounds[setting];
    expect({ setting, cells: cells > 0 && cells <= PLAN_FUNCTION_CELL_BUDGET }).toEqual({ setting, cells: true });
    expect({ setting, rounds: rounds > 0 && rounds <= PLAN_SETTLE_ROUNDS_BUDGET }).toEqual({ setting, rounds: true });
  }
  // Bytes are reported, not capped: what Apps Script pays per execution is evaluating the bundle, not its size.
  // The shipped Code.js is dist/'s, byte for byte, and it is the readable build: larger than the minified one.
  expect(result.bundleBytes.code).toBe(statSync(join(root, 'dist', 'Code.js')).size);
  expect(result.bundleBytes.codeMinified).toBeGreaterThan(0);
  expect(result.bundleBytes.code).toBeGreaterThan(result.bundleBytes.codeMinified);
  expect(result.bundleBytes.sidebar).toBeGreaterThan(0);
  for (const [name, ratio] of Object.entries(result.vectorRatio)) {
    expect({ name, finite: Number.isFinite(ratio) && (ratio as number) > 0 }).toEqual({ name, finite: true });
  }
  // The runway-risk worst case is the largest months and trials the table accepts, a ramp over all the months
  // and one-month blocks (a draw every month).
  const max = (param: string) =>
    functionTable.find((f) => f.name === 'RUNWAY_RISK')?.params.find((p) => p.name === param)?.max?.value;
  expect(result.runwayRiskWorstArgs).toEqual({
    months: max('months'),
    trials: max('trials'),
    ramp_months: max('months'),
    block_months: 1,
  });
  expect(result.runwayRiskWorstArgs.trials).toBe(100_000);
  expect(Object.keys(result.runwayRiskWorstMs).sort()).toEqual(['QUIT_DATE', 'RUNWAY_BANDS', 'RUNWAY_RISK']);
  const timings = [
    result.coldStartMs,
    result.coldStartMinifiedMs,
    result.runwayRiskRatio,
    result.sidebarReadyMs,
    result.buildMs,
    result.statementParseMs,
    ...Object.values(result.runwayRiskWorstMs),
  ];
  for (const t of timings) expect(Number.isFinite(t) && t > 0).toBe(true);
}, 600_000);
