// Finding 1 of the security review, as the attack: a terminated manager keeps their sign-in,
// cookie, token, team and approvals. Leaving is an event: the moment the status change lands they
// are out, and what they held moves to their own manager (or one HR picks).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute, openSqliteApp } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let app: Awaited<ReturnType<typeof load>>;
const tokens = { HR: "", MANAGER: "" };
let vp = { employeeId: "", managerId: null as string | null };

function load() {
  return openSqliteApp("leavers", async () => ({
    offboarding: await import("@/lib/employees/offboarding"),
    session: await import("@/app/api/v1/session/route"),
    employees: await import("@/app/api/v1/employees/route"),
    status: await import("@/app/api/v1/employees/[id]/status/route"),
  }));
}

type Body = { data: unknown; error: { code: string; fields: Record<string, string> } };

async function call(handler: Handler, { id = "", ...rest }: { method?: string; cookie?: string; token?: string; body?: unknown; id?: string } = {}) {
  const reply = await callRoute<Body, { id: string }>(handler, { ...rest, params: { id } });
  return { status: reply.status, body: reply.body, cookie: reply.sessionCookie?.value };
}

const signIn = (email: string) => call(app.session.POST, { method: "POST", body: { email, password: app.DEMO_PASSWORD } });
const version = async (id: string) => (await app.db.employee.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
// HR changes someone's status at the version the record has now.
const changeStatus = async (id: string, change: { status: string; effectiveDate: string; reason: string }) =>
  call(app.status.POST, { method: "POST", token: tokens.HR, id, body: { ...change, version: await version(id) } });
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  app = await load();
  await app.seedDemoData();
  for (const role of ["HR", "MANAGER"] as const) {
    const user = await app.db.user.findFirstOrThrow({ where: { role }, select: { id: true } });
    tokens[role] = (await app.createApiToken(user.id, "leavers", 30)).token;
  }
  const manager = await app.db.user.findUniqueOrThrow({
    where: { email: "manager@example.com" },
    select: { employee: { select: { id: true, managerId: true } } },
  });
  vp = { employeeId: manager.employee!.id, managerId: manager.employee!.managerId };
});

afterAll(async () => {
  await app?.closeDatabase();
});

