/**
 * The built import page (dist/Import.html) in Chromium at sidebar width, with google.script.run replaced by an
 * in-page fake that remembers mappings per layout, records every call and can be told to fail. The rows the page
 * sends are compared with parseStatement's in Node, so the page sends exactly what the parser reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseStatement } from '../../src/books/statement';
import { importResultText, tooManyRowsText } from '../../src/books/statementText';
import type { ColumnMapping, ImportRequest, ImportResult } from '../../src/books/types';
import { dateAsShown } from '../../src/plan/currency';
import { scriptRunRulesScript } from '../sidebar/page';
import { launchChromium, screenshotPath } from '../support/browser';

const PAGE_FILE = join(__dirname, '..', '..', 'dist', 'Import.html');
const fixturePath = (name: string) => join(__dirname, 'fixtures', name);
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

interface FakeSetup {
  remembered?: Record<string, ColumnMapping>;
  result?: ImportResult;
  fail?: Record<string, string>;
  /** Round-trip time per function (default 20 ms). */
  slow?: Record<string, number>;
  /** The server's refusal of a statement in this currency sent without a rate (the books are in another). */
  refuseCurrency?: { currency: string; message: string };
}
interface Call {
  name: string;
  args: unknown[];
}

function installFakeServer(setup: FakeSetup): void {
  const state = { calls: [] as Call[], fail: setup.fail ?? {} };
  type Rules = typeof import('../../emulator/src/scriptRun');
  // Google's rules for what crosses google.script.run, loaded by scriptRunRulesScript (test/sidebar/page.ts).
  const rules = (window as unknown as { __leapScriptRunRules: Rules }).__leapScriptRunRules;
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    // An en_US spreadsheet with no import yet (the page's first call; test/books/importUndo.browser.test.ts runs
    // the real one).
    leapGetImportPage: () => ({ datePattern: 'mmm d, yyyy', numbers: { group: ',', decimal: '.' }, lastImport: null }),
    leapGetStatementMapping: (key) => setup.remembered?.[key as string] ?? null,
    leapImportStatement: (request) => {
      const { rows, currency, rate } = request as ImportRequest;
      if (setup.refuseCurrency && currency === setup.refuseCurrency.currency && rate === undefined)
        throw new Error(setup.refuseCurrency.message);
      const dates = rows.map((r) => r.date).sort();
      return (
        setup.result ?? {
          imported: rows.length,
          skippedAlreadyInLedger: 0,
          repeatedInStatement: 0,
          uncategorised: rows.length,
          firstDate: dates[0] ?? null,
          lastDate: dates[dates.length - 1] ?? null,
        }
      );
    },
  };
  type Handler = ((value: unknown) => void) | undefined;
  const runner = (success: Handler, failure: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === 'withSuccessHandler') return (h: Handler) => runner(h, failure);
          if (prop === 'withFailureHandler') return (h: Handler) => runner(success, h);
          const handler = handlers[prop];
          if (!handler) return undefined;
          return (...args: unknown[]) => {
            let copied: unknown[];
            try {
              copied = rules.copyArgumentsAcrossScriptRun(prop, args);
            } catch (e) {
              // Refused in the page, as Google refuses a Date or a function: the server never hears of the call.
              setTimeout(() => failure?.(e), 0);
              return;
            }
            state.calls.push({ name: prop, args: copied });
            setTimeout(() => {
              if (state.fail[prop]) return failure?.(new Error(state.fail[prop]));
              let answer: unknown;
              try {
                answer = rules.copyAcrossScriptRun(handler(...copied), prop, 'the result');
              } catch (e) {
                return failure?.(e);
              }
              success?.(answer);
            }, setup.slow?.[prop] ?? 20);
          };
        },
      },
    );
  Object.assign(window, {
    __fake: state,
    google: {
      script: {
        get run() {
          return runner(undefined, undefined);
        },
      },
    },
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface ImportPage {
  page: Page;
  problems: Error[];
  calls(): Promise<Call[]>;
}

async function openImportPage(setup: FakeSetup = {}, viewport = { width: 300, height: 700 }): Promise<ImportPage> {
  const page = await browser.newPage({ viewport, locale: 'en-US' });
  page.setDefaultTimeout(5000);
  const problems: Error[] = [];
  page.on('pageerror', (e) => problems.push(e));
  await page.route(/^(?!file:)/, (route) => {
    problems.push(new Error(`network request to ${route.request().url()}`));
    return route.abort();
  });
  await page.addInitScript({ content: scriptRunRulesScript() });
  await page.addInitScript(installFakeServer, setup);
  await page.goto(`file://${PAGE_FILE}`);
  await page.waitForFunction(() => performance.getEntriesByName('leap-import-interactive').length > 0);
  return {
    page,
    problems,
    calls: () => page.evaluate(() => (window as unknown as { __fake: { calls: Call[] } }).__fake.calls),
  };
}

const previewCells = (page: Page) =>
  page.locator('#preview-rows tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
const importCalls = async (p: ImportPage) => (await p.calls()).filter((c) => c.name === 'leapImportStatement');

/** The whole page at sidebar width, for a person to look at (test-output/import-*.png). */
async function screenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 300, height });
  await page.screenshot({ path: screenshotPath(`import-${name}`) });
  await page.setViewportSize({ width: 300, height: 700 });
}

