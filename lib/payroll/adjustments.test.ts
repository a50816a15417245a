// Integration (a real SQLite file with the demo organisation): one-offs that show as lines on the
// payslip, corrections carried into the next open run, the rule that nobody changes their own pay,
// bank details kept from managers, the employer's account and tax years set up with checks; every
// change in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { newSqliteFile } from "@/test/failover/support";

const TODAY = new Date("2026-11-20T10:00:00Z");

let db: (typeof import("@/lib/db"))["db"];
let closeDatabase: () => Promise<void>;
let adjustments: typeof import("./adjustments");
let setup: typeof import("./setup");
let runs: typeof import("./calculate-run") & typeof import("./create-run") & typeof import("./approve-run");
let getPayslip: (typeof import("./get-payslip"))["getPayslip"];
let bank: typeof import("./save-bank-details");
let employer: typeof import("./employer-settings");
let listAuditEntries: (typeof import("@/lib/audit/list-audit"))["listAuditEntries"];
const users = {} as Record<"ADMIN" | "HR" | "MANAGER" | "EMPLOYEE", CurrentUser>;
let scheduleId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = "";
  process.env.SQLITE_PATH = await newSqliteFile("payroll-adjustments");
  ({ db, closeDatabase } = await import("@/lib/db"));
  adjustments = await import("./adjustments");
  setup = await import("./setup");
  runs = { ...(await import("./calculate-run")), ...(await import("./create-run")), ...(await import("./approve-run")) };
  ({ getPayslip } = await import("./get-payslip"));
  bank = await import("./save-bank-details");
  employer = await import("./employer-settings");
  ({ listAuditEntries } = await import("@/lib/audit/list-audit"));
  await (await import("@/lib/seed/demo-data")).seedDemoData(TODAY);
  for (const row of await db.user.findMany({ select: { id: true, email: true, role: true, employeeId: true } })) users[row.role] = { ...row, name: row.email };
  scheduleId = (await db.paySchedule.findUniqueOrThrow({ where: { code: "UK_MONTHLY" }, select: { id: true } })).id;
});

afterAll(async () => {
  await closeDatabase?.();
});

const employeeId = () => users.EMPLOYEE.employeeId!;
const bonus = (overrides: Partial<Parameters<typeof adjustments.addPayAdjustment>[1]> = {}) => ({
  employeeId: employeeId(),
  periodStart: "2026-11-15",
  code: "BONUS",
  name: "Annual bonus",
  kind: "EARNING" as const,
  amount: 75_000,
  reason: "Shipped the payroll module",
  ...overrides,
});

async function payslipOf(runId: string, who: string) {
  const row = await db.payslip.findFirstOrThrow({ where: { runId, employeeId: who }, select: { id: true } });
  return getPayslip(users.HR, row.id);
}

describe("nobody changes their own pay", () => {
  it("refuses HR's own assignment, one-off and correction with a sentence that says so, and lets a colleague do them", async () => {
    const hrEmployee = users.HR.employeeId!;
    const structure = await db.salaryStructure.findFirstOrThrow({ where: { code: "STANDARD" }, select: { id: true } });
    const assignment = { employeeId: hrEmployee, structureId: structure.id, scheduleId, effectiveFrom: "2026-12-01", baseAmount: 9_900_000 };
    await expect(setup.assignSalary(users.HR, assignment)).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("your own pay") });
    await expect(adjustments.addPayAdjustment(users.HR, bonus({ employeeId: hrEmployee }))).rejects.toMatchObject({ code: "forbidden" });
    const paid = await db.payslip.findFirstOrThrow({ where: { employeeId: hrEmployee, run: { status: "PAID" } }, select: { id: true } });
    await expect(adjustments.correctPayslip(users.HR, { payslipId: paid.id, difference: 100, reason: "raise" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.salaryAssignment.count({ where: { employeeId: hrEmployee, effectiveFrom: new Date("2026-12-01T00:00:00Z") } })).toBe(0);
    expect(await db.payAdjustment.count({ where: { employeeId: hrEmployee } })).toBe(0);

    await setup.assignSalary(users.ADMIN, assignment);
    expect(await db.salaryAssignment.count({ where: { employeeId: hrEmployee, effectiveFrom: new Date("2026-12-01T00:00:00Z") } })).toBe(1);
  });

  it("lets a payroll user keep their own bank details", async () => {
    const own = await bank.getBankDetails(users.HR, users.HR.employeeId!);
    const saved = await bank.saveBankDetails(users.HR, users.HR.employeeId!, own.version, {
      bankAccountName: "Aisha Okafor",
      iban: "GB29NWBK60161331926819",
      bic: "NWBKGB2L",
      sortCode: null,
      bankAccountNumber: null,
    });
    expect(saved.version).toBe(own.version + 1);
  });
});

