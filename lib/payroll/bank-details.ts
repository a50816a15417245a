import { z } from "zod";

// Bank details as payroll pays into them: an IBAN (ISO 13616, checked by its mod-97 digits) with
// an optional BIC, or a UK sort code and 8-digit account number. Stored compact and upper-case.
export function normalizeIban(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

export function isValidIban(value: string): boolean {
  const iban = normalizeIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

// A BIC (SWIFT code), or null when left blank: for an employee's account and the employer's.
export const ZOptionalBic = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, "A BIC is 8 or 11 letters and digits, like NWBKGB2L.")
    .nullable()
    .default(null),
);

export const ZBankDetails = z
  .object({
    bankAccountName: z.preprocess(blankToNull, z.string().trim().max(70, "Use at most 70 characters.").nullable().default(null)),
    iban: z.preprocess(
      blankToNull,
      z.string().transform(normalizeIban).refine(isValidIban, "This is not a valid IBAN: check the country code and the digits.").nullable().default(null),
    ),
    bic: ZOptionalBic,
    sortCode: z.preprocess(
      blankToNull,
      z
        .string()
        .transform((value) => value.replace(/[\s-]/g, ""))
        .refine((value) => /^\d{6}$/.test(value), "A sort code is six digits, like 12-34-56.")
        .nullable()
        .default(null),
    ),
    bankAccountNumber: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .regex(/^\d{8}$/, "A UK account number is eight digits.")
        .nullable()
        .default(null),
    ),
  })
  .superRefine((value, context) => {
    if ((value.sortCode === null) !== (value.bankAccountNumber === null)) {
      context.addIssue({
        code: "custom",
        path: [value.sortCode === null ? "sortCode" : "bankAccountNumber"],
        message: "A sort code and an account number go together.",
      });
    }
  });

export type BankDetails = z.infer<typeof ZBankDetails>;

export function formatSortCode(sortCode: string): string {
  return `${sortCode.slice(0, 2)}-${sortCode.slice(2, 4)}-${sortCode.slice(4, 6)}`;
}

// An IBAN from a country code and a national account number (BBAN), with its check digits.
export function ibanFor(country: string, bban: string): string {
  const body = bban.replace(/\s+/g, "").toUpperCase();
  let remainder = 0;
  for (const char of `${body}${country.toUpperCase()}00`) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return `${country.toUpperCase()}${String(98 - remainder).padStart(2, "0")}${body}`;
}
