/**
 * The default Categories of each country the Books follow: the form line each category goes to, and the words its
 * banks put on the common merchants and on payments to its tax authority. The US list is src/books/categories.ts
 * DEFAULT_CATEGORIES; a first rule that matches wins, so a narrower rule comes before a wider one (meals before
 * travel: "UBER EATS" before "UBER").
 */
import { type CategoryDefault, DEFAULT_CATEGORIES, SOFTWARE_WORDS, UNCATEGORISED } from './categories';
import type { BooksCountryKey } from './country';

const expense = (category: string, line: string, words: string[], deductibleShare = 1): CategoryDefault => ({
  category,
  kind: 'Expense',
  scheduleCLine: line,
  deductibleShare,
  words,
});
const other = (category: string, kind: 'Tax payment' | 'Transfer' | 'Personal', words: string[]): CategoryDefault => ({
  category,
  kind,
  scheduleCLine: '',
  deductibleShare: 0,
  words,
});
const income = (category: string, line: string, words: string[]): CategoryDefault => ({
  category,
  kind: 'Income',
  scheduleCLine: line,
  deductibleShare: 1,
  words,
});
const LAST: CategoryDefault = { category: UNCATEGORISED, kind: '', scheduleCLine: '', deductibleShare: 0, words: [] };

/**
 * UK: SA103F boxes (src/books/country.ts SA103F_BOXES). Money in as UK banks write it: Faster Payments and BACS
 * credits ("FPS", "BGC", "BANK GIRO CREDIT"), payouts of payment platforms. Client entertaining is not an allowable
 * expense (SA103F Notes, box 24): its category has no box and no deductible share. Software is an office cost
 * (SA103F Notes, box 23: "phone, mobile, fax, stationery, postage, printing, small office equipment, computer
 * software"). Self Assessment payments: gov.uk "Pay your Self Assessment tax bill" (payee "HMRC Self Assessment";
 * its accounts are at HMRC Cumbernauld and HMRC Shipley; a Direct Debit reads "HMRC NDDS").
 */
export const UK_CATEGORIES: readonly CategoryDefault[] = [
  income('Client income', '15', [
    'stripe payout',
    'paypal transfer',
    'sumup payout',
    'zettle payout',
    'square payout',
    'client payment',
    'invoice payment',
    'faster payments receipt',
    'fps credit',
    'bank giro credit',
    'bgc',
    'bacs credit',
    'payout',
    'transfer from client',
  ]),
  income('Other income', '16', ['affiliate', 'referral fee', 'royalt']),
  expense(
    'Meals and client entertaining',
    '',
    ['uber eats', 'deliveroo', 'just eat', 'pret a manger', 'costa', 'starbucks', 'greggs', 'restaurant', 'cafe'],
    0,
  ),
  expense('Travel and vehicle', '20', [
    'trainline',
    'national rail',
    'tfl travel',
    'lner',
    'avanti west coast',
    'gwr',
    'easyjet',
    'ryanair',
    'british airways',
    'premier inn',
    'travelodge',
    'uber',
    'shell',
    'bp',
    'esso',
    'texaco',
    'ncp',
    'ringgo',
  ]),
  expense('Rent, rates, power and insurance', '21', [
    'regus',
    'wework',
    'coworking',
    'business rates',
    'simply business',
    'hiscox',
    'octopus energy',
    'british gas',
  ]),
  expense('Repairs', '22', ['repair']),
  expense('Phone, stationery and office', '23', [
    'bt group',
    'bt',
    'vodafone',
    'ee',
    'o2',
    'sky broadband',
    'virgin media',
    'plusnet',
    'royal mail',
    'post office',
    'ryman',
    'viking direct',
    'staples',
  ]),
  expense('Software', '23', [...SOFTWARE_WORDS, 'xero', 'freeagent']),
  expense('Advertising', '24', ['facebook ads', 'facebk', 'google ads', 'linkedin ads', 'meta ads']),
  expense('Bank and card charges', '26', [
    'monthly account fee',
    'account fee',
    'service charge',
    'overdraft fee',
    'stripe fee',
    'paypal fee',
    'sumup fee',
  ]),
  expense('Accountancy and legal', '28', ['accountant', 'accountancy', 'solicitor', 'bookkeep']),
  other('Self Assessment payment', 'Tax payment', ['hmrc self assessment', 'hmrc ndds', 'hmrc cumbernauld', 'hmrc shipley']),
  other('Transfer between own accounts', 'Transfer', [
    'transfer to',
    'transfer from',
    'to savings',
    'from savings',
    'credit card payment',
    'barclaycard',
    'amex payment',
  ]),
  other('Personal', 'Personal', [
    'tesco',
    'sainsbury',
    'asda',
    'morrisons',
    'aldi',
    'lidl',
    'waitrose',
    'netflix',
    'spotify',
    'cash withdrawal',
    'atm',
  ]),
  LAST,
];

