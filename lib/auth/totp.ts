import "server-only";
import { createHash, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import { db, withTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { verifyPassword } from "./password";
import { recordFailure, retryAfterMs, waitMessage } from "./throttle";

// TOTP two-factor sign-in (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app expects).
// A code is accepted one step either side of now, and each time step only once per user. Ten
// recovery codes are shown once at enrolment and stored as SHA-256 hashes (50 random bits each,
// single use, so a fast hash is enough).
const ISSUER = "HRMS";
const RECOVERY_CODES = 10;
const invalidCode = () =>
  new AppError("validation_failed", "Please correct the highlighted field.", {
    code: "That code is not right. Use the current code from your app, or a recovery code.",
  });

function totpFor(label: string, secret: string) {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

// A new secret to enrol, with what the authenticator app needs: a QR code and the text key.
export async function newEnrolment(email: string) {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const uri = totpFor(email, secret).toString();
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
}

// The time step a code belongs to, or null when it matches none within one step of now.
function matchingCounter(secret: string, code: string, now: number): number | null {
  const totp = totpFor("", secret);
  const delta = totp.validate({ token: code.replace(/\s/g, ""), window: 1, timestamp: now });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(8).toString("hex").slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

// Confirms enrolment with the password and a first code from the app; returns the recovery codes,
// which are never shown again.
export async function enableTwoFactor(input: { userId: string; secret: string; code: string; password?: string; now?: number }): Promise<string[]> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true, totpEnabledAt: true } });
  if (!user) throw new AppError("not_found", "Your account was not found.");
  if (user.totpEnabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
  if (input.password !== undefined && !(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError("validation_failed", "Please correct the highlighted field.", { password: "The password is incorrect." });
  }
  if (!/^[A-Z2-7]{32}$/.test(input.secret)) throw new AppError("bad_request", "The enrolment expired; start again.");
  const counter = matchingCounter(input.secret, input.code, input.now ?? Date.now());
  if (counter === null) throw invalidCode();
  const codes = newRecoveryCodes();
  await withTransaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
    await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId: input.userId, codeHash: hashRecoveryCode(code) })) });
    await tx.user.update({ where: { id: input.userId }, data: { totpSecret: input.secret, totpEnabledAt: new Date(), totpLastCounter: counter } });
  });
  log.info("two-factor sign-in turned on", { event: "two-factor", userId: input.userId });
  return codes;
}

export async function disableTwoFactor(input: { userId: string; password: string }): Promise<void> {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError("validation_failed", "Please correct the highlighted field.", { password: "The password is incorrect." });
  }
  await withTransaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
    await tx.user.update({ where: { id: input.userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastCounter: null } });
  });
  log.info("two-factor sign-in turned off", { event: "two-factor", userId: input.userId });
}

export function countUnusedRecoveryCodes(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

// The second sign-in step: a current code from the app (each time step once) or an unused
// recovery code. Throttled per account and address, and more loosely per account.
export async function verifySecondFactor(input: { userId: string; code: string; address: string | null; now?: number }): Promise<"totp" | "recovery-code"> {
  const keys = { totp: `${input.userId}@${input.address ?? "unknown"}`, totpAccount: input.userId };
  const wait = retryAfterMs(keys);
  if (wait > 0) throw new AppError("too_many_requests", `Too many wrong codes. Try again in ${waitMessage(wait)}.`);
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { totpSecret: true, totpLastCounter: true } });
  if (!user?.totpSecret) throw new AppError("unauthorized", "Two-factor sign-in is not set up for this account.");
  const code = input.code.trim();
  if (/^\d{6}$/.test(code.replace(/\s/g, ""))) {
    const counter = matchingCounter(user.totpSecret, code, input.now ?? Date.now());
    if (counter !== null && counter > (user.totpLastCounter ?? -1)) {
      // Taking the step only if no one took it (or a later one) meanwhile: a code works once.
      const { count } = await db.user.updateMany({
        where: { id: input.userId, OR: [{ totpLastCounter: null }, { totpLastCounter: { lt: counter } }] },
        data: { totpLastCounter: counter },
      });
      if (count === 1) return "totp";
    }
  } else if (normaliseRecoveryCode(code).length === 10) {
    const { count } = await db.recoveryCode.updateMany({
      where: { userId: input.userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count === 1) return "recovery-code";
  }
  recordFailure(keys);
  throw invalidCode();
}
