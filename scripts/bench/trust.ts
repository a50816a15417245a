// The copy you can trust (issue figures): this instance's writes are in its SQLite copy when the
// caller is answered; and recovery with a row lock held on a queued row for the whole measurement.
import Database from "better-sqlite3";
import pg from "pg";
import type { FaultProxy } from "@/test/helpers/fault-proxy";
import { newEmployee, pick, readById, transitionTo, type BenchLayer } from "./fixture";

export type OwnWriteResult = { writes: number; visible: number; fraction: number };

// Creates and updates through the layer while primary; right after each is answered, the SQLite file
// (read on a connection of its own) is asked for that row at that version.
export async function measureOwnWriteVisible(bench: BenchLayer, ids: string[], writes: number): Promise<OwnWriteResult> {
  const file = new Database(bench.sqlitePath, { readonly: true, fileMustExist: true });
  const read = file.prepare(`SELECT version FROM "Employee" WHERE id = ?`);
  let visible = 0;
  try {
    for (let k = 0; k < writes; k++) {
      const row =
        k % 2 === 0
          ? await bench.layer.db.employee.create({ data: newEmployee("Own"), select: { id: true, version: true } })
          : await bench.layer.db.employee.update({ where: { id: pick(ids, k) }, data: { jobTitle: `Own ${k}` }, select: { id: true, version: true } });
      const local = read.get(row.id) as { version: number } | undefined;
      if (local && local.version >= row.version) visible += 1;
    }
  } finally {
    file.close();
  }
  return { writes, visible, fraction: visible / writes };
}

export type LockedRecoveryResult = { queued: number; recoveryMs: number; stuck: number; replayed: number; expectedReplayed: number; queueAfter: number };

// Writes queued during an outage, one of them an update of a row that another session keeps locked
// (SELECT ... FOR UPDATE in an open transaction) from before PostgreSQL returns to the end: time from
// PostgreSQL's return to primary, with that write set aside as stuck and every other one replayed.
export async function measureRecoveryWithLock(
  bench: BenchLayer,
  proxy: FaultProxy,
  directUrl: string,
  ids: string[],
  queued: number,
): Promise<LockedRecoveryResult> {
  const { layer } = bench;
  const locked = ids[0];
  await proxy.setMode("refuse");
  await readById(layer.db, locked);
  if (layer.status().mode !== "fallback") throw new Error(`expected fallback, got ${layer.status().mode}`);
  await layer.db.employee.update({ where: { id: locked }, data: { jobTitle: "Queued behind a lock" } });
  const created: string[] = [];
  for (let k = 1; k < queued; k++) created.push((await layer.db.employee.create({ data: newEmployee("Locked"), select: { id: true } })).id);

  const session = new pg.Client({ connectionString: directUrl, application_name: "bench-lock-holder" });
  session.on("error", () => {});
  await session.connect();
  try {
    await session.query("BEGIN");
    await session.query(`SELECT id FROM "Employee" WHERE id = $1 FOR UPDATE`, [locked]);
    await proxy.setMode("pass");
    const back = performance.now();
    const primaryAt = await transitionTo(bench, "primary", back, 60_000);
    const { rows: stuck } = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM _hrms_conflicts WHERE row_id = $1 AND kind = 'stuck'`, [locked]);
    const { rows: replayed } = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Employee" WHERE id = ANY($1::text[])`, [created]);
    return {
      queued,
      recoveryMs: primaryAt - back,
      stuck: stuck[0].n,
      replayed: replayed[0].n,
      expectedReplayed: created.length,
      queueAfter: layer.status().queue,
    };
  } finally {
    await session.query("ROLLBACK").catch(() => {});
    await session.end().catch(() => {});
  }
}

// A session holding a transaction id for the whole of `work` (a forgotten BEGIN in psql).
export async function withOpenTransaction<T>(directUrl: string, work: () => Promise<T>): Promise<T> {
  const session = new pg.Client({ connectionString: directUrl, application_name: "bench-open-transaction" });
  session.on("error", () => {});
  await session.connect();
  try {
    await session.query("BEGIN");
    await session.query("SELECT pg_current_xact_id()");
    return await work();
  } finally {
    await session.query("ROLLBACK").catch(() => {});
    await session.end().catch(() => {});
  }
}
