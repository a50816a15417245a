import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { can, type Permission, type Principal, type Role } from "./permissions";
import { findUserByApiToken } from "./api-tokens";
import { readSessionToken, SESSION_COOKIE } from "./session-token";

export type CurrentUser = Principal & { email: string; name: string };

const USER_SELECT = {
  id: true,
  email: true,
  role: true,
  employeeId: true,
  isActive: true,
  sessionsValidFrom: true,
  employee: { select: { firstName: true, lastName: true } },
} as const;

type UserRow = {
  id: string;
  email: string;
  role: Role;
  employeeId: string | null;
  isActive: boolean;
  sessionsValidFrom: Date;
  employee: { firstName: string; lastName: string } | null;
};

function toCurrentUser(user: UserRow): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    employeeId: user.employeeId,
    name: user.employee ? `${user.employee.firstName} ${user.employee.lastName}` : user.email,
  };
}

// The signed-in user of this request, from the session cookie; the role is read fresh from the
// database, so a role change or deactivation takes effect at once. Cached for the request.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  if (!claims) return null;
  const user = (await db.user.findUnique({ where: { id: claims.userId }, select: USER_SELECT })) as UserRow | null;
  // iat has whole-second precision; a session issued in the same second as a password change is kept.
  if (!user || !user.isActive || claims.issuedAt + 999 < user.sessionsValidFrom.getTime()) return null;
  return toCurrentUser(user);
});

// For API routes: a bearer personal access token, or else the session cookie.
export async function authenticateRequest(request: Request): Promise<CurrentUser | null> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const user = (await findUserByApiToken(authorization.slice(7).trim())) as UserRow | null;
    return user && user.isActive ? toCurrentUser(user) : null;
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

export { USER_SELECT };
