/**
 * The plan for each place people pay tax, built by the bundle on the emulator: no error cells, and the UK and
 * Canadian tax calendars and the first and largest payments equal the calendar functions called directly with the plan's
 * figures.
 * The start date puts the leave date in October 2025, so both tax years are ones Jumpwise has figures for.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

type Bundle = Record<string, (...args: unknown[]) => unknown>;
type Table = unknown[][];
const PLAN = 'Transition Plan';

function built(changes: Record<string, unknown>): { em: Emulator; bundle: Bundle } {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  const bundle = loadDist(em) as Bundle;
  em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, startDate: '2024-09-01', ...changes });
  return { em, bundle };
}

const cellsOf = (em: Emulator) => {
  const sheet = em.toJSON().sheets.find((s) => s.name === PLAN);
  if (!sheet) throw new Error('no plan sheet');
  return sheet.cells;
};

function named(em: Emulator, name: string): unknown {
  const m = /!\$?([A-Z]+)\$?(\d+)$/.exec(em.toJSON().namedRanges[name] ?? '');
  if (!m) throw new Error(`no named range ${name}`);
  return cellsOf(em)[`${m[1]}${m[2]}`]?.value;
}

const errorCells = (em: Emulator) =>
  Object.entries(cellsOf(em))
    .filter(([, c]) => typeof c.value === 'string' && /^#[A-Z/0!?]+/.test(c.value))
    .map(([a1, c]) => `${a1}: ${c.value}`);

/** The calendar's rows under its Payment | Due | Amount header, down to the note under them: [payment, due (ISO day), amount]. */
function calendar(em: Emulator): [string, string, number][] {
  const cells = cellsOf(em);
  // "Payment" heads the UK and Canadian calendars, "Income of" the US quarters.
  const header = Object.entries(cells).find(([a1, c]) => /^A\d+$/.test(a1) && (c.value === 'Payment' || c.value === 'Income of'));
  if (!header) throw new Error('no tax calendar');
  const rows: [string, string, number][] = [];
  for (let r = Number(header[0].slice(1)) + 1; cells[`B${r}`]?.value !== undefined && cells[`B${r}`]?.value !== ''; r++) {
    rows.push([String(cells[`A${r}`]?.value), day(cells[`B${r}`]?.value), Number(cells[`C${r}`]?.value)]);
  }
  return rows;
}

/** The payments of the tax workings: the rows the calendar function spills under its three figures. */
function workings(em: Emulator, fn: string): [string, string, number][] {
  const cells = cellsOf(em);
  const call = Object.entries(cells).find(([, c]) => String(c.formula ?? '').startsWith(`=${fn}(`));
  if (!call) throw new Error(`no ${fn} call`);
  const [, column, row] = /^([A-Z]+)(\d+)$/.exec(call[0]) as RegExpExecArray;
  const next = (k: number) => String.fromCharCode(column.charCodeAt(0) + k);
  const rows: [string, string, number][] = [];
  for (let r = Number(row) + 4; cells[`${column}${r}`]?.value !== undefined && cells[`${column}${r}`]?.value !== ''; r++) {
    rows.push([
      String(cells[`${next(1)}${r}`]?.value),
      day(cells[`${column}${r}`]?.value),
      Number(cells[`${next(2)}${r}`]?.value),
    ]);
  }
  return rows;
}

/** The months of earnings the first `months` months on your own bring, as the runway counts them: month t of the ramp earns t/(ramp+1). */
const earnedOver = (months: number, ramp: number): number => {
  let total = 0;
  for (let t = 1; t <= months; t++) total += t <= ramp ? t / (ramp + 1) : 1;
  return total;
};

/** The figure beside a label in the tax workings. */
function besideLabel(em: Emulator, label: string): unknown {
  const entry = Object.entries(cellsOf(em)).find(([, c]) => c.value === label);
  if (!entry) throw new Error(`no "${label}"`);
  const [, column, row] = /^([A-Z]+)(\d+)$/.exec(entry[0]) as RegExpExecArray;
  return cellsOf(em)[`${String.fromCharCode(column.charCodeAt(0) + 1)}${row}`]?.value;
}

/** A Date of the bundle's realm (not `instanceof Date` here) or an ISO day from a cell. */
const isDate = (d: unknown): d is Date => Object.prototype.toString.call(d) === '[object Date]';
// The bundle makes midnight in its own time zone: noon after it is the same day in UTC, whatever the offset.
const day = (d: unknown) => (isDate(d) ? new Date(d.getTime() + 12 * 3600e3).toISOString().slice(0, 10) : String(d).slice(0, 10));

