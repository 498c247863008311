/**
 * The check-in's pure parts: the Books history as formulas, which months count, the month arithmetic, the Check-ins
 * row, and the plan laid out on a linked history.
 */
import { formatNumber } from '../../emulator/src/values';
import {
  annualised,
  booksHistory,
  CHECKIN_COLUMNS,
  checkinRow,
  invoicesReadA1,
  lastMonthOf,
  monthsOver,
  monthsWithRows,
  NOTHING_OVERDUE,
  OVERDUE_LISTED,
  owedFromShown,
  tooFewMonthsMessage,
} from '../../src/books/checkin';
import { INVOICE_HEADER } from '../../src/books/invoices';
import { validateAnswers } from '../../src/plan/answers';
import { LOCALE_CURRENCIES, moneyAsShown, moneyFormat } from '../../src/plan/currency';
import { type Cell, layoutPlan } from '../../src/plan/layout';
import { buildPlan } from '../../src/plan/model';
import { SAMPLE_ANSWERS } from '../plan/sample';

const planOf = (changes: Record<string, unknown> = {}) => {
  const checked = validateAnswers({ ...SAMPLE_ANSWERS, ...changes });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return buildPlan(checked.answers);
};
const formulaOf = (cell: Cell | undefined): string =>
  cell && 'formula' in cell ? cell.formula : `not a formula: ${JSON.stringify(cell)}`;
/** The cell at an A1 address of a laid-out grid. */
const at = (cells: Cell[][], a1: string): Cell | undefined => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return cells[Number(m[2]) - 1]?.[column - 1];
};

describe('the Books history', () => {
  test('twelve formulas, month k on the k-th Books month, counting every ledger row of the month', () => {
    const history = booksHistory();
    expect(history.cells).toHaveLength(12);
    expect(history.cells[0]).toBe(
      '=IF(COUNTIFS(Ledger!$A:$A,">="&INDEX(JW_BOOKS_MONTHS,1),Ledger!$A:$A,"<"&EDATE(INDEX(JW_BOOKS_MONTHS,1),1))>0,INDEX(JW_BOOKS_PROFIT,1),"")',
    );
    expect(history.cells[11]).toContain('INDEX(JW_BOOKS_PROFIT,12)');
  });

  test('months with rows: distinct months of the year only, from dates or ISO text', () => {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const dates = ['2026-03-02', new Date(Date.UTC(2026, 2, 30)), '2026-01-31', '2025-12-31', new Date(Date.UTC(2027, 0, 1)), ''];
    expect(monthsWithRows(dates, 2026, day)).toEqual([1, 3]);
    expect(monthsWithRows([], 2026, day)).toEqual([]);
    expect(tooFewMonthsMessage(1, 2026)).toBe(
      "The plan needs at least 2 months with ledger rows in 2026 to run on; the Ledger has 1. Import another month's statement first.",
    );
  });

  test('last month, months over and the annualised profit', () => {
    expect(lastMonthOf('2026-01-03')).toEqual({ year: 2025, month: 12 });
    expect(lastMonthOf('2026-12-01')).toEqual({ year: 2026, month: 11 });
    expect([monthsOver(2026, '2026-12-01'), monthsOver(2025, '2026-01-02'), monthsOver(2027, '2026-06-01')]).toEqual([11, 12, 0]);
    expect(annualised(9000, 9)).toBe(12000);
    expect(annualised(9000, 0)).toBe(0);
  });
});

describe('the Check-ins row', () => {
  test('date as input, numbers and dates as values, text kept as text, a missing figure blank', () => {
    const leave = new Date(Date.UTC(2028, 2, 1));
    const row = checkinRow('2026-12-01', {
      JW_LEAVE_DATE: leave,
      JW_QUIT_DATE: 'Not within 10 years',
      JW_BUFFER_TARGET: 22950,
      JW_SAVINGS_AT_LEAVE: 23100,
      JW_RUNWAY_RISK: 0.04,
      JW_PROJECTED_LOW: 3000,
      JW_EXPECTED_MONTHLY: '=1+1',
    });
    expect(row).toEqual(['2026-12-01', leave, "'Not within 10 years", 22950, 23100, 0.04, 3000, "'=1+1", '']);
    expect(row).toHaveLength(CHECKIN_COLUMNS.length);
  });
});

describe('the plan on a linked history', () => {
  const linked = layoutPlan(planOf(), '2026-12-01', {}, undefined, { linkedHistory: booksHistory() });
  const own = layoutPlan(planOf(), '2026-12-01');
  const low = linked.namedRanges.JW_PROJECTED_LOW;

  test('the history column holds the Books formulas under its heading, and the label counts them live', () => {
    expect(at(linked.cells, 'L4')).toEqual({ text: 'Actual months (Books)' });
    expect(formulaOf(at(linked.cells, 'L5'))).toBe(booksHistory().cells[0]);
    expect(formulaOf(at(linked.cells, 'L16'))).toBe(booksHistory().cells[11]);
    expect(formulaOf(at(linked.cells, 'L3'))).toBe('="Runs on "&COUNT($L$5:$L$16)&" months with ledger rows in Books"');
    expect(formulaOf(at(own.cells, 'L3'))).toBe('="Runs on "&COUNT($L$5:$L$9)&" steps from your low to your good month"');
  });

  test('low, good and expected month follow the history; the simulations read all twelve cells', () => {
    expect(formulaOf(at(linked.cells, low))).toBe('=MIN($L$5:$L$16)');
    expect(formulaOf(at(linked.cells, linked.namedRanges.JW_PROJECTED_HIGH))).toBe('=MAX($L$5:$L$16)');
    expect(formulaOf(at(linked.cells, linked.namedRanges.JW_EXPECTED_MONTHLY))).toBe('=AVERAGE($L$5:$L$16)');
    expect(formulaOf(at(linked.cells, linked.namedRanges.JW_RUNWAY_RISK))).toContain('$L$5:$L$16');
    expect(at(own.cells, own.namedRanges.JW_PROJECTED_LOW)).toEqual({ number: 3000 });
  });

  test('the what-if histories pass over a month without rows rather than fail on it', () => {
    expect(formulaOf(at(linked.cells, 'M5'))).toMatch(/^=IF\(ISNUMBER\(\$L\$5\),\$L\$5\*\$B\$\d+,""\)$/);
    expect(formulaOf(at(own.cells, 'M5'))).toMatch(/^=\$L\$5\*\$B\$\d+$/);
  });
});

