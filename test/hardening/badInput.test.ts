/**
 * The bad-input matrix: every custom function, every argument, every kind of bad input a sheet can hand
 * over, called through the top-level stubs of the built bundle. Each case expects a documented result or
 * an Error whose message starts with the function's name and names the argument; never NaN, Infinity,
 * undefined or null. The expectation of each case follows from the parameter's declaration in the table.
 */
import { functionTable } from '../../src/functions';
import type { FunctionSpec, ParamSpec } from '../../src/functions/types';
import { type BundleContext, loadBundle } from '../support/bundle';
import { cellsOf, isCellResult } from '../support/cells';

let ctx: BundleContext;
beforeAll(() => {
  ctx = loadBundle();
});

const SERIES = [[4200], [6100], [3100], [5200]];

/** A valid value for a parameter, so that one argument at a time can be made bad. */
function validValue(p: ParamSpec): unknown {
  switch (p.kind) {
    case 'series':
      return SERIES;
    case 'date':
      return new Date(2026, 2, 15);
    case 'choice':
      return Object.keys(p.choices ?? {})[0];
    case 'year':
      return p.min && p.max ? Math.round((p.min.value + p.max.value) / 2) : 2026;
    case 'whole':
      // The default, where there is one: a simulation's block must fit the four months of SERIES.
      if (p.defaultValue !== undefined) return p.defaultValue;
      return p.min && p.max ? Math.round((p.min.value + p.max.value) / 2) : 6;
    case 'custom':
      // A required custom argument with no default is text (a client's name).
      if (p.defaultValue === undefined) return 'Acme';
      return typeof p.defaultValue === 'function' ? p.defaultValue() : p.defaultValue;
    default: {
      const fits = (x: number) =>
        (!p.min || (p.min.inclusive === false ? x > p.min.value : x >= p.min.value)) &&
        (!p.max || (p.max.inclusive === false ? x < p.max.value : x <= p.max.value));
      return [3000, 6, 1, 0.3].find(fits);
    }
  }
}

const validArgs = (f: FunctionSpec) => f.params.map(validValue);
const call = (f: FunctionSpec, args: unknown[]) => (ctx[f.name] as (...a: unknown[]) => unknown)(...args);
const isNumberKind = (p: ParamSpec) => p.kind === 'number' || p.kind === 'rate' || p.kind === 'year' || p.kind === 'whole';

/** A result a cell can show: finite numbers, text, valid dates, or a rectangle of them. */
function expectCellResult(out: unknown): void {
  const cells = cellsOf(out);
  expect(cells.length).toBeGreaterThan(0);
  for (const cell of cells) if (!isCellResult(cell)) throw new Error(`not a cell result: ${String(cell)}`);
}

type Outcome = 'error' | 'result' | 'either' | { equals: () => unknown } | { errorContains: string };

function run(f: FunctionSpec, p: ParamSpec, args: unknown[], outcome: Outcome): void {
  let out: unknown;
  let error: unknown;
  try {
    out = call(f, args);
  } catch (e) {
    error = e;
  }
  if (error !== undefined) {
    // Errors from the bundle's realm are not instanceof this realm's Error; check the shape instead.
    const message = (error as Error).message;
    expect(typeof message).toBe('string');
    expect(message.startsWith(`${f.name}: `)).toBe(true);
    if (outcome === 'result' || (typeof outcome === 'object' && 'equals' in outcome)) {
      throw new Error(`expected a result, got: ${message}`);
    }
    expect(message).toContain(p.name);
    if (typeof outcome === 'object' && 'errorContains' in outcome) expect(message).toContain(outcome.errorContains);
    return;
  }
  if (outcome === 'error' || (typeof outcome === 'object' && 'errorContains' in outcome)) {
    throw new Error(`expected an error naming ${p.name}, got ${JSON.stringify(out)}`);
  }
  expectCellResult(out);
  if (typeof outcome === 'object' && 'equals' in outcome) expect(out).toEqual(outcome.equals());
}

function below(p: ParamSpec, x: number): boolean {
  return !!p.min && (p.min.inclusive === false ? x <= p.min.value : x < p.min.value);
}

interface Case {
  label: string;
  value: unknown;
  outcome: (f: FunctionSpec, p: ParamSpec, i: number) => Outcome;
}

const optional = (p: ParamSpec) => p.defaultValue !== undefined;
const omitted = (f: FunctionSpec, i: number) => () => {
  const args = validArgs(f);
  args[i] = undefined;
  return call(f, args);
};

