import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculatePayslip, type PayslipInput } from "./calculate-payslip";
import { type PayslipLine } from "./lines";
import { type ComponentDefinition } from "./structure";
import { BASIC, structureOf } from "./test-fixtures";
import { ukPayrollSettings, ukTaxRules } from "./uk/preset";

// Whatever the pay, dates, rates, caps and one-offs: totals are exactly the sums of the lines,
// net = earnings - deductions, and the same input gives the same payslip.
const APRIL = { frequency: "MONTHLY" as const, start: "2026-04-01", end: "2026-04-30" };
const day = fc.integer({ min: 1, max: 30 }).map((d) => `2026-04-${String(d).padStart(2, "0")}`);
const amount = fc.integer({ min: 0, max: 5_000_000 });

const input = fc
  .record({
    annual: fc.integer({ min: 0, max: 50_000_000 }),
    raise: fc.option(fc.record({ on: day, annual: fc.integer({ min: 0, max: 50_000_000 }) }), { nil: undefined }),
    hire: fc.option(day, { nil: undefined }),
    exit: fc.option(day, { nil: undefined }),
    allowance: amount,
    hraPercent: fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => (basisPoints / 100).toFixed(2)),
    pensionPercent: fc.integer({ min: 0, max: 1_500 }).map((basisPoints) => (basisPoints / 100).toFixed(2)),
    pensionMax: fc.option(amount, { nil: undefined }),
    unpaid: fc.uniqueArray(day, { maxLength: 5 }),
    bonus: amount,
    advance: amount,
    taxCode: fc.constantFrom("1257L", "K500", "BR", "D0", "0T", "NT", "1257L M1"),
    working: fc.boolean(),
  })
  .map((draw): PayslipInput => {
    const hireDate = draw.hire ?? "2020-01-01";
    const exitDate = draw.exit && draw.exit >= hireDate ? draw.exit : null;
    const components: ComponentDefinition[] = [
      BASIC,
      { code: "HRA", name: "Housing", kind: "EARNING", calculation: { type: "PERCENT", percent: draw.hraPercent, of: "BASIC" } },
      { code: "TRAVEL", name: "Travel", kind: "EARNING", calculation: { type: "FIXED", amount: draw.allowance } },
      {
        code: "PENSION",
        name: "Pension",
        kind: "DEDUCTION",
        calculation: { type: "PERCENT", percent: draw.pensionPercent, of: "GROSS" },
        isPreTax: true,
        max: draw.pensionMax,
      },
      { code: "LUNCH", name: "Lunch", kind: "DEDUCTION", calculation: { type: "FORMULA", expression: "min(PAID_DAYS * 2.5, 40)" } },
      { code: "ER_PENSION", name: "Employer pension", kind: "EMPLOYER_CONTRIBUTION", calculation: { type: "FORMULA", expression: "round(GROSS * 0.03, 2)" } },
    ];
    const employedFrom = hireDate > APRIL.start ? hireDate : APRIL.start;
    const employedTo = exitDate ?? APRIL.end;
    return {
      structure: structureOf(...components),
      period: APRIL,
      payDate: "2026-04-30",
      employment: { hireDate, exitDate },
      basePay: [
        { effectiveFrom: "2020-01-01", amount: draw.annual, per: "YEAR" },
        ...(draw.raise ? [{ effectiveFrom: draw.raise.on, amount: draw.raise.annual, per: "YEAR" as const }] : []),
      ],
      settings: ukPayrollSettings({ basis: draw.working ? "WORKING_DAYS" : "CALENDAR_DAYS" }),
      // Working-days payrolls only take unpaid leave on working days; 2026-04-04 is a Saturday.
      unpaidLeave: draw.unpaid
        .filter((date) => date >= employedFrom && date <= employedTo && (!draw.working || ![4, 5, 11, 12, 18, 19, 25, 26].includes(Number(date.slice(8)))))
        .map((date) => ({ date, days: 1 as const })),
      adjustments: [
        { code: "BONUS", name: "Bonus", kind: "EARNING", amount: draw.bonus, reason: "property test" },
        { code: "ADVANCE", name: "Advance", kind: "DEDUCTION", amount: draw.advance, reason: "property test" },
      ],
      taxes: ukTaxRules({ taxCode: draw.taxCode }),
    };
  });

const sum = (lines: PayslipLine[], keep: (line: PayslipLine) => boolean) => lines.filter(keep).reduce((total, line) => total + line.amount, 0);

describe("payslip properties", () => {
  it("every total is the sum of its lines and net = earnings - deductions", () => {
    fc.assert(
      fc.property(input, (payslipInput) => {
        const { lines, totals, yearToDate } = calculatePayslip(payslipInput);
        for (const line of lines) expect(Number.isSafeInteger(line.amount)).toBe(true);
        const earnings = sum(lines, (line) => line.kind === "EARNING");
        const deductions = sum(lines, (line) => line.kind === "DEDUCTION");
        const employer = sum(lines, (line) => line.kind === "EMPLOYER_CONTRIBUTION");
        expect(totals.gross).toBe(earnings);
        expect(totals.totalDeductions).toBe(deductions);
        expect(totals.net).toBe(earnings - deductions);
        expect(totals.employerContributions).toBe(employer);
        expect(totals.employerCost).toBe(earnings + employer);
        expect(totals.taxablePay).toBe(
          sum(lines, (line) => line.kind === "EARNING" && line.isTaxable) - sum(lines, (line) => line.kind === "DEDUCTION" && line.isTaxable),
        );
        expect(yearToDate.net).toBe(totals.net);
        for (const code of new Set(lines.map((line) => line.code))) expect(yearToDate.byCode[code]).toBe(sum(lines, (line) => line.code === code));
      }),
      { numRuns: 300 },
    );
  });

  it("the same input gives the same payslip", () => {
    fc.assert(
      fc.property(input, (payslipInput) => {
        expect(calculatePayslip(structuredClone(payslipInput))).toEqual(calculatePayslip(payslipInput));
      }),
      { numRuns: 50 },
    );
  });
});
