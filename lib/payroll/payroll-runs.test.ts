// Integration (SQLite alone, as a new user runs it): the demo payroll, the run's life from draft
// to paid, the lock after approval, the second-person rule, who sees which payslips, a correction
// in a later run, and a calculation cut off half-way that carries on to the same result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { newSqliteFile } from "@/test/failover/support";

const TODAY = new Date("2026-11-20T10:00:00Z");

let db: (typeof import("@/lib/db"))["db"];
let closeDatabase: () => Promise<void>;
let runs: typeof import("./calculate-run") & typeof import("./create-run") & typeof import("./approve-run") & typeof import("./adjustments");
let payslips: typeof import("./list-payslips") & typeof import("./get-payslip");
const users = {} as Record<"ADMIN" | "HR" | "MANAGER" | "EMPLOYEE", CurrentUser>;

beforeAll(async () => {
  process.env.DATABASE_URL = "";
  process.env.SQLITE_PATH = await newSqliteFile("payroll-runs");
  ({ db, closeDatabase } = await import("@/lib/db"));
  runs = { ...(await import("./calculate-run")), ...(await import("./create-run")), ...(await import("./approve-run")), ...(await import("./adjustments")) };
  payslips = { ...(await import("./list-payslips")), ...(await import("./get-payslip")) };
  await (await import("@/lib/seed/demo-data")).seedDemoData(TODAY);
  for (const row of await db.user.findMany({ select: { id: true, email: true, role: true, employeeId: true } })) users[row.role] = { ...row, name: row.email };
});

afterAll(async () => {
  await closeDatabase?.();
});

const page = { page: 1, pageSize: 100 };

describe("the demo payroll", () => {
  it("has the last two months approved and paid, with a payslip for the demo employee in each", async () => {
    const paid = await db.payRun.findMany({
      where: { status: "PAID" },
      orderBy: { periodStart: "asc" },
      select: { periodStart: true, approvedById: true, calculatedById: true },
    });
    expect(paid.map((run) => run.periodStart.toISOString().slice(0, 10))).toEqual(["2026-09-01", "2026-10-01"]);
    expect(paid.every((run) => run.approvedById !== run.calculatedById)).toBe(true);
    const own = await payslips.listPayslips(users.EMPLOYEE, page);
    expect(own.total).toBe(2);
    expect(own.rows.every((row) => row.employeeId === users.EMPLOYEE.employeeId)).toBe(true);
  });

  it("keeps every total the sum of its lines, and net = gross - deductions", async () => {
    const rows = await db.payslip.findMany({ select: { id: true, gross: true, totalDeductions: true, net: true, employerContributions: true, lines: true } });
    const all = rows.map((row) => ({ ...row, lines: JSON.parse(row.lines) as { kind: string; amount: number }[] }));
    expect(all.length).toBeGreaterThan(50);
    for (const payslip of all) {
      const sum = (kind: string) => payslip.lines.filter((line) => line.kind === kind).reduce((total, line) => total + line.amount, 0);
      expect({ gross: sum("EARNING"), deductions: sum("DEDUCTION"), employer: sum("EMPLOYER_CONTRIBUTION") }).toEqual({
        gross: payslip.gross,
        deductions: payslip.totalDeductions,
        employer: payslip.employerContributions,
      });
      expect(payslip.net).toBe(payslip.gross - payslip.totalDeductions);
    }
  });

  it("carries the year to date from September into October", async () => {
    const [september, october] = (await payslips.listPayslips(users.EMPLOYEE, page)).rows.sort((a, b) => a.run.payDate.getTime() - b.run.payDate.getTime());
    const detail = await payslips.getPayslip(users.EMPLOYEE, october.id);
    expect(detail.yearToDate.gross).toBe(september.gross + october.gross + (await ytdBefore(september.id)));
    expect(detail.lines.every((line) => line.basis.length > 0 && line.rounding.length > 0)).toBe(true);
  });
});

async function ytdBefore(septemberId: string) {
  const september = await payslips.getPayslip(users.HR, septemberId);
  return september.yearToDate.gross - september.gross;
}

