import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { hashPassword } from "./password";

// ADMIN_EMAIL and ADMIN_PASSWORD create the first admin at start, once: only while no admin exists.
export async function ensureFirstAdmin(): Promise<void> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (await db.user.count({ where: { role: "ADMIN" } })) return;
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) {
    // Outside demo mode nothing else creates one, and nobody could sign in to manage the app.
    log.warn("no admin account exists: set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create one", { event: "first-admin" });
    return;
  }
  const passwordHash = await hashPassword(ADMIN_PASSWORD);
  const existing = await db.user.findUnique({ where: { email: ADMIN_EMAIL }, select: { id: true } });
  if (existing) await db.user.update({ where: { id: existing.id }, data: { role: "ADMIN", passwordHash, isActive: true } });
  else await db.user.create({ data: { email: ADMIN_EMAIL, passwordHash, role: "ADMIN" } });
  log.info("first admin account ready", { event: "first-admin", email: ADMIN_EMAIL });
}
