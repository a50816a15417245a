import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Personal access tokens: shown once at creation, stored as a SHA-256 hash (a token is 32 random
// bytes, so a fast hash is enough; it is not a password).
const PREFIX = "hrms_";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(userId: string, name: string, expiresInDays: number | null) {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const created = await db.apiToken.create({
    data: {
      userId,
      name,
      prefix: token.slice(0, PREFIX.length + 6),
      tokenHash: hashToken(token),
      expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
    },
    select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
  });
  return { ...created, token };
}

export function listApiTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, lastUsedAt: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError("not_found", "That token was not found or is already revoked.");
}

export async function findUserByApiToken(token: string) {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          role: true,
          employeeId: true,
          isActive: true,
          sessionsValidFrom: true,
          employee: { select: { firstName: true, lastName: true } },
        },
      },
    },
  });
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt < new Date())) return null;
  // Recording last use at most hourly keeps API reads from becoming writes.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 3_600_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  return found.user;
}
