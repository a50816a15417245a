import { invalid } from "./errors";

// Calendar dates as "YYYY-MM-DD", worked on as day numbers (days since 1970-01-01, UTC) so
// counting days is subtraction and no time zone moves a day.
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toDayNumber(date: IsoDate, path = "date"): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw invalid(path, `${path} must be a date written YYYY-MM-DD (got "${date}").`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw invalid(path, `${path} is not a real date (got "${date}").`);
  return time / 86_400_000;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

// ISO weekday: Monday 1 ... Sunday 7. Day 0 (1970-01-01) was a Thursday.
export function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number);
  const total = year * 12 + (month - 1) + months;
  const nextYear = Math.floor(total / 12);
  const nextMonth = (total % 12) + 1;
  const nextDay = Math.min(day, daysInMonth(nextYear, nextMonth));
  return `${String(nextYear).padStart(4, "0")}-${String(nextMonth).padStart(2, "0")}-${String(nextDay).padStart(2, "0")}`;
}
