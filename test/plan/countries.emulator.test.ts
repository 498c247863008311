/**
 * The plan for each place people pay tax, built by the bundle on the emulator: no error cells, and the UK and
 * Canadian tax calendars and first big payment equal the calendar functions called directly with the plan's figures.
 * The start date puts the leave date in October 2025, so both tax years are ones Leap has figures for.
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

/** The calendar's rows under its Payment | Due | Amount header: [payment, due (ISO day), amount]. */
function calendar(em: Emulator): [string, string, number][] {
  const cells = cellsOf(em);
  const header = Object.entries(cells).find(([a1, c]) => /^A\d+$/.test(a1) && c.value === 'Payment');
  if (!header) throw new Error('no tax calendar');
  const first = Number(header[0].slice(1)) + 1;
  return Array.from({ length: 6 }, (_, i) => [
    String(cells[`A${first + i}`]?.value),
    String(cells[`B${first + i}`]?.value).slice(0, 10),
    Number(cells[`C${first + i}`]?.value),
  ]);
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
});

describe('the UK plan', () => {
  const { em, bundle } = built({ taxCountry: 'uk_england' });
  const expected = Number(named(em, 'LEAP_EXPECTED_MONTHLY'));
  const wages = Number(named(em, 'LEAP_LEAVE_YEAR_WAGES'));

  test('sets aside TAX_RATE_UK of the profit from the leave month to 5 April, with the wages of that tax year', () => {
    expect(day(named(em, 'LEAP_LEAVE_DATE'))).toBe('2025-10-01');
    expect(named(em, 'LEAP_TAX_YEAR')).toBe(2025);
    // April to September employed: six months of the $78,000 salary; October to March on one's own.
    expect(wages).toBe(39000);
    expect(named(em, 'LEAP_TAX_RATE')).toBeCloseTo(bundle.TAX_RATE_UK(6 * expected, 2025, 'england', wages) as number, 10);
  });

  test('the calendar and the 31 January cash trap equal PAYMENTS_ON_ACCOUNT_UK on the two years', () => {
    const atSource = bundle.TAX_ESTIMATE_UK(0, 2025, 'england', wages) as number;
    const bill1 = (bundle.TAX_ESTIMATE_UK(6 * expected, 2025, 'england', wages) as number) - atSource;
    const bill2 = bundle.TAX_ESTIMATE_UK(12 * expected, 2026, 'england', 0) as number;
    const first = (bundle.PAYMENTS_ON_ACCOUNT_UK(bill1, 0, 2025, 0, atSource) as Table).slice(1);
    const second = (bundle.PAYMENTS_ON_ACCOUNT_UK(bill2, bill1, 2026, atSource, 0) as Table).slice(1);
    const want = [...first, ...second.slice(2)];
    const rows = calendar(em);
    rows.forEach(([payment, due, amount], i) => {
      expect(due).toBe(day(want[i][0]));
      expect(amount).toBeCloseTo(want[i][2] as number, 6);
      if (i > 1) expect(payment).toBe(String(want[i][1]));
    });
    // Nothing before the first tax year ends, and the rows say why rather than naming a payment of 0.
    expect(rows[0][2]).toBe(0);
    expect(rows[1][2]).toBe(0);
    expect(rows[0][0]).toBe('No payment on account: your 2025/26 bill is your first');
    expect(rows[1][0]).toBe('No payment on account: your 2025/26 bill is your first');
    // Then the first year's bill and half of it again on one day.
    expect(rows[2][2]).toBeCloseTo(1.5 * bill1, 6);
    expect(named(em, 'LEAP_FIRST_BIG_TAX_PAYMENT')).toBeCloseTo(1.5 * bill1, 6);
    expect(day(named(em, 'LEAP_FIRST_BIG_TAX_DATE'))).toBe('2027-01-31');
  });

  test('the checklist has the first big payment ready on its day, in words quoting the live figures', () => {
    const cells = cellsOf(em);
    const entry = Object.entries(cells).find(([a1, c]) => a1.startsWith('E') && c.value === 'first-big-tax-payment');
    if (!entry) throw new Error('no first-big-tax-payment step');
    const r = entry[0].slice(1);
    expect(String(cells[`A${r}`].value)).toMatch(
      /^Have \$15,153 in your tax account by Jan 31, 2027: the first Self Assessment payment/,
    );
    expect(day(cells[`C${r}`].value)).toBe('2027-01-31');
  });

  test('a payment row says why it is 0 by formula on its own amount, and names the payment once there is one', () => {
    const { em: edited } = built({ taxCountry: 'uk_england' });
    const cells = cellsOf(edited);
    const header = Object.entries(cells).find(([a1, c]) => /^A\d+$/.test(a1) && c.value === 'Payment');
    const first = Number(header?.[0].slice(1)) + 1;
    expect(cells[`A${first}`].value).toBe('No payment on account: your 2025/26 bill is your first');
    // Someone whose previous year already had a Self Assessment bill types the payment over the amount.
    edited.enterInput(PLAN, `C${first}`, '1200');
    expect(cellsOf(edited)[`A${first}`].value).toBe('1st payment on account 2025/26');
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
    const taxYear = /!\$?([A-Z]+)\$?(\d+)$/.exec(em.toJSON().namedRanges.LEAP_TAX_YEAR);
    expect(source.formula).toBe(`=DATE(($${taxYear?.[1]}$${taxYear?.[2]}+1),10,5)`);
    const label = String.fromCharCode(dateCell[1].charCodeAt(0) - 1);
    expect(cells[`${label}${dateCell[2]}`].value).toBe('Self Assessment registration deadline (TMA 1970 s.7)');
    // Entity words for a UK plan: a limited company, not an LLC.
    const entity = Object.entries(cells).find(([a1, c]) => a1.startsWith('E') && c.value === 'entity');
    expect(String(cells[`A${entity?.[0].slice(1)}`].value)).toMatch(/limited company with Companies House/);
  });

  test('Scotland uses the Scottish bands', () => {
    const scot = built({ taxCountry: 'uk_scotland' });
    expect(named(scot.em, 'LEAP_UK_REGION')).toBe('scotland');
    expect(named(scot.em, 'LEAP_TAX_RATE')).toBeCloseTo(bundle.TAX_RATE_UK(6 * expected, 2025, 'scotland', wages) as number, 10);
  });
});

