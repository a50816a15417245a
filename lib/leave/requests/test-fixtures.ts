// People, sign-ins and leave types for the request workflow's integration tests. Each call makes
// fresh rows, so tests do not share balances by accident. Takes `db` as an argument because the
// tests import the data layer only after pointing it at their own database.
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/permissions";
import type { db as Db } from "@/lib/db";

type Database = typeof Db;

let counter = 0;
const next = () => `${process.pid}-${++counter}`;

export async function makeEmployee(db: Database, data: { managerId?: string | null; hireDate?: string; firstName?: string } = {}): Promise<string> {
  const key = next();
  const employee = await db.employee.create({
    data: {
      employeeNumber: `LR-${key}`,
      firstName: data.firstName ?? "Test",
      lastName: `Person ${key}`,
      workEmail: `leave-${key}@example.com`,
      jobTitle: "Engineer",
      hireDate: new Date(`${data.hireDate ?? "2024-01-15"}T00:00:00Z`),
      managerId: data.managerId ?? null,
    },
    select: { id: true },
  });
  return employee.id;
}

// A sign-in, so notifications have someone to reach.
export async function makeUser(db: Database, role: Role, employeeId: string | null): Promise<CurrentUser> {
  const key = next();
  const user = await db.user.create({
    data: { email: `user-${key}@example.com`, passwordHash: "not-used", role, employeeId },
    select: { id: true, email: true },
  });
  return { id: user.id, email: user.email, role, employeeId, name: `${role} ${key}` };
}

export async function makeLeaveType(
  db: Database,
  data: Partial<{
    yearlyHalfDays: number;
    allowsHalfDays: boolean;
    requiresHrApproval: boolean;
    requiresAttachment: boolean;
    maxConsecutiveDays: number | null;
    isPaid: boolean;
  }> = {},
): Promise<string> {
  const key = next();
  const type = await db.leaveType.create({ data: { code: `T${key}`, name: `Leave ${key}`, yearlyHalfDays: 20, ...data }, select: { id: true } });
  return type.id;
}

export function request(
  leaveTypeId: string,
  startDate: string,
  endDate: string,
  extra: Partial<{ startsAfternoon: boolean; endsAtNoon: boolean; reason: string | null; attachmentName: string | null }> = {},
) {
  return { leaveTypeId, startDate, endDate, startsAfternoon: false, endsAtNoon: false, reason: null, attachmentName: null, ...extra };
}

export async function ledgerSum(db: Database, employeeId: string, leaveTypeId: string, year: number): Promise<number> {
  const lines = await db.leaveLedgerEntry.findMany({ where: { employeeId, leaveTypeId, year }, select: { halfDays: true } });
  return lines.reduce((sum, line) => sum + line.halfDays, 0);
}
