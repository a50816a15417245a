// npm run bench:payroll - calculates one monthly run for 10,000 employees with a realistic mix
// (six components, two formulas, a cap, UK PAYE and NI, joiners, leavers, raises mid-month, unpaid
// leave, bonuses) on SQLite alone and on PostgreSQL through the data layer, and writes the payroll
// section of BENCHMARKS.md: seconds, ms per employee, peak memory while calculating.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { startPostgresCluster } from "@/test/helpers/pg-cluster";
import { replaceSection } from "./sections";
import { REALISTIC_COMPONENTS } from "@/lib/payroll/engine/realistic-mix";
import { answerIfChild, measureInChild } from "./in-child";

const EMPLOYEES = Number(process.env.BENCH_PAYROLL_EMPLOYEES ?? 10_000);
const TARGET_SECONDS = 20;
const PERIOD = { start: "2026-05-01", end: "2026-05-31" };
const HR = { id: "bench-hr", email: "hr@example.com", role: "HR" as const, employeeId: null };

async function prepare(databaseUrl: string) {
  const sqlitePath = join(mkdtempSync(join(tmpdir(), "hrms-payroll-bench-")), "hrms.db");
  await applyMigrations({ provider: "sqlite", url: sqlitePath });
  if (databaseUrl) await applyMigrations({ provider: "postgres", url: databaseUrl });
  process.env.DATABASE_URL = databaseUrl;
  process.env.SQLITE_PATH = sqlitePath;
  const { db, closeDatabase } = await import("@/lib/db");
  const setup = await import("@/lib/payroll/setup");
  const date = (text: string) => new Date(`${text}T00:00:00Z`);

  for (const component of REALISTIC_COMPONENTS) await setup.createPayComponent(HR, component);
  const structure = await setup.createSalaryStructure(HR, {
    code: "STANDARD",
    name: "Standard",
    currency: "GBP",
    componentCodes: REALISTIC_COMPONENTS.map((component) => component.code),
  });
  const schedule = await setup.createPaySchedule(HR, { code: "UK_MONTHLY", name: "UK monthly", frequency: "MONTHLY", taxRules: "UK" });
  const unpaid = await db.leaveType.create({ data: { code: "UL", name: "Unpaid leave", isPaid: false }, select: { id: true } });

  for (let from = 0; from < EMPLOYEES; from += 500) {
    const indexes = Array.from({ length: Math.min(500, EMPLOYEES - from) }, (_, offset) => from + offset);
    const employees = indexes.map((i) => ({
      id: `bench-${String(i).padStart(6, "0")}`,
      employeeNumber: `P${i}`,
      firstName: ["Ada", "Grace", "Alan", "Linus", "Barbara"][i % 5],
      lastName: `Person${i}`,
      workEmail: `payroll${i}@example.com`,
      jobTitle: "Engineer",
      hireDate: date(i % 20 === 0 ? "2026-05-13" : "2019-06-01"),
      exitDate: i % 25 === 0 ? date("2026-05-22") : null,
      status: (i % 25 === 0 ? "TERMINATED" : "ACTIVE") as "TERMINATED" | "ACTIVE",
      salaryCents: 2_400_000 + (i % 97) * 100_000,
      salaryCurrency: "GBP",
    }));
    await db.employee.createMany({ data: employees });
    await db.salaryAssignment.createMany({
      data: indexes.flatMap((i) => [
        {
          employeeId: employees[i - from].id,
          structureId: structure.id,
          scheduleId: schedule.id,
          effectiveFrom: employees[i - from].hireDate,
          baseAmount: employees[i - from].salaryCents,
          taxCode: i % 13 === 0 ? "K300" : "1257L",
        },
        ...(i % 10 === 0
          ? [
              {
                employeeId: employees[i - from].id,
                structureId: structure.id,
                scheduleId: schedule.id,
                effectiveFrom: date("2026-05-16"),
                baseAmount: employees[i - from].salaryCents + 200_000,
                taxCode: "1257L",
              },
            ]
          : []),
      ]),
    });
    await db.leaveRequest.createMany({
      data: indexes
        .filter((i) => i % 7 === 0 && i % 20 !== 0 && i % 25 !== 0)
        .map((i) => ({
          employeeId: employees[i - from].id,
          leaveTypeId: unpaid.id,
          startDate: date("2026-05-13"),
          endDate: date("2026-05-14"),
          endsAtNoon: true,
          halfDays: 3,
          status: "APPROVED" as const,
        })),
    });
    await db.payAdjustment.createMany({
      data: indexes
        .filter((i) => i % 5 === 0)
        .map((i) => ({
          employeeId: employees[i - from].id,
          periodStart: date(PERIOD.start),
          code: "BONUS",
          name: "Bonus",
          kind: "EARNING",
          amount: 50_000,
          reason: "Quarterly bonus",
        })),
    });
  }
  return { db, closeDatabase, scheduleId: schedule.id };
}

