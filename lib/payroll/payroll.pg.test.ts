// Integration (real PostgreSQL behind a fault proxy, real SQLite copy): a run calculated on
// PostgreSQL and the same run calculated again on SQLite during an outage give identical payslips;
// approving needs the primary, so it is refused in fallback (the reason said, nothing queued) and
// works once PostgreSQL is back, where the payslips calculated during the outage have arrived.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { newSqliteFile, startRig, waitFor, type Rig } from "@/test/failover/support";

const TODAY = new Date("2026-11-20T10:00:00Z");
let rig: Rig;
let dbModule: typeof import("@/lib/db");
let runs: typeof import("./calculate-run") & typeof import("./create-run") & typeof import("./approve-run");
const users = {} as Record<"ADMIN" | "HR" | "MANAGER" | "EMPLOYEE", CurrentUser>;
let runId: string;
let onPostgres: unknown;

beforeAll(async () => {
  rig = await startRig();
  process.env.DATABASE_URL = rig.url;
  process.env.SQLITE_PATH = await newSqliteFile("payroll-pg");
  process.env.PG_CONNECT_TIMEOUT_MS = "500";
  process.env.PG_PROBE_INTERVAL_MS = "100";
  process.env.PG_PROBE_MAX_INTERVAL_MS = "400";
  process.env.MIRROR_INTERVAL_MS = "100";
  dbModule = await import("@/lib/db");
  runs = { ...(await import("./calculate-run")), ...(await import("./create-run")), ...(await import("./approve-run")) };
  await (await import("@/lib/seed/demo-data")).seedDemoData(TODAY);
  for (const row of await dbModule.db.user.findMany({ select: { id: true, email: true, role: true, employeeId: true } }))
    users[row.role] = { ...row, name: row.email };
}, 120_000);

afterAll(async () => {
  await dbModule?.closeDatabase();
  await rig?.destroy();
});

// The payslips of a run without their ids and timestamps: what must be the same wherever it ran.
async function payslipsOf(id: string) {
  const rows = await dbModule.db.payslip.findMany({
    where: { runId: id },
    select: {
      employeeId: true,
      currency: true,
      gross: true,
      taxablePay: true,
      totalDeductions: true,
      net: true,
      employerCost: true,
      days: true,
      yearToDate: true,
      lines: true,
      previousNet: true,
      isFlagged: true,
    },
    orderBy: { employeeId: "asc" },
  });
  return rows;
}

describe("payroll across a PostgreSQL outage", () => {
  it("calculates on PostgreSQL", async () => {
    expect((await dbModule.dbStatus()).active).toBe("postgres");
    const schedule = await dbModule.db.paySchedule.findUniqueOrThrow({ where: { code: "UK_MONTHLY" } });
    runId = (await runs.createPayRun(users.HR, { scheduleId: schedule.id, date: "2026-11-01" })).id;
    await runs.calculatePayRun(users.HR, runId, { today: "2026-11-20" });
    onPostgres = await payslipsOf(runId);
    expect((onPostgres as unknown[]).length).toBeGreaterThan(50);
  });

  it("gives identical payslips when the same run is calculated again on SQLite", async () => {
    await rig.proxy.setMode("refuse");
    await waitFor(async () => (await dbModule.db.employee.count().then(() => dbModule.dbStatus())).mode === "fallback", { what: "fallback" });
    await runs.calculatePayRun(users.HR, runId, { today: "2026-11-20" });
    expect(await payslipsOf(runId)).toEqual(onPostgres);
  });

  it("refuses approval while on the copy, says why, and queues nothing", async () => {
    const availability = dbModule.primaryAvailability();
    expect(availability.available).toBe(false);
    expect(availability.reason).toMatch(/PostgreSQL/);
    const queued = (await dbModule.dbStatus()).queue;
    await expect(runs.approvePayRun(users.ADMIN, runId)).rejects.toBeInstanceOf(dbModule.PrimaryRequiredError);
    expect((await dbModule.dbStatus()).queue).toBe(queued);
    expect((await dbModule.db.payRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("CALCULATED");
  });

  it("approves on PostgreSQL once it is back, with the payslips calculated during the outage", async () => {
    await rig.proxy.setMode("pass");
    await waitFor(async () => (await dbModule.dbStatus()).mode === "primary", { what: "recovery", timeoutMs: 30_000 });
    expect(dbModule.primaryAvailability().available).toBe(true);
    expect(await payslipsOf(runId)).toEqual(onPostgres);
    await expect(runs.approvePayRun(users.HR, runId)).rejects.toMatchObject({ code: "forbidden" });
    const approved = await runs.approvePayRun(users.ADMIN, runId);
    expect(approved.status).toBe("APPROVED");
    await expect(runs.calculatePayRun(users.HR, runId)).rejects.toMatchObject({ code: "conflict" });
  });
});
