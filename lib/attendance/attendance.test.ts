// Attendance on a real SQLite database: check-in and check-out, the month's days against the
// schedule (in Europe/Berlin, to keep time zones honest), corrections and who may decide them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { newSqliteFile } from "@/test/failover/support";
import { zonedInstant } from "./time-zone";

const TZ = "Europe/Berlin";
const at = (date: string, time: string) => zonedInstant(date, time, TZ);
// "Now" for the month tests: well after March 2025, so every day of it is in the past.
const APRIL = at("2025-04-15", "12:00");

let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;
let attendance: {
  checkIn: typeof import("./check-in").checkIn;
  checkOut: typeof import("./check-in").checkOut;
  getToday: typeof import("./check-in").getToday;
  monthView: typeof import("./month-view").monthView;
  requestCorrection: typeof import("./request-correction").requestCorrection;
  decideCorrection: typeof import("./decide-correction").decideCorrection;
  listCorrectionQueue: typeof import("./list-corrections").listCorrectionQueue;
  monthlySummary: typeof import("./monthly-summary").monthlySummary;
  summaryCsv: typeof import("./summary-csv").summaryCsv;
};

let serial = 0;
async function person(role: Role, managerId: string | null = null): Promise<CurrentUser> {
  serial += 1;
  const employee = await db.employee.create({
    data: {
      employeeNumber: `ATT-${serial}`,
      firstName: `Person${serial}`,
      lastName: role,
      workEmail: `att${serial}@example.com`,
      jobTitle: "Tester",
      hireDate: new Date("2024-01-01T00:00:00Z"),
      managerId,
    },
    select: { id: true },
  });
  const user = await db.user.create({
    data: { email: `att${serial}@example.com`, passwordHash: "not-a-real-hash", role, employeeId: employee.id },
    select: { id: true, email: true },
  });
  return { id: user.id, email: user.email, role, employeeId: employee.id, name: `Person${serial} ${role}` };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

async function session(user: CurrentUser, date: string, from: string, to: string | null) {
  await attendance.checkIn(user, at(date, from));
  if (to) await attendance.checkOut(user, at(date, to));
}

async function notificationsOf(user: CurrentUser) {
  return db.notification.findMany({ where: { userId: user.id }, select: { kind: true, link: true }, orderBy: { createdAt: "asc" } });
}

let hr: CurrentUser;
let manager: CurrentUser;
let employee: CurrentUser;
let otherManager: CurrentUser;
let otherReport: CurrentUser;

beforeAll(async () => {
  process.env.DATABASE_URL = "";
  process.env.SQLITE_PATH = await newSqliteFile("attendance");
  ({ db, closeDatabase } = await import("@/lib/db"));
  const { writeSetting } = await import("@/lib/settings/settings");
  await writeSetting("attendance-schedule", { start: "09:00", end: "17:30", graceMinutes: 10, timeZone: TZ });
  attendance = {
    ...(await import("./check-in")),
    ...(await import("./month-view")),
    ...(await import("./request-correction")),
    ...(await import("./decide-correction")),
    ...(await import("./list-corrections")),
    ...(await import("./monthly-summary")),
    ...(await import("./summary-csv")),
  };
  hr = await person("HR");
  manager = await person("MANAGER");
  employee = await person("EMPLOYEE", manager.employeeId);
  otherManager = await person("MANAGER");
  otherReport = await person("EMPLOYEE", otherManager.employeeId);
});

afterAll(async () => {
  await closeDatabase?.();
});

describe("check-in and check-out", () => {
  it("allows one open record at a time", async () => {
    const someone = await person("EMPLOYEE", manager.employeeId);
    const opened = await attendance.checkIn(someone, at("2025-02-03", "08:55"));
    expect(opened.checkOutAt).toBeNull();

    const second = await rejection(attendance.checkIn(someone, at("2025-02-03", "09:30")));
    expect(second.code).toBe("conflict");
    expect(second.message).toMatch(/already checked in/i);
    expect(await db.attendanceRecord.count({ where: { employeeId: someone.employeeId! } })).toBe(1);

    const closed = await attendance.checkOut(someone, at("2025-02-03", "17:40"));
    expect(closed.id).toBe(opened.id);
    expect(closed.checkOutAt).toEqual(at("2025-02-03", "17:40"));
    expect((await rejection(attendance.checkOut(someone, at("2025-02-03", "17:41")))).message).toMatch(/not checked in/i);

    const again = await attendance.checkIn(someone, at("2025-02-03", "18:30"));
    expect(again.id).not.toBe(opened.id);
    expect(await db.attendanceRecord.count({ where: { employeeId: someone.employeeId!, checkOutAt: null } })).toBe(1);
  });

  it("refuses two check-ins at the same moment, letting exactly one through", async () => {
    const someone = await person("EMPLOYEE", manager.employeeId);
    const results = await Promise.allSettled([attendance.checkIn(someone, at("2025-02-04", "09:00")), attendance.checkIn(someone, at("2025-02-04", "09:00"))]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.attendanceRecord.count({ where: { employeeId: someone.employeeId! } })).toBe(1);
  });

  it("files the record under the local date in the schedule's time zone", async () => {
    const someone = await person("EMPLOYEE", manager.employeeId);
    // 23:30 UTC on 3 Feb is 00:30 on 4 Feb in Berlin.
    const record = await attendance.checkIn(someone, new Date("2025-02-03T23:30:00Z"));
    expect(record.date.toISOString().slice(0, 10)).toBe("2025-02-04");
    const today = await attendance.getToday(someone, new Date("2025-02-04T01:30:00Z"));
    expect(today).toMatchObject({ date: "2025-02-04", timeZone: TZ, isLinked: true, open: { isFromEarlierDay: false }, minutesToday: 120 });
  });

  it("refuses a sign-in without an employee record", async () => {
    const admin = { id: "no-employee", email: "svc@example.com", role: "ADMIN" as const, employeeId: null, name: "Service" };
    expect((await rejection(attendance.checkIn(admin))).code).toBe("bad_request");
    expect((await attendance.getToday(admin)).isLinked).toBe(false);
  });
});

describe("the month view", () => {
  let worker: CurrentUser;

  beforeAll(async () => {
    worker = await person("EMPLOYEE", manager.employeeId);
    await session(worker, "2025-03-03", "08:00", "12:00");
    await session(worker, "2025-03-03", "13:00", "17:45");
    await session(worker, "2025-03-04", "09:10", "17:20"); // exactly at the grace limits: neither late nor early
    await session(worker, "2025-03-05", "09:11", "17:19"); // a minute past each limit: late and early
    await session(worker, "2025-03-08", "10:00", "12:00"); // a Saturday: worked, but nothing to be late for
    await db.holiday.create({ data: { date: new Date("2025-03-10T00:00:00Z"), name: "Founders' Day" } });
    const type = await db.leaveType.create({ data: { code: `AL-${serial}`, name: "Annual leave" }, select: { id: true } });
    const leave = (startDate: string, endDate: string, status: "APPROVED" | "PENDING_MANAGER", endsAtNoon = false) =>
      db.leaveRequest.create({
        data: {
          employeeId: worker.employeeId!,
          leaveTypeId: type.id,
          startDate: new Date(`${startDate}T00:00:00Z`),
          endDate: new Date(`${endDate}T00:00:00Z`),
          halfDays: 2,
          status,
          endsAtNoon,
        },
      });
    await leave("2025-03-11", "2025-03-12", "APPROVED");
    await leave("2025-03-13", "2025-03-13", "PENDING_MANAGER");
    await leave("2025-03-14", "2025-03-14", "APPROVED", true); // the morning only
    await session(worker, "2025-03-14", "13:00", "17:30"); // afternoon worked: not late, since the morning was leave
  });

  it("adds up hours worked across a day's sessions", async () => {
    const view = await attendance.monthView(worker, worker.employeeId!, "2025-03", APRIL);
    const day = view.days.find((item) => item.date === "2025-03-03")!;
    expect(day).toMatchObject({ status: "present", minutes: 240 + 285, isLate: false, isEarly: false });
    expect(day.records).toHaveLength(2);
  });

  it("flags late arrivals and early departures only beyond the grace minutes", async () => {
    const view = await attendance.monthView(worker, worker.employeeId!, "2025-03", APRIL);
    const byDate = new Map(view.days.map((day) => [day.date, day]));
    expect(byDate.get("2025-03-04")).toMatchObject({ isLate: false, isEarly: false });
    expect(byDate.get("2025-03-05")).toMatchObject({ isLate: true, isEarly: true });
    expect(byDate.get("2025-03-08")).toMatchObject({ status: "present", isWorkingDay: false, isLate: false, isEarly: false });
    expect(byDate.get("2025-03-14")).toMatchObject({ status: "present", isLate: false, leave: { part: "morning" } });
  });

  it("marks absences only on working days without a record or approved leave", async () => {
    const view = await attendance.monthView(worker, worker.employeeId!, "2025-03", APRIL);
    const status = (date: string) => view.days.find((day) => day.date === date)!.status;
    expect(status("2025-03-06")).toBe("absent"); // a Thursday with nothing
    expect(status("2025-03-09")).toBe("off"); // Sunday
    expect(status("2025-03-10")).toBe("off"); // the holiday
    expect(view.days.find((day) => day.date === "2025-03-10")!.holiday).toEqual({ name: "Founders' Day", isHalfDay: false });
    expect(status("2025-03-11")).toBe("leave");
    expect(status("2025-03-12")).toBe("leave");
    expect(status("2025-03-13")).toBe("absent"); // leave only requested, not approved
    // March 2025: 21 weekdays, one a holiday; present on 4 working days and a Saturday.
    expect(view.totals).toMatchObject({ workingDays: 20, presentDays: 5, leaveDays: 2.5, lateCount: 1, earlyCount: 1 });
    // Every other working day is a whole day's absence (the 14th's morning was leave, its afternoon worked).
    expect(view.totals.absentDays).toBe(20 - 4 - 2);
  });

  it("shows days still to come as upcoming, not absent", async () => {
    const view = await attendance.monthView(worker, worker.employeeId!, "2025-03", at("2025-03-06", "12:00"));
    const status = (date: string) => view.days.find((day) => day.date === date)!.status;
    expect(status("2025-03-06")).toBe("today");
    expect(status("2025-03-07")).toBe("upcoming");
    expect(view.totals.absentDays).toBe(0);
  });

  it("lets the manager and HR see an employee's month, and nobody else", async () => {
    await expect(attendance.monthView(manager, worker.employeeId!, "2025-03", APRIL)).resolves.toMatchObject({ employee: { id: worker.employeeId } });
    await expect(attendance.monthView(hr, worker.employeeId!, "2025-03", APRIL)).resolves.toBeTruthy();
    expect((await rejection(attendance.monthView(otherManager, worker.employeeId!, "2025-03", APRIL))).code).toBe("not_found");
    expect((await rejection(attendance.monthView(employee, worker.employeeId!, "2025-03", APRIL))).code).toBe("not_found");
  });
});

describe("corrections", () => {
  it("an approved correction from the manager creates the day's record, and both sides are told", async () => {
    const { id } = await attendance.requestCorrection(
      employee,
      { date: "2025-03-07", checkIn: "09:00", checkOut: "17:30", reason: "Badge reader was down" },
      APRIL,
    );
    expect(await notificationsOf(manager)).toContainEqual({ kind: "attendance.correction.submitted", link: "/attendance/corrections" });
    const queue = await attendance.listCorrectionQueue(manager, { state: "pending", page: 1 });
    expect(queue.rows.map((row) => row.id)).toContain(id);
    expect(await db.attendanceRecord.count({ where: { employeeId: employee.employeeId!, date: new Date("2025-03-07T00:00:00Z") } })).toBe(0);

    await attendance.decideCorrection(manager, { id, version: 1, decision: "APPROVED", comment: "Thanks" }, APRIL);

    const records = await db.attendanceRecord.findMany({
      where: { employeeId: employee.employeeId!, date: new Date("2025-03-07T00:00:00Z") },
      select: { id: true, checkInAt: true, checkOutAt: true },
    });
    expect(records).toEqual([{ id: expect.any(String), checkInAt: at("2025-03-07", "09:00"), checkOutAt: at("2025-03-07", "17:30") }]);
    const correction = await db.attendanceCorrection.findUniqueOrThrow({ where: { id }, select: { status: true, recordId: true, decidedAt: true } });
    expect(correction).toMatchObject({ status: "APPROVED", recordId: records[0].id });
    const view = await attendance.monthView(employee, employee.employeeId!, "2025-03", APRIL);
    expect(view.days.find((day) => day.date === "2025-03-07")).toMatchObject({ status: "present", minutes: 510 });
    expect(await notificationsOf(employee)).toContainEqual({ kind: "attendance.correction.approved", link: "/attendance?month=2025-03" });
  });

  it("corrects the session left open that day instead of adding another", async () => {
    await session(employee, "2025-03-17", "08:50", null);
    const { id } = await attendance.requestCorrection(
      employee,
      { date: "2025-03-17", checkIn: "08:50", checkOut: "17:35", reason: "Forgot to check out" },
      APRIL,
    );
    await attendance.decideCorrection(manager, { id, version: 1, decision: "APPROVED" }, APRIL);
    const records = await db.attendanceRecord.findMany({
      where: { employeeId: employee.employeeId!, date: new Date("2025-03-17T00:00:00Z") },
      select: { checkOutAt: true },
    });
    expect(records).toEqual([{ checkOutAt: at("2025-03-17", "17:35") }]);
  });

  it("refuses an unrelated manager and the employee themselves, and changes nothing", async () => {
    const { id } = await attendance.requestCorrection(
      employee,
      { date: "2025-03-18", checkIn: "09:00", checkOut: "17:00", reason: "Worked from a client site" },
      APRIL,
    );
    expect((await rejection(attendance.decideCorrection(otherManager, { id, version: 1, decision: "APPROVED" }, APRIL))).code).toBe("forbidden");
    expect((await rejection(attendance.decideCorrection(employee, { id, version: 1, decision: "APPROVED" }, APRIL))).code).toBe("forbidden");
    expect((await attendance.listCorrectionQueue(otherManager, { state: "pending", page: 1 })).rows.map((row) => row.id)).not.toContain(id);
    expect(await db.attendanceCorrection.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "PENDING" });
    expect(await db.attendanceRecord.count({ where: { employeeId: employee.employeeId!, date: new Date("2025-03-18T00:00:00Z") } })).toBe(0);
  });

  it("lets HR reject with a reason, without touching attendance, and refuses a second decision", async () => {
    const { id } = await attendance.requestCorrection(employee, { date: "2025-03-19", checkIn: "09:00", checkOut: "17:00", reason: "Please add" }, APRIL);
    await attendance.decideCorrection(hr, { id, version: 1, decision: "REJECTED", comment: "You were on leave that day" }, APRIL);
    expect(await db.attendanceCorrection.findUniqueOrThrow({ where: { id }, select: { status: true, comment: true } })).toEqual({
      status: "REJECTED",
      comment: "You were on leave that day",
    });
    expect(await db.attendanceRecord.count({ where: { employeeId: employee.employeeId!, date: new Date("2025-03-19T00:00:00Z") } })).toBe(0);
    expect(await notificationsOf(employee)).toContainEqual({ kind: "attendance.correction.rejected", link: "/attendance?month=2025-03" });
    expect((await rejection(attendance.decideCorrection(manager, { id, version: 2, decision: "APPROVED" }, APRIL))).code).toBe("conflict");
  });

  it("refuses a correction for a day still to come, and a second one for the same day", async () => {
    const future = await rejection(
      attendance.requestCorrection(employee, { date: "2025-04-16", checkIn: "09:00", checkOut: "17:00", reason: "Planning ahead" }, APRIL),
    );
    expect(future.fields).toHaveProperty("date");
    await attendance.requestCorrection(employee, { date: "2025-03-20", checkIn: "09:00", checkOut: "17:00", reason: "First try" }, APRIL);
    const twice = await rejection(
      attendance.requestCorrection(employee, { date: "2025-03-20", checkIn: "09:00", checkOut: "17:30", reason: "Second try" }, APRIL),
    );
    expect(twice.code).toBe("conflict");
  });

  it("sends the request of someone without a manager to HR", async () => {
    const { id } = await attendance.requestCorrection(otherManager, { date: "2025-03-21", checkIn: "09:00", checkOut: "17:00", reason: "Conference" }, APRIL);
    expect(await notificationsOf(hr)).toContainEqual({ kind: "attendance.correction.submitted", link: "/attendance/corrections" });
    expect((await attendance.listCorrectionQueue(hr, { state: "pending", page: 1 })).rows.map((row) => row.id)).toContain(id);
  });
});

