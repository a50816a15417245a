import { describe, expect, it } from "vitest";
import { EMPLOYEE_CSV_COLUMNS, MAX_CSV_ROWS, NOT_UTF8, parseEmployeeCsv, toCsvValues, toEmployeeCsv, type CsvValues } from "./employee-csv";

const HEADER = "employeeNumber,firstName,lastName,workEmail,jobTitle,employmentType,hireDate";
const row = (number: string, extra: Partial<Record<string, string>> = {}) => {
  const values = {
    employeeNumber: number,
    firstName: "Ada",
    lastName: "Lovelace",
    workEmail: `${number.toLowerCase()}@example.com`,
    jobTitle: "Engineer",
    employmentType: "FULL_TIME",
    hireDate: "2024-01-15",
    ...extra,
  };
  return [values.employeeNumber, values.firstName, values.lastName, values.workEmail, values.jobTitle, values.employmentType, values.hireDate].join(",");
};
const csv = (...lines: string[]) => lines.join("\n");

describe("parseEmployeeCsv", () => {
  it("reads a valid file into validated rows with their line numbers", () => {
    const parsed = parseEmployeeCsv(csv(HEADER, row("E-1"), row("E-2")));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.errors, r.input?.employeeNumber])).toEqual([
      [2, {}, "E-1"],
      [3, {}, "E-2"],
    ]);
    expect(parsed.rows[0].input?.hireDate).toEqual(new Date("2024-01-15T00:00:00Z"));
  });

  it("strips a UTF-8 byte order mark before the header", () => {
    const parsed = parseEmployeeCsv(`\uFEFF${csv(HEADER, row("E-1"))}`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.columns[0]).toBe("employeeNumber");
    expect(parsed.rows[0].input?.employeeNumber).toBe("E-1");
  });

  it("keeps commas, quotes and line breaks inside quoted values, and counts lines correctly after them", () => {
    const parsed = parseEmployeeCsv(
      csv(
        `${HEADER},address`,
        `E-1,Ada,"Lovelace, Countess",e-1@example.com,"The ""first"" programmer",FULL_TIME,2024-01-15,"12 St James's Square\nLondon"`,
        row("E-2") + ",",
      ),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].input).toMatchObject({ lastName: "Lovelace, Countess", jobTitle: 'The "first" programmer', address: "12 St James's Square\nLondon" });
    expect(parsed.rows[1].line).toBe(4);
  });

  it("accepts CRLF line ends, blank lines, header names in any case and spacing", () => {
    const parsed = parseEmployeeCsv(
      ["Employee Number,first_name,LASTNAME,Work Email,job title,employment-type,HireDate", "", row("E-1"), "   ", row("E-2"), ""].join("\r\n"),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.line)).toEqual([3, 5]);
  });

  it("names every missing required column and reads no rows", () => {
    const parsed = parseEmployeeCsv(csv("employeeNumber,firstName,workEmail,jobTitle", "E-1,Ada,a@example.com,Engineer"));
    expect(parsed.errors).toEqual(["Missing required columns: lastName, employmentType, hireDate."]);
    expect(parsed.rows).toEqual([]);
  });

  it("warns about unknown columns and ignores their values", () => {
    const parsed = parseEmployeeCsv(csv(`${HEADER},favouriteColour`, `${row("E-1")},blue`));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual(["Unknown column “favouriteColour” is ignored."]);
    expect(parsed.rows[0].values).not.toHaveProperty("favouriteColour");
    expect(parsed.rows[0].input).not.toBeNull();
  });

  it("refuses text that was not UTF-8: replacement characters or NUL bytes", () => {
    // A UTF-16 file (BOM ff fe, then NULs between ASCII bytes) read as UTF-8.
    const utf16 = Buffer.from(`\uFEFF${csv(HEADER, row("E-1"))}`, "utf16le");
    expect(parseEmployeeCsv(new TextDecoder("utf-8").decode(utf16)).errors).toEqual([NOT_UTF8]);
    // Windows-1252 "é" (0xe9) is not valid UTF-8.
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nE-1,Ren`), Buffer.from([0xe9]), Buffer.from(",Dupont,r@example.com,Engineer,FULL_TIME,2024-01-15")]);
    expect(parseEmployeeCsv(new TextDecoder("utf-8").decode(latin1)).errors).toEqual([NOT_UTF8]);
    expect(parseEmployeeCsv("employeeNumber\u0000,firstName").errors).toEqual([NOT_UTF8]);
  });

  it("reports an empty file and a header without rows", () => {
    expect(parseEmployeeCsv("").errors).toEqual(["The file is empty."]);
    expect(parseEmployeeCsv("\uFEFF \n\n").errors).toEqual(["The file is empty."]);
    expect(parseEmployeeCsv(HEADER + "\n").errors).toEqual(["The file has a header row but no employees."]);
  });

  it("refuses more than the maximum number of rows", () => {
    const lines = [HEADER, ...Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => row(`E-${i}`))];
    expect(parseEmployeeCsv(csv(...lines)).errors).toEqual(["The file has more than 20,000 employee rows. Split it into smaller files."]);
    expect(parseEmployeeCsv(csv(...lines.slice(0, -1))).errors).toEqual([]);
  });

  it("puts each invalid value's message on its column", () => {
    const parsed = parseEmployeeCsv(
      csv(`${HEADER},salary`, `${row("E 1", { workEmail: "not-an-email", hireDate: "2024-02-30", employmentType: "permanent" })},lots`),
    );
    expect(parsed.rows[0].errors).toEqual({
      employeeNumber: "Use letters, digits, - and _ only.",
      workEmail: "Enter a valid email address.",
      hireDate: "That hire date is not a real date.",
      employmentType: "Use one of FULL_TIME, PART_TIME, CONTRACTOR, INTERN.",
      salary: "Enter the salary as a number.",
    });
    expect(parsed.rows[0].input).toBeNull();
  });

  it("accepts employment types written as words", () => {
    const parsed = parseEmployeeCsv(csv(HEADER, row("E-1", { employmentType: "part time" })));
    expect(parsed.rows[0].input?.employmentType).toBe("PART_TIME");
  });

  it("marks every row that repeats an employee number or work email", () => {
    const parsed = parseEmployeeCsv(
      csv(HEADER, row("E-1"), row("E-2"), row("E-1", { workEmail: "other@example.com" }), row("E-3", { workEmail: "E-2@Example.com" })),
    );
    expect(parsed.rows.map((r) => r.errors)).toEqual([
      { employeeNumber: "The same employee number is also on line 4." },
      { workEmail: "The same work email is also on line 5." },
      { employeeNumber: "The same employee number is also on line 2." },
      { workEmail: "The same work email is also on line 3." },
    ]);
    expect(parsed.rows.every((r) => r.input === null)).toBe(true);
  });

  it("reports a row with the wrong number of values", () => {
    const parsed = parseEmployeeCsv(csv(HEADER, `${row("E-1")},extra`, "E-2,Ada"));
    expect(parsed.rows[0].errors.row).toBe("This row has 8 values but the header has 7 columns.");
    expect(parsed.rows[1].errors.row).toBe("This row has 2 values but the header has 7 columns.");
  });

  it("reports repeated columns as a file error", () => {
    expect(parseEmployeeCsv(csv(`${HEADER},Hire Date`, `${row("E-1")},2024-01-01`)).errors).toEqual(["Each column may appear once; repeated: hireDate."]);
  });
});

describe("toEmployeeCsv", () => {
  const employee = {
    employeeNumber: "E-1",
    firstName: '=HYPERLINK("http://evil")',
    lastName: "Lovelace, Countess",
    workEmail: "ada@example.com",
    phone: "+44 20 7946 0000",
    jobTitle: "@SUM(A1)",
    employmentType: "FULL_TIME",
    hireDate: new Date("2024-01-15T00:00:00Z"),
    dateOfBirth: new Date("1990-12-10T00:00:00Z"),
    salaryCents: 8_500_050,
    salaryCurrency: "GBP",
    personalEmail: null,
    address: "12 St James's Square\nLondon",
    emergencyName: "-Charles",
    emergencyRelation: null,
    emergencyPhone: null,
    department: { code: "ENG" },
    manager: { employeeNumber: "E-0" },
  };

  it("starts with a BOM and the header, ends lines with CRLF and quotes what needs quoting", () => {
    const text = toEmployeeCsv([toCsvValues(employee)]);
    expect(text.startsWith(`\uFEFF${EMPLOYEE_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(text).toContain(`"Lovelace, Countess"`);
    expect(text).toContain(`"12 St James's Square\nLondon"`);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("prefixes cells a spreadsheet would run as formulas with an apostrophe", () => {
    const text = toEmployeeCsv([toCsvValues(employee)]);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`'@SUM(A1)`);
    expect(text).toContain(`'+44 20 7946 0000`);
    expect(text).toContain(`'-Charles`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it("round-trips: what the export writes, the import reads back as the same values", () => {
    const values: CsvValues = toCsvValues(employee);
    const parsed = parseEmployeeCsv(
      toEmployeeCsv([
        values,
        toCsvValues({ ...employee, employeeNumber: "E-2", workEmail: "e2@example.com", salaryCents: null, dateOfBirth: null, manager: null }),
      ]),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.rows[0].errors).toEqual({});
    expect(parsed.rows[0].values).toEqual(values);
    expect(parsed.rows[0].input).toMatchObject({
      firstName: employee.firstName,
      phone: employee.phone,
      salary: 85000.5,
      salaryCurrency: "GBP",
      dateOfBirth: employee.dateOfBirth,
      departmentCode: "ENG",
      managerEmployeeNumber: "E-0",
      address: employee.address,
    });
    expect(parsed.rows[1].input).toMatchObject({ salary: null, dateOfBirth: null, managerEmployeeNumber: null });
  });

  it("writes just the header line when there are no rows", () => {
    expect(toEmployeeCsv([], ["employeeNumber", "firstName"])).toBe("\uFEFFemployeeNumber,firstName\r\n");
  });

  it("writes only the columns asked for", () => {
    const text = toEmployeeCsv([toCsvValues(employee)], ["employeeNumber", "firstName"]);
    expect(text.split("\r\n")[0]).toBe("\uFEFFemployeeNumber,firstName");
    expect(text).not.toContain("GBP");
  });
});
