/**
 * Dates across the custom-function boundary. Sheets hands a function a date cell as the instant of midnight in
 * the spreadsheet's time zone, and shows a returned Date in that zone; script code reads local time
 * (getDate(), new Date(y, m, d)) in the script's own zone, set once in appsscript.json. An add-on's users are in
 * every zone, so where the two differ a date read or made with local time would be a day off. Dates therefore
 * cross as calendar days: in, the spreadsheet's day becomes script-local midnight; out, script-local midnight
 * becomes midnight of that day in the spreadsheet's zone. Utilities.formatDate does the zone arithmetic.
 */

/** The zone of the open spreadsheet, read once per custom-function call; undefined where there is no document. */
let zone: string | undefined | null = null;

/**
 * Conversions already made in this call, by instant: a column of dates repeats days, and on Google each
 * conversion is a Utilities call. Copies are handed out, so that no caller can change a remembered Date.
 */
const seenFromSheet = new Map<number, number>();
const seenToSheet = new Map<number, number>();

/** Forget the zone and the conversions: each custom-function call reads the zone afresh (it can change). */
export function resetSheetZone(): void {
  zone = null;
  seenFromSheet.clear();
  seenToSheet.clear();
}

function sheetZone(): string | undefined {
  if (zone === null) {
    zone = undefined;
    // Read-only SpreadsheetApp and Utilities are allowed inside custom functions; outside Apps Script (tests
    // of the bare bundle) neither exists, and script time is the only time there is.
    if (typeof SpreadsheetApp !== 'undefined' && typeof Utilities !== 'undefined') {
      try {
        zone = SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone() || undefined;
      } catch {
        zone = undefined;
      }
    }
  }
  return zone;
}

/** [year, month 1-12, day, hour, minute] of an instant, on the spreadsheet's clock. */
function wallParts(instant: number, tz: string): number[] {
  return Utilities.formatDate(new Date(instant), tz, 'yyyy-MM-dd-HH-mm').split('-').map(Number);
}

/** A date as Sheets passed it (midnight in the spreadsheet's zone) -> midnight of the same day in script time. */
export function fromSheet(date: Date): Date {
  const tz = sheetZone();
  if (!tz) return date;
  let local = seenFromSheet.get(date.getTime());
  if (local === undefined) {
    const [y, m, d, hh, mm] = wallParts(date.getTime(), tz);
    local = new Date(y, m - 1, d, hh, mm).getTime();
    seenFromSheet.set(date.getTime(), local);
  }
  return new Date(local);
}

/** A date made in script time -> the instant Sheets shows as the same day and time in the spreadsheet's zone. */
export function toSheet(date: Date): Date {
  const tz = sheetZone();
  if (!tz) return date;
  const known = seenToSheet.get(date.getTime());
  if (known !== undefined) return new Date(known);
  const wall = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes());
  // The zone's offset at that wall time, found by reading the wall clock at a first guess and correcting once
  // (the second step matters only on the day a clock change falls between the guess and the answer).
  let instant = wall;
  for (let i = 0; i < 2; i++) {
    const [y, m, d, hh, mm] = wallParts(instant, tz);
    instant += wall - Date.UTC(y, m - 1, d, hh, mm);
  }
  seenToSheet.set(date.getTime(), instant);
  return new Date(instant);
}
