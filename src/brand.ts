/**
 * The product's name, in one place.
 * @rename-brand-drop Until scripts/rename-brand.mjs runs once on the merged tree (issue 23), these hold the old name,
 * @rename-brand-drop Leap; the listing, docs/ and PUBLISHING.md use the new one, Jumpwise, already. The script turns
 * @rename-brand-drop these constants, every literal LEAP_ name and every "Leap" sentence into the new ones.
 *
 * The menu's own title is not set here: Sheets titles an add-on's menu with the add-on's name (the Apps Script
 * project title before publishing, the listing's name after), "Menus for Google Workspace add-ons",
 * https://developers.google.com/workspace/add-ons/concepts/menus.
 */

/** What the person reads: dialog and sidebar titles, sheet names, sentences. */
export const PRODUCT_NAME = 'Leap';

/** Every named range the add-on makes starts with this (LEAP_TAX_RATE, LEAP_BOOKS_PROFIT_YTD...). */
export const NAMED_RANGE_PREFIX = 'LEAP_';

/** A sidebar's or dialog's title: the product's name, then what the page is for. */
export const pageTitle = (what: string): string => `${PRODUCT_NAME}: ${what}`;
