import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { revokeUserTokens } from "./api-tokens";
import { hasLeft } from "./leaver";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";
import type { Role } from "./permissions";
import { endUserSessions, startSession } from "./sessions";
import { clearFailures, recordFailure, retryAfterMs, waitMessage } from "./throttle";
import { verifySecondFactor } from "./totp";

const WRONG = "The email or password is incorrect.";

export type ClientInfo = { address: string | null; userAgent: string | null };

const SIGN_IN_USER = {
  id: true,
  email: true,
  role: true,
  passwordHash: true,
  isActive: true,
  totpEnabledAt: true,
  employee: { select: { status: true, exitDate: true } },
} as const;

type SignInUser = {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  isActive: boolean;
  totpEnabledAt: Date | null;
  employee: { status: string; exitDate: Date | null } | null;
};

// Checks email and password. Failures are throttled per account and per client address by a
// progressive delay, and say nothing about whether the account exists. While an account is
// delayed, only an account with a second factor has its password checked: the password alone
// still cannot sign in, and its owner is not kept out by someone else's guesses.
export async function checkPassword(input: { email: string; password: string } & ClientInfo): Promise<SignInUser> {
  const keys = { account: input.email, address: input.address ?? undefined };
  const wait = retryAfterMs(keys);
  const user = (await db.user.findUnique({ where: { email: input.email }, select: SIGN_IN_USER })) as SignInUser | null;
  const tooMany = new AppError("too_many_requests", `Too many failed attempts. Try again in ${waitMessage(wait)}.`);
  if (wait > 0 && !user?.totpEnabledAt) throw tooMany;
  if (!user) {
    await burnPasswordCheck(input.password);
    recordFailure(keys);
    throw new AppError("unauthorized", WRONG);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    recordFailure(keys);
    log.warn("sign-in failed", { event: "sign-in-failed", userId: user.id });
    throw wait > 0 ? tooMany : new AppError("unauthorized", WRONG);
  }
  if (!user.isActive) throw new AppError("unauthorized", "This account is deactivated. Ask an administrator.");
  if (hasLeft(user.employee)) throw new AppError("unauthorized", "This account belongs to someone who has left the organisation.");
  if (!user.totpEnabledAt) clearFailures({ account: input.email });
  return user;
}

// Opens a session for a user whose credentials (and second factor, if any) were checked.
export async function openSession(user: { id: string; email: string; role: Role }, client: ClientInfo) {
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const session = await startSession({ userId: user.id, ...client });
  return { user: { id: user.id, email: user.email, role: user.role }, ...session };
}

export type SignInResult =
  ({ kind: "signed-in" } & Awaited<ReturnType<typeof openSession>>) | { kind: "second-factor"; userId: string } | { kind: "enrol"; userId: string };

// A right password opens a session, or leads to the second step: the code of an enrolled user, or
// enrolment for an admin while policy requires two-factor sign-in for admins.
export async function signIn(input: { email: string; password: string } & ClientInfo): Promise<SignInResult> {
  const user = await checkPassword(input);
  if (user.totpEnabledAt) return { kind: "second-factor", userId: user.id };
  if (user.role === "ADMIN" && env().isAdminTwoFactorRequired) return { kind: "enrol", userId: user.id };
  return { kind: "signed-in", ...(await openSession(user, input)) };
}

// The second step, after checkPassword: a valid code (or recovery code) opens the session. The
// password throttle is cleared only now, so right password plus right code always gets in.
export async function completeSignIn(input: { userId: string; code: string } & ClientInfo) {
  await verifySecondFactor({ userId: input.userId, code: input.code, address: input.address });
  return openSignedInUser(input.userId, input);
}

// Opens the session of a user who passed every step (also after a forced enrolment).
export async function openSignedInUser(userId: string, client: ClientInfo) {
  const user = (await db.user.findUnique({ where: { id: userId }, select: SIGN_IN_USER })) as SignInUser | null;
  if (!user || !user.isActive || hasLeft(user.employee)) throw new AppError("unauthorized", "This account cannot sign in.");
  clearFailures({ account: user.email });
  return openSession(user, client);
}

// A new password ends every other session of the user (all of them when no session asks), and
// their tokens unless the user chooses to keep them.
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  options: { keepTokens: boolean; currentSessionId?: string },
) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, passwordHash: true } });
  if (!user) throw new AppError("not_found", "Your account was not found.");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("validation_failed", "Please correct the highlighted field.", { currentPassword: "The current password is incorrect." });
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword), sessionsValidFrom: new Date() } });
  const sessionsEnded = await endUserSessions(userId, "password-change", options.currentSessionId);
  const tokensEnded = options.keepTokens ? 0 : await revokeUserTokens(userId, "password-change");
  return { sessionsEnded, tokensEnded };
}
