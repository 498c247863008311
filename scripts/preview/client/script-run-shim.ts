/**
 * google.script.run and google.script.host inside a sidebar or dialog frame, bridged to the bundle running on the
 * preview server's emulator. Injected at the top of the page's <head>, before the add-on's own scripts.
 * Like Google's: calls are asynchronous and return nothing, a form element as the only argument travels as its fields,
 * handlers receive (value, userObject). A Date, a function or a DOM element in the arguments fails the call in the
 * page, before anything is sent (JSON would turn a Date into text on the way); the server checks the result.
 */
import { copyArgumentsAcrossScriptRun } from '../../../emulator/src/scriptRun';
import type { ScriptRunAnswer } from '../protocol';

type Handler = (value: unknown, userObject?: unknown) => void;

interface RunnerState {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

/** Tells the spreadsheet window that the bundle may have changed the sheet or the UI. */
function notifyWindow(message: Record<string, unknown>): void {
  window.parent.postMessage({ source: 'leap-preview', ...message }, '*');
}

/** A form's fields, as google.script.run sends a form element given as the only argument. */
function formFields(form: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, field] of new FormData(form as HTMLFormElement)) if (typeof field === 'string') fields[name] = field;
  return fields;
}

async function callServer(functionName: string, args: unknown[], state: RunnerState): Promise<void> {
  let sent: unknown[];
  try {
    sent = copyArgumentsAcrossScriptRun(functionName, args, formFields);
  } catch (e) {
    // Refused in the page: nothing reaches the script. The handler still runs later, as every answer does.
    await Promise.resolve();
    const error = e as Error;
    settle({ ok: false, error: { name: error.name, message: error.message } }, state);
    return;
  }
  settle(await post(functionName, sent), state);
}

async function post(functionName: string, args: unknown[]): Promise<ScriptRunAnswer> {
  let answer: ScriptRunAnswer;
  try {
    const response = await fetch('/api/script-run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionName, args }),
    });
    answer = (await response.json()) as ScriptRunAnswer;
  } catch (e) {
    answer = { ok: false, error: { name: 'NetworkError', message: `The preview server did not answer: ${String(e)}` } };
  }
  notifyWindow({ type: 'changed' });
  return answer;
}

function settle(answer: ScriptRunAnswer, state: RunnerState): void {
  if (answer.ok) {
    state.success?.(answer.result, state.userObject);
    return;
  }
  const error = new Error(answer.error.message);
  error.name = answer.error.name;
  if (state.failure) state.failure(error, state.userObject);
  // Google reports an unhandled server failure as an uncaught error in the page's console.
  else
    setTimeout(() => {
      throw error;
    });
}

function runner(state: RunnerState): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        // Not thenable: `await google.script.run` must not look like a promise.
        if (typeof property !== 'string' || property === 'then') return undefined;
        if (property === 'withSuccessHandler') return (handler: Handler) => runner({ ...state, success: handler });
        if (property === 'withFailureHandler') return (handler: Handler) => runner({ ...state, failure: handler });
        if (property === 'withUserObject') return (userObject: unknown) => runner({ ...state, userObject });
        return (...args: unknown[]): void => {
          void callServer(property, args, state);
        };
      },
    },
  );
}

const host = {
  origin: window.location.origin,
  close: (): void => notifyWindow({ type: 'close' }),
  setHeight: (height: number): void => notifyWindow({ type: 'resize', height }),
  setWidth: (width: number): void => notifyWindow({ type: 'resize', width }),
  editor: { focus: (): void => notifyWindow({ type: 'focus-editor' }) },
};

(window as unknown as { google: unknown }).google = { script: { run: runner({}), host } };
