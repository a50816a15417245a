import { describe, expect, it } from "vitest";
import { calculatePayslip, type PayslipInput } from "./calculate-payslip";
import { type PayslipLine } from "./lines";
import { payPeriodContaining } from "./pay-periods";
import { BASIC, monthlyInput, structureOf } from "./test-fixtures";

const amountsOf = (lines: PayslipLine[], code: string) => lines.filter((line) => line.code === code).map((line) => line.amount);
const total = (lines: PayslipLine[], code: string) => amountsOf(lines, code).reduce((sum, amount) => sum + amount, 0);
const basic = (overrides: Partial<PayslipInput>) => calculatePayslip(monthlyInput(overrides)).lines.filter((line) => line.code === "BASIC");

// £1,000.00 a month unless a row says otherwise; calendar days unless it says otherwise.
describe("proration of base pay at every boundary", () => {
  const MARCH = { frequency: "MONTHLY" as const, start: "2026-03-01", end: "2026-03-31" };
  const FEB_2028 = { frequency: "MONTHLY" as const, start: "2028-02-01", end: "2028-02-29" };
  const FEB_2027 = { frequency: "MONTHLY" as const, start: "2027-02-01", end: "2027-02-28" };
  it.each([
    ["a whole month", MARCH, { hireDate: "2020-01-01" }, [100_000]],
    ["a joiner on the first day", MARCH, { hireDate: "2026-03-01" }, [100_000]],
    ["a joiner on the last day: 1/31", MARCH, { hireDate: "2026-03-31" }, [3_226]],
    ["a leaver on the first day: 1/31", MARCH, { hireDate: "2020-01-01", exitDate: "2026-03-01" }, [3_226]],
    ["a leaver on the last day", MARCH, { hireDate: "2020-01-01", exitDate: "2026-03-31" }, [100_000]],
    ["a joiner and leaver in the same month: 10-20 March is 11/31", MARCH, { hireDate: "2026-03-10", exitDate: "2026-03-20" }, [35_484]],
    ["a joiner on the last day and leaver the same day", MARCH, { hireDate: "2026-03-31", exitDate: "2026-03-31" }, [3_226]],
    ["a leaver before the period", MARCH, { hireDate: "2020-01-01", exitDate: "2026-02-28" }, [0]],
    ["a joiner after the period", MARCH, { hireDate: "2026-04-01" }, [0]],
    ["a leap-year February joiner on the 15th: 15/29", FEB_2028, { hireDate: "2028-02-15" }, [51_724]],
    ["a leaver on 29 February 2028: the whole month", FEB_2028, { hireDate: "2020-01-01", exitDate: "2028-02-29" }, [100_000]],
    ["a leaver on 28 February 2028: 28/29", FEB_2028, { hireDate: "2020-01-01", exitDate: "2028-02-28" }, [96_552]],
    ["a non-leap February joiner on the 15th: 14/28", FEB_2027, { hireDate: "2027-02-15" }, [50_000]],
  ])("%s", (_, period, employment, expected) => {
    expect(basic({ period, payDate: period.end, employment }).map((line) => line.amount)).toEqual(expected);
  });

  it.each([
    // raise from £1,000 to £1,200 a month, effective on...
    ["the 16th: 15/31 at the old rate, 16/31 at the new", "2026-03-16", [48_387, 61_935]],
    ["the first day: the new rate all month", "2026-03-01", [120_000]],
    ["the last day: 30/31 old, 1/31 new", "2026-03-31", [96_774, 3_871]],
    ["the day after the period: the old rate all month", "2026-04-01", [100_000]],
  ])("a raise mid-period on %s", (_, effectiveFrom, expected) => {
    const lines = basic({
      basePay: [
        { effectiveFrom: "2020-01-01", amount: 100_000, per: "MONTH" },
        { effectiveFrom, amount: 120_000, per: "MONTH" },
      ],
    });
    expect(lines.map((line) => line.amount)).toEqual(expected);
  });

  it("a raise and a joiner in the same period, on an annual salary", () => {
    const lines = basic({
      employment: { hireDate: "2026-03-10" },
      basePay: [
        { effectiveFrom: "2026-03-10", amount: 1_200_000, per: "YEAR" },
        { effectiveFrom: "2026-03-20", amount: 2_400_000, per: "YEAR" },
      ],
    });
    // £1,000 x 10/31 = 322.58; £2,000 x 12/31 = 774.19
    expect(lines.map((line) => [line.amount, line.basis])).toEqual([
      [32_258, "GBP 12,000.00 a year / 12 x 10/31 calendar days (2026-03-10 to 2026-03-19)"],
      [77_419, "GBP 24,000.00 a year / 12 x 12/31 calendar days (2026-03-20 to 2026-03-31)"],
    ]);
  });

  it("refuses a period with no base pay in force", () => {
    expect(() => basic({ basePay: [{ effectiveFrom: "2026-03-05", amount: 100_000, per: "MONTH" }] })).toThrow(/No base pay is in force on 2026-03-01/);
  });

  it("working days: March 2026 has 22; a joiner on the 16th is paid 12/22", () => {
    const lines = basic({ employment: { hireDate: "2026-03-16" }, settings: { proration: { basis: "WORKING_DAYS" } } });
    expect(lines.map((line) => [line.amount, line.basis])).toEqual([[54_545, "GBP 1,000.00 a month x 12/22 working days (2026-03-16 to 2026-03-31)"]]);
  });

  it("working days exclude holidays and follow the work week", () => {
    expect(basic({ employment: { hireDate: "2026-03-16" }, settings: { proration: { basis: "WORKING_DAYS", holidays: ["2026-03-17"] } } })[0].amount).toBe(
      52_381,
    ); // 11/21
    // A Monday-to-Saturday week: 26 days in March, 14 from the 16th.
    expect(basic({ employment: { hireDate: "2026-03-16" }, settings: { proration: { basis: "WORKING_DAYS", workWeek: [1, 2, 3, 4, 5, 6] } } })[0].amount).toBe(
      53_846,
    );
  });
});

