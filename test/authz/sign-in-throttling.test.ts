// Finding 3 of the security review, as the attack: a client must not pick its own address per
// request to spray passwords, must not lock an account's owner out for long by failing on
// purpose, and must not reset everyone's counters by filling the table.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqliteApp } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

type Handler = (request: Request) => Promise<Response>;
let app: Awaited<ReturnType<typeof load>>;

function load() {
  return openSqliteApp("throttling", async () => ({
    session: (await import("@/app/api/v1/session/route")) as { POST: Handler },
    throttle: await import("@/lib/auth/throttle"),
    clientAddress: (await import("@/lib/auth/client-address")).clientAddress,
  }));
}

// The socket address comes from the launcher's header; X-Forwarded-For is whatever the client wrote.
function signInAttempt(email: string, password: string, socket: string, forwardedFor: string) {
  const headers = new Headers({ "content-type": "application/json", "x-hrms-socket-address": socket, "x-forwarded-for": forwardedFor });
  return app.session
    .POST(new Request("http://test/api/v1/session", { method: "POST", headers, body: JSON.stringify({ email, password }) }))
    .then((response) => response.status);
}

beforeAll(async () => {
  process.env.START_NODE_ENV = ""; // as under `npm start`, whose launcher sets the socket header
  process.env.TRUSTED_PROXY_HOPS = "0";
  app = await load();
  await app.seedDemoData();
});

afterAll(async () => {
  await app?.closeDatabase();
  delete process.env.START_NODE_ENV;
  delete process.env.TRUSTED_PROXY_HOPS;
});

describe("[AUTH]: sign-in throttling", () => {
  it("a sprayer who writes a new X-Forwarded-For per request is still one address, and is slowed down", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push(await signInAttempt(`nobody.${i}@example.com`, "Winter2026!", "198.51.100.9", `203.0.113.${i}`));
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Another client is not affected.
    expect(await signInAttempt("employee@example.com", app.DEMO_PASSWORD, "198.51.100.10", "203.0.113.1")).toBe(200);
  });

  it("behind N trusted proxies the client is the N-th X-Forwarded-For entry from the right", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 104.22.17.40", "x-hrms-socket-address": "10.0.0.5" });
    expect(app.clientAddress(headers)).toBe("10.0.0.5");
    process.env.TRUSTED_PROXY_HOPS = "2";
    vi.resetModules();
    return import("@/lib/auth/client-address").then(({ clientAddress }) => {
      expect(clientAddress(headers)).toBe("198.51.100.7");
      expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.7" }))).toBeNull();
      process.env.TRUSTED_PROXY_HOPS = "0";
    });
  });

  it("failing on purpose slows an account down but does not lock its owner out for long", () => {
    const keys = { account: "victim@example.com" };
    const start = Date.now();
    for (let i = 0; i < 5; i++) app.throttle.recordFailure(keys, start);
    expect(app.throttle.retryAfterMs(keys, start)).toBeGreaterThan(0);
    expect(app.throttle.retryAfterMs(keys, start + 16_000)).toBe(0);
    // Each further failure doubles the wait, up to a cap of minutes, not a lock-out.
    for (let i = 0; i < 20; i++) app.throttle.recordFailure(keys, start);
    expect(app.throttle.retryAfterMs(keys, start)).toBeLessThanOrEqual(5 * 60_000);
  });

  it("filling the counters with one-off failures does not reset an account's delay", () => {
    const victim = { account: "flooded@example.com" };
    const now = Date.now();
    for (let i = 0; i < 5; i++) app.throttle.recordFailure(victim, now);
    for (let i = 0; i < 50_001; i++) app.throttle.recordFailure({ account: `filler.${i}@example.com` }, now);
    expect(app.throttle.retryAfterMs(victim, now)).toBeGreaterThan(0);
    expect(app.throttle.trackedKeyCount()).toBeLessThanOrEqual(app.throttle.MAX_TRACKED_KEYS);
  });
});
