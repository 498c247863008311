/**
 * The Invoices sheet and Make invoice on the emulator, running the built bundle: statuses, days late, totals and
 * the aging table around every bucket edge, days to pay per client, printable invoices and their refusals.
 * Expected figures are worked out here from the typed dates, not by Jumpwise's own code.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { BUSINESS_FIRST_ROW, INVOICE_HEADER } from '../../src/books/invoices';
import { dateAsShown } from '../../src/plan/currency';
import { BUSINESS_PROPERTY_KEY, INVOICES_METADATA_KEY } from '../../src/sheets/invoices';
import { createLeapEmulator } from '../support/emulator';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function fresh(): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  return em;
}

const AS_OF = '2026-06-30';
const DAY = 86_400_000;
const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
/** The ISO date `n` days before the as-of day (negative: after it). */
const daysBefore = (n: number): string => isoOf(dayNumber(AS_OF) - n);

interface Typed {
  invoice: string;
  client: string;
  issued: string;
  /** Blank: left to the Issued + 30 formula. */
  due?: string;
  amount: number;
  paid?: string;
}

/** Three clients; unpaid invoices due today, 1, 30, 31, 60, 61, 90 and 91 days late and 1 and 5 days ahead. */
const INVOICES: Typed[] = [
  { invoice: '2026-001', client: 'Acme', issued: daysBefore(30), due: daysBefore(0), amount: 1000 },
  { invoice: '2026-002', client: 'Acme', issued: daysBefore(31), amount: 200 }, // due 1 day ago by the formula
  { invoice: '2026-003', client: 'Birch Ltd', issued: daysBefore(60), due: daysBefore(30), amount: 300.5 },
  { invoice: '2026-004', client: 'Birch Ltd', issued: daysBefore(61), amount: 400 }, // 31 late by the formula
  { invoice: '2026-005', client: 'Cobalt', issued: daysBefore(90), due: daysBefore(60), amount: 500 },
  { invoice: '2026-006', client: 'Cobalt', issued: daysBefore(91), due: daysBefore(61), amount: 600 },
  { invoice: '2026-007', client: 'Acme', issued: daysBefore(120), due: daysBefore(90), amount: 700 },
  { invoice: '2026-008', client: 'Birch Ltd', issued: daysBefore(121), due: daysBefore(91), amount: 800 },
  { invoice: '2026-009', client: 'Cobalt', issued: daysBefore(10), due: daysBefore(-1), amount: 90 },
  { invoice: '2026-010', client: 'Acme', issued: daysBefore(20), due: daysBefore(-5), amount: 110 },
  // Paid: on time, late, and one paid after the as-of day (still owed on it).
  { invoice: '2026-011', client: 'Acme', issued: daysBefore(80), due: daysBefore(50), amount: 1200, paid: daysBefore(55) },
  { invoice: '2026-012', client: 'Birch Ltd', issued: daysBefore(100), due: daysBefore(70), amount: 950, paid: daysBefore(40) },
  { invoice: '2026-013', client: 'Cobalt', issued: daysBefore(45), due: daysBefore(15), amount: 75, paid: daysBefore(-3) },
  { invoice: '2026-014', client: 'Cobalt', issued: daysBefore(70), due: daysBefore(40), amount: 330, paid: daysBefore(44) },
];
/** Rows 2.. ; row 9 (the 8th invoice) is followed by an empty row the statuses must leave blank. */
const rowOf = (i: number): number => (i < 8 ? i + 2 : i + 3);
const EMPTY_ROW = 10;

/** Types the invoices as a person would (dates and amounts as text), in one write; Due keeps its formula when blank. */
function typeInvoices(em: Emulator): void {
  const last = rowOf(INVOICES.length - 1);
  const rows: string[][] = [];
  for (let row = 2; row <= last; row++) {
    const i = INVOICES.findIndex((_, k) => rowOf(k) === row);
    const inv = INVOICES[i];
    const dueCell = inv?.due ?? `=IF(C${row}="","",C${row}+30)`;
    rows.push(
      inv ? [inv.invoice, inv.client, inv.issued, dueCell, String(inv.amount), inv.paid ?? ''] : ['', '', '', dueCell, '', ''],
    );
  }
  sheetOf(em, 'Invoices').getRange(`A2:F${last}`).setValues(rows);
}

const dueOf = (inv: Typed): string => inv.due ?? isoOf(dayNumber(inv.issued) + 30);
const paidBy = (inv: Typed, asOf: string): boolean => inv.paid !== undefined && dayNumber(inv.paid) <= dayNumber(asOf);
const plural = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;

