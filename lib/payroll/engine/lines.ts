import { type ComponentKind } from "./structure";

// One amount on a payslip and why it is that amount. Every figure the engine returns is either
// a line or a sum of lines.
export type PayslipLine = {
  code: string;
  name: string;
  kind: ComponentKind;
  source: "COMPONENT" | "ADJUSTMENT" | "CAP" | "TAX";
  amount: number; // minor units; an earning line may be negative (unpaid leave), a tax line too (a refund)
  basis: string; // how the exact amount was worked out: rates, days, thresholds
  rounding: string; // the rule that made it whole minor units
  // An earning counted in taxable pay (a deduction taken off it before tax); likewise for pay
  // subject to social contributions. Always false for employer contributions.
  isTaxable: boolean;
  isContributable: boolean;
};

export type PayslipTotals = {
  gross: number; // earning lines
  taxablePay: number; // taxable earning lines - pre-tax deduction lines
  contributablePay: number; // contributable earning lines - pre-contribution deduction lines
  totalDeductions: number; // deduction lines
  net: number; // gross - totalDeductions
  employerContributions: number; // employer contribution lines
  employerCost: number; // gross + employerContributions
};

export function sumLines(lines: readonly PayslipLine[]): PayslipTotals {
  let gross = 0;
  let taxablePay = 0;
  let contributablePay = 0;
  let totalDeductions = 0;
  let employerContributions = 0;
  for (const line of lines) {
    if (line.kind === "EARNING") {
      gross += line.amount;
      if (line.isTaxable) taxablePay += line.amount;
      if (line.isContributable) contributablePay += line.amount;
    } else if (line.kind === "DEDUCTION") {
      totalDeductions += line.amount;
      if (line.isTaxable) taxablePay -= line.amount;
      if (line.isContributable) contributablePay -= line.amount;
    } else {
      employerContributions += line.amount;
    }
  }
  return {
    gross,
    taxablePay,
    contributablePay,
    totalDeductions,
    net: gross - totalDeductions,
    employerContributions,
    employerCost: gross + employerContributions,
  };
}
