/**
 * The form lines and deductible shares Books uses, checked against the authorities' current forms (issue 23,
 * "facts have sources"). Each expected list names where it was checked; the tables themselves
 * (src/books/country.ts, src/books/categories.ts, src/books/countryCategories.ts) carry the same citations.
 */
import { DEFAULT_CATEGORIES, SCHEDULE_C_LINES } from '../../src/books/categories';
import { BOOKS_COUNTRIES, type BooksCountryKey, SA103F_BOXES, T2125_LINES } from '../../src/books/country';
import { COUNTRY_CATEGORIES } from '../../src/books/countryCategories';

const numbered = (lines: readonly { line: string; name: string }[]) => lines.map((l) => [l.line, l.name]);

test('SA103F boxes are those of the current form (2024-25): turnover 15, other income 16, expenses 17 to 30', () => {
  // HMRC SA103F "Self-employment (full)", page SEF 2, as on the 2024-25 form and notes (SA103F Notes 2025). The
  // search could not reach the PDF; the numbers agree in: GoSimpleTax SA103F 2024-25 help ("SA103F Box 15: How do
  // I show my Self Employed turnover?", "Box 47 ... based on the entries in boxes 15 to 46"); QuickBooks UK "About
  // SA103F categories" (boxes 17-21); Sage UK KB "Deduction categories for allowable expenses" (boxes 20, 24, 26,
  // 28). The 2012-13 form (SA103F 2013) had turnover in box 14 and expenses in 16-29: one box lower.
  expect(numbered(SA103F_BOXES)).toEqual([
    ['15', 'Your turnover: the takings, fees, sales or money earned by your business'],
    ['16', 'Any other business income not included in box 15'],
    ['17', 'Cost of goods bought for resale or goods used'],
    ['18', 'Construction industry: payments to subcontractors'],
    ['19', 'Wages, salaries and other staff costs'],
    ['20', 'Car, van and travel expenses'],
    ['21', 'Rent, rates, power and insurance costs'],
    ['22', 'Repairs and maintenance of property and equipment'],
    ['23', 'Phone, fax, stationery and other office costs'],
    ['24', 'Advertising and business entertainment costs'],
    ['25', 'Interest on bank and other loans'],
    ['26', 'Bank, credit card and other financial charges'],
    ['27', 'Irrecoverable debts written off'],
    ['28', 'Accountancy, legal and other professional fees'],
    ['29', 'Depreciation and loss or profit on sale of assets'],
    ['30', 'Other business expenses'],
  ]);
  expect(SA103F_BOXES.filter((b) => b.income).map((b) => b.line)).toEqual(['15', '16']);
});

test('T2125 lines are those of the current form, in its order (Part 3C income, Part 4 expenses)', () => {
  // CRA Form T2125 and Guide T4002 (canada.ca "Completing form T2125": "Part 3 - Gross business or professional
  // income" (8000, 8230, 8299) and "Expenses section of Form T2125" (Part 4, 8521 ... 9270)). On the form motor
  // vehicle expenses (9281) come before other expenses (9270), as on T776 Part 4.
  expect(numbered(T2125_LINES)).toEqual([
    ['8000', 'Adjusted gross sales or adjusted professional fees'],
    ['8230', 'Other income'],
    ['8521', 'Advertising'],
    ['8523', 'Meals and entertainment (50%)'],
    ['8590', 'Bad debts'],
    ['8690', 'Insurance'],
    ['8710', 'Interest and bank charges'],
    ['8760', 'Business taxes, licences and memberships'],
    ['8810', 'Office expenses'],
    ['8811', 'Office stationery and supplies'],
    ['8860', 'Professional fees (includes legal and accounting fees)'],
    ['8910', 'Rent'],
    ['8960', 'Repairs and maintenance'],
    ['9060', 'Salaries, wages, and benefits'],
    ['9200', 'Travel expenses'],
    ['9220', 'Telephone and utilities'],
    ['9281', 'Motor vehicle expenses (not including CCA)'],
    ['9270', 'Other expenses'],
  ]);
});

test('Schedule C 2025: other expenses are line 27b (27a is now the energy efficient buildings deduction)', () => {
  // The 2025 Schedule C swapped 27a and 27b: "27a Energy efficient commercial bldgs deduction (attach Form 7205)",
  // "27b Other expenses (from line 48)" (legalclarity.org "What Are Schedule C Other Expenses"; kb.olt.com "Schedule
  // C - Other Expenses": "entered on lines 48 and 27b"). The other lines are unchanged since 2023.
  expect(SCHEDULE_C_LINES.map((l) => l.line)).toEqual([
    '1',
    '6',
    '8',
    '9',
    '10',
    '11',
    '15',
    '17',
    '18',
    '20b',
    '21',
    '22',
    '23',
    '24a',
    '24b',
    '25',
    '27b',
  ]);
  expect(SCHEDULE_C_LINES.find((l) => l.line === '27b')).toMatchObject({ name: 'Other expenses', alsoCounts: ['27a'] });
  expect(DEFAULT_CATEGORIES.filter((c) => c.scheduleCLine.startsWith('27')).map((c) => [c.category, c.scheduleCLine])).toEqual([
    ['Software', '27b'],
    ['Bank fees', '27b'],
  ]);
});

test('every default category of a country with a form goes to one of its lines, or to none', () => {
  for (const key of ['us', 'uk', 'canada'] as BooksCountryKey[]) {
    const lines = BOOKS_COUNTRIES[key].form!.lines.map((l) => l.line);
    const used = COUNTRY_CATEGORIES[key].map((c) => c.scheduleCLine).filter((l) => l !== '');
    expect({ key, missing: used.filter((l) => !lines.includes(l)) }).toEqual({ key, missing: [] });
  }
});

test('meals: 50% in the US and Canada, nothing in the UK; elsewhere counted in full', () => {
  const meals = (key: BooksCountryKey) =>
    COUNTRY_CATEGORIES[key]
      .filter((c) => c.category.startsWith('Meals'))
      .map((c) => [c.category, c.scheduleCLine, c.deductibleShare]);
  // IRC s.274(n)(1): 50% of food or beverage expenses; Instructions for Schedule C 2025, line 24b.
  expect(meals('us')).toEqual([['Meals', '24b', 0.5]]);
  // ITTOIA 2005 s.45 and HMRC BIM45000: business entertainment is not allowable; SA103F Notes, box 24.
  expect(meals('uk')).toEqual([['Meals and client entertaining', '', 0]]);
  // ITA s.67.1(1): 50% of food, beverages and entertainment; T4002, line 8523.
  expect(meals('canada')).toEqual([['Meals and entertainment', '8523', 0.5]]);
  // No form and no rules known: in full, and the Books sheet says so (country.emulator.test.ts).
  expect(meals('elsewhere')).toEqual([['Meals', '', 1]]);
});