describe("[LIFECYCLE]: a terminated manager loses access the moment the status change lands", () => {
  it("signs out, refuses cookie, token and sign-in, and moves reports and pending approvals to their manager, telling HR", async () => {
    const cookie = (await signIn("manager@example.com")).cookie!;
    expect((await call(app.employees.GET, { cookie })).status).toBe(200);
    const reports = await app.db.employee.findMany({ where: { managerId: vp.employeeId }, select: { id: true } });
    expect(reports.length).toBeGreaterThan(0);
    const leaveType = await app.db.leaveType.findFirstOrThrow({ select: { id: true } });
    const pending = await app.db.leaveRequest.create({
      data: {
        employeeId: reports[0].id,
        leaveTypeId: leaveType.id,
        startDate: new Date("2031-03-03"),
        endDate: new Date("2031-03-03"),
        halfDays: 2,
        status: "PENDING_MANAGER",
        managerId: vp.employeeId,
      },
      select: { id: true },
    });
    const correction = await app.db.attendanceCorrection.create({
      data: {
        employeeId: reports[0].id,
        date: new Date("2031-03-03"),
        checkInAt: new Date("2031-03-03T09:00:00Z"),
        checkOutAt: new Date("2031-03-03T17:00:00Z"),
        reason: "forgot",
        approverId: vp.employeeId,
      },
      select: { id: true },
    });

    // The demo organisation has requests and corrections waiting for this manager too.
    const waiting = {
      leaveRequests: await app.db.leaveRequest.count({ where: { managerId: vp.employeeId, status: "PENDING_MANAGER" } }),
      corrections: await app.db.attendanceCorrection.count({ where: { approverId: vp.employeeId, status: "PENDING" } }),
    };
    // The VP heads Engineering: a head who has left would be the person people are sent to.
    const headed = await app.db.department.findMany({ where: { headId: vp.employeeId }, select: { id: true, version: true } });
    expect(headed.length).toBe(1);
    const changed = await changeStatus(vp.employeeId, { status: "TERMINATED", effectiveDate: today(), reason: "Resigned" });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ status: "TERMINATED", exitDate: today(), moved: { reports: reports.length, departments: 1, ...waiting } });

    expect((await call(app.employees.GET, { cookie })).status).toBe(401);
    expect((await call(app.employees.GET, { token: tokens.MANAGER })).status).toBe(401);
    expect((await signIn("manager@example.com")).status).toBe(401);

    const successor = vp.managerId;
    expect(await app.db.employee.count({ where: { managerId: vp.employeeId } })).toBe(0);
    expect(await app.db.employee.count({ where: { id: { in: reports.map((report) => report.id) }, managerId: successor } })).toBe(reports.length);
    expect((await app.db.leaveRequest.findUniqueOrThrow({ where: { id: pending.id } })).managerId).toBe(successor);
    expect((await app.db.attendanceCorrection.findUniqueOrThrow({ where: { id: correction.id } })).approverId).toBe(successor);
    // The successor heads the department now, at a new version (an edit form opened before is stale).
    expect(await app.db.department.findUniqueOrThrow({ where: { id: headed[0].id }, select: { headId: true, version: true } })).toEqual({
      headId: successor,
      version: headed[0].version + 1,
    });
    const hr = await app.db.user.findUniqueOrThrow({ where: { email: "hr@example.com" }, select: { id: true } });
    const notice = await app.db.notification.findFirst({ where: { userId: hr.id, kind: "employee.left" } });
    expect(notice?.body).toContain(`${reports.length} direct report`);
    expect(notice?.body).toContain("1 department they headed");
  });

  it("rehiring reverses it explicitly: sign-in works again, old tokens stay dead", async () => {
    const rehired = await changeStatus(vp.employeeId, { status: "ACTIVE", effectiveDate: today(), reason: "Rehired" });
    expect(rehired.status).toBe(200);
    expect((await signIn("manager@example.com")).status).toBe(200);
    expect((await call(app.employees.GET, { token: tokens.MANAGER })).status).toBe(401);
  });

  it("a future exit date keeps access until then, and the leaving is carried out when it comes", async () => {
    const leaver = await app.db.employee.findFirstOrThrow({
      where: { managerId: vp.managerId, id: { not: vp.employeeId }, reports: { some: {} }, status: "ACTIVE" },
      select: { id: true, managerId: true },
    });
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const scheduled = await changeStatus(leaver.id, { status: "TERMINATED", effectiveDate: inAWeek, reason: "Contract ends" });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.data).toMatchObject({ status: "ACTIVE", exitDate: inAWeek, moved: null });
    expect(await app.db.employee.count({ where: { managerId: leaver.id } })).toBeGreaterThan(0);

    const processed = await app.offboarding.carryOutDueLeavings(new Date(Date.now() + 8 * 86_400_000));
    expect(processed).toBe(1);
    expect(await app.db.employee.count({ where: { managerId: leaver.id } })).toBe(0);
    expect((await app.db.employee.findUniqueOrThrow({ where: { id: leaver.id } })).status).toBe("TERMINATED");
  });

  it("HR picks who takes over; someone from further down the leaver's own line is refused", async () => {
    // A department head under the chief executive, with a team of their own; HR's own head is outside it.
    const hrSelf = (await app.db.user.findUniqueOrThrow({ where: { email: "hr@example.com" }, select: { employeeId: true } })).employeeId!;
    const leaver = await app.db.employee.findFirstOrThrow({
      where: { status: "ACTIVE", exitDate: null, id: { not: hrSelf }, managerId: { not: null }, reports: { some: { reports: { some: {} } } } },
      select: { id: true },
    });
    const below = await app.db.employee.findFirstOrThrow({ where: { manager: { managerId: leaver.id } }, select: { id: true } });
    const outsider = { id: hrSelf };
    const body = { status: "TERMINATED", effectiveDate: today(), reason: "Restructure", version: await version(leaver.id) };
    const loop = await call(app.status.POST, { method: "POST", token: tokens.HR, id: leaver.id, body: { ...body, newManagerId: below.id } });
    expect(loop.status).toBe(422);
    expect(loop.body.error.fields).toHaveProperty("newManagerId");
    const reports = await app.db.employee.findMany({ where: { managerId: leaver.id }, select: { id: true } });
    const picked = await call(app.status.POST, { method: "POST", token: tokens.HR, id: leaver.id, body: { ...body, newManagerId: outsider.id } });
    expect(picked.status).toBe(200);
    expect(await app.db.employee.count({ where: { id: { in: reports.map((report) => report.id) }, managerId: outsider.id } })).toBe(reports.length);
  });

  it("with nobody to take over, a department the leaver headed is left without a head and HR is asked to choose", async () => {
    const head = await app.db.employee.create({
      data: {
        employeeNumber: "LV-1",
        firstName: "Ada",
        lastName: "Byron",
        workEmail: "ada.byron@leavers.test",
        jobTitle: "Founder",
        hireDate: new Date("2020-01-01"),
      },
      select: { id: true },
    });
    const department = await app.db.department.create({ data: { code: "LAB", name: "Lab", headId: head.id }, select: { id: true } });
    const left = await changeStatus(head.id, { status: "TERMINATED", effectiveDate: today(), reason: "Retired" });
    expect(left.status).toBe(200);
    expect(left.body.data).toMatchObject({ moved: { successorId: null, departments: 1 } });
    expect(await app.db.department.findUniqueOrThrow({ where: { id: department.id }, select: { headId: true, version: true } })).toEqual({
      headId: null,
      version: 2,
    });
    const hr = await app.db.user.findUniqueOrThrow({ where: { email: "hr@example.com" }, select: { id: true } });
    const notice = await app.db.notification.findFirst({ where: { userId: hr.id, kind: "employee.left", link: `/employees/${head.id}` } });
    expect(notice?.body).toMatch(/1 department they headed.*no head until you do/);
  });

  it("only HR changes status, never their own, and a stale version is refused", async () => {
    const someone = await app.db.employee.findFirstOrThrow({ where: { managerId: vp.managerId, status: "ACTIVE" }, select: { id: true } });
    const body = { status: "TERMINATED", effectiveDate: today(), reason: "x", version: await version(someone.id) };
    expect((await call(app.status.POST, { method: "POST", token: tokens.MANAGER, id: someone.id, body })).status).toBe(401);
    expect((await call(app.status.POST, { method: "POST", token: tokens.HR, id: someone.id, body: { ...body, version: body.version + 5 } })).status).toBe(409);
    const hrSelf = await app.db.user.findUniqueOrThrow({ where: { email: "hr@example.com" }, select: { employeeId: true } });
    expect(
      (await call(app.status.POST, { method: "POST", token: tokens.HR, id: hrSelf.employeeId!, body: { ...body, version: await version(hrSelf.employeeId!) } }))
        .status,
    ).toBe(403);
  });
});
