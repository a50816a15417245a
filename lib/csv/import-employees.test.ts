import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { setUpSqliteDatabase } from "@/test/helpers/services";

// A real SQLite database, set up before the data layer reads its settings.
await setUpSqliteDatabase("csv-import");

type Services = typeof import("./import-employees");
type Data = typeof import("@/lib/db");

let previewImport: Services["previewImport"];
let commitImport: Services["commitImport"];
let db: Data["db"];
let closeDatabase: Data["closeDatabase"];

const hr: CurrentUser = { id: "user-hr", email: "hr@example.com", role: "HR", employeeId: null, name: "HR Person" };
const manager: CurrentUser = { id: "user-manager", email: "manager@example.com", role: "MANAGER", employeeId: null, name: "A Manager" };

const HEADER = "employeeNumber,firstName,lastName,workEmail,jobTitle,employmentType,hireDate,departmentCode,managerEmployeeNumber,salary";

type RowFields = { number: string; first?: string; title?: string; department?: string; manager?: string; salary?: string; email?: string };
const line = ({ number, first = "Ada", title = "Engineer", department = "ENG", manager = "", salary = "", email }: RowFields) =>
  [
    number,
    first,
    `Tester ${number}`,
    email ?? `${number.toLowerCase()}@import.example.com`,
    title,
    "FULL_TIME",
    "2024-01-15",
    department,
    manager,
    salary,
  ].join(",");
const file = (...rows: RowFields[]) => [HEADER, ...rows.map(line)].join("\n");

beforeAll(async () => {
  ({ previewImport, commitImport } = await import("./import-employees"));
  ({ db, closeDatabase } = await import("@/lib/db"));
  const engineering = await db.department.create({ data: { name: "Engineering", code: "ENG" } });
  await db.department.create({ data: { name: "Sales", code: "SALES" } });
  await db.employee.create({
    data: {
      employeeNumber: "X-1",
      firstName: "Ada",
      lastName: "Tester X-1",
      workEmail: "x-1@import.example.com",
      jobTitle: "Engineer",
      hireDate: new Date("2024-01-15T00:00:00Z"),
      departmentId: engineering.id,
    },
  });
  await db.employee.create({
    data: {
      employeeNumber: "X-2",
      firstName: "Ada",
      lastName: "Tester X-2",
      workEmail: "x-2@import.example.com",
      jobTitle: "Engineer",
      hireDate: new Date("2024-01-15T00:00:00Z"),
      departmentId: engineering.id,
    },
  });
});

afterAll(async () => {
  await closeDatabase();
});

