import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { EncryptJWT, jwtDecrypt } from "jose";
import { resolveSqlitePath } from "@/lib/db/clients";
import { env } from "@/lib/env";
import type { Role } from "./permissions";

// Sessions are stateless: an encrypted, signed token (JWE, A256GCM) in an httpOnly cookie. Nothing
// is looked up to decode it, so a session keeps working while the app moves between databases.
export const SESSION_COOKIE = "hrms_session";

export type SessionClaims = { userId: string; role: Role; issuedAt: number };

let key: Uint8Array | undefined;

// SESSION_SECRET in production; a demo install without one gets a random secret kept beside the
// SQLite file, so sessions survive restarts and no setup is needed to try the app.
function sessionKey(): Uint8Array {
  if (key) return key;
  const settings = env();
  let secret = settings.SESSION_SECRET;
  if (!secret) {
    const file = `${dirname(resolveSqlitePath(settings.SQLITE_PATH))}/session-secret`;
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    }
    secret = readFileSync(file, "utf8").trim();
  }
  key = new Uint8Array(createHash("sha256").update(secret).digest());
  return key;
}

export async function createSessionToken(claims: Omit<SessionClaims, "issuedAt">): Promise<{ token: string; maxAgeSeconds: number }> {
  const maxAgeSeconds = env().SESSION_MAX_AGE_HOURS * 3600;
  const token = await new EncryptJWT({ uid: claims.userId, role: claims.role })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(`${maxAgeSeconds}s`)
    .encrypt(sessionKey());
  return { token, maxAgeSeconds };
}

export async function readSessionToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, sessionKey(), { clockTolerance: 5 });
    if (typeof payload.uid !== "string" || typeof payload.role !== "string" || typeof payload.iat !== "number") return null;
    return { userId: payload.uid, role: payload.role as Role, issuedAt: payload.iat * 1000 };
  } catch {
    return null;
  }
}
