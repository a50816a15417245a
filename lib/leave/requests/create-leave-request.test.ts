// Integration (real SQLite file): a request costs working half-days only, is refused when it
// overlaps another, overdraws the balance or crosses the year end, counts against the balance
// while pending, and the ledger always sums to the balance shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ledgerSum, makeEmployee, makeLeaveType, makeUser, request } from "./test-fixtures";
import { setUpSqliteDatabase } from "@/test/helpers/services";

await setUpSqliteDatabase("leave-requests");

let create: typeof import("./create-leave-request");
let preview: typeof import("./preview-leave-request");
let decide: typeof import("./decide-leave-request");
let cancel: typeof import("./cancel-leave-request");
let ledger: typeof import("@/lib/leave/ledger");
let validations: typeof import("@/lib/validations/leave-requests");
let db: (typeof import("@/lib/db"))["db"];
let closeDatabase: () => Promise<void>;

// A Saturday; every request below is in March–April 2031 unless it says otherwise.
const TODAY = "2031-03-01";
const at = { today: TODAY };

let manager: CurrentUser;
let annual: string;

// A person with a manager and a sign-in, and a fresh 10-day (20 half-day) leave type.
async function staff(typeData: Parameters<typeof makeLeaveType>[1] = {}) {
  const employeeId = await makeEmployee(db, { managerId: manager.employeeId });
  const user = await makeUser(db, "EMPLOYEE", employeeId);
  const typeId = await makeLeaveType(db, typeData);
  return { user, employeeId, typeId };
}

async function refusal(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (failure: unknown) => failure,
  )) as { code?: string; fields?: Record<string, string> } | null;
  expect(error, "expected the request to be refused").not.toBeNull();
  return error!;
}

beforeAll(async () => {
  create = await import("./create-leave-request");
  preview = await import("./preview-leave-request");
  decide = await import("./decide-leave-request");
  cancel = await import("./cancel-leave-request");
  ledger = await import("@/lib/leave/ledger");
  validations = await import("@/lib/validations/leave-requests");
  ({ db, closeDatabase } = await import("@/lib/db"));
  manager = await makeUser(db, "MANAGER", await makeEmployee(db, { firstName: "Manny" }));
  annual = await makeLeaveType(db);
  // A public holiday on Wednesday 5 March and a half-day one (morning off) on Thursday 13 March.
  await db.holiday.create({ data: { date: new Date("2031-03-05T00:00:00Z"), name: "Founders' Day" } });
  await db.holiday.create({ data: { date: new Date("2031-03-13T00:00:00Z"), name: "Spring half-day", isHalfDay: true } });
});

afterAll(async () => {
  await closeDatabase?.();
});

describe("what a request costs", () => {
  it("counts working days only: the weekend and the holiday inside the range are free", async () => {
    const { user, employeeId } = await staff();
    const input = request(annual, "2031-03-03", "2031-03-10"); // Mon to the next Mon
    const shown = await preview.previewLeaveRequest(user, input, at);
    expect(shown.halfDays).toBe(10);
    expect(shown.days.filter((day) => day.halfDays === 0).map((day) => [day.date, day.holidayName ?? day.note])).toEqual([
      ["2031-03-05", "Founders' Day"],
      ["2031-03-08", "not a working day"],
      ["2031-03-09", "not a working day"],
    ]);
    const created = await create.createLeaveRequest(user, input, at);
    expect(created).toMatchObject({ halfDays: 10, status: "PENDING_MANAGER" });
    const row = await db.leaveRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ employeeId, halfDays: 10, managerId: manager.employeeId, status: "PENDING_MANAGER" });
  });

  it("counts half days: from the afternoon of the first day, and only the afternoon of a half-day holiday", async () => {
    const { user } = await staff();
    // Tue 11 from noon (1) + Wed 12 (2) + Thu 13, a half-day holiday (afternoon only: 1).
    const created = await create.createLeaveRequest(user, request(annual, "2031-03-11", "2031-03-13", { startsAfternoon: true }), at);
    expect(created.halfDays).toBe(4);
    // A single morning.
    const morning = await create.createLeaveRequest(user, request(annual, "2031-03-17", "2031-03-17", { endsAtNoon: true }), at);
    expect(morning.halfDays).toBe(1);
  });

  it("refuses half days for a type taken in whole days only", async () => {
    const { user, typeId } = await staff({ allowsHalfDays: false });
    const error = await refusal(create.createLeaveRequest(user, request(typeId, "2031-03-17", "2031-03-18", { endsAtNoon: true }), at));
    expect(error.code).toBe("validation_failed");
    expect(error.fields?.endsAtNoon).toMatch(/whole days only/);
  });

  it("refuses more consecutive days than the type allows", async () => {
    const { user, typeId } = await staff({ maxConsecutiveDays: 3 });
    const error = await refusal(create.createLeaveRequest(user, request(typeId, "2031-03-17", "2031-03-20"), at));
    expect(error.fields?.endDate).toMatch(/at most 3 days in a row/);
  });

  it("refuses dates with no working time in them", async () => {
    const { user } = await staff();
    const error = await refusal(create.createLeaveRequest(user, request(annual, "2031-03-08", "2031-03-09"), at));
    expect(error.fields?.endDate).toMatch(/no working time/);
  });

  it("refuses a request across the year end and asks for it to be split", async () => {
    const { user } = await staff();
    const input = request(annual, "2031-12-29", "2032-01-02");
    const parsed = validations.ZLeaveRequestInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["endDate"], message: expect.stringMatching(/split it into two requests/) });
    // The service checks again, for callers that skip the form.
    const error = await refusal(create.createLeaveRequest(user, input, at));
    expect(error.fields?.endDate).toMatch(/31 December 2031/);
    expect(await db.leaveRequest.count({ where: { employeeId: user.employeeId! } })).toBe(0);
  });
});

