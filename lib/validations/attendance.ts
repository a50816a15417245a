import { z } from "zod";
import { blankToUndefined, ZApiEmployeeId, ZApiPageFields, ZApiYear, ZIsoDate } from "@/lib/validations/fields";

export { ZIsoDate };

export const ZMonth = z
  .string({ error: "Use a month as YYYY-MM." })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month as YYYY-MM.")
  .refine((month) => month >= "2000-01" && month <= "2100-12", "Use a month between 2000 and 2100.");

const ZClock = (label: string) =>
  z
    .string({ error: `Enter the ${label} time.` })
    .trim()
    .min(1, `Enter the ${label} time.`)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter the ${label} time as HH:MM.`);

// A correction sets one session of a day. Sessions end on the day they start: a night shift is
// two corrections, one either side of midnight.
export const ZCorrectionInput = z
  .object({
    date: ZIsoDate,
    checkIn: ZClock("check-in"),
    checkOut: ZClock("check-out"),
    reason: z.string({ error: "Say what happened." }).trim().min(3, "Say what happened, in a few words.").max(500, "Use at most 500 characters."),
  })
  .refine((input) => input.checkOut > input.checkIn, { path: ["checkOut"], message: "The check-out must be after the check-in." });

export type CorrectionInput = z.infer<typeof ZCorrectionInput>;

export const CORRECTION_DECISIONS = ["APPROVED", "REJECTED"] as const;

export const ZCorrectionDecision = z
  .object({
    id: z.string().min(1).max(64),
    version: z.coerce.number().int().min(1),
    decision: z.enum(CORRECTION_DECISIONS, { error: "Approve or reject the correction." }),
    comment: z.preprocess(blankToUndefined, z.string().trim().max(500, "Use at most 500 characters.").optional()),
  })
  .refine((input) => input.decision === "APPROVED" || Boolean(input.comment), { path: ["comment"], message: "Say why, so the employee knows what to fix." });

export type CorrectionDecision = z.infer<typeof ZCorrectionDecision>;

export const ZAttendanceAction = z.object({ action: z.enum(["check-in", "check-out"], { error: 'Use "check-in" or "check-out".' }) });

// The API's query for attendance records: strict, so a program learns which parameter is wrong.
export const ZAttendanceListQuery = z
  .object({
    employeeId: ZApiEmployeeId,
    from: z.preprocess(blankToUndefined, ZIsoDate.optional()),
    to: z.preprocess(blankToUndefined, ZIsoDate.optional()),
    ...ZApiPageFields,
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"], message: "`to` must be on or after `from`." });

export type AttendanceListQuery = z.infer<typeof ZAttendanceListQuery>;

export const ZHolidayListQuery = z.object({ year: ZApiYear, ...ZApiPageFields });

// Pages fall back to the current month for a hand-edited URL rather than failing.
export function parseMonthParam(value: string | string[] | undefined, fallback: string): string {
  const parsed = ZMonth.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : fallback;
}

export const ZSummaryQuery = z.object({
  month: ZMonth,
  department: z.preprocess(blankToUndefined, z.string().max(64).optional()),
});
