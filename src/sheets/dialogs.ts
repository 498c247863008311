/** The sidebar and the Help dialog. The sidebar page is dist/Sidebar.html, built from sidebar/. */

/** The HTML file name (without .html) of the wizard page in dist/. */
export const SIDEBAR_PAGE = 'Sidebar';

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile(SIDEBAR_PAGE).setTitle('Leap: plan my transition');
  SpreadsheetApp.getUi().showSidebar(page);
}

/** Short, self-contained help: what Leap does and where each part is explained in the README. */
export const HELP_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Leap help</title>
<style>
body{font:13px/1.5 Arial,sans-serif;color:#202124;margin:0 16px 16px}
h2{font-size:15px;margin:12px 0 4px}ul{padding-left:18px;margin:4px 0}code{background:#f1f3f4;padding:0 3px}
</style></head><body>
<h2>What Leap does</h2>
<p>Leap helps you move from a job to independent work. It adds spreadsheet functions for budgeting on
fluctuating income and a wizard that builds a live <b>Transition Plan</b> sheet.</p>
<h2>Using it</h2>
<ul>
<li><b>Extensions &gt; Leap &gt; Plan my transition…</b> opens the wizard. Your answers are saved as you go;
<b>Build plan</b> writes the plan sheet. Edit the shaded input cells and every number updates.</li>
<li><b>Insert function examples</b> adds a sheet with each function and a worked example.</li>
<li>Type <code>=TAX_SET_ASIDE(</code>, <code>=LOW_END_BUDGET(</code> or <code>=BUFFER_RUNWAY(</code> in any cell:
the help card lists each argument.</li>
</ul>
<h2>In the README</h2>
<ul>
<li><b>Quick start</b>: install and try it.</li>
<li><b>Function reference</b>: every function, its arguments and an example.</li>
<li><b>How the US estimate works</b>: what <code>TAX_RATE_US</code> includes and its limits.</li>
</ul>
<p>Leap's numbers are estimates for planning, not tax or financial advice.</p>
</body></html>`;

export function showHelp(): void {
  const page = HtmlService.createHtmlOutput(HELP_HTML).setWidth(440).setHeight(420);
  SpreadsheetApp.getUi().showModalDialog(page, 'Leap help');
}
