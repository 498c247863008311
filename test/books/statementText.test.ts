/** The import page's sentences about an import's result and an over-long statement. */
import { MAX_STATEMENT_ROWS } from '../../src/books/statement';
import { importResultText, spokenDate, tooManyRowsText } from '../../src/books/statementText';

const result = {
  imported: 48,
  skippedAlreadyInLedger: 3,
  repeatedInStatement: 0,
  uncategorised: 5,
  firstDate: '2026-03-01',
  lastDate: '2026-03-31',
};

test.each([
  ['Imported 48 rows, 3 already in your ledger skipped, 5 uncategorised, 1 Mar 2026 to 31 Mar 2026.', result],
  [
    'Imported 1 row, 0 uncategorised, 1 Mar 2026.',
    { ...result, imported: 1, skippedAlreadyInLedger: 0, uncategorised: 0, lastDate: '2026-03-01' },
  ],
  [
    'Imported 0 rows, 48 already in your ledger skipped.',
    { ...result, imported: 0, skippedAlreadyInLedger: 48, uncategorised: 0, firstDate: null, lastDate: null },
  ],
  [
    'Imported 12,345 rows, 1,200 uncategorised, 1 Mar 2026 to 31 Mar 2026. 2 rows appear more than once in the statement; every copy was kept.',
    { ...result, imported: 12345, skippedAlreadyInLedger: 0, repeatedInStatement: 2, uncategorised: 1200 },
  ],
  [
    'Imported 48 rows, 3 already in your ledger skipped, 5 uncategorised, 1 Mar 2026 to 31 Mar 2026. 1 row appears more than once in the statement; every copy was kept.',
    { ...result, repeatedInStatement: 1 },
  ],
  [
    "Imported 48 rows, 3 already in your ledger skipped, 5 uncategorised, 1 Mar 2026 to 31 Mar 2026. Amounts converted from EUR at 1.085 USD per EUR, the rate you gave; each row's Notes say so.",
    { ...result, converted: { from: 'EUR', to: 'USD', rate: 1.085 } },
  ],
])('the result reads "%s"', (text, r) => {
  expect(importResultText(r)).toBe(text);
});

test('dates are spoken with the month as a word, so no day/month order can be misread', () => {
  expect(['2026-01-09', '2026-12-31', '2000-02-29'].map(spokenDate)).toEqual(['9 Jan 2026', '31 Dec 2026', '29 Feb 2000']);
});

test('a statement over the row limit is refused with the count and what to do', () => {
  expect(tooManyRowsText(MAX_STATEMENT_ROWS)).toBeNull();
  expect(tooManyRowsText(MAX_STATEMENT_ROWS + 1)).toBe(
    'This statement has 20,001 rows; Jumpwise imports at most 20,000 at a time. Export a shorter period from your bank (a few months at a time) and import each file.',
  );
});
