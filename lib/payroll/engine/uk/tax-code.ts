import { invalid } from "../errors";

// A PAYE tax code as HMRC issues it: an optional country prefix (S Scotland, C Wales), then
//   1257L / 1383M / 500T ...  a tax-free allowance of (number x 10 + 9) pounds a year
//   K475                      an amount added to taxable pay instead (untaxed benefits)
//   BR, D0, D1                all pay at the basic, higher or additional rate
//   0T                        no allowance, the usual bands
//   NT                        no tax
// and an optional " W1", " M1" or " X": the week 1/month 1 (non-cumulative) basis.
export type UkTaxCode = { country: Country; isNonCumulative: boolean; text: string } & (
  { kind: "ALLOWANCE"; number: number } | { kind: "K"; number: number } | { kind: "BR" } | { kind: "NT" } | { kind: "D"; index: number }
);

type Country = "REST" | "SCOTLAND" | "WALES";

const TAX_CODE = /^([SC])?(?:(BR|NT|0T)|D([0-8])|K(\d{1,5})|(\d{1,5})[LMNTPY])(?:\s*(?:W1|M1|X|\/W1|\/M1))?$/;

export function parseUkTaxCode(input: string, path = "taxCode"): UkTaxCode {
  const text = input.trim().toUpperCase();
  const match = TAX_CODE.exec(text);
  if (!match) throw invalid(path, `"${input}" is not a PAYE tax code (for example 1257L, K475, BR, D0, 0T, NT, 1257L M1).`);
  const [, prefix, special, dIndex, kNumber, number] = match;
  const country: Country = prefix === "S" ? "SCOTLAND" : prefix === "C" ? "WALES" : "REST";
  const isNonCumulative = /(W1|M1|X)$/.test(text);
  if (special === "BR") return { kind: "BR", country, isNonCumulative, text };
  if (special === "NT") return { kind: "NT", country, isNonCumulative, text };
  if (special === "0T") return { kind: "ALLOWANCE", number: 0, country, isNonCumulative, text };
  if (dIndex !== undefined) return { kind: "D", index: Number(dIndex), country, isNonCumulative, text };
  if (kNumber !== undefined) return { kind: "K", number: Number(kNumber), country, isNonCumulative, text };
  return { kind: "ALLOWANCE", number: Number(number), country, isNonCumulative, text };
}
