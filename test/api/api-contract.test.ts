// The JSON API's contract, called through the route handlers themselves on a throwaway SQLite
// database with the demo organisation: pagination, status codes, error shapes, what each role sees,
// and how personal access tokens and the session cookie authenticate.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute, openSqliteApp } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
type Call = { method?: string; path: string; token?: string; cookie?: string; body?: unknown; rawBody?: string; id?: string };
// The parts of an answer these tests read; assertions check the rest.
type Row = { id: string; status: string; department: { id: string } | null };
type Detail = { id: string; version: number; jobTitle: string; hireDate: string; name: string; updatedAt: string; salary: unknown; personal: unknown };
type Body = { data: Row[] & Detail; page: number; pageSize: number; total: number; error: { code: string; message: string; fields: Record<string, string> } };
type Reply = { status: number; body: Body; cookie: { value: string; maxAge?: number } | undefined };

let app: Awaited<ReturnType<typeof load>>;
const tokens: Record<"ADMIN" | "HR" | "MANAGER" | "EMPLOYEE", string> = { ADMIN: "", HR: "", MANAGER: "", EMPLOYEE: "" };
const people = { managerSelf: "", report: "", outsider: "", employeeSelf: "", engineering: "" };

function load() {
  return openSqliteApp("api-contract", async () => ({
    revokeApiToken: (await import("@/lib/auth/api-tokens")).revokeApiToken,
    session: await import("@/app/api/v1/session/route"),
    employees: await import("@/app/api/v1/employees/route"),
    employee: await import("@/app/api/v1/employees/[id]/route"),
    departments: await import("@/app/api/v1/departments/route"),
    department: await import("@/app/api/v1/departments/[id]/route"),
  }));
}

async function call(handler: Handler, { id = "", ...rest }: Call): Promise<Reply> {
  const reply = await callRoute<Body, { id: string }>(handler, { ...rest, params: { id }, headers: { "x-forwarded-for": "203.0.113.7" } });
  return { status: reply.status, body: reply.body, cookie: reply.sessionCookie };
}

let serial = 0;
function newEmployee(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    employeeNumber: `API-${serial}`,
    firstName: "Api",
    lastName: `Contract ${serial}`,
    workEmail: `api.contract.${serial}@example.com`,
    jobTitle: "Integration Tester",
    employmentType: "FULL_TIME",
    hireDate: "2024-03-01",
    salary: 52_000.5,
    salaryCurrency: "EUR",
    ...overrides,
  };
}

