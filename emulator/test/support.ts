/** Helpers for the emulator's tests: a tiny hand-written bundle, so rules can be tested apart from Jumpwise's code. */
import { createEmulator, type Emulator, type EmulatorOptions } from '../src';

/** The hand-written add-on: its menu's title and the global that lists its custom functions. */
export const DEMO_ADDON = { name: 'Demo', functionsGlobal: 'Demo' };

/**
 * Builds bundle source the way an add-on's build lays it out: a global (DEMO_ADDON.functionsGlobal) with
 * describeFunctions() and one top-level function per custom function.
 */
export function bundleSource(
  functions: { name: string; params: { name: string; kind: string }[]; body: string }[],
  extra = '',
): string {
  const described = JSON.stringify(functions.map((f) => ({ name: f.name, params: f.params })));
  const stubs = functions.map((f) => `function ${f.name}(${f.params.map((p) => p.name).join(', ')}) {\n${f.body}\n}`).join('\n');
  return `var ${DEMO_ADDON.functionsGlobal} = { describeFunctions: function () { return ${described}; } };\n${stubs}\n${extra}`;
}

/** An emulator with a hand-written bundle loaded; returns both. */
export function withBundle(
  functions: Parameters<typeof bundleSource>[0],
  extra = '',
  options: EmulatorOptions = {},
  htmlFiles: Record<string, string> = {},
): { emu: Emulator; context: Record<string, unknown> } {
  const emu = createEmulator({ addon: DEMO_ADDON, ...options });
  const context = emu.loadBundle(bundleSource(functions, extra), htmlFiles);
  return { emu, context };
}
