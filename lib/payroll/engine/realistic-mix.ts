// The pay components both payroll benchmarks calculate with: base pay, a fixed allowance, a formula
// earning, a capped pre-tax percentage, a formula deduction and an employer contribution.
import { type SalaryStructure } from "./structure";

export const REALISTIC_COMPONENTS: SalaryStructure["components"] = [
  { code: "BASIC", name: "Basic pay", kind: "EARNING", calculation: { type: "BASE_PAY" } },
  { code: "LONDON", name: "London weighting", kind: "EARNING", calculation: { type: "FIXED", amount: 25_000 } },
  { code: "SHIFT", name: "Shift allowance", kind: "EARNING", calculation: { type: "FORMULA", expression: "PAID_DAYS >= 15 ? BASIC * 0.05 : 0" } },
  { code: "PENSION", name: "Pension", kind: "DEDUCTION", calculation: { type: "PERCENT", percent: "5", of: "GROSS" }, isPreTax: true, max: 40_000 },
  { code: "LUNCH", name: "Lunch scheme", kind: "DEDUCTION", calculation: { type: "FORMULA", expression: "min(PAID_DAYS * 2.5, 40)" } },
  { code: "ER_PENSION", name: "Employer pension", kind: "EMPLOYER_CONTRIBUTION", calculation: { type: "PERCENT", percent: "3", of: "GROSS" } },
];
