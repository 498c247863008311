/**
 * Issue 21, problems 1-3 and 6 on the built bundle (the emulator): the household (a partner's take-home in the budget
 * and the simulations, a partner's wages on a US joint return), what the person types over a formula default kept by
 * Build again, one answer to "can I leave?" quoted by the headline, the give-notice step and the sidebar, and the
 * earnings as profit in the wizard's words and on the plan.
 *
 * Tax facts: IRS Publication 505 "Tax Withholding and Estimated Tax" (https://www.irs.gov/publications/p505) and
 * Form 1040 instructions: a joint return reports both spouses' income; Schedule SE (https://www.irs.gov/forms-pubs/about-schedule-se-form-1040)
 * reduces the Social Security wage base by the self-employed person's own wages only; Form 8959 instructions
 * (https://www.irs.gov/instructions/i8959) combine both spouses' wages against the $250,000 joint threshold. HMRC
 * "Income Tax: introduction" (https://www.gov.uk/income-tax) and the CRA tax each person on their own income.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { mergePlanAnswers } from '../../sidebar/form';
import { FIELDS, STEPS, validateAnswers } from '../../src/plan/answers';
import { INPUT_NAMES, US_INPUT_NAMES } from '../../src/plan/layout';
import type { BuildResult, PlanAnswers } from '../../src/protocol';
import { PLAN_INPUT_LABELS } from '../../src/sheets/planReader';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

type Bundle = Record<string, (...args: unknown[]) => unknown>;
const PLAN = 'Transition Plan';

function fresh(): { em: Emulator; bundle: Bundle } {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  return { em, bundle: loadDist(em) as Bundle };
}
const sheetCells = (em: Emulator) => em.toJSON().sheets.find((s) => s.name === PLAN)?.cells ?? {};
const cellOf = (em: Emulator, name: string): string => (em.toJSON().namedRanges[name] as string).split('!')[1].replace(/\$/g, '');
const named = (em: Emulator, name: string): unknown => sheetCells(em)[cellOf(em, name)]?.value;
const formulaAt = (em: Emulator, name: string): unknown => sheetCells(em)[cellOf(em, name)]?.formula;
const planAnswers = (em: Emulator) => em.run('leapGetPlanAnswers') as PlanAnswers | null;
function itemRow(em: Emulator, id: string): number {
  const entry = Object.entries(sheetCells(em)).find(([a1, c]) => a1.startsWith('E') && c.value === id);
  if (!entry) throw new Error(`no checklist item ${id}`);
  return Number(entry[0].slice(1));
}
/** The words right of an input or key number (column C). */
const noteOf = (em: Emulator, name: string): unknown => sheetCells(em)[cellOf(em, name).replace(/^B/, 'C')]?.value;

/** The US electrician: married filing jointly, spouse earning $52,000 in wages (about $3,400 a month take-home). */
const ELECTRICIAN = {
  ...SAMPLE_ANSWERS,
  pathKind: 'skilled_trade',
  monthlyExpenses: 5200,
  currentSavings: 14000,
  annualSalary: 62000,
  projectedMonthlyLow: 4500,
  projectedMonthlyHigh: 9000,
  taxCountry: 'us',
  taxMode: 'us_estimate',
  filingStatus: 'married_joint',
  stateTaxRate: 0,
  healthMonthly: 0,
  household: 'partner',
  partnerTakeHome: 3400,
  partnerWages: 52000,
};

