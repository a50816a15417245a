import { daysInMonth, type IsoDate, isoWeekday } from "@/lib/leave/dates";
import { type HolidayCalendar, type WorkWeek, workingHalfDaysByDay } from "@/lib/leave/working-days";
import { localDate, localMinutes, parseClock } from "./time-zone";

// The attendance rules, as pure functions of what happened (records), what was planned (work week,
// holidays, approved leave) and the schedule: one entry per day of a month, with its flags, and
// the month's totals. The month view, the HR summary and the CSV export all count with this.
export type Schedule = { start: string; end: string; graceMinutes: number; timeZone: string };

export type RecordInput = { id: string; date: IsoDate; checkInAt: Date; checkOutAt: Date | null; note: string | null };
export type LeaveInput = { startDate: IsoDate; endDate: IsoDate; startsAfternoon: boolean; endsAtNoon: boolean; typeName: string };

export type DayStatus =
  | "present" // checked in at least once
  | "absent" // a past working day with no record and no leave
  | "leave" // all of the day's working time is approved leave
  | "off" // weekend or holiday
  | "today" // today, not checked in yet
  | "upcoming"
  | "not-employed"; // before the hire date or after the exit date

export type DayRecord = RecordInput & { minutes: number | null };

export type AttendanceDay = {
  date: IsoDate;
  weekday: number; // ISO, Monday 1
  status: DayStatus;
  isWorkingDay: boolean;
  holiday: { name: string; isHalfDay: boolean } | null;
  leave: { typeName: string; part: "full" | "morning" | "afternoon" } | null;
  records: DayRecord[];
  minutes: number;
  isOpen: boolean;
  isLate: boolean;
  isEarly: boolean;
};

export type MonthTotals = {
  workingDays: number; // half-day holidays count one half
  presentDays: number;
  absentDays: number;
  leaveDays: number;
  lateCount: number;
  earlyCount: number;
  minutes: number;
};

export type MonthInput = {
  month: string; // "YYYY-MM"
  now: Date;
  schedule: Schedule;
  workWeek: WorkWeek;
  holidays: ReadonlyMap<IsoDate, { name: string; isHalfDay: boolean }>;
  employment: { hireDate: IsoDate; exitDate: IsoDate | null };
  records: RecordInput[];
  leaves: LeaveInput[];
};

