import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { prismaCode } from "@/lib/prisma-errors";
import type { DepartmentInput } from "@/lib/validations/departments";
import { selfAndDescendants } from "./org-tree";

export const STALE_DEPARTMENT = "Someone else changed this department after you opened the form. Reload to see their changes, then make yours again.";

const invalid = (field: "parentId" | "headId", message: string) =>
  new AppError("validation_failed", "Please correct the highlighted field.", { [field]: message });

// A department cannot sit under itself or under anything nested beneath it. Two simultaneous
// edits could still close a loop between them; the org chart cuts such a loop rather than hiding it.
async function assertValidParent(id: string | null, parentId: string | null): Promise<void> {
  if (!parentId) return;
  if (parentId === id) throw invalid("parentId", "A department cannot be nested under itself.");
  const rows = await db.department.findMany({ select: { id: true, parentId: true } });
  if (!rows.some((row) => row.id === parentId)) throw invalid("parentId", "That parent department does not exist.");
  if (id && selfAndDescendants(rows, id).has(parentId)) {
    throw invalid("parentId", "That would make a loop: the chosen parent is nested under this department.");
  }
}

// Someone who has left may stay head until HR picks a successor, but cannot be newly chosen.
async function assertValidHead(headId: string | null, currentHeadId: string | null): Promise<void> {
  if (!headId) return;
  const head = await db.employee.findUnique({ where: { id: headId }, select: { status: true } });
  if (!head) throw invalid("headId", "That employee does not exist.");
  if (head.status === "TERMINATED" && headId !== currentHeadId) throw invalid("headId", "That person has left; choose someone who still works here.");
}

export async function createDepartment(user: CurrentUser, input: DepartmentInput): Promise<{ id: string }> {
  if (!can(user, "departments:write")) throw forbidden();
  await assertValidParent(null, input.parentId);
  await assertValidHead(input.headId, null);
  return asUser(user, () => db.department.create({ data: input, select: { id: true } }));
}

// Optimistic concurrency: the update applies only to the version the form was opened on.
export async function updateDepartment(user: CurrentUser, id: string, version: number, input: DepartmentInput): Promise<{ id: string; version: number }> {
  if (!can(user, "departments:write")) throw forbidden();
  const current = await db.department.findUnique({ where: { id }, select: { headId: true } });
  if (!current) throw notFound("That department");
  await assertValidParent(id, input.parentId);
  await assertValidHead(input.headId, current.headId);
  try {
    return await asUser(user, () => db.department.update({ where: { id, version }, data: input, select: { id: true, version: true } }));
  } catch (error) {
    if (prismaCode(error) === "P2025") throw await staleOrMissing(id);
    throw error;
  }
}

async function staleOrMissing(id: string): Promise<AppError> {
  const exists = await db.department.findUnique({ where: { id }, select: { id: true } });
  return exists ? new AppError("conflict", STALE_DEPARTMENT) : notFound("That department");
}
