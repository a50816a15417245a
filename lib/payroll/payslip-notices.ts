import "server-only";
import { db } from "@/lib/db";
import { toIsoDate } from "@/lib/leave/dates";
import { notify } from "@/lib/notifications/notify";

// "Your payslip is ready", in the app and by email when email is configured, to everyone paid in
// the run; a batch at a time so a large run stays bounded.
const BATCH = 1_000;

export async function notifyPayslips(run: { id: string; periodStart: Date; periodEnd: Date; payDate: Date }): Promise<number> {
  let cursor: string | undefined;
  let sent = 0;
  for (;;) {
    const payslips = await db.payslip.findMany({
      where: { runId: run.id, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, employeeId: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (payslips.length === 0) return sent;
    cursor = payslips.at(-1)!.id;
    sent += await notify({
      employeeIds: payslips.map((payslip) => payslip.employeeId),
      kind: "payroll.payslip",
      title: "Your payslip is ready",
      body: `Your payslip for ${toIsoDate(run.periodStart)} to ${toIsoDate(run.periodEnd)}, paid on ${toIsoDate(run.payDate)}, is ready to view and download.`,
      link: "/payroll/payslips",
    });
  }
}
