import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { EncryptJWT, jwtDecrypt } from "jose";
import { resolveSqlitePath } from "@/lib/db/clients";
import { env } from "@/lib/env";

// The session cookie is an encrypted, signed token (JWE, A256GCM) naming a row of the Session
// table, which every request checks (lib/auth/sessions.ts), so a session can be ended.
export const SESSION_COOKIE = "hrms_session";

export type SessionClaims = { sessionId: string; userId: string; issuedAt: number };

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

export async function createSessionToken(claims: Omit<SessionClaims, "issuedAt">, maxAgeSeconds: number): Promise<string> {
  return new EncryptJWT({ sid: claims.sessionId, uid: claims.userId })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(`${maxAgeSeconds}s`)
    .encrypt(sessionKey());
}

export async function readSessionToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, sessionKey(), { clockTolerance: 5 });
    if (typeof payload.sid !== "string" || typeof payload.uid !== "string" || typeof payload.iat !== "number") return null;
    return { sessionId: payload.sid, userId: payload.uid, issuedAt: payload.iat * 1000 };
  } catch {
    return null;
  }
}

// Between the password and the second factor (or a forced enrolment): a short-lived encrypted
// cookie naming the user whose password was right. It opens nothing by itself.
export const PENDING_COOKIE = "hrms_pending_sign_in";
export const PENDING_MAX_AGE_SECONDS = 600;

export type PendingSignIn = { userId: string; purpose: "verify" | "enrol"; issuedAt: number };

export async function createPendingToken(pending: Omit<PendingSignIn, "issuedAt">): Promise<string> {
  return new EncryptJWT({ uid: pending.userId, purpose: pending.purpose, typ: "pending-sign-in" })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(`${PENDING_MAX_AGE_SECONDS}s`)
    .encrypt(sessionKey());
}

export async function readPendingToken(token: string | undefined): Promise<PendingSignIn | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, sessionKey(), { clockTolerance: 5 });
    if (payload.typ !== "pending-sign-in" || typeof payload.uid !== "string" || typeof payload.iat !== "number") return null;
    if (payload.purpose !== "verify" && payload.purpose !== "enrol") return null;
    return { userId: payload.uid, purpose: payload.purpose, issuedAt: payload.iat * 1000 };
  } catch {
    return null;
  }
}
