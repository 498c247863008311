/** The Books sheet's declared blocks: every figure declared once, and the dependency graph its declarations give. */
import { booksGrid, layoutBooks } from '../../src/books/layout';
import { functionTable } from '../../src/functions';
import { type Declaration, longestChain } from '../../src/layout/grid';

const leap = new RegExp(`\\b(${functionTable.map((f) => f.name).join('|')})\\(`);
/** On Sheets each cell calling a Jumpwise function is a server round trip, and waits for the ones it reads. */
const callsLeap = (formula: string) => leap.test(formula);
const declarations = booksGrid(2026).declarations();
const byId = Object.fromEntries(declarations.map((d) => [d.id, d])) as Record<string, Declaration>;

test('every named cell of Books is one declaration with its label and format', () => {
  const { namedRanges } = layoutBooks(2026);
  const named = declarations.filter((d) => d.name);
  // The month columns are named by their table; every other name is a declared cell of that name.
  expect(named.map((d) => d.name).sort()).toEqual(
    Object.keys(namedRanges)
      .filter((n) => !['JW_BOOKS_MONTHS', 'JW_BOOKS_INCOME', 'JW_BOOKS_EXPENSES', 'JW_BOOKS_PROFIT'].includes(n))
      .filter((n) => !['JW_BOOKS_PROFIT_YTD', 'JW_BOOKS_UNCATEGORISED', 'JW_BOOKS_TAX_PAID', 'JW_BOOKS_FORM_NET'].includes(n))
      .sort(),
  );
  expect(byId.JW_BOOKS_NEXT_PAYMENT).toMatchObject({
    kind: 'figure',
    label: 'Pay now (on what you have earned)',
    format: '$#,##0.00',
  });
  expect(byId.JW_BOOKS_RESERVE_GAP).toMatchObject({ kind: 'figure', label: 'Ahead (+) or behind (-)' });
  expect(byId.JW_BOOKS_YEAR).toMatchObject({ kind: 'input', label: 'Tax year', format: '0' });
});

test('which figure reads which: the payment reads the inputs, the four profits and the total paid', () => {
  expect(byId.JW_BOOKS_NEXT_PAYMENT.reads).toEqual([
    'JW_BOOKS_WAGES',
    'JW_BOOKS_WITHHELD',
    'JW_BOOKS_YEAR',
    'filingStatus',
    'paidForTheYear',
    'periodsEnded',
    'priorYearAgi',
    'priorYearTax',
    'profitTo1',
    'profitTo2',
    'profitTo3',
    'profitTo4',
  ]);
  // The rate reads the projected profit and the wages; the projection reads the months' profit and today.
  expect(byId.JW_BOOKS_TAX_RATE.reads).toEqual(['JW_BOOKS_PROJECTED_PROFIT', 'JW_BOOKS_WAGES', 'JW_BOOKS_YEAR', 'filingStatus']);
  expect(byId.JW_BOOKS_PROJECTED_PROFIT.reads).toEqual(['JW_BOOKS_YEAR', 'months.profit', 'today']);
  expect(byId.paidForTheYear.reads).toEqual(['taxPaidByHand.amount']);
  expect(byId['taxPaidByHand.amount'].reads).toEqual(['taxPaidByHand.period', 'taxPeriods.amount']);
  expect(byId['taxPeriods.amount'].reads).toEqual([
    'byCategory.taxPaid1',
    'byCategory.taxPaid2',
    'byCategory.taxPaid3',
    'byCategory.taxPaid4',
  ]);
  expect(byId['byCategory.taxPaid1'].reads).toEqual(['byCategory.kind', 'byCategory.name', 'previousDue', 'taxPeriods.due']);
  expect(byId['byCategory.year'].reads).toEqual(
    ['byCategory.name', ...Array.from({ length: 12 }, (_, i) => `byCategory.month${i + 1}`)].sort(),
  );
  expect(byId.JW_BOOKS_RESERVE_GAP.reads).toEqual(['JW_BOOKS_TAX_RESERVE', 'taxOwedSoFar']);
  expect(byId.taxOwedSoFar.reads).toEqual(['months.setAside', 'taxPaidByHand.amount']);
  // A sentence reads every figure it quotes.
  expect(byId.JW_BOOKS_RESERVE_TEXT.reads).toEqual([
    'JW_BOOKS_RESERVE_GAP',
    'JW_BOOKS_TAX_RATE',
    'JW_BOOKS_TAX_RESERVE',
    'JW_BOOKS_YEAR',
    'taxOwedSoFar',
    'taxPaidByHand.amount',
  ]);
});

// Issue 22, problem 2: the rate and the default withholding add two round trips; no chain grows past two (at most
// three are allowed), since the wages and the projected profit are native formulas.
test('six declarations call Jumpwise functions, and no chain of them is longer than two', () => {
  expect(declarations.filter((d) => d.formulas.some(callsLeap)).map((d) => d.id)).toEqual([
    'JW_BOOKS_TAX_RATE',
    'taxPeriods.due',
    'JW_BOOKS_WITHHELD',
    'previousDue',
    'JW_BOOKS_NEXT_DUE',
    'JW_BOOKS_NEXT_PAYMENT',
  ]);
  const chain = longestChain(declarations, callsLeap);
  expect(chain).toHaveLength(2);
  expect(chain[chain.length - 1]).toMatch(/JW_BOOKS_NEXT_(DUE|PAYMENT)/);
});
