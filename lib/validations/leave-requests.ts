import { z } from "zod";
import { daysBetweenInclusive, isValidIsoDate } from "@/lib/leave/dates";

// A leave request as the form sends it. Dates stay "YYYY-MM-DD" strings: the leave engine counts
// calendar dates, never instants. Rules that depend on the leave type (half days, attachment,
// longest run of days) are checked by leaveTypeRuleErrors once the type is known.

const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .refine(isValidIsoDate, `Enter the ${label} as a real date (YYYY-MM-DD).`);

// A checkbox is "on" when ticked and absent otherwise; hidden inputs send "true"/"false".
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : (value ?? null)),
    z.string().trim().max(max, `Use at most ${max} characters.`).nullable(),
  );

export const ZLeaveRequestInput = z
  .object({
    leaveTypeId: z.string({ error: "Choose a leave type." }).trim().min(1, "Choose a leave type.").max(64),
    startDate: isoDate("first day"),
    endDate: isoDate("last day"),
    startsAfternoon: checkbox,
    endsAtNoon: checkbox,
    reason: optionalText(500),
    attachmentName: optionalText(200),
  })
  .superRefine((input, ctx) => {
    if (!isValidIsoDate(input.startDate) || !isValidIsoDate(input.endDate)) return;
    if (input.endDate < input.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The last day must be on or after the first day." });
    } else if (input.startDate.slice(0, 4) !== input.endDate.slice(0, 4)) {
      // Balances are per calendar year, so one request draws on one year's balance.
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: `Leave cannot run across the year end: split it into two requests, one ending on 31 December ${input.startDate.slice(0, 4)}.`,
      });
    } else if (input.startDate === input.endDate && input.startsAfternoon && input.endsAtNoon) {
      ctx.addIssue({
        code: "custom",
        path: ["endsAtNoon"],
        message: "A one-day request cannot start in the afternoon and also end at noon; choose the morning or the afternoon.",
      });
    }
  });

export type LeaveRequestInput = z.infer<typeof ZLeaveRequestInput>;

// HR may request on someone's behalf; empty means "for me".
export const ZRequestFor = z.object({
  employeeId: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().max(64).optional()),
});

export const ZRequestTarget = z.object({
  id: z.string().trim().min(1, "The form is missing the request; reload the page.").max(64),
  version: z.coerce.number({ error: "The form is missing the version; reload the page." }).int().min(1),
});

export const ZDecision = z
  .object({
    decision: z.enum(["approve", "reject"], { error: "Choose approve or reject." }),
    comment: optionalText(500),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "reject" && !input.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Say why, so the employee knows what to change." });
  });

export type DecisionInput = z.infer<typeof ZDecision>;

export const ZCancel = z.object({ reason: optionalText(500) });

// Where a decision or cancellation form returns to: one of the leave pages, nothing else.
export const ZReturnTo = z.string().regex(/^\/leave(\/(approvals|[0-9a-f-]{36}))?$/);

export type LeaveTypeRules = { name: string; allowsHalfDays: boolean; requiresAttachment: boolean; maxConsecutiveDays: number | null };

// The leave type's own rules, as field errors (empty when the request keeps them). A run of days
// is counted in calendar days, first to last inclusive.
export function leaveTypeRuleErrors(input: LeaveRequestInput, type: LeaveTypeRules): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!type.allowsHalfDays) {
    if (input.startsAfternoon) errors.startsAfternoon = `${type.name} is taken in whole days only.`;
    if (input.endsAtNoon) errors.endsAtNoon = `${type.name} is taken in whole days only.`;
  }
  if (type.requiresAttachment && !input.attachmentName) errors.attachmentName = `${type.name} needs a supporting document: enter its file name.`;
  if (type.maxConsecutiveDays !== null && input.endDate >= input.startDate && daysBetweenInclusive(input.startDate, input.endDate) > type.maxConsecutiveDays) {
    errors.endDate = `${type.name} can be at most ${type.maxConsecutiveDays} ${type.maxConsecutiveDays === 1 ? "day" : "days"} in a row.`;
  }
  return errors;
}

export const LIST_VIEWS = ["mine", "approvals", "all"] as const;
export const LEAVE_STATUSES = ["PENDING_MANAGER", "PENDING_HR", "APPROVED", "REJECTED", "CANCELLATION_PENDING", "CANCELLED"] as const;

// Query strings of the leave pages: anything malformed falls back to the default.
export const ZLeaveListQuery = z.object({
  status: z.preprocess((value) => (value === "" ? undefined : value), z.enum(LEAVE_STATUSES).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export const ZCalendarQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  department: z.preprocess((value) => (value === "" ? undefined : value), z.string().max(64).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function firstParams(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