function expectedStatus(inv: Typed, asOf = AS_OF): [string, number] {
  const due = dayNumber(dueOf(inv));
  if (paidBy(inv, asOf)) return ['Paid', Math.max(0, dayNumber(inv.paid as string) - due)];
  const late = dayNumber(asOf) - due;
  if (late < 0) return [`Due in ${plural(-late)}`, 0];
  if (late === 0) return ['Due today', 0];
  return [`Overdue ${plural(late)}`, late];
}

function expectedAging(asOf = AS_OF): [string, number, number][] {
  const rows: [string, number, number][] = [
    ['Not yet due', 0, 0],
    ['1-30 days late', 0, 0],
    ['31-60 days late', 0, 0],
    ['61-90 days late', 0, 0],
    ['Over 90 days late', 0, 0],
  ];
  for (const inv of INVOICES) {
    if (paidBy(inv, asOf)) continue;
    const late = dayNumber(asOf) - dayNumber(dueOf(inv));
    const bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
    rows[bucket][1] += inv.amount;
    rows[bucket][2] += 1;
  }
  return rows;
}

const sheetOf = (em: Emulator, name: string): Sheet => {
  const sheet = em.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet as unknown as Sheet;
};
/** Calls the add-on made itself: those of custom functions recalculating are separate executions on Google. */
const ownCalls = (em: Emulator) => em.calls.filter((c) => !c.inCustomFunction);
const countOf = (em: Emulator, method: string): number => ownCalls(em).filter((c) => c.method === method).length;

/** The emulator with the sheet set up, the invoices typed and the as-of day fixed. */
function withInvoices(): Emulator {
  const em = fresh();
  em.run('leapSetupInvoices');
  typeInvoices(em);
  em.enterInput('Invoices', 'K3', AS_OF);
  return em;
}

const select = (em: Emulator, a1: string, sheet = 'Invoices') => {
  (sheetOf(em, sheet).getRange(a1) as unknown as { activate(): void }).activate();
};
const typeBusiness = (em: Emulator, values: string[]) => {
  // Written like typed text: the apostrophe keeps "=…" or "+44…" as text, as in Sheets.
  sheetOf(em, 'Invoices')
    .getRange(`K${BUSINESS_FIRST_ROW}:K${BUSINESS_FIRST_ROW + values.length - 1}`)
    .setValues(values.map((v) => [`'${v}`]));
};
const BUSINESS = ['=Ada Consulting', '1 Loom Lane, London', 'ada@example.com', 'GB123456789', 'Bank 12-34-56 account 12345678'];

const refused = (em: Emulator): string => {
  const result = em.run('leapMakeInvoice') as { made: boolean; message: string };
  expect(result.made).toBe(false);
  const alert = em.ui.alerts[em.ui.alerts.length - 1];
  expect(alert).toEqual({ title: 'Make invoice', prompt: result.message, buttons: 'OK' });
  return result.message;
};

