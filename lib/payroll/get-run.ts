import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { RUN_SELECT } from "./list-runs";
import { type PayrollUser, requirePayroll } from "./run-access";

// One run with a page of its payslips: per employee the net pay, the previous period's and the flag.
export async function getPayRun(user: PayrollUser, id: string, query: { page: number; pageSize: number; flaggedOnly?: boolean } = { page: 1, pageSize: 50 }) {
  requirePayroll(user);
  const run = await db.payRun.findUnique({ where: { id }, select: RUN_SELECT });
  if (!run) throw notFound("That pay run");
  const where = { runId: id, ...(query.flaggedOnly ? { isFlagged: true } : {}) };
  const [payslips, total] = await Promise.all([
    db.payslip.findMany({
      where,
      select: {
        id: true,
        employeeId: true,
        employee: { select: { employeeNumber: true, firstName: true, lastName: true } },
        currency: true,
        gross: true,
        totalDeductions: true,
        net: true,
        employerCost: true,
        previousNet: true,
        isFlagged: true,
        flagReason: true,
      },
      orderBy: [{ isFlagged: "desc" }, { employee: { lastName: "asc" } }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.payslip.count({ where }),
  ]);
  return { run, payslips, total, page: query.page, pageSize: query.pageSize };
}
