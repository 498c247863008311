/**
 * Issue 21, "Done when": a new-user walk of both people in the issue finds no sentence, key number and checklist step
 * that disagree. Each plan is built by the bundle on the emulator in the person's spreadsheet locale and read as the
 * person reads it, as Sheets displays it (getDisplayValue): every sentence quoting a figure is checked against the
 * cell it quotes, the sidebar's key numbers (leapBuildPlan's answer) and the check-in against the cells, the tax
 * calendar against the key numbers and the checklist, the UK workings against the calendar. Then the living expenses
 * are edited on the sheet: everything still agrees, and the edited plan equals, cell by cell and formula by formula, a
 * fresh plan built from the answers Build again reads back.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { mergePlanAnswers } from '../../sidebar/form';
import { KEY_NUMBERS } from '../../src/plan/layout';
import type { BuildResult, CheckInView, PlanAnswers } from '../../src/protocol';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const PLAN = 'Transition Plan';

/**
 * The issue's US electrician: married filing jointly, the spouse earning $52,000 in wages (about $3,400 a month
 * take-home), household expenses $5,200 a month, $14,000 saved, $4,500-$9,000 a month expected. The rest is ours:
 * a $62,000 job, a 5% state tax, health cover on the spouse's plan, $1,500 saved a month from January 2027.
 */
const ELECTRICIAN = {
  ...SAMPLE_ANSWERS,
  pathKind: 'skilled_trade',
  nicheService: 'Residential electrical work',
  monthlyExpenses: 5200,
  currentSavings: 14000,
  annualSalary: 62000,
  household: 'partner',
  partnerTakeHome: 3400,
  partnerWages: 52000,
  projectedMonthlyLow: 4500,
  projectedMonthlyHigh: 9000,
  taxCountry: 'us',
  taxMode: 'us_estimate',
  filingStatus: 'married_joint',
  stateTaxRate: 0.05,
  healthMonthly: 0,
  retirementRate: 0.03,
  ptoWeeks: 2,
  monthlySavings: 1500,
  startDate: '2027-01-01',
  entity: 'sole_proprietorship',
};

/**
 * The issue's UK copywriter, leaving a £46,000 job in the 2027/28 tax year. Ours: £2,100 a month of costs, £9,000
 * saved and £900 a month more, £2,200-£4,800 a month expected, NHS cover (no private insurance), 5.6 weeks of paid
 * leave, trading as a sole trader.
 */
const COPYWRITER = {
  ...SAMPLE_ANSWERS,
  pathKind: 'creative_freelancer',
  nicheService: 'Copywriting for B2B software companies',
  monthlyExpenses: 2100,
  currentSavings: 9000,
  annualSalary: 46000,
  projectedMonthlyLow: 2200,
  projectedMonthlyHigh: 4800,
  taxCountry: 'uk_england',
  healthMonthly: 0,
  retirementRate: 0.05,
  ptoWeeks: 5.6,
  monthlySavings: 900,
  startDate: '2027-01-01',
  entity: 'sole_proprietorship',
};

interface Person {
  locale: string;
  answers: Record<string, unknown>;
  /** What the walk types over the living expenses, as the person types it in their locale. */
  expensesTyped: string;
  expensesEdited: number;
}
const PEOPLE: Record<string, Person> = {
  'the US electrician': { locale: 'en_US', answers: ELECTRICIAN, expensesTyped: '6,900', expensesEdited: 6900 },
  'the UK copywriter': { locale: 'en_GB', answers: COPYWRITER, expensesTyped: '2,600', expensesEdited: 2600 },
};

function build(person: Person, answers: Record<string, unknown>): { em: Emulator; result: BuildResult } {
  const em = createLeapEmulator({ timeZone: 'UTC', locale: person.locale });
  loadDist(em);
  return { em, result: em.run('leapBuildPlan', answers) as BuildResult };
}

