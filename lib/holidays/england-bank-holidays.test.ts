import { describe, expect, it } from "vitest";
import { easterSunday, englandBankHolidays } from "./england-bank-holidays";

// The dates published at gov.uk/bank-holidays for England and Wales.
const PUBLISHED: Record<number, string[]> = {
  2021: ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"],
  2024: ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
  2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
  2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
  2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
};

describe("englandBankHolidays", () => {
  it.each(Object.entries(PUBLISHED))("matches the published dates for %s", (year, dates) => {
    expect(englandBankHolidays(Number(year)).map((holiday) => holiday.date)).toEqual(dates);
  });

  it("names substitute days", () => {
    expect(englandBankHolidays(2026).at(-1)).toEqual({ date: "2026-12-28", name: "Boxing Day (substitute day)" });
    expect(englandBankHolidays(2022).slice(-2)).toEqual([
      { date: "2022-12-26", name: "Boxing Day" },
      { date: "2022-12-27", name: "Christmas Day (substitute day)" },
    ]);
    expect(englandBankHolidays(2022)[0]).toEqual({ date: "2022-01-03", name: "New Year’s Day (substitute day)" });
  });
});

describe("easterSunday", () => {
  it.each([
    [2000, "2000-04-23"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2026, "2026-04-05"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("%d: %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});
