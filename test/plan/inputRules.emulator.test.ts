/**
 * Bad input stopped at the door (issue 21, problem 7): every plan input cell keeps a data-validation rule that
 * refuses what a person types outside it, with help text saying what the cell takes, so "5k" in Monthly living
 * expenses is refused at the cell, as Sheets refuses it, instead of turning the plan into a wall of #ERROR!.
 *
 * Google: "Class DataValidationBuilder" (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder):
 * requireNumberGreaterThanOrEqualTo, requireNumberBetween, requireDate, requireValueInList; setAllowInvalid(false)
 * "rejects" invalid input; setHelpText sets "the help text that appears when the user hovers over the cell".
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { INPUT_NAMES, KEY_NUMBERS, UK_INPUT_NAMES, US_INPUT_NAMES } from '../../src/plan/layout';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const PLAN = 'Transition Plan';

function built(changes: Record<string, unknown>): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, ...changes });
  return em;
}

/** The A1 of the cell a name points to, on the plan. */
const cellOf = (em: Emulator, name: string): string => {
  const range = em.spreadsheet.getRangeByName(name);
  if (!range) throw new Error(`no named range ${name}`);
  return range.getA1Notation();
};

const figures = (em: Emulator) =>
  Object.fromEntries(KEY_NUMBERS.map((k) => [k.name, em.spreadsheet.getRangeByName(k.name)?.getDisplayValue()]));

describe('plan inputs refuse what they cannot take', () => {
  const em = built({ taxCountry: 'us', taxMode: 'us_estimate', filingStatus: 'single', stateTaxRate: 0.05 });

  test('"5k" typed into Monthly living expenses is refused with the help text and the plan keeps its figures', () => {
    const before = figures(em);
    const expenses = cellOf(em, 'JW_MONTHLY_EXPENSES');
    expect(() => em.enterInput(PLAN, expenses, '5k')).toThrow('Monthly living expenses: an amount of 0 or more, e.g. 5000');
    expect(() => em.enterInput(PLAN, expenses, '-200')).toThrow('an amount of 0 or more');
    expect(figures(em)).toEqual(before);
    expect(Object.values(before).some((shown) => String(shown).startsWith('#'))).toBe(false);
    // A real amount, typed as people type it, goes in and the plan follows.
    em.enterInput(PLAN, expenses, '5,200');
    expect(em.spreadsheet.getRangeByName('JW_MONTHLY_EXPENSES')?.getValue()).toBe(5200);
  });

  test('rates, dates and choices refuse what is not one', () => {
    expect(() => em.enterInput(PLAN, cellOf(em, 'JW_RETIREMENT_RATE'), '130%')).toThrow('from 0% to 100%');
    expect(() => em.enterInput(PLAN, cellOf(em, 'JW_START_DATE'), 'next spring')).toThrow('Start saving from: a date');
    expect(() => em.enterInput(PLAN, cellOf(em, 'JW_FILING_STATUS'), 'widowed')).toThrow('Filing status: one of');
    expect(() => em.enterInput(PLAN, cellOf(em, 'JW_PTO_WEEKS'), 'four')).toThrow('a number of 0 or more');
    em.enterInput(PLAN, cellOf(em, 'JW_RETIREMENT_RATE'), '5%');
    em.enterInput(PLAN, cellOf(em, 'JW_START_DATE'), '3/1/2026');
    expect(em.spreadsheet.getRangeByName('JW_RETIREMENT_RATE')?.getValue()).toBeCloseTo(0.05);
  });

  test('every input cell carries a rule that rejects invalid input and says what it takes', () => {
    for (const name of [...INPUT_NAMES, ...US_INPUT_NAMES]) {
      const rule = em.spreadsheet.getRangeByName(name)?.getDataValidation();
      expect([name, rule?.getAllowInvalid()]).toEqual([name, false]);
      expect(rule?.getHelpText()).toMatch(/: /);
    }
  });

  test('the UK region takes only the words TAX_RATE_UK reads', () => {
    const uk = built({ taxCountry: 'uk_england' });
    for (const name of [...INPUT_NAMES, ...UK_INPUT_NAMES]) {
      expect([name, uk.spreadsheet.getRangeByName(name)?.getDataValidation()?.getAllowInvalid()]).toEqual([name, false]);
    }
    expect(() => uk.enterInput(PLAN, cellOf(uk, 'JW_UK_REGION'), 'wales')).toThrow('england, scotland');
    uk.enterInput(PLAN, cellOf(uk, 'JW_UK_REGION'), 'scotland');
  });
});

// The wizard refuses "5.000,50" in an en_US document (test/sidebar/amountsInLocale.test.ts); the server, given it as
// text, refuses it by the same schema rather than reading 5.0005, and writes nothing.
test('the server refuses an amount written in another locale’s style and writes nothing', () => {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  expect(() => em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, monthlyExpenses: '5.000,50' })).toThrow(
    'Monthly living expenses: Enter your monthly living expenses as an amount',
  );
  expect(em.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
});
