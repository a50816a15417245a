// The attendance and holiday API, called through the route handlers on a throwaway SQLite database
// with personal access tokens: auth, status codes, error and pagination shapes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqliteApp } from "@/test/helpers/test-app";

// Route handlers may read the session cookie and request headers through next/headers, which
// needs Next's request scope; without a cookie they fall through to "not signed in".
vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
// The parts of an answer these tests read; assertions check the rest.
type Row = { id: string; date: string; history: unknown[]; leaveType: { id: string } } & Record<string, unknown>;
type Body = { data: Row & Row[]; page: number; pageSize: number; total: number; error: { code: string; message: string; fields: Record<string, string> } };
type Reply = { status: number; body: Body; headers: Headers; text: string };

let app: Awaited<ReturnType<typeof load>>;
const tokens = { employee: "", manager: "", outsider: "", hr: "" };
const people = { employee: "", manager: "", outsider: "" };

function load() {
  return openSqliteApp("attendance-api", async () => ({
    attendance: await import("@/app/api/v1/attendance/route"),
    holidays: await import("@/app/api/v1/holidays/route"),
    summary: await import("@/app/api/attendance/summary/route"),
  }));
}

type Call = { method?: string; path: string; token?: string; body?: unknown; rawBody?: string; params?: Record<string, string> };

