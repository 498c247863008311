/** The sidebar and the Help dialog. The sidebar page is dist/Sidebar.html, built from sidebar/. */
import { PRODUCT_NAME, pageTitle } from '../brand';

/** The HTML file name (without .html) of the wizard page in dist/. */
const SIDEBAR_PAGE = 'Sidebar';

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile(SIDEBAR_PAGE).setTitle(pageTitle('plan my transition'));
  SpreadsheetApp.getUi().showSidebar(page);
}

/** The Help dialog's page, dist/Help.html (built from sidebar/Help.html, like the wizard). */
const HELP_PAGE = 'Help';

export function showHelp(): void {
  const page = HtmlService.createHtmlOutputFromFile(HELP_PAGE).setWidth(440).setHeight(420);
  SpreadsheetApp.getUi().showModalDialog(page, `${PRODUCT_NAME} help`);
}
