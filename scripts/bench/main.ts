/** Runs every benchmark and prints a table, or with --json one JSON object (keys are a contract: README and tests). */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_ANSWERS } from '../../test/plan/sample';
import { measureImportCalls } from './books';
import { COLD_START_REALMS, measureColdStart } from './coldStart';
import { benchRealm, measureVectorRatios } from './functions';
import { round } from './measure';
import { measureBuildMs, measurePlanCalls, PLAN_CALL_BUDGET, PLAN_FUNCTION_CELL_BUDGET } from './plan';
import { measureRunwayRiskRatio, measureRunwayRiskWorst, worstCaseArgs } from './runwayRisk';
import { measurePlanSettling, PLAN_SETTLE_ROUNDS_BUDGET, type PlanTaxSetting } from './settleRounds';
import { measureSidebarReady } from './sidebar';
import { measureStatementParse } from './statement';

export interface BenchResult {
  planServiceCalls: Record<'12' | '36' | '60', number>;
  /** Document calls of one bank statement import into an existing ledger, for 10 and 5,000 rows. */
  importServiceCalls: Record<'10' | '5000', number>;
  vectorRatio: Record<string, number>;
  /** A fresh realm: dist/Code.js compiled and run, then one TAX_ESTIMATE_US call (median of 15). */
  coldStartMs: number;
  /** The same for an esbuild-minified build of the same source (what not shipping it minified costs). */
  coldStartMinifiedMs: number;
  bundleBytes: { code: number; codeMinified: number; sidebar: number };
  /** RUNWAY_RISK at 10,000 trials x 36 months over a plain loop of the same model. */
  runwayRiskRatio: number;
  /** Each function at the largest arguments the table accepts (runwayRiskWorstArgs). */
  runwayRiskWorstMs: Record<'RUNWAY_RISK' | 'RUNWAY_BANDS' | 'QUIT_DATE', number>;
  runwayRiskWorstArgs: ReturnType<typeof worstCaseArgs>;
  /** Per tax setting: cells of a built plan that call a Jumpwise function (each an execution of its own on Sheets). */
  planCustomFunctionCells: Record<PlanTaxSetting, number>;
  /** Per tax setting: the longest chain of those cells, each waiting for the one before (rounds of "Loading..."). */
  planSettleRounds: Record<PlanTaxSetting, number>;
  sidebarReadyMs: number;
  buildMs: number;
  statementParseMs: number;
}

/** `minifiedCode`: Code.js built from the same source with esbuild's minify, never written to dist/. */
export async function runBenchmarks({
  json,
  root,
  minifiedCode,
}: {
  json: boolean;
  root: string;
  minifiedCode: string;
}): Promise<BenchResult> {
  const log = json ? () => {} : (s: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${s}`);
  const code = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
  log('Measuring bundle sizes...');
  const bundleBytes = {
    code: Buffer.byteLength(code),
    codeMinified: Buffer.byteLength(minifiedCode),
    sidebar: statSync(join(root, 'dist', 'Sidebar.html')).size,
  };
  log(`Measuring cold starts: ${COLD_START_REALMS} fresh realms each of Code.js and of a minified build...`);
  const cold = measureColdStart(root, { shipped: code, minified: minifiedCode });
  log('Measuring element-wise functions over 100,000 cells...');
  const vectorRatio = Object.fromEntries(Object.entries(measureVectorRatios(benchRealm(root))).map(([k, v]) => [k, round(v)]));
  log('Measuring RUNWAY_RISK against a plain loop, and the runway-risk functions at their limits...');
  const runwayRiskRatio = round(measureRunwayRiskRatio(benchRealm(root)));
  const runwayRiskWorstMs = Object.fromEntries(
    Object.entries(measureRunwayRiskWorst(benchRealm(root))).map(([k, v]) => [k, round(v, 0)]),
  ) as BenchResult['runwayRiskWorstMs'];
  const dist = join(root, 'dist');
  log('Counting service calls of plan builds with 12, 36 and 60-month schedules...');
  const planCalls = measurePlanCalls(dist, SAMPLE_ANSWERS);
  const planServiceCalls = planCalls.first;
  log('Reading the formula graph of a plan in each tax setting...');
  const settling = measurePlanSettling(dist, SAMPLE_ANSWERS);
  log('Counting service calls of bank statement imports of 10 and 5,000 rows...');
  const importServiceCalls = measureImportCalls(dist).document;
  log('Timing plan builds on the emulator...');
  const buildMs = round(measureBuildMs(dist, SAMPLE_ANSWERS));
  log('Timing the sidebar in Chromium through the preview...');
  const sidebarReadyMs = round(await measureSidebarReady(root));
  log('Parsing a 5,000-row bank statement...');
  const statementParseMs = round(measureStatementParse());
  const result: BenchResult = {
    planServiceCalls,
    importServiceCalls,
    vectorRatio,
    coldStartMs: round(cold.shipped),
    coldStartMinifiedMs: round(cold.minified),
    bundleBytes,
    runwayRiskRatio,
    runwayRiskWorstMs,
    runwayRiskWorstArgs: worstCaseArgs(),
    planCustomFunctionCells: settling.cells,
    planSettleRounds: settling.rounds,
    sidebarReadyMs,
    buildMs,
    statementParseMs,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    printTable(result);
    console.log(
      `\nA rebuild makes ${planCalls.rebuild} document calls (it also reads the old plan's ticks and notes and swaps ` +
        `the sheets); a build also makes ${planCalls.builder} builder calls (rules and chart configured in memory) ` +
        `and ${planCalls.other} lock/time-zone calls.`,
    );
    const w = result.runwayRiskWorstArgs;
    console.log(
      `Runway-risk worst case: ${w.trials} trials x ${w.months} months, ramp_months ${w.ramp_months}, ` +
        `block_months ${w.block_months}.`,
    );
  }
  return result;
}

