/**
 * The plan as numbers, dates and words, computed from validated answers. Pure: no Apps Script.
 * Every key number is computed by calling the same custom function the plan sheet's formula calls,
 * so what the sidebar shows after a build is what the sheet shows.
 */
import { wholeMonthsUp } from '../finance/buffer';
import { SUPPORTED_TAX_YEARS } from '../finance/usTax/tables';
import { customFunctions } from '../functions';
import type { ArgInput, FunctionOutput } from '../functions/types';
import { type Answers, demandScore, ENTITIES, PATH_KINDS, WORKSPACES } from './answers';

/** Months, or BUFFER_RUNWAY's "∞" when income covers the costs. */
export type Months = number | '∞';

export interface PlanNumbers {
  /** What a month is expected to bring: the mean of the pasted figures, else midway between a low and a good month. */
  expectedMonthly: number;
  /** Share of earnings set aside for tax: the flat rate, or TAX_RATE_US on the leave year's earnings and wages. */
  taxRate: number;
  monthlyTaxSetAside: number;
  lowEndBudget: number;
  /** The low-end budget less living expenses: below 0, freelancing does not yet pay for a low month. */
  lowMonthLeftOver: number;
  benefitsCost: number;
  bufferTarget: number;
  runwayMonths: Months;
  monthsToBuffer: number;
  /** ISO date: the start date plus the months to the buffer, rounded up. */
  readyDate: string;
  /** ISO date: the first day of independent work. Today the ready date. */
  leaveDate: string;
  /** What the savings will be on the leave date: today's plus the monthly saving until then. */
  savingsAtLeave: number;
  /** How long those savings last on low months after tax, from the leave date. */
  runwayAtLeave: Months;
  /** The tax year of the first independent year: the leave date's year. */
  taxYear: number;
  hourlyRate: number;
  demandScore: number;
}

export interface ChecklistItem {
  /** Stable across rebuilds: ticks and notes are carried over by it. */
  id: string;
  /** The step in words; a figure in it is quoted live from the sheet. */
  step: Sentence;
  /** Where the target date falls between the start date (0) and the leave date (1). */
  phase: number;
  /** Already done when the plan is made (e.g. a business bank account the user has). */
  done: boolean;
}

/** The checklist item whose date the sheet replaces by a warning while a low month does not pay for itself. */
export const GIVE_NOTICE_ITEM = 'last-day';

export interface Challenge {
  challenge: string;
  answer: Sentence;
}

/**
 * Words with live figures: each figure is a named cell of the plan sheet (a key number or an input) shown in a
 * format, so the layout writes the sentence as a formula and an edit on the sheet rewrites it. Only Leap's own
 * words go between the figures: a sentence quoting a figure never carries the person's text (which would then sit
 * inside a formula).
 */
export type Sentence = string | readonly (string | Figure)[];
export interface Figure {
  figure: string;
  as: 'money' | 'percent' | 'months' | 'whole' | 'date';
}
const fig = (figure: string, as: Figure['as']): Figure => ({ figure, as });

export interface Plan {
  answers: Answers;
  numbers: PlanNumbers;
  checklist: ChecklistItem[];
  challenges: Challenge[];
}

/** Calls a Leap custom function as the sheet does; a missing one is a build problem, not the user's. */
export function callLeapFunction(name: string, ...args: ArgInput[]): FunctionOutput {
  const fn = customFunctions[name];
  if (!fn) throw new Error(`Leap's function ${name} is missing from this version of the add-on`);
  return fn(...args);
}

function asNumber(name: string, out: FunctionOutput): number {
  if (typeof out !== 'number') throw new Error(`${name} gave ${JSON.stringify(out)} where a number was expected`);
  return out;
}

/** The tax years Leap has US tables for: a leave year outside them is estimated with the nearest. */
export const TAX_FIGURES_YEARS = { first: SUPPORTED_TAX_YEARS[0], last: SUPPORTED_TAX_YEARS[SUPPORTED_TAX_YEARS.length - 1] };
export const taxFiguresYear = (taxYear: number): number =>
  Math.max(TAX_FIGURES_YEARS.first, Math.min(TAX_FIGURES_YEARS.last, taxYear));

// ---- Calendar dates as ISO strings, so nothing depends on the server's or the sheet's time zone. ----

export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