describe("one-offs", () => {
  let runId: string;
  let bonusId: string;

  it("files a one-off under the first day of the employee's pay period, and refuses a component's code or a missing reason", async () => {
    const created = await adjustments.addPayAdjustment(users.HR, bonus());
    bonusId = created.id;
    expect(created.periodStart.toISOString().slice(0, 10)).toBe("2026-11-01");
    await expect(adjustments.addPayAdjustment(users.HR, bonus({ code: "BASIC" }))).rejects.toMatchObject({
      code: "validation_failed",
      fields: { code: expect.stringContaining("component") },
    });
    await expect(adjustments.addPayAdjustment(users.HR, bonus({ reason: "  " }))).rejects.toMatchObject({ fields: { reason: expect.any(String) } });
    await expect(adjustments.addPayAdjustment(users.MANAGER, bonus())).rejects.toMatchObject({ code: "forbidden" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: bonusId, action: "create" } });
    expect(audit.actorEmail).toBe(users.HR.email);
  });

  it("shows as a line with its reason on the payslip once the run is calculated", async () => {
    await adjustments.addPayAdjustment(
      users.HR,
      bonus({ code: "ADVANCE_RECOVERY", name: "Advance recovered", kind: "DEDUCTION", amount: 20_000, reason: "Advance of 2 Nov" }),
    );
    runId = (await runs.createPayRun(users.HR, { scheduleId, date: "2026-11-01" })).id;
    await runs.calculatePayRun(users.HR, runId, { today: "2026-11-20" });
    const payslip = await payslipOf(runId, employeeId());
    expect(payslip.lines.find((line) => line.code === "BONUS")).toMatchObject({
      kind: "EARNING",
      amount: 75_000,
      name: "Annual bonus",
      basis: expect.stringContaining("Shipped the payroll module"),
    });
    expect(payslip.lines.find((line) => line.code === "ADVANCE_RECOVERY")).toMatchObject({ kind: "DEDUCTION", amount: 20_000 });
    const listed = await adjustments.listPayAdjustments(users.HR, { periodStart: "2026-11-01", page: 1, pageSize: 50 });
    expect(listed.rows.filter((row) => row.employeeId === employeeId()).map((row) => [row.code, row.currency, row.isLocked])).toEqual(
      expect.arrayContaining([
        ["BONUS", "GBP", false],
        ["ADVANCE_RECOVERY", "GBP", false],
      ]),
    );
  });

  it("can be taken back before the run is approved (audited), and the recalculated payslip loses the line", async () => {
    await expect(adjustments.deletePayAdjustment(users.EMPLOYEE, bonusId)).rejects.toMatchObject({ code: "forbidden" });
    await adjustments.deletePayAdjustment(users.HR, bonusId);
    expect(await db.payAdjustment.findUnique({ where: { id: bonusId } })).toBeNull();
    expect(await db.auditLog.findFirst({ where: { entityId: bonusId, action: "delete" } })).not.toBeNull();
    await runs.calculatePayRun(users.HR, runId, { today: "2026-11-20" });
    expect((await payslipOf(runId, employeeId())).lines.some((line) => line.code === "BONUS")).toBe(false);
  });

  it("is refused for, and cannot be removed from, a period whose run is approved", async () => {
    await expect(adjustments.addPayAdjustment(users.HR, bonus({ periodStart: "2026-10-10" }))).rejects.toMatchObject({ code: "conflict" });
    const seeded = await db.payAdjustment.findFirstOrThrow({
      where: { periodStart: new Date("2026-10-01T00:00:00Z") },
      select: { id: true, employeeId: true },
    });
    const actor = seeded.employeeId === users.HR.employeeId ? users.ADMIN : users.HR;
    await expect(adjustments.deletePayAdjustment(actor, seeded.id)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("corrections of a locked payslip", () => {
  it("pays the difference to the corrected gross as arrears in the next open period, named and explained on that payslip", async () => {
    const october = await db.payslip.findFirstOrThrow({
      where: { employeeId: employeeId(), run: { periodStart: new Date("2026-10-01T00:00:00Z") } },
      select: { id: true, gross: true },
    });
    // "Should have been £100.00 more": the correction is typed as the corrected gross in pounds.
    const created = await adjustments.correctPayslip(users.HR, {
      payslipId: october.id,
      correctedGrossMajor: (october.gross + 10_000) / 100,
      reason: "Overtime missed",
    });
    expect(created.periodStart.toISOString().slice(0, 10)).toBe("2026-11-01");
    const row = await db.payAdjustment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ code: "ARREARS", kind: "EARNING", amount: 10_000, correctsPayslipId: october.id });

    const november = await db.payRun.findFirstOrThrow({ where: { periodStart: new Date("2026-11-01T00:00:00Z") }, select: { id: true } });
    await runs.calculatePayRun(users.HR, november.id, { today: "2026-11-20" });
    const line = (await payslipOf(november.id, employeeId())).lines.find((candidate) => candidate.code === "ARREARS");
    expect(line).toMatchObject({ name: "Arrears for 2026-10-01 to 2026-10-31", amount: 10_000, basis: expect.stringContaining("Overtime missed") });
  });

  it("recovers an overpayment as a reversal, skipping periods already approved", async () => {
    const november = await db.payRun.findFirstOrThrow({ where: { periodStart: new Date("2026-11-01T00:00:00Z") }, select: { id: true } });
    await runs.approvePayRun(users.ADMIN, november.id);
    const september = await db.payslip.findFirstOrThrow({
      where: { employeeId: employeeId(), run: { periodStart: new Date("2026-09-01T00:00:00Z") } },
      select: { id: true },
    });
    const created = await adjustments.correctPayslip(users.HR, { payslipId: september.id, difference: -2_500, reason: "Paid a day too many" });
    expect(created.periodStart.toISOString().slice(0, 10)).toBe("2026-12-01");
    expect(await db.payAdjustment.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ code: "REVERSAL", kind: "DEDUCTION", amount: 2_500 });
    await expect(adjustments.correctPayslip(users.HR, { payslipId: september.id, difference: 0, reason: "nothing" })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("refuses a payslip whose run is not approved: that run is recalculated instead", async () => {
    const draft = (await runs.createPayRun(users.HR, { scheduleId, date: "2026-12-01" })).id;
    await runs.calculatePayRun(users.HR, draft, { today: "2026-12-20" });
    const payslip = await db.payslip.findFirstOrThrow({ where: { runId: draft, employeeId: employeeId() }, select: { id: true } });
    await expect(adjustments.correctPayslip(users.HR, { payslipId: payslip.id, difference: 100, reason: "x" })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("bank details", () => {
  it("are kept from a manager, in the record and in the history, and shown to payroll and the employee", async () => {
    const { version, ...details } = await bank.getBankDetails(users.HR, employeeId());
    await bank.saveBankDetails(users.EMPLOYEE, employeeId(), version, { ...details, iban: "DE89370400440532013000", bic: null });
    await expect(bank.getBankDetails(users.MANAGER, employeeId())).rejects.toMatchObject({ code: "not_found" });
    const { version: current, ...saved } = await bank.getBankDetails(users.EMPLOYEE, employeeId());
    expect(saved.iban).toBe("DE89370400440532013000");
    await expect(bank.saveBankDetails(users.MANAGER, employeeId(), current, saved)).rejects.toMatchObject({ code: "forbidden" });

    const history = async (user: CurrentUser) =>
      (await listAuditEntries(user, { entity: "Employee", entityId: employeeId(), page: 1, pageSize: 50 })).rows.find(
        (entry) => entry.actorEmail === users.EMPLOYEE.email && entry.action === "update",
      );
    expect((await history(users.HR))?.changes.iban).toEqual({ from: details.iban, to: "DE89370400440532013000" });
    expect((await history(users.EMPLOYEE))?.changes.iban).toBeDefined();
    const seenByManager = await history(users.MANAGER);
    expect(seenByManager).toBeDefined();
    expect(seenByManager!.changes.iban).toBeUndefined();
  });
});

describe("setup", () => {
  it("saves the employer's account for bank files, audited, for payroll users only", async () => {
    await employer.saveEmployerSettings(users.HR, { name: "Acme Payroll Ltd", iban: "DE89370400440532013000", bic: "COBADEFFXXX" });
    expect(await employer.getEmployerSettings(users.HR)).toEqual({ name: "Acme Payroll Ltd", iban: "DE89370400440532013000", bic: "COBADEFFXXX" });
    expect(await db.auditLog.findFirst({ where: { entityId: "payroll-employer", actorEmail: users.HR.email } })).not.toBeNull();
    await expect(employer.saveEmployerSettings(users.MANAGER, { name: "Mine", iban: null, bic: null })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("creates a tax year with ascending brackets and refuses one out of order", async () => {
    const year = { code: "FLAT_TAX", name: "Flat tax", startsOn: "2027-01-01", endsOn: "2027-12-31", allowance: 1_000_000 };
    await expect(
      setup.createTaxYear(users.HR, {
        ...year,
        brackets: [
          { upTo: 5_000_000, ratePercent: "10" },
          { upTo: 2_000_000, ratePercent: "20" },
          { upTo: null, ratePercent: "30" },
        ],
      }),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { brackets: expect.any(String) } });
    await setup.createTaxYear(users.HR, {
      ...year,
      brackets: [
        { upTo: 2_000_000, ratePercent: "10" },
        { upTo: null, ratePercent: "25.5" },
      ],
    });
    const stored = await db.taxYear.findFirstOrThrow({
      where: { code: "FLAT_TAX" },
      select: { brackets: { select: { upTo: true, ratePercent: true }, orderBy: { position: "asc" } } },
    });
    expect(stored.brackets).toEqual([
      { upTo: 2_000_000, ratePercent: "10" },
      { upTo: null, ratePercent: "25.5" },
    ]);
  });

  it("creates a weekly schedule only with the first day of one of its periods", async () => {
    await expect(setup.createPaySchedule(users.HR, { code: "WEEKLY_X", name: "Weekly", frequency: "WEEKLY", taxRules: "NONE" })).rejects.toMatchObject({
      fields: { anchorDate: expect.any(String) },
    });
    await setup.createPaySchedule(users.HR, { code: "WEEKLY_X", name: "Weekly", frequency: "WEEKLY", anchorDate: "2026-11-02", taxRules: "NONE" });
    expect(await db.paySchedule.count({ where: { code: "WEEKLY_X" } })).toBe(1);
  });
});

describe("who a run's page offers for a one-off", () => {
  it("offers exactly the people the run pays: a leaver of the period yes, one gone before it or hired after it no, and never oneself", async () => {
    const { listPayrollEmployees } = await import("./payroll-employees");
    const november = { scheduleId, periodStart: new Date("2026-11-01"), periodEnd: new Date("2026-11-30") };
    const template = await db.salaryAssignment.findFirstOrThrow({ where: { scheduleId }, select: { structureId: true } });
    const person = async (number: string, facts: { hireDate: string; exitDate?: string; status?: "TERMINATED" }) => {
      const created = await db.employee.create({
        data: {
          employeeNumber: number,
          firstName: number,
          lastName: "Picker",
          workEmail: `${number.toLowerCase()}@picker.test`,
          jobTitle: "Analyst",
          hireDate: new Date(facts.hireDate),
          exitDate: facts.exitDate ? new Date(facts.exitDate) : null,
          status: facts.status ?? "ACTIVE",
        },
        select: { id: true },
      });
      await db.salaryAssignment.create({
        data: { employeeId: created.id, structureId: template.structureId, scheduleId, effectiveFrom: new Date(facts.hireDate), baseAmount: 3_000_000 },
      });
      return created.id;
    };
    const leftInNovember = await person("PK1", { hireDate: "2024-01-01", exitDate: "2026-11-10", status: "TERMINATED" });
    const leftInOctober = await person("PK2", { hireDate: "2024-01-01", exitDate: "2026-10-31", status: "TERMINATED" });
    const startsInDecember = await person("PK3", { hireDate: "2026-12-01" });
    // Moved to a weekly schedule in October: paid by the weekly runs from then on.
    const movedAway = await person("PK4", { hireDate: "2024-01-01" });
    const weekly = await setup.createPaySchedule(users.HR, {
      code: "PICKER_WEEKLY",
      name: "Weekly",
      frequency: "WEEKLY",
      anchorDate: "2026-11-02",
      taxRules: "NONE",
    });
    await db.salaryAssignment.create({
      data: { employeeId: movedAway, structureId: template.structureId, scheduleId: weekly.id, effectiveFrom: new Date("2026-10-01"), baseAmount: 3_000_000 },
    });

    const offered = new Set((await listPayrollEmployees(users.HR, { run: november })).map((option) => option.id));
    expect(offered.has(leftInNovember)).toBe(true);
    expect(offered.has(leftInOctober)).toBe(false);
    expect(offered.has(startsInDecember)).toBe(false);
    expect(offered.has(movedAway)).toBe(false);
    expect(offered.has(users.HR.employeeId!)).toBe(false);
    expect(offered.has(employeeId())).toBe(true);
    // Away from a run, only people still here are offered.
    const anywhere = new Set((await listPayrollEmployees(users.HR)).map((option) => option.id));
    expect(anywhere.has(startsInDecember)).toBe(true);
    expect(anywhere.has(leftInNovember)).toBe(false);
  });
});
