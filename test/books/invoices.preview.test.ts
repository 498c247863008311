/**
 * The preview runs the new menu items as Sheets would: Set up invoices from the menu, then Make invoice on the
 * cell the person selected in the page (the page sends its selection with the menu action).
 */
import { join } from 'node:path';
import { PreviewSession } from '../../scripts/preview/session';
import { REPO } from '../support/browser';

test('Set up invoices and Make invoice from the preview menu, on the selected cell', () => {
  const session = new PreviewSession({ instantFunctions: true, empty: true, distDir: join(REPO, 'dist') });
  const labels = session.view().menus[0].items.flatMap((i) => ('label' in i ? [i.label] : []));
  expect(labels).toEqual(expect.arrayContaining(['Set up invoices', 'Make invoice']));
  session.runMenuItem('leapSetupInvoices');
  expect(session.view().active.name).toBe('Invoices');
  for (const [a1, input] of [
    ['A2', 'INV-7'],
    ['B2', 'Not a formula client'],
    ['C2', '2026-03-01'],
    ['E2', '1,250'],
    ['K17', 'Ada Consulting'],
  ]) {
    session.enterInput('Invoices', a1, input);
  }
  // The header cell selected: refused in a dialog, nothing made.
  session.runMenuItem('leapMakeInvoice', { sheet: 'Invoices', a1: 'B1' });
  expect(session.view().alert?.prompt).toMatch(/^The header row is selected/);
  session.dismiss('alert');
  session.runMenuItem('leapMakeInvoice', { sheet: 'Invoices', a1: 'C2' });
  const view = session.view();
  expect(view.alert).toBeUndefined();
  expect(view.active.name).toBe('Invoice INV-7');
  expect(view.active.cells.D15.display).toBe('$1,250.00');
  expect(view.active.cells.A10.display).toBe('Not a formula client');
  expect(() => session.runMenuItem('leapMakeInvoice', { sheet: 'Nowhere', a1: 'A1' })).toThrow(
    'There is no sheet named "Nowhere".',
  );
});
