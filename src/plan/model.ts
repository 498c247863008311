/**
 * The plan's words from validated answers: the checklist's steps and the challenges, each figure in them a named
 * cell of the sheet. Pure: no Apps Script. The numbers themselves are the sheet's formulas alone
 * (src/plan/layout.ts): one place computes them, and an edit on the sheet cannot leave a copy behind.
 */
import { SUPPORTED_TAX_YEARS } from '../finance/usTax/tables';
import { type Answers, demandScore, PATH_KINDS, WORKSPACES } from './answers';

interface ChecklistItem {
  /** Stable across rebuilds: ticks and notes are carried over by it. */
  id: string;
  /** The step in words; a figure in it is quoted live from the sheet. */
  step: Sentence;
  /** Where the target date falls between the start date (0) and the leave date (1). */
  phase: number;
  /** Already done when the plan is made (e.g. a business bank account the user has). */
  done: boolean;
  /** A named date of the plan that is the step's target date itself, rather than a point between start and leave. */
  due?: string;
}

/** The checklist item whose date the sheet replaces by a warning while a low month does not pay for itself. */
export const GIVE_NOTICE_ITEM = 'last-day';

interface Challenge {
  challenge: string;
  answer: Sentence;
}

/**
 * Words with live figures: each figure is a named cell of the plan sheet (a key number or an input) shown in a
 * format, so the layout writes the sentence as a formula and an edit on the sheet rewrites it. Only Jumpwise's own
 * words go between the figures: a sentence quoting a figure never carries the person's text (which would then sit
 * inside a formula).
 */
export type Sentence = string | readonly (string | Figure | WhenZero)[];
interface Figure {
  figure: string;
  as: 'money' | 'percent' | 'months' | 'whole' | 'count' | 'date';
}
/**
 * Words that depend on whether a figure is 0, chosen live on the sheet (an IF in the sentence's formula): "the plan
 * budgets $625 a month" reads wrong as "$0 a month" for someone whose cover costs nothing.
 */
export interface WhenZero {
  whenZero: string;
  zero: readonly (string | Figure)[];
  otherwise: readonly (string | Figure)[];
}
const fig = (figure: string, as: Figure['as']): Figure => ({ figure, as });

export interface Plan {
  answers: Answers;
  checklist: ChecklistItem[];
  challenges: Challenge[];
}

/** The tax years Jumpwise has US tables for: a leave year outside them is estimated with the nearest. */
export const TAX_FIGURES_YEARS = { first: SUPPORTED_TAX_YEARS[0], last: SUPPORTED_TAX_YEARS[SUPPORTED_TAX_YEARS.length - 1] };

// ---- Calendar dates as ISO strings, so nothing depends on the server's or the sheet's time zone. ----

export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The steps from testing the niche to the habits of working alone, each placed between start and ready. */
function checklistSteps(a: Answers): ChecklistItem[] {
  const tool = (name: string): string => (name ? ` in ${name}` : '');
  return [
    {
      id: 'niche-demand',
      step: `Test demand for your service (self-assessed ${demandScore(a)}/100): talk to 5 people who would buy it`,
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
      step: ['Open a savings account for tax and move ', fig('JW_TAX_RATE', 'percent'), ' of every payment into it'],
      phase: 0.25,
      done: false,
    },
    {
      id: 'outreach',
      step: `Contact ${plural(a.outreachPerWeek, 'person', 'people')} a week about your service`,
      phase: 0.3,
      done: false,
    },
    { id: 'entity', step: entityStep(a), phase: 0.35, done: false },
    ...countryRegistrationSteps(a),
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
    { id: 'health-cover', step: healthCoverStep(a), phase: 0.85, done: false },
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
    // Due on the ready date, the day the key numbers say the buffer is reached (the leave date may come later).
    {
      id: 'buffer-reached',
      step: ['Reach your buffer of ', fig('JW_BUFFER_TARGET', 'money')],
      phase: 1,
      done: false,
      due: 'JW_READY_DATE',
    },
    { id: GIVE_NOTICE_ITEM, step: 'Choose your last day at work and give notice', phase: 1, done: false },
    ...firstTaxPaymentStep(a),
  ];
}

/**
 * What health cover asks of someone leaving a job, in their country's words. In the UK the NHS is residence-based
 * (National Health Service Act 2006 s.1: free to people ordinarily resident), so nothing stops with the job and private cover is a choice; Canadian
 * provincial and territorial plans insure residents whatever their work (Canada Health Act s.10), so what ends is the
 * job's extended health and dental benefits; in the US and elsewhere health insurance itself may end with the job.
 */
function healthCoverStep(a: Answers): Sentence {
  const monthly = fig('JW_HEALTH_MONTHLY', 'money');
  const budgets = (before: string): WhenZero['otherwise'] => [`${before}the plan budgets `, monthly, ' a month for it'];
  if (inUk(a)) {
    return [
      'Your NHS cover continues when you leave: it does not depend on a job. ',
      {
        whenZero: monthly.figure,
        zero: ['Private health insurance is optional, and the plan budgets none'],
        otherwise: budgets('Private health insurance is optional; '),
      },
    ];
  }
  if (a.taxCountry === 'canada') {
    return [
      'Your provincial health plan keeps covering you: ',
      {
        whenZero: monthly.figure,
        zero: ["the plan budgets nothing to replace your job's extended health and dental benefits"],
        otherwise: budgets(
          "replace what your job's extended health and dental benefits paid (an individual plan or a professional association's group plan); ",
        ),
      },
    ];
  }
  return [
    {
      whenZero: monthly.figure,
      zero: [
        "Check you stay covered from the day your job's health cover ends (on a partner's plan, say); the plan budgets nothing for it",
      ],
      otherwise: budgets("Arrange health insurance to start the day your job's cover ends; "),
    },
  ];
}

