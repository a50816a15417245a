// Integration (real PostgreSQL and SQLite): the payroll migration keeps every existing salary as
// the base of a first assignment, on both databases alike. The migrations before it are applied,
// employees are added as an older version of the app would have, then the payroll migration runs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgresCluster, type PgCluster } from "@/test/helpers/pg-cluster";

const INSERT_EMPLOYEES = `INSERT INTO "Employee" ("id", "employeeNumber", "firstName", "lastName", "workEmail", "jobTitle", "hireDate", "salaryCents", "salaryCurrency", "updatedAt") VALUES
  ('e-1', 'E1', 'Ada', 'Lovelace', 'ada@example.com', 'Engineer', '2020-03-02', 5400000, 'GBP', CURRENT_TIMESTAMP),
  ('e-2', 'E2', 'Grace', 'Hopper', 'grace@example.com', 'Engineer', '2021-07-15', 9000000, 'USD', CURRENT_TIMESTAMP),
  ('e-3', 'E3', 'Alan', 'Turing', 'alan@example.com', 'Contractor', '2022-01-10', NULL, 'GBP', CURRENT_TIMESTAMP)`;
const ASSIGNMENTS = `SELECT a."employeeId", a."baseAmount", a."basePer", s."code" AS structure, s."currency", p."frequency", p."taxRules" FROM "SalaryAssignment" a JOIN "SalaryStructure" s ON s."id" = a."structureId" JOIN "PaySchedule" p ON p."id" = a."scheduleId" ORDER BY a."employeeId"`;
const EXPECTED = [
  { employeeId: "e-1", baseAmount: 5_400_000, basePer: "YEAR", structure: "BASIC_GBP", currency: "GBP", frequency: "MONTHLY", taxRules: "NONE" },
  { employeeId: "e-2", baseAmount: 9_000_000, basePer: "YEAR", structure: "BASIC_USD", currency: "USD", frequency: "MONTHLY", taxRules: "NONE" },
];

function migrations(provider: "postgres" | "sqlite") {
  const dir = join(process.cwd(), "prisma", provider, "migrations");
  const names = readdirSync(dir)
    .filter((name) => /^\d+_/.test(name))
    .sort();
  const payroll = names.findIndex((name) => name.endsWith("_payroll"));
  const sql = (name: string) => readFileSync(join(dir, name, "migration.sql"), "utf8");
  return { before: names.slice(0, payroll).map(sql), payroll: sql(names[payroll]) };
}

let cluster: PgCluster;

beforeAll(async () => {
  cluster = await startPostgresCluster();
});

afterAll(async () => {
  await cluster?.destroy();
});

describe("the payroll migration", () => {
  it("turns each salary into a first assignment on SQLite", () => {
    const { before, payroll } = migrations("sqlite");
    const sqlite = new Database(":memory:");
    for (const sql of before) sqlite.exec(sql);
    sqlite.exec(INSERT_EMPLOYEES.replace(/'(\d{4}-\d{2}-\d{2})'/g, (_, date: string) => String(Date.parse(`${date}T00:00:00Z`))));
    sqlite.exec(payroll);
    expect(sqlite.prepare(ASSIGNMENTS).all()).toEqual(EXPECTED);
    const [first] = sqlite.prepare(`SELECT "effectiveFrom" FROM "SalaryAssignment" WHERE "employeeId" = 'e-1'`).all() as { effectiveFrom: number }[];
    expect(new Date(first.effectiveFrom).toISOString().slice(0, 10)).toBe("2020-03-02");
    sqlite.close();
  });

  it("does the same on PostgreSQL", async () => {
    const { before, payroll } = migrations("postgres");
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      for (const sql of before) await client.query(sql);
      await client.query(INSERT_EMPLOYEES);
      await client.query(payroll);
      expect((await client.query(ASSIGNMENTS)).rows).toEqual(EXPECTED);
      const { rows } = await client.query(`SELECT to_char("effectiveFrom", 'YYYY-MM-DD') AS day FROM "SalaryAssignment" WHERE "employeeId" = 'e-1'`);
      expect(rows[0].day).toBe("2020-03-02");
    } finally {
      await client.end();
    }
  });
});
