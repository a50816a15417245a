import { fromDayNumber, type IsoDate, toDayNumber, weekdayOf } from "./dates";
import { invalid } from "./errors";
import { assertMinor, type Currency, formatMoney } from "./money";
import { PERIODS_PER_YEAR, type PayPeriod } from "./pay-periods";
import { makeRatio, type Ratio } from "./ratio";

// Who is paid for which days of a period. Days are counted in half-days (a half-day of unpaid
// leave is common) on one of two bases, a setting of the payroll:
//   CALENDAR_DAYS  every day counts: March has 31, a joiner on 17 March is paid 15/31
//   WORKING_DAYS   only days of the work week that are not holidays count: 22 in most months
export type ProrationBasis = "CALENDAR_DAYS" | "WORKING_DAYS";

export type ProrationSettings = {
  basis: ProrationBasis;
  workWeek?: readonly number[]; // ISO weekdays, Monday = 1; default Monday to Friday
  holidays?: readonly IsoDate[];
};

export type Employment = { hireDate: IsoDate; exitDate?: IsoDate | null };

// An assignment's base pay and the day it takes effect; a raise is a new one.
export type BasePay = { effectiveFrom: IsoDate; amount: number; per: "YEAR" | "MONTH" };

// A day of unpaid leave (from the leave ledger) or unpaid absence (from attendance), whole or half.
export type UnpaidDay = { date: IsoDate; days: 1 | 0.5 };

export type Segment = {
  from: IsoDate;
  to: IsoDate;
  units: number;
  basePay: BasePay;
  unpaidLeave: { units: number; dates: IsoDate[] };
  absence: { units: number; dates: IsoDate[] };
};

export type Proration = {
  basis: ProrationBasis;
  periodUnits: number;
  employedUnits: number;
  unpaidLeaveUnits: number;
  absenceUnits: number;
  paidUnits: number;
  segments: Segment[];
};

export type ProrationInput = {
  period: PayPeriod;
  settings: ProrationSettings;
  employment: Employment;
  basePay: readonly BasePay[];
  unpaidLeave?: readonly UnpaidDay[];
  absences?: readonly UnpaidDay[];
};

const DEFAULT_WORK_WEEK = [1, 2, 3, 4, 5];

type DayCounter = (from: number, to: number) => number;

function dayCounter(settings: ProrationSettings): { count: DayCounter; unitsOn: (day: number) => number } {
  if (settings.basis === "CALENDAR_DAYS") return { count: (from, to) => Math.max(0, to - from + 1) * 2, unitsOn: () => 2 };
  const workWeek = new Set(settings.workWeek ?? DEFAULT_WORK_WEEK);
  const holidays = new Set((settings.holidays ?? []).map((date) => toDayNumber(date, "settings.holidays")));
  const unitsOn = (day: number) => (workWeek.has(weekdayOf(day)) && !holidays.has(day) ? 2 : 0);
  return {
    unitsOn,
    count: (from, to) => {
      let units = 0;
      for (let day = from; day <= to; day++) units += unitsOn(day);
      return units;
    },
  };
}

function collectDays(days: readonly UnpaidDay[], path: string, firstDay: number, lastDay: number, unitsOn: (day: number) => number): Map<number, number> {
  const byDay = new Map<number, number>();
  days.forEach((entry, index) => {
    const day = toDayNumber(entry.date, `${path}.${index}.date`);
    if (entry.days !== 1 && entry.days !== 0.5) throw invalid(`${path}.${index}.days`, `${path} days are 1 or 0.5 (got ${entry.days}).`);
    if (day < firstDay || day > lastDay) throw invalid(`${path}.${index}.date`, `${entry.date} is not a day this person was employed in the period.`);
    const units = entry.days * 2;
    if (unitsOn(day) < units) throw invalid(`${path}.${index}.date`, `${entry.date} is not a working day (a weekend or a holiday), so it cannot be unpaid.`);
    const total = (byDay.get(day) ?? 0) + units;
    if (total > unitsOn(day)) throw invalid(`${path}.${index}.date`, `More than a whole day is unpaid on ${entry.date}.`);
    byDay.set(day, total);
  });
  return byDay;
}