describe("overlapping requests", () => {
  it("are refused while the other is pending or approved, and allowed once it is rejected or cancelled", async () => {
    const { user, employeeId } = await staff();
    const first = await create.createLeaveRequest(user, request(annual, "2031-03-17", "2031-03-19"), at);
    const clash = request(annual, "2031-03-19", "2031-03-21");
    const pendingError = await refusal(create.createLeaveRequest(user, clash, at));
    expect(pendingError.fields?.startDate).toMatch(/overlaps your .* \(awaiting manager\)/);

    const row = await db.leaveRequest.findUniqueOrThrow({ where: { id: first.id } });
    await decide.decideLeaveRequest(manager, first.id, row.version, { decision: "approve", comment: null }, at);
    const approvedError = await refusal(create.createLeaveRequest(user, clash, at));
    expect(approvedError.fields?.startDate).toMatch(/\(approved\)/);

    const approved = await db.leaveRequest.findUniqueOrThrow({ where: { id: first.id } });
    await cancel.cancelLeaveRequest(user, first.id, approved.version, "Plans changed", at);
    await expect(create.createLeaveRequest(user, clash, at)).resolves.toMatchObject({ halfDays: 6 });
    expect(await db.leaveRequest.count({ where: { employeeId, status: { in: ["PENDING_MANAGER", "APPROVED"] } } })).toBe(1);
  });

  it("do not include a request starting in the afternoon of the day another ends at noon", async () => {
    const { user } = await staff();
    await create.createLeaveRequest(user, request(annual, "2031-03-17", "2031-03-18", { endsAtNoon: true }), at);
    await expect(create.createLeaveRequest(user, request(annual, "2031-03-18", "2031-03-19", { startsAfternoon: true }), at)).resolves.toMatchObject({
      halfDays: 3,
    });
    const error = await refusal(create.createLeaveRequest(user, request(annual, "2031-03-18", "2031-03-18", { endsAtNoon: true }), at));
    expect(error.fields?.startDate).toMatch(/overlaps/);
  });
});

