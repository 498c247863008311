/**
 * The plan's one timeline, through the built bundle on the emulator: the leave date, the quarterly 1040-ES
 * calendar of the first independent year and the headline, all live formulas.
 */
import { type Emulator, type EmulatorOptions, EXECUTION_ERRORS, loadDist } from '../../emulator/src';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const PLAN = 'Transition Plan';

function planFor(changes: Record<string, unknown>, options: EmulatorOptions = {}, before?: (em: Emulator) => void): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC', ...options });
  loadDist(em);
  before?.(em);
  em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, ...changes });
  return em;
}

const a1Of = (em: Emulator, name: string): string => (em.toJSON().namedRanges[name] as string).split('!')[1].replace(/\$/g, '');

function shown(em: Emulator): string[][] {
  const sheet = em.spreadsheet.getSheetByName(PLAN);
  if (!sheet) throw new Error('no plan');
  return sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getDisplayValues();
}

/** The calendar's four rows as the person sees them: months covered, due date, amount. */
function calendar(em: Emulator): { covers: string; due: string; amount: string }[] {
  const rows = shown(em);
  const header = rows.findIndex((r) => r[0] === 'Income of' && r[1] === 'Due');
  if (header < 0) throw new Error('no tax calendar');
  return rows.slice(header + 1, header + 5).map((r) => ({ covers: r[0], due: r[1], amount: r[2] }));
}

/** Savings above the buffer target: the buffer is reached at once, so the leave date is the start date. */
const leavingOn = (date: string, changes: Record<string, unknown> = {}) =>
  planFor({ startDate: date, currentSavings: 30000, ...changes });

describe('the quarterly tax calendar starts at the leave date', () => {
  test('leave 1 December 2027: due 2028-01-18 (December), 2028-04-18 (3), 2028-06-15 (2), 2028-09-15 (3)', () => {
    const em = leavingOn('2027-12-01');
    // 30% of an expected month of 4,750 is 1,425 a month, once at full earnings: over the 3 ramp months the runway
    // counts (month t earns t/4 of a month) December is a quarter of that, and January to March 0.5 + 0.75 + 1.
    expect(calendar(em)).toEqual([
      { covers: 'Dec 2027 (1 month)', due: 'Jan 18, 2028', amount: '$356' },
      { covers: 'Jan 2028 to Mar 2028 (3 months)', due: 'Apr 18, 2028', amount: '$3,206' },
      { covers: 'Apr 2028 to May 2028 (2 months)', due: 'Jun 15, 2028', amount: '$2,850' },
      { covers: 'Jun 2028 to Aug 2028 (3 months)', due: 'Sep 15, 2028', amount: '$4,275' },
    ]);
    expect(shown(em).flat()).toContain(
      'Until you leave, your job withholds tax from your wages: January to November 2027 are covered that way.',
    );
  });

  test('leave 20 June 2027: due 2027-09-15 (June-August), 2028-01-18 (4), 2028-04-18 (3), 2028-06-15 (2)', () => {
    const em = leavingOn('2027-06-20');
    expect(calendar(em)).toEqual([
      // The ramp: 0.25 + 0.5 + 0.75 of a month's 1,425.
      { covers: 'Jun 2027 to Aug 2027 (3 months)', due: 'Sep 15, 2027', amount: '$2,138' },
      { covers: 'Sep 2027 to Dec 2027 (4 months)', due: 'Jan 18, 2028', amount: '$5,700' },
      { covers: 'Jan 2028 to Mar 2028 (3 months)', due: 'Apr 18, 2028', amount: '$4,275' },
      { covers: 'Apr 2028 to May 2028 (2 months)', due: 'Jun 15, 2028', amount: '$2,850' },
    ]);
  });

  test('leave 1 January 2028: the first payment is due 2028-04-18 for three months', () => {
    const em = leavingOn('2028-01-01');
    expect(calendar(em)[0]).toEqual({ covers: 'Jan 2028 to Mar 2028 (3 months)', due: 'Apr 18, 2028', amount: '$2,138' });
    expect(shown(em).flat()).toContain('You leave in January: every month of 2028 is independent.');
  });

  test('moving the start date on the sheet moves the leave date, the tax year and every row of the calendar', () => {
    const em = leavingOn('2027-12-01');
    em.enterInput(PLAN, a1Of(em, 'JW_START_DATE'), '2027-06-20');
    expect(calendar(em).map((r) => r.due)).toEqual(['Sep 15, 2027', 'Jan 18, 2028', 'Apr 18, 2028', 'Jun 15, 2028']);
    expect(em.spreadsheet.getRangeByName('JW_TAX_YEAR')?.getValue()).toBe(2027);
  });

  test('a leave date while saving is still under way: the ready date, with the calendar after it', () => {
    // The sample: 8,000 saved, 1,200 a month towards 22,950 from 1 March 2026: ready (and leaving) 1 April 2027.
    const em = planFor({});
    expect(em.spreadsheet.getRangeByName('JW_LEAVE_DATE')?.getDisplayValue()).toBe('Apr 1, 2027');
    expect(calendar(em)[0]).toEqual({ covers: 'Apr 2027 to May 2027 (2 months)', due: 'Jun 15, 2027', amount: '$1,069' });
  });
});

