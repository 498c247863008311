/** What a custom function may give a cell: finite numbers, text, valid dates (from any realm), or rectangles of them. */
export function isCellResult(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return true;
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

/** Every cell of a function's result, a single value or a 2D array. */
export const cellsOf = (out: unknown): unknown[] => (Array.isArray(out) ? (out as unknown[][]).flat() : [out]);
