import "server-only";
import { db } from "@/lib/db";
import { type PayrollUser, requirePayroll } from "./run-access";

// Employees a payroll user may enter pay for: on payroll (an assignment; on `scheduleId` when given,
// as a run's page asks, so a one-off entered there lands in that run's period), not gone, and not
// the user themselves (nobody enters their own pay).
export async function listPayrollEmployees(user: PayrollUser, filter: { scheduleId?: string } = {}): Promise<{ id: string; label: string }[]> {
  requirePayroll(user);
  const rows = await db.employee.findMany({
    where: {
      status: { not: "TERMINATED" },
      salaryAssignments: { some: filter.scheduleId ? { scheduleId: filter.scheduleId } : {} },
      ...(user.employeeId ? { id: { not: user.employeeId } } : {}),
    },
    select: { id: true, firstName: true, lastName: true, employeeNumber: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows.map((row) => ({ id: row.id, label: `${row.lastName}, ${row.firstName} (${row.employeeNumber})` }));
}
