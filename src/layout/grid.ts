/**
 * The grid every generated sheet (the plan, Books) is laid out on: blocks declare what they place (a labelled
 * input, a key number, a sentence, a table, a heading) and the grid turns the declarations into the rectangular
 * values, formats, weights and fills the writers copy onto a sheet in a few batched calls.
 *
 * A formula that reads another declared cell asks for it through `read` (read.cell('JW_BOOKS_TAX_PAID')) instead of
 * spelling out "$O$17": the grid writes the reference and records the read, so which figure depends on which is
 * data (`declarations()`, `longestChain`), not something only a built sheet tells. Formulas are written when the
 * grid is built, after every block has placed its cells, so a block may read a figure a later block places.
 *
 * In its own folder rather than in src/plan/: the plan and Books both lay out through it, and neither should reach
 * into the other's layout for it.
 */

import { NAMED_RANGE_PREFIX } from '../brand';

/**
 * Every named range the add-on publishes carries the one prefix (src/brand.ts), so a person's own names do not clash
 * with the add-on's, and a misspelt declaration is caught when the sheet is laid out, not on the person's spreadsheet.
 */
export function checkedName(name: string): string {
  if (!name.startsWith(NAMED_RANGE_PREFIX) || !/^[A-Z][A-Z0-9_]*$/.test(name))
    throw new Error(`The named range ${name} must be upper case and start with ${NAMED_RANGE_PREFIX}`);
  return name;
}

/** One cell. Text is always written as text, never as a formula, whatever it starts with. */
export type Cell =
  | { text: string }
  | { number: number }
  | { checked: boolean }
  | { formula: string }
  /** Empty. */
  | null;

/** 1-based column -> letters. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The shade of cells the person edits, and of headings and totals. */
export const INPUT_FILL = '#e8f0fe';
export const HEADER_FILL = '#f1f3f4';

