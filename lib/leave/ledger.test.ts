import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpSqliteDatabase } from "@/test/helpers/services";

// A real SQLite database of its own; the ledger is imported after it is configured.
await setUpSqliteDatabase("leave-ledger");

let ledger: typeof import("./ledger");
let db: typeof import("@/lib/db").db;
let closeDatabase: () => Promise<void>;

beforeAll(async () => {
  ledger = await import("./ledger");
  ({ db, closeDatabase } = await import("@/lib/db"));
});

afterAll(async () => {
  await closeDatabase();
});

// The ledger closes years before today's; tests fix today so they mean the same next year.
const TODAY = { today: "2026-11-26" };

let counter = 0;

async function employee(hireDate: string, overrides: { exitDate?: string; employmentType?: "FULL_TIME" | "PART_TIME" | "CONTRACTOR" | "INTERN" } = {}) {
  counter += 1;
  const row = await db.employee.create({
    data: {
      employeeNumber: `L${counter}`,
      firstName: "Lee",
      lastName: `Dger ${counter}`,
      workEmail: `ledger-${counter}@example.com`,
      jobTitle: "Engineer",
      hireDate: new Date(`${hireDate}T00:00:00Z`),
      exitDate: overrides.exitDate ? new Date(`${overrides.exitDate}T00:00:00Z`) : null,
      employmentType: overrides.employmentType ?? "FULL_TIME",
    },
    select: { id: true },
  });
  return row.id;
}

type TypeOptions = {
  yearlyHalfDays?: number;
  accrual?: "UPFRONT" | "MONTHLY";
  carryForwardMaxHalfDays?: number;
  carryForwardExpiryMonths?: number | null;
  employmentTypes?: string;
  isActive?: boolean;
};

async function leaveType(options: TypeOptions = {}) {
  counter += 1;
  const row = await db.leaveType.create({
    data: {
      code: `T${counter}`,
      name: `Type ${counter}`,
      yearlyHalfDays: 50,
      accrual: "UPFRONT",
      carryForwardMaxHalfDays: 10,
      carryForwardExpiryMonths: 3,
      ...options,
    },
    select: { id: true },
  });
  return row.id;
}

// What a decided request leaves in the ledger: a TAKEN line on its first day.
async function taken(employeeId: string, leaveTypeId: string, date: string, halfDays: number) {
  const request = await db.leaveRequest.create({
    data: { employeeId, leaveTypeId, startDate: new Date(`${date}T00:00:00Z`), endDate: new Date(`${date}T00:00:00Z`), halfDays, status: "APPROVED" },
    select: { id: true },
  });
  await db.leaveLedgerEntry.create({
    data: {
      employeeId,
      leaveTypeId,
      year: Number(date.slice(0, 4)),
      kind: "TAKEN",
      halfDays: -halfDays,
      effectiveDate: new Date(`${date}T00:00:00Z`),
      reason: "Approved leave",
      requestId: request.id,
    },
  });
  return request.id;
}

async function lines(employeeId: string, leaveTypeId: string, year: number) {
  return db.leaveLedgerEntry.findMany({
    where: { employeeId, leaveTypeId, year },
    select: { id: true, kind: true, halfDays: true, effectiveDate: true, dedupeKey: true, reason: true },
    orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
  });
}

const sum = (rows: { halfDays: number }[]) => rows.reduce((total, row) => total + row.halfDays, 0);
const kinds = (rows: { kind: string; halfDays: number }[]) => rows.map((row) => `${row.kind} ${row.halfDays}`);

