import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { canSeeEmployee } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { prismaCode } from "@/lib/prisma-errors";
import type { EmployeeInput, OwnContactInput, StatusChangeInput } from "@/lib/validations/employees";
import { assertDepartmentExists, assertNoManagerCycle, STALE_EDIT } from "./employee-rules";
import { changeEmployeeStatus as changeStatus } from "./offboarding";

function toData(input: EmployeeInput) {
  const { salary, ...rest } = input;
  return { ...rest, salaryCents: salary === null || salary === undefined ? null : Math.round(salary * 100) };
}

export async function createEmployee(user: CurrentUser, input: EmployeeInput): Promise<{ id: string }> {
  if (!can(user, "employees:create")) throw forbidden();
  await assertDepartmentExists(input.departmentId);
  await assertNoManagerCycle(null, input.managerId);
  return asUser(user, () => db.employee.create({ data: toData(input), select: { id: true } }));
}

// Optimistic concurrency: the update applies only to the version the form was opened on.
export async function updateEmployee(user: CurrentUser, id: string, version: number, input: EmployeeInput): Promise<{ id: string; version: number }> {
  if (!can(user, "employees:update")) throw forbidden();
  if (!(await canSeeEmployee(user, id))) throw notFound("That employee");
  if (user.employeeId === id) await assertPayUnchanged(id, toData(input));
  await assertDepartmentExists(input.departmentId);
  await assertNoManagerCycle(id, input.managerId);
  try {
    return await asUser(user, () => db.employee.update({ where: { id, version }, data: toData(input), select: { id: true, version: true } }));
  } catch (error) {
    if (prismaCode(error) === "P2025") throw await staleOrMissing(id);
    throw error;
  }
}

// Nobody changes their own pay: HR's own raise goes to another HR user or an admin.
async function assertPayUnchanged(id: string, data: { salaryCents: number | null; salaryCurrency?: string }): Promise<void> {
  const current = await db.employee.findUnique({ where: { id }, select: { salaryCents: true, salaryCurrency: true } });
  if (!current) return;
  const changed = current.salaryCents !== data.salaryCents || (data.salaryCurrency !== undefined && current.salaryCurrency !== data.salaryCurrency);
  if (changed) throw forbidden();
}

// The status form: leaving, rehiring and everything between go through lib/employees/offboarding.ts.
export async function changeEmployeeStatus(user: CurrentUser, id: string, version: number, input: StatusChangeInput) {
  return changeStatus(user, id, version, {
    status: input.status,
    effectiveDate: input.exitDate,
    reason: input.exitReason ?? null,
    newManagerId: input.newManagerId ?? null,
  });
}

// An employee's own contact details; anyone may edit these for themselves only.
export async function updateOwnContact(user: CurrentUser, id: string, version: number, input: OwnContactInput) {
  if (!can(user, "employees:update-own-contact") || user.employeeId !== id) throw forbidden();
  try {
    return await asUser(user, () => db.employee.update({ where: { id, version }, data: input, select: { id: true, version: true } }));
  } catch (error) {
    if (prismaCode(error) === "P2025") throw await staleOrMissing(id);
    throw error;
  }
}

async function staleOrMissing(id: string): Promise<AppError> {
  const exists = await db.employee.findUnique({ where: { id }, select: { id: true } });
  return exists ? new AppError("conflict", STALE_EDIT) : new AppError("not_found", "That employee was not found.");
}
