import { loadBundle } from '../support/bundle';

test('the bundle loads in a bare context and TAX_SET_ASIDE is a top-level function', () => {
  const ctx = loadBundle();
  expect(ctx.TAX_SET_ASIDE(5000, 0.3)).toBe(1500);
});
