/**
 * The checklist: steps with a tick box, a target date phased live between the start and the leave date, notes the
 * person types, and the item id (hidden) a rebuild finds ticks and notes by; above them the progress. And the
 * challenges with the plan's answers. Steps and answers quote the plan's figures live (`sentence`).
 */
import { a1, type Content, quoted, type Reader, type TableColumn } from '../../layout/grid';
import { GIVE_NOTICE_ITEM, type Sentence } from '../model';
import { DETAIL, LABEL, LAST_MAIN, type MainBlock, type PlanFormats, START, shownAs, text, VALUE } from './common';
import { canLeave, notYetReason } from './keyNumbers';

/** Where the checklist sits, so a rebuild can find ticks and notes by item id. */
export const CHECKLIST_HEADER = ['Step', 'Done', 'Target date', 'Notes', 'Item id'] as const;
const TABLE = 'checklist';
/** The table's column keys, in CHECKLIST_HEADER's order. */
const KEYS = ['step', 'done', 'targetDate', 'notes', 'itemId'] as const;

/** A sentence as a cell: plain text, or a formula quoting its figures live, each in its format. */
export function sentence(words: Sentence, formats: PlanFormats): Content {
  if (typeof words === 'string') return text(words);
  return (read: Reader) => {
    const joined = (parts: readonly SentencePart[]): string =>
      parts
        .map((part) => {
          if (typeof part === 'string') return quoted(part);
          if ('whenZero' in part) return `IF(${read.cell(part.whenZero)}=0,${joined(part.zero)},${joined(part.otherwise)})`;
          return shownAs(formats, read.cell(part.figure), part.as);
        })
        .join('&');
    return `=${joined(words)}`;
  };
}
type SentencePart = Exclude<Sentence, string>[number];

export const checklist: MainBlock = (g, sheet, row) => {
  const { plan, carried, formats } = sheet;
  const items = plan.checklist;
  const heading = row + 1;
  g.heading(heading, LABEL, text('Checklist'), { fillThrough: LAST_MAIN, note: text('Tick each step as you go') });
  g.figure({
    id: 'checklistProgress',
    row: heading + 1,
    column: VALUE,
    label: 'Progress',
    // TRUE() rather than the bare TRUE literal, which not every formula engine reads.
    value: (read) => `=COUNTIF(${read.column(TABLE, 'done')},TRUE())/${items.length}`,
    format: formats.percent,
    bold: true,
  });
  const cells: ((index: number) => Content)[] = [
    (i) => sentence(items[i].step, formats),
    (i) => ({ checked: carried[items[i].id] ? carried[items[i].id].done : items[i].done }),
    (i) => (read: Reader) => targetDate(read, sheet.formats, items[i]),
    (i) => (carried[items[i].id]?.notes ? text(carried[items[i].id].notes) : null),
    (i) => text(items[i].id),
  ];
  const columns: TableColumn[] = CHECKLIST_HEADER.map((header, c) => ({
    key: KEYS[c],
    header,
    cell: ({ index }) => (c === 2 ? { cell: cells[c](index), format: formats.date } : cells[c](index)),
  }));
  const table = g.table({ id: TABLE, row: heading + 2, column: LABEL, rows: items.length, columns, headerStyle: { bold: true } });
  sheet.extras.checkboxRange = `${a1(table.firstRow, VALUE)}:${a1(table.lastRow, VALUE)}`;
  // A step or a "Not yet" warning wraps within its column rather than being cut off.
  sheet.extras.wrapRanges.push(`${a1(table.firstRow, LABEL)}:${a1(table.lastRow, DETAIL)}`);
  return table.lastRow + 1;
};

/**
 * A step's date: a figure's own date when the step has one, else phased live between the start and the leave date,
 * so moving either moves the whole plan. Giving notice follows the plan's one answer to "can I leave?"
 * (JW_CAN_LEAVE): while it is not yet, the date gives way to the same words the headline shows.
 */
function targetDate(read: Reader, formats: PlanFormats, item: { id: string; phase: number; due?: string }): string {
  if (item.due) return `=${read.cell(item.due)}`;
  const start = read.cell(START);
  const target = `${start}+ROUND((${read.cell('JW_LEAVE_DATE')}-${start})*${item.phase})`;
  if (item.id !== GIVE_NOTICE_ITEM) return `=${target}`;
  return `=IF(${canLeave(read)},${target},${notYetReason(read, formats)})`;
}

export const challenges: MainBlock = (g, { plan, formats }, row) => {
  g.heading(row + 1, LABEL, text('Challenges and how this plan answers them'), { fillThrough: LAST_MAIN });
  plan.challenges.forEach((c, i) => {
    g.put(row + 2 + i, LABEL, { cell: text(c.challenge), bold: true });
    g.put(row + 2 + i, VALUE, sentence(c.answer, formats), `challenge.${i + 1}`);
  });
  return row + 2 + plan.challenges.length;
};
