/**
 * Keeps the wizard's draft saved on the server as the user types: one save after a quiet pause rather than one
 * per keystroke, saves queued behind the one in flight (so the newest answers are written last), a save with
 * nothing new skipped, and a failed save tried again later. No DOM: the page hands in how to read the answers,
 * how to call the server and where to show the status, so all of it runs in Node tests with fake timers.
 */
import type { AnswersPayload } from '../src/protocol';

/** Quiet time after the last keystroke before the draft is saved; each save is a server round trip. */
export const SAVE_DELAY_MS = 1000;
/** A failed save is tried again after this long (doubling each time, up to RETRY_MAX_MS) while answers are unsaved. */
export const RETRY_DELAY_MS = 4000;
export const RETRY_MAX_MS = 60000;

export interface DraftSaverHost {
  /** The answers as the form holds them now. */
  read(): AnswersPayload;
  /** Saves on the server; rejects with an Error whose message is for the user. */
  save(answers: AnswersPayload): Promise<unknown>;
  /** The few words of the footer status ("Draft saved"). */
  status(text: string): void;
  /** Why a save failed, in full, for the alert above the questions. */
  failed(message: string): void;
}

export interface DraftSaver {
  /**
   * Starts saving once the stored draft has arrived (before, a save could overwrite it with an empty form).
   * `loaded`: the stored draft as the form now reads it, or null; `edited`: the user typed while it loaded.
   */
  start(loaded: AnswersPayload | null, edited: boolean): void;
  /** An edit: save after the quiet pause. */
  schedule(): void;
  /** Save now (changing step, leaving the page); resolves when this and every earlier save is done. */
  saveNow(): Promise<void>;
  /** The form was reset to `answers` on purpose (Start over): that is now the saved state; nothing pending is sent. */
  reset(answers: AnswersPayload, status: string): void;
  /** Runs after every save already sent (so a late save cannot undo what follows, e.g. clearing the draft). */
  afterSaves<T>(work: () => Promise<T>): Promise<T>;
}

const isEmpty = (answers: AnswersPayload | null): boolean => !answers || Object.keys(answers).length === 0;

export function createDraftSaver(host: DraftSaverHost): DraftSaver {
  let started = false;
  /** The answers as last stored (or loaded), as JSON: a save of the same is skipped. "": nothing stored yet. */
  let savedJson = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = RETRY_DELAY_MS;
  let queue: Promise<void> = Promise.resolve();

  const cancelTimers = (): void => {
    clearTimeout(timer);
    clearTimeout(retryTimer);
    timer = undefined;
    retryTimer = undefined;
  };

  function saveNow(): Promise<void> {
    cancelTimers();
    if (!started) return queue;
    queue = queue.then(() => {
      const answers = host.read();
      const json = JSON.stringify(answers);
      if (json === savedJson) return;
      host.status('Saving draft…');
      return host.save(answers).then(
        () => {
          savedJson = json;
          retryDelay = RETRY_DELAY_MS;
          host.status('Draft saved');
        },
        (error: unknown) => {
          host.status('Draft not saved');
          host.failed(error instanceof Error ? error.message : String(error));
          // Tried again later unless an edit or a step change saves first.
          clearTimeout(retryTimer);
          retryTimer = setTimeout(saveNow, retryDelay);
          retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
        },
      );
    });
    return queue;
  }

  return {
    start(loaded, edited) {
      if (loaded) savedJson = JSON.stringify(loaded);
      // An empty draft is no draft: there is nothing to say was restored.
      if (!isEmpty(loaded)) host.status('Draft restored');
      started = true;
      if (edited) this.schedule();
    },
    schedule() {
      if (!started) return;
      clearTimeout(timer);
      timer = setTimeout(saveNow, SAVE_DELAY_MS);
    },
    saveNow,
    reset(answers, status) {
      cancelTimers();
      savedJson = JSON.stringify(answers);
      retryDelay = RETRY_DELAY_MS;
      host.status(status);
    },
    afterSaves(work) {
      cancelTimers();
      const result = queue.then(work);
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