function expectError(reply: Reply, status: number, code: string) {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

beforeAll(async () => {
  app = await load();
  await app.seedDemoData();
  const users = await app.db.user.findMany({ select: { id: true, role: true, employeeId: true } });
  for (const user of users) tokens[user.role] = (await app.createApiToken(user.id, "contract test", null)).token;
  const manager = users.find((user) => user.role === "MANAGER")!;
  people.managerSelf = manager.employeeId!;
  people.employeeSelf = users.find((user) => user.role === "EMPLOYEE")!.employeeId!;
  people.report = (await app.db.employee.findFirst({ where: { managerId: manager.employeeId }, select: { id: true } }))!.id;
  people.outsider = (await app.db.employee.findFirst({ where: { department: { code: "SALES" } }, select: { id: true } }))!.id;
  people.engineering = (await app.db.department.findUnique({ where: { code: "ENG" }, select: { id: true } }))!.id;
});

afterAll(async () => {
  await app?.closeDatabase();
});

describe("GET /api/v1/employees", () => {
  it("pages through everyone as { data, page, pageSize, total }, with nothing past the last page", async () => {
    const first = await call(app.employees.GET, { path: "/api/v1/employees", token: tokens.ADMIN });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 25, total: 62 });
    expect(Object.keys(first.body).sort()).toEqual(["data", "page", "pageSize", "total"]);
    expect(first.body.data).toHaveLength(25);
    expect(first.body.data[0]).toEqual({
      id: expect.any(String),
      employeeNumber: expect.any(String),
      firstName: expect.any(String),
      lastName: expect.any(String),
      workEmail: expect.any(String),
      jobTitle: expect.any(String),
      status: expect.stringMatching(/^(ACTIVE|ON_LEAVE|TERMINATED)$/),
      hireDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      department: expect.anything(),
      manager: expect.toSatisfy((value) => value === null || typeof value === "object"),
    });

    const last = await call(app.employees.GET, { path: "/api/v1/employees?page=7&pageSize=10", token: tokens.ADMIN });
    expect(last.body).toMatchObject({ page: 7, pageSize: 10, total: 62 });
    expect(last.body.data).toHaveLength(2);
    const past = await call(app.employees.GET, { path: "/api/v1/employees?page=8&pageSize=10", token: tokens.ADMIN });
    expect(past.body).toEqual({ data: [], page: 8, pageSize: 10, total: 62 });

    const ids = new Set<string>();
    for (let page = 1; page <= 7; page++) {
      const reply = await call(app.employees.GET, { path: `/api/v1/employees?page=${page}&pageSize=10`, token: tokens.ADMIN });
      for (const row of reply.body.data) ids.add(row.id);
    }
    expect(ids.size).toBe(62);
  });

  it("filters by query, department and status", async () => {
    const terminated = await call(app.employees.GET, { path: "/api/v1/employees?status=TERMINATED&pageSize=100", token: tokens.HR });
    expect(terminated.body.total).toBeGreaterThan(0);
    expect(terminated.body.data.every((row) => row.status === "TERMINATED")).toBe(true);

    const engineering = await call(app.employees.GET, { path: `/api/v1/employees?department=${people.engineering}&pageSize=100`, token: tokens.HR });
    expect(engineering.body.total).toBe(17);
    expect(engineering.body.data.every((row) => row.department?.id === people.engineering)).toBe(true);

    const someone = (await app.db.employee.findUnique({ where: { id: people.outsider }, select: { employeeNumber: true } }))!;
    const found = await call(app.employees.GET, { path: `/api/v1/employees?query=${someone.employeeNumber}`, token: tokens.HR });
    expect(found.body.data.map((row) => row.id)).toContain(people.outsider);
  });

  it("lists only the caller's scope: a manager their reporting line, an employee themselves", async () => {
    const mine = await call(app.employees.GET, { path: "/api/v1/employees?pageSize=100", token: tokens.EMPLOYEE });
    expect(mine.body.data.map((row) => row.id)).toEqual([people.employeeSelf]);
    const team = await call(app.employees.GET, { path: "/api/v1/employees?pageSize=100", token: tokens.MANAGER });
    const teamIds = team.body.data.map((row) => row.id);
    expect(teamIds).toContain(people.managerSelf);
    expect(teamIds).toContain(people.report);
    expect(teamIds).not.toContain(people.outsider);
  });

  it("answers 422 with the parameter named for a malformed query", async () => {
    const reply = await call(app.employees.GET, { path: "/api/v1/employees?status=retired&pageSize=1000&page=0", token: tokens.ADMIN });
    expectError(reply, 422, "validation_failed");
    expect(Object.keys(reply.body.error.fields).sort()).toEqual(["page", "pageSize", "status"]);
  });
});

