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
