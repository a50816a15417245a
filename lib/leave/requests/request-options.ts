import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { appliesTo } from "@/lib/leave/ledger";
import { isLeaveAdmin } from "./approvers";
import { isUnlimited } from "./request-rules";

export type RequestableType = {
  id: string;
  name: string;
  color: string;
  allowsHalfDays: boolean;
  requiresAttachment: boolean;
  requiresHrApproval: boolean;
  maxConsecutiveDays: number | null;
  isUnlimited: boolean;
  // Comma-separated employment types it applies to; empty for all.
  employmentTypes: string;
};

export type RequestFormOptions = {
  types: RequestableType[];
  // HR only: the people they may request leave for, with their employment type.
  employees: { id: string; name: string; employmentType: string }[] | null;
  self: { id: string; employmentType: string } | null;
};

// The choices of the request form: active leave types (for oneself, those that apply), and for
// HR everyone still employed.
export async function getRequestFormOptions(user: CurrentUser): Promise<RequestFormOptions> {
  const [types, self, employees] = await Promise.all([
    db.leaveType.findMany({
      where: { isActive: true },
      select: {
        id: true,
        name: true,
        color: true,
        allowsHalfDays: true,
        requiresAttachment: true,
        requiresHrApproval: true,
        maxConsecutiveDays: true,
        yearlyHalfDays: true,
        employmentTypes: true,
      },
      orderBy: { name: "asc" },
    }),
    user.employeeId ? db.employee.findUnique({ where: { id: user.employeeId }, select: { id: true, employmentType: true } }) : Promise.resolve(null),
    isLeaveAdmin(user)
      ? db.employee.findMany({
          where: { status: { not: "TERMINATED" } },
          select: { id: true, firstName: true, lastName: true, employmentType: true },
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        })
      : Promise.resolve(null),
  ]);
  const usable = types.map(({ yearlyHalfDays, ...type }) => ({ ...type, isUnlimited: isUnlimited({ yearlyHalfDays }) }));
  return {
    types: employees ? usable : usable.filter((type) => self && appliesTo(type, self.employmentType)),
    employees:
      employees?.map((employee) => ({ id: employee.id, name: `${employee.lastName}, ${employee.firstName}`, employmentType: employee.employmentType })) ?? null,
    self,
  };
}
