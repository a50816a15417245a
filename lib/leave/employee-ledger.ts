import "server-only";
import type { Principal } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { canSeeEmployee } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { type IsoDate, toIsoDate } from "./dates";
import { type Balance, getBalances } from "./ledger";
import { LEAVE_ADMIN } from "./permissions";
import { isUnlimited } from "./requests/request-rules";
import { employeeHeading } from "@/lib/employees/format";

export type ExplainedLine = {
  id: string;
  date: IsoDate;
  kind: string;
  reason: string | null;
  halfDays: number;
  // The balance after this line, counting every line before it in date order.
  runningTotal: number;
  // Dated after the "as of" date: scheduled, not yet part of the balance.
  isAfterAsOf: boolean;
  requestId: string | null;
  createdByEmail: string | null;
};

export type ExplainedBalance = Pick<Balance, "balance" | "scheduled" | "pending" | "available" | "lapsing" | "expiresOn"> & {
  type: { id: string; name: string; code: string; color: string; isUnlimited: boolean };
  closing: number;
  lines: ExplainedLine[];
};

export type EmployeeLedger = {
  employee: { id: string; firstName: string; lastName: string; jobTitle: string; department: string | null; hireDate: IsoDate; exitDate: IsoDate | null };
  year: number;
  asOf: IsoDate;
  balances: ExplainedBalance[];
  canAdjust: boolean;
};

// Who may read an employee's ledger: the employee, their managers up the line, and HR.
async function canViewLedger(user: Principal, employeeId: string): Promise<boolean> {
  return user.employeeId === employeeId || can(user, LEAVE_ADMIN) || (await canSeeEmployee(user, employeeId));
}

// An employee's balances for the year of `asOf`, each explained line by line with a running total.
export async function getEmployeeLedger(user: Principal, employeeId: string, asOf: IsoDate, now: Date = new Date()): Promise<EmployeeLedger> {
  if (!(await canViewLedger(user, employeeId))) throw forbidden();
  const employee = await db.employee.findUnique({
    where: { id: employeeId },
    select: { id: true, firstName: true, lastName: true, jobTitle: true, hireDate: true, exitDate: true, department: { select: { name: true } } },
  });
  if (!employee) throw notFound("That employee");
  const year = Number(asOf.slice(0, 4));
  const balances = await getBalances(db, employeeId, year, asOf, { today: toIsoDate(now) });
  return {
    employee: {
      ...employeeHeading(employee),
      hireDate: toIsoDate(employee.hireDate),
      exitDate: employee.exitDate ? toIsoDate(employee.exitDate) : null,
    },
    year,
    asOf,
    canAdjust: can(user, LEAVE_ADMIN),
    balances: balances.map((balance) => {
      let running = 0;
      const lines = balance.lines.map((line) => {
        running += line.halfDays;
        const date = toIsoDate(line.effectiveDate);
        return {
          id: line.id,
          date,
          kind: line.kind,
          reason: line.reason,
          halfDays: line.halfDays,
          runningTotal: running,
          isAfterAsOf: date > asOf,
          requestId: line.requestId,
          createdByEmail: line.createdByEmail,
        };
      });
      return {
        type: { id: balance.type.id, name: balance.type.name, code: balance.type.code, color: balance.type.color, isUnlimited: isUnlimited(balance.type) },
        balance: balance.balance,
        scheduled: balance.scheduled,
        pending: balance.pending,
        available: balance.available,
        lapsing: balance.lapsing,
        expiresOn: balance.expiresOn,
        closing: running,
        lines,
      };
    }),
  };
}
