/**
 * What if earnings are lower or higher? Each case replays the history scaled by its factor (the factors are inputs),
 * with its own quit date, risk and low month; the scaled histories sit right of the plan's own.
 */
import { a1, HEADER_FILL, type Reader } from '../../layout/grid';
import { WHAT_IF_FACTOR_MAX } from '../answers';
import {
  EXPENSES,
  HEALTH,
  HISTORY,
  HISTORY_ROW,
  LABEL,
  LAST_MAIN,
  LOW,
  type MainBlock,
  PARTNER_TAKE_HOME,
  text,
  VALUE,
  WHAT_IF_HISTORY,
} from './common';
import { quitDate, runwayRisk } from './keyNumbers';

/**
 * The what-if cases, each with the answer its earnings factor shows: the person types over the factors on the sheet,
 * and Build again reads them back by the case names above them (src/sheets/planReader.ts).
 */
export const WHAT_IF = [
  { name: 'Lean', answer: 'whatIfLean' },
  { name: 'Expected', answer: 'whatIfExpected' },
  { name: 'Strong', answer: 'whatIfStrong' },
] as const;
const SCALED = 'whatIfHistory';
const factorOf = (name: string) => `whatIfFactor.${name}`;
/** The label of the factors' row, which Build again finds them by. */
export const WHAT_IF_FACTORS_LABEL = 'Earnings compared with the history';

const QUESTIONS = [
  WHAT_IF_FACTORS_LABEL,
  'Quit date at the risk you accept',
  'Chance of running out, leaving on the leave date',
  'A low month leaves you, after living costs',
];

export const whatIf: MainBlock = (g, sheet, row) => {
  const { formats, linked } = sheet;
  const heading = row + 1;
  g.heading(heading, LABEL, text('What if earnings are lower or higher?'), {
    fillThrough: LAST_MAIN,
    note: text('Edit the factors: each case replays the history scaled'),
  });
  const factorRow = heading + 2;
  QUESTIONS.forEach((label, i) => {
    g.put(factorRow + i, LABEL, text(label));
  });
  WHAT_IF.forEach((c, i) => {
    const column = VALUE + i;
    g.put(heading + 1, column, { cell: text(c.name), bold: true });
    g.input({
      id: factorOf(c.name),
      row: factorRow,
      column,
      value: { number: sheet.answers[c.answer] },
      format: formats.percent,
    });
    g.validation({
      range: a1(factorRow, column),
      kind: 'between',
      min: 0,
      max: WHAT_IF_FACTOR_MAX,
      help: `${c.name} case: its earnings as a share of the expected, from 0% to ${WHAT_IF_FACTOR_MAX * 100}%, e.g. 80%`,
    });
    const scaled = (read: Reader) => read.column(SCALED, c.name);
    g.figure({
      id: `whatIfQuitDate.${c.name}`,
      row: factorRow + 1,
      column,
      value: (read) => quitDate(read, scaled(read)),
      format: formats.date,
    });
    g.figure({
      id: `whatIfRisk.${c.name}`,
      row: factorRow + 2,
      column,
      value: (read) => runwayRisk(read, scaled(read)),
      format: formats.percent,
    });
    // LOW_END_BUDGET's rule in native arithmetic (no tax set aside from a loss), less living costs.
    g.figure({
      id: `whatIfLowMonth.${c.name}`,
      row: factorRow + 3,
      column,
      value: (read) => {
        const low = `${read.cell(LOW)}*${read.cell(factorOf(c.name))}`;
        return `=${low}-MAX(0,${low})*${read.cell('JW_TAX_RATE')}-${read.cell(HEALTH)}+${read.cell(PARTNER_TAKE_HOME)}-${read.cell(EXPENSES)}`;
      },
      format: formats.money,
    });
  });
  g.table({
    id: SCALED,
    row: HISTORY_ROW - 1,
    column: WHAT_IF_HISTORY,
    rows: sheet.historyLength,
    headerStyle: { bold: true, fill: HEADER_FILL },
    columns: WHAT_IF.map((c) => ({
      key: c.name,
      header: c.name,
      cell: ({ index }) => ({
        cell: (read) => {
          const month = read.cellOf(HISTORY, 'month', index);
          const factor = read.cell(factorOf(c.name));
          // A linked month without rows is "", which stays "" so the simulations pass over it here too.
          return linked ? `=IF(ISNUMBER(${month}),${month}*${factor},"")` : `=${month}*${factor}`;
        },
        format: formats.money,
      }),
    })),
  });
  return factorRow + QUESTIONS.length;
};
