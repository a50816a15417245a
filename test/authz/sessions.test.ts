// Finding 4 of the security review, as the attack: a copied session cookie or an old token must
// stop working when its owner signs out, changes the password or is deactivated; tokens need the
// password to create and expire.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jar } from "@/test/helpers/next-headers";
import { callRoute, openSqliteApp } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

// Sessions record the browser they were started from.
const USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36";
jar.requestHeaders = new Headers({ "user-agent": USER_AGENT });

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

let app: Awaited<ReturnType<typeof load>>;

function load() {
  return openSqliteApp("sessions", async () => ({
    tokens: await import("@/lib/auth/api-tokens"),
    sessions: await import("@/lib/auth/sessions"),
    signIn: await import("@/lib/auth/sign-in"),
    users: await import("@/lib/users/update-user"),
    session: await import("@/app/api/v1/session/route"),
    employees: await import("@/app/api/v1/employees/route"),
  }));
}

async function call(handler: Handler, credentials: { method?: string; cookie?: string; token?: string; body?: unknown } = {}) {
  const reply = await callRoute(handler, { ...credentials, params: { id: "" }, headers: { "user-agent": USER_AGENT } });
  return { status: reply.status, cookie: reply.sessionCookie?.value };
}

async function signInCookie(email: string, password = app.DEMO_PASSWORD): Promise<string> {
  const reply = await call(app.session.POST, { method: "POST", body: { email, password } });
  expect(reply.status).toBe(200);
  return reply.cookie!;
}

const listTeam = (credentials: { cookie?: string; token?: string }) => call(app.employees.GET, credentials).then((reply) => reply.status);

async function userId(email: string) {
  return (await app.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function actor(email: string) {
  const user = await app.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, role: true, employeeId: true } });
  return { ...user, name: email };
}

beforeAll(async () => {
  app = await load();
  await app.seedDemoData();
});

afterAll(async () => {
  await app?.closeDatabase();
});

describe("[AUTH]: sessions end for real", () => {
  it("a cookie copied before sign-out is refused after it", async () => {
    const cookie = await signInCookie("employee@example.com");
    expect(await listTeam({ cookie })).toBe(200);
    expect((await call(app.session.DELETE, { method: "DELETE", cookie })).status).toBe(204);
    expect(await listTeam({ cookie })).toBe(401);
  });

  it("signing out everywhere ends every session of the user, and only theirs", async () => {
    const laptop = await signInCookie("hr@example.com");
    const phone = await signInCookie("hr@example.com");
    const someoneElse = await signInCookie("employee@example.com");
    await app.sessions.endUserSessions(await userId("hr@example.com"), "sign-out-everywhere");
    expect([await listTeam({ cookie: laptop }), await listTeam({ cookie: phone }), await listTeam({ cookie: someoneElse })]).toEqual([401, 401, 200]);
  });

  it("lists a user's active sessions with device, address and last seen", async () => {
    const id = await userId("manager@example.com");
    await signInCookie("manager@example.com");
    const active = await app.sessions.listActiveSessions(id);
    expect(active.length).toBeGreaterThanOrEqual(1);
    expect(active[0]).toMatchObject({ id: expect.any(String), userAgent: expect.stringContaining("Chrome"), lastSeenAt: expect.any(Date) });
  });

  it("an admin ends another user's sessions", async () => {
    const cookie = await signInCookie("manager@example.com");
    await app.sessions.endSessionsAsAdmin(await actor("admin@example.com"), await userId("manager@example.com"));
    expect(await listTeam({ cookie })).toBe(401);
    await expect(app.sessions.endSessionsAsAdmin(await actor("hr@example.com"), await userId("manager@example.com"))).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("[AUTH]: personal access tokens", () => {
  it("creating one needs the user's password", async () => {
    const id = await userId("employee@example.com");
    await expect(app.tokens.createApiTokenWithPassword({ userId: id, password: "not-my-password", name: "stolen", expiresInDays: 30 })).rejects.toMatchObject({
      code: "validation_failed",
    });
    const created = await app.tokens.createApiTokenWithPassword({ userId: id, password: app.DEMO_PASSWORD, name: "mine", expiresInDays: 30 });
    expect(await listTeam({ token: created.token })).toBe(200);
  });

  it("never lives longer than the maximum lifetime (default one year)", async () => {
    const created = await app.tokens.createApiToken(await userId("employee@example.com"), "forever", null);
    expect(created.expiresAt).not.toBeNull();
    expect(created.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(365 * 86_400_000 + 60_000);
  });

  it("a password change ends other sessions and the tokens, unless the user keeps the tokens", async () => {
    const email = "hr@example.com";
    const id = await userId(email);
    const otherBrowser = await signInCookie(email);
    const ended = await app.tokens.createApiToken(id, "ends", 30);
    await app.signIn.changePassword(id, app.DEMO_PASSWORD, "a-brand-new-password", { keepTokens: false });
    expect(await listTeam({ cookie: otherBrowser })).toBe(401);
    expect(await listTeam({ token: ended.token })).toBe(401);

    const kept = await app.tokens.createApiToken(id, "kept", 30);
    await app.signIn.changePassword(id, "a-brand-new-password", "another-new-password", { keepTokens: true });
    expect(await listTeam({ token: kept.token })).toBe(200);
  });

  it("deactivating a user ends their tokens for good: re-activation does not bring them back", async () => {
    const admin = await actor("admin@example.com");
    const id = await userId("employee@example.com");
    const token = (await app.tokens.createApiToken(id, "before", 30)).token;
    const cookie = await signInCookie("employee@example.com");
    await app.users.setUserActive(admin, id, false);
    await app.users.setUserActive(admin, id, true);
    expect(await listTeam({ token })).toBe(401);
    expect(await listTeam({ cookie })).toBe(401);
    expect(await listTeam({ cookie: await signInCookie("employee@example.com") })).toBe(200);
  });
});
