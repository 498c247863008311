/** The emulator as Jumpwise's tests, benchmark and preview run it: told which add-on the bundle is. */

import { createEmulator, type Emulator, type EmulatorOptions } from '../../emulator/src';
import { PRODUCT_NAME } from '../../src/brand';

/**
 * Jumpwise's menu is Extensions > Jumpwise (the add-on's listed name), and the build's IIFE global `Jumpwise` lists the custom
 * functions (scripts/build.mjs: globalName).
 */
export const JW_ADDON = { name: PRODUCT_NAME, functionsGlobal: 'Jumpwise' } as const;

export const createLeapEmulator = (options: EmulatorOptions = {}): Emulator => createEmulator({ addon: JW_ADDON, ...options });
