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
  const { run } = filter;
  const rows = await db.employee.findMany({
    where: {
      ...(run ? employeesOfRun(run) : { status: { not: "TERMINATED" }, salaryAssignments: { some: {} } }),
      ...(user.employeeId ? { id: { not: user.employeeId } } : {}),
    },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      employeeNumber: true,
      // The assignment in force at the period's end, as the calculation takes it (lib/payroll/run-inputs.ts):
      // someone who moved to another schedule is paid by that schedule's run.
      salaryAssignments: {
        ...(run ? { where: { effectiveFrom: { lte: run.periodEnd } } } : {}),
        orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
        take: 1,
        select: { scheduleId: true },
      },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows
    .filter((row) => !run || row.salaryAssignments[0]?.scheduleId === run.scheduleId)
    .map((row) => ({ id: row.id, label: `${row.lastName}, ${row.firstName} (${row.employeeNumber})` }));
}