function printTable(r: BenchResult): void {
  const rows: [string, string, string][] = [
    ...Object.entries(r.planServiceCalls).map(([months, n]): [string, string, string] => [
      `planServiceCalls.${months}`,
      `${n} calls`,
      `<= ${PLAN_CALL_BUDGET}, same for all`,
    ]),
    ...Object.entries(r.importServiceCalls).map(([rows, n]): [string, string, string] => [
      `importServiceCalls.${rows}`,
      `${n} calls`,
      '<= 20, same for all',
    ]),
    ...Object.entries(r.planCustomFunctionCells).map(([setting, n]): [string, string, string] => [
      `planCustomFunctionCells.${setting}`,
      `${n} cells`,
      `<= ${PLAN_FUNCTION_CELL_BUDGET}`,
    ]),
    ...Object.entries(r.planSettleRounds).map(([setting, n]): [string, string, string] => [
      `planSettleRounds.${setting}`,
      `${n} rounds`,
      `<= ${PLAN_SETTLE_ROUNDS_BUDGET}`,
    ]),
    ['sidebarReadyMs', `${r.sidebarReadyMs} ms`, '< 300 ms'],
    ['buildMs', `${r.buildMs} ms`, 'report'],
    ['statementParseMs', `${r.statementParseMs} ms`, '< 1000 ms (5,000 rows)'],
    ['coldStartMs', `${r.coldStartMs} ms`, '<= 10 ms'],
    ['coldStartMinifiedMs', `${r.coldStartMinifiedMs} ms`, 'reported'],
    ['bundleBytes.code', `${r.bundleBytes.code} B (${(r.bundleBytes.code / 1024).toFixed(1)} KB)`, 'reported'],
    [
      'bundleBytes.codeMinified',
      `${r.bundleBytes.codeMinified} B (${(r.bundleBytes.codeMinified / 1024).toFixed(1)} KB)`,
      'reported',
    ],
    ['bundleBytes.sidebar', `${r.bundleBytes.sidebar} B (${(r.bundleBytes.sidebar / 1024).toFixed(1)} KB)`, 'reported'],
    ...Object.entries(r.vectorRatio).map(([name, ratio]): [string, string, string] => [
      `vectorRatio.${name}`,
      `${ratio}x`,
      '<= 3x',
    ]),
    ['runwayRiskRatio', `${r.runwayRiskRatio}x`, 'reported'],
    ...Object.entries(r.runwayRiskWorstMs).map(([name, ms]): [string, string, string] => [
      `runwayRiskWorstMs.${name}`,
      `${ms} ms`,
      '< 30,000 ms (Apps Script)',
    ]),
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(`\n${'figure'.padEnd(width)}  ${'measured'.padEnd(24)}  goal`);
  for (const [name, value, goal] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(24)}  ${goal}`);
}
