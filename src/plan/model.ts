/**
 * The plan as numbers, dates and words, computed from validated answers. Pure: no Apps Script.
 * Every key number is computed by calling the same custom function the plan sheet's formula calls,
 * so what the sidebar shows after a build is what the sheet shows.
 */
import { customFunctions, functionTable } from '../functions';
import type { ArgInput, FunctionOutput } from '../functions/types';
import { type Answers, demandScore, ENTITIES, FILING_STATUSES, PATH_KINDS, WORKSPACES } from './answers';

/** The runway when income covers expenses: BUFFER_RUNWAY's own answer. */
export type Months = number | string;

export interface PlanNumbers {
  /** Share of earnings set aside for tax: the flat rate, or TAX_RATE_US on the average projection. */
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
  hourlyRate: number;
  /** One quarterly estimated payment: a quarter of the year's tax on the average projection. */
  quarterlyTaxPayment: number;
  /** The tax year TAX_RATE_US uses (its default year); undefined with a flat rate. */
  taxYear?: number;
  /** Year of the quarterly tax calendar: the year saving starts. */
  calendarYear: number;
  demandScore: number;
}

export interface ChecklistItem {
  /** Stable across rebuilds: ticks and notes are carried over by it. */
  id: string;
  step: string;
  /** Where the target date falls between the start date (0) and the ready date (1). */
  phase: number;
  targetDate: string;
  /** Already done when the plan is made (e.g. a business bank account the user has). */
  done: boolean;
}

/** The checklist item whose date the sheet replaces by a warning while a low month does not pay for itself. */
export const GIVE_NOTICE_ITEM = 'last-day';

export interface Challenge {
  challenge: string;
  answer: string;
}

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

/** The year TAX_RATE_US uses when none is given: from its declaration, the one source of truth. */
export function defaultTaxYear(): number {
  const year = functionTable.find((f) => f.name === 'TAX_RATE_US')?.params.find((p) => p.name === 'year');
  const value = typeof year?.defaultValue === 'function' ? year.defaultValue() : year?.defaultValue;
  if (typeof value !== 'number') throw new Error("Leap's function TAX_RATE_US is missing from this version of the add-on");
  return value;
}

// ---- Calendar dates as ISO strings, so nothing depends on the server's or the sheet's time zone. ----

const DAY_MS = 86_400_000;

export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

const toDays = (iso: string): number => {
  const { year, month, day } = parseIsoDate(iso);
  return Date.UTC(year, month - 1, day) / DAY_MS;
};

