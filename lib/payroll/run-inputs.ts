import "server-only";
import { db } from "@/lib/db";
import { addDays, fromIsoDate, type IsoDate, toIsoDate } from "@/lib/leave/dates";
import { workingHalfDaysByDay } from "@/lib/leave/working-days";
import { type BasePay, type OneOffAdjustment, type UnpaidDay, type YearToDate } from "./engine";
import { type Calendar } from "./definitions";

// What HRMS already knows about a batch of employees for one period, read in a few queries per
// batch (never one per employee): assignments, unpaid leave from approved requests of unpaid leave
// types, days without attendance where the schedule says so, one-offs, and the last payslip of the
// tax year for year-to-date figures and the change against the previous period.
export type EmployeeInputs = {
  id: string;
  employeeNumber: string;
  name: string;
  hireDate: IsoDate;
  exitDate: IsoDate | null;
  bank: { bankAccountName: string | null; iban: string | null; bic: string | null; sortCode: string | null; bankAccountNumber: string | null };
  assignment: { structureId: string; scheduleId: string; taxCode: string | null; niCategory: string | null };
  basePay: BasePay[];
  unpaidLeave: UnpaidDay[];
  absences: UnpaidDay[];
  adjustments: (OneOffAdjustment & { id: string })[];
  previous: { net: number; yearToDate: YearToDate } | null;
};

export type RunWindow = { periodStart: IsoDate; periodEnd: IsoDate; payDate: IsoDate; taxYearStartsOn: IsoDate; deductAbsences: boolean; today: IsoDate };

function halfDays(days: { date: IsoDate; morning: boolean; afternoon: boolean }[]): UnpaidDay[] {
  return days.filter((day) => day.morning || day.afternoon).map((day) => ({ date: day.date, days: day.morning && day.afternoon ? 1 : 0.5 }));
}

