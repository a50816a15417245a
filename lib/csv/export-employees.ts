import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { employeeScopeWhere } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { directoryOrderBy, directoryWhere } from "@/lib/employees/list-employees";
import { forbidden } from "@/lib/errors";
import type { DirectoryQuery } from "@/lib/validations/employees";
import { EMPLOYEE_CSV_COLUMNS, SENSITIVE_CSV_COLUMNS, toCsvValues, toEmployeeCsv, type EmployeeForCsv } from "./employee-csv";
import { JOB_FIELDS_SELECT, SENSITIVE_EMPLOYEE_SELECT } from "@/lib/employees/employee-select";

// Every employee of the directory view `query` that `user` may see, in the import's format;
// sensitive columns only for those who may read them.
export async function exportEmployeesCsv(user: CurrentUser, query: DirectoryQuery): Promise<string> {
  if (!can(user, "employees:export")) throw forbidden();
  const seesSensitive = can(user, "employees:read-sensitive");
  const rows = (await db.employee.findMany({
    where: directoryWhere(query, await employeeScopeWhere(user)),
    orderBy: directoryOrderBy(query),
    select: {
      ...JOB_FIELDS_SELECT,
      department: { select: { code: true } },
      manager: { select: { employeeNumber: true } },
      ...(seesSensitive ? SENSITIVE_EMPLOYEE_SELECT : {}),
    },
  })) as EmployeeForCsv[];
  const columns = seesSensitive ? EMPLOYEE_CSV_COLUMNS : EMPLOYEE_CSV_COLUMNS.filter((column) => !SENSITIVE_CSV_COLUMNS.has(column));
  return toEmployeeCsv(rows.map(toCsvValues), columns);
}
