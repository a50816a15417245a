import "server-only";
import { db } from "@/lib/db";
import { readSetting } from "@/lib/settings/settings";
import { fromIsoDate, type IsoDate, toIsoDate } from "./dates";
import { countWorkingHalfDays, type HolidayCalendar, type Period, type WorkWeek, workingHalfDaysByDay } from "./working-days";

export type WorkCalendar = { workWeek: WorkWeek; holidays: HolidayCalendar };

// The work week and the holidays between two dates, for the working-days function.
export async function loadWorkCalendar(from: IsoDate, to: IsoDate): Promise<WorkCalendar> {
  const [workWeek, holidays] = await Promise.all([
    readSetting("work-week"),
    db.holiday.findMany({ where: { date: { gte: fromIsoDate(from), lte: fromIsoDate(to) } }, select: { date: true, isHalfDay: true } }),
  ]);
  return { workWeek: workWeek.days, holidays: new Map(holidays.map((holiday) => [toIsoDate(holiday.date), { isHalfDay: holiday.isHalfDay }])) };
}

export async function workingHalfDays(period: Period): Promise<number> {
  const calendar = await loadWorkCalendar(period.start, period.end);
  return countWorkingHalfDays(period, calendar.workWeek, calendar.holidays);
}

export async function workingDayBreakdown(period: Period) {
  const calendar = await loadWorkCalendar(period.start, period.end);
  return workingHalfDaysByDay(period, calendar.workWeek, calendar.holidays);
}
