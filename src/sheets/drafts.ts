/**
 * The wizard's draft, saved in the document properties as the user goes, so closing the sidebar loses nothing.
 * Document properties hold at most 9 KB per value and 500 KB per document (Apps Script quotas): a draft that
 * would not fit is refused with a clear message and the previous draft is kept as it was.
 */
import { FIELD_NAMES, taxCountryOfLocale } from '../plan/answers';
import { dateFormat, localeCurrency, separators } from '../plan/currency';
import type { ClearedDraft, DocumentMoney, Draft, SavedDraft } from '../protocol';

export const DRAFT_KEY = 'leap.draft';
/** Google's limit for one property value. */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;

/** UTF-8 length, which is what the quota counts (Apps Script has no TextEncoder). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Only the wizard's fields are kept: anything else the page sends is not part of the answers. */
function knownFields(answers: unknown): Record<string, unknown> {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new Error('The draft did not arrive as answers; reload the sidebar and try again.');
  }
  const kept: Record<string, unknown> = {};
  // The field list itself, not `key in FIELDS`, which also accepts inherited names such as "constructor".
  for (const [key, value] of Object.entries(answers)) if ((FIELD_NAMES as string[]).includes(key)) kept[key] = value;
  return kept;
}

/** The document's money style, from the one table of locale currencies. */
function documentMoney(locale: string): DocumentMoney | null {
  const currency = localeCurrency(locale);
  if (!currency) return null;
  const { symbol, placement, spaced } = currency;
  return { locale: locale.replace('_', '-'), symbol, placement, spaced };
}

export function getDraft(): Draft {
  const locale = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  const taxCountry = taxCountryOfLocale(locale);
  const money = documentMoney(locale);
  const numbers = separators(locale);
  const datePattern = dateFormat(locale);
  const raw = PropertiesService.getDocumentProperties().getProperty(DRAFT_KEY);
  if (!raw) return { answers: null, savedAt: null, taxCountry, money, numbers, datePattern };
  try {
    const parsed = JSON.parse(raw) as { answers?: unknown; savedAt?: unknown };
    return {
      answers: knownFields(parsed.answers),
      savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : null,
      taxCountry,
      money,
      numbers,
      datePattern,
    };
  } catch {
    // A draft that cannot be read is not worth an error on every opening: the wizard starts fresh.
    return { answers: null, savedAt: null, taxCountry, money, numbers, datePattern };
  }
}

export function saveDraft(answers: unknown): SavedDraft {
  const savedAt = new Date().toISOString();
  const text = JSON.stringify({ answers: knownFields(answers), savedAt });
  const bytes = utf8Bytes(text);
  if (bytes > PROPERTY_VALUE_LIMIT_BYTES) {
    throw new Error(
      `Your answers are too long to save as a draft (${kb(bytes)} of ${kb(PROPERTY_VALUE_LIMIT_BYTES)}). ` +
        'Shorten the longest text answers; your previous draft is kept.',
    );
  }
  try {
    PropertiesService.getDocumentProperties().setProperty(DRAFT_KEY, text);
  } catch (error) {
    throw new Error(
      "The draft could not be saved: this spreadsheet's storage for add-ons is full (500 KB) or unavailable. " +
        `Your previous draft is kept. (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return { savedAt, bytes };
}

export function clearDraft(): ClearedDraft {
  PropertiesService.getDocumentProperties().deleteProperty(DRAFT_KEY);
  return { cleared: true };
}
