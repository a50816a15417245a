// Integration (real SQLite file): the manager approves or rejects, HR takes the second level when
// the type requires it or acts for anyone, nobody else may decide, a decision is made at the
// version the decider saw, and everyone concerned is notified.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { makeEmployee, makeLeaveType, makeUser, request } from "./test-fixtures";
import { setUpSqliteDatabase } from "@/test/helpers/services";

await setUpSqliteDatabase("leave-decisions");

let create: typeof import("./create-leave-request");
let decide: typeof import("./decide-leave-request");
let cancel: typeof import("./cancel-leave-request");
let list: typeof import("./list-leave-requests");
let db: (typeof import("@/lib/db"))["db"];
let closeDatabase: () => Promise<void>;

const TODAY = "2031-03-01";
const at = { today: TODAY };

let hr: CurrentUser;
let plainType: string;
let hrType: string;

type Team = { manager: CurrentUser; employee: CurrentUser };

async function team(): Promise<Team> {
  const managerId = await makeEmployee(db, { firstName: "Manny" });
  const manager = await makeUser(db, "MANAGER", managerId);
  const employee = await makeUser(db, "EMPLOYEE", await makeEmployee(db, { managerId, firstName: "Emma" }));
  return { manager, employee };
}

async function submit(employee: CurrentUser, typeId: string, start = "2031-04-07", end = "2031-04-09") {
  const { id } = await create.createLeaveRequest(employee, request(typeId, start, end), at);
  return db.leaveRequest.findUniqueOrThrow({ where: { id } });
}

const approve = { decision: "approve" as const, comment: null };

async function notificationsFor(user: CurrentUser) {
  return db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select: { kind: true, title: true, link: true } });
}

beforeAll(async () => {
  create = await import("./create-leave-request");
  decide = await import("./decide-leave-request");
  cancel = await import("./cancel-leave-request");
  list = await import("./list-leave-requests");
  ({ db, closeDatabase } = await import("@/lib/db"));
  hr = await makeUser(db, "HR", null);
  plainType = await makeLeaveType(db, { yearlyHalfDays: 60 });
  hrType = await makeLeaveType(db, { yearlyHalfDays: 60, requiresHrApproval: true });
});

afterAll(async () => {
  await closeDatabase?.();
});

