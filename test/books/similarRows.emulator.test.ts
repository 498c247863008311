/**
 * Rules that learn (issue 22, problem 5): "categorising a row offers no way to make it a rule or to apply it to
 * similar rows". The check-in's server functions on the emulator: rows categorised by hand become suggested rules,
 * "Make a rule" adds the word to the Categories sheet and categorises only rows still uncategorised, "Apply to
 * similar rows" does the same without a rule, a word that would match everything is refused in words with nothing
 * written, and a rule word is the person's text, never a formula.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { merchantKey } from '../../src/books/similarRows';
import type { ImportResult } from '../../src/books/types';
import type { RuleResult, SimilarRowsView } from '../../src/protocol';
import { importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

const row = statementRows();
const ROWS = [
  row('2026-03-02', 'HARBOR FREIGHT TOOLS 0412', -45.1),
  row('2026-03-03', 'HARBOR FREIGHT TOOLS 1187', -120),
  row('2026-03-04', 'HARBOR FREIGHT TOOLS 5521', -12.5),
  row('2026-03-05', 'MAPLE STUDIO LLC 7781', 900),
  row('2026-03-06', 'MAPLE STUDIO LLC 7790', 1200),
  row('2026-03-07', 'STRIPE PAYOUT', 2100),
  row('2026-03-08', 'HARBOR BREWING 33', -30),
];

function sheet(em: Emulator, name: string) {
  const s = em.workbook.getSheetByName(name);
  if (!s) throw new Error(`No ${name} sheet`);
  return s;
}

/** The Ledger's row (1-based) of a description. */
function ledgerRow(em: Emulator, description: string): number {
  const values = sheet(em, 'Ledger').getDataRange().getValues();
  const i = values.findIndex((r) => r[1] === description);
  if (i < 0) throw new Error(`No Ledger row "${description}"`);
  return i + 1;
}

const categoryOf = (em: Emulator, description: string) => sheet(em, 'Ledger').getRange(ledgerRow(em, description), 4).getValue();

/** A dropdown pick in the Ledger: the person's edit, which runs no script. */
const pick = (em: Emulator, description: string, category: string) =>
  sheet(em, 'Ledger').getRange(ledgerRow(em, description), 4).setValue(category);

/** The "Description contains" cell of a category on the Categories sheet. */
function rulesCell(em: Emulator, category: string) {
  const categories = sheet(em, 'Categories');
  const r = categories
    .getDataRange()
    .getValues()
    .findIndex((v) => v[0] === category);
  if (r < 0) throw new Error(`No category ${category}`);
  return categories.getRange(r + 1, 5);
}

function books(): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  const result = importStatement(em, ROWS) as ImportResult;
  expect(result.uncategorised).toBe(6);
  // The person categorises three rows with the Ledger's dropdown.
  pick(em, 'HARBOR FREIGHT TOOLS 0412', 'Supplies');
  pick(em, 'HARBOR FREIGHT TOOLS 5521', 'Repairs');
  pick(em, 'MAPLE STUDIO LLC 7781', 'Client income');
  return em;
}

test('merchant keys: the description up to its first number, card prefixes and punctuation left out', () => {
  expect(merchantKey("LOWE'S #1127 SAN JOSE CA")).toBe('lowes');
  expect(merchantKey('POS PURCHASE LOWES #2201')).toBe('lowes');
  expect(merchantKey('ZELLE PAYMENT FROM ACME CORP CONF# 8812')).toBe('zelle payment from acme');
  expect(merchantKey('HARBOR FREIGHT TOOLS 0412')).toBe('harbor freight tools');
  expect(merchantKey('0412 3311')).toBe('');
});

