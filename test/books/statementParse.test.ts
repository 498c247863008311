/**
 * parseStatement on statements written the way real banks write them (test/books/fixtures): every row is checked,
 * and so are the detected mapping and the lines reported as unreadable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeProblem, MAX_STATEMENT_ROWS, parseStatement } from '../../src/books/statement';
import { readRecords } from '../../src/books/statementCsv';
import { readAmount, readDateShape, shapeToIso } from '../../src/books/statementValues';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const rowsOf = (rows: { date: string; description: string; amount: number; line: number }[]) =>
  rows.map((r) => [r.line, r.date, r.description, r.amount]);

describe('bank statements as banks export them', () => {
  test('a US bank (Chase-like: Details,Posting Date,Description,Amount,Type,Balance; a trailing comma on every row)', () => {
    const result = parseStatement(fixture('chase-checking.csv'));
    expect(result.problems).toEqual([]);
    expect(result.header).toEqual(['Details', 'Posting Date', 'Description', 'Amount', 'Type', 'Balance', 'Check or Slip #']);
    expect(result.mapping).toEqual({
      headerLine: 1,
      date: 1,
      description: [2],
      amount: 3,
      dateOrder: 'mdy',
      decimal: '.',
      delimiter: ',',
    });
    expect(result.dayMonthAmbiguous).toBe(false);
    expect(result.layoutKey).toBe('details|posting date|description|amount|type|balance|check or slip #');
    expect(rowsOf(result.rows)).toEqual([
      [2, '2026-03-31', 'ADOBE  *CREATIVE CLOUD 800-833-6687 CA', -54.99],
      [3, '2026-03-28', 'STRIPE TRANSFER ST-Q8R2 PPD ID: 4270465600', 2450],
      [4, '2026-03-15', 'ONLINE TRANSFER TO SAV ...4821 TRANSACTION#: 20260315', -1000],
      [5, '2026-03-09', 'CHECK 1043', -325],
      [6, '2026-03-02', 'COMCAST CABLE COMM 800-COMCAST PA', -89.1],
      [7, '2026-03-01', 'ACME DESIGN CO    PAYROLL', 1234.56],
    ]);
  });

  test('a UK bank (Date,Type,Description,Paid out,Paid in,Balance; dd/mm/yyyy and £)', () => {
    const result = parseStatement(fixture('uk-bank.csv'));
    expect(result.problems).toEqual([]);
    expect(result.mapping).toEqual({
      headerLine: 1,
      date: 0,
      description: [2],
      debit: 3,
      credit: 4,
      dateOrder: 'dmy',
      decimal: '.',
      delimiter: ',',
    });
    expect(result.dayMonthAmbiguous).toBe(false);
    expect(rowsOf(result.rows)).toEqual([
      [2, '2026-03-02', 'THAMES WATER', -38.5],
      [3, '2026-03-05', 'UPWORK ESCROW INC', 1200],
      [4, '2026-03-14', 'TESCO STORES 2231', -64.12],
      [5, '2026-03-20', 'HMRC SELF ASSESSMENT', -1500],
      [6, '2026-03-31', 'CLIENT - BRIGHT STUDIO LTD', 750],
    ]);
  });

  test('a German bank (semicolons, preamble lines, Buchungstag/Verwendungszweck/Betrag, 1.234,56, dd.mm.yyyy, closing balance)', () => {
    const result = parseStatement(fixture('german-bank.csv'));
    expect(result.problems).toEqual([]);
    expect(result.mapping).toEqual({
      headerLine: 5,
      date: 0,
      description: [2, 4],
      amount: 5,
      dateOrder: 'dmy',
      decimal: ',',
      delimiter: ';',
    });
    // Dotted dates are day first wherever they are written, so nothing needs asking even with every day <= 12.
    expect(result.dayMonthAmbiguous).toBe(false);
    expect(result.header[2]).toBe('Auftraggeber/Empfänger');
    expect(rowsOf(result.rows)).toEqual([
      [6, '2026-03-02', 'Stadtwerke München GmbH - Strom Abschlag März', -86],
      [7, '2026-03-04', 'Müller & Söhne KG - Rechnung 2026-014, Danke', 1234.56],
      [8, '2026-03-10', 'REWE Markt GmbH - Einkauf; Filiale 0815', -42.17],
      [9, '2026-03-17', 'Finanzamt München - Einkommensteuer Vorauszahlung Q1', -2100],
      [10, '2026-03-31', 'Kontoführung', -4.9],
    ]);
  });

  test('a summary block before the header and a "Beginning balance as of" line after it (Bank of America-like)', () => {
    const result = parseStatement(fixture('bofa-summary.csv'));
    expect(result.problems).toEqual([]);
    expect(result.mapping).toMatchObject({ headerLine: 7, date: 0, description: [1], amount: 2, dateOrder: 'mdy' });
    expect(rowsOf(result.rows)).toEqual([
      [9, '2026-03-02', 'COMCAST CABLE DES:CABLE ID:8155 INDN:JANE DOE CO ID:0000 WEB', -89.1],
      [10, '2026-03-16', 'Zelle payment from ACME LLC for "March invoice"; Conf# abc123', 2450],
      [11, '2026-03-31', 'CHECK 1044', -1386],
    ]);
  });

  test('separate debit and credit columns, payee and memo joined, "5 Mar 2026" dates, a debit written negative', () => {
    const result = parseStatement(fixture('debit-credit.csv'));
    expect(result.problems).toEqual([]);
    expect(result.mapping).toMatchObject({ date: 0, description: [1, 2], debit: 3, credit: 4 });
    expect(result.mapping.amount).toBeUndefined();
    expect(result.dayMonthAmbiguous).toBe(false);
    expect(rowsOf(result.rows)).toEqual([
      [2, '2026-03-05', 'Blue Bottle Coffee - Client meeting', -6.75],
      [3, '2026-03-07', 'Globex Corp - Invoice 2026-07', 3000],
      [4, '2026-03-12', 'Dropbox', -11.99],
      [5, '2026-03-19', 'AT&T Wireless - Phone', -85.4],
      [6, '2026-03-27', 'Interest', 0.42],
    ]);
  });

  test('a byte-order mark, preamble lines, "Mar 5, 2026" dates, $ amounts with the sign before or after, a totals line', () => {
    const result = parseStatement(fixture('preamble-bom.csv'));
    expect(result.problems).toEqual([]);
    expect(result.header).toEqual(['Transaction Date', 'Transaction Description', 'Transaction Amount']);
    expect(result.mapping).toMatchObject({ headerLine: 4, date: 0, description: [1], amount: 2 });
    expect(rowsOf(result.rows)).toEqual([
      [5, '2026-03-03', 'GUSTO PAYROLL', 2100],
      [6, '2026-03-11', 'WHOLEFDS MKT #10234', -87.23],
      [7, '2026-03-24', 'VENMO CASHOUT', 300],
      [8, '2026-03-30', 'MONTHLY SERVICE FEE', -12],
    ]);
  });

  test('quoted descriptions holding commas, doubled quotes and a line break (line numbers count the break)', () => {
    const result = parseStatement(fixture('quoted.csv'));
    expect(result.problems).toEqual([]);
    expect(rowsOf(result.rows)).toEqual([
      [2, '2026-03-01', 'Smith, Jones & Partners', -120],
      [3, '2026-03-02', 'The "Good" Café', -8.4],
      [4, '2026-03-03', 'Invoice 17\npaid late, sorry', 950],
      [6, '2026-03-04', 'Padded payee', -1],
      [7, '2026-03-05', "Plain text with 'single' quotes", -2.5],
    ]);
  });

  test('CR and DR amounts (with or without a space, any case) and 05-Mar-2026 dates', () => {
    const result = parseStatement(fixture('crdr.csv'));
    expect(result.problems).toEqual([]);
    expect(result.mapping).toMatchObject({ date: 0, description: [1], amount: 2 });
    expect(rowsOf(result.rows)).toEqual([
      [2, '2026-03-05', 'SALARY ACME PTY', 1234.56],
      [3, '2026-03-09', 'WOOLWORTHS 1022', -45],
      [4, '2026-03-18', 'ATO PAYMENT', -1500],
      [5, '2026-03-30', 'REFUND ACME', 12],
    ]);
  });

  test('negatives in parentheses, with a currency sign outside them, and year-first dates with slashes', () => {
    const result = parseStatement(fixture('parentheses.csv'));
    expect(result.problems).toEqual([]);
    expect(rowsOf(result.rows)).toEqual([
      [2, '2026-03-02', 'Office rent', -1234.56],
      [3, '2026-03-06', 'Client payment', 2500],
      [4, '2026-03-09', 'Bank fee', -5],
      [5, '2026-03-16', 'Software', -19.99],
    ]);
  });

  test('a file whose dates could be day or month first says so, and reads either way when told', () => {
    const guessed = parseStatement(fixture('ambiguous.csv'));
    expect(guessed.dayMonthAmbiguous).toBe(true);
    expect(guessed.mapping.dateOrder).toBe('mdy');
    expect(rowsOf(guessed.rows)).toEqual([
      [2, '2026-03-05', 'Coffee', -4.5],
      [3, '2026-04-05', 'Client', 200],
      [4, '2026-12-05', 'Rent', -900],
    ]);
    const dayFirst = parseStatement(fixture('ambiguous.csv'), { mapping: { ...guessed.mapping, dateOrder: 'dmy' } });
    expect(dayFirst.dayMonthAmbiguous).toBe(true);
    expect(dayFirst.layoutKey).toBe(guessed.layoutKey);
    expect(rowsOf(dayFirst.rows)).toEqual([
      [2, '2026-05-03', 'Coffee', -4.5],
      [3, '2026-05-04', 'Client', 200],
      [4, '2026-05-12', 'Rent', -900],
    ]);
  });

  test('every unreadable line is reported with its line number and the reason in words; the rest are read', () => {
    const result = parseStatement(fixture('bad-lines.csv'));
    expect(rowsOf(result.rows)).toEqual([
      [2, '2026-03-01', 'Good row', 10],
      [10, '2026-03-09', 'Good again', -3],
    ]);
    expect(result.problems.map(describeProblem)).toEqual([
      'line 3: the amount "12,3x" is not a number',
      'line 4: the date "2026-02-30" is not a real date: February has no day 30',
      'line 5: the date "yesterday" is not a date',
      'line 6: it has 2 columns where the header has 3',
      'line 7: the date is empty',
      'line 8: there is no amount ("Amount" is empty)',
      'line 9: a quoted field opens on this line and its closing quote (") is missing, so the line was not read',
    ]);
  });
});

describe('rows that do not fit the header are not guessed (issue 22, problem 7)', () => {
  // RFC 4180 "Common Format and MIME Type for CSV Files" (https://www.rfc-editor.org/rfc/rfc4180), section 2.4:
  // "Each line should contain the same number of fields throughout the file", and 2.6: a field holding a comma
  // must be enclosed in double quotes. A row with another count cannot be matched to the header by position.
  test('an amount written 1,234.56 without quotes is listed with its line and both counts, not read as 1.00', () => {
    const result = parseStatement(fixture('unquoted-thousands.csv'));
    expect(rowsOf(result.rows)).toEqual([
      [3, '2026-03-03', 'Staples', -42.1],
      // One empty field after the last column, as some banks write on every row: nothing in it, nothing guessed.
      [4, '2026-03-04', 'Dropbox', -11.99],
    ]);
    expect(result.problems.map(describeProblem)).toEqual([
      'line 2: it has 4 columns where the header has 3, so its values cannot be matched to the columns: ' +
        'a value holding a comma (1,234.56) must be in quotes ("1,234.56"). Fix the line or export the file again',
    ]);
  });

  test('a row with a value past the header is refused; one short of a trailing column nobody reads is kept', () => {
    const text = 'Date,Description,Amount,Check\n2026-03-01,Coffee,-4.50,,extra\n2026-03-02,Client,300.00\n';
    const result = parseStatement(text);
    expect(rowsOf(result.rows)).toEqual([[3, '2026-03-02', 'Client', 300]]);
    expect(result.problems.map((p) => p.line)).toEqual([2]);
    expect(result.problems[0].reason).toMatch(/^it has 5 columns where the header has 4/);
  });

  test('a file with no header: a row wider than the others is refused too', () => {
    const text = '2026-03-01,Coffee shop,-4.50,95.50\n2026-03-02,Client,1,300.00,395.50\n2026-03-03,Tea,-2.00,393.50\n';
    const result = parseStatement(text);
    expect(rowsOf(result.rows)).toEqual([
      [1, '2026-03-01', 'Coffee shop', -4.5],
      [3, '2026-03-03', 'Tea', -2],
    ]);
    expect(result.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^line 2: it has 5 columns where the other lines have 4, so its values cannot be matched/),
    ]);
  });
});

describe('signs and layouts are never guessed silently (issue 22, problem 8)', () => {
  // American Express, "Download your transactions" CSV (americanexpress.com): charges positive, payments and
  // credits negative. Discover writes the same. Google's documentation has nothing on bank exports: Jumpwise's rule.
  test('a card export with positive charges is flagged for the question, and read as money out once answered', () => {
    const asBank = parseStatement(fixture('amex-card.csv'));
    expect(asBank.looksLikeCard).toBe(true);
    expect(asBank.mapping.chargesPositive).toBeUndefined();
    const answered = parseStatement(fixture('amex-card.csv'), { mapping: { ...asBank.mapping, chargesPositive: true } });
    expect(answered.looksLikeCard).toBe(false);
    expect(rowsOf(answered.rows)).toEqual([
      [2, '2026-03-02', 'ADOBE *CREATIVE CLOUD SAN JOSE CA', -54.99],
      [3, '2026-03-05', 'DELTA AIR LINES ATLANTA GA', -389.2],
      [4, '2026-03-10', 'AUTOPAY PAYMENT RECEIVED - THANK YOU', 444.19],
      [5, '2026-03-12', 'STAPLES 00123 AUSTIN TX', -23.45],
      [6, '2026-03-18', 'DELTA AIR LINES ATLANTA GA - REFUND', 120],
    ]);
    // "No, money in is positive" is an answer too: no question, read as written.
    const notCard = parseStatement(fixture('amex-card.csv'), { mapping: { ...asBank.mapping, chargesPositive: false } });
    expect(notCard.looksLikeCard).toBe(false);
    expect(notCard.rows[0].amount).toBe(54.99);
  });

  test('a bank statement with money out negative is not taken for a card', () => {
    expect(parseStatement(fixture('chase-checking.csv')).looksLikeCard).toBe(false);
  });

  test('a headerless TD/RBC export (date,description,debit,credit,balance) reads paid out and paid in, and says why', () => {
    const result = parseStatement(fixture('td-no-header.csv'));
    expect(result.mapping).toMatchObject({ headerLine: 0, date: 0, description: [1], debit: 2, credit: 3 });
    expect(result.mapping.amount).toBeUndefined();
    expect(result.problems).toEqual([]);
    expect(rowsOf(result.rows)).toEqual([
      [1, '2026-03-02', 'TIM HORTONS #1234', -4.25],
      [2, '2026-03-03', 'E-TRANSFER FROM GLOBEX INC', 1500],
      [3, '2026-03-09', 'ROGERS WIRELESS', -85.4],
      [4, '2026-03-16', 'MOBILE DEPOSIT', 650],
      [5, '2026-03-20', 'SHOPIFY SUBSCRIPTION', -39],
    ]);
    expect(result.layoutNote).toBe(
      'This file has no header. Columns 3 and 4 hold amounts and are never both filled, so they are read as paid out ' +
        '(column 3) and paid in (column 4), the way TD and RBC write them; column 5, filled on every row, is the ' +
        'balance. If deposits show as money out below, swap the two under Columns and formats.',
    );
  });

  test('a Revolut export: the fee is part of the amount, pending rows are kept apart, reverted ones are listed', () => {
    const result = parseStatement(fixture('revolut.csv'));
    expect(result.mapping).toMatchObject({ date: 2, description: [4], amount: 5, fee: 6, state: 8 });
    expect(rowsOf(result.rows)).toEqual([
      [2, '2026-03-02', 'Figma', -12],
      [3, '2026-03-04', 'Payment from Globex Inc', 980],
      [4, '2026-03-05', 'To Jordan Lee', -100.5],
    ]);
    expect(rowsOf(result.pending)).toEqual([[5, '2026-03-06', 'Amtrak', -45.9]]);
    expect(result.problems.map(describeProblem)).toEqual([
      'line 6: the bank marks it REVERTED: it did not go through, so it is not imported',
    ]);
  });
});

describe('the currency a statement names (issue 22, problem 4)', () => {
  test('a currency column, an amount header or the amounts themselves name it; a plain file names none', () => {
    expect(parseStatement(fixture('euro-account.csv')).currencies).toEqual(['EUR']);
    expect(parseStatement('Date,Description,Amount (GBP)\n2026-03-01,Tea,-2.50\n').currencies).toEqual(['GBP']);
    expect(parseStatement('Date,Description,Amount\n2026-03-01,Tea,-€2.50\n2026-03-02,Cake,"1.234,00 EUR"\n').currencies).toEqual(
      ['EUR'],
    );
    expect(parseStatement('Date,Description,Amount\n2026-03-01,Tea,-$2.50\n').currencies).toEqual(['$']);
    expect(parseStatement(fixture('chase-checking.csv')).currencies).toEqual([]);
  });

  test('a statement of two currencies names both (the page then refuses it: one currency per book)', () => {
    const revolut = fixture('revolut.csv').replace('0.00,USD,COMPLETED,1968.00', '0.00,EUR,COMPLETED,1968.00');
    expect(parseStatement(revolut).currencies).toEqual(['USD', 'EUR']);
  });
});

describe('choosing the columns by hand', () => {
  test('a changed mapping re-reads the file: another description column, debit and credit instead of an amount', () => {
    const detected = parseStatement(fixture('uk-bank.csv'));
    const byType = parseStatement(fixture('uk-bank.csv'), { mapping: { ...detected.mapping, description: [1, 2] } });
    expect(byType.rows.map((r) => r.description)).toEqual([
      'DD - THAMES WATER',
      'FPI - UPWORK ESCROW INC',
      'DEB - TESCO STORES 2231',
      'SO - HMRC SELF ASSESSMENT',
      'BGC - CLIENT - BRIGHT STUDIO LTD',
    ]);
    const paidInOnly = parseStatement(fixture('uk-bank.csv'), { mapping: { ...detected.mapping, debit: undefined } });
    expect(rowsOf(paidInOnly.rows)).toEqual([
      [3, '2026-03-05', 'UPWORK ESCROW INC', 1200],
      [6, '2026-03-31', 'CLIENT - BRIGHT STUDIO LTD', 750],
    ]);
    expect(paidInOnly.problems.map(describeProblem)).toEqual([
      'line 2: there is no amount ("Paid in" is empty)',
      'line 4: there is no amount ("Paid in" is empty)',
      'line 5: there is no amount ("Paid in" is empty)',
    ]);
  });

  test('the wrong decimal mark or date order is reported line by line, not silently misread', () => {
    const detected = parseStatement(fixture('german-bank.csv'));
    const dotted = parseStatement(fixture('german-bank.csv'), { mapping: { ...detected.mapping, decimal: '.' } });
    expect(dotted.rows.map((r) => r.amount)).toEqual([]);
    expect(dotted.problems.map(describeProblem)[0]).toBe('line 6: the amount "-86,00" is not a number');
    const uk = parseStatement(fixture('uk-bank.csv'));
    const monthFirst = parseStatement(fixture('uk-bank.csv'), { mapping: { ...uk.mapping, dateOrder: 'mdy' } });
    expect(monthFirst.rows.map((r) => r.date)).toEqual(['2026-02-03', '2026-05-03']);
    expect(monthFirst.problems.map(describeProblem)).toEqual([
      'line 4: the date "14/03/2026" is not a real date: there is no month 14 (the dates are read month first)',
      'line 5: the date "20/03/2026" is not a real date: there is no month 20 (the dates are read month first)',
      'line 6: the date "31/03/2026" is not a real date: there is no month 31 (the dates are read month first)',
    ]);
  });

  test('a mapping without an amount column, or with a column the file lacks, is refused as a whole with what to fix', () => {
    const detected = parseStatement(fixture('chase-checking.csv'));
    const noAmount = parseStatement(fixture('chase-checking.csv'), { mapping: { ...detected.mapping, amount: undefined } });
    expect(noAmount.rows).toEqual([]);
    expect(noAmount.problems.map(describeProblem)).toEqual([
      'line 1: choose the column that holds the amount, or the paid out and paid in columns',
    ]);
    const outside = parseStatement(fixture('chase-checking.csv'), { mapping: { ...detected.mapping, amount: 11 } });
    expect(outside.problems.map(describeProblem)).toEqual(['line 1: the file has 8 columns; column 12 does not exist']);
    const same = parseStatement(fixture('chase-checking.csv'), { mapping: { ...detected.mapping, amount: 1 } });
    expect(same.problems.map(describeProblem)).toEqual(['line 1: the date and amount columns must be different columns']);
  });

  test.each([
    [
      'Monzo',
      'Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,Local currency,Notes and #tags,Address,Receipt,Description,Category split,Money Out,Money In',
      'tx_0001,05/03/2026,08:14:02,Card payment,Pret A Manger,,Eating out,-4.25,GBP,-4.25,GBP,,1 Kings Rd,,PRET A MANGER LONDON GBR,,-4.25,',
      { date: 1, description: [4, 14], amount: 7, dateOrder: 'dmy' },
      ['2026-03-05', 'Pret A Manger - PRET A MANGER LONDON GBR', -4.25],
    ],
    [
      'Revolut',
      'Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance',
      'CARD_PAYMENT,Current,2026-03-05 14:22:01,2026-03-06 09:00:00,Uber,-12.40,0.00,EUR,COMPLETED,88.10',
      { date: 2, description: [4], amount: 5 },
      ['2026-03-05', 'Uber', -12.4],
    ],
    [
      'N26',
      '"Date","Payee","Account number","Transaction type","Payment reference","Amount (EUR)","Amount (Foreign Currency)","Type Foreign Currency","Exchange Rate"',
      '"2026-03-05","Deutsche Bahn","DE12500105170648489890","MasterCard Payment","Ticket 4711","-39.90","","",""',
      { date: 0, description: [1, 4], amount: 5 },
      ['2026-03-05', 'Deutsche Bahn - Ticket 4711', -39.9],
    ],
    [
      'credit union (withdrawals and deposits)',
      'Transaction Date,Posted Date,Description,Withdrawals,Deposits,Balance',
      '03/14/2026,03/15/2026,"POS PURCHASE, TARGET #1234",52.17,,"1,947.83"',
      { date: 0, description: [2], debit: 3, credit: 4, dateOrder: 'mdy' },
      ['2026-03-14', 'POS PURCHASE, TARGET #1234', -52.17],
    ],
    [
      'Wells Fargo (no header)',
      '"03/05/2026","-4.50","*","","COFFEE SHOP 1234 SAN FRANCISCO CA"',
      '"03/17/2026","1200.00","*","","MOBILE DEPOSIT : REF NUMBER :0123"',
      { headerLine: 0, date: 0, description: [4], amount: 1 },
      ['2026-03-17', 'MOBILE DEPOSIT : REF NUMBER :0123', 1200],
    ],
  ])('the columns of a %s export', (_bank, first, second, columns, lastRow) => {
    const result = parseStatement(`${first}\n${second}\n`);
    expect(result.problems).toEqual([]);
    expect(result.mapping).toMatchObject(columns);
    const last = result.rows[result.rows.length - 1];
    expect([last.date, last.description, last.amount]).toEqual(lastRow);
  });

  test('fields written ="00123" (to keep leading zeros in spreadsheets) are read as the text inside', () => {
    const result = parseStatement('Date,Description,Amount\n="2026-03-01","=""007 AGENCY""",="-12.50"\n');
    expect(result.problems).toEqual([]);
    expect(rowsOf(result.rows)).toEqual([[2, '2026-03-01', '007 AGENCY', -12.5]]);
  });

  test('a mapping come back from storage with null for unused columns reads as the one stored', () => {
    const detected = parseStatement(fixture('uk-bank.csv'));
    const stored = JSON.parse(JSON.stringify({ ...detected.mapping, amount: null }));
    const again = parseStatement(fixture('uk-bank.csv'), { mapping: stored });
    expect(again.mapping).toEqual(detected.mapping);
    expect(again.rows).toEqual(detected.rows);
    const broken = parseStatement(fixture('uk-bank.csv'), { mapping: { ...detected.mapping, decimal: ' ' as ',' } });
    expect(broken.problems.map(describeProblem)).toEqual(['line 1: choose the decimal mark of the amounts: a point or a comma']);
  });

  test('a file with no header: columns found from the values, preamble skipped until the first date', () => {
    const text = 'Export for account 1234\n2026-03-01,Coffee shop,-4.50,95.50\n2026-03-02,Client ABC invoice 12,300.00,395.50\n';
    const result = parseStatement(text);
    expect(result.header).toEqual([]);
    expect(result.mapping).toMatchObject({ headerLine: 0, date: 0, description: [1], amount: 2 });
    expect(result.layoutKey).toBe('no header|4 columns|,');
    expect(result.columnCount).toBe(4);
    expect(rowsOf(result.rows)).toEqual([
      [2, '2026-03-01', 'Coffee shop', -4.5],
      [3, '2026-03-02', 'Client ABC invoice 12', 300],
    ]);
  });
});

describe('the pieces', () => {
  test.each([
    ['2026-03-05', 'mdy', '2026-03-05'],
    ['03/05/2026', 'mdy', '2026-03-05'],
    ['05/03/2026', 'dmy', '2026-03-05'],
    ['05.03.2026', 'dmy', '2026-03-05'],
    ['5 Mar 2026', 'mdy', '2026-03-05'],
    ['Mar 5, 2026', 'dmy', '2026-03-05'],
    ['05-Mar-2026', 'mdy', '2026-03-05'],
    ['5. März 2026', 'dmy', '2026-03-05'],
    ['March 5th, 2026', 'dmy', '2026-03-05'],
    ['05/03/26', 'dmy', '2026-03-05'],
    ['20260305', 'dmy', '2026-03-05'],
    ['2026-03-05T14:22:01Z', 'dmy', '2026-03-05'],
    ['03/05/2026 9:41 AM', 'mdy', '2026-03-05'],
    ['Thu, 5 Mar 2026', 'mdy', '2026-03-05'],
  ] as const)('the date %s (%s) is %s', (text, order, iso) => {
    const shape = readDateShape(text);
    expect(shape).not.toBeNull();
    expect(shapeToIso(shape!, order)).toEqual({ iso });
  });

  test.each(['', 'tomorrow', '2026-13', '5 Smarch 2026', '1234', '05/03'])('%p is not a date', (text) => {
    expect(readDateShape(text)).toBeNull();
  });

  test.each([
    ['1,234.56', '.', 1234.56],
    ['1.234,56', ',', 1234.56],
    ['-1,234.56', '.', -1234.56],
    ['(1,234.56)', '.', -1234.56],
    ['$1,234.56', '.', 1234.56],
    ['-$1,234.56', '.', -1234.56],
    ['$-1,234.56', '.', -1234.56],
    ['£12.00', '.', 12],
    ['€ 1.234,56', ',', 1234.56],
    ['1.234,56 EUR', ',', 1234.56],
    ['1.234,56-', ',', -1234.56],
    ['1234.56 CR', '.', 1234.56],
    ['1234.56 DR', '.', -1234.56],
    ['1234.56dr', '.', -1234.56],
    ['−12.50', '.', -12.5],
    ['+7', '.', 7],
    ['.5', '.', 0.5],
    ['1 234,56', ',', 1234.56],
    ["1'234.56", '.', 1234.56],
    ['-0.00', '.', 0],
  ] as const)('the amount %s (decimal %s) is %d', (text, decimal, value) => {
    expect(Object.is(readAmount(text, decimal), value)).toBe(true);
  });

  test.each([
    ['12,3x', ','],
    ['1,234.56', ','],
    ['1.5', ','],
    ['12.34.56', '.'],
    ['$', '.'],
    ['abc', '.'],
    ['1,23,4.00', '.'],
  ] as const)('%p with decimal %s is not an amount', (text, decimal) => {
    expect(readAmount(text, decimal)).toBeNull();
  });

  test('CR, LF and CRLF line ends, a lone quote inside a field, an empty last field', () => {
    const { records, problems } = readRecords('a,b\rc,"d\r\ne"\r\nf,g"h",\n', ',');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['c', 'd\r\ne'], line: 2 },
      { fields: ['f', 'g"h"', ''], line: 4 },
    ]);
  });

  test('the row limit is the one the import refuses above', () => {
    expect(MAX_STATEMENT_ROWS).toBe(20000);
  });
});
