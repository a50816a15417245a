import { describe, expect, it } from "vitest";
import { calculatePayslip } from "./calculate-payslip";
import { type ProgressiveTaxRule } from "./progressive-tax";
import { BASIC, monthlyInput } from "./test-fixtures";
import { emptyYearToDate } from "./year-to-date";

// A made-up country, calendar tax year: nothing up to 12,000 a year, 10% to 48,000, 20% above.
function rule(method: ProgressiveTaxRule["method"]): ProgressiveTaxRule {
  return {
    type: "PROGRESSIVE",
    code: "INCOME_TAX",
    name: "Income tax",
    payer: "EMPLOYEE",
    base: "TAXABLE",
    method,
    rounding: { mode: "DOWN" },
    years: [
      {
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        brackets: [
          { upTo: 1_200_000, ratePercent: "0" },
          { upTo: 4_800_000, ratePercent: "10" },
          { upTo: null, ratePercent: "20" },
        ],
      },
    ],
  };
}

const tax = (monthly: number, method: ProgressiveTaxRule["method"], overrides = {}) =>
  calculatePayslip(monthlyInput({ basePay: [{ effectiveFrom: "2020-01-01", amount: monthly, per: "MONTH" }], taxes: [rule(method)], ...overrides })).lines.find(
    (line) => line.code === "INCOME_TAX",
  )!;

describe("progressive brackets, any country", () => {
  it.each([
    // monthly pay, method, tax
    [300_000, "NON_CUMULATIVE", 20_000], // 0 on 1,000, 10% of 2,000
    [500_000, "NON_CUMULATIVE", 50_000], // 10% of 3,000 + 20% of 1,000
    [500_000, "ANNUALISED", 50_000], // 60,000 a year: 3,600 + 2,400 = 6,000 / 12
    [123_457, "NON_CUMULATIVE", 2_345], // 10% of 234.57 = 23.457, down to 23.45
    [50_000, "NON_CUMULATIVE", 0],
  ] as const)("%d pence a month, %s: %d", (monthly, method, expected) => {
    expect(tax(monthly, method).amount).toBe(expected);
  });

  it("cumulative: March's tax is the year's tax to date less what was deducted", () => {
    // Pay to date 300,000 + 300,000 + 900,000 = 15,000.00; thresholds x 3/12: 0 on 3,000, 10% on
    // 9,000 (to 12,000), 20% on 3,000 = 1,500; 400 deducted in January and February.
    const previous = { ...emptyYearToDate("2026-01-01"), taxablePay: 600_000, byCode: { INCOME_TAX: 40_000 } };
    const line = tax(900_000, "CUMULATIVE", { yearToDate: previous });
    expect(line.amount).toBe(110_000);
    expect(line.basis).toMatch(/^Cumulative, period 3 of 12: tax on GBP 15,000.00 to date/);
  });

  it("a tax borne by the employer is an employer contribution, not a deduction", () => {
    const result = calculatePayslip(
      monthlyInput({
        structure: { code: "S", name: "S", currency: "GBP", components: [BASIC] },
        taxes: [{ ...rule("NON_CUMULATIVE"), payer: "EMPLOYER", base: "GROSS" }],
      }),
    );
    expect(result.totals).toMatchObject({ net: 100_000, employerContributions: 0, employerCost: 100_000 });
  });

  it("refuses a pay date no configured year covers", () => {
    expect(() => tax(100_000, "CUMULATIVE", { period: { frequency: "MONTHLY", start: "2027-01-01", end: "2027-01-31" }, payDate: "2027-01-29" })).toThrow(
      /no tax year covering the pay date 2027-01-29/,
    );
  });
});
