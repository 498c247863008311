/**
 * Each country's default rules (issue 22, problem 5): its common merchants and its tax authority's payments, read
 * the way the import reads a new Categories sheet. The payroll guard holds in every country.
 */
import { categorise, readCategoryRules } from '../../src/books/categories';
import type { BooksCountryKey } from '../../src/books/country';
import { COUNTRY_CATEGORIES } from '../../src/books/countryCategories';
import { layoutCategories } from '../../src/books/layout';

/** The rules of a new Categories sheet of the country, as the import reads them back from its cells. */
function rulesOf(country: BooksCountryKey) {
  const layout = layoutCategories(COUNTRY_CATEGORIES[country], country);
  const values = layout.cells.map((row) =>
    row.map((c) => (c !== null && 'text' in c ? c.text : c !== null && 'number' in c ? c.number : '')),
  );
  return readCategoryRules(values);
}

describe.each([
  [
    'uk',
    [
      ['HMRC SELF ASSESSMENT 1234567890K', -1500, 'Self Assessment payment'],
      ['HMRC NDDS 1234567890K', -250, 'Self Assessment payment'],
      ['BT GROUP PLC', -38, 'Phone, stationery and office'],
      ['TRAINLINE.COM LONDON', -45.5, 'Travel and vehicle'],
      ['UBER EATS', -18, 'Meals and client entertaining'],
      ['UBER TRIP', -12, 'Travel and vehicle'],
      ['FASTER PAYMENTS RECEIPT ACME LTD', 3000, 'Client income'],
      ['TESCO STORES 2231', -60, 'Personal'],
      // A salary by BACS reads like a client's credit: it waits for the person.
      ['BGC ACME LTD SALARY', 2100, 'Uncategorized'],
    ],
  ],
  [
    'canada',
    [
      ['CRA (REVENUE) - TAX INSTALMENT', -1000, 'CRA instalment or balance'],
      ['RECEIVER GENERAL FOR CANADA', -500, 'CRA instalment or balance'],
      ['BELL CANADA', -80, 'Telephone and utilities'],
      ['ROGERS WIRELESS', -65, 'Telephone and utilities'],
      ['PETRO-CANADA 1234', -60, 'Motor vehicle'],
      ['TIM HORTONS #123', -6, 'Meals and entertainment'],
      ['INTERAC E-TRANSFER AUTODEPOSIT ACME', 2500, 'Client income'],
      ['PAYROLL DEPOSIT ACME CORP', 2100, 'Uncategorized'],
    ],
  ],
  [
    'elsewhere',
    [
      ['INCOME TAX PAYMENT', -900, 'Tax payment'],
      ['FINANZAMT MITTE EST-VORAUSZAHLUNG', -800, 'Tax payment'],
      ['STRIPE PAYOUT', 400, 'Client income'],
    ],
  ],
] as const)('the %s defaults', (country, cases) => {
  const rules = rulesOf(country);
  test.each(cases)('%s (%d) is %s', (description, amount, category) => {
    expect(categorise(description, rules, amount)).toBe(category);
  });
});

test('each country names its form in the Categories sheet’s third column, and elsewhere none', () => {
  const header = (country: BooksCountryKey) => {
    const c = layoutCategories(COUNTRY_CATEGORIES[country], country).cells[0][2];
    return c !== null && 'text' in c ? c.text : null;
  };
  expect([header('us'), header('uk'), header('canada'), header('elsewhere')]).toEqual([
    'Schedule C line',
    'SA103F box',
    'T2125 line',
    'Form line (none)',
  ]);
});
