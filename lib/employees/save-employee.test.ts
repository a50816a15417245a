// Integration (real SQLite file, no PostgreSQL): the employee services enforce permissions, scope,
// reporting-line rules and optimistic concurrency, and leave an audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { EmployeeInput } from "@/lib/validations/employees";
import { setUpSqliteDatabase } from "@/test/helpers/services";

// The data layer reads its settings once, at first use: point it at a fresh SQLite file first.
await setUpSqliteDatabase("employees");

let services: typeof import("./save-employee");
let profiles: typeof import("./get-employee");
let db: (typeof import("@/lib/db"))["db"];
let closeDatabase: () => Promise<void>;

const HR: CurrentUser = { id: "user-hr", email: "hr@example.com", role: "HR", employeeId: null, name: "HR" };

let counter = 0;
function input(overrides: Partial<EmployeeInput> = {}): EmployeeInput {
  counter += 1;
  return {
    employeeNumber: `T-${counter}`,
    firstName: "Test",
    lastName: `Person ${counter}`,
    workEmail: `person-${counter}@example.com`,
    phone: null,
    jobTitle: "Engineer",
    departmentId: null,
    managerId: null,
    employmentType: "FULL_TIME",
    hireDate: new Date("2024-01-15T00:00:00Z"),
    dateOfBirth: new Date("1990-06-01T00:00:00Z"),
    salary: 50_000,
    salaryCurrency: "GBP",
    personalEmail: "home@example.net",
    address: "1 High Street",
    emergencyName: "Sam",
    emergencyRelation: "Partner",
    emergencyPhone: "+44 20 7946 0000",
    ...overrides,
  };
}

async function hire(overrides: Partial<EmployeeInput> = {}) {
  const { id } = await services.createEmployee(HR, input(overrides));
  const row = await db.employee.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } });
  return row;
}

function userFor(role: CurrentUser["role"], employeeId: string): CurrentUser {
  return { id: `user-${employeeId}`, email: `${employeeId}@example.com`, role, employeeId, name: role };
}

beforeAll(async () => {
  services = await import("./save-employee");
  profiles = await import("./get-employee");
  ({ db, closeDatabase } = await import("@/lib/db"));
});

afterAll(async () => {
  await closeDatabase?.();
});

describe("creating an employee", () => {
  it("stores a valid employee, with the salary in cents", async () => {
    const { id } = await services.createEmployee(HR, input({ firstName: "Grace", salary: 61_250.5 }));
    const row = await db.employee.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ firstName: "Grace", salaryCents: 6_125_050, salaryCurrency: "GBP", status: "ACTIVE", version: 1 });
  });

  it("refuses a second employee with the same work email (Prisma P2002)", async () => {
    await services.createEmployee(HR, input({ workEmail: "taken@example.com" }));
    await expect(services.createEmployee(HR, input({ workEmail: "taken@example.com" }))).rejects.toMatchObject({ code: "P2002" });
  });

  it("is not allowed for a manager", async () => {
    const manager = await hire();
    await expect(services.createEmployee(userFor("MANAGER", manager.id), input())).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
  });
});