describe('the groups the check-in offers', () => {
  test('uncategorised rows and rows categorised by hand that no rule covers, grouped, with a rule word suggested', () => {
    const em = books();
    const view = em.scriptRun('leapGetSimilarRows') as SimilarRowsView;
    expect(view.ledgerName).toBe('Ledger');
    expect(view.categories).toContain('Supplies');
    expect(view.categories).not.toContain('Uncategorized');
    expect(view.more).toBe(0);
    // STRIPE PAYOUT is a rule's: not offered.
    expect(view.groups.map((g) => g.key).sort()).toEqual(['harbor brewing', 'harbor freight tools', 'maple studio llc']);
    const harbor = view.groups.find((g) => g.key === 'harbor freight tools');
    expect(harbor).toEqual({
      key: 'harbor freight tools',
      example: 'HARBOR FREIGHT TOOLS 0412',
      rows: 3,
      total: '-$177.60',
      uncategorised: 1,
      categorisedByHand: 2,
      category: 'Supplies',
      // "harbor" alone would take HARBOR BREWING too.
      suggestedWord: 'harbor freight',
    });
    expect(view.groups.find((g) => g.key === 'maple studio llc')).toMatchObject({
      rows: 2,
      total: '$2,100.00',
      uncategorised: 1,
      categorisedByHand: 1,
      category: 'Client income',
      suggestedWord: 'maple',
    });
    expect(view.groups.find((g) => g.key === 'harbor brewing')).toMatchObject({
      uncategorised: 1,
      categorisedByHand: 0,
      category: '',
      suggestedWord: 'harbor brewing',
    });
  });
});

describe('Make a rule', () => {
  test('adds the word to the category on the Categories sheet and categorises only the rows still uncategorised', () => {
    const em = books();
    const before = String(rulesCell(em, 'Supplies').getValue());
    em.resetCalls();
    const result = em.scriptRun('leapMakeRule', { word: 'harbor freight', category: 'Supplies' }) as RuleResult;
    expect(result.changed).toBe(1);
    expect(result.kept).toBe(1);
    expect(result.ruleAdded).toBe(true);
    expect(result.message).toBe(
      'Rule added on Categories: "harbor freight" gives Supplies on the next imports. ' +
        '1 row not yet categorised that matches "harbor freight" is now Supplies. ' +
        '1 row it matches already had another category and kept it.',
    );
    expect(rulesCell(em, 'Supplies').getValue()).toBe(`${before}, harbor freight`);
    expect(categoryOf(em, 'HARBOR FREIGHT TOOLS 1187')).toBe('Supplies');
    // The person's own choices stand.
    expect(categoryOf(em, 'HARBOR FREIGHT TOOLS 5521')).toBe('Repairs');
    expect(categoryOf(em, 'HARBOR FREIGHT TOOLS 0412')).toBe('Supplies');
    expect(categoryOf(em, 'HARBOR BREWING 33')).toBe('Uncategorized');
    expect(categoryOf(em, 'MAPLE STUDIO LLC 7790')).toBe('Uncategorized');
    // One write of the Category column, then one of the rule's cell.
    const writes = em.calls.filter((c) => c.service === 'Range' && /^setValues?$/.test(c.method));
    expect(writes.map((c) => c.method)).toEqual(['setValues', 'setValue']);
    // The group is covered now: it leaves the list.
    expect(result.view.groups.map((g) => g.key).sort()).toEqual(['harbor brewing', 'maple studio llc']);
    // The next import uses the rule.
    importStatement(em, [row('2026-03-20', 'HARBOR FREIGHT TOOLS 7777', -9.99)]);
    expect(categoryOf(em, 'HARBOR FREIGHT TOOLS 7777')).toBe('Supplies');
  });

  test('all or nothing: a rule that cannot be written puts the rows back', () => {
    const probe = books();
    probe.resetCalls();
    probe.scriptRun('leapMakeRule', { word: 'harbor freight', category: 'Supplies' });
    // The rule's write among this execution's calls (custom functions recalculating run in executions of their own).
    const ruleWrite =
      probe.calls.filter((c) => !c.inCustomFunction).findIndex((c) => c.service === 'Range' && c.method === 'setValue') + 1;
    expect(ruleWrite).toBeGreaterThan(0);
    const em = books();
    const ledger = sheet(em, 'Ledger').getDataRange().getValues();
    const rules = sheet(em, 'Categories').getDataRange().getValues();
    em.resetCalls();
    em.failOnCall(ruleWrite, 'Service Spreadsheets failed while accessing document');
    expect(() => em.scriptRun('leapMakeRule', { word: 'harbor freight', category: 'Supplies' })).toThrow(
      'Service Spreadsheets failed',
    );
    expect(sheet(em, 'Ledger').getDataRange().getValues()).toEqual(ledger);
    expect(sheet(em, 'Categories').getDataRange().getValues()).toEqual(rules);
  });

  test('a word already a rule of the category is not added twice; its rows are still categorised', () => {
    const em = books();
    em.scriptRun('leapMakeRule', { word: 'maple studio', category: 'Client income' });
    const cell = String(rulesCell(em, 'Client income').getValue());
    pick(em, 'MAPLE STUDIO LLC 7790', 'Uncategorized');
    const again = em.scriptRun('leapMakeRule', { word: 'Maple Studio', category: 'Client income' }) as RuleResult;
    expect(again.ruleAdded).toBe(false);
    expect(again.message).toMatch(/^"Maple Studio" is already a rule of Client income\. 1 row not yet categorised/);
    expect(rulesCell(em, 'Client income').getValue()).toBe(cell);
    expect(categoryOf(em, 'MAPLE STUDIO LLC 7790')).toBe('Client income');
  });

  test('a rule word is written as the text typed, never as a formula', () => {
    const em = books();
    // A category of the person's own, with no rule words yet: the word is the whole cell.
    const categories = sheet(em, 'Categories');
    const last = categories.getLastRow() + 1;
    categories.getRange(last, 1, 1, 2).setValues([['Tools', 'Expense']]);
    const word = '=HYPERLINK("https://example.com")';
    const result = em.scriptRun('leapMakeRule', { word, category: 'Tools' }) as RuleResult;
    expect(result.ruleAdded).toBe(true);
    expect(result.changed).toBe(0);
    expect(result.message).toContain(`No uncategorised row matches "${word}".`);
    const cell = categories.getRange(last, 5);
    expect(cell.getFormula()).toBe('');
    expect(cell.getValue()).toBe(word);
  });
});

