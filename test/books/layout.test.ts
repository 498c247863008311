/** The Books, Categories and Ledger layouts as pure grids: live native formulas, names, and no user text as formulas. */
import { DEFAULT_CATEGORIES } from '../../src/books/categories';
import { BOOKS, CATEGORY_ROWS, layoutBooks, layoutCategories, ledgerRows } from '../../src/books/layout';
import { functionTable } from '../../src/functions';
import { cellValue } from '../../src/plan/cellValue';

const books = layoutBooks(2026);
const at = (a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return books.cells[Number(m[2]) - 1][column - 1];
};

test('the named ranges: the year, the rate, twelve cells each for months, income, expenses and profit, two totals', () => {
  expect(books.namedRanges).toMatchObject({
    JW_BOOKS_YEAR: 'B2',
    JW_BOOKS_TAX_RATE: 'B3',
    JW_BOOKS_MONTHS: 'A6:A17',
    JW_BOOKS_INCOME: 'B6:B17',
    JW_BOOKS_EXPENSES: 'C6:C17',
    JW_BOOKS_PROFIT: 'D6:D17',
    JW_BOOKS_PROFIT_YTD: 'D18',
    JW_BOOKS_UNCATEGORISED: 'G18',
    JW_BOOKS_WAGES: 'D2',
    JW_BOOKS_WITHHELD: 'S9',
    JW_BOOKS_PROJECTED_PROFIT: 'S21',
  });
  expect(at('B2')).toEqual({ number: 2026 });
  // Issue 22, problem 2: the Books year's own rate on the projected profit on top of its wages, unless a plan of
  // another kind (flat, UK, Canada) names its rate.
  expect(at('B3')).toEqual({
    formula:
      '=IF(ISERROR(JW_FILING_STATUS)*NOT(ISERROR(JW_TAX_RATE)),JW_TAX_RATE,IF($S$21>0,TAX_RATE_US($S$21,$S$6,MAX(2025,MIN(2026,$B$2)),IFERROR(JW_STATE_TAX_RATE,0),$D$2),0.3))',
  });
  // Issue 22, problem 3: a spreadsheet outside the US without a plan follows its locale's country: the UK's tables
  // on top of the wages (England's bands until a plan names the region), elsewhere a flat rate: no US tables.
  expect(layoutBooks(2026, undefined, 'en_GB').cells[2][1]).toEqual({
    formula: '=IF($S$21>0,TAX_RATE_UK($S$21,MAX(2025,MIN(2026,$B$2)),IFERROR(JW_UK_REGION,"england"),$D$2),0.3)',
  });
  expect(layoutBooks(2026, undefined, 'de_DE').cells[2][1]).toEqual({
    formula: '=IFERROR(JW_FLAT_TAX_RATE,IFERROR(JW_TAX_RATE,0.3))',
  });
});

test('the UK and Canadian Books call Jumpwise in three tax cells: the rate, the tax at source, the payments', () => {
  const leap = new RegExp(`\\b(${functionTable.map((f) => f.name).join('|')})\\(`);
  const calls = (locale: string) =>
    (
      layoutBooks(2026, undefined, locale)
        .cells.flat()
        .filter((c) => c !== null && 'formula' in c) as { formula: string }[]
    )
      .filter((f) => leap.test(f.formula))
      .map((f) => f.formula.match(leap)?.[1]);
  expect(calls('en_GB')).toEqual(['TAX_RATE_UK', 'TAX_ESTIMATE_UK', 'PAYMENTS_ON_ACCOUNT_UK']);
  expect(calls('en_CA')).toEqual(['TAX_RATE_CA', 'TAX_ESTIMATE_CA', 'INSTALMENTS_CA']);
  expect(calls('de_DE')).toEqual([]);
});

test('every figure is a native formula over whole Ledger columns: Jumpwise custom functions only in six tax cells', () => {
  const leap = new RegExp(`\\b(${functionTable.map((f) => f.name).join('|')})\\(`);
  const formulas = books.cells.flat().filter((c) => c !== null && 'formula' in c) as { formula: string }[];
  expect(formulas.length).toBeGreaterThan(CATEGORY_ROWS * 12);
  // The rate, the due dates, the tax withheld on the wages, last year's final due date, the next due date and the
  // payment: six round trips in all.
  expect(formulas.filter((f) => leap.test(f.formula)).map((f) => f.formula.match(leap)?.[1])).toEqual([
    'TAX_RATE_US',
    'TAX_DUE_DATES',
    'TAX_ESTIMATE_US',
    'NEXT_TAX_DUE',
    'NEXT_TAX_DUE',
    'ESTIMATED_PAYMENT_US',
  ]);
  for (let r: number = BOOKS.firstMonthRow; r <= BOOKS.totalRow; r++) {
    for (const column of 'ABCDEFG') {
      if (r === BOOKS.totalRow && column === 'A') continue;
      expect([`${column}${r}`, at(`${column}${r}`)]).toEqual([`${column}${r}`, { formula: expect.stringMatching(/^=/) }]);
    }
  }
  // Money in is the Income categories' only: uncategorised money in is on its own line by the form (issue 22).
  expect(at('B6')).toEqual({ formula: '=SUMIFS($E$28:$E$67,$B$28:$B$67,"Income")' });
  expect(at('C6')).toEqual({ formula: expect.stringMatching(/^=-SUMPRODUCT\(/) });
});

test('the Categories sheet starts with the defaults; Schedule C lines are text so 8 stays "8"', () => {
  const grid = layoutCategories(DEFAULT_CATEGORIES);
  expect(grid.cells).toHaveLength(DEFAULT_CATEGORIES.length + 1);
  const meals = grid.cells.find((r) => r[0] !== null && 'text' in r[0] && r[0].text === 'Meals');
  expect(meals?.slice(1, 4)).toEqual([{ text: 'Expense' }, { text: '24b' }, { number: 0.5 }]);
  expect(cellValue({ text: '8' })).toBe("'8");
});

test('ledger rows keep user text as text: a description, category or account starting with = + - @ is not a formula', () => {
  const [row] = ledgerRows([{ date: '2026-01-02', description: '@SUM(A1)', amount: -3, line: 2 }], '=acct', () => '-x');
  expect(row).toEqual([
    { isoDate: '2026-01-02' },
    { text: '@SUM(A1)' },
    { number: -3 },
    { text: '-x' },
    { text: '=acct' },
    null,
    { text: '2026-01-02|-3.00|sum a1' },
  ]);
  expect(row.map((c) => (c !== null && 'text' in c ? cellValue(c) : null)).filter(Boolean)).toEqual([
    "'@SUM(A1)",
    "'-x",
    "'=acct",
    "'2026-01-02|-3.00|sum a1",
  ]);
});