describe.each([
  ['US, flat rate', { taxCountry: 'us', taxMode: 'flat' }],
  ['US estimate', { taxCountry: 'us', taxMode: 'us_estimate', filingStatus: 'single', stateTaxRate: 0.05 }],
  ['UK (England, Wales, NI)', { taxCountry: 'uk_england' }],
  ['UK (Scotland)', { taxCountry: 'uk_scotland' }],
  ['Canada', { taxCountry: 'canada', stateTaxRate: 0.1 }],
  ['elsewhere', { taxCountry: 'elsewhere', taxRate: 0.25 }],
])('the plan for %s', (_, changes) => {
  const { em } = built(changes);
  test('has no error cells and says where the person pays tax', () => {
    expect(errorCells(em)).toEqual([]);
    const country = Object.values(cellsOf(em)).some(
      (c) =>
        (typeof c.value === 'string' && c.value.startsWith('United')) ||
        c.value === 'Canada (with a provincial rate)' ||
        c.value === 'Elsewhere (flat rate)',
    );
    expect(country).toBe(true);
  });

  test("an input's note fits in columns C to F, where the buffer schedule beside the inputs would cut it off", () => {
    const cells = cellsOf(em);
    const rowOf = (label: string) =>
      Number(
        Object.entries(cells)
          .find(([a1, c]) => /^A\d+$/.test(a1) && c.value === label)?.[0]
          .slice(1),
      );
    const [inputs, keyNumbers] = [rowOf('Inputs'), rowOf('Key numbers')];
    expect(keyNumbers).toBeGreaterThan(inputs);
    // C, D and F are 120, 200 and 100 pixels wide (E, the checklist's item ids, is hidden): 420 pixels, about 64
    // characters of 10-point Arial at 6.5 pixels each. Sheets stops running text on at the first filled cell.
    const long: string[] = [];
    for (let row = inputs + 1; row < keyNumbers; row++) {
      const note = String(cells[`C${row}`]?.value ?? '');
      if (note.length > 64) long.push(`C${row}: ${note}`);
    }
    expect(long).toEqual([]);
  });

  test('no words are cut off by the filled cell beside them: a text wider than its column wraps within it', () => {
    const sheet = em.spreadsheet.getSheetByName(PLAN);
    if (!sheet) throw new Error('no plan sheet');
    const cells = cellsOf(em);
    const letter = (n: number): string =>
      (n > 26 ? letter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
    const number = (column: string): number => [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    // Sheets runs text on over empty cells only; a filled cell beside it cuts it ("Overflow", Google's "Wrap text"
    // help page). About 6.5 pixels a character of the sheet's 10-point Arial, 7.5 in bold.
    const cut: string[] = [];
    for (const [a1, c] of Object.entries(cells)) {
      if (typeof c.value !== 'string' || c.value === '') continue;
      const [, column, row] = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
      let next = number(column) + 1;
      while (sheet.isColumnHiddenByUser(next)) next++;
      if (String(cells[`${letter(next)}${row}`]?.value ?? '') === '') continue;
      const range = sheet.getRange(a1);
      if (range.getWrap() || sheet.isColumnHiddenByUser(number(column))) continue;
      const perCharacter = range.getFontWeight() === 'bold' ? 7.5 : 6.5;
      if (c.value.length * perCharacter > sheet.getColumnWidth(number(column))) cut.push(`${a1}: ${c.value}`);
    }
    expect(cut).toEqual([]);
  });
});

describe('the UK plan', () => {
  const { em, bundle } = built({ taxCountry: 'uk_england' });
  const expected = Number(named(em, 'JW_EXPECTED_MONTHLY'));
  const wages = Number(named(em, 'JW_LEAVE_YEAR_WAGES'));
  // October to March on one's own, the first three of them the ramp.
  const firstYear = earnedOver(6, Number(named(em, 'JW_RAMP_MONTHS'))) * expected;

  test('sets aside TAX_RATE_UK of the profit from the leave month to 5 April, with the wages of that tax year', () => {
    expect(day(named(em, 'JW_LEAVE_DATE'))).toBe('2025-10-01');
    expect(named(em, 'JW_TAX_YEAR')).toBe(2025);
    // April to September employed: six months of the $78,000 salary; October to March on one's own.
    expect(wages).toBe(39000);
    expect(named(em, 'JW_TAX_RATE')).toBeCloseTo(bundle.TAX_RATE_UK(firstYear, 2025, 'england', wages) as number, 10);
  });

  test('the calendar and the 31 January cash trap equal PAYMENTS_ON_ACCOUNT_UK on the two years', () => {
    const atSource = bundle.TAX_ESTIMATE_UK(0, 2025, 'england', wages) as number;
    const bill1 = (bundle.TAX_ESTIMATE_UK(firstYear, 2025, 'england', wages) as number) - atSource;
    const bill2 = bundle.TAX_ESTIMATE_UK(12 * expected, 2026, 'england', 0) as number;
    const first = (bundle.PAYMENTS_ON_ACCOUNT_UK(bill1, 0, 2025, 0, atSource) as Table).slice(1);
    const second = (bundle.PAYMENTS_ON_ACCOUNT_UK(bill2, bill1, 2026, atSource, 0) as Table).slice(1);
    // From the first bill on: the first year has no payments on account, the second year's come with the first bill.
    const want = [...first.slice(2), ...second.slice(2)];
    const rows = calendar(em);
    expect(rows).toHaveLength(4);
    rows.forEach(([payment, due, amount], i) => {
      expect(due).toBe(day(want[i][0]));
      expect(amount).toBeCloseTo(want[i][2] as number, 6);
      expect(payment).toBe(String(want[i][1]));
    });
    // The first year's bill and half of it again on one day: the first tax payment.
    expect(rows[0][2]).toBeCloseTo(1.5 * bill1, 6);
    expect(named(em, 'JW_FIRST_TAX_PAYMENT')).toBeCloseTo(1.5 * bill1, 6);
    expect(day(named(em, 'JW_FIRST_TAX_DATE'))).toBe('2027-01-31');
    const largest = Math.max(...rows.map((r) => r[2]));
    expect(named(em, 'JW_LARGEST_TAX_PAYMENT')).toBeCloseTo(largest, 6);
    expect(day(named(em, 'JW_LARGEST_TAX_DATE'))).toBe(rows.find((r) => r[2] === largest)?.[1]);
  });

  test('the checklist has the first big payment ready on its day, in words quoting the live figures', () => {
    const cells = cellsOf(em);
    const entry = Object.entries(cells).find(([a1, c]) => a1.startsWith('E') && c.value === 'first-big-tax-payment');
    if (!entry) throw new Error('no first-big-tax-payment step');
    const r = entry[0].slice(1);
    expect(String(cells[`A${r}`].value)).toMatch(
      /^Have \$10,236 in your tax account by Jan 31, 2027: the first Self Assessment payment/,
    );
    expect(day(cells[`C${r}`].value)).toBe('2027-01-31');
  });

  test('a payment row says why it is 0 by formula on its own amount, and names the payment once there is one', () => {
    const { em: edited } = built({ taxCountry: 'uk_england' });
    const cells = cellsOf(edited);
    const header = Object.entries(cells).find(([a1, c]) => /^A\d+$/.test(a1) && c.value === 'Payment');
    const july = Number(header?.[0].slice(1)) + 2;
    expect(cells[`A${july}`].value).toBe('2nd payment on account 2026/27');
    // Someone who knows the first bill stays under £1,000 types 0 over the 31 July amount.
    edited.enterInput(PLAN, `C${july}`, '0');
    expect(cellsOf(edited)[`A${july}`].value).toBe(
      'No payment on account for 2026/27: the 2025/26 bill was too small or mostly taxed at source',
    );
  });

  test('the tax workings list the same payments as the calendar, none before the leave date', () => {
    expect(workings(em, 'TAX_CALENDAR_UK').map(([, due, amount]) => [due, amount])).toEqual(
      calendar(em).map(([, due, amount]) => [due, amount]),
    );
  });

  test('the checklist registers for Self Assessment by 5 October after the first tax year, a live date', () => {
    const cells = cellsOf(em);
    const entry = Object.entries(cells).find(([a1, c]) => a1.startsWith('E') && c.value === 'self-assessment-registration');
    if (!entry) throw new Error('no self-assessment-registration step');
    const r = entry[0].slice(1);
    expect(String(cells[`A${r}`].value)).toBe(
      'Register for Self Assessment with HMRC by Oct 5, 2026: the deadline after your first tax year of trading',
    );
    expect(day(cells[`C${r}`].value)).toBe('2026-10-05');
    // The date is a formula on the tax year of the leave date, in the tax workings beside its rule.
    const dateCell = /^=\$?([A-Z]+)\$?(\d+)$/.exec(String(cells[`C${r}`].formula));
    if (!dateCell) throw new Error(`the target date is no reference: ${cells[`C${r}`].formula}`);
    const source = cells[`${dateCell[1]}${dateCell[2]}`];
    const taxYear = /!\$?([A-Z]+)\$?(\d+)$/.exec(em.toJSON().namedRanges.JW_TAX_YEAR);
    expect(source.formula).toBe(`=DATE(($${taxYear?.[1]}$${taxYear?.[2]}+1),10,5)`);
    const label = String.fromCharCode(dateCell[1].charCodeAt(0) - 1);
    expect(cells[`${label}${dateCell[2]}`].value).toBe('Self Assessment registration deadline (TMA 1970 s.7)');
    // Entity words for a UK plan: a limited company, not an LLC.
    const entity = Object.entries(cells).find(([a1, c]) => a1.startsWith('E') && c.value === 'entity');
    expect(String(cells[`A${entity?.[0].slice(1)}`].value)).toMatch(/limited company with Companies House/);
  });

  test('Scotland uses the Scottish bands', () => {
    const scot = built({ taxCountry: 'uk_scotland' });
    expect(named(scot.em, 'JW_UK_REGION')).toBe('scotland');
    expect(named(scot.em, 'JW_TAX_RATE')).toBeCloseTo(bundle.TAX_RATE_UK(firstYear, 2025, 'scotland', wages) as number, 10);
  });
});

// Issue 21, problems 4 and 5: a UK copywriter leaving a £46,000 job in the 2027/28 tax year, past Jumpwise's latest
// tables. The workings were dated and labelled as 2026/27 (31 Jan 2028) while the calendar said 31 Jan 2029.
describe('the UK copywriter leaving in 2027/28', () => {
  const { em } = built({
    taxCountry: 'uk_england',
    annualSalary: 46000,
    currentSavings: 60000,
    startDate: '2027-07-01',
  });
  const leave = day(named(em, 'JW_LEAVE_DATE'));

  test('the workings and the calendar agree on every date and amount, all after the leave date', () => {
    expect(named(em, 'JW_TAX_YEAR')).toBe(2027);
    const [work, rows] = [workings(em, 'TAX_CALENDAR_UK'), calendar(em)];
    expect(work.map(([, due, amount]) => [due, amount])).toEqual(rows.map(([, due, amount]) => [due, amount]));
    expect(rows[0][1]).toBe('2029-01-31');
    for (const [, due] of work) expect(due > leave).toBe(true);
    // The words name the real tax years, and the figures' year where they are the nearest Jumpwise has.
    expect(work[0][0]).toBe('Balancing payment 2027/28 + 1st payment on account 2028/29');
    expect(rows[0][0]).toBe(work[0][0]);
    const items = Object.values(cellsOf(em)).map((c) => String(c.value));
    expect(items).toContain('Self Assessment bill 2027/28 (2026/27 figures, the latest Jumpwise has)');
    expect(items.some((v) => v.includes('Balancing payment 2026/27'))).toBe(false);
  });

  test('the first tax payment is the first one due, the largest the largest', () => {
    const rows = calendar(em);
    expect(day(named(em, 'JW_FIRST_TAX_DATE'))).toBe('2029-01-31');
    expect(named(em, 'JW_FIRST_TAX_PAYMENT')).toBeCloseTo(rows[0][2], 6);
    const largest = Math.max(...rows.map((r) => r[2]));
    expect(named(em, 'JW_LARGEST_TAX_PAYMENT')).toBeCloseTo(largest, 6);
  });
});

// Issue 21, problem 4: an electrician leaving on 1 January 2028. The first 1040-ES quarter charged a full expected
// month times 3 though the runway builds up over the ramp months; the largest payment was called the "first big" one;
// safe harbor was never mentioned.
describe('the US quarterly payments as lived', () => {
  const { em, bundle } = built({
    taxCountry: 'us',
    taxMode: 'us_estimate',
    filingStatus: 'single',
    stateTaxRate: 0,
    currentSavings: 90000,
    startDate: '2028-01-01',
  });
  const [rate, expected, ramp] = ['JW_TAX_RATE', 'JW_EXPECTED_MONTHLY', 'JW_RAMP_MONTHS'].map((n) => Number(named(em, n)));

  test('the quarters follow the runway ramp: month t of the ramp earns t/(ramp+1) of a month', () => {
    expect(day(named(em, 'JW_LEAVE_DATE'))).toBe('2028-01-01');
    expect(ramp).toBeGreaterThan(0);
    const earned = (m: number) => {
      let total = 0;
      for (let t = 1; t <= m; t++) total += t <= ramp ? t / (ramp + 1) : 1;
      return total;
    };
    const rows = calendar(em);
    const ends = [3, 5, 8, 12];
    rows.forEach(([, , amount], i) => {
      expect(amount).toBeCloseTo(rate * expected * (earned(ends[i]) - (i ? earned(ends[i - 1]) : 0)), 6);
    });
    expect(rows.map((r) => r[1])).toEqual(['2028-04-18', '2028-06-15', '2028-09-15', '2029-01-16']);
    expect(rows[0][2]).toBeLessThan(rate * expected * 3);
  });

  test('"First tax payment" is the first due, "Largest tax payment" the largest', () => {
    const rows = calendar(em);
    expect(named(em, 'JW_FIRST_TAX_PAYMENT')).toBeCloseTo(rows[0][2], 6);
    expect(day(named(em, 'JW_FIRST_TAX_DATE'))).toBe('2028-04-18');
    const largest = Math.max(...rows.map((r) => r[2]));
    expect(named(em, 'JW_LARGEST_TAX_PAYMENT')).toBeCloseTo(largest, 6);
    expect(day(named(em, 'JW_LARGEST_TAX_DATE'))).toBe(rows.find((r) => r[2] === largest)?.[1]);
  });

  test("a line gives the safe harbor on last year's tax from the job, and what it means", () => {
    const cells = Object.entries(cellsOf(em));
    const label = cells.find(([, c]) => c.value === 'Safe harbor for the leave year');
    if (!label) throw new Error('no safe harbor line');
    const r = Number(label[0].slice(1));
    const salary = Number(named(em, 'JW_ANNUAL_SALARY'));
    // The leave year 2028 is past the tables: last year's tax with the latest figures Jumpwise has.
    const lastYear = bundle.TAX_ESTIMATE_US(0, 'single', 2026, 0, salary) as number;
    expect(cellsOf(em)[`B${r - 1}`].value).toBeCloseTo(lastYear, 6);
    // SAFE_HARBOR's prior-year test: 100% of last year's tax on a $78,000 salary (110% only above $150,000 AGI).
    expect(cellsOf(em)[`B${r}`].value).toBeCloseTo(bundle.SAFE_HARBOR(1e9, lastYear, salary, 'single') as number, 6);
    expect(String(cellsOf(em)[`A${r + 1}`].value)).toMatch(
      /^No underpayment penalty for 2028, however it turns out, once your job's withholding and these payments reach \$[\d,]+ by the January payment after it: 100% of last year's tax on your salary \(110% when that income passed \$150,000, \$75,000 married filing separately\)\. 90% of this year's tax is enough when that is less \(Form 1040-ES\)\.$/,
    );
  });
});

// Issue 21: on a joint return last year's tax is the couple's, on both wages, and both jobs withheld towards it; the
// safe harbor took the person's salary alone. The 110% rule's AGI ($150,000, also for a joint return; IRC 6654(d)(1)(C),
// Publication 505) is both wages then.
describe("a joint return's safe harbor", () => {
  const safeHarborRows = (em: Emulator) => {
    const label = Object.entries(cellsOf(em)).find(([, c]) => c.value === 'Safe harbor for the leave year');
    if (!label) throw new Error('no safe harbor line');
    const r = Number(label[0].slice(1));
    const cells = cellsOf(em);
    return {
      lastYear: cells[`B${r - 1}`],
      lastYearLabel: cells[`A${r - 1}`],
      harbor: cells[`B${r}`],
      sentence: cells[`A${r + 1}`],
    };
  };
  const couple = (filingStatus: string) =>
    built({
      taxCountry: 'us',
      taxMode: 'us_estimate',
      filingStatus,
      stateTaxRate: 0,
      household: 'partner',
      partnerTakeHome: 4800,
      partnerWages: 80000,
      currentSavings: 90000,
      startDate: '2027-01-01',
    });

  test("filing jointly: last year's joint tax on both wages, 110% once both wages pass $150,000, said on the plan", () => {
    const { em, bundle } = couple('married_joint');
    const salary = Number(named(em, 'JW_ANNUAL_SALARY'));
    const rows = safeHarborRows(em);
    const joint = bundle.TAX_ESTIMATE_US(0, 'married_joint', 2026, 0, salary + 80000) as number;
    expect(rows.lastYear.value).toBeCloseTo(joint, 6);
    expect(rows.lastYear.formula).toMatch(/^=TAX_ESTIMATE_US\(0,/);
    // $78,000 + $80,000 of wages: over $150,000, so 110%.
    expect(rows.harbor.value).toBeCloseTo(bundle.SAFE_HARBOR(1e9, joint, salary + 80000, 'married_joint') as number, 6);
    expect(rows.harbor.value).toBeCloseTo(1.1 * joint, 6);
    expect(rows.lastYearLabel.value).toBe("Last year's federal tax on both your wages (joint return)");
    expect(String(rows.sentence.value)).toMatch(
      /once your and your partner's withholding and these payments reach \$[\d,]+ by the January payment after it: 100% of last year's tax on both your wages on your joint return \(taken as your salary and your partner's wages above\)/,
    );
    // Live: the partner's wages typed lower bring both wages under $150,000, and the harbor to 100% of a smaller tax.
    em.enterInput(PLAN, (em.toJSON().namedRanges.JW_PARTNER_WAGES ?? '').replace(/^.*!|\$/g, ''), '52000');
    const lower = bundle.TAX_ESTIMATE_US(0, 'married_joint', 2026, 0, salary + 52000) as number;
    expect(safeHarborRows(em).harbor.value).toBeCloseTo(lower, 6);
  });

  test("filing separately: the partner's wages are on no return of the person's, the salary alone as before", () => {
    const { em, bundle } = couple('married_separate');
    const salary = Number(named(em, 'JW_ANNUAL_SALARY'));
    const rows = safeHarborRows(em);
    const own = bundle.TAX_ESTIMATE_US(0, 'married_separate', 2026, 0, salary) as number;
    expect(rows.lastYear.value).toBeCloseTo(own, 6);
    // $78,000 is over the $75,000 of a separate return: 110%.
    expect(rows.harbor.value).toBeCloseTo(1.1 * own, 6);
    expect(rows.lastYearLabel.value).toBe("Last year's federal tax on your salary");
    expect(String(rows.sentence.value)).toMatch(
      /once your job's withholding and these payments reach .* of last year's tax on your salary \(/,
    );
  });
});

describe('the Canadian plan', () => {
  const { em, bundle } = built({ taxCountry: 'canada', stateTaxRate: 0.1 });
  const expected = Number(named(em, 'JW_EXPECTED_MONTHLY'));
  const wages = Number(named(em, 'JW_LEAVE_YEAR_WAGES'));
  // October to December on one's own: all three the ramp.
  const firstYear = earnedOver(3, Number(named(em, 'JW_RAMP_MONTHS'))) * expected;

  test('sets aside TAX_RATE_CA of the income from the leave month to December, with the provincial rate', () => {
    expect(named(em, 'JW_PROVINCE_TAX_RATE')).toBe(0.1);
    expect(wages).toBe(78000 * (9 / 12));
    expect(named(em, 'JW_TAX_RATE')).toBeCloseTo(bundle.TAX_RATE_CA(firstYear, 2025, 0.1, wages) as number, 10);
  });

  test('the calendar, the first and the largest payment equal INSTALMENTS_CA on the two years', () => {
    const withheld = bundle.TAX_ESTIMATE_CA(0, 2025, 0.1, wages) as number;
    const owing1 = (bundle.TAX_ESTIMATE_CA(firstYear, 2025, 0.1, wages) as number) - withheld;
    const owing2 = bundle.TAX_ESTIMATE_CA(12 * expected, 2026, 0.1, 0) as number;
    const first = (bundle.INSTALMENTS_CA(owing1, 0, 0, 2025) as Table).slice(1);
    const second = (bundle.INSTALMENTS_CA(owing2, owing1, 0, 2026) as Table).slice(1);
    const want = [second[0], first[4], second[1], second[2], second[3], second[4]];
    calendar(em).forEach(([, due, amount], i) => {
      expect(due).toBe(day(want[i][0]));
      expect(amount).toBeCloseTo(want[i][2] as number, 6);
    });
    // The largest of them, wherever it falls: here the second year's balance, a full year on one's own.
    const largest = want.reduce((a, b) => ((b[2] as number) > (a[2] as number) ? b : a));
    expect(named(em, 'JW_LARGEST_TAX_PAYMENT')).toBeCloseTo(largest[2] as number, 6);
    expect(day(named(em, 'JW_LARGEST_TAX_DATE'))).toBe(day(largest[0]));
    expect(first[4][2]).toBeCloseTo(owing1, 6);
    // The first payment with something to pay: the second year's first instalment when one is required.
    const firstDue = want.find((r) => (r[2] as number) > 0) as unknown[];
    expect(named(em, 'JW_FIRST_TAX_PAYMENT')).toBeCloseTo(firstDue[2] as number, 6);
    expect(day(named(em, 'JW_FIRST_TAX_DATE'))).toBe(day(firstDue[0]));
    // The workings list the very same payments, none in the first year before the person is on their own.
    expect(workings(em, 'TAX_CALENDAR_CA').map(([, due, amount]) => [due, amount])).toEqual(
      calendar(em).map(([, due, amount]) => [due, amount]),
    );
  });

  test('the checklist registers for GST/HST past the small-supplier limit, quoted from its cell', () => {
    const cells = cellsOf(em);
    const entry = Object.entries(cells).find(([a1, c]) => a1.startsWith('E') && c.value === 'gst-hst-registration');
    if (!entry) throw new Error('no gst-hst-registration step');
    const r = entry[0].slice(1);
    expect(String(cells[`A${r}`].value)).toBe(
      'Register for GST/HST once your taxable sales pass $30,000 in four calendar quarters in a row, or in a single quarter',
    );
    const limit = Object.entries(cells).find(([, c]) => c.value === 'GST/HST small-supplier limit (Excise Tax Act s.148)');
    if (!limit) throw new Error('no small-supplier limit in the workings');
    const valueCell = `${String.fromCharCode(limit[0].charCodeAt(0) + 1)}${limit[0].slice(1)}`;
    expect(cells[valueCell].value).toBe(30000);
    expect(String(cells[`A${r}`].formula)).toContain(valueCell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
    const entity = Object.entries(cells).find(([a1, c]) => a1.startsWith('E') && c.value === 'entity');
    expect(String(cells[`A${entity?.[0].slice(1)}`].value)).toMatch(/^Incorporate your business/);
  });
});

// Issue 21, "the tax calendar as lived": the UK and Canadian first (part) tax year took a full expected month for each
// month in it, though the runway builds up over the ramp months; the first bill, the payments on account and the
// instalments followed from that too-large profit.
describe('the first tax year follows the runway ramp', () => {
  const leavingIn = (startDate: string, changes: Record<string, unknown>) =>
    built({ currentSavings: 90000, rampMonths: 3, startDate, ...changes });

  test('UK, leaving in October 2027 with a 3-month ramp: the first year is the ramped months, the calendar its bills', () => {
    const { em, bundle } = leavingIn('2027-10-01', { taxCountry: 'uk_england' });
    expect(day(named(em, 'JW_LEAVE_DATE'))).toBe('2027-10-01');
    const expected = Number(named(em, 'JW_EXPECTED_MONTHLY'));
    const wages = Number(named(em, 'JW_LEAVE_YEAR_WAGES'));
    // October to March: 1/4 + 2/4 + 3/4 of a month over the ramp, then three full months.
    const firstYear = 4.5 * expected;
    expect(besideLabel(em, 'Profit in the first tax year')).toBeCloseTo(firstYear, 6);
    const want = (bundle.TAX_CALENDAR_UK(firstYear, 2027, 'england', wages, 12 * expected, 2028) as Table).slice(4);
    const rows = calendar(em);
    expect(rows.map(([, due, amount]) => [due, Math.round(amount * 100)])).toEqual(
      want.map(([due, , amount]) => [day(due), Math.round((amount as number) * 100)]),
    );
    // A full six months would have set a larger first bill and payments on account.
    const unramped = (bundle.TAX_CALENDAR_UK(6 * expected, 2027, 'england', wages, 12 * expected, 2028) as Table).slice(4);
    expect(rows[0][2]).toBeLessThan(unramped[0][2] as number);
    expect(named(em, 'JW_FIRST_TAX_PAYMENT')).toBeCloseTo(rows[0][2], 6);
    expect(named(em, 'JW_TAX_RATE')).toBeCloseTo(bundle.TAX_RATE_UK(firstYear, 2026, 'england', wages) as number, 10);
  });

  test('Canada, leaving in November with a 3-month ramp: the ramp runs into the second year, and the instalments follow', () => {
    const { em, bundle } = leavingIn('2025-11-01', { taxCountry: 'canada', stateTaxRate: 0.1 });
    expect(day(named(em, 'JW_LEAVE_DATE'))).toBe('2025-11-01');
    const expected = Number(named(em, 'JW_EXPECTED_MONTHLY'));
    const wages = Number(named(em, 'JW_LEAVE_YEAR_WAGES'));
    // November and December earn 1/4 and 2/4 of a month; 2026 starts at 3/4, then eleven full months.
    const [firstYear, secondYear] = [0.75 * expected, 11.75 * expected];
    expect(besideLabel(em, 'Net income in the first year')).toBeCloseTo(firstYear, 6);
    const want = (bundle.TAX_CALENDAR_CA(firstYear, 2025, 0.1, wages, secondYear, 2026) as Table).slice(4);
    expect(calendar(em).map(([, due, amount]) => [due, Math.round(amount * 100)])).toEqual(
      want.map(([due, , amount]) => [day(due), Math.round((amount as number) * 100)]),
    );
    // Instalments for 2026 need more than $3,000 owing in 2025 (or 2024, all taxed at source): not with these months.
    const owing1 =
      (bundle.TAX_ESTIMATE_CA(firstYear, 2025, 0.1, wages) as number) - (bundle.TAX_ESTIMATE_CA(0, 2025, 0.1, wages) as number);
    expect(owing1).toBeLessThan(3000);
    expect(
      calendar(em)
        .filter(([payment]) => payment.startsWith('Instalment'))
        .map(([, , amount]) => amount),
    ).toEqual([0, 0, 0, 0]);
  });
});

test('elsewhere: the flat rate, and a line saying Jumpwise has no tax calendar', () => {
  const { em } = built({ taxCountry: 'elsewhere', taxRate: 0.25 });
  expect(named(em, 'JW_TAX_RATE')).toBe(0.25);
  expect(named(em, 'JW_LARGEST_TAX_PAYMENT')).toBe('No calendar');
  expect(
    Object.values(cellsOf(em)).some((c) => String(c.value).startsWith('Jumpwise has no tax calendar for your country')),
  ).toBe(true);
});

describe.each([
  [
    'the US',
    { taxCountry: 'us', taxMode: 'flat' },
    "Arrange health insurance to start the day your job's cover ends; the plan budgets $625 a month for it",
    "Check you stay covered from the day your job's health cover ends (on a partner's plan, say); the plan budgets nothing for it",
  ],
  [
    'the UK',
    { taxCountry: 'uk_england' },
    'Your NHS cover continues when you leave: it does not depend on a job. Private health insurance is optional; the plan budgets $625 a month for it',
    'Your NHS cover continues when you leave: it does not depend on a job. Private health insurance is optional, and the plan budgets none',
  ],
  [
    'Canada',
    { taxCountry: 'canada', stateTaxRate: 0.1 },
    "Your provincial health plan keeps covering you: replace what your job's extended health and dental benefits paid (an individual plan or a professional association's group plan); the plan budgets $625 a month for it",
    "Your provincial health plan keeps covering you: the plan budgets nothing to replace your job's extended health and dental benefits",
  ],
])('the health step in %s', (_, changes, withAmount, withNothing) => {
  const healthStep = (em: Emulator): string => {
    const step = Object.entries(cellsOf(em)).find(([a1]) => cellsOf(em)[`E${a1.slice(1)}`]?.value === 'health-cover');
    if (!step) throw new Error('no health-cover step');
    return String(cellsOf(em)[`A${step[0].slice(1)}`]?.value);
  };
  test('quotes the monthly cost, and says the plan budgets nothing when it is 0, live on the health input', () => {
    const { em } = built(changes);
    expect(healthStep(em)).toBe(withAmount);
    const input = (em.toJSON().namedRanges.JW_HEALTH_MONTHLY as string).split('!')[1].replace(/\$/g, '');
    em.enterInput(PLAN, input, '0');
    expect(healthStep(em)).toBe(withNothing);
    em.enterInput(PLAN, input, '625');
    expect(healthStep(em)).toBe(withAmount);
  });
  test('a plan built with no health cost says so from the start', () => {
    expect(healthStep(built({ ...changes, healthMonthly: 0 }).em)).toBe(withNothing);
  });
});
