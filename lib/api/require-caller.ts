import "server-only";
import { z } from "zod";
import { authenticateRequest, type CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";
import { AppError, forbidden } from "@/lib/errors";

// Signed in (session cookie or bearer token) and, when given, allowed: or a 401/403 for the caller.
export async function requireCaller(request: Request, permission?: Permission): Promise<CurrentUser> {
  const user = await authenticateRequest(request);
  if (!user) throw new AppError("unauthorized", "Sign in, or send a personal access token as `Authorization: Bearer <token>`.");
  if (permission && !can(user, permission)) throw forbidden();
  return user;
}

// The `version` a client read, for optimistic concurrency: a number or a string of digits within
// the database's integer range (`true` is not version 1).
export const ZBodyVersion = z
  .union([z.number(), z.string().regex(/^\d{1,10}$/)])
  .transform(Number)
  .pipe(z.number().int().min(1).max(2_147_483_647));