export async function loadEmployeeInputs(employeeIds: string[], window: RunWindow, calendar: Calendar): Promise<EmployeeInputs[]> {
  const start = fromIsoDate(window.periodStart);
  const end = fromIsoDate(window.periodEnd);
  const [employees, assignments, leave, attendance, adjustments, previous] = await Promise.all([
    db.employee.findMany({
      where: { id: { in: employeeIds } },
      select: {
        id: true,
        employeeNumber: true,
        firstName: true,
        lastName: true,
        hireDate: true,
        exitDate: true,
        bankAccountName: true,
        iban: true,
        bic: true,
        sortCode: true,
        bankAccountNumber: true,
      },
      orderBy: { id: "asc" },
    }),
    db.salaryAssignment.findMany({
      where: { employeeId: { in: employeeIds }, effectiveFrom: { lte: end } },
      select: { employeeId: true, structureId: true, scheduleId: true, effectiveFrom: true, baseAmount: true, basePer: true, taxCode: true, niCategory: true },
      orderBy: [{ effectiveFrom: "asc" }, { createdAt: "asc" }],
    }),
    db.leaveRequest.findMany({
      where: { employeeId: { in: employeeIds }, status: { in: ["APPROVED", "CANCELLATION_PENDING"] }, startDate: { lte: end }, endDate: { gte: start } },
      select: { employeeId: true, startDate: true, endDate: true, startsAfternoon: true, endsAtNoon: true, leaveType: { select: { isPaid: true } } },
    }),
    window.deductAbsences
      ? db.attendanceRecord.findMany({ where: { employeeId: { in: employeeIds }, date: { gte: start, lte: end } }, select: { employeeId: true, date: true } })
      : Promise.resolve([]),
    db.payAdjustment.findMany({
      where: { employeeId: { in: employeeIds }, periodStart: start },
      select: { id: true, employeeId: true, code: true, name: true, kind: true, amount: true, reason: true, isTaxable: true },
      orderBy: { createdAt: "asc" },
    }),
    db.payslip.findMany({
      where: {
        employeeId: { in: employeeIds },
        run: { status: { in: ["APPROVED", "PAID"] }, payDate: { lt: fromIsoDate(window.payDate), gte: fromIsoDate(window.taxYearStartsOn) } },
      },
      select: { employeeId: true, net: true, yearToDate: true, run: { select: { payDate: true } } },
    }),
  ]);

  const group = <T extends { employeeId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.employeeId, [...(map.get(row.employeeId) ?? []), row]);
    return map;
  };
  const assignmentsBy = group(assignments);
  const leaveBy = group(leave);
  const attendanceBy = group(attendance);
  const adjustmentsBy = group(adjustments);
  const latestPrevious = new Map<string, (typeof previous)[number]>();
  for (const row of previous) {
    const seen = latestPrevious.get(row.employeeId);
    if (!seen || seen.run.payDate < row.run.payDate) latestPrevious.set(row.employeeId, row);
  }

  const result: EmployeeInputs[] = [];
  for (const employee of employees) {
    const history = assignmentsBy.get(employee.id) ?? [];
    const current = history.at(-1);
    if (!current) continue;
    const hireDate = toIsoDate(employee.hireDate);
    const exitDate = employee.exitDate ? toIsoDate(employee.exitDate) : null;
    const requests = leaveBy.get(employee.id) ?? [];
    const unpaidLeave = requests
      .filter((request) => !request.leaveType.isPaid)
      .flatMap((request) =>
        halfDays(
          workingHalfDaysByDay(
            { start: toIsoDate(request.startDate), end: toIsoDate(request.endDate), startsAfternoon: request.startsAfternoon, endsAtNoon: request.endsAtNoon },
            calendar.workWeek,
            calendar.holidays,
          ),
        ),
      )
      .filter((day) => day.date >= window.periodStart && day.date <= window.periodEnd && day.date >= hireDate && (!exitDate || day.date <= exitDate));
    const absences = window.deductAbsences ? findAbsences(hireDate, exitDate, window, calendar, requests, attendanceBy.get(employee.id) ?? []) : [];
    const last = latestPrevious.get(employee.id);
    result.push({
      id: employee.id,
      employeeNumber: employee.employeeNumber,
      name: `${employee.firstName} ${employee.lastName}`,
      hireDate,
      exitDate,
      bank: {
        bankAccountName: employee.bankAccountName,
        iban: employee.iban,
        bic: employee.bic,
        sortCode: employee.sortCode,
        bankAccountNumber: employee.bankAccountNumber,
      },
      assignment: { structureId: current.structureId, scheduleId: current.scheduleId, taxCode: current.taxCode, niCategory: current.niCategory },
      basePay: history.map((row) => ({ effectiveFrom: toIsoDate(row.effectiveFrom), amount: row.baseAmount, per: row.basePer as BasePay["per"] })),
      unpaidLeave: mergeDays(unpaidLeave),
      absences,
      adjustments: (adjustmentsBy.get(employee.id) ?? []).map((row, index) => ({
        id: row.id,
        // Two one-offs of the same kind in a period each get a line of their own.
        code:
          index === 0 || !(adjustmentsBy.get(employee.id) ?? []).slice(0, index).some((other) => other.code === row.code)
            ? row.code
            : `${row.code}_${index + 1}`,
        name: row.name,
        kind: row.kind as OneOffAdjustment["kind"],
        amount: row.amount,
        reason: row.reason,
        isTaxable: row.kind === "EARNING" ? row.isTaxable : undefined,
        isPreTax: row.kind === "DEDUCTION" ? row.isTaxable : undefined,
      })),
      previous: last ? { net: last.net, yearToDate: JSON.parse(last.yearToDate) as YearToDate } : null,
    });
  }
  return result;
}

// Two requests on one day (a morning and an afternoon) make one whole unpaid day.
function mergeDays(days: UnpaidDay[]): UnpaidDay[] {
  const byDate = new Map<IsoDate, number>();
  for (const day of days) byDate.set(day.date, Math.min(1, (byDate.get(day.date) ?? 0) + day.days));
  return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, total]) => ({ date, days: total >= 1 ? 1 : 0.5 }));
}

// Working days of the employment, up to yesterday, with no attendance record and no approved leave.
function findAbsences(
  hireDate: IsoDate,
  exitDate: IsoDate | null,
  window: RunWindow,
  calendar: Calendar,
  leave: { startDate: Date; endDate: Date }[],
  attendance: { date: Date }[],
): UnpaidDay[] {
  const present = new Set(attendance.map((record) => toIsoDate(record.date)));
  const onLeave = (date: IsoDate) => leave.some((request) => toIsoDate(request.startDate) <= date && date <= toIsoDate(request.endDate));
  const from = hireDate > window.periodStart ? hireDate : window.periodStart;
  const yesterday = addDays(window.today, -1);
  let to = window.periodEnd < yesterday ? window.periodEnd : yesterday;
  if (exitDate && exitDate < to) to = exitDate;
  const days = workingHalfDaysByDay({ start: from, end: to }, calendar.workWeek, calendar.holidays);
  return halfDays(days.filter((day) => !present.has(day.date) && !onLeave(day.date)));
}