describe("unpaid leave and absences", () => {
  it("each is a line of its own, by the day, half-days included", () => {
    const result = calculatePayslip(
      monthlyInput({
        unpaidLeave: [
          { date: "2026-03-09", days: 1 },
          { date: "2026-03-10", days: 0.5 },
        ],
        absences: [{ date: "2026-03-10", days: 0.5 }],
      }),
    );
    expect(result.lines.map((line) => [line.amount, line.basis])).toEqual([
      [100_000, "GBP 1,000.00 a month"],
      [-4_839, "Less unpaid leave: GBP 1,000.00 a month x 1.5/31 calendar days (2026-03-09, 2026-03-10)"],
      [-1_613, "Less unpaid absence: GBP 1,000.00 a month x 0.5/31 calendar days (2026-03-10)"],
    ]);
    expect(result.days).toEqual({ basis: "CALENDAR_DAYS", inPeriod: 31, employed: 31, unpaidLeave: 1.5, absence: 0.5, paid: 29 });
  });

  it("unpaid days are priced at the rate in force on the day", () => {
    const lines = basic({
      basePay: [
        { effectiveFrom: "2020-01-01", amount: 100_000, per: "MONTH" },
        { effectiveFrom: "2026-03-16", amount: 124_000, per: "MONTH" },
      ],
      unpaidLeave: [{ date: "2026-03-20", days: 1 }],
    });
    expect(lines.map((line) => line.amount)).toEqual([48_387, 64_000, -4_000]);
  });

  it.each([
    [
      "a day outside employment",
      { employment: { hireDate: "2026-03-10" }, unpaidLeave: [{ date: "2026-03-09", days: 1 as const }] },
      /not a day this person was employed/,
    ],
    [
      "a weekend on the working-days basis",
      { settings: { proration: { basis: "WORKING_DAYS" as const } }, unpaidLeave: [{ date: "2026-03-07", days: 1 as const }] },
      /not a working day/,
    ],
    [
      "more than a day on one date",
      { unpaidLeave: [{ date: "2026-03-09", days: 1 as const }], absences: [{ date: "2026-03-09", days: 0.5 as const }] },
      /more than a day/,
    ],
    ["a quarter day", { unpaidLeave: [{ date: "2026-03-09", days: 0.25 as 0.5 }] }, /1 or 0.5/],
  ])("refuses %s", (_, overrides, message) => {
    expect(() => calculatePayslip(monthlyInput(overrides))).toThrow(message);
  });
});

