/** RECEIVABLES_AGING and CLIENT_DAYS_TO_PAY around the bucket edges, through the function table. */
import { agingBucket, daysBetween } from '../../src/finance/receivables';
import { customFunctions } from '../../src/functions';

const AGING = customFunctions.RECEIVABLES_AGING as (...a: unknown[]) => unknown[][];
const DAYS = customFunctions.CLIENT_DAYS_TO_PAY as (...a: unknown[]) => number;
const col = <T>(xs: T[]) => xs.map((x) => [x]);
const AS_OF = new Date(2026, 5, 30);
const daysBefore = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - n);

describe('the buckets', () => {
  test.each([
    [-5, 0],
    [0, 0],
    [1, 1],
    [30, 1],
    [31, 2],
    [60, 2],
    [61, 3],
    [90, 3],
    [91, 4],
    [400, 4],
  ])('%i days late is bucket %i', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });

  test('days between calendar days ignore the time of day and clock changes', () => {
    expect(daysBetween(new Date(2026, 2, 1), new Date(2026, 2, 31, 23, 0))).toBe(30);
    expect(daysBetween(new Date(2026, 10, 1), new Date(2026, 10, 2))).toBe(1);
  });
});

describe('RECEIVABLES_AGING', () => {
  const late = [0, 1, 30, 31, 60, 61, 90, 91];
  const due = late.map((n) => daysBefore(AS_OF, n));
  const amounts = late.map((n) => 1000 + n);

  test('invoices 0, 1, 30, 31, 60, 61, 90 and 91 days late land in their buckets', () => {
    expect(AGING(col(due), col(amounts), col(late.map(() => '')), AS_OF)).toEqual([
      ['Bucket', 'Amount', 'Invoices'],
      ['Not yet due', 1000, 1],
      ['1-30 days late', 1001 + 1030, 2],
      ['31-60 days late', 1031 + 1060, 2],
      ['61-90 days late', 1061 + 1090, 2],
      ['Over 90 days late', 1091, 1],
    ]);
  });

  test('paid invoices leave the table; a payment after as_of does not; omitted paid dates mean none paid', () => {
    const paid = late.map((_n, i) => (i === 1 ? daysBefore(AS_OF, 0) : i === 7 ? daysBefore(AS_OF, -3) : i === 3 ? AS_OF : ''));
    const out = AGING(col(due), col(amounts), col(paid), AS_OF);
    expect(out[2]).toEqual(['1-30 days late', 1030, 1]);
    expect(out[3]).toEqual(['31-60 days late', 1060, 1]);
    expect(out[5]).toEqual(['Over 90 days late', 1091, 1]);
    expect(AGING(col(due), col(amounts), undefined, AS_OF)).toEqual(
      AGING(col(due), col(amounts), col(late.map(() => '')), AS_OF),
    );
  });

  test('a due date in the future is not yet due; empty rows are skipped', () => {
    const out = AGING([[daysBefore(AS_OF, -10)], ['']], [[500], ['']], [[''], ['']], AS_OF);
    expect(out[1]).toEqual(['Not yet due', 500, 1]);
  });

  test('ranges of different shapes are refused', () => {
    expect(() => AGING(col(due), col(amounts.slice(0, 3)), undefined, AS_OF)).toThrow(
      /^RECEIVABLES_AGING: amounts is a 3x1 range but due_dates is a 8x1 range; expected ranges of the same shape/,
    );
    expect(() => AGING(col(due), col(amounts), [['', '']], AS_OF)).toThrow(
      /paid_dates is a 1x2 range but due_dates is a 8x1 range/,
    );
  });

  test('a due date without an amount, or text for a date, is refused by position', () => {
    expect(() => AGING([[AS_OF], [AS_OF]], [[5], ['']], undefined, AS_OF)).toThrow(/amounts at row 2, column 1 is blank/);
    expect(() => AGING([[AS_OF], ['soon']], [[5], [6]], undefined, AS_OF)).toThrow(
      /^RECEIVABLES_AGING: due_dates at row 2, column 1 is "soon"; expected a date/,
    );
  });

  test('as_of defaults to today', () => {
    const today = new Date();
    const out = AGING(daysBefore(today, 31), 100, '');
    expect(out[3]).toEqual(['31-60 days late', 100, 1]);
  });
});

describe('CLIENT_DAYS_TO_PAY', () => {
  const issued = new Date(2026, 0, 10);
  const edges = [0, 1, 30, 31, 60, 61, 90, 91];

  test.each(edges)('one invoice paid %i days after issue', (n) => {
    expect(DAYS('Acme', issued, daysBefore(issued, -n), 'acme')).toBe(n);
  });

  test('averages only the paid invoices of the client, matched trimmed and case-insensitively', () => {
    const clients = col(['Acme', ' ACME ', 'Other', 'acme', 'Acme']);
    const iss = col([issued, issued, issued, issued, issued]);
    const paid = col([daysBefore(issued, -30), daysBefore(issued, -61), daysBefore(issued, -5), '', daysBefore(issued, -91)]);
    expect(DAYS(clients, iss, paid, '  Acme')).toBeCloseTo((30 + 61 + 91) / 3, 9);
    expect(DAYS(clients, iss, paid, 'other')).toBe(5);
  });

  test('a client with nothing paid is named in the error', () => {
    expect(() => DAYS(col(['Acme', 'Beta']), col([issued, issued]), col([issued, '']), 'Beta')).toThrow(
      /^CLIENT_DAYS_TO_PAY: client "Beta" has no paid invoice/,
    );
    expect(() => DAYS(col(['Acme']), col([issued]), col([issued]), 'Gamma')).toThrow(/"Gamma" has no paid invoice/);
  });

  test('a payment before the issue date and ranges of different shapes are refused', () => {
    expect(() => DAYS('Acme', issued, daysBefore(issued, 1), 'Acme')).toThrow(
      /paid_dates .*comes before the invoice's issue date/,
    );
    expect(() => DAYS(col(['Acme', 'Beta']), col([issued]), col([issued, issued]), 'Acme')).toThrow(
      /issued_dates is a 1x1 range but clients is a 2x1 range/,
    );
  });
});
