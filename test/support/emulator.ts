/** The emulator as Leap's tests, benchmark and preview run it: told which add-on the bundle is. */

import { createEmulator, type Emulator, type EmulatorOptions } from '../../emulator/src';
import { PRODUCT_NAME } from '../../src/brand';

/**
 * Leap's menu is Extensions > Leap (the add-on's listed name), and the build's IIFE global `Leap` lists the custom
 * functions (scripts/build.mjs: globalName).
 */
export const LEAP_ADDON = { name: PRODUCT_NAME, functionsGlobal: 'Leap' } as const;

export const createLeapEmulator = (options: EmulatorOptions = {}): Emulator => createEmulator({ addon: LEAP_ADDON, ...options });
