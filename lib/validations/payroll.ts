import { z } from "zod";

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
