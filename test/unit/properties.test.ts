/** Properties of the money math that must hold for any input (fast-check). */
import fc from 'fast-check';
import { bufferTarget, monthsToGoal, runwayMonths, runwayMonthsProjected } from '../../src/finance/buffer';
import { bufferMonthsForVolatility, lowEndBudget, lowEndIncome, taxSetAside } from '../../src/finance/income';
import { benefitsCost, hourlyRate } from '../../src/finance/rates';

const money = fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 1, max: 1e7, noNaN: true, noDefaultInfinity: true });
const rate = fc.double({ min: 0, max: 1, noNaN: true });
const series = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 36 });
const method = fc.oneof(fc.constant<'min'>('min'), fc.constant<'low3'>('low3'), fc.double({ min: 0.01, max: 0.99, noNaN: true }));

test('set-aside is never negative and never exceeds the income', () => {
  fc.assert(
    fc.property(money, rate, (income, r) => {
      const s = taxSetAside(income, r);
      return s >= 0 && (income <= 0 ? s === 0 : s <= income);
    }),
  );
});

test('the low end lies between the lowest and highest month, whatever the method', () => {
  fc.assert(
    fc.property(series, method, (xs, m) => {
      const low = lowEndIncome(xs, m);
      return low >= Math.min(...xs) - 1e-6 && low <= Math.max(...xs) + 1e-6;
    }),
  );
});

test('the budget falls (or stays) as the tax rate rises', () => {
  fc.assert(
    fc.property(series, rate, rate, fc.double({ min: 0, max: 1e5, noNaN: true }), (xs, a, b, fixed) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return lowEndBudget(xs, hi, fixed) <= lowEndBudget(xs, lo, fixed) + 1e-6;
    }),
  );
});

test('runway grows with savings', () => {
  fc.assert(
    fc.property(positive, positive, positive, fc.double({ min: 0, max: 1e6, noNaN: true }), (s1, extra, expenses, income) => {
      const a = runwayMonths(s1, expenses, income);
      const b = runwayMonths(s1 + extra, expenses, income);
      return a === '∞' ? b === '∞' : b === '∞' || b >= a;
    }),
  );
  fc.assert(
    fc.property(positive, positive, positive, series, (s1, extra, expenses, incomes) => {
      const a = runwayMonthsProjected(s1, expenses, incomes);
      const b = runwayMonthsProjected(s1 + extra, expenses, incomes);
      return a === '∞' ? b === '∞' : b === '∞' || b >= a - 1e-9;
    }),
  );
});

test('months-to-goal times the saving closes the gap', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), positive, positive, (current, gap, saving) => {
      const target = current + gap;
      const months = monthsToGoal(current, target, saving) as number;
      return Math.abs(current + months * saving - target) <= 1e-6 * target;
    }),
  );
});

test('buffer months stay within 3..12 and never fall as volatility rises', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const m = bufferMonthsForVolatility(lo);
      return m >= 3 && m <= 12 && Number.isInteger(m) && bufferMonthsForVolatility(hi) >= m;
    }),
  );
});

test('target, benefits and hourly rate scale linearly with money', () => {
  fc.assert(
    fc.property(positive, fc.double({ min: 0.5, max: 36, noNaN: true }), (expenses, months) => {
      return Math.abs(bufferTarget(2 * expenses, months) - 2 * bufferTarget(expenses, months)) <= 1e-6 * expenses * months;
    }),
  );
  fc.assert(
    fc.property(positive, rate, fc.integer({ min: 0, max: 12 }), (salary, r, pto) => {
      const doubled = benefitsCost(2 * salary, 0, r, pto);
      return Math.abs(doubled - 2 * benefitsCost(salary, 0, r, pto)) <= 1e-6 * salary;
    }),
  );
  fc.assert(
    fc.property(positive, fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 51 }), (target, hours, off) => {
      return Math.abs(hourlyRate(target, hours, off, 0) * hours * (52 - off) - target) <= 1e-6 * target;
    }),
  );
});
