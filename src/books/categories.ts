/**
 * The categories a ledger row can take, the Schedule C line each belongs to, and the rules that pick one from a
 * statement description. The defaults fill a new Categories sheet; after that the sheet is the source (the person
 * edits it) and the import reads it back with readCategoryRules.
 */

export const KINDS = ['Income', 'Expense', 'Tax payment', 'Transfer', 'Personal'] as const;
export type Kind = (typeof KINDS)[number];

/** The category of a row no rule matched. The Books sheet counts it (and a blank category) as not yet categorised. */
export const UNCATEGORISED = 'Uncategorized';

export interface CategoryDefault {
  category: string;
  /** '' for Uncategorized, which is on the sheet only so the Ledger's dropdown offers it. */
  kind: Kind | '';
  /** The Schedule C line, as printed on the form ("8", "24b"); '' when the category is not on Schedule C. */
  scheduleCLine: string;
  /** Share of the amount that is deductible (1 = all of it). */
  deductibleShare: number;
  /** Words any of which in a description picks this category (case, punctuation and apostrophes do not matter). */
  words: string[];
}

/** Software sold the same way in every country Books knows: one list, which each country's Software row starts from. */
export const SOFTWARE_WORDS: readonly string[] = [
  'adobe',
  'github',
  'google workspace',
  'gsuite',
  'microsoft',
  'dropbox',
  'zoom.us',
  'slack',
  'notion.so',
  'figma',
];

/**
 * Line numbers: IRS Schedule C (Form 1040) 2025, "Profit or Loss From Business": Part I line 1 (Gross receipts or
 * sales) and line 6 (Other income); Part II lines 8-27b. Line 24b: "Deductible meals", business meals are 50%
 * deductible (Instructions for Schedule C 2025, line 24b; IRC section 274(n)). Line 27b: "Other expenses (from line
 * 48)", itemised in Part V (software subscriptions and bank fees go there): the 2025 form swapped 27a and 27b, 27a
 * now being the energy efficient commercial buildings deduction (checked in legalclarity.org "What Are Schedule C
 * Other Expenses and How to Report Them" and kb.olt.com "Schedule C - Other Expenses"; the IRS PDF was out of reach). Estimated tax payments (Form 1040-ES), transfers
 * between one's own accounts and personal spending are not business income or expenses: no line.
 */
