import "server-only";
import { listAuditEntries } from "@/lib/audit/list-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can, ROLE_SCOPE } from "@/lib/auth/permissions";
import { visibleEmployeeIds } from "@/lib/auth/scope";
import { db } from "@/lib/db";

type Status = "ACTIVE" | "ON_LEAVE" | "TERMINATED";

export type DashboardPerson = { id: string; firstName: string; lastName: string; jobTitle: string; department: string | null; date: Date };
export type PeopleThisMonth = { total: number; people: DashboardPerson[] };
export type DepartmentCount = { id: string | null; name: string; count: number };

export type RecentChange = {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  entity: string;
  label: string;
  href: string | null;
  fields: string[];
};

export type MyCard = {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  workEmail: string;
  status: Status;
  hireDate: Date;
  // Whole months since the hire date; negative before the first day.
  tenureMonths: number;
  department: { id: string; name: string } | null;
  manager: { id: string; firstName: string; lastName: string; jobTitle: string } | null;
};

export type OverviewDashboard = {
  kind: "organisation" | "team";
  month: { start: Date; end: Date };
  headcount: number;
  onLeave: number;
  byDepartment: DepartmentCount[];
  newHires: PeopleThisMonth;
  leavers: PeopleThisMonth;
  // null when the user may not read the audit trail.
  recentChanges: RecentChange[] | null;
};

export type SelfDashboard = { kind: "self"; me: MyCard | null };
export type Dashboard = OverviewDashboard | SelfDashboard;

const LIST_LIMIT = 6;
const RECENT_CHANGES = 8;
const NOT_TERMINATED = { status: { not: "TERMINATED" as const } };
const PERSON = { id: true, firstName: true, lastName: true, jobTitle: true, department: { select: { name: true } } } as const;

// The calendar month containing `today`, in UTC, as [start, end).
export function monthOf(today: Date): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)),
    end: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1)),
  };
}

// Whole calendar months from one date to another (negative when `to` is earlier), as tenure is told.
export function monthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (months > 0 && to.getUTCDate() < from.getUTCDate()) return months - 1;
  if (months < 0 && to.getUTCDate() > from.getUTCDate()) return months + 1;
  return months;
}

// The home page's numbers. HR and admins see the organisation, a manager their reporting line
// (themselves included, as in the directory), an employee their own card. `today` is a parameter
// so the month's new hires and leavers can be tested on a fixed date.
export async function getDashboard(user: CurrentUser, today: Date = new Date()): Promise<Dashboard> {
  if (ROLE_SCOPE[user.role] === "self" || !can(user, "employees:read")) return { kind: "self", me: await getMyCard(user, today) };

  const visible = await visibleEmployeeIds(user);
  const scope = visible === null ? {} : { id: { in: visible } };
  const month = monthOf(today);
  const hiredThisMonth = { ...scope, hireDate: { gte: month.start, lt: month.end } };
  const leftThisMonth = { ...scope, exitDate: { gte: month.start, lt: month.end } };

  const [headcount, onLeave, byDepartment, newHires, leavers, recentChanges] = await Promise.all([
    db.employee.count({ where: { ...scope, ...NOT_TERMINATED } }),
    db.employee.count({ where: { ...scope, status: "ON_LEAVE" } }),
    countByDepartment(scope, visible === null),
    peopleWhere(hiredThisMonth, "hireDate"),
    peopleWhere(leftThisMonth, "exitDate"),
    can(user, "audit:read") ? listRecentChanges(user) : Promise.resolve(null),
  ]);

  return {
    kind: visible === null ? "organisation" : "team",
    month,
    headcount,
    onLeave,
    byDepartment,
    newHires,
    leavers,
    recentChanges,
  };
}

