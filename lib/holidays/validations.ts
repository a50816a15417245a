import { z } from "zod";
import { MAX_YEAR, MIN_YEAR, ZIsoDate } from "@/lib/validations/fields";

export { MAX_YEAR, MIN_YEAR, ZIsoDate };

export const ZHolidayName = z.string({ error: "Enter the holiday's name." }).trim().min(1, "Enter the holiday's name.").max(100, "Use at most 100 characters.");

// One public holiday as HR types it; a checkbox sends "on" when ticked and nothing otherwise.
export const ZHolidayInput = z.object({
  date: ZIsoDate,
  name: ZHolidayName,
  isHalfDay: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
});

export type HolidayInput = z.infer<typeof ZHolidayInput>;

export const MAX_IMPORT_LINES = 500;
export const ZHolidayImport = z.object({
  text: z.string({ error: "Paste at least one holiday." }).max(50_000, "Paste at most 50,000 characters at a time."),
});

// The year a page shows; anything malformed falls back to the current year.
export function parseYear(value: unknown, fallback: number): number {
  const parsed = z.coerce
    .number()
    .int()
    .min(MIN_YEAR)
    .max(MAX_YEAR)
    .safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : fallback;
}

// ISO weekdays, Monday first, as the work-week editor lists them.
export const WEEKDAYS = [
  { day: 1, short: "Mon", long: "Monday" },
  { day: 2, short: "Tue", long: "Tuesday" },
  { day: 3, short: "Wed", long: "Wednesday" },
  { day: 4, short: "Thu", long: "Thursday" },
  { day: 5, short: "Fri", long: "Friday" },
  { day: 6, short: "Sat", long: "Saturday" },
  { day: 7, short: "Sun", long: "Sunday" },
] as const;

// Working days as ISO weekdays (Monday 1 … Sunday 7), from the work-week form's checkboxes.
export const ZWorkWeekDays = z
  .array(z.coerce.number().int().min(1).max(7), { error: "Choose the working days." })
  .min(1, "Choose at least one working day.")
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));
