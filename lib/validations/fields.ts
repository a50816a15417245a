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

// The API's list parameters. Strict, unlike the pages (which fall back to defaults for a
// hand-edited URL): a program learns exactly which parameter it got wrong.
export const ZApiPageFields = {
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "Use a whole number from 1." }).int("Use a whole number from 1.").min(1, "Use a whole number from 1.").max(100_000).default(1),
  ),
  pageSize: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Use a whole number from 1 to 100." })
      .int("Use a whole number from 1 to 100.")
      .min(1, "Use a whole number from 1 to 100.")
      .max(100, "Use a whole number from 1 to 100.")
      .default(25),
  ),
};

// A free-text search parameter of the API.
export const ZApiSearch = z.preprocess(blankToUndefined, z.string().trim().max(100, "Use at most 100 characters.").optional());

// A year parameter of the API, when one may be given.
export const ZApiYear = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Use a year such as 2025." })
    .int("Use a year such as 2025.")
    .min(2000, "Use a year from 2000 to 2100.")
    .max(2100, "Use a year from 2000 to 2100.")
    .optional(),
);

// An id parameter of the API naming an employee.
export const ZApiEmployeeId = z.preprocess(blankToUndefined, z.string().max(64, "Not an employee id.").optional());