describe('the Canadian plan', () => {
  const { em, bundle } = built({ taxCountry: 'canada', stateTaxRate: 0.1 });
  const expected = Number(named(em, 'LEAP_EXPECTED_MONTHLY'));
  const wages = Number(named(em, 'LEAP_LEAVE_YEAR_WAGES'));

  test('sets aside TAX_RATE_CA of the income from the leave month to December, with the provincial rate', () => {
    expect(named(em, 'LEAP_PROVINCE_TAX_RATE')).toBe(0.1);
    expect(wages).toBe(78000 * (9 / 12));
    expect(named(em, 'LEAP_TAX_RATE')).toBeCloseTo(bundle.TAX_RATE_CA(3 * expected, 2025, 0.1, wages) as number, 10);
  });

  test('the calendar and the first 30 April balance equal INSTALMENTS_CA on the two years', () => {
    const withheld = bundle.TAX_ESTIMATE_CA(0, 2025, 0.1, wages) as number;
    const owing1 = (bundle.TAX_ESTIMATE_CA(3 * expected, 2025, 0.1, wages) as number) - withheld;
    const owing2 = bundle.TAX_ESTIMATE_CA(12 * expected, 2026, 0.1, 0) as number;
    const first = (bundle.INSTALMENTS_CA(owing1, 0, 0, 2025) as Table).slice(1);
    const second = (bundle.INSTALMENTS_CA(owing2, owing1, 0, 2026) as Table).slice(1);
    const want = [second[0], first[4], second[1], second[2], second[3], second[4]];
    calendar(em).forEach(([, due, amount], i) => {
      expect(due).toBe(day(want[i][0]));
      expect(amount).toBeCloseTo(want[i][2] as number, 6);
    });
    expect(named(em, 'LEAP_FIRST_BIG_TAX_PAYMENT')).toBeCloseTo(owing1, 6);
    expect(day(named(em, 'LEAP_FIRST_BIG_TAX_DATE'))).toBe(day(first[4][0]));
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

test('elsewhere: the flat rate, and a line saying Leap has no tax calendar', () => {
  const { em } = built({ taxCountry: 'elsewhere', taxRate: 0.25 });
  expect(named(em, 'LEAP_TAX_RATE')).toBe(0.25);
  expect(named(em, 'LEAP_FIRST_BIG_TAX_PAYMENT')).toBe('No calendar');
  expect(Object.values(cellsOf(em)).some((c) => String(c.value).startsWith('Leap has no tax calendar for your country'))).toBe(
    true,
  );
});
