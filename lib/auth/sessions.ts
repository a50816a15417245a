import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { hasLeft } from "./leaver";
import { can, type Principal, type Role } from "./permissions";
import { createSessionToken } from "./session-token";

export type SessionEndReason = "sign-out" | "sign-out-everywhere" | "password-change" | "admin" | "deactivated" | "terminated";

// Last-seen is written at most once a minute per session, so a busy user's requests stay reads.
const LAST_SEEN_EVERY_MS = 60_000;

// What every request needs of the signed-in user, whether it came with a session or a token.
export const SIGNED_IN_USER = {
  id: true,
  email: true,
  role: true,
  employeeId: true,
  isActive: true,
  employee: { select: { firstName: true, lastName: true, status: true, exitDate: true } },
} as const;

export type SignedInUser = {
  id: string;
  email: string;
  role: Role;
  employeeId: string | null;
  isActive: boolean;
  employee: { firstName: string; lastName: string; status: string; exitDate: Date | null } | null;
};

// Whether this user may use the app at all right now: active and not a leaver.
export function isAllowedIn(user: Pick<SignedInUser, "isActive" | "employee">, now = new Date()): boolean {
  return user.isActive && !hasLeft(user.employee, now);
}

// Ended and expired sessions are kept a month for the record, then deleted: at most once an hour,
// when someone signs in.
const KEEP_ENDED_MS = 30 * 86_400_000;
let lastPrunedAt = 0;

async function pruneOldSessions(now: number): Promise<void> {
  if (now - lastPrunedAt < 3_600_000) return;
  lastPrunedAt = now;
  const before = new Date(now - KEEP_ENDED_MS);
  await db.session.deleteMany({ where: { OR: [{ endedAt: { lt: before } }, { expiresAt: { lt: before } }] } }).catch(() => {});
}

export async function startSession(input: { userId: string; userAgent: string | null; address: string | null }) {
  await pruneOldSessions(Date.now());
  const maxAgeSeconds = env().SESSION_MAX_AGE_HOURS * 3600;
  const session = await db.session.create({
    data: {
      userId: input.userId,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      address: input.address,
      expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
    },
    select: { id: true },
  });
  const token = await createSessionToken({ sessionId: session.id, userId: input.userId }, maxAgeSeconds);
  return { sessionId: session.id, token, maxAgeSeconds };
}

// The one read per request: the session by its primary key, with its user. Served by whichever
// database is up, like every other read.
export async function findSessionUser(sessionId: string, userId: string): Promise<SignedInUser | null> {
  const now = new Date();
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, endedAt: true, expiresAt: true, lastSeenAt: true, user: { select: SIGNED_IN_USER } },
  });
  if (!session || session.userId !== userId || session.endedAt || session.expiresAt <= now) return null;
  const user = session.user as SignedInUser;
  if (!isAllowedIn(user, now)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    // A failed last-seen write must not sign anyone out.
    await db.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } }).catch(() => {});
  }
  return user;
}

export async function endSession(sessionId: string, reason: SessionEndReason = "sign-out"): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
}

type Client = typeof db;

// Ends every active session of a user, except the one named (the browser that asked). Inside a
// transaction, pass its client.
export async function endUserSessions(userId: string, reason: SessionEndReason, exceptSessionId?: string, client: Client = db): Promise<number> {
  const { count } = await client.session.updateMany({
    where: { userId, endedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { endedAt: new Date(), endReason: reason },
  });
  return count;
}

// An admin signs a user out everywhere (a lost laptop, a suspected compromise).
export async function endSessionsAsAdmin(actor: Principal, userId: string): Promise<number> {
  if (!can(actor, "users:manage")) throw forbidden();
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!target) throw notFound("That user");
  return endUserSessions(userId, "admin");
}

// A user ends one of their own sessions from the list in Settings.
export async function endOwnSession(userId: string, sessionId: string): Promise<void> {
  const { count } = await db.session.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: new Date(), endReason: "sign-out" } });
  if (count === 0) throw new AppError("not_found", "That session was not found or has already ended.");
}

export function listActiveSessions(userId: string) {
  return db.session.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, address: true, lastSeenAt: true, createdAt: true },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
}
