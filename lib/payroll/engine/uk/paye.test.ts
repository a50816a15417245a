import { describe, expect, it } from "vitest";
import { calculatePayslip, type PayslipInput } from "../calculate-payslip";
import { type PayPeriod } from "../pay-periods";
import { BASIC, structureOf } from "../test-fixtures";
import { emptyYearToDate, type YearToDate } from "../year-to-date";
import { ukPayrollSettings, ukTaxRules } from "./preset";
import { ukPayAdjustment, ukTaxDueToDate } from "./paye";
import { parseUkTaxCode } from "./tax-code";
import { type UkBand } from "./tax-years";

// Sources
// [HMRC-TD] HMRC, "Notes for Payroll Software Developers", Series 11 No 7 (December 2008),
//   Annex B "Test Data - 2009-2010": cumulative suffix and K code examples with the pay
//   adjustment, taxable pay and tax the tables give. Read at
//   https://www.yumpu.com/en/document/view/6079712/hmrc-notes-for-payroll-software-developers-hm-revenue-/24
//   Pay adjustments depend only on the code and the period, so they hold for any year; the tax
//   figures use 2009-10's bands: basic rate 20% on the first £37,400, higher rate 40% above
//   (the figures below reproduce HMRC's to the penny with those bands, which confirms them).
// [HMRC-PAYE70025] HMRC PAYE Manual PAYE70025: free pay for month n is n/12 of the code's
//   allowance, codes over 500 built from units of 500.
// [SPEC] HMRC "Specification for PAYE Tax Table Routines" (v24.0 for 2026-27): the algorithm
//   in paye.ts. The specification itself could not be read here; its steps were taken from the
//   test data above and two public implementations that cite it.
// The 2026-27 rows are worked by hand from the published 2026-27 figures (see tax-years.ts),
// each step shown; they are not HMRC's own examples, which were not found for 2026-27.

const BANDS_2009_10: UkBand[] = [
  { widthPounds: 37_400, ratePercent: "20" },
  { widthPounds: null, ratePercent: "40" },
];

describe("pay adjustment (free pay / additional pay) [HMRC-TD]", () => {
  it.each([
    ["510L", 52, 8, 78_608], // £786.08
    ["510L", 52, 29, 284_954], // £2,849.54
    ["560T", 12, 3, 140_226], // £1,402.26
    ["560T", 12, 10, 467_420], // £4,674.20
    ["K255", 12, 5, 106_625], // £1,066.25
    ["K255", 12, 8, 170_600], // £1,706.00
  ] as const)("code %s, %s-period table, period %d: %d pence", (code, base, period, pence) => {
    const parsed = parseUkTaxCode(code);
    expect(parsed.kind === "ALLOWANCE" || parsed.kind === "K").toBe(true);
    const number = parsed.kind === "ALLOWANCE" || parsed.kind === "K" ? parsed.number : -1;
    expect(ukPayAdjustment(number, base) * BigInt(period)).toBe(BigInt(pence));
  });

  it("1257L: £1,048.26 a month (£12,579.12 a year) and £241.92 a week", () => {
    // 257 -> (2579 / 12 = 214.9167, up to 214.92) + 2 x 416.67; weekly (2579 / 52 = 49.596, up to 49.60) + 2 x 96.16.
    expect(ukPayAdjustment(1257, 12)).toBe(104_826n);
    expect(ukPayAdjustment(1257, 52)).toBe(24_192n);
    // A code that is a whole number of 500s uses 500 itself for the remainder, as the tables do.
    expect(ukPayAdjustment(1000, 12)).toBe(41_742n + 41_667n);
    expect(ukPayAdjustment(0, 12)).toBe(0n);
  });
});

