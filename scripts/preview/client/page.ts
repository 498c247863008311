/**
 * The spreadsheet window: renders the server's PreviewView (grid, tabs, menus, sidebar, dialogs) and sends what the
 * user does (typing into the formula bar, clicking a checkbox, a menu item or a tab) back as actions.
 * The server owns all state; after every action the page re-renders from the view it answers with.
 */
import { columnToLetters, lettersToColumn } from '../../../emulator/src/a1';
import { axisLabel } from '../../../emulator/src/chartOptions';
import type {
  ActionAnswer,
  CellView,
  ChartView,
  DropdownOption,
  FilterView,
  HtmlPanelView,
  MenuView,
  PreviewView,
  SheetView,
} from '../protocol';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const grid = $<HTMLTableElement>('grid');
const formulaBar = $<HTMLInputElement>('formula-bar');
const nameBox = $<HTMLInputElement>('name-box');
const statusBar = $<HTMLDivElement>('status');
// The grid takes the keyboard (arrows move, typing edits, Delete clears), as a spreadsheet's grid does.
grid.tabIndex = 0;

let view: PreviewView | undefined;
let selected = 'A1';
/** The sidebar/dialog/alert/toast last put on screen, so a re-render does not reload a frame or replay a toast. */
const shown = { sidebar: -1, dialog: -1, alert: -1, toast: -1 };

// ---- A1 notation ----

/** Column letters of a 0-based column index, as the grid's header shows them. */
const columnLetters = (index: number): string => columnToLetters(index + 1);

function toA1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

function fromA1(a1: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) return { row: 0, column: 0 };
  return { row: Number(match[2]) - 1, column: lettersToColumn(match[1]) - 1 };
}

// ---- Talking to the server ----

let statusTimer: ReturnType<typeof setTimeout> | undefined;

function showStatus(message: string | undefined): void {
  statusBar.hidden = !message;
  statusBar.textContent = message ?? '';
  // Each message gets its full time: an earlier message's timer must not clear a later one.
  clearTimeout(statusTimer);
  if (message) statusTimer = setTimeout(() => showStatus(undefined), 8000);
}

/** Sends one user action; true when the server took it (no error to show). */
async function act(path: string, body: Record<string, unknown> = {}): Promise<boolean> {
  let taken = false;
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as ActionAnswer;
    render(answer.view);
    showStatus(answer.error);
    taken = !answer.error;
  } catch (e) {
    showStatus(`The preview server did not answer: ${String(e)}`);
  }
  // Counters tests and users' tooling can wait on: every user action answered and drawn (data-actions),
  // every drawing of the server's state, including refreshes after the sidebar called the bundle (data-renders).
  document.body.dataset.actions = String(Number(document.body.dataset.actions ?? 0) + 1);
  return taken;
}

async function refresh(): Promise<void> {
  const response = await fetch('/api/view');
  render((await response.json()) as PreviewView);
}

// ---- Rendering ----

function render(next: PreviewView): void {
  view = next;
  document.title = `${next.title} – Jumpwise preview`;
  $('doc-title').textContent = next.title;
  $('calls').textContent = `${next.calls} service call${next.calls === 1 ? '' : 's'}`;
  renderMenus(next.menus);
  // The list belongs to the grid drawn before: its cell may now hold another value or be gone.
  closeDropdown();
  renderGrid(next.active);
  renderTabs(next);
  renderSidebar(next.sidebar);
  renderDialog(next.dialog);
  renderAlert(next.alert);
  renderToast(next.toast);
  select(selected, { keepFormulaBar: document.activeElement === formulaBar });
  document.body.dataset.renders = String(Number(document.body.dataset.renders ?? 0) + 1);
  // Custom functions still running (cells reading "Loading..."): ask again, as Sheets fills each cell in when its
  // execution returns.
  if (next.calculating && calculatingTimer === undefined) {
    calculatingTimer = window.setTimeout(() => {
      calculatingTimer = undefined;
      void refresh();
    }, CALCULATING_POLL_MS);
  }
}

/** How often the page asks for the sheet again while executions run (a quarter of a preview execution). */
const CALCULATING_POLL_MS = 250;
let calculatingTimer: number | undefined;

function closeMenus(): void {
  for (const button of document.querySelectorAll('[aria-expanded="true"]')) button.setAttribute('aria-expanded', 'false');
  for (const popup of document.querySelectorAll<HTMLElement>('.menu-popup')) popup.hidden = true;
}

