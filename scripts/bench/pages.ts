// npm run bench:pages - server time of the directory and dashboard services with 5,000 employees,
// on SQLite alone and on PostgreSQL through the data layer; writes BENCHMARKS-PAGES.md.
// Each figure is the p50 (and p95) of timed runs after a warm-up, in one process.
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { startPostgresCluster } from "@/test/helpers/pg-cluster";
import { answerIfChild, measureInChild } from "./in-child";

const EMPLOYEES = 5_000;
const RUNS = 40;

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

// One child process per database: the data layer is a per-process singleton configured from the env.
async function measure(databaseUrl: string) {
  const sqlitePath = join(mkdtempSync(join(tmpdir(), "hrms-pages-")), "hrms.db");
  await applyMigrations({ provider: "sqlite", url: sqlitePath });
  if (databaseUrl) await applyMigrations({ provider: "postgres", url: databaseUrl });
  process.env.DATABASE_URL = databaseUrl;
  process.env.SQLITE_PATH = sqlitePath;
  const { db, closeDatabase } = await import("@/lib/db");
  const { listEmployees } = await import("@/lib/employees/list-employees");
  const { getDashboard } = await import("@/lib/dashboard/get-dashboard");
  const { parseDirectoryQuery } = await import("@/lib/validations/employees");

  const departments = Array.from({ length: 40 }, (_, i) => ({ code: `D${i}`, name: `Department ${i}` }));
  await db.department.createMany({ data: departments });
  const ids = (await db.department.findMany({ select: { id: true } })).map((row: { id: string }) => row.id);
  const rows = Array.from({ length: EMPLOYEES }, (_, i) => ({
    employeeNumber: `B${i}`,
    firstName: ["Ada", "Grace", "Alan", "Linus", "Barbara"][i % 5],
    lastName: `Person${i}`,
    workEmail: `person${i}@example.com`,
    jobTitle: "Engineer",
    departmentId: ids[i % ids.length],
    status: (i % 25 === 0 ? "TERMINATED" : i % 17 === 0 ? "ON_LEAVE" : "ACTIVE") as "TERMINATED" | "ON_LEAVE" | "ACTIVE",
    hireDate: new Date(Date.UTC(2015 + (i % 11), i % 12, 1 + (i % 27))),
  }));
  for (let i = 0; i < rows.length; i += 500) await db.employee.createMany({ data: rows.slice(i, i + 500) });

  const hr = { id: "bench", email: "hr@example.com", role: "HR" as const, employeeId: null, name: "HR" };
  const results = {
    directory: await time(() => listEmployees(hr, parseDirectoryQuery({}))),
    search: await time(() => listEmployees(hr, parseDirectoryQuery({ q: "grace person12" }))),
    filtered: await time(() => listEmployees(hr, parseDirectoryQuery({ department: ids[3], status: "ACTIVE", sort: "hireDate", dir: "desc", page: "3" }))),
    dashboard: await time(() => getDashboard(hr)),
  };
  await closeDatabase();
  return results;
}

type Results = Awaited<ReturnType<typeof measure>>;

await answerIfChild(measure);

const cluster = await startPostgresCluster();
try {
  const sqlite = measureInChild<Results>("");
  const postgres = measureInChild<Results>(cluster.url);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = (name: string, key: keyof typeof sqlite) =>
    `| ${name} | ${ms(sqlite[key].p50)} (p95 ${ms(sqlite[key].p95)}) | ${ms(postgres[key].p50)} (p95 ${ms(postgres[key].p95)}) |`;
  const report = [
    "# Page benchmarks",
    "",
    `Measured by \`npm run bench:pages\` on ${new Date().toISOString()}: ${cpus().length} cores, Node ${process.version}, ${EMPLOYEES.toLocaleString("en")} employees in 40 departments, an HR user (sees everyone).`,
    `Server time of the services behind each page (no HTTP, no rendering), p50 of ${RUNS} runs after 5 warm-up runs. PostgreSQL is a local throwaway cluster (fsync off) reached through the data layer in primary mode.`,
    "",
    "| page | SQLite only | PostgreSQL (primary) |",
    "|---|---|---|",
    line("directory, first page of 25 (count + page)", "directory"),
    line("directory, two-word search", "search"),
    line("directory, department + status, sorted by hire date, page 3", "filtered"),
    line("dashboard (headcount, by department, hires and leavers, recent changes)", "dashboard"),
    "",
  ].join("\n");
  writeFileSync("BENCHMARKS-PAGES.md", report);
  console.log(report);
} finally {
  await cluster.destroy();
}
