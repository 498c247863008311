/**
 * What may cross google.script.run between an HtmlService page and the script, as Google describes it. One source
 * for the emulator (server side: arguments in, results out), the preview's page shim and the tests' in-page fake
 * server (page side: arguments out), so this module imports nothing and runs in Node and in a browser alike.
 *
 * Google, "Class google.script.run (Client-side API)", myFunction(...)
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)), and "HTML Service:
 * Communicate with Server Functions", Parameters and return values
 * (https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values):
 * - "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as JavaScript objects
 *   and arrays that are composed of primitives, objects, and arrays. A form element within the page is also legal as
 *   a parameter, but it must be the function's only parameter."
 * - "Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type,
 *   including prohibited types inside objects or arrays. Objects that create circular references will also fail, and
 *   undefined fields within arrays become null."
 * - Return values are "subject to the same restrictions as parameter types, except that a form element is not a
 *   legal return type".
 * - Private functions: "Server-side functions whose names end with an underscore are considered private" and cannot
 *   be called from the page.
 * Google names no "other prohibited type" and gives no failure message. Stricter where it is silent: anything that is
 * not a primitive, an array or a plain object fails (Map, Set, RegExp, Error, a class instance, a symbol, a bigint),
 * and so does a number JSON cannot carry (NaN, Infinity). An undefined object field is dropped (the guide speaks
 * only of arrays; JSON drops it too).
 */

/** Which way a value crosses: an argument (page to script) or a result (script to page). */
export type ScriptRunCrossing = 'argument' | 'result';

/** The failure google.script.run reports: the failure handler's Error. */
export class ScriptRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptError';
  }
}

/** google.script.run cannot reach private functions (names ending in "_") nor anything that is not a name. */
export function isCallableFromPage(functionName: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(functionName) && !functionName.endsWith('_');
}

/** A DOM node, recognised by shape: the page's Node class is not there in Node.js, nor the same in every frame. */
function isDomNode(value: object): boolean {
  const node = value as { nodeType?: unknown; nodeName?: unknown };
  return typeof node.nodeType === 'number' && typeof node.nodeName === 'string';
}

/** A form element: legal only as the only argument, where the page sends its fields. */
export function isFormElement(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    isDomNode(value) &&
    String((value as { nodeName: string }).nodeName).toUpperCase() === 'FORM'
  );
}

/** What a value is, in the words of a failure message. */
function kindOf(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'number') return `the number ${String(value)}`;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag === 'Date') return 'a Date';
  if (isDomNode(value as object))
    return isFormElement(value) ? 'a form element (legal only as the only argument)' : 'a DOM element';
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return `a ${typeof name === 'string' && name ? name : tag}`;
}

/** Plain objects from any realm (the bundle runs in a vm context, whose Object.prototype is not Node's). */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

const pathOf = (base: string, key: string | number): string =>
  typeof key === 'number'
    ? `${base}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? `${base}.${key}`
      : `${base}[${JSON.stringify(key)}]`;

/**
 * The value as the other side receives it (a fresh copy of plain data, made in this realm), or a ScriptRunError
 * naming the function, which argument or the result, the path and the prohibited value.
 * `where` names the value in the message: "argument 1", "the result".
 */
export function copyAcrossScriptRun(value: unknown, functionName: string, where: string): unknown {
  const ancestors: object[] = [];
  const fail = (path: string, what: string): never => {
    throw new ScriptRunError(
      `google.script.run.${functionName}: ${where} holds ${what}${path === '' ? '' : ` at ${path}`}. ` +
        'google.script.run carries only numbers, strings, booleans, null and arrays and objects made of them; ' +
        'it refuses a Date, a function or a DOM element, also inside objects and arrays (send dates as ISO text).',
    );
  };
  const copy = (v: unknown, path: string): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || v === undefined) return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : fail(path, kindOf(v));
    if (typeof v !== 'object') return fail(path, kindOf(v));
    if (ancestors.includes(v)) return fail(path, 'a circular reference');
    ancestors.push(v);
    try {
      if (Array.isArray(v)) {
        // Google: "undefined fields within arrays become null".
        return v.map((item, i) => {
          const c = copy(item, pathOf(path, i));
          return c === undefined ? null : c;
        });
      }
      if (isDomNode(v) || !isPlainObject(v)) return fail(path, kindOf(v));
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        const c = copy((v as Record<string, unknown>)[key], pathOf(path, key));
        if (c !== undefined) out[key] = c;
      }
      return out;
    } finally {
      ancestors.pop();
    }
  };
  return copy(value, '');
}

/** The arguments of one call as the script receives them; a form as the only argument travels as `formFields(form)`. */
export function copyArgumentsAcrossScriptRun(
  functionName: string,
  args: unknown[],
  formFields?: (form: unknown) => Record<string, unknown>,
): unknown[] {
  if (!isCallableFromPage(functionName)) throw new ScriptRunError(`Script function not found: ${functionName}`);
  if (args.length === 1 && formFields && isFormElement(args[0])) return [formFields(args[0])];
  return args.map((arg, i) => copyAcrossScriptRun(arg, functionName, `argument ${i + 1}`));
}
