import "server-only";
import type pg from "pg";
import { createPgClient, createPgPool, type ConnectionLostHandler } from "./pg-connections";
import type { OutboxEntry } from "./local-store";
import { quote, type Table } from "./table-info";

// The data layer's own small pool to PostgreSQL (apart from Prisma's): probes, the change log that
// feeds the mirror, replay of queued writes, and the conflict table.
export type Conflict = {
  id: string;
  opId: string;
  kind: "version" | "exists" | "deleted" | "rejected";
  table: string;
  rowId: string;
  ours: Record<string, unknown> | null;
  theirs: Record<string, unknown> | null;
  entries: OutboxEntry[];
  message: string | null;
  source: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  resolvedBy: string | null;
};

const BOOKKEEPING = new Set(["id", "version", "createdAt", "updatedAt"]);

// The columns a queued update changed (its row before and after, as SQLite saw them).
export function changedColumns(table: Table, entry: Pick<OutboxEntry, "row" | "oldRow">): string[] {
  if (!entry.oldRow) return table.columns.filter((column) => !BOOKKEEPING.has(column.name)).map((column) => column.name);
  return table.columns
    .filter((column) => !BOOKKEEPING.has(column.name))
    .filter((column) => JSON.stringify(entry.row?.[column.name] ?? null) !== JSON.stringify(entry.oldRow?.[column.name] ?? null))
    .map((column) => column.name);
}

// A three-way merge per field: the update applies if PostgreSQL still holds, in every column the
// queued write changed, the value that write started from. Edits to other columns made meanwhile
// (by another instance, or by this one just before the outage) are kept, not overwritten; an
// edit to the same column is a conflict.
export function mergeUpdateSql(table: Table, changed: string[], hasOldRow: boolean): string {
  const t = quote(table.name);
  const assigned = [...changed, ...(table.columns.some((column) => column.name === "updatedAt") ? ["updatedAt"] : [])];
  const set = assigned.map((name) => `${quote(name)} = n.${quote(name)}, `).join("");
  // Without the row it started from (an entry queued by an older version), fall back to the
  // whole-row version check.
  const unchangedSince = hasOldRow ? changed.map((name) => ` AND t.${quote(name)} IS NOT DISTINCT FROM o.${quote(name)}`).join("") : ` AND t."version" = $4`;
  return `UPDATE ${t} AS t SET ${set}"version" = t."version" + 1
    FROM json_populate_record(NULL::${t}, $1::json) AS n, json_populate_record(NULL::${t}, $2::json) AS o
    WHERE t.id = $3${unchangedSince} RETURNING t.id`;
}