describe("other pay frequencies", () => {
  it("semi-monthly: 16-29 February 2028 is 14 days; a joiner on the 20th is paid 10/14", () => {
    const period = payPeriodContaining({ frequency: "SEMI_MONTHLY" }, "2028-02-20");
    expect(period).toEqual({ frequency: "SEMI_MONTHLY", start: "2028-02-16", end: "2028-02-29" });
    const lines = basic({
      period,
      payDate: "2028-02-29",
      employment: { hireDate: "2028-02-20" },
      basePay: [{ effectiveFrom: "2020-01-01", amount: 2_400_000, per: "YEAR" }],
    });
    expect(lines.map((line) => [line.amount, line.basis])).toEqual([[71_429, "GBP 24,000.00 a year / 24 x 10/14 calendar days (2028-02-20 to 2028-02-29)"]]);
  });

  it("bi-weekly: fortnights from the anchor; a monthly salary is converted through the year", () => {
    const period = payPeriodContaining({ frequency: "BI_WEEKLY", anchorDate: "2026-01-05" }, "2026-03-20");
    expect(period).toEqual({ frequency: "BI_WEEKLY", start: "2026-03-16", end: "2026-03-29" });
    // £1,300 a month x 12 / 26 = £600 a fortnight; joined on day 8 of 14.
    const lines = basic({
      period,
      payDate: "2026-03-27",
      employment: { hireDate: "2026-03-23" },
      basePay: [{ effectiveFrom: "2020-01-01", amount: 130_000, per: "MONTH" }],
    });
    expect(lines.map((line) => line.amount)).toEqual([30_000]);
  });

  it("refuses a period that is not a whole period of its frequency", () => {
    expect(() => basic({ period: { frequency: "MONTHLY", start: "2026-03-02", end: "2026-03-31" } })).toThrow(/not a MONTHLY pay period/);
    expect(() => basic({ period: { frequency: "WEEKLY", start: "2026-03-02", end: "2026-03-09" } })).toThrow(/not a WEEKLY pay period/);
  });
});

