import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpSqliteDatabase } from "@/test/helpers/services";

// A real SQLite database of its own; the seed is imported after it is configured.
await setUpSqliteDatabase("demo-activity");

let seedDemoData: typeof import("./demo-data").seedDemoData;
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

const NOW = new Date("2026-11-26T12:00:00Z");
const TODAY = new Date("2026-11-26T00:00:00Z");

beforeAll(async () => {
  ({ seedDemoData } = await import("./demo-data"));
  ({ db, closeDatabase } = await import("@/lib/db"));
  await seedDemoData(NOW);
});

afterAll(async () => {
  await closeDatabase();
});

describe("the demo organisation's activity, relative to today", () => {
  it("has people out today, leave taken earlier this month and leave planned next month", async () => {
    const approved = await db.leaveRequest.findMany({ where: { status: "APPROVED" }, select: { startDate: true, endDate: true } });
    expect(approved.some((request) => request.startDate <= TODAY && request.endDate >= TODAY)).toBe(true);
    expect(approved.some((request) => request.endDate < TODAY && request.startDate >= new Date("2026-11-01T00:00:00Z"))).toBe(true);
    expect(approved.some((request) => request.startDate >= new Date("2026-12-01T00:00:00Z"))).toBe(true);
  });

  it("has requests waiting for the demo manager, a correction waiting, and notifications", async () => {
    const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@example.com" }, select: { employeeId: true } });
    expect(await db.leaveRequest.count({ where: { status: "PENDING_MANAGER", managerId: manager.employeeId } })).toBeGreaterThan(0);
    expect(await db.attendanceCorrection.count({ where: { status: "PENDING" } })).toBe(1);
    expect(await db.notification.count()).toBeGreaterThan(0);
  });

  it("leaves the demo employee's own leave alone, so their balance starts full", async () => {
    const employee = await db.user.findUniqueOrThrow({ where: { email: "employee@example.com" }, select: { employeeId: true } });
    expect(await db.leaveRequest.count({ where: { employeeId: employee.employeeId! } })).toBe(0);
  });
});
