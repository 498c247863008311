/**
 * An add-on's script has one time zone (appsscript.json: America/New_York) and its users' spreadsheets have
 * theirs. Dates must come out as the same calendar days whatever the spreadsheet's zone: Sheets hands dates
 * in as midnight in the spreadsheet's zone and shows returned Dates in it, while script code reads local time
 * in the script's zone, so a date read or made naively is a day off east or west of New York.
 */
import { loadDist } from '../../emulator/src';
import { createLeapEmulator } from '../support/emulator';

const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC'];

describe.each(ZONES)('a spreadsheet in %s, the script in New York', (timeZone) => {
  const emu = createLeapEmulator({ timeZone });
  loadDist(emu);
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange('A1').setFormula('=TAX_DUE_DATES(2026)');
  sheet.getRange('B1').setFormula('=NEXT_TAX_DUE(DATE(2026,6,16))');
  sheet.getRange('C1').setFormula('=BUFFER_SCHEDULE(0, 1000, 2000, DATE(2026,1,31))');
  sheet.getRange('G1').setFormula('=NEXT_TAX_DUE(DATE(2026,4,15))');
  const cells = emu.toJSON().sheets[0].cells;
  const day = (a1: string) => String(cells[a1]?.value).slice(0, 10);

  test('TAX_DUE_DATES gives April 15, June 15, September 15 and January 15', () => {
    expect(['A1', 'A2', 'A3', 'A4'].map(day)).toEqual(['2026-04-15', '2026-06-15', '2026-09-15', '2027-01-15']);
  });
  test('NEXT_TAX_DUE reads the day it is given: June 16 -> September 15; April 15 -> April 15', () => {
    expect(day('B1')).toBe('2026-09-15');
    expect(day('G1')).toBe('2026-04-15');
  });
  test('BUFFER_SCHEDULE months fall on the 31st, then the last day of shorter months', () => {
    expect(['C2', 'C3', 'C4'].map(day)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });
});

test('a column of dates costs Utilities calls per distinct day, not per cell', () => {
  const emu = createLeapEmulator({ timeZone: 'Europe/Berlin' });
  loadDist(emu);
  const sheet = emu.spreadsheet.getActiveSheet();
  // 600 cells holding 12 distinct days.
  sheet.getRange('A1:A600').setFormulas(Array.from({ length: 600 }, (_, i) => [`=DATE(2026,${(i % 12) + 1},10)`]));
  emu.resetCalls();
  sheet.getRange('B1').setFormula('=NEXT_TAX_DUE(A1:A600)');
  const formatCalls = emu.calls.filter((c) => c.inCustomFunction && c.method === 'formatDate').length;
  // January 10 is before the 2025 tax year's last payment, due January 15, 2026.
  expect(String(emu.toJSON().sheets[0].cells.B1.value)).toBe('2026-01-15');
  // Evaluated twice (the engine sizes the spill, then fills it): 12 days in, 5 due dates out at two reads
  // each; without remembering conversions it was 3,600 calls.
  expect(formatCalls).toBeGreaterThan(0);
  expect(formatCalls).toBeLessThanOrEqual(2 * (12 + 2 * 5));
});
