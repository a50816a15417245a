// Calendar dates as "YYYY-MM-DD" strings, computed in UTC so no time zone moves a day.
export type IsoDate = string;

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function fromIsoDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const next = fromIsoDate(date);
  next.setUTCDate(next.getUTCDate() + days);
  return toIsoDate(next);
}

// ISO weekday: Monday 1 … Sunday 7.
export function isoWeekday(date: IsoDate): number {
  return fromIsoDate(date).getUTCDay() || 7;
}

export function daysBetweenInclusive(start: IsoDate, end: IsoDate): number {
  return Math.round((fromIsoDate(end).getTime() - fromIsoDate(start).getTime()) / 86_400_000) + 1;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && toIsoDate(fromIsoDate(text)) === text;
}

// Half-days as people say them: 3 → "1.5 days", 2 → "1 day".
export function formatHalfDays(halfDays: number): string {
  const days = halfDays / 2;
  const text = Number.isInteger(days) ? String(days) : days.toFixed(1);
  return `${text} ${Math.abs(days) === 1 ? "day" : "days"}`;
}
