/**
 * One declaration per wizard field: the schema, the default, `required`, the hint and the form are all read
 * from it, so they must agree with each other for every field.
 */
import * as v from 'valibot';
import { defaultForm, fieldView, placeholderFor, type View } from '../../sidebar/form';
import { FIELD_NAMES, FIELDS, type FieldName, fieldSchema, STEPS, validateAnswers } from '../../src/plan/answers';
import { SAMPLE_ANSWERS } from './sample';

const declared = (name: FieldName) => FIELDS[name] as (typeof FIELDS)[FieldName] & { defaultValue?: unknown; hint?: string };

/** Every element of a view, depth first. */
function* walk(view: View): Generator<View> {
  yield view;
  for (const child of view.children) if (typeof child !== 'string') yield* walk(child);
}
const textOf = (view: View): string => view.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

describe('each field declaration', () => {
  test.each(FIELD_NAMES)('%s: empty is refused exactly when required; otherwise it takes the default', (name) => {
    const info = declared(name);
    const empty = v.safeParse(fieldSchema(name), undefined);
    expect(info.required).toBe(info.defaultValue === undefined && !info.optional);
    expect(empty.success).toBe(!info.required);
    if (empty.success) expect(empty.output).toEqual(info.defaultValue);
    // A default passes the field's own rule: no declaration can default to a value it would refuse.
    if (info.defaultValue !== undefined) expect(v.safeParse(info.schema, info.defaultValue).success).toBe(true);
  });

  test('the projections may be left empty (pasted figures stand in), so they are not required', () => {
    expect([FIELDS.projectedMonthlyLow.required, FIELDS.projectedMonthlyHigh.required]).toEqual([false, false]);
    expect([FIELDS.projectedMonthlyLow.optional, FIELDS.monthlyFigures.optional]).toEqual([true, true]);
    expect(FIELDS.monthlyExpenses.required).toBe(true);
  });

  test('required fields left empty are named in the message; optional ones fill in', () => {
    const empty = validateAnswers({});
    if (empty.ok) throw new Error('empty answers passed');
    const refused = Object.keys(empty.errors).sort();
    const required = FIELD_NAMES.filter((n) => FIELDS[n].required);
    // Every required field is refused; the projections are refused by the rule that needs them or the figures.
    expect(refused).toEqual([...required, 'projectedMonthlyLow', 'projectedMonthlyHigh'].sort());
  });

  test('the two buffer-step fields: months to ramp up (0-12, default 3) and the risk accepted (1%-50%, default 10%)', () => {
    const buffer = STEPS.find((s) => s.id === 'buffer');
    expect(buffer?.fields).toEqual(expect.arrayContaining(['rampMonths', 'maxRisk']));
    const ok = validateAnswers(SAMPLE_ANSWERS);
    expect(ok.ok && [ok.answers.rampMonths, ok.answers.maxRisk]).toEqual([3, 0.1]);
    expect(FIELDS.rampMonths.hint).toBe('New clients take time: with 3, months 1-3 earn 25%, 50%, 75% of normal');
    const bad = validateAnswers({ ...SAMPLE_ANSWERS, rampMonths: 13, maxRisk: 0.6 });
    expect(!bad.ok && [bad.errors.rampMonths, bad.errors.maxRisk]).toEqual([
      'Enter the months to ramp up from 0 to 12',
      'Enter the highest chance of running out as a rate between 1% and 50%',
    ]);
    const half = validateAnswers({ ...SAMPLE_ANSWERS, rampMonths: 2.5 });
    expect(!half.ok && half.errors.rampMonths).toBe('Enter the months to ramp up as a whole number');
  });

  test('every rate says its range the same way', () => {
    const messages = (['taxRate', 'stateTaxRate', 'retirementRate', 'maxRisk'] as const).map((name) => {
      const result = v.safeParse(fieldSchema(name), 7);
      return result.success ? '' : result.issues[0].message;
    });
    for (const m of messages) expect(m).toMatch(/^Enter .+ as a rate between \d+% and \d+%$/);
  });
});

