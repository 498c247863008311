/**
 * Form 1040-ES due dates under IRC 7503. Each expected date is reasoned out in the test name or comment, and the
 * past ones match the dates the IRS published for that year.
 */
import fc from 'fast-check';
import { estimatedTaxDueDates, LEGAL_HOLIDAYS, nextEstimatedTaxDue } from '../../src/finance/usTax/dueDates';

/** "2025-06-16" for a local date, so failures read as calendar days. */
const ymd = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const dueDates = (year: number): string[] => estimatedTaxDueDates(year).map(ymd);

describe('the four due dates of a tax year', () => {
  test('2025: June 15 is a Sunday, so June 16 (IRS IR-2025-65); the others stand', () => {
    expect(dueDates(2025)).toEqual(['2025-04-15', '2025-06-16', '2025-09-15', '2026-01-15']);
  });

  test('2026: all four fall on weekdays that are not holidays', () => {
    expect(dueDates(2026)).toEqual(['2026-04-15', '2026-06-15', '2026-09-15', '2027-01-15']);
  });

  test('2023: April 15 is a Saturday, 16 a Sunday, Emancipation Day observed Monday 17, so Tuesday April 18', () => {
    expect(dueDates(2023)[0]).toBe('2023-04-18');
  });

  test('2000: April 15 a Saturday before DC Emancipation Day counted: Monday April 17', () => {
    expect(dueDates(2000)[0]).toBe('2000-04-17');
  });

  test('2022: Emancipation Day (Saturday 16) observed Friday 15, so Monday April 18', () => {
    expect(dueDates(2022)[0]).toBe('2022-04-18');
  });

  test('2018: April 15 a Sunday, Monday 16 Emancipation Day, so Tuesday April 17', () => {
    expect(dueDates(2018)[0]).toBe('2018-04-17');
  });

  test('2007: Sunday 15, Emancipation Day Monday 16 (the first year the IRS applied it), so Tuesday April 17', () => {
    expect(dueDates(2007)[0]).toBe('2007-04-17');
  });

  test('2023 tax year: January 15, 2024 is Martin Luther King Jr. Day (third Monday), so January 16', () => {
    expect(dueDates(2023)[3]).toBe('2024-01-16');
  });

  test('2017 tax year: January 15, 2018 is MLK Day, so January 16', () => {
    expect(dueDates(2017)[3]).toBe('2018-01-16');
  });

  test('2021 tax year: January 15, 2022 a Saturday, Monday 17 MLK Day, so Tuesday January 18', () => {
    expect(dueDates(2021)[3]).toBe('2022-01-18');
  });

  test('2024: September 15 a Sunday, so Monday September 16', () => {
    expect(dueDates(2024)[2]).toBe('2024-09-16');
  });

  test('2100 works, with its January installment in 2101', () => {
    // April 15, 2100 is a Thursday; June 15 a Tuesday; September 15 a Wednesday; January 15, 2101 a Saturday, and Monday 17 is
    // MLK Day (January 2101's Mondays are the 3rd, 10th and 17th) -> Tuesday 18
    expect(dueDates(2100)).toEqual(['2100-04-15', '2100-06-15', '2100-09-15', '2101-01-18']);
  });

  test('dates are local midnights', () => {
    for (const d of estimatedTaxDueDates(2026)) expect([d.getHours(), d.getMinutes(), d.getSeconds()]).toEqual([0, 0, 0]);
  });

  test('every year 2000-2100: weekdays, never a holiday, at most 4 days after the statutory date, in order', () => {
    const statutory = (year: number) => [
      new Date(year, 3, 15),
      new Date(year, 5, 15),
      new Date(year, 8, 15),
      new Date(year + 1, 0, 15),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (year) => {
        const due = estimatedTaxDueDates(year);
        due.forEach((d, i) => {
          expect([1, 2, 3, 4, 5]).toContain(d.getDay());
          const daysLate = Math.round((d.getTime() - statutory(year)[i].getTime()) / 86_400_000);
          expect(daysLate).toBeGreaterThanOrEqual(0);
          expect(daysLate).toBeLessThanOrEqual(4);
          if (i > 0) expect(d.getTime()).toBeGreaterThan(due[i - 1].getTime());
        });
      }),
      { numRuns: 101 },
    );
  });

  test('the holiday list names the federal holidays and DC Emancipation Day', () => {
    expect(LEGAL_HOLIDAYS.map((h) => h.name)).toEqual(
      expect.arrayContaining(['Martin Luther King Jr. Day', 'DC Emancipation Day', 'Juneteenth National Independence Day']),
    );
    expect(LEGAL_HOLIDAYS).toHaveLength(12);
  });
});

describe('the next due date', () => {
  test('1 May 2026 -> 15 June 2026', () => expect(ymd(nextEstimatedTaxDue(new Date(2026, 4, 1)))).toBe('2026-06-15'));
  test('a due date itself is the next one, whatever the time of day', () => {
    expect(ymd(nextEstimatedTaxDue(new Date(2026, 5, 15, 18, 30)))).toBe('2026-06-15');
  });
  test("early January -> the previous tax year's January installment: 10 Jan 2026 -> 15 Jan 2026", () => {
    expect(ymd(nextEstimatedTaxDue(new Date(2026, 0, 10)))).toBe('2026-01-15');
  });
  test('after it -> April: 16 Jan 2026 -> 15 Apr 2026', () => {
    expect(ymd(nextEstimatedTaxDue(new Date(2026, 0, 16)))).toBe('2026-04-15');
  });
  test('31 Dec 2025 -> 15 Jan 2026; 17 Jan 2022 (MLK Day) -> 18 Jan 2022', () => {
    expect(ymd(nextEstimatedTaxDue(new Date(2025, 11, 31)))).toBe('2026-01-15');
    expect(ymd(nextEstimatedTaxDue(new Date(2022, 0, 17)))).toBe('2022-01-18');
  });
  test('16 Apr 2023 (a Sunday after the 15th) -> 18 Apr 2023, the moved first installment', () => {
    expect(ymd(nextEstimatedTaxDue(new Date(2023, 3, 16)))).toBe('2023-04-18');
  });
  test('never before the date and never more than about four months after it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }), (date) => {
        const next = nextEstimatedTaxDue(date);
        const startOfDay = new Date(date.getFullYear(), date.getMonth(), date.getDate());
        expect(next.getTime()).toBeGreaterThanOrEqual(startOfDay.getTime());
        expect(next.getTime() - startOfDay.getTime()).toBeLessThanOrEqual(125 * 86_400_000);
      }),
    );
  });
});
