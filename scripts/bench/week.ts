// The layer's own tables over a simulated week: 100,000 writes spread over seven "days", with an
// outage on two of them (writes queued in SQLite, then replayed), an audit entry for every tenth
// write, and at the end of each day the clock moved on by 24 hours (every timestamp the layer's
// retention rules read is set back a day, in both databases) and the prune the layer runs on its
// own every ten minutes. What is measured is whether each table stops growing with the writes:
// its rows and bytes at the end of each day.
import Database from "better-sqlite3";
import pg from "pg";
import type { FaultProxy } from "@/test/helpers/fault-proxy";
import { newEmployee, pick, waitUntil, type BenchLayer } from "./fixture";

export type DaySizes = {
  day: number;
  writes: number;
  // At the end of the day, before the clock moves on (the most each table holds).
  peak: Record<string, { rows: number; bytes: number }>;
  // After the clock moved on a day and the prune ran.
  postgres: Record<string, { rows: number; bytes: number }>;
  sqlite: Record<string, number>;
};

export type WeekResult = { days: DaySizes[]; writes: number; seconds: number; auditCopyDays: number };

const PG_TABLES = ["_hrms_applied_ops", "_hrms_changes", "_hrms_conflicts", "_hrms_copies", "AuditLog"];
const CONCURRENCY = 8;

async function postgresSizes(client: pg.Client): Promise<DaySizes["postgres"]> {
  const sizes: DaySizes["postgres"] = {};
  for (const table of PG_TABLES) {
    const { rows } = await client.query<{ n: number; bytes: string }>(
      `SELECT (SELECT count(*) FROM "${table}")::int AS n, pg_total_relation_size('"${table}"')::text AS bytes`,
    );
    sizes[table] = { rows: rows[0].n, bytes: Number(rows[0].bytes) };
  }
  return sizes;
}

// A day passes for everything the retention rules look at: when operations were applied, when each
// copy was last seen, when conflicts were resolved, when audit entries were made (in PostgreSQL,
// through the change log, so the copy sees its audit rows age too) and when events were recorded.
async function advanceDay(client: pg.Client, sqlitePath: string): Promise<void> {
  await client.query(`UPDATE _hrms_applied_ops SET applied_at = applied_at - interval '1 day'`);
  await client.query(`UPDATE _hrms_copies SET seen_at = seen_at - interval '1 day', oldest_queued_at = oldest_queued_at - interval '1 day'`);
  await client.query(`UPDATE _hrms_conflicts SET resolved_at = resolved_at - interval '1 day' WHERE resolved_at IS NOT NULL`);
  await client.query(`UPDATE "AuditLog" SET "createdAt" = "createdAt" - interval '1 day'`);
  const file = new Database(sqlitePath, { fileMustExist: true });
  try {
    file.pragma("busy_timeout = 5000");
    file.prepare(`UPDATE _hrms_events SET at = strftime('%Y-%m-%dT%H:%M:%fZ', at, '-1 day')`).run();
  } finally {
    file.close();
  }
}

export async function measureWeek(
  bench: BenchLayer,
  proxy: FaultProxy,
  directUrl: string,
  ids: string[],
  options: { writes: number; days: number; auditCopyDays: number },
  progress: (line: string) => void,
): Promise<WeekResult> {
  const { layer } = bench;
  const client = new pg.Client({ connectionString: directUrl });
  client.on("error", () => {});
  await client.connect();
  const startedAt = performance.now();
  const days: DaySizes[] = [];
  let written = 0;
  try {
    const perDay = Math.ceil(options.writes / options.days);
    for (let day = 1; day <= options.days; day += 1) {
      const isOutageDay = day === 3 || day === 6;
      let next = 0;
      const writeOne = async (k: number) => {
        const id = pick(ids, written + k);
        if (k % 10 === 0)
          await layer.withTransaction(async (tx) => {
            await tx.employee.update({ where: { id }, data: { jobTitle: `Day ${day} ${k}` } });
            await tx.auditLog.create({
              data: { action: "update", entity: "Employee", entityId: id, changes: JSON.stringify({ jobTitle: `Day ${day} ${k}` }) },
            });
          });
        else if (k % 50 === 1) await layer.db.employee.create({ data: newEmployee("Week") });
        else await layer.db.employee.update({ where: { id }, data: { jobTitle: `Day ${day} ${k}` } });
      };
      const worker = async () => {
        for (let k = next++; k < perDay; k = next++) {
          // A tenth of the outage day's writes go to SQLite while PostgreSQL is refused.
          if (isOutageDay && k === Math.floor(perDay / 2)) await proxy.setMode("refuse");
          if (isOutageDay && k === Math.floor(perDay / 2) + Math.floor(perDay / 10)) await proxy.setMode("pass");
          await writeOne(k);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await proxy.setMode("pass");
      written += perDay;
      await waitUntil(() => layer.status().mode === "primary" && layer.status().queue === 0, 120_000, `day ${day}: back on PostgreSQL with the queue replayed`);
      await layer.pollMirror();
      const peak = await postgresSizes(client);
      await advanceDay(client, bench.sqlitePath);
      await layer.pollMirror();
      await layer.pruneNow();
      const sizes: DaySizes = { day, writes: written, peak, postgres: await postgresSizes(client), sqlite: (await layer.tableSizes()).sqlite ?? {} };
      days.push(sizes);
      progress(
        `  day ${day}: ${written} writes; applied ops ${peak._hrms_applied_ops.rows} -> ${sizes.postgres._hrms_applied_ops.rows}, ` +
          `change log ${peak._hrms_changes.rows} -> ${sizes.postgres._hrms_changes.rows}, ` +
          `audit in PostgreSQL ${sizes.postgres.AuditLog.rows} / in the copy ${sizes.sqlite.AuditLog ?? "?"}, events ${sizes.sqlite._hrms_events ?? "?"}, ` +
          `SQLite file ${((sizes.sqlite["file bytes"] ?? 0) / 2 ** 20).toFixed(1)} MB`,
      );
    }
  } finally {
    await proxy.setMode("pass");
    await client.end().catch(() => {});
  }
  return { days, writes: written, seconds: (performance.now() - startedAt) / 1000, auditCopyDays: options.auditCopyDays };
}
