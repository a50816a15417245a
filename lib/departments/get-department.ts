import "server-only";
import { can, type Principal } from "@/lib/auth/permissions";
import { visibleEmployeeIds } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";

const NOT_TERMINATED = { status: { not: "TERMINATED" as const } };
const PERSON = { id: true, firstName: true, lastName: true, jobTitle: true } as const;
export const MEMBER_LIMIT = 200;

export type DepartmentMember = { id: string; firstName: string; lastName: string; jobTitle: string; status: "ACTIVE" | "ON_LEAVE" | "TERMINATED" };

export type DepartmentDetail = Awaited<ReturnType<typeof getDepartment>>;

// One department with its place in the tree and its people. The department's facts (head,
// headcount, sub-departments) are for everyone who may see departments; the member list holds only
// the people this user may see, and says how many others there are.
export async function getDepartment(user: Principal, id: string) {
  if (!can(user, "departments:read")) throw forbidden();
  const department = await db.department.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      code: true,
      version: true,
      parentId: true,
      headId: true,
      updatedAt: true,
      parent: { select: { id: true, name: true, code: true } },
      head: { select: { ...PERSON, status: true } },
      children: {
        select: { id: true, name: true, code: true, head: { select: PERSON }, _count: { select: { employees: { where: NOT_TERMINATED } } } },
        orderBy: { name: "asc" },
      },
      _count: { select: { employees: { where: NOT_TERMINATED } } },
    },
  });
  if (!department) throw notFound("That department");

  const [visible, ancestors] = await Promise.all([visibleEmployeeIds(user), ancestorsOf(department.id, department.parentId)]);
  const memberWhere = { departmentId: id, ...NOT_TERMINATED, ...(visible === null ? {} : { id: { in: visible } }) };
  const [members, visibleMembers] = await Promise.all([
    db.employee.findMany({
      where: memberWhere,
      select: { ...PERSON, status: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      take: MEMBER_LIMIT,
    }) as Promise<DepartmentMember[]>,
    db.employee.count({ where: memberWhere }),
  ]);

  const { _count, children, head, ...rest } = department;
  return {
    ...rest,
    ancestors,
    head: head ? { ...head, isVisible: visible === null || visible.includes(head.id) } : null,
    headcount: _count.employees,
    children: children.map(({ _count: childCount, ...child }) => ({ ...child, headcount: childCount.employees })),
    members,
    visibleMembers,
    // People in the department whom this user may not see individually.
    hiddenMembers: Math.max(0, _count.employees - visibleMembers),
  };
}

// The chain of parents from the top of the tree down to the direct parent, for a breadcrumb; a
// loop in the data ends the chain instead of spinning.
async function ancestorsOf(id: string, parentId: string | null): Promise<{ id: string; name: string }[]> {
  if (!parentId) return [];
  const rows = await db.department.findMany({ select: { id: true, name: true, parentId: true } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const chain: { id: string; name: string }[] = [];
  const seen = new Set([id]);
  let current = byId.get(parentId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift({ id: current.id, name: current.name });
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}
