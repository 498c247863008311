/**
 * The wizard's draft, saved in the document properties as the user goes, so closing the sidebar loses nothing.
 * Document properties hold at most 9 KB per value and 500 KB per document (Apps Script quotas): a draft that
 * would not fit is refused with a clear message and the previous draft is kept as it was.
 */
import { FIELDS } from '../plan/answers';

export const DRAFT_KEY = 'leap.draft';
/** Google's limit for one property value. */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;

export interface Draft {
  /** The answers as gathered so far, or null when there is no draft. */
  answers: Record<string, unknown> | null;
  /** When the draft was saved (ISO timestamp), or null. */
  savedAt: string | null;
}

/** UTF-8 length, which is what the quota counts (Apps Script has no TextEncoder). */
function utf8Bytes(text: string): number {
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
  const fieldNames = Object.keys(FIELDS);
  for (const [key, value] of Object.entries(answers)) if (fieldNames.includes(key)) kept[key] = value;
  return kept;
}

export function getDraft(): Draft {
  const raw = PropertiesService.getDocumentProperties().getProperty(DRAFT_KEY);
  if (!raw) return { answers: null, savedAt: null };
  try {
    const parsed = JSON.parse(raw) as { answers?: unknown; savedAt?: unknown };
    return {
      answers: knownFields(parsed.answers),
      savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : null,
    };
  } catch {
    // A draft that cannot be read is not worth an error on every opening: the wizard starts fresh.
    return { answers: null, savedAt: null };
  }
}

export function saveDraft(answers: unknown): { savedAt: string; bytes: number } {
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

export function clearDraft(): { cleared: true } {
  PropertiesService.getDocumentProperties().deleteProperty(DRAFT_KEY);
  return { cleared: true };
}
