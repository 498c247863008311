/**
 * The UK and Canada specs run as Sheets would call them (through runFunction), though they are not in the
 * function table yet: examples, the tax-year reader, region aliases and refusals.
 */
import { caTaxFunctions } from '../../src/functions/caTaxFunctions';
import { runFunction } from '../../src/functions/runner';
import type { ArgInput, FunctionSpec } from '../../src/functions/types';
import { ukTaxFunctions } from '../../src/functions/ukTaxFunctions';

const specs: FunctionSpec[] = [...ukTaxFunctions, ...caTaxFunctions];
const spec = (name: string) => specs.find((f) => f.name === name) as FunctionSpec;
const run = (name: string, ...args: ArgInput[]) => runFunction(spec(name), args);

const numeric = specs.filter((f) => /^-?\d+(\.\d+)?$/.test(f.example.result));

test.each(numeric.map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s gives %s', (name, formula, result) => {
  const args = (/\((.*)\)/.exec(formula) as RegExpExecArray)[1].split(',').map((a) => Number(a.trim()));
  const decimals = result.split('.')[1]?.length ?? 0;
  expect(Math.abs((run(name, ...args) as number) - Number(result))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
});

test('UK tax year as 2025, "2025/26" or "2025-26"; region aliases', () => {
  for (const y of [2025, '2025/26', '2025-26']) expect(run('TAX_ESTIMATE_UK', 30_000, y)).toBeCloseTo(4_531.8, 6);
  for (const r of ['Wales', 'NI', 'northern ireland', 'rUK'])
    expect(run('TAX_ESTIMATE_UK', 30_000, 2025, r)).toBeCloseTo(4_531.8, 6);
  expect(run('TAX_ESTIMATE_UK', 30_000, '2025/26', 'scotland')).toBeCloseTo(3_482.82 + 1_045.8, 6);
});

test('unsupported years and regions are refused with what is accepted', () => {
  expect(() => run('TAX_ESTIMATE_UK', 30_000, 2024)).toThrow(/2025\/26 or 2026\/27/);
  expect(() => run('TAX_ESTIMATE_UK', 30_000, '2025/27')).toThrow(/2025\/26 or 2026\/27/);
  expect(() => run('TAX_ESTIMATE_UK', 30_000, 2025, 'france')).toThrow(/region/);
  expect(() => run('TAX_ESTIMATE_CA', 60_000, 2024)).toThrow(/2025 or 2026/);
  expect(() => run('TAX_ESTIMATE_CA', 60_000, 2026, 30)).toThrow(/30%/);
});

test('ranges work cell by cell and defaults apply', () => {
  expect(run('TAX_ESTIMATE_CA', [[60_000], [0]], 2026)).toEqual([[expect.closeTo(11_878.93, 6)], [0]]);
  expect(typeof run('TAX_RATE_UK', 30_000)).toBe('number');
  expect(typeof run('TAX_RATE_CA', 30_000)).toBe('number');
});

test('the tables spill a header and dated rows', () => {
  const poa = run('PAYMENTS_ON_ACCOUNT_UK', 4_531.8, 0, '2025/26') as unknown[][];
  expect(poa[0]).toEqual(['Date', 'Payment', 'Amount']);
  expect(poa).toHaveLength(5);
  expect(poa[3][2]).toBeCloseTo(6_797.7, 6);
  const ca = run('INSTALMENTS_CA', 2_000, 2_000, 0, 2026, 'prior year', true) as unknown[][];
  expect(ca).toHaveLength(6);
  expect(ca[1][2]).toBe(500);
  expect(() => run('INSTALMENTS_CA', 2_000, 2_000, 0, 2026, 'prior', 'maybe')).toThrow(/TRUE or FALSE/);
});

