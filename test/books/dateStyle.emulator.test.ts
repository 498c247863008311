/**
 * Dates in the document's style on the Books side (issue 21, problem 8): the Ledger, the Invoices sheet and the printed
 * invoice of an en_US, en_GB and de_DE spreadsheet show "Oct 25, 2026", "25 Oct 2026" and "25.10.2026", as the plan
 * does, where they showed "2026-10-25". Google: "Date and number formats" (developers.google.com/sheets/api/guides/
 * formats): date patterns, and TEXT with the same pattern shows the same text.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { BUSINESS_FIRST_ROW } from '../../src/books/invoices';
import { dateAsShown, dateFormat } from '../../src/plan/currency';
import { importStatement, statementRows } from '../support/books';
import { createLeapEmulator } from '../support/emulator';

const EXPECTED = { en_US: 'Oct 25, 2026', en_GB: '25 Oct 2026', de_DE: '25.10.2026' } as const;

function fresh(locale: string): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC', locale });
  loadDist(em);
  return em;
}

describe.each(Object.entries(EXPECTED))('in %s', (locale, shown) => {
  test('the table gives the date as the locale writes it', () => {
    expect(dateAsShown('2026-10-25', dateFormat(locale))).toBe(shown);
  });

  test('the Ledger shows an imported row’s date in the document’s style', () => {
    const em = fresh(locale);
    const row = statementRows();
    importStatement(em, [row('2026-10-25', 'STRIPE PAYOUT', 900)]);
    expect(em.spreadsheet.getSheetByName('Ledger')?.getRange('A2').getDisplayValue()).toBe(shown);
  });

  test('the Invoices sheet and the printed invoice show Issued and Due in the document’s style', () => {
    const em = fresh(locale);
    em.run('leapSetupInvoices');
    const invoices = em.spreadsheet.getSheetByName('Invoices');
    if (!invoices) throw new Error('no Invoices sheet');
    invoices.getRange('A2:C2').setValues([['2026-001', 'Birch Ltd', '2026-10-25']]);
    invoices.getRange('E2').setValue(300);
    expect(invoices.getRange('C2:D2').getDisplayValues()).toEqual([[shown, dateAsShown('2026-11-24', dateFormat(locale))]]);
    invoices
      .getRange(`K${BUSINESS_FIRST_ROW}:K${BUSINESS_FIRST_ROW + 2}`)
      .setValues([["'Ada Consulting"], ["'1 Loom Lane"], ["'ada@example.com"]]);
    (invoices.getRange('C2') as unknown as { activate(): void }).activate();
    expect(em.run('leapMakeInvoice')).toMatchObject({ made: true });
    const printable = em.spreadsheet.getActiveSheet();
    expect(printable.getRange('D4').getDisplayValue()).toBe(shown);
    expect(printable.getRange('A18').getDisplayValue()).toContain(
      `Please pay by ${dateAsShown('2026-11-24', dateFormat(locale))}`,
    );
  });
});
