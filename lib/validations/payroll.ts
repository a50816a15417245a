import { z } from "zod";
import { isValidIban, ZOptionalBic } from "@/lib/payroll/bank-details";

// The payroll API's inputs. Strict like the rest of /api/v1: a program learns which parameter it
// got wrong.
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD.");

export const ZPage = {
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

export const RUN_STATUSES = ["DRAFT", "CALCULATING", "CALCULATED", "APPROVED", "PAID"] as const;

export const ZRunListQuery = z.object({
  ...ZPage,
  status: z.preprocess(blankToUndefined, z.enum(RUN_STATUSES, { error: `Use one of ${RUN_STATUSES.join(", ")}.` }).optional()),
});
export const ZRunQuery = z.object({ ...ZPage, flagged: z.preprocess(blankToUndefined, z.enum(["true", "false"], { error: "Use true or false." }).optional()) });

// A run for the period containing `date` (any day of it; its first day is the usual choice).
export const ZCreateRun = z.object({
  scheduleId: z.string({ error: "Name the pay schedule." }).min(1, "Name the pay schedule.").max(64),
  date: isoDate,
  payDate: isoDate.optional(),
});

export const ZPayslipListQuery = z.object({
  ...ZPage,
  employee: z.preprocess(blankToUndefined, z.string().max(64, "Not an employee id.").optional()),
  run: z.preprocess(blankToUndefined, z.string().max(64, "Not a run id.").optional()),
});

// ---- One-offs, corrections and setup. Forms send strings; amounts are typed in major units
// ("500.00") and become minor units with the employee's currency in the service's caller.
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
const code = z
  .string({ error: "Enter a code." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{0,39}$/, "Capital letters, digits and underscores, starting with a letter.");
const majorAmount = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/[,\s£$€]/g, "") : value),
  z.coerce
    .number({ error: "Enter an amount, like 250.00." })
    .positive("Enter an amount above zero.")
    .max(10_000_000, "That is more than a payslip can carry.")
    .refine((value) => Number.isInteger(Math.round(value * 1000) / 10), "Use at most two decimal places."),
);
const reason = z.string({ error: "Say why." }).trim().min(1, "Say why: the payslip shows it.").max(500, "Keep it under 500 characters.");

export const ADJUSTMENT_KINDS = ["EARNING", "DEDUCTION"] as const;

export const ZAdjustmentInput = z.object({
  employeeId: z.string({ error: "Choose an employee." }).trim().min(1, "Choose an employee.").max(64),
  periodStart: isoDate,
  kind: z.enum(ADJUSTMENT_KINDS, { error: "Choose an addition or a deduction." }),
  code,
  name: z.string({ error: "Name it." }).trim().min(1, "Name it, as the payslip should show it.").max(80, "Keep it under 80 characters."),
  amount: majorAmount,
  reason,
  isTaxable: checkbox.default(true),
});
// The form's checkbox is absent when unticked, so there absence means "not taxable".
export const ZAdjustmentForm = ZAdjustmentInput.extend({ isTaxable: checkbox });

export const ZAdjustmentListQuery = z.object({
  ...ZPage,
  period: z.preprocess(blankToUndefined, isoDate.optional()),
  employee: z.preprocess(blankToUndefined, z.string().max(64, "Not an employee id.").optional()),
});

export const ZCorrectionForm = z.object({
  payslipId: z.string().trim().min(1).max(64),
  correctedGross: z.preprocess(
    (value) => (typeof value === "string" ? value.replace(/[,\s£$€]/g, "") : value),
    z.coerce.number({ error: "Enter the gross pay it should have been." }).min(0, "Enter an amount from zero.").max(10_000_000, "That is too much."),
  ),
  reason,
});

export const ZEmployerSettings = z.object({
  name: z.string({ error: "Name the employer." }).trim().min(1, "Name the employer, as the bank should show it.").max(70, "Use at most 70 characters."),
  iban: z.preprocess(
    blankToNull,
    z
      .string()
      .transform((value) => value.replace(/\s+/g, "").toUpperCase())
      .refine(isValidIban, "This is not a valid IBAN: check the country code and the digits.")
      .nullable()
      .default(null),
  ),
  bic: ZOptionalBic,
});

