/**
 * The bundle's surface. Apps Script sees only top-level functions, so scripts/build.mjs appends a
 * top-level stub for every custom function (from the function table) and every entry point below,
 * each delegating to this module through the bundle's global `Jumpwise`.
 */
import { entryPoints } from './sheets/entryPoints';

export { customFunctions, describeFunctions } from './functions';
export { entryPoints };
