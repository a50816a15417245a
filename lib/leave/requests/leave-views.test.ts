// Integration (real SQLite file): who is out, the team calendar, a request's detail and the
// dashboard cards each show what the viewer's scope allows, from the same requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { makeEmployee, makeLeaveType, makeUser, request } from "./test-fixtures";
import { setUpSqliteDatabase } from "@/test/helpers/services";

await setUpSqliteDatabase("leave-views");

let create: typeof import("./create-leave-request");
let decide: typeof import("./decide-leave-request");
let views: {
  whoIsOut: typeof import("./who-is-out").whoIsOut;
  teamCalendar: typeof import("./team-calendar").teamCalendar;
  getLeaveRequest: typeof import("./get-leave-request").getLeaveRequest;
  getLeaveCards: typeof import("@/lib/leave/dashboard-cards").getLeaveCards;
};
let db: (typeof import("@/lib/db"))["db"];
let closeDatabase: () => Promise<void>;

const TODAY = "2031-03-01";
let hr: CurrentUser;
let manager: CurrentUser;
let ann: CurrentUser;
let bob: CurrentUser;
let outsider: CurrentUser;
let annLeave: string;
let bobPending: string;
let outsiderLeave: string;

beforeAll(async () => {
  create = await import("./create-leave-request");
  decide = await import("./decide-leave-request");
  views = {
    whoIsOut: (await import("./who-is-out")).whoIsOut,
    teamCalendar: (await import("./team-calendar")).teamCalendar,
    getLeaveRequest: (await import("./get-leave-request")).getLeaveRequest,
    getLeaveCards: (await import("@/lib/leave/dashboard-cards")).getLeaveCards,
  };
  ({ db, closeDatabase } = await import("@/lib/db"));
  const typeId = await makeLeaveType(db, { yearlyHalfDays: 40 });
  hr = await makeUser(db, "HR", null);
  manager = await makeUser(db, "MANAGER", await makeEmployee(db, { firstName: "Manny" }));
  ann = await makeUser(db, "EMPLOYEE", await makeEmployee(db, { managerId: manager.employeeId, firstName: "Ann" }));
  bob = await makeUser(db, "EMPLOYEE", await makeEmployee(db, { managerId: manager.employeeId, firstName: "Bob" }));
  outsider = await makeUser(db, "EMPLOYEE", await makeEmployee(db, { firstName: "Olga" }));
  await db.holiday.create({ data: { date: new Date("2031-03-05T00:00:00Z"), name: "Founders' Day" } });

  // Ann: approved Mon 3 – Tue 4 March (the Tuesday until noon). Bob: pending Thu 6 – Fri 7.
  annLeave = (await create.createLeaveRequest(ann, request(typeId, "2031-03-03", "2031-03-04", { endsAtNoon: true, reason: "Family visit" }), { today: TODAY }))
    .id;
  const annRow = await db.leaveRequest.findUniqueOrThrow({ where: { id: annLeave } });
  await decide.decideLeaveRequest(manager, annLeave, annRow.version, { decision: "approve", comment: "Enjoy" }, { today: TODAY });
  bobPending = (await create.createLeaveRequest(bob, request(typeId, "2031-03-06", "2031-03-07"), { today: TODAY })).id;
  // Olga has no manager: HR approves.
  outsiderLeave = (await create.createLeaveRequest(outsider, request(typeId, "2031-03-03", "2031-03-03"), { today: TODAY })).id;
  const outsiderRow = await db.leaveRequest.findUniqueOrThrow({ where: { id: outsiderLeave } });
  await decide.decideLeaveRequest(hr, outsiderLeave, outsiderRow.version, { decision: "approve", comment: null }, { today: TODAY });
});

afterAll(async () => {
  await closeDatabase?.();
});