function menuItems(menu: MenuView, popup: HTMLElement): void {
  for (const item of menu.items) {
    if ('separator' in item) {
      popup.append(Object.assign(document.createElement('hr'), { className: 'menu-separator' }));
      continue;
    }
    const button = Object.assign(document.createElement('button'), {
      type: 'button',
      className: 'menu-item',
      textContent: item.label,
    });
    button.setAttribute('role', 'menuitem');
    button.addEventListener('click', () => {
      closeMenus();
      // The selected cell goes along: menu actions such as Make invoice read the selection.
      void act('/api/run', { functionName: item.functionName, sheet: view?.active.name, a1: selected });
    });
    popup.append(button);
  }
}

/** A top-level menu: a button that opens a popup. */
function topMenu(name: string, fill: (popup: HTMLElement) => void): HTMLElement {
  const wrapper = Object.assign(document.createElement('div'), { className: 'menu' });
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'menu-button', textContent: name });
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  const popup = Object.assign(document.createElement('div'), { className: 'menu-popup', hidden: true });
  popup.setAttribute('role', 'menu');
  fill(popup);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const open = button.getAttribute('aria-expanded') !== 'true';
    closeMenus();
    button.setAttribute('aria-expanded', String(open));
    popup.hidden = !open;
  });
  wrapper.append(button, popup);
  return wrapper;
}

/** Extensions holds one submenu per add-on menu (Extensions > Jumpwise > …), as in Sheets. */
function addonSubmenu(menu: MenuView, popup: HTMLElement): void {
  const holder = Object.assign(document.createElement('div'), { className: 'menu' });
  const button = Object.assign(document.createElement('button'), {
    type: 'button',
    className: 'menu-item has-sub',
    textContent: menu.name,
  });
  button.setAttribute('role', 'menuitem');
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  const sub = Object.assign(document.createElement('div'), { className: 'menu-popup sub', hidden: true });
  sub.setAttribute('role', 'menu');
  menuItems(menu, sub);
  const open = (): void => {
    button.setAttribute('aria-expanded', 'true');
    sub.hidden = false;
  };
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    open();
  });
  button.addEventListener('mouseenter', open);
  holder.append(button, sub);
  popup.append(holder);
}

let renderedMenus = '';

function renderMenus(menus: MenuView[]): void {
  // Rebuilding an open menu under the pointer would close it; rebuild only when the menus changed.
  const signature = JSON.stringify(menus);
  if (signature === renderedMenus) return;
  renderedMenus = signature;
  const bar = $('menubar');
  bar.replaceChildren();
  const own = menus.filter((m) => !m.addon);
  const addons = menus.filter((m) => m.addon);
  bar.append(
    topMenu('Extensions', (popup) => {
      if (addons.length === 0) {
        const empty = Object.assign(document.createElement('div'), { className: 'menu-item', textContent: 'No add-on menu' });
        empty.setAttribute('aria-disabled', 'true');
        popup.append(empty);
      }
      for (const menu of addons) addonSubmenu(menu, popup);
    }),
  );
  for (const menu of own) bar.append(topMenu(menu.name, (popup) => menuItems(menu, popup)));
}

/**
 * overflows: left-aligned text whose right-hand neighbour is empty runs on over it instead of being cut off,
 * as Sheets draws it; runsOnTo: the pixels from the cell's left edge to the first filled cell, where Sheets cuts
 * the text off ("Overflow" in Google's "Wrap text" help: text runs on over empty cells only).
 */
function cellElement(a1: string, cell: CellView | undefined, overflows = false, runsOnTo = 0): HTMLTableCellElement {
  const td = document.createElement('td');
  td.dataset.a1 = a1;
  if (!cell) return td;
  const classes: string[] = [];
  if (cell.align === 'right') classes.push('num');
  if (cell.align === 'center') classes.push('center');
  if (cell.bold) classes.push('bold');
  if (cell.wrap) classes.push('wrap');
  if (cell.error !== undefined) classes.push('error');
  else if (cell.note) classes.push('has-note');
  td.className = classes.join(' ');
  if (cell.color) td.style.color = cell.color;
  if (cell.background) td.style.background = cell.background;
  const hover = cell.error ?? cell.note;
  if (hover) td.title = hover;
  if (cell.dropdown !== undefined) {
    // A dropdown cell: its value and an arrow that opens the list, as Sheets draws a list validation.
    td.classList.add('has-dropdown');
    const arrow = Object.assign(document.createElement('button'), { type: 'button', className: 'dropdown-arrow', tabIndex: -1 });
    arrow.setAttribute('aria-label', `Choose a value for ${a1}`);
    arrow.setAttribute('aria-haspopup', 'listbox');
    td.append(Object.assign(document.createElement('span'), { className: 'dropdown-value', textContent: cell.display }), arrow);
  } else if (cell.checked !== undefined) {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', checked: cell.checked });
    box.setAttribute('aria-label', a1);
    box.addEventListener('click', (event) => {
      event.preventDefault();
      select(a1);
      void act('/api/input', { sheet: view?.active.name, a1, input: cell.checked ? 'FALSE' : 'TRUE' });
    });
    td.append(box);
  } else if (overflows) {
    td.classList.add('overflow');
    const span = Object.assign(document.createElement('span'), { textContent: cell.display });
    // Less the cell's own left padding: the text ends at the filled cell's edge.
    if (runsOnTo > 0) span.style.maxWidth = `${runsOnTo - 4}px`;
    td.append(span);
  } else {
    td.textContent = cell.display;
  }
  return td;
}