/**
 * Canada: T2125 lines (src/books/country.ts T2125_LINES). Money in as Canadian banks write it: Interac e-Transfers
 * received ("E-TRANSFER", "AUTODEPOSIT"), payouts of payment platforms. Meals and entertainment at 50% (ITA s.67.1).
 * Payments to the CRA: canada.ca "Make a payment to the Canada Revenue Agency" (online banking payee "CRA (revenue)",
 * e.g. "CRA (REVENUE) - TAX INSTALMENT"; cheques to the "Receiver General for Canada").
 */
export const CANADA_CATEGORIES: readonly CategoryDefault[] = [
  income('Client income', '8000', [
    'e-transfer',
    'interac e-transfer',
    'autodeposit',
    'stripe payout',
    'paypal transfer',
    'square payout',
    'client payment',
    'invoice payment',
    'mobile deposit',
    'payout',
    'transfer from client',
  ]),
  income('Other income', '8230', ['affiliate', 'referral fee', 'royalt']),
  expense('Advertising', '8521', ['facebook ads', 'facebk', 'google ads', 'linkedin ads', 'meta ads']),
  expense(
    'Meals and entertainment',
    '8523',
    ['uber eats', 'skipthedishes', 'doordash', 'tim hortons', 'starbucks', 'restaurant', 'cafe'],
    0.5,
  ),
  expense('Insurance', '8690', ['intact insurance', 'business insurance', 'liability insurance']),
  expense('Interest and bank charges', '8710', [
    'monthly fee',
    'account fee',
    'service charge',
    'overdraft',
    'nsf fee',
    'stripe fee',
    'paypal fee',
  ]),
  expense('Business taxes, licences and memberships', '8760', ['business licence', 'business license', 'membership']),
  expense('Office expenses', '8810', ['canada post', 'postes canada', 'purolator', 'staples', 'bureau en gros']),
  expense('Professional fees', '8860', ['accountant', 'cpa', 'lawyer', 'notary', 'bookkeep']),
  expense('Rent', '8910', ['regus', 'wework', 'coworking', 'office rent']),
  expense('Repairs and maintenance', '8960', ['repair']),
  expense('Travel', '9200', [
    'air canada',
    'westjet',
    'porter airlines',
    'via rail',
    'marriott',
    'hilton',
    'hotel',
    'airbnb',
    'uber',
    'lyft',
  ]),
  expense('Telephone and utilities', '9220', [
    'bell canada',
    'bell mobility',
    'rogers',
    'telus',
    'fido',
    'koodo',
    'videotron',
    'freedom mobile',
    'shaw',
    'hydro',
  ]),
  expense('Software', '9270', [...SOFTWARE_WORDS, 'shopify']),
  expense('Motor vehicle', '9281', [
    'petro-canada',
    'esso',
    'shell',
    'husky',
    'ultramar',
    'canadian tire gas',
    'impark',
    'parking',
  ]),
  other('CRA instalment or balance', 'Tax payment', ['cra revenue', 'canada revenue agency', 'receiver general']),
  other('Transfer between own accounts', 'Transfer', [
    'transfer to',
    'transfer from',
    'credit card payment',
    'payment thank you',
    'visa payment',
    'mastercard payment',
  ]),
  other('Personal', 'Personal', [
    'loblaws',
    'sobeys',
    'no frills',
    'metro',
    'costco',
    'netflix',
    'spotify',
    'atm withdrawal',
    'cash withdrawal',
  ]),
  LAST,
];

/**
 * Elsewhere: the same kinds of spending, on no form (Jumpwise knows none), every expense counted whole; tax payments by
 * the words banks commonly use and the names of a few tax authorities as their payees read: Germany's Finanzamt,
 * the Netherlands' Belastingdienst, France's DGFiP ("impots.gouv", "DGFIP"), Spain's Agencia Tributaria ("AEAT"),
 * Sweden's Skatteverket.
 */
export const ELSEWHERE_CATEGORIES: readonly CategoryDefault[] = DEFAULT_CATEGORIES.map((c) =>
  c.kind === 'Tax payment'
    ? other('Tax payment', 'Tax payment', [
        'income tax',
        'tax office',
        'tax payment',
        'finanzamt',
        'belastingdienst',
        'dgfip',
        'impots gouv',
        'aeat',
        'skatteverket',
      ])
    : { ...c, scheduleCLine: '', deductibleShare: c.kind === 'Expense' ? 1 : c.deductibleShare },
);

export const COUNTRY_CATEGORIES: Readonly<Record<BooksCountryKey, readonly CategoryDefault[]>> = {
  us: DEFAULT_CATEGORIES,
  uk: UK_CATEGORIES,
  canada: CANADA_CATEGORIES,
  elsewhere: ELSEWHERE_CATEGORIES,
};
