/**
 * The bundle's leapBuildPlan on the in-memory emulator: formulas evaluated by HyperFormula through the same
 * top-level custom functions Sheets calls, Google's call boundary, fault injection and the document lock.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { countSpreadsheetCalls, PLAN_CALL_BUDGET, PLAN_FUNCTION_CELL_BUDGET } from '../../scripts/bench/plan';
import { callsLeapFunction } from '../../src/functions';
import { FLAT_INPUT_NAMES, INPUT_NAMES, KEY_NUMBERS } from '../../src/plan/layout';
import type { BuildResult } from '../../src/protocol';
import { BUILD_RUNNING_MESSAGE } from '../../src/sheets/planWriter';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

type Bundle = Record<string, (...args: unknown[]) => unknown>;

function fresh(timeZone = 'UTC'): { em: Emulator; bundle: Bundle } {
  const em = createLeapEmulator({ timeZone });
  const bundle = loadDist(em) as Bundle;
  return { em, bundle };
}

const build = (em: Emulator, changes: Record<string, unknown> = {}): BuildResult =>
  em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, ...changes }) as BuildResult;

function cells(em: Emulator, sheetName: string) {
  const sheet = em.toJSON().sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  return sheet.cells;
}

/** The computed value behind a named range. */
function named(em: Emulator, name: string): unknown {
  const ref = em.toJSON().namedRanges[name];
  if (!ref) throw new Error(`no named range ${name}`);
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`unreadable reference ${ref}`);
  return cells(em, m[1].replace(/''/g, "'"))[`${m[2]}${m[3]}`]?.value;
}

/** The row of a checklist item, found by its id in the Item id column. */
function itemRow(em: Emulator, sheetName: string, id: string): number {
  const entry = Object.entries(cells(em, sheetName)).find(([a1, c]) => a1.startsWith('E') && c.value === id);
  if (!entry) throw new Error(`no checklist item ${id}`);
  return Number(entry[0].slice(1));
}

const sheetNames = (em: Emulator) => em.toJSON().sheets.map((s) => s.name);
const isoDay = (v: unknown) => String(v).slice(0, 10);

