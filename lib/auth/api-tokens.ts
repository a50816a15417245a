import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { isAllowedIn, SIGNED_IN_USER, type SignedInUser } from "./sessions";

// Personal access tokens: shown once at creation, stored as a SHA-256 hash (a token is 32 random
// bytes, so a fast hash is enough; it is not a password).
const PREFIX = "hrms_";
const DAY_MS = 86_400_000;

export type TokenEndReason = "revoked" | "password-change" | "deactivated" | "terminated";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

// Every token expires: no later than TOKEN_MAX_LIFETIME_DAYS (default a year), also when the
// caller asks for "never".
export async function createApiToken(userId: string, name: string, expiresInDays: number | null) {
  const maxDays = env().TOKEN_MAX_LIFETIME_DAYS;
  const days = Math.min(expiresInDays ?? maxDays, maxDays);
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const created = await db.apiToken.create({
    data: {
      userId,
      name,
      prefix: token.slice(0, PREFIX.length + 6),
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + days * DAY_MS),
    },
    select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
  });
  return { ...created, token };
}

// What the Settings page calls: a borrowed session alone cannot mint a long-lived credential.
export async function createApiTokenWithPassword(input: { userId: string; password: string; name: string; expiresInDays: number | null }) {
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError("validation_failed", "Please correct the highlighted field.", { password: "The password is incorrect." });
  }
  return createApiToken(input.userId, input.name, input.expiresInDays);
}

export function listApiTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, lastUsedAt: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: "revoked" },
  });
  if (count === 0) throw new AppError("not_found", "That token was not found or is already revoked.");
}

// Revoked for good: nothing (re-activation, rehire) brings a token back.
export async function revokeUserTokens(userId: string, reason: TokenEndReason, client: typeof db = db): Promise<number> {
  const { count } = await client.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  return count;
}

export async function findUserByApiToken(token: string): Promise<SignedInUser | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: SIGNED_IN_USER },
    },
  });
  const now = new Date();
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now)) return null;
  if (!isAllowedIn(found.user, now)) return null;
  // Recording last use at most hourly keeps API reads from becoming writes.
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 3_600_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  return found.user as SignedInUser;
}
