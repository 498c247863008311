/**
 * The plan sheet, block by block. Blocks beside the main flow sit at fixed places; the main flow (columns A:E) runs
 * down in the order below, each block starting a row below the one before. A new figure or row goes into the block
 * it belongs to; a new block is one module here and one entry in a list. Blocks read each other's cells through the
 * grid's `read`, so the order is only the order they place their cells in.
 */
import { challenges, checklist } from './checklist';
import type { MainBlock, PlanBlock } from './common';
import { headline } from './headline';
import { history } from './history';
import { inputs } from './inputs';
import { keyNumbers } from './keyNumbers';
import { fan, schedule } from './schedule';
import { title } from './title';
import { whatIf } from './whatIf';

export const PLAN_BLOCKS: readonly PlanBlock[] = [title, headline, history, schedule, fan];

/** The tax calendar of the plan's tax setting (src/plan/blocks/taxSettings.ts). */
const taxCalendar: MainBlock = (g, sheet, row) => sheet.tax.calendar(g, sheet, row);

export const MAIN_FLOW: readonly MainBlock[] = [inputs, keyNumbers, whatIf, taxCalendar, checklist, challenges];