export interface SheetGrid {
  cells: Cell[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  /** null: no fill. */
  backgrounds: (string | null)[][];
}

export interface Style {
  /** A Sheets number format; unformatted cells are "General". */
  format?: string;
  bold?: boolean;
  fill?: string;
}

/** 1-based row and column -> "B2", and "$B$2". */
export const a1 = (row: number, column: number): string => `${columnLetters(column)}${row}`;
export const absolute = (row: number, column: number): string => `$${columnLetters(column)}$${row}`;

/** A text literal inside a formula: Sheets doubles the quotes. */
export const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** An expression as a sentence shows it: TEXT in a number format, so it reads as the cell it quotes does. */
export const asText = (expression: string, format: string): string => `TEXT(${expression},${quoted(format)})`;

/** References to declared cells from inside a formula; each use records that the formula reads that declaration. */
export interface Reader {
  /** $B$2 of a declared input, figure or sentence. */
  cell(id: string): string;
  /** B2, for a named range or a rule (records no read). */
  a1(id: string): string;
  /** $S$13:$S$16, from one declared cell to another. */
  span(firstId: string, lastId: string): string;
  /** A table column's body, $D$6:$D$17; or its rows `from` to `to` (0-based, inclusive). */
  column(table: string, key: string, from?: number, to?: number): string;
  /** Columns `fromKey` to `toKey` of a table on sheet row `row`, relative: E28:P28. */
  inRowSpan(table: string, fromKey: string, toKey: string, row: number): string;
  /** A table column's body in relative A1, D6:D17, for formulas written that way. */
  columnA1(table: string, key: string): string;
  /**
   * The cell of a table column on sheet row `row` (a body or total row), as a formula on that row writes it: D6, or
   * $D6 with `lock` "column" (so the formula reads the same column wherever it is copied).
   */
  inRow(table: string, key: string, row: number, lock?: 'column'): string;
  /** One cell of a table column: row `index` (0-based) of the body. */
  cellOf(table: string, key: string, index: number): string;
  /** A table column's total, below the body. */
  total(table: string, key: string): string;
  /** A declared cell as text in its own number format, or in `format`. */
  shown(id: string, format?: string): string;
  /**
   * A cell of the array the declared formula `id` spills, `down` rows below and `right` columns right of it: $S$27,
   * or S27 with `relative`. Reads `id`: the spilled values come from its formula.
   */
  spill(id: string, down: number, right?: number, relative?: 'relative'): string;
}

/** A formula given at declaration and written at build, through `read`. It includes the leading "=". */
export type Formula = (read: Reader) => string;
export type Content = Cell | Formula;
export interface Placed extends Style {
  cell: Content;
}
/** What a block puts in a cell: a cell or formula with the default style, or one with its own style. */
export type Entry = Content | Placed;

const isPlaced = (entry: Entry): entry is Placed => entry !== null && typeof entry === 'object' && 'cell' in entry;

interface CellDeclaration extends Style {
  /** What the person reads beside the value (column left of it), and a note right of it. */
  label?: string;
  note?: Entry;
  /** A named range on the value cell. */
  name?: string;
}

/** A labelled line: label | value | note, the value at `column`. */
export interface FigureSpec extends CellDeclaration {
  id: string;
  row: number;
  column: number;
  value: Content;
}

/** A sentence: one cell, usually a formula joining words and figures. Parts are text, or formula fragments (`{ expr }`). */
export type SentencePart = string | { expr: string };

export interface TableRow {
  /** 1-based sheet row, and the 0-based index within the body. */
  row: number;
  index: number;
}

export interface TableColumn {
  key: string;
  /** The header cell: text, or an entry with its own style (default: bold on the header fill). */
  header?: string | Entry;
  /** The body cell of each row (nothing placed where it returns undefined). */
  cell?: (row: TableRow) => Entry | undefined;
  /** The total row's cell (default style: bold on the header fill). */
  total?: Entry;
}

export interface TableSpec {
  id: string;
  /** Where the header row starts (or the body, when no column has a header). */
  row: number;
  column: number;
  rows: number;
  columns: readonly TableColumn[];
  /** The header's and the total row's style where a cell gives none: bold on the header fill unless given. */
  headerStyle?: Style;
  totalStyle?: Style;
}

/** Where a table sits, known as soon as it is declared. */
export interface Table {
  headerRow: number | null;
  firstRow: number;
  lastRow: number;
  totalRow: number | null;
  /** 1-based sheet column of a key. */
  columnOf(key: string): number;
  /** A1 of a column's body, B6:B17 (for a named range). */
  range(key: string): string;
}

/** A conditional format, as the writers take it; the range is relative A1. */
export interface ConditionalRule {
  range: string;
  /** "formula": a custom formula, written for the rule's first cell. */
  when: 'numberLessThan' | 'numberGreaterThanOrEqualTo' | 'formula';
  value: number | string;
  background: string;
}

/**
 * A data validation: tick boxes; or a rule that refuses what a person types outside it, with the help text Sheets
 * shows when it refuses (a list of allowed values, a number of at least `min`, a number from `min` to `max`, a date).
 */
export type Validation =
  | { range: string; kind: 'checkbox' }
  | { range: string; kind: 'list'; values: readonly string[]; help?: string }
  | { range: string; kind: 'atLeast'; min: number; help: string }
  | { range: string; kind: 'between'; min: number; max: number; help: string }
  | { range: string; kind: 'date'; help: string };

/** One declaration as the dependency graph sees it. */
export interface Declaration {
  id: string;
  kind: 'input' | 'figure' | 'sentence' | 'table column' | 'cell';
  label?: string;
  format?: string;
  name?: string;
  /** Formulas of its cells, as written. */
  formulas: string[];
  /** Ids of the declarations its formulas read (a table column is "table.key"), sorted, without itself. */
  reads: string[];
}

interface Slot {
  entry: Entry;
  owner: string;
}

interface TablePlace {
  spec: TableSpec;
  table: Table;
}

export interface BuiltGrid extends SheetGrid {
  rows: number;
  columns: number;
  /** name -> relative A1 (no sheet name: the writer adds the sheet). */
  namedRanges: Record<string, string>;
  conditionalRules: ConditionalRule[];
  validations: Validation[];
}

export class Grid {
  private readonly slots = new Map<string, Slot>();
  private readonly singles = new Map<string, { row: number; column: number; format?: string }>();
  private readonly tables = new Map<string, TablePlace>();
  private readonly declared = new Map<string, Omit<Declaration, 'formulas' | 'reads'>>();
  private readonly names: [string, string | Formula][] = [];
  private readonly rules: ((read: Reader) => ConditionalRule)[] = [];
  private readonly checks: Validation[] = [];
  private built: { grid: BuiltGrid; formulas: Map<string, string[]>; reads: Map<string, Set<string>> } | null = null;
  rows = 0;
  columns = 0;

