// Integration (real PostgreSQL behind a fault proxy, real SQLite): the whole sign-in path keeps
// working while PostgreSQL is unreachable, because every check reads through lib/db and is served
// from the SQLite copy: password and TOTP sign-in, the session check on each request, sign-out
// ending the session, and a leaver refused.
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { newSqliteFile, startRig, type Rig } from "@/test/failover/support";
import { callRoute, importAppBasics } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let rig: Rig;
let app: Awaited<ReturnType<typeof load>>;

async function load() {
  return {
    ...(await importAppBasics()),
    totp: await import("@/lib/auth/totp"),
    signIn: await import("@/lib/auth/sign-in"),
    offboarding: await import("@/lib/employees/offboarding"),
    session: await import("@/app/api/v1/session/route"),
    employees: await import("@/app/api/v1/employees/route"),
  };
}

async function call(handler: Handler, request: { method?: string; cookie?: string; body?: unknown } = {}) {
  const reply = await callRoute(handler, { ...request, params: { id: "" } });
  return { status: reply.status, cookie: reply.sessionCookie?.value, backend: (await app.dbStatus()).active };
}

const code = (secret: string, at: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: at });

beforeAll(async () => {
  rig = await startRig();
  process.env.DATABASE_URL = rig.url;
  process.env.SQLITE_PATH = await newSqliteFile("sign-in-outage");
  app = await load();
  expect((await app.dbStatus()).active).toBe("postgres");
  await app.seedDemoData();
}, 120_000);

afterAll(async () => {
  await app?.closeDatabase();
  await rig?.destroy();
});

describe("[AUTH]: signing in during a PostgreSQL outage", () => {
  it("password and TOTP sign-in, the session check, sign-out and a leaver's refusal all work from the copy", { timeout: 60_000 }, async () => {
    const hr = await app.db.user.findUniqueOrThrow({ where: { email: "hr@example.com" }, select: { id: true } });
    const { secret } = await app.totp.newEnrolment("hr@example.com");
    await app.totp.enableTwoFactor({ userId: hr.id, secret, code: code(secret, Date.now()), password: app.DEMO_PASSWORD });
    const before = await call(app.session.POST, { method: "POST", body: { email: "manager@example.com", password: app.DEMO_PASSWORD } });
    expect(before.status).toBe(200);

    await rig.proxy.setMode("refuse");

    const signedIn = await call(app.session.POST, { method: "POST", body: { email: "employee@example.com", password: app.DEMO_PASSWORD } });
    expect(signedIn).toMatchObject({ status: 200, backend: "sqlite" });
    expect((await call(app.employees.GET, { cookie: signedIn.cookie })).status).toBe(200);
    expect((await call(app.employees.GET, { cookie: before.cookie })).status).toBe(200);

    const step = await app.signIn.signIn({ email: "hr@example.com", password: app.DEMO_PASSWORD, address: "198.51.100.1", userAgent: "test" });
    expect(step.kind).toBe("second-factor");
    const session = await app.signIn.completeSignIn({ userId: hr.id, code: code(secret, Date.now() + 30_000), address: "198.51.100.1", userAgent: "test" });
    expect((await call(app.employees.GET, { cookie: session.token })).status).toBe(200);

    expect((await call(app.session.DELETE, { method: "DELETE", cookie: signedIn.cookie })).status).toBe(204);
    expect((await call(app.employees.GET, { cookie: signedIn.cookie })).status).toBe(401);

    // A manager terminated during the outage is out at once.
    const hrActor = {
      id: hr.id,
      email: "hr@example.com",
      role: "HR" as const,
      employeeId: (await app.db.user.findUniqueOrThrow({ where: { id: hr.id }, select: { employeeId: true } })).employeeId,
      name: "HR",
    };
    const manager = await app.db.user.findUniqueOrThrow({
      where: { email: "manager@example.com" },
      select: { employee: { select: { id: true, version: true } } },
    });
    await app.offboarding.changeEmployeeStatus(hrActor, manager.employee!.id, manager.employee!.version, {
      status: "TERMINATED",
      effectiveDate: new Date(new Date().toISOString().slice(0, 10)),
      reason: "Left",
    });
    expect((await call(app.employees.GET, { cookie: before.cookie })).status).toBe(401);
    expect((await call(app.session.POST, { method: "POST", body: { email: "manager@example.com", password: app.DEMO_PASSWORD } })).status).toBe(401);
    expect((await app.dbStatus()).active).toBe("sqlite");
  });
});
