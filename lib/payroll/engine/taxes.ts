import { type PayslipLine } from "./lines";
import { calculateProgressiveTax, type ProgressiveTaxRule } from "./progressive-tax";
import { type TaxContext } from "./tax-context";
import { calculateUkNi, type UkNiRule } from "./uk/national-insurance";
import { calculateUkPaye, type UkPayeRule } from "./uk/paye";

// The statutory rules a payroll applies after its components, each adding its own lines. A
// country preset is a list of these; another country is either PROGRESSIVE brackets or a new case.
export type TaxRule = ProgressiveTaxRule | UkPayeRule | UkNiRule;

export function calculateTax(rule: TaxRule, context: TaxContext): PayslipLine[] {
  switch (rule.type) {
    case "PROGRESSIVE":
      return calculateProgressiveTax(rule, context);
    case "UK_PAYE":
      return calculateUkPaye(rule, context);
    case "UK_NI":
      return calculateUkNi(rule, context);
  }
}