describe('Apply to similar rows', () => {
  test('categorises the uncategorised rows the word matches, adds no rule, leaves rows with a category', () => {
    const em = books();
    const rules = sheet(em, 'Categories').getDataRange().getValues();
    const result = em.scriptRun('leapApplyToSimilar', { word: 'maple', category: 'Client income' }) as RuleResult;
    expect(result).toMatchObject({ changed: 1, kept: 0, ruleAdded: false });
    expect(result.message).toBe('1 row not yet categorised that matches "maple" is now Client income.');
    expect(categoryOf(em, 'MAPLE STUDIO LLC 7790')).toBe('Client income');
    expect(sheet(em, 'Categories').getDataRange().getValues()).toEqual(rules);
    // An Income category's word takes money in only, as the import's rules do.
    const out = em.scriptRun('leapApplyToSimilar', { word: 'harbor', category: 'Client income' }) as RuleResult;
    expect(out.changed).toBe(0);
    expect(out.message).toBe(
      'No uncategorised row matches "harbor". Client income is an Income category, and its rules take money in only: ' +
        'the rows "harbor" matches are money out.',
    );
    expect(categoryOf(em, 'HARBOR BREWING 33')).toBe('Uncategorized');
    // The same word for an expense category takes both uncategorised Harbor rows; the person's two stay.
    const expense = em.scriptRun('leapApplyToSimilar', { word: 'harbor', category: 'Supplies' }) as RuleResult;
    expect(expense).toMatchObject({ changed: 2, kept: 1 });
    expect(categoryOf(em, 'HARBOR BREWING 33')).toBe('Supplies');
    expect(categoryOf(em, 'HARBOR FREIGHT TOOLS 5521')).toBe('Repairs');
  });
});

