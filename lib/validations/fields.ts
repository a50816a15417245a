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
