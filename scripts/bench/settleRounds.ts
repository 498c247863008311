/**
 * How a built plan settles on Google Sheets, read from its formulas: each cell whose formula calls a Jumpwise function
 * is an execution of its own, and a cell whose arguments read another such cell waits for it (a round). The
 * longest chain of such cells is the rounds of "Loading..." an edit can take; their number is the executions it
 * queues. Plain formulas and named ranges pass a dependency through without adding a round; the cells a custom
 * function spills into belong to the cell that spills.
 */
import type { Emulator, SpreadsheetJSON } from '../../emulator/src';
import { loadDist } from '../../emulator/src';
import { callsLeapFunction } from '../../src/functions';
import { createLeapEmulator } from '../../test/support/emulator';

/** Every tax setting a plan is built in: the answers that choose it, on top of the sample's. */
export const PLAN_TAX_SETTINGS = {
  us_flat: { taxCountry: 'us', taxMode: 'flat' },
  us_estimate: { taxCountry: 'us', taxMode: 'us_estimate', filingStatus: 'single', stateTaxRate: 0.05 },
  uk_england: { taxCountry: 'uk_england' },
  uk_scotland: { taxCountry: 'uk_scotland' },
  canada: { taxCountry: 'canada', stateTaxRate: 0.1 },
  elsewhere: { taxCountry: 'elsewhere', taxMode: 'flat' },
} as const satisfies Record<string, Record<string, unknown>>;
export type PlanTaxSetting = keyof typeof PLAN_TAX_SETTINGS;

/** The most rounds of custom-function executions an edit may take to settle (issue 20). */
export const PLAN_SETTLE_ROUNDS_BUDGET = 3;

