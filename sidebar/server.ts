/**
 * Calls to the Apps Script side through google.script.run, as promises typed by the protocol
 * (src/protocol.ts): a call with the wrong arguments, or a result read as the wrong shape, does not compile.
 */

import { PRODUCT_NAME } from '../src/brand';
import type { ServerArgs, ServerFunctionName, ServerResult } from '../src/protocol';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

/** The words to show for a failed call: Apps Script hands the page an Error whose message is the server's. */
export function serverErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const text = message.replace(/^(Exception|Error|ScriptError):\s*/, '').trim();
  return text || 'Something went wrong talking to Google Sheets. Please try again.';
}

export function callServer<K extends ServerFunctionName>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
  return new Promise<ServerResult<K>>((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script || !google.script.run) {
      reject(new Error(`This page must be opened from Google Sheets (Extensions > ${PRODUCT_NAME}).`));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ServerResult<K>))
      .withFailureHandler((error) => reject(new Error(serverErrorMessage(error))));
    const call = runner[name];
    if (typeof call !== 'function') {
      reject(new Error(`${PRODUCT_NAME}'s server function ${name} is missing; reinstall the add-on.`));
      return;
    }
    call.apply(runner, args);
  });
}