describe('an amount the check-in works out, in the document\u2019s money format', () => {
  test('en_GB and de_DE by hand: symbol, placement, separators, whole amounts, losses', () => {
    expect(moneyAsShown(14815.4, 'en_GB')).toBe('£14,815');
    expect(moneyAsShown(1234.5, 'de_DE')).toBe('1.235 €');
    expect(moneyAsShown(-1234.4, 'de_DE')).toBe('-1.234 €');
    expect(moneyAsShown(987654321, 'en_US')).toBe('$987,654,321');
    expect(moneyAsShown(0.4, 'en_GB')).toBe('£0');
    expect(moneyAsShown(-0.4, 'en_GB')).toBe('£0');
  });

  test('every locale of the currency table: what a cell under moneyFormat shows (the emulator\u2019s own formatter)', () => {
    for (const locale of [...Object.keys(LOCALE_CURRENCIES), 'sv_SE', 'xx_YY']) {
      for (const amount of [0, 7, 999.5, 1234.5, 1234567.49, -56789.2]) {
        expect({ locale, amount, shown: moneyAsShown(amount, locale) }).toEqual({
          locale,
          amount,
          shown: formatNumber(amount, moneyFormat(locale), locale),
        });
      }
    }
  });
});

describe('money owed to you from the Invoices sheet as displayed', () => {
  /** A display grid A1:K<rows>: header, invoice rows, the panel's totals in K1:K2. */
  function grid(rows: [string, string, string, string, string][]): string[][] {
    const shown = [
      [...INVOICE_HEADER, 'Owed to you', '9,999.00'],
      ['', '', '', '', '', '', '', '', '', 'Overdue', '1,234.00'],
    ];
    rows.forEach(([invoice, client, amount, status, late], i) => {
      const line = [invoice, client, '2026-01-01', '2026-01-31', amount, '', status, late, '', '', ''];
      if (i === 0) shown[1] = [...line.slice(0, 9), 'Overdue', '1,234.00'];
      else shown.push(line);
    });
    for (let i = 0; i < 5; i++) shown.push(Array(11).fill(''));
    return shown;
  }

  test('overdue rows only, the most days late first, equal days in sheet order; totals as shown', () => {
    const owed = owedFromShown(
      'Invoices',
      grid([
        ['A-1', 'Acme', '100.00', 'Overdue 3 days', '3'],
        ['A-2', 'Birch', '200.00', 'Paid', '12'],
        ['A-3', 'Cobalt', '300.00', 'Overdue 40 days', '40'],
        ['A-4', 'Acme', '400.00', 'Due today', '0'],
        ['A-5', 'Birch', '500.00', 'Overdue 3 days', '3'],
        ['A-6', 'Cobalt', '600.00', 'Due in 2 days', '0'],
        ['A-7', 'Acme', '700.00', 'Due: type a date', ''],
        ['A-8', '<b>Birch</b>', '1,800.00', 'Overdue 1 day', '1'],
      ]),
    );
    expect(owed).toEqual({
      sheetName: 'Invoices',
      owedToYou: '9,999.00',
      overdue: '1,234.00',
      overdueInvoices: [
        { invoice: 'A-3', client: 'Cobalt', amount: '300.00', status: 'Overdue 40 days' },
        { invoice: 'A-1', client: 'Acme', amount: '100.00', status: 'Overdue 3 days' },
        { invoice: 'A-5', client: 'Birch', amount: '500.00', status: 'Overdue 3 days' },
        { invoice: 'A-8', client: '<b>Birch</b>', amount: '1,800.00', status: 'Overdue 1 day' },
      ],
      more: 0,
      note: '',
    });
  });

  test(`at most ${OVERDUE_LISTED} listed, the rest counted; none overdue says so`, () => {
    const many = Array.from({ length: 13 }, (_, i): [string, string, string, string, string] => [
      `N-${i}`,
      'Acme',
      '1.00',
      `Overdue ${i + 1} days`,
      String(i + 1),
    ]);
    const owed = owedFromShown('Invoices', grid(many));
    expect(owed.overdueInvoices.map((i) => i.invoice)).toEqual(Array.from({ length: OVERDUE_LISTED }, (_, i) => `N-${12 - i}`));
    expect(owed.more).toBe(3);
    const none = owedFromShown('Invoices', grid([['P-1', 'Acme', '5.00', 'Paid', '0']]));
    expect(none).toMatchObject({ overdueInvoices: [], more: 0, note: NOTHING_OVERDUE, owedToYou: '9,999.00' });
  });

  test('reads the table and the totals in one block from row 1, even on a sheet of one row', () => {
    expect(invoicesReadA1(1000)).toBe('A1:K1000');
    expect(invoicesReadA1(1)).toBe('A1:K2');
  });
});
