import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { setUpSqliteDatabase } from "@/test/helpers/services";

// A real SQLite database, set up before the data layer reads its settings.
await setUpSqliteDatabase("audit-list");

type Audit = typeof import("./list-audit");
type Data = typeof import("@/lib/db");

let audit: Audit;
let db: Data["db"];
let closeDatabase: Data["closeDatabase"];

const hr: CurrentUser = { id: "user-hr", email: "hr@example.com", role: "HR", employeeId: null, name: "HR Person" };
const manager: CurrentUser = { id: "user-manager", email: "manager@example.com", role: "MANAGER", employeeId: null, name: "A Manager" };
const ids = { department: "", ada: "", grace: "" };

beforeAll(async () => {
  audit = await import("./list-audit");
  ({ db, closeDatabase } = await import("@/lib/db"));
  const { runAs } = await import("@/lib/db");
  const base = { lastName: "Tester", jobTitle: "Engineer", hireDate: new Date("2024-01-15T00:00:00Z") };

  await runAs({ id: hr.id, email: hr.email }, async () => {
    ids.department = (await db.department.create({ data: { name: "Engineering", code: "ENG" } })).id;
    ids.ada = (
      await db.employee.create({
        data: { ...base, employeeNumber: "A-1", firstName: "Ada", workEmail: "ada@example.com", salaryCents: 5_000_000, departmentId: ids.department },
      })
    ).id;
    await db.employee.update({ where: { id: ids.ada }, data: { jobTitle: "Lead Engineer", salaryCents: 6_000_000 } });
    await db.employee.update({ where: { id: ids.ada }, data: { status: "ON_LEAVE" } });
  });
  await runAs({ id: "user-admin", email: "admin@example.com" }, async () => {
    ids.grace = (
      await db.employee.create({ data: { ...base, employeeNumber: "G-1", firstName: "Grace", workEmail: "grace@example.com", managerId: ids.ada } })
    ).id;
  });
  // An entry from long ago, and one about a kind of record the fixed list does not name.
  await db.auditLog.create({
    data: {
      action: "update",
      entity: "Employee",
      entityId: ids.ada,
      actorEmail: "old@example.com",
      changes: JSON.stringify({ jobTitle: { from: "Intern", to: "Engineer" } }),
      createdAt: new Date("2020-03-10T12:00:00Z"),
    },
  });
  await db.auditLog.create({
    data: {
      action: "create",
      entity: "LeaveRequest",
      entityId: "leave-1",
      actorEmail: "hr@example.com",
      changes: "{}",
      createdAt: new Date("2020-03-11T09:00:00Z"),
    },
  });
});

afterAll(async () => {
  await closeDatabase();
});

describe("listAuditEntries", () => {
  it("filters by record type", async () => {
    const departments = await audit.listAuditEntries(hr, { entity: "Department" });
    expect(departments.total).toBe(1);
    expect(departments.rows[0]).toMatchObject({ entity: "Department", entityId: ids.department, action: "create", actorEmail: hr.email });
    expect(departments.rows[0].changes.code).toEqual({ from: null, to: "ENG" });
  });

  it("filters by action, with the before and after of each changed field", async () => {
    const statusChanges = await audit.listAuditEntries(hr, { action: "status" });
    expect(statusChanges.rows.map((row) => [row.entityId, row.changes])).toEqual([[ids.ada, { status: { from: "ACTIVE", to: "ON_LEAVE" } }]]);
  });

  it("filters by a range of calendar days, both ends included", async () => {
    const day = (from: string, to: string) => audit.listAuditEntries(hr, audit.auditFilterFor(audit.parseAuditQuery({ from, to })));
    expect((await day("2020-03-10", "2020-03-10")).rows.map((row) => row.actorEmail)).toEqual(["old@example.com"]);
    expect((await day("2020-03-10", "2020-03-11")).total).toBe(2);
    expect((await day("2020-03-12", "2020-12-31")).total).toBe(0);
  });

  it("finds entries by part of the actor's email, ignoring case", async () => {
    const byAdmin = await audit.listAuditEntries(hr, { actorEmail: "ADMIN@" });
    expect(byAdmin.rows.map((row) => row.entityId)).toEqual([ids.grace]);
  });

  it("hides salary and other sensitive changes from someone who may not read them", async () => {
    const forHr = await audit.listAuditEntries(hr, { entityId: ids.ada, action: "update", from: new Date("2021-01-01") });
    expect(forHr.rows[0].changes).toEqual({ jobTitle: { from: "Engineer", to: "Lead Engineer" }, salaryCents: { from: 5_000_000, to: 6_000_000 } });

    const forManager = await audit.listAuditEntries(manager, { entityId: ids.ada });
    expect(forManager.total).toBe(forHr.total + 3);
    for (const row of forManager.rows) expect(row.changes).not.toHaveProperty("salaryCents");
    expect(forManager.rows.find((row) => row.action === "update" && row.actorEmail === hr.email)?.changes).toEqual({
      jobTitle: { from: "Engineer", to: "Lead Engineer" },
    });
  });

  it("pages through the entries, newest first, without repeating one", async () => {
    const all = await audit.listAuditEntries(hr, { pageSize: 100 });
    const first = await audit.listAuditEntries(hr, { page: 1, pageSize: 4 });
    const second = await audit.listAuditEntries(hr, { page: 2, pageSize: 4 });
    expect(first.total).toBe(all.total);
    expect(first.rows).toHaveLength(4);
    expect(second.rows).toHaveLength(all.total - 4);
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(all.total);
    const times = all.rows.map((row) => row.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe("audit page helpers", () => {
  it("lists the record types: the fixed ones and any others in the log", async () => {
    expect(await audit.listAuditEntities()).toEqual(["ApiToken", "Department", "Employee", "LeaveRequest", "User"]);
  });

  it("drops malformed query values instead of failing", () => {
    expect(audit.parseAuditQuery({ entity: "Employee; DROP", action: "explode", actor: "ada", from: "2020-02-30x", to: "2020-03-01", page: "-3" })).toEqual({
      entity: undefined,
      action: undefined,
      actor: "ada",
      from: undefined,
      to: "2020-03-01",
      page: 1,
    });
  });

  it("names the records entries are about and the ids their changes mention", async () => {
    const entries = await audit.listAuditEntries(hr, { entityId: ids.grace });
    const names = await audit.findAuditNames(entries.rows);
    expect(names[ids.grace]).toBe("Grace Tester");
    expect(names[ids.ada]).toBe("Ada Tester");
  });
});
