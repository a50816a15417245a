// Integration (SQLite): the files made from the demo's paid October run. The SEPA file is checked
// against the pain.001.001.03 schema (test/fixtures, a faithful subset; see its header) by libxml2
// compiled to WebAssembly; the register, journal and payslip PDF by what they must add up to.
import { readFileSync } from "node:fs";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { newSqliteFile } from "@/test/failover/support";
import { pdfText } from "./pdf-text.test-helper";

const TODAY = new Date("2026-11-20T10:00:00Z");
let db: (typeof import("@/lib/db"))["db"];
let closeDatabase: () => Promise<void>;
let files: typeof import("./run-files");
let bankFile: typeof import("./bank-file");
const users = {} as Record<"ADMIN" | "HR" | "MANAGER" | "EMPLOYEE", CurrentUser>;
let runId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = "";
  process.env.SQLITE_PATH = await newSqliteFile("payroll-outputs");
  ({ db, closeDatabase } = await import("@/lib/db"));
  files = await import("./run-files");
  bankFile = await import("./bank-file");
  await (await import("@/lib/seed/demo-data")).seedDemoData(TODAY);
  for (const row of await db.user.findMany({ select: { id: true, email: true, role: true, employeeId: true } })) users[row.role] = { ...row, name: row.email };
  runId = (await db.payRun.findFirstOrThrow({ where: { periodStart: new Date("2026-10-01T00:00:00Z") } })).id;
});

afterAll(async () => {
  await closeDatabase?.();
});

const text = (body: string | Uint8Array) => (typeof body === "string" ? body : strFromU8(body));
const cents = (value: string) => Math.round(Number(value) * 100);

describe("files from a paid run", () => {
  it("makes a SEPA credit transfer file valid against the pain.001.001.03 schema, with a control sum of the net pay", async () => {
    const file = await files.makeRunFile(users.HR, runId, "bank-sepa.xml");
    const xml = text(file.body);
    const result = await validateXML({
      xml: [{ fileName: "bank.xml", contents: xml }],
      schema: [{ fileName: "pain.001.001.03.xsd", contents: readFileSync("test/fixtures/pain.001.001.03-subset.xsd", "utf8") }],
    });
    expect(result.errors.map((error) => error.message)).toEqual([]);
    expect(result.valid).toBe(true);
    const net = await db.payslip.aggregate({ where: { runId, net: { gt: 0 } }, _sum: { net: true }, _count: true });
    expect(cents(/<CtrlSum>([\d.]+)<\/CtrlSum>/.exec(xml)![1])).toBe(net._sum.net);
    expect(/<NbOfTxs>(\d+)<\/NbOfTxs>/.exec(xml)![1]).toBe(String(net._count));
  });

  it("refuses a schema-breaking file: the validator is really checking", async () => {
    const xml = text((await files.makeRunFile(users.HR, runId, "bank-sepa.xml")).body).replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>CASH</PmtMtd>");
    const result = await validateXML({
      xml: [{ fileName: "bank.xml", contents: xml }],
      schema: [{ fileName: "pain.xsd", contents: readFileSync("test/fixtures/pain.001.001.03-subset.xsd", "utf8") }],
    });
    expect(result.valid).toBe(false);
  });

  it("makes a bank CSV with one payee per positive net pay", async () => {
    const csv = text((await files.makeRunFile(users.HR, runId, "bank.csv")).body)
      .trim()
      .split("\r\n");
    expect(csv[0]).toContain("Sort code");
    expect(csv.length - 1).toBe(await db.payslip.count({ where: { runId, net: { gt: 0 } } }));
  });

  it("makes a register whose rows add up to the run's totals, as CSV and as XLSX", async () => {
    const csv = text((await files.makeRunFile(users.HR, runId, "register.csv")).body)
      .trim()
      .split("\r\n");
    const header = csv[0].split(",");
    const netColumn = header.indexOf("Net pay");
    const run = await db.payRun.findUniqueOrThrow({ where: { id: runId } });
    const total = csv.slice(1).reduce((sum, line) => sum + cents(line.split(",")[netColumn]), 0);
    expect(total).toBe(JSON.parse(run.totals!).net);
    const xlsx = unzipSync((await files.makeRunFile(users.HR, runId, "register.xlsx")).body as Uint8Array);
    const sheet = strFromU8(xlsx["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain("<t>Net pay</t>");
    expect(sheet.match(/<row /g)!.length).toBe(csv.length);
  });

  it("makes a balanced journal", async () => {
    const rows = text((await files.makeRunFile(users.HR, runId, "journal.csv")).body)
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(","));
    const debit = rows.reduce((sum, row) => sum + cents(row[4] || "0"), 0);
    const credit = rows.reduce((sum, row) => sum + cents(row[5] || "0"), 0);
    expect(debit).toBeGreaterThan(0);
    expect(debit).toBe(credit);
  });

  it("refuses run files to anyone without payroll:manage", async () => {
    await expect(files.makeRunFile(users.MANAGER, runId, "register.csv")).rejects.toMatchObject({ code: "forbidden" });
    await expect(files.makeRunFile(users.EMPLOYEE, runId, "bank.csv")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a SEPA file while someone has no IBAN, naming them", async () => {
    await db.payslip.updateMany({
      where: { runId, employeeId: users.EMPLOYEE.employeeId! },
      data: { payee: JSON.stringify({ bankAccountName: null, iban: null, bic: null, sortCode: "601613", bankAccountNumber: "31926819" }) },
    });
    const run = await db.payRun.findUniqueOrThrow({ where: { id: runId } });
    await expect(bankFile.bankFileSepa(run, { name: "HRMS Demo Ltd", iban: "GB33BUKB20201555555555", bic: null })).rejects.toThrow(/no IBAN/);
  });
});

describe("the payslip PDF", () => {
  it("shows the employee their own payslip with its lines, net pay and year to date", async () => {
    const payslip = await db.payslip.findFirstOrThrow({ where: { runId, employeeId: users.EMPLOYEE.employeeId! }, include: { employee: true } });
    const pdf = await files.makePayslipPdf(users.EMPLOYEE, payslip.id);
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    const content = pdfText(pdf.body);
    expect(content).toContain("Payslip");
    expect(content).toContain(`${payslip.employee.firstName} ${payslip.employee.lastName}`);
    expect(content).toContain("Net pay");
    expect(content).toContain(`GBP ${(payslip.net / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`);
    expect(content).toContain("PAYE");
    expect(content).toContain("Tax year to date (from 2026-04-06)");
  });

  it("is not found for a manager looking at a team member's payslip", async () => {
    const payslip = await db.payslip.findFirstOrThrow({ where: { runId, employeeId: users.EMPLOYEE.employeeId! } });
    await expect(files.makePayslipPdf(users.MANAGER, payslip.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
