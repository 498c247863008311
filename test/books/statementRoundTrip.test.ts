/**
 * Property tests: any ledger (dates, descriptions full of delimiters, quotes, line breaks and unicode, amounts to
 * the cent) written out as a bank would in each dialect reads back as the same rows, on the same lines. And no
 * text at all makes parseStatement throw or point at a line the file does not have.
 */
import fc from 'fast-check';
import { parseStatement } from '../../src/books/statement';
import { csvField, type Delimiter } from '../../src/books/statementCsv';
import { MONTH_NAMES } from '../../src/books/statementValues';
import type { ColumnMapping } from '../../src/books/types';

interface LedgerRow {
  date: string;
  description: string;
  cents: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function grouped(cents: number, group: string, decimal: string): string {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${whole}${decimal}${pad(abs % 100)}`;
}

interface Dialect {
  name: string;
  delimiter: Delimiter;
  order: ColumnMapping['dateOrder'];
  preamble: string[];
  header: string[];
  bom?: boolean;
  newline: string;
  /** The row's cells as the bank writes them. */
  cells(row: LedgerRow): string[];
}

const ymd = (iso: string) => iso.split('-').map(Number);

const DIALECTS: Dialect[] = [
  {
    name: 'US (mm/dd/yyyy, 1,234.56 with a minus)',
    delimiter: ',',
    order: 'mdy',
    preamble: [],
    header: ['Details', 'Posting Date', 'Description', 'Amount', 'Type', 'Balance'],
    newline: '\r\n',
    cells: (r) => {
      const [y, m, d] = ymd(r.date);
      const amount = `${r.cents < 0 ? '-' : ''}${grouped(r.cents, ',', '.')}`;
      return [r.cents < 0 ? 'DEBIT' : 'CREDIT', `${pad(m)}/${pad(d)}/${y}`, r.description, amount, 'ACH', '0.00'];
    },
  },
  {
    name: 'UK (dd/mm/yyyy, £, paid out and paid in)',
    delimiter: ',',
    order: 'dmy',
    preamble: [],
    header: ['Date', 'Type', 'Description', 'Paid out', 'Paid in', 'Balance'],
    newline: '\n',
    cells: (r) => {
      const [y, m, d] = ymd(r.date);
      const money = `£${grouped(r.cents, ',', '.')}`;
      return [`${pad(d)}/${pad(m)}/${y}`, 'DEB', r.description, r.cents < 0 ? money : '', r.cents < 0 ? '' : money, '£0.00'];
    },
  },
  {
    name: 'German (semicolons, dd.mm.yyyy, 1.234,56, preamble)',
    delimiter: ';',
    order: 'dmy',
    preamble: ['Kontonummer:;1234567890;', 'Zeitraum:;01.01.2000 - 31.12.2099;', ''],
    header: ['Buchungstag', 'Valuta', 'Verwendungszweck', 'Betrag', 'Währung'],
    newline: '\r\n',
    cells: (r) => {
      const [y, m, d] = ymd(r.date);
      const date = `${pad(d)}.${pad(m)}.${y}`;
      return [date, date, r.description, `${r.cents < 0 ? '-' : ''}${grouped(r.cents, '.', ',')}`, 'EUR'];
    },
  },
  {
    name: 'tab-separated with a BOM and a preamble (ISO dates, negatives in parentheses)',
    delimiter: '\t',
    order: 'ymd',
    preamble: ['Account\tSavings 0042', 'Exported\t2026-03-31'],
    header: ['Date', 'Memo', 'Amount'],
    bom: true,
    newline: '\n',
    cells: (r) => [r.date, r.description, r.cents < 0 ? `(${grouped(r.cents, '', '.')})` : grouped(r.cents, '', '.')],
  },
  {
    name: 'month names and CR/DR (5 Mar 2026, 12.00 DR)',
    delimiter: ',',
    order: 'dmy',
    preamble: [],
    header: ['Date', 'Narrative', 'Amount'],
    newline: '\r\n',
    cells: (r) => {
      const [y, m, d] = ymd(r.date);
      return [
        `${d} ${MONTH_NAMES[m - 1].slice(0, 3)} ${y}`,
        r.description,
        `${grouped(r.cents, ',', '.')} ${r.cents < 0 ? 'DR' : 'CR'}`,
      ];
    },
  },
  {
    name: 'a US card ("Mar 5, 2026" quoted, -$1,234.56)',
    delimiter: ',',
    order: 'mdy',
    preamble: ['Card ending 1234,,'],
    header: ['Transaction Date', 'Payee', 'Amount'],
    newline: '\n',
    cells: (r) => {
      const [y, m, d] = ymd(r.date);
      return [
        `${MONTH_NAMES[m - 1].slice(0, 3)} ${d}, ${y}`,
        r.description,
        `${r.cents < 0 ? '-' : ''}$${grouped(r.cents, ',', '.')}`,
      ];
    },
  },
  {
    name: "Swiss (semicolons, dd.mm.yyyy, CHF 1'234.56 with a trailing minus)",
    delimiter: ';',
    order: 'dmy',
    preamble: [],
    header: ['Datum', 'Buchungstext', 'Betrag'],
    newline: '\r\n',
    cells: (r) => {
      const [y, m, d] = ymd(r.date);
      return [`${pad(d)}.${pad(m)}.${y}`, r.description, `CHF ${grouped(r.cents, "'", '.')}${r.cents < 0 ? '-' : ''}`];
    },
  },
];

const descriptionUnit = fc.oneof(
  fc.constantFrom(',', ';', '\t', '"', '""', '\n', '\r\n', ' ', "'", '(', ')', '-', '€', '£', '$', '#', '1', 'é', 'ß', '😀', 'Ω'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
);
const description = fc.array(descriptionUnit, { maxLength: 12 }).map((parts) => parts.join(''));

const ledgerRow: fc.Arbitrary<LedgerRow> = fc.record({
  date: fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  description,
  cents: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
});

function write(dialect: Dialect, rows: LedgerRow[]): string {
  const line = (cells: string[]) => cells.map((c) => csvField(c, dialect.delimiter)).join(dialect.delimiter);
  const lines = [...dialect.preamble, line(dialect.header), ...rows.map((r) => line(dialect.cells(r)))];
  return `${dialect.bom ? '\uFEFF' : ''}${lines.join(dialect.newline)}${dialect.newline}`;
}

/** Lines a quoted description adds: each line break inside it (CRLF counts once). */
const breaksIn = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

describe.each(DIALECTS)('a ledger written as $name', (dialect) => {
  test('reads back as the same rows on the same lines', () => {
    fc.assert(
      fc.property(fc.array(ledgerRow, { minLength: 1, maxLength: 30 }), (ledger) => {
        const text = write(dialect, ledger);
        let result = parseStatement(text);
        // An ambiguous day/month order is what the page asks the person; answer as they would.
        if (result.dayMonthAmbiguous) result = parseStatement(text, { mapping: { ...result.mapping, dateOrder: dialect.order } });
        expect(result.problems).toEqual([]);
        expect(result.mapping.delimiter).toBe(dialect.delimiter);
        const headerLine = dialect.preamble.length + 1;
        expect(result.mapping.headerLine).toBe(headerLine);
        let line = headerLine + 1;
        const expected = ledger.map((r) => {
          const row = { date: r.date, description: r.description.trim(), amount: r.cents / 100, line };
          line += 1 + breaksIn(r.description);
          return row;
        });
        expect(result.rows).toEqual(expected);
        // The page re-reads with the mapping it shows: the detected mapping, given back, reads the same.
        const again = parseStatement(text, { mapping: result.mapping });
        expect(again.rows).toEqual(expected);
        expect(again.layoutKey).toBe(result.layoutKey);
      }),
      { numRuns: 150 },
    );
  });
});

test('no text makes parseStatement throw, and every problem points at a line the text has', () => {
  const junk = fc.array(
    fc.oneof(
      fc.constantFrom(
        ',',
        ';',
        '\t',
        '"',
        '\n',
        '\r',
        '\r\n',
        '\uFEFF',
        'Date',
        'Amount',
        'Description',
        '2026-03-05',
        '1.234,56',
        '(5.00)',
      ),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 60 },
  );
  fc.assert(
    fc.property(junk, (parts) => {
      const text = parts.join('');
      const result = parseStatement(text);
      const lines = text.split(/\r\n|\r|\n/).length;
      for (const p of result.problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.line).toBeLessThanOrEqual(lines);
        expect(p.reason.length).toBeGreaterThan(0);
      }
      for (const r of result.rows) {
        expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isFinite(r.amount)).toBe(true);
        expect(r.line).toBeLessThanOrEqual(lines);
      }
    }),
    { numRuns: 500 },
  );
});
