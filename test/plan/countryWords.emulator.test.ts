/**
 * Issue 21, problem 9: the checklist speaks the country's health cover, and counts show the decimals they have.
 * The UK plan told an NHS user to "arrange health insurance"; paid weeks off of 5.6 showed as "6".
 */
import { type Emulator, loadDist } from '../../emulator/src';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

const PLAN = 'Transition Plan';

function built(changes: Record<string, unknown>): Emulator {
  const em = createLeapEmulator({ timeZone: 'UTC' });
  loadDist(em);
  em.run('leapBuildPlan', { ...SAMPLE_ANSWERS, startDate: '2026-03-01', ...changes });
  return em;
}

/** The words of a checklist step, found by its (hidden) item id. */
function step(em: Emulator, id: string): string {
  const sheet = em.toJSON().sheets.find((s) => s.name === PLAN);
  const entry = Object.entries(sheet?.cells ?? {}).find(([a1, c]) => a1.startsWith('E') && c.value === id);
  if (!entry) throw new Error(`no step ${id}`);
  return String(sheet?.cells[`A${entry[0].slice(1)}`].value);
}

const shown = (em: Emulator, name: string) => em.spreadsheet.getRangeByName(name)?.getDisplayValue();

describe('health cover in the country’s words', () => {
  test('UK: the NHS carries on; private cover is optional, never "arrange health insurance"', () => {
    const words = step(built({ taxCountry: 'uk_england', healthMonthly: 60 }), 'health-cover');
    expect(words).not.toMatch(/Arrange health insurance/);
    expect(words).toMatch(
      /^Your NHS cover continues when you leave: it does not depend on a job\. Private health insurance is optional; the plan budgets [£$]60 a month for it/,
    );
    // Read with £0 budgeted too: no "£0 a month" when the person goes without.
    expect(step(built({ taxCountry: 'uk_england', healthMonthly: 0 }), 'health-cover')).toMatch(
      /Private health insurance is optional, and the plan budgets none$/,
    );
  });

  test('Canada: the provincial plan carries on; the job’s extended health benefits are what to replace', () => {
    const words = step(built({ taxCountry: 'canada', stateTaxRate: 0.1, healthMonthly: 180 }), 'health-cover');
    expect(words).toMatch(
      /^Your provincial health plan keeps covering you: replace what your job's extended health and dental benefits paid/,
    );
    expect(words).toMatch(/the plan budgets \$180 a month for it$/);
  });

  test('US: health insurance is to arrange, as before', () => {
    expect(step(built({ taxCountry: 'us' }), 'health-cover')).toBe(
      "Arrange health insurance to start the day your job's cover ends; the plan budgets $625 a month for it",
    );
  });
});

// Sheets' automatic number format shows a number's own decimals ("Number formatting", the Automatic format:
// https://support.google.com/docs/answer/56470); "0" rounds to a whole number.
test('counts keep their decimals: 5.6 paid weeks off read 5.6, a whole count has none', () => {
  const em = built({ taxCountry: 'uk_england', ptoWeeks: 5.6 });
  expect(shown(em, 'JW_PTO_WEEKS')).toBe('5.6');
  expect(shown(em, 'JW_BUFFER_MONTHS_INPUT')).toBe('6');
  // A count typed with decimals on the sheet shows them, in the cell and in the sentences quoting it.
  const cushion = em.spreadsheet.getRangeByName('JW_BUFFER_MONTHS_INPUT');
  if (!cushion) throw new Error('no JW_BUFFER_MONTHS_INPUT');
  em.enterInput(PLAN, cushion.getA1Notation(), '5.6');
  expect(shown(em, 'JW_BUFFER_MONTHS_INPUT')).toBe('5.6');
  const sheet = em.toJSON().sheets.find((s) => s.name === PLAN);
  const sentence = Object.values(sheet?.cells ?? {}).find((c) =>
    String(c.value).startsWith('Your budget is planned on a low month'),
  );
  expect(String(sentence?.value)).toMatch(/a buffer of 5\.6 months covers the gaps/);
});