describe("the balance", () => {
  it("counts pending requests against it and refuses an overdraw, saying what is available", async () => {
    const { user, employeeId, typeId } = await staff();
    await create.createLeaveRequest(user, request(typeId, "2031-03-17", "2031-03-24"), at); // 6 days
    const balance = await ledger.getBalance(db, employeeId, typeId, 2031, TODAY);
    expect(balance).toMatchObject({ balance: 20, pending: 12, available: 8 });

    const tooMuch = request(typeId, "2031-04-07", "2031-04-11"); // 5 days, 4 left
    const shown = await preview.previewLeaveRequest(user, tooMuch, at);
    expect(shown.balance).toMatchObject({ available: 8, pending: 12, availableAfter: -2 });
    expect(shown.errors.endDate).toBe("This needs 5 days but only 4 days are available.");
    const error = await refusal(create.createLeaveRequest(user, tooMuch, at));
    expect(error.fields?.endDate).toBe("This needs 5 days but only 4 days are available.");

    await expect(create.createLeaveRequest(user, request(typeId, "2031-04-07", "2031-04-10"), at)).resolves.toMatchObject({ halfDays: 8 });
    expect(await ledger.getBalance(db, employeeId, typeId, 2031, TODAY)).toMatchObject({ pending: 20, available: 0 });
  });

  it("has no limit for a type without a yearly entitlement, and still records what was taken", async () => {
    const { user, employeeId, typeId } = await staff({ yearlyHalfDays: 0, isPaid: false });
    const created = await create.createLeaveRequest(user, request(typeId, "2031-04-01", "2031-04-30"), at);
    expect(created.halfDays).toBe(44);
    const row = await db.leaveRequest.findUniqueOrThrow({ where: { id: created.id } });
    await decide.decideLeaveRequest(manager, created.id, row.version, { decision: "approve", comment: null }, at);
    expect(await ledgerSum(db, employeeId, typeId, 2031)).toBe(-44);
  });

  it("is only drawn on by HR for someone else, never by a colleague", async () => {
    const { user: colleague } = await staff();
    const { employeeId } = await staff();
    const error = await refusal(create.createLeaveRequest(colleague, request(annual, "2031-03-17", "2031-03-17"), { ...at, forEmployeeId: employeeId }));
    expect(error.code).toBe("forbidden");
  });
});

describe("the ledger", () => {
  it("sums to the balance shown, after approval and after cancellation", async () => {
    const { user, employeeId, typeId } = await staff();
    const created = await create.createLeaveRequest(user, request(typeId, "2031-04-07", "2031-04-11"), at); // Mon–Fri, 5 days
    const shown = async () => {
      const [balance] = (await ledger.getBalances(db, employeeId, 2031, TODAY)).filter((item) => item.leaveTypeId === typeId);
      return balance;
    };
    expect(await shown()).toMatchObject({ balance: 20, scheduled: 0, pending: 10, available: 10 });

    let row = await db.leaveRequest.findUniqueOrThrow({ where: { id: created.id } });
    await decide.decideLeaveRequest(manager, created.id, row.version, { decision: "approve", comment: "Enjoy" }, at);
    const afterApproval = await shown();
    expect(afterApproval).toMatchObject({ balance: 20, scheduled: 10, pending: 0, available: 10 });
    expect(await ledgerSum(db, employeeId, typeId, 2031)).toBe(afterApproval.available);
    expect(afterApproval.lines.reduce((sum, line) => sum + line.halfDays, 0)).toBe(afterApproval.available);
    expect(afterApproval.lines.find((line) => line.kind === "TAKEN")).toMatchObject({
      halfDays: -10,
      requestId: created.id,
      effectiveDate: new Date("2031-04-07T00:00:00Z"),
    });

    row = await db.leaveRequest.findUniqueOrThrow({ where: { id: created.id } });
    await expect(cancel.cancelLeaveRequest(user, created.id, row.version, null, at)).resolves.toEqual({ status: "CANCELLED" });
    const afterCancel = await shown();
    expect(afterCancel).toMatchObject({ balance: 20, scheduled: 0, pending: 0, available: 20 });
    expect(await ledgerSum(db, employeeId, typeId, 2031)).toBe(afterCancel.available);
    // Once the dates have passed, the balance itself holds the same sum.
    expect((await ledger.getBalance(db, employeeId, typeId, 2031, "2031-12-31")).balance).toBe(20);
  });

  it("gives nothing back when a pending request is cancelled, because nothing was booked", async () => {
    const { user, employeeId, typeId } = await staff();
    const created = await create.createLeaveRequest(user, request(typeId, "2031-04-07", "2031-04-08"), at);
    const row = await db.leaveRequest.findUniqueOrThrow({ where: { id: created.id } });
    await cancel.cancelLeaveRequest(user, created.id, row.version, null, at);
    expect(await db.leaveLedgerEntry.count({ where: { requestId: created.id } })).toBe(0);
    expect(await ledger.getBalance(db, employeeId, typeId, 2031, TODAY)).toMatchObject({ pending: 0, available: 20 });
  });
});
