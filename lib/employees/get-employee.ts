import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { canSeeEmployee } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { JOB_FIELDS_SELECT, SENSITIVE_EMPLOYEE_SELECT } from "@/lib/employees/employee-select";

const BASE = {
  id: true,
  ...JOB_FIELDS_SELECT,
  status: true,
  exitDate: true,
  exitReason: true,
  version: true,
  updatedAt: true,
  department: { select: { id: true, name: true } },
  manager: { select: { id: true, firstName: true, lastName: true, jobTitle: true } },
  reports: { select: { id: true, firstName: true, lastName: true, jobTitle: true, status: true }, orderBy: { lastName: "asc" as const } },
} as const;

export type EmployeeProfile = Awaited<ReturnType<typeof getEmployeeProfile>>;

// One employee as this user may see them: salary and personal data only for HR and admins, and
// for the employee themselves (their own personal data, not their salary).
export async function getEmployeeProfile(user: CurrentUser, id: string) {
  if (!can(user, "employees:read") || !(await canSeeEmployee(user, id))) throw notFound("That employee");
  const isSelf = user.employeeId === id;
  const seesSensitive = can(user, "employees:read-sensitive");
  const employee = await db.employee.findUnique({ where: { id }, select: { ...BASE, ...SENSITIVE_EMPLOYEE_SELECT, departmentId: true, managerId: true } });
  if (!employee) throw notFound("That employee");
  const { salaryCents, salaryCurrency, dateOfBirth, personalEmail, address, emergencyName, emergencyRelation, emergencyPhone, ...base } = employee;
  const personal = { dateOfBirth, personalEmail, address, emergencyName, emergencyRelation, emergencyPhone };
  return {
    ...base,
    personal: seesSensitive || isSelf ? personal : null,
    salary: seesSensitive ? { cents: salaryCents, currency: salaryCurrency } : null,
    isSelf,
  };
}
