import { describe, expect, it } from "vitest";
import { nextPayPeriod, payPeriodContaining, type PayFrequency, taxPeriodNumber } from "./pay-periods";

describe("pay periods", () => {
  it.each([
    [{ frequency: "MONTHLY" as const }, "2028-02-10", "2028-02-01", "2028-02-29"],
    [{ frequency: "SEMI_MONTHLY" as const }, "2026-03-15", "2026-03-01", "2026-03-15"],
    [{ frequency: "SEMI_MONTHLY" as const }, "2026-03-16", "2026-03-16", "2026-03-31"],
    [{ frequency: "WEEKLY" as const, anchorDate: "2026-04-04" }, "2026-04-03", "2026-03-28", "2026-04-03"],
    [{ frequency: "BI_WEEKLY" as const, anchorDate: "2026-01-05" }, "2026-01-04", "2025-12-22", "2026-01-04"],
  ])("%o: %s is in %s to %s", (schedule, date, start, end) => {
    expect(payPeriodContaining(schedule, date)).toEqual({ frequency: schedule.frequency, start, end });
  });

  it("the next period follows on the next day", () => {
    expect(nextPayPeriod({ frequency: "SEMI_MONTHLY" }, { frequency: "SEMI_MONTHLY", start: "2028-02-16", end: "2028-02-29" })).toEqual({
      frequency: "SEMI_MONTHLY",
      start: "2028-03-01",
      end: "2028-03-15",
    });
    expect(() => payPeriodContaining({ frequency: "WEEKLY" }, "2026-01-01")).toThrow(/first day of one of its periods/);
  });

  it.each([
    // frequency, tax year start, pay date, period number
    ["MONTHLY", "2026-04-06", "2026-04-06", 1],
    ["MONTHLY", "2026-04-06", "2026-05-05", 1],
    ["MONTHLY", "2026-04-06", "2026-05-06", 2],
    ["MONTHLY", "2026-04-06", "2027-04-05", 12],
    ["WEEKLY", "2026-04-06", "2026-04-12", 1],
    ["WEEKLY", "2026-04-06", "2026-04-13", 2],
    ["WEEKLY", "2026-04-06", "2027-04-05", 53],
    ["BI_WEEKLY", "2026-01-01", "2026-01-15", 2],
    ["SEMI_MONTHLY", "2026-01-01", "2026-01-15", 1],
    ["SEMI_MONTHLY", "2026-01-01", "2026-01-16", 2],
    ["SEMI_MONTHLY", "2026-01-01", "2026-12-31", 24],
  ] as const)("%s from %s: %s is period %d", (frequency, start, payDate, expected) => {
    expect(taxPeriodNumber(frequency as PayFrequency, start, payDate)).toBe(expected);
  });
});
