import { formatMinutes } from "./month-days";

// How attendance reads on screen: times in the schedule's time zone, months and days spelled out.
// Pure, so server pages and client components format alike.
export { formatMinutes };

export function formatTime(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(instant));
}

export function formatDateTime(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone }).format(
    new Date(instant),
  );
}

// Calendar dates are stored at UTC midnight, so they are formatted in UTC.
export function formatDay(
  date: Date | string,
  options: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short", year: "numeric" },
): string {
  const value = typeof date === "string" ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : date;
  return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(value);
}

export function formatMonth(month: string): string {
  return formatDay(`${month}-01`, { month: "long", year: "numeric" });
}

// 20.5 → "20.5", 20 → "20".
export function formatDays(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}
