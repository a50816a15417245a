import "server-only";
import { db } from "@/lib/db";

export const LEAVE_TYPE_SELECT = {
  id: true,
  version: true,
  code: true,
  name: true,
  isPaid: true,
  yearlyHalfDays: true,
  accrual: true,
  carryForwardMaxHalfDays: true,
  carryForwardExpiryMonths: true,
  maxConsecutiveDays: true,
  allowsHalfDays: true,
  requiresAttachment: true,
  requiresHrApproval: true,
  employmentTypes: true,
  isActive: true,
  color: true,
} as const;

export type LeaveTypeRow = {
  id: string;
  version: number;
  code: string;
  name: string;
  isPaid: boolean;
  yearlyHalfDays: number;
  accrual: "UPFRONT" | "MONTHLY";
  carryForwardMaxHalfDays: number;
  carryForwardExpiryMonths: number | null;
  maxConsecutiveDays: number | null;
  allowsHalfDays: boolean;
  requiresAttachment: boolean;
  requiresHrApproval: boolean;
  employmentTypes: string;
  isActive: boolean;
  color: string;
};

// Every leave type, active ones first, with how many requests use each (a type in use is
// deactivated rather than removed).
export async function listLeaveTypes(): Promise<(LeaveTypeRow & { requestCount: number })[]> {
  const rows = await db.leaveType.findMany({
    select: { ...LEAVE_TYPE_SELECT, _count: { select: { requests: true } } },
    orderBy: [{ isActive: "desc" }, { name: "asc" }],
  });
  return rows.map(({ _count, ...row }) => ({ ...(row as LeaveTypeRow), requestCount: _count.requests }));
}
