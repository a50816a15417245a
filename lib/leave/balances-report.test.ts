import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/permissions";
import { rejection, setUpSqliteDatabase } from "@/test/helpers/services";

// A real SQLite database of its own; the services are imported after it is configured.
await setUpSqliteDatabase("leave-balances-report");

let report: typeof import("./balances-report");
let employeeLedger: typeof import("./employee-ledger");
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

const NOW = new Date("2026-11-26T10:00:00Z");
const userWith = (role: Role, employeeId: string | null = null): CurrentUser => ({
  id: `user-${role.toLowerCase()}-${employeeId}`,
  email: `${role.toLowerCase()}@example.com`,
  role,
  employeeId,
  name: role,
});
const HR = userWith("HR");

const people: Record<string, string> = {};
const types: Record<string, string> = {};

beforeAll(async () => {
  report = await import("./balances-report");
  employeeLedger = await import("./employee-ledger");
  ({ db, closeDatabase } = await import("@/lib/db"));
  const engineering = (await db.department.create({ data: { name: "Engineering", code: "ENG" }, select: { id: true } })).id;
  const sales = (await db.department.create({ data: { name: "Sales", code: "SALES" }, select: { id: true } })).id;
  const person = async (
    key: string,
    data: { lastName: string; departmentId: string; hireDate: string; exitDate?: string; managerId?: string; employmentType?: "FULL_TIME" | "CONTRACTOR" },
  ) => {
    const { hireDate, exitDate, ...rest } = data;
    people[key] = (
      await db.employee.create({
        data: {
          employeeNumber: key,
          firstName: key,
          workEmail: `${key}@example.com`,
          jobTitle: "Staff",
          hireDate: new Date(`${hireDate}T00:00:00Z`),
          exitDate: exitDate ? new Date(`${exitDate}T00:00:00Z`) : null,
          ...rest,
        },
        select: { id: true },
      })
    ).id;
  };
  await person("boss", { lastName: "Alpha", departmentId: engineering, hireDate: "2020-01-01" });
  await person("dev", { lastName: "Bravo", departmentId: engineering, hireDate: "2026-07-01", managerId: people.boss });
  await person("seller", { lastName: "Charlie", departmentId: sales, hireDate: "2025-01-01", employmentType: "CONTRACTOR" });
  await person("gone", { lastName: "Delta", departmentId: sales, hireDate: "2020-01-01", exitDate: "2025-06-30" });
  types.annual = (
    await db.leaveType.create({ data: { code: "AL", name: "Annual leave", yearlyHalfDays: 50, carryForwardMaxHalfDays: 0 }, select: { id: true } })
  ).id;
  types.sick = (
    await db.leaveType.create({ data: { code: "SL", name: "Sick leave", yearlyHalfDays: 20, employmentTypes: "FULL_TIME" }, select: { id: true } })
  ).id;
  await db.leaveType.create({ data: { code: "OLD", name: "Old leave", yearlyHalfDays: 20, isActive: false } });
  await db.leaveRequest.create({
    data: {
      employeeId: people.boss,
      leaveTypeId: types.annual,
      startDate: new Date("2026-12-21T00:00:00Z"),
      endDate: new Date("2026-12-22T00:00:00Z"),
      halfDays: 4,
    },
  });
});

afterAll(async () => {
  await closeDatabase();
});

