/**
 * google.script.run and google.script.host inside a sidebar or dialog frame, bridged to the bundle running on the
 * preview server's emulator. Injected at the top of the page's <head>, before the add-on's own scripts.
 * Like Google's: calls are asynchronous and return nothing, arguments and results make a JSON round trip, a form
 * element travels as its fields, handlers receive (value, userObject).
 */
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

function toPlainArgument(value: unknown): unknown {
  if (typeof HTMLFormElement !== 'undefined' && value instanceof HTMLFormElement) {
    const fields: Record<string, unknown> = {};
    for (const [name, field] of new FormData(value)) if (typeof field === 'string') fields[name] = field;
    return fields;
  }
  return value;
}

async function callServer(functionName: string, args: unknown[], state: RunnerState): Promise<void> {
  let answer: ScriptRunAnswer;
  try {
    const response = await fetch('/api/script-run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionName, args: args.map(toPlainArgument) }),
    });
    answer = (await response.json()) as ScriptRunAnswer;
  } catch (e) {
    answer = { ok: false, error: { name: 'NetworkError', message: `The preview server did not answer: ${String(e)}` } };
  }
  notifyWindow({ type: 'changed' });
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