/** The plan as the person sees it: what each cell displays, its formula, and the named cells. */
function view(em: Emulator) {
  const sheet = em.spreadsheet.getSheetByName(PLAN);
  if (!sheet) throw new Error('no plan sheet');
  const range = sheet.getDataRange();
  const [shownGrid, values, formulas] = [range.getDisplayValues(), range.getValues(), range.getFormulas()];
  const at = (a1: string): [number, number] => {
    const m = /^([A-Z])(\d+)$/.exec(a1);
    if (!m) throw new Error(`not a cell: ${a1}`);
    return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
  };
  const shown = (a1: string) => {
    const [r, c] = at(a1);
    return shownGrid[r]?.[c] ?? '';
  };
  const value = (a1: string) => {
    const [r, c] = at(a1);
    return values[r]?.[c];
  };
  const cellOf = (name: string) => (em.toJSON().namedRanges[name] ?? '').split('!')[1]?.replace(/\$/g, '') ?? '';
  /** The row whose column A (or `column`) shows exactly `text`. */
  const rowOf = (text: string, column = 0) => {
    const r = shownGrid.findIndex((row) => row[column] === text);
    if (r < 0) throw new Error(`no row "${text}"`);
    return r + 1;
  };
  return {
    shownGrid,
    formulas,
    shown,
    value,
    cellOf,
    rowOf,
    named: (name: string) => shown(cellOf(name)),
    namedValue: (name: string) => value(cellOf(name)),
    /** The words right of a key number or input (column C). */
    noteOf: (name: string) => shown(cellOf(name).replace(/^B/, 'C')),
    /** A checklist step's words and its target date, by item id (the hidden column E). */
    step: (id: string) => {
      const r = rowOf(id, 4);
      return { words: shown(`A${r}`), target: shown(`C${r}`) };
    },
  };
}
type View = ReturnType<typeof view>;

/** The tax calendar of the main flow: its rows under the header, as shown: [words, due, amount, amount as a number]. */
function calendarRows(v: View): [string, string, string, number][] {
  const header = v.shownGrid.findIndex((row) => row[0] === 'Payment' || row[0] === 'Income of');
  if (header < 0) throw new Error('no tax calendar');
  const rows: [string, string, string, number][] = [];
  for (let r = header + 2; v.shown(`B${r}`) !== ''; r++) {
    rows.push([v.shown(`A${r}`), v.shown(`B${r}`), v.shown(`C${r}`), Number(v.value(`C${r}`))]);
  }
  return rows;
}

