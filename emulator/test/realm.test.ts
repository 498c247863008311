/**
 * The realm a bundle runs in has ES2019's built-ins and nothing newer (emulator/src/newerBuiltins.mjs says which and
 * why): Google does not publish the V8 version behind Apps Script ("V8 runtime overview",
 * https://developers.google.com/apps-script/guides/v8-runtime), and a bundle built for es2019 keeps to its built-ins.
 * Stricter than Google may be: a call that would work on Google's V8 fails here, so none can fail there.
 */
import { withBundle } from './support';

test('a bundle calling Array.prototype.at, Object.hasOwn or replaceAll fails; ES2019 built-ins work', () => {
  const { emu } = withBundle(
    [],
    `
    function last() { var xs = [1, 2]; return xs.at(-1); }
    function has() { return Object.hasOwn({ x: 1 }, 'x'); }
    function swap() { var s = 'aa'; return s.replaceAll('a', 'b'); }
    function global() { return typeof globalThis; }
    function older() { return [[[1], [2]].flat().length, Object.fromEntries([['a', 1]]).a, 'ab'.trimEnd(), typeof Symbol().description]; }
    `,
  );
  expect(() => emu.run('last')).toThrow('xs.at is not a function');
  expect(() => emu.run('has')).toThrow('Object.hasOwn is not a function');
  expect(() => emu.run('swap')).toThrow('s.replaceAll is not a function');
  expect(emu.run('global')).toBe('undefined');
  expect(emu.run('older')).toEqual([2, 1, 'ab', 'undefined']);
});

test("google.script.run arguments arrive as the script realm's own arrays and objects, without the newer methods", () => {
  const { emu } = withBundle([], 'function last(xs) { return typeof xs.at === "function" ? "has at" : xs[xs.length - 1]; }');
  expect(emu.scriptRun('last', [1, 2])).toBe(2);
});

test("the script's Date still follows the script's time zone (installed before the newer built-ins go)", () => {
  const { emu } = withBundle([], 'function newYear() { return new Date(2026, 0, 1).toISOString(); }', { timeZone: 'Asia/Tokyo' });
  expect(emu.run('newYear')).toBe('2025-12-31T15:00:00.000Z');
});
