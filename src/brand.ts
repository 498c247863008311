/**
 * The product's name, in one place.
 *
 * The menu's own title is not set here: Sheets titles an add-on's menu with the add-on's name (the Apps Script
 * project title before publishing, the listing's name after), "Menus for Google Workspace add-ons",
 * https://developers.google.com/workspace/add-ons/concepts/menus.
 */

/** What the person reads: dialog and sidebar titles, sheet names, sentences. */
export const PRODUCT_NAME = 'Jumpwise';

/** Every named range the add-on makes starts with this (JW_TAX_RATE, JW_BOOKS_PROFIT_YTD...). */
export const NAMED_RANGE_PREFIX = 'JW_';

/** A sidebar's or dialog's title: the product's name, then what the page is for. */
export const pageTitle = (what: string): string => `${PRODUCT_NAME}: ${what}`;