interface Rect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const columnLetters = (column: number): string => {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const unquote = (sheet: string): string => sheet.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
const key = (sheet: string, row: number, column: number): string => `${sheet}!${columnLetters(column)}${row}`;

/** "A1", "$B$2:$C$9", with the sheet they sit on. */
function rectOf(sheet: string, ref: string): Rect {
  const [from, to = from] = ref.replace(/\$/g, '').split(':');
  const parse = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(`not a cell reference: ${a1}`);
    return { row: Number(m[2]), column: columnNumber(m[1]) };
  };
  const a = parse(from);
  const b = parse(to);
  return {
    sheet,
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** A cell reference or range, maybe on another sheet; not a function name such as LOG10( or a named range. */
const REFERENCE =
  /(?<![A-Za-z0-9_.])(?:('(?:[^']|'')+'|[A-Za-z0-9_]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(])/g;
const IDENTIFIER = /(?<![A-Za-z0-9_.$!'])([A-Za-z_][A-Za-z0-9_.]*)(?![A-Za-z0-9_.(!])/g;

export interface FormulaGraph {
  /** The longest chain of custom-function cells, first to last ("'Sheet'!B20"). */
  chain: string[];
  /** Cells whose formula calls a Jumpwise function. */
  customFunctionCells: string[];
}

/** Reads the chain and the custom-function cells from a spreadsheet's formulas (the emulator's toJSON). */
export function formulaGraph(json: SpreadsheetJSON): FormulaGraph {
  const formulas = new Map<string, string>();
  const byPosition = new Map<string, { row: number; column: number; formula?: string }[]>();
  for (const sheet of json.sheets) {
    const list: { row: number; column: number; formula?: string }[] = [];
    for (const [a1, cell] of Object.entries(sheet.cells)) {
      const r = rectOf(sheet.name, a1);
      list.push({ row: r.top, column: r.left, formula: cell.formula });
      if (cell.formula) formulas.set(key(sheet.name, r.top, r.left), cell.formula);
    }
    byPosition.set(sheet.name, list);
  }
  const custom = new Set([...formulas].filter(([, f]) => callsLeapFunction(f)).map(([k]) => k));
  // A spilled value has no formula of its own: it belongs to the custom-function cell it spills from. The spill
  // is the run of formula-less cells below the anchor and, on the anchor's row, to its right.
  const spilledFrom = new Map<string, string>();
  for (const anchor of custom) {
    const [sheet, a1] = [anchor.slice(0, anchor.lastIndexOf('!')), anchor.slice(anchor.lastIndexOf('!') + 1)];
    const at = rectOf(sheet, a1);
    const cells = new Map((byPosition.get(sheet) ?? []).map((c) => [`${c.row},${c.column}`, c]));
    const plain = (row: number, column: number) => {
      const c = cells.get(`${row},${column}`);
      return c !== undefined && !c.formula;
    };
    let bottom = at.top;
    while (plain(bottom + 1, at.left)) bottom++;
    let right = at.left;
    while (plain(at.top, right + 1)) right++;
    for (let row = at.top; row <= bottom; row++)
      for (let column = at.left; column <= right; column++)
        if ((row > at.top || column > at.left) && plain(row, column)) spilledFrom.set(key(sheet, row, column), anchor);
  }
  const named = new Map(
    Object.entries(json.namedRanges).map(([name, ref]) => {
      const bang = ref.lastIndexOf('!');
      return [name.toUpperCase(), rectOf(unquote(ref.slice(0, bang)), ref.slice(bang + 1))];
    }),
  );
  /** The cells a rectangle reads: formula cells in it, and the anchors of spilled cells in it. */
  const cellsIn = (r: Rect): string[] => {
    const found: string[] = [];
    for (const c of byPosition.get(r.sheet) ?? []) {
      if (c.row < r.top || c.row > r.bottom || c.column < r.left || c.column > r.right) continue;
      const k = key(r.sheet, c.row, c.column);
      if (c.formula) found.push(k);
      else if (spilledFrom.has(k)) found.push(spilledFrom.get(k) as string);
    }
    return found;
  };
  const readsOf = (cell: string): string[] => {
    const sheet = cell.slice(0, cell.lastIndexOf('!'));
    // Text in quotes is words, not references.
    const f = (formulas.get(cell) ?? '').replace(/"(?:[^"]|"")*"/g, '""');
    const reads: string[] = [];
    for (const m of f.matchAll(REFERENCE)) reads.push(...cellsIn(rectOf(m[1] ? unquote(m[1]) : sheet, m[2])));
    for (const m of f.matchAll(IDENTIFIER)) {
      const r = named.get(m[1].toUpperCase());
      if (r) reads.push(...cellsIn(r));
    }
    return reads.filter((r) => r !== cell);
  };
  // The longest chain ending at each cell, counting custom-function cells only.
  const longest = new Map<string, string[]>();
  const visiting = new Set<string>();
  const chainTo = (cell: string): string[] => {
    const known = longest.get(cell);
    if (known) return known;
    if (visiting.has(cell)) throw new Error(`a circular reference through ${cell}`);
    visiting.add(cell);
    let best: string[] = [];
    for (const r of readsOf(cell)) {
      const c = chainTo(r);
      if (c.length > best.length) best = c;
    }
    visiting.delete(cell);
    const chain = custom.has(cell) ? [...best, cell] : best;
    longest.set(cell, chain);
    return chain;
  };
  let chain: string[] = [];
  for (const cell of formulas.keys()) {
    const c = chainTo(cell);
    if (c.length > chain.length) chain = c;
  }
  return { chain, customFunctionCells: [...custom] };
}

/** A plan built on the emulator from the bundle in distDir, in one tax setting. */
export function buildPlan(
  distDir: string | undefined,
  base: Record<string, unknown>,
  setting: PlanTaxSetting,
  emulator: Emulator = createLeapEmulator(),
): { emulator: Emulator; sheetName: string } {
  if (distDir) loadDist(emulator, distDir);
  else loadDist(emulator);
  const { sheetName } = emulator.run('leapBuildPlan', { ...base, ...PLAN_TAX_SETTINGS[setting] }) as { sheetName: string };
  return { emulator, sheetName };
}

/** Rounds and custom-function cells of a plan in each tax setting. */
export function measurePlanSettling(
  distDir: string,
  base: Record<string, unknown>,
): { rounds: Record<PlanTaxSetting, number>; cells: Record<PlanTaxSetting, number>; chains: Record<PlanTaxSetting, string[]> } {
  const rounds = {} as Record<PlanTaxSetting, number>;
  const cells = {} as Record<PlanTaxSetting, number>;
  const chains = {} as Record<PlanTaxSetting, string[]>;
  for (const setting of Object.keys(PLAN_TAX_SETTINGS) as PlanTaxSetting[]) {
    const { emulator } = buildPlan(distDir, base, setting);
    const graph = formulaGraph(emulator.toJSON());
    rounds[setting] = graph.chain.length;
    cells[setting] = graph.customFunctionCells.length;
    chains[setting] = graph.chain;
  }
  return { rounds, cells, chains };
}