  /** Puts one entry at a 1-based position; a later put replaces it. `owner` is the declaration it belongs to. */
  put(row: number, column: number, entry: Entry, owner = `@${a1(row, column)}`): void {
    if (this.built) throw new Error('The grid is built: place cells before building it');
    this.slots.set(`${row},${column}`, { entry, owner });
    this.rows = Math.max(this.rows, row);
    this.columns = Math.max(this.columns, column);
    if (!this.declared.has(owner)) this.declared.set(owner, { id: owner, kind: 'cell' });
  }

  /** Bold text, on the header fill from `column` to `fillThrough` when given, with a note in the next column. */
  heading(row: number, column: number, title: Content, options: { fillThrough?: number; note?: Entry } = {}): void {
    const fill = options.fillThrough === undefined ? undefined : HEADER_FILL;
    this.put(row, column, { cell: title, bold: true, fill });
    for (let c = column + 1; c <= (options.fillThrough ?? column); c++) this.put(row, c, { cell: null, fill });
    if (options.note !== undefined) this.put(row, column + 1, withDefaults(options.note, { fill }));
  }

  /** A cell the person edits (shaded), with its label left of it and a note right of it. */
  input(spec: FigureSpec): void {
    this.line('input', { fill: INPUT_FILL, ...spec });
  }

  /** A key number: a figure declared once with its label, format, formula and the cells it reads. */
  figure(spec: FigureSpec): void {
    this.line('figure', spec);
  }

  /** A sentence: words joined with the figures they quote (`read.shown`), live as the figures change. */
  sentence(
    spec: { id: string; row: number; column: number; name?: string } & Style &
      ({ parts: (read: Reader) => SentencePart[] } | { cell: Content }),
  ): void {
    const cell: Content =
      'parts' in spec
        ? (read: Reader) =>
            `=${spec
              .parts(read)
              .map((p) => (typeof p === 'string' ? quoted(p) : p.expr))
              .join('&')}`
        : spec.cell;
    const content: Placed = { cell, format: spec.format, bold: spec.bold, fill: spec.fill };
    this.declare(spec.id, 'sentence', spec.row, spec.column, { name: spec.name, format: spec.format });
    this.put(spec.row, spec.column, content, spec.id);
  }

  /** A table: a header row (when any column has one), `rows` body rows, and a total row (when any column has one). */
  table(spec: TableSpec): Table {
    if (this.tables.has(spec.id)) throw new Error(`Two tables are called ${spec.id}`);
    const hasHeader = spec.columns.some((c) => c.header !== undefined);
    const hasTotal = spec.columns.some((c) => c.total !== undefined);
    const firstRow = hasHeader ? spec.row + 1 : spec.row;
    const lastRow = firstRow + spec.rows - 1;
    const columnOf = (key: string): number => {
      const i = spec.columns.findIndex((c) => c.key === key);
      if (i < 0) throw new Error(`Table ${spec.id} has no column ${key}`);
      return spec.column + i;
    };
    const table: Table = {
      headerRow: hasHeader ? spec.row : null,
      firstRow,
      lastRow,
      totalRow: hasTotal ? lastRow + 1 : null,
      columnOf,
      range: (key) => `${a1(firstRow, columnOf(key))}:${a1(lastRow, columnOf(key))}`,
    };
    this.tables.set(spec.id, { spec, table });
    const headerStyle = spec.headerStyle ?? { bold: true, fill: HEADER_FILL };
    const totalStyle = spec.totalStyle ?? { bold: true, fill: HEADER_FILL };
    spec.columns.forEach((c, i) => {
      const column = spec.column + i;
      const owner = `${spec.id}.${c.key}`;
      this.declared.set(owner, { id: owner, kind: 'table column', label: typeof c.header === 'string' ? c.header : undefined });
      if (c.header !== undefined) {
        this.put(
          spec.row,
          column,
          withDefaults(typeof c.header === 'string' ? { text: c.header } : c.header, headerStyle),
          owner,
        );
      }
      for (let index = 0; index < spec.rows; index++) {
        const entry = c.cell?.({ row: firstRow + index, index });
        if (entry !== undefined) this.put(firstRow + index, column, entry, owner);
      }
      if (c.total !== undefined) this.put(lastRow + 1, column, withDefaults(c.total, totalStyle), owner);
    });
    return table;
  }