async function call(handler: Handler, { method = "GET", path, token, body, rawBody, params = {} }: Call): Promise<Reply> {
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (body !== undefined || rawBody !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://test${path}`, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json");
  return { status: response.status, body: isJson && text ? JSON.parse(text) : null, headers: response.headers, text };
}

function expectError(reply: Reply, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

let serial = 0;
async function person(role: "EMPLOYEE" | "MANAGER" | "HR", managerId: string | null = null) {
  serial += 1;
  const employee = await app.db.employee.create({
    data: {
      employeeNumber: `API-ATT-${serial}`,
      firstName: "Api",
      lastName: `Person ${serial}`,
      workEmail: `api.att.${serial}@example.com`,
      jobTitle: "Tester",
      hireDate: new Date("2024-01-01T00:00:00Z"),
      managerId,
    },
    select: { id: true },
  });
  const user = await app.db.user.create({
    data: { email: `api.att.${serial}@example.com`, passwordHash: "not-a-real-hash", role, employeeId: employee.id },
    select: { id: true },
  });
  return { employeeId: employee.id, token: (await app.createApiToken(user.id, "attendance test", null)).token };
}

beforeAll(async () => {
  app = await load();
  const manager = await person("MANAGER");
  const employee = await person("EMPLOYEE", manager.employeeId);
  const outsider = await person("EMPLOYEE");
  const hr = await person("HR");
  Object.assign(tokens, { manager: manager.token, employee: employee.token, outsider: outsider.token, hr: hr.token });
  Object.assign(people, { manager: manager.employeeId, employee: employee.employeeId, outsider: outsider.employeeId });
});

afterAll(async () => {
  await app?.closeDatabase();
});

describe("authentication", () => {
  it.each([
    ["GET /api/v1/attendance", () => call(app.attendance.GET, { path: "/api/v1/attendance" })],
    ["POST /api/v1/attendance", () => call(app.attendance.POST, { method: "POST", path: "/api/v1/attendance", body: { action: "check-in" } })],
    ["GET /api/v1/holidays", () => call(app.holidays.GET, { path: "/api/v1/holidays" })],
    ["GET /api/attendance/summary", () => call(app.summary.GET, { path: "/api/attendance/summary?month=2025-03" })],
  ])("%s answers 401 without a token", async (_name, send) => {
    expectError(await send(), 401, "unauthorized");
  });

  it("answers 401 to a token that does not exist", async () => {
    expectError(await call(app.attendance.GET, { path: "/api/v1/attendance", token: "hrms_not-a-real-token" }), 401, "unauthorized");
  });
});

describe("POST /api/v1/attendance", () => {
  it("checks in (201), refuses a second check-in (409) with a message, then checks out (200)", async () => {
    const checkedIn = await call(app.attendance.POST, { method: "POST", path: "/api/v1/attendance", token: tokens.employee, body: { action: "check-in" } });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body.data).toEqual({
      id: expect.any(String),
      employeeId: people.employee,
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      checkInAt: expect.stringMatching(/Z$/),
      checkOutAt: null,
      minutes: null,
      note: null,
      version: 1,
    });

    const twice = await call(app.attendance.POST, { method: "POST", path: "/api/v1/attendance", token: tokens.employee, body: { action: "check-in" } });
    expectError(twice, 409, "conflict");
    expect(twice.body.error.message).toMatch(/already checked in/i);

    const checkedOut = await call(app.attendance.POST, { method: "POST", path: "/api/v1/attendance", token: tokens.employee, body: { action: "check-out" } });
    expect(checkedOut.status).toBe(200);
    expect(checkedOut.body.data).toMatchObject({
      id: checkedIn.body.data.id,
      checkOutAt: expect.stringMatching(/Z$/),
      minutes: expect.any(Number),
      version: 2,
    });

    expectError(
      await call(app.attendance.POST, { method: "POST", path: "/api/v1/attendance", token: tokens.employee, body: { action: "check-out" } }),
      409,
      "conflict",
    );
  });

  it("answers 422 naming the field for an unknown action, and 400 for malformed JSON", async () => {
    const unknown = await call(app.attendance.POST, { method: "POST", path: "/api/v1/attendance", token: tokens.employee, body: { action: "lunch" } });
    expectError(unknown, 422, "validation_failed");
    expect(unknown.body.error.fields).toHaveProperty("action");
    expectError(
      await call(app.attendance.POST, { method: "POST", path: "/api/v1/attendance", token: tokens.employee, rawBody: '{"action":' }),
      400,
      "bad_request",
    );
  });
});

describe("GET /api/v1/attendance", () => {
  beforeAll(async () => {
    for (let day = 3; day <= 7; day++) {
      const date = `2025-03-0${day}`;
      await app.db.attendanceRecord.create({
        data: {
          employeeId: people.employee,
          date: new Date(`${date}T00:00:00Z`),
          checkInAt: new Date(`${date}T09:00:00Z`),
          checkOutAt: new Date(`${date}T17:00:00Z`),
        },
      });
    }
  });

  it("pages the caller's records as { data, page, pageSize, total }, newest first, nothing past the end", async () => {
    const first = await call(app.attendance.GET, { path: "/api/v1/attendance?from=2025-03-01&to=2025-03-31&pageSize=2", token: tokens.employee });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(["data", "page", "pageSize", "total"]);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(first.body.data.map((row: { date: string }) => row.date)).toEqual(["2025-03-07", "2025-03-06"]);
    expect(first.body.data[0]).toMatchObject({ minutes: 480, checkInAt: "2025-03-07T09:00:00.000Z" });

    const last = await call(app.attendance.GET, { path: "/api/v1/attendance?from=2025-03-01&to=2025-03-31&pageSize=2&page=3", token: tokens.employee });
    expect(last.body.data).toHaveLength(1);
    const past = await call(app.attendance.GET, { path: "/api/v1/attendance?from=2025-03-01&to=2025-03-31&pageSize=2&page=4", token: tokens.employee });
    expect(past.body).toEqual({ data: [], page: 4, pageSize: 2, total: 5 });
  });

  it("shows a manager their report's records, and nobody else's: 404 for an outsider", async () => {
    const managed = await call(app.attendance.GET, {
      path: `/api/v1/attendance?employeeId=${people.employee}&from=2025-03-01&to=2025-03-31`,
      token: tokens.manager,
    });
    expect(managed.body.total).toBe(5);
    const hr = await call(app.attendance.GET, { path: `/api/v1/attendance?employeeId=${people.employee}&from=2025-03-01&to=2025-03-31`, token: tokens.hr });
    expect(hr.body.total).toBe(5);
    expectError(await call(app.attendance.GET, { path: `/api/v1/attendance?employeeId=${people.employee}`, token: tokens.outsider }), 404, "not_found");
  });

  it("answers 422 naming each malformed parameter", async () => {
    const reply = await call(app.attendance.GET, { path: "/api/v1/attendance?from=2025-02-30&pageSize=500&page=0", token: tokens.employee });
    expectError(reply, 422, "validation_failed");
    expect(Object.keys(reply.body.error.fields).sort()).toEqual(["from", "page", "pageSize"]);
    const backwards = await call(app.attendance.GET, { path: "/api/v1/attendance?from=2025-03-10&to=2025-03-01", token: tokens.employee });
    expect(backwards.body.error.fields).toHaveProperty("to");
  });
});

describe("GET /api/v1/holidays", () => {
  beforeAll(async () => {
    for (const [date, name, isHalfDay] of [
      ["2025-12-25", "Christmas Day", false],
      ["2025-01-01", "New Year's Day", false],
      ["2025-12-24", "Christmas Eve", true],
      ["2026-01-01", "New Year's Day", false],
    ] as const) {
      await app.db.holiday.create({ data: { date: new Date(`${date}T00:00:00Z`), name, isHalfDay } });
    }
  });

  it("lists a year's holidays by date as { data, page, pageSize, total }", async () => {
    const reply = await call(app.holidays.GET, { path: "/api/v1/holidays?year=2025", token: tokens.employee });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: [
        { id: expect.any(String), date: "2025-01-01", name: "New Year's Day", isHalfDay: false },
        { id: expect.any(String), date: "2025-12-24", name: "Christmas Eve", isHalfDay: true },
        { id: expect.any(String), date: "2025-12-25", name: "Christmas Day", isHalfDay: false },
      ],
      page: 1,
      pageSize: 25,
      total: 3,
    });
    const paged = await call(app.holidays.GET, { path: "/api/v1/holidays?pageSize=1&page=4", token: tokens.employee });
    expect(paged.body).toMatchObject({ page: 4, pageSize: 1, total: 4, data: [{ date: "2026-01-01" }] });
  });

  it("answers 422 for a year that is not one", async () => {
    const reply = await call(app.holidays.GET, { path: "/api/v1/holidays?year=next", token: tokens.employee });
    expectError(reply, 422, "validation_failed");
    expect(reply.body.error.fields).toHaveProperty("year");
  });
});

