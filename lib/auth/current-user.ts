import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { can, type Permission, type Principal } from "./permissions";
import { findUserByApiToken } from "./api-tokens";
import { readSessionToken, SESSION_COOKIE } from "./session-token";
import { findSessionUser, type SignedInUser } from "./sessions";

export type CurrentUser = Principal & { email: string; name: string; sessionId?: string };

function toCurrentUser(user: SignedInUser, sessionId?: string): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    employeeId: user.employeeId,
    name: user.employee ? `${user.employee.firstName} ${user.employee.lastName}` : user.email,
    ...(sessionId ? { sessionId } : {}),
  };
}

// The signed-in user of this request: the session cookie names a session row, which must still be
// open; the user is read with it, so a role change, deactivation or leaving takes effect at once.
// Cached for the request.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  if (!claims) return null;
  const user = await findSessionUser(claims.sessionId, claims.userId);
  return user ? toCurrentUser(user, claims.sessionId) : null;
});

// For API routes: a bearer personal access token, or else the session cookie.
export async function authenticateRequest(request: Request): Promise<CurrentUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const user = await findUserByApiToken(authorization.slice(7).trim());
    return user ? toCurrentUser(user) : null;
  }
  return getCurrentUser();
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  return user;
}

// For pages and server actions: signed in and allowed, or a 403 page.
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}
