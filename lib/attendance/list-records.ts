import "server-only";
import type { Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { daysBetweenInclusive, fromIsoDate, type IsoDate } from "@/lib/leave/dates";
import { readSetting } from "@/lib/settings/settings";
import { canViewAttendance } from "./access";
import { RECORD_SELECT, type StoredRecord } from "./context";
import { monthBounds, recordMinutes } from "./month-days";
import { localDate } from "./time-zone";

export type RecordPage = { rows: StoredRecord[]; total: number; page: number; pageSize: number };

const MAX_RANGE_DAYS = 366;

// Attendance records of one employee (the caller by default) between two local dates, newest
// first; the current month when no dates are given.
export async function listAttendanceRecords(
  user: Principal,
  query: { employeeId?: string; from?: IsoDate; to?: IsoDate; page: number; pageSize: number },
  now: Date = new Date(),
): Promise<RecordPage> {
  const employeeId = query.employeeId ?? user.employeeId;
  if (!employeeId)
    throw new AppError("validation_failed", "Name the employee: your sign-in is not linked to one.", {
      employeeId: "Required for a sign-in without an employee record.",
    });
  if (!(await canViewAttendance(user, employeeId))) throw notFound("That employee");
  const { timeZone } = await readSetting("attendance-schedule");
  const month = monthBounds(localDate(now, timeZone).slice(0, 7));
  const from = query.from ?? (query.to ? query.to.slice(0, 8) + "01" : month.first);
  const to = query.to ?? (query.from ? monthBounds(query.from.slice(0, 7)).last : month.last);
  if (to < from) throw new AppError("validation_failed", "`to` must be on or after `from`.", { to: "Must be on or after `from`." });
  if (daysBetweenInclusive(from, to) > MAX_RANGE_DAYS)
    throw new AppError("validation_failed", `Ask for at most ${MAX_RANGE_DAYS} days at a time.`, { to: `At most ${MAX_RANGE_DAYS} days after \`from\`.` });
  const where = { employeeId, date: { gte: fromIsoDate(from), lte: fromIsoDate(to) } };
  const [total, rows] = await Promise.all([
    db.attendanceRecord.count({ where }),
    db.attendanceRecord.findMany({
      where,
      orderBy: [{ checkInAt: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: RECORD_SELECT,
    }) as Promise<StoredRecord[]>,
  ]);
  return { rows, total, page: query.page, pageSize: query.pageSize };
}

// The API's shape of a record: its local date, full timestamps, and minutes once closed.
export function toApiRecord(record: StoredRecord) {
  return {
    id: record.id,
    employeeId: record.employeeId,
    date: record.date.toISOString().slice(0, 10),
    checkInAt: record.checkInAt.toISOString(),
    checkOutAt: record.checkOutAt?.toISOString() ?? null,
    minutes: recordMinutes(record),
    note: record.note,
    version: record.version,
  };
}
