import { describe, expect, it } from "vitest";
import { parseHolidayLines } from "./parse-holiday-lines";

describe("parseHolidayLines", () => {
  it("reads one holiday per line, with an optional half-day marker", () => {
    const result = parseHolidayLines(
      ["2026-12-25, Christmas Day", "2026-12-24, Christmas Eve, half", "2026-12-31,New Year's Eve,Half day", "2026-01-01, New Year’s Day, full"].join("\n"),
    );
    expect(result.errors).toEqual([]);
    expect(result.holidays).toEqual([
      { line: 1, date: "2026-12-25", name: "Christmas Day", isHalfDay: false },
      { line: 2, date: "2026-12-24", name: "Christmas Eve", isHalfDay: true },
      { line: 3, date: "2026-12-31", name: "New Year's Eve", isHalfDay: true },
      { line: 4, date: "2026-01-01", name: "New Year’s Day", isHalfDay: false },
    ]);
  });

  it("skips blank lines and comments but keeps the line numbers people see", () => {
    const result = parseHolidayLines("# England 2026\r\n\r\n2026-04-03, Good Friday\r\n   \r\n2026-04-06, Easter Monday");
    expect(result.holidays.map((holiday) => [holiday.line, holiday.name])).toEqual([
      [3, "Good Friday"],
      [5, "Easter Monday"],
    ]);
  });

  it("accepts tab-separated columns pasted from a spreadsheet", () => {
    expect(parseHolidayLines("2026-05-04\tEarly May bank holiday\thalf").holidays).toEqual([
      { line: 1, date: "2026-05-04", name: "Early May bank holiday", isHalfDay: true },
    ]);
  });

  it("keeps commas that belong to the name", () => {
    expect(parseHolidayLines("2026-08-31, Summer bank holiday, England, Wales").holidays[0].name).toBe("Summer bank holiday, England, Wales");
  });

  it.each([
    ["25/12/2026, Christmas Day", /is not a date/],
    ["2026-02-29, Leap day that is not", /2026-02-29: Enter a real date/],
    ["2026-13-01, Month thirteen", /Enter a real date/],
    ["Christmas Day", /is not a date/],
    ["2026-12-25", /Enter the holiday's name/],
    ["2026-12-25,   ", /Enter the holiday's name/],
    ["2026-12-25, half", /Enter the holiday's name/],
    [`2026-12-25, ${"x".repeat(101)}`, /at most 100 characters/],
    ["1066-10-14, Hastings", /between 1970 and 2200/],
  ])("explains what is wrong with %j", (line, message) => {
    const result = parseHolidayLines(`2026-01-01, New Year’s Day\n${line}`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 2, text: line.trim() });
    expect(result.errors[0].message).toMatch(message);
  });

  it("refuses the same date twice, naming the first line", () => {
    const result = parseHolidayLines("2026-12-25, Christmas Day\n2026-12-26, Boxing Day\n2026-12-25, Christmas again");
    expect(result.errors).toEqual([{ line: 3, text: "2026-12-25, Christmas again", message: "2026-12-25 is already on line 1; a date can have one holiday." }]);
  });

  it("reports every bad line at once", () => {
    const result = parseHolidayLines("nonsense\n2026-12-25, Christmas Day\n2026-02-30, Nope\n2026-12-26");
    expect(result.errors.map((error) => error.line)).toEqual([1, 3, 4]);
    expect(result.holidays).toHaveLength(1);
  });

  it("asks for something when given nothing", () => {
    expect(parseHolidayLines(" \n# only a comment\n").errors[0].message).toMatch(/Paste at least one holiday/);
  });

  it("refuses more than 500 holidays at once", () => {
    const lines = Array.from({ length: 501 }, (_, index) => `${2000 + Math.floor(index / 300)}-01-${String((index % 28) + 1).padStart(2, "0")}, Day ${index}`);
    expect(parseHolidayLines(lines.join("\n")).errors[0].message).toMatch(/at most 500/);
  });
});
