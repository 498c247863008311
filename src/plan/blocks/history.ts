/**
 * The earnings history the simulations replay, right of the buffer schedule: the pasted figures (shaded: the person
 * edits them), the Books' months when the plan runs on them, else five steps from the low to the good month.
 */
import { HEADER_FILL, INPUT_FILL } from '../../layout/grid';
import { FIGURES, HIGH, HISTORY, HISTORY_ROW, LOW, type PlanBlock } from './common';

const STEPS = [0, 0.25, 0.5, 0.75, 1];

export const history: PlanBlock = (g, sheet) => {
  const { linked, answers, formats } = sheet;
  const figures = answers.monthlyFigures;
  const heading = linked ? linked.heading : figures ? 'Monthly figures' : 'Earnings history';
  g.table({
    id: HISTORY,
    row: HISTORY_ROW - 1,
    column: FIGURES,
    rows: sheet.historyLength,
    columns: [
      {
        key: 'month',
        header: heading,
        cell: ({ index }) => {
          if (linked) return { cell: { formula: linked.cells[index] }, format: formats.money };
          if (figures) return { cell: { number: figures[index] }, format: formats.money, fill: INPUT_FILL };
          return {
            cell: (read) => `=${read.cell(LOW)}+(${read.cell(HIGH)}-${read.cell(LOW)})*${STEPS[index]}`,
            format: formats.money,
          };
        },
      },
    ],
    headerStyle: { bold: true, fill: HEADER_FILL },
  });
  // Says which history the simulations replay, counting the months live.
  const counted = linked ? linked.counted : figures ? 'monthly figures you pasted' : 'steps from your low to your good month';
  g.put(HISTORY_ROW - 2, FIGURES, (read) => `="Runs on "&COUNT(${read.column(HISTORY, 'month')})&" ${counted}"`, 'historyCount');
};
