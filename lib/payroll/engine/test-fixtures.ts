import { type PayslipInput } from "./calculate-payslip";
import { type ComponentDefinition, type SalaryStructure } from "./structure";

// Shared by the engine's tests: a structure with only base pay, and an input around it.
export const BASIC: ComponentDefinition = { code: "BASIC", name: "Basic pay", kind: "EARNING", calculation: { type: "BASE_PAY" } };

export function structureOf(...components: ComponentDefinition[]): SalaryStructure {
  return { code: "TEST", name: "Test", currency: "GBP", components };
}

export function monthlyInput(overrides: Partial<PayslipInput> = {}): PayslipInput {
  return {
    structure: structureOf(BASIC),
    period: { frequency: "MONTHLY", start: "2026-03-01", end: "2026-03-31" },
    payDate: "2026-03-31",
    employment: { hireDate: "2020-01-01" },
    basePay: [{ effectiveFrom: "2020-01-01", amount: 100_000, per: "MONTH" }], // £1,000.00 a month
    settings: { proration: { basis: "CALENDAR_DAYS" } },
    ...overrides,
  };
}