export const DEFAULT_CATEGORIES: readonly CategoryDefault[] = [
  {
    category: 'Client income',
    kind: 'Income',
    scheduleCLine: '1',
    deductibleShare: 1,
    // Money in as US banks describe it: Zelle and ACH credits (Chase writes "ORIG CO NAME:<payer> … ACH" on both
    // credits and debits, so Income rules pick money in only), remote and mobile check deposits, payouts of
    // payment platforms, wires and transfers from a client.
    words: [
      'stripe payout',
      'stripe transfer',
      'paypal transfer',
      'square payout',
      'client payment',
      'invoice payment',
      'zelle payment from',
      'zelle from',
      'zelle credit',
      'ach credit',
      'orig co name',
      'remote deposit',
      'remote online deposit',
      'mobile deposit',
      'mobile check deposit',
      'payout',
      'incoming wire',
      'wire transfer from',
      'transfer from client',
    ],
  },
  {
    category: 'Other income',
    kind: 'Income',
    scheduleCLine: '6',
    deductibleShare: 1,
    words: ['affiliate', 'referral fee', 'royalt'],
  },
  {
    category: 'Advertising',
    kind: 'Expense',
    scheduleCLine: '8',
    deductibleShare: 1,
    words: ['facebook ads', 'facebk', 'google ads', 'linkedin ads', 'meta ads'],
  },
  {
    category: 'Car and truck',
    kind: 'Expense',
    scheduleCLine: '9',
    deductibleShare: 1,
    words: ['chevron', 'exxon', 'shell oil', 'parking', 'e-zpass', 'ez pass'],
  },
  {
    category: 'Commissions and fees',
    kind: 'Expense',
    scheduleCLine: '10',
    deductibleShare: 1,
    words: ['upwork fee', 'fiverr fee', 'stripe fee', 'paypal fee', 'etsy fee'],
  },
  {
    category: 'Contract labor',
    kind: 'Expense',
    scheduleCLine: '11',
    deductibleShare: 1,
    words: ['contractor', 'subcontract'],
  },
  {
    category: 'Insurance other than health',
    kind: 'Expense',
    scheduleCLine: '15',
    deductibleShare: 1,
    words: ['hiscox', 'next insurance', 'liability insurance', 'business insurance'],
  },
  {
    category: 'Legal and professional',
    kind: 'Expense',
    scheduleCLine: '17',
    deductibleShare: 1,
    words: ['legalzoom', 'attorney', 'law office', 'accountant', 'bookkeep', 'cpa firm'],
  },
  {
    category: 'Office',
    kind: 'Expense',
    scheduleCLine: '18',
    deductibleShare: 1,
    words: ['staples', 'office depot', 'officemax', 'usps', 'fedex', 'ups store'],
  },
  {
    category: 'Rent or lease',
    kind: 'Expense',
    scheduleCLine: '20b',
    deductibleShare: 1,
    words: ['wework', 'regus', 'coworking', 'office rent'],
  },
  { category: 'Repairs', kind: 'Expense', scheduleCLine: '21', deductibleShare: 1, words: ['repair'] },
  {
    category: 'Supplies',
    kind: 'Expense',
    scheduleCLine: '22',
    deductibleShare: 1,
    words: ['amazon business', 'home depot', 'lowes', 'best buy'],
  },
  {
    category: 'Taxes and licenses',
    kind: 'Expense',
    scheduleCLine: '23',
    deductibleShare: 1,
    words: ['business license', 'secretary of state', 'franchise tax', 'permit'],
  },
  {
    category: 'Travel',
    kind: 'Expense',
    scheduleCLine: '24a',
    deductibleShare: 1,
    words: [
      'airlines',
      'delta air',
      'united air',
      'american air',
      'southwest',
      'airbnb',
      'marriott',
      'hilton',
      'hotel',
      'amtrak',
    ],
  },
  {
    category: 'Meals',
    kind: 'Expense',
    scheduleCLine: '24b',
    deductibleShare: 0.5,
    words: ['restaurant', 'cafe', 'coffee', 'starbucks', 'doordash', 'grubhub', 'uber eats'],
  },
  {
    category: 'Utilities',
    kind: 'Expense',
    scheduleCLine: '25',
    deductibleShare: 1,
    words: ['verizon', 'at&t', 't-mobile', 'comcast', 'xfinity', 'internet service'],
  },
  {
    category: 'Software',
    kind: 'Expense',
    scheduleCLine: '27b',
    deductibleShare: 1,
    words: [...SOFTWARE_WORDS],
  },
  {
    category: 'Bank fees',
    kind: 'Expense',
    scheduleCLine: '27b',
    deductibleShare: 1,
    words: ['monthly service fee', 'maintenance fee', 'wire fee', 'overdraft fee', 'bank fee'],
  },
  {
    category: 'Estimated tax payment',
    kind: 'Tax payment',
    scheduleCLine: '',
    deductibleShare: 0,
    // The IRS as US banks name it; HMRC as UK banks name a Self Assessment payment (gov.uk "Pay your Self
    // Assessment tax bill": payee "HMRC Self Assessment"; a Direct Debit reads "HMRC NDDS"); the CRA as Canadian
    // banks name an instalment or balance (canada.ca "Make a payment to the CRA": payee "CRA (revenue)", cheques to
    // the "Receiver General for Canada").
    words: [
      'IRS USATAXPYMT',
      'EFTPS',
      '1040-ES',
      'hmrc self assessment',
      'hmrc ndds',
      'cra revenue',
      'canada revenue agency',
      'receiver general',
    ],
  },
  {
    category: 'Transfer between own accounts',
    kind: 'Transfer',
    scheduleCLine: '',
    deductibleShare: 0,
    words: ['online transfer', 'transfer to', 'transfer from', 'credit card payment', 'payment thank you', 'autopay'],
  },
  {
    category: 'Personal',
    kind: 'Personal',
    scheduleCLine: '',
    deductibleShare: 0,
    words: ['netflix', 'spotify', 'grocery', 'whole foods', 'trader joe', 'atm withdrawal'],
  },
  // Last, with no words: what the import writes when no rule matched. Listed so the Ledger's dropdown (which
  // refuses other text) accepts it; the Books sheet counts its rows as not yet categorised.
  { category: UNCATEGORISED, kind: '', scheduleCLine: '', deductibleShare: 0, words: [] },
];

/** The Schedule C lines the Books sheet totals, in the form's order, with the form's wording. Source as above. */
export const SCHEDULE_C_LINES: readonly { line: string; name: string; alsoCounts?: readonly string[] }[] = [
  { line: '1', name: 'Gross receipts or sales' },
  { line: '6', name: 'Other income' },
  { line: '8', name: 'Advertising' },
  { line: '9', name: 'Car and truck expenses' },
  { line: '10', name: 'Commissions and fees' },
  { line: '11', name: 'Contract labor' },
  { line: '15', name: 'Insurance (other than health)' },
  { line: '17', name: 'Legal and professional services' },
  { line: '18', name: 'Office expense' },
  { line: '20b', name: 'Rent or lease: other business property' },
  { line: '21', name: 'Repairs and maintenance' },
  { line: '22', name: 'Supplies' },
  { line: '23', name: 'Taxes and licenses' },
  { line: '24a', name: 'Travel' },
  { line: '24b', name: 'Deductible meals' },
  { line: '25', name: 'Utilities' },
  // Categories sheets made for the 2024 form say 27a, which the 2025 form gave to the energy efficient commercial
  // buildings deduction (Form 7205): no bank row is that, so their 27a rows still count here.
  { line: '27b', name: 'Other expenses', alsoCounts: ['27a'] },
];

