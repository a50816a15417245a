import { describe, expect, it } from "vitest";
import { ZEmployeeInput, ZStatusChange } from "./employees";

// What the create/edit form posts for a valid employee: every value a string, as in FormData.
const VALID = {
  employeeNumber: "E-1001",
  firstName: "Ada",
  lastName: "Lovelace",
  workEmail: "ada@example.com",
  phone: "",
  jobTitle: "Engineer",
  departmentId: "",
  managerId: "",
  employmentType: "FULL_TIME",
  hireDate: "2024-03-01",
  dateOfBirth: "",
  salary: "",
  salaryCurrency: "GBP",
  personalEmail: "",
  address: "",
  emergencyName: "",
  emergencyRelation: "",
  emergencyPhone: "",
};

function firstIssue(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const issue = result.error?.issues[0];
  return issue ? { path: issue.path.join("."), message: issue.message } : null;
}

describe("ZEmployeeInput refuses what HR must correct, beside the right field", () => {
  it.each([
    { case: "a malformed work email", change: { workEmail: "ada@" }, path: "workEmail", message: /valid email/ },
    { case: "a date that does not exist (29 Feb 2023)", change: { hireDate: "2023-02-29" }, path: "hireDate", message: /not a real date/ },
    { case: "a date in the wrong format", change: { hireDate: "01/03/2024" }, path: "hireDate", message: /YYYY-MM-DD/ },
    { case: "a missing hire date", change: { hireDate: "" }, path: "hireDate", message: /hire date/ },
    { case: "a date of birth after the hire date", change: { dateOfBirth: "2024-05-01" }, path: "dateOfBirth", message: /before the hire date/ },
    { case: "a negative salary", change: { salary: "-1" }, path: "salary", message: /cannot be negative/ },
    { case: "a salary that is not a number", change: { salary: "lots" }, path: "salary", message: /number/ },
    { case: "a blank first name", change: { firstName: "   " }, path: "firstName", message: /first name/ },
    { case: "an unknown employment type", change: { employmentType: "VOLUNTEER" }, path: "employmentType", message: /employment type/ },
    { case: "a malformed currency", change: { salaryCurrency: "pounds" }, path: "salaryCurrency", message: /three-letter/ },
    { case: "a malformed personal email", change: { personalEmail: "not-an-email" }, path: "personalEmail", message: /valid email/ },
    { case: "letters in a phone number", change: { phone: "call me" }, path: "phone", message: /digits/ },
  ])("$case", ({ change, path, message }) => {
    const result = ZEmployeeInput.safeParse({ ...VALID, ...change });
    expect(result.success).toBe(false);
    expect(firstIssue(result)?.path).toBe(path);
    expect(firstIssue(result)?.message).toMatch(message);
  });
});

describe("ZEmployeeInput normalises what it accepts", () => {
  it("trims names and titles and lower-cases the work email", () => {
    const result = ZEmployeeInput.parse({ ...VALID, firstName: "  Ada ", lastName: " Lovelace  ", jobTitle: " Engineer ", workEmail: "  Ada@Example.COM " });
    expect(result).toMatchObject({ firstName: "Ada", lastName: "Lovelace", jobTitle: "Engineer", workEmail: "ada@example.com" });
  });

  it("turns empty optional fields into null", () => {
    const result = ZEmployeeInput.parse({ ...VALID, address: "   " });
    expect(result).toMatchObject({
      phone: null,
      departmentId: null,
      managerId: null,
      dateOfBirth: null,
      salary: null,
      personalEmail: null,
      address: null,
      emergencyName: null,
      emergencyRelation: null,
      emergencyPhone: null,
    });
  });

  it.each([
    { salary: "85,000", expected: 85_000 },
    { salary: "85000.50", expected: 85_000.5 },
    { salary: "0", expected: 0 },
  ])("reads the salary $salary as $expected", ({ salary, expected }) => {
    expect(ZEmployeeInput.parse({ ...VALID, salary }).salary).toBe(expected);
  });

  it("stores calendar dates at UTC midnight, leap days included", () => {
    const result = ZEmployeeInput.parse({ ...VALID, hireDate: "2024-02-29", dateOfBirth: "1990-12-31" });
    expect(result.hireDate.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(result.dateOfBirth?.toISOString()).toBe("1990-12-31T00:00:00.000Z");
  });
});

describe("ZStatusChange: leaving needs an exit date and a reason", () => {
  it.each([
    { case: "terminated without an exit date", input: { status: "TERMINATED", exitDate: "", exitReason: "Resigned" }, error: "exitDate" },
    { case: "terminated without a reason", input: { status: "TERMINATED", exitDate: "2025-01-31", exitReason: "  " }, error: "exitReason" },
    { case: "terminated on a date that does not exist", input: { status: "TERMINATED", exitDate: "2025-02-30", exitReason: "Resigned" }, error: "exitDate" },
    { case: "an unknown status", input: { status: "RETIRED", exitDate: "", exitReason: "" }, error: "status" },
    { case: "terminated with both", input: { status: "TERMINATED", exitDate: "2025-01-31", exitReason: "Resigned" }, error: null },
    { case: "on leave with neither", input: { status: "ON_LEAVE", exitDate: "", exitReason: "" }, error: null },
    { case: "active with neither", input: { status: "ACTIVE" }, error: null },
  ])("$case", ({ input, error }) => {
    const result = ZStatusChange.safeParse(input);
    expect(result.success).toBe(error === null);
    if (error) expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(error);
  });

  it("trims the reason and reads the exit date as a UTC calendar date", () => {
    const result = ZStatusChange.parse({ status: "TERMINATED", exitDate: "2025-01-31", exitReason: "  Moved abroad " });
    expect(result).toEqual({ status: "TERMINATED", exitDate: new Date("2025-01-31T00:00:00Z"), exitReason: "Moved abroad" });
  });
});
