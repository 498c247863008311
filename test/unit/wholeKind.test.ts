/** The runner's 'whole' kind: a whole number within bounds, refused with the range as the hint, never rounded. */
import { runFunction } from '../../src/functions/runner';
import type { FunctionSpec, ParamSpec } from '../../src/functions/types';

const spec = (param: ParamSpec): FunctionSpec => ({
  name: 'WHOLE_TEST',
  family: 'test',
  summary: 'Gives its argument back.',
  shape: 'aggregate',
  params: [param],
  returns: 'The argument.',
  example: { formula: '=WHOLE_TEST(3)', result: '3' },
  compute: (n: number) => n,
});

const between = spec({ name: 'months', kind: 'whole', description: '', min: { value: 1 }, max: { value: 120 } });
const atLeast = spec({ name: 'weeks', kind: 'whole', description: '', min: { value: 0 } });

test('whole numbers within the bounds pass as they are', () => {
  expect(runFunction(between, [1])).toBe(1);
  expect(runFunction(between, [120])).toBe(120);
  expect(runFunction(atLeast, [1e6])).toBe(1e6);
});

test.each([
  ['months', 2.5, between, 'WHOLE_TEST: months is 2.5; expected a whole number from 1 to 120'],
  ['months', 0, between, 'WHOLE_TEST: months is 0; expected a whole number from 1 to 120'],
  ['months', 121, between, 'WHOLE_TEST: months is 121; expected a whole number from 1 to 120'],
  ['months', '12', between, 'WHOLE_TEST: months is "12"; expected a whole number from 1 to 120, not text'],
  ['weeks', -1, atLeast, 'WHOLE_TEST: weeks is -1; expected a whole number at least 0'],
  ['weeks', 0.5, atLeast, 'WHOLE_TEST: weeks is 0.5; expected a whole number at least 0'],
] as const)('%s = %p is refused with the range as the hint', (_name, value, fn, message) => {
  expect(() => runFunction(fn, [value])).toThrow(message);
});
