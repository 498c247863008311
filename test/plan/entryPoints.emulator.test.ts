/** The wizard's other server entry points on the emulator: drafts, menu actions and showing the plan. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Emulator, findRepoRoot, loadDist } from '../../emulator/src';
import { PRODUCT_NAME } from '../../src/brand';
import { describeFunctions } from '../../src/functions';
import { DRAFT_KEY, PROPERTY_VALUE_LIMIT_BYTES } from '../../src/sheets/drafts';
import { EXAMPLES_HEADER, EXAMPLES_SHEET_NAME } from '../../src/sheets/examples';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

/** How an en_US document shows money: what the draft tells the sidebar, so the review shows $3,200. */
const US_MONEY = { locale: 'en-US', symbol: '$', placement: 'before', spaced: false };
/** How an en_US document writes numbers and dates: the wizard reads and shows them so. */
const US_STYLE = { numbers: { group: ',', decimal: '.' }, datePattern: 'mmm d, yyyy' };

function fresh(): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  return em;
}

const documentProperties = (em: Emulator) =>
  (em.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();

describe('drafts', () => {
  test('a saved draft comes back when the sidebar opens again; Start over clears it', () => {
    const em = fresh();
    expect(em.run('leapGetDraft')).toEqual({ answers: null, savedAt: null, taxCountry: 'us', money: US_MONEY, ...US_STYLE });
    const saved = em.run('leapSaveDraft', { monthlyExpenses: '3,200', pathKind: 'creative_freelancer', notAField: 1 }) as {
      savedAt: string;
      bytes: number;
    };
    expect(saved.bytes).toBeGreaterThan(20);
    expect(em.run('leapGetDraft')).toEqual({
      answers: { monthlyExpenses: '3,200', pathKind: 'creative_freelancer' },
      savedAt: saved.savedAt,
      taxCountry: 'us',
      money: US_MONEY,
      ...US_STYLE,
    });
    expect(em.run('leapClearDraft')).toEqual({ cleared: true });
    expect(em.run('leapGetDraft')).toEqual({ answers: null, savedAt: null, taxCountry: 'us', money: US_MONEY, ...US_STYLE });
  });

  test('only the wizard\'s own field names are kept: inherited names such as "constructor" are not', () => {
    const em = fresh();
    em.run('leapSaveDraft', { constructor: 'x', toString: 'y', hasOwnProperty: 1, monthlyExpenses: '1' });
    expect((em.run('leapGetDraft') as { answers: unknown }).answers).toEqual({ monthlyExpenses: '1' });
  });

  test('answers that are not an object are refused in words that point at no one question', () => {
    const em = fresh();
    expect(() => em.run('leapBuildPlan', 'not answers')).toThrow(/^The answers did not arrive; reload the sidebar/);
  });

  test('a draft over 9 KB is refused in words and the previous draft is kept', () => {
    const em = fresh();
    em.run('leapSaveDraft', SAMPLE_ANSWERS);
    const before = documentProperties(em).getProperty(DRAFT_KEY);
    const huge = { ...SAMPLE_ANSWERS, skills: 'x'.repeat(PROPERTY_VALUE_LIMIT_BYTES) };
    expect(() => em.run('leapSaveDraft', huge)).toThrow(
      /too long to save as a draft \(9\.\d KB of 9\.0 KB\).*previous draft is kept/,
    );
    expect(documentProperties(em).getProperty(DRAFT_KEY)).toBe(before);
    // Multi-byte text counts in UTF-8 bytes, as the quota does: 3,000 "é" are 6,000 bytes and fit.
    expect(() => em.run('leapSaveDraft', { ...SAMPLE_ANSWERS, skills: 'é'.repeat(3000) })).not.toThrow();
  });

  test('a full property store gives a clear error and loses nothing', () => {
    const em = fresh();
    em.run('leapSaveDraft', SAMPLE_ANSWERS);
    const before = documentProperties(em).getProperty(DRAFT_KEY);
    // Other properties fill the 500 KB store to within 1 KB: the old draft fits, a 3 KB longer one does not.
    const filler: Record<string, string> = {};
    let room = 500 * 1024 - (before ?? '').length - DRAFT_KEY.length - 1024;
    for (let i = 0; room > 100; i++) {
      const value = 'y'.repeat(Math.min(9000, room - 20));
      filler[`other.${String(i).padStart(3, '0')}`] = value;
      room -= value.length + 9;
    }
    documentProperties(em).setProperties(filler);
    expect(() => em.run('leapSaveDraft', { ...SAMPLE_ANSWERS, skills: 'z'.repeat(3000) })).toThrow(
      /storage for add-ons is full \(500 KB\).*previous draft is kept/,
    );
    expect(documentProperties(em).getProperty(DRAFT_KEY)).toBe(before);
  });

  test('a draft that cannot be read starts the wizard fresh', () => {
    const em = fresh();
    documentProperties(em).setProperty(DRAFT_KEY, '{not json');
    expect(em.run('leapGetDraft')).toEqual({ answers: null, savedAt: null, taxCountry: 'us', money: US_MONEY, ...US_STYLE });
  });
});

describe('menu actions', () => {
  test('Plan my transition… opens the wizard page in the sidebar', () => {
    const em = fresh();
    em.run('leapShowSidebar');
    expect(em.ui.sidebar?.title).toBe('Jumpwise: plan my transition');
    expect(em.ui.sidebar?.html).toContain('<');
  });

  test('Help shows a dialog linking the help pages, which open in a new window (Marketplace review: external links)', () => {
    const em = fresh();
    em.run('leapShowHelp');
    expect(em.ui.dialogs).toHaveLength(1);
    expect(em.ui.dialogs[0].title).toBe(`${PRODUCT_NAME} help`);
    // The person cannot read the repository's README: the help pages are the listing's help address (docs/help.html).
    const help = (
      JSON.parse(readFileSync(join(findRepoRoot(__dirname), 'listing', 'listing.json'), 'utf8')) as { urls: { help: string } }
    ).urls.help;
    expect(em.ui.dialogs[0].html).toContain(`<a href="${help}" target="_blank" rel="noopener">`);
    expect(em.ui.dialogs[0].html).not.toContain('README');
  });

  test('Insert function examples: every function, its formula as text and the same formula live', () => {
    const em = fresh();
    const first = em.run('leapInsertExamples') as { sheetName: string };
    expect(first.sheetName).toBe(EXAMPLES_SHEET_NAME);
    const sheet = em.toJSON().sheets.find((s) => s.name === EXAMPLES_SHEET_NAME);
    if (!sheet) throw new Error('no examples sheet');
    expect(EXAMPLES_HEADER.map((_, i) => sheet.cells[`${'ABCDE'[i]}1`].value)).toEqual([...EXAMPLES_HEADER]);
    const rows = Object.entries(sheet.cells).filter(([a1]) => a1.startsWith('A') && a1 !== 'A1');
    expect(rows.map(([, c]) => c.value)).toEqual(describeFunctions().map((f) => f.name));
    for (const [a1] of rows) {
      const row = a1.slice(1);
      const shown = sheet.cells[`C${row}`];
      const live = sheet.cells[`E${row}`];
      expect(shown.formula).toBeUndefined();
      expect(live.formula).toBe(shown.value);
      expect([shown.value, String(live.value)]).not.toEqual([shown.value, expect.stringMatching(/^#/)]);
    }
    // Inserting again replaces Jumpwise's sheet and leaves no second copy.
    em.run('leapInsertExamples');
    expect(em.toJSON().sheets.map((s) => s.name)).toEqual(['Sheet1', EXAMPLES_SHEET_NAME]);
  });

  test('inserting the examples again: a failure at any service call leaves one complete examples sheet', () => {
    const probe = fresh();
    probe.run('leapInsertExamples');
    const before = probe.calls.length;
    probe.run('leapInsertExamples');
    const callsOfReinsert = probe.calls.length - before;
    expect(callsOfReinsert).toBeGreaterThan(5);
    const rowsExpected = describeFunctions().length;
    // The first calls (nothing written yet) and the last six (metadata, deleting the old sheet, renaming the new):
    // each fresh emulator recomputes every example, so every call in between would cost seconds for no new case.
    const failAt = [1, 2, ...Array.from({ length: 6 }, (_, i) => callsOfReinsert - 5 + i)];
    for (const n of failAt) {
      const em = fresh();
      em.run('leapInsertExamples');
      em.failOnCall(n, 'Service Spreadsheets failed while accessing document');
      try {
        em.run('leapInsertExamples');
      } catch {
        // The failure itself is expected; what is left behind is the point.
      }
      const complete = em
        .toJSON()
        .sheets.filter(
          (s) =>
            s.cells.A1?.value === EXAMPLES_HEADER[0] &&
            Object.keys(s.cells).filter((a1) => /^A\d+$/.test(a1) && a1 !== 'A1').length === rowsExpected,
        );
      expect({ n, complete: complete.length }).toEqual({ n, complete: 1 });
    }
  });

  test('leapActivatePlan shows the plan, or says there is none yet', () => {
    const em = fresh();
    expect(() => em.run('leapActivatePlan')).toThrow('No plan yet: build one from the wizard first.');
    em.run('leapBuildPlan', SAMPLE_ANSWERS);
    em.spreadsheet.setActiveSheet(em.spreadsheet.getSheets()[0]);
    expect(em.run('leapActivatePlan')).toEqual({ sheetName: 'Transition Plan' });
    expect(em.toJSON().activeSheet).toBe('Transition Plan');
  });
});