describe("POST /api/v1/employees", () => {
  it("creates an employee: 201 with { data } as GET shows it", async () => {
    const created = await call(app.employees.POST, {
      method: "POST",
      path: "/api/v1/employees",
      token: tokens.HR,
      body: newEmployee({ departmentId: people.engineering }),
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      firstName: "Api",
      hireDate: "2024-03-01",
      version: 1,
      department: { id: people.engineering, name: "Engineering" },
      salary: { amount: 52_000.5, currency: "EUR" },
      personal: { dateOfBirth: null, personalEmail: null },
    });
    expect(created.body.data.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(created.body.data).not.toHaveProperty("salaryCents");
    const fetched = await call(app.employee.GET, { path: `/api/v1/employees/${created.body.data.id}`, token: tokens.HR, id: created.body.data.id });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created.body);
  });

  it("answers 422 with fields.workEmail for a bad email, and 409 for one already in use", async () => {
    const invalid = await call(app.employees.POST, {
      method: "POST",
      path: "/api/v1/employees",
      token: tokens.HR,
      body: newEmployee({ workEmail: "not-an-email" }),
    });
    expectError(invalid, 422, "validation_failed");
    expect(invalid.body.error.fields.workEmail).toEqual(expect.any(String));

    const body = newEmployee();
    expect((await call(app.employees.POST, { method: "POST", path: "/api/v1/employees", token: tokens.HR, body })).status).toBe(201);
    const duplicate = await call(app.employees.POST, {
      method: "POST",
      path: "/api/v1/employees",
      token: tokens.HR,
      body: { ...newEmployee(), workEmail: body.workEmail },
    });
    expectError(duplicate, 409, "conflict");
  });

  it("answers 400 for malformed JSON and for a body that is not an object", async () => {
    expectError(
      await call(app.employees.POST, { method: "POST", path: "/api/v1/employees", token: tokens.HR, rawBody: '{"firstName": "Ada",' }),
      400,
      "bad_request",
    );
    expectError(await call(app.employees.POST, { method: "POST", path: "/api/v1/employees", token: tokens.HR, body: [newEmployee()] }), 400, "bad_request");
    expectError(await call(app.departments.POST, { method: "POST", path: "/api/v1/departments", token: tokens.HR, body: "Research" }), 400, "bad_request");
  });

  it("answers 403 to a role without employees:create", async () => {
    expectError(await call(app.employees.POST, { method: "POST", path: "/api/v1/employees", token: tokens.MANAGER, body: newEmployee() }), 403, "forbidden");
  });
});