/** EDATE: the same day of month `months` later, clamped to the month's last day. */
export function addMonthsIso(iso: string, months: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Expected monthly earnings, one rule for the model and the sheet: the mean of the figures, else the midpoint. */
export const expectedMonthlyOf = (a: Answers): number =>
  a.monthlyFigures
    ? a.monthlyFigures.reduce((sum, x) => sum + x, 0) / a.monthlyFigures.length
    : (a.projectedMonthlyLow + a.projectedMonthlyHigh) / 2;

/** Whole months from the start of saving to the leave date (the leave date is the start date moved by whole months). */
export const monthsBetween = (fromIso: string, toIso: string): number => {
  const from = parseIsoDate(fromIso);
  const to = parseIsoDate(toIso);
  return (to.year - from.year) * 12 + to.month - from.month;
};

/**
 * Months of the leave year spent employed: the whole months before the leave month (the leave month itself counts
 * as independent). Wages in the leave year are the salary times these months over 12.
 */
export const monthsEmployedInLeaveYear = (leaveIso: string): number => parseIsoDate(leaveIso).month - 1;

export function planNumbers(a: Answers): PlanNumbers {
  // One low month for every figure that uses it: the input cell (typed, or the lowest pasted figure).
  const low = a.projectedMonthlyLow;
  const expectedMonthly = expectedMonthlyOf(a);
  const monthlyCosts = a.monthlyExpenses + a.healthMonthly;
  const bufferTarget = asNumber('BUFFER_TARGET', callLeapFunction('BUFFER_TARGET', monthlyCosts, a.bufferMonths));
  const monthsToBuffer = asNumber(
    'BUFFER_MONTHS_TO_GOAL',
    callLeapFunction('BUFFER_MONTHS_TO_GOAL', a.currentSavings, bufferTarget, a.monthlySavings),
  );
  const readyDate = addMonthsIso(a.startDate, wholeMonthsUp(monthsToBuffer));
  const leaveDate = readyDate;
  const taxYear = parseIsoDate(leaveDate).year;
  const employedMonths = monthsEmployedInLeaveYear(leaveDate);
  const taxRate =
    a.taxMode === 'us_estimate'
      ? asNumber(
          'TAX_RATE_US',
          callLeapFunction(
            'TAX_RATE_US',
            expectedMonthly * (12 - employedMonths),
            a.filingStatus,
            taxFiguresYear(taxYear),
            a.stateTaxRate,
            (a.annualSalary * employedMonths) / 12,
          ),
        )
      : a.taxRate;
  const monthlyTaxSetAside = asNumber('TAX_SET_ASIDE', callLeapFunction('TAX_SET_ASIDE', low, taxRate));
  const lowEndBudget = asNumber('LOW_END_BUDGET', callLeapFunction('LOW_END_BUDGET', low, taxRate, a.healthMonthly));
  const benefitsCost = asNumber(
    'BENEFITS_COST',
    callLeapFunction('BENEFITS_COST', a.annualSalary, a.healthMonthly, a.retirementRate, a.ptoWeeks),
  );
  const runway = (savings: number): Months => {
    const months = callLeapFunction('BUFFER_RUNWAY', savings, monthlyCosts, low - monthlyTaxSetAside);
    if (typeof months === 'number' || months === '∞') return months;
    throw new Error(`BUFFER_RUNWAY gave ${JSON.stringify(months)} where months were expected`);
  };
  const savingsAtLeave = a.currentSavings + a.monthlySavings * monthsBetween(a.startDate, leaveDate);
  const hourlyRate = asNumber('HOURLY_RATE', callLeapFunction('HOURLY_RATE', a.annualSalary + 12 * benefitsCost));
  return {
    expectedMonthly,
    taxRate,
    monthlyTaxSetAside,
    lowEndBudget,
    lowMonthLeftOver: lowEndBudget - a.monthlyExpenses,
    benefitsCost,
    bufferTarget,
    runwayMonths: runway(a.currentSavings),
    monthsToBuffer,
    readyDate,
    leaveDate,
    savingsAtLeave,
    runwayAtLeave: runway(savingsAtLeave),
    taxYear,
    hourlyRate,
    demandScore: demandScore(a),
  };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The steps from testing the niche to the habits of working alone, each placed between start and ready. */
function checklistSteps(a: Answers, n: PlanNumbers): ChecklistItem[] {
  const tool = (name: string): string => (name ? ` in ${name}` : '');
  return [
    {
      id: 'niche-demand',
      step: `Test demand for your service (self-assessed ${n.demandScore}/100): talk to 5 people who would buy it`,
      phase: 0,
      done: false,
    },
    {
      id: 'portfolio',
      step: 'Put together a portfolio: three pieces of work or case studies that show the service',
      phase: 0.15,
      done: false,
    },
    {
      id: 'pricing',
      step: 'Set your prices from the hourly rate in Key numbers, and write them down',
      phase: 0.2,
      done: false,
    },
    {
      id: 'tax-account',
      step: ['Open a savings account for tax and move ', fig('LEAP_TAX_RATE', 'percent'), ' of every payment into it'],
      phase: 0.25,
      done: false,
    },
    {
      id: 'outreach',
      step: `Contact ${plural(a.outreachPerWeek, 'person', 'people')} a week about your service`,
      phase: 0.3,
      done: false,
    },
    {
      id: 'entity',
      step:
        a.entity === 'llc'
          ? 'Form your LLC with your state and get an EIN'
          : a.entity === 'sole_proprietorship'
            ? 'Register your business name if you use one (a sole proprietorship needs no other filing)'
            : `Choose ${ENTITIES.sole_proprietorship.toLowerCase()} or LLC (a single-member LLC is taxed the same by default)`,
      phase: 0.35,
      done: false,
    },
    {
      id: 'bank-account',
      step:
        a.bankAccount === 'have'
          ? 'Run all business income and costs through your business bank account'
          : 'Open a separate business bank account',
      phase: 0.4,
      done: a.bankAccount === 'have',
    },
    { id: 'invoicing', step: `Set up invoicing${tool(a.invoicingTool)}`, phase: 0.45, done: false },
    { id: 'expense-tracking', step: `Track every business expense${tool(a.expenseTool)}`, phase: 0.45, done: false },
    {
      id: 'first-clients',
      step: `Sign your first ${plural(a.clientsWanted, 'client', 'clients')}`,
      phase: 0.7,
      done: false,
    },
    {
      id: 'health-cover',
      step: [
        "Arrange health insurance to start the day your job's cover ends; the plan budgets ",
        fig('LEAP_HEALTH_MONTHLY', 'money'),
        ' a month for it',
      ],
      phase: 0.85,
      done: false,
    },
    {
      id: 'workspace',
      step:
        a.workspace === 'not_yet'
          ? 'Set up a place to work that you can leave at the end of the day'
          : `Set up your workspace: ${WORKSPACES[a.workspace].toLowerCase()}`,
      phase: 0.5,
      done: false,
    },
    {
      id: 'coworking',
      step:
        a.coworkingSessions > 0
          ? `Book ${plural(a.coworkingSessions, 'co-working session', 'co-working sessions')} a month`
          : 'Plan regular time working around other people (co-working, meetups)',
      phase: 0.6,
      done: false,
    },
    {
      id: 'accountability',
      step: a.accountabilityGroup
        ? 'Join or start an accountability group that meets every week or two'
        : 'Find one person to check in with about your goals every week',
      phase: 0.6,
      done: false,
    },
    {
      id: 'end-of-day',
      step: a.endOfDayRoutine
        ? `Keep your end-of-day routine: ${a.endOfDayRoutine}`
        : 'Set an end-of-day routine that closes the work day',
      phase: 0.65,
      done: false,
    },
    { id: 'buffer-reached', step: ['Reach your buffer of ', fig('LEAP_BUFFER_TARGET', 'money')], phase: 1, done: false },
    { id: GIVE_NOTICE_ITEM, step: 'Choose your last day at work and give notice', phase: 1, done: false },
  ];
}

const workspaceText = (a: Answers): string =>
  a.workspace === 'not_yet' ? 'A place to work you can leave' : `Your workspace (${WORKSPACES[a.workspace].toLowerCase()})`;

function challengesOf(a: Answers): Challenge[] {
  return [
    {
      challenge: 'Income swings from month to month',
      answer: [
        'Your budget is planned on a low month of ',
        fig('LEAP_PROJECTED_LOW', 'money'),
        ' before tax, less the tax set aside, and a buffer of ',
        fig('LEAP_BUFFER_MONTHS_INPUT', 'whole'),
        ' months covers the gaps; today your savings last ',
        fig('LEAP_RUNWAY_MONTHS', 'months'),
        ' on low months.',
      ],
    },
    {
      challenge: 'Benefits stop with the job',
      answer: [
        'Health cover, retirement and paid time off cost about ',
        fig('LEAP_BENEFITS_COST', 'money'),
        ' a month; the hourly rate in Key numbers already pays for them.',
      ],
    },
    {
      challenge: 'Working alone can be isolating',
      answer:
        (a.coworkingSessions > 0
          ? `${plural(a.coworkingSessions, 'co-working session', 'co-working sessions')} a month`
          : 'Time around other people') +
        (a.accountabilityGroup ? ' and an accountability group' : ' and a weekly check-in') +
        ' keep you connected: see the checklist.',
    },
    {
      challenge: 'Work and life blur together',
      answer: `${workspaceText(a)} and an end-of-day routine give the day a clear end.`,
    },
  ];
}

/** A short title line: the path and the service, as the user described them. */
export const planSubtitle = (a: Answers): string => `${PATH_KINDS[a.pathKind]}: ${a.nicheService}`;

export function buildPlan(a: Answers): Plan {
  const numbers = planNumbers(a);
  const checklist = checklistSteps(a, numbers).sort((x, y) => x.phase - y.phase);
  return { answers: a, numbers, checklist, challenges: challengesOf(a) };
}
