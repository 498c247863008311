/**
 * The protocol on the built bundle: every google.script.run target the sidebar may call is a top-level function of
 * dist/Code.js, and its result crosses google.script.run (the emulator's scriptRun, which refuses a Date or another
 * value Google refuses) in the shape the sidebar reads.
 * (That both sides use the same types is checked by tsc: entryPoints.ts and sidebar/server.ts are typed by it.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDist } from '../../emulator/src';
import { KEY_NUMBERS } from '../../src/plan/layout';
import { type BuildResult, type PlanAnswers, SERVER_FUNCTION_NAMES } from '../../src/protocol';
import { serverEntryPoints } from '../../src/sheets/entryPoints';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const code = readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8');
const roundTrip = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

test('every protocol target is a top-level function of the bundle, with the protocol’s parameters', () => {
  expect(Object.keys(serverEntryPoints).sort()).toEqual([...SERVER_FUNCTION_NAMES].sort());
  for (const name of SERVER_FUNCTION_NAMES) {
    const params = serverEntryPoints[name].params.join(', ');
    expect([name, code.includes(`function ${name}(${params}) {`)]).toEqual([name, true]);
  }
});

test('results are plain data the sidebar reads after the JSON round trip', () => {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  expect(roundTrip(em.scriptRun('leapGetPlanAnswers'))).toBeNull();
  const built = roundTrip<BuildResult>(em.scriptRun('leapBuildPlan', SAMPLE_ANSWERS));
  expect(built.keyNumbers).toHaveLength(KEY_NUMBERS.length);
  for (const k of built.keyNumbers) {
    expect([k.name, k.label, k.display].every((x) => typeof x === 'string')).toBe(true);
    expect(typeof k.calculating).toBe('boolean');
  }
  const plan = roundTrip<PlanAnswers>(em.scriptRun('leapGetPlanAnswers'));
  expect(plan.answers.startDate).toBe('2026-03-01');
  expect(roundTrip(em.scriptRun('leapSaveDraft', plan.answers))).toEqual({
    savedAt: expect.any(String),
    bytes: expect.any(Number),
  });
});
