import "server-only";
import { db } from "@/lib/db";
import { employeesOfRun } from "./calculate-run";
import { type PayrollUser, requirePayroll } from "./run-access";

// Employees a payroll user may enter pay for, never the user themselves (nobody enters their own
// pay). For a run's page: exactly the people the run pays (a one-off entered there lands in that
// run), leavers of the period included for their final pay. Otherwise: anyone on payroll (an
// assignment) who has not left.
export async function listPayrollEmployees(
  user: PayrollUser,
  filter: { run?: { scheduleId: string; periodStart: Date; periodEnd: Date } } = {},
): Promise<{ id: string; label: string }[]> {
  requirePayroll(user);
  const rows = await db.employee.findMany({
    where: {
      ...(filter.run ? employeesOfRun(filter.run) : { status: { not: "TERMINATED" }, salaryAssignments: { some: {} } }),
      ...(user.employeeId ? { id: { not: user.employeeId } } : {}),
    },
    select: { id: true, firstName: true, lastName: true, employeeNumber: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows.map((row) => ({ id: row.id, label: `${row.lastName}, ${row.firstName} (${row.employeeNumber})` }));
}
