/** Runs every benchmark and prints a table, or with --json one JSON object (keys are a contract: README and tests). */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_ANSWERS } from '../../test/plan/sample';
import { measureImportCalls } from './books';
import { measureSingleCall, measureVectorRatios } from './functions';
import { round } from './measure';
import { measureBuildMs, measurePlanCalls, measurePlanFormulaCells } from './plan';
import { measureSidebarReady } from './sidebar';
import { measureStatementParse } from './statement';

export interface BenchResult {
  planServiceCalls: Record<'12' | '36' | '60', number>;
  /** Document calls of one bank statement import into an existing ledger, for 10 and 5,000 rows. */
  importServiceCalls: Record<'10' | '5000', number>;
  vectorRatio: Record<string, number>;
  singleCallMs: number;
  bundleBytes: { code: number; sidebar: number };
  planCustomFunctionCells: number;
  sidebarReadyMs: number;
  buildMs: number;
  statementParseMs: number;
}

export async function runBenchmarks({ json, root }: { json: boolean; root: string }): Promise<BenchResult> {
  const log = json ? () => {} : (s: string) => console.log(s);
  log('Measuring bundle sizes...');
  const bundleBytes = {
    code: statSync(join(root, 'dist', 'Code.js')).size,
    sidebar: statSync(join(root, 'dist', 'Sidebar.html')).size,
  };
  log('Measuring element-wise functions over 100,000 cells...');
  const vectorRatio = Object.fromEntries(Object.entries(measureVectorRatios(root)).map(([k, v]) => [k, round(v)]));
  log('Measuring a single-cell call with a fresh bundle load...');
  const singleCallMs = round(measureSingleCall(root));
  const dist = join(root, 'dist');
  log('Counting service calls of plan builds with 12, 36 and 60-month schedules...');
  const planCalls = measurePlanCalls(dist, SAMPLE_ANSWERS);
  const planServiceCalls = planCalls.first;
  const planCustomFunctionCells = measurePlanFormulaCells(dist, SAMPLE_ANSWERS);
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
    singleCallMs,
    bundleBytes,
    planCustomFunctionCells,
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
  }
  return result;
}

function printTable(r: BenchResult): void {
  const rows: [string, string, string][] = [
    ...Object.entries(r.planServiceCalls).map(([months, n]): [string, string, string] => [
      `planServiceCalls.${months}`,
      `${n} calls`,
      '<= 40, same for all',
    ]),
    ...Object.entries(r.importServiceCalls).map(([rows, n]): [string, string, string] => [
      `importServiceCalls.${rows}`,
      `${n} calls`,
      '<= 20, same for all',
    ]),
    ['planCustomFunctionCells', `${r.planCustomFunctionCells} cells`, '<= 15'],
    ['sidebarReadyMs', `${r.sidebarReadyMs} ms`, '< 300 ms'],
    ['buildMs', `${r.buildMs} ms`, 'report'],
    ['statementParseMs', `${r.statementParseMs} ms`, '< 1000 ms (5,000 rows)'],
    ['bundleBytes.code', `${r.bundleBytes.code} B (${(r.bundleBytes.code / 1024).toFixed(1)} KB)`, 'reported'],
    ['bundleBytes.sidebar', `${r.bundleBytes.sidebar} B (${(r.bundleBytes.sidebar / 1024).toFixed(1)} KB)`, 'reported'],
    ...Object.entries(r.vectorRatio).map(([name, ratio]): [string, string, string] => [
      `vectorRatio.${name}`,
      `${ratio}x`,
      '<= 3x',
    ]),
    ['singleCallMs', `${r.singleCallMs} ms`, 'as low as possible'],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(`\n${'figure'.padEnd(width)}  ${'measured'.padEnd(24)}  goal`);
  for (const [name, value, goal] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(24)}  ${goal}`);
}
