/**
 * Undoing the last import, the pure part: how an import marks the rows it wrote, the small record it leaves of
 * itself, and which Ledger rows an undo removes.
 *
 * Each row an import writes carries the import's id in its hidden Import key cell, after the duplicate key
 * (`date|amount|description|<id>.<category>.<notes>.<account>`, the last three short fingerprints of what the import
 * wrote there). The id finds the rows wherever they are now (sorted, moved, rows inserted between them); the
 * fingerprints and the duplicate key tell whether the person changed a row since, so an undo can ask before removing
 * what they typed. A normalised description holds no "|" (duplicates.ts turns punctuation and symbols into spaces),
 * so the duplicate key is always the first three fields.
 */
import { importKey } from './duplicates';
import { LEDGER_COLUMN, type LedgerCell } from './layout';

/** The record's key in the Ledger sheet's developer metadata. */
export const LAST_IMPORT_METADATA_KEY = 'leap.lastImport';

/** What the import page is told of the last import, and what the record holds. */
export interface LastImport {
  id: string;
  /** How many rows it wrote. */
  rows: number;
  account: string;
  firstDate: string | null;
  lastDate: string | null;
  /** When it was made (ISO time). */
  importedAt: string;
}

/** A changed row: its sheet row and what differs from what the import wrote. */
export interface EditedRow {
  row: number;
  changed: ('date, amount or description' | 'category' | 'notes' | 'account')[];
}

/** A new import's id: time and chance, so two imports never share one (the document lock keeps them apart too). */
export const newImportId = (now: number, random: number): string =>
  `${now.toString(36)}${Math.floor(random * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;

/** FNV-1a, 32 bits, as 6 hex digits: enough to notice an edit, short in a hidden cell. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash >>> 8).toString(16).padStart(6, '0');
}

const cellText = (cell: LedgerCell): string =>
  cell === null ? '' : 'text' in cell ? cell.text : 'number' in cell ? String(cell.number) : '';

/** The row's tag: the import's id and the fingerprints of the category, notes and account it wrote. */
const tag = (id: string, category: string, notes: string, account: string): string =>
  `${id}.${fingerprint(category)}.${fingerprint(notes)}.${fingerprint(account)}`;

/** Puts the import's tag after the duplicate key of each row (after its Notes are final). */
export function tagLedgerRows(rows: LedgerCell[][], id: string): void {
  for (const row of rows) {
    const at = (column: number) => cellText(row[column - 1]);
    const key = at(LEDGER_COLUMN.importKey);
    const rowTag = tag(id, at(LEDGER_COLUMN.category), at(LEDGER_COLUMN.notes), at(LEDGER_COLUMN.account));
    row[LEDGER_COLUMN.importKey - 1] = { text: `${key}|${rowTag}` };
  }
}

/** The duplicate key of an Import key cell, without the import's tag: what duplicate finding compares. */
export function duplicateKey(cell: unknown): unknown {
  if (typeof cell !== 'string') return cell;
  const fields = cell.split('|');
  return fields.length > 3 ? fields.slice(0, 3).join('|') : cell;
}

/** The record as stored: JSON text. */
export const lastImportText = (record: LastImport): string => JSON.stringify(record);

/** The record read back, or null when there is none or it cannot be read. */
export function parseLastImport(value: unknown): LastImport | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const r = JSON.parse(value) as Partial<LastImport>;
    if (typeof r.id !== 'string' || r.id === '' || typeof r.rows !== 'number' || typeof r.account !== 'string') return null;
    return {
      id: r.id,
      rows: r.rows,
      account: r.account,
      firstDate: typeof r.firstDate === 'string' ? r.firstDate : null,
      lastDate: typeof r.lastDate === 'string' ? r.lastDate : null,
      importedAt: typeof r.importedAt === 'string' ? r.importedAt : '',
    };
  } catch {
    return null;
  }
}

/** A Ledger row as read for an undo: its date as YYYY-MM-DD ('' when the cell holds no date). */
export interface LedgerRowNow {
  row: number;
  date: string;
  description: unknown;
  amount: unknown;
  category: unknown;
  notes: unknown;
  account: unknown;
  key: unknown;
}

export interface UndoPlan {
  /** Sheet rows of the import still in the Ledger, top to bottom. */
  found: number[];
  /** Rows the import wrote that are no longer found (deleted by hand, or their Import key cleared). */
  missing: number;
  /** Found rows the person changed since the import. */
  edited: EditedRow[];
}

const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Which rows an undo of `record` removes, and which of them were changed since. */
export function planUndo(rows: readonly LedgerRowNow[], record: LastImport): UndoPlan {
  const found: number[] = [];
  const edited: EditedRow[] = [];
  for (const r of rows) {
    if (typeof r.key !== 'string') continue;
    const fields = r.key.split('|');
    if (fields.length !== 4) continue;
    const [id, category, notes, account] = fields[3].split('.');
    if (id !== record.id) continue;
    found.push(r.row);
    const changed: EditedRow['changed'] = [];
    const amount = typeof r.amount === 'number' ? r.amount : Number.NaN;
    const keyNow =
      r.date !== '' && Number.isFinite(amount) ? importKey({ date: r.date, amount, description: asText(r.description) }) : '';
    if (keyNow !== fields.slice(0, 3).join('|')) changed.push('date, amount or description');
    if (fingerprint(asText(r.category)) !== category) changed.push('category');
    if (fingerprint(asText(r.notes)) !== notes) changed.push('notes');
    if (fingerprint(asText(r.account)) !== account) changed.push('account');
    if (changed.length > 0) edited.push({ row: r.row, changed });
  }
  found.sort((a, b) => a - b);
  return { found, missing: Math.max(0, record.rows - found.length), edited };
}

/** Sheet rows as runs of consecutive rows, bottom run first: deleting in that order leaves the rows above in place. */
export function rowRunsBottomUp(rows: readonly number[]): { start: number; count: number }[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: { start: number; count: number }[] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === row) last.count++;
    else runs.push({ start: row, count: 1 });
  }
  return runs.reverse();
}
