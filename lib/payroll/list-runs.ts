import "server-only";
import { db } from "@/lib/db";
import { type PayrollUser, requirePayroll } from "./run-access";

export const RUN_SELECT = {
  id: true,
  scheduleId: true,
  schedule: { select: { code: true, name: true } },
  frequency: true,
  periodStart: true,
  periodEnd: true,
  payDate: true,
  status: true,
  employeeCount: true,
  calculatedCount: true,
  flaggedCount: true,
  totals: true,
  lastError: true,
  createdById: true,
  calculatedById: true,
  calculatedAt: true,
  approvedById: true,
  approvedAt: true,
  paidById: true,
  paidAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type RunSummary = Awaited<ReturnType<typeof listPayRuns>>["rows"][number];

// Runs newest period first, for payroll users.
export async function listPayRuns(user: PayrollUser, query: { page: number; pageSize: number; status?: string }) {
  requirePayroll(user);
  const where = query.status ? { status: query.status as "DRAFT" } : {};
  const [rows, total] = await Promise.all([
    db.payRun.findMany({
      where,
      select: RUN_SELECT,
      orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.payRun.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: query.pageSize };
}

// A run as lists show it, for answering after a service has checked the caller and acted.
export async function findRunSummary(id: string): Promise<RunSummary> {
  return db.payRun.findUniqueOrThrow({ where: { id }, select: RUN_SELECT });
}