const fromDays = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** EDATE: the same day of month `months` later, clamped to the month's last day. */
export function addMonthsIso(iso: string, months: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The date a share `phase` of the way from start to ready, whole days (ROUND, as the sheet's formula does). */
export function phaseDate(startIso: string, readyIso: string, phase: number): string {
  const start = toDays(startIso);
  return fromDays(start + Math.round((toDays(readyIso) - start) * phase));
}

/** Months rounded up the way the sheet's ROUNDUP does, so 14.000000000002 from float noise stays 14. */
export const wholeMonthsUp = (months: number): number => Math.ceil(Math.round(months * 1e9) / 1e9);

/** The projection LOW_END_BUDGET reads: the pasted monthly figures, or the low and the high month. */
export const projectionOf = (a: Answers): number[] => a.monthlyFigures ?? [a.projectedMonthlyLow, a.projectedMonthlyHigh];

export function planNumbers(a: Answers): PlanNumbers {
  const low = a.projectedMonthlyLow;
  const averageMonth = (a.projectedMonthlyLow + a.projectedMonthlyHigh) / 2;
  const taxYear = a.taxMode === 'us_estimate' ? defaultTaxYear() : undefined;
  const taxRate =
    a.taxMode === 'us_estimate'
      ? asNumber(
          'TAX_RATE_US',
          callLeapFunction('TAX_RATE_US', 12 * averageMonth, FILING_STATUSES[a.filingStatus], taxYear, a.stateTaxRate, a.w2Wages),
        )
      : a.taxRate;
  const monthlyTaxSetAside = asNumber('TAX_SET_ASIDE', callLeapFunction('TAX_SET_ASIDE', low, taxRate));
  const projection = projectionOf(a).map((x) => [x]);
  const lowEndBudget = asNumber('LOW_END_BUDGET', callLeapFunction('LOW_END_BUDGET', projection, taxRate, a.healthMonthly));
  const benefitsCost = asNumber(
    'BENEFITS_COST',
    callLeapFunction('BENEFITS_COST', a.annualSalary, a.healthMonthly, a.retirementRate, a.ptoWeeks),
  );
  const monthlyCosts = a.monthlyExpenses + a.healthMonthly;
  const bufferTarget = asNumber('BUFFER_TARGET', callLeapFunction('BUFFER_TARGET', monthlyCosts, a.bufferMonths));
  const runway = callLeapFunction('BUFFER_RUNWAY', a.currentSavings, monthlyCosts, low - monthlyTaxSetAside);
  if (Array.isArray(runway)) throw new Error('BUFFER_RUNWAY gave a table where one number was expected');
  const monthsToBuffer = asNumber(
    'BUFFER_MONTHS_TO_GOAL',
    callLeapFunction('BUFFER_MONTHS_TO_GOAL', a.currentSavings, bufferTarget, a.monthlySavings),
  );
  const hourlyRate = asNumber('HOURLY_RATE', callLeapFunction('HOURLY_RATE', a.annualSalary + 12 * benefitsCost));
  return {
    taxRate,
    monthlyTaxSetAside,
    lowEndBudget,
    lowMonthLeftOver: lowEndBudget - a.monthlyExpenses,
    benefitsCost,
    bufferTarget,
    runwayMonths: runway as Months,
    monthsToBuffer,
    readyDate: addMonthsIso(a.startDate, wholeMonthsUp(monthsToBuffer)),
    hourlyRate,
    quarterlyTaxPayment: (taxRate * 12 * averageMonth) / 4,
    taxYear,
    calendarYear: parseIsoDate(a.startDate).year,
    demandScore: demandScore(a),
  };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const percent = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;
const money = (n: number): string => `$${Math.round(n).toLocaleString('en-US')}`;

/** The steps from testing the niche to the habits of working alone, each placed between start and ready. */
function checklistSteps(a: Answers, n: PlanNumbers): Omit<ChecklistItem, 'targetDate'>[] {
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
      step: `Open a savings account for tax and move ${percent(n.taxRate)} of every payment into it`,
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
      step:
        a.healthMonthly > 0
          ? `Arrange health insurance (about ${money(a.healthMonthly)} a month) to start the day your job's cover ends`
          : "Arrange health insurance to start the day your job's cover ends",
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
    { id: 'buffer-reached', step: `Reach your buffer of ${money(n.bufferTarget)}`, phase: 1, done: false },
    { id: GIVE_NOTICE_ITEM, step: 'Choose your last day at work and give notice', phase: 1, done: false },
  ];
}

const workspaceText = (a: Answers): string =>
  a.workspace === 'not_yet' ? 'A place to work you can leave' : `Your workspace (${WORKSPACES[a.workspace].toLowerCase()})`;

function challengesOf(a: Answers, n: PlanNumbers): Challenge[] {
  const runway = typeof n.runwayMonths === 'number' ? `${Math.round(n.runwayMonths * 10) / 10} months` : 'indefinitely';
  return [
    {
      challenge: 'Income swings from month to month',
      answer:
        `Your budget is planned on a low month of ${money(a.projectedMonthlyLow)} before tax, less the tax set aside, ` +
        `and a ${a.bufferMonths}-month buffer covers the gaps; today your savings last ${runway} on low months.`,
    },
    {
      challenge: 'Benefits stop with the job',
      answer:
        `Health cover, retirement and paid time off cost about ${money(n.benefitsCost)} a month; ` +
        'the hourly rate in Key numbers already pays for them.',
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
  const checklist = checklistSteps(a, numbers)
    .sort((x, y) => x.phase - y.phase)
    .map((s) => ({ ...s, targetDate: phaseDate(a.startDate, numbers.readyDate, s.phase) }));
  return { answers: a, numbers, checklist, challenges: challengesOf(a, numbers) };
}
