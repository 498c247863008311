/**
 * The Books sheet, block by block. A new figure or row goes into the block it belongs to; a new block is one module
 * here and one entry in the list. Blocks read each other's cells through the grid's `read`, so the order below is
 * only the order they place their cells in.
 */
import { byCategory } from './byCategory';
import type { BooksBlock } from './common';
import { months } from './months';
import { nextPayment } from './nextPayment';
import { reserve } from './reserve';
import { scheduleC } from './scheduleC';
import { taxPaid } from './taxPaid';
import { title } from './title';
import { yearAsLived } from './yearAsLived';

export const BOOKS_BLOCKS: readonly BooksBlock[] = [
  title,
  yearAsLived,
  byCategory,
  months,
  scheduleC,
  taxPaid,
  nextPayment,
  reserve,
];
