import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// A manager may not report, directly or through others, to the person they manage.
export async function assertNoManagerCycle(employeeId: string | null, managerId: string | null | undefined): Promise<void> {
  if (!managerId) return;
  if (managerId === employeeId)
    throw new AppError("validation_failed", "Please correct the highlighted field.", { managerId: "An employee cannot manage themselves." });
  const seen = new Set<string>();
  let current: string | null = managerId;
  while (current && !seen.has(current)) {
    seen.add(current);
    const next: { managerId: string | null } | null = await db.employee.findUnique({ where: { id: current }, select: { managerId: true } });
    if (!next) {
      if (current === managerId)
        throw new AppError("validation_failed", "Please correct the highlighted field.", { managerId: "That manager does not exist." });
      return;
    }
    if (employeeId && next.managerId === employeeId) {
      throw new AppError("validation_failed", "Please correct the highlighted field.", {
        managerId: "That would make a reporting loop: this person is above the chosen manager.",
      });
    }
    current = next.managerId;
  }
}

export async function assertDepartmentExists(departmentId: string | null | undefined): Promise<void> {
  if (!departmentId) return;
  if (!(await db.department.findUnique({ where: { id: departmentId }, select: { id: true } }))) {
    throw new AppError("validation_failed", "Please correct the highlighted field.", { departmentId: "That department does not exist." });
  }
}

export const STALE_EDIT = "Someone else changed this employee after you opened the form. Reload to see their changes, then make yours again.";