/** The row-number column, as wide as Sheets draws it. */
const ROW_HEADER_WIDTH = 46;

function renderGrid(sheet: SheetView): void {
  const colgroup = document.createElement('colgroup');
  const rowHeaderCol = document.createElement('col');
  rowHeaderCol.style.width = `${ROW_HEADER_WIDTH}px`;
  colgroup.append(rowHeaderCol);
  for (const width of sheet.columnWidths) {
    const col = document.createElement('col');
    col.style.width = `${width}px`;
    if (width === 0) col.style.visibility = 'collapse';
    colgroup.append(col);
  }
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  headRow.append(Object.assign(document.createElement('th'), { className: 'corner' }));
  for (let c = 0; c < sheet.columns; c++) {
    const th = Object.assign(document.createElement('th'), { textContent: columnLetters(c) });
    th.dataset.column = columnLetters(c);
    headRow.append(th);
  }
  head.append(headRow);

  // Cells hidden under a merge are not rendered; the merge's top-left cell spans them.
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; columns: number }>();
  for (const merge of sheet.merges) {
    const { row, column } = fromA1(merge.a1);
    spans.set(merge.a1, merge);
    for (let r = row; r < row + merge.rows; r++)
      for (let c = column; c < column + merge.columns; c++) if (r !== row || c !== column) covered.add(toA1(r, c));
  }

  // A row the filter hides is not drawn; the row numbers around it skip it, as in Sheets.
  const hiddenRows = new Set(sheet.filter?.hiddenRows);
  const frozen: number[] = [];
  const scrolling: number[] = [];
  for (let r = 0; r < sheet.rows; r++) if (!hiddenRows.has(r + 1)) (r < sheet.frozenRows ? frozen : scrolling).push(r);
  const windowed = scrolling.length > DRAW_WHOLE && sheet.merges.length === 0 && sheet.charts.length === 0;
  drawn = { sheet, covered, spans, frozen, scrolling, windowed, start: 0, end: scrolling.length };
  // Read before the old rows go: an emptied table is short, and the browser would scroll back to the top.
  const scroller = $('grid-scroll');
  const { scrollTop, scrollLeft } = scroller;
  grid.replaceChildren(colgroup, head, document.createElement('tbody'));
  // A fixed-layout table honours its column widths only when its own width is set.
  grid.style.width = `${ROW_HEADER_WIDTH + sheet.columnWidths.reduce((sum, w) => sum + w, 0)}px`;
  drawRows(windowed ? rowWindow(drawn, scrollTop) : { start: 0, end: scrolling.length });
  scroller.scrollTop = scrollTop;
  scroller.scrollLeft = scrollLeft;
  renderCharts(sheet.charts);
}

/**
 * A sheet with more rows than this (a ledger of thousands, the 1,000 rows of a new Invoices sheet) has only the rows in and near view drawn, the rest
 * stood in for by blank space of their height: building every row's cells would take the browser seconds on each
 * redraw. Sheets with charts or merges are drawn whole (their placement needs every row in place).
 */
const DRAW_WHOLE = 300;
/** Rows drawn beyond the visible ones in a long sheet, above and below, so scrolling a little needs no redraw. */
const WINDOW_MARGIN = 80;

interface DrawnGrid {
  sheet: SheetView;
  covered: Set<string>;
  spans: Map<string, { rows: number; columns: number }>;
  /** 0-based indexes of the frozen rows and of the other rows not hidden by a filter. */
  frozen: number[];
  scrolling: number[];
  windowed: boolean;
  /** The drawn slice of `scrolling`. */
  start: number;
  end: number;
}

let drawn: DrawnGrid | undefined;
/** A drawn row's height in pixels, measured once rows exist; Sheets' default row height until then. */
let rowHeight = 21;