  /** A named range on relative A1, or on a declaration (`read.a1`). */
  name(name: string, where: string | Formula): void {
    this.names.push([checkedName(name), where]);
  }

  rule(rule: ConditionalRule | ((read: Reader) => ConditionalRule)): void {
    this.rules.push(typeof rule === 'function' ? rule : () => rule);
  }

  validation(validation: Validation): void {
    this.checks.push(validation);
  }

  /** Writes every formula (resolving reads) and fills the rectangle from A1 to the last row and column used. */
  build(defaultFormat = 'General'): BuiltGrid {
    if (this.built) return this.built.grid;
    const formulas = new Map<string, string[]>();
    const reads = new Map<string, Set<string>>();
    const readerFor = (owner: string): Reader =>
      this.reader((id) => {
        if (id !== owner) (reads.get(owner) ?? reads.set(owner, new Set()).get(owner))?.add(id);
      });
    const grid: BuiltGrid = {
      cells: [],
      numberFormats: [],
      fontWeights: [],
      backgrounds: [],
      rows: this.rows,
      columns: this.columns,
      namedRanges: {},
      conditionalRules: [],
      validations: [...this.checks],
    };
    for (let r = 1; r <= this.rows; r++) {
      grid.cells.push([]);
      grid.numberFormats.push([]);
      grid.fontWeights.push([]);
      grid.backgrounds.push([]);
      for (let c = 1; c <= this.columns; c++) {
        const slot = this.slots.get(`${r},${c}`);
        const placed: Placed = slot ? (isPlaced(slot.entry) ? slot.entry : { cell: slot.entry }) : { cell: null };
        const cell = typeof placed.cell === 'function' ? { formula: placed.cell(readerFor(slot?.owner ?? '')) } : placed.cell;
        if (slot && cell !== null && 'formula' in cell) {
          (formulas.get(slot.owner) ?? formulas.set(slot.owner, []).get(slot.owner))?.push(cell.formula);
        }
        grid.cells[r - 1].push(cell);
        grid.numberFormats[r - 1].push(placed.format ?? defaultFormat);
        grid.fontWeights[r - 1].push(placed.bold ? 'bold' : 'normal');
        grid.backgrounds[r - 1].push(placed.fill ?? null);
      }
    }
    const noReads = this.reader(() => undefined);
    for (const [name, where] of this.names) grid.namedRanges[name] = typeof where === 'string' ? where : where(noReads);
    grid.conditionalRules = this.rules.map((rule) => rule(noReads));
    this.built = { grid, formulas, reads };
    return grid;
  }

  /** Every declaration with its formulas and what they read: the sheet's dependency graph (builds the grid). */
  declarations(): Declaration[] {
    this.build();
    const { formulas, reads } = this.built as NonNullable<Grid['built']>;
    // A plain cell counts only when it holds a formula: labels and blanks read nothing.
    const counted = [...this.declared.values()].filter((d) => d.kind !== 'cell' || formulas.has(d.id));
    return counted.map((d) => ({
      ...d,
      formulas: formulas.get(d.id) ?? [],
      reads: [...(reads.get(d.id) ?? [])].sort(),
    }));
  }

  private line(kind: 'input' | 'figure', spec: FigureSpec): void {
    this.declare(spec.id, kind, spec.row, spec.column, { label: spec.label, format: spec.format, name: spec.name });
    if (spec.label !== undefined) this.put(spec.row, spec.column - 1, { text: spec.label }, spec.id);
    this.put(spec.row, spec.column, { cell: spec.value, format: spec.format, bold: spec.bold, fill: spec.fill }, spec.id);
    if (spec.note !== undefined) this.put(spec.row, spec.column + 1, spec.note, spec.id);
  }

  private declare(
    id: string,
    kind: 'input' | 'figure' | 'sentence',
    row: number,
    column: number,
    about: { label?: string; format?: string; name?: string },
  ): void {
    if (this.singles.has(id)) throw new Error(`Two cells are declared as ${id}`);
    this.singles.set(id, { row, column, format: about.format });
    this.declared.set(id, { id, kind, ...definedOnly(about) });
    if (about.name) this.names.push([checkedName(about.name), a1(row, column)]);
  }

