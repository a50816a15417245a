import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/permissions";
import { setUpSqliteDatabase } from "@/test/helpers/services";

// A real SQLite database of its own; the services are imported after it is configured.
await setUpSqliteDatabase("dashboard");

type Dashboards = typeof import("./get-dashboard");
let getDashboard: Dashboards["getDashboard"];
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

// Mid-March 2025; "this month" is 1 March (inclusive) to 1 April (exclusive), UTC.
const TODAY = new Date("2025-03-15T10:00:00Z");
const day = (text: string) => new Date(`${text}T00:00:00Z`);

const ids: Record<string, string> = {};
const userWith = (role: Role, employeeId: string | null = null): CurrentUser => ({
  id: `user-${role}`,
  email: `${role.toLowerCase()}@example.com`,
  role,
  employeeId,
  name: role,
});

let counter = 0;
async function person(
  key: string,
  data: { departmentId: string | null; managerId?: string | null; hireDate: string; status?: "ACTIVE" | "ON_LEAVE" | "TERMINATED"; exitDate?: string },
) {
  counter += 1;
  const created = await db.employee.create({
    data: {
      employeeNumber: `T${counter}`,
      firstName: key,
      lastName: "Tester",
      workEmail: `${key.toLowerCase()}@example.com`,
      jobTitle: `${key} title`,
      departmentId: data.departmentId,
      managerId: data.managerId ?? null,
      hireDate: day(data.hireDate),
      status: data.status ?? "ACTIVE",
      exitDate: data.exitDate ? day(data.exitDate) : null,
      exitReason: data.exitDate ? "Resigned" : null,
    },
    select: { id: true },
  });
  ids[key] = created.id;
}

const names = (people: { firstName: string }[]) => people.map((p) => p.firstName).sort();

beforeAll(async () => {
  ({ getDashboard } = await import("./get-dashboard"));
  ({ db, closeDatabase } = await import("@/lib/db"));
  const eng = await db.department.create({ data: { name: "Engineering", code: "ENG" }, select: { id: true } });
  const support = await db.department.create({ data: { name: "Support", code: "SUP" }, select: { id: true } });
  await db.department.create({ data: { name: "Empty", code: "EMPTY" }, select: { id: true } });
  ids.eng = eng.id;
  ids.support = support.id;

  // Mona manages Rita and Rob; Rita manages Lena. Olga and Tom are outside Mona's line.
  await person("Mona", { departmentId: eng.id, hireDate: "2020-06-20" });
  await person("Rita", { departmentId: eng.id, managerId: ids.Mona, hireDate: "2025-03-01" });
  await person("Rob", { departmentId: eng.id, managerId: ids.Mona, hireDate: "2023-01-10", status: "TERMINATED", exitDate: "2025-03-10" });
  await person("Lena", { departmentId: support.id, managerId: ids.Rita, hireDate: "2022-05-05", status: "ON_LEAVE" });
  await person("Olga", { departmentId: support.id, hireDate: "2025-03-31" });
  await person("Tom", { departmentId: support.id, hireDate: "2021-01-01", status: "TERMINATED", exitDate: "2025-02-28" });
  await person("Nina", { departmentId: null, hireDate: "2025-04-01" });
});

afterAll(async () => {
  await closeDatabase();
});

describe("getDashboard for HR (the whole organisation)", () => {
  it("counts everyone not terminated, and who is on leave", async () => {
    const dashboard = await getDashboard(userWith("HR"), TODAY);
    if (dashboard.kind === "self") throw new Error("expected an overview");
    expect(dashboard.kind).toBe("organisation");
    expect(dashboard.headcount).toBe(5); // Mona, Rita, Lena, Olga, Nina
    expect(dashboard.onLeave).toBe(1);
  });

  it("breaks the headcount down by department, largest first, empty departments and the unassigned included", async () => {
    const dashboard = await getDashboard(userWith("HR"), TODAY);
    if (dashboard.kind === "self") throw new Error("expected an overview");
    expect(dashboard.byDepartment).toEqual([
      { id: ids.eng, name: "Engineering", count: 2 },
      { id: ids.support, name: "Support", count: 2 },
      { id: expect.any(String), name: "Empty", count: 0 },
      { id: null, name: "No department", count: 1 },
    ]);
  });

  it("lists this month's new hires and leavers, by the UTC calendar month of `today`", async () => {
    const dashboard = await getDashboard(userWith("HR"), TODAY);
    if (dashboard.kind === "self") throw new Error("expected an overview");
    expect(dashboard.newHires.total).toBe(2);
    expect(names(dashboard.newHires.people)).toEqual(["Olga", "Rita"]);
    expect(dashboard.leavers.total).toBe(1);
    expect(dashboard.leavers.people[0]).toMatchObject({ firstName: "Rob", department: "Engineering", date: day("2025-03-10") });

    const april = await getDashboard(userWith("HR"), new Date("2025-04-02T00:00:00Z"));
    if (april.kind === "self") throw new Error("expected an overview");
    expect(names(april.newHires.people)).toEqual(["Nina"]);
    expect(april.leavers.total).toBe(0);
  });

  it("shows recent changes by record name to those who may read the audit trail", async () => {
    const { createDepartment } = await import("@/lib/departments/save-department");
    await createDepartment(userWith("HR"), { name: "Research", code: "RES", parentId: null, headId: null });
    const dashboard = await getDashboard(userWith("HR"), TODAY);
    if (dashboard.kind === "self") throw new Error("expected an overview");
    expect(dashboard.recentChanges?.[0]).toMatchObject({ action: "create", entity: "Department", label: "Research", actor: "hr@example.com" });
    expect(dashboard.recentChanges?.[0].fields).toContain("name");
  });
});

describe("getDashboard for a manager (their reporting line)", () => {
  it("counts only the manager and the people under them", async () => {
    const dashboard = await getDashboard(userWith("MANAGER", ids.Mona), TODAY);
    if (dashboard.kind === "self") throw new Error("expected an overview");
    expect(dashboard.kind).toBe("team");
    expect(dashboard.headcount).toBe(3); // Mona, Rita, Lena; Rob has left
    expect(dashboard.byDepartment).toEqual([
      { id: ids.eng, name: "Engineering", count: 2 },
      { id: ids.support, name: "Support", count: 1 },
    ]);
    expect(names(dashboard.newHires.people)).toEqual(["Rita"]);
    expect(names(dashboard.leavers.people)).toEqual(["Rob"]);
    expect(dashboard.recentChanges).toBeNull();
  });
});

describe("getDashboard for an employee", () => {
  it("shows their own card with manager, department and tenure", async () => {
    const dashboard = await getDashboard(userWith("EMPLOYEE", ids.Lena), TODAY);
    expect(dashboard.kind).toBe("self");
    if (dashboard.kind !== "self") return;
    expect(dashboard.me).toMatchObject({
      firstName: "Lena",
      status: "ON_LEAVE",
      department: { name: "Support" },
      manager: { firstName: "Rita" },
      tenureMonths: 34, // 5 May 2022 to 15 March 2025
    });
    expect(dashboard).not.toHaveProperty("headcount");
  });

  it("has no card for a sign-in without an employee record", async () => {
    expect(await getDashboard(userWith("EMPLOYEE"), TODAY)).toEqual({ kind: "self", me: null });
  });
});