const inUk = (a: Answers): boolean => a.taxCountry === 'uk_england' || a.taxCountry === 'uk_scotland';

/**
 * Figures of the plan that are no named range of its contract, only cells the layout writes beside the tax
 * workings: a sentence or a step's date quotes them by these names.
 */
export const WORKINGS_FIGURES = {
  /** The day the first tax year's Self Assessment registration is due (UK plans). */
  selfAssessmentRegistration: 'SELF_ASSESSMENT_REGISTRATION_DATE',
  /** The GST/HST small-supplier limit (Canadian plans). */
  gstHstLimit: 'GST_HST_SMALL_SUPPLIER_LIMIT',
} as const;

/**
 * Setting up the business in the words of the country's own forms: the answer keeps its value (llc,
 * sole_proprietorship, undecided) whatever the country, so a draft stays valid when the country changes.
 */
function entityStep(a: Answers): string {
  const words: Record<Answers['entity'], string> = inUk(a)
    ? {
        llc: 'Set up your limited company with Companies House and register it for Corporation Tax with HMRC (this plan’s tax figures are a sole trader’s: ask an accountant what salary and dividends from the company cost)',
        sole_proprietorship: 'Trade as a sole trader: no company to form; choose a business name if you use one',
        undecided:
          'Choose sole trader or limited company (this plan estimates a sole trader: income tax and Class 4 National Insurance on the profit)',
      }
    : a.taxCountry === 'canada'
      ? {
          llc: 'Incorporate your business, federally or in your province, and get its business number from the CRA (this plan’s tax figures are a sole proprietor’s: ask an accountant what salary and dividends from the corporation cost)',
          sole_proprietorship:
            'Register your business name with your province if you use one (a sole proprietorship needs no incorporation)',
          undecided:
            'Choose sole proprietorship or incorporation (this plan estimates a sole proprietor: the profit taxed as your own income, with CPP on it)',
        }
      : a.taxCountry === 'us'
        ? {
            llc: 'Form your LLC with your state and get an EIN',
            sole_proprietorship: 'Register your business name if you use one (a sole proprietorship needs no other filing)',
            undecided: 'Choose sole proprietorship or LLC (a single-member LLC is taxed the same by default)',
          }
        : {
            llc: 'Form your company and register your business as your country requires',
            sole_proprietorship: 'Register your business as your country requires for someone working under their own name',
            undecided:
              'Choose between working under your own name and forming a company, then register your business as your country requires',
          };
  return words[a.entity];
}

/**
 * The registrations the country asks of a new business: in the UK, Self Assessment by its deadline after the first
 * tax year of trading (the calendar's payments assume it); in Canada, GST/HST once sales pass the small-supplier limit.
 */
function countryRegistrationSteps(a: Answers): ChecklistItem[] {
  if (inUk(a)) {
    return [
      {
        id: 'self-assessment-registration',
        step: [
          'Register for Self Assessment with HMRC by ',
          fig(WORKINGS_FIGURES.selfAssessmentRegistration, 'date'),
          ': the deadline after your first tax year of trading',
        ],
        // After the leave date and before the first tax payment.
        phase: 1.005,
        done: false,
        due: WORKINGS_FIGURES.selfAssessmentRegistration,
      },
    ];
  }
  if (a.taxCountry === 'canada') {
    return [
      {
        id: 'gst-hst-registration',
        step: [
          'Register for GST/HST once your taxable sales pass ',
          fig(WORKINGS_FIGURES.gstHstLimit, 'money'),
          ' in four calendar quarters in a row, or in a single quarter',
        ],
        phase: 0.45,
        done: false,
      },
    ];
  }
  return [];
}

/**
 * The UK's 31 January and Canada's 30 April after the first year ask for a whole year's tax at once (in the UK
 * half of it again on top): the step that has it ready, due on that day.
 */
function firstTaxPaymentStep(a: Answers): ChecklistItem[] {
  const uk = inUk(a);
  if (!uk && a.taxCountry !== 'canada') return [];
  return [
    {
      id: 'first-big-tax-payment',
      step: [
        'Have ',
        fig('JW_FIRST_TAX_PAYMENT', 'money'),
        ' in your tax account by ',
        fig('JW_FIRST_TAX_DATE', 'date'),
        uk
          ? ': the first Self Assessment payment, your first tax year and half of it again'
          : ': your first tax payment on your own (the tax calendar lists the rest)',
      ],
      // After the leave date, so it sorts last.
      phase: 1.01,
      done: false,
      due: 'JW_FIRST_TAX_DATE',
    },
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
        fig('JW_PROJECTED_LOW', 'money'),
        ' before tax, less the tax set aside, and a buffer of ',
        fig('JW_BUFFER_MONTHS_INPUT', 'count'),
        ' months covers the gaps; today your savings last ',
        fig('JW_RUNWAY_MONTHS', 'months'),
        ' on low months.',
      ],
    },
    {
      challenge: 'Benefits stop with the job',
      answer: [
        'Health cover, retirement and paid time off cost about ',
        fig('JW_BENEFITS_COST', 'money'),
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
  const checklist = checklistSteps(a).sort((x, y) => x.phase - y.phase);
  return { answers: a, checklist, challenges: challengesOf(a) };
}