describe("tax due to date [HMRC-TD, 2009-10 bands]", () => {
  it.each([
    [126_007, 8, 52, 25_200], // 510L week 8: taxable £1,260.07, tax £252.00
    [24_168, 29, 52, 4_820], // 510L week 29: £241.68 -> £48.20
    [134_774, 3, 12, 26_940], // 560T month 3: £1,347.74 -> £269.40
    [1_661_355, 10, 12, 332_260], // 560T month 10: £16,613.55 -> £3,322.60
    [708_991, 5, 12, 141_780], // K255 month 5: £7,089.91 -> £1,417.80 (before the 50% limit)
    [3_450_598, 8, 12, 881_533], // K255 month 8: £34,505.98 -> £8,815.33, into the 40% band
  ])("taxable %d pence in period %d of %d: %d pence", (taxable, period, base, tax) => {
    expect(ukTaxDueToDate(BigInt(taxable), BANDS_2009_10, period, base as 12 | 52)).toBe(BigInt(tax));
  });
});

const APRIL: PayPeriod = { frequency: "MONTHLY", start: "2026-04-01", end: "2026-04-30" };
const MAY: PayPeriod = { frequency: "MONTHLY", start: "2026-05-01", end: "2026-05-31" };
const JUNE: PayPeriod = { frequency: "MONTHLY", start: "2026-06-01", end: "2026-06-30" };

function payslip(monthly: number, taxCode: string, overrides: Partial<PayslipInput> = {}) {
  return calculatePayslip({
    structure: structureOf(BASIC),
    period: APRIL,
    payDate: "2026-04-30",
    employment: { hireDate: "2020-01-01" },
    basePay: [{ effectiveFrom: "2020-01-01", amount: monthly, per: "MONTH" }],
    settings: ukPayrollSettings(),
    taxes: ukTaxRules({ taxCode }),
    ...overrides,
  });
}
const paye = (result: ReturnType<typeof payslip>) => result.lines.find((line) => line.code === "PAYE")!;
const ytd = (taxablePay: number, tax: number): YearToDate => ({ ...emptyYearToDate("2026-04-06"), taxablePay, byCode: { PAYE: tax } });

