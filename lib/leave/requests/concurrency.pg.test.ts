// Integration (real PostgreSQL): two requests submitted at the same moment, each of which fits the
// balance alone but not both together, cannot both be accepted: the balance row lock makes the
// second wait for the first and then see it. Repeated, because a race that is lost once proves
// little.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { newSqliteFile, startRig, type Rig } from "@/test/failover/support";
import { makeEmployee, makeLeaveType, makeUser, request } from "./test-fixtures";

let rig: Rig;
let create: typeof import("./create-leave-request");
let ledger: typeof import("@/lib/leave/ledger");
let db: (typeof import("@/lib/db"))["db"];
let dbStatus: (typeof import("@/lib/db"))["dbStatus"];
let closeDatabase: () => Promise<void>;

const TODAY = "2031-03-01";
const ROUNDS = 5;

beforeAll(async () => {
  rig = await startRig();
  // The data layer reads its settings once, at first use: PostgreSQL as primary, a SQLite copy.
  process.env.DATABASE_URL = rig.cluster.url;
  process.env.SQLITE_PATH = await newSqliteFile("leave-concurrency");
  create = await import("./create-leave-request");
  ledger = await import("@/lib/leave/ledger");
  ({ db, dbStatus, closeDatabase } = await import("@/lib/db"));
});

afterAll(async () => {
  await closeDatabase?.();
  await rig?.destroy();
});

describe("two requests at once on the same balance", () => {
  it("runs on PostgreSQL", async () => {
    expect((await dbStatus()).active).toBe("postgres");
  });

  it(`never both succeed when together they would overdraw it (${ROUNDS} rounds)`, async () => {
    // 10 days a year; each request is 6 working days, in different weeks so they do not overlap.
    const typeId = await makeLeaveType(db, { yearlyHalfDays: 20 });
    const managerId = await makeEmployee(db);
    for (let round = 1; round <= ROUNDS; round++) {
      const employee: CurrentUser = await makeUser(db, "EMPLOYEE", await makeEmployee(db, { managerId }));
      const results = await Promise.allSettled([
        create.createLeaveRequest(employee, request(typeId, "2031-04-07", "2031-04-14"), { today: TODAY }),
        create.createLeaveRequest(employee, request(typeId, "2031-05-05", "2031-05-12"), { today: TODAY }),
      ]);
      const accepted = results.filter((result) => result.status === "fulfilled");
      const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as { code?: string; fields?: Record<string, string> }] : []));
      expect(accepted, `round ${round}`).toHaveLength(1);
      expect(refused[0], `round ${round}`).toMatchObject({
        code: "validation_failed",
        fields: { endDate: "This needs 6 days but only 4 days are available." },
      });

      const balance = await ledger.getBalance(db, employee.employeeId!, typeId, 2031, TODAY);
      expect(balance, `round ${round}`).toMatchObject({ balance: 20, pending: 12, available: 8 });
      expect(await db.leaveRequest.count({ where: { employeeId: employee.employeeId! } })).toBe(1);
    }
  });
});
