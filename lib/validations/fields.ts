import { z } from "zod";
import { isValidIsoDate } from "@/lib/leave/dates";

// Field schemas shared by the domain schemas beside this file, so a date or a blank field means
// the same thing on every form and in every API query.

// An empty input (or a null from JSON) is "not given", so `.optional()` and `.default()` apply.
export function blankToUndefined(value: unknown): unknown {
  return value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;
}

export const MIN_YEAR = 1970;
export const MAX_YEAR = 2200;

// A calendar date as "YYYY-MM-DD" that exists, within the years the app handles.
export const ZIsoDate = z
  .string({ error: "Enter a date." })
  .trim()
  .min(1, "Enter a date.")
  .refine(isValidIsoDate, "Enter a real date as YYYY-MM-DD.")
  .refine((date) => Number(date.slice(0, 4)) >= MIN_YEAR && Number(date.slice(0, 4)) <= MAX_YEAR, `Choose a date between ${MIN_YEAR} and ${MAX_YEAR}.`);

// A whole-number parameter of the API within a range, the same sentence for every way of getting
// it wrong. Strict, unlike the pages (which fall back to defaults for a hand-edited URL): a
// program learns exactly which parameter it got wrong.
function apiWholeNumber(min: number, max: number, message: string) {
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

// The API's list parameters.
export const ZApiPageFields = {
  page: z.preprocess(blankToUndefined, apiWholeNumber(1, 100_000, "Use a whole number from 1.").default(1)),
  pageSize: z.preprocess(blankToUndefined, apiWholeNumber(1, 100, "Use a whole number from 1 to 100.").default(25)),
};

// A free-text search parameter of the API.
export const ZApiSearch = z.preprocess(blankToUndefined, z.string().trim().max(100, "Use at most 100 characters.").optional());

// A year parameter of the API, when one may be given.
export const ZApiYear = z.preprocess(blankToUndefined, apiWholeNumber(2000, 2100, "Use a year from 2000 to 2100.").optional());

// An id parameter of the API naming an employee.
export const ZApiEmployeeId = z.preprocess(blankToUndefined, z.string().max(64, "Not an employee id.").optional());

// A short label people type and read (ENG, SUP-EU, AL): upper-cased rather than refused for being
// typed in lower case. `pattern` and `rule` say which characters it may use.
export function shortCode(pattern: RegExp, rule: string) {
  return z
    .string({ error: "Enter a short code." })
    .trim()
    .toUpperCase()
    .min(1, "Enter a short code.")
    .max(12, "Use at most 12 characters.")
    .regex(pattern, rule);
}