describe("previewImport", () => {
  it("says per row whether it creates, updates or skips, and which columns an update changes", async () => {
    const preview = await previewImport(hr, file({ number: "X-1" }, { number: "X-2", title: "Staff Engineer", department: "SALES" }, { number: "P-1" }));
    expect(preview.isValid).toBe(true);
    expect(preview.summary).toEqual({ rows: 3, create: 1, update: 1, skip: 1, invalid: 0 });
    expect(preview.rows.map((row) => [row.values.employeeNumber, row.action, row.changed])).toEqual([
      ["X-1", "skip", []],
      ["X-2", "update", ["jobTitle", "departmentCode"]],
      ["P-1", "create", []],
    ]);
  });

  it("reports unknown departments, unknown managers, self-management and a taken work email on their cells", async () => {
    const preview = await previewImport(
      hr,
      file(
        { number: "P-2", department: "NOPE" },
        { number: "P-3", manager: "Z-404" },
        { number: "P-4", manager: "P-4" },
        { number: "P-5", email: "x-1@import.example.com" },
      ),
    );
    expect(preview.isValid).toBe(false);
    expect(preview.rows.map((row) => row.errors)).toEqual([
      { departmentCode: "No department has the code “NOPE”." },
      { managerEmployeeNumber: "No employee has the number “Z-404”, in the directory or in this file." },
      { managerEmployeeNumber: "An employee cannot manage themselves." },
      { workEmail: "Employee X-1 already uses this work email." },
    ]);
    expect(preview.rows.every((row) => row.action === null)).toBe(true);
  });

  it("finds a reporting loop made by the file, through existing employees too", async () => {
    const preview = await previewImport(
      hr,
      file({ number: "L-1", manager: "L-2" }, { number: "L-2", manager: "X-1" }, { number: "X-1", manager: "L-1" }, { number: "L-3", manager: "L-1" }),
    );
    expect(preview.rows.map((row) => Boolean(row.errors.managerEmployeeNumber))).toEqual([true, true, true, false]);
  });

  it("is refused to someone without the import permission", async () => {
    await expect(previewImport(manager, file({ number: "P-1" }))).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("commitImport", () => {
  it("writes nothing when one row is invalid", async () => {
    const before = { employees: await db.employee.count(), audit: await db.auditLog.count() };
    const outcome = await commitImport(
      hr,
      file({ number: "N-1" }, { number: "N-2" }, { number: "N-3", department: "NOPE" }, { number: "X-2", title: "Changed" }),
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.preview.summary.invalid).toBe(1);
    expect(await db.employee.count()).toBe(before.employees);
    expect(await db.auditLog.count()).toBe(before.audit);
    expect((await db.employee.findUnique({ where: { employeeNumber: "X-2" } }))?.jobTitle).toBe("Engineer");
  });

  it("creates and updates, audits each row under the importer's name, and skips everything the second time", async () => {
    const text = file({ number: "I-1", salary: '"85,000.50"' }, { number: "I-2", manager: "I-1" }, { number: "X-2", title: "Principal Engineer" });
    const first = await commitImport(hr, text);
    expect(first).toEqual({ ok: true, result: { created: 2, updated: 1, skipped: 0 } });
    const created = await db.employee.findUnique({
      where: { employeeNumber: "I-1" },
      select: { id: true, salaryCents: true, department: { select: { code: true } } },
    });
    expect(created).toMatchObject({ salaryCents: 8_500_050, department: { code: "ENG" } });
    expect((await db.employee.findUnique({ where: { employeeNumber: "I-2" } }))?.managerId).toBe(created?.id);
    expect((await db.employee.findUnique({ where: { employeeNumber: "X-2" } }))?.jobTitle).toBe("Principal Engineer");
    const audit = await db.auditLog.findMany({ where: { actorEmail: hr.email, entity: "Employee" }, orderBy: { createdAt: "asc" } });
    expect(audit.filter((entry) => entry.action === "create")).toHaveLength(2);
    expect(JSON.parse(audit.find((entry) => entry.action === "update")!.changes)).toEqual({ jobTitle: { from: "Engineer", to: "Principal Engineer" } });

    const employees = await db.employee.count();
    const second = await commitImport(hr, text);
    expect(second).toEqual({ ok: true, result: { created: 0, updated: 0, skipped: 3 } });
    expect(await db.employee.count()).toBe(employees);
  });

  it("links a manager who appears later in the same file", async () => {
    const outcome = await commitImport(hr, file({ number: "M-3", manager: "M-2" }, { number: "M-2", manager: "M-1" }, { number: "M-1" }));
    expect(outcome.ok).toBe(true);
    const rows = await db.employee.findMany({
      where: { employeeNumber: { in: ["M-1", "M-2", "M-3"] } },
      select: { id: true, employeeNumber: true, managerId: true },
    });
    const id = (number: string) => rows.find((row) => row.employeeNumber === number)!.id;
    expect(rows.find((row) => row.employeeNumber === "M-3")!.managerId).toBe(id("M-2"));
    expect(rows.find((row) => row.employeeNumber === "M-2")!.managerId).toBe(id("M-1"));
    expect(rows.find((row) => row.employeeNumber === "M-1")!.managerId).toBeNull();
  });

  it("leaves columns absent from the file unchanged on update", async () => {
    const before = await db.employee.findUnique({ where: { employeeNumber: "I-1" }, select: { salaryCents: true, departmentId: true, managerId: true } });
    const outcome = await commitImport(
      hr,
      [
        "employeeNumber,firstName,lastName,workEmail,jobTitle,employmentType,hireDate",
        "I-1,Ada,Tester I-1,i-1@import.example.com,Director,FULL_TIME,2024-01-15",
      ].join("\n"),
    );
    expect(outcome).toEqual({ ok: true, result: { created: 0, updated: 1, skipped: 0 } });
    expect(await db.employee.findUnique({ where: { employeeNumber: "I-1" }, select: { salaryCents: true, departmentId: true, managerId: true } })).toEqual(
      before,
    );
  });

  it("reports progress while writing", async () => {
    const seen: string[] = [];
    await commitImport(hr, file({ number: "G-1" }, { number: "G-2" }), (progress) => seen.push(`${progress.phase} ${progress.done}/${progress.total}`));
    expect(seen).toEqual(["validating 0/0", "writing 0/2", "writing 2/2"]);
  });

  it("imports 10,000 rows, managers anywhere in the file", { timeout: 180_000 }, async () => {
    // Each employee's manager is one of the earlier numbers; the rows are reversed so most
    // managers appear after the people they manage.
    const rows: RowFields[] = Array.from({ length: 10_000 }, (_, i) => ({
      number: `B-${i}`,
      manager: i === 0 ? "" : `B-${Math.floor((i - 1) / 8)}`,
      department: i % 2 ? "ENG" : "SALES",
    })).reverse();
    const text = file(...rows);
    const employees = await db.employee.count();

    const started = performance.now();
    const preview = await previewImport(hr, text);
    const previewed = performance.now();
    expect(preview.isValid).toBe(true);
    expect(preview.summary).toEqual({ rows: 10_000, create: 10_000, update: 0, skip: 0, invalid: 0 });

    const outcome = await commitImport(hr, text);
    const committed = performance.now();
    console.log(`10,000-row import: preview ${Math.round(previewed - started)} ms, commit ${Math.round(committed - previewed)} ms`);
    expect(outcome).toEqual({ ok: true, result: { created: 10_000, updated: 0, skipped: 0 } });
    expect(await db.employee.count()).toBe(employees + 10_000);
    expect(
      await db.auditLog.count({
        where: {
          entity: "Employee",
          action: "create",
          entityId: {
            in: (await db.employee.findMany({ where: { employeeNumber: { startsWith: "B-" } }, select: { id: true }, take: 500 })).map((row) => row.id),
          },
        },
      }),
    ).toBe(500);
    const leaf = await db.employee.findUnique({ where: { employeeNumber: "B-9999" }, select: { manager: { select: { employeeNumber: true } } } });
    expect(leaf?.manager?.employeeNumber).toBe(`B-${Math.floor(9998 / 8)}`);
  });
});
