/**
 * Random cells and ranges into every custom function through the built bundle: whatever comes in, the
 * result is something a cell can show, or an Error that starts with the function's name.
 */
import fc from 'fast-check';
import { functionTable } from '../../src/functions';
import { type BundleContext, loadBundle } from '../support/bundle';
import { cellsOf, isCellResult } from '../support/cells';

let ctx: BundleContext;
beforeAll(() => {
  ctx = loadBundle();
});

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ noNaN: false }) },
  { weight: 4, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  fc.constantFrom('', 'abc', '1,200', '#N/A', '#REF!', '=IMPORTXML("x")', 'mfj', 'low3', 'min', 'single', '∞'),
  fc.boolean(),
  fc.date({ min: new Date(1990, 0, 1), max: new Date(2110, 0, 1) }),
  fc.integer({ min: 1999, max: 2101 }),
);
const range = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
const argument = fc.oneof({ weight: 3, arbitrary: cell }, { weight: 1, arbitrary: range }, fc.constant(undefined));

test.each(functionTable.map((f) => [f.name, f.params.length] as const))('%s survives random input', (name, arity) => {
  const stub = ctx[name] as (...a: unknown[]) => unknown;
  fc.assert(
    fc.property(fc.array(argument, { minLength: 0, maxLength: arity }), (args) => {
      let out: unknown;
      try {
        out = stub(...args);
      } catch (e) {
        const message = (e as Error)?.message;
        return (
          Object.prototype.toString.call(e) === '[object Error]' && typeof message === 'string' && message.startsWith(`${name}: `)
        );
      }
      const cells = cellsOf(out);
      return cells.length > 0 && cells.every(isCellResult);
    }),
    { numRuns: 300 },
  );
});

/** Plausible values for each parameter, so that most runs reach the arithmetic rather than the checks. */
function plausible(p: (typeof functionTable)[number]['params'][number]): fc.Arbitrary<unknown> {
  const amount = fc.double({ min: -2e6, max: 2e7, noNaN: true, noDefaultInfinity: true });
  if (p.readRange) {
    // A list read whole: a few periods of figures, or one invoice (dates fixed so that none is paid before issue).
    if (p.kind === 'series') return fc.array(fc.array(amount, { minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 4 });
    if (p.kind === 'date') return fc.constant(new Date(2026, 2, 15));
    if (p.kind === 'custom') return p.defaultValue === undefined ? fc.constant('Acme') : fc.constant(undefined);
    return amount;
  }
  switch (p.kind) {
    case 'series':
      return fc.array(fc.array(fc.double({ min: 0, max: 5e5, noNaN: true }), { minLength: 1, maxLength: 1 }), {
        minLength: 2,
        maxLength: 24,
      });
    case 'rate':
      return fc.double({ min: 0, max: 1, noNaN: true });
    case 'date':
      return fc.date({ min: new Date(2001, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true });
    case 'year':
      return fc.integer({ min: 2000, max: 2100 });
    case 'choice':
      return fc.constantFrom(...Object.keys(p.choices ?? {}), ...Object.values(p.choices ?? {}).flat());
    case 'whole':
      // A simulation's size: its default, so that 300 runs stay quick; the bounds are the bad-input matrix's.
      return fc.constant(undefined);
    case 'custom':
      // Each custom reader accepts its default (a required one is a name); the random part is covered above.
      return fc.constant(p.defaultValue === undefined ? 'Acme' : undefined);
    default:
      return p.min || p.max
        ? fc.double({ min: p.min?.value ?? -2e6, max: p.max?.value ?? 2e7, noNaN: true, noDefaultInfinity: true })
        : amount;
  }
}

test.each(functionTable.map((f) => [f.name, f] as const))('%s gives finite results on plausible input', (name, f) => {
  const stub = ctx[name] as (...a: unknown[]) => unknown;
  let results = 0;
  fc.assert(
    fc.property(fc.tuple(...f.params.map(plausible)), (args) => {
      try {
        const out = stub(...args);
        results++;
        const cells = cellsOf(out);
        return cells.every(isCellResult);
      } catch (e) {
        return (e as Error).message.startsWith(`${name}: `);
      }
    }),
    { numRuns: 300 },
  );
  // Most plausible inputs must reach the arithmetic, or this test would only exercise the checks.
  expect(results).toBeGreaterThan(150);
});
