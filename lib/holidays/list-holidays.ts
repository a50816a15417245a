import "server-only";
import { db } from "@/lib/db";
import { fromIsoDate, toIsoDate } from "@/lib/leave/dates";

export type HolidayRow = { id: string; version: number; date: string; name: string; isHalfDay: boolean };

// A year's public holidays in date order. Readable by everyone signed in: they shape everyone's
// leave.
export async function listHolidays(year: number): Promise<HolidayRow[]> {
  const rows = await db.holiday.findMany({
    where: { date: { gte: fromIsoDate(`${year}-01-01`), lte: fromIsoDate(`${year}-12-31`) } },
    select: { id: true, version: true, date: true, name: true, isHalfDay: true },
    orderBy: { date: "asc" },
  });
  return rows.map((row) => ({ ...row, date: toIsoDate(row.date) }));
}