// Largest first. The whole organisation lists every department, empty ones too, so a new
// department shows up; a team lists only the departments its people are in.
async function countByDepartment(scope: { id?: { in: string[] } }, isWholeOrganisation: boolean): Promise<DepartmentCount[]> {
  const groups = await db.employee.groupBy({ by: ["departmentId"], where: { ...scope, ...NOT_TERMINATED }, _count: { _all: true } });
  const counts = new Map(groups.map((group) => [group.departmentId, group._count._all]));
  const departments = await db.department.findMany({
    where: isWholeOrganisation ? {} : { id: { in: groups.map((group) => group.departmentId).filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  });
  const rows: DepartmentCount[] = departments.map((department) => ({ id: department.id, name: department.name, count: counts.get(department.id) ?? 0 }));
  rows.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "en"));
  const unassigned = counts.get(null) ?? 0;
  if (unassigned > 0) rows.push({ id: null, name: "No department", count: unassigned });
  return rows;
}

async function peopleWhere(where: object, dateField: "hireDate" | "exitDate"): Promise<PeopleThisMonth> {
  const [total, rows] = await Promise.all([
    db.employee.count({ where }),
    db.employee.findMany({
      where,
      select: { ...PERSON, hireDate: true, exitDate: true },
      orderBy: [{ [dateField]: "desc" }, { lastName: "asc" }],
      take: LIST_LIMIT,
    }),
  ]);
  return {
    total,
    people: rows.map((row) => ({
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      jobTitle: row.jobTitle,
      department: row.department?.name ?? null,
      date: (dateField === "hireDate" ? row.hireDate : row.exitDate) ?? row.hireDate,
    })),
  };
}

// "jobTitle" reads as "job title", "departmentId" as "department", "salaryCents" as "salary".
export function fieldLabel(field: string): string {
  return field
    .replace(/(Id|Cents)$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

// The latest audit entries, each named by the record it touched rather than by an id.
async function listRecentChanges(user: CurrentUser): Promise<RecentChange[]> {
  const { rows } = await listAuditEntries(user, { pageSize: RECENT_CHANGES });
  const idsOf = (entity: string) => [...new Set(rows.filter((row) => row.entity === entity).map((row) => row.entityId))];
  const [employees, departments, users] = await Promise.all([
    db.employee.findMany({ where: { id: { in: idsOf("Employee") } }, select: { id: true, firstName: true, lastName: true } }),
    db.department.findMany({ where: { id: { in: idsOf("Department") } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: idsOf("User") } }, select: { id: true, email: true } }),
  ]);
  const names = new Map<string, { label: string; href: string | null }>([
    ...employees.map((row) => [row.id, { label: `${row.firstName} ${row.lastName}`, href: `/employees/${row.id}` }] as const),
    ...departments.map((row) => [row.id, { label: row.name, href: `/departments/${row.id}` }] as const),
    ...users.map((row) => [row.id, { label: row.email, href: null }] as const),
  ]);
  return rows.map((row) => {
    const known = names.get(row.entityId);
    return {
      id: row.id,
      at: row.createdAt,
      actor: row.actorEmail,
      action: row.action,
      entity: row.entity,
      label: known?.label ?? labelFromChanges(row.changes) ?? `a ${fieldLabel(row.entity)} record`,
      href: known?.href ?? null,
      fields: Object.keys(row.changes).map(fieldLabel),
    };
  });
}

// A removed record is named by the values it had, as the audit entry remembers them.
function labelFromChanges(changes: Record<string, { from: unknown; to: unknown }>): string | null {
  const value = (field: string) => {
    const change = changes[field];
    const text = change ? (change.to ?? change.from) : null;
    return typeof text === "string" && text ? text : null;
  };
  const fullName = [value("firstName"), value("lastName")].filter(Boolean).join(" ");
  return fullName || value("name") || value("email");
}

async function getMyCard(user: CurrentUser, today: Date): Promise<MyCard | null> {
  if (!user.employeeId) return null;
  const me = await db.employee.findUnique({
    where: { id: user.employeeId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      jobTitle: true,
      workEmail: true,
      status: true,
      hireDate: true,
      department: { select: { id: true, name: true } },
      manager: { select: { id: true, firstName: true, lastName: true, jobTitle: true } },
    },
  });
  return me ? { ...me, tenureMonths: monthsBetween(me.hireDate, today) } : null;
}
