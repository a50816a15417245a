import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";

export type PayrollUser = Pick<CurrentUser, "id" | "email" | "role" | "employeeId">;

export const LOCKED = "This pay run is approved and locked: correct it with an arrears or reversal line in a later run.";

export function requirePayroll(user: PayrollUser, permission: "payroll:manage" | "payroll:approve" = "payroll:manage"): void {
  if (!can(user, permission)) throw forbidden();
}

export async function findRunOrThrow(id: string) {
  const run = await db.payRun.findUnique({ where: { id } });
  if (!run) throw notFound("That pay run");
  return run;
}

export function assertNotLocked(run: { status: string }): void {
  if (run.status === "APPROVED" || run.status === "PAID") throw new AppError("conflict", LOCKED);
}
