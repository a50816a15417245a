import { describe, expect, it } from "vitest";
import { countWorkingHalfDays, DEFAULT_WORK_WEEK, type HolidayCalendar, type Period, type WorkWeek, workingHalfDaysByDay } from "./working-days";

// Amounts are half-days: a full working day is 2.
const MON_FRI: WorkWeek = DEFAULT_WORK_WEEK;
const SUN_THU: WorkWeek = [7, 1, 2, 3, 4];
const MON_SAT: WorkWeek = [1, 2, 3, 4, 5, 6];
const MON_THU: WorkWeek = [1, 2, 3, 4];
const NONE: HolidayCalendar = new Map();

const holidays = (...days: (string | [string, "half"])[]): HolidayCalendar =>
  new Map(days.map((day): [string, { isHalfDay: boolean }] => (Array.isArray(day) ? [day[0], { isHalfDay: true }] : [day, { isHalfDay: false }])));

// England's 2025/26 Christmas and New Year.
const CHRISTMAS = holidays("2025-12-25", "2025-12-26", "2026-01-01");

type Case = [description: string, period: Period, workWeek: WorkWeek, calendar: HolidayCalendar, expected: number];

describe("countWorkingHalfDays", () => {
  it.each<Case>([
    // Weekends
    ["a single Monday", { start: "2024-02-26", end: "2024-02-26" }, MON_FRI, NONE, 2],
    ["a single Saturday", { start: "2026-01-03", end: "2026-01-03" }, MON_FRI, NONE, 0],
    ["a weekend", { start: "2026-01-03", end: "2026-01-04" }, MON_FRI, NONE, 0],
    ["a whole week, Monday to Sunday", { start: "2026-01-05", end: "2026-01-11" }, MON_FRI, NONE, 10],
    ["Friday to Monday over a weekend", { start: "2026-01-02", end: "2026-01-05" }, MON_FRI, NONE, 4],
    ["two weeks", { start: "2026-01-05", end: "2026-01-16" }, MON_FRI, NONE, 20],
    ["all of 2026 (starts on a Thursday: 261 weekdays)", { start: "2026-01-01", end: "2026-12-31" }, MON_FRI, NONE, 522],
    ["all of leap 2024 (starts on a Monday: 262 weekdays)", { start: "2024-01-01", end: "2024-12-31" }, MON_FRI, NONE, 524],

    // Year ends
    ["Monday 29 Dec 2025 to Friday 2 Jan 2026", { start: "2025-12-29", end: "2026-01-02" }, MON_FRI, NONE, 10],
    ["the Christmas fortnight with its three holidays", { start: "2025-12-22", end: "2026-01-02" }, MON_FRI, CHRISTMAS, 14],
    ["31 Dec 2027 (Friday) to 3 Jan 2028 (Monday)", { start: "2027-12-31", end: "2028-01-03" }, MON_FRI, NONE, 4],

    // 29 February
    ["the week of 29 Feb 2024", { start: "2024-02-26", end: "2024-03-01" }, MON_FRI, NONE, 10],
    ["29 Feb 2024 alone", { start: "2024-02-29", end: "2024-02-29" }, MON_FRI, NONE, 2],
    ["Friday 25 Feb to Friday 3 Mar 2028, over 29 Feb", { start: "2028-02-25", end: "2028-03-03" }, MON_FRI, NONE, 12],
    ["28 Feb to 3 Mar 2025: no 29th", { start: "2025-02-28", end: "2025-03-03" }, MON_FRI, NONE, 4],
    ["29 Feb 2024 as a holiday", { start: "2024-02-26", end: "2024-03-01" }, MON_FRI, holidays("2024-02-29"), 8],

    // End before start
    ["an end before the start", { start: "2026-01-09", end: "2026-01-05" }, MON_FRI, NONE, 0],
    ["an end the day before the start, over a year end", { start: "2026-01-01", end: "2025-12-31" }, MON_FRI, NONE, 0],
    ["an end before the start, with half days", { start: "2026-01-06", end: "2026-01-05", startsAfternoon: true, endsAtNoon: true }, MON_FRI, NONE, 0],

    // Half days
    ["starting in the afternoon", { start: "2026-01-05", end: "2026-01-06", startsAfternoon: true }, MON_FRI, NONE, 3],
    ["ending at noon", { start: "2026-01-05", end: "2026-01-06", endsAtNoon: true }, MON_FRI, NONE, 3],
    ["starting in the afternoon and ending at noon", { start: "2026-01-05", end: "2026-01-06", startsAfternoon: true, endsAtNoon: true }, MON_FRI, NONE, 2],
    ["a single afternoon", { start: "2026-01-05", end: "2026-01-05", startsAfternoon: true }, MON_FRI, NONE, 1],
    ["a single morning", { start: "2026-01-05", end: "2026-01-05", endsAtNoon: true }, MON_FRI, NONE, 1],
    ["noon to noon of the same day: nothing", { start: "2026-01-05", end: "2026-01-05", startsAfternoon: true, endsAtNoon: true }, MON_FRI, NONE, 0],
    ["an afternoon start on a Saturday changes nothing", { start: "2026-01-03", end: "2026-01-05", startsAfternoon: true }, MON_FRI, NONE, 2],
    ["a noon end on a Sunday changes nothing", { start: "2026-01-02", end: "2026-01-04", endsAtNoon: true }, MON_FRI, NONE, 2],
    ["half days at both ends across a year end", { start: "2025-12-31", end: "2026-01-02", startsAfternoon: true, endsAtNoon: true }, MON_FRI, CHRISTMAS, 2],
    ["half days at both ends across 29 Feb", { start: "2024-02-28", end: "2024-03-01", startsAfternoon: true, endsAtNoon: true }, MON_FRI, NONE, 4],

    // Holidays
    ["a week with a Wednesday holiday", { start: "2026-01-05", end: "2026-01-09" }, MON_FRI, holidays("2026-01-07"), 8],
    ["a holiday alone", { start: "2026-01-01", end: "2026-01-01" }, MON_FRI, CHRISTMAS, 0],
    ["a holiday on a Saturday is not counted twice", { start: "2026-01-05", end: "2026-01-11" }, MON_FRI, holidays("2026-01-10"), 10],
    ["a holiday outside the period is ignored", { start: "2026-01-05", end: "2026-01-09" }, MON_FRI, holidays("2026-01-12"), 10],
    ["a half-day holiday alone leaves the afternoon", { start: "2026-12-24", end: "2026-12-24" }, MON_FRI, holidays(["2026-12-24", "half"]), 1],
    ["a half-day holiday then a holiday", { start: "2026-12-24", end: "2026-12-25" }, MON_FRI, holidays(["2026-12-24", "half"], "2026-12-25"), 1],
    [
      "a morning off on a half-day holiday costs nothing",
      { start: "2026-12-24", end: "2026-12-24", endsAtNoon: true },
      MON_FRI,
      holidays(["2026-12-24", "half"]),
      0,
    ],
    [
      "an afternoon off on a half-day holiday costs a half day",
      { start: "2026-12-24", end: "2026-12-24", startsAfternoon: true },
      MON_FRI,
      holidays(["2026-12-24", "half"]),
      1,
    ],
    ["a week with a half-day holiday", { start: "2026-12-21", end: "2026-12-24" }, MON_FRI, holidays(["2026-12-24", "half"]), 7],
    ["a half-day holiday on a Sunday costs nothing", { start: "2026-01-04", end: "2026-01-04" }, MON_FRI, holidays(["2026-01-04", "half"]), 0],

    // Other work weeks
    ["Sunday to Thursday: Friday to Thursday", { start: "2026-01-02", end: "2026-01-08" }, SUN_THU, NONE, 10],
    ["Sunday to Thursday: a Friday and Saturday", { start: "2026-01-02", end: "2026-01-03" }, SUN_THU, NONE, 0],
    ["Sunday to Thursday: a single Sunday", { start: "2026-01-04", end: "2026-01-04" }, SUN_THU, NONE, 2],
    ["Sunday to Thursday: Sunday 28 Dec 2025 to Thursday 1 Jan 2026", { start: "2025-12-28", end: "2026-01-01" }, SUN_THU, NONE, 10],
    ["Sunday to Thursday: with a Sunday holiday", { start: "2026-01-04", end: "2026-01-08" }, SUN_THU, holidays("2026-01-04"), 8],
    [
      "Sunday to Thursday: afternoon start on Thursday, noon end on Sunday",
      { start: "2026-01-08", end: "2026-01-11", startsAfternoon: true, endsAtNoon: true },
      SUN_THU,
      NONE,
      2,
    ],
    ["Monday to Saturday: a week", { start: "2026-01-05", end: "2026-01-11" }, MON_SAT, NONE, 12],
    ["Monday to Thursday: a week", { start: "2026-01-05", end: "2026-01-11" }, MON_THU, NONE, 8],
    ["Monday to Thursday: across 29 Feb 2024 (a Thursday)", { start: "2024-02-29", end: "2024-03-04" }, MON_THU, NONE, 4],
    ["every day a working day: a week", { start: "2026-01-05", end: "2026-01-11" }, [1, 2, 3, 4, 5, 6, 7], NONE, 14],
  ])("%s", (_, period, workWeek, calendar, expected) => {
    expect(countWorkingHalfDays(period, workWeek, calendar)).toBe(expected);
  });

  it("defaults to Monday to Friday without holidays", () => {
    expect(countWorkingHalfDays({ start: "2026-01-05", end: "2026-01-11" })).toBe(10);
  });

  it("gives the same answer whatever order the work week's days are listed in", () => {
    const period = { start: "2026-01-01", end: "2026-03-31" };
    expect(countWorkingHalfDays(period, [4, 3, 2, 1, 7])).toBe(countWorkingHalfDays(period, SUN_THU));
  });
});