async function measure(databaseUrl: string) {
  const { db, closeDatabase, scheduleId } = await prepare(databaseUrl);
  const { createPayRun } = await import("@/lib/payroll/create-run");
  const { calculatePayRun } = await import("@/lib/payroll/calculate-run");
  const run = await createPayRun(HR, { scheduleId, date: PERIOD.start });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const started = performance.now();
  await calculatePayRun(HR, run.id, {
    today: "2026-06-01",
    batchSize: process.env.BENCH_PAYROLL_BATCH ? Number(process.env.BENCH_PAYROLL_BATCH) : undefined,
    onProgress: ({ done, total }) => process.stderr.write(`\r${databaseUrl ? "PostgreSQL" : "SQLite"}: ${done} / ${total}`),
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stderr.write("\n");
  const [payslips, totals] = await Promise.all([
    db.payslip.count({ where: { runId: run.id } }),
    db.payRun.findUniqueOrThrow({ where: { id: run.id }, select: { totals: true } }),
  ]);
  let lines = 0;
  for (let skip = 0; skip < payslips; skip += 1_000) {
    for (const row of await db.payslip.findMany({ where: { runId: run.id }, select: { lines: true }, orderBy: { id: "asc" }, skip, take: 1_000 }))
      lines += (JSON.parse(row.lines) as unknown[]).length;
  }
  const fingerprint = await db.payslip.findMany({
    where: { runId: run.id },
    select: { employeeId: true, net: true },
    orderBy: { employeeId: "asc" },
    take: 50,
  });
  await closeDatabase();
  return {
    seconds,
    payslips,
    lines,
    peakRssMb: peak / 1024 ** 2,
    baselineRssMb: baseline / 1024 ** 2,
    totals: JSON.parse(totals.totals!) as { net: number; gross: number },
    fingerprint,
  };
}

type Result = Awaited<ReturnType<typeof measure>>;

await answerIfChild(measure);

const cluster = await startPostgresCluster();
try {
  const sqlite = measureInChild<Result>("", { nodeArgs: ["--expose-gc"], showStderr: true });
  const postgres = measureInChild<Result>(cluster.url, { nodeArgs: ["--expose-gc"], showStderr: true });
  const identical = JSON.stringify([sqlite.totals, sqlite.fingerprint]) === JSON.stringify([postgres.totals, postgres.fingerprint]);
  const row = (name: string, result: Result) =>
    `| ${name} | ${result.payslips.toLocaleString("en")} payslips, ${result.lines.toLocaleString("en")} lines | ${result.seconds.toFixed(1)} s | ${((result.seconds * 1000) / result.payslips).toFixed(2)} ms | ${result.peakRssMb.toFixed(0)} MB (${result.baselineRssMb.toFixed(0)} MB before) | ${result.seconds <= TARGET_SECONDS ? "pass" : "**miss**"} |`;
  const section = [
    `## Payroll: one monthly run for ${EMPLOYEES.toLocaleString("en")} employees`,
    "",
    `Measured by \`npm run bench:payroll\` on ${new Date().toISOString()}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, load ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" / ")} at the end.`,
    `${EMPLOYEES.toLocaleString("en")} employees on one structure of six components (base pay, a fixed allowance, a formula allowance, a capped pension percentage, a formula deduction, an employer pension), UK PAYE and NI; 5 % joiners and 4 % leavers in the month, 10 % with a raise mid-month, 1 in 7 with a day and a half of unpaid leave, 20 % with a bonus.`,
    "The time is `calculatePayRun` from the draft to the calculated run, batches of 500 read, calculated and written (payslips with their lines, the run's cursor) in one transaction each, one batch written while the next is calculated; PostgreSQL is a local throwaway cluster reached through the data layer in primary mode, every write copied to the SQLite fallback before it is acknowledged. Peak memory is the process's resident set sampled every 25 ms while calculating.",
    "",
    "| database | output | time | per employee | peak memory | target ≤ 20 s |",
    "|---|---|---|---|---|---|",
    row("SQLite only", sqlite),
    row("PostgreSQL (primary)", postgres),
    "",
    `Both databases gave ${identical ? "the same" : "**different**"} totals (net ${(sqlite.totals.net / 100).toLocaleString("en", { minimumFractionDigits: 2 })} GBP) and the same first 50 payslips.`,
  ].join("\n");
  const file = "BENCHMARKS.md";
  writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n", "payroll", section));
  console.log(section);
  if (!identical) process.exitCode = 1;
} finally {
  await cluster.destroy();
}
