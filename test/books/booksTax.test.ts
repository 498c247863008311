/** The Books sheet's tax blocks as a pure grid: inputs shaded and empty, notes that say where figures come from, names. */
import { BOOKS, booksMoney, form1040LineFormula, layoutBooks } from '../../src/books/layout';
import { dateFormat } from '../../src/plan/currency';
import { columnLetters } from '../../src/plan/layout';

const books = layoutBooks(2026);
const at = (row: number, column: number) => ({
  cell: books.cells[row - 1][column - 1],
  fill: books.backgrounds[row - 1][column - 1],
  format: books.numberFormats[row - 1][column - 1],
});
const np = BOOKS.nextPayment;
const tp = BOOKS.taxPayments;
const rv = BOOKS.reserve;
const a1 = (row: number, column: number) => `${columnLetters(column)}${row}`;

test('the new named ranges point at the tax figures; the existing ones are unchanged', () => {
  expect(books.namedRanges).toMatchObject({
    JW_BOOKS_YEAR: 'B2',
    JW_BOOKS_PROFIT_YTD: 'D18',
    JW_BOOKS_TAX_PAID: a1(tp.totalRow, tp.amountColumn),
    JW_BOOKS_NEXT_DUE: a1(np.nextDueRow, np.valueColumn),
    JW_BOOKS_NEXT_PAYMENT: a1(np.paymentRow, np.valueColumn),
    JW_BOOKS_FLAT_PAYMENT: a1(np.flatRow, np.valueColumn),
    JW_BOOKS_TAX_RESERVE: a1(rv.balanceRow, rv.valueColumn),
    JW_BOOKS_RESERVE_GAP: a1(rv.gapRow, rv.valueColumn),
  });
  for (const [name, ref] of Object.entries(books.namedRanges)) {
    if (ref.includes(':')) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    const column = [...(m?.[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const cell = books.cells[Number(m?.[2]) - 1][column - 1];
    if (name === 'JW_BOOKS_YEAR') continue;
    expect([name, cell]).toEqual([name, { formula: expect.stringMatching(/^=/) }]);
  }
});

test('the inputs are shaded and start empty, with notes pointing at Form 1040 lines and the pay slips', () => {
  for (const row of [np.priorTaxRow, np.priorAgiRow]) {
    expect(at(row, np.valueColumn)).toEqual({ cell: null, fill: '#e8f0fe', format: '$#,##0.00' });
  }
  // The tax withheld starts as the federal tax on the year's wages alone (issue 22, problem 2).
  expect(at(np.withholdingRow, np.valueColumn)).toEqual({
    cell: { formula: '=IF(N($D$2)>0,TAX_ESTIMATE_US(0,$S$6,MAX(2025,MIN(2026,$B$2)),0,$D$2),0)' },
    fill: '#e8f0fe',
    format: '$#,##0.00',
  });
  const note = (row: number) => (at(row, np.noteColumn).cell as { formula: string }).formula;
  expect(note(np.priorTaxRow)).toContain('Form 1040, line "&"24"&" (total tax)');
  expect(note(np.priorAgiRow)).toContain('Form 1040, line "&IF($B$2-1<2025,"11","11a")&" (adjusted gross income)');
  expect(note(np.withholdingRow)).toContain('pay slips');
  expect(at(np.todayRow, np.valueColumn).cell).toEqual({ formula: '=TODAY()' });
  for (let r = tp.firstHandRow; r < tp.firstHandRow + tp.handRows; r++) {
    expect([tp.dateColumn, tp.amountColumn, tp.noteColumn].map((c) => at(r, c))).toEqual([
      { cell: null, fill: '#e8f0fe', format: 'mmm d, yyyy' },
      { cell: null, fill: '#e8f0fe', format: '$#,##0.00' },
      { cell: null, fill: '#e8f0fe', format: 'General' },
    ]);
  }
  expect(at(rv.accountRow, rv.valueColumn)).toMatchObject({ cell: null, fill: '#e8f0fe' });
});

test("money: the person's amounts in the document's currency, the federal blocks in dollars placed as the locale places money", () => {
  // Dates in the document's style, from the one table beside the money formats (src/plan/currency.ts).
  expect(booksMoney('en_US')).toEqual({ books: '$#,##0.00', federal: '$#,##0.00', date: dateFormat('en_US') });
  expect(booksMoney('en_GB')).toEqual({ books: '[$£]#,##0.00', federal: '[$US$]#,##0.00', date: dateFormat('en_GB') });
  expect(booksMoney('de_DE')).toEqual({ books: '#,##0.00 [$€]', federal: '#,##0.00 [$US$]', date: dateFormat('de_DE') });
  expect([dateFormat('en_US'), dateFormat('en_GB'), dateFormat('de_DE')]).toEqual(['mmm d, yyyy', 'd mmm yyyy', 'dd.mm.yyyy']);
  const gb = layoutBooks(2026, booksMoney('en_GB'));
  const formatAt = (row: number, column: number) => gb.numberFormats[row - 1][column - 1];
  expect(formatAt(np.priorTaxRow, np.valueColumn)).toBe('[$US$]#,##0.00');
  expect(formatAt(rv.balanceInputRow, rv.valueColumn)).toBe('[$£]#,##0.00');
  const reserve = JSON.stringify(gb.cells[rv.sentenceRow - 1][rv.labelColumn - 1]);
  expect(reserve).toContain('TEXT(');
  expect(reserve).toContain('[$£]#,##0.00');
  expect(reserve).not.toContain('"$"&');
});

test("last year's Form 1040 lines follow the year of that return: AGI on line 11 up to 2024, 11a from 2025", () => {
  const agi = form1040LineFormula('adjustedGrossIncome', 'Y');
  expect(agi).toBe('IF(Y<2025,"11","11a")');
  expect(form1040LineFormula('totalTax', 'Y')).toBe('"24"');
});

test('the payment reads the Books year, the inputs and the total paid; the tax blocks sit above the by-category table', () => {
  const payment = at(np.paymentRow, np.valueColumn).cell as { formula: string };
  const v = (row: number) => `$${columnLetters(np.valueColumn)}$${row}`;
  expect(payment.formula).toBe(
    `=IF(${v(np.periodsEndedRow)}=0,"",ESTIMATED_PAYMENT_US(${v(np.firstProfitRow)}:${v(np.firstProfitRow + 3)},{${[3, 5, 8, 12].map((m, i) => `IF(${v(np.firstProfitRow + i)}="","",N($D$2)*${m}/12)`).join(';')}},${v(np.statusRow)},$B$2,${v(np.priorTaxRow)},${v(np.priorAgiRow)},${v(np.paidRow)},${v(np.withholdingRow)}))`,
  );
  expect(Math.max(rv.sentenceRow, np.sentenceRow, tp.totalRow)).toBeLessThan(BOOKS.category.titleRow);
  expect(books.cells[BOOKS.category.headerRow - 1].slice(20, 25)).toEqual([
    { text: 'Tax paid, period 1' },
    { text: 'Tax paid, period 2' },
    { text: 'Tax paid, period 3' },
    { text: 'Tax paid, period 4' },
    { text: 'Into the tax account' },
  ]);
});
