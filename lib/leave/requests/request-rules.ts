import { fromIsoDate, type IsoDate, toIsoDate } from "@/lib/leave/dates";

// Pure rules of the request workflow, shared by the services and their tests.

// A leave type with no yearly entitlement has no balance to overdraw: unpaid leave, jury service
// and the like. Its taken days still go to the ledger (the balance goes negative and says how
// much was taken), but a request is never refused for it. To cap a type, give it an entitlement.
export function isUnlimited(type: { yearlyHalfDays: number }): boolean {
  return type.yearlyHalfDays === 0;
}

// The balance a request draws on: the year of its first day (requests never cross a year end).
export function balanceYear(startDate: IsoDate): number {
  return Number(startDate.slice(0, 4));
}

// The date a year's balance is read at: today, kept inside that year, so a request for next year
// sees next year's allocation and one for last year sees last year's closing balance.
export function balanceAsOf(year: number, today: IsoDate): IsoDate {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return today < first ? first : today > last ? last : today;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}

type HalfDayPeriod = { startDate: IsoDate | Date; endDate: IsoDate | Date; startsAfternoon: boolean; endsAtNoon: boolean };

function dayNumber(date: IsoDate | Date): number {
  return Math.round((typeof date === "string" ? fromIsoDate(date) : date).getTime() / 86_400_000);
}

// Periods as half-day slots (morning = even, afternoon = odd), so a request ending at noon and one
// starting that afternoon do not overlap.
function slots(period: HalfDayPeriod): [number, number] {
  return [dayNumber(period.startDate) * 2 + (period.startsAfternoon ? 1 : 0), dayNumber(period.endDate) * 2 + (period.endsAtNoon ? 0 : 1)];
}

export function periodsOverlap(a: HalfDayPeriod, b: HalfDayPeriod): boolean {
  const [aStart, aEnd] = slots(a);
  const [bStart, bEnd] = slots(b);
  return aStart <= bEnd && bStart <= aEnd;
}

// Leave has started once its first day has come (UTC calendar dates, as everywhere in leave).
export function hasStarted(startDate: Date, today: IsoDate): boolean {
  return toIsoDate(startDate) <= today;
}
