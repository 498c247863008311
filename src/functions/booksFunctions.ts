/** Bookkeeping functions over invoice lists: each declared once, computed by src/finance/receivables. */
import { averageDaysToPay, type ClientInvoice, daysBetween, type Receivable, receivablesAging } from '../finance/receivables';
import { type CellInput, type FunctionSpec, Invalid, type ParamSpec, type RangeCellReader, UserInputError } from './types';

const FAMILY = 'Invoices';

const CLIENT_EXPECTED = 'a client name';

/** A client name: text, or a number used as one (an account number); never a date or TRUE/FALSE. */
function readClient(v: CellInput): string | Invalid {
  if (typeof v === 'string') return v.trim() === '' ? new Invalid(CLIENT_EXPECTED) : v;
  if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e15) return String(v);
  return new Invalid(CLIENT_EXPECTED);
}

const isBlankCell = (v: CellInput | undefined): boolean => v === '' || v === undefined || v === null;

/** A range read whole, as rows of cells, kept for a later check of its shape against the other ranges. */
interface Column<T> {
  name: string;
  rows: number;
  cols: number;
  /** Row-major; undefined for a blank cell. */
  cells: (T | undefined)[];
}

function column<T>(name: string): (rows: CellInput[][], read: RangeCellReader) => Column<T> {
  return (rows, read) => {
    const cells: (T | undefined)[] = [];
    const cols = rows.length > 0 ? rows[0].length : 0;
    rows.forEach((row, r) => {
      if (row.length !== cols) throw new UserInputError('is not a rectangular range', name);
      row.forEach((v, c) => {
        cells.push(isBlankCell(v) ? undefined : (read(v, r, c) as T));
      });
    });
    return { name, rows: rows.length, cols, cells };
  };
}

const shapeOf = (c: Column<unknown>): string => `${c.rows}x${c.cols}`;

/** Ranges that pair up cell by cell must have one shape; an absent optional one (0x0) pairs with anything. */
function sameShape(first: Column<unknown>, ...others: Column<unknown>[]): void {
  for (const other of others) {
    if (other.rows === 0 && other.cells.length === 0) continue;
    if (other.rows !== first.rows || other.cols !== first.cols) {
      throw new UserInputError(
        `is a ${shapeOf(other)} range but ${first.name} is a ${shapeOf(first)} range; expected ranges of the same shape, one cell per invoice`,
        other.name,
      );
    }
  }
}

/** Where cell i of a column sits, for messages. */
const position = (c: Column<unknown>, i: number): string =>
  `row ${Math.floor(i / Math.max(1, c.cols)) + 1}, column ${(i % Math.max(1, c.cols)) + 1}`;

function dateRange(name: string, description: string, optional = false): ParamSpec {
  return {
    name,
    kind: 'date',
    jsdocType: 'Array<Array<Date>>',
    description,
    ...(optional && { defaultValue: '', defaultLabel: 'blank' }),
    readRange: column<Date>(name),
  };
}

export const booksFunctions: FunctionSpec[] = [
  {
    name: 'RECEIVABLES_AGING',
    family: FAMILY,
    summary:
      'Unpaid invoices by how late they are: the amount and number of invoices not yet due, 1-30, 31-60, 61-90 and over 90 days late.',
    shape: 'table',
    params: [
      dateRange('due_dates', 'The due date of each invoice, e.g. a column of dates.'),
      {
        name: 'amounts',
        kind: 'number',
        jsdocType: 'Array<Array<number>>',
        description: 'The amount of each invoice, in a range of the same shape.',
        readRange: column<number>('amounts'),
      },
      dateRange(
        'paid_dates',
        'The date each invoice was paid, in a range of the same shape; a blank cell is unpaid, and so is a payment after as_of.',
        true,
      ),
      {
        name: 'as_of',
        kind: 'date',
        description: 'The day to age the invoices to.',
        defaultValue: () => new Date(),
        defaultLabel: 'TODAY()',
      },
    ],
    returns: 'A table with a header (Bucket, Amount, Invoices) and five rows; it spills below and to the right.',
    example: {
      formula: '=RECEIVABLES_AGING(DATE(2026,1,15), 1200, , DATE(2026,3,1))',
      result: 'a header and 5 rows: 1200 in "31-60 days late"',
    },
    compute: (due: Column<Date>, amounts: Column<number>, paid: Column<Date>, asOf: Date) => {
      sameShape(due, amounts, paid);
      const invoices: Receivable[] = [];
      for (let i = 0; i < due.cells.length; i++) {
        const d = due.cells[i];
        const a = amounts.cells[i];
        if (d === undefined && a === undefined) continue; // an empty row of the list
        if (d === undefined)
          throw new UserInputError(`at ${position(due, i)} is blank but its amount is not; expected a due date`, 'due_dates');
        if (a === undefined)
          throw new UserInputError(`at ${position(amounts, i)} is blank but its due date is not; expected an amount`, 'amounts');
        invoices.push({ due: d, amount: a, paid: paid.cells[i] });
      }
      const rows = receivablesAging(invoices, asOf);
      return [['Bucket', 'Amount', 'Invoices'], ...rows.map((r) => [r.bucket, r.amount, r.count])];
    },
  },
  {
    name: 'CLIENT_DAYS_TO_PAY',
    family: FAMILY,
    summary: "The average number of days a client took to pay, from each paid invoice's issue date to its payment date.",
    shape: 'aggregate',
    params: [
      {
        name: 'clients',
        kind: 'custom',
        jsdocType: 'Array<Array<string>>',
        description: 'The client of each invoice, e.g. a column of names.',
        expected: CLIENT_EXPECTED,
        read: readClient,
        readRange: column<string>('clients'),
      },
      dateRange('issued_dates', 'The date each invoice was issued, in a range of the same shape.'),
      dateRange('paid_dates', 'The date each invoice was paid, in a range of the same shape; blank while unpaid.'),
      {
        name: 'client',
        kind: 'custom',
        description: 'The client to average; case and surrounding spaces do not matter.',
        expected: CLIENT_EXPECTED,
        read: readClient,
      },
    ],
    returns: "The average days to pay over the client's paid invoices.",
    example: { formula: '=CLIENT_DAYS_TO_PAY("Acme", DATE(2026,1,5), DATE(2026,2,4), "acme")', result: '30' },
    compute: (clients: Column<string>, issued: Column<Date>, paid: Column<Date>, client: string) => {
      sameShape(clients, issued, paid);
      const invoices: ClientInvoice[] = [];
      for (let i = 0; i < clients.cells.length; i++) {
        const name = clients.cells[i];
        const p = paid.cells[i];
        const iss = issued.cells[i];
        if (name === undefined) {
          if (p !== undefined || iss !== undefined) {
            throw new UserInputError(
              `at ${position(clients, i)} is blank but its invoice has dates; expected a client name`,
              'clients',
            );
          }
          continue;
        }
        if (p !== undefined && iss === undefined) {
          throw new UserInputError(
            `at ${position(issued, i)} is blank but the invoice is paid; expected the issue date`,
            'issued_dates',
          );
        }
        if (p !== undefined && iss !== undefined && daysBetween(iss, p) < 0) {
          throw new UserInputError(
            `at ${position(paid, i)} comes before the invoice's issue date; expected a payment on or after it`,
            'paid_dates',
          );
        }
        invoices.push({ client: name, issued: iss, paid: p });
      }
      const average = averageDaysToPay(invoices, client);
      if (average === undefined) {
        throw new UserInputError(
          `${JSON.stringify(client.trim())} has no paid invoice in clients; expected at least one of theirs with a paid date`,
          'client',
        );
      }
      return average;
    },
  },
];
