import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// A user's own notifications. Every query is keyed by the user id, so nobody reads or marks
// someone else's. Marking read is bookkeeping, not HR data, so it is not run under an actor and
// leaves no audit entries.
export type NotificationRow = { id: string; kind: string; title: string; body: string; link: string | null; readAt: Date | null; createdAt: Date };

export type NotificationPage = { rows: NotificationRow[]; total: number; unread: number; page: number; pageSize: number; pageCount: number };

const SELECT = { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

export async function listNotifications(userId: string, options: { page?: number; pageSize?: number; isUnreadOnly?: boolean } = {}): Promise<NotificationPage> {
  const pageSize = Math.min(Math.max(options.pageSize ?? 20, 1), 100);
  const where = { userId, ...(options.isUnreadOnly ? { readAt: null } : {}) };
  const [total, unread] = await Promise.all([db.notification.count({ where }), countUnread(userId)]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(options.page ?? 1, 1), pageCount);
  const rows = (await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: SELECT,
  })) as NotificationRow[];
  return { rows, total, unread, page, pageSize, pageCount };
}

export function countUnread(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

// Marks one notification read and returns where it points, for "open".
export async function markNotificationRead(userId: string, id: string, now: Date = new Date()): Promise<{ link: string | null }> {
  const found = await db.notification.findFirst({ where: { id, userId }, select: { link: true, readAt: true } });
  if (!found) throw new AppError("not_found", "That notification was not found.");
  if (!found.readAt) await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
  return { link: found.link };
}

export async function markAllNotificationsRead(userId: string, now: Date = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}
