import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type NotificationInput = {
  // Who to tell: user ids, or employee ids (resolved to their sign-in, if they have one).
  userIds?: string[];
  employeeIds?: string[];
  kind: string; // e.g. "leave.submitted", "leave.approved", "attendance.correction"
  title: string;
  body: string;
  link?: string;
};

// In-app notifications, written with the change that causes them. When email is configured, the
// same message is queued for SMTP delivery (lib/notifications/email.ts sends it and records the
// outcome), so a notification is never lost to a mail server being down.
export async function notify(input: NotificationInput): Promise<number> {
  const fromEmployees = input.employeeIds?.length
    ? await db.user.findMany({ where: { employeeId: { in: input.employeeIds }, isActive: true }, select: { id: true } })
    : [];
  const userIds = [...new Set([...(input.userIds ?? []), ...fromEmployees.map((user) => user.id)])];
  if (userIds.length === 0) return 0;
  const users = await db.user.findMany({ where: { id: { in: userIds }, isActive: true }, select: { id: true, email: true } });
  if (users.length === 0) return 0;
  await db.notification.createMany({
    data: users.map((user) => ({ userId: user.id, kind: input.kind, title: input.title, body: input.body, link: input.link ?? null })),
  });
  if (isEmailConfigured()) {
    await db.emailMessage.createMany({
      data: users.map((user) => ({ to: user.email, subject: input.title, body: `${input.body}${input.link ? `\n\n${input.link}` : ""}` })),
    });
  }
  return users.length;
}

export function isEmailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}
