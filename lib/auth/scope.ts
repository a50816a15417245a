import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { ROLE_SCOPE, type Principal } from "./permissions";

// The employee ids a manager is responsible for: their reports, their reports' reports, and so on.
async function reportingLine(managerId: string): Promise<string[]> {
  const seen = new Set<string>();
  let frontier = [managerId];
  while (frontier.length && seen.size < 100_000) {
    const reports = await db.employee.findMany({ where: { managerId: { in: frontier } }, select: { id: true } });
    frontier = reports.map((report) => report.id).filter((id) => !seen.has(id));
    frontier.forEach((id) => seen.add(id));
  }
  return [...seen];
}

export const teamOf = cache(reportingLine);

// Which employee records this principal may see: null means everyone.
export async function visibleEmployeeIds(principal: Principal): Promise<string[] | null> {
  const scope = ROLE_SCOPE[principal.role];
  if (scope === "all") return null;
  if (!principal.employeeId) return [];
  if (scope === "self") return [principal.employeeId];
  return [principal.employeeId, ...(await teamOf(principal.employeeId))];
}

export async function employeeScopeWhere(principal: Principal): Promise<{ id?: { in: string[] } }> {
  const ids = await visibleEmployeeIds(principal);
  return ids === null ? {} : { id: { in: ids } };
}

export async function canSeeEmployee(principal: Principal, employeeId: string): Promise<boolean> {
  const ids = await visibleEmployeeIds(principal);
  return ids === null || ids.includes(employeeId);
}
