import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import type { UserListQuery } from "./validations";

export const USERS_PAGE_SIZE = 25;

export type UserRow = {
  id: string;
  email: string;
  role: "ADMIN" | "HR" | "MANAGER" | "EMPLOYEE";
  isActive: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  employee: { id: string; firstName: string; lastName: string; employeeNumber: string } | null;
};

// One page of sign-ins, matching every word of the search against the email or the linked
// employee's name or number. Never selects the password hash.
export async function listUsers(
  actor: CurrentUser,
  query: UserListQuery,
): Promise<{ rows: UserRow[]; total: number; page: number; pageSize: number; pageCount: number }> {
  if (!can(actor, "users:manage")) throw forbidden();
  const terms = query.q?.split(/\s+/).filter(Boolean) ?? [];
  const where = {
    AND: terms.map((term) => ({
      OR: [
        { email: { contains: term, mode: "insensitive" as const } },
        { employee: { is: { firstName: { contains: term, mode: "insensitive" as const } } } },
        { employee: { is: { lastName: { contains: term, mode: "insensitive" as const } } } },
        { employee: { is: { employeeNumber: { contains: term, mode: "insensitive" as const } } } },
      ],
    })),
  };
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ email: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      email: true,
      role: true,
      isActive: true,
      lastSignInAt: true,
      createdAt: true,
      employee: { select: { id: true, firstName: true, lastName: true, employeeNumber: true } },
    },
  });
  return { rows, total, page, pageSize: USERS_PAGE_SIZE, pageCount };
}

// Employees who have no sign-in yet, for the "create a sign-in" form.
export async function listEmployeesWithoutSignIn(actor: CurrentUser) {
  if (!can(actor, "users:manage")) throw forbidden();
  return db.employee.findMany({
    where: { user: { is: null }, status: { not: "TERMINATED" } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: 1000,
    select: { id: true, firstName: true, lastName: true, employeeNumber: true, workEmail: true },
  });
}
