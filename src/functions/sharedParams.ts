/**
 * Parameters that several function families take under the same name: declared once, so that the name, kind and
 * bounds Sheets users learn in one function hold in the others. A family may word the description to its use
 * or choose its own default (spread the declaration and override those two).
 */
import type { ParamSpec } from './types';

export const monthlyEarnings: ParamSpec = {
  name: 'monthly_earnings',
  kind: 'series',
  description: 'Monthly earnings, e.g. B2:B13. Blanks and headings are skipped.',
};

export const taxRate: ParamSpec = {
  name: 'tax_rate',
  kind: 'rate',
  description: 'Share set aside for tax, e.g. 30%.',
  defaultValue: 0.3,
  min: { value: 0 },
  max: { value: 1 },
};
