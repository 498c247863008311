/** Types of newerBuiltins.mjs (plain JavaScript so that scripts/build.mjs can import it as it is). */
import type { Context } from 'node:vm';

export interface NewerBuiltin {
  /** A global ("globalThis"), a static ("Object.hasOwn") or a prototype method ("Array.prototype.at"). */
  name: string;
  /** The edition that added it ("ES2022"), or "HTML" for a web platform global. */
  edition: string;
}

export const NEWER_BUILTINS: readonly NewerBuiltin[];
export const REMOVE_NEWER_BUILTINS: string;
export function removeNewerBuiltins(context: Context): void;
