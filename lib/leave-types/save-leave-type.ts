import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { prismaCode } from "@/lib/prisma-errors";
import type { LeaveTypeInput } from "@/lib/validations/leave-types";

export const STALE_LEAVE_TYPE = "Someone else changed this leave type after you opened the form. Reload to see their changes, then make yours again.";

// Codes are what people and exports refer to; saying which type has one beats "already exists".
async function assertCodeFree(code: string, exceptId: string | null): Promise<void> {
  const other = await db.leaveType.findUnique({ where: { code }, select: { id: true, name: true } });
  if (other && other.id !== exceptId)
    throw new AppError("conflict", "Please correct the highlighted field.", { code: `${other.name} already uses this code.` });
}

export async function createLeaveType(user: CurrentUser, input: LeaveTypeInput): Promise<{ id: string }> {
  if (!can(user, LEAVE_ADMIN)) throw forbidden();
  await assertCodeFree(input.code, null);
  return asUser(user, () => db.leaveType.create({ data: input, select: { id: true } }));
}

// Optimistic concurrency: the update applies only to the version the form was opened on. Balances
// follow on their own: the ledger recalculates this year's automatic lines from the new policy the
// next time they are read, and leaves closed years as they were.
export async function updateLeaveType(user: CurrentUser, id: string, version: number, input: LeaveTypeInput): Promise<{ id: string; version: number }> {
  if (!can(user, LEAVE_ADMIN)) throw forbidden();
  await assertCodeFree(input.code, id);
  try {
    return await asUser(user, () => db.leaveType.update({ where: { id, version }, data: input, select: { id: true, version: true } }));
  } catch (error) {
    if (prismaCode(error) === "P2025") {
      const exists = await db.leaveType.findUnique({ where: { id }, select: { id: true } });
      throw exists ? new AppError("conflict", STALE_LEAVE_TYPE) : notFound("That leave type");
    }
    throw error;
  }
}
