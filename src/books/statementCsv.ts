/**
 * Splits a bank's delimited export into records. Banks write loose CSV: quoted fields holding the delimiter,
 * doubled quotes and line breaks, a byte-order mark, CR, LF or CRLF line ends, spaces before a quote.
 * Every record keeps the 1-based line it starts on, so problems can point at the line a person sees in an editor.
 */
import type { ColumnMapping } from './types';

export type Delimiter = ColumnMapping['delimiter'];
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface CsvRecord {
  fields: string[];
  line: number;
}

export interface LineProblem {
  line: number;
  reason: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

/** Index just past the line end that starts at `i` (CRLF counts as one). */
function pastLineEnd(text: string, i: number): number {
  return text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
}

/**
 * Reads up to `maxRecords` records. A quote opened at the start of a field and never closed would swallow the
 * rest of the file; instead that line is reported and reading starts again on the next line.
 */
export function readRecords(
  text: string,
  delimiter: Delimiter,
  maxRecords = Number.POSITIVE_INFINITY,
): { records: CsvRecord[]; problems: LineProblem[] } {
  const records: CsvRecord[] = [];
  const problems: LineProblem[] = [];
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n && records.length < maxRecords) {
    const startLine = line;
    const startIndex = i;
    const fields: string[] = [];
    let unclosed = false;
    for (;;) {
      let j = i;
      while (j < n && text.charCodeAt(j) === SPACE) j++;
      let m: number;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        let value = '';
        let k = j + 1;
        let segment = k;
        let closed = false;
        let breaks = 0;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === QUOTE) {
            if (text.charCodeAt(k + 1) === QUOTE) {
              value += text.slice(segment, k + 1);
              k += 2;
              segment = k;
              continue;
            }
            value += text.slice(segment, k);
            k++;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) breaks++;
          k++;
        }
        if (!closed) {
          unclosed = true;
          break;
        }
        line += breaks;
        // Anything between the closing quote and the delimiter is kept as written, as spreadsheets do.
        m = k;
        while (m < n) {
          const c = text.charCodeAt(m);
          if (c === d || c === LF || c === CR) break;
          m++;
        }
        fields.push(value + text.slice(k, m));
      } else {
        m = i;
        while (m < n) {
          const c = text.charCodeAt(m);
          if (c === d || c === LF || c === CR) break;
          m++;
        }
        fields.push(text.slice(i, m));
      }
      i = m;
      if (i >= n) break;
      if (text.charCodeAt(i) === d) {
        i++;
        if (i >= n) fields.push('');
        continue;
      }
      i = pastLineEnd(text, i);
      line++;
      break;
    }
    if (unclosed) {
      problems.push({
        line: startLine,
        reason: 'a quoted field opens on this line and its closing quote (") is missing, so the line was not read',
      });
      let m = startIndex;
      while (m < n && text.charCodeAt(m) !== LF && text.charCodeAt(m) !== CR) m++;
      i = m < n ? pastLineEnd(text, m) : n;
      line = startLine + 1;
      continue;
    }
    records.push({ fields, line: startLine });
  }
  return { records, problems };
}

/** A field as a CSV writer must write it: quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function csvField(value: string, delimiter: Delimiter): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value) || /^\s|\s$/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}
