// A user's notifications on a real SQLite database: newest first, paged, unread counted, and only
// ever their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSqliteFile } from "@/test/failover/support";

let list: typeof import("./list");
let notify: typeof import("./notify").notify;
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

let serial = 0;
async function newUser(): Promise<string> {
  serial += 1;
  const user = await db.user.create({ data: { email: `reader${serial}@example.com`, passwordHash: "not-a-real-hash" }, select: { id: true } });
  return user.id;
}

async function tell(userId: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) await notify({ userIds: [userId], kind: "test", title: `Notice ${i}`, body: `Body ${i}`, link: `/things/${i}` });
}

beforeAll(async () => {
  process.env.DATABASE_URL = "";
  process.env.SQLITE_PATH = await newSqliteFile("notifications");
  process.env.SMTP_URL = "";
  list = await import("./list");
  ({ notify } = await import("./notify"));
  ({ db, closeDatabase } = await import("@/lib/db"));
});

afterAll(async () => {
  await closeDatabase?.();
});

describe("listNotifications", () => {
  it("pages a user's notifications newest first, with the unread count", async () => {
    const userId = await newUser();
    const someoneElse = await newUser();
    await tell(userId, 5);
    await tell(someoneElse, 2);

    const first = await list.listNotifications(userId, { page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, unread: 5, page: 1, pageSize: 2, pageCount: 3 });
    expect(first.rows.map((row) => row.title)).toEqual(["Notice 5", "Notice 4"]);
    const last = await list.listNotifications(userId, { page: 3, pageSize: 2 });
    expect(last.rows.map((row) => row.title)).toEqual(["Notice 1"]);
    // A page past the end shows the last page rather than nothing.
    expect((await list.listNotifications(userId, { page: 9, pageSize: 2 })).page).toBe(3);
    expect(await list.countUnread(someoneElse)).toBe(2);
  });

  it("marks one read and returns its link; marks all read; unread-only lists what is left", async () => {
    const userId = await newUser();
    await tell(userId, 3);
    const [newest] = (await list.listNotifications(userId)).rows;

    expect(await list.markNotificationRead(userId, newest.id)).toEqual({ link: "/things/3" });
    expect(await list.countUnread(userId)).toBe(2);
    const unread = await list.listNotifications(userId, { isUnreadOnly: true });
    expect(unread.rows.map((row) => row.title)).toEqual(["Notice 2", "Notice 1"]);
    // Reading it again keeps the first read time.
    const readAt = (await db.notification.findUniqueOrThrow({ where: { id: newest.id }, select: { readAt: true } })).readAt;
    await list.markNotificationRead(userId, newest.id, new Date(Date.now() + 60_000));
    expect((await db.notification.findUniqueOrThrow({ where: { id: newest.id }, select: { readAt: true } })).readAt).toEqual(readAt);

    expect(await list.markAllNotificationsRead(userId)).toBe(2);
    expect(await list.countUnread(userId)).toBe(0);
  });

  it("never reads or marks another user's notification", async () => {
    const owner = await newUser();
    const intruder = await newUser();
    await tell(owner, 1);
    const [notice] = (await list.listNotifications(owner)).rows;

    await expect(list.markNotificationRead(intruder, notice.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await list.markAllNotificationsRead(intruder)).toBe(0);
    expect(await list.countUnread(owner)).toBe(1);
    expect((await list.listNotifications(intruder)).rows).toEqual([]);
  });
});
