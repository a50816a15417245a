import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can, type Role } from "@/lib/auth/permissions";
import { revokeUserTokens } from "@/lib/auth/api-tokens";
import { endUserSessions } from "@/lib/auth/sessions";
import { db, withTransaction } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { assertAnotherActiveAdmin } from "./admin-guard";

const TARGET = { id: true, email: true, role: true, isActive: true } as const;

async function findTarget(userId: string) {
  const target = await db.user.findUnique({ where: { id: userId }, select: TARGET });
  if (!target) throw notFound("That user");
  return target;
}

// A role change takes effect on the user's next request: sessions read the role fresh.
export async function changeUserRole(actor: CurrentUser, userId: string, role: Role) {
  if (!can(actor, "users:manage")) throw forbidden();
  const target = await findTarget(userId);
  if (target.role === role) return target;
  if (role !== "ADMIN") await assertAnotherActiveAdmin(actor.id, target, "role");
  return asUser(actor, () => db.user.update({ where: { id: userId }, data: { role }, select: TARGET }));
}

// Deactivating also ends the user's sessions and revokes their tokens for good: re-activating
// brings back neither.
export async function setUserActive(actor: CurrentUser, userId: string, isActive: boolean) {
  if (!can(actor, "users:manage")) throw forbidden();
  const target = await findTarget(userId);
  if (target.isActive === isActive) return target;
  if (!isActive) {
    if (target.id === actor.id)
      throw new AppError("conflict", "You cannot deactivate your own account.", { isActive: "You cannot deactivate your own account." });
    await assertAnotherActiveAdmin(actor.id, target, "isActive");
  }
  if (isActive) return asUser(actor, () => db.user.update({ where: { id: userId }, data: { isActive }, select: TARGET }));
  return asUser(actor, () =>
    withTransaction(async (tx) => {
      const updated = await tx.user.update({ where: { id: userId }, data: { isActive, sessionsValidFrom: new Date() }, select: TARGET });
      await endUserSessions(userId, "deactivated", undefined, tx);
      await revokeUserTokens(userId, "deactivated", tx);
      return updated;
    }),
  );
}