export const PAY_FREQUENCIES = ["MONTHLY", "SEMI_MONTHLY", "BI_WEEKLY", "WEEKLY"] as const;
export const TAX_RULES = ["UK", "BRACKETS", "NONE"] as const;

export const ZScheduleForm = z
  .object({
    code,
    name: z.string({ error: "Name it." }).trim().min(1, "Name it.").max(80, "Keep it under 80 characters."),
    frequency: z.enum(PAY_FREQUENCIES, { error: "Choose how often people are paid." }),
    anchorDate: z.preprocess(blankToNull, isoDate.nullable().default(null)),
    prorationBasis: z.enum(["CALENDAR_DAYS", "WORKING_DAYS"], { error: "Choose calendar or working days." }),
    taxRules: z.enum(TAX_RULES, { error: "Choose the tax rules." }),
    taxYearStart: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "The tax year's first day as MM-DD, like 04-06."),
    deductAbsences: checkbox,
    flagChangePercent: z.coerce.number({ error: "Enter a percentage." }).int("A whole percentage.").min(1, "From 1 to 100.").max(100, "From 1 to 100."),
  })
  .superRefine((value, context) => {
    if ((value.frequency === "WEEKLY" || value.frequency === "BI_WEEKLY") && !value.anchorDate)
      context.addIssue({ code: "custom", path: ["anchorDate"], message: "Weekly and bi-weekly schedules need the first day of one period." });
  });

export const BRACKET_ROWS = 6;

// A tax year with up to BRACKET_ROWS brackets as rows `upTo.N` / `rate.N`: upper bounds in major
// units a year above the allowance, the last filled row without one.
export const ZTaxYearForm = z
  .object({
    code,
    name: z.string({ error: "Name it." }).trim().min(1, "Name it.").max(80, "Keep it under 80 characters."),
    startsOn: isoDate,
    endsOn: isoDate,
    allowance: z.preprocess(
      (value) => (typeof value === "string" ? value.replace(/[,\s]/g, "") || "0" : value),
      z.coerce.number({ error: "Enter an amount." }).min(0, "From zero.").max(100_000_000, "That is too much."),
    ),
    method: z.enum(["CUMULATIVE", "NON_CUMULATIVE", "ANNUALISED"], { error: "Choose a method." }),
    brackets: z
      .array(z.object({ upTo: z.number().nullable(), ratePercent: z.string() }))
      .min(1, "Enter at least one bracket: a rate, and no upper bound on the last."),
  })
  .superRefine((value, context) => {
    if (value.endsOn <= value.startsOn) context.addIssue({ code: "custom", path: ["endsOn"], message: "Choose a day after the start." });
    value.brackets.forEach((bracket, index) => {
      if (!/^\d{1,3}(\.\d{1,4})?$/.test(bracket.ratePercent) || Number(bracket.ratePercent) > 100)
        context.addIssue({ code: "custom", path: ["brackets"], message: `Bracket ${index + 1}: a rate is a percentage, like 20 or 12.5.` });
      const isLast = index === value.brackets.length - 1;
      if (isLast !== (bracket.upTo === null))
        context.addIssue({
          code: "custom",
          path: ["brackets"],
          message: isLast ? "Leave the last bracket's upper bound empty." : `Bracket ${index + 1} needs an upper bound.`,
        });
    });
  });

// Bracket rows from a form: filled rows in order, amounts still in major units.
export function bracketRows(values: Record<string, string>): { upTo: number | null; ratePercent: string }[] {
  const rows: { upTo: number | null; ratePercent: string }[] = [];
  for (let index = 0; index < BRACKET_ROWS; index += 1) {
    const rate = (values[`rate.${index}`] ?? "").trim().replace(/%$/, "");
    const upTo = (values[`upTo.${index}`] ?? "").replace(/[,\s]/g, "");
    if (!rate && !upTo) continue;
    rows.push({ upTo: upTo ? Number(upTo) : null, ratePercent: rate });
  }
  return rows;
}

// POST /api/v1/payslips/:id/corrections: the gross pay it should have had, in major units.
export const ZCorrectionInput = z.object({
  correctedGross: z.number({ error: "Give the gross pay it should have had, in major units." }).min(0).max(10_000_000),
  reason,
  periodStart: isoDate.optional(),
});
