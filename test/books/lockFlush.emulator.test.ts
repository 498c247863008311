/**
 * Every action that writes under the document lock flushes its writes before it lets the lock go, as Google's Lock
 * reference asks ("if you are working with a spreadsheet, you should call SpreadsheetApp.flush() to commit all
 * pending changes to the spreadsheet before releasing the lock", Class Lock, releaseLock(),
 * https://developers.google.com/apps-script/reference/lock/lock#releaselock): the next execution to take the lock
 * (another import, a build from a second sidebar) then reads what this one wrote.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

function lockCalls(em: Emulator): string[] {
  return em.calls
    .filter((c) => !c.inCustomFunction && ['tryLock', 'flush', 'releaseLock'].includes(c.method))
    .map((c) => c.method);
}

test.each([
  ['building the plan', (em: Emulator) => em.run('leapBuildPlan', SAMPLE_ANSWERS)],
  ['importing a statement', (em: Emulator) => importStatement(em, [statementRows()('2026-03-02', 'STRIPE PAYOUT', 2400)])],
  ['setting up invoices', (em: Emulator) => em.run('leapSetupInvoices')],
  ['saving a check-in snapshot', (em: Emulator) => em.run('leapSaveCheckIn')],
])('%s flushes its writes, then releases the lock', (_, action) => {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  // The snapshot needs a plan to read.
  em.run('leapBuildPlan', SAMPLE_ANSWERS);
  em.resetCalls();
  action(em);
  expect(lockCalls(em)).toEqual(['tryLock', 'flush', 'releaseLock']);
});