/** The slice of the scrolling rows in view, with the margin around it. */
function rowWindow(layout: DrawnGrid, scrollTop = $('grid-scroll').scrollTop): { start: number; end: number } {
  const scroller = $('grid-scroll');
  const visible = Math.ceil(scroller.clientHeight / rowHeight);
  // A filter or a shorter sheet can leave the old scroll position past the last row: the browser will clamp it to
  // the end, so the window starts at the last screenful rather than below everything.
  const first = Math.min(Math.floor(scrollTop / rowHeight), Math.max(0, layout.scrolling.length - visible));
  return {
    start: Math.max(0, first - WINDOW_MARGIN),
    end: Math.min(layout.scrolling.length, first + visible + WINDOW_MARGIN),
  };
}

function rowElement(layout: DrawnGrid, r: number): HTMLTableRowElement {
  const { sheet, covered, spans } = layout;
  const tr = document.createElement('tr');
  if (sheet.frozenRows > 0 && r === sheet.frozenRows - 1) tr.className = 'frozen-edge';
  const th = Object.assign(document.createElement('th'), { textContent: String(r + 1) });
  th.dataset.row = String(r + 1);
  tr.append(th);
  for (let c = 0; c < sheet.columns; c++) {
    const a1 = toA1(r, c);
    if (covered.has(a1)) continue;
    const cell = sheet.cells[a1];
    const right = sheet.cells[toA1(r, c + 1)];
    // A hidden column's text stays clipped to its zero width: run on, it would show over the next column.
    const overflows =
      sheet.columnWidths[c] !== 0 &&
      Boolean(cell?.display) &&
      cell?.align === 'left' &&
      !cell?.wrap &&
      cell?.dropdown === undefined &&
      !right?.display &&
      right?.checked === undefined &&
      right?.dropdown === undefined;
    let runsOnTo = 0;
    if (overflows) {
      runsOnTo = sheet.columnWidths[c];
      for (let k = c + 1; k < sheet.columns; k++) {
        const next = sheet.cells[toA1(r, k)];
        if (next?.display || next?.checked !== undefined || next?.dropdown !== undefined || covered.has(toA1(r, k))) break;
        runsOnTo += sheet.columnWidths[k];
      }
      // The last column's text runs on to the sheet's edge, as far as it goes.
      if (runsOnTo >= sheet.columnWidths.slice(c).reduce((a, b) => a + b, 0)) runsOnTo = 0;
    }
    const td = cellElement(a1, cell, overflows, runsOnTo);
    // A hidden column keeps its cells (scripts read them) but shows nothing, not even text running on.
    if (sheet.columnWidths[c] === 0) td.style.visibility = 'hidden';
    if (sheet.filter && r + 1 === sheet.filter.headerRow) addFilterIcon(td, c + 1, sheet.filter);
    const span = spans.get(a1);
    if (span) {
      td.rowSpan = span.rows;
      td.colSpan = span.columns;
      td.classList.add('merged');
    }
    tr.append(td);
  }
  return tr;
}

/** Blank space standing in for rows not drawn, as tall as they would be. */
function spacer(layout: DrawnGrid, rows: number): HTMLTableRowElement {
  const tr = Object.assign(document.createElement('tr'), { className: 'spacer' });
  tr.setAttribute('aria-hidden', 'true');
  const td = Object.assign(document.createElement('td'), { colSpan: layout.sheet.columns + 1 });
  td.style.height = `${rows * rowHeight}px`;
  tr.append(td);
  return tr;
}

/** The frozen rows, then the given slice of the others (with spacers for the rest when the sheet is long). */
function drawRows(slice: { start: number; end: number }): void {
  if (!drawn) return;
  drawn.start = slice.start;
  drawn.end = slice.end;
  const body = document.createElement('tbody');
  for (const r of drawn.frozen) body.append(rowElement(drawn, r));
  if (slice.start > 0) body.append(spacer(drawn, slice.start));
  for (const r of drawn.scrolling.slice(slice.start, slice.end)) body.append(rowElement(drawn, r));
  if (slice.end < drawn.scrolling.length) body.append(spacer(drawn, drawn.scrolling.length - slice.end));
  grid.tBodies[0]?.replaceWith(body);
  if (drawn.windowed) {
    const sample = body.querySelector<HTMLElement>('tr:not(.spacer)');
    if (sample && sample.offsetHeight > 0 && sample.offsetHeight !== rowHeight) {
      rowHeight = sample.offsetHeight;
      drawRows(slice);
      return;
    }
  }
  freezeRows(body, drawn.frozen.length);
}

/** In a long sheet, draws the rows that scrolling brought into view once the drawn ones run out. */
function followScroll(): void {
  if (!drawn?.windowed) return;
  const wanted = rowWindow(drawn);
  const first = Math.max(0, wanted.start + WINDOW_MARGIN);
  const last = Math.min(drawn.scrolling.length, wanted.end - WINDOW_MARGIN);
  if (first >= drawn.start && last <= drawn.end) return;
  drawRows(wanted);
  select(selected, { keepFormulaBar: true });
}

