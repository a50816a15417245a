import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection, setUpSqliteDatabase, userWith } from "@/test/helpers/services";

// A real SQLite database of its own; the services are imported after it is configured.
await setUpSqliteDatabase("leave-adjustments");

let adjustments: typeof import("./adjustments");
let ledger: typeof import("./ledger");
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

const TODAY = { today: "2026-11-26" };
const HR = userWith("HR");

let personId: string;
let typeId: string;

beforeAll(async () => {
  adjustments = await import("./adjustments");
  ledger = await import("./ledger");
  ({ db, closeDatabase } = await import("@/lib/db"));
  personId = (
    await db.employee.create({
      data: {
        employeeNumber: "A1",
        firstName: "Ada",
        lastName: "Just",
        workEmail: "ada.just@example.com",
        jobTitle: "Engineer",
        hireDate: new Date("2026-01-01T00:00:00Z"),
      },
      select: { id: true },
    })
  ).id;
  typeId = (await db.leaveType.create({ data: { code: "AL", name: "Annual leave", yearlyHalfDays: 50 }, select: { id: true } })).id;
});

afterAll(async () => {
  await closeDatabase();
});

const input = (overrides: Record<string, unknown> = {}) =>
  adjustments.ZAdjustmentInput.parse({
    employeeId: personId,
    leaveTypeId: typeId,
    effectiveDate: "2026-03-02",
    days: "1.5",
    reason: "Worked the Easter weekend",
    ...overrides,
  });

describe("adjustBalance", () => {
  it("adds a signed, dated, explained line that moves the balance by exactly its amount, audited", async () => {
    const before = await ledger.getBalance(db, personId, typeId, 2026, "2026-12-31", TODAY);
    const result = await adjustments.adjustBalance(HR, input());
    expect(result).toMatchObject({ halfDays: 3, year: 2026, isRepeat: false });
    await adjustments.adjustBalance(HR, input({ days: "-2", reason: "Leave taken before the system went live", effectiveDate: "2026-02-02" }));
    const after = await ledger.getBalance(db, personId, typeId, 2026, "2026-12-31", TODAY);
    expect(after.balance).toBe(before.balance + 3 - 4);
    const line = after.lines.find((row) => row.id === result.id);
    expect(line).toMatchObject({ kind: "ADJUSTMENT", halfDays: 3, reason: "Worked the Easter weekend", createdByEmail: "hr@example.com" });
    expect(line?.effectiveDate).toEqual(new Date("2026-03-02T00:00:00Z"));
    expect(await db.auditLog.findFirst({ where: { entity: "LeaveLedgerEntry", entityId: result.id }, select: { actorEmail: true } })).toEqual({
      actorEmail: "hr@example.com",
    });
  });

  it("counts from its date: not in a balance asked about before it", async () => {
    const { id } = await adjustments.adjustBalance(HR, input({ effectiveDate: "2026-10-01", days: "5", reason: "Long service" }));
    const early = await ledger.getBalance(db, personId, typeId, 2026, "2026-09-30", TODAY);
    const late = await ledger.getBalance(db, personId, typeId, 2026, "2026-10-01", TODAY);
    expect(late.balance - early.balance).toBe(10);
    expect(early.lines.some((line) => line.id === id)).toBe(true);
  });

  it("records a double submit once", async () => {
    const token = "0193b0a4-double-submit";
    const first = await adjustments.adjustBalance(HR, input({ token, days: "1", reason: "Once only" }));
    const second = await adjustments.adjustBalance(HR, input({ token, days: "1", reason: "Once only" }));
    expect(second).toEqual({ ...first, isRepeat: true });
    expect(await db.leaveLedgerEntry.count({ where: { reason: "Once only" } })).toBe(1);
  });

  it.each(["EMPLOYEE", "MANAGER"] as const)("refuses a %s, even for themselves", async (role) => {
    const error = await rejection(adjustments.adjustBalance(userWith(role, personId), input({ reason: `By ${role}` })));
    expect(error.code).toBe("forbidden");
    expect(await db.leaveLedgerEntry.count({ where: { reason: `By ${role}` } })).toBe(0);
  });

  it("says which record is missing", async () => {
    expect((await rejection(adjustments.adjustBalance(HR, input({ employeeId: "nobody" })))).code).toBe("not_found");
    expect((await rejection(adjustments.adjustBalance(HR, input({ leaveTypeId: "no-type" })))).fields).toHaveProperty("leaveTypeId");
  });
});

describe("ZAdjustmentInput", () => {
  it.each([
    [{ reason: "" }, "reason", /Say why/],
    [{ reason: "ok" }, "reason", /Say why/],
    [{ days: "0" }, "days", /other than 0/],
    [{ days: "1.25" }, "days", /whole or half days/],
    [{ days: "many" }, "days", /Enter the days/],
    [{ days: "400" }, "days", /at most 366/],
    [{ effectiveDate: "2026-02-30" }, "effectiveDate", /real date/],
    [{ leaveTypeId: "" }, "leaveTypeId", /Choose a leave type/],
  ])("refuses %j beside the field", (change, field, message) => {
    const result = adjustments.ZAdjustmentInput.safeParse({
      employeeId: "e",
      leaveTypeId: "t",
      effectiveDate: "2026-03-02",
      days: "1",
      reason: "Because",
      ...change,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path.join(".") === field)?.message).toMatch(message);
  });

  it("accepts a leading plus sign and half days", () => {
    expect(adjustments.ZAdjustmentInput.parse({ employeeId: "e", leaveTypeId: "t", effectiveDate: "2026-03-02", days: "+2.5", reason: "Because" }).days).toBe(
      2.5,
    );
  });
});