describe('problem 1: a household', () => {
  const { em, bundle } = fresh();
  em.run('leapBuildPlan', ELECTRICIAN);

  test('the wizard asks for a partner in the money step, and the answers keep the figures only with a partner', () => {
    expect(STEPS.find((s) => s.id === 'money')?.fields).toEqual(
      expect.arrayContaining(['household', 'partnerTakeHome', 'partnerWages']),
    );
    expect(FIELDS.partnerWages.showWhen).toEqual({ field: 'household', equals: 'partner' });
    const alone = validateAnswers({ ...ELECTRICIAN, household: 'alone' });
    expect(alone.ok && [alone.answers.partnerTakeHome, alone.answers.partnerWages]).toEqual([0, 0]);
    const bad = validateAnswers({ ...ELECTRICIAN, partnerTakeHome: -5 });
    expect(!bad.ok && bad.errors.partnerTakeHome).toBeTruthy();
  });

  test('a joint return: the full-year set-aside rate is TAX_RATE_US with the spouse’s wages (about 22.9%)', () => {
    const joint = bundle.TAX_RATE_US(81000, 'married_joint', 2026, 0, 52000) as number;
    expect(joint).toBeCloseTo(0.229, 3);
    expect(named(em, 'JW_EXPECTED_MONTHLY')).toBe(6750);
    expect(Math.abs((named(em, 'JW_FULL_YEAR_TAX_RATE') as number) - joint)).toBeLessThan(0.0005);
    // The spouse's wages are not the person's own: they leave the person's Social Security wage base whole.
    const high = bundle.TAX_RATE_US(150000, 'married_joint', 2026, 0, 0, 150000) as number;
    const asOwn = bundle.TAX_RATE_US(150000, 'married_joint', 2026, 0, 150000) as number;
    expect(high).toBeGreaterThan(asOwn);
    // Not filing jointly, a spouse's wages are not on the return.
    expect(bundle.TAX_RATE_US(81000, 'single', 2026, 0, 0, 52000)).toBe(bundle.TAX_RATE_US(81000, 'single', 2026, 0, 0));
    expect(noteOf(em, 'JW_PARTNER_WAGES')).toMatch(/^Filing jointly: the set-aside rates count these wages/);
  });

  test('a low month leaves (low - tax - health + partner’s take-home - household expenses), and the headline says so', () => {
    const tax = named(em, 'JW_MONTHLY_TAX_SET_ASIDE') as number;
    expect(named(em, 'JW_LOW_MONTH_LEFT_OVER')).toBeCloseTo(4500 - tax - 0 + 3400 - 5200, 6);
    expect(named(em, 'JW_LOW_MONTH_LEFT_OVER') as number).toBeGreaterThan(0);
    // The buffer is the household's: six months of costs less the partner's take-home.
    expect(named(em, 'JW_BUFFER_TARGET')).toBe((5200 - 3400) * 6);
    // Income covers the household's costs: the runway runs on indefinitely.
    expect(named(em, 'JW_RUNWAY_MONTHS')).toBe('∞');
    expect(String(sheetCells(em).A2.value)).toContain(
      "over after tax, health cover and living costs, with your partner's take-home",
    );
    // The simulations take the household's costs net of the partner's take-home.
    expect(String(formulaAt(em, 'JW_QUIT_DATE')).replace(/\$/g, '')).toContain(`-${cellOf(em, 'JW_PARTNER_TAKE_HOME')})`);
  });

  test('a partner’s take-home that meets all the costs: no buffer to save, and a plan free of errors', () => {
    const { em: covered } = fresh();
    covered.run('leapBuildPlan', { ...ELECTRICIAN, partnerTakeHome: 6000 });
    expect(named(covered, 'JW_BUFFER_TARGET')).toBe(0);
    const errors = Object.entries(sheetCells(covered)).filter(
      ([, c]) => typeof c.value === 'string' && /^#(REF|NAME|VALUE|ERROR|N\/A|DIV)/.test(c.value),
    );
    expect(errors).toEqual([]);
    expect(named(covered, 'JW_CAN_LEAVE')).toBe('Yes');
  });

  test('in the UK and Canada the partner’s wages change nothing but the budget, and the plan says so', () => {
    for (const taxCountry of ['uk_england', 'canada']) {
      const rates = [0, 52000].map((partnerWages) => {
        const { em: other } = fresh();
        other.run('leapBuildPlan', { ...ELECTRICIAN, taxCountry, partnerWages });
        return [named(other, 'JW_TAX_RATE'), named(other, 'JW_FULL_YEAR_TAX_RATE'), noteOf(other, 'JW_PARTNER_WAGES')];
      });
      expect(rates[1]).toEqual(rates[0]);
      expect(String(rates[0][2])).toMatch(/taxes them on their own: only their take-home counts/);
    }
  });
});

