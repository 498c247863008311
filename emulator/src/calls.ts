/**
 * The boundary between script code and the emulated services. Every object a script receives is a Proxy that
 * records each call (service, method, argument summary), applies fault injection and authorization rules, unwraps
 * emulated objects passed back in, wraps emulated objects handed out, and turns any method the emulator lacks into
 * "not implemented in the emulator: Range.foo" instead of a silent undefined.
 */
import type { ServiceCall } from './types';
import { isDate } from './values';

/** Base class of every emulated Apps Script object; `serviceName` is what the call log and errors show. */
export abstract class Emulated {
  abstract readonly serviceName: string;
  /** Read-only names a script may touch that are not methods (enums such as SpreadsheetApp.AuthMode). */
  static readonly fields: readonly string[] = [];
}

/** Decides whether a call is allowed right now; throws Google's error when it is not. */
export type CallPolicy = (service: string, method: string) => void;

/** Names that tooling (Jest, console.log, await) probes on any object; a script never calls them. */
const TOOLING_PROBES = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'tagName', 'inspect', 'constructor', 'length']);

function summarize(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length > 0 && Array.isArray(value[0])) return `[${value.length}x${(value[0] as unknown[]).length}]`;
    return `[${value.length}]`;
  }
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (isDate(value)) return value.toISOString();
  if (value instanceof Emulated) return value.serviceName;
  if (value && typeof value === 'object') return '{…}';
  return String(value);
}

export class CallLog {
  readonly calls: ServiceCall[] = [];
  /** Counts down to an injected failure: 1 means the next call fails. */
  private failIn = 0;
  private failMessage = '';
  /** Counts down to an interleaved action: 1 means just before the next call. */
  private actIn = 0;
  private action: (() => void) | undefined;
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  /** Re-creates a Date in the script's realm (set once a bundle is loaded), so `instanceof Date` holds there. */
  scriptDate: (d: Date) => Date = (d) => d;

  constructor(
    private readonly policy: CallPolicy,
    /** True while a custom function runs: its calls are another execution's, tagged and never made to fail. */
    private readonly inCustomFunction: () => boolean = () => false,
  ) {}

  reset(): void {
    this.calls.length = 0;
  }

  failOnCall(n: number, message: string): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failOnCall: n must be a whole number from 1, got ${n}`);
    this.failIn = n;
    this.failMessage = message;
  }

  beforeCall(n: number, action: () => void): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`beforeCall: n must be a whole number from 1, got ${n}`);
    this.actIn = n;
    this.action = action;
  }

  /** The script-facing view of an emulated object (one Proxy per object, so identity comparisons hold). */
  wrap<T>(value: T): T {
    if (Array.isArray(value)) return value.map((v) => this.wrap(v)) as T;
    if (isDate(value)) return this.scriptDate(value) as T;
    if (!(value instanceof Emulated)) return value;
    // Already script-facing (a service handing out host.spreadsheet): wrapping twice would hide its methods.
    if (this.targets.has(value)) return value;
    let proxy = this.proxies.get(value);
    if (!proxy) {
      proxy = this.makeProxy(value);
      this.proxies.set(value, proxy);
      this.targets.set(proxy, value);
    }
    return proxy as T;
  }

  /** The emulated object behind a script-facing Proxy (arguments such as setActiveSheet(sheet)). */
  unwrap<T>(value: T): T {
    if (Array.isArray(value)) return value.map((v) => this.unwrap(v)) as T;
    if (value && typeof value === 'object') return (this.targets.get(value) as T) ?? value;
    return value;
  }

  /** Records a call and applies the policy and any injected fault; used by the proxies and by plain services. */
  record(service: string, method: string, args: readonly unknown[]): void {
    if (this.actIn > 0 && !this.inCustomFunction() && --this.actIn === 0) {
      const action = this.action;
      this.action = undefined;
      // Another execution's work, run while this one is between two calls; its own calls are logged as usual.
      action?.();
    }
    this.policy(service, method);
    const call: ServiceCall = { service, method, args: args.map(summarize).join(', ') };
    if (this.inCustomFunction()) {
      // On Google a custom function runs in an execution of its own when the sheet recalculates, not inside
      // the script call that wrote its inputs: its calls are not that call's round trips.
      call.inCustomFunction = true;
      this.calls.push(call);
      return;
    }
    this.calls.push(call);
    if (this.failIn > 0 && --this.failIn === 0) throw new Error(this.failMessage);
  }

  private makeProxy(target: Emulated): object {
    const fields = (target.constructor as typeof Emulated).fields;
    return new Proxy(target, {
      get: (t, prop, receiver) => {
        if (typeof prop === 'symbol') return Reflect.get(t, prop, receiver);
        if (prop === 'toString') return () => t.serviceName;
        if (prop === 'serviceName') return t.serviceName;
        if (fields.includes(prop)) return this.wrap(Reflect.get(t, prop));
        const member = Reflect.get(t, prop);
        if (typeof member !== 'function' || prop.startsWith('_')) {
          if (TOOLING_PROBES.has(prop) || prop.startsWith('@@') || prop.startsWith('$$')) return undefined;
          throw new Error(`not implemented in the emulator: ${t.serviceName}.${prop}`);
        }
        return (...args: unknown[]) => {
          const plain = this.unwrap(args);
          this.record(t.serviceName, prop, plain);
          return this.wrap(member.apply(t, plain));
        };
      },
      set: (t, prop, value) => {
        // Template variables (template.plan = ...) are the one assignment Google's objects accept.
        const assign = (t as unknown as { _set?: (name: string, value: unknown) => void })._set;
        if (typeof assign === 'function' && typeof prop === 'string') {
          assign.call(t, prop, value);
          return true;
        }
        throw new Error(`not implemented in the emulator: setting ${t.serviceName}.${String(prop)}`);
      },
      has: (t, prop) => typeof prop === 'string' && typeof Reflect.get(t, prop) === 'function',
    });
  }
}
