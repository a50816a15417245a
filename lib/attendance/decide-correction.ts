import "server-only";
import { uuidv7 } from "uuidv7";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db, withTransaction } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { toIsoDate } from "@/lib/leave/dates";
import type { CorrectionDecision } from "@/lib/validations/attendance";
import { isHrLevel } from "./access";
import { describeDay, sendCorrectionNotice } from "./correction-notices";

type Actor = Pick<CurrentUser, "id" | "email" | "role" | "employeeId">;

// The employee's manager now, with the leave:approve permission, or HR; never one's own. The
// approver recorded when it was asked does not decide after a reorganisation.
export function canDecideCorrection(
  user: Actor,
  correction: { employeeId: string; approverId: string | null; employee: { managerId: string | null } },
): boolean {
  if (correction.employeeId === user.employeeId) return false;
  if (isHrLevel(user)) return true;
  return Boolean(user.employeeId) && correction.employee.managerId === user.employeeId && can(user, "leave:approve");
}

// The session the request named if it still exists, else one left open that day, else the day's
// first: a session opened or recorded since the request is the one to correct.
async function sessionToCorrect(client: Pick<typeof db, "attendanceRecord">, correction: { recordId: string | null; employeeId: string; date: Date }) {
  if (correction.recordId) {
    const named = await client.attendanceRecord.findUnique({ where: { id: correction.recordId }, select: { id: true } });
    if (named) return named;
  }
  const records = await client.attendanceRecord.findMany({
    where: { employeeId: correction.employeeId, date: correction.date },
    orderBy: { checkInAt: "asc" },
    select: { id: true, checkOutAt: true },
  });
  const found = records.find((record) => !record.checkOutAt) ?? records[0];
  return found ? { id: found.id } : null;
}

// The employee's manager (the one asked, or their manager now) or HR approves or rejects a
// correction; approving writes the session into the attendance record in the same transaction, so
// a correction is never approved without its record or the other way round.
export async function decideCorrection(user: Actor, input: CorrectionDecision, now: Date = new Date()): Promise<{ status: "APPROVED" | "REJECTED" }> {
  const correction = await db.attendanceCorrection.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      employeeId: true,
      recordId: true,
      date: true,
      checkInAt: true,
      checkOutAt: true,
      reason: true,
      status: true,
      approverId: true,
      employee: { select: { managerId: true } },
    },
  });
  if (!correction) throw notFound("That correction");
  if (correction.employeeId === user.employeeId) throw new AppError("forbidden", "You cannot decide your own correction; your manager or HR does.");
  if (!canDecideCorrection(user, correction)) throw forbidden();
  if (correction.status !== "PENDING") throw new AppError("conflict", "That correction has already been decided.");

  const isApproved = input.decision === "APPROVED";
  await asUser(user, () =>
    withTransaction(async (tx) => {
      const target = isApproved ? await sessionToCorrect(tx, correction) : null;
      const recordId = isApproved ? (target?.id ?? uuidv7()) : correction.recordId;
      const decided = await tx.attendanceCorrection.updateMany({
        where: { id: correction.id, version: input.version, status: "PENDING" },
        data: { status: input.decision, comment: input.comment ?? null, decidedAt: now, recordId },
      });
      if (decided.count === 0) throw new AppError("conflict", "That correction was changed or decided meanwhile. Reload to see it.");
      if (!isApproved) return;
      const session = {
        date: correction.date,
        checkInAt: correction.checkInAt,
        checkOutAt: correction.checkOutAt,
        note: `Corrected: ${correction.reason}`.slice(0, 500),
      };
      if (target) await tx.attendanceRecord.update({ where: { id: target.id }, data: session, select: { id: true } });
      else await tx.attendanceRecord.create({ data: { id: recordId!, employeeId: correction.employeeId, ...session }, select: { id: true } });
    }),
  );
  const day = describeDay(correction.date);
  await sendCorrectionNotice({
    employeeIds: [correction.employeeId],
    kind: isApproved ? "attendance.correction.approved" : "attendance.correction.rejected",
    title: isApproved ? `Attendance correction approved for ${day}` : `Attendance correction rejected for ${day}`,
    body: isApproved
      ? `Your correction for ${day} was approved and your attendance now shows it.${input.comment ? ` Comment: “${input.comment}”` : ""}`
      : `Your correction for ${day} was rejected: “${input.comment ?? ""}”`,
    link: `/attendance?month=${toIsoDate(correction.date).slice(0, 7)}`,
  });
  return { status: input.decision };
}
