import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can, type Principal, ROLES } from "@/lib/auth/permissions";
import { canSeeEmployee, teamOf } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Who may see and decide whose attendance: everyone their own, managers their reporting line, and
// HR-level users everyone. "employees:read-sensitive" stands in for HR level until attendance has a
// permission of its own.
export function isHrLevel(user: Pick<Principal, "role">): boolean {
  return can(user, "attendance:admin");
}

export async function canViewAttendance(user: Principal, employeeId: string): Promise<boolean> {
  return user.employeeId === employeeId || isHrLevel(user) || canSeeEmployee(user, employeeId);
}

// Managers of anyone, and HR, see the monthly summary and the approvals queue.
export async function canOverseeAttendance(user: Principal): Promise<boolean> {
  if (isHrLevel(user)) return true;
  return Boolean(user.employeeId) && (await teamOf(user.employeeId!)).length > 0;
}

export function requireOwnEmployee(user: Pick<CurrentUser, "employeeId">): string {
  if (!user.employeeId) throw new AppError("bad_request", "Your sign-in is not linked to an employee record, so there is no attendance to record.");
  return user.employeeId;
}

// HR-level sign-ins, who decide corrections for people without a manager.
export async function hrLevelUserIds(): Promise<string[]> {
  const roles = ROLES.filter((role) => isHrLevel({ role }));
  const users = await db.user.findMany({ where: { role: { in: [...roles] }, isActive: true }, select: { id: true } });
  return users.map((user) => user.id);
}
