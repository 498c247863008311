/**
 * `npm run bench -- --json` prints one JSON object with exactly the keys the README and issue 6 name.
 * Timings are reported, not asserted (speed is measured in benchmarks, not timed tests); the figures
 * that do not depend on the machine are held to their goals here.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { IMPORT_CALL_BUDGET } from '../../scripts/bench/books';
import { PLAN_CALL_BUDGET } from '../../scripts/bench/plan';

const root = join(__dirname, '..', '..');

test('the benchmark prints the agreed JSON, and its machine-independent goals hold', () => {
  const stdout = execFileSync(process.execPath, ['--expose-gc', join(root, 'scripts', 'bench.mjs'), '--json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 170_000,
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
      'sidebarReadyMs',
      'singleCallMs',
      'statementParseMs',
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
  expect(result.planCustomFunctionCells).toBeGreaterThan(0);
  expect(result.planCustomFunctionCells).toBeLessThanOrEqual(15);
  // Bytes are reported, not capped: what Apps Script pays per execution is evaluating the bundle, not its size.
  expect(result.bundleBytes.code).toBeGreaterThan(0);
  expect(result.bundleBytes.sidebar).toBeGreaterThan(0);
  for (const [name, ratio] of Object.entries(result.vectorRatio)) {
    expect({ name, finite: Number.isFinite(ratio) && (ratio as number) > 0 }).toEqual({ name, finite: true });
  }
  for (const key of ['singleCallMs', 'sidebarReadyMs', 'buildMs', 'statementParseMs']) expect(result[key]).toBeGreaterThan(0);
}, 180_000);
