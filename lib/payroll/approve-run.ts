import "server-only";
import { asUser } from "@/lib/auth/actor";
import { onPrimary } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { notifyPayslips } from "./payslip-notices";
import { type PayrollUser, requirePayroll } from "./run-access";

// Money is decided on the primary database only: approving a run and marking it paid run as one
// transaction on PostgreSQL (onPrimary refuses with PrimaryRequiredError while the app serves from
// its SQLite copy). After approval a run is locked; nothing in lib/payroll changes a locked run's
// payslips.
export const SELF_APPROVAL = "A run is approved by a second person: you calculated this one.";

export async function approvePayRun(user: PayrollUser, runId: string) {
  requirePayroll(user, "payroll:approve");
  return asUser(user, () =>
    onPrimary(async (tx) => {
      const run = await tx.payRun.findUnique({ where: { id: runId }, select: { id: true, status: true, version: true, calculatedById: true } });
      if (!run) throw notFound("That pay run");
      if (run.status !== "CALCULATED") throw new AppError("conflict", `Only a calculated run can be approved; this one is ${run.status.toLowerCase()}.`);
      if (run.calculatedById === user.id) throw new AppError("forbidden", SELF_APPROVAL);
      return tx.payRun.update({
        where: { id: runId, version: run.version },
        data: { status: "APPROVED", approvedById: user.id, approvedAt: new Date(), version: { increment: 1 } },
      });
    }),
  );
}

export async function markPayRunPaid(user: PayrollUser, runId: string) {
  requirePayroll(user, "payroll:approve");
  const run = await asUser(user, () =>
    onPrimary(async (tx) => {
      const current = await tx.payRun.findUnique({ where: { id: runId }, select: { id: true, status: true, version: true } });
      if (!current) throw notFound("That pay run");
      if (current.status !== "APPROVED")
        throw new AppError("conflict", `Only an approved run can be marked paid; this one is ${current.status.toLowerCase()}.`);
      return tx.payRun.update({
        where: { id: runId, version: current.version },
        data: { status: "PAID", paidById: user.id, paidAt: new Date(), version: { increment: 1 } },
      });
    }),
  );
  await notifyPayslips(run);
  return run;
}