describe("syncLedger", () => {
  it("is idempotent: run twice, the same lines", async () => {
    const [person, type] = [await employee("2024-05-01"), await leaveType()];
    await ledger.syncLedger(db, person, type, 2026, "2026-06-30", TODAY);
    const first = await lines(person, type, 2026);
    await ledger.syncLedger(db, person, type, 2026, "2026-06-30", TODAY);
    await ledger.syncLedger(db, person, type, 2026, "2026-03-01", TODAY);
    expect(await lines(person, type, 2026)).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
  });

  it("writes each line once when two requests sync at the same moment", async () => {
    const [person, type] = [await employee("2025-01-01"), await leaveType({ accrual: "MONTHLY", carryForwardMaxHalfDays: 0 })];
    await Promise.all([ledger.syncLedger(db, person, type, 2026, "2026-12-31", TODAY), ledger.syncLedger(db, person, type, 2026, "2026-12-31", TODAY)]);
    const rows = await lines(person, type, 2026);
    expect(rows).toHaveLength(12);
    expect(sum(rows)).toBe(50);
  });

  it("writes nothing for a leave type that does not apply to the employment type", async () => {
    const [person, type] = [await employee("2024-01-01", { employmentType: "CONTRACTOR" }), await leaveType({ employmentTypes: "FULL_TIME,PART_TIME" })];
    await ledger.syncLedger(db, person, type, 2026, "2026-12-31", TODAY);
    expect(await lines(person, type, 2026)).toEqual([]);
  });

  it("writes nothing as of a date before the hire date", async () => {
    const [person, type] = [await employee("2026-07-01"), await leaveType()];
    await ledger.syncLedger(db, person, type, 2026, "2026-06-30", TODAY);
    expect(await lines(person, type, 2026)).toEqual([]);
  });

  it("prorates a joiner's allocation and explains it", async () => {
    const [person, type] = [await employee("2026-07-01"), await leaveType()];
    await ledger.syncLedger(db, person, type, 2026, "2026-07-01", TODAY);
    const rows = await lines(person, type, 2026);
    expect(rows.map(({ kind, halfDays, reason }) => ({ kind, halfDays, reason }))).toEqual([
      { kind: "ALLOCATION", halfDays: 25, reason: "Yearly allocation, prorated for days employed" },
    ]);
    expect(rows[0].effectiveDate).toEqual(new Date("2026-07-01T00:00:00Z"));
    expect(rows[0].dedupeKey).toBe(`${person}:${type}:allocation:2026`);
  });

  it("prorates the allocation when an exit date is recorded after it", async () => {
    const [person, type] = [await employee("2020-01-01"), await leaveType({ carryForwardMaxHalfDays: 0 })];
    await ledger.syncLedger(db, person, type, 2026, "2026-02-01", TODAY);
    await db.employee.update({ where: { id: person }, data: { exitDate: new Date("2026-06-30T00:00:00Z") } });
    await ledger.syncLedger(db, person, type, 2026, "2026-02-01", TODAY);
    await ledger.syncLedger(db, person, type, 2026, "2026-05-01", TODAY);
    const rows = await lines(person, type, 2026);
    expect(kinds(rows)).toEqual(["ALLOCATION 50", "ADJUSTMENT -25"]);
    expect(rows[1].reason).toBe("Entitlement prorated to the exit date 2026-06-30");
  });
});

describe("closed years", () => {
  it("keeps a past year as it closed when the policy changes, and recalculates the current one", async () => {
    const [person, type] = [await employee("2024-01-01"), await leaveType({ carryForwardMaxHalfDays: 0 })];
    await ledger.syncLedger(db, person, type, 2025, "2025-12-31", TODAY);
    await ledger.syncLedger(db, person, type, 2026, "2026-01-01", TODAY);
    await db.leaveType.update({ where: { id: type }, data: { yearlyHalfDays: 56 } });
    await ledger.syncLedger(db, person, type, 2025, "2025-12-31", TODAY);
    await ledger.syncLedger(db, person, type, 2026, "2026-06-01", TODAY);
    expect(kinds(await lines(person, type, 2025))).toEqual(["ALLOCATION 50"]);
    expect(kinds(await lines(person, type, 2026))).toEqual(["ALLOCATION 50", "ADJUSTMENT 6"]);
  });

  it("still writes a past year's lines the first time it is looked at", async () => {
    const [person, type] = [await employee("2024-01-01"), await leaveType({ carryForwardMaxHalfDays: 0 })];
    await ledger.syncLedger(db, person, type, 2024, "2024-12-31", TODAY);
    expect(kinds(await lines(person, type, 2024))).toEqual(["ALLOCATION 50"]);
  });
});

