/**
 * The US tax functions in formulas on a sheet: the built dist/Code.js registered in HyperFormula through the
 * emulator, so date cells arrive as Dates, spills land in cells and errors show our message.
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { createLeapEmulator } from '../support/emulator';

function fresh(): Emulator {
  const emu = createLeapEmulator({ timeZone: 'America/New_York' });
  loadDist(emu);
  return emu;
}

const cells = (emu: Emulator) => emu.toJSON().sheets.find((s) => s.name === 'Sheet1')!.cells;
/** The calendar day a date cell shows in the spreadsheet's time zone. */
// The emulator's JSON gives a date cell as the day it shows: "2025-04-15".
const dayShown = (value: unknown) => String(value);

test('a profit column, filing status and year from cells give the set-aside rates, blanks staying blank', () => {
  const emu = fresh();
  const sh = emu.spreadsheet.getActiveSheet();
  sh.getRange('A1:A5').setValues([[40_000], [80_000], [120_000], [200_000], ['']]);
  sh.getRange('B1:C1').setValues([['single', 2026]]);
  sh.getRange('D1').setFormula('=TAX_RATE_US(A1:A5, B1, C1)');
  const rates = sh.getRange('D1:D5').getValues();
  expect(rates.slice(0, 4).map(([r]) => Math.round((r as number) * 10_000) / 10_000)).toEqual([0.1857, 0.2081, 0.2372, 0.2672]);
  expect(rates[4]).toEqual(['']);
  // The rate plugs into TAX_SET_ASIDE and recalculates when the profit changes.
  sh.getRange('E1').setFormula('=TAX_SET_ASIDE(A2, TAX_RATE_US(A2, B1, C1))');
  expect(sh.getRange('E1').getValue()).toBeCloseTo(16_647.46528, 6);
  sh.getRange('A2').setValue(40_000);
  expect(sh.getRange('E1').getValue()).toBeCloseTo(7_426.93264, 6);
});

test('TAX_DUE_DATES spills four date cells; NEXT_TAX_DUE reads a DATE()', () => {
  const emu = fresh();
  emu.enterInput('Sheet1', 'A1', '=TAX_DUE_DATES(2025)');
  emu.enterInput('Sheet1', 'B1', '=NEXT_TAX_DUE(DATE(2023,4,16))');
  const c = cells(emu);
  expect(['A1', 'A2', 'A3', 'A4'].map((a1) => dayShown(c[a1].value))).toEqual([
    '2025-04-15',
    '2025-06-16',
    '2025-09-15',
    '2026-01-15',
  ]);
  expect(dayShown(c.B1.value)).toBe('2023-04-18');
});

test('a blocked spill shows #REF!, and an unsupported year shows our message', () => {
  const emu = fresh();
  emu.enterInput('Sheet1', 'A3', 'in the way');
  emu.enterInput('Sheet1', 'A1', '=TAX_DUE_DATES(2026)');
  emu.enterInput('Sheet1', 'B1', '=TAX_ESTIMATE_US(80000, "hoh", 2024)');
  const c = cells(emu);
  expect(String(c.A1.value)).toMatch(/^#REF!/);
  expect(c.B1.value).toBe('#ERROR!: TAX_ESTIMATE_US: year is 2024; expected a tax year Jumpwise has figures for: 2025 or 2026');
});

test('SAFE_HARBOR with a blank prior-year cell uses only the 90% test', () => {
  const emu = fresh();
  const sh = emu.spreadsheet.getActiveSheet();
  sh.getRange('A1:C2').setValues([
    [12_000, 9_000, 160_000],
    [12_000, '', 160_000],
  ]);
  sh.getRange('D1').setFormula('=SAFE_HARBOR(A1:A2, B1:B2, C1:C2, "single")');
  const out = sh.getRange('D1:D2').getValues() as number[][];
  expect(out[0][0]).toBeCloseTo(9_900, 9);
  expect(out[1][0]).toBeCloseTo(10_800, 9);
});
