/**
 * The document lock around work that writes to the spreadsheet, so two executions (an import, a build, a match from
 * another sidebar) never interleave their writes. LockService.getDocumentLock "prevents any user of the current
 * document from concurrently running a section of code"; tryLock(timeoutInMillis) returns false when the lock is not
 * had in time ("Class LockService" and "Class Lock", https://developers.google.com/apps-script/reference/lock/).
 */

/**
 * Runs `work` holding the document lock, or refuses with `busyMessage` after `waitMs`.
 *
 * On success the writes are flushed before the lock goes: "if you are working with a spreadsheet, you should call
 * SpreadsheetApp.flush() to commit all pending changes to the spreadsheet before releasing the lock" (Class Lock,
 * releaseLock(), https://developers.google.com/apps-script/reference/lock/lock#releaselock); otherwise the next
 * execution holding the lock could read the sheet before this one's writes land. A failed flush or release after the
 * work is not reported: the writes are made, Apps Script commits pending changes when the script ends ("Class
 * SpreadsheetApp", flush(): operations are bundled for performance; flush applies them now) and "the lock is
 * automatically released when the script terminates" (Class Lock); reporting done work as failed would make the
 * person do it again.
 */
export function underDocumentLock<T>(waitMs: number, busyMessage: string, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) throw new Error(busyMessage);
  let result: T;
  try {
    result = work();
  } catch (error) {
    lock.releaseLock();
    throw error;
  }
  try {
    SpreadsheetApp.flush();
    lock.releaseLock();
  } catch {
    // See above: the work is done, and what a failed flush left pending is committed when the execution ends.
  }
  return result;
}
