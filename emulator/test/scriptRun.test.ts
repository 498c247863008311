/**
 * google.script.run's rules for what crosses between a page and the script, on the emulator's scriptRun.
 *
 * Google, "Class google.script.run (Client-side API)", myFunction(...)
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)): "Requests fail if you
 * attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types
 * inside objects or arrays. Objects that create circular references will also fail, and undefined fields within
 * arrays become null." Return values are "subject to the same restrictions as parameter types".
 * "HTML Service: Communicate with Server Functions" (https://developers.google.com/apps-script/guides/html/communication):
 * functions whose names end with an underscore are private and cannot be called from the page.
 * Google gives no failure message and names no other prohibited type: the emulator's message is its own, and it
 * refuses anything that is not plain data (stricter where Google is silent).
 */
import { copyAcrossScriptRun, copyArgumentsAcrossScriptRun } from '../src/scriptRun';
import { withBundle } from './support';

/** A bundle whose `echo` returns its argument, and whose functions return each prohibited value, nested. */
function demo() {
  return withBundle(
    [],
    `
    var received = [];
    function echo(value) { received.push(value); return value; }
    function helper_() { return 'private'; }
    function dateInside() { return { plan: { answers: { monthlyExpenses: new Date(2026, 2, 4) } } }; }
    function functionInside() { return [1, [2, function () {}]]; }
    function mapResult() { return { m: new Map() }; }
    function cyclic() { var a = { name: 'a' }; a.self = a; return a; }
    function nothing() {}
    function withHoles() { return { list: [1, undefined, 3], gone: undefined, kept: null }; }
    `,
  );
}

const prohibited: [string, unknown, RegExp][] = [
  ['a Date', new Date(2026, 0, 1), /holds a Date/],
  ['a function', () => 1, /holds a function/],
  ['a symbol', Symbol('s'), /holds a symbol/],
  ['a bigint', BigInt(1), /holds a bigint/],
  ['a Map', new Map(), /holds a Map/],
  ['a RegExp', /x/, /holds a RegExp/],
  ['a class instance', new (class Money {})(), /holds a Money/],
  ['NaN', Number.NaN, /holds the number NaN/],
  ['a DOM element', { nodeType: 1, nodeName: 'DIV' }, /holds a DOM element/],
];

describe.each(prohibited)('%s', (_kind, value, message) => {
  test('fails as an argument, at the top and nested inside objects and arrays, and the script never runs', () => {
    const { emu, context } = demo();
    for (const [arg, path] of [
      [value, ''],
      [{ answers: { startDate: value } }, ' at .answers.startDate'],
      [[1, [2, value]], ' at [1][1]'],
    ] as const) {
      expect(() => emu.scriptRun('echo', 'first', arg)).toThrow(message);
      expect(() => emu.scriptRun('echo', 'first', arg)).toThrow(`argument 2 holds`);
      if (path) expect(() => emu.scriptRun('echo', 'first', arg)).toThrow(path);
    }
    expect(context.received).toEqual([]);
  });

  test('fails as a result, nested or not', () => {
    const { emu } = demo();
    expect(() => emu.scriptRun('echo', 1)).not.toThrow();
    // The argument crosses first, so the value is made in the script's realm, as the script's own would be.
    const { emu: inRealm } = withBundle([], `function give(path) { return path === 'top' ? VALUE : { a: [0, VALUE] }; }`);
    (inRealm as unknown as { bundleContext: Record<string, unknown> }).bundleContext.VALUE = value;
    expect(() => inRealm.scriptRun('give', 'top')).toThrow(message);
    expect(() => inRealm.scriptRun('give', 'nested')).toThrow(/the result holds .* at \.a\[1\]/);
    // emu.run, a menu callback or trigger, has no such rule.
    expect(inRealm.run('give', 'top')).toBe(value);
  });
});

test("the script's own Date, function or Map in a result fails the call with the path", () => {
  const { emu } = demo();
  expect(() => emu.scriptRun('dateInside')).toThrow(
    'google.script.run.dateInside: the result holds a Date at .plan.answers.monthlyExpenses',
  );
  expect(() => emu.scriptRun('functionInside')).toThrow('the result holds a function at [1][1]');
  expect(() => emu.scriptRun('mapResult')).toThrow('the result holds a Map at .m');
});

test('circular references fail', () => {
  const { emu } = demo();
  expect(() => emu.scriptRun('cyclic')).toThrow('the result holds a circular reference at .self');
  const loop: Record<string, unknown> = {};
  loop.loop = loop;
  expect(() => emu.scriptRun('echo', loop)).toThrow('argument 1 holds a circular reference at .loop');
});

test('private functions (ending in _) are not found; run() still reaches them', () => {
  const { emu } = demo();
  expect(() => emu.scriptRun('helper_')).toThrow('Script function not found: helper_');
  expect(() => emu.scriptRun('noSuchFunction')).toThrow('Script function not found: noSuchFunction');
  expect(emu.run('helper_')).toBe('private');
});

test('plain data crosses as a copy; undefined in an array becomes null; an undefined field is dropped', () => {
  const { emu, context } = demo();
  const sent = { amounts: [1, 2.5, -3], text: 'Café', ok: true, none: null, nested: { deep: [{ x: 'y' }] } };
  const back = emu.scriptRun('echo', sent);
  expect(back).toEqual(sent);
  expect(back).not.toBe(sent);
  expect((context.received as unknown[])[0]).not.toBe(sent);
  expect(emu.scriptRun('withHoles')).toEqual({ list: [1, null, 3], kept: null });
  expect(Object.keys(emu.scriptRun('withHoles') as object)).toEqual(['list', 'kept']);
  expect(emu.scriptRun('nothing')).toBeUndefined();
});

test('a form element is legal only as the only argument, where its fields travel', () => {
  const form = { nodeType: 1, nodeName: 'FORM', fields: { name: 'Ada' } };
  const fields = (f: unknown) => (f as typeof form).fields;
  expect(copyArgumentsAcrossScriptRun('submit', [form], fields)).toEqual([{ name: 'Ada' }]);
  expect(() => copyArgumentsAcrossScriptRun('submit', [form, 1], fields)).toThrow(
    'argument 1 holds a form element (legal only as the only argument)',
  );
  // A form is never a legal result.
  expect(() => copyAcrossScriptRun(form, 'submit', 'the result')).toThrow('the result holds a form element');
});