describe("the manager's decision", () => {
  it("approves a request outright when the type needs no second level, and books it in the ledger", async () => {
    const { manager, employee } = await team();
    const pending = await submit(employee, plainType);
    await expect(decide.decideLeaveRequest(manager, pending.id, pending.version, { decision: "approve", comment: "Have fun" }, at)).resolves.toMatchObject({
      status: "APPROVED",
    });
    const row = await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } });
    expect(row).toMatchObject({ status: "APPROVED", managerComment: "Have fun", hrDecidedAt: null });
    expect(row.managerDecidedAt).toBeInstanceOf(Date);
    const lines = await db.leaveLedgerEntry.findMany({ where: { requestId: pending.id } });
    expect(lines).toMatchObject([{ kind: "TAKEN", halfDays: -6, year: 2031 }]);
  });

  it("passes a request to HR when the type requires it; only HR then approves it", async () => {
    const { manager, employee } = await team();
    const pending = await submit(employee, hrType);
    await expect(decide.decideLeaveRequest(manager, pending.id, pending.version, approve, at)).resolves.toMatchObject({ status: "PENDING_HR" });
    expect(await db.leaveLedgerEntry.count({ where: { requestId: pending.id } })).toBe(0);

    const atHr = await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } });
    await expect(decide.decideLeaveRequest(manager, atHr.id, atHr.version, approve, at)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/awaits HR/),
    });
    await expect(decide.decideLeaveRequest(hr, atHr.id, atHr.version, { decision: "approve", comment: "Checked" }, at)).resolves.toMatchObject({
      status: "APPROVED",
    });
    const row = await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } });
    expect(row).toMatchObject({ status: "APPROVED", hrComment: "Checked", hrDecidedById: hr.id });
    expect(await db.leaveLedgerEntry.count({ where: { requestId: pending.id, kind: "TAKEN" } })).toBe(1);
  });

  it("refuses a manager who is not the employee's, and the employee themselves", async () => {
    const { employee } = await team();
    const { manager: otherManager } = await team();
    const pending = await submit(employee, plainType);
    await expect(decide.decideLeaveRequest(otherManager, pending.id, pending.version, approve, at)).rejects.toMatchObject({ code: "forbidden" });
    await expect(decide.decideLeaveRequest(employee, pending.id, pending.version, approve, at)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/your own leave/),
    });
    expect((await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING_MANAGER");
  });

  it("needs a comment to reject, and a rejection books nothing", async () => {
    const { manager, employee } = await team();
    const pending = await submit(employee, plainType);
    await expect(decide.decideLeaveRequest(manager, pending.id, pending.version, { decision: "reject", comment: null }, at)).rejects.toMatchObject({
      code: "validation_failed",
      fields: { comment: expect.any(String) },
    });
    await expect(
      decide.decideLeaveRequest(manager, pending.id, pending.version, { decision: "reject", comment: "We are short that week" }, at),
    ).resolves.toMatchObject({ status: "REJECTED" });
    expect(await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "REJECTED",
      managerComment: "We are short that week",
    });
    expect(await db.leaveLedgerEntry.count({ where: { requestId: pending.id } })).toBe(0);
  });

  it("is refused as a conflict when the request moved on since the decider opened it", async () => {
    const { manager, employee } = await team();
    const pending = await submit(employee, plainType);
    await decide.decideLeaveRequest(hr, pending.id, pending.version, approve, at);
    await expect(decide.decideLeaveRequest(manager, pending.id, pending.version, { decision: "reject", comment: "No" }, at)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await db.leaveLedgerEntry.count({ where: { requestId: pending.id } })).toBe(1);
  });

  it("is refused as a conflict at a stale version of a request still pending", async () => {
    const { manager, employee } = await team();
    const pending = await submit(employee, plainType);
    // Any change to the row (here, the employee editing nothing but bumping it) moves the version on.
    await db.leaveRequest.update({ where: { id: pending.id }, data: { reason: "Updated reason" } });
    await expect(decide.decideLeaveRequest(manager, pending.id, pending.version, approve, at)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("HR", () => {
  it("approves at the manager's stage for anyone, which also satisfies the second level", async () => {
    const { employee } = await team();
    const pending = await submit(employee, hrType);
    await expect(decide.decideLeaveRequest(hr, pending.id, pending.version, approve, at)).resolves.toMatchObject({ status: "APPROVED" });
    expect(await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ hrDecidedById: hr.id, managerDecidedAt: null });
  });

  it("receives requests directly from someone without a manager", async () => {
    const loner = await makeUser(db, "EMPLOYEE", await makeEmployee(db));
    const pending = await submit(loner, plainType);
    expect(pending).toMatchObject({ status: "PENDING_HR", managerId: null });
    expect((await notificationsFor(hr)).some((item) => item.kind === "leave.pending-approval" && item.title.includes("Leave to approve"))).toBe(true);
    const queue = await list.listLeaveRequests(hr, { view: "approvals" }, at);
    expect(queue.rows.map((row) => row.id)).toContain(pending.id);
  });

  it("requests leave on someone's behalf", async () => {
    const { manager, employee } = await team();
    const created = await create.createLeaveRequest(hr, request(plainType, "2031-05-05", "2031-05-05"), { ...at, forEmployeeId: employee.employeeId! });
    expect(created).toMatchObject({ status: "PENDING_MANAGER", halfDays: 2 });
    expect((await notificationsFor(employee)).at(-1)).toMatchObject({ kind: "leave.submitted", link: `/leave/${created.id}` });
    expect((await notificationsFor(manager)).at(-1)).toMatchObject({ kind: "leave.pending-approval" });
  });
});

describe("cancelling leave that has started", () => {
  it("waits for the approver, who agrees (days given back) or refuses (leave stands)", async () => {
    const { manager, employee } = await team();
    const started = { today: "2031-04-08" };
    const pending = await submit(employee, plainType, "2031-04-07", "2031-04-09");
    await decide.decideLeaveRequest(manager, pending.id, pending.version, approve, at);

    let row = await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } });
    await expect(cancel.cancelLeaveRequest(employee, row.id, row.version, "Came back early", started)).resolves.toEqual({ status: "CANCELLATION_PENDING" });
    row = await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } });
    await expect(decide.decideLeaveRequest(manager, row.id, row.version, { decision: "reject", comment: "You were away" }, started)).resolves.toMatchObject({
      status: "APPROVED",
      wasCancellation: true,
    });
    expect(await db.leaveLedgerEntry.count({ where: { requestId: pending.id } })).toBe(1);

    row = await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } });
    await cancel.cancelLeaveRequest(employee, row.id, row.version, "Really came back early", started);
    row = await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } });
    await expect(decide.decideLeaveRequest(manager, row.id, row.version, approve, started)).resolves.toMatchObject({ status: "CANCELLED" });
    const lines = await db.leaveLedgerEntry.findMany({ where: { requestId: pending.id }, orderBy: { createdAt: "asc" } });
    expect(lines.map((line) => [line.kind, line.halfDays])).toEqual([
      ["TAKEN", -6],
      ["CANCELLED", 6],
    ]);
    expect((await notificationsFor(employee)).at(-1)).toMatchObject({ kind: "leave.cancelled", title: "Cancellation approved" });
  });
});

