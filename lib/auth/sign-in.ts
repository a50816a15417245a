import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
import { createSessionToken } from "./session-token";
import { clearFailures, recordFailure, retryAfterMs } from "./throttle";

const WRONG = "The email or password is incorrect.";

// Checks the credentials and issues a session token. Failures are throttled per account and per
// client address, and say nothing about whether the account exists.
export async function signIn(input: { email: string; password: string; address: string | null }) {
  const keys = { account: input.email, address: input.address ?? undefined };
  const wait = retryAfterMs(keys);
  if (wait > 0) {
    throw new AppError("too_many_requests", `Too many failed attempts. Try again in ${Math.ceil(wait / 60_000)} minute${wait > 60_000 ? "s" : ""}.`);
  }
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, role: true, passwordHash: true, isActive: true },
  });
  if (!user) {
    await burnPasswordCheck(input.password);
    recordFailure(keys);
    throw new AppError("unauthorized", WRONG);
  }
  if (!(await verifyPassword(user.passwordHash, input.password)) || !user.isActive) {
    recordFailure(keys);
    log.warn("sign-in failed", { event: "sign-in-failed", userId: user.id });
    throw new AppError("unauthorized", user.isActive ? WRONG : "This account is deactivated. Ask an administrator.");
  }
  clearFailures({ account: input.email });
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const session = await createSessionToken({ userId: user.id, role: user.role });
  return { user: { id: user.id, email: user.email, role: user.role }, ...session };
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, passwordHash: true } });
  if (!user) throw new AppError("not_found", "Your account was not found.");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("validation_failed", "Please correct the highlighted field.", { currentPassword: "The current password is incorrect." });
  }
  // Older sessions (other browsers) stop working; this one gets a fresh token.
  const now = new Date();
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword), sessionsValidFrom: now } });
  return createSessionToken({ userId: user.id, role: user.role });
}