describe("getBalancesReport", () => {
  it("shows everyone who worked during the year against every active leave type", async () => {
    const result = await report.getBalancesReport(HR, report.parseBalancesQuery({ year: "2026" }), NOW);
    expect(result.asOf).toBe("2026-11-26");
    expect(result.types.map((type) => type.name)).toEqual(["Annual leave", "Sick leave"]);
    expect(result.rows.map((row) => row.employee.firstName)).toEqual(["boss", "dev", "seller"]);
    const boss = result.rows[0].cells;
    expect(boss[types.annual]).toMatchObject({ balance: 50, pending: 4, available: 46 });
    // A joiner on 1 July: 184 of 365 days × 50 = 25.2 → 25.
    expect(result.rows[1].cells[types.annual]).toMatchObject({ balance: 25, available: 25 });
    // Sick leave is for full-time staff only.
    expect(result.rows[2].cells[types.sick]).toBeNull();
  });

  it("includes a leaver in the year they left, read at its end", async () => {
    const result = await report.getBalancesReport(HR, report.parseBalancesQuery({ year: "2025" }), NOW);
    expect(result.asOf).toBe("2025-12-31");
    const gone = result.rows.find((row) => row.employee.firstName === "gone");
    // 1 January to 30 June 2025: 181 of 365 days × 50 = 24.8 → 25.
    expect(gone?.cells[types.annual]).toMatchObject({ balance: 25 });
  });

  it("filters by department and by name, and pages", async () => {
    const sales = await db.department.findUnique({ where: { code: "SALES" }, select: { id: true } });
    const bySales = await report.getBalancesReport(HR, report.parseBalancesQuery({ year: "2026", department: sales!.id }), NOW);
    expect(bySales.rows.map((row) => row.employee.firstName)).toEqual(["seller"]);
    const byName = await report.getBalancesReport(HR, report.parseBalancesQuery({ year: "2026", q: "brav" }), NOW);
    expect(byName.rows.map((row) => row.employee.firstName)).toEqual(["dev"]);
    expect(byName).toMatchObject({ total: 1, page: 1, pageCount: 1 });
  });

  it("falls back to defaults for a malformed query", () => {
    expect(report.parseBalancesQuery({ year: "soon", page: "-3", department: "" })).toEqual({ year: undefined, department: undefined, q: undefined, page: 1 });
  });

  it.each(["EMPLOYEE", "MANAGER"] as const)("refuses a %s", async (role) => {
    expect((await rejection(report.getBalancesReport(userWith(role, people.boss), report.parseBalancesQuery({}), NOW))).code).toBe("forbidden");
  });
});

describe("getEmployeeLedger", () => {
  it("explains each balance line by line with a running total", async () => {
    const ledger = await employeeLedger.getEmployeeLedger(HR, people.boss, "2026-06-30", NOW);
    expect(ledger).toMatchObject({ year: 2026, asOf: "2026-06-30", canAdjust: true, employee: { firstName: "boss", department: "Engineering" } });
    const annual = ledger.balances.find((balance) => balance.type.id === types.annual)!;
    expect(annual.lines.map(({ kind, halfDays, runningTotal, isAfterAsOf }) => ({ kind, halfDays, runningTotal, isAfterAsOf }))).toEqual([
      { kind: "ALLOCATION", halfDays: 50, runningTotal: 50, isAfterAsOf: false },
    ]);
    expect(annual).toMatchObject({ balance: 50, pending: 4, available: 46, closing: 50 });
  });

  it("lets employees read their own ledger and managers their team's, and nobody else's", async () => {
    expect((await employeeLedger.getEmployeeLedger(userWith("EMPLOYEE", people.dev), people.dev, "2026-11-26", NOW)).canAdjust).toBe(false);
    expect((await employeeLedger.getEmployeeLedger(userWith("MANAGER", people.boss), people.dev, "2026-11-26", NOW)).employee.firstName).toBe("dev");
    expect((await rejection(employeeLedger.getEmployeeLedger(userWith("EMPLOYEE", people.dev), people.boss, "2026-11-26", NOW))).code).toBe("forbidden");
    expect((await rejection(employeeLedger.getEmployeeLedger(userWith("MANAGER", people.boss), people.seller, "2026-11-26", NOW))).code).toBe("forbidden");
  });

  it("says not found for an unknown employee, to HR", async () => {
    expect((await rejection(employeeLedger.getEmployeeLedger(HR, "nobody", "2026-11-26", NOW))).code).toBe("not_found");
  });
});
