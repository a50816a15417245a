import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { fromIsoDate } from "@/lib/leave/dates";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { prismaCode } from "@/lib/prisma-errors";
import type { HolidayInput } from "./validations";

export const STALE_HOLIDAY = "Someone else changed this holiday after you opened it. Reload to see their change, then make yours again.";

// A date has at most one holiday; saying which one beats a bare "already exists".
async function assertDateFree(date: string, exceptId: string | null): Promise<void> {
  const other = await db.holiday.findUnique({ where: { date: fromIsoDate(date) }, select: { id: true, name: true } });
  if (other && other.id !== exceptId) {
    throw new AppError("conflict", "Please correct the highlighted field.", { date: `${other.name} is already on this date; edit that holiday instead.` });
  }
}

function data(input: HolidayInput) {
  return { date: fromIsoDate(input.date), name: input.name, isHalfDay: input.isHalfDay };
}

export async function createHoliday(user: CurrentUser, input: HolidayInput): Promise<{ id: string }> {
  if (!can(user, LEAVE_ADMIN)) throw forbidden();
  await assertDateFree(input.date, null);
  return asUser(user, () => db.holiday.create({ data: data(input), select: { id: true } }));
}

// Optimistic concurrency: the update applies only to the version the form was opened on.
export async function updateHoliday(user: CurrentUser, id: string, version: number, input: HolidayInput): Promise<{ id: string }> {
  if (!can(user, LEAVE_ADMIN)) throw forbidden();
  await assertDateFree(input.date, id);
  try {
    return await asUser(user, () => db.holiday.update({ where: { id, version }, data: data(input), select: { id: true } }));
  } catch (error) {
    if (prismaCode(error) === "P2025") throw await staleOrMissing(id);
    throw error;
  }
}

export async function deleteHoliday(user: CurrentUser, id: string): Promise<void> {
  if (!can(user, LEAVE_ADMIN)) throw forbidden();
  try {
    await asUser(user, () => db.holiday.delete({ where: { id }, select: { id: true } }));
  } catch (error) {
    if (prismaCode(error) === "P2025") throw notFound("That holiday");
    throw error;
  }
}

async function staleOrMissing(id: string): Promise<AppError> {
  const exists = await db.holiday.findUnique({ where: { id }, select: { id: true } });
  return exists ? new AppError("conflict", STALE_HOLIDAY) : notFound("That holiday");
}
