import "server-only";
import { can, type Principal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { isHrLevel } from "./access";

const CORRECTION_SELECT = {
  id: true,
  version: true,
  date: true,
  checkInAt: true,
  checkOutAt: true,
  reason: true,
  status: true,
  comment: true,
  decidedAt: true,
  createdAt: true,
  recordId: true,
  employee: { select: { id: true, firstName: true, lastName: true, jobTitle: true } },
} as const;

export type CorrectionRow = {
  id: string;
  version: number;
  date: Date;
  checkInAt: Date;
  checkOutAt: Date;
  reason: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  comment: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  recordId: string | null;
  employee: { id: string; firstName: string; lastName: string; jobTitle: string };
};

export async function listMyCorrections(user: Pick<Principal, "employeeId">, limit = 10): Promise<CorrectionRow[]> {
  if (!user.employeeId) return [];
  return (await db.attendanceCorrection.findMany({
    where: { employeeId: user.employeeId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: CORRECTION_SELECT,
  })) as CorrectionRow[];
}

// The corrections this user decides: HR-level users everyone's, managers (with leave:approve)
// those of their direct reports now. Never their own.
function queueWhere(user: Principal) {
  const notMine = user.employeeId ? { employeeId: { not: user.employeeId } } : {};
  if (isHrLevel(user)) return notMine;
  if (!user.employeeId || !can(user, "leave:approve")) return { id: { in: [] as string[] } };
  return { ...notMine, employee: { managerId: user.employeeId } };
}

export type QueuedCorrection = CorrectionRow & { recorded: { checkInAt: Date; checkOutAt: Date | null }[] };

export type CorrectionQueue = { rows: QueuedCorrection[]; total: number; page: number; pageSize: number; pageCount: number };

export async function listCorrectionQueue(
  user: Principal,
  options: { state: "pending" | "decided"; page: number; pageSize?: number },
): Promise<CorrectionQueue> {
  const pageSize = options.pageSize ?? 20;
  const where = { ...queueWhere(user), status: options.state === "pending" ? ("PENDING" as const) : { in: ["APPROVED" as const, "REJECTED" as const] } };
  const total = await db.attendanceCorrection.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(options.page, pageCount);
  const rows = (await db.attendanceCorrection.findMany({
    where,
    orderBy: options.state === "pending" ? [{ createdAt: "asc" }] : [{ decidedAt: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: CORRECTION_SELECT,
  })) as CorrectionRow[];
  // What is on record for those days now, so the approver sees what the correction replaces.
  const recorded = rows.length
    ? await db.attendanceRecord.findMany({
        where: { OR: rows.map((row) => ({ employeeId: row.employee.id, date: row.date })) },
        orderBy: { checkInAt: "asc" },
        select: { employeeId: true, date: true, checkInAt: true, checkOutAt: true },
      })
    : [];
  const sessionsOf = (row: CorrectionRow) =>
    recorded
      .filter((record) => record.employeeId === row.employee.id && record.date.getTime() === row.date.getTime())
      .map(({ checkInAt, checkOutAt }) => ({ checkInAt, checkOutAt }));
  return { rows: rows.map((row) => ({ ...row, recorded: sessionsOf(row) })), total, page, pageSize, pageCount };
}
