import "server-only";
import { db } from "@/lib/db";
import { fromIsoDate, type IsoDate, toIsoDate } from "@/lib/leave/dates";
import { readSetting } from "@/lib/settings/settings";
import type { LeaveInput, Schedule } from "./month-days";

// The organisation's side of attendance for a period: the schedule, the work week and the
// holidays (with their names, for the calendar).
export async function loadAttendanceContext(from: IsoDate, to: IsoDate) {
  const [schedule, workWeek, holidays] = await Promise.all([
    readSetting("attendance-schedule"),
    readSetting("work-week"),
    db.holiday.findMany({ where: { date: { gte: fromIsoDate(from), lte: fromIsoDate(to) } }, select: { date: true, name: true, isHalfDay: true } }),
  ]);
  return {
    schedule: schedule as Schedule,
    workWeek: workWeek.days,
    holidays: new Map(holidays.map((holiday) => [toIsoDate(holiday.date), { name: holiday.name, isHalfDay: holiday.isHalfDay }])),
  };
}

// Leave that keeps people away from work: approved, and still approved while a cancellation waits.
const LEAVE_STATUSES = ["APPROVED", "CANCELLATION_PENDING"] as const;

export async function loadApprovedLeave(employeeIds: string[] | null, from: IsoDate, to: IsoDate): Promise<Map<string, LeaveInput[]>> {
  const requests = await db.leaveRequest.findMany({
    where: {
      ...(employeeIds ? { employeeId: { in: employeeIds } } : {}),
      status: { in: [...LEAVE_STATUSES] },
      startDate: { lte: fromIsoDate(to) },
      endDate: { gte: fromIsoDate(from) },
    },
    select: { employeeId: true, startDate: true, endDate: true, startsAfternoon: true, endsAtNoon: true, leaveType: { select: { name: true } } },
  });
  const byEmployee = new Map<string, LeaveInput[]>();
  for (const request of requests) {
    const leave = {
      startDate: toIsoDate(request.startDate),
      endDate: toIsoDate(request.endDate),
      startsAfternoon: request.startsAfternoon,
      endsAtNoon: request.endsAtNoon,
      typeName: request.leaveType.name,
    };
    byEmployee.set(request.employeeId, [...(byEmployee.get(request.employeeId) ?? []), leave]);
  }
  return byEmployee;
}

export const RECORD_SELECT = { id: true, employeeId: true, date: true, checkInAt: true, checkOutAt: true, note: true, version: true } as const;

export type StoredRecord = { id: string; employeeId: string; date: Date; checkInAt: Date; checkOutAt: Date | null; note: string | null; version: number };

export function toRecordInput(record: StoredRecord) {
  return { id: record.id, date: toIsoDate(record.date), checkInAt: record.checkInAt, checkOutAt: record.checkOutAt, note: record.note };
}
