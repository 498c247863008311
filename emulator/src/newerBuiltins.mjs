/**
 * Built-ins newer than ES2019, the level Jumpwise's bundle is built for: one table for the realm that runs a bundle (the
 * emulator's, the tests', the benchmark's: each lacks them, so a call fails in tests) and for the build (which
 * refuses a bundle that uses them). Plain JavaScript so that scripts/build.mjs, run by Node as it is, reads it too.
 *
 * Why: Google does not publish which V8 version runs Apps Script ("V8 runtime overview",
 * https://developers.google.com/apps-script/guides/v8-runtime, names the syntax it supports, no version or edition),
 * and the build's esbuild target (es2019) lowers syntax only, never built-ins. So a script keeps to ES2019's
 * built-ins, and a realm that has newer ones would let a call pass in tests that might fail on Google's servers.
 *
 * What is not here, and why:
 * - Syntax (optional chaining, class fields, logical assignment...): esbuild lowers it for the target.
 * - Built-ins esbuild's own helpers use at es2019: none of these (its helpers use Object.defineProperty,
 *   Object.getOwnPropertyNames, Object.prototype.hasOwnProperty, Promise and generators).
 * - The Error constructor's `cause` option (ES2022) and newer Intl members: they live inside older objects and
 *   cannot be removed without replacing those; a script that passes `cause` loses nothing but the cause.
 * - Node's own globals (structuredClone, queueMicrotask, setTimeout...): a fresh vm context never has them. They are
 *   listed for the build check all the same (structuredClone is the one a script might reach for).
 *
 * Each name is a global ("globalThis"), a static ("Object.hasOwn") or a prototype method
 * ("Array.prototype.at"; "%TypedArray%.prototype.at" is the shared prototype of Int8Array and the rest).
 */
import vm from 'node:vm';

export const NEWER_BUILTINS = [
  // ES2020
  { name: 'globalThis', edition: 'ES2020' },
  { name: 'BigInt', edition: 'ES2020' },
  { name: 'BigInt64Array', edition: 'ES2020' },
  { name: 'BigUint64Array', edition: 'ES2020' },
  { name: 'Promise.allSettled', edition: 'ES2020' },
  { name: 'String.prototype.matchAll', edition: 'ES2020' },
  // ES2021
  { name: 'String.prototype.replaceAll', edition: 'ES2021' },
  { name: 'Promise.any', edition: 'ES2021' },
  { name: 'AggregateError', edition: 'ES2021' },
  { name: 'WeakRef', edition: 'ES2021' },
  { name: 'FinalizationRegistry', edition: 'ES2021' },
  // ES2022
  { name: 'Array.prototype.at', edition: 'ES2022' },
  { name: 'String.prototype.at', edition: 'ES2022' },
  { name: '%TypedArray%.prototype.at', edition: 'ES2022' },
  { name: 'Object.hasOwn', edition: 'ES2022' },
  // ES2023
  { name: 'Array.prototype.findLast', edition: 'ES2023' },
  { name: 'Array.prototype.findLastIndex', edition: 'ES2023' },
  { name: 'Array.prototype.toSorted', edition: 'ES2023' },
  { name: 'Array.prototype.toReversed', edition: 'ES2023' },
  { name: 'Array.prototype.toSpliced', edition: 'ES2023' },
  { name: 'Array.prototype.with', edition: 'ES2023' },
  { name: '%TypedArray%.prototype.findLast', edition: 'ES2023' },
  { name: '%TypedArray%.prototype.findLastIndex', edition: 'ES2023' },
  { name: '%TypedArray%.prototype.toSorted', edition: 'ES2023' },
  { name: '%TypedArray%.prototype.toReversed', edition: 'ES2023' },
  { name: '%TypedArray%.prototype.with', edition: 'ES2023' },
  // ES2024
  { name: 'Object.groupBy', edition: 'ES2024' },
  { name: 'Map.groupBy', edition: 'ES2024' },
  { name: 'Promise.withResolvers', edition: 'ES2024' },
  { name: 'String.prototype.isWellFormed', edition: 'ES2024' },
  { name: 'String.prototype.toWellFormed', edition: 'ES2024' },
  { name: 'ArrayBuffer.prototype.resize', edition: 'ES2024' },
  { name: 'ArrayBuffer.prototype.transfer', edition: 'ES2024' },
  { name: 'ArrayBuffer.prototype.transferToFixedLength', edition: 'ES2024' },
  { name: 'Atomics.waitAsync', edition: 'ES2024' },
  // ES2025
  { name: 'Set.prototype.union', edition: 'ES2025' },
  { name: 'Set.prototype.intersection', edition: 'ES2025' },
  { name: 'Set.prototype.difference', edition: 'ES2025' },
  { name: 'Set.prototype.symmetricDifference', edition: 'ES2025' },
  { name: 'Set.prototype.isSubsetOf', edition: 'ES2025' },
  { name: 'Set.prototype.isSupersetOf', edition: 'ES2025' },
  { name: 'Set.prototype.isDisjointFrom', edition: 'ES2025' },
  { name: 'Iterator', edition: 'ES2025' },
  { name: 'Promise.try', edition: 'ES2025' },
  { name: 'RegExp.escape', edition: 'ES2025' },
  { name: 'Float16Array', edition: 'ES2025' },
  { name: 'Math.f16round', edition: 'ES2025' },
  // HTML, not ECMAScript: Node has it, Apps Script does not say it has it.
  { name: 'structuredClone', edition: 'HTML' },
];

/**
 * Run inside a realm (its source is evaluated there): deletes each name. `globalThis` goes last, since the owner of
 * every other name is found through the realm's global object.
 */
function removeInRealm(names) {
  var global = Function('return this')();
  var typedArray = Object.getPrototypeOf(Int8Array);
  names.forEach((name) => {
    var parts = name.split('.');
    var property = parts.pop();
    var owner = global;
    parts.forEach((part) => {
      owner = owner == null ? owner : part === '%TypedArray%' ? typedArray : owner[part];
    });
    if (owner != null && property !== 'globalThis') delete owner[property];
  });
  if (names.indexOf('globalThis') >= 0) delete global.globalThis;
}

/** The source of a function that, called in a realm, removes every newer built-in from it. */
export const REMOVE_NEWER_BUILTINS = `(${removeInRealm.toString()})(${JSON.stringify(NEWER_BUILTINS.map((b) => b.name))});`;

/** Removes the newer built-ins from a vm context (run it before the bundle, after anything that sets the realm up). */
export function removeNewerBuiltins(context) {
  vm.runInContext(REMOVE_NEWER_BUILTINS, context);
}
