// Finding 6 of the security review (decisions), as the attack: deciding needs both the permission
// and the current reporting line (or HR); a reorganisation takes the old manager's say away; and
// nobody adjusts their own leave balance or changes their own pay.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { openSqliteApp } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

let app: Awaited<ReturnType<typeof load>>;
const people = {} as Record<"hr" | "manager" | "employee", CurrentUser>;
let leaveTypeId = "";

function load() {
  return openSqliteApp("decisions", async () => ({
    decideLeave: (await import("@/lib/leave/requests/decide-leave-request")).decideLeaveRequest,
    decideCorrection: (await import("@/lib/attendance/decide-correction")).decideCorrection,
    adjustBalance: (await import("@/lib/leave/adjustments")).adjustBalance,
    updateEmployee: (await import("@/lib/employees/save-employee")).updateEmployee,
    ZEmployeeInput: (await import("@/lib/validations/employees")).ZEmployeeInput,
  }));
}

let serial = 0;
async function report(managerId: string | null) {
  serial += 1;
  return app.db.employee.create({
    data: {
      employeeNumber: `DEC-${serial}`,
      firstName: "Dee",
      lastName: `Cision ${serial}`,
      workEmail: `dec.${serial}@example.com`,
      jobTitle: "Analyst",
      hireDate: new Date("2022-01-03"),
      managerId,
    },
    select: { id: true },
  });
}

async function pendingLeave(employeeId: string, managerId: string | null) {
  serial += 1;
  return app.db.leaveRequest.create({
    data: {
      employeeId,
      leaveTypeId,
      startDate: new Date(`2031-04-${String((serial % 28) + 1).padStart(2, "0")}`),
      endDate: new Date(`2031-04-${String((serial % 28) + 1).padStart(2, "0")}`),
      halfDays: 2,
      status: "PENDING_MANAGER",
      managerId,
    },
    select: { id: true, version: true },
  });
}

async function pendingCorrection(employeeId: string, approverId: string | null) {
  return app.db.attendanceCorrection.create({
    data: {
      employeeId,
      date: new Date("2031-04-01"),
      checkInAt: new Date("2031-04-01T09:00:00Z"),
      checkOutAt: new Date("2031-04-01T17:00:00Z"),
      reason: "forgot",
      approverId,
    },
    select: { id: true, version: true },
  });
}

const outcome = (work: Promise<unknown>) =>
  work.then(
    () => "allowed",
    (error: { code?: string }) => error.code ?? String(error),
  );

beforeAll(async () => {
  app = await load();
  await app.seedDemoData();
  for (const key of ["hr", "manager", "employee"] as const) {
    const row = await app.db.user.findUniqueOrThrow({
      where: { email: `${key}@example.com` },
      select: { id: true, email: true, role: true, employeeId: true },
    });
    people[key] = { ...row, name: key };
  }
  leaveTypeId = (await app.db.leaveType.findFirstOrThrow({ select: { id: true } })).id;
});

afterAll(async () => {
  await app?.closeDatabase();
});

describe("[LEAVE]: deciding needs the permission and the current reporting line", () => {
  it("someone without leave:approve cannot decide, even for their own report", async () => {
    const { id } = await report(people.employee.employeeId);
    const request = await pendingLeave(id, people.employee.employeeId);
    expect(await outcome(app.decideLeave(people.employee, request.id, request.version, { decision: "approve", comment: null }))).toBe("forbidden");
    const correction = await pendingCorrection(id, people.employee.employeeId);
    expect(await outcome(app.decideCorrection(people.employee, { id: correction.id, version: correction.version, decision: "APPROVE" } as never))).toBe(
      "forbidden",
    );
  });

  it("after a reorganisation the previous manager no longer decides; the new one does", async () => {
    const { id } = await report(people.manager.employeeId);
    const request = await pendingLeave(id, people.manager.employeeId);
    const correction = await pendingCorrection(id, people.manager.employeeId);
    await app.db.employee.update({ where: { id }, data: { managerId: null } });
    expect(await outcome(app.decideLeave(people.manager, request.id, request.version, { decision: "approve", comment: null }))).toBe("forbidden");
    expect(await outcome(app.decideCorrection(people.manager, { id: correction.id, version: correction.version, decision: "APPROVE" } as never))).toBe(
      "forbidden",
    );
    await app.db.employee.update({ where: { id }, data: { managerId: people.manager.employeeId } });
    expect(await outcome(app.decideLeave(people.manager, request.id, request.version, { decision: "approve", comment: null }))).toBe("allowed");
  });
});

describe("[HR]: nobody acts on their own record", () => {
  it("HR cannot add days to their own leave balance", async () => {
    const input = { employeeId: people.hr.employeeId!, leaveTypeId, effectiveDate: "2031-01-02", days: 10, reason: "Treat myself" };
    expect(await outcome(app.adjustBalance(people.hr, input as never))).toBe("forbidden");
  });

  it("HR cannot change their own pay, but may edit their own other fields", async () => {
    const current = await app.db.employee.findUniqueOrThrow({ where: { id: people.hr.employeeId! } });
    const raise = app.ZEmployeeInput.parse({ ...current, salary: (current.salaryCents ?? 0) / 100 + 50_000 });
    expect(await outcome(app.updateEmployee(people.hr, current.id, current.version, raise))).toBe("forbidden");
    const phone = app.ZEmployeeInput.parse({ ...current, salary: current.salaryCents === null ? null : current.salaryCents / 100, phone: "+44 20 7946 0000" });
    expect(await outcome(app.updateEmployee(people.hr, current.id, current.version, phone))).toBe("allowed");
  });
});
