/**
 * The groups of similar rows worked out in code (src/books/similarRows.ts): what a group is, the rule word offered,
 * and a long Ledger read in one pass rather than once per group.
 */
import { DEFAULT_CATEGORIES, readCategoryRules } from '../../src/books/categories';
import { layoutCategories } from '../../src/books/layout';
import { everyRowProblem, type LedgerLine, ruleWordProblem, similarGroups } from '../../src/books/similarRows';

/** The default Categories sheet's values, as the server reads them. */
const RULES = readCategoryRules(
  layoutCategories(DEFAULT_CATEGORIES).cells.map((row) =>
    row.map((cell) => (cell === null ? '' : 'text' in cell ? cell.text : 'number' in cell ? cell.number : '')),
  ),
);

let row = 2;
const line = (description: string, amount: number, category = 'Uncategorized'): LedgerLine => ({
  row: row++,
  description,
  amount,
  category,
});

test('a rule covers a row: it is in no group; a row the rules give nothing, categorised by hand, is', () => {
  const groups = similarGroups(
    [
      line("LOWE'S #1127 SAN JOSE", -84.12, 'Supplies'),
      line('QUILL & INK 4471', -22, 'Office'),
      line('QUILL & INK 9912', -18.5),
      line('ZELLE PAYMENT FROM ACME CORP 1', 500, 'Client income'),
    ],
    RULES,
  );
  expect(groups).toEqual([
    {
      key: 'quill ink',
      example: 'QUILL & INK 4471',
      rows: 2,
      total: -40.5,
      uncategorised: 1,
      categorisedByHand: 1,
      category: 'Office',
      suggestedWord: 'quill',
    },
  ]);
});

test('the rule word offered is the shortest leading part that takes no other group, and a usable word', () => {
  const groups = similarGroups(
    [
      line('ZELLE PAYMENT TO JO SMITH 1', -40),
      line('ZELLE PAYMENT TO JO SMYTHE 2', -60),
      line('ZELLE PAYMENT TO KIM LEE 3', -25),
      line('THE FOLD CAFE 5', -12),
    ],
    RULES,
  );
  const offered = Object.fromEntries(groups.map((g) => [g.key, g.suggestedWord]));
  expect(offered).toEqual({
    'zelle payment to jo': 'zelle payment to jo',
    'zelle payment to kim': 'zelle payment to kim',
    // "the" alone is too general to be a rule.
    'the fold cafe': 'the fold',
  });
  expect(groups.every((g) => ruleWordProblem(g.suggestedWord) === null)).toBe(true);
});

test('a word in every description is refused for that Ledger', () => {
  const lines = ['ACME BANK POS 1 A', 'ACME BANK POS 2 B', 'ACME BANK ACH C', 'ACME BANK D', 'ACME BANK E'].map((d) =>
    line(d, -1),
  );
  expect(everyRowProblem(lines, 'acme bank')).toBe(
    'The rule word "acme bank" is in every description on the Ledger, so it would match every row: type the merchant\'s or the payer\'s name instead.',
  );
  expect(everyRowProblem(lines.slice(0, 4), 'acme bank')).toBeNull();
  expect(everyRowProblem(lines, 'acme bank pos')).toBeNull();
  // One merchant's rows only: its name is the rule.
  const kestrel = [1, 2, 3, 4, 5].map((i) => line(`KESTREL PRINTS ${i}`, -i));
  expect(everyRowProblem(kestrel, 'kestrel')).toBeNull();
});

test('5,000 rows of 1,000 merchants: grouped in well under a second', () => {
  /** 0 -> "aaa", 1 -> "baa"…: a merchant's name of letters only. */
  const name = (n: number) => [0, 1, 2].map((k) => String.fromCharCode(97 + (Math.floor(n / 26 ** k) % 26))).join('');
  const lines = Array.from({ length: 5000 }, (_, i) => line(`SHOP ${name(i % 1000)} STORE ${i}`, -i));
  const started = Date.now();
  const groups = similarGroups(lines, RULES, 12);
  const ms = Date.now() - started;
  expect(groups.length).toBeGreaterThan(900);
  expect(ms).toBeLessThan(1000);
  console.log(`similarGroups: ${lines.length} rows, ${groups.length} groups in ${ms} ms`);
});