  private reader(record: (id: string) => void): Reader {
    const single = (id: string) => {
      const at = this.singles.get(id);
      if (!at) throw new Error(`No cell is declared as ${id}`);
      return at;
    };
    const tableColumn = (table: string, key: string) => {
      const place = this.tables.get(table);
      if (!place) throw new Error(`No table is declared as ${table}`);
      record(`${table}.${key}`);
      return { table: place.table, column: place.table.columnOf(key) };
    };
    const reader: Reader = {
      cell: (id) => {
        const at = single(id);
        record(id);
        return absolute(at.row, at.column);
      },
      a1: (id) => {
        const at = single(id);
        return a1(at.row, at.column);
      },
      span: (firstId, lastId) => {
        const [first, last] = [single(firstId), single(lastId)];
        // Every declaration inside the rectangle is read, not only its corners.
        for (const [id, at] of this.singles) {
          const inside = (x: number, a: number, b: number) => x >= Math.min(a, b) && x <= Math.max(a, b);
          if (inside(at.row, first.row, last.row) && inside(at.column, first.column, last.column)) record(id);
        }
        return `${absolute(first.row, first.column)}:${absolute(last.row, last.column)}`;
      },
      inRowSpan: (table, fromKey, toKey, row) => {
        const [from, to] = [tableColumn(table, fromKey).column, tableColumn(table, toKey).column];
        const place = this.tables.get(table) as TablePlace;
        place.spec.columns.forEach((c, i) => {
          if (place.spec.column + i > from && place.spec.column + i < to) tableColumn(table, c.key);
        });
        return `${a1(row, from)}:${a1(row, to)}`;
      },
      column: (table, key, from, to) => {
        const t = tableColumn(table, key);
        const first = t.table.firstRow + (from ?? 0);
        const last = to === undefined ? t.table.lastRow : t.table.firstRow + to;
        return `${absolute(first, t.column)}:${absolute(last, t.column)}`;
      },
      inRow: (table, key, row, lock) => {
        const t = tableColumn(table, key);
        return `${lock === 'column' ? '$' : ''}${a1(row, t.column)}`;
      },
      columnA1: (table, key) => {
        tableColumn(table, key);
        return (this.tables.get(table) as TablePlace).table.range(key);
      },
      cellOf: (table, key, index) => {
        const t = tableColumn(table, key);
        return absolute(t.table.firstRow + index, t.column);
      },
      total: (table, key) => {
        const t = tableColumn(table, key);
        if (t.table.totalRow === null) throw new Error(`Table ${table} has no total row`);
        return absolute(t.table.totalRow, t.column);
      },
      spill: (id, down, right = 0, relative) => {
        const at = single(id);
        record(id);
        return (relative ? a1 : absolute)(at.row + down, at.column + right);
      },
      shown: (id, format) => {
        const own = single(id).format;
        if (format === undefined && own === undefined) throw new Error(`${id} has no number format to show it in`);
        return asText(reader.cell(id), format ?? (own as string));
      },
    };
    return reader;
  }
}

/** An entry with `style` where it gives none of its own. */
function withDefaults(entry: Entry, style: Style): Placed {
  const placed = isPlaced(entry) ? entry : { cell: entry };
  return { ...definedOnly(style), ...definedOnly(placed) } as Placed;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The longest chain of declarations whose formulas are `slow` (on Sheets: call a custom function, each a server
 * round trip that waits for the ones it reads), following reads through any declarations between them. Returns the
 * slow declarations along it, first-computed first.
 */
export function longestChain(declarations: readonly Declaration[], slow: (formula: string) => boolean): string[] {
  const byId = new Map(declarations.map((d) => [d.id, d]));
  const memo = new Map<string, string[]>();
  const visiting = new Set<string>();
  const chainTo = (id: string): string[] => {
    const known = memo.get(id);
    if (known) return known;
    if (visiting.has(id)) throw new Error(`${id} reads itself through ${[...visiting].join(' -> ')}`);
    visiting.add(id);
    const d = byId.get(id);
    let longest: string[] = [];
    for (const read of d?.reads ?? []) {
      const chain = chainTo(read);
      if (chain.length > longest.length) longest = chain;
    }
    visiting.delete(id);
    const chain = d?.formulas.some(slow) ? [...longest, id] : longest;
    memo.set(id, chain);
    return chain;
  };
  let best: string[] = [];
  for (const d of declarations) {
    const chain = chainTo(d.id);
    if (chain.length > best.length) best = chain;
  }
  return best;
}
