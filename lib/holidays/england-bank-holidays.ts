import { addDays, type IsoDate, isoWeekday } from "@/lib/leave/dates";

// England and Wales's bank holidays for a year, by the standing rules (weekend dates move to the
// next free weekday). One-off changes made by proclamation, such as a royal occasion, are not
// included: check gov.uk/bank-holidays for those.
export type BankHoliday = { date: IsoDate; name: string };

const iso = (year: number, month: number, day: number): IsoDate => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = iso(year, month, 1);
  return addDays(first, (8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = addDays(month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1), -1);
  return addDays(last, -((isoWeekday(last) + 6) % 7));
}

const isWeekend = (date: IsoDate) => isoWeekday(date) >= 6;

export function englandBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const holidays: BankHoliday[] = [];

  const newYear = iso(year, 1, 1);
  holidays.push(
    isWeekend(newYear)
      ? { date: addDays(newYear, isoWeekday(newYear) === 6 ? 2 : 1), name: "New Year’s Day (substitute day)" }
      : { date: newYear, name: "New Year’s Day" },
  );
  holidays.push({ date: addDays(easter, -2), name: "Good Friday" });
  holidays.push({ date: addDays(easter, 1), name: "Easter Monday" });
  holidays.push({ date: firstMonday(year, 5), name: "Early May bank holiday" });
  holidays.push({ date: lastMonday(year, 5), name: "Spring bank holiday" });
  holidays.push({ date: lastMonday(year, 8), name: "Summer bank holiday" });

  // Christmas and Boxing Day each take the next weekday not already a holiday.
  const taken = new Set<IsoDate>();
  for (const [day, name] of [
    [25, "Christmas Day"],
    [26, "Boxing Day"],
  ] as const) {
    const date = iso(year, 12, day);
    if (!isWeekend(date)) {
      holidays.push({ date, name });
      taken.add(date);
    }
  }
  for (const [day, name] of [
    [25, "Christmas Day"],
    [26, "Boxing Day"],
  ] as const) {
    if (!isWeekend(iso(year, 12, day))) continue;
    let substitute = iso(year, 12, 27);
    while (isWeekend(substitute) || taken.has(substitute)) substitute = addDays(substitute, 1);
    taken.add(substitute);
    holidays.push({ date: substitute, name: `${name} (substitute day)` });
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}