// Each set-up sheet costs the formula engine seconds (1,000 rows of formulas), so one list of invoices serves
// the tests that read it; those that change it run last or put it back.
describe('one list of invoices around every bucket edge', () => {
  let em: Emulator;
  beforeAll(() => {
    em = withInvoices();
  });

  test('Status and Days late of every row, around every bucket edge, as worked out here', () => {
    const sheet = sheetOf(em, 'Invoices');
    const shown = sheet.getRange(`A2:H${rowOf(INVOICES.length - 1)}`).getValues();
    INVOICES.forEach((inv, i) => {
      const [status, late] = expectedStatus(inv);
      expect([inv.invoice, shown[rowOf(i) - 2][6], shown[rowOf(i) - 2][7]]).toEqual([inv.invoice, status, late]);
    });
    // Spot checks that the edges are where they should be.
    expect(shown[0][6]).toBe('Due today');
    expect(shown[1][6]).toBe('Overdue 1 day');
    expect(shown[rowOf(8) - 2][6]).toBe('Due in 1 day');
    expect(shown[rowOf(12) - 2][6]).toBe('Overdue 15 days'); // paid after the as-of day: still owed on it
    // The formula's default due date: Issued + 30.
    // Shown in the document's style (en_US here; en_GB and de_DE: test/books/dateStyle.emulator.test.ts).
    expect(sheet.getRange('D3').getDisplayValue()).toBe(dateAsShown(dueOf(INVOICES[1]), 'mmm d, yyyy'));
    // The empty row shows nothing.
    expect(shown[EMPTY_ROW - 2].every((v) => v === '')).toBe(true);
  });

  test('the aging table, Owed to you and Overdue match the sums worked out here', () => {
    const sheet = sheetOf(em, 'Invoices');
    const aging = expectedAging();
    const table = sheet.getRange('J5:L10').getValues();
    expect(table[0]).toEqual(['Bucket', 'Amount', 'Invoices']);
    table.slice(1).forEach((row, i) => {
      expect(row[0]).toBe(aging[i][0]);
      expect(row[1]).toBeCloseTo(aging[i][1], 6);
      expect(row[2]).toBe(aging[i][2]);
    });
    expect(aging.map((r) => r[2])).toEqual([3, 3, 2, 2, 1]);
    const owed = aging.reduce((s, r) => s + r[1], 0);
    const overdue = owed - aging[0][1];
    expect(sheet.getRange('K1').getValue()).toBeCloseTo(owed, 6);
    expect(sheet.getRange('K2').getValue()).toBeCloseTo(overdue, 6);
    expect((em.spreadsheet.getRangeByName('JW_OVERDUE') as unknown as { getValue(): number }).getValue()).toBeCloseTo(overdue, 6);
  });

  test('CLIENT_DAYS_TO_PAY for each client, from the lookup cell', () => {
    const sheet = sheetOf(em, 'Invoices');
    expect(sheet.getRange('K14').getValue()).toBe('');
    for (const client of ['Acme', 'Birch Ltd', 'Cobalt']) {
      const paid = INVOICES.filter((inv) => inv.client === client && inv.paid);
      const average = paid.reduce((s, inv) => s + dayNumber(inv.paid as string) - dayNumber(inv.issued), 0) / paid.length;
      em.enterInput('Invoices', 'K13', client.toLowerCase());
      expect([client, sheet.getRange('K14').getValue()]).toEqual([client, average]);
    }
    em.enterInput('Invoices', 'K13', 'Nobody');
    expect(em.toJSON().sheets.find((s) => s.name === 'Invoices')?.cells.K14.value).toMatch(
      /^#ERROR!: .*"Nobody" has no paid invoice/,
    );
  });

  test('lays out the selected row as "Invoice <number>" with live figures, business details as text, no gridlines', () => {
    typeBusiness(em, BUSINESS);
    select(em, `C${rowOf(2)}`);
    em.resetCalls();
    expect(em.run('leapMakeInvoice')).toEqual({ made: true, sheetName: 'Invoice 2026-003' });
    expect(countOf(em, 'setValues')).toBe(1);
    // Reads, the checks, the document's locale (its money format), one sheet and its formats: one call per column
    // width is most of the rest.
    expect(ownCalls(em).length).toBeLessThanOrEqual(41);
    const printable = sheetOf(em, 'Invoice 2026-003');
    expect(em.spreadsheet.getActiveSheet().getName()).toBe('Invoice 2026-003');
    const inv = INVOICES[2];
    expect(printable.getRange('A3:A6').getValues().flat()).toEqual([...BUSINESS.slice(0, 3), 'Tax id: GB123456789']);
    expect(printable.getRange('A3').getFormula()).toBe('');
    expect(printable.getRange('D3').getValue()).toBe('2026-003');
    const us = (iso: string) => dateAsShown(iso, 'mmm d, yyyy');
    expect(printable.getRange('D4:D5').getDisplayValues()).toEqual([[us(inv.issued)], [us(dueOf(inv))]]);
    expect(printable.getRange('A10').getValue()).toBe('Birch Ltd');
    expect(printable.getRange('A13').getValue()).toBe('Services as agreed');
    expect(printable.getRange('D13').getValue()).toBe(300.5);
    expect(printable.getRange('D15').getValue()).toBe(300.5);
    expect(printable.getRange('D15').getDisplayValue()).toBe('$300.50');
    expect(printable.getRange('A18').getValue()).toBe(`Please pay by ${us(dueOf(inv))}, 30 days from the issue date.`);
    expect(printable.getRange('A21').getValue()).toBe(BUSINESS[4]);
    expect(printable.hasHiddenGridlines()).toBe(true);
    expect(printable.getColumnWidth(1)).toBe(330);
    // The details are kept for later invoices.
    expect(
      JSON.parse(
        (em.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
          .getDocumentProperties()
          .getProperty(BUSINESS_PROPERTY_KEY) as string,
      ).name,
    ).toBe(BUSINESS[0]);

    // Live: changing the row's amount changes the invoice; sorting rows apart does not break the look-up.
    em.enterInput('Invoices', `E${rowOf(2)}`, '320');
    expect(printable.getRange('D15').getValue()).toBe(320);
    em.enterInput('Invoices', `E${rowOf(2)}`, String(INVOICES[2].amount));
  });

  test("making it again replaces Jumpwise's sheet and keeps the edited description", () => {
    typeBusiness(em, BUSINESS);
    select(em, `A${rowOf(0)}`);
    em.run('leapMakeInvoice');
    em.enterInput('Invoice 2026-001', 'A13', 'Website redesign, phase 1');
    select(em, `B${rowOf(0)}`);
    expect(em.run('leapMakeInvoice')).toEqual({ made: true, sheetName: 'Invoice 2026-001' });
    expect(em.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Invoice 2026-001'))).toHaveLength(1);
    expect(sheetOf(em, 'Invoice 2026-001').getRange('A13').getValue()).toBe('Website redesign, phase 1');
  });

  test('refusals say what to do and write nothing', () => {
    const none = fresh();
    expect(refused(none)).toMatch(/^There is no Invoices sheet yet\. Choose Extensions > Jumpwise > Set up invoices/);

    typeBusiness(em, BUSINESS);
    const sheetsBefore = em.spreadsheet.getSheets().map((s) => s.getName());
    em.resetCalls();
    select(em, 'B1');
    expect(refused(em)).toBe(
      'The header row is selected. Select the row of an invoice below it, then choose Make invoice again.',
    );
    select(em, `A${EMPTY_ROW}`);
    expect(refused(em)).toMatch(new RegExp(`^Row ${EMPTY_ROW} of the Invoices sheet is empty\\. Select the row of an invoice`));
    select(em, 'A2:A4');
    expect(refused(em)).toBe("Rows 2 to 4 are selected. Select one invoice's row, then choose Make invoice again.");
    em.enterInput('Invoices', 'A30', 'X-1');
    select(em, 'A30');
    expect(refused(em)).toBe('Client (column B, row 30) is blank: type who the invoice is for, then choose Make invoice again.');
    em.enterInput('Invoices', 'B30', 'Acme');
    em.enterInput('Invoices', 'C30', 'soon');
    expect(refused(em)).toMatch(/^Issued \(column C, row 30\) is not a date/);
    em.enterInput('Invoices', 'C30', '2026-06-01');
    expect(refused(em)).toBe('Amount (column E, row 30) is not a number: type the amount of the invoice, such as 1200.');
    // The half-typed row goes again, or the aging table would ask for its amount.
    em.enterInput('Invoices', 'A30', '');
    em.enterInput('Invoices', 'B30', '');
    em.enterInput('Invoices', 'C30', '');
    select(em, 'A1', 'Sheet1');
    expect(refused(em)).toBe('Select the row of an invoice on the Invoices sheet, then choose Make invoice again.');
    // A sheet of the person's own under the invoice's name is never replaced.
    em.spreadsheet.insertSheet('Invoice 2026-002');
    select(em, 'A3');
    expect(refused(em)).toBe(
      'A sheet named "Invoice 2026-002" already exists and Jumpwise did not make it. Rename that sheet, then choose Make invoice again.',
    );
    expect(countOf(em, 'setValues')).toBe(0);
    expect(
      em.spreadsheet
        .getSheets()
        .map((s) => s.getName())
        .sort(),
    ).toEqual([...sheetsBefore, 'Invoice 2026-002'].sort());
  });

  test('everything follows the as-of cell: a later day moves invoices along, and paying one takes it out', () => {
    const sheet = sheetOf(em, 'Invoices');
    const later = isoOf(dayNumber(AS_OF) + 1);
    em.enterInput('Invoices', 'K3', later);
    INVOICES.forEach((inv, i) => {
      expect(sheet.getRange(`G${rowOf(i)}`).getValue()).toBe(expectedStatus(inv, later)[0]);
    });
    const aging = expectedAging(later);
    expect(
      sheet
        .getRange('K6:L10')
        .getValues()
        .map((r) => r[1]),
    ).toEqual(aging.map((r) => r[2]));
    // Paying the invoice 91 days late on the as-of day.
    em.enterInput('Invoices', `F${rowOf(7)}`, later);
    expect(sheet.getRange(`G${rowOf(7)}:H${rowOf(7)}`).getValues()).toEqual([['Paid', 92]]);
    expect(sheet.getRange('L10').getValue()).toBe(aging[4][2] - 1);
  });
});

describe('setting up', () => {
  test('makes the sheet once: header, frozen row, formats, named totals, the formulas in place; writes in batches', () => {
    const em = fresh();
    em.resetCalls();
    expect(em.run('leapSetupInvoices')).toEqual({ sheetName: 'Invoices', created: true });
    // One setValues for the table and one for the side panel; a handful of calls in all.
    expect(countOf(em, 'setValues')).toBe(2);
    expect(ownCalls(em).length).toBeLessThanOrEqual(41); // with the flush before the lock goes (src/sheets/lock.ts)
    const sheet = sheetOf(em, 'Invoices');
    expect(sheet.getRange('A1:I1').getValues()[0]).toEqual([...INVOICE_HEADER]);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(em.spreadsheet.getActiveSheet().getName()).toBe('Invoices');
    expect(sheet.getRange('C2').getNumberFormat()).toBe('mmm d, yyyy');
    expect(sheet.getRange('E500').getNumberFormat()).toBe('$#,##0.00');
    expect(sheet.getRange('D7').getFormula()).toBe('=IF(C7="","",C7+30)');
    expect(sheet.getRange('G2').getFormula()).toMatch(/^=ARRAYFORMULA\(/);
    expect(sheet.getRange('G2').getFormula()).toContain('A2:A1000');
    expect(sheet.getRange('J5').getFormula()).toBe('=RECEIVABLES_AGING(D2:D1000,E2:E1000,F2:F1000,$K$3)');
    expect(em.toJSON().namedRanges).toEqual(
      expect.objectContaining({ JW_OWED_TO_YOU: 'Invoices!K1', JW_OVERDUE: 'Invoices!K2' }),
    );
    // An empty list: nothing owed, nothing overdue, no statuses, an aging table of zeros.
    expect(sheet.getRange('K1:K2').getValues()).toEqual([[0], [0]]);
    expect(
      sheet
        .getRange('G2:H4')
        .getValues()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(sheet.getRange('J5:L6').getValues()).toEqual([
      ['Bucket', 'Amount', 'Invoices'],
      ['Not yet due', 0, 0],
    ]);
  });

  test('by default the as-of day is TODAY(), and a row that cannot be worked out says which cell to fix', () => {
    const em = fresh();
    em.run('leapSetupInvoices');
    const sheet = sheetOf(em, 'Invoices');
    expect(sheet.getRange('K3').getFormula()).toBe('=TODAY()');
    const today = new Date().toISOString().slice(0, 10);
    em.enterInput('Invoices', 'A2', 'T-1');
    em.enterInput('Invoices', 'C2', today);
    em.enterInput('Invoices', 'E2', '100');
    expect(sheet.getRange('G2:H2').getValues()).toEqual([['Due in 30 days', 0]]);
    em.enterInput('Invoices', 'D2', 'next week');
    expect(sheet.getRange('G2').getValue()).toBe('Due: type a date');
    em.enterInput('Invoices', 'D2', today);
    em.enterInput('Invoices', 'E2', 'a lot');
    expect(sheet.getRange('G2:H2').getValues()).toEqual([['Amount: type a number', '']]);
    expect(sheet.getRange('K1').getValue()).toBe(0);
    em.enterInput('Invoices', 'E2', '100');
    em.enterInput('Invoices', 'F2', 'yes');
    expect(sheet.getRange('G2').getValue()).toBe('Paid on: type a date');
    em.enterInput('Invoices', 'K3', 'end of month');
    expect(sheet.getRange('G2').getValue()).toBe('As of (K3): type a date');
  });

  test('a failure while the sheet is made leaves no half-made sheet and no name pointing at one', () => {
    const probe = fresh();
    probe.resetCalls();
    probe.run('leapSetupInvoices');
    const at = (method: string, nth = 1) =>
      ownCalls(probe)
        .map((c, i) => (c.method === method ? i + 1 : 0))
        .filter((i) => i > 0)[nth - 1];
    // The panel's values (the second setValues) and the second named range, the last call that can fail.
    for (const n of [at('setValues', 2), at('setNamedRange', 2)]) {
      const em = fresh();
      em.failOnCall(n, 'Service Spreadsheets failed while accessing document');
      expect(() => em.run('leapSetupInvoices')).toThrow('Service Spreadsheets failed while accessing document');
      expect(em.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
      expect(em.toJSON().namedRanges).toEqual({});
    }
  });

  test('a sheet of the person\'s own called "Invoices" is left alone', () => {
    const em = fresh();
    em.spreadsheet.insertSheet('Invoices');
    em.enterInput('Invoices', 'A1', 'my own list');
    expect(em.run('leapSetupInvoices')).toEqual({ sheetName: 'Invoices 2', created: true });
    expect(sheetOf(em, 'Invoices').getRange('A1:B1').getValues()).toEqual([['my own list', '']]);
    expect(sheetOf(em, 'Invoices 2').getRange('J5').getFormula()).toContain('RECEIVABLES_AGING');
  });

  test("setting up again keeps the person's rows and inputs, and repairs Jumpwise's formulas", () => {
    const em = withInvoices();
    const sheet = sheetOf(em, 'Invoices');
    em.enterInput('Invoices', 'K13', '=B2');
    em.enterInput('Invoices', `K${BUSINESS_FIRST_ROW}`, 'Ada Consulting');
    const rowsBefore = sheet.getRange('A1:F40').getValues();
    const formulasBefore = sheet.getRange('A1:F40').getFormulas();
    const shownBefore = sheet.getRange('A1:L22').getValues();
    // The person typed over a status (blocking the ARRAYFORMULA) and lost the header of Paid on.
    em.enterInput('Invoices', 'G5', 'chased');
    em.enterInput('Invoices', 'F1', '');
    expect(sheet.getRange('G2').getValue()).not.toBe(shownBefore[1][6]);
    for (let time = 0; time < 2; time++) {
      em.resetCalls();
      expect(em.run('leapSetupInvoices')).toEqual({ sheetName: 'Invoices', created: false });
      expect(countOf(em, 'setValues')).toBe(3);
      expect(sheet.getRange('A2:F40').getValues()).toEqual(rowsBefore.slice(1));
      expect(sheet.getRange('A2:F40').getFormulas()).toEqual(formulasBefore.slice(1));
      expect(sheet.getRange('A1:L22').getValues()).toEqual(shownBefore);
      expect(sheet.getRange('K13').getFormula()).toBe('=B2');
      expect(sheet.getRange('K14').getValue()).toBeGreaterThan(0); // Acme's average, through the kept formula
    }
    expect(em.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Invoices']);

    // Rows added at the bottom are outside every range until the sheet is set up again, which widens the ranges
    // to the sheet's last row and gives the new rows the Due formula.
    sheet.insertRowsAfter(1000, 100);
    em.resetCalls();
    em.run('leapSetupInvoices');
    expect(countOf(em, 'setValues')).toBe(4);
    expect(sheet.getRange('G2').getFormula()).toContain('A2:A1100');
    expect(sheet.getRange('J5').getFormula()).toContain('D2:D1100');
    expect(sheet.getRange('D1050').getFormula()).toBe('=IF(C1050="","",C1050+30)');
    expect(sheet.getRange('A2:F40').getValues()).toEqual(rowsBefore.slice(1));
    sheet.getRange('A1050:C1050').setValues([['LATE-1', 'Acme', daysBefore(121)]]);
    sheet.getRange('E1050').setValue('1');
    expect(sheet.getRange('G1050:H1050').getValues()).toEqual([['Overdue 91 days', 91]]);
    expect(sheet.getRange('L10').getValue()).toBe(expectedAging()[4][2] + 1);
  });

  test('without business details it asks for them; once kept, a new Invoices sheet starts with them', () => {
    const em = withInvoices();
    select(em, 'A2');
    expect(refused(em)).toBe(
      `Your business details are missing. Type at least your name or business name in K${BUSINESS_FIRST_ROW} on the Invoices sheet (with your address, email, tax id and payment details below it), then choose Make invoice again.`,
    );
    typeBusiness(em, ['Ada Consulting']);
    select(em, 'A2');
    expect(em.run('leapMakeInvoice')).toMatchObject({ made: true });
    // The Invoices sheet is deleted and set up afresh: the kept details come back.
    const invoices = sheetOf(em, 'Invoices');
    em.spreadsheet.deleteSheet(invoices as never);
    expect(em.spreadsheet.createDeveloperMetadataFinder().withKey(INVOICES_METADATA_KEY).find()).toHaveLength(0);
    em.run('leapSetupInvoices');
    expect(sheetOf(em, 'Invoices').getRange(`K${BUSINESS_FIRST_ROW}`).getValue()).toBe('Ada Consulting');
  });
});
