/**
 * The Books' months in the check-in (issue 22, problem 3): calendar months in the US and Canada, tax months from the
 * 6th in the UK (the tax year starts on 6 April), so the check-in's last month and months over are the Books' rows.
 */
import { booksMonthOf, lastBooksMonth, monthsOver, uncategorisedFilterFormula } from '../../src/books/checkin';
import { BOOKS_COUNTRIES } from '../../src/books/country';

const uk = BOOKS_COUNTRIES.uk;

test.each([
  ['2026-04-05', 2025, 12],
  ['2026-04-06', 2026, 1],
  ['2026-05-05', 2026, 1],
  ['2026-05-06', 2026, 2],
  ['2027-01-05', 2026, 9],
  ['2027-01-06', 2026, 10],
  ['2027-04-05', 2026, 12],
])('in the UK %s is in the tax year %d, tax month %d', (day, year, month) => {
  expect(booksMonthOf(day, uk)).toEqual({ year, month });
});

test('the UK check-in\u2019s last month is the tax month that ended on the 5th, and the months over count tax months', () => {
  expect(lastBooksMonth('2027-01-25', uk)).toEqual({ year: 2026, month: 9, name: '6 Dec 2026 to 5 Jan 2027' });
  expect(lastBooksMonth('2026-04-20', uk)).toEqual({ year: 2025, month: 12, name: '6 Mar 2026 to 5 Apr 2026' });
  expect(monthsOver(2026, '2027-01-25', uk)).toBe(9);
  expect(monthsOver(2026, '2026-04-05', uk)).toBe(0);
  expect(monthsOver(2025, '2026-04-06', uk)).toBe(12);
});

test('the US and Canada keep calendar months', () => {
  expect(lastBooksMonth('2026-01-10')).toEqual({ year: 2025, month: 12, name: 'December 2025' });
  expect(lastBooksMonth('2026-07-01', BOOKS_COUNTRIES.canada)).toEqual({ year: 2026, month: 6, name: 'June 2026' });
  expect(monthsOver(2026, '2026-07-01')).toBe(6);
});

test('the Ledger filter of a UK tax month or year starts on the 6th', () => {
  expect(uncategorisedFilterFormula({ year: 2026, month: 10 }, uk)).toContain(
    '$A2>=DATE(2026,13,6),$A2<EDATE(DATE(2026,13,6),1)',
  );
  expect(uncategorisedFilterFormula({ year: 2026 }, uk)).toContain('$A2>=DATE(2026,4,6),$A2<EDATE(DATE(2026,4,6),12)');
  // The US formula as it was.
  expect(uncategorisedFilterFormula({ year: 2026 })).toContain('$A2>=DATE(2026,1,1),$A2<DATE(2027,1,1)');
});
