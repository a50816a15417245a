import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection, setUpSqliteDatabase, userWith } from "@/test/helpers/services";

// A real SQLite database of its own; the services are imported after it is configured.
await setUpSqliteDatabase("holidays");

let list: typeof import("./list-holidays");
let save: typeof import("./save-holiday");
let imports: typeof import("./import-holidays");
let workWeek: typeof import("./work-week");
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

const HR = userWith("HR");

beforeAll(async () => {
  list = await import("./list-holidays");
  save = await import("./save-holiday");
  imports = await import("./import-holidays");
  workWeek = await import("./work-week");
  ({ db, closeDatabase } = await import("@/lib/db"));
});

afterAll(async () => {
  await closeDatabase();
});

describe("holidays", () => {
  it("creates, lists by year, edits and deletes a holiday, audited under the user's name", async () => {
    const { id } = await save.createHoliday(HR, { date: "2030-12-25", name: "Christmas", isHalfDay: false });
    await save.createHoliday(HR, { date: "2031-01-01", name: "New Year", isHalfDay: false });
    expect((await list.listHolidays(2030)).map((holiday) => [holiday.date, holiday.name])).toEqual([["2030-12-25", "Christmas"]]);

    const [row] = await list.listHolidays(2030);
    await save.updateHoliday(HR, id, row.version, { date: "2030-12-24", name: "Christmas Eve", isHalfDay: true });
    expect(await list.listHolidays(2030)).toMatchObject([{ date: "2030-12-24", name: "Christmas Eve", isHalfDay: true, version: 2 }]);

    await save.deleteHoliday(HR, id);
    expect(await list.listHolidays(2030)).toEqual([]);
    const audit = await db.auditLog.findMany({
      where: { entity: "Holiday", entityId: id },
      select: { action: true, actorEmail: true },
      orderBy: { createdAt: "asc" },
    });
    expect(audit).toEqual([
      { action: "create", actorEmail: "hr@example.com" },
      { action: "update", actorEmail: "hr@example.com" },
      { action: "delete", actorEmail: "hr@example.com" },
    ]);
  });

  it("refuses a second holiday on the same date, beside the date field", async () => {
    await save.createHoliday(HR, { date: "2032-05-03", name: "May Day", isHalfDay: false });
    const error = await rejection(save.createHoliday(HR, { date: "2032-05-03", name: "Another", isHalfDay: false }));
    expect(error.fields?.date).toMatch(/May Day is already on this date/);
  });

  it("refuses an edit made on an old version", async () => {
    const { id } = await save.createHoliday(HR, { date: "2033-01-01", name: "New Year", isHalfDay: false });
    await save.updateHoliday(HR, id, 1, { date: "2033-01-01", name: "New Year's Day", isHalfDay: false });
    const error = await rejection(save.updateHoliday(HR, id, 1, { date: "2033-01-01", name: "Stale", isHalfDay: false }));
    expect(error.code).toBe("conflict");
  });

  it("says not found for a holiday deleted meanwhile", async () => {
    expect((await rejection(save.deleteHoliday(HR, "no-such-holiday"))).code).toBe("not_found");
  });

  it.each(["EMPLOYEE", "MANAGER"] as const)("refuses every change by a %s", async (role) => {
    const user = userWith(role);
    const input = { date: "2034-06-01", name: "Nope", isHalfDay: false };
    expect((await rejection(save.createHoliday(user, input))).code).toBe("forbidden");
    expect((await rejection(save.updateHoliday(user, "any", 1, input))).code).toBe("forbidden");
    expect((await rejection(save.deleteHoliday(user, "any"))).code).toBe("forbidden");
    expect((await rejection(imports.importHolidays(user, "2034-06-01, Nope"))).code).toBe("forbidden");
    expect((await rejection(workWeek.saveWorkWeek(user, [1, 2, 3]))).code).toBe("forbidden");
    expect(await list.listHolidays(2034)).toEqual([]);
  });
});

describe("importHolidays", () => {
  const LIST = "2035-12-25, Christmas Day\n2035-12-26, Boxing Day\n2035-12-24, Christmas Eve, half";

  it("adds every line, then changes nothing when the same list is pasted again", async () => {
    expect(await imports.importHolidays(HR, LIST)).toEqual({ ok: true, added: 3, updated: 0, unchanged: 0, years: [2035] });
    expect(await imports.importHolidays(HR, LIST)).toEqual({ ok: true, added: 0, updated: 0, unchanged: 3, years: [2035] });
    expect(await list.listHolidays(2035)).toHaveLength(3);
  });

  it("updates a date's name and length in place", async () => {
    await imports.importHolidays(HR, "2036-12-24, Christmas Eve");
    expect(await imports.importHolidays(HR, "2036-12-24, Christmas Eve (afternoon off), half")).toMatchObject({ ok: true, added: 0, updated: 1 });
    expect(await list.listHolidays(2036)).toMatchObject([{ date: "2036-12-24", name: "Christmas Eve (afternoon off)", isHalfDay: true }]);
  });

  it("writes nothing when any line is wrong, and says which", async () => {
    const result = await imports.importHolidays(HR, "2037-01-01, New Year\n2037-02-30, Not a day\n2037-12-25, Christmas");
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2 }] });
    expect(await list.listHolidays(2037)).toEqual([]);
  });
});

describe("work week", () => {
  it("reads Monday to Friday until set, then what was saved, and counts the year's working days with it", async () => {
    await imports.importHolidays(HR, "2038-01-01, New Year (Friday)\n2038-01-03, A Sunday\n2038-12-24, Christmas Eve, half");
    // 2038 starts on a Friday: 261 weekdays, less New Year and half of Christmas Eve (a Friday).
    expect(await workWeek.yearCalendarSummary(2038)).toEqual({
      year: 2038,
      workWeek: [1, 2, 3, 4, 5],
      workingHalfDays: 2 * 261 - 2 - 1,
      holidaysOnWorkingDays: 2,
    });

    await workWeek.saveWorkWeek(HR, [7, 1, 2, 3, 4]);
    // Sunday to Thursday: the Sunday holiday now costs a day and the Friday ones nothing.
    const summary = await workWeek.yearCalendarSummary(2038);
    expect(summary.workWeek).toEqual([1, 2, 3, 4, 7]);
    expect(summary.holidaysOnWorkingDays).toBe(1);
    // 2038 has 260 Sundays-to-Thursdays.
    expect(summary.workingHalfDays).toBe(2 * 260 - 2);
    const audit = await db.auditLog.findFirst({ where: { entity: "Setting", entityId: "work-week" }, select: { actorEmail: true } });
    expect(audit?.actorEmail).toBe("hr@example.com");
  });
});