/** The Categories sheet's columns, in order: names are a contract (the import finds columns by them). */
export const CATEGORY_HEADER = ['Category', 'Kind', 'Schedule C line', 'Deductible share', 'Description contains'] as const;

/** One rule as read from the Categories sheet. */
interface CategoryRule {
  category: string;
  /** Folded for matching (foldForMatching); empty words are dropped. */
  words: string[];
  /** A rule of an Income category picks only money in: "ORIG CO NAME" heads ACH debits as well as credits. */
  moneyInOnly?: boolean;
}

/**
 * What rule words and descriptions are compared in: lower case, apostrophes and ampersands dropped (LOWE'S is
 * lowes, AT&T is att), every other run of punctuation or space one space. Banks write the same merchant with and
 * without them.
 */
export const foldForMatching = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´&]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The words of a "Description contains" cell: comma-separated. */
export function ruleWords(cell: string): string[] {
  return cell
    .split(',')
    .map(foldForMatching)
    .filter((w) => w !== '');
}

/**
 * A rule word matches from the start of a description's word ("royalt" finds ROYALTIES, "att" not MATT); a word of
 * three letters or fewer must be a whole word (ATT*BILL, not ATTIC).
 */
export const wordPattern = (word: string): string => (word.length <= 3 ? ` ${word} ` : ` ${word}`);

/**
 * Words banks and payroll providers put on a paycheck. Wages from a job are not business income (they are reported
 * on Form W-2 and Form 1040 line 1a, not Schedule C: IRS, Instructions for Schedule C 2025, line 1), yet a paycheck
 * paid by ACH reads like a client's payment ("ORIG CO NAME:ACME CORP … CO ENTRY DESCR:PAYROLL", "ACH CREDIT …
 * DIRECT DEP"). An Income rule therefore takes such a row only through a word that itself names pay; otherwise the
 * row stays uncategorised for the person to decide. Jumpwise's audience is still employed when it imports.
 */
const PAYCHECK_WORDS = ['payroll', 'direct dep', 'dir dep', 'salary', 'paychex', 'adp wage', 'wages'];
const namesPay = (folded: string): boolean => PAYCHECK_WORDS.some((w) => folded.includes(w));

/**
 * The first rule with a word inside the description wins; none: Uncategorized. With the amount, a rule for money in
 * (an Income category) passes over money out, and over a paycheck unless the rule's word names pay.
 */
export function categorise(description: string, rules: readonly CategoryRule[], amount?: number): string {
  const folded = foldForMatching(description);
  const text = ` ${folded} `;
  const paycheck = namesPay(folded);
  for (const rule of rules) {
    if (rule.moneyInOnly && amount !== undefined && !(amount > 0)) continue;
    const matched = rule.words.filter((w) => text.includes(wordPattern(w)));
    if (matched.length === 0) continue;
    if (rule.moneyInOnly && paycheck && !matched.some(namesPay)) continue;
    return rule.category;
  }
  return UNCATEGORISED;
}

/**
 * The rules of a Categories sheet from its values (header row first). Columns are found by their header, so a
 * person may move them or add columns of their own. Rows with no category are passed over.
 */
export function readCategoryRules(values: readonly (readonly unknown[])[]): CategoryRule[] {
  const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const column = (name: string): number => header.indexOf(name.toLowerCase());
  const categoryColumn = column('Category');
  const wordsColumn = column('Description contains');
  const kindColumn = column('Kind');
  const missing = [categoryColumn < 0 ? '"Category"' : null, wordsColumn < 0 ? '"Description contains"' : null].filter(
    (m) => m !== null,
  );
  if (missing.length > 0) {
    throw new Error(
      `The Categories sheet has no ${missing.join(' or ')} column in its first row. ` +
        `Put the headings back (${CATEGORY_HEADER.join(' | ')}), then import again.`,
    );
  }
  const rules: CategoryRule[] = [];
  for (const row of values.slice(1)) {
    const category = String(row[categoryColumn] ?? '').trim();
    if (category === '') continue;
    const rule: CategoryRule = { category, words: ruleWords(String(row[wordsColumn] ?? '')) };
    if (
      kindColumn >= 0 &&
      String(row[kindColumn] ?? '')
        .trim()
        .toLowerCase() === 'income'
    )
      rule.moneyInOnly = true;
    rules.push(rule);
  }
  return rules;
}