describe('refused input writes nothing', () => {
  const em = books();
  const snapshot = () => [sheet(em, 'Ledger').getDataRange().getValues(), sheet(em, 'Categories').getDataRange().getValues()];
  const before = snapshot();

  test.each([
    [{ word: '', category: 'Supplies' }, 'The rule word is empty: type a word from the description, such as "lowes".'],
    [{ word: '   ', category: 'Supplies' }, 'The rule word is empty'],
    [{ category: 'Supplies' }, 'The rule word is empty'],
    [
      { word: 'a', category: 'Supplies' },
      'The rule word "a" is too short: it would match almost every description. Type at least 3 letters',
    ],
    [{ word: "a'", category: 'Supplies' }, 'is too short'],
    [{ word: 'Payment', category: 'Supplies' }, 'The rule word "Payment" is on bank lines of every kind'],
    [{ word: 'harbor, freight', category: 'Supplies' }, 'holds a comma'],
    [{ word: 'harbor', category: '' }, 'The Category field is empty: choose the category these rows should have.'],
    [{ word: 'harbor', category: 'Uncategorized' }, 'The Category field is empty'],
    [
      { word: 'harbor', category: 'Gadgets' },
      'The Category "Gadgets" is not on the Categories sheet: choose one of its categories',
    ],
  ])('%j', (request, message) => {
    for (const name of ['leapMakeRule', 'leapApplyToSimilar']) {
      expect(() => em.scriptRun(name, request)).toThrow(message);
      expect(() => em.scriptRun(name, request)).toThrow('Nothing was changed.');
    }
    expect(snapshot()).toEqual(before);
  });

  test('without Books: refused in words', () => {
    const bare = createLeapEmulator({ timeZone: 'UTC' });
    loadDist(bare);
    expect(() => bare.scriptRun('leapGetSimilarRows')).toThrow('No Books yet');
  });
});

test('the service calls of Apply to similar rows do not grow with the rows it categorises', () => {
  const counts = [10, 200].map((n) => {
    const em = createLeapEmulator({ timeZone: 'UTC' });
    loadDist(em);
    const at = statementRows();
    importStatement(
      em,
      Array.from({ length: n }, (_, i) => at(`2026-04-${String((i % 28) + 1).padStart(2, '0')}`, `KESTREL PRINTS ${i}`, -5 - i)),
    );
    em.resetCalls();
    const result = em.scriptRun('leapApplyToSimilar', { word: 'kestrel', category: 'Office' }) as RuleResult;
    expect(result.changed).toBe(n);
    return em.calls.filter((c) => !c.inCustomFunction).length;
  });
  expect(counts[1]).toBe(counts[0]);
  console.log(`Apply to similar rows: ${counts[0]} service calls for 10 rows and for 200`);
}, 120000);

test('a word in every description of several merchants is refused, nothing written', () => {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  const at = statementRows();
  importStatement(
    em,
    ['OSPREY', 'HERON', 'PLOVER', 'EGRET', 'CRANE'].map((m, i) => at(`2026-05-0${i + 1}`, `FIRSTWAY CARD ${m} ${i}`, -10)),
  );
  const before = sheet(em, 'Ledger').getDataRange().getValues();
  const rules = sheet(em, 'Categories').getDataRange().getValues();
  expect(() => em.scriptRun('leapMakeRule', { word: 'firstway', category: 'Office' })).toThrow(
    'The rule word "firstway" is in every description on the Ledger, so it would match every row: type the ' +
      "merchant's or the payer's name instead. Nothing was changed.",
  );
  expect(sheet(em, 'Ledger').getDataRange().getValues()).toEqual(before);
  expect(sheet(em, 'Categories').getDataRange().getValues()).toEqual(rules);
});
