import "server-only";
import { createHash } from "node:crypto";
import { uuidv7 } from "uuidv7";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db, withTransaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fromIsoDate, toIsoDate } from "@/lib/leave/dates";
import { prismaCode } from "@/lib/prisma-errors";
import { readSetting } from "@/lib/settings/settings";
import { requireOwnEmployee } from "./access";
import { RECORD_SELECT, type StoredRecord } from "./context";
import { recordMinutes } from "./month-days";
import { localDate } from "./time-zone";

type Actor = Pick<CurrentUser, "id" | "email" | "employeeId">;

const STARTED = (timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });

function alreadyCheckedIn(since: Date, timeZone: string): AppError {
  return new AppError("conflict", `You are already checked in (since ${STARTED(timeZone).format(since)}). Check out first.`);
}

// Two check-ins at once (a double click, two tabs) would each see no open record under
// PostgreSQL's read-committed isolation. Deriving the new record's id from the employee's latest
// record makes them compete for one primary key, so the database itself lets only one through.
function nextSessionId(employeeId: string, latestId: string | null): string {
  const hex = createHash("sha256")
    .update(`attendance:${employeeId}:${latestId ?? "first"}`)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function openRecord(client: Pick<typeof db, "attendanceRecord">, employeeId: string) {
  return client.attendanceRecord.findFirst({
    where: { employeeId, checkOutAt: null },
    orderBy: { checkInAt: "desc" },
    select: RECORD_SELECT,
  }) as Promise<StoredRecord | null>;
}

async function assertActiveEmployee(employeeId: string): Promise<void> {
  const employee = await db.employee.findUnique({ where: { id: employeeId }, select: { status: true } });
  if (!employee) throw new AppError("not_found", "Your employee record was not found.");
  if (employee.status === "TERMINATED") throw new AppError("forbidden", "Your employment has ended, so there is no attendance to record.");
}

// Starts a session. One open record at a time: a second check-in is refused until the first is
// closed. The record belongs to the local date in the schedule's time zone.
export async function checkIn(user: Actor, now: Date = new Date()): Promise<StoredRecord> {
  const employeeId = requireOwnEmployee(user);
  await assertActiveEmployee(employeeId);
  const { timeZone } = await readSetting("attendance-schedule");
  const create = (useDerivedId: boolean) =>
    asUser(user, () =>
      withTransaction(async (tx) => {
        const open = await openRecord(tx, employeeId);
        if (open) throw alreadyCheckedIn(open.checkInAt, timeZone);
        const latest = await tx.attendanceRecord.findFirst({ where: { employeeId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
        const id = useDerivedId ? nextSessionId(employeeId, latest?.id ?? null) : uuidv7();
        return tx.attendanceRecord.create({
          data: { id, employeeId, date: fromIsoDate(localDate(now, timeZone)), checkInAt: now },
          select: RECORD_SELECT,
        }) as Promise<StoredRecord>;
      }),
    );
  try {
    return await create(true);
  } catch (error) {
    if (prismaCode(error) !== "P2002") throw error;
    // Lost the race to a check-in that is now open; or the derived id was taken some other way
    // (a record deleted and recreated), in which case a plain id will do.
    const open = await openRecord(db, employeeId);
    if (open) throw alreadyCheckedIn(open.checkInAt, timeZone);
    return create(false);
  }
}

// Closes the open session.
export async function checkOut(user: Actor, now: Date = new Date()): Promise<StoredRecord> {
  const employeeId = requireOwnEmployee(user);
  const open = await openRecord(db, employeeId);
  if (!open) throw new AppError("conflict", "You are not checked in.");
  const checkOutAt = now < open.checkInAt ? open.checkInAt : now;
  try {
    return (await asUser(user, () =>
      db.attendanceRecord.update({ where: { id: open.id, version: open.version }, data: { checkOutAt }, select: RECORD_SELECT }),
    )) as StoredRecord;
  } catch (error) {
    if (prismaCode(error) === "P2025") throw new AppError("conflict", "That session was closed a moment ago, in another tab or device.");
    throw error;
  }
}

export type TodayCard = {
  date: string;
  timeZone: string;
  schedule: { start: string; end: string; graceMinutes: number };
  isLinked: boolean;
  open: { id: string; date: string; checkInAt: string; isFromEarlierDay: boolean } | null;
  sessions: { id: string; checkInAt: string; checkOutAt: string | null; minutes: number | null }[];
  minutesToday: number;
};

// What the check-in card shows: today's sessions, the open one if any (a session left open on an
// earlier day is called out, so it can be closed and corrected).
export async function getToday(user: Pick<CurrentUser, "employeeId">, now: Date = new Date()): Promise<TodayCard> {
  const schedule = await readSetting("attendance-schedule");
  const date = localDate(now, schedule.timeZone);
  const base = { date, timeZone: schedule.timeZone, schedule: { start: schedule.start, end: schedule.end, graceMinutes: schedule.graceMinutes } };
  if (!user.employeeId) return { ...base, isLinked: false, open: null, sessions: [], minutesToday: 0 };
  const [open, today] = await Promise.all([
    openRecord(db, user.employeeId),
    db.attendanceRecord.findMany({
      where: { employeeId: user.employeeId, date: fromIsoDate(date) },
      orderBy: { checkInAt: "asc" },
      select: RECORD_SELECT,
    }) as Promise<StoredRecord[]>,
  ]);
  const sessions = today.map((record) => ({
    id: record.id,
    checkInAt: record.checkInAt.toISOString(),
    checkOutAt: record.checkOutAt?.toISOString() ?? null,
    minutes: recordMinutes(record, now),
  }));
  return {
    ...base,
    isLinked: true,
    open: open ? { id: open.id, date: toIsoDate(open.date), checkInAt: open.checkInAt.toISOString(), isFromEarlierDay: toIsoDate(open.date) < date } : null,
    sessions,
    minutesToday: sessions.reduce((sum, session) => sum + (session.minutes ?? 0), 0),
  };
}
