// User administration on a throwaway SQLite database: role changes never leave the system without
// an active admin, deactivation ends sessions, and a new sign-in's password is shown once and
// stored only as a hash.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { openSqliteApp } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

let app: Awaited<ReturnType<typeof load>>;
let serial = 0;

function load() {
  return openSqliteApp("user-admin", async () => ({
    verifyPassword: (await import("@/lib/auth/password")).verifyPassword,
    list: await import("./list-users"),
    update: await import("./update-user"),
    create: await import("./create-user"),
  }));
}

async function newUser(role: CurrentUser["role"], isActive = true): Promise<CurrentUser> {
  serial += 1;
  const email = `user.${serial}@example.com`;
  const row = await app.db.user.create({ data: { email, passwordHash: "x", role, isActive }, select: { id: true } });
  return { id: row.id, email, role, employeeId: null, name: email };
}

async function newEmployee() {
  serial += 1;
  return app.db.employee.create({
    data: {
      employeeNumber: `UA-${serial}`,
      firstName: "Una",
      lastName: `Admin ${serial}`,
      workEmail: `una.${serial}@example.com`,
      jobTitle: "Clerk",
      hireDate: new Date("2024-01-01T00:00:00Z"),
    },
    select: { id: true, workEmail: true },
  });
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );

beforeAll(async () => {
  app = await load();
});

afterAll(async () => {
  await app?.closeDatabase();
});

describe("changing roles", () => {
  it("refuses to demote the last active admin, themselves included, with a message on the role field", async () => {
    const admin = await newUser("ADMIN");
    await app.db.user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { role: "EMPLOYEE" } });
    await newUser("ADMIN", false); // a deactivated admin does not count
    const refusal = await app.update.changeUserRole(admin, admin.id, "HR").catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "conflict", message: expect.stringContaining("last active admin"), fields: { role: expect.any(String) } });
    expect((await app.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");

    const second = await newUser("ADMIN");
    expect(await codeOf(app.update.changeUserRole(admin, admin.id, "HR"))).toBe("ok");
    expect(await codeOf(app.update.changeUserRole(second, second.id, "EMPLOYEE"))).toBe("conflict");
  });

  it("changes another user's role and records who did it", async () => {
    const admin = await newUser("ADMIN");
    const target = await newUser("EMPLOYEE");
    await app.update.changeUserRole(admin, target.id, "MANAGER");
    expect((await app.db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("MANAGER");
    const audit = await app.db.auditLog.findFirst({ where: { entityId: target.id, action: "update" } });
    expect(audit).toMatchObject({ actorEmail: admin.email });
    expect(JSON.parse(audit!.changes)).toEqual({ role: { from: "EMPLOYEE", to: "MANAGER" } });
  });

  it("answers not found for an unknown user and forbidden for a non-admin", async () => {
    const admin = await newUser("ADMIN");
    expect(await codeOf(app.update.changeUserRole(admin, "missing", "HR"))).toBe("not_found");
    expect(await codeOf(app.update.changeUserRole(await newUser("HR"), admin.id, "EMPLOYEE"))).toBe("forbidden");
  });
});

describe("activating and deactivating", () => {
  it("deactivation ends existing sessions; activation lets the user back in", async () => {
    const admin = await newUser("ADMIN");
    const target = await newUser("HR");
    const before = Date.now();
    await app.update.setUserActive(admin, target.id, false);
    const row = await app.db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.isActive).toBe(false);
    expect(row.sessionsValidFrom.getTime()).toBeGreaterThanOrEqual(before - 1);
    await app.update.setUserActive(admin, target.id, true);
    expect((await app.db.user.findUniqueOrThrow({ where: { id: target.id } })).isActive).toBe(true);
  });

  it("refuses to deactivate oneself or the last active admin", async () => {
    const admin = await newUser("ADMIN");
    expect(await codeOf(app.update.setUserActive(admin, admin.id, false))).toBe("conflict");
    await app.db.user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { isActive: false } });
    const onlyOther = await newUser("ADMIN");
    await app.db.user.update({ where: { id: admin.id }, data: { isActive: false } });
    // onlyOther is now the last active admin; even an admin whose session outlived their account cannot remove them.
    expect(await codeOf(app.update.setUserActive(admin, onlyOther.id, false))).toBe("conflict");
  });
});

describe("creating a sign-in for an employee", () => {
  it("defaults the email to the work email and returns a generated password once, stored hashed", async () => {
    const admin = await newUser("ADMIN");
    const employee = await newEmployee();
    const created = await app.create.createUserForEmployee(admin, { employeeId: employee.id, role: "EMPLOYEE", passwordMode: "generate" });
    expect(created.email).toBe(employee.workEmail);
    expect(created.generatedPassword).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const row = await app.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordHash).not.toContain(created.generatedPassword!);
    expect(await app.verifyPassword(row.passwordHash, created.generatedPassword!)).toBe(true);
    const audit = await app.db.auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "create" } });
    expect(audit.changes).not.toContain(row.passwordHash);
  });

  it("uses a typed password and email, and refuses a second sign-in for the same employee", async () => {
    const admin = await newUser("ADMIN");
    const employee = await newEmployee();
    const created = await app.create.createUserForEmployee(admin, {
      employeeId: employee.id,
      email: "typed@example.com",
      role: "HR",
      passwordMode: "type",
      password: "a typed password",
    });
    expect(created).toMatchObject({ email: "typed@example.com", generatedPassword: null });
    expect(await app.verifyPassword((await app.db.user.findUniqueOrThrow({ where: { id: created.id } })).passwordHash, "a typed password")).toBe(true);
    expect(await codeOf(app.create.createUserForEmployee(admin, { employeeId: employee.id, role: "HR", passwordMode: "generate" }))).toBe("conflict");
    expect(await codeOf(app.create.createUserForEmployee(admin, { employeeId: "missing", role: "HR", passwordMode: "generate" }))).toBe("validation_failed");
  });
});

describe("listing users", () => {
  it("searches by email or employee name, pages, and never returns a password hash", async () => {
    const admin = await newUser("ADMIN");
    const employee = await newEmployee();
    await app.create.createUserForEmployee(admin, { employeeId: employee.id, email: "findme@example.com", role: "EMPLOYEE", passwordMode: "generate" });
    const byEmail = await app.list.listUsers(admin, { q: "FINDME", page: 1 });
    expect(byEmail.rows.map((row) => row.email)).toEqual(["findme@example.com"]);
    expect(byEmail.rows[0]).not.toHaveProperty("passwordHash");
    expect(byEmail.rows[0].employee).toMatchObject({ id: employee.id, firstName: "Una" });
    const byName = await app.list.listUsers(admin, { q: `una admin ${serial}`, page: 1 });
    expect(byName.rows.map((row) => row.email)).toContain("findme@example.com");
    const all = await app.list.listUsers(admin, { page: 99 });
    expect(all.page).toBe(all.pageCount);
    expect(await codeOf(app.list.listUsers(await newUser("HR"), { page: 1 }))).toBe("forbidden");
    expect((await app.list.listEmployeesWithoutSignIn(admin)).map((row) => row.id)).not.toContain(employee.id);
  });
});
