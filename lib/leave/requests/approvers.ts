import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import type { LeaveRequestStatus } from "./status";

// Who may decide what. Nobody decides on their own leave. A manager decides for their direct
// reports only with the leave:approve permission and only while they are the employee's manager
// now: after a reorganisation the new manager decides, not the one recorded on the request.
// HR-level users (LEAVE_ADMIN) may act for anyone at any stage, and only they take the second,
// HR step.
export type DecidableRequest = { employeeId: string; managerId: string | null; status: LeaveRequestStatus };

export function isLeaveAdmin(user: Pick<CurrentUser, "role">): boolean {
  return can(user, LEAVE_ADMIN);
}

export function isManagerOf(user: Pick<CurrentUser, "role" | "employeeId">, _request: { managerId: string | null }, currentManagerId: string | null): boolean {
  return Boolean(user.employeeId && currentManagerId === user.employeeId && can(user, "leave:approve"));
}

export function canDecide(user: Pick<CurrentUser, "role" | "employeeId">, request: DecidableRequest, currentManagerId: string | null): boolean {
  if (user.employeeId === request.employeeId) return false;
  if (request.status === "PENDING_HR") return isLeaveAdmin(user);
  if (request.status === "PENDING_MANAGER" || request.status === "CANCELLATION_PENDING")
    return isLeaveAdmin(user) || isManagerOf(user, request, currentManagerId);
  return false;
}

// The sign-ins to tell about a request awaiting HR.
export async function leaveAdminUserIds(exceptEmployeeId?: string): Promise<string[]> {
  const roles = ROLES.filter((role) => can({ role }, LEAVE_ADMIN));
  const users = await db.user.findMany({
    where: { role: { in: [...roles] }, isActive: true, ...(exceptEmployeeId ? { OR: [{ employeeId: null }, { employeeId: { not: exceptEmployeeId } }] } : {}) },
    select: { id: true },
  });
  return users.map((user) => user.id);
}