describe('a built plan', () => {
  const { em, bundle } = fresh();
  const result = build(em);

  test('key numbers computed by HyperFormula equal the functions called directly', () => {
    const expected: Record<string, unknown> = {
      JW_TAX_RATE: 0.3,
      JW_MONTHLY_TAX_SET_ASIDE: bundle.TAX_SET_ASIDE(3000, 0.3),
      JW_LOW_END_BUDGET: bundle.LOW_END_BUDGET([[3000], [6500]], 0.3, 625),
      JW_BENEFITS_COST: bundle.BENEFITS_COST(78000, 625, 0.04, 3),
      JW_BUFFER_TARGET: bundle.BUFFER_TARGET(3825, 6),
      JW_RUNWAY_MONTHS: bundle.BUFFER_RUNWAY(8000, 3825, 2100),
      JW_MONTHS_TO_BUFFER: bundle.BUFFER_MONTHS_TO_GOAL(8000, 22950, 1200),
      JW_HOURLY_RATE: bundle.HOURLY_RATE(78000 + 12 * (bundle.BENEFITS_COST(78000, 625, 0.04, 3) as number)),
    };
    for (const [name, value] of Object.entries(expected)) {
      expect([name, named(em, name)]).toEqual([name, value]);
    }
    expect(isoDay(named(em, 'JW_READY_DATE'))).toBe('2027-04-01');
    expect(result).toMatchObject({ sheetName: 'Transition Plan' });
  });

  test('the build returns the key numbers as the sheet displays them, with the layout’s labels, in sheet order', () => {
    expect(result.keyNumbers.map((k) => [k.name, k.label])).toEqual(KEY_NUMBERS.map((k) => [k.name, k.label]));
    const shown = Object.fromEntries(result.keyNumbers.map((k) => [k.name, k.display]));
    expect(shown).toEqual({
      JW_EXPECTED_MONTHLY: '$4,750',
      // The first 1040-ES payment: 30% of April and May 2027, the first two of the 3 ramp months (1/4 and 2/4 of
      // $4,750), due Jun 15, 2027.
      JW_FIRST_TAX_PAYMENT: '$1,069',
      JW_FIRST_TAX_DATE: 'Jun 15, 2027',
      // The largest: 30% of four full months of $4,750 (September to December), due Jan 18, 2028 (Jan 15 is a
      // Saturday and Jan 17 Martin Luther King Jr. Day).
      JW_LARGEST_TAX_PAYMENT: '$5,700',
      JW_LARGEST_TAX_DATE: 'Jan 18, 2028',
      JW_TAX_RATE: '30.0%',
      JW_FULL_YEAR_TAX_RATE: '30.0%',
      JW_MONTHLY_TAX_SET_ASIDE: '$900',
      JW_LOW_END_BUDGET: '$1,475',
      JW_LOW_MONTH_LEFT_OVER: '-$1,725',
      JW_BENEFITS_COST: '$1,260',
      JW_BUFFER_TARGET: '$22,950',
      JW_RUNWAY_MONTHS: '4.6',
      JW_MONTHS_TO_BUFFER: '12.5',
      JW_READY_DATE: 'Apr 1, 2027',
      JW_QUIT_DATE: 'Sep 1, 2026',
      JW_LEAVE_DATE: 'Apr 1, 2027',
      JW_SAVINGS_AT_LEAVE: '$23,600',
      JW_RUNWAY_AT_LEAVE: '13.7',
      JW_RUNWAY_RISK: '0.0%',
      JW_CAN_LEAVE: 'Yes',
      JW_TAX_YEAR: '2027',
      JW_HOURLY_RATE: '$80.97',
    });
    // Each is exactly the text of its cell, as getDisplayValues gives it.
    const sheet = em.spreadsheet.getSheetByName('Transition Plan');
    for (const k of result.keyNumbers) {
      const a1 = (em.toJSON().namedRanges[k.name] as string).split('!')[1].replace(/\$/g, '');
      expect([k.name, sheet?.getRange(a1).getDisplayValue()]).toEqual([k.name, k.display]);
    }
  });

  test('runway shown as "∞" when a low month covers the costs', () => {
    const { em: own } = fresh();
    const rich = build(own, { projectedMonthlyLow: 9000, projectedMonthlyHigh: 12000 });
    expect(rich.keyNumbers.find((k) => k.name === 'JW_RUNWAY_MONTHS')?.display).toBe('∞');
  });

  test('hand-worked figures for the sample answers', () => {
    // Expected month midway between 3,000 and 6,500; 30% of a low month of 3,000 is 900.
    expect(named(em, 'JW_EXPECTED_MONTHLY')).toBe(4750);
    expect(named(em, 'JW_MONTHLY_TAX_SET_ASIDE')).toBe(900);
    // Budget 3,000 - 900 - 625 health = 1,475, which leaves 1,475 - 3,200 = -1,725 after living costs.
    expect(named(em, 'JW_LOW_END_BUDGET')).toBe(1475);
    expect(named(em, 'JW_LOW_MONTH_LEFT_OVER')).toBe(-1725);
    // Benefits: 625 health + 78,000 x 4% / 12 = 260 + 78,000 / 52 x 3 weeks / 12 = 375.
    expect(named(em, 'JW_BENEFITS_COST')).toBeCloseTo(1260, 9);
    // Buffer (3,200 + 625) x 6 = 22,950; today 8,000 / (3,825 - 2,100) = 4.64 months of runway.
    expect(named(em, 'JW_BUFFER_TARGET')).toBe(22950);
    expect(named(em, 'JW_RUNWAY_MONTHS')).toBeCloseTo(8000 / 1725, 12);
    // (22,950 - 8,000) / 1,200 = 12.46 months: ready 13 months after 1 March 2026.
    expect(named(em, 'JW_MONTHS_TO_BUFFER')).toBeCloseTo(12.458333, 6);
    expect(isoDay(named(em, 'JW_READY_DATE'))).toBe('2027-04-01');
    // Savings on the leave date 8,000 + 13 x 1,200 = 23,600 last 23,600 / 1,725 months.
    expect(named(em, 'JW_SAVINGS_AT_LEAVE')).toBe(23600);
    expect(named(em, 'JW_RUNWAY_AT_LEAVE')).toBeCloseTo(23600 / 1725, 12);
    expect(named(em, 'JW_TAX_YEAR')).toBe(2027);
    // (78,000 + 12 x 1,260) / (25 hours x 46 weeks) = 80.97.
    expect(named(em, 'JW_HOURLY_RATE')).toBeCloseTo(93120 / 1150, 9);
  });

  test('the schedule, tax calendar and checklist dates are live and free of errors', () => {
    const plan = cells(em, 'Transition Plan');
    const errors = Object.entries(plan).filter(([, c]) => typeof c.value === 'string' && /^#[A-Z]/.test(c.value));
    expect(errors).toEqual([]);
    expect(plan.G5.value).toBe('Month');
    expect(plan.H6.value).toBe(8000);
    expect(plan.J6.value).toBe(22950);
    // Leaving on 1 April 2027, the first payment covers April and May and is due on 15 June 2027.
    // One NEXT_TAX_DUE call spills the four due dates down its column.
    const dueCalls = Object.entries(plan).filter(([, c]) => c.formula?.startsWith('=NEXT_TAX_DUE'));
    expect(dueCalls).toHaveLength(1);
    const [column, row] = (/^([A-Z]+)(\d+)$/.exec(dueCalls[0][0]) as RegExpExecArray).slice(1);
    const dueDates = [0, 1, 2, 3].map((i) => isoDay(plan[`${column}${Number(row) + i}`].value));
    expect(dueDates).toEqual(['2027-06-15', '2027-09-15', '2028-01-18', '2028-04-18']);
    expect(isoDay(plan[`C${itemRow(em, 'Transition Plan', 'niche-demand')}`].value)).toBe('2026-03-01');
    // The sample's low month leaves 1,475 - 3,200 = -1,725 after living costs, yet the chance of running out from the
    // leave date is within the 10% accepted (the buffer carries the low months): give notice on the leave date.
    expect(named(em, 'JW_LOW_MONTH_LEFT_OVER')).toBe(-1725);
    expect(named(em, 'JW_CAN_LEAVE')).toBe('Yes');
    expect(isoDay(plan[`C${itemRow(em, 'Transition Plan', 'last-day')}`].value)).toBe('2027-04-01');
    // Nothing is ticked yet (the bank account is still to open), so progress is 0.
    const progress = Object.values(plan).find((c) => c.formula?.startsWith('=COUNTIF('));
    expect(progress?.value).toBe(0);
  });

  test('"give notice" follows the plan’s answer to "can I leave?" live: not yet while the risk is past the limit', () => {
    const { em: own } = fresh();
    build(own);
    const cellOf = (name: string) => (own.toJSON().namedRanges[name] as string).split('!')[1].replace(/\$/g, '');
    const notice = () => cells(own, 'Transition Plan')[`C${itemRow(own, 'Transition Plan', 'last-day')}`].value;
    // Earnings of 0 to 1,000 a month and 100 saved a month: no month in 10 years keeps the risk within 10%.
    own.enterInput('Transition Plan', cellOf('JW_PROJECTED_LOW'), '0');
    own.enterInput('Transition Plan', cellOf('JW_PROJECTED_HIGH'), '1000');
    own.enterInput('Transition Plan', cellOf('JW_MONTHLY_SAVINGS'), '100');
    expect(named(own, 'JW_CAN_LEAVE')).toBe('Not yet');
    expect(notice()).toMatch(/^Not yet: from .* the chance of running out in the first year is .*, above the 10\.0% you accept/);
    expect(cells(own, 'Transition Plan').A2.value).toBe(
      `${notice()} – ${String(cells(own, 'Transition Plan').A2.value).split(' – ').slice(1).join(' – ')}`,
    );
    own.enterInput('Transition Plan', cellOf('JW_PROJECTED_LOW'), '3000');
    own.enterInput('Transition Plan', cellOf('JW_PROJECTED_HIGH'), '6500');
    own.enterInput('Transition Plan', cellOf('JW_MONTHLY_SAVINGS'), '1200');
    expect(named(own, 'JW_CAN_LEAVE')).toBe('Yes');
    expect(isoDay(notice())).toBe('2027-04-01');
  });

  test('editing an input updates the plan', () => {
    const expenses = (em.toJSON().namedRanges.JW_MONTHLY_EXPENSES as string).split('!')[1].replace(/\$/g, '');
    em.enterInput('Transition Plan', expenses, '4000');
    expect(named(em, 'JW_MONTHLY_EXPENSES')).toBe(4000);
    expect(named(em, 'JW_BUFFER_TARGET')).toBe((4000 + 625) * 6);
    expect(named(em, 'JW_RUNWAY_MONTHS')).toBeCloseTo(8000 / (4625 - 2100), 12);
  });

  test('cells that call a Jumpwise function stay within the plan budget', () => {
    const count = Object.values(cells(em, 'Transition Plan')).filter((c) => c.formula && callsLeapFunction(c.formula)).length;
    expect(count).toBeLessThanOrEqual(PLAN_FUNCTION_CELL_BUDGET);
  });
});

test('the US estimate: JW_TAX_RATE is TAX_RATE_US on the leave year, with 2026 figures for 2027', () => {
  const { em, bundle } = fresh();
  const result = build(em, { taxMode: 'us_estimate', filingStatus: 'married_joint', stateTaxRate: 0.05 });
  const rate = named(em, 'JW_TAX_RATE') as number;
  expect(result.keyNumbers.find((k) => k.name === 'JW_TAX_RATE')).toEqual({
    name: 'JW_TAX_RATE',
    label: KEY_NUMBERS.find((k) => k.name === 'JW_TAX_RATE')?.label,
    display: `${(Math.round(rate * 1000) / 10).toFixed(1)}%`,
    calculating: false,
  });
  // Leave 1 April 2027: nine independent months of 4,750, and three months of a 78,000 salary.
  expect(named(em, 'JW_LEAVE_YEAR_WAGES')).toBe(19500);
  expect(rate).toBe(bundle.TAX_RATE_US(9 * 4750, 'married_joint', 2026, 0.05, 19500));
  const sheet = cells(em, 'Transition Plan');
  expect(Object.values(sheet).map((c) => c.value)).toContain('2026 US tax figures used for 2027 (the latest Jumpwise has)');
  expect(named(em, 'JW_MONTHLY_TAX_SET_ASIDE')).toBeCloseTo(3000 * rate, 9);
});

test('the ready date is the same calendar day in any spreadsheet time zone', () => {
  for (const tz of ['America/Los_Angeles', 'Asia/Tokyo']) {
    const { em } = fresh(tz);
    build(em);
    // The JSON gives a date cell as the day the sheet shows.
    expect([tz, named(em, 'JW_READY_DATE')]).toEqual([tz, '2027-04-01']);
  }
});

describe('rebuilding', () => {
  test('keeps ticked boxes and notes by checklist item, and the name the user gave the plan', () => {
    const { em } = fresh();
    build(em);
    const row = itemRow(em, 'Transition Plan', 'portfolio');
    em.enterInput('Transition Plan', `B${row}`, 'TRUE');
    em.enterInput('Transition Plan', `D${row}`, 'Three café menus done');
    em.spreadsheet.getSheetByName('Transition Plan')?.setName('My leap');
    const again = build(em, { monthlyExpenses: 3500 });
    expect(again.sheetName).toBe('My leap');
    expect(sheetNames(em).filter((n) => n !== 'Sheet1')).toEqual(['My leap']);
    const newRow = itemRow(em, 'My leap', 'portfolio');
    const plan = cells(em, 'My leap');
    expect(plan[`B${newRow}`].value).toBe(true);
    expect(plan[`D${newRow}`].value).toBe('Three café menus done');
    expect(plan[`B${itemRow(em, 'My leap', 'pricing')}`].value).toBe(false);
    expect(named(em, 'JW_MONTHLY_EXPENSES')).toBe(3500);
  });

  // Deleting the sheet a named range points to leaves the name broken (#REF!) and, as the emulator reads public
  // reports where Google's reference is silent, impossible to point anywhere again (emulator/README.md, "Settled by
  // reading or by the self-test"; emulator/test/spreadsheet.test.ts, named ranges). The Books sheet reads
  // JW_TAX_RATE and JW_FILING_STATUS by name through IFERROR, so a broken name would silently become 30%.
  test('a formula elsewhere that reads a plan name through IFERROR follows every rebuild, never its fallback', () => {
    const { em } = fresh();
    build(em);
    const books = em.spreadsheet.getSheetByName('Sheet1')!;
    books.getRange('A1').setFormula('=IFERROR(JW_TAX_RATE,"fallback")');
    books.getRange('A2').setFormula('=IFERROR(JW_MONTHLY_EXPENSES,"fallback")');
    expect(books.getRange('A1:A2').getValues()).toEqual([[0.3], [3200]]);
    build(em, { taxRate: 0.25, monthlyExpenses: 3500 });
    expect(books.getRange('A1:A2').getValues()).toEqual([[0.25], [3500]]);
    build(em, { taxRate: 0.2 });
    expect(books.getRange('A1').getValue()).toBe(0.2);
  });

  test('a plan sheet deleted by hand leaves its names broken; the next build still succeeds without them', () => {
    const { em } = fresh();
    build(em);
    em.spreadsheet.deleteSheet(em.spreadsheet.getSheetByName('Transition Plan')!);
    const again = build(em, { monthlyExpenses: 3500 });
    expect(again.sheetName).toBe('Transition Plan');
    expect(cells(em, 'Transition Plan')).toBeDefined();
    expect(em.toJSON().namedRanges).toEqual({});
  });

  // Range reference, insertCheckboxes() (https://developers.google.com/apps-script/reference/spreadsheet/range#insertcheckboxes):
  // "Sets the value of all cells in the range to false". The emulator does so: a plan that wrote its ticks before
  // putting the boxes in would lose them here as on Sheets.
  test('a business bank account the person already has is ticked on the first build and stays ticked on the next', () => {
    const { em } = fresh();
    build(em, { bankAccount: 'have' });
    expect(cells(em, 'Transition Plan')[`B${itemRow(em, 'Transition Plan', 'bank-account')}`].value).toBe(true);
    build(em, { bankAccount: 'have', monthlyExpenses: 3500 });
    expect(cells(em, 'Transition Plan')[`B${itemRow(em, 'Transition Plan', 'bank-account')}`].value).toBe(true);
  });

  test('notes keep how they looked (a date, an amount), and items after a row the user inserted are kept', () => {
    const { em } = fresh();
    build(em);
    const pricing = itemRow(em, 'Transition Plan', 'pricing');
    em.enterInput('Transition Plan', `D${pricing}`, '3/15/2026');
    em.enterInput('Transition Plan', `D${pricing + 1}`, '1,200');
    // A row of the user's between two items: the item id column is blank there.
    em.spreadsheet.getSheetByName('Transition Plan')?.insertRows(pricing + 1, 1);
    const last = itemRow(em, 'Transition Plan', 'last-day');
    em.enterInput('Transition Plan', `B${last}`, 'TRUE');
    build(em);
    const plan = cells(em, 'Transition Plan');
    const dateNote = plan[`D${itemRow(em, 'Transition Plan', 'pricing')}`];
    expect(dateNote.value).toMatch(/^3\/15\/2026$|^Mar 15, 2026$|^2026-03-15$/);
    expect(plan[`D${itemRow(em, 'Transition Plan', 'pricing') + 1}`].value).toBe('1,200');
    expect(plan[`B${itemRow(em, 'Transition Plan', 'last-day')}`].value).toBe(true);
  });

  // Sheets reads a string written by setValues as typed input in the spreadsheet's locale: "Mar 1 2016" becomes a
  // date and "$100.15" a number (Read & write cell values, USER_ENTERED:
  // https://developers.google.com/sheets/api/guides/values). A note carried over must be written so it stays text.
  test.each(['en_US', 'en_GB', 'de_DE'])(
    'in an %s spreadsheet, notes that look like dates or amounts come back as text, shown as before Build again',
    (locale) => {
      const em = createLeapEmulator({ timeZone: 'UTC', locale });
      loadDist(em);
      build(em);
      const notes = ['Mar 3', 'May 2027', '¥500', '1,5', '3/4', 'Call Ana, 3 March 2027'];
      const ids = ['pricing', 'portfolio', 'outreach', 'last-day', 'bank-account', 'tax-account'];
      const plan = em.spreadsheet.getSheetByName('Transition Plan');
      ids.forEach((id, i) => {
        em.enterInput('Transition Plan', `D${itemRow(em, 'Transition Plan', id)}`, notes[i]);
      });
      // What the person sees in each Notes cell: Sheets has already read some of them as dates or numbers.
      const shown = ids.map((id) => plan?.getRange(`D${itemRow(em, 'Transition Plan', id)}`).getDisplayValue());
      build(em, { monthlyExpenses: 3500 });
      const again = em.spreadsheet.getSheetByName('Transition Plan');
      const after = ids.map((id) => {
        const cell = again?.getRange(`D${itemRow(em, 'Transition Plan', id)}`);
        return [id, cell?.getValue(), cell?.getDisplayValue()];
      });
      expect(after).toEqual(ids.map((id, i) => [id, shown[i], shown[i]]));
    },
  );

  test("a sheet Jumpwise did not make, with the plan's name, is never touched", () => {
    const { em } = fresh();
    const mine = em.spreadsheet.insertSheet('Transition Plan');
    em.enterInput('Transition Plan', 'A1', 'My own notes');
    const first = build(em);
    expect(first.sheetName).toBe('Transition Plan 2');
    const second = build(em, { monthlySavings: 900 });
    expect(second.sheetName).toBe('Transition Plan 2');
    expect(cells(em, 'Transition Plan')).toEqual({ A1: { value: 'My own notes' } });
    expect(mine.getName()).toBe('Transition Plan');
    expect(sheetNames(em).sort()).toEqual(['Sheet1', 'Transition Plan', 'Transition Plan 2']);
  });

  test('user text that starts like a formula stays text', () => {
    const { em } = fresh();
    build(em, { nicheService: '=IMPORTXML("http://evil","//a")', invoicingTool: '@SUM', endOfDayRoutine: '+1' });
    const row = itemRow(em, 'Transition Plan', 'pricing');
    em.enterInput('Transition Plan', `D${row}`, '\'=HYPERLINK("http://evil")');
    build(em);
    const plan = cells(em, 'Transition Plan');
    expect(plan[`D${row}`]).toEqual({ value: '=HYPERLINK("http://evil")' });
    const all = JSON.stringify(plan);
    expect(all).not.toMatch(/"formula":"=(IMPORTXML|HYPERLINK|SUM)/);
  });

  test('a failure injected at any service call leaves the previous plan, its ticks and notes, and no temporary sheet', () => {
    const probe = fresh().em;
    build(probe);
    probe.resetCalls();
    build(probe, { monthlyExpenses: 3500 });
    // The build's own calls: a custom function's calls are another execution's, which the emulator never makes fail
    // (emulator/src/calls.ts), so counting them (a third of the log) only re-ran builds no failure reached.
    const callsPerRebuild = probe.calls.filter((c) => !c.inCustomFunction).length;
    expect(callsPerRebuild).toBeGreaterThan(20);
    // One document goes through every failure in turn, as a person whose builds keep failing would: each rebuild
    // starts from whatever the previous failure left, so a leftover (a temporary sheet, a held lock, a lost note)
    // would also break the rebuilds after it.
    const { em } = fresh();
    build(em);
    const row = itemRow(em, 'Transition Plan', 'outreach');
    em.enterInput('Transition Plan', `B${row}`, 'TRUE');
    em.enterInput('Transition Plan', `D${row}`, 'Wrote to 12 cafés');
    let expensesBefore = 3200;
    const outcomes = new Set<string>();
    // One past the last call: that build must go through untouched, which shows the sweep reached every call.
    let lastFailed = true;
    for (let n = 1; n <= callsPerRebuild + 1; n++) {
      const expensesAsked = expensesBefore === 3200 ? 3500 : 3200;
      em.failOnCall(n, `injected failure at call ${n}`);
      let failed = false;
      try {
        build(em, { monthlyExpenses: expensesAsked });
      } catch (e) {
        failed = true;
        expect((e as Error).message).toBe(`injected failure at call ${n}`);
      }
      const where = `call ${n} (${failed ? 'failed' : 'recovered'})`;
      // One snapshot of the document per failure: serialising it is most of what a check costs.
      const doc = em.toJSON();
      expect([where, doc.sheets.map((s) => s.name)]).toEqual([where, ['Sheet1', 'Transition Plan']]);
      const plan = doc.sheets[1].cells;
      const idCell = Object.entries(plan).find(([a1, c]) => a1.startsWith('E') && c.value === 'outreach');
      const newRow = Number(idCell?.[0].slice(1));
      expect([where, plan[`B${newRow}`]?.value, plan[`D${newRow}`]?.value]).toEqual([where, true, 'Wrote to 12 cafés']);
      // A failure before the swap leaves the old plan's inputs; one after it finishes the new plan.
      const expensesAt = /!\$?([A-Z]+)\$?(\d+)$/.exec(doc.namedRanges.JW_MONTHLY_EXPENSES ?? '');
      const expenses = expensesAt ? plan[`${expensesAt[1]}${expensesAt[2]}`]?.value : undefined;
      expect([where, [expensesBefore, expensesAsked]]).toEqual([where, expect.arrayContaining([expenses])]);
      const names = INPUT_NAMES.length + FLAT_INPUT_NAMES.length + KEY_NUMBERS.length;
      expect([where, Object.keys(doc.namedRanges).length]).toEqual([where, names]);
      outcomes.add(`${failed ? 'failed' : 'recovered'}, ${expenses === expensesAsked ? 'new plan' : 'old plan'}`);
      lastFailed = failed;
      expensesBefore = expenses as number;
    }
    expect(lastFailed).toBe(false);
    // Early failures keep the old plan; a failure after the swap has the new plan in place (its tidying fails).
    expect([...outcomes].sort()).toEqual(expect.arrayContaining(['failed, new plan', 'failed, old plan']));
  });
});

test('two builds at once: the second is told a build is running, and the document ends with one plan', () => {
  const { em } = fresh();
  const other = (em.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock();
  expect(other.tryLock(0)).toBe(true);
  expect(() => build(em)).toThrow(BUILD_RUNNING_MESSAGE);
  expect(sheetNames(em)).toEqual(['Sheet1']);
  other.releaseLock();
  build(em);
  build(em);
  expect(sheetNames(em)).toEqual(['Sheet1', 'Transition Plan']);
});

test('invalid answers are refused in words and nothing is written', () => {
  const { em } = fresh();
  em.resetCalls();
  expect(() => build(em, { monthlyExpenses: -1, startDate: 'soon' })).toThrow(
    'Some answers need fixing: Monthly living expenses: Enter your monthly living expenses above 0; Start saving from: Enter the start date as a date, e.g. 2026-03-01',
  );
  expect(em.calls).toEqual([]);
});

test('one build makes the same number of service calls for 12, 36 and 60 months of schedule, within the budget', () => {
  const counts = [12, 36, 60].map((months) => {
    const { em } = fresh();
    em.resetCalls();
    // Target (3,200 + 625) x 6 = 22,950 from 0 savings in exactly `months` months.
    build(em, { currentSavings: 0, monthlySavings: 22950 / months });
    // The benchmark's own count: document round trips, builders and lock calls apart, recalculation excluded.
    return countSpreadsheetCalls(em);
  });
  expect(counts[1]).toEqual(counts[0]);
  expect(counts[2]).toEqual(counts[0]);
  expect(counts[0].document).toBeLessThanOrEqual(PLAN_CALL_BUDGET);
});

test('with pasted monthly figures, low and high are MIN and MAX of them, so editing a figure moves every figure that uses the low month', () => {
  const { em } = fresh();
  const { sheetName } = build(em, {
    projectedMonthlyLow: undefined,
    projectedMonthlyHigh: undefined,
    monthlyFigures: [4200, 6100, 3100, 5200],
  });
  expect(named(em, 'JW_PROJECTED_LOW')).toBe(3100);
  expect(named(em, 'JW_PROJECTED_HIGH')).toBe(6100);
  expect(named(em, 'JW_MONTHLY_TAX_SET_ASIDE')).toBeCloseTo(930, 9);
  // The figures sit in column L from row 5: the lowest (3,100) is the third.
  const lowCell = Object.entries(cells(em, sheetName)).find(([a1, c]) => a1.startsWith('L') && c.value === 3100);
  if (!lowCell) throw new Error('the pasted figures are not in column L');
  em.enterInput(sheetName, lowCell[0], '2500');
  expect(named(em, 'JW_PROJECTED_LOW')).toBe(2500);
  expect(named(em, 'JW_MONTHLY_TAX_SET_ASIDE')).toBeCloseTo(750, 9);
  expect(named(em, 'JW_LOW_END_BUDGET')).toBeCloseTo(2500 - 750 - 625, 9);
  expect(named(em, 'JW_RUNWAY_MONTHS')).toBeCloseTo(8000 / (3825 - 1750), 9);
  // The expected month is the mean of the figures: (4,200 + 6,100 + 2,500 + 5,200) / 4.
  expect(named(em, 'JW_EXPECTED_MONTHLY')).toBe(4500);
  // Low and high typed in the wizard stay the numbers typed.
  const typed = fresh().em;
  build(typed, { monthlyFigures: [4200, 6100, 3100, 5200] });
  expect(named(typed, 'JW_PROJECTED_LOW')).toBe(3000);
});

// Google, "Custom Functions in Google Sheets" (https://developers.google.com/apps-script/guides/sheets/functions):
// each custom-function cell is a separate execution that shows "Loading..." until it returns, and a cell reading
// another waits for it. The build reads its key numbers back straight after writing: it waits a while, then says
// which are still calculating rather than passing "Loading..." off as a figure.
describe('key numbers read back while the custom functions run as executions', () => {
  const settled = (() => {
    const { em } = fresh();
    return Object.fromEntries(build(em).keyNumbers.map((k) => [k.name, k.display]));
  })();

  test('fast executions: every key number has settled by the time the build answers', () => {
    const em = createLeapEmulator({ timeZone: 'UTC', customFunctionExecutions: { executionMs: 300 } });
    loadDist(em);
    const result = build(em);
    expect(result.keyNumbers.filter((k) => k.calculating)).toEqual([]);
    expect(Object.fromEntries(result.keyNumbers.map((k) => [k.name, k.display]))).toEqual(settled);
  });

  test('slow executions: those still loading after the wait come back as calculating, the rest as figures', () => {
    // The sample plan's chain is two executions deep: at 6 seconds each, the build's 10-second wait ends first.
    const em = createLeapEmulator({ timeZone: 'UTC', customFunctionExecutions: { executionMs: 6000 } });
    loadDist(em);
    const result = build(em);
    const calculating = result.keyNumbers.filter((k) => k.calculating);
    expect(calculating.length).toBeGreaterThan(0);
    for (const k of calculating) expect([k.name, k.display]).toEqual([k.name, 'Loading...']);
    for (const k of result.keyNumbers.filter((n) => !n.calculating))
      expect([k.name, k.display]).toEqual([k.name, settled[k.name]]);
    // The sheet itself finishes later, with the same figures as the instant emulator.
    expect(em.settle().executions).toBeGreaterThan(0);
    expect(Object.fromEntries(KEY_NUMBERS.map((k) => [k.name, displayOf(em, k.name)]))).toEqual(settled);
  });
});

function displayOf(em: Emulator, name: string): string {
  const a1 = (em.toJSON().namedRanges[name] as string).split('!')[1].replace(/\$/g, '');
  return em.spreadsheet.getSheetByName('Transition Plan')?.getRange(a1).getDisplayValue() ?? '';
}

test('nothing saved each month: the months to the buffer say "never", and the schedule beside says why', () => {
  const { em } = fresh();
  build(em);
  const ref = em.spreadsheet.getRangeByName('JW_MONTHLY_SAVINGS');
  if (!ref) throw new Error('no JW_MONTHLY_SAVINGS');
  em.enterInput('Transition Plan', ref.getA1Notation(), '0');
  expect(named(em, 'JW_MONTHS_TO_BUFFER')).toBe('never: save more than 0 a month');
  // BUFFER_SCHEDULE's message names the argument and the fix.
  expect(String(cells(em, 'Transition Plan').G5.value)).toMatch(
    /BUFFER_SCHEDULE: monthly_saving is 0, so savings never reach the target; expected an amount above 0/,
  );
});
