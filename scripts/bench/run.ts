// npm run bench: measures the data layer against the design's targets (G3, G4, G5, G8) on a
// throwaway PostgreSQL cluster behind a fault proxy, prints a table and writes BENCHMARKS.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startRig, type Rig } from "@/test/failover/support";
import { measureBlackholeOutage } from "./blackhole-outage";
import { plainClient, seed, startBenchLayer, type BenchLayer } from "./fixture";
import { captureJsonLogs } from "./log-capture";
import { describeMachine, loadAverage } from "./machine";
import { measureMirrorLag } from "./mirror-lag";
import { measureRefusedDetection, measureSqliteColdStart } from "./refused-detection";
import { measureReplay } from "./replay-throughput";
import { buildRows, printTable, renderMarkdown, type Results } from "./report";
import { figures, resultsJson, type TrustResults } from "./results-json";
import { measureRoutingOverhead } from "./routing-overhead";
import { keepSections } from "./sections";
import { measureOwnWriteVisible, measureRecoveryWithLock, withOpenTransaction } from "./trust";
import { measureWeek, type WeekResult } from "./week";

const REPORT_FILE = fileURLToPath(new URL("../../BENCHMARKS.md", import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL("../../bench-results.json", import.meta.url));
const WATCHDOG_MS = 10 * 60_000;
const REPLAY_WRITES = 10_000;
const LOCKED_RECOVERY_WRITES = 1_000;
const WEEK_WRITES = Number(process.env.BENCH_WEEK_WRITES ?? 100_000);
const WEEK_AUDIT_COPY_DAYS = 2;

const startedAt = performance.now();
const logs = captureJsonLogs(join(tmpdir(), `hrms-bench-${process.pid}.log`));
const progress = (line: string) => console.log(`[bench ${((performance.now() - startedAt) / 1000).toFixed(1).padStart(5)} s] ${line}`);

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!().catch((error: unknown) => progress(`clean-up step failed: ${String(error)}`));
}

// Bounded no matter what: a hung phase must not leave a cluster behind.
const watchdog = setTimeout(() => {
  progress(`still running after ${WATCHDOG_MS / 60_000} minutes: giving up`);
  void cleanUp().finally(() => process.exit(2));
}, WATCHDOG_MS);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function withLayer<T>(
  rig: Rig,
  label: string,
  work: (bench: BenchLayer) => Promise<T>,
  overrides: Parameters<typeof startBenchLayer>[2] = {},
): Promise<T> {
  const bench = await startBenchLayer(rig.url, label, overrides);
  cleanups.push(bench.close);
  try {
    return await work(bench);
  } finally {
    await rig.proxy.setMode("pass");
    await bench.close();
  }
}

