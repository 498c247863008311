/** The Extensions > Jumpwise menu. Runs in AuthMode.NONE too, so it must not read the document or properties. */

/**
 * Menu text -> the top-level function it calls. The names are entry points in entryPoints.ts. Each item starts with
 * a verb, in sentence case, without the add-on's name ("UI style guide for Editor add-ons",
 * https://developers.google.com/workspace/add-ons/guides/editor-style, "Menus"; test/publish/reviewCriteria).
 */
const MENU_ITEMS: readonly { label: string; functionName: string }[] = [
  { label: 'Plan my transition…', functionName: 'leapShowSidebar' },
  { label: 'Insert function examples', functionName: 'leapInsertExamples' },
  { label: 'Set up invoices', functionName: 'leapSetupInvoices' },
  { label: 'Make invoice', functionName: 'leapMakeInvoice' },
  { label: 'Import bank statement…', functionName: 'leapShowImport' },
  { label: 'Set up Books', functionName: 'leapSetUpBooks' },
  { label: 'Check in on last month', functionName: 'leapShowCheckIn' },
  { label: 'Get help', functionName: 'leapShowHelp' },
];

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(item.label, item.functionName);
  });
  menu.addToUi();
}
