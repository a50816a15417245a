import { addMonths, daysInMonth, fromDayNumber, type IsoDate, toDayNumber } from "./dates";
import { invalid } from "./errors";

// Pay schedules. Each frequency says how to find the period containing a date and how many
// periods make a year; a new frequency (four-weekly, quarterly) is one more case in each.
export type PayFrequency = "MONTHLY" | "SEMI_MONTHLY" | "BI_WEEKLY" | "WEEKLY";

// Weekly and bi-weekly periods repeat from an anchor: the first day of any one period.
export type PaySchedule = { frequency: PayFrequency; anchorDate?: IsoDate };

export type PayPeriod = { frequency: PayFrequency; start: IsoDate; end: IsoDate };

export const PERIODS_PER_YEAR: Readonly<Record<PayFrequency, number>> = { MONTHLY: 12, SEMI_MONTHLY: 24, BI_WEEKLY: 26, WEEKLY: 52 };

const WEEKS: Partial<Record<PayFrequency, number>> = { WEEKLY: 1, BI_WEEKLY: 2 };

function monthBounds(date: IsoDate): [IsoDate, IsoDate] {
  const [year, month] = date.split("-").map(Number);
  const prefix = date.slice(0, 8);
  return [`${prefix}01`, `${prefix}${String(daysInMonth(year, month)).padStart(2, "0")}`];
}

export function payPeriodContaining(schedule: PaySchedule, date: IsoDate): PayPeriod {
  const day = toDayNumber(date);
  const { frequency } = schedule;
  if (frequency === "MONTHLY") {
    const [start, end] = monthBounds(date);
    return { frequency, start, end };
  }
  if (frequency === "SEMI_MONTHLY") {
    // 1st-15th and 16th-end of month: the common US/Philippine convention.
    const [start, end] = monthBounds(date);
    const middle = `${date.slice(0, 8)}15`;
    return date <= middle ? { frequency, start, end: middle } : { frequency, start: `${date.slice(0, 8)}16`, end };
  }
  if (!schedule.anchorDate)
    throw invalid("schedule.anchorDate", `A ${frequency.toLowerCase().replace("_", "-")} schedule needs the first day of one of its periods.`);
  const length = 7 * (WEEKS[frequency] ?? 1);
  const anchor = toDayNumber(schedule.anchorDate, "schedule.anchorDate");
  const offset = Math.floor((day - anchor) / length) * length;
  return { frequency, start: fromDayNumber(anchor + offset), end: fromDayNumber(anchor + offset + length - 1) };
}

export function nextPayPeriod(schedule: PaySchedule, period: PayPeriod): PayPeriod {
  return payPeriodContaining(schedule, fromDayNumber(toDayNumber(period.end) + 1));
}

// A period handed to the engine must be a whole period of its frequency.
export function assertPayPeriod(period: PayPeriod): void {
  const start = toDayNumber(period.start, "period.start");
  const end = toDayNumber(period.end, "period.end");
  const length = end - start + 1;
  const weeks = WEEKS[period.frequency];
  const [monthStart, monthEnd] = monthBounds(period.start);
  const isValid =
    weeks !== undefined
      ? length === 7 * weeks
      : period.frequency === "MONTHLY"
        ? period.start === monthStart && period.end === monthEnd
        : (period.start === monthStart && period.end === `${period.start.slice(0, 8)}15`) ||
          (period.start === `${period.start.slice(0, 8)}16` && period.end === monthEnd);
  if (!isValid) throw invalid("period", `${period.start} to ${period.end} is not a ${period.frequency} pay period.`);
}

// Which period of its tax year a payment is (1-based), counting from the tax year's first day:
// tax month n runs from the start day of month n (UK: 6 April to 5 May is month 1).
export function taxPeriodNumber(frequency: PayFrequency, taxYearStart: IsoDate, payDate: IsoDate): number {
  const days = toDayNumber(payDate) - toDayNumber(taxYearStart);
  if (days < 0) throw invalid("payDate", `${payDate} is before the tax year starting ${taxYearStart}.`);
  if (WEEKS[frequency] !== undefined) return Math.floor(days / (7 * WEEKS[frequency]!)) + 1;
  let months = 0;
  while (addMonths(taxYearStart, months + 1) <= payDate) months++;
  if (frequency === "MONTHLY") return months + 1;
  const monthStart = addMonths(taxYearStart, months);
  const halfStart = fromDayNumber(toDayNumber(monthStart) + 15);
  return months * 2 + (payDate >= halfStart ? 2 : 1);
}