async function main(): Promise<number> {
  const results: Results = { errors: [] };
  const trust: TrustResults = {};
  async function phase(name: string, work: () => Promise<void>) {
    progress(`${name}`);
    try {
      await work();
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1)! : String(error);
      results.errors.push({ phase: name, message });
      progress(`  FAILED: ${message}`);
    }
  }

  progress("starting a PostgreSQL cluster and the fault proxy");
  const rig = await startRig();
  cleanups.push(rig.destroy);
  const machine = await describeMachine(rig.cluster.url);
  progress(`${machine.postgres} up in ${rig.cluster.startupMs} ms; seeding`);
  const writer = plainClient(rig.cluster.url);
  cleanups.push(() => writer.$disconnect());
  const data = await seed(writer);
  // Each phase works on its own slice of rows so that phases do not conflict with each other.
  const slice = (from: number, to: number) => data.employeeIds.slice(from, to);

  await phase("1. routing overhead (G8): plain Prisma client vs data layer, same database", async () => {
    results.overhead = await measureRoutingOverhead(rig.cluster.url, data, progress);
  });
  await phase("2-3. a layer with default settings through the fault proxy", () =>
    withLayer(rig, "mirror", async (bench) => {
      await phase("2. mirror lag under write load (G5)", async () => {
        results.mirror = await measureMirrorLag(bench, writer, slice(200, 400), { ratePerSec: 40, durationMs: 10_000 }, progress);
      });
      await phase("2b. mirror lag with another session holding a transaction open for the whole run", async () => {
        trust.mirrorOpenTx = await withOpenTransaction(rig.cluster.url, () =>
          measureMirrorLag(bench, writer, slice(200, 400), { ratePerSec: 40, durationMs: 10_000 }, progress),
        );
      });
      await phase("2c. own writes in the copy when answered", async () => {
        trust.ownWrite = await measureOwnWriteVisible(bench, slice(200, 400), 1_000);
        progress(`  ${trust.ownWrite.visible} of ${trust.ownWrite.writes} writes were in SQLite when answered`);
      });
      await phase("3. detection, refused connections (G3)", async () => {
        results.coldStart = measureSqliteColdStart(bench.sqlitePath);
        progress(
          `  cold Prisma SQLite client in a fresh process: ${results.coldStart ? `first query ${results.coldStart.firstMs.toFixed(1)} ms, then ${results.coldStart.secondMs.toFixed(1)} ms, ${results.coldStart.thirdMs.toFixed(1)} ms` : "could not be measured"}`,
        );
        results.refused = await measureRefusedDetection(bench, rig.proxy, slice(400, 600), ["read", "read", "read", "write", "write"], progress);
      });
    }),
  );
  await phase("4. blackholed outage: detection, latency during the failure, recovery (G3, G4)", () =>
    withLayer(rig, "outage", async (bench) => {
      results.outage = await measureBlackholeOutage(bench, rig.proxy, slice(600, 800), data.departmentIds, progress);
    }),
  );
  await phase(`5. replay throughput (${REPLAY_WRITES} queued writes)`, () =>
    withLayer(rig, "replay", async (bench) => {
      results.replay = await measureReplay(bench, rig.proxy, rig.cluster.url, slice(800, 1_000), REPLAY_WRITES, progress);
      trust.replay10k = results.replay;
    }),
  );
  await phase(`6. recovery with a row lock held on a queued row for the whole measurement (${LOCKED_RECOVERY_WRITES} queued writes)`, () =>
    withLayer(rig, "locked", async (bench) => {
      trust.lockedRecovery = await measureRecoveryWithLock(bench, rig.proxy, rig.cluster.url, slice(0, 50), LOCKED_RECOVERY_WRITES);
      const locked = trust.lockedRecovery;
      progress(
        `  primary ${(locked.recoveryMs / 1000).toFixed(1)} s after PostgreSQL returned; ${locked.stuck} set aside as stuck, ${locked.replayed}/${locked.expectedReplayed} replayed`,
      );
    }),
  );

  await phase(`7. the layer's tables over a simulated week (${WEEK_WRITES.toLocaleString("en")} writes, two outages)`, () =>
    withLayer(
      rig,
      "week",
      async (bench) => {
        trust.week = await measureWeek(
          bench,
          rig.proxy,
          rig.cluster.url,
          slice(0, 1_000),
          { writes: WEEK_WRITES, days: 7, auditCopyDays: WEEK_AUDIT_COPY_DAYS },
          progress,
        );
      },
      { auditCopyDays: WEEK_AUDIT_COPY_DAYS },
    ),
  );

  await cleanUp();
  const totalMs = performance.now() - startedAt;
  const rows = buildRows(results);
  trust.overhead = results.overhead;
  trust.mirror = results.mirror;
  const date = new Date();
  const list = figures(trust);
  const figureTable = [
    "",
    "## Figures in bench-results.json",
    "",
    "| id | value | unit | target | met |",
    "| --- | --- | --- | --- | --- |",
    ...list.map(
      (item) => `| \`${item.id}\` | ${item.value ?? "—"} | ${item.unit} | ${item.target} | ${item.pass === null ? "not measured" : item.pass ? "yes" : "no"} |`,
    ),
    "",
  ].join("\n");
  const previous = existsSync(REPORT_FILE) ? readFileSync(REPORT_FILE, "utf8") : "";
  writeFileSync(
    REPORT_FILE,
    keepSections(previous, renderMarkdown(rows, { machine, date, totalMs, loadAtEnd: loadAverage() }) + figureTable + weekTable(trust.week)),
  );
  writeFileSync(RESULTS_FILE, resultsJson(trust, date));
  for (const item of list)
    progress(`  ${item.id}: ${item.value ?? "—"} ${item.unit} (target ${item.target}) ${item.pass === null ? "not measured" : item.pass ? "met" : "MISSED"}`);
  console.log(`\n${printTable(rows)}\n`);
  progress(`done in ${(totalMs / 1000).toFixed(1)} s; wrote ${REPORT_FILE}; the layer's ${logs.lines()} log lines are in ${logs.file}`);
  return results.errors.length ? 1 : 0;
}

function weekTable(week: WeekResult | undefined): string {
  if (!week) return "";
  const kb = (bytes: number | undefined) => (bytes === undefined ? "—" : `${Math.round(bytes / 1024).toLocaleString("en")} kB`);
  return [
    "",
    "## The layer's tables over a simulated week",
    "",
    `${week.writes.toLocaleString("en")} writes in ${week.seconds.toFixed(0)} s through one layer, spread over seven days; on days 3 and 6 a tenth of the day's writes`,
    "were made during an outage (queued in SQLite, then replayed). An audit entry goes with every tenth write. After each day every",
    "timestamp the retention rules read is set back 24 hours and the prune runs. Applied operation ids are kept 24 hours past the",
    `oldest write any copy still has queued; the copy keeps ${week.auditCopyDays} days of audit log here (AUDIT_COPY_DAYS, 90 by default); PostgreSQL keeps all of it.`,
    "",
    "Rows at the end of each day, then after the clock moved on and the prune ran. A copy that stops reporting its position (an",
    "instance gone, or cut off) holds the change log back for 7 days; the earlier phases' stopped copies expire on day 7.",
    "",
    "| day | writes | applied op ids | change log | conflicts | audit log (PostgreSQL) | audit log (copy) | SQLite events | SQLite file |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...week.days.map(
      (day) =>
        `| ${day.day} | ${day.writes.toLocaleString("en")} | ${day.peak._hrms_applied_ops.rows.toLocaleString("en")} → ${day.postgres._hrms_applied_ops.rows.toLocaleString("en")} (${kb(day.peak._hrms_applied_ops.bytes)} at most) | ` +
        `${day.peak._hrms_changes.rows.toLocaleString("en")} → ${day.postgres._hrms_changes.rows.toLocaleString("en")} | ${day.postgres._hrms_conflicts.rows} | ${day.postgres.AuditLog.rows.toLocaleString("en")} | ` +
        `${(day.sqlite.AuditLog ?? 0).toLocaleString("en")} | ${day.sqlite._hrms_events ?? "—"} | ${kb(day.sqlite["file bytes"])} |`,
    ),
    "",
  ].join("\n");
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  progress(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanUp();
  clearTimeout(watchdog);
  logs.restore();
}
process.exit(exitCode);
