import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { PENDING_COOKIE, PENDING_MAX_AGE_SECONDS, SESSION_COOKIE } from "./session-token";

// httpOnly (no script can read it), Secure in production (browsers also accept it on localhost),
// SameSite=Lax (sent on top-level navigation, not on cross-site posts).
export async function setSessionCookie(token: string, maxAgeSeconds: number): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: env().NODE_ENV === "production",
    sameSite: "lax",
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

export async function setPendingCookie(token: string): Promise<void> {
  (await cookies()).set(PENDING_COOKIE, token, {
    httpOnly: true,
    secure: env().NODE_ENV === "production",
    sameSite: "lax",
    path: "/sign-in",
    maxAge: PENDING_MAX_AGE_SECONDS,
  });
}

export async function clearPendingCookie(): Promise<void> {
  (await cookies()).delete({ name: PENDING_COOKIE, path: "/sign-in" });
}
