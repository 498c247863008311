/**
 * Beside the main flow: the buffer schedule (BUFFER_SCHEDULE's spill, with a target column for its chart) and the
 * runway fan (RUNWAY_BANDS over the first year after the leave date, with a zero line), each with its chart.
 */
import { a1, HEADER_FILL, quoted } from '../../layout/grid';
import {
  CHARTS,
  costs,
  FAN,
  FAN_LABEL,
  FAN_ROW,
  history,
  MONTHLY_SAVINGS,
  type PlanBlock,
  RAMP,
  RISK_MONTHS,
  SAVINGS,
  SCHEDULE,
  SCHEDULE_ROWS,
  SCHEDULE_TARGET,
  START,
  text,
} from './common';

const BUFFER_SCHEDULE = 'bufferSchedule';
const NO_BUFFER_NEEDED = "No buffer to save: your partner's take-home meets the household's costs";
const RUNWAY_BANDS = 'runwayBands';

export const schedule: PlanBlock = (g, { formats, extras }) => {
  g.put(4, SCHEDULE, { cell: text('Buffer schedule'), bold: true, fill: HEADER_FILL });
  g.figure({
    id: BUFFER_SCHEDULE,
    row: 5,
    column: SCHEDULE,
    // A partner's take-home that meets all the household's costs leaves no buffer to save for (BUFFER_SCHEDULE wants
    // a target above 0): the schedule says so instead.
    value: (read) => {
      const target = read.cell('JW_BUFFER_TARGET');
      return `=IF(${target}>0,BUFFER_SCHEDULE(${read.cell(SAVINGS)},${read.cell(MONTHLY_SAVINGS)},${target},${read.cell(START)}),${quoted(NO_BUFFER_NEEDED)})`;
    },
    bold: true,
  });
  g.put(5, SCHEDULE_TARGET, { cell: text('Target'), bold: true });
  for (let r = 6; r < 5 + SCHEDULE_ROWS; r++) {
    g.put(r, SCHEDULE, { cell: null, format: formats.date }, BUFFER_SCHEDULE);
    g.put(r, SCHEDULE + 1, { cell: null, format: formats.money }, BUFFER_SCHEDULE);
    g.put(r, SCHEDULE + 2, { cell: null, format: formats.percent }, BUFFER_SCHEDULE);
    g.put(
      r,
      SCHEDULE_TARGET,
      {
        cell: (read) => `=IF(${read.spill(BUFFER_SCHEDULE, r - 5, 0, 'relative')}="","",${read.cell('JW_BUFFER_TARGET')})`,
        format: formats.money,
      },
      'bufferTargetLine',
    );
  }
  const lastRow = 4 + SCHEDULE_ROWS;
  extras.charts.push({
    title: 'Buffer: saved vs target',
    ranges: [`${a1(5, SCHEDULE)}:${a1(lastRow, SCHEDULE + 1)}`, `${a1(5, SCHEDULE_TARGET)}:${a1(lastRow, SCHEDULE_TARGET)}`],
    anchorRow: 4,
    anchorColumn: CHARTS,
    axisFormat: formats.axisMoney,
  });
};

export const fan: PlanBlock = (g, { formats, extras }) => {
  g.put(FAN_ROW - 1, FAN_LABEL, { cell: text('Savings after leaving: 10,000 simulated futures'), bold: true, fill: HEADER_FILL });
  g.put(FAN_ROW, FAN_LABEL, { cell: text('After'), bold: true });
  g.figure({
    id: RUNWAY_BANDS,
    row: FAN_ROW,
    column: FAN,
    value: (read) =>
      `=RUNWAY_BANDS(${read.cell('JW_SAVINGS_AT_LEAVE')},${costs(read)},${history(read)},${RISK_MONTHS},${read.cell('JW_FULL_YEAR_TAX_RATE')},${read.cell(RAMP)})`,
    bold: true,
  });
  const zero = FAN + 4;
  g.put(FAN_ROW, zero, { cell: text('Zero'), bold: true });
  for (let m = 1; m <= RISK_MONTHS; m++) {
    for (let c = FAN + 1; c < zero; c++) g.put(FAN_ROW + m, c, { cell: null, format: formats.money }, RUNWAY_BANDS);
    g.put(FAN_ROW + m, FAN_LABEL, text(m === 1 ? '1 month' : `${m} months`));
    g.put(
      FAN_ROW + m,
      zero,
      { cell: (read) => `=IF(${read.spill(RUNWAY_BANDS, m, 0, 'relative')}="","",0)`, format: formats.money },
      'fanZeroLine',
    );
  }
  extras.charts.push({
    title: 'Savings after leaving: low (1 in 10), median, high (1 in 10)',
    // The month numbers RUNWAY_BANDS spills are left out: the text labels beside them are the axis.
    ranges: [
      `${a1(FAN_ROW, FAN_LABEL)}:${a1(FAN_ROW + RISK_MONTHS, FAN_LABEL)}`,
      `${a1(FAN_ROW, FAN + 1)}:${a1(FAN_ROW + RISK_MONTHS, zero)}`,
    ],
    anchorRow: FAN_ROW - 1,
    anchorColumn: zero + 2,
    axisFormat: formats.axisMoney,
  });
};
