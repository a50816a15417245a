// The payroll calculation engine's public face: pure functions from definitions and inputs to
// payslip lines. Nothing here touches a database; lib/payroll's services load the inputs and
// store the results.
export {
  calculatePayslip,
  taxYearStartFor,
  type OneOffAdjustment,
  type PayrollSettings,
  type PayslipCalculation,
  type PayslipInput,
} from "./calculate-payslip";
export { type PayslipLine, type PayslipTotals, sumLines } from "./lines";
export { CURRENCIES, type Currency, formatMoney } from "./money";
export { nextPayPeriod, type PayFrequency, type PayPeriod, payPeriodContaining, type PaySchedule, PERIODS_PER_YEAR } from "./pay-periods";
export { type BasePay, type Employment, type ProrationBasis, type ProrationSettings, type UnpaidDay } from "./proration";
export { type RoundingMode, type RoundingRule } from "./rounding";
export {
  compileStructure,
  type ComponentCalculation,
  type ComponentDefinition,
  type ComponentKind,
  FORMULA_VARIABLES,
  type SalaryStructure,
} from "./structure";
export { type ProgressiveTaxRule, type TaxBracket, type TaxYearTable } from "./progressive-tax";
export { type TaxRule } from "./taxes";
export { emptyYearToDate, type YearToDate } from "./year-to-date";
export { type NiCategory, type UkNiRule } from "./uk/national-insurance";
export { type UkPayeRule } from "./uk/paye";
export { UK_TAX_YEAR_START, ukPayrollSettings, ukTaxRules } from "./uk/preset";
export { parseUkTaxCode } from "./uk/tax-code";
export { UK_2026_27, UK_TAX_YEARS, type UkTaxYear } from "./uk/tax-years";