/** Scrolls a long sheet so the cell's row is drawn and in view. */
function bringIntoView(a1: string): void {
  const { row } = fromA1(a1);
  if (drawn?.windowed) {
    const index = drawn.scrolling.indexOf(row);
    if (index >= 0 && (index < drawn.start || index >= drawn.end)) {
      const scroller = $('grid-scroll');
      scroller.scrollTop = Math.max(0, index * rowHeight - scroller.clientHeight / 2);
      drawRows(rowWindow(drawn));
    }
  }
  grid.querySelector(`td[data-a1="${a1}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** A funnel on each heading of a filter's range; filled when that column has a criterion, as Sheets marks it. */
function addFilterIcon(td: HTMLTableCellElement, column: number, filter: FilterView): void {
  if (column < filter.firstColumn || column > filter.lastColumn) return;
  const criterion = filter.criteria.find((c) => c.column === column);
  const letters = columnLetters(column - 1);
  const icon = Object.assign(document.createElement('span'), { className: criterion ? 'filter-icon active' : 'filter-icon' });
  icon.setAttribute('role', 'img');
  const name = criterion ? `Column ${letters} filtered: ${criterion.description}` : `Column ${letters} filter`;
  icon.setAttribute('aria-label', name);
  icon.title = name;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M1 2h10L7 6.5V10L5 11V6.5z');
  svg.append(path);
  icon.append(svg);
  td.classList.add('has-filter');
  td.append(icon);
}

// ---- Dropdowns ----

const dropdownPopup = Object.assign(document.createElement('div'), { className: 'dropdown-popup', id: 'dropdown', hidden: true });
dropdownPopup.setAttribute('role', 'listbox');
$('grid-scroll').append(dropdownPopup);
let dropdownCell: string | undefined;

function closeDropdown(): void {
  if (dropdownCell === undefined) return;
  dropdownCell = undefined;
  dropdownPopup.hidden = true;
  dropdownPopup.replaceChildren();
  for (const arrow of grid.querySelectorAll('.dropdown-arrow[aria-expanded]')) arrow.removeAttribute('aria-expanded');
}

/** Choosing a value types it into the cell, so it takes the path (validation, recalculation) typing takes. */
function chooseValue(a1: string, option: DropdownOption): void {
  closeDropdown();
  select(a1);
  void act('/api/input', { sheet: view?.active.name, a1, input: option.input }).then(() => grid.focus({ preventScroll: true }));
}

/** The list of a dropdown cell below it, the cell's value marked and focused (the first value when it has none). */
function openDropdown(a1: string): void {
  const index = view?.active.cells[a1]?.dropdown;
  const td = grid.querySelector<HTMLElement>(`td[data-a1="${a1}"]`);
  if (index === undefined || !td || !view?.active.dropdowns) return;
  const options = view.active.dropdowns[index];
  const current = view.active.cells[a1]?.display ?? '';
  dropdownCell = a1;
  dropdownPopup.setAttribute('aria-label', `Values for ${a1}`);
  dropdownPopup.replaceChildren(
    ...options.map((option) => {
      const item = Object.assign(document.createElement('div'), {
        className: 'dropdown-option',
        textContent: option.label,
        tabIndex: -1,
      });
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(option.label === current));
      item.addEventListener('click', (event) => {
        event.stopPropagation();
        chooseValue(a1, option);
      });
      return item;
    }),
  );
  td.querySelector('.dropdown-arrow')?.setAttribute('aria-expanded', 'true');
  const scroller = $('grid-scroll');
  const box = td.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  dropdownPopup.style.left = `${box.left - frame.left + scroller.scrollLeft}px`;
  dropdownPopup.style.top = `${box.bottom - frame.top + scroller.scrollTop}px`;
  dropdownPopup.style.minWidth = `${box.width}px`;
  dropdownPopup.hidden = false;
  const items = Array.from(dropdownPopup.children) as HTMLElement[];
  const start = items.find((item) => item.getAttribute('aria-selected') === 'true') ?? items[0];
  start?.focus({ preventScroll: true });
  start?.scrollIntoView({ block: 'nearest' });
}

dropdownPopup.addEventListener('keydown', (event) => {
  const items = Array.from(dropdownPopup.children) as HTMLElement[];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = items[Math.min(Math.max(at + (event.key === 'ArrowDown' ? 1 : -1), 0), items.length - 1)];
    next?.focus();
  } else if (event.key === 'Enter' && at >= 0 && dropdownCell !== undefined) {
    event.preventDefault();
    const index = view?.active.cells[dropdownCell]?.dropdown;
    const option = index === undefined ? undefined : view?.active.dropdowns?.[index][at];
    if (option) chooseValue(dropdownCell, option);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    closeDropdown();
    grid.focus({ preventScroll: true });
  }
});

/** Frozen rows stay in view under the column letters while the rest scrolls, as in Sheets. */
function freezeRows(body: HTMLTableSectionElement, frozenRows: number): void {
  for (const tr of Array.from(body.rows).slice(0, frozenRows)) {
    // offsetTop counts from the table's top, so it already includes the column-letter row.
    const top = `${tr.offsetTop}px`;
    for (const cell of Array.from(tr.cells)) {
      cell.classList.add('frozen');
      cell.style.top = top;
    }
  }
}

const SERIES_COLOURS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];

/** A simple line chart of the chart's ranges, drawn as inline SVG (nothing is loaded from the network). */
function chartElement(chart: ChartView): HTMLElement {
  const width = 436;
  const height = 220;
  const pad = { left: 56, right: 8, top: 8, bottom: 28 };
  const values = chart.series.flatMap((s) => s.points.filter((p): p is number => p !== null));
  const min = Math.min(0, ...values);
  const max = Math.max(1, ...values);
  const count = Math.max(2, ...chart.series.map((s) => s.points.length));
  const x = (i: number): number => pad.left + (i * (width - pad.left - pad.right)) / (count - 1);
  const y = (v: number): number => pad.top + ((max - v) * (height - pad.top - pad.bottom)) / (max - min);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', chart.title || 'Chart');
  const add = (tag: string, attributes: Record<string, string | number>, text?: string): void => {
    const node = document.createElementNS(ns, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    svg.append(node);
  };
  for (let t = 0; t <= 4; t++) {
    const value = min + ((max - min) * t) / 4;
    add('line', { x1: pad.left, x2: width - pad.right, y1: y(value), y2: y(value), stroke: '#e8eaed' });
    add(
      'text',
      { x: pad.left - 6, y: y(value) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5f6368' },
      // As Google Charts labels it: the chart's ICU axis format in the spreadsheet locale, else a plain number.
      (chart.axis.format ? axisLabel(chart.axis.format, value, chart.axis.locale) : undefined) ??
        value.toLocaleString(chart.axis.locale.replace('_', '-'), { maximumFractionDigits: 0 }),
    );
  }
  const step = Math.ceil(chart.labels.length / 6);
  chart.labels.forEach((label, i) => {
    if (i % step === 0) add('text', { x: x(i), y: height - 8, 'text-anchor': 'middle', 'font-size': 10, fill: '#5f6368' }, label);
  });
  chart.series.forEach((series, s) => {
    const points = series.points.flatMap((p, i) => (p === null ? [] : [`${x(i).toFixed(1)},${y(p).toFixed(1)}`]));
    add('polyline', {
      points: points.join(' '),
      fill: 'none',
      stroke: SERIES_COLOURS[s % SERIES_COLOURS.length],
      'stroke-width': 2,
    });
  });
  const box = Object.assign(document.createElement('figure'), { className: 'chart' });
  box.style.margin = '0';
  box.append(Object.assign(document.createElement('h3'), { textContent: chart.title }), svg);
  const legend = Object.assign(document.createElement('figcaption'), { className: 'legend' });
  chart.series.forEach((series, s) => {
    const entry = document.createElement('span');
    const swatch = Object.assign(document.createElement('span'), { className: 'swatch' });
    swatch.style.background = SERIES_COLOURS[s % SERIES_COLOURS.length];
    entry.append(swatch, series.name);
    legend.append(entry);
  });
  box.append(legend);
  return box;
}

function renderCharts(charts: ChartView[]): void {
  const layer = $('charts');
  layer.replaceChildren();
  for (const chart of charts) {
    const element = chartElement(chart);
    const anchor = grid.querySelector<HTMLElement>(`td[data-a1="${chart.anchorA1}"]`);
    element.style.left = `${anchor ? anchor.offsetLeft : 60}px`;
    element.style.top = `${anchor ? anchor.offsetTop : 30}px`;
    layer.append(element);
  }
}

function renderTabs(next: PreviewView): void {
  const tabs = $('tabs');
  tabs.replaceChildren();
  tabs.setAttribute('role', 'tablist');
  for (const sheet of next.sheets) {
    const tab = Object.assign(document.createElement('button'), { type: 'button', className: 'tab', textContent: sheet.name });
    tab.dataset.sheet = sheet.name;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(sheet.name === next.active.name));
    if (sheet.hidden) {
      tab.classList.add('hidden-sheet');
      tab.title = 'Hidden sheet';
    }
    tab.addEventListener('click', () => {
      selected = 'A1';
      void act('/api/activate', { sheet: sheet.name });
    });
    tabs.append(tab);
  }
}

function renderSidebar(sidebar: HtmlPanelView | undefined): void {
  const panel = $('sidebar');
  panel.hidden = !sidebar;
  if (!sidebar) {
    shown.sidebar = -1;
    return;
  }
  if (shown.sidebar === sidebar.id) return;
  shown.sidebar = sidebar.id;
  panel.style.width = `${sidebar.width}px`;
  $('sidebar-title').textContent = sidebar.title;
  const frame = $<HTMLIFrameElement>('sidebar-frame');
  frame.title = sidebar.frameTitle;
  frame.src = `/frame/sidebar?id=${sidebar.id}`;
}

function renderDialog(dialog: HtmlPanelView | undefined): void {
  const layer = $('dialog-layer');
  layer.hidden = !dialog;
  if (!dialog) {
    shown.dialog = -1;
    return;
  }
  if (shown.dialog === dialog.id) return;
  shown.dialog = dialog.id;
  $('dialog-title').textContent = dialog.title;
  const frame = $<HTMLIFrameElement>('dialog-frame');
  frame.title = dialog.frameTitle;
  frame.style.width = `${dialog.width}px`;
  frame.style.height = `${dialog.height ?? 400}px`;
  frame.src = `/frame/dialog?id=${dialog.id}`;
}

function renderAlert(alert: PreviewView['alert']): void {
  const layer = $('alert-layer');
  layer.hidden = !alert;
  if (!alert || shown.alert === alert.id) return;
  shown.alert = alert.id;
  $('alert-title').textContent = alert.title;
  $('alert-prompt').textContent = alert.prompt;
  $('alert-ok').focus();
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;

function renderToast(toast: PreviewView['toast']): void {
  if (!toast || shown.toast === toast.id) return;
  shown.toast = toast.id;
  $('toast-title').textContent = toast.title;
  $('toast-message').textContent = toast.message;
  $('toast').hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    $('toast').hidden = true;
  }, 5000);
}

// ---- Selection and editing ----

function select(a1: string, options: { keepFormulaBar?: boolean } = {}): void {
  selected = a1;
  for (const old of grid.querySelectorAll('.selected, .active-header')) old.classList.remove('selected', 'active-header');
  const td = grid.querySelector<HTMLElement>(`td[data-a1="${a1}"]`);
  td?.classList.add('selected');
  const { row, column } = fromA1(a1);
  grid.querySelector(`th[data-column="${columnLetters(column)}"]`)?.classList.add('active-header');
  grid.querySelector(`th[data-row="${row + 1}"]`)?.classList.add('active-header');
  nameBox.value = a1;
  if (!options.keepFormulaBar) formulaBar.value = view?.active.cells[a1]?.input ?? '';
}

function move(rows: number, columns: number): void {
  if (!view) return;
  const { row, column } = fromA1(selected);
  const hidden = new Set(view.active.filter?.hiddenRows);
  const last = view.active.rows - 1;
  let target = Math.min(Math.max(row + rows, 0), last);
  // Rows a filter hides are stepped over, as the arrow keys do in Sheets.
  while (rows !== 0 && hidden.has(target + 1) && target + Math.sign(rows) >= 0 && target + Math.sign(rows) <= last)
    target += Math.sign(rows);
  if (hidden.has(target + 1)) target = row;
  const next = toA1(target, Math.min(Math.max(column + columns, 0), view.active.columns - 1));
  bringIntoView(next);
  select(next);
}

/** Enters `input` in the selected cell, then moves on as Enter or Tab does; a refused entry keeps the cell, as in Sheets. */
async function commit(input: string, then: () => void): Promise<void> {
  if (await act('/api/input', { sheet: view?.active.name, a1: selected, input })) then();
}

grid.addEventListener('click', (event) => {
  const td = (event.target as HTMLElement).closest<HTMLElement>('td[data-a1]');
  if (td?.dataset.a1) {
    const a1 = td.dataset.a1;
    const reopen = dropdownCell !== a1;
    closeDropdown();
    select(a1);
    grid.focus({ preventScroll: true });
    // A dropdown cell opens its list when clicked (a second click closes it), as Sheets' dropdown chips do.
    if (td.classList.contains('has-dropdown') && reopen) {
      event.stopPropagation();
      closeMenus();
      openDropdown(a1);
    }
  }
});

/** Sheets shows an error's message in a card beside the cell on hover; the title attribute carries it too. */
const errorCard = Object.assign(document.createElement('div'), { className: 'error-card', hidden: true });
errorCard.setAttribute('role', 'tooltip');
document.body.append(errorCard);

grid.addEventListener('mouseover', (event) => {
  const td = (event.target as HTMLElement).closest<HTMLElement>('td.error');
  const message = td?.dataset.a1 ? view?.active.cells[td.dataset.a1]?.error : undefined;
  if (!td || !message) {
    errorCard.hidden = true;
    return;
  }
  const box = td.getBoundingClientRect();
  errorCard.replaceChildren(Object.assign(document.createElement('strong'), { textContent: 'Error' }), message);
  errorCard.hidden = false;
  // Beside the cell, or on its left when the window ends first.
  const fitsRight = box.right + 4 + errorCard.offsetWidth <= window.innerWidth;
  errorCard.style.left = `${fitsRight ? box.right + 4 : Math.max(0, box.left - 4 - errorCard.offsetWidth)}px`;
  errorCard.style.top = `${box.top}px`;
});
grid.addEventListener('mouseleave', () => {
  errorCard.hidden = true;
});

grid.addEventListener('dblclick', () => {
  formulaBar.focus();
  formulaBar.setSelectionRange(formulaBar.value.length, formulaBar.value.length);
});

formulaBar.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === 'Tab') {
    event.preventDefault();
    const [rows, columns] = event.key === 'Enter' ? [1, 0] : [0, 1];
    void commit(formulaBar.value, () => {
      move(rows, columns);
      grid.focus({ preventScroll: true });
    });
  } else if (event.key === 'Escape') {
    select(selected);
    grid.focus({ preventScroll: true });
  }
});

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

grid.addEventListener('keydown', (event) => {
  if (event.key in ARROWS && !event.altKey) {
    event.preventDefault();
    move(...ARROWS[event.key]);
  } else if (event.key === 'ArrowDown' && event.altKey) {
    event.preventDefault();
    openDropdown(selected);
  } else if (event.key === 'Enter' || event.key === 'F2') {
    event.preventDefault();
    formulaBar.focus();
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    event.preventDefault();
    void commit('', () => select(selected));
  } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    // Typing on a selected cell replaces its content, as in Sheets.
    event.preventDefault();
    formulaBar.value = event.key;
    formulaBar.focus();
  }
});

// ---- Chrome around the grid ----

let scrollPending = false;
$('grid-scroll').addEventListener('scroll', () => {
  if (scrollPending) return;
  scrollPending = true;
  requestAnimationFrame(() => {
    scrollPending = false;
    followScroll();
  });
});

/** Typing a cell's name (D4978) in the Name box and Enter goes there, as in Sheets. */
nameBox.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    nameBox.value = selected;
    grid.focus({ preventScroll: true });
  }
  if (event.key !== 'Enter' || !view) return;
  event.preventDefault();
  const a1 = nameBox.value.trim().toUpperCase().replace(/\$/g, '');
  const { row, column } = fromA1(a1);
  if (!/^[A-Z]+\d+$/.test(a1) || row >= view.active.rows || column >= view.active.columns) {
    showStatus(`"${nameBox.value}" is not a cell of this sheet: type a column and a row, such as D12.`);
    nameBox.value = selected;
    return;
  }
  bringIntoView(a1);
  select(a1);
  grid.focus({ preventScroll: true });
});

document.addEventListener('click', () => {
  closeMenus();
  closeDropdown();
});
$('reset').addEventListener('click', () => {
  selected = 'A1';
  void act('/api/reset');
});
$('sidebar-close').addEventListener('click', () => void act('/api/dismiss', { kind: 'sidebar' }));
$('dialog-close').addEventListener('click', () => void act('/api/dismiss', { kind: 'dialog' }));
$('alert-ok').addEventListener('click', () => void act('/api/dismiss', { kind: 'alert' }));

/** Messages from the sidebar's and dialogs' google.script shim (script-run-shim.ts). */
window.addEventListener('message', (event) => {
  const data = event.data as { source?: string; type?: string; width?: number; height?: number };
  if (data?.source !== 'leap-preview') return;
  const fromDialog = event.source === $<HTMLIFrameElement>('dialog-frame').contentWindow;
  if (data.type === 'changed') void refresh();
  else if (data.type === 'close') void act('/api/dismiss', { kind: fromDialog ? 'dialog' : 'sidebar' });
  else if (data.type === 'focus-editor') grid.focus();
  else if (data.type === 'resize' && fromDialog) {
    const frame = $<HTMLIFrameElement>('dialog-frame');
    if (data.width) frame.style.width = `${data.width}px`;
    if (data.height) frame.style.height = `${data.height}px`;
  }
});

void refresh();
