/**
 * What the preview server tells the spreadsheet-window page (GET /api/view and every action's answer).
 * The page renders only this; it never reads the emulator's JSON itself, so the page and the server
 * agree on one shape.
 */

export interface CellView {
  /** What the cell shows, as Range.getDisplayValues gives it. */
  display: string;
  /** What the formula bar shows: the formula, or the value as typed. */
  input: string;
  /** The error's message (shown on hover) when the cell holds an error value. */
  error?: string;
  /** How the value sits in the cell: numbers right, text left, booleans centred, as Sheets does. */
  align: 'left' | 'right' | 'center';
  /** Present in checkbox-validated cells: rendered as a clickable checkbox. */
  checked?: boolean;
  bold?: boolean;
  /** Text wraps within the cell's width and the row grows, instead of being cut off or running on. */
  wrap?: boolean;
  color?: string;
  background?: string;
  note?: string;
  /** Present in cells with a list validation that shows a dropdown: the index of its values in SheetView.dropdowns. */
  dropdown?: number;
}

/** One value a dropdown offers: what it shows, and what choosing it types into the cell. */
export interface DropdownOption {
  label: string;
  input: string;
}

/** A sheet's basic filter as the grid draws it: icons on its header row, and the rows its criteria hide. */
export interface FilterView {
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  /** Columns (1-based) that have a criterion, with the criterion in words for the icon's name. */
  criteria: { column: number; description: string }[];
  /** Rows (1-based) the criteria filter out: the grid does not draw them, as Sheets hides them. */
  hiddenRows: number[];
}

export interface MergeView {
  /** Top-left cell of the merged block. */
  a1: string;
  rows: number;
  columns: number;
}

export interface ChartView {
  title: string;
  /** The cell the chart's top-left corner sits on. */
  anchorA1: string;
  /** Category labels along the x axis (the first column of the chart's ranges, when it is not numbers). */
  labels: string[];
  series: { name: string; points: (number | null)[] }[];
  /**
   * How the vertical axis labels its values, as Google Charts reads the chart's vAxis.format (an ICU pattern; absent:
   * plain numbers), and the spreadsheet locale whose separators the labels use.
   */
  axis: { format?: string; locale: string };
}

export interface MenuView {
  name: string;
  /** An add-on menu lives under Extensions; createMenu menus sit on the menu bar. */
  addon: boolean;
  items: ({ label: string; functionName: string } | { separator: true })[];
}

/** A sidebar or dialog: an HtmlService page shown in a frame. */
export interface HtmlPanelView {
  /** Changes whenever a new page is shown, so the frame reloads only then. */
  id: number;
  /** The header Sheets shows (HtmlOutput.setTitle). */
  title: string;
  /** The page's own <title>: the frame's accessible name. */
  frameTitle: string;
  width: number;
  height?: number;
}

export interface SheetView {
  name: string;
  /** Rendered extent: the data plus a margin of empty cells to type into. */
  rows: number;
  columns: number;
  frozenRows: number;
  /** Pixel width of each rendered column (index 0 is column A). */
  columnWidths: number[];
  /** Non-empty or formatted cells by A1 notation. */
  cells: Record<string, CellView>;
  merges: MergeView[];
  charts: ChartView[];
  /** The distinct value lists of the sheet's dropdown cells (cells refer to them by index). */
  dropdowns?: DropdownOption[][];
  filter?: FilterView;
}

export interface PreviewView {
  title: string;
  sheets: { name: string; hidden: boolean }[];
  active: SheetView;
  menus: MenuView[];
  sidebar?: HtmlPanelView;
  dialog?: HtmlPanelView;
  alert?: { id: number; title: string; prompt: string };
  toast?: { id: number; title: string; message: string };
  /** Service calls the bundle made so far (the emulator's call log). */
  calls: number;
  /** Custom-function executions still running: some cells read "Loading..." and the page should ask again soon. */
  calculating: boolean;
}

/** The answer of POST /api/script-run: google.script.run's result after a JSON round trip, or the error. */
export type ScriptRunAnswer = { ok: true; result: unknown } | { ok: false; error: { name: string; message: string } };

/** The answer of every page action (POST /api/input, /api/run, /api/activate, /api/dismiss, /api/reset). */
export interface ActionAnswer {
  view: PreviewView;
  /** What went wrong, as Sheets would show it in its error bar (e.g. a menu function that threw). */
  error?: string;
}