describe("notifications", () => {
  it("tell the manager of a new request and the employee of the decision", async () => {
    const { manager, employee } = await team();
    const pending = await submit(employee, plainType);
    expect(await notificationsFor(manager)).toEqual([expect.objectContaining({ kind: "leave.pending-approval", link: "/leave/approvals" })]);
    expect(await notificationsFor(employee)).toEqual([expect.objectContaining({ kind: "leave.submitted" })]);

    await decide.decideLeaveRequest(manager, pending.id, pending.version, approve, at);
    expect((await notificationsFor(employee)).at(-1)).toMatchObject({ kind: "leave.approved", title: "Leave approved", link: `/leave/${pending.id}` });
  });

  it("tell HR when a request reaches them, and the employee when it is rejected", async () => {
    const { manager, employee } = await team();
    const before = (await notificationsFor(hr)).length;
    const pending = await submit(employee, hrType);
    await decide.decideLeaveRequest(manager, pending.id, pending.version, approve, at);
    const toHr = await notificationsFor(hr);
    expect(toHr.length).toBe(before + 1);
    expect(toHr.at(-1)).toMatchObject({ kind: "leave.pending-approval", link: "/leave/approvals" });

    const atHr = await db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } });
    await decide.decideLeaveRequest(hr, atHr.id, atHr.version, { decision: "reject", comment: "Missing certificate" }, at);
    expect((await notificationsFor(employee)).at(-1)).toMatchObject({ kind: "leave.rejected", title: "Leave rejected" });
  });

  it("tell the manager when an employee cancels", async () => {
    const { manager, employee } = await team();
    const pending = await submit(employee, plainType);
    await cancel.cancelLeaveRequest(employee, pending.id, pending.version, null, at);
    expect((await notificationsFor(manager)).at(-1)).toMatchObject({ kind: "leave.cancelled" });
  });
});

describe("the approvals queue", () => {
  it("shows a manager their direct reports' pending requests, not other teams' nor their own", async () => {
    const { manager, employee } = await team();
    const { employee: stranger } = await team();
    const mine = await submit(employee, plainType);
    const theirs = await submit(stranger, plainType);
    const queue = await list.listLeaveRequests(manager, { view: "approvals" }, at);
    const ids = queue.rows.map((row) => row.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(queue.rows.find((row) => row.id === mine.id)).toMatchObject({ canDecide: true, canCancel: false });
    const after = await list.balancesAfter(queue.rows, at);
    expect(after.get(mine.id)).toMatchObject({ balance: 60, remainingAfter: 54, otherPending: 0 });
  });
});
