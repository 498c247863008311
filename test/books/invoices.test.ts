/** The pure parts of invoices: reading a row for Make invoice, the printable grid and the formulas' ranges. */
import {
  BUSINESS_FIELDS,
  type BusinessDetails,
  daysLateFormula,
  dueFormula,
  INVOICES_COLUMN_WIDTHS,
  invoicesPanel,
  newInvoicesTable,
  PANEL_COLUMNS,
  PANEL_LABEL_COLUMN,
  statusFormula,
} from '../../src/books/invoices';
import { type InvoiceRow, printableInvoice, quotedSheet, readInvoiceRow } from '../../src/books/invoicesPrintable';
import { cellValue } from '../../src/plan/cellValue';

const d = (iso: string) => new Date(`${iso}T00:00:00`);
const ROW: unknown[] = ['2026-001', 'Acme', d('2026-03-01'), d('2026-03-31'), 1200, ''];

describe('reading a row for Make invoice', () => {
  test('a complete row gives the invoice', () => {
    expect(readInvoiceRow(ROW, 7)).toEqual({
      row: 7,
      number: '2026-001',
      client: 'Acme',
      issued: d('2026-03-01'),
      due: d('2026-03-31'),
      amount: 1200,
    });
    // A number typed as the invoice number stays a number (the look-up matches it as typed).
    expect(readInvoiceRow([42, ...ROW.slice(1)], 7)).toMatchObject({ number: 42 });
  });

  test.each([
    [['', '', '', '', '', ''], /^Row 7 of the Invoices sheet is empty\./],
    [['', ...ROW.slice(1)], /^Invoice \(column A, row 7\) is blank: type the invoice number/],
    [[true, ...ROW.slice(1)], /^Invoice \(column A, row 7\) is not an invoice number/],
    [['x'.repeat(95), ...ROW.slice(1)], /is 95 characters long; a sheet name holds at most 100: shorten the invoice number/],
    [[ROW[0], '  ', ...ROW.slice(2)], /^Client \(column B, row 7\) is blank/],
    [[...ROW.slice(0, 2), '2026-03-01', ...ROW.slice(3)], /^Issued \(column C, row 7\) is not a date/],
    [[...ROW.slice(0, 3), '', ...ROW.slice(4)], /^Due \(column D, row 7\) is not a date: type the due date, or clear it/],
    [[...ROW.slice(0, 4), '1,200', ''], /^Amount \(column E, row 7\) is not a number/],
  ])('%j is refused with a sentence naming the cell', (values, message) => {
    const read = readInvoiceRow(values, 7);
    expect('problem' in read && read.problem).toMatch(message);
  });
});

describe('the printable invoice', () => {
  const invoice = readInvoiceRow(ROW, 7) as InvoiceRow;
  const business: BusinessDetails = {
    name: '=HYPERLINK("http://evil")',
    address: '+44 Loom Lane',
    email: '@ada',
    taxId: '',
    payment: '-Bank 12-34',
  };

  test("the person's text is written as text, never as a formula", () => {
    const layout = printableInvoice(invoice, business, 'Invoices', 1000, '=SUM(1)');
    const written = layout.cells.map((row) => row.map((cell) => cellValue(cell)));
    expect(written[2][0]).toBe('\'=HYPERLINK("http://evil")');
    expect(written[3][0]).toBe("'+44 Loom Lane");
    expect(written[4][0]).toBe("'@ada");
    expect(written[5][0]).toBe(''); // no tax id, no "Tax id:" line
    expect(written[12][0]).toBe("'=SUM(1)");
    expect(written[20][0]).toBe("'-Bank 12-34");
    const formulas = written.flat().filter((v) => typeof v === 'string' && v.startsWith('='));
    // Only Jumpwise's own: the four look-ups, the total and the terms.
    expect(formulas).toHaveLength(6);
    for (const f of formulas) expect(f).toMatch(/^=(IFERROR\(INDEX\('Invoices'!|SUM\(D13:D13\)|IF\(ISNUMBER\(D5\))/);
  });

  test('look-ups quote any sheet name and reach its last row', () => {
    expect(quotedSheet("Bob's invoices")).toBe("'Bob''s invoices'");
    const layout = printableInvoice(invoice, { ...business, payment: '' }, "Bob's invoices", 1234);
    const amount = cellValue(layout.cells[12][3]) as string;
    expect(amount).toContain("INDEX('Bob''s invoices'!$E$2:$E$1234,MATCH($D$3,'Bob''s invoices'!$A$2:$A$1234,0))");
    expect(amount).toContain('"Invoice "&$D$3&" is no longer on the Bob\'s invoices sheet"');
    // No payment details: no heading for them either.
    expect(layout.cells[19][0]).toBeNull();
  });
});

describe('the Invoices sheet layout', () => {
  test('every formula covers rows 2 to the last row it is given', () => {
    for (const formula of [statusFormula(1400), daysLateFormula(1400)]) {
      expect(formula).toMatch(/^=ARRAYFORMULA\(/);
      const ranges = formula.match(/[A-H]\d+:[A-H]\d+/g) ?? [];
      expect(ranges.length).toBeGreaterThan(4);
      for (const r of ranges) expect(r).toBe(`${r[0]}2:${r[0]}1400`);
    }
    const panel = invoicesPanel(1400)
      .cells.flat()
      .map((cell) => cellValue(cell))
      .join(' ');
    expect(panel).toContain('RECEIVABLES_AGING(D2:D1400,E2:E1400,F2:F1400,$K$3)');
    expect(panel).toContain('CLIENT_DAYS_TO_PAY(B2:B1400,C2:C1400,F2:F1400,K13)');
    expect(dueFormula(9)).toBe('=IF(C9="","",C9+30)');
  });

  test('every line of the panel fits within its three columns, so a window showing the panel shows it whole', () => {
    const panelWidth = INVOICES_COLUMN_WIDTHS.slice(PANEL_LABEL_COLUMN - 1, PANEL_LABEL_COLUMN - 1 + PANEL_COLUMNS).reduce(
      (a, b) => a + b,
    );
    // 7 pixels a character is wider than 10-point Arial's average (about 5.5 for this kind of text): a line that
    // passes here fits in Sheets.
    const tooLong = invoicesPanel(1400)
      .cells.map((row) => row[0])
      .filter((cell): cell is { text: string } => cell !== null && 'text' in cell && cell.text.length * 7 > panelWidth)
      .map((cell) => cell.text);
    expect(tooLong).toEqual([]);
  });

  test('a new table: header, a Due formula on every row, the two ARRAYFORMULAs in row 2, nothing else', () => {
    const table = newInvoicesTable(50);
    expect(table.cells).toHaveLength(50);
    expect(table.numberFormats).toHaveLength(50);
    const filled = table.cells.slice(1).flatMap((row, i) => row.flatMap((c, col) => (c ? [`${'ABCDEFGH'[col]}${i + 2}`] : [])));
    expect(filled).toEqual(['D2', 'G2', 'H2', ...Array.from({ length: 48 }, (_, i) => `D${i + 3}`)]);
    expect(BUSINESS_FIELDS.map((f) => f.key)).toEqual(['name', 'address', 'email', 'taxId', 'payment']);
  });
});
