import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { prismaCode } from "@/lib/prisma-errors";
import { setUpSqliteDatabase, userWith } from "@/test/helpers/services";

// A real SQLite database of its own; the services are imported after it is configured.
await setUpSqliteDatabase("departments");

type Services = typeof import("./save-department");
let save: Services;
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

const HR = userWith("HR");

let counter = 0;
const input = (overrides: Partial<{ name: string; code: string; parentId: string | null; headId: string | null }> = {}) => {
  counter += 1;
  return { name: `Department ${counter}`, code: `D${counter}`, parentId: null, headId: null, ...overrides };
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

beforeAll(async () => {
  save = await import("./save-department");
  ({ db, closeDatabase } = await import("@/lib/db"));
});

afterAll(async () => {
  await closeDatabase();
});

describe("createDepartment", () => {
  it("creates a department, nested and with a head, and audits it under the user's name", async () => {
    const parent = await save.createDepartment(HR, input({ name: "Engineering", code: "ENG" }));
    const head = await db.employee.create({
      data: {
        employeeNumber: "H1",
        firstName: "Grace",
        lastName: "Hopper",
        workEmail: "grace@example.com",
        jobTitle: "Head of Platform",
        hireDate: new Date("2020-01-01"),
      },
      select: { id: true },
    });
    const created = await save.createDepartment(HR, input({ name: "Platform", code: "PLAT", parentId: parent.id, headId: head.id }));

    const stored = await db.department.findUnique({
      where: { id: created.id },
      select: { name: true, code: true, parentId: true, headId: true, version: true },
    });
    expect(stored).toEqual({ name: "Platform", code: "PLAT", parentId: parent.id, headId: head.id, version: 1 });
    const audit = await db.auditLog.findFirst({ where: { entity: "Department", entityId: created.id }, select: { action: true, actorEmail: true } });
    expect(audit).toEqual({ action: "create", actorEmail: "hr@example.com" });
  });

  it("rejects a code another department already uses", async () => {
    await save.createDepartment(HR, input({ code: "DUP" }));
    const error = await rejection(save.createDepartment(HR, input({ code: "DUP" })));
    expect(prismaCode(error)).toBe("P2002");
  });

  it("rejects a head who does not exist, beside the head field", async () => {
    const error = await rejection(save.createDepartment(HR, input({ headId: "no-such-employee" })));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toHaveProperty("headId");
  });

  it("rejects a parent that does not exist, beside the parent field", async () => {
    const error = await rejection(save.createDepartment(HR, input({ parentId: "no-such-department" })));
    expect((error as AppError).fields).toHaveProperty("parentId");
  });

  it.each(["EMPLOYEE", "MANAGER"] as const)("refuses a %s", async (role) => {
    const error = await rejection(save.createDepartment(userWith(role), input()));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
    expect(await db.department.count({ where: { code: `D${counter}` } })).toBe(0);
  });

  it("lets an admin create one too", async () => {
    await expect(save.createDepartment(userWith("ADMIN"), input())).resolves.toHaveProperty("id");
  });
});

describe("updateDepartment", () => {
  it("renames and re-parents, bumping the version", async () => {
    const a = await save.createDepartment(HR, input());
    const b = await save.createDepartment(HR, input());
    const updated = await save.updateDepartment(HR, b.id, 1, input({ name: "Renamed", parentId: a.id }));
    expect(updated.version).toBe(2);
    expect(await db.department.findUnique({ where: { id: b.id }, select: { name: true, parentId: true } })).toEqual({ name: "Renamed", parentId: a.id });
  });

  it("refuses to nest a department under itself", async () => {
    const a = await save.createDepartment(HR, input());
    const error = await rejection(save.updateDepartment(HR, a.id, 1, input({ parentId: a.id })));
    expect((error as AppError).code).toBe("validation_failed");
    expect((error as AppError).fields).toHaveProperty("parentId");
  });

  it("refuses to nest a department under one of its descendants", async () => {
    const top = await save.createDepartment(HR, input());
    const middle = await save.createDepartment(HR, input({ parentId: top.id }));
    const bottom = await save.createDepartment(HR, input({ parentId: middle.id }));
    const error = await rejection(save.updateDepartment(HR, top.id, 1, input({ parentId: bottom.id })));
    expect((error as AppError).code).toBe("validation_failed");
    expect((error as AppError).fields?.parentId).toMatch(/loop/);
    expect(await db.department.findUnique({ where: { id: top.id }, select: { parentId: true, version: true } })).toEqual({ parentId: null, version: 1 });
  });

  it("refuses an edit made on a version someone else has changed since", async () => {
    const a = await save.createDepartment(HR, input());
    await save.updateDepartment(HR, a.id, 1, input({ name: "First edit" }));
    const error = await rejection(save.updateDepartment(HR, a.id, 1, input({ name: "Second edit" })));
    expect((error as AppError).code).toBe("conflict");
    expect(await db.department.findUnique({ where: { id: a.id }, select: { name: true } })).toEqual({ name: "First edit" });
  });

  it("says not found for a department that does not exist", async () => {
    const error = await rejection(save.updateDepartment(HR, "no-such-department", 1, input()));
    expect((error as AppError).code).toBe("not_found");
  });

  it("keeps a head who has since left, but will not newly appoint someone who has", async () => {
    const leaver = await db.employee.create({
      data: { employeeNumber: "L1", firstName: "Alan", lastName: "Turing", workEmail: "alan@example.com", jobTitle: "Head", hireDate: new Date("2019-01-01") },
      select: { id: true },
    });
    const department = await save.createDepartment(HR, input({ headId: leaver.id }));
    await db.employee.update({ where: { id: leaver.id }, data: { status: "TERMINATED", exitDate: new Date("2025-01-31"), exitReason: "Resigned" } });

    await expect(save.updateDepartment(HR, department.id, 1, input({ name: "Still led by Alan", headId: leaver.id }))).resolves.toHaveProperty("version", 2);
    const other = await save.createDepartment(HR, input());
    const error = await rejection(save.updateDepartment(HR, other.id, 1, input({ headId: leaver.id })));
    expect((error as AppError).fields?.headId).toMatch(/left/);
  });

  it("refuses a MANAGER", async () => {
    const a = await save.createDepartment(HR, input());
    const error = await rejection(save.updateDepartment(userWith("MANAGER"), a.id, 1, input()));
    expect((error as AppError).code).toBe("forbidden");
  });
});
