import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annualLeaveInput } from "@/test/fixtures/leave-types";
import { rejection, setUpSqliteDatabase, userWith } from "@/test/helpers/services";

// A real SQLite database of its own; the services are imported after it is configured.
await setUpSqliteDatabase("leave-types");

let save: typeof import("./save-leave-type");
let list: typeof import("./list-leave-types");
let get: typeof import("./get-leave-type");
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

const HR = userWith("HR");

const input = annualLeaveInput;

beforeAll(async () => {
  save = await import("./save-leave-type");
  list = await import("./list-leave-types");
  get = await import("./get-leave-type");
  ({ db, closeDatabase } = await import("@/lib/db"));
});

afterAll(async () => {
  await closeDatabase();
});

describe("leave types", () => {
  it("creates a type with every policy field and reads it back, audited", async () => {
    const fields = input({
      code: "PAR",
      name: "Parental leave",
      isPaid: false,
      accrual: "MONTHLY",
      maxConsecutiveDays: 90,
      allowsHalfDays: false,
      requiresAttachment: true,
      requiresHrApproval: true,
      employmentTypes: "FULL_TIME,PART_TIME",
      isActive: false,
      color: "#aa3377",
    });
    const { id } = await save.createLeaveType(HR, fields);
    expect(await get.getLeaveType(id)).toEqual({ id, version: 1, ...fields });
    expect(await db.auditLog.findFirst({ where: { entity: "LeaveType", entityId: id }, select: { action: true, actorEmail: true } })).toEqual({
      action: "create",
      actorEmail: "hr@example.com",
    });
  });

  it("lists active types first, with how many requests use each", async () => {
    await save.createLeaveType(HR, input({ code: "ZZ", name: "Zebra leave" }));
    const rows = await list.listLeaveTypes();
    const firstInactive = rows.findIndex((row) => !row.isActive);
    expect(rows.slice(0, firstInactive).every((row) => row.isActive)).toBe(true);
    expect(rows.find((row) => row.code === "ZZ")?.requestCount).toBe(0);
    expect(rows.find((row) => row.code === "PAR")?.isActive).toBe(false);
  });

  it("refuses a code another type uses, beside the code", async () => {
    await save.createLeaveType(HR, input({ code: "SICK", name: "Sick leave" }));
    const error = await rejection(save.createLeaveType(HR, input({ code: "SICK", name: "Other" })));
    expect(error.fields?.code).toBe("Sick leave already uses this code.");
  });

  it("updates at the version opened, and refuses a stale form", async () => {
    const { id } = await save.createLeaveType(HR, input({ code: "STUDY", name: "Study leave" }));
    expect(await save.updateLeaveType(HR, id, 1, input({ code: "STUDY", name: "Study leave", yearlyHalfDays: 10 }))).toEqual({ id, version: 2 });
    expect((await get.getLeaveType(id)).yearlyHalfDays).toBe(10);
    expect((await rejection(save.updateLeaveType(HR, id, 1, input({ code: "STUDY", name: "Stale" })))).code).toBe("conflict");
    expect((await rejection(save.updateLeaveType(HR, "no-such-type", 1, input({ code: "NOPE" })))).code).toBe("not_found");
    expect((await rejection(get.getLeaveType("no-such-type"))).code).toBe("not_found");
  });

  it.each(["EMPLOYEE", "MANAGER"] as const)("refuses a %s", async (role) => {
    expect((await rejection(save.createLeaveType(userWith(role), input({ code: `X${role}` })))).code).toBe("forbidden");
    expect((await rejection(save.updateLeaveType(userWith(role), "any", 1, input()))).code).toBe("forbidden");
    expect(await db.leaveType.count({ where: { code: `X${role}` } })).toBe(0);
  });
});