describe("components", () => {
  const structure = structureOf(
    BASIC,
    { code: "HRA", name: "Housing", kind: "EARNING", calculation: { type: "PERCENT", percent: "40", of: "BASIC" } },
    { code: "TRAVEL", name: "Travel", kind: "EARNING", calculation: { type: "FIXED", amount: 15_000 } },
    { code: "MEAL", name: "Meal", kind: "EARNING", calculation: { type: "FIXED", amount: 5_000 }, prorate: false, isTaxable: false },
    { code: "PENSION", name: "Pension", kind: "DEDUCTION", calculation: { type: "PERCENT", percent: "5", of: "GROSS" }, isPreTax: true },
    { code: "UNION", name: "Union dues", kind: "DEDUCTION", calculation: { type: "FORMULA", expression: "min(BASIC * 0.01, 7.5)" } },
    { code: "ER_PENSION", name: "Employer pension", kind: "EMPLOYER_CONTRIBUTION", calculation: { type: "PERCENT", percent: "3", of: "BASIC" } },
  );

  it("work out in dependency order and total from their lines", () => {
    const result = calculatePayslip(monthlyInput({ structure, employment: { hireDate: "2026-03-17" } }));
    // 15/31 of the month: basic 483.87, HRA 40% = 193.55, travel prorated 72.58, meal not prorated
    // 50.00; gross 800.00, pension 5% of it 40.00, union dues 1% of basic = 4.84 (under the 7.50 cap)
    expect(Object.fromEntries(result.lines.map((line) => [line.code, line.amount]))).toEqual({
      BASIC: 48_387,
      HRA: 19_355,
      TRAVEL: 7_258,
      MEAL: 5_000,
      PENSION: 4_000,
      UNION: 484,
      ER_PENSION: 1_452,
    });
    expect(result.totals).toEqual({
      gross: 80_000,
      taxablePay: 80_000 - 5_000 - 4_000, // the meal is not taxable, the pension comes off before tax
      contributablePay: 80_000,
      totalDeductions: 4_484,
      net: 75_516,
      employerContributions: 1_452,
      employerCost: 81_452,
    });
    expect(result.lines.find((line) => line.code === "UNION")!.basis).toBe("min(BASIC * 0.01, 7.5) = 4.8387 GBP");
  });

  it.each([
    ["a maximum that bites", { max: 2_500 }, [4_000, -1_500]],
    ["a maximum that does not", { max: 5_000 }, [4_000]],
    ["a minimum that bites", { min: 4_100 }, [4_000, 100]],
    ["a minimum that does not", { min: 4_000 }, [4_000]],
  ])("caps: %s is a line of its own", (_, cap, expected) => {
    const capped = structureOf(...structure.components.map((component) => (component.code === "PENSION" ? { ...component, ...cap } : component)));
    const result = calculatePayslip(monthlyInput({ structure: capped, employment: { hireDate: "2026-03-17" } }));
    expect(amountsOf(result.lines, "PENSION")).toEqual(expected);
    expect(result.lines.filter((line) => line.code === "PENSION").at(-1)!.source).toBe(expected.length > 1 ? "CAP" : "COMPONENT");
  });

  it("rounds each line by its component's rule", () => {
    const rounded = (rounding: { mode: "DOWN" | "HALF_UP" | "UP"; step?: number }) =>
      total(
        calculatePayslip(
          monthlyInput({
            structure: structureOf(BASIC, {
              code: "TIP",
              name: "Tip",
              kind: "EARNING",
              calculation: { type: "PERCENT", percent: "1.234", of: "BASIC" },
              rounding,
            }),
          }),
        ).lines,
        "TIP",
      );
    // 1.234% of £1,000.00 = £12.34 exactly; of £1,000.00 / 3 ...
    expect(rounded({ mode: "HALF_UP" })).toBe(1_234);
    expect(rounded({ mode: "DOWN", step: 100 })).toBe(1_200);
    expect(rounded({ mode: "UP", step: 100 })).toBe(1_300);
  });

  it("one-off additions and deductions are lines with their reasons, and count in GROSS", () => {
    const result = calculatePayslip(
      monthlyInput({
        structure,
        adjustments: [
          { code: "BONUS", name: "Bonus", kind: "EARNING", amount: 50_000, reason: "Q1 target met" },
          { code: "ADVANCE", name: "Advance recovery", kind: "DEDUCTION", amount: 20_000, reason: "Advance of 2026-02-10, 1 of 3" },
        ],
      }),
    );
    const bonus = result.lines.find((line) => line.code === "BONUS")!;
    expect(bonus).toMatchObject({ source: "ADJUSTMENT", amount: 50_000, isTaxable: true, basis: "One-off for 2026-03-01 to 2026-03-31: Q1 target met" });
    // GROSS = 1000 + 400 + 150 + 50 + 500 = 2100; pension 5% = 105
    expect(total(result.lines, "PENSION")).toBe(10_500);
    expect(result.totals.gross).toBe(210_000);
    expect(result.totals.totalDeductions).toBe(10_500 + 750 + 20_000); // pension, union dues at their 7.50 cap, advance
  });

  it("refuses a one-off without a reason or with a component's code", () => {
    expect(() => calculatePayslip(monthlyInput({ adjustments: [{ code: "BONUS", name: "Bonus", kind: "EARNING", amount: 1, reason: " " }] }))).toThrow(
      /needs a reason/,
    );
    expect(() => calculatePayslip(monthlyInput({ adjustments: [{ code: "BASIC", name: "Basic", kind: "EARNING", amount: 1, reason: "x" }] }))).toThrow(
      /a code of its own/,
    );
  });

  it("warns when deductions exceed earnings", () => {
    const result = calculatePayslip(
      monthlyInput({ adjustments: [{ code: "ADVANCE", name: "Advance", kind: "DEDUCTION", amount: 150_000, reason: "recovery" }] }),
    );
    expect(result.totals.net).toBe(-50_000);
    expect(result.warnings).toEqual(["Deductions exceed earnings: net pay is -GBP 500.00."]);
  });
});

describe("year to date", () => {
  it("adds this period to the previous periods' figures", () => {
    const first = calculatePayslip(monthlyInput({ period: { frequency: "MONTHLY", start: "2026-01-01", end: "2026-01-31" }, payDate: "2026-01-31" }));
    const second = calculatePayslip(
      monthlyInput({ period: { frequency: "MONTHLY", start: "2026-02-01", end: "2026-02-28" }, payDate: "2026-02-27", yearToDate: first.yearToDate }),
    );
    expect(second.yearToDate).toMatchObject({ taxYearStartsOn: "2026-01-01", gross: 200_000, net: 200_000, byCode: { BASIC: 200_000 } });
  });

  it("refuses figures from another tax year", () => {
    const december = calculatePayslip(monthlyInput({ period: { frequency: "MONTHLY", start: "2025-12-01", end: "2025-12-31" }, payDate: "2025-12-31" }));
    expect(() => calculatePayslip(monthlyInput({ yearToDate: december.yearToDate }))).toThrow(/tax year starting 2025-01-01/);
  });

  it("is the same whenever it is run: a pure function of its input", () => {
    const input = monthlyInput({ employment: { hireDate: "2026-03-11" }, unpaidLeave: [{ date: "2026-03-12", days: 0.5 }] });
    expect(calculatePayslip(input)).toEqual(calculatePayslip(structuredClone(input)));
  });
});
