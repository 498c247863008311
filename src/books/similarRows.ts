/**
 * Rules that learn (issue 22, problem 5): the Ledger's rows grouped by what their descriptions have in common, so a
 * category chosen for one row can become a rule on the Categories sheet and be given to the similar rows still
 * uncategorised. A dropdown edit in the Ledger runs no script, so the check-in page offers this: it lists the groups
 * of uncategorised rows and of rows categorised by hand that no rule covers. Pure: the sheet side is
 * src/sheets/similarRows.ts.
 */
import { categorise, foldForMatching, type Kind, UNCATEGORISED, wordPattern } from './categories';

/** One Ledger row as read: its sheet row, description, amount and category as the cells hold them. */
export interface LedgerLine {
  row: number;
  description: string;
  amount: number;
  category: string;
}

/** A blank category or "Uncategorized" (any case): the rows the Books count as not yet categorised. */
export const isUncategorised = (category: string): boolean => {
  const c = category.trim().toLowerCase();
  return c === '' || c === UNCATEGORISED.toLowerCase();
};

/**
 * Words a bank puts before the merchant on card lines ("POS PURCHASE", "CHECKCARD 0412", "DEBIT CARD"): left out of
 * a group's name, or every card purchase would be one group.
 */
const LEADING_BANK_WORDS = new Set(['pos', 'purchase', 'checkcard', 'debit', 'card', 'visa', 'mastercard', 'dbt', 'crd']);

/** The most words a group's name keeps: enough to tell "zelle payment from acme" from "zelle payment from birch". */
const KEY_WORDS = 4;

/**
 * What similar descriptions have in common: the folded description (foldForMatching: LOWE'S is lowes) from its first
 * word that is not a card prefix up to the first word holding a digit (a store number, a date, a reference), at most
 * four words. "LOWE'S #1127 SAN JOSE" and "LOWES #2201" are both "lowes". A run of words of the description itself,
 * so the name, and any leading part of it, is a rule word that matches the rows it names. '' when nothing is left.
 */
export function merchantKey(description: string): string {
  const words = foldForMatching(description).split(' ');
  let start = 0;
  while (start < words.length && LEADING_BANK_WORDS.has(words[start])) start++;
  const kept: string[] = [];
  for (let i = start; i < words.length && kept.length < KEY_WORDS; i++) {
    if (/\d/.test(words[i])) break;
    if (words[i] !== '') kept.push(words[i]);
  }
  return kept.join(' ');
}

/**
 * Words too general to be a rule: banks write them on lines of every kind, so a rule of one of them would take
 * rows of every category.
 */
const TOO_GENERAL = new Set([
  'ach',
  'atm',
  'bank',
  'card',
  'check',
  'credit',
  'debit',
  'deposit',
  'fee',
  'from',
  'online',
  'payment',
  'pos',
  'purchase',
  'the',
  'to',
  'transfer',
  'withdrawal',
]);

/** Rule words fit in a cell of words with room to spare; a longer one is a pasted description. */
const MAX_RULE_WORD = 100;
/** Fewer letters than this match inside too many descriptions (a rule word matches from the start of a word). */
const MIN_RULE_LETTERS = 3;

/** An example in the messages: the first group's word, else a merchant anyone recognises. */
const EXAMPLE = 'lowes';

/**
 * Why a rule word cannot be used, in words naming the field and the fix; null when it can. Checked before anything
 * is read or written. The word is the person's text: it is kept as typed (and written as text), only checked here.
 */
export function ruleWordProblem(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return `The rule word is empty: type a word from the description, such as "${EXAMPLE}".`;
  }
  const word = raw.trim();
  if (word.length > MAX_RULE_WORD) {
    return `The rule word is ${word.length} characters long: keep it to ${MAX_RULE_WORD} or fewer, the merchant's name rather than the whole description.`;
  }
  if (word.includes(',')) {
    return `The rule word "${word}" holds a comma, and the Categories sheet separates rule words with commas: type one word or phrase without a comma.`;
  }
  const folded = foldForMatching(word);
  if (folded.replace(/ /g, '').length < MIN_RULE_LETTERS) {
    return `The rule word "${word}" is too short: it would match almost every description. Type at least ${MIN_RULE_LETTERS} letters of the merchant's name, such as "${EXAMPLE}".`;
  }
  if (TOO_GENERAL.has(folded)) {
    return `The rule word "${word}" is on bank lines of every kind, so it would match almost every description: type the merchant's or the payer's name instead, such as "${EXAMPLE}".`;
  }
  return null;
}

/** A category a rule can give, from the Categories sheet. */
export interface CategoryChoice {
  category: string;
  kind: Kind | '';
}

/** Whether `word` (as typed) picks this row for `category`, exactly as the import's rules would (categorise). */
export function wordMatches(line: LedgerLine, word: string, choice: CategoryChoice): boolean {
  const rule = { category: choice.category, words: [foldForMatching(word)], moneyInOnly: choice.kind === 'Income' };
  return categorise(line.description, [rule], line.amount) === choice.category;
}

/**
 * The rows a rule word gives its category: every row still uncategorised that the word matches. A row the person
 * categorised, or that a rule categorised, is never among them.
 */