/** Everything the person reads that quotes a figure agrees with the figure's cell. */
function expectAllAgree(v: View, sidebar: BuildResult | null, checkIn: CheckInView) {
  const canLeave = v.named('JW_CAN_LEAVE');
  const headline = v.shown('A2');
  const notice = v.step('last-day');
  // One answer to "can I leave?": the key number, its words, the headline, the give-notice step.
  if (canLeave === 'Yes') {
    expect(headline.startsWith(`Leave on ${v.named('JW_LEAVE_DATE')} (`)).toBe(true);
    expect(notice.target).toBe(v.named('JW_LEAVE_DATE'));
  } else {
    expect(canLeave).toBe('Not yet');
    const reason = v.noteOf('JW_CAN_LEAVE');
    expect(reason).toMatch(/^Not yet: from /);
    expect(reason).toContain(v.named('JW_LEAVE_DATE'));
    expect(reason).toContain(v.named('JW_RUNWAY_RISK'));
    expect(headline.startsWith(`${reason} – `)).toBe(true);
    expect(notice.target).toBe(reason);
  }
  // What holds the leave date back, as the key numbers say.
  const [start, ready, quit, leave] = ['JW_START_DATE', 'JW_READY_DATE', 'JW_QUIT_DATE', 'JW_LEAVE_DATE'].map(
    (n) => v.namedValue(n) as Date,
  );
  if (canLeave === 'Yes') {
    if (leave.getTime() <= start.getTime()) expect(headline).toContain('(nothing holds it back');
    else if (quit.getTime() > ready.getTime())
      expect(headline).toContain(`(held back by the risk: the buffer is reached ${v.named('JW_READY_DATE')})`);
    else expect(headline).toContain('(held back by the buffer');
  }
  // The headline's figures.
  expect(headline).toContain(` – buffer ${v.named('JW_BUFFER_TARGET')} – `);
  const leftOver = Number(v.namedValue('JW_LOW_MONTH_LEFT_OVER'));
  const leftOverShown = v.named('JW_LOW_MONTH_LEFT_OVER').replace('-', '');
  expect(headline).toContain(`a low month leaves you ${leftOverShown} ${leftOver < 0 ? 'short' : 'over'} after tax`);
  expect(headline.includes("with your partner's take-home")).toBe(Number(v.namedValue('JW_PARTNER_TAKE_HOME')) > 0);
  const runway = v.named('JW_RUNWAY_AT_LEAVE');
  expect(headline).toContain(`your savings then last ${runway === '∞' ? 'indefinitely' : `${runway} months`}`);
  expect(headline.endsWith(`chance of running out in the first year: ${v.named('JW_RUNWAY_RISK')}`)).toBe(true);

  // The low month: the budget's arithmetic on the inputs, and the what-if's expected case (its factor 100%) the same.
  const n = (name: string) => Number(v.namedValue(name));
  expect(leftOver).toBeCloseTo(
    n('JW_PROJECTED_LOW') -
      n('JW_MONTHLY_TAX_SET_ASIDE') -
      n('JW_HEALTH_MONTHLY') +
      n('JW_PARTNER_TAKE_HOME') -
      n('JW_MONTHLY_EXPENSES'),
    6,
  );
  const factors = v.rowOf('Earnings compared with the history');
  expect(v.shown(`C${factors - 1}`)).toBe('Expected');
  expect(v.value(`C${factors}`)).toBe(1);
  expect(v.shown(`C${factors + 3}`)).toBe(v.named('JW_LOW_MONTH_LEFT_OVER'));
  expect(v.shown(`C${factors + 1}`)).toBe(v.named('JW_QUIT_DATE'));
  expect(v.shown(`C${factors + 2}`)).toBe(v.named('JW_RUNWAY_RISK'));

  // Checklist steps quoting figures.
  expect(v.step('tax-account').words).toBe(
    `Open a savings account for tax and move ${v.named('JW_TAX_RATE')} of every payment into it`,
  );
  const buffer = v.step('buffer-reached');
  expect(buffer.words).toBe(`Reach your buffer of ${v.named('JW_BUFFER_TARGET')}`);
  expect(buffer.target).toBe(v.named('JW_READY_DATE'));
  // No health cost (the NHS, a partner's plan): the step says the plan budgets nothing, not "£0 a month".
  if (/^\D0$/.test(v.named('JW_HEALTH_MONTHLY'))) expect(v.step('health-cover').words).toMatch(/the plan budgets (nothing|none)/);
  else expect(v.step('health-cover').words).toContain(`the plan budgets ${v.named('JW_HEALTH_MONTHLY')} a month`);
  // The challenges.
  const months = (name: string) => (v.named(name) === '∞' ? 'indefinitely' : `${v.named(name)} months`);
  expect(v.shown(`B${v.rowOf('Income swings from month to month')}`)).toBe(
    `Your budget is planned on a low month of ${v.named('JW_PROJECTED_LOW')} before tax, less the tax set aside, and a buffer of ${v.named('JW_BUFFER_MONTHS_INPUT')} months covers the gaps; today your savings last ${months('JW_RUNWAY_MONTHS')} on low months.`,
  );
  expect(v.shown(`B${v.rowOf('Benefits stop with the job')}`)).toContain(`cost about ${v.named('JW_BENEFITS_COST')} a month`);

  // The tax calendar: the first payment is the first with something to pay, the largest the largest, and the key
  // numbers' words quote their dates.
  const rows = calendarRows(v);
  const first = rows.find((r) => r[3] > 0);
  if (!first) throw new Error('nothing to pay in the calendar');
  expect([v.named('JW_FIRST_TAX_PAYMENT'), v.named('JW_FIRST_TAX_DATE')]).toEqual([first[2], first[1]]);
  const most = Math.max(...rows.map((r) => r[3]));
  const largest = rows.find((r) => r[3] === most) as (typeof rows)[number];
  expect([v.named('JW_LARGEST_TAX_PAYMENT'), v.named('JW_LARGEST_TAX_DATE')]).toEqual([largest[2], largest[1]]);
  expect(v.noteOf('JW_LARGEST_TAX_PAYMENT')).toContain(`due ${largest[1]}`);
  for (const [, due] of rows) expect(parseShownDate(due) >= leave.getTime()).toBe(true);

  // The sidebar's key numbers (leapBuildPlan's answer) are the cells as shown, and the check-in quotes the low and
  // expected month as the plan shows them.
  if (sidebar) {
    for (const k of KEY_NUMBERS) {
      const entry = sidebar.keyNumbers.find((s) => s.name === k.name);
      expect([k.name, entry?.display]).toEqual([k.name, v.named(k.name)]);
    }
  }
  expect(checkIn.plan?.low).toBe(v.named('JW_PROJECTED_LOW'));
  expect(checkIn.plan?.expected).toBe(v.named('JW_EXPECTED_MONTHLY'));
  return rows;
}

