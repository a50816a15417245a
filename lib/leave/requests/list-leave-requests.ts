import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { visibleEmployeeIds } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import type { IsoDate } from "@/lib/leave/dates";
import { getBalance } from "@/lib/leave/ledger";
import { canDecide, isLeaveAdmin } from "./approvers";
import { balanceAsOf, hasStarted, isUnlimited, todayIso } from "./request-rules";
import { REQUEST_CORE_SELECT } from "./request-record";
import { AWAITING_DECISION, type LeaveRequestStatus } from "./status";

export type LeaveListView = "mine" | "approvals" | "all";
export type LeaveListFilter = { view: LeaveListView; status?: LeaveRequestStatus; page?: number; pageSize?: number };

// What a request says about itself, as stored: the period, the reason and what each person wrote.
type StoredRequestFields = {
  startDate: Date;
  endDate: Date;
  startsAfternoon: boolean;
  endsAtNoon: boolean;
  halfDays: number;
  reason: string | null;
  attachmentName: string | null;
  managerComment: string | null;
  hrComment: string | null;
  cancelReason: string | null;
  createdAt: Date;
};

export type LeaveRequestRow = StoredRequestFields & {
  id: string;
  version: number;
  status: LeaveRequestStatus;
  employee: { id: string; name: string; jobTitle: string };
  type: { id: string; name: string; color: string; isUnlimited: boolean };
  canCancel: boolean;
  // Cancelling needs the approver's agreement (the leave has started).
  cancelNeedsAgreement: boolean;
  canDecide: boolean;
};

export type LeaveRequestPage = { rows: LeaveRequestRow[]; total: number; page: number; pageSize: number; pageCount: number };

const SELECT = {
  ...REQUEST_CORE_SELECT,
  reason: true,
  attachmentName: true,
  managerComment: true,
  hrComment: true,
  cancelReason: true,
  createdAt: true,
  employee: { select: { id: true, firstName: true, lastName: true, jobTitle: true, managerId: true } },
  leaveType: { select: { id: true, name: true, color: true, yearlyHalfDays: true } },
} as const;

// The requests a view shows: one's own; those awaiting the viewer's decision (a manager's direct
// reports at the manager stage and their cancellations; for HR, everything awaiting anyone); or
// everything the viewer may see (HR everyone, a manager their reporting line, others their own).
async function whereFor(user: CurrentUser, view: LeaveListView) {
  if (view === "mine") return { employeeId: user.employeeId ?? "" };
  if (view === "approvals") {
    const notOwn = user.employeeId ? { employeeId: { not: user.employeeId } } : {};
    if (isLeaveAdmin(user)) return { status: { in: AWAITING_DECISION }, ...notOwn };
    if (!user.employeeId) return { id: "" };
    return {
      status: { in: ["PENDING_MANAGER", "CANCELLATION_PENDING"] as LeaveRequestStatus[] },
      ...notOwn,
      OR: [{ managerId: user.employeeId }, { employee: { managerId: user.employeeId } }],
    };
  }
  const visible = await visibleEmployeeIds(user);
  return visible === null ? {} : { employeeId: { in: visible } };
}

export async function listLeaveRequests(user: CurrentUser, filter: LeaveListFilter, options: { today?: IsoDate } = {}): Promise<LeaveRequestPage> {
  const today = options.today ?? todayIso();
  const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 100);
  const base = await whereFor(user, filter.view);
  const where = filter.status ? { AND: [base, { status: filter.status }] } : base;
  const total = await db.leaveRequest.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(filter.page ?? 1, 1), pageCount);
  const rows = await db.leaveRequest.findMany({
    where,
    select: SELECT,
    orderBy: filter.view === "approvals" ? [{ startDate: "asc" }, { createdAt: "asc" }] : [{ startDate: "desc" }, { createdAt: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const isAdmin = isLeaveAdmin(user);
  return {
    total,
    page,
    pageSize,
    pageCount,
    rows: rows.map((row) => toLeaveRequestRow(row, user, isAdmin, today)),
  };
}

export type BalanceAfter = { isUnlimited: boolean; balance: number; scheduled: number; otherPending: number; remainingAfter: number };

// For each request awaiting a decision: what the employee's balance would be once it is decided
// (approving a request takes its days; approving a cancellation gives them back). Other pending
// requests are reported beside it, not subtracted: they may yet be refused.
export async function balancesAfter(rows: LeaveRequestRow[], options: { today?: IsoDate } = {}): Promise<Map<string, BalanceAfter>> {
  const today = options.today ?? todayIso();
  const result = new Map<string, BalanceAfter>();
  const cache = new Map<string, Awaited<ReturnType<typeof getBalance>>>();
  for (const row of rows) {
    const year = row.startDate.getUTCFullYear();
    const key = `${row.employee.id}:${row.type.id}:${year}`;
    if (!cache.has(key)) cache.set(key, await getBalance(db, row.employee.id, row.type.id, year, balanceAsOf(year, today)));
    const balance = cache.get(key)!;
    const isPending = row.status === "PENDING_MANAGER" || row.status === "PENDING_HR";
    const change = row.status === "CANCELLATION_PENDING" ? row.halfDays : isPending ? -row.halfDays : 0;
    result.set(row.id, {
      isUnlimited: row.type.isUnlimited,
      balance: balance.balance,
      scheduled: balance.scheduled,
      otherPending: balance.pending - (isPending ? row.halfDays : 0),
      remainingAfter: balance.balance - balance.scheduled + change,
    });
  }
  return result;
}

type SelectedRequest = StoredRequestFields & {
  id: string;
  version: number;
  status: string;
  employeeId: string;
  managerId: string | null;
  employee: { id: string; firstName: string; lastName: string; jobTitle: string; managerId: string | null };
  leaveType: { id: string; name: string; color: string; yearlyHalfDays: number };
};

// One request as the viewer sees it, with what they may do with it; the detail page adds to this.
export function toLeaveRequestRow(row: SelectedRequest, user: CurrentUser, isAdmin: boolean, today: IsoDate): LeaveRequestRow {
  const status = row.status as LeaveRequestStatus;
  const isOwn = row.employeeId === user.employeeId;
  const canCancel = (isOwn || isAdmin) && ["PENDING_MANAGER", "PENDING_HR", "APPROVED"].includes(status);
  return {
    id: row.id,
    version: row.version,
    status,
    employee: { id: row.employee.id, name: `${row.employee.firstName} ${row.employee.lastName}`, jobTitle: row.employee.jobTitle },
    type: { id: row.leaveType.id, name: row.leaveType.name, color: row.leaveType.color, isUnlimited: isUnlimited(row.leaveType) },
    startDate: row.startDate,
    endDate: row.endDate,
    startsAfternoon: row.startsAfternoon,
    endsAtNoon: row.endsAtNoon,
    halfDays: row.halfDays,
    reason: row.reason,
    attachmentName: row.attachmentName,
    managerComment: row.managerComment,
    hrComment: row.hrComment,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt,
    canCancel,
    cancelNeedsAgreement: canCancel && status === "APPROVED" && hasStarted(row.startDate, today) && !(isAdmin && !isOwn),
    canDecide: canDecide(user, { employeeId: row.employeeId, managerId: row.managerId, status }, row.employee.managerId),
  };
}
