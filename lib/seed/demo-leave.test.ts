import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpSqliteDatabase } from "@/test/helpers/services";

// A real SQLite database of its own; the seed is imported after it is configured.
await setUpSqliteDatabase("demo-leave");

let seedDemoLeave: typeof import("./demo-leave").seedDemoLeave;
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

beforeAll(async () => {
  ({ seedDemoLeave } = await import("./demo-leave"));
  ({ db, closeDatabase } = await import("@/lib/db"));
});

afterAll(async () => {
  await closeDatabase();
});

describe("seedDemoLeave", () => {
  it("creates the four leave types and the year's bank holidays for England, once", async () => {
    expect(await seedDemoLeave(new Date("2026-11-26T12:00:00Z"))).toEqual({ leaveTypes: 4, holidays: 8 });
    expect(await seedDemoLeave(new Date("2026-11-26T12:00:00Z"))).toEqual({ leaveTypes: 0, holidays: 0 });

    const annual = await db.leaveType.findUnique({ where: { code: "AL" } });
    expect(annual).toMatchObject({
      name: "Annual leave",
      yearlyHalfDays: 50,
      accrual: "UPFRONT",
      carryForwardMaxHalfDays: 10,
      carryForwardExpiryMonths: 3,
      allowsHalfDays: true,
      isPaid: true,
    });
    expect(await db.leaveType.findUnique({ where: { code: "SL" } })).toMatchObject({ yearlyHalfDays: 20, isPaid: true });
    expect(await db.leaveType.findUnique({ where: { code: "UL" } })).toMatchObject({ yearlyHalfDays: 0, isPaid: false });
    expect(await db.leaveType.findUnique({ where: { code: "PL" } })).toMatchObject({ requiresHrApproval: true });

    const holidays = await db.holiday.findMany({ orderBy: { date: "asc" }, select: { date: true, name: true } });
    expect(holidays.map((holiday) => holiday.date.toISOString().slice(0, 10))).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-04",
      "2026-05-25",
      "2026-08-31",
      "2026-12-25",
      "2026-12-28",
    ]);
    expect(holidays.at(-1)?.name).toBe("Boxing Day (substitute day)");
  });
});