describe('problem 2: what the person types stays', () => {
  test('typed over the leave-year wages and the low month, Build again keeps both, and the wizard lists them', () => {
    const { em } = fresh();
    em.run('leapBuildPlan', ELECTRICIAN);
    expect(String(formulaAt(em, 'JW_LEAVE_YEAR_WAGES'))).toMatch(/^=/);
    const draft = planAnswers(em)?.answers ?? {};
    expect(draft.leaveYearWages).toBe('');
    em.enterInput(PLAN, cellOf(em, 'JW_LEAVE_YEAR_WAGES'), '52,000');
    em.enterInput(PLAN, cellOf(em, 'JW_PROJECTED_LOW'), '4,100');
    em.enterInput(PLAN, cellOf(em, 'JW_PARTNER_TAKE_HOME'), '3,600');
    const back = planAnswers(em);
    expect(back?.answers).toMatchObject({ leaveYearWages: 52000, projectedMonthlyLow: 4100, partnerTakeHome: 3600 });
    const { answers, fromSheet } = mergePlanAnswers({ ...ELECTRICIAN } as never, back?.answers as never);
    expect(fromSheet).toEqual(expect.arrayContaining(['leaveYearWages', 'projectedMonthlyLow', 'partnerTakeHome']));
    expect(PLAN_INPUT_LABELS.leaveYearWages).toBe('Wages from your job in the leave year');
    em.run('leapBuildPlan', answers);
    expect(named(em, 'JW_LEAVE_YEAR_WAGES')).toBe(52000);
    expect(formulaAt(em, 'JW_LEAVE_YEAR_WAGES')).toBeUndefined();
    expect(named(em, 'JW_PROJECTED_LOW')).toBe(4100);
    expect(named(em, 'JW_PARTNER_TAKE_HOME')).toBe(3600);
    // A second read gives the same answers: a second Build again changes nothing.
    expect(planAnswers(em)?.answers).toEqual(back?.answers);
  });

  test('every input of a US-estimate plan typed over on the sheet is read back as typed and kept by Build again', () => {
    const { em } = fresh();
    em.run('leapBuildPlan', ELECTRICIAN);
    // What the person types, as Sheets reads it (text in the en_US locale), and the value the cell then holds.
    const typed: Record<string, [string, unknown]> = {
      JW_MONTHLY_EXPENSES: ['5,000', 5000],
      JW_PARTNER_TAKE_HOME: ['3,000', 3000],
      JW_PARTNER_WAGES: ['50,000', 50000],
      JW_SAVINGS: ['15,000', 15000],
      JW_ANNUAL_SALARY: ['60,000', 60000],
      JW_PROJECTED_LOW: ['4,000', 4000],
      JW_PROJECTED_HIGH: ['8,800', 8800],
      JW_HEALTH_MONTHLY: ['100', 100],
      JW_RETIREMENT_RATE: ['5%', 0.05],
      JW_PTO_WEEKS: ['2', 2],
      JW_BUFFER_MONTHS_INPUT: ['4', 4],
      JW_MONTHLY_SAVINGS: ['900', 900],
      JW_RAMP_MONTHS: ['2', 2],
      JW_MAX_RISK: ['12%', 0.12],
      JW_FILING_STATUS: ['Single', 'Single'],
      JW_STATE_TAX_RATE: ['3%', 0.03],
      JW_LEAVE_YEAR_WAGES: ['41,000', 41000],
    };
    expect(Object.keys(typed).sort()).toEqual([...INPUT_NAMES, ...US_INPUT_NAMES].filter((n) => n !== 'JW_START_DATE').sort());
    for (const [name, [text]] of Object.entries(typed)) em.enterInput(PLAN, cellOf(em, name), text);
    em.enterInput(PLAN, cellOf(em, 'JW_START_DATE'), '2026-04-01');
    const back = planAnswers(em)?.answers;
    const { answers, fromSheet } = mergePlanAnswers({ ...ELECTRICIAN } as never, back as never);
    const checked = validateAnswers(answers);
    expect(checked.ok).toBe(true);
    em.run('leapBuildPlan', answers);
    for (const [name, [, value]] of Object.entries(typed)) expect([name, named(em, name)]).toEqual([name, value]);
    expect(String(named(em, 'JW_START_DATE')).slice(0, 10)).toBe('2026-04-01');
    // The wizard's note lists every one of them as read from the sheet.
    for (const field of Object.keys(PLAN_INPUT_LABELS)) {
      if (field !== 'taxRate') expect([field, fromSheet.includes(field as never)]).toEqual([field, true]);
    }
  });

  test('the what-if factors typed over on the sheet are kept by Build again, and the wizard lists them', () => {
    const { em } = fresh();
    em.run('leapBuildPlan', ELECTRICIAN);
    const factorsRow = () => {
      const entry = Object.entries(sheetCells(em)).find(
        ([a1, c]) => /^A\d+$/.test(a1) && c.value === 'Earnings compared with the history',
      );
      if (!entry) throw new Error('no what-if factors');
      return Number(entry[0].slice(1));
    };
    const r = factorsRow();
    expect(['B', 'C', 'D'].map((c) => sheetCells(em)[`${c}${r - 1}`]?.value)).toEqual(['Lean', 'Expected', 'Strong']);
    expect(['B', 'C', 'D'].map((c) => sheetCells(em)[`${c}${r}`]?.value)).toEqual([0.8, 1, 1.2]);
    const lowMonthBefore = Number(sheetCells(em)[`B${r + 3}`]?.value);
    em.enterInput(PLAN, `B${r}`, '60%');
    em.enterInput(PLAN, `D${r}`, '150%');
    // The lean case earns less: its low month leaves less.
    expect(Number(sheetCells(em)[`B${r + 3}`]?.value)).toBeLessThan(lowMonthBefore);
    const back = planAnswers(em);
    expect(back?.answers).toMatchObject({ whatIfLean: 0.6, whatIfExpected: 1, whatIfStrong: 1.5 });
    const { answers, fromSheet } = mergePlanAnswers({ ...ELECTRICIAN } as never, back?.answers as never);
    expect(fromSheet).toEqual(expect.arrayContaining(['whatIfLean', 'whatIfStrong']));
    expect(fromSheet).not.toContain('whatIfExpected');
    expect(validateAnswers(answers).ok).toBe(true);
    em.run('leapBuildPlan', answers);
    const again = factorsRow();
    expect(['B', 'C', 'D'].map((c) => sheetCells(em)[`${c}${again}`]?.value)).toEqual([0.6, 1, 1.5]);
    expect(planAnswers(em)?.answers).toEqual(back?.answers);
  });

  test('typed over the low month taken from pasted figures (a MIN formula), Build again keeps the figure', () => {
    const { em } = fresh();
    em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, projectedMonthlyLow: '', monthlyFigures: [4200, 3100, 6100, 5200] });
    em.enterInput(PLAN, cellOf(em, 'JW_PROJECTED_LOW'), '2500');
    const back = planAnswers(em)?.answers ?? {};
    em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, ...back });
    expect(named(em, 'JW_PROJECTED_LOW')).toBe(2500);
    expect(formulaAt(em, 'JW_PROJECTED_LOW')).toBeUndefined();
  });
});