describe("who sees pay", () => {
  it("shows a manager only their own payslips, never their team's", async () => {
    const seen = await payslips.listPayslips(users.MANAGER, { ...page, employee: "" });
    expect(seen.rows.every((row) => row.employeeId === users.MANAGER.employeeId)).toBe(true);
    const someone = await db.payslip.findFirstOrThrow({ where: { employeeId: users.EMPLOYEE.employeeId! }, select: { id: true } });
    await expect(payslips.getPayslip(users.MANAGER, someone.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows HR everyone's", async () => {
    expect((await payslips.listPayslips(users.HR, page)).total).toBe(await db.payslip.count());
  });
});

describe("a run's life", () => {
  let runId: string;

  it("refuses to change an approved run, and to take one-offs for its period", async () => {
    const locked = await db.payRun.findFirstOrThrow({ where: { status: "PAID" }, select: { id: true, periodStart: true } });
    await expect(runs.calculatePayRun(users.HR, locked.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(
      runs.addPayAdjustment(users.HR, {
        employeeId: users.EMPLOYEE.employeeId!,
        periodStart: locked.periodStart.toISOString().slice(0, 10),
        code: "BONUS",
        name: "Bonus",
        kind: "EARNING",
        amount: 100,
        reason: "late",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("corrects a paid payslip with an arrears line in the next run", async () => {
    const paid = await db.payslip.findFirstOrThrow({
      where: { employeeId: users.EMPLOYEE.employeeId!, run: { periodStart: new Date("2026-10-01T00:00:00Z") } },
      select: { id: true },
    });
    await runs.correctPayslip(users.HR, { payslipId: paid.id, periodStart: "2026-11-01", difference: 12_345, reason: "Overtime missed in October" });
    runId = (
      await runs.createPayRun(users.HR, { scheduleId: (await db.paySchedule.findUniqueOrThrow({ where: { code: "UK_MONTHLY" } })).id, date: "2026-11-01" })
    ).id;
    await runs.calculatePayRun(users.HR, runId, { today: "2026-11-20" });
    const november = await payslips.getPayslip(
      users.HR,
      (await db.payslip.findFirstOrThrow({ where: { runId, employeeId: users.EMPLOYEE.employeeId! }, select: { id: true } })).id,
    );
    expect(november.lines.find((line) => line.code === "ARREARS")).toMatchObject({
      amount: 12_345,
      basis: expect.stringContaining("Overtime missed in October"),
    });
  });

  it("refuses approval by the person who calculated the run, and takes it from a second person", async () => {
    const calculator = { ...users.ADMIN };
    await runs.calculatePayRun(calculator, runId, { today: "2026-11-20" });
    await expect(runs.approvePayRun(calculator, runId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(runs.approvePayRun(users.HR, runId)).rejects.toMatchObject({ code: "forbidden" }); // HR may not approve at all
    expect((await db.payRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("CALCULATED");
  });

  it("carries on from its cursor after being cut off, to the same payslips as a calculation in one go", async () => {
    await runs.calculatePayRun(users.HR, runId, { today: "2026-11-20" });
    const whole = await snapshot(runId);
    let batches = 0;
    await expect(
      runs.calculatePayRun(users.HR, runId, {
        today: "2026-11-20",
        batchSize: 10,
        onProgress: () => {
          batches += 1;
          if (batches === 3) throw new Error("the process stops here");
        },
      }),
    ).rejects.toThrow("the process stops here");
    const cut = await db.payRun.findUniqueOrThrow({ where: { id: runId } });
    expect(cut).toMatchObject({ status: "CALCULATING", calculatedCount: 20 });
    const seen: number[] = [];
    await runs.calculatePayRun(users.HR, runId, { today: "2026-11-20", batchSize: 10, onProgress: (progress) => seen.push(progress.done) });
    expect(seen[0]).toBe(20);
    expect(await snapshot(runId)).toEqual(whole);
    expect((await db.payRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("CALCULATED");
  });
});

async function snapshot(runId: string) {
  const rows = await db.payslip.findMany({
    where: { runId },
    select: { employeeId: true, net: true, gross: true, lines: true },
    orderBy: { employeeId: "asc" },
  });
  return rows;
}