describe('the headline answers "when can I leave?", live', () => {
  test('it quotes the leave date, the buffer, what a low month leaves and the runway from the leave date', () => {
    const em = planFor({});
    expect(shown(em)[1][0]).toBe(
      'Leave on Apr 1, 2027 (held back by the buffer) – buffer $22,950 – a low month leaves you $1,725 short after tax, ' +
        'health cover and living costs – your savings then last 13.7 months – chance of running out in the first year: 0.0%',
    );
  });
  test('a good enough low month turns "short" into "over"; income that covers costs lasts indefinitely', () => {
    const em = planFor({});
    em.enterInput(PLAN, a1Of(em, 'JW_PROJECTED_LOW'), '8000');
    // 8,000 - 30% - 625 = 4,975; less 3,200 of living costs leaves 1,775.
    expect(shown(em)[1][0]).toBe(
      'Leave on Apr 1, 2027 (held back by the buffer) – buffer $22,950 – a low month leaves you $1,775 over after tax, ' +
        'health cover and living costs – your savings then last indefinitely – chance of running out in the first year: 0.0%',
    );
  });

  test('when the risk, not the buffer, decides: the leave date is the quit date, and the headline says so', () => {
    // A buffer of 3 months is already saved, but months from 500 to 6,500 leave a year after leaving too risky.
    const em = planFor({ currentSavings: 20000, bufferMonths: 3, projectedMonthlyLow: 500, projectedMonthlyHigh: 6500 });
    const quit = em.spreadsheet.getRangeByName('JW_QUIT_DATE')?.getDisplayValue();
    expect(em.spreadsheet.getRangeByName('JW_READY_DATE')?.getDisplayValue()).toBe('Mar 1, 2026');
    expect(quit).not.toBe('Mar 1, 2026');
    expect(em.spreadsheet.getRangeByName('JW_LEAVE_DATE')?.getDisplayValue()).toBe(quit);
    expect(shown(em)[1][0]).toMatch(
      new RegExp(`^Leave on ${quit} \\(held back by the risk: the buffer is reached Mar 1, 2026\\)`),
    );
    // At the leave date the chance of running out is within the 10% accepted.
    expect(em.spreadsheet.getRangeByName('JW_RUNWAY_RISK')?.getValue()).toBeLessThanOrEqual(0.1);
  });

  test('a quit date never safe within 10 years shows why, and the buffer alone sets the leave date', () => {
    const em = planFor({
      projectedMonthlyLow: 0,
      projectedMonthlyHigh: 1000,
      monthlySavings: 100,
      currentSavings: 0,
      bufferMonths: 3,
    });
    const quit = em.spreadsheet.getRangeByName('JW_QUIT_DATE');
    expect(quit?.getValue()).toBe('Not within 10 years');
    expect(em.spreadsheet.getRangeByName('JW_LEAVE_DATE')?.getDisplayValue()).toBe(
      em.spreadsheet.getRangeByName('JW_READY_DATE')?.getDisplayValue(),
    );
    // The plan's one answer is not yet, and says why in the headline as in the give-notice step.
    expect(em.spreadsheet.getRangeByName('JW_CAN_LEAVE')?.getValue()).toBe('Not yet');
    expect(shown(em)[1][0]).toMatch(
      /^Not yet: from .* the chance of running out in the first year is .*, above the 10\.0% you accept \(it never falls that low within 10 years: earn more in a low month, spend less or save more\) – buffer /,
    );
  });

  // Google, "Custom Functions in Google Sheets" (https://developers.google.com/apps-script/guides/sheets/functions):
  // an execution can fail with "Internal error executing the custom function." whatever its arguments. The plan
  // must show that failure, never read it as "Not within 10 years" (the old IFERROR) or fall back to the buffer date.
  test('a failed QUIT_DATE execution shows as an error with its message in the quit date, leave date and headline', () => {
    const em = planFor({}, { customFunctionExecutions: { executionMs: 1000 } }, (e) =>
      e.failExecutions({ functionName: 'QUIT_DATE' }),
    );
    em.settle();
    const cellOf = (name: string) => em.toJSON().sheets.find((s) => s.name === PLAN)?.cells[a1Of(em, name)]?.value;
    const failed = `#ERROR!: ${EXECUTION_ERRORS.internal}`;
    expect(cellOf('JW_QUIT_DATE')).toBe(failed);
    expect(cellOf('JW_LEAVE_DATE')).toBe(failed);
    expect(em.toJSON().sheets.find((s) => s.name === PLAN)?.cells.A2?.value).toBe(failed);
    expect(shown(em)[1][0]).not.toContain('Not within 10 years');
  });
});

