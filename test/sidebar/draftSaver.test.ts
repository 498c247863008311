/** The draft saver in Node: fake timers, a fake server whose saves resolve or fail when the test says. */
import { createDraftSaver, type DraftSaver, RETRY_DELAY_MS, SAVE_DELAY_MS } from '../../sidebar/draftSaver';
import type { AnswersPayload } from '../../src/protocol';

interface PendingSave {
  answers: AnswersPayload;
  resolve: () => void;
  reject: (error: Error) => void;
}

function setup(initial: AnswersPayload = {}) {
  let form: AnswersPayload = initial;
  const saves: PendingSave[] = [];
  const statuses: string[] = [];
  const failures: string[] = [];
  const saver: DraftSaver = createDraftSaver({
    read: () => form,
    save: (answers) =>
      new Promise<void>((resolve, reject) => {
        saves.push({ answers, resolve, reject });
      }),
    status: (text) => statuses.push(text),
    failed: (message) => failures.push(message),
  });
  return {
    saver,
    saves,
    statuses,
    failures,
    type(answers: AnswersPayload) {
      form = answers;
      saver.schedule();
    },
  };
}

/** Lets promise callbacks run (the saver chains saves on promises). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
});

test('nothing is saved before the draft has loaded: a save then could overwrite it with an empty form', async () => {
  const t = setup();
  t.type({ monthlyExpenses: 1 });
  jest.advanceTimersByTime(SAVE_DELAY_MS * 3);
  await t.saver.saveNow();
  expect(t.saves).toHaveLength(0);
});

test('typing is saved once, after a quiet pause, with the last answers', async () => {
  const t = setup();
  t.saver.start(null, false);
  for (const n of [1, 12, 120, 1200]) {
    t.type({ monthlyExpenses: n });
    jest.advanceTimersByTime(SAVE_DELAY_MS - 1);
  }
  await settle();
  expect(t.saves).toHaveLength(0);
  jest.advanceTimersByTime(1);
  await settle();
  expect(t.saves.map((s) => s.answers)).toEqual([{ monthlyExpenses: 1200 }]);
  t.saves[0].resolve();
  await settle();
  expect(t.statuses).toEqual(['Saving draft…', 'Draft saved']);
});

test('a save with nothing new is skipped', async () => {
  const t = setup();
  t.saver.start({ monthlyExpenses: 5 }, false);
  t.type({ monthlyExpenses: 5 });
  jest.advanceTimersByTime(SAVE_DELAY_MS);
  await settle();
  expect(t.saves).toHaveLength(0);
});

test('a save waits for the one in flight, so the newest answers are written last', async () => {
  const t = setup();
  t.saver.start(null, false);
  t.type({ a: 1 });
  const first = t.saver.saveNow();
  await settle();
  t.type({ a: 2 });
  const second = t.saver.saveNow();
  await settle();
  expect(t.saves).toHaveLength(1);
  t.saves[0].resolve();
  await first;
  await settle();
  expect(t.saves.map((s) => s.answers)).toEqual([{ a: 1 }, { a: 2 }]);
  t.saves[1].resolve();
  await second;
});

test('a failed save says why and is tried again later (backing off), once, with the answers of then', async () => {
  const t = setup();
  t.saver.start(null, false);
  t.type({ a: 1 });
  jest.advanceTimersByTime(SAVE_DELAY_MS);
  await settle();
  t.saves[0].reject(new Error('Your answers are too long'));
  await settle();
  expect(t.statuses.at(-1)).toBe('Draft not saved');
  expect(t.failures).toEqual(['Your answers are too long']);
  t.type({ a: 2 });
  // The edit's own save comes first; the retry is then cancelled, not sent twice.
  jest.advanceTimersByTime(SAVE_DELAY_MS);
  await settle();
  expect(t.saves.map((s) => s.answers)).toEqual([{ a: 1 }, { a: 2 }]);
  t.saves[1].reject(new Error('offline'));
  await settle();
  // A second failure in a row waits twice as long before trying again.
  jest.advanceTimersByTime(2 * RETRY_DELAY_MS - 1);
  await settle();
  expect(t.saves).toHaveLength(2);
  jest.advanceTimersByTime(1);
  await settle();
  expect(t.saves.map((s) => s.answers)).toEqual([{ a: 1 }, { a: 2 }, { a: 2 }]);
  t.saves[2].resolve();
  await settle();
  expect(t.statuses.at(-1)).toBe('Draft saved');
  jest.advanceTimersByTime(RETRY_DELAY_MS * 20);
  await settle();
  expect(t.saves).toHaveLength(3);
});

test('"Draft restored" only when the restored draft holds answers', () => {
  const empty = setup();
  empty.saver.start({}, false);
  expect(empty.statuses).toEqual([]);
  const none = setup();
  none.saver.start(null, false);
  expect(none.statuses).toEqual([]);
  const some = setup();
  some.saver.start({ monthlyExpenses: 3200 }, false);
  expect(some.statuses).toEqual(['Draft restored']);
});

test('answers typed while the draft loaded are saved once it has', async () => {
  const t = setup({ a: 1 });
  t.saver.start({ b: 2 }, true);
  jest.advanceTimersByTime(SAVE_DELAY_MS);
  await settle();
  expect(t.saves.map((s) => s.answers)).toEqual([{ a: 1 }]);
});

test('work queued after the saves (clearing the draft) runs after a save in flight, and cancels a pending one', async () => {
  const t = setup();
  t.saver.start(null, false);
  t.type({ a: 1 });
  void t.saver.saveNow();
  await settle();
  t.type({ a: 2 });
  const order: string[] = [];
  const cleared = t.saver.afterSaves(async () => {
    order.push('clear');
    return 'done';
  });
  await settle();
  expect(order).toEqual([]);
  t.saves[0].resolve();
  await expect(cleared).resolves.toBe('done');
  t.saver.reset({}, 'Answers cleared');
  jest.advanceTimersByTime(SAVE_DELAY_MS * 5);
  await settle();
  // The edit pending before the clear is not sent after it.
  expect(t.saves).toHaveLength(1);
  expect(t.statuses.at(-1)).toBe('Answers cleared');
});
