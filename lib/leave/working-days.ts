import { addDays, type IsoDate, isoWeekday } from "./dates";

// The one working-days function: how many half-days of work a period covers, with weekends (per
// the configured work week) and holidays excluded. A half-day holiday takes the morning off.
// Requests, balances, attendance and reports all count with this.
export type WorkWeek = readonly number[]; // ISO weekdays that are working days, Monday = 1
export const DEFAULT_WORK_WEEK: WorkWeek = [1, 2, 3, 4, 5];

export type HolidayCalendar = ReadonlyMap<IsoDate, { isHalfDay: boolean }>;

export type Period = {
  start: IsoDate;
  end: IsoDate;
  startsAfternoon?: boolean; // the first day counts from noon
  endsAtNoon?: boolean; // the last day counts until noon
};

export type DayBreakdown = { date: IsoDate; morning: boolean; afternoon: boolean; note: string | null };

export function workingHalfDaysByDay(period: Period, workWeek: WorkWeek, holidays: HolidayCalendar): DayBreakdown[] {
  if (period.end < period.start) return [];
  const days: DayBreakdown[] = [];
  for (let date = period.start; date <= period.end; date = addDays(date, 1)) {
    const holiday = holidays.get(date);
    const isWorkDay = workWeek.includes(isoWeekday(date));
    const isMorningRequested = !(date === period.start && period.startsAfternoon);
    const isAfternoonRequested = !(date === period.end && period.endsAtNoon);
    const note = !isWorkDay ? "not a working day" : holiday ? (holiday.isHalfDay ? "half-day holiday" : "holiday") : null;
    days.push({
      date,
      morning: isMorningRequested && isWorkDay && !holiday,
      afternoon: isAfternoonRequested && isWorkDay && !(holiday && !holiday.isHalfDay),
      note,
    });
  }
  return days;
}

export function countWorkingHalfDays(period: Period, workWeek: WorkWeek = DEFAULT_WORK_WEEK, holidays: HolidayCalendar = new Map()): number {
  return workingHalfDaysByDay(period, workWeek, holidays).reduce((sum, day) => sum + Number(day.morning) + Number(day.afternoon), 0);
}
