import { z } from "zod";
import { EMPLOYMENT_TYPES } from "@/lib/validations/employees";
import { blankToUndefined, shortCode } from "@/lib/validations/fields";

export const ACCRUALS = ["UPFRONT", "MONTHLY"] as const;

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

// Days as HR types them ("12.5"), stored as whole half-days (25).
function days(label: string, max: number) {
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Enter ${label} in days.` })
      .min(0, "Use 0 or more days.")
      .max(max, `Use at most ${max} days.`)
      .refine((value) => Number.isInteger(value * 2), "Use whole or half days, like 12 or 12.5.")
      .transform((value) => Math.round(value * 2)),
  );
}

function optionalWhole(label: string, min: number, max: number) {
  return z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Enter ${label} as a whole number.` })
      .int(`Enter ${label} as a whole number.`)
      .min(min, `Use ${min} or more.`)
      .max(max, `Use at most ${max}.`)
      .optional()
      .transform((value) => value ?? null),
  );
}

// Every policy field of a leave type, as the form sends them. Amounts are entered in days and
// stored in half-days; an empty entitlement means "no yearly limit" (0), as for unpaid leave.
export const ZLeaveTypeInput = z
  .object({
    code: shortCode(/^[A-Z0-9_-]+$/, "Use letters, digits, - and _ only."),
    name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(60, "Use at most 60 characters."),
    isPaid: checkbox,
    yearlyHalfDays: z.preprocess((value) => blankToUndefined(value) ?? "0", days("the yearly entitlement", 366)),
    accrual: z.enum(ACCRUALS, { error: "Choose how the entitlement is credited." }),
    carryForwardMaxHalfDays: z.preprocess((value) => blankToUndefined(value) ?? "0", days("the carry-forward cap", 366)),
    carryForwardExpiryMonths: optionalWhole("the months", 1, 12),
    maxConsecutiveDays: optionalWhole("the longest stretch", 1, 366),
    allowsHalfDays: checkbox,
    requiresAttachment: checkbox,
    requiresHrApproval: checkbox,
    employmentTypes: z
      .array(z.enum(EMPLOYMENT_TYPES, { error: "Choose employment types from the list." }))
      .default([])
      // Stored as a comma-separated list in a fixed order; none ticked means everyone.
      .transform((types) => EMPLOYMENT_TYPES.filter((type) => types.includes(type)).join(",")),
    isActive: checkbox,
    color: z
      .string({ error: "Choose a colour." })
      .trim()
      .toLowerCase()
      .regex(/^#[0-9a-f]{6}$/, "Choose a colour like #3b6cf6."),
  })
  .superRefine((input, context) => {
    if (input.carryForwardExpiryMonths !== null && input.carryForwardMaxHalfDays === 0) {
      context.addIssue({
        code: "custom",
        path: ["carryForwardExpiryMonths"],
        message: "Nothing is carried forward, so nothing can lapse: set a carry-forward cap or leave this empty.",
      });
    }
    if (input.accrual === "MONTHLY" && input.yearlyHalfDays === 0) {
      context.addIssue({ code: "custom", path: ["accrual"], message: "A type without a yearly entitlement has nothing to accrue: choose upfront." });
    }
  });

export type LeaveTypeInput = z.infer<typeof ZLeaveTypeInput>;

// The form's fields under their form names: amounts in days, employment types as a list.
export function leaveTypeFormInput(form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  values.employmentTypes = form.getAll("employmentTypes").map(String);
  return values;
}