export type ReplayResult =
  | { outcome: "applied" | "already-applied" }
  | { outcome: "conflict"; conflict: Omit<Conflict, "id" | "createdAt" | "resolvedAt" | "resolution" | "resolvedBy" | "source"> };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS _hrms_applied_ops (
  op_id text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now(),
  source text
);
CREATE TABLE IF NOT EXISTS _hrms_changes (
  seq bigserial PRIMARY KEY,
  tbl text NOT NULL,
  row_id text NOT NULL,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX IF NOT EXISTS _hrms_changes_txid ON _hrms_changes (txid);
CREATE INDEX IF NOT EXISTS _hrms_changes_at ON _hrms_changes (at);
CREATE TABLE IF NOT EXISTS _hrms_conflicts (
  id text PRIMARY KEY,
  op_id text NOT NULL,
  kind text NOT NULL,
  tbl text NOT NULL,
  row_id text NOT NULL,
  ours jsonb,
  theirs jsonb,
  entries jsonb NOT NULL,
  message text,
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolution text,
  resolved_by text
);
CREATE OR REPLACE FUNCTION _hrms_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO _hrms_changes (tbl, row_id) VALUES (TG_TABLE_NAME, CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  RETURN NULL;
END
$$;
`;

// Integrity and data errors mean PostgreSQL refuses this write for good: dead-letter it.
const REJECTED_CLASSES = ["23", "22"];

export function isRejection(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && REJECTED_CLASSES.some((prefix) => code.startsWith(prefix));
}

export type RemoteOptions = { url: string; connectTimeoutMs: number; statementTimeoutMs: number; onConnectionLost?: ConnectionLostHandler };

export class RemoteStore {
  readonly pool: pg.Pool;

  constructor(private readonly options: RemoteOptions) {
    this.pool = createPgPool(
      {
        connectionString: options.url,
        max: 3,
        connectionTimeoutMillis: options.connectTimeoutMs,
        // The same bounds as requests: a hung server must not hold the mirror or the replay for long.
        statement_timeout: options.statementTimeoutMs,
        query_timeout: options.statementTimeoutMs + 500,
        idleTimeoutMillis: 10_000,
        keepAlive: true,
        application_name: "hrms-sync",
      },
      options.onConnectionLost,
    );
  }

  // A fresh connection each time: a pooled socket could look alive when the server is not. The
  // whole probe is bounded, closing the connection included: a server killed mid-probe must not
  // leave a probe pending, since probes run one at a time and recovery waits on them.
  async probe(): Promise<void> {
    const limitMs = this.options.connectTimeoutMs * 2 + 500;
    // A probe's own failure is its result, not news for the connection-lost handler.
    const client = createPgClient({
      connectionString: this.options.url,
      connectionTimeoutMillis: this.options.connectTimeoutMs,
      query_timeout: this.options.connectTimeoutMs,
      application_name: "hrms-probe",
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`probe timed out after ${limitMs} ms`), { code: "ETIMEDOUT" })), limitMs);
    });
    const work = client.connect().then(() => client.query("SELECT 1"));
    // If the deadline wins, the connection attempt may still fail later: that is not news.
    work.catch(() => {});
    try {
      await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
      // Not awaited: ending a connection to a dead server can wait for a reply that never comes.
      client.end().catch(() => {});
    }
  }

  // Idempotent; serialised across app instances by an advisory lock.
  async install(tables: Table[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext('hrms.install'))");
      await client.query(SCHEMA);
      for (const table of tables) {
        await client.query(`DROP TRIGGER IF EXISTS _hrms_capture ON ${quote(table.name)}`);
        await client.query(`CREATE TRIGGER _hrms_capture AFTER INSERT OR UPDATE OR DELETE ON ${quote(table.name)} FOR EACH ROW EXECUTE FUNCTION _hrms_capture()`);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }

  // ---- mirror feed -------------------------------------------------------------------------

  // Changes from transactions known to be finished: every transaction older than the snapshot's
  // xmin has committed or aborted, so reading [previous xmin, current xmin) by transaction id
  // never skips a change that committed late, which a sequence watermark would.
  async readChanges(sinceXmin: string): Promise<{ xmin: string; changes: { table: string; rowId: string; ageMs: number }[] }> {
    const { rows: [{ xmin }] } = await this.pool.query<{ xmin: string }>("SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin");
    if (xmin === sinceXmin) return { xmin, changes: [] };
    const { rows } = await this.pool.query<{ tbl: string; row_id: string; age_ms: number }>(
      `SELECT tbl, row_id, (extract(epoch FROM clock_timestamp() - at) * 1000)::float8 AS age_ms
         FROM _hrms_changes WHERE txid >= $1::text::xid8 AND txid < $2::text::xid8 ORDER BY seq`,
      [sinceXmin, xmin],
    );
    return { xmin, changes: rows.map((row) => ({ table: row.tbl, rowId: row.row_id, ageMs: row.age_ms })) };
  }

  async fetchRows(table: string, ids: string[]): Promise<Record<string, unknown>[]> {
    const { rows } = await this.pool.query<{ row: Record<string, unknown> }>(
      `SELECT row_to_json(t) AS row FROM ${quote(table)} t WHERE t.id = ANY($1::text[])`,
      [ids],
    );
    return rows.map((row) => row.row);
  }

  // A consistent copy of every model table plus the xmin to resume the change feed from.
  async snapshot(tables: Table[]): Promise<{ xmin: string; tables: { table: string; rows: Record<string, unknown>[] }[] }> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      // Copying whole tables takes longer than a request may; allow it a minute per table.
      await client.query("SET LOCAL statement_timeout = 60000");
      const { rows: [{ xmin }] } = await client.query<{ xmin: string }>("SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin");
      const out = [];
      for (const table of tables) {
        const { rows } = await client.query<{ row: Record<string, unknown> }>({ text: `SELECT row_to_json(t) AS row FROM ${quote(table.name)} t`, query_timeout: 61_000 } as pg.QueryConfig);
        out.push({ table: table.name, rows: rows.map((row) => row.row) });
      }
      await client.query("COMMIT");
      return { xmin, tables: out };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async pruneChanges(olderThanHours: number): Promise<void> {
    await this.pool.query("DELETE FROM _hrms_changes WHERE at < now() - make_interval(hours => $1)", [olderThanHours]);
  }

  // ---- replay ------------------------------------------------------------------------------

  // Applies queued operations in order, several per PostgreSQL transaction for throughput, each
  // in its own savepoint with its operation id recorded, so an operation is applied whole or not at
  // all and a second attempt after an unknown outcome is a no-op. An operation that meets a
  // conflict or a refusal is rolled back to its savepoint and reported; the rest carry on.
  async replay(operations: OutboxEntry[][], tables: Table[], source: string): Promise<ReplayResult[]> {
    const client = await this.pool.connect();
    let isBroken = false;
    const results: ReplayResult[] = [];
    try {
      await client.query("BEGIN");
      const ids = operations.map((entries) => entries[0].opId);
      const seen = new Set((await client.query<{ op_id: string }>("SELECT op_id FROM _hrms_applied_ops WHERE op_id = ANY($1::text[])", [ids])).rows.map((row) => row.op_id));
      for (const entries of operations) {
        const opId = entries[0].opId;
        if (seen.has(opId)) {
          results.push({ outcome: "already-applied" });
          continue;
        }
        await client.query("SAVEPOINT op");
        try {
          let conflict = null;
          for (const entry of entries) {
            const table = tables.find((candidate) => candidate.name === entry.table);
            if (!table) throw Object.assign(new Error(`unknown table ${entry.table}`), { code: "22000" });
            conflict = await this.applyEntry(client, table, entry);
            if (conflict) break;
          }
          if (conflict) {
            await client.query("ROLLBACK TO SAVEPOINT op");
            results.push({ outcome: "conflict", conflict: { ...conflict, opId, entries } });
            continue;
          }
          await client.query("INSERT INTO _hrms_applied_ops (op_id, source) VALUES ($1, $2)", [opId, source]);
          await client.query("RELEASE SAVEPOINT op");
          results.push({ outcome: "applied" });
        } catch (error) {
          if (!isRejection(error)) throw error;
          await client.query("ROLLBACK TO SAVEPOINT op");
          const first = entries[0];
          results.push({
            outcome: "conflict",
            conflict: { opId, kind: "rejected", table: first.table, rowId: first.rowId, ours: first.row, theirs: null, entries, message: (error as Error).message },
          });
        }
      }
      await client.query("COMMIT");
      return results;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      isBroken = true;
      throw error;
    } finally {
      client.release(isBroken);
    }
  }

  private async applyEntry(client: pg.PoolClient, table: Table, entry: OutboxEntry) {
    const t = quote(table.name);
    const current = async () =>
      (await client.query<{ row: Record<string, unknown> }>(`SELECT row_to_json(t) AS row FROM ${t} t WHERE t.id = $1`, [entry.rowId])).rows[0]?.row ?? null;
    const base = { table: table.name, rowId: entry.rowId, ours: entry.row, message: null };

    if (entry.kind === "insert") {
      const inserted = await client.query(
        `INSERT INTO ${t} SELECT * FROM json_populate_record(NULL::${t}, $1::json) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [JSON.stringify(entry.row)],
      );
      return inserted.rowCount ? null : { ...base, kind: "exists" as const, theirs: await current() };
    }
    if (entry.kind === "update") {
      const hasOldRow = entry.oldRow !== null;
      const params = [JSON.stringify(entry.row), JSON.stringify(entry.oldRow ?? {}), entry.rowId, ...(hasOldRow ? [] : [entry.baseVersion])];
      const updated = await client.query(mergeUpdateSql(table, changedColumns(table, entry), hasOldRow), params);
      if (updated.rowCount) return null;
      const theirs = await current();
      return { ...base, kind: theirs ? ("version" as const) : ("deleted" as const), theirs };
    }
    const deleted = await client.query(`DELETE FROM ${t} WHERE id = $1 AND version = $2 RETURNING id`, [entry.rowId, entry.baseVersion]);
    if (deleted.rowCount) return null;
    const theirs = await current();
    // Already gone is what the delete wanted; a row that changed meanwhile is a conflict.
    return theirs ? { ...base, kind: "version" as const, theirs } : null;
  }

  // ---- conflicts ---------------------------------------------------------------------------

  async recordConflict(conflict: Omit<Conflict, "id" | "createdAt" | "resolvedAt" | "resolution" | "resolvedBy">): Promise<void> {
    await this.pool.query(
      `INSERT INTO _hrms_conflicts (id, op_id, kind, tbl, row_id, ours, theirs, entries, message, source)
       VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [conflict.opId, conflict.kind, conflict.table, conflict.rowId, JSON.stringify(conflict.ours), JSON.stringify(conflict.theirs), JSON.stringify(conflict.entries), conflict.message, conflict.source],
    );
  }

  async listConflicts(options: { includeResolved?: boolean; limit?: number } = {}): Promise<Conflict[]> {
    const { rows } = await this.pool.query(
      `SELECT id, op_id, kind, tbl, row_id, ours, theirs, entries, message, source, created_at, resolved_at, resolution, resolved_by
         FROM _hrms_conflicts ${options.includeResolved ? "" : "WHERE resolved_at IS NULL"} ORDER BY created_at DESC LIMIT $1`,
      [options.limit ?? 100],
    );
    return rows.map((row) => ({
      id: row.id,
      opId: row.op_id,
      kind: row.kind,
      table: row.tbl,
      rowId: row.row_id,
      ours: row.ours,
      theirs: row.theirs,
      entries: row.entries,
      message: row.message,
      source: row.source,
      createdAt: new Date(row.created_at).toISOString(),
      resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
      resolution: row.resolution,
      resolvedBy: row.resolved_by,
    }));
  }

  async countOpenConflicts(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>("SELECT count(*) AS n FROM _hrms_conflicts WHERE resolved_at IS NULL");
    return Number(rows[0].n);
  }

  // "theirs": PostgreSQL's version stands. "ours": the queued write is applied over it, as a new
  // version, in one transaction with the resolution.
  async resolveConflict(id: string, resolution: "theirs" | "ours", tables: Table[], actor: string): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const found = await client.query("SELECT entries FROM _hrms_conflicts WHERE id = $1 AND resolved_at IS NULL FOR UPDATE", [id]);
      if (!found.rowCount) {
        await client.query("ROLLBACK");
        return false;
      }
      if (resolution === "ours") {
        for (const entry of found.rows[0].entries as OutboxEntry[]) await this.forceApply(client, tables, entry);
        await client.query("INSERT INTO _hrms_applied_ops (op_id, source) VALUES ($1, 'conflict-resolution') ON CONFLICT DO NOTHING", [id]);
      }
      await client.query("UPDATE _hrms_conflicts SET resolved_at = now(), resolution = $2, resolved_by = $3 WHERE id = $1", [id, resolution, actor]);
      await client.query("COMMIT");
      return true;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private async forceApply(client: pg.PoolClient, tables: Table[], entry: OutboxEntry) {
    const table = tables.find((candidate) => candidate.name === entry.table);
    if (!table) return;
    const t = quote(table.name);
    if (entry.kind === "delete") {
      await client.query(`DELETE FROM ${t} WHERE id = $1`, [entry.rowId]);
      return;
    }
    const others = table.columns.filter((column) => column.name !== "id" && column.name !== "version");
    const assignments = others.map((column) => `${quote(column.name)} = EXCLUDED.${quote(column.name)}`).join(", ");
    await client.query(
      `INSERT INTO ${t} SELECT * FROM json_populate_record(NULL::${t}, $1::json)
       ON CONFLICT (id) DO UPDATE SET ${assignments}, "version" = ${t}."version" + 1`,
      [JSON.stringify(entry.row)],
    );
  }
}
