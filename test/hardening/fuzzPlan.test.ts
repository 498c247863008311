/**
 * Random and hostile answers into the plan builder of the built bundle on the emulator, 600 runs (each plan built
 * runs its simulations, so more runs would cost the suite minutes).
 * Each run is either refused with a message in words and no change to the document, or builds a
 * complete plan in which every piece of user text is a plain value, never a formula.
 */
import fc from 'fast-check';
import { type Emulator, loadDist } from '../../emulator/src';
import { FIELDS, SCALE_MAX, SCALE_MIN } from '../../src/plan/answers';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { createLeapEmulator } from '../support/emulator';

/** Text that a spreadsheet or a page could take for code. */
const HOSTILE_TEXT = [
  '=IMPORTXML("http://example.invalid","//a")',
  '+1',
  '-1+1',
  '@SUM(A1:A2)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "'quoted",
  '=HYPERLINK("http://example.invalid")',
];
const HOSTILE_VALUES: unknown[] = ['', null, -5, 1e308, Number.NaN, true, '1,200', {}, [], 'abc', 42.5];

type Kind = (typeof FIELDS)[keyof typeof FIELDS]['kind'];

function plausible(kind: Kind, options?: Readonly<Record<string, string>>): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'money':
      return fc.integer({ min: 0, max: 400_000 });
    case 'percent':
      return fc.double({ min: 0, max: 0.2, noNaN: true });
    case 'count':
      return fc.integer({ min: 3, max: 12 });
    case 'scale':
      return fc.integer({ min: SCALE_MIN, max: SCALE_MAX });
    case 'date':
      return fc
        .date({ min: new Date(2026, 0, 1), max: new Date(2030, 11, 28), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'choice':
      return fc.constantFrom(...Object.keys(options ?? {}));
    case 'boolean':
      return fc.boolean();
    case 'figures':
      return fc.option(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 2, maxLength: 24 }), { nil: undefined });
    default:
      return fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...HOSTILE_TEXT));
  }
}

/** Answers that start from a valid sample; each field keeps it or takes a plausible value (text may be hostile). */
const plausibleAnswers = fc.record(
  Object.fromEntries(
    Object.entries(FIELDS).map(([name, info]) => {
      const field = info as { kind: Kind; options?: Readonly<Record<string, string>> };
      return [
        name,
        fc.oneof(
          { weight: 2, arbitrary: fc.constant(SAMPLE_ANSWERS[name]) },
          { weight: 1, arbitrary: plausible(field.kind, field.options) },
        ),
      ];
    }),
  ),
);

/** The same with one to three fields replaced by a value of the wrong kind, out of range, or missing. */
const hostileAnswers = fc
  .tuple(
    plausibleAnswers,
    fc.uniqueArray(fc.constantFrom(...Object.keys(FIELDS)), { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom(...HOSTILE_VALUES, undefined), { minLength: 3, maxLength: 3 }),
  )
  .map(([a, names, values]) => {
    const copy: Record<string, unknown> = { ...a };
    names.forEach((n, i) => {
      copy[n] = values[i];
    });
    return copy;
  });

const answers = fc.oneof(plausibleAnswers, hostileAnswers);

function documentState(em: Emulator): string {
  const { sheets, namedRanges } = em.toJSON();
  return JSON.stringify({ sheets, namedRanges });
}

const userStrings = (a: Record<string, unknown>): string[] =>
  Object.values(a).filter((v): v is string => typeof v === 'string' && v.trim() !== '' && HOSTILE_TEXT.includes(v));

test('600 random and hostile answers: refused with nothing changed, or a complete plan with inert text', () => {
  const em = createLeapEmulator();
  loadDist(em);
  const contract = [
    'JW_MONTHLY_EXPENSES',
    'JW_SAVINGS',
    'JW_TAX_RATE',
    'JW_LOW_END_BUDGET',
    'JW_BUFFER_TARGET',
    'JW_RUNWAY_MONTHS',
    'JW_READY_DATE',
    'JW_HOURLY_RATE',
  ];
  let built = 0;
  let refused = 0;
  fc.assert(
    fc.property(answers, (raw) => {
      const before = documentState(em);
      let result: { sheetName: string } | undefined;
      try {
        result = em.run('leapBuildPlan', raw) as { sheetName: string };
      } catch (e) {
        const message = (e as Error).message;
        refused++;
        // A refusal says what to fix, and the document is exactly as it was.
        if (!/^Some answers need fixing: \S/.test(message)) throw new Error(`unclear refusal: ${message}`);
        if (documentState(em) !== before) throw new Error(`refused with "${message}" but the document changed`);
        return true;
      }
      built++;
      const json = em.toJSON();
      const plans = json.sheets.filter((s) => s.name.startsWith('Transition Plan'));
      const plan = json.sheets.find((s) => s.name === result?.sheetName);
      if (plans.length !== 1 || !plan) throw new Error(`expected one plan, found ${plans.map((p) => p.name)}`);
      const missing = contract.filter((name) => !json.namedRanges[name]?.includes(plan.name));
      if (missing.length) throw new Error(`named ranges missing or elsewhere: ${missing}`);
      // User text never becomes a formula: it is no cell's formula, and where it appears it is the plain value.
      for (const text of userStrings(raw)) {
        for (const cell of Object.values(plan.cells)) {
          if (cell.formula !== undefined && (cell.formula === text || cell.formula === `=${text}`)) {
            throw new Error(`user text ${JSON.stringify(text)} became the formula ${cell.formula}`);
          }
        }
      }
      const broken = Object.entries(plan.cells).filter(
        ([, c]) => typeof c.value === 'string' && /^#(REF|NAME|VALUE|ERROR)!/.test(c.value),
      );
      if (broken.length) throw new Error(`plan cells with errors: ${JSON.stringify(broken.slice(0, 3))}`);
      return true;
    }),
    { numRuns: 600, seed: 20261128 },
  );
  console.log(`plan fuzz: ${built} plans built, ${refused} answers refused`);
  expect(built).toBeGreaterThan(60);
  expect(refused).toBeGreaterThan(60);
});
