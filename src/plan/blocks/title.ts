/** The top of the plan: what it is, when it was built, and the person's own words (path and service) under the headline. */

import { PRODUCT_NAME } from '../../brand';
import { dateAsShown } from '../currency';
import { planSubtitle } from '../model';
import { LABEL, type PlanBlock, text, VALUE } from './common';

export const title: PlanBlock = (g, { builtOn, answers, formats }) => {
  g.put(1, LABEL, { cell: text(`${PRODUCT_NAME} transition plan`), bold: true });
  // The day in the document's date style, as the plan's date cells show theirs.
  g.put(
    1,
    VALUE,
    text(
      `Built ${dateAsShown(builtOn, formats.date)} by ${PRODUCT_NAME}. Rebuild from Extensions > ${PRODUCT_NAME} > Plan my transition…`,
    ),
  );
  // Row 2 is the headline.
  g.put(3, LABEL, text(planSubtitle(answers)));
};