describe("editing an employee", () => {
  it("with the version the form was opened on: saves, bumps the version and audits the change", async () => {
    const employee = await hire({ jobTitle: "Engineer" });
    const saved = await services.updateEmployee(HR, employee.id, employee.version, input({ jobTitle: "Senior Engineer" }));
    expect(saved.version).toBe(employee.version + 1);

    const audit = await db.auditLog.findMany({ where: { entity: "Employee", entityId: employee.id, action: "update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorEmail).toBe(HR.email);
    expect(JSON.parse(audit[0].changes).jobTitle).toEqual({ from: "Engineer", to: "Senior Engineer" });
  });

  it("with a stale version: refused as a conflict, nothing saved", async () => {
    const employee = await hire({ jobTitle: "Engineer" });
    await services.updateEmployee(HR, employee.id, employee.version, input({ jobTitle: "First edit" }));
    await expect(services.updateEmployee(HR, employee.id, employee.version, input({ jobTitle: "Second edit" }))).rejects.toMatchObject({
      name: "AppError",
      code: "conflict",
    });
    const row = await db.employee.findUniqueOrThrow({ where: { id: employee.id }, select: { jobTitle: true } });
    expect(row.jobTitle).toBe("First edit");
  });

  it("refuses a reporting loop: A manages B, so B cannot become A's manager", async () => {
    const a = await hire();
    const b = await hire({ managerId: a.id });
    const error = await services.updateEmployee(HR, a.id, a.version, input({ managerId: b.id })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: "AppError", code: "validation_failed" });
    expect((error as { fields?: Record<string, string> }).fields?.managerId).toMatch(/loop/);
  });
});

describe("an employee's own contact details", () => {
  it("can be updated by the employee themselves", async () => {
    const self = await hire();
    await services.updateOwnContact(userFor("EMPLOYEE", self.id), self.id, self.version, {
      phone: "+44 1234 567890",
      personalEmail: "new@example.net",
      address: "2 Low Road",
      emergencyName: "Alex",
      emergencyRelation: "Sibling",
      emergencyPhone: "+44 20 7946 1111",
    });
    const row = await db.employee.findUniqueOrThrow({ where: { id: self.id } });
    expect(row).toMatchObject({ phone: "+44 1234 567890", address: "2 Low Road", emergencyName: "Alex", version: self.version + 1 });
  });

  it("cannot be updated for someone else", async () => {
    const self = await hire();
    const colleague = await hire({ address: "Unchanged" });
    await expect(
      services.updateOwnContact(userFor("EMPLOYEE", self.id), colleague.id, colleague.version, {
        phone: null,
        personalEmail: null,
        address: "Hijacked",
        emergencyName: null,
        emergencyRelation: null,
        emergencyPhone: null,
      }),
    ).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect((await db.employee.findUniqueOrThrow({ where: { id: colleague.id } })).address).toBe("Unchanged");
  });
});

describe("what a profile shows to whom", () => {
  let manager: { id: string };
  let report: { id: string };
  let outsider: { id: string };

  beforeAll(async () => {
    manager = await hire();
    report = await hire({ managerId: manager.id, salary: 42_000 });
    outsider = await hire();
  });

  it("HR sees salary and personal data", async () => {
    const profile = await profiles.getEmployeeProfile(HR, report.id);
    expect(profile.salary).toEqual({ cents: 4_200_000, currency: "GBP" });
    expect(profile.personal?.address).toBe("1 High Street");
  });

  it("a manager sees their report's job, but neither salary nor personal data", async () => {
    const profile = await profiles.getEmployeeProfile(userFor("MANAGER", manager.id), report.id);
    expect(profile.jobTitle).toBe("Engineer");
    expect(profile.salary).toBeNull();
    expect(profile.personal).toBeNull();
  });

  it("a manager does not see their own salary", async () => {
    const profile = await profiles.getEmployeeProfile(userFor("MANAGER", manager.id), manager.id);
    expect(profile.salary).toBeNull();
    expect(profile.personal?.address).toBe("1 High Street");
  });

  it("an employee sees their own personal data, but not their salary", async () => {
    const profile = await profiles.getEmployeeProfile(userFor("EMPLOYEE", report.id), report.id);
    expect(profile.isSelf).toBe(true);
    expect(profile.personal).toMatchObject({ address: "1 High Street", emergencyName: "Sam" });
    expect(profile.salary).toBeNull();
  });

  it("someone outside the viewer's scope is not found", async () => {
    await expect(profiles.getEmployeeProfile(userFor("EMPLOYEE", report.id), outsider.id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(profiles.getEmployeeProfile(userFor("MANAGER", manager.id), outsider.id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
  });
});
