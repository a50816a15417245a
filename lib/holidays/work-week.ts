import "server-only";
import { asUser } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { loadWorkCalendar } from "@/lib/leave/calendar";
import { isoWeekday } from "@/lib/leave/dates";
import { LEAVE_ADMIN } from "@/lib/leave/permissions";
import { countWorkingHalfDays } from "@/lib/leave/working-days";
import { writeSetting } from "@/lib/settings/settings";

export type YearCalendarSummary = {
  year: number;
  workWeek: number[];
  // Working half-days in the year after weekends and holidays, counted by the one working-days function.
  workingHalfDays: number;
  // Holidays that fall on working days and so cost a working day (or half a day).
  holidaysOnWorkingDays: number;
};

export async function saveWorkWeek(user: CurrentUser, days: number[]): Promise<void> {
  if (!can(user, LEAVE_ADMIN)) throw forbidden();
  await asUser(user, () => writeSetting("work-week", { days }));
}

export async function yearCalendarSummary(year: number): Promise<YearCalendarSummary> {
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const calendar = await loadWorkCalendar(period.start, period.end);
  const workWeek = [...calendar.workWeek].sort((a, b) => a - b);
  const workingHalfDays = countWorkingHalfDays(period, workWeek, calendar.holidays);
  const holidaysOnWorkingDays = [...calendar.holidays.keys()].filter((date) => workWeek.includes(isoWeekday(date))).length;
  return { year, workWeek, workingHalfDays, holidaysOnWorkingDays };
}