describe('problem 3: one answer to "can I leave?"', () => {
  /** The four places that answer it: the key number, the headline, the give-notice step, the sidebar's key numbers. */
  function answers(changes: Record<string, unknown>) {
    const { em } = fresh();
    const result = em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, ...changes }) as BuildResult;
    const cells = sheetCells(em);
    return {
      canLeave: named(em, 'JW_CAN_LEAVE'),
      reason: noteOf(em, 'JW_CAN_LEAVE'),
      headline: String(cells.A2.value),
      giveNotice: cells[`C${itemRow(em, 'last-day')}`].value,
      sidebar: result.keyNumbers.find((k) => k.name === 'JW_CAN_LEAVE')?.display,
      risk: named(em, 'JW_RUNWAY_RISK') as number,
      maxRisk: named(em, 'JW_MAX_RISK') as number,
    };
  }

  test('a plan within the risk it accepts: yes everywhere, even with a low month short (the buffer carries it)', () => {
    const yes = answers({});
    expect(yes.risk).toBeLessThanOrEqual(yes.maxRisk);
    expect([yes.canLeave, yes.sidebar]).toEqual(['Yes', 'Yes']);
    expect(yes.headline).toMatch(/^Leave on Apr 1, 2027 /);
    expect(yes.headline).toContain('leaves you $1,725 short');
    expect(String(yes.giveNotice)).not.toMatch(/Not yet/);
    expect(String(yes.reason)).toMatch(/^Yes when the chance of running out/);
  });

  test('a plan past the risk it accepts: the same "Not yet" sentence everywhere', () => {
    const no = answers({ projectedMonthlyLow: 500, projectedMonthlyHigh: 1000, monthlySavings: 100, bufferMonths: 3 });
    expect(no.risk).toBeGreaterThan(no.maxRisk);
    expect([no.canLeave, no.sidebar]).toEqual(['Not yet', 'Not yet']);
    expect(String(no.reason)).toMatch(
      /^Not yet: from .* the chance of running out in the first year is .*, above the 10\.0% you accept \(it never falls that low within 10 years: earn more in a low month, spend less or save more\)$/,
    );
    expect(no.giveNotice).toBe(no.reason);
    expect(no.headline.startsWith(`${no.reason} – buffer `)).toBe(true);
  });
});

describe('problem 6: earnings after business costs', () => {
  test('the wizard and the plan say earnings are money in less business costs, before tax', () => {
    for (const f of ['projectedMonthlyLow', 'projectedMonthlyHigh'] as const) {
      expect(FIELDS[f].hint).toMatch(/^Money in less business costs, before tax/);
    }
    expect(STEPS.find((s) => s.id === 'earnings')?.why).toMatch(/profit: money in less business costs, before tax/);
    const { em } = fresh();
    em.run('leapBuildPlan', SAMPLE_ANSWERS);
    expect(noteOf(em, 'JW_PROJECTED_LOW')).toMatch(/^Money in less business costs, before tax/);
    expect(noteOf(em, 'JW_PROJECTED_HIGH')).toMatch(/^Money in less business costs, before tax/);
  });
});
