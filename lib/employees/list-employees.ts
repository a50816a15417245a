import "server-only";
import type { Principal } from "@/lib/auth/permissions";
import { employeeScopeWhere } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import type { DirectoryQuery } from "@/lib/validations/employees";

export type DirectoryRow = {
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  workEmail: string;
  jobTitle: string;
  status: "ACTIVE" | "ON_LEAVE" | "TERMINATED";
  hireDate: Date;
  department: { id: string; name: string } | null;
  manager: { id: string; firstName: string; lastName: string } | null;
};

export type DirectoryPage = { rows: DirectoryRow[]; total: number; page: number; pageSize: number; pageCount: number };

export function directoryOrderBy(query: DirectoryQuery) {
  const dir = query.dir;
  switch (query.sort) {
    case "hireDate":
      return [{ hireDate: dir }, { lastName: "asc" as const }];
    case "department":
      return [{ department: { name: dir } }, { lastName: "asc" as const }];
    case "jobTitle":
      return [{ jobTitle: dir }, { lastName: "asc" as const }];
    default:
      return [{ lastName: dir }, { firstName: dir }];
  }
}

export function directoryWhere(query: DirectoryQuery, scope: { id?: { in: string[] } }) {
  const terms = query.q?.split(/\s+/).filter(Boolean) ?? [];
  return {
    ...scope,
    ...(query.department ? { departmentId: query.department } : {}),
    ...(query.status ? { status: query.status } : {}),
    // Every word must match a name, the email or the employee number: "ada lov" finds Ada Lovelace.
    AND: terms.map((term) => ({
      OR: [
        { firstName: { contains: term, mode: "insensitive" as const } },
        { lastName: { contains: term, mode: "insensitive" as const } },
        { workEmail: { contains: term, mode: "insensitive" as const } },
        { employeeNumber: { contains: term, mode: "insensitive" as const } },
      ],
    })),
  };
}

// The directory: one page of the employees this principal may see that match the query, with the
// total for pagination.
export async function listEmployees(principal: Principal, query: DirectoryQuery): Promise<DirectoryPage> {
  const filter = directoryWhere(query, await employeeScopeWhere(principal));
  const total = await db.employee.count({ where: filter });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db.employee.findMany({
    where: filter,
    orderBy: directoryOrderBy(query),
    skip: (page - 1) * query.pageSize,
    take: query.pageSize,
    select: {
      id: true,
      employeeNumber: true,
      firstName: true,
      lastName: true,
      workEmail: true,
      jobTitle: true,
      status: true,
      hireDate: true,
      department: { select: { id: true, name: true } },
      manager: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  return { rows, total, page, pageSize: query.pageSize, pageCount };
}
