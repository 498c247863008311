/** Loads the built dist/Code.js the way Apps Script does: a bare ES2019 vm context with only the globals given. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { removeNewerBuiltins } from '../../emulator/src/newerBuiltins.mjs';

export const DIST = join(__dirname, '..', '..', 'dist');
export const readCode = (): string => readFileSync(join(DIST, 'Code.js'), 'utf8');

export type BundleContext = vm.Context & Record<string, (...args: unknown[]) => unknown>;

export function loadBundle(globals: Record<string, unknown> = {}): BundleContext {
  const context = vm.createContext({ ...globals });
  // ES2019's built-ins only, as the build targets (emulator/src/newerBuiltins.mjs).
  removeNewerBuiltins(context);
  vm.runInContext(readCode(), context, { filename: 'Code.js' });
  return context as BundleContext;
}