export function rowsToCategorise(lines: readonly LedgerLine[], word: string, choice: CategoryChoice): LedgerLine[] {
  return lines.filter((line) => isUncategorised(line.category) && wordMatches(line, word, choice));
}

/** Fewer rows than this say nothing about a word being everywhere. */
const EVERY_ROW_MIN = 5;

/**
 * Why a word cannot be a rule in this Ledger, or null: one that is in every description of rows of several merchants
 * (a bank's own name on each line, say) would match every row the bank sends. Checked against the rows, after ruleWordProblem.
 */
export function everyRowProblem(lines: readonly LedgerLine[], word: string): string | null {
  const described = lines.filter((l) => l.description.trim() !== '');
  const any: CategoryChoice = { category: 'match', kind: '' };
  if (described.length < EVERY_ROW_MIN || !described.every((l) => wordMatches(l, word, any))) return null;
  // Rows of one merchant only: the word is that merchant's name, a fine rule.
  if (new Set(described.map((l) => merchantKey(l.description))).size < 2) return null;
  return `The rule word "${word}" is in every description on the Ledger, so it would match every row: type the merchant's or the payer's name instead.`;
}

/** One group of similar rows as the check-in lists it. */
export interface SimilarGroup {
  /** What the descriptions have in common (merchantKey). */
  key: string;
  /** The first description of the group, as the Ledger holds it. */
  example: string;
  rows: number;
  total: number;
  uncategorised: number;
  /** Rows of the group categorised by hand (no rule gives their category). */
  categorisedByHand: number;
  /** The category most of those rows were given; '' when none was. */
  category: string;
  /** The rule word offered: the shortest leading part of the key that matches no row outside the group. */
  suggestedWord: string;
}

/**
 * The groups of rows still uncategorised and of rows categorised by hand that no rule on the sheet covers (their
 * category is not what the rules give), most uncategorised rows first. `rules` are the Categories sheet's
 * (readCategoryRules). A rule word is suggested for the first `suggest` groups (the ones a page shows): each
 * suggestion reads every row, so a long Ledger is not read once per group of its whole history.
 */
export function similarGroups(
  lines: readonly LedgerLine[],
  rules: Parameters<typeof categorise>[1],
  suggest = Number.POSITIVE_INFINITY,
): SimilarGroup[] {
  const keyOf = new Map<LedgerLine, string>();
  // byHand: per category in lower case (the dropdown takes any case), its first spelling and its count.
  const groups = new Map<
    string,
    { lines: LedgerLine[]; uncategorised: number; byHand: Map<string, { name: string; count: number }> }
  >();
  for (const line of lines) {
    if (line.description.trim() === '') continue;
    const key = merchantKey(line.description);
    keyOf.set(line, key);
    if (key === '') continue;
    const open = isUncategorised(line.category);
    // Categorised by hand: the rules give it nothing. A row whose rules give another category was overridden, and a
    // new rule word would not win over the earlier rule on the next import: not offered.
    const byHand = !open && categorise(line.description, rules, line.amount) === UNCATEGORISED;
    if (!open && !byHand) continue;
    let group = groups.get(key);
    if (!group) {
      group = { lines: [], uncategorised: 0, byHand: new Map() };
      groups.set(key, group);
    }
    group.lines.push(line);
    if (open) group.uncategorised++;
    else {
      const name = line.category.trim();
      const seen = group.byHand.get(name.toLowerCase());
      if (seen) seen.count++;
      else group.byHand.set(name.toLowerCase(), { name, count: 1 });
    }
  }
  const result: SimilarGroup[] = [];
  groups.forEach((group, key) => {
    let category = '';
    let most = 0;
    let byHand = 0;
    group.byHand.forEach(({ name, count }) => {
      byHand += count;
      if (count > most) {
        category = name;
        most = count;
      }
    });
    result.push({
      key,
      example: group.lines[0].description,
      rows: group.lines.length,
      total: Math.round(group.lines.reduce((sum, l) => sum + l.amount, 0) * 100) / 100,
      uncategorised: group.uncategorised,
      categorisedByHand: byHand,
      category,
      suggestedWord: key,
    });
  });
  result.sort((a, b) => b.uncategorised - a.uncategorised || Math.abs(b.total) - Math.abs(a.total));
  // Every row's folded description once, with its key, for the suggestions.
  const texts: { text: string; key: string }[] = [];
  keyOf.forEach((key, line) => {
    texts.push({ text: ` ${foldForMatching(line.description)} `, key });
  });
  for (let i = 0; i < result.length && i < suggest; i++) result[i].suggestedWord = suggestedWord(result[i].key, texts);
  return result;
}

/**
 * The shortest leading part of `key`, in whole words, that is a usable rule word and matches only rows of this key
 * anywhere in the Ledger (as the import matches a word: wordPattern): "lowes" when every Lowe's row is one group,
 * "zelle payment from acme" when other Zelle payers are in the Ledger. The whole key when no shorter part is that
 * narrow.
 */
function suggestedWord(key: string, texts: readonly { text: string; key: string }[]): string {
  const words = key.split(' ');
  for (let n = 1; n < words.length; n++) {
    const word = words.slice(0, n).join(' ');
    if (ruleWordProblem(word) !== null) continue;
    const pattern = wordPattern(word);
    if (texts.every((t) => t.key === key || !t.text.includes(pattern))) return word;
  }
  return key;
}
