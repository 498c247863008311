/**
 * Rules that learn in the preview (issue 22, problem 5), the way a person meets it: a category picked with the
 * Ledger's dropdown (an edit that runs no script), then the check-in's "Categorise similar rows" offers that pick as
 * a rule, and "Make a rule" categorises the similar rows still uncategorised, in a lower-case pick too (the dropdown
 * accepts any case, as Sheets does). Runs the built dist/ in a preview session, without a browser.
 */
import { join } from 'node:path';
import { PreviewSession } from '../../scripts/preview/session';
import { CATEGORIES_SHEET, LEDGER_SHEET } from '../../src/books/layout';
import type { RuleResult, SimilarRowsView } from '../../src/protocol';
import { importStatement } from '../support/books';
import { REPO } from '../support/browser';

const DIST = join(REPO, 'dist');

function run<T>(session: PreviewSession, name: string, ...args: unknown[]): T {
  const answer = session.scriptRun(name, args);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.result as T;
}

test('a dropdown pick becomes a rule: offered by the check-in, made, and given to the similar rows still uncategorised', () => {
  const session = new PreviewSession({ instantFunctions: true, empty: true, distDir: DIST });
  importStatement(session.emulator, [
    { date: '2026-03-02', description: 'QUILL & INK #4471 PORTLAND', amount: -22, line: 2 },
    { date: '2026-03-09', description: 'Quill & Ink #9912 Portland', amount: -18.5, line: 3 },
    { date: '2026-03-11', description: 'QUILL AND INK 0042', amount: -9, line: 4 },
  ]);
  session.activate(LEDGER_SHEET);
  session.enterInput(LEDGER_SHEET, 'D2', 'office');

  const view = run<SimilarRowsView>(session, 'leapGetSimilarRows');
  expect(view.groups).toEqual([
    expect.objectContaining({ key: 'quill ink', rows: 2, total: '-$40.50', uncategorised: 1, category: 'Office' }),
    expect.objectContaining({ key: 'quill and ink', rows: 1, uncategorised: 1, category: '' }),
  ]);
  expect(view.groups[0].suggestedWord).toBe('quill ink');

  const made = run<RuleResult>(session, 'leapMakeRule', { word: view.groups[0].suggestedWord, category: 'Office' });
  expect(made).toMatchObject({ changed: 1, kept: 0, ruleAdded: true });
  const ledger = session.view().active;
  expect([ledger.cells.D2.display, ledger.cells.D3.display, ledger.cells.D4.display]).toEqual([
    'office',
    'Office',
    'Uncategorized',
  ]);
  session.activate(CATEGORIES_SHEET);
  const categories = session.view().active;
  const office = Object.keys(categories.cells).find((a1) => a1.startsWith('A') && categories.cells[a1].display === 'Office');
  expect(categories.cells[`E${office?.slice(1)}`].display).toMatch(/, quill ink$/);
});
