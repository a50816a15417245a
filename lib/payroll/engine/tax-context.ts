import { type IsoDate } from "./dates";
import { type Currency } from "./money";
import { type PayPeriod } from "./pay-periods";
import { type YearToDate } from "./year-to-date";

// What a tax rule sees: this period's pay bases (already the sum of the component and
// adjustment lines) and the year to date before this period.
export type TaxContext = {
  period: PayPeriod;
  payDate: IsoDate;
  currency: Currency;
  gross: number;
  taxablePay: number;
  contributablePay: number;
  previous: YearToDate;
};

export type TaxBase = "TAXABLE" | "CONTRIBUTABLE" | "GROSS";

export function baseThisPeriod(context: TaxContext, base: TaxBase): number {
  return base === "TAXABLE" ? context.taxablePay : base === "CONTRIBUTABLE" ? context.contributablePay : context.gross;
}

export function baseBefore(context: TaxContext, base: TaxBase): number {
  return base === "TAXABLE" ? context.previous.taxablePay : base === "CONTRIBUTABLE" ? context.previous.contributablePay : context.previous.gross;
}
