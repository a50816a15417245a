import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canSeeEmployee } from "@/lib/auth/scope";
import { db, type AuditChanges } from "@/lib/db";
import type { IsoDate } from "@/lib/leave/dates";
import { isLeaveAdmin, isManagerOf } from "./approvers";
import { type BalanceAfter, balancesAfter, type LeaveRequestRow, toLeaveRequestRow } from "./list-leave-requests";
import { todayIso } from "./request-rules";
import { LEAVE_STATUS_LABELS, type LeaveRequestStatus } from "./status";

export type HistoryEvent = { at: Date; actor: string | null; text: string; comment: string | null };

export type LeaveRequestDetail = LeaveRequestRow & {
  type: LeaveRequestRow["type"] & { requiresHrApproval: boolean };
  manager: { id: string; name: string } | null;
  managerDecidedAt: Date | null;
  hrDecidedAt: Date | null;
  isOwn: boolean;
  history: HistoryEvent[];
  ledger: { id: string; kind: string; halfDays: number; effectiveDate: Date; reason: string | null }[];
  // For someone who may decide: the balance once decided.
  balanceAfter: BalanceAfter | null;
};

function describeChange(from: LeaveRequestStatus | null, to: LeaveRequestStatus): string {
  if (from === null) return to === "PENDING_HR" ? "Requested; sent to HR" : "Requested; sent to the manager";
  if (from === "PENDING_MANAGER" && to === "PENDING_HR") return "Approved by the manager; sent to HR";
  if (from === "CANCELLATION_PENDING") return to === "CANCELLED" ? "Cancellation approved" : "Cancellation refused; the leave stands";
  if (to === "CANCELLATION_PENDING") return "Cancellation requested";
  return LEAVE_STATUS_LABELS[to];
}

// The request's history, from the audit trail the data layer writes with every change.
async function historyOf(id: string): Promise<HistoryEvent[]> {
  const entries = await db.auditLog.findMany({
    where: { entity: "LeaveRequest", entityId: id },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, actorEmail: true, changes: true },
  });
  const emails = [...new Set(entries.map((entry) => entry.actorEmail).filter((email): email is string => Boolean(email)))];
  const users = emails.length
    ? await db.user.findMany({ where: { email: { in: emails } }, select: { email: true, employee: { select: { firstName: true, lastName: true } } } })
    : [];
  const names = new Map(users.map((user) => [user.email, user.employee ? `${user.employee.firstName} ${user.employee.lastName}` : user.email]));
  const events: HistoryEvent[] = [];
  for (const entry of entries) {
    const changes = JSON.parse(entry.changes) as AuditChanges;
    const status = changes.status as { from: LeaveRequestStatus | null; to: LeaveRequestStatus } | undefined;
    if (!status) continue;
    const said = status.from === null ? [changes.reason?.to] : [changes.managerComment?.to, changes.hrComment?.to, changes.cancelReason?.to];
    const comment = said.find((value): value is string => typeof value === "string" && value.length > 0) ?? null;
    events.push({
      at: entry.createdAt,
      actor: entry.actorEmail ? (names.get(entry.actorEmail) ?? entry.actorEmail) : null,
      text: describeChange(status.from, status.to),
      comment,
    });
  }
  return events;
}

// One request, for the employee, their manager(s) and HR; null for anyone else.
export async function getLeaveRequest(user: CurrentUser, id: string, options: { today?: IsoDate } = {}): Promise<LeaveRequestDetail | null> {
  const today = options.today ?? todayIso();
  const row = await db.leaveRequest.findUnique({
    where: { id },
    include: {
      employee: { select: { id: true, firstName: true, lastName: true, jobTitle: true, managerId: true } },
      leaveType: { select: { id: true, name: true, color: true, yearlyHalfDays: true, requiresHrApproval: true } },
    },
  });
  if (!row) return null;
  const isOwn = row.employeeId === user.employeeId;
  const isAdmin = isLeaveAdmin(user);
  const isManager = isManagerOf(user, row, row.employee.managerId);
  if (!isOwn && !isAdmin && !isManager && !(await canSeeEmployee(user, row.employeeId))) return null;

  const managerId = row.managerId ?? row.employee.managerId;
  const [manager, history, ledger] = await Promise.all([
    managerId ? db.employee.findUnique({ where: { id: managerId }, select: { id: true, firstName: true, lastName: true } }) : Promise.resolve(null),
    historyOf(row.id),
    db.leaveLedgerEntry.findMany({
      where: { requestId: row.id },
      select: { id: true, kind: true, halfDays: true, effectiveDate: true, reason: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const base = toLeaveRequestRow(row, user, isAdmin, today);
  const detail: LeaveRequestDetail = {
    ...base,
    type: { ...base.type, requiresHrApproval: row.leaveType.requiresHrApproval },
    manager: manager ? { id: manager.id, name: `${manager.firstName} ${manager.lastName}` } : null,
    managerDecidedAt: row.managerDecidedAt,
    hrDecidedAt: row.hrDecidedAt,
    isOwn,
    history: history.length ? history : [{ at: row.createdAt, actor: null, text: "Requested", comment: null }],
    ledger,
    balanceAfter: null,
  };
  if (detail.canDecide) detail.balanceAfter = (await balancesAfter([detail], { today })).get(detail.id) ?? null;
  return detail;
}
