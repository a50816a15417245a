import "server-only";
import { teamOf } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { listDepartmentOptions, type DepartmentOption } from "@/lib/departments/list-departments";

export type ManagerOption = { id: string; name: string; jobTitle: string };
export type EmployeeFormOptions = { departments: DepartmentOption[]; managers: ManagerOption[] };

// Choices for the employee form's selects. Callers are pages already gated by employees:create or
// employees:update, whose users see everyone. When editing, the employee and everyone below them are
// left out (choosing one would make a reporting loop, which the service refuses anyway), and the
// current manager is kept even if they have left, so the form does not silently change it.
export async function listEmployeeFormOptions(editing?: { id: string; managerId: string | null }): Promise<EmployeeFormOptions> {
  const excluded = editing ? [editing.id, ...(await teamOf(editing.id))] : [];
  const [departments, managers] = await Promise.all([
    listDepartmentOptions(),
    db.employee.findMany({
      where: {
        id: { notIn: excluded },
        OR: [{ status: { not: "TERMINATED" as const } }, ...(editing?.managerId ? [{ id: editing.managerId }] : [])],
      },
      select: { id: true, firstName: true, lastName: true, jobTitle: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
  ]);
  return {
    departments,
    managers: managers.map((manager) => ({ id: manager.id, name: `${manager.firstName} ${manager.lastName}`, jobTitle: manager.jobTitle })),
  };
}

// Names for the department and employee ids mentioned in an employee's history. Only names are
// returned: the same facts the directory shows.
export async function findNamesForIds(ids: { departmentIds: string[]; employeeIds: string[] }): Promise<Record<string, string>> {
  const [departments, employees] = await Promise.all([
    ids.departmentIds.length ? db.department.findMany({ where: { id: { in: ids.departmentIds } }, select: { id: true, name: true } }) : Promise.resolve([]),
    ids.employeeIds.length
      ? db.employee.findMany({ where: { id: { in: ids.employeeIds } }, select: { id: true, firstName: true, lastName: true } })
      : Promise.resolve([]),
  ]);
  return Object.fromEntries([
    ...departments.map((department) => [department.id, department.name] as const),
    ...employees.map((employee) => [employee.id, `${employee.firstName} ${employee.lastName}`] as const),
  ]);
}