describe("the monthly summary", () => {
  it("gives HR everyone, a manager their team, and refuses an employee", async () => {
    await session(otherReport, "2025-03-24", "09:30", "16:00");
    const all = await attendance.monthlySummary(hr, "2025-03", undefined, APRIL);
    const row = all.rows.find((item) => item.employee.id === otherReport.employeeId)!;
    expect(row.totals).toMatchObject({ workingDays: 20, presentDays: 1, lateCount: 1, earlyCount: 1, minutes: 390, absentDays: 19 });

    const team = await attendance.monthlySummary(otherManager, "2025-03", undefined, APRIL);
    expect(team.rows.map((item) => item.employee.id).sort()).toEqual([otherManager.employeeId, otherReport.employeeId].sort());

    expect((await rejection(attendance.monthlySummary(otherReport, "2025-03", undefined, APRIL))).code).toBe("forbidden");

    const csv = attendance.summaryCsv(team).split("\r\n");
    expect(csv[0]).toBe(
      "Employee number,Last name,First name,Department,Working days,Days present,Absences (days),Leave (days),Late arrivals,Early departures,Hours worked",
    );
    expect(csv).toContain(`ATT-${otherReport.name.match(/\d+/)![0]},EMPLOYEE,${otherReport.name.split(" ")[0]},,20,1,19,0,1,1,6.50`);
  });
});