// One call for a plan's whole calendar: on Sheets every custom-function cell is an execution of its own and a cell
// reading another waits for it (Google, "Custom Functions in Google Sheets",
// https://developers.google.com/apps-script/guides/sheets/functions), so the bills and the payments they set come
// from one cell. Each part is the function it stands for, on the same figures.
describe('TAX_CALENDAR_UK and TAX_CALENDAR_CA: the bills and their payments in one table', () => {
  test('UK: tax at source, both bills, then the payments PAYMENTS_ON_ACCOUNT_UK sets from the first bill on', () => {
    const table = run('TAX_CALENDAR_UK', 20_000, 2025, 'scotland', 10_000, 40_000, '2026/27') as unknown[][];
    const atSource = run('TAX_ESTIMATE_UK', 0, 2025, 'scotland', 10_000) as number;
    const bill1 = (run('TAX_ESTIMATE_UK', 20_000, 2025, 'scotland', 10_000) as number) - atSource;
    const bill2 = run('TAX_ESTIMATE_UK', 40_000, 2026, 'scotland', 0) as number;
    expect(table.slice(0, 4)).toEqual([
      ['Date', 'Item', 'Amount'],
      ['', 'Income tax on the wages (PAYE takes it), 2025/26', atSource],
      ['', 'Self Assessment bill 2025/26', bill1],
      ['', 'Self Assessment bill 2026/27', bill2],
    ]);
    // The first year has no payments on account (no bill the year before), and the second year's are paid with the
    // first bill: each payment once, the first on 31 January after the first year.
    const first = (run('PAYMENTS_ON_ACCOUNT_UK', bill1, 0, 2025, 0, atSource) as unknown[][]).slice(1);
    const second = (run('PAYMENTS_ON_ACCOUNT_UK', bill2, bill1, 2026, atSource, 0) as unknown[][]).slice(1);
    expect(first.slice(0, 2).map((r) => r[2])).toEqual([0, 0]);
    expect(table.slice(4)).toEqual([...first.slice(2), ...second.slice(2)]);
    expect(table).toHaveLength(8);
  });

  // Issue 21, problem 5: a leave in 2027/28, past the latest tables, was dated and labelled as the nearest year's
  // (31 Jan 2028, "2026/27") while the plan's calendar rightly said 31 Jan 2029.
  test('a tax year past the tables keeps its own dates and labels, with the latest figures said so', () => {
    const table = run('TAX_CALENDAR_UK', 30_000, 2027, 'england', 13_000, 60_000, 2028) as unknown[][];
    const atSource = run('TAX_ESTIMATE_UK', 0, 2026, 'england', 13_000) as number;
    const bill1 = (run('TAX_ESTIMATE_UK', 30_000, 2026, 'england', 13_000) as number) - atSource;
    expect(table[2]).toEqual(['', 'Self Assessment bill 2027/28 (2026/27 figures, the latest Jumpwise has)', bill1]);
    expect(table[3][1]).toBe('Self Assessment bill 2028/29 (2026/27 figures, the latest Jumpwise has)');
    const days = table.slice(4).map((r) => (r[0] as Date).toDateString());
    expect(days).toEqual(['Wed Jan 31 2029', 'Tue Jul 31 2029', 'Thu Jan 31 2030', 'Wed Jul 31 2030']);
    expect(table[4][1]).toBe('Balancing payment 2027/28 + 1st payment on account 2028/29');
    const ca = run('TAX_CALENDAR_CA', 30_000, 2028, 0.1, 40_000, 60_000, 2029) as unknown[][];
    expect(ca[2][1]).toBe('Tax owing for 2028 (2026 figures, the latest Jumpwise has)');
    expect(ca.slice(4).map((r) => (r[0] as Date).getFullYear())).toEqual([2029, 2029, 2029, 2029, 2029, 2030]);
    expect(ca[5][1]).toBe('Balance due for 2028');
  });

  test('Canada: tax on the wages alone, both years owing, then the instalments and balances INSTALMENTS_CA sets', () => {
    const table = run('TAX_CALENDAR_CA', 30_000, 2025, 0.1, 40_000, 60_000, 2026) as unknown[][];
    const atSource = run('TAX_ESTIMATE_CA', 0, 2025, 0.1, 40_000) as number;
    const owing1 = (run('TAX_ESTIMATE_CA', 30_000, 2025, 0.1, 40_000) as number) - atSource;
    const owing2 = run('TAX_ESTIMATE_CA', 60_000, 2026, 0.1, 0) as number;
    expect(table.slice(1, 4).map((r) => r[2])).toEqual([atSource, owing1, owing2]);
    const first = (run('INSTALMENTS_CA', owing1, 0, 0, 2025) as unknown[][]).slice(1);
    const second = (run('INSTALMENTS_CA', owing2, owing1, 0, 2026) as unknown[][]).slice(1);
    // None in the first year (nothing owing the two years before): its 30 April balance, and the second year's
    // instalments around it, in date order.
    expect(first.slice(0, 4).map((r) => r[2])).toEqual([0, 0, 0, 0]);
    expect(table.slice(4)).toEqual([second[0], first[4], ...second.slice(1)]);
    expect(table).toHaveLength(10);
  });

  test('a bad argument is refused by name, as the functions it stands for refuse it', () => {
    expect(() => run('TAX_CALENDAR_UK', 20_000, 2024, 'england', 0, 40_000, 2025)).toThrow(
      /TAX_CALENDAR_UK: first_tax_year is 2024; expected a UK tax year from 2025\/26/,
    );
    expect(() => run('TAX_CALENDAR_UK', 20_000, 2025, 'france', 0, 40_000, 2026)).toThrow(/TAX_CALENDAR_UK: region/);
    expect(() => run('TAX_CALENDAR_CA', 30_000, 2025, 30, 0, 60_000, 2026)).toThrow(/TAX_CALENDAR_CA: province_rate .*30%/);
    expect(() => run('TAX_CALENDAR_CA', 30_000, 2025, 0.1, -1, 60_000, 2026)).toThrow(/TAX_CALENDAR_CA: wages/);
    expect(() => run('TAX_CALENDAR_CA', 30_000, 2025, 0.1, 0, 60_000, 2024)).toThrow(/TAX_CALENDAR_CA: second_tax_year/);
  });
});