export function monthBounds(month: string): { first: IsoDate; last: IsoDate } {
  const [year, monthNumber] = month.split("-").map(Number);
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, "0")}` };
}

export function recordMinutes(record: Pick<RecordInput, "checkInAt" | "checkOutAt">, until?: Date): number | null {
  const end = record.checkOutAt ?? until;
  if (!end) return null;
  return Math.max(0, Math.round((end.getTime() - record.checkInAt.getTime()) / 60_000));
}

// Which halves of each day approved leave covers, counted with the same working-days function as
// leave requests, so a half-day request leaves the other half expected at work.
function leaveCoverage(leaves: LeaveInput[], first: IsoDate, last: IsoDate, workWeek: WorkWeek, holidays: HolidayCalendar) {
  const coverage = new Map<IsoDate, { morning: boolean; afternoon: boolean; typeName: string }>();
  for (const leave of leaves) {
    const start = leave.startDate < first ? first : leave.startDate;
    const end = leave.endDate > last ? last : leave.endDate;
    const period = { start, end, startsAfternoon: leave.startsAfternoon && start === leave.startDate, endsAtNoon: leave.endsAtNoon && end === leave.endDate };
    for (const day of workingHalfDaysByDay(period, workWeek, holidays)) {
      if (!day.morning && !day.afternoon) continue;
      const seen = coverage.get(day.date);
      coverage.set(day.date, {
        morning: day.morning || Boolean(seen?.morning),
        afternoon: day.afternoon || Boolean(seen?.afternoon),
        typeName: seen?.typeName ?? leave.typeName,
      });
    }
  }
  return coverage;
}

export function buildMonth(input: MonthInput): { days: AttendanceDay[]; totals: MonthTotals } {
  const { first, last } = monthBounds(input.month);
  const { schedule, workWeek, holidays, employment } = input;
  const today = localDate(input.now, schedule.timeZone);
  const lateAfter = parseClock(schedule.start) + schedule.graceMinutes;
  const earlyBefore = parseClock(schedule.end) - schedule.graceMinutes;
  const worked = workingHalfDaysByDay({ start: first, end: last }, workWeek, holidays);
  const leave = leaveCoverage(input.leaves, first, last, workWeek, holidays);
  const byDate = new Map<IsoDate, RecordInput[]>();
  for (const record of [...input.records].sort((a, b) => a.checkInAt.getTime() - b.checkInAt.getTime())) {
    byDate.set(record.date, [...(byDate.get(record.date) ?? []), record]);
  }

  const totals: MonthTotals = { workingDays: 0, presentDays: 0, absentDays: 0, leaveDays: 0, lateCount: 0, earlyCount: 0, minutes: 0 };
  const days = worked.map((work): AttendanceDay => {
    const date = work.date;
    const isEmployed = date >= employment.hireDate && (!employment.exitDate || date <= employment.exitDate);
    const covered = leave.get(date);
    const expectsMorning = work.morning && !covered?.morning;
    const expectsAfternoon = work.afternoon && !covered?.afternoon;
    const records = (byDate.get(date) ?? []).map((record) => ({ ...record, minutes: recordMinutes(record, date === today ? input.now : undefined) }));
    const firstIn = records[0];
    const lastRecord = records.at(-1);
    const minutes = records.reduce((sum, record) => sum + (record.minutes ?? 0), 0);
    const isOpen = records.some((record) => !record.checkOutAt);

    let status: DayStatus;
    if (records.length) status = "present";
    else if (!isEmployed) status = "not-employed";
    else if (!work.morning && !work.afternoon) status = "off";
    else if (!expectsMorning && !expectsAfternoon) status = "leave";
    else if (date > today) status = "upcoming";
    else if (date === today) status = "today";
    else status = "absent";

    // Late and early only mean something against a half of the day the person was expected for.
    const isLate = Boolean(firstIn) && expectsMorning && localMinutes(firstIn!.checkInAt, schedule.timeZone) > lateAfter;
    const lastOut = lastRecord?.checkOutAt;
    const isEarly =
      Boolean(lastOut) &&
      !isOpen &&
      expectsAfternoon &&
      localDate(lastOut!, schedule.timeZone) === date &&
      localMinutes(lastOut!, schedule.timeZone) < earlyBefore;

    if (isEmployed) {
      totals.workingDays += (Number(work.morning) + Number(work.afternoon)) / 2;
      if (covered) totals.leaveDays += (Number(work.morning && covered.morning) + Number(work.afternoon && covered.afternoon)) / 2;
      if (status === "absent") totals.absentDays += (Number(expectsMorning) + Number(expectsAfternoon)) / 2;
    }
    if (status === "present") totals.presentDays += 1;
    if (isLate) totals.lateCount += 1;
    if (isEarly) totals.earlyCount += 1;
    totals.minutes += minutes;

    const holiday = holidays.get(date) ?? null;
    return {
      date,
      weekday: isoWeekday(date),
      status,
      isWorkingDay: work.morning || work.afternoon,
      holiday,
      leave: covered ? { typeName: covered.typeName, part: covered.morning && covered.afternoon ? "full" : covered.morning ? "morning" : "afternoon" } : null,
      records,
      minutes,
      isOpen,
      isLate,
      isEarly,
    };
  });
  return { days, totals };
}

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
}

// Months a view may move between, as "YYYY-MM".
export function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split("-").map(Number);
  const shifted = new Date(Date.UTC(year, monthNumber - 1 + by, 1));
  return shifted.toISOString().slice(0, 7);
}
