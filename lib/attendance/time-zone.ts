import type { IsoDate } from "@/lib/leave/dates";

// Wall-clock arithmetic in the schedule's time zone, with the platform's Intl data (no library):
// which local date an instant falls on, and which instant a local "HH:MM" on a date is.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

// The zone's offset from UTC at that instant, in minutes (east positive).
function offsetMinutes(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export function localDate(instant: Date, timeZone: string): IsoDate {
  const clock = wallClock(instant, timeZone);
  return `${String(clock.year).padStart(4, "0")}-${String(clock.month).padStart(2, "0")}-${String(clock.day).padStart(2, "0")}`;
}

// Minutes since local midnight, for comparing with the schedule's start and end.
export function localMinutes(instant: Date, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  return clock.hour * 60 + clock.minute + clock.second / 60;
}

export function parseClock(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return hours * 60 + minutes;
}

// The instant a local wall time happens. A time skipped by a daylight-saving jump lands just after
// the jump; a repeated one resolves to its first occurrence.
export function zonedInstant(date: IsoDate, hhmm: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const asUtc = Date.UTC(year, month - 1, day) + parseClock(hhmm) * 60_000;
  // Offsets in force half a day either side cover any single transition near that time.
  const offsetBefore = offsetMinutes(new Date(asUtc - 43_200_000), timeZone);
  const offsetAfter = offsetMinutes(new Date(asUtc + 43_200_000), timeZone);
  const candidates = [asUtc - offsetBefore * 60_000, asUtc - offsetAfter * 60_000].filter((candidate) => {
    const clock = wallClock(new Date(candidate), timeZone);
    return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute) === asUtc;
  });
  return new Date(candidates.length ? Math.min(...candidates) : asUtc - offsetBefore * 60_000);
}

// "YYYY-MM" of a local date.
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}
