import { describe, expect, it } from "vitest";
import { annualLeaveInput } from "@/test/fixtures/leave-types";
import { leaveTypeFormInput, ZLeaveTypeInput } from "./leave-types";

const FORM = {
  code: "al",
  name: " Annual leave ",
  isPaid: "on",
  yearlyHalfDays: "25",
  accrual: "UPFRONT",
  carryForwardMaxHalfDays: "5",
  carryForwardExpiryMonths: "3",
  maxConsecutiveDays: "",
  allowsHalfDays: "on",
  employmentTypes: ["PART_TIME", "FULL_TIME"],
  isActive: "on",
  color: "#3B6CF6",
};

describe("ZLeaveTypeInput", () => {
  it("turns days into half-days and checkboxes into booleans", () => {
    expect(ZLeaveTypeInput.parse(FORM)).toEqual(annualLeaveInput({ employmentTypes: "FULL_TIME,PART_TIME" }));
  });

  it("reads an empty entitlement as no yearly limit and no employment types as everyone", () => {
    expect(
      ZLeaveTypeInput.parse({ ...FORM, yearlyHalfDays: "", carryForwardMaxHalfDays: "", carryForwardExpiryMonths: "", employmentTypes: [] }),
    ).toMatchObject({ yearlyHalfDays: 0, carryForwardMaxHalfDays: 0, employmentTypes: "" });
  });

  it("accepts half days", () => {
    expect(ZLeaveTypeInput.parse({ ...FORM, yearlyHalfDays: "12.5" }).yearlyHalfDays).toBe(25);
  });

  it.each([
    [{ yearlyHalfDays: "12.25" }, "yearlyHalfDays", /whole or half days/],
    [{ yearlyHalfDays: "-1" }, "yearlyHalfDays", /0 or more/],
    [{ yearlyHalfDays: "400" }, "yearlyHalfDays", /at most 366/],
    [{ yearlyHalfDays: "lots" }, "yearlyHalfDays", /in days/],
    [{ carryForwardExpiryMonths: "13" }, "carryForwardExpiryMonths", /at most 12/],
    [{ carryForwardExpiryMonths: "1.5" }, "carryForwardExpiryMonths", /whole number/],
    [{ carryForwardMaxHalfDays: "0" }, "carryForwardExpiryMonths", /nothing can lapse/],
    [{ maxConsecutiveDays: "0" }, "maxConsecutiveDays", /1 or more/],
    [{ accrual: "WEEKLY" }, "accrual", /Choose how/],
    [{ accrual: "MONTHLY", yearlyHalfDays: "0" }, "accrual", /nothing to accrue/],
    [{ employmentTypes: ["VOLUNTEER"] }, "employmentTypes.0", /from the list/],
    [{ code: "A L" }, "code", /letters, digits/],
    [{ code: "" }, "code", /short code/],
    [{ name: "" }, "name", /Enter a name/],
    [{ color: "blue" }, "color", /like #3b6cf6/],
  ])("refuses %j beside the field", (change, field, message) => {
    const result = ZLeaveTypeInput.safeParse({ ...FORM, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((item) => item.path.join(".") === field);
    expect(issue?.message).toMatch(message);
  });
});

describe("leaveTypeFormInput", () => {
  it("keeps every ticked employment type", () => {
    const form = new FormData();
    form.set("code", "SL");
    form.append("employmentTypes", "FULL_TIME");
    form.append("employmentTypes", "INTERN");
    expect(leaveTypeFormInput(form)).toEqual({ code: "SL", employmentTypes: ["FULL_TIME", "INTERN"] });
  });
});