const CASES: Case[] = [
  {
    label: 'blank',
    value: '',
    outcome: (f, p, i) => {
      if (optional(p)) return { equals: omitted(f, i) };
      if (f.shape === 'elementwise' && p.kind !== 'series') return { equals: () => '' };
      return 'error';
    },
  },
  { label: 'text', value: 'abc', outcome: () => 'error' },
  {
    label: 'a number in text',
    value: '1,200',
    outcome: (_f, p) => (isNumberKind(p) || p.kind === 'series' ? { errorContains: 'not text' } : 'error'),
  },
  {
    label: 'negative',
    value: -5,
    outcome: (_f, p) =>
      p.kind === 'series' || p.kind === 'custom'
        ? 'either'
        : isNumberKind(p) && !below(p, -5) && p.kind !== 'year'
          ? 'either'
          : 'error',
  },
  {
    label: 'zero',
    value: 0,
    outcome: (_f, p) =>
      p.kind === 'series' || p.kind === 'custom'
        ? 'either'
        : isNumberKind(p) && !below(p, 0) && p.kind !== 'year'
          ? 'either'
          : 'error',
  },
  {
    label: 'above the bounds',
    value: undefined, // set per parameter below
    outcome: () => 'error',
  },
  {
    label: 'a rate given as 30 instead of 30%',
    value: 30,
    outcome: () => ({ errorContains: 'write 30% or 0.3' }),
  },
  {
    label: 'boolean',
    value: true,
    // A TRUE/FALSE argument (INSTALMENTS_CA's quebec) takes TRUE; everywhere else it is refused by name.
    outcome: (_f, p) => (p.jsdocType === 'boolean' ? 'result' : { errorContains: 'TRUE' }),
  },
  {
    label: 'a Date where a number is expected',
    value: new Date(2026, 0, 1),
    // In a list read whole a date may conflict with the others (paid before issued), which is an error.
    outcome: (_f, p) => (p.kind === 'date' ? (p.readRange ? 'either' : 'result') : 'error'),
  },
  { label: '1e308', value: 1e308, outcome: () => 'error' },
  { label: 'NaN', value: Number.NaN, outcome: () => 'error' },
  { label: 'Infinity', value: Number.POSITIVE_INFINITY, outcome: () => 'error' },
  { label: 'error text', value: '#N/A', outcome: () => ({ errorContains: '#N/A' }) },
  { label: 'an empty range', value: [], outcome: () => ({ errorContains: 'empty range' }) },
  { label: 'an empty row', value: [[]], outcome: () => ({ errorContains: 'empty range' }) },
];

const rows: [string, string, string, Case, unknown][] = [];
for (const f of functionTable) {
  for (const p of f.params) {
    for (const c of CASES) {
      let value = c.value;
      if (c.label === 'above the bounds') {
        if (!p.max || p.kind === 'series') continue;
        value = p.max.value + 1;
      }
      // 30 for a rate-like number with an upper bound below 30 is "above the bounds", already covered.
      if (c.label === 'a rate given as 30 instead of 30%' && p.kind !== 'rate') continue;
      rows.push([f.name, p.name, c.label, c, value]);
    }
  }
}

let casesRun = 0;
afterAll(() => {
  console.log(`bad-input matrix: ${casesRun} cases over ${functionTable.length} functions`);
});

describe.each(functionTable.map((f) => [f.name, f] as const))('%s', (_name, f) => {
  test('the valid baseline gives a cell result', () => {
    expectCellResult(call(f, validArgs(f)));
  });

  const mine = rows.filter((r) => r[0] === f.name);
  test.each(mine.map((r) => [r[1], r[2], r[3], r[4]] as const))('%s: %s', (paramName, _label, c, value) => {
    const i = f.params.findIndex((p) => p.name === paramName);
    const p = f.params[i];
    const args = validArgs(f);
    args[i] = value;
    run(f, p, args, c.outcome(f, p, i));
    casesRun++;
  });

  test.each(f.params.map((p, i) => [p.name, p, i] as const))('%s: a 1x1 range counts as a single cell', (_n, p, i) => {
    if (p.kind === 'series') return void casesRun++;
    const args = validArgs(f);
    const scalar = call(f, args);
    args[i] = [[args[i]]];
    expect(call(f, args)).toEqual(scalar);
    casesRun++;
  });

  test.each(f.params.map((p, i) => [p.name, p, i] as const))('%s: a range of two cells', (_n, p, i) => {
    const args = validArgs(f);
    if (p.kind === 'series') return void casesRun++;
    const scalar = call(f, args);
    args[i] = [[args[i]], [args[i]]];
    if (p.readRange) {
      // A range read whole (a list of invoices): a result, or an error about its shape against the others.
      run(f, p, args, 'either');
    } else if (p.seriesWhenRange) {
      // A projection: one result for the whole range.
      expectCellResult(call(f, args));
    } else if (f.shape === 'elementwise') {
      expect(call(f, args)).toEqual([[scalar], [scalar]]);
    } else {
      run(f, p, args, { errorContains: 'expected a single cell' });
    }
    casesRun++;
  });

  if (f.shape === 'elementwise' && f.params.length > 1) {
    test.each(f.params.map((p, i) => [p.name, p, i] as const))('%s: ranges of different shapes', (_n, p, i) => {
      const j = i === 0 ? 1 : 0;
      const args = validArgs(f);
      const [a, b] = [args[i], args[j]];
      args[i] = [[a], [a], [a]];
      args[j] = [[b], [b]];
      if (p.seriesWhenRange || f.params[j].seriesWhenRange) {
        // With a projection the other arguments must be single cells, which the message says.
        run(f, p.seriesWhenRange ? f.params[j] : p, args, { errorContains: 'expected a single cell when' });
        return void casesRun++;
      }
      run(f, p, args, { errorContains: 'expected ranges of the same shape' });
      let message = '';
      try {
        call(f, args);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/is a (3x1|2x1) range but .* is a (3x1|2x1) range/);
      casesRun++;
    });
  }
});

test('the matrix has at least 300 cases', () => {
  expect(rows.length + functionTable.length * 2).toBeGreaterThanOrEqual(300);
});
