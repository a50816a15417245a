import "server-only";
import { z } from "zod";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { prismaCode } from "@/lib/prisma-errors";
import { fromIsoDate, isValidIsoDate } from "./dates";
import { LEAVE_ADMIN } from "./permissions";

// A manual correction of a balance by HR: one ADJUSTMENT line in the ledger, signed, dated, with
// the reason it was made and who made it, so the balance stays explainable line by line.
export const ZAdjustmentInput = z.object({
  employeeId: z.string().trim().min(1, "Choose an employee.").max(64),
  leaveTypeId: z.string({ error: "Choose a leave type." }).trim().min(1, "Choose a leave type.").max(64),
  effectiveDate: z.string({ error: "Enter the date it takes effect." }).trim().refine(isValidIsoDate, "Enter a real date as YYYY-MM-DD."),
  days: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().replace(/^\+/, "") : value),
    z.coerce
      .number({ error: "Enter the days to add (or, with a minus sign, to remove)." })
      .refine((value) => value !== 0, "Enter a number of days other than 0.")
      .refine((value) => Number.isInteger(value * 2), "Use whole or half days, like 2 or -1.5.")
      .refine((value) => Math.abs(value) <= 366, "Use at most 366 days."),
  ),
  reason: z
    .string({ error: "Say why the balance is being adjusted." })
    .trim()
    .min(3, "Say why the balance is being adjusted.")
    .max(500, "Use at most 500 characters."),
  // Sent once per form: a double submit records the adjustment once.
  token: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9-]*$/)
    .optional(),
});

export type AdjustmentInput = z.infer<typeof ZAdjustmentInput>;

export type Adjustment = { id: string; halfDays: number; year: number; isRepeat: boolean };

export async function adjustBalance(user: CurrentUser, input: AdjustmentInput): Promise<Adjustment> {
  if (!can(user, LEAVE_ADMIN)) throw forbidden();
  // HR's own balance is adjusted by another HR user or an admin.
  if (user.employeeId && user.employeeId === input.employeeId) throw forbidden();
  const [employee, type] = await Promise.all([
    db.employee.findUnique({ where: { id: input.employeeId }, select: { id: true } }),
    db.leaveType.findUnique({ where: { id: input.leaveTypeId }, select: { id: true } }),
  ]);
  if (!employee) throw new AppError("not_found", "That employee was not found.");
  if (!type) throw new AppError("validation_failed", "Please correct the highlighted field.", { leaveTypeId: "That leave type no longer exists." });

  const halfDays = Math.round(input.days * 2);
  const year = Number(input.effectiveDate.slice(0, 4));
  const dedupeKey = input.token ? `adjustment:${input.token}` : null;
  try {
    const line = await asUser(user, () =>
      db.leaveLedgerEntry.create({
        data: {
          employeeId: employee.id,
          leaveTypeId: type.id,
          year,
          kind: "ADJUSTMENT",
          halfDays,
          effectiveDate: fromIsoDate(input.effectiveDate),
          reason: input.reason,
          createdByEmail: user.email,
          dedupeKey,
        },
        select: { id: true },
      }),
    );
    return { id: line.id, halfDays, year, isRepeat: false };
  } catch (error) {
    if (prismaCode(error) !== "P2002" || !dedupeKey) throw error;
    const existing = await db.leaveLedgerEntry.findUnique({ where: { dedupeKey }, select: { id: true, halfDays: true, year: true } });
    if (!existing) throw error;
    return { ...existing, isRepeat: true };
  }
}
