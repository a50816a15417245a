// Two-factor sign-in (TOTP): enrolment with the password and a first code, recovery codes stored
// hashed and good once, codes good once, its own throttling that an attacker elsewhere cannot turn
// against the owner, a right password plus a right code always getting in, and admins enrolling
// at sign-in while policy requires it.
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqliteApp } from "@/test/helpers/test-app";

vi.mock("next/headers", () => import("@/test/helpers/next-headers"));

let app: Awaited<ReturnType<typeof load>>;
const PASSWORD = "demo-password";

function load() {
  return openSqliteApp("two-factor", async () => ({
    totp: await import("@/lib/auth/totp"),
    signIn: await import("@/lib/auth/sign-in"),
    throttle: await import("@/lib/auth/throttle"),
  }));
}

function codeAt(secret: string, at: number) {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: at });
}

async function enrol(email: string) {
  const user = await app.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const { secret } = await app.totp.newEnrolment(email);
  const recoveryCodes = await app.totp.enableTwoFactor({ userId: user.id, secret, code: codeAt(secret, Date.now()), password: PASSWORD });
  return { userId: user.id, secret, recoveryCodes };
}

const client = (address: string) => ({ address, userAgent: "test" });
const outcome = (work: Promise<unknown>) =>
  work.then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );

beforeAll(async () => {
  process.env.ADMIN_TWO_FACTOR = "1";
  app = await load();
  await app.seedDemoData();
});

afterAll(async () => {
  delete process.env.ADMIN_TWO_FACTOR;
  await app?.closeDatabase();
});

describe("[AUTH]: two-factor sign-in", () => {
  it("enrolment needs the password and a right first code; recovery codes are stored only as hashes", async () => {
    const user = await app.db.user.findUniqueOrThrow({ where: { email: "employee@example.com" }, select: { id: true } });
    const { secret } = await app.totp.newEnrolment("employee@example.com");
    expect(await outcome(app.totp.enableTwoFactor({ userId: user.id, secret, code: codeAt(secret, Date.now()), password: "wrong" }))).toBe("validation_failed");
    expect(await outcome(app.totp.enableTwoFactor({ userId: user.id, secret, code: "000000", password: PASSWORD }))).toBe("validation_failed");
    const codes = await app.totp.enableTwoFactor({ userId: user.id, secret, code: codeAt(secret, Date.now()), password: PASSWORD });
    expect(codes).toHaveLength(10);
    const stored = await app.db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored.map((row) => row.codeHash)).not.toContain(codes[0]);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.codeHash))).toBe(true);
  });

  it("the password alone does not sign in; a code does, once; a recovery code does, once", async () => {
    const { userId, secret, recoveryCodes } = await enrol("hr@example.com");
    const first = await app.signIn.signIn({ email: "hr@example.com", password: PASSWORD, ...client("198.51.100.1") });
    expect(first.kind).toBe("second-factor");
    const next = codeAt(secret, Date.now() + 30_000);
    expect(await outcome(app.signIn.completeSignIn({ userId, code: next, ...client("198.51.100.1") }))).toBe("ok");
    expect(await outcome(app.signIn.completeSignIn({ userId, code: next, ...client("198.51.100.1") }))).toBe("validation_failed");
    expect(await outcome(app.signIn.completeSignIn({ userId, code: recoveryCodes[3].toUpperCase(), ...client("198.51.100.1") }))).toBe("ok");
    expect(await outcome(app.signIn.completeSignIn({ userId, code: recoveryCodes[3], ...client("198.51.100.1") }))).toBe("validation_failed");
  });

  it("wrong codes slow down that address; the owner elsewhere with a right code still gets in", async () => {
    const { userId, secret } = await enrol("manager@example.com");
    const attacker = client("203.0.113.66");
    for (let i = 0; i < 3; i++) expect(await outcome(app.signIn.completeSignIn({ userId, code: "123456", ...attacker }))).toBe("validation_failed");
    expect(await outcome(app.signIn.completeSignIn({ userId, code: codeAt(secret, Date.now() + 30_000), ...attacker }))).toBe("too_many_requests");
    expect(await outcome(app.signIn.completeSignIn({ userId, code: codeAt(secret, Date.now() + 30_000), ...client("198.51.100.2") }))).toBe("ok");
  });

  it("a right password and a right code get in even while the account is slowed down by someone's guesses", async () => {
    const { passwordHash } = await app.db.user.findUniqueOrThrow({ where: { email: "employee@example.com" }, select: { passwordHash: true } });
    await app.db.user.create({ data: { email: "it.admin.two@example.com", passwordHash, role: "HR" } });
    const { userId, secret } = await enrol("it.admin.two@example.com");
    for (let i = 0; i < 8; i++) await outcome(app.signIn.signIn({ email: "it.admin.two@example.com", password: "guess", ...client(`203.0.113.${i}`) }));
    expect(app.throttle.retryAfterMs({ account: "it.admin.two@example.com" })).toBeGreaterThan(0);
    const step = await app.signIn.signIn({ email: "it.admin.two@example.com", password: PASSWORD, ...client("198.51.100.3") });
    expect(step.kind).toBe("second-factor");
    expect(await outcome(app.signIn.completeSignIn({ userId, code: codeAt(secret, Date.now() + 30_000), ...client("198.51.100.3") }))).toBe("ok");
  });

  it("an admin without two-factor sign-in is sent to enrol while policy requires it", async () => {
    const step = await app.signIn.signIn({ email: "admin@example.com", password: PASSWORD, ...client("198.51.100.4") });
    expect(step.kind).toBe("enrol");
  });
});