describe("getBalance", () => {
  it("is the sum of the lines effective by the date asked", async () => {
    const [person, type] = [await employee("2023-01-01"), await leaveType()];
    await taken(person, type, "2025-03-10", 10);
    await taken(person, type, "2026-02-02", 4);
    await taken(person, type, "2026-09-14", 6);
    for (const asOf of ["2026-01-01", "2026-02-02", "2026-04-01", "2026-09-14", "2026-12-31"]) {
      const balance = await ledger.getBalance(db, person, type, 2026, asOf, TODAY);
      const effective = balance.lines.filter((line) => line.effectiveDate.toISOString().slice(0, 10) <= asOf);
      expect(balance.balance, asOf).toBe(sum(effective));
    }
    const yearEnd = await ledger.getBalance(db, person, type, 2026, "2026-12-31", TODAY);
    expect(yearEnd.balance).toBe(sum(await lines(person, type, 2026)));
  });

  it("shows an accrual from the first of its month, not before", async () => {
    const [person, type] = [await employee("2025-06-01"), await leaveType({ accrual: "MONTHLY", carryForwardMaxHalfDays: 0 })];
    // Through February: 59 of 365 days × 50 = 8.1 → 8; through March: 90 days → 12.3 → 12.
    expect((await ledger.getBalance(db, person, type, 2026, "2026-02-28", TODAY)).balance).toBe(8);
    expect((await ledger.getBalance(db, person, type, 2026, "2026-03-01", TODAY)).balance).toBe(12);
    // Asked about a later date first, then an earlier one: the later month is scheduled, not counted.
    await ledger.getBalance(db, person, type, 2026, "2026-06-30", TODAY);
    expect((await ledger.getBalance(db, person, type, 2026, "2026-02-28", TODAY)).balance).toBe(8);
    expect((await ledger.getBalance(db, person, type, 2026, "2026-12-31", TODAY)).balance).toBe(50);
  });

  it("carries forward last year's closing balance", async () => {
    const [person, type] = [await employee("2025-01-01"), await leaveType({ carryForwardExpiryMonths: null })];
    await taken(person, type, "2025-05-05", 44);
    const balance = await ledger.getBalance(db, person, type, 2026, "2026-01-02", TODAY);
    // 2025 closed at 50 - 44 = 6 half-days: all of it is carried.
    expect(kinds(balance.lines)).toEqual(["ALLOCATION 50", "CARRY_FORWARD 6"]);
    expect(balance.balance).toBe(56);
    expect(balance.lines[1].reason).toBe("Carried forward from 2025");
  });

  it("caps the carry-forward and carries nothing to someone hired this year", async () => {
    const type = await leaveType({ carryForwardExpiryMonths: null });
    const [veteran, joiner] = [await employee("2022-01-01"), await employee("2026-01-01")];
    const veteranBalance = await ledger.getBalance(db, veteran, type, 2026, "2026-01-01", TODAY);
    expect(kinds(veteranBalance.lines)).toEqual(["ALLOCATION 50", "CARRY_FORWARD 10"]);
    expect(veteranBalance.lines[1].reason).toBe("Carried forward from 2025 (capped)");
    expect(kinds((await ledger.getBalance(db, joiner, type, 2026, "2026-01-01", TODAY)).lines)).toEqual(["ALLOCATION 50"]);
  });

  it("carries forward through several years, each closing balance including the carry before it", async () => {
    const [person, type] = [await employee("2024-03-01"), await leaveType({ carryForwardMaxHalfDays: 20, carryForwardExpiryMonths: null })];
    await taken(person, type, "2024-08-05", 30);
    await taken(person, type, "2025-08-04", 52);
    // 2024: 306 of 366 days × 50 = 41.8 → 42, less 30 taken: 12 carried. 2025: 50 + 12 - 52 = 10 carried.
    const balance = await ledger.getBalance(db, person, type, 2026, "2026-01-01", TODAY);
    expect(kinds(balance.lines)).toEqual(["ALLOCATION 50", "CARRY_FORWARD 10"]);
    expect(kinds(await lines(person, type, 2025))).toEqual(["ALLOCATION 50", "CARRY_FORWARD 12", "TAKEN -52"]);
  });

  it("corrects the carry when leave late last year is approved after it was carried", async () => {
    const [person, type] = [await employee("2025-01-01"), await leaveType({ carryForwardExpiryMonths: null })];
    await taken(person, type, "2025-06-02", 44);
    expect((await ledger.getBalance(db, person, type, 2026, "2026-01-01", TODAY)).balance).toBe(56);
    await taken(person, type, "2025-12-29", 4);
    const balance = await ledger.getBalance(db, person, type, 2026, "2026-01-01", TODAY);
    expect(kinds(balance.lines)).toEqual(["ALLOCATION 50", "CARRY_FORWARD 6", "CARRY_FORWARD -4"]);
    expect(balance.balance).toBe(52);
  });

  it("lapses only the carried days not taken before the expiry date", async () => {
    const [person, type] = [await employee("2024-01-01"), await leaveType({ carryForwardExpiryMonths: 3 })];
    await taken(person, type, "2026-02-16", 4);
    await taken(person, type, "2026-04-01", 2); // on the expiry date: too late to use carried days
    const before = await ledger.getBalance(db, person, type, 2026, "2026-03-31", TODAY);
    expect(before.balance).toBe(50 + 10 - 4);
    const after = await ledger.getBalance(db, person, type, 2026, "2026-04-01", TODAY);
    expect(kinds(after.lines)).toEqual(["ALLOCATION 50", "CARRY_FORWARD 10", "TAKEN -4", "TAKEN -2", "EXPIRY -6"]);
    expect(after.balance).toBe(50 + 10 - 4 - 6 - 2);
  });

  it("gives back lapsed days when leave before the expiry date is recorded late", async () => {
    const [person, type] = [await employee("2024-01-01"), await leaveType({ carryForwardExpiryMonths: 3 })];
    expect((await ledger.getBalance(db, person, type, 2026, "2026-05-01", TODAY)).balance).toBe(50);
    await taken(person, type, "2026-03-02", 6);
    const balance = await ledger.getBalance(db, person, type, 2026, "2026-05-01", TODAY);
    expect(kinds(balance.lines)).toEqual(["ALLOCATION 50", "CARRY_FORWARD 10", "TAKEN -6", "EXPIRY -10", "EXPIRY 6"]);
    expect(balance.balance).toBe(50);
  });

  it("warns before the expiry date how many carried days will lapse unless taken", async () => {
    const [person, type] = [await employee("2024-01-01"), await leaveType({ carryForwardExpiryMonths: 3 })];
    await taken(person, type, "2026-03-09", 4);
    // 10 carried, 4 of them used in March: 6 lapse on 1 April. A request after that date cannot use them.
    expect(await ledger.getBalance(db, person, type, 2026, "2026-02-01", TODAY)).toMatchObject({
      balance: 60,
      scheduled: 4,
      available: 56,
      lapsing: 6,
      expiresOn: "2026-04-01",
    });
    // From the expiry date the lapse is a line in the ledger, no longer a warning.
    expect(await ledger.getBalance(db, person, type, 2026, "2026-04-01", TODAY)).toMatchObject({ balance: 50, available: 50, lapsing: 0, expiresOn: null });
  });

  it("counts an approved request's TAKEN line: scheduled before the leave, taken after it", async () => {
    const [person, type] = [await employee("2026-01-01"), await leaveType()];
    await taken(person, type, "2026-08-03", 10);
    const before = await ledger.getBalance(db, person, type, 2026, "2026-08-02", TODAY);
    expect(before).toMatchObject({ balance: 50, scheduled: 10, pending: 0, available: 40 });
    const after = await ledger.getBalance(db, person, type, 2026, "2026-08-03", TODAY);
    expect(after).toMatchObject({ balance: 40, scheduled: 0, pending: 0, available: 40 });
  });

  it("counts a cancelled request's reversal line back in", async () => {
    const [person, type] = [await employee("2026-01-01"), await leaveType()];
    const requestId = await taken(person, type, "2026-03-02", 4);
    await db.leaveLedgerEntry.create({
      data: { employeeId: person, leaveTypeId: type, year: 2026, kind: "CANCELLED", halfDays: 4, effectiveDate: new Date("2026-03-02T00:00:00Z"), requestId },
    });
    expect(await ledger.getBalance(db, person, type, 2026, "2026-02-01", TODAY)).toMatchObject({ balance: 50, scheduled: 0, available: 50 });
  });

  it("counts pending requests against what is available, not against the balance", async () => {
    const [person, type] = [await employee("2026-01-01"), await leaveType()];
    for (const [status, date] of [
      ["PENDING_MANAGER", "2026-05-04"],
      ["PENDING_HR", "2026-06-01"],
      ["REJECTED", "2026-07-01"],
      ["PENDING_MANAGER", "2027-01-04"],
    ] as const) {
      await db.leaveRequest.create({
        data: { employeeId: person, leaveTypeId: type, startDate: new Date(`${date}T00:00:00Z`), endDate: new Date(`${date}T00:00:00Z`), halfDays: 3, status },
      });
    }
    const balance = await ledger.getBalance(db, person, type, 2026, "2026-04-01", TODAY);
    expect(balance).toMatchObject({ balance: 50, scheduled: 0, pending: 6, available: 44 });
  });
});

describe("getBalances", () => {
  it("lists the active leave types that apply to the employee, each with its balance", async () => {
    const person = await employee("2026-01-01", { employmentType: "PART_TIME" });
    const applies = await leaveType({ employmentTypes: "PART_TIME" });
    const other = await leaveType({ employmentTypes: "FULL_TIME" });
    const inactive = await leaveType({ isActive: false });
    const balances = await ledger.getBalances(db, person, 2026, "2026-01-01", TODAY);
    const ids = balances.map((balance) => balance.leaveTypeId);
    expect(ids).toContain(applies);
    expect(ids).not.toContain(other);
    expect(ids).not.toContain(inactive);
    expect(balances.find((balance) => balance.leaveTypeId === applies)?.available).toBe(50);
  });

  it("returns nothing for an unknown employee", async () => {
    expect(await ledger.getBalances(db, "no-such-employee", 2026, "2026-01-01", TODAY)).toEqual([]);
  });
});
