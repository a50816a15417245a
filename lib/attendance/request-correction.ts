import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fromIsoDate, toIsoDate } from "@/lib/leave/dates";
import { readSetting } from "@/lib/settings/settings";
import type { CorrectionInput } from "@/lib/validations/attendance";
import { hrLevelUserIds, requireOwnEmployee } from "./access";
import { describeDay, sendCorrectionNotice } from "./correction-notices";
import { localDate, zonedInstant } from "./time-zone";

type Actor = Pick<CurrentUser, "id" | "email" | "employeeId" | "name">;

// An employee asks to set one session of a past day (or of today, up to now). The request goes to
// their manager, or to HR when they have none; it changes nothing until approved.
export async function requestCorrection(user: Actor, input: CorrectionInput, now: Date = new Date()): Promise<{ id: string }> {
  const employeeId = requireOwnEmployee(user);
  const schedule = await readSetting("attendance-schedule");
  const today = localDate(now, schedule.timeZone);
  if (input.date > today) throw new AppError("validation_failed", "Corrections are for days that have happened.", { date: "Choose today or an earlier day." });
  const checkInAt = zonedInstant(input.date, input.checkIn, schedule.timeZone);
  const checkOutAt = zonedInstant(input.date, input.checkOut, schedule.timeZone);
  if (checkOutAt > now)
    throw new AppError("validation_failed", "The check-out time has not happened yet.", { checkOut: "Choose a time that has already passed." });

  const employee = await db.employee.findUnique({ where: { id: employeeId }, select: { hireDate: true, managerId: true, firstName: true, lastName: true } });
  if (!employee) throw new AppError("not_found", "Your employee record was not found.");
  if (input.date < toIsoDate(employee.hireDate))
    throw new AppError("validation_failed", "That day is before your start date.", { date: "Choose a day after your start date." });

  const date = fromIsoDate(input.date);
  const pending = await db.attendanceCorrection.findFirst({ where: { employeeId, date, status: "PENDING" }, select: { id: true } });
  if (pending)
    throw new AppError("conflict", "You already have a correction waiting for that day.", {
      date: "A correction for this day is already waiting for approval.",
    });

  // The session to correct: one left open that day first, else the day's first.
  const records = await db.attendanceRecord.findMany({ where: { employeeId, date }, orderBy: { checkInAt: "asc" }, select: { id: true, checkOutAt: true } });
  const target = records.find((record) => !record.checkOutAt) ?? records[0];

  const created = await asUser(user, () =>
    db.attendanceCorrection.create({
      data: { employeeId, recordId: target?.id ?? null, date, checkInAt, checkOutAt, reason: input.reason, approverId: employee.managerId },
      select: { id: true },
    }),
  );
  const who = `${employee.firstName} ${employee.lastName}`;
  await sendCorrectionNotice({
    ...(employee.managerId ? { employeeIds: [employee.managerId] } : { userIds: await hrLevelUserIds() }),
    kind: "attendance.correction.submitted",
    title: `Attendance correction from ${who}`,
    body: `${who} asks to record ${input.checkIn}–${input.checkOut} on ${describeDay(date)}: “${input.reason}”. It is waiting for your approval.`,
    link: "/attendance/corrections",
  });
  return created;
}
