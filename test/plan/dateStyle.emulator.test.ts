/**
 * Dates in the document's style (issue 21, problem 8): a plan built in an en_US, en_GB or de_DE spreadsheet shows its
 * date cells and the dates inside its sentences as that locale writes dates ("Jul 1, 2027", "1 Jul 2027",
 * "01.07.2027"). Google: "Date and number formats" (developers.google.com/sheets/api/guides/formats): a date pattern's
 * tokens (d, dd, mmm, mm, yyyy) and TEXT with the same pattern show the same text.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { dateAsShown, dateFormat } from '../../src/plan/currency';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const STYLES = {
  en_US: /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/,
  en_GB: /^\d{1,2} [A-Z][a-z]{2} \d{4}$/,
  de_DE: /^\d{2}\.\d{2}\.\d{4}$/,
} as const;

function builtIn(locale: string): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC', locale });
  loadDist(em);
  em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, taxCountry: locale === 'en_GB' ? 'uk_england' : 'elsewhere', taxRate: 0.25 });
  return em;
}

const shown = (em: Emulator, name: string): string => em.spreadsheet.getRangeByName(name)?.getDisplayValue() ?? '';

describe.each(Object.entries(STYLES))('a plan in %s', (locale, style) => {
  const em = builtIn(locale);

  test('date cells show the locale’s date style', () => {
    for (const name of ['JW_LEAVE_DATE', 'JW_READY_DATE', 'JW_START_DATE'])
      expect([name, shown(em, name)]).toEqual([name, expect.stringMatching(style)]);
  });

  test('a check-in snapshot shows its dates as the plan does', () => {
    const saved = em.run('leapSaveCheckIn') as { shown: Record<string, string> };
    expect(saved.shown['Leave date']).toBe(shown(em, 'JW_LEAVE_DATE'));
    expect(saved.shown.Date).toMatch(style);
  });

  test('the line saying when the plan was built writes the day in the locale’s style', () => {
    const stamp = em.spreadsheet.getSheetByName('Transition Plan')?.getRange('B1').getDisplayValue() ?? '';
    const day = /^Built (.+?) by Jumpwise\./.exec(stamp)?.[1];
    expect(day).toMatch(style);
  });

  test('the headline quotes the leave date as the cell shows it', () => {
    const headline = em.spreadsheet.getSheetByName('Transition Plan')?.getRange('A2').getDisplayValue() ?? '';
    expect(headline).toContain(`Leave on ${shown(em, 'JW_LEAVE_DATE')}`);
  });
});

test('the date table gives each locale’s pattern; code writes dates the way the cells show them', () => {
  expect(dateAsShown('2027-07-01', dateFormat('en_US'))).toBe('Jul 1, 2027');
  expect(dateAsShown('2027-07-01', dateFormat('en-GB'))).toBe('1 Jul 2027');
  expect(dateAsShown('2027-07-01', dateFormat('de_DE'))).toBe('01.07.2027');
  expect(dateAsShown('2027-07-01', dateFormat('xx_YY'))).toBe('2027-07-01');
});
