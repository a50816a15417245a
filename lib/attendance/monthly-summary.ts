import "server-only";
import type { Principal } from "@/lib/auth/permissions";
import { employeeScopeWhere } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { fromIsoDate, toIsoDate } from "@/lib/leave/dates";
import { canOverseeAttendance } from "./access";
import { loadApprovedLeave, loadAttendanceContext, RECORD_SELECT, type StoredRecord, toRecordInput } from "./context";
import { buildMonth, monthBounds, type MonthTotals, type RecordInput } from "./month-days";

export type SummaryRow = {
  employee: { id: string; employeeNumber: string; firstName: string; lastName: string; department: string | null };
  totals: MonthTotals;
};

export type MonthlySummary = { month: string; timeZone: string; rows: SummaryRow[]; totals: MonthTotals };

const ZERO: MonthTotals = { workingDays: 0, presentDays: 0, absentDays: 0, leaveDays: 0, lateCount: 0, earlyCount: 0, minutes: 0 };

// Every employee the caller may see who was employed during the month, with the month's totals
// counted by the same rules as each person's own calendar.
export async function monthlySummary(user: Principal, month: string, departmentId?: string, now: Date = new Date()): Promise<MonthlySummary> {
  if (!(await canOverseeAttendance(user))) throw forbidden();
  const { first, last } = monthBounds(month);
  const employeeWhere = {
    ...(await employeeScopeWhere(user)),
    ...(departmentId ? { departmentId } : {}),
    hireDate: { lte: fromIsoDate(last) },
    OR: [{ exitDate: null, status: { not: "TERMINATED" as const } }, { exitDate: { gte: fromIsoDate(first) } }],
  };
  const employees = await db.employee.findMany({
    where: employeeWhere,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, employeeNumber: true, firstName: true, lastName: true, hireDate: true, exitDate: true, department: { select: { name: true } } },
  });
  const ids = employees.map((employee) => employee.id);
  const [context, records, leave] = await Promise.all([
    loadAttendanceContext(first, last),
    db.attendanceRecord.findMany({
      where: { date: { gte: fromIsoDate(first), lte: fromIsoDate(last) }, employee: employeeWhere },
      select: RECORD_SELECT,
    }) as Promise<StoredRecord[]>,
    loadApprovedLeave(ids, first, last),
  ]);
  const recordsBy = new Map<string, RecordInput[]>();
  for (const record of records) recordsBy.set(record.employeeId, [...(recordsBy.get(record.employeeId) ?? []), toRecordInput(record)]);

  const totals = { ...ZERO };
  const rows = employees.map((employee): SummaryRow => {
    const built = buildMonth({
      month,
      now,
      ...context,
      employment: { hireDate: toIsoDate(employee.hireDate), exitDate: employee.exitDate ? toIsoDate(employee.exitDate) : null },
      records: recordsBy.get(employee.id) ?? [],
      leaves: leave.get(employee.id) ?? [],
    });
    for (const key of Object.keys(totals) as (keyof MonthTotals)[]) totals[key] += built.totals[key];
    return {
      employee: {
        id: employee.id,
        employeeNumber: employee.employeeNumber,
        firstName: employee.firstName,
        lastName: employee.lastName,
        department: employee.department?.name ?? null,
      },
      totals: built.totals,
    };
  });
  return { month, timeZone: context.schedule.timeZone, rows, totals };
}