export function prorate(input: ProrationInput): Proration {
  const { period, settings, employment } = input;
  const { count, unitsOn } = dayCounter(settings);
  const periodStart = toDayNumber(period.start, "period.start");
  const periodEnd = toDayNumber(period.end, "period.end");
  const periodUnits = count(periodStart, periodEnd);
  if (periodUnits === 0) throw invalid("settings.basis", `${period.start} to ${period.end} has no working days to prorate by.`);
  const hire = toDayNumber(employment.hireDate, "employment.hireDate");
  const exit = employment.exitDate ? toDayNumber(employment.exitDate, "employment.exitDate") : Infinity;
  if (exit < hire) throw invalid("employment.exitDate", "The exit date is before the hire date.");
  const firstDay = Math.max(periodStart, hire);
  const lastDay = Math.min(periodEnd, exit);

  const assignments = input.basePay
    .map((pay, index) => ({ pay, day: toDayNumber(pay.effectiveFrom, `basePay.${index}.effectiveFrom`), index }))
    .sort((a, b) => a.day - b.day);
  assignments.forEach(({ pay, index }) => assertMinor(pay.amount, `basePay.${index}.amount`));

  const unpaidLeave = collectDays(input.unpaidLeave ?? [], "unpaidLeave", firstDay, lastDay, unitsOn);
  const absences = collectDays(input.absences ?? [], "absences", firstDay, lastDay, unitsOn);
  for (const [day, units] of absences) {
    if (units + (unpaidLeave.get(day) ?? 0) > unitsOn(day))
      throw invalid("absences", `${fromDayNumber(day)} is counted as both unpaid leave and absence for more than a day.`);
  }

  const segments: Segment[] = [];
  if (firstDay <= lastDay) {
    const inForce = assignments.filter((assignment) => assignment.day <= firstDay).at(-1);
    if (!inForce) throw invalid("basePay", `No base pay is in force on ${fromDayNumber(firstDay)}, the first day to be paid.`);
    const changes = [inForce, ...assignments.filter((assignment) => assignment.day > firstDay && assignment.day <= lastDay)];
    changes.forEach((change, index) => {
      const from = Math.max(change.day, firstDay);
      const to = index + 1 < changes.length ? changes[index + 1].day - 1 : lastDay;
      const pick = (days: Map<number, number>) => {
        const dates = [...days.keys()].filter((day) => day >= from && day <= to).sort((a, b) => a - b);
        return { units: dates.reduce((sum, day) => sum + days.get(day)!, 0), dates: dates.map(fromDayNumber) };
      };
      segments.push({
        from: fromDayNumber(from),
        to: fromDayNumber(to),
        units: count(from, to),
        basePay: change.pay,
        unpaidLeave: pick(unpaidLeave),
        absence: pick(absences),
      });
    });
  }
  const sum = (pick: (segment: Segment) => number) => segments.reduce((total, segment) => total + pick(segment), 0);
  const employedUnits = sum((segment) => segment.units);
  const unpaidLeaveUnits = sum((segment) => segment.unpaidLeave.units);
  const absenceUnits = sum((segment) => segment.absence.units);
  return {
    basis: settings.basis,
    periodUnits,
    employedUnits,
    unpaidLeaveUnits,
    absenceUnits,
    paidUnits: employedUnits - unpaidLeaveUnits - absenceUnits,
    segments,
  };
}

// Base pay for one full period, exactly: a year's pay over the periods in a year, or a month's
// pay converted through the year (a weekly wage from a monthly salary is x 12 / 52).
export function periodBasePay(basePay: BasePay, period: PayPeriod): Ratio {
  const periods = BigInt(PERIODS_PER_YEAR[period.frequency]);
  return basePay.per === "YEAR" ? makeRatio(BigInt(basePay.amount), periods) : makeRatio(BigInt(basePay.amount) * 12n, periods);
}

export function describeBasePay(basePay: BasePay, period: PayPeriod, currency: Currency): string {
  const periods = PERIODS_PER_YEAR[period.frequency];
  if (basePay.per === "YEAR") return `${formatMoney(basePay.amount, currency)} a year / ${periods}`;
  return period.frequency === "MONTHLY"
    ? `${formatMoney(basePay.amount, currency)} a month`
    : `${formatMoney(basePay.amount, currency)} a month x 12 / ${periods}`;
}

export function formatUnits(units: number): string {
  return units % 2 === 0 ? String(units / 2) : `${(units - 1) / 2}.5`;
}

export function basisWords(basis: ProrationBasis): string {
  return basis === "CALENDAR_DAYS" ? "calendar days" : "working days";
}