describe('the form, rendered from the declarations', () => {
  test('every field of every step renders with its name, label and hint, exactly once', () => {
    const rendered = STEPS.flatMap((s) => s.fields);
    expect([...rendered].sort()).toEqual([...FIELD_NAMES].sort());
    for (const name of rendered) {
      const view = fieldView(name);
      const info = declared(name);
      const nodes = [...walk(view)];
      expect(view.attrs.id).toBe(`field-${name}`);
      const controls = nodes.filter((n) => n.attrs.name === name);
      const expectedControls = info.kind === 'choice' ? Object.keys(info.options ?? {}).length : info.kind === 'scale' ? 5 : 1;
      expect([name, controls.length]).toEqual([name, expectedControls]);
      expect(textOf(view)).toContain(info.label);
      const hint = nodes.find((n) => n.attrs.id === `hint-${name}`);
      expect([name, hint ? textOf(hint) : undefined]).toEqual([name, info.hint]);
      expect(nodes.some((n) => n.attrs.id === `err-${name}`)).toBe(true);
      // Each control is described by the hint and the error shown under it.
      const described = (view.attrs['aria-describedby'] ?? controls[0].attrs['aria-describedby'] ?? '').split(' ');
      expect(described).toEqual(expect.arrayContaining([`err-${name}`, ...(info.hint ? [`hint-${name}`] : [])]));
    }
  });

  test('controls follow the kind: dates get a date picker, rates a % box with a caution line, choices radios', () => {
    const control = (name: FieldName) => [...walk(fieldView(name))].find((n) => n.attrs.name === name);
    expect(control('startDate')?.attrs.type).toBe('date');
    expect(control('pathKind')?.attrs.type).toBe('radio');
    expect(control('accountabilityGroup')?.attrs.type).toBe('checkbox');
    expect(control('monthlyFigures')?.tag).toBe('textarea');
    expect(control('rampMonths')?.attrs.inputmode).toBe('numeric');
    expect([...walk(fieldView('maxRisk'))].some((n) => n.attrs.id === 'warn-maxRisk')).toBe(true);
  });

  test('the form starts from the declared defaults; a zero default is the placeholder', () => {
    expect(defaultForm()).toMatchObject({ rampMonths: '3', maxRisk: '10', taxRate: '30', bufferMonths: '6' });
    expect(placeholderFor('healthMonthly')).toBe('0');
    expect(placeholderFor('monthlyExpenses')).toBe('');
  });
});

describe('the declarations cost a custom function nothing', () => {
  // Apps Script evaluates the whole of Code.js for every custom-function cell; none of them validates answers,
  // so loading the declarations must build no valibot schema (the schemas are built on first use).
  test('loading src/plan/answers builds no schema; reading a field builds its own, once', () => {
    const actual = jest.requireActual<typeof v>('valibot');
    let built = 0;
    const counted = Object.fromEntries(
      Object.entries(actual).map(([name, f]) => [
        name,
        typeof f === 'function'
          ? (...args: unknown[]) => {
              built++;
              return (f as (...a: unknown[]) => unknown)(...args);
            }
          : f,
      ]),
    );
    jest.isolateModules(() => {
      jest.doMock('valibot', () => counted);
      const answers = require('../../src/plan/answers') as typeof import('../../src/plan/answers');
      expect(built).toBe(0);
      const schema = answers.FIELDS.monthlyExpenses.schema;
      expect(built).toBeGreaterThan(0);
      const afterFirst = built;
      expect(answers.FIELDS.monthlyExpenses.schema).toBe(schema);
      expect(built).toBe(afterFirst);
      expect(actual.safeParse(schema, '2500').success).toBe(true);
      jest.dontMock('valibot');
    });
  });
});