describe("UK PAYE 2026-27 (worked by hand from the published figures)", () => {
  it.each([
    // monthly pay, code, pay date period, expected tax, working
    [300_000, "1257L", 39_020], // 3000 - 1048.26 = 1951.74 -> 1951 x 20% = 390.20
    [1_000_000, "1257L", 295_206], // 8951 taxable: 20% of 3141.6667 (37,700/12) + 40% of 5809.3333 = 628.3333 + 2323.7333 = 2952.06
    [100_000, "K500", 28_340], // 1000 + 417.42 additional pay = 1417 x 20% = 283.40
    [50_000, "K1000", 25_000], // 500 + 834.09 = 1334 x 20% = 266.80, limited to 50% of 500.00
    [123_456, "BR", 24_680], // 1234 x 20%
    [123_456, "D0", 49_360], // 1234 x 40%
    [123_456, "D1", 55_530], // 1234 x 45%
    [123_456, "NT", 0],
    [300_000, "0T", 60_000], // 3000 x 20%, no allowance
    [300_000, "C1257L", 39_020], // Wales: the same bands in 2026-27
    [100_000, "1257L", 0], // below the free pay
  ])("£%d pence a month on %s: tax %d pence", (monthly, code, tax) => {
    expect(paye(payslip(monthly, code)).amount).toBe(tax);
  });

  it("says how it got there", () => {
    expect(paye(payslip(300_000, "1257L")).basis).toBe(
      "2026-27, tax code 1257L, cumulative, month 1: GBP 3,000.00 less free pay GBP 1,048.26 = taxable GBP 1,951.00 (rounded down to the pound), tax GBP 390.20, less GBP 0.00 deducted before",
    );
    expect(paye(payslip(50_000, "K1000")).basis).toMatch(/limited to 50% of this period's pay \(GBP 266.80 due\)$/);
  });

  it("cumulative: month 2 is tax to date less tax already deducted", () => {
    // 6000 - 2 x 1048.26 = 3903.48 -> 3903 x 20% = 780.60; less 390.20
    expect(paye(payslip(300_000, "1257L", { period: MAY, payDate: "2026-05-29", yearToDate: ytd(300_000, 39_020) })).amount).toBe(39_040);
  });

  it("cumulative: a month with no pay refunds tax", () => {
    // 3000 - 2096.52 = 903.48 -> 903 x 20% = 180.60; 390.20 was deducted in month 1
    expect(paye(payslip(0, "1257L", { period: MAY, payDate: "2026-05-29", yearToDate: ytd(300_000, 39_020) })).amount).toBe(-20_960);
  });

  it("a P45's pay and tax count towards the cumulative basis", () => {
    const result = payslip(300_000, "1257L", {
      period: MAY,
      payDate: "2026-05-29",
      taxes: ukTaxRules({ taxCode: "1257L", previousEmployment: { taxablePay: 300_000, tax: 39_020 } }),
    });
    expect(paye(result).amount).toBe(39_040);
  });

  it("month 1 basis: month 3 is taxed alone, whatever came before", () => {
    const result = payslip(300_000, "1257L M1", { period: JUNE, payDate: "2026-06-30", yearToDate: ytd(600_000, 0) });
    expect(paye(result)).toMatchObject({ amount: 39_020, basis: expect.stringContaining("week 1/month 1 basis") });
    expect(paye(payslip(300_000, "1257L X", { period: JUNE, payDate: "2026-06-30" })).amount).toBe(39_020);
  });

  it("weekly, week 1: 500.00 - 241.92 = 258.08 -> 258 x 20% = 51.60", () => {
    const result = payslip(0, "1257L", {
      period: { frequency: "WEEKLY", start: "2026-04-04", end: "2026-04-10" },
      payDate: "2026-04-10",
      basePay: [{ effectiveFrom: "2020-01-01", amount: 2_600_000, per: "YEAR" }],
    });
    expect(paye(result).amount).toBe(5_160);
  });

  it("two-weekly on the week 1 basis uses two weeks' free pay and bands: 1000 - 483.84 -> 516 x 20%", () => {
    const result = payslip(0, "1257L W1", {
      period: { frequency: "BI_WEEKLY", start: "2026-04-04", end: "2026-04-17" },
      payDate: "2026-04-17",
      basePay: [{ effectiveFrom: "2020-01-01", amount: 2_600_000, per: "YEAR" }],
    });
    expect(paye(result)).toMatchObject({ amount: 10_320, basis: expect.stringContaining("(2 weeks)") });
  });

  it("week 53 is always taxed on the week 1 basis", () => {
    const result = payslip(0, "1257L", {
      period: { frequency: "WEEKLY", start: "2027-04-03", end: "2027-04-09" },
      payDate: "2027-04-05",
      basePay: [{ effectiveFrom: "2020-01-01", amount: 2_600_000, per: "YEAR" }],
      yearToDate: ytd(2_600_000, 270_000),
    });
    expect(paye(result)).toMatchObject({ amount: 5_160, basis: expect.stringContaining("week 53, taxed on the week 1 basis") });
  });

  it.each([
    ["a Scottish code", { taxes: ukTaxRules({ taxCode: "S1257L" }) }, /Scotland's bands/],
    ["something that is not a code", { taxes: ukTaxRules({ taxCode: "1257" }) }, /not a PAYE tax code/],
    ["a semi-monthly payroll", { period: { frequency: "SEMI_MONTHLY" as const, start: "2026-04-16", end: "2026-04-30" } }, /semi-monthly/],
    ["a tax year that starts on 1 January", { settings: { proration: { basis: "CALENDAR_DAYS" as const } } }, /6 April/],
    [
      "a payment outside 2026-27",
      { period: { frequency: "MONTHLY" as const, start: "2027-04-01", end: "2027-04-30" }, payDate: "2027-04-30" },
      /No UK tax year/,
    ],
  ])("refuses %s", (_, overrides, message) => {
    expect(() => payslip(300_000, "1257L", overrides)).toThrow(message);
  });
});