describe('money follows the document locale, in cells and sentences alike', () => {
  test.each([
    ['en_GB', '£22,950', /– buffer £22,950 – a low month leaves you £1,725 short/],
    ['de_DE', '22.950 €', /– buffer 22.950 € – a low month leaves you 1.725 € short/],
  ])('%s', (locale, target, headline) => {
    const em = createLeapEmulator({ timeZone: 'UTC', locale });
    loadDist(em);
    em.run('leapBuildPlan', SAMPLE_ANSWERS);
    expect(em.spreadsheet.getRangeByName('JW_BUFFER_TARGET')?.getDisplayValue()).toBe(target);
    expect(shown(em)[1][0]).toMatch(headline);
    // Within the risk accepted, the buffer carries the low months: the plan's answer is yes, the checklist agrees.
    expect(em.spreadsheet.getRangeByName('JW_CAN_LEAVE')?.getDisplayValue()).toBe('Yes');
    expect(
      shown(em)
        .flat()
        .filter((s) => /Not yet/.test(s)),
    ).toEqual([]);
  });
});

describe('the quit date, the risk and the fan chart, for a flat rate, the US estimate and pasted figures', () => {
  test.each([
    ['flat rate', {}],
    ['US estimate', { taxMode: 'us_estimate', filingStatus: 'single', stateTaxRate: 0.05 }],
    [
      'pasted figures',
      { projectedMonthlyLow: '', projectedMonthlyHigh: '', monthlyFigures: [4200, 6100, 3100, 5200, 2800, 7000] },
    ],
  ])('%s: no error cells, a quit date, a risk within 0-100% and twelve months of bands', (_name, changes) => {
    const em = planFor(changes);
    const sheet = em.spreadsheet.getSheetByName(PLAN);
    if (!sheet) throw new Error('no plan');
    const values = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
    const errors = values.flat().filter((v) => typeof v === 'string' && /^#[A-Z]/.test(v));
    expect(errors).toEqual([]);
    expect(em.spreadsheet.getRangeByName('JW_QUIT_DATE')?.getDisplayValue()).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    const risk = em.spreadsheet.getRangeByName('JW_RUNWAY_RISK')?.getValue() as number;
    expect(risk).toBeGreaterThanOrEqual(0);
    expect(risk).toBeLessThanOrEqual(1);
    // The fan: the month labels, then RUNWAY_BANDS' low <= median <= high for each of the 12 months.
    const labelColumn = values.map((row) => row[16]);
    const first = labelColumn.indexOf('1 month');
    expect(first).toBeGreaterThan(0);
    for (let m = 0; m < 12; m++) {
      const [month, low, median, high] = values[first + m].slice(17, 21) as number[];
      expect([month, low <= median, median <= high]).toEqual([m + 1, true, true]);
    }
  });
});
