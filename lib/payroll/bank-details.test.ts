import { describe, expect, it } from "vitest";
import { ibanFor, isValidIban, ZBankDetails } from "./bank-details";

// IBANs from the registry's published examples (SWIFT IBAN Registry): GB, DE, FR.
describe("bank details", () => {
  it("accepts valid IBANs with or without spaces, and refuses a wrong check digit", () => {
    expect(isValidIban("GB29 NWBK 6016 1331 9268 19")).toBe(true);
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("FR1420041010050500013M02606")).toBe(true);
    expect(isValidIban("GB28NWBK60161331926819")).toBe(false);
    expect(isValidIban("GB29NWBK6016133192681")).toBe(false);
  });

  it("works out check digits for a national account number", () => {
    expect(ibanFor("GB", "NWBK60161331926819")).toBe("GB29NWBK60161331926819");
    expect(ibanFor("DE", "370400440532013000")).toBe("DE89370400440532013000");
  });

  it("stores details compact, and says which field is wrong", () => {
    expect(ZBankDetails.parse({ iban: "gb29 nwbk 6016 1331 9268 19", sortCode: "60-16-13", bankAccountNumber: "31926819", bic: "nwbkgb2l" })).toEqual({
      bankAccountName: null,
      iban: "GB29NWBK60161331926819",
      bic: "NWBKGB2L",
      sortCode: "601613",
      bankAccountNumber: "31926819",
    });
    const result = ZBankDetails.safeParse({ iban: "GB00NWBK60161331926819", sortCode: "60-16-13" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining(["iban", "bankAccountNumber"]));
  });
});
