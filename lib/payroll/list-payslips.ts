import "server-only";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { payslipScope } from "./payslip-access";
import { type PayrollUser } from "./run-access";

export const PAYSLIP_SUMMARY_SELECT = {
  id: true,
  runId: true,
  employeeId: true,
  employee: { select: { employeeNumber: true, firstName: true, lastName: true } },
  run: { select: { periodStart: true, periodEnd: true, payDate: true, status: true } },
  currency: true,
  gross: true,
  totalDeductions: true,
  net: true,
  employerCost: true,
  isFlagged: true,
} as const;

// The caller's own payslips, or (payroll users) anyone's, filtered by employee and run; newest first.
export async function listPayslips(user: PayrollUser, query: { page: number; pageSize: number; employee?: string; run?: string }) {
  const scope = payslipScope(user);
  if (!scope) throw forbidden();
  // Both the filters asked for and the caller's scope hold: someone else's id finds nothing.
  const where = { AND: [{ ...(query.employee ? { employeeId: query.employee } : {}), ...(query.run ? { runId: query.run } : {}) }, scope] };
  const [rows, total] = await Promise.all([
    db.payslip.findMany({
      where,
      select: PAYSLIP_SUMMARY_SELECT,
      orderBy: [{ run: { payDate: "desc" } }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.payslip.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: query.pageSize };
}
