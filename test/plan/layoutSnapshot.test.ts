/**
 * The plan sheet exactly as layoutPlan built it before it was split into declared blocks (issue 20): values,
 * formulas, number formats, weights, fills, named ranges, conditional rules, charts, checkbox/wrap/right-aligned
 * ranges, hidden columns and widths, for every tax setting, with and without pasted monthly figures, on a linked
 * history, with carried ticks, and in several spreadsheet locales. The split must change no cell. Record again (only
 * for a change meant to alter the sheet) with LEAP_RECORD_PLAN_LAYOUT=1 npx jest test/plan/layoutSnapshot.test.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { booksHistory } from '../../src/books/checkin';
import { validateAnswers } from '../../src/plan/answers';
import { localeFormats } from '../../src/plan/currency';
import { columnLetters, FORMATS, layoutPlan, type PlanSheetLayout } from '../../src/plan/layout';
import { buildPlan } from '../../src/plan/model';
import { SAMPLE_ANSWERS } from './sample';

const FIXTURE = path.join(__dirname, 'fixtures', 'plan-layout.json');

const planOf = (changes: Record<string, unknown>) => {
  const result = validateAnswers({ ...SAMPLE_ANSWERS, ...changes });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildPlan(result.answers);
};

/** Every tax setting the wizard offers. */
const TAX_SETTINGS: Record<string, Record<string, unknown>> = {
  'us flat': { taxCountry: 'us', taxMode: 'flat', taxRate: 0.28 },
  'us estimate': { taxCountry: 'us', taxMode: 'us_estimate', filingStatus: 'married_joint', stateTaxRate: 0.05 },
  'uk england': { taxCountry: 'uk_england' },
  'uk scotland': { taxCountry: 'uk_scotland' },
  canada: { taxCountry: 'canada', stateTaxRate: 0.1 },
  elsewhere: { taxCountry: 'elsewhere', taxRate: 0.25 },
};
/** Pasted figures with the low and good month left to them (MIN/MAX), and with both typed as well. */
const FIGURES_ONLY = {
  monthlyFigures: [2500, 4100, 3900, 6000, 5200, 3100, 4400],
  projectedMonthlyLow: undefined,
  projectedMonthlyHigh: undefined,
};
const TYPED = { monthlyFigures: [2800, 5100, 4700, 3600] };
const formatsOf = (locale: string) => ({ ...FORMATS, ...localeFormats(locale) });

function built(): Record<string, unknown> {
  const sheets: Record<string, PlanSheetLayout> = {};
  for (const [setting, tax] of Object.entries(TAX_SETTINGS)) {
    sheets[`${setting}, no figures`] = layoutPlan(planOf(tax), '2026-02-20');
    sheets[`${setting}, figures only`] = layoutPlan(planOf({ ...tax, ...FIGURES_ONLY }), '2026-02-20');
  }
  sheets['us flat, figures and typed months'] = layoutPlan(planOf({ ...TAX_SETTINGS['us flat'], ...TYPED }), '2026-02-20');
  sheets['uk england, figures and typed months'] = layoutPlan(planOf({ ...TAX_SETTINGS['uk england'], ...TYPED }), '2026-02-20');
  const inLocale: [string, string][] = [
    ['us estimate', 'en_US'],
    ['uk scotland', 'en_GB'],
    ['canada', 'de_DE'],
    ['elsewhere', 'de_DE'],
  ];
  for (const [setting, locale] of inLocale) {
    sheets[`${setting}, ${locale}`] = layoutPlan(planOf(TAX_SETTINGS[setting]), '2026-02-20', {}, formatsOf(locale));
  }
  sheets['uk england, linked history, en_GB'] = layoutPlan(
    planOf({ ...TAX_SETTINGS['uk england'], ...FIGURES_ONLY }),
    '2026-12-01',
    {},
    formatsOf('en_GB'),
    { linkedHistory: booksHistory() },
  );
  sheets['us flat, linked history'] = layoutPlan(planOf(TAX_SETTINGS['us flat']), '2026-12-01', {}, FORMATS, {
    linkedHistory: booksHistory(),
  });
  // A rebuild carries ticks and notes by item id; a start late in the year.
  const plan = planOf({ ...TAX_SETTINGS['us estimate'], startDate: '2026-12-15', monthlySavings: 400 });
  const [first, second] = plan.checklist;
  sheets['us estimate, carried, late start'] = layoutPlan(plan, '2026-12-15', {
    [first.id]: { done: true, notes: 'Booked' },
    [second.id]: { done: false, notes: '=not a formula' },
  });
  const compact: Record<string, unknown> = {};
  for (const [name, layout] of Object.entries(sheets)) compact[name] = compactLayout(layout);
  return JSON.parse(JSON.stringify(compact));
}

/**
 * A layout with its four grids merged into one sparse grid: row -> column letters -> what the cell holds (v), its
 * number format (f) unless General, b when bold, its fill (bg). Rows and columns stay, so the size is checked too.
 */
function compactLayout(layout: PlanSheetLayout): Record<string, unknown> {
  const { cells, numberFormats, fontWeights, backgrounds, ...rest } = layout;
  const grid: Record<string, Record<string, Record<string, unknown>>> = {};
  cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      const entry: Record<string, unknown> = {};
      if (cell !== null) entry.v = cell;
      if (numberFormats[r][c] !== 'General') entry.f = numberFormats[r][c];
      if (fontWeights[r][c] === 'bold') entry.b = 1;
      if (backgrounds[r][c] !== null) entry.bg = backgrounds[r][c];
      if (Object.keys(entry).length > 0) {
        grid[r + 1] = grid[r + 1] ?? {};
        grid[r + 1][columnLetters(c + 1)] = entry;
      }
    });
    if (row.length !== layout.columns) grid[r + 1] = { ...grid[r + 1], width: { v: row.length } };
  });
  if (cells.length !== layout.rows) grid.height = { rows: { v: cells.length } };
  return { ...rest, grid };
}

/** JSON with one grid row a line: small enough to keep, and a diff names the row that changed. */
function oneRowALine(value: unknown, indent = '', depth = 0): string {
  // Sheet -> parts -> grid -> one row: a row of the grid, or any array of plain values, is one line.
  const flat = Array.isArray(value) && value.every((x) => x === null || typeof x !== 'object');
  if (flat || depth === 3 || value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Array.isArray(value)
    ? value.map((v) => `${indent} ${oneRowALine(v, `${indent} `, depth + 1)}`)
    : Object.entries(value).map(([k, v]) => `${indent} ${JSON.stringify(k)}: ${oneRowALine(v, `${indent} `, depth + 1)}`);
  return Array.isArray(value) ? `[\n${entries.join(',\n')}\n${indent}]` : `{\n${entries.join(',\n')}\n${indent}}`;
}

test('the plan layout is cell for cell as recorded, in every tax setting, history and locale', () => {
  const now = built();
  if (process.env.LEAP_RECORD_PLAN_LAYOUT === '1') fs.writeFileSync(FIXTURE, `${oneRowALine(now)}\n`);
  const recorded = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  expect(Object.keys(now)).toEqual(Object.keys(recorded));
  for (const key of Object.keys(recorded)) {
    const sheet = recorded[key];
    const mine = now[key] as typeof sheet;
    // Row by row, so a failure names the row rather than printing two whole grids.
    const rows = new Set([...Object.keys(sheet.grid), ...Object.keys(mine.grid)]);
    for (const r of rows) expect([key, `row ${r}`, mine.grid[r]]).toEqual([key, `row ${r}`, sheet.grid[r]]);
    expect([key, mine]).toEqual([key, sheet]);
  }
});
