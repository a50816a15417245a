import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { fromIsoDate } from "@/lib/leave/dates";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { type LineError, parseHolidayLines } from "./parse-holiday-lines";

export type ImportResult = { ok: true; added: number; updated: number; unchanged: number; years: number[] } | { ok: false; errors: LineError[] };

// Imports a pasted list (see parse-holiday-lines.ts). All or nothing: any line in error and
// nothing is written. Keyed on the date, so pasting the same list twice changes nothing and a
// corrected list updates names and half days in place.
export async function importHolidays(user: CurrentUser, text: string): Promise<ImportResult> {
  if (!can(user, LEAVE_ADMIN)) throw forbidden();
  const parsed = parseHolidayLines(text);
  if (parsed.errors.length) return { ok: false, errors: parsed.errors };

  const counts = await asUser(user, () =>
    withTransaction(async (tx) => {
      const existing = await tx.holiday.findMany({
        where: { date: { in: parsed.holidays.map((holiday) => fromIsoDate(holiday.date)) } },
        select: { id: true, date: true, name: true, isHalfDay: true },
      });
      const byDate = new Map(existing.map((row) => [row.date.toISOString().slice(0, 10), row]));
      const result = { added: 0, updated: 0, unchanged: 0 };
      for (const holiday of parsed.holidays) {
        const current = byDate.get(holiday.date);
        if (!current) {
          await tx.holiday.create({ data: { date: fromIsoDate(holiday.date), name: holiday.name, isHalfDay: holiday.isHalfDay }, select: { id: true } });
          result.added += 1;
        } else if (current.name !== holiday.name || current.isHalfDay !== holiday.isHalfDay) {
          await tx.holiday.update({ where: { id: current.id }, data: { name: holiday.name, isHalfDay: holiday.isHalfDay }, select: { id: true } });
          result.updated += 1;
        } else {
          result.unchanged += 1;
        }
      }
      return result;
    }),
  );
  const years = [...new Set(parsed.holidays.map((holiday) => Number(holiday.date.slice(0, 4))))].sort((a, b) => a - b);
  return { ok: true, ...counts, years };
}
