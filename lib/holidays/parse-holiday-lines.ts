import { MAX_IMPORT_LINES, ZHolidayName, ZIsoDate } from "./validations";

// Pasted holiday lists: one holiday per line as `YYYY-MM-DD, Name` with an optional `, half` for
// a half-day holiday. Columns may be separated by tabs instead, as when pasted from a spreadsheet.
// Blank lines and lines starting with # are ignored. Pure, so the page and the tests share it.
export type ParsedHoliday = { line: number; date: string; name: string; isHalfDay: boolean };
export type LineError = { line: number; text: string; message: string };
export type ParseResult = { holidays: ParsedHoliday[]; errors: LineError[] };

const HALF = /^half(?:[- ]?day)?$/i;
const FULL = /^full(?:[- ]?day)?$/i;

function parseLine(text: string): Omit<ParsedHoliday, "line"> | string {
  const parts = (text.includes("\t") ? text.split("\t") : text.split(",")).map((part) => part.trim());
  const [dateText, ...rest] = parts;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateText)) return `"${dateText}" is not a date: write it as YYYY-MM-DD, then a comma and the name.`;
  const date = ZIsoDate.safeParse(dateText);
  if (!date.success) return `${dateText}: ${date.error.issues[0].message}`;
  // A name may itself contain commas; only a trailing "half" or "full" is read as the day's length.
  const marker = rest.at(-1) ?? "";
  const hasMarker = HALF.test(marker) || FULL.test(marker);
  const name = ZHolidayName.safeParse((hasMarker ? rest.slice(0, -1) : rest).join(", "));
  if (!name.success) return name.error.issues[0].message;
  return { date: date.data, name: name.data, isHalfDay: HALF.test(marker) };
}

export function parseHolidayLines(input: string): ParseResult {
  const holidays: ParsedHoliday[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  const lines = input.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (!text || text.startsWith("#")) return;
    const line = index + 1;
    const parsed = parseLine(text);
    if (typeof parsed === "string") {
      errors.push({ line, text, message: parsed });
      return;
    }
    const earlier = seen.get(parsed.date);
    if (earlier !== undefined) {
      errors.push({ line, text, message: `${parsed.date} is already on line ${earlier}; a date can have one holiday.` });
      return;
    }
    seen.set(parsed.date, line);
    holidays.push({ line, ...parsed });
  });
  if (holidays.length + errors.length > MAX_IMPORT_LINES) {
    return { holidays: [], errors: [{ line: 0, text: "", message: `Paste at most ${MAX_IMPORT_LINES} holidays at a time.` }] };
  }
  if (holidays.length === 0 && errors.length === 0) {
    errors.push({ line: 0, text: "", message: "Paste at least one holiday, one per line: YYYY-MM-DD, Name." });
  }
  return { holidays, errors };
}
