import { type PayrollSettings } from "../calculate-payslip";
import { type TaxRule } from "../taxes";
import { type NiCategory } from "./national-insurance";

// The UK as a preset: the tax year starts on 6 April, PAYE on the employee's tax code and Class 1
// NI on their category letter. Proration stays the employer's choice.
export const UK_TAX_YEAR_START = "04-06";

export function ukTaxRules(options: { taxCode: string; niCategory?: NiCategory; previousEmployment?: { taxablePay: number; tax: number } }): TaxRule[] {
  return [
    { type: "UK_PAYE", taxCode: options.taxCode, previousEmployment: options.previousEmployment },
    { type: "UK_NI", category: options.niCategory ?? "A" },
  ];
}

export function ukPayrollSettings(proration: PayrollSettings["proration"] = { basis: "CALENDAR_DAYS" }): PayrollSettings {
  return { proration, taxYearStart: UK_TAX_YEAR_START };
}