describe("workingHalfDaysByDay", () => {
  it("explains each day of a period", () => {
    const days = workingHalfDaysByDay(
      { start: "2026-12-24", end: "2026-12-28", startsAfternoon: true, endsAtNoon: true },
      MON_FRI,
      holidays(["2026-12-24", "half"], "2026-12-25", "2026-12-28"),
    );
    expect(days).toEqual([
      { date: "2026-12-24", morning: false, afternoon: true, note: "half-day holiday" },
      { date: "2026-12-25", morning: false, afternoon: false, note: "holiday" },
      { date: "2026-12-26", morning: false, afternoon: false, note: "not a working day" },
      { date: "2026-12-27", morning: false, afternoon: false, note: "not a working day" },
      { date: "2026-12-28", morning: false, afternoon: false, note: "holiday" },
    ]);
  });

  it("lists every calendar day across a year end and 29 February", () => {
    expect(workingHalfDaysByDay({ start: "2023-12-30", end: "2024-03-01" }, MON_FRI, NONE)).toHaveLength(2 + 31 + 29 + 1);
  });

  it("lists nothing when the end is before the start", () => {
    expect(workingHalfDaysByDay({ start: "2026-01-02", end: "2026-01-01" }, MON_FRI, NONE)).toEqual([]);
  });
});
