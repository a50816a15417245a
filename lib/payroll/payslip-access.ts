import "server-only";
import { can } from "@/lib/auth/permissions";
import { type PayrollUser } from "./run-access";

// Who sees which payslips: payroll users every one; anyone else only their own, and only once
// the run is approved (a calculation under review is not pay yet). Managers see no one else's.
export const RELEASED = ["APPROVED", "PAID"] as const;

export function payslipScope(user: PayrollUser): { employeeId?: string; run?: { status: { in: ("APPROVED" | "PAID")[] } } } | null {
  if (can(user, "payroll:manage")) return {};
  if (!can(user, "payroll:view-own") || !user.employeeId) return null;
  return { employeeId: user.employeeId, run: { status: { in: [...RELEASED] } } };
}
