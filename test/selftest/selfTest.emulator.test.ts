/**
 * leapSelfTest on the emulator: every checked row passes, so the day it runs on a real spreadsheet any difference
 * between Google and the emulator is a red row (README: "Checking Jumpwise on real Google Sheets").
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { SELF_TEST_SHEET } from '../../src/sheets/selfTest';
import { createLeapEmulator } from '../support/emulator';

interface ReportRow {
  check: string;
  expected: string;
  observed: string;
  status: string;
}

function report(em: Emulator): { summary: string; info: string[][]; rows: ReportRow[] } {
  const sheet = em.spreadsheet.getSheetByName(SELF_TEST_SHEET);
  if (!sheet) throw new Error('no report sheet');
  const values = sheet.getDataRange().getValues() as string[][];
  const header = values.findIndex((r) => r[0] === 'Check');
  return {
    summary: values[0][0],
    info: values.slice(1, header),
    rows: values.slice(header + 1).map(([check, , expected, observed, status]) => ({ check, expected, observed, status })),
  };
}

function run(options: Parameters<typeof createLeapEmulator>[0] = {}) {
  const em = createLeapEmulator(options);
  loadDist(em);
  const counts = em.run('leapSelfTest') as { passed: number; failed: number };
  return { em, counts };
}

const failing = (rows: ReportRow[]) =>
  rows.filter((r) => r.status === 'FAIL').map((r) => `${r.check}: expected ${r.expected}, observed ${r.observed}`);

test.each([
  ['en_US', 'America/New_York'],
  ['en_GB', 'Europe/London'],
  ['de_DE', 'Europe/Berlin'],
  // The spreadsheet far from the script's zone (appsscript.json: America/New_York).
  ['en_US', 'Pacific/Auckland'],
])('every checked row passes in a %s spreadsheet in %s', (locale, timeZone) => {
  const { em, counts } = run({ locale, timeZone });
  const { summary, info, rows } = report(em);
  expect(failing(rows)).toEqual([]);
  expect(rows.length).toBeGreaterThan(40);
  expect(rows.filter((r) => r.status === 'PASS').length).toBe(counts.passed);
  expect(summary).toMatch(new RegExp(`^Jumpwise self-test: ${counts.passed} passed, ${counts.failed} failed`));
  expect(info).toEqual(
    expect.arrayContaining([
      expect.arrayContaining(["Spreadsheet's locale", locale]),
      expect.arrayContaining(["Spreadsheet's time zone", timeZone]),
      expect.arrayContaining(["Script's time zone (appsscript.json)", 'America/New_York']),
    ]),
  );
  for (const r of rows) expect(['PASS', 'FAIL', 'INFO']).toContain(r.status);
});

test('scratch sheets are removed, and a second run replaces the report', () => {
  const { em } = run();
  const names = () => em.toJSON().sheets.map((s) => s.name);
  expect(names()).toEqual(['Sheet1', SELF_TEST_SHEET]);
  const first = report(em).rows.length;
  em.run('leapSelfTest');
  expect(names()).toEqual(['Sheet1', SELF_TEST_SHEET]);
  const again = report(em);
  expect(again.rows.length).toBe(first);
  expect(failing(again.rows)).toEqual([]);
});

test('a check that throws is a FAIL row, and the scratch sheets are still removed', () => {
  const em = createLeapEmulator();
  loadDist(em);
  // The third service call of the run is inside the first check (inserting its scratch sheet is the second).
  em.failOnCall(3, 'injected failure');
  em.run('leapSelfTest');
  const rows = report(em).rows;
  expect(rows.find((r) => r.check === 'checkboxes: the check itself')).toMatchObject({
    status: 'FAIL',
    observed: 'threw: injected failure',
  });
  expect(em.toJSON().sheets.map((s) => s.name)).toEqual(['Sheet1', SELF_TEST_SHEET]);
});

// Custom functions as Sheets runs them: each cell its own execution, "Loading..." until it returns ("Custom Functions
// in Google Sheets", https://developers.google.com/apps-script/guides/sheets/functions). The self-test waits for its
// probe cells as it would on Sheets, and records what a script reads before they have returned.
test('with custom functions as timed executions, the self-test waits for its probe and every checked row passes', () => {
  const { em } = run({ customFunctionExecutions: { executionMs: 1500 } });
  const { rows } = report(em);
  expect(failing(rows)).toEqual([]);
  expect(rows.find((r) => r.check === 'a custom-function cell read right after it is written')).toMatchObject({
    observed: '"Loading..."',
    status: 'PASS',
  });
  expect(rows.find((r) => r.check === 'a number cell')).toMatchObject({ observed: 'number 42', status: 'PASS' });
});
