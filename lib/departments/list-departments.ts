import "server-only";
import { can, type Principal } from "@/lib/auth/permissions";
import { employeeScopeWhere } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { selfAndDescendants } from "./org-tree";

export type DepartmentOption = { id: string; name: string; code: string };

export async function listDepartmentOptions(): Promise<DepartmentOption[]> {
  return db.department.findMany({ select: { id: true, name: true, code: true }, orderBy: { name: "asc" } });
}

export type DepartmentRow = {
  id: string;
  name: string;
  code: string;
  parent: { id: string; name: string } | null;
  head: { id: string; firstName: string; lastName: string; jobTitle: string } | null;
  headcount: number;
  version: number;
};

export type DepartmentPage = { rows: DepartmentRow[]; total: number; page: number; pageSize: number; pageCount: number };

const NOT_TERMINATED = { status: { not: "TERMINATED" as const } };

// One page of departments matching the search (every word must match the name or the code), by
// name, with headcount (people not terminated) and where each sits in the tree.
export async function listDepartments(user: Principal, query: { q?: string; page?: number; pageSize?: number }): Promise<DepartmentPage> {
  if (!can(user, "departments:read")) throw forbidden();
  const pageSize = Math.min(Math.max(query.pageSize ?? 25, 1), 100);
  const terms = query.q?.split(/\s+/).filter(Boolean) ?? [];
  const where = {
    AND: terms.map((term) => ({
      OR: [{ name: { contains: term, mode: "insensitive" as const } }, { code: { contains: term, mode: "insensitive" as const } }],
    })),
  };
  const total = await db.department.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(query.page ?? 1, 1), pageCount);
  const rows = await db.department.findMany({
    where,
    orderBy: [{ name: "asc" }, { code: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      name: true,
      code: true,
      version: true,
      parent: { select: { id: true, name: true } },
      head: { select: { id: true, firstName: true, lastName: true, jobTitle: true } },
      _count: { select: { employees: { where: NOT_TERMINATED } } },
    },
  });
  return { rows: rows.map(({ _count, ...row }) => ({ ...row, headcount: _count.employees })), total, page, pageSize, pageCount };
}

// Departments a department may be nested under: any, except itself and what is nested beneath it.
export async function listParentOptions(departmentId?: string): Promise<DepartmentOption[]> {
  const rows = await db.department.findMany({ select: { id: true, name: true, code: true, parentId: true }, orderBy: { name: "asc" } });
  const excluded = departmentId ? selfAndDescendants(rows, departmentId) : new Set<string>();
  return rows.filter((row) => !excluded.has(row.id)).map(({ id, name, code }) => ({ id, name, code }));
}

export type HeadOption = { id: string; firstName: string; lastName: string; jobTitle: string; department: string | null };

// People who may be made head: those still employed whom the user may see, plus the current head
// (who may have left since), so an edit form never silently drops them.
export async function listHeadOptions(user: Principal, currentHeadId?: string | null): Promise<HeadOption[]> {
  const scope = await employeeScopeWhere(user);
  const rows = await db.employee.findMany({
    where: { OR: [{ ...scope, ...NOT_TERMINATED }, ...(currentHeadId ? [{ id: currentHeadId }] : [])] },
    select: { id: true, firstName: true, lastName: true, jobTitle: true, department: { select: { name: true } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows.map(({ department, ...row }) => ({ ...row, department: department?.name ?? null }));
}
