/** The headline under the title: when can I leave, what holds it back, and does a low month pay? */
import { LABEL, MAX_RISK, PARTNER_TAKE_HOME, type PlanBlock, START, shownAs } from './common';
import { canLeave, notYetReason } from './keyNumbers';

export const headline: PlanBlock = (g, { formats }) => {
  g.sentence({
    id: 'headline',
    row: 2,
    column: LABEL,
    bold: true,
    cell: (read) => {
      const shown = (ref: string, as: Parameters<typeof shownAs>[2]) => shownAs(formats, ref, as);
      const [quit, ready, leftOver] = [
        read.cell('JW_QUIT_DATE'),
        read.cell('JW_READY_DATE'),
        read.cell('JW_LOW_MONTH_LEFT_OVER'),
      ];
      // What sets the leave date: nothing when it is the start date (the savings already meet the buffer and the risk).
      const heldBack =
        `IF(ISTEXT(${quit})," (the buffer date: the chance of running out never falls to "&${shown(read.cell(MAX_RISK), 'percent')}&" within 10 years)",` +
        `IF(${read.cell('JW_LEAVE_DATE')}<=${read.cell(START)}," (nothing holds it back: your savings already meet the buffer and the risk you accept)",` +
        `IF(${quit}>${ready}," (held back by the risk: the buffer is reached "&${shown(ready, 'date')}&")"," (held back by the buffer)")))`;
      // "Can I leave?" is JW_CAN_LEAVE's answer, the one the give-notice step and the sidebar show too.
      const answer = `IF(${canLeave(read)},"Leave on "&${shown(read.cell('JW_LEAVE_DATE'), 'date')}&${heldBack},${notYetReason(read, formats)})`;
      const partner = read.cell(PARTNER_TAKE_HOME);
      return (
        `=${answer}&" – buffer "&${shown(read.cell('JW_BUFFER_TARGET'), 'money')}` +
        `&" – a low month leaves you "&${shown(`ABS(${leftOver})`, 'money')}&IF(${leftOver}<0," short"," over")` +
        `&" after tax, health cover and living costs"&IF(${partner}>0,", with your partner's take-home","")&" – your savings then last "&${shown(read.cell('JW_RUNWAY_AT_LEAVE'), 'months')}` +
        `&" – chance of running out in the first year: "&${shown(read.cell('JW_RUNWAY_RISK'), 'percent')}`
      );
    },
  });
};
