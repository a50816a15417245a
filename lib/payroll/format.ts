import { CURRENCIES } from "./engine";

// Money for people to read: "£1,234.56". The stored minor units stay exact; only display divides.
export function formatPay(minor: number, currency: string): string {
  const digits = CURRENCIES[currency]?.minorDigits ?? 2;
  return new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    minor / 10 ** digits,
  );
}

export const RUN_STATUS_LABELS: Record<string, string> = {
  DRAFT: "Draft",
  CALCULATING: "Calculating",
  CALCULATED: "Calculated",
  APPROVED: "Approved",
  PAID: "Paid",
};
export const RUN_STATUS_TONES: Record<string, "neutral" | "info" | "warning" | "success"> = {
  DRAFT: "neutral",
  CALCULATING: "warning",
  CALCULATED: "info",
  APPROVED: "success",
  PAID: "success",
};

// An amount a person typed in major units ("250.50") as exact minor units of its currency.
export function toMinorUnits(amount: number, minorDigits = 2): number {
  return Math.round(amount * 10 ** minorDigits);
}

export const ADJUSTMENT_KIND_LABELS: Record<string, string> = { EARNING: "Addition", DEDUCTION: "Deduction" };
