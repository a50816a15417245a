import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Someone must always be able to manage users: a change that would leave no active admin is refused.
export async function assertAnotherActiveAdmin(
  actorId: string,
  target: { id: string; role: string; isActive: boolean },
  field: "role" | "isActive",
): Promise<void> {
  if (target.role !== "ADMIN" || !target.isActive) return;
  const others = await db.user.count({ where: { role: "ADMIN", isActive: true, id: { not: target.id } } });
  if (others > 0) return;
  const message =
    target.id === actorId
      ? "You are the last active admin. Make someone else an admin first, so the system is never left without one."
      : "This is the last active admin. Make someone else an admin first, so the system is never left without one.";
  throw new AppError("conflict", message, { [field]: message });
}