async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the import page', () => {
  let opened: ImportPage;
  afterEach(async () => {
    expect(opened.problems).toEqual([]);
    await opened.page.close();
  });

  test('a picked file is read in the page, previewed in the spreadsheet’s format and imported as parseStatement reads it', async () => {
    opened = await openImportPage();
    const { page } = opened;
    expect(await page.locator('#import-button').isDisabled()).toBe(true);
    await page.setInputFiles('#statement-file', fixturePath('chase-checking.csv'));
    await page.locator('#statement-summary').getByText('6 rows, Mar 1, 2026 to Mar 31, 2026.').waitFor();
    expect(await page.inputValue('#account')).toBe('chase-checking');
    expect(await previewCells(page)).toEqual([
      ['Mar 31, 2026', 'ADOBE  *CREATIVE CLOUD 800-833-6687 CA', '-54.99'],
      ['Mar 28, 2026', 'STRIPE TRANSFER ST-Q8R2 PPD ID: 4270465600', '2,450.00'],
      ['Mar 15, 2026', 'ONLINE TRANSFER TO SAV ...4821 TRANSACTION#: 20260315', '-1,000.00'],
      ['Mar 9, 2026', 'CHECK 1043', '-325.00'],
      ['Mar 2, 2026', 'COMCAST CABLE COMM 800-COMCAST PA', '-89.10'],
      ['Mar 1, 2026', 'ACME DESIGN CO    PAYROLL', '1,234.56'],
    ]);
    expect(await page.locator('#order-question').isHidden()).toBe(true);
    expect(await page.locator('#problems').isHidden()).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'chase');
    await page.fill('#account', 'Chase checking');
    await page.locator('#import-button').getByText('Import 6 rows').click();
    const expected = parseStatement(fixture('chase-checking.csv'));
    const message = importResultText(
      {
        imported: 6,
        skippedAlreadyInLedger: 0,
        repeatedInStatement: 0,
        uncategorised: 6,
        firstDate: '2026-03-01',
        lastDate: '2026-03-31',
      },
      (iso) => dateAsShown(iso, 'mmm d, yyyy'),
    );
    await page.locator('#import-message').getByText(message).waitFor();
    // In the spreadsheet's date style (the fake server's is en_US), as the Ledger will show the rows.
    expect(message).toBe('Imported 6 rows, 6 uncategorised, Mar 1, 2026 to Mar 31, 2026.');
    const calls = await importCalls(opened);
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0]).toEqual({
      rows: expected.rows,
      account: 'Chase checking',
      layoutKey: expected.layoutKey,
      mapping: expected.mapping,
    });
    expect(await page.locator('#import-button').textContent()).toBe('Imported');
    expect(await page.locator('#import-button').isDisabled()).toBe(true);
  });

  // Issue 22, problem 6: the result ("1 row appears more than once; every copy was kept") sat below the dialog's
  // fold, after the preview. In the dialog's own size (showModalDialog at 760 x 600, src/sheets/books.ts; "Dialogs
  // and sidebars in Google Workspace documents", developers.google.com/apps-script/guides/dialogs), the result is in
  // view at the top of the page, before the preview.
  test('the result is in view without scrolling, above the preview, at the dialog’s size', async () => {
    opened = await openImportPage({}, { width: 760, height: 600 });
    const { page } = opened;
    await page.setInputFiles('#statement-file', fixturePath('chase-checking.csv'));
    await page.locator('#statement-summary').getByText('6 rows, Mar 1, 2026 to Mar 31, 2026.').waitFor();
    await page.fill('#account', 'Chase checking');
    await page.locator('#import-button').getByText('Import 6 rows').click();
    await page.locator('#import-message').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const where = await page.evaluate(() => {
      const box = (id: string) => document.getElementById(id)?.getBoundingClientRect() as DOMRect;
      const footer = document.querySelector('.wizard-foot')?.getBoundingClientRect() as DOMRect;
      return {
        result: box('import-result'),
        preview: box('preview-heading'),
        visibleTo: Math.min(window.innerHeight, footer.top),
      };
    });
    expect(where.result.height).toBeGreaterThan(0);
    expect(where.result.top).toBeGreaterThanOrEqual(0);
    // Above the Import button's bar too, which stays at the bottom of the dialog.
    expect(where.result.bottom).toBeLessThanOrEqual(where.visibleTo);
    expect(where.result.top).toBeLessThan(where.preview.top);
    await page.screenshot({ path: screenshotPath('import-result-dialog') });
  });

  test('ambiguous dates: the page asks, refuses to import until answered, and re-reads with the answer', async () => {
    opened = await openImportPage();
    const { page } = opened;
    await page.fill('#statement-text', fixture('ambiguous.csv'));
    await page.locator('#order-question').waitFor();
    await page.fill('#account', 'Savings');
    await page.click('#import-button');
    expect(await page.locator('#err-order').textContent()).toBe('Choose whether the dates are written day first or month first.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('order-dmy');
    expect(await importCalls(opened)).toEqual([]);
    expect(await page.locator('#preview-caption').textContent()).toBe(
      'Every row, as it will be written to the Ledger. Until you answer the question above, dates are shown month first.',
    );
    await screenshot(page, 'ambiguous-dates');
    expect(await page.locator('label[for], .choice').getByText('Day first: line 2 is 3 May 2026').count()).toBe(1);
    await page.keyboard.press('Space');
    await page.locator('#preview-rows tr').first().getByText('May 3, 2026').waitFor();
    expect((await previewCells(page)).map((r) => r[0])).toEqual(['May 3, 2026', 'May 4, 2026', 'May 12, 2026']);
    expect(await page.locator('#preview-caption').textContent()).toBe('Every row, as it will be written to the Ledger.');
    expect(await page.locator('#statement-summary').textContent()).toBe('3 rows, May 3, 2026 to May 12, 2026.');
    await page.click('#import-button');
    await page.locator('#import-message').waitFor();
    const [call] = await importCalls(opened);
    const request = call.args[0] as ImportRequest;
    expect(request.mapping.dateOrder).toBe('dmy');
    expect(request.rows.map((r) => r.date)).toEqual(['2026-05-03', '2026-05-04', '2026-05-12']);
    expect(request.account).toBe('Savings');
  });

  test('a remembered mapping for the layout is used; a changed column re-reads live and lists lines not read', async () => {
    const detected = parseStatement(fixture('uk-bank.csv'));
    // Stored as JSON by the server: unused columns may come back as null; the header was on another line then.
    const remembered = { ...detected.mapping, description: [1, 2], amount: null, headerLine: 4 } as unknown as ColumnMapping;
    opened = await openImportPage({ remembered: { [detected.layoutKey]: remembered }, slow: { leapGetStatementMapping: 2500 } });
    const { page } = opened;
    await page.setInputFiles('#statement-file', fixturePath('uk-bank.csv'));
    // Until the server says whether this layout has remembered columns, nothing can be imported.
    await page.locator('#statement-summary').getByText('5 rows, Mar 2, 2026 to Mar 31, 2026.').waitFor();
    expect(await page.locator('#import-button').isDisabled()).toBe(true);
    await page.locator('#import-status').getByText('Read with the columns you chose for this layout last time.').waitFor();
    expect((await previewCells(page)).map((r) => r[1])[0]).toBe('DD - THAMES WATER');
    expect(await page.locator('#import-button').textContent()).toBe('Import 5 rows');
    expect(await page.locator('#import-button').isDisabled()).toBe(false);
    await page.locator('#mapping summary').click();
    expect(await page.locator('#map-description-1').isChecked()).toBe(true);
    await page.selectOption('#map-order', 'mdy');
    await page.locator('#problem-list li').first().waitFor();
    expect(await page.locator('#problem-list li').allTextContents()).toEqual([
      'line 4: the date "14/03/2026" is not a real date: there is no month 14 (the dates are read month first)',
      'line 5: the date "20/03/2026" is not a real date: there is no month 20 (the dates are read month first)',
      'line 6: the date "31/03/2026" is not a real date: there is no month 31 (the dates are read month first)',
    ]);
    expect(await page.locator('#import-button').textContent()).toBe('Import 2 rows');
    await screenshot(page, 'lines-not-read');
    await page.selectOption('#map-order', 'dmy');
    await page.locator('#import-button').getByText('Import 5 rows').waitFor();
    await page.locator('#map-amount-single').check();
    await page.locator('#map-amount').waitFor();
    expect(await page.locator('#problem-list li').first().textContent()).toBe('line 3: there is no amount ("Paid out" is empty)');
    expect(await axeProblems(page)).toEqual([]);
  });

  test('the server’s refusal is shown in words; an empty account and a Windows-1252 file are handled', async () => {
    opened = await openImportPage({ fail: { leapImportStatement: 'Exception: The Ledger sheet is protected: ask its owner.' } });
    const { page } = opened;
    const latin1 = Buffer.from('Buchungstag;Verwendungszweck;Betrag\n02.03.2026;M\xfcller & S\xf6hne;1.234,56\n', 'latin1');
    await page.setInputFiles('#statement-file', { name: 'konto.csv', mimeType: 'text/csv', buffer: latin1 });
    await page.locator('#preview-rows td').getByText('Müller & Söhne').waitFor();
    await page.fill('#account', '   ');
    await page.click('#import-button');
    expect(await page.locator('#err-account').textContent()).toBe('Type the account these rows belong to, e.g. Chase checking.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('account');
    await page.fill('#account', '=Konto');
    await page.click('#import-button');
    await page
      .locator('#import-error')
      .getByText('Nothing was imported: The Ledger sheet is protected: ask its owner.')
      .waitFor();
    const [call] = await importCalls(opened);
    expect((call.args[0] as ImportRequest).account).toBe('=Konto');
    expect(await page.locator('#import-button').isDisabled()).toBe(false);
  });

  test('when the spreadsheet’s settings cannot be read, dates are shown year first and the page says why', async () => {
    opened = await openImportPage({ fail: { leapGetImportPage: 'Service Spreadsheets timed out' } });
    const { page } = opened;
    await page.setInputFiles('#statement-file', fixturePath('chase-checking.csv'));
    await page.locator('#statement-summary').getByText('6 rows, 2026-03-01 to 2026-03-31.').waitFor();
    expect((await previewCells(page))[0]).toEqual(['2026-03-31', 'ADOBE  *CREATIVE CLOUD 800-833-6687 CA', '-54.99']);
    expect(await page.locator('#import-error').textContent()).toBe(
      "Jumpwise could not read this spreadsheet's settings (Service Spreadsheets timed out), so dates are shown year first. You can still import.",
    );
    expect(await page.locator('#last-import').isHidden()).toBe(true);
    expect(await page.locator('#import-button').isEnabled()).toBe(true);
  });

  test('a statement of more than 20,000 rows is refused before anything is sent', async () => {
    opened = await openImportPage();
    const { page } = opened;
    const lines = ['Date,Description,Amount'];
    for (let i = 0; i < 20001; i++) lines.push(`2026-01-${String((i % 28) + 1).padStart(2, '0')},Row ${i},-1.00`);
    await page.setInputFiles('#statement-file', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page
      .locator('#import-error')
      .getByText(tooManyRowsText(20001) as string)
      .waitFor();
    expect(await page.locator('#import-button').isDisabled()).toBe(true);
    expect(await page.locator('#import-button').textContent()).toBe('Import 20,001 rows');
    expect(await importCalls(opened)).toEqual([]);
  });

  // Issue 22, problems 7, 8 and 4 on the page. Google documents only that a dialog's page talks to the script through
  // google.script.run ("Class google.script.run", https://developers.google.com/apps-script/guides/html/reference/run):
  // the questions, and that Import waits for them, are Jumpwise's own.
  test('a card export: the page asks which way its amounts go and keeps Import off until answered', async () => {
    opened = await openImportPage();
    const { page } = opened;
    await page.setInputFiles('#statement-file', fixturePath('amex-card.csv'));
    await page.locator('#sign-question').waitFor();
    expect(await page.locator('#sign-why').textContent()).toBe(
      '3 of 5 amounts are written positive and the others are payments or refunds, as card statements (American ' +
        'Express, Discover) write them. Jumpwise does not guess which way round they are.',
    );
    expect(await page.locator('#import-button').isDisabled()).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'card-question');
    await page.locator('#sign-card').check();
    await page.locator('#preview-rows td').getByText('-54.99').waitFor();
    expect(await page.locator('#import-button').isDisabled()).toBe(false);
    await page.locator('#mapping summary').click();
    expect(await page.locator('#map-charges-positive').isChecked()).toBe(true);
    await page.fill('#account', 'Amex Blue');
    await page.locator('#import-button').getByText('Import 5 rows').click();
    await page.locator('#import-message').waitFor();
    const detected = parseStatement(fixture('amex-card.csv'));
    const answered = parseStatement(fixture('amex-card.csv'), { mapping: { ...detected.mapping, chargesPositive: true } });
    const request = (await importCalls(opened))[0].args[0] as ImportRequest;
    expect(request.mapping.chargesPositive).toBe(true);
    expect(request.rows).toEqual(answered.rows);
    expect(request.rows.map((r) => r.amount)).toEqual([-54.99, -389.2, 444.19, -23.45, 120]);
  });

  test('a headerless TD export is read as paid out and paid in, and the page says why', async () => {
    opened = await openImportPage();
    const { page } = opened;
    await page.setInputFiles('#statement-file', fixturePath('td-no-header.csv'));
    await page.locator('#layout-note').waitFor();
    expect(await page.locator('#layout-note').textContent()).toBe(parseStatement(fixture('td-no-header.csv')).layoutNote);
    expect((await previewCells(page)).map((r) => r[2])).toEqual(['-4.25', '1,500.00', '-85.40', '650.00', '-39.00']);
    expect(await page.locator('#import-button').textContent()).toBe('Import 5 rows');
    await screenshot(page, 'td-layout');
  });

  test('a Revolut export: pending rows are kept out until included; the fee is in the amount', async () => {
    opened = await openImportPage();
    const { page } = opened;
    await page.setInputFiles('#statement-file', fixturePath('revolut.csv'));
    await page.locator('#pending-field').waitFor();
    expect(await page.locator('#statement-summary').textContent()).toBe(
      '3 rows, Mar 2, 2026 to Mar 5, 2026; 1 line not read; 1 pending kept out.',
    );
    expect(await page.locator('#pending-label').textContent()).toBe('Include 1 pending row (line 5)');
    expect(await page.locator('#problem-list li').allTextContents()).toEqual([
      'line 6: the bank marks it REVERTED: it did not go through, so it is not imported',
    ]);
    expect((await previewCells(page)).map((r) => r[2])).toEqual(['-12.00', '980.00', '-100.50']);
    await page.locator('#include-pending').check();
    await page.locator('#import-button').getByText('Import 4 rows').waitFor();
    expect((await previewCells(page))[3]).toEqual(['Mar 6, 2026', 'Amtrak pending', '-45.90']);
    await screenshot(page, 'pending');
    await page.fill('#account', 'Revolut');
    await page.click('#import-button');
    await page.locator('#import-message').waitFor();
    const request = (await importCalls(opened))[0].args[0] as ImportRequest;
    expect(request.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(request.currency).toBe('USD');
  });

  test('a euro statement: refused by the books in words, then imported with the rate the person types', async () => {
    const message =
      'This statement is in euros (EUR), and this spreadsheet keeps its books in US dollars (USD). Nothing was ' +
      'imported. To import it here, give the rate for this import (how many USD one EUR was worth); or import it ' +
      'into a spreadsheet kept in euros (EUR).';
    opened = await openImportPage({ refuseCurrency: { currency: 'EUR', message } });
    const { page } = opened;
    await page.setInputFiles('#statement-file', fixturePath('euro-account.csv'));
    await page.locator('#currency-field').waitFor();
    expect(await page.locator('#currency-note').textContent()).toBe("This statement's amounts are in euros (EUR).");
    await page.fill('#account', 'N26');
    await page.click('#import-button');
    await page.locator('#import-error').getByText(`Nothing was imported: ${message}`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rate');
    expect(await page.locator('#err-rate').textContent()).toBe(
      'Type the rate for this import, or import the statement into a spreadsheet kept in its currency.',
    );
    await screenshot(page, 'currency-refused');
    await page.fill('#rate', 'abc');
    await page.click('#import-button');
    expect(await page.locator('#err-rate').textContent()).toBe(
      'Type the rate as a number above 0, such as 1.08, or leave it empty.',
    );
    await page.fill('#rate', '1.085');
    await page.click('#import-button');
    await page.locator('#import-message').waitFor();
    const calls = await importCalls(opened);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => [(c.args[0] as ImportRequest).currency, (c.args[0] as ImportRequest).rate])).toEqual([
      ['EUR', undefined],
      ['EUR', 1.085],
    ]);
    expect(await axeProblems(page)).toEqual([]);
  });

  test('a statement in two currencies cannot be imported: the page says why and Import stays off', async () => {
    opened = await openImportPage();
    const { page } = opened;
    await page.fill(
      '#statement-text',
      fixture('revolut.csv').replace('0.00,USD,COMPLETED,1968.00', '0.00,EUR,COMPLETED,1968.00'),
    );
    await page.locator('#currency-field').waitFor();
    expect(await page.locator('#currency-note').textContent()).toBe(
      "This statement has amounts in US dollars (USD) and euros (EUR). A book holds one currency: export each currency's " +
        'transactions on their own and import them one at a time.',
    );
    expect(await page.locator('#import-button').isDisabled()).toBe(true);
    expect(await page.locator('#rate').isDisabled()).toBe(true);
  });

  test('a row whose unquoted 1,234.56 split it is listed as not read, with both counts', async () => {
    opened = await openImportPage();
    const { page } = opened;
    await page.setInputFiles('#statement-file', fixturePath('unquoted-thousands.csv'));
    await page.locator('#problem-list li').first().waitFor();
    expect(await page.locator('#problem-list li').allTextContents()).toEqual([
      'line 2: it has 4 columns where the header has 3, so its values cannot be matched to the columns: a value ' +
        'holding a comma (1,234.56) must be in quotes ("1,234.56"). Fix the line or export the file again',
    ]);
    expect(await page.locator('#import-button').textContent()).toBe('Import 2 rows');
  });
});
