/**
 * Named ranges take the product's one prefix (issue 23: "Named ranges take the prefix JW_, declared once"). The prefix
 * is declared in src/brand.ts; the grid refuses a declaration without it, and every name a plan (in each tax setting),
 * Books and the Invoices sheet publish carries it.
 */
import { loadDist } from '../../emulator/src';
import { PLAN_TAX_SETTINGS } from '../../scripts/bench/settleRounds';
import { NAMED_RANGE_PREFIX } from '../../src/brand';
import { checkedName, Grid } from '../../src/layout/grid';
import { SAMPLE_ANSWERS } from '../plan/sample';
import { createLeapEmulator } from '../support/emulator';

test('the prefix is JW_ and the grid refuses a name without it, or not in upper case', () => {
  expect(NAMED_RANGE_PREFIX).toBe('JW_');
  expect(checkedName('JW_TAX_RATE')).toBe('JW_TAX_RATE');
  expect(() => new Grid().name('TAX_RATE', 'B2')).toThrow('The named range TAX_RATE must be upper case and start with JW_');
  expect(() => new Grid().name('LEAP_TAX_RATE', 'B2')).toThrow(/start with JW_/);
  expect(() => new Grid().name('JW_tax rate', 'B2')).toThrow(/upper case/);
});

test.each(Object.entries(PLAN_TAX_SETTINGS))('every name a %s plan, Books and Invoices publish starts with JW_', (_, setting) => {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, ...setting });
  em.run('leapSetUpBooks');
  em.run('leapSetupInvoices');
  const names = em.spreadsheet.getNamedRanges().map((n) => n.getName());
  // The plan, Books and Invoices each publish names: an empty list would prove nothing.
  for (const part of ['JW_LEAVE_DATE', 'JW_BOOKS_PROFIT_YTD']) expect(names).toContain(part);
  expect(names.length).toBeGreaterThan(30);
  expect(names.filter((n) => !n.startsWith(NAMED_RANGE_PREFIX))).toEqual([]);
});