describe("GET /api/attendance/summary", () => {
  it("downloads the month as CSV for HR, and refuses an employee without a team", async () => {
    const csv = await call(app.summary.GET, { path: "/api/attendance/summary?month=2025-03", token: tokens.hr });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="attendance-2025-03.csv"');
    expect(csv.text.split("\r\n")[0]).toMatch(/^Employee number,Last name,First name,Department,Working days/);
    expect(csv.text).toContain("API-ATT-2,Person 2,Api,,21,5,");

    expectError(await call(app.summary.GET, { path: "/api/attendance/summary?month=2025-03", token: tokens.employee }), 403, "forbidden");
    expectError(await call(app.summary.GET, { path: "/api/attendance/summary?month=March", token: tokens.hr }), 422, "validation_failed");
  });
});

// The leave endpoints share the API's auth, pagination and error shapes; the workflow itself is
// tested beside the leave services.
describe("leave requests and balances", () => {
  const year = new Date().getUTCFullYear();
  // The first Monday of June this year, and the Tuesday after it.
  const monday = (() => {
    const date = new Date(Date.UTC(year, 5, 1));
    while (date.getUTCDay() !== 1) date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().slice(0, 10);
  })();
  const tuesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  let leaveTypeId = "";
  let leave: { list: Handler; create: Handler; one: Handler; act: Handler; balances: Handler };

  beforeAll(async () => {
    const requests = await import("@/app/api/v1/leave-requests/route");
    const request = await import("@/app/api/v1/leave-requests/[id]/route");
    const balances = await import("@/app/api/v1/leave-balances/route");
    leave = {
      list: requests.GET as Handler,
      create: requests.POST as Handler,
      one: request.GET as unknown as Handler,
      act: request.POST as unknown as Handler,
      balances: balances.GET as Handler,
    };
    leaveTypeId = (await app.db.leaveType.create({ data: { code: "API-AL", name: "Annual leave", yearlyHalfDays: 40 }, select: { id: true } })).id;
  });

  it("requests leave (201), lists it paginated, and the manager approves it at the version read", async () => {
    const created = await call(leave.create, {
      method: "POST",
      path: "/api/v1/leave-requests",
      token: tokens.employee,
      body: { leaveTypeId, startDate: monday, endDate: tuesday, reason: "Family visit" },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      status: "PENDING_MANAGER",
      startDate: monday,
      endDate: tuesday,
      halfDays: 4,
      days: 2,
      version: 1,
      employee: { id: people.employee },
    });
    const id = created.body.data.id;

    const mine = await call(leave.list, { path: "/api/v1/leave-requests?view=mine&pageSize=1", token: tokens.employee });
    expect(mine.body).toMatchObject({ page: 1, pageSize: 1, total: 1, data: [{ id }] });
    expect((await call(leave.list, { path: "/api/v1/leave-requests?view=mine&page=2&pageSize=1", token: tokens.employee })).body).toEqual({
      data: [],
      page: 2,
      pageSize: 1,
      total: 1,
    });
    const approvals = await call(leave.list, { path: "/api/v1/leave-requests?view=approvals", token: tokens.manager });
    expect(approvals.body.data.map((row: { id: string }) => row.id)).toContain(id);

    // A decision on the request, as `token` sends it.
    const act = (token: string, body: Record<string, unknown>) =>
      call(leave.act, { params: { id }, method: "POST", path: `/api/v1/leave-requests/${id}`, token, body });
    expectError(await act(tokens.manager, { action: "reject", version: 1 }), 422, "validation_failed");
    expectError(await act(tokens.employee, { action: "approve", version: 1 }), 403, "forbidden");
    expectError(await act(tokens.manager, { action: "approve", version: 7 }), 409, "conflict");
    const approved = await act(tokens.manager, { action: "approve", version: 1, comment: "Enjoy" });
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ id, status: "APPROVED", managerComment: "Enjoy" });

    expectError(await call(leave.one, { params: { id }, path: `/api/v1/leave-requests/${id}`, token: tokens.outsider }), 404, "not_found");
    expect((await call(leave.one, { params: { id }, path: `/api/v1/leave-requests/${id}`, token: tokens.hr })).body.data.history.length).toBeGreaterThan(0);
  });

  it("answers 422 naming the fields of a malformed request or query", async () => {
    const reply = await call(leave.create, {
      method: "POST",
      path: "/api/v1/leave-requests",
      token: tokens.employee,
      body: { leaveTypeId, startDate: "2025-02-30", endDate: "" },
    });
    expectError(reply, 422, "validation_failed");
    expect(Object.keys(reply.body.error.fields)).toEqual(expect.arrayContaining(["startDate", "endDate"]));
    const query = await call(leave.list, { path: "/api/v1/leave-requests?view=everyone&pageSize=0", token: tokens.employee });
    expect(Object.keys(query.body.error.fields).sort()).toEqual(["pageSize", "view"]);
  });

  it("shows balances in days, paginated, to the employee, their manager and HR only", async () => {
    const own = await call(leave.balances, { path: `/api/v1/leave-balances?year=${year}`, token: tokens.employee });
    expect(own.status).toBe(200);
    expect(Object.keys(own.body).sort()).toEqual(["data", "page", "pageSize", "total"]);
    const annual = own.body.data.find((item) => item.leaveType.id === leaveTypeId) as unknown as {
      balance: number;
      scheduled: number;
      pending: number;
      available: number;
    };
    expect(annual).toMatchObject({ employeeId: people.employee, year, leaveType: { name: "Annual leave", isUnlimited: false }, pending: 0 });
    expect(annual.balance - annual.scheduled - annual.pending).toBe(annual.available);

    expect((await call(leave.balances, { path: `/api/v1/leave-balances?employeeId=${people.employee}&year=${year}`, token: tokens.manager })).status).toBe(200);
    expectError(await call(leave.balances, { path: `/api/v1/leave-balances?employeeId=${people.employee}`, token: tokens.outsider }), 404, "not_found");
    expectError(await call(leave.balances, { path: "/api/v1/leave-balances?year=soon", token: tokens.employee }), 422, "validation_failed");
    expectError(await call(leave.balances, { path: "/api/v1/leave-balances" }), 401, "unauthorized");
  });
});