describe("who is out", () => {
  it("lists approved leave only, within the viewer's scope", async () => {
    const names = async (user: CurrentUser) => (await views.whoIsOut(user, "2031-03-03", "2031-03-07")).map((absence) => absence.name.split(" ")[0]).sort();
    expect(await names(hr)).toEqual(["Ann", "Olga"]);
    expect(await names(manager)).toEqual(["Ann"]);
    expect(await names(bob)).toEqual([]);
    expect(await names(ann)).toEqual(["Ann"]);
  });
});

describe("the team calendar", () => {
  it("shows the manager's team by day: half days, pending leave, weekends and holidays", async () => {
    const calendar = await views.teamCalendar(manager, "2031-03");
    expect(calendar.scope).toBe("team");
    expect(calendar.rows.map((row) => row.name.split(" ")[0]).sort()).toEqual(["Ann", "Bob", "Manny"]);
    expect(calendar.days).toHaveLength(31);
    expect(calendar.days[0]).toMatchObject({ date: "2031-03-01", isWorkDay: false });
    expect(calendar.days[4]).toMatchObject({ date: "2031-03-05", holiday: { name: "Founders' Day", isHalfDay: false } });

    const annRow = calendar.rows.find((row) => row.name.startsWith("Ann"))!;
    expect(annRow.cells[2]).toMatchObject({ requestId: annLeave, morning: true, afternoon: true, isFirst: true, isPending: false });
    expect(annRow.cells[3]).toMatchObject({ morning: true, afternoon: false, isLast: true });
    expect(annRow.cells[4]).toBeNull();
    const bobRow = calendar.rows.find((row) => row.name.startsWith("Bob"))!;
    expect(bobRow.cells[5]).toMatchObject({ requestId: bobPending, isPending: true, status: "PENDING_MANAGER" });
  });

  it("shows HR everyone, and an employee only themselves", async () => {
    expect((await views.teamCalendar(hr, "2031-03")).scope).toBe("all");
    const own = await views.teamCalendar(bob, "2031-03");
    expect(own.rows.map((row) => row.id)).toEqual([bob.employeeId]);
  });
});

describe("a request's detail", () => {
  it("tells its history from the audit trail, and lists its ledger lines", async () => {
    const detail = await views.getLeaveRequest(ann, annLeave, { today: TODAY });
    expect(detail?.history.map((event) => [event.text, event.comment])).toEqual([
      ["Requested; sent to the manager", "Family visit"],
      ["Approved", "Enjoy"],
    ]);
    expect(detail?.ledger).toMatchObject([{ kind: "TAKEN", halfDays: -3 }]);
    expect(detail).toMatchObject({ isOwn: true, canCancel: true, canDecide: false, cancelNeedsAgreement: false });
  });

  it("is hidden from people outside the employee's line, and offers the manager a decision", async () => {
    expect(await views.getLeaveRequest(outsider, bobPending, { today: TODAY })).toBeNull();
    const forManager = await views.getLeaveRequest(manager, bobPending, { today: TODAY });
    expect(forManager).toMatchObject({ canDecide: true, canCancel: false, balanceAfter: { balance: 40, remainingAfter: 36 } });
  });
});

describe("the dashboard cards", () => {
  it("show who is out today and later this week, pending approvals and balances", async () => {
    const cards = await views.getLeaveCards(manager, new Date("2031-03-03T09:00:00Z"));
    expect(cards.week).toEqual({ from: "2031-03-03", to: "2031-03-09" });
    expect(cards.outToday.map((absence) => absence.requestId)).toEqual([annLeave]);
    expect(cards.approvals?.items.map((item) => item.id)).toEqual([bobPending]);
    expect(cards.myBalances).toEqual([expect.objectContaining({ available: 40, pending: 0 })]);

    const employeeCards = await views.getLeaveCards(bob, new Date("2031-03-03T09:00:00Z"));
    expect(employeeCards.approvals).toBeNull();
    expect(employeeCards.myBalances).toEqual([expect.objectContaining({ available: 36, pending: 4 })]);
  });
});