describe("GET and PATCH /api/v1/employees/:id", () => {
  it("answers 404 for an unknown id, and for one outside the caller's scope", async () => {
    expectError(await call(app.employee.GET, { path: "/api/v1/employees/nope", token: tokens.ADMIN, id: "nope" }), 404, "not_found");
    expectError(await call(app.employee.GET, { path: `/api/v1/employees/${people.outsider}`, token: tokens.MANAGER, id: people.outsider }), 404, "not_found");
  });

  it("shows salary and personal data only as getEmployeeProfile allows", async () => {
    const asHr = await call(app.employee.GET, { path: "", token: tokens.HR, id: people.report });
    expect(asHr.body.data.salary).toEqual({ amount: expect.any(Number), currency: "GBP" });
    expect(asHr.body.data.personal).toMatchObject({ dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    const asManager = await call(app.employee.GET, { path: "", token: tokens.MANAGER, id: people.report });
    expect(asManager.status).toBe(200);
    expect(asManager.body.data).toMatchObject({ salary: null, personal: null });

    const asSelf = await call(app.employee.GET, { path: "", token: tokens.EMPLOYEE, id: people.employeeSelf });
    expect(asSelf.body.data.salary).toBeNull();
    expect(asSelf.body.data.personal).toEqual(expect.objectContaining({ dateOfBirth: expect.any(String) }));
  });

  it("applies a partial change at the current version and refuses a stale one with 409", async () => {
    const created = (
      await call(app.employees.POST, { method: "POST", path: "/api/v1/employees", token: tokens.HR, body: newEmployee({ phone: "+44 20 7946 0000" }) })
    ).body.data;
    const patched = await call(app.employee.PATCH, {
      method: "PATCH",
      path: "",
      token: tokens.HR,
      id: created.id,
      body: { version: created.version, jobTitle: "Lead Tester" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({
      jobTitle: "Lead Tester",
      version: created.version + 1,
      phone: "+44 20 7946 0000",
      salary: { amount: 52_000.5, currency: "EUR" },
    });

    const stale = await call(app.employee.PATCH, {
      method: "PATCH",
      path: "",
      token: tokens.HR,
      id: created.id,
      body: { version: created.version, jobTitle: "Overwriter" },
    });
    expectError(stale, 409, "conflict");
    const after = await call(app.employee.GET, { path: "", token: tokens.HR, id: created.id });
    expect(after.body.data.jobTitle).toBe("Lead Tester");
  });

  it("takes back the record GET returned, salary and personal groups included", async () => {
    const created = (await call(app.employees.POST, { method: "POST", path: "/api/v1/employees", token: tokens.HR, body: newEmployee() })).body.data;
    const edited = { ...created, salary: { amount: 60_000, currency: "CHF" }, personal: { ...(created.personal as object), address: "1 Main Street" } };
    const roundTrip = await call(app.employee.PATCH, { method: "PATCH", path: "", token: tokens.HR, id: created.id, body: edited });
    expect(roundTrip.status).toBe(200);
    expect(roundTrip.body.data).toMatchObject({
      salary: { amount: 60_000, currency: "CHF" },
      personal: { address: "1 Main Street" },
      hireDate: created.hireDate,
      version: 2,
    });

    const malformed = await call(app.employee.PATCH, {
      method: "PATCH",
      path: "",
      token: tokens.HR,
      id: created.id,
      body: { version: 2, salary: { currency: "EUR" } },
    });
    expectError(malformed, 422, "validation_failed");
    expect(malformed.body.error.fields).toHaveProperty("salary");
  });

  it("requires the version, validates the merged record, and 404s an unknown id", async () => {
    const created = (await call(app.employees.POST, { method: "POST", path: "/api/v1/employees", token: tokens.HR, body: newEmployee() })).body.data;
    const missing = await call(app.employee.PATCH, { method: "PATCH", path: "", token: tokens.HR, id: created.id, body: { jobTitle: "No Version" } });
    expectError(missing, 422, "validation_failed");
    expect(missing.body.error.fields).toHaveProperty("version");
    const invalid = await call(app.employee.PATCH, { method: "PATCH", path: "", token: tokens.HR, id: created.id, body: { version: 1, workEmail: "nope" } });
    expect(invalid.body.error.fields).toHaveProperty("workEmail");
    expectError(await call(app.employee.PATCH, { method: "PATCH", path: "", token: tokens.HR, id: "missing", body: { version: 1 } }), 404, "not_found");
    expectError(await call(app.employee.PATCH, { method: "PATCH", path: "", token: tokens.HR, id: created.id, rawBody: "{oops" }), 400, "bad_request");
  });
});

describe("authentication", () => {
  it("answers 401 without credentials and with an unknown token", async () => {
    expectError(await call(app.employees.GET, { path: "/api/v1/employees" }), 401, "unauthorized");
    expectError(await call(app.employees.GET, { path: "/api/v1/employees", token: "hrms_not-a-real-token" }), 401, "unauthorized");
  });

  it("stops a revoked token, an expired token and a deactivated user's token", async () => {
    const hr = (await app.db.user.findUnique({ where: { email: "hr@example.com" }, select: { id: true } }))!;
    const revoked = await app.createApiToken(hr.id, "to revoke", null);
    expect((await call(app.employees.GET, { path: "/api/v1/employees", token: revoked.token })).status).toBe(200);
    await app.revokeApiToken(hr.id, revoked.id);
    expectError(await call(app.employees.GET, { path: "/api/v1/employees", token: revoked.token }), 401, "unauthorized");

    const expiring = await app.createApiToken(hr.id, "to expire", 30);
    expect((await call(app.employees.GET, { path: "/api/v1/employees", token: expiring.token })).status).toBe(200);
    await app.db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expectError(await call(app.employees.GET, { path: "/api/v1/employees", token: expiring.token }), 401, "unauthorized");

    const leaver = await app.db.user.create({ data: { email: "leaver@example.com", passwordHash: "x", role: "HR" } });
    const leaverToken = await app.createApiToken(leaver.id, "leaver", null);
    expect((await call(app.employees.GET, { path: "/api/v1/employees", token: leaverToken.token })).status).toBe(200);
    await app.db.user.update({ where: { id: leaver.id }, data: { isActive: false } });
    expectError(await call(app.employees.GET, { path: "/api/v1/employees", token: leaverToken.token }), 401, "unauthorized");
  });

  it("signs in with POST /api/v1/session, authenticates by the cookie, and signs out with DELETE", async () => {
    const wrong = await call(app.session.POST, { method: "POST", path: "/api/v1/session", body: { email: "hr@example.com", password: "wrong-password" } });
    expectError(wrong, 401, "unauthorized");
    expect(wrong.cookie).toBeUndefined();

    const signedIn = await call(app.session.POST, { method: "POST", path: "/api/v1/session", body: { email: "HR@example.com ", password: app.DEMO_PASSWORD } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({ data: { id: expect.any(String), email: "hr@example.com", role: "HR" } });
    expect(signedIn.cookie?.value).toEqual(expect.any(String));
    expect(signedIn.cookie?.maxAge).toBeGreaterThan(0);

    const withCookie = await call(app.employees.GET, { path: "/api/v1/employees", cookie: signedIn.cookie!.value });
    expect(withCookie.status).toBe(200);
    expect(withCookie.body.total).toBeGreaterThanOrEqual(62);

    const signedOut = await call(app.session.DELETE, { method: "DELETE", path: "/api/v1/session", cookie: signedIn.cookie!.value });
    expect(signedOut.status).toBe(204);
    expect(signedOut.cookie).toEqual({ value: "", maxAge: 0 });
  });

  it("answers 422 for a malformed sign-in and 429 once an account is throttled", async () => {
    const malformed = await call(app.session.POST, { method: "POST", path: "/api/v1/session", body: { email: "not an email" } });
    expectError(malformed, 422, "validation_failed");
    expect(Object.keys(malformed.body.error.fields).sort()).toEqual(["email", "password"]);

    const attempt = () =>
      call(app.session.POST, { method: "POST", path: "/api/v1/session", body: { email: "manager@example.com", password: "guess-guess-guess" } });
    for (let i = 0; i < 5; i++) expectError(await attempt(), 401, "unauthorized");
    expectError(await attempt(), 429, "too_many_requests");
    const correctButThrottled = await call(app.session.POST, {
      method: "POST",
      path: "/api/v1/session",
      body: { email: "manager@example.com", password: app.DEMO_PASSWORD },
    });
    expectError(correctButThrottled, 429, "too_many_requests");
  });
});

describe("/api/v1/departments", () => {
  it("lists departments as { data, page, pageSize, total }", async () => {
    const reply = await call(app.departments.GET, { path: "/api/v1/departments?pageSize=5", token: tokens.EMPLOYEE });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ page: 1, pageSize: 5, total: 8 });
    expect(reply.body.data).toHaveLength(5);
    expect(reply.body.data[0]).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      code: expect.any(String),
      headcount: expect.any(Number),
      version: expect.any(Number),
    });
    expect((await call(app.departments.GET, { path: "/api/v1/departments?page=3&pageSize=5", token: tokens.EMPLOYEE })).body).toEqual({
      data: [],
      page: 3,
      pageSize: 5,
      total: 8,
    });
    expectError(await call(app.departments.GET, { path: "/api/v1/departments?pageSize=0", token: tokens.EMPLOYEE }), 422, "validation_failed");
  });

  it("creates with 201, reads back, 404s an unknown id, 409s a stale version, 422s a bad code", async () => {
    const created = await call(app.departments.POST, {
      method: "POST",
      path: "/api/v1/departments",
      token: tokens.HR,
      body: { name: "Research", code: "rnd", parentId: people.engineering },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: "Research", code: "RND", parentId: people.engineering, version: 1 });
    expect(created.body.data.updatedAt).toMatch(/Z$/);
    const id = created.body.data.id;
    expect((await call(app.department.GET, { path: "", token: tokens.EMPLOYEE, id })).body.data.name).toBe("Research");
    expectError(await call(app.department.GET, { path: "", token: tokens.EMPLOYEE, id: "missing" }), 404, "not_found");

    const renamed = await call(app.department.PATCH, { method: "PATCH", path: "", token: tokens.HR, id, body: { version: 1, name: "Research & Development" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({ name: "Research & Development", code: "RND", parentId: people.engineering, version: 2 });
    expectError(await call(app.department.PATCH, { method: "PATCH", path: "", token: tokens.HR, id, body: { version: 1, name: "Stale" } }), 409, "conflict");

    const badCode = await call(app.departments.POST, {
      method: "POST",
      path: "/api/v1/departments",
      token: tokens.HR,
      body: { name: "Bad", code: "no spaces!" },
    });
    expectError(badCode, 422, "validation_failed");
    expect(badCode.body.error.fields).toHaveProperty("code");
    expectError(
      await call(app.departments.POST, { method: "POST", path: "/api/v1/departments", token: tokens.HR, body: { name: "Again", code: "RND" } }),
      409,
      "conflict",
    );
    expectError(
      await call(app.departments.POST, { method: "POST", path: "/api/v1/departments", token: tokens.MANAGER, body: { name: "Nope", code: "NOPE" } }),
      403,
      "forbidden",
    );
  });
});
