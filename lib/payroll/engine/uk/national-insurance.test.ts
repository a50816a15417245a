import { describe, expect, it } from "vitest";
import { calculatePayslip } from "../calculate-payslip";
import { CURRENCIES } from "../money";
import { BASIC, structureOf } from "../test-fixtures";
import { emptyYearToDate } from "../year-to-date";
import { calculateUkNi, type NiCategory } from "./national-insurance";
import { ukPayrollSettings } from "./preset";
import { UK_2026_27, type UkTaxYear } from "./tax-years";

// Sources
// [NIM11002] HMRC National Insurance Manual NIM11002: employee and employer NICs are worked
//   out separately, each rounded to the nearest penny with amounts of £0.005 or less disregarded
//   (SSCR 2001 reg 12(1)). https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim11002
// [NIM11009] HMRC NIM11009, 1997/98 example 1: employer's NICs on weekly earnings of £500.15 at
//   10% = £50.01 (50.015 rounded down). https://www.gov.uk/hmrc-internal-manuals/national-insurance-manual/nim11009
// The 2026-27 rows are worked by hand from the published thresholds (see tax-years.ts).

function ni(monthlyPay: number, category: NiCategory = "A") {
  const result = calculatePayslip({
    structure: structureOf(BASIC),
    period: { frequency: "MONTHLY", start: "2026-04-01", end: "2026-04-30" },
    payDate: "2026-04-30",
    employment: { hireDate: "2020-01-01" },
    basePay: [{ effectiveFrom: "2020-01-01", amount: monthlyPay, per: "MONTH" }],
    settings: ukPayrollSettings(),
    taxes: [{ type: "UK_NI", category }],
  });
  return [result.lines.find((line) => line.code === "NI")!.amount, result.lines.find((line) => line.code === "ER_NI")!.amount];
}

describe("Class 1 NI, exact percentage method", () => {
  it("[NIM11009] rounds half a penny down: 10% of £500.15 is £50.01", () => {
    const flat = { lel: 0, pt: 1_000_000, st: 0, uel: 1_000_000, ust: 1_000_000 };
    const year: UkTaxYear = {
      ...UK_2026_27,
      label: "1997-98",
      startsOn: "1997-04-06",
      endsOn: "1998-04-05",
      nationalInsurance: { ...UK_2026_27.nationalInsurance, weekly: flat, monthly: flat, employerPercent: "10" },
    };
    const lines = calculateUkNi(
      { type: "UK_NI", category: "A", years: [year] },
      {
        period: { frequency: "WEEKLY", start: "1997-06-02", end: "1997-06-08" },
        payDate: "1997-06-06",
        currency: CURRENCIES.GBP,
        gross: 50_015,
        taxablePay: 50_015,
        contributablePay: 50_015,
        previous: emptyYearToDate("1997-04-06"),
      },
    );
    expect(lines.map((line) => line.amount)).toEqual([0, 5_001]);
  });

  it.each([
    // monthly pay (pence), category, [employee, employer]
    [300_000, "A", [15_616, 38_745]], // (3000 - 1048) x 8% = 156.16; (3000 - 417) x 15% = 387.45
    [1_000_000, "A", [36_750, 143_745]], // 3141 x 8% + 5811 x 2% = 251.28 + 116.22; 9583 x 15%
    [418_900, "A", [25_128, 56_580]], // exactly the UEL
    [50_000, "A", [0, 1_245]], // between ST and LEL: employer NI only, (500 - 417) x 15%
    [41_710, "A", [0, 1]], // 10p above ST: 1.5p, a half-penny rounded down [NIM11002]
    [41_700, "A", [0, 0]],
    [300_000, "C", [0, 38_745]], // over State Pension age
    [300_000, "M", [15_616, 0]], // under 21: employer 0% up to the UST of 4,189
    [500_000, "H", [26_750, 12_165]], // apprentice: 3141 x 8% + 811 x 2% = 251.28 + 16.22; (5000 - 4189) x 15%
  ] as const)("%d pence in category %s: %o", (pay, category, expected) => {
    expect(ni(pay, category)).toEqual(expected);
  });

  it("uses the weekly thresholds twice over for a two-weekly period", () => {
    const result = calculatePayslip({
      structure: structureOf(BASIC),
      period: { frequency: "BI_WEEKLY", start: "2026-04-04", end: "2026-04-17" },
      payDate: "2026-04-17",
      employment: { hireDate: "2020-01-01" },
      basePay: [{ effectiveFrom: "2020-01-01", amount: 2_600_000, per: "YEAR" }],
      settings: ukPayrollSettings(),
      taxes: [{ type: "UK_NI", category: "A" }],
    });
    // (1000 - 484) x 8% = 41.28; (1000 - 192) x 15% = 121.20
    expect(result.lines.filter((line) => line.source === "TAX").map((line) => line.amount)).toEqual([4_128, 12_120]);
  });
});
