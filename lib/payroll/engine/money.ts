import { invalid } from "./errors";

// Amounts are integers in the currency's minor unit (pence, cents; yen have none). A currency
// is its ISO 4217 code and the number of minor digits; the engine never converts between them.
export type Currency = { code: string; minorDigits: number };

export const CURRENCIES: Readonly<Record<string, Currency>> = {
  GBP: { code: "GBP", minorDigits: 2 },
  EUR: { code: "EUR", minorDigits: 2 },
  USD: { code: "USD", minorDigits: 2 },
  INR: { code: "INR", minorDigits: 2 },
  CHF: { code: "CHF", minorDigits: 2 },
  JPY: { code: "JPY", minorDigits: 0 },
  KWD: { code: "KWD", minorDigits: 3 },
};

export function findCurrency(code: string): Currency {
  const currency = CURRENCIES[code];
  if (!currency) throw invalid("currency", `Unknown currency "${code}"; known: ${Object.keys(CURRENCIES).join(", ")}.`);
  return currency;
}

export function assertMinor(value: number, path: string): number {
  if (!Number.isSafeInteger(value)) throw invalid(path, `${path} must be a whole number of minor units (got ${value}).`);
  return value;
}

// "GBP 36,000.00": for the reasons printed on a payslip line.
export function formatMoney(minor: number | bigint, currency: Currency): string {
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(currency.minorDigits + 1, "0");
  const whole = digits.slice(0, digits.length - currency.minorDigits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = currency.minorDigits ? `.${digits.slice(-currency.minorDigits)}` : "";
  return `${negative ? "-" : ""}${currency.code} ${whole}${fraction}`;
}
