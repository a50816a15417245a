import "server-only";
import type { Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { fromIsoDate, toIsoDate } from "@/lib/leave/dates";
import { canViewAttendance } from "./access";
import { loadApprovedLeave, loadAttendanceContext, RECORD_SELECT, type StoredRecord, toRecordInput } from "./context";
import { type AttendanceDay, buildMonth, monthBounds, type MonthTotals, type Schedule } from "./month-days";
import { employeeHeading } from "@/lib/employees/format";

export type MonthView = {
  employee: { id: string; firstName: string; lastName: string; jobTitle: string; department: string | null };
  month: string;
  schedule: Schedule;
  days: AttendanceDay[];
  totals: MonthTotals;
};

// One employee's month, day by day. Someone the caller may not see is "not found", so ids cannot
// be probed.
export async function monthView(user: Principal, employeeId: string, month: string, now: Date = new Date()): Promise<MonthView> {
  if (!(await canViewAttendance(user, employeeId))) throw notFound("That employee");
  const employee = await db.employee.findUnique({
    where: { id: employeeId },
    select: { id: true, firstName: true, lastName: true, jobTitle: true, hireDate: true, exitDate: true, department: { select: { name: true } } },
  });
  if (!employee) throw notFound("That employee");
  const { first, last } = monthBounds(month);
  const [context, records, leave] = await Promise.all([
    loadAttendanceContext(first, last),
    db.attendanceRecord.findMany({
      where: { employeeId, date: { gte: fromIsoDate(first), lte: fromIsoDate(last) } },
      orderBy: { checkInAt: "asc" },
      select: RECORD_SELECT,
    }) as Promise<StoredRecord[]>,
    loadApprovedLeave([employeeId], first, last),
  ]);
  const { days, totals } = buildMonth({
    month,
    now,
    ...context,
    employment: { hireDate: toIsoDate(employee.hireDate), exitDate: employee.exitDate ? toIsoDate(employee.exitDate) : null },
    records: records.map(toRecordInput),
    leaves: leave.get(employeeId) ?? [],
  });
  return {
    employee: employeeHeading(employee),
    month,
    schedule: context.schedule,
    days,
    totals,
  };
}