/** A date as the plan shows it ("Apr 15, 2027", "31 Jan 2029"), as a time: the calendar's dates after the leave date. */
function parseShownDate(shown: string): number {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const us = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec(shown);
  if (us) return Date.UTC(Number(us[3]), months.indexOf(us[1]), Number(us[2]));
  const gb = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$/.exec(shown);
  if (gb) return Date.UTC(Number(gb[3]), months.indexOf(gb[2]), Number(gb[1]));
  throw new Error(`not a date as the plan shows it: ${shown}`);
}

/** The UK: the first-payment step, the registration step and the workings agree with the calendar, date by date. */
function expectUkAgrees(v: View, rows: [string, string, string, number][]) {
  const year = Number(v.namedValue('JW_TAX_YEAR'));
  const yearText = `${year}/${String(year + 1).slice(2)}`;
  expect(v.noteOf('JW_TAX_YEAR').startsWith(`${yearText} UK tax year`)).toBe(true);
  const payment = v.step('first-big-tax-payment');
  expect(
    payment.words.startsWith(`Have ${v.named('JW_FIRST_TAX_PAYMENT')} in your tax account by ${v.named('JW_FIRST_TAX_DATE')}:`),
  ).toBe(true);
  expect(payment.target).toBe(v.named('JW_FIRST_TAX_DATE'));
  expect(v.noteOf('JW_FIRST_TAX_PAYMENT')).toBe(
    `31 January after the ${yearText} tax year: that year's bill, plus half of it again when a payment on account is due (none falls in your first tax year)`,
  );
  expect(v.named('JW_FIRST_TAX_DATE')).toBe(`31 Jan ${year + 2}`);
  // The workings beside the fan: TAX_CALENDAR_UK's payments are the calendar's rows, words, dates and amounts.
  const call = v.formulas.findIndex((row) => row.some((f) => f.startsWith('=TAX_CALENDAR_UK(')));
  const column = v.formulas[call].findIndex((f) => f.startsWith('=TAX_CALENDAR_UK('));
  const letter = (k: number) => String.fromCharCode(65 + column + k);
  const workings = rows.map((_, i) => {
    const r = call + 1 + 4 + i;
    return [v.shown(`${letter(1)}${r}`), v.shown(`${letter(0)}${r}`), v.shown(`${letter(2)}${r}`)];
  });
  expect(workings).toEqual(rows.map(([words, due, amount]) => [words, due, amount]));
  expect(rows[0][0]).toBe(`Balancing payment ${yearText} + 1st payment on account ${year + 1}/${String(year + 2).slice(2)}`);
  // The bills are labelled with the real tax years; the workings' heading row and the first year's profit.
  expect(v.shown(`${letter(1)}${call + 3}`).startsWith(`Self Assessment bill ${yearText}`)).toBe(true);
  const profitRow = v.rowOf('Profit in the first tax year', column);
  expect(v.noteOf('JW_TAX_RATE')).toBe(
    `TAX_RATE_UK on ${v.shown(`${letter(1)}${profitRow}`)} of profit from the leave month to 5 April, built up over your ramp months, with the wages above`,
  );
  // Registration: 5 October after the first tax year, the step's words and date from the workings' cell.
  const registration = v.step('self-assessment-registration');
  const deadline = v.shown(`${letter(1)}${v.rowOf('Self Assessment registration deadline (TMA 1970 s.7)', column)}`);
  expect(deadline).toBe(`5 Oct ${year + 1}`);
  expect(registration.words).toBe(
    `Register for Self Assessment with HMRC by ${deadline}: the deadline after your first tax year of trading`,
  );
  expect(registration.target).toBe(deadline);
  // The leave-year wages' words name the same tax year and the months employed in it.
  const employed = Number(/Salary × (\d+) month/.exec(v.noteOf('JW_LEAVE_YEAR_WAGES'))?.[1]);
  expect(v.noteOf('JW_LEAVE_YEAR_WAGES')).toBe(
    `Salary × ${employed} ${employed === 1 ? 'month' : 'months'} employed in the ${yearText} tax year ÷ 12`,
  );
  expect(Number(v.namedValue('JW_LEAVE_YEAR_WAGES'))).toBeCloseTo((Number(v.namedValue('JW_ANNUAL_SALARY')) * employed) / 12, 6);
}

