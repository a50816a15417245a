import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { visibleEmployeeIds } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { loadWorkCalendar } from "@/lib/leave/calendar";
import { addDays, daysInMonth, fromIsoDate, type IsoDate, isoWeekday, toIsoDate } from "@/lib/leave/dates";
import { LIVE_STATUSES, PENDING_STATUSES, type LeaveRequestStatus } from "./status";

export type CalendarDay = { date: IsoDate; day: number; weekday: number; isWorkDay: boolean; holiday: { name: string; isHalfDay: boolean } | null };
export type CalendarCell = {
  requestId: string;
  typeName: string;
  color: string;
  status: LeaveRequestStatus;
  isPending: boolean;
  morning: boolean;
  afternoon: boolean;
  isFirst: boolean;
  isLast: boolean;
};
export type CalendarRow = { id: string; name: string; jobTitle: string; department: string | null; cells: (CalendarCell | null)[] };

export type TeamCalendar = {
  month: string; // YYYY-MM
  days: CalendarDay[];
  rows: CalendarRow[];
  types: { name: string; color: string }[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  scope: "all" | "team" | "self";
};

const PAGE_SIZE = 25;

// A month of leave, people by days: approved and pending leave (a cancellation awaiting a decision
// still shows as approved), with weekends and holidays marked. Who appears follows the viewer's
// scope: HR everyone (optionally one department), a manager their reporting line, others themselves.
export async function teamCalendar(user: CurrentUser, month: string, options: { departmentId?: string; page?: number } = {}): Promise<TeamCalendar> {
  const [year, monthNumber] = month.split("-").map(Number);
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, "0")}`;
  const visible = await visibleEmployeeIds(user);
  const scope = visible === null ? "all" : visible.length > 1 ? "team" : "self";

  const where = {
    ...(visible === null ? {} : { id: { in: visible } }),
    ...(options.departmentId ? { departmentId: options.departmentId } : {}),
    hireDate: { lte: fromIsoDate(last) },
    OR: [{ status: { not: "TERMINATED" as const } }, { exitDate: { gte: fromIsoDate(first) } }],
  };
  const total = await db.employee.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(options.page ?? 1, 1), pageCount);
  const [people, calendar, holidays] = await Promise.all([
    db.employee.findMany({
      where,
      select: { id: true, firstName: true, lastName: true, jobTitle: true, department: { select: { name: true } } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    loadWorkCalendar(first, last),
    db.holiday.findMany({ where: { date: { gte: fromIsoDate(first), lte: fromIsoDate(last) } }, select: { date: true, name: true, isHalfDay: true } }),
  ]);
  const holidayByDate = new Map(holidays.map((holiday) => [toIsoDate(holiday.date), { name: holiday.name, isHalfDay: holiday.isHalfDay }]));
  const days: CalendarDay[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    days.push({
      date,
      day: Number(date.slice(8)),
      weekday: isoWeekday(date),
      isWorkDay: calendar.workWeek.includes(isoWeekday(date)),
      holiday: holidayByDate.get(date) ?? null,
    });
  }

  const requests = people.length
    ? await db.leaveRequest.findMany({
        where: {
          employeeId: { in: people.map((person) => person.id) },
          status: { in: LIVE_STATUSES },
          startDate: { lte: fromIsoDate(last) },
          endDate: { gte: fromIsoDate(first) },
        },
        select: {
          id: true,
          employeeId: true,
          status: true,
          startDate: true,
          endDate: true,
          startsAfternoon: true,
          endsAtNoon: true,
          leaveType: { select: { name: true, color: true } },
        },
      })
    : [];

  const types = new Map<string, string>();
  const rows = people.map((person) => {
    const cells: (CalendarCell | null)[] = days.map(() => null);
    for (const request of requests.filter((item) => item.employeeId === person.id)) {
      const start = toIsoDate(request.startDate);
      const end = toIsoDate(request.endDate);
      const status = request.status as LeaveRequestStatus;
      types.set(request.leaveType.name, request.leaveType.color);
      days.forEach((day, index) => {
        if (day.date < start || day.date > end) return;
        cells[index] = {
          requestId: request.id,
          typeName: request.leaveType.name,
          color: request.leaveType.color,
          status,
          isPending: PENDING_STATUSES.includes(status),
          morning: !(day.date === start && request.startsAfternoon),
          afternoon: !(day.date === end && request.endsAtNoon),
          isFirst: day.date === start,
          isLast: day.date === end,
        };
      });
    }
    return { id: person.id, name: `${person.firstName} ${person.lastName}`, jobTitle: person.jobTitle, department: person.department?.name ?? null, cells };
  });

  return {
    month,
    days,
    rows,
    types: [...types].map(([name, color]) => ({ name, color })).sort((a, b) => a.name.localeCompare(b.name, "en")),
    total,
    page,
    pageSize: PAGE_SIZE,
    pageCount,
    scope,
  };
}