/** The US: the quarters' words and the safe-harbor sentence agree with their cells. */
function expectUsAgrees(v: View, rows: [string, string, string, number][]) {
  expect(v.noteOf('JW_FIRST_TAX_PAYMENT')).toBe(
    `The first quarterly payment (Form 1040-ES) on your own, due ${v.named('JW_FIRST_TAX_DATE')}: it covers the months you are building up to full earnings`,
  );
  const harbor = v.rowOf('Safe harbor for the leave year');
  const joint = v.named('JW_FILING_STATUS') === 'Married filing jointly';
  expect(v.shown(`A${harbor - 1}`)).toBe(
    joint ? "Last year's federal tax on both your wages (joint return)" : "Last year's federal tax on your salary",
  );
  const year = (v.namedValue('JW_LEAVE_DATE') as Date).getUTCFullYear();
  expect(v.shown(`A${harbor + 1}`)).toContain(
    `No underpayment penalty for ${year}, however it turns out, once ${joint ? "your and your partner's withholding" : "your job's withholding"} and these payments reach ${v.shown(`B${harbor}`)} by the January payment after it`,
  );
  expect(rows).toHaveLength(4);
}

describe.each(Object.entries(PEOPLE))('a new-user walk of %s', (_, person) => {
  const { em, result } = build(person, person.answers);
  const check = (v: View, sidebar: BuildResult | null) => {
    const rows = expectAllAgree(v, sidebar, em.run('leapGetCheckIn') as CheckInView);
    if (person.locale === 'en_GB') expectUkAgrees(v, rows);
    else expectUsAgrees(v, rows);
  };

  test('every sentence, key number, checklist step and the sidebar agree as built', () => {
    const v = view(em);
    expect(v.shownGrid.flat().filter((s) => /^#[A-Z/0!?]+/.test(s))).toEqual([]);
    check(v, result);
  });

  test('after the living expenses are edited on the sheet they still agree, and the plan equals a fresh build of the edited answers', () => {
    const before = view(em).named('JW_LOW_MONTH_LEFT_OVER');
    em.enterInput(PLAN, view(em).cellOf('JW_MONTHLY_EXPENSES'), person.expensesTyped);
    const edited = view(em);
    expect(edited.namedValue('JW_MONTHLY_EXPENSES')).toBe(person.expensesEdited);
    expect(edited.named('JW_LOW_MONTH_LEFT_OVER')).not.toBe(before);
    check(edited, null);
    // Build again as the wizard does it: the answers read back from the sheet over the draft.
    const back = em.run('leapGetPlanAnswers') as PlanAnswers;
    const { answers, fromSheet } = mergePlanAnswers(person.answers as never, back.answers as never);
    expect(fromSheet).toEqual(['monthlyExpenses']);
    const fresh = build(person, answers as Record<string, unknown>);
    const again = view(fresh.em);
    check(again, fresh.result);
    // Cell by cell: the edited plan shows what the fresh one shows, from the same formulas (every figure live).
    expect(again.shownGrid).toEqual(edited.shownGrid);
    expect(again.formulas).toEqual(edited.formulas);
  });
});
