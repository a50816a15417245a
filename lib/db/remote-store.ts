import "server-only";
import type pg from "pg";
import { createPgClient, createPgPool, inTransaction, sessionSettings, type ConnectionLostHandler, type SessionLimits } from "./pg-connections";
import { installBookkeeping } from "./remote-schema";
import { quote, type Table } from "./table-info";

// The data layer's own small pool to PostgreSQL, apart from Prisma's: probes, the change feed of
// the SQLite copy, snapshots, bookkeeping. Replay and conflicts use it through their own modules.
export type RemoteOptions = SessionLimits & {
  url: string;
  connectTimeoutMs: number;
  onConnectionLost?: ConnectionLostHandler;
};

export type Change = { table: string; rowId: string };
export type RemoteIdentity = { systemId: string; database: string };
export type OpenTransaction = { pid: number; application: string; state: string; ageMs: number; query: string };

const SNAPSHOT_BATCH_ROWS = 1_000;

export class RemoteStore {
  readonly pool: pg.Pool;

  constructor(private readonly options: RemoteOptions) {
    this.pool = createPgPool(
      {
        connectionString: options.url,
        max: 3,
        connectionTimeoutMillis: options.connectTimeoutMs,
        idleTimeoutMillis: 10_000,
        application_name: "hrms-sync",
        ...sessionSettings(options),
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

  async install(tables: Table[]): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      return await installBookkeeping(client, tables, this.options.lockTimeoutMs);
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }

  // Which cluster and database this is: a backup restored elsewhere, or a new database behind the
  // same URL, has another identity, and a copy of the old one must not be trusted against it.
  async identity(): Promise<RemoteIdentity> {
    const { rows } = await this.pool.query<{ system_id: string; database: string }>(
      "SELECT system_identifier::text AS system_id, current_database() AS database FROM pg_control_system()",
    );
    return { systemId: rows[0].system_id, database: rows[0].database };
  }

  // ---- change feed -------------------------------------------------------------------------

  // The changes committed since `previous` (a pg_snapshot as text), by commit visibility as PgQ
  // reads its queue: those of transactions visible in the current snapshot but not in the
  // previous one. A transaction still open holds back only its own changes, however old it is,
  // and a change that commits late is taken when it becomes visible, never skipped. One statement,
  // so the snapshot is the one the rows were read with.
  async readChanges(previous: string): Promise<{ snapshot: string; changes: Change[] }> {
    const { rows } = await this.pool.query<{ snapshot: string; tbl: string | null; row_id: string | null }>(
      `WITH cur AS (SELECT pg_current_snapshot() AS s)
       SELECT cur.s::text AS snapshot, c.tbl, c.row_id
         FROM cur LEFT JOIN _hrms_changes c
           ON c.txid >= pg_snapshot_xmin($1::text::pg_snapshot)
          AND c.txid < pg_snapshot_xmax(cur.s)
          AND pg_visible_in_snapshot(c.txid, cur.s)
          AND NOT pg_visible_in_snapshot(c.txid, $1::text::pg_snapshot)
        ORDER BY c.seq`,
      [previous],
    );
    return {
      snapshot: rows[0].snapshot,
      changes: rows.filter((row) => row.tbl !== null).map((row) => ({ table: row.tbl!, rowId: row.row_id! })),
    };
  }

  async fetchRows(table: string, ids: string[]): Promise<Record<string, unknown>[]> {
    const { rows } = await this.pool.query<{ row: Record<string, unknown> }>(
      `SELECT row_to_json(t) AS row FROM ${quote(table)} t WHERE t.id = ANY($1::text[])`,
      [ids],
    );
    return rows.map((row) => row.row);
  }

  // The oldest transaction that holds a transaction id: what a status page names when asked what
  // is old in the database (it no longer stalls the copy, but it holds back pruning and vacuum).
  async oldestOpenTransaction(): Promise<OpenTransaction | null> {
    const { rows } = await this.pool.query<{ pid: number; application: string; state: string; age_ms: number; query: string }>(
      `SELECT pid, application_name AS application, state, (extract(epoch FROM clock_timestamp() - xact_start) * 1000)::float8 AS age_ms, left(query, 200) AS query
         FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid() ORDER BY xact_start LIMIT 1`,
    );
    return rows[0]
      ? { pid: rows[0].pid, application: rows[0].application, state: rows[0].state, ageMs: Math.round(rows[0].age_ms), query: rows[0].query }
      : null;
  }

  // A consistent copy of every model table, streamed in batches (memory stays flat whatever the
  // tables' size), plus the snapshot the change feed resumes from.
  // `since`: tables of which only the rows created since a date are copied (the audit log's window).
  async streamSnapshot(
    tables: Table[],
    onBatch: (table: string, rows: Record<string, unknown>[]) => Promise<void> | void,
    since: Record<string, Date> = {},
  ): Promise<string> {
    return inTransaction(this.pool, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", async (client) => {
      // A batch takes longer than a request may on a large table; the client waits as long.
      await client.query("SET LOCAL statement_timeout = 60000");
      await client.query("SET LOCAL idle_in_transaction_session_timeout = 60000");
      const {
        rows: [{ snapshot }],
      } = await client.query<{ snapshot: string }>("SELECT pg_current_snapshot()::text AS snapshot");
      for (const table of tables) {
        let after = "";
        const from = since[table.name];
        for (;;) {
          const { rows } = await client.query<{ row: Record<string, unknown>; id: string }>({
            text: `SELECT t.id, row_to_json(t) AS row FROM ${quote(table.name)} t WHERE t.id > $1${from ? ` AND t."createdAt" >= ($2::timestamptz AT TIME ZONE 'UTC')` : ""} ORDER BY t.id LIMIT ${SNAPSHOT_BATCH_ROWS}`,
            values: from ? [after, from.toISOString()] : [after],
            query_timeout: 61_000,
          } as pg.QueryConfig);
          if (rows.length > 0)
            await onBatch(
              table.name,
              rows.map((row) => row.row),
            );
          if (rows.length < SNAPSHOT_BATCH_ROWS) break;
          after = rows[rows.length - 1].id;
        }
      }
      return snapshot;
    });
  }

  // A dedicated connection that wakes the mirror on every commit that changed a model table.
  async listen(onChange: (txid: string) => void, onLost: (error: Error) => void): Promise<pg.Client> {
    const client = createPgClient(
      {
        connectionString: this.options.url,
        connectionTimeoutMillis: this.options.connectTimeoutMs,
        // The LISTEN itself is bounded too: a server that stops answering must not hold it (and the
        // layer's close) for ever.
        query_timeout: this.options.statementTimeoutMs + 500,
        keepAlive: true,
        keepAliveInitialDelayMillis: 5_000,
        application_name: "hrms-listen",
      },
      onLost,
    );
    client.on("notification", (notification) => onChange(notification.payload ?? ""));
    client.on("end", () => onLost(new Error("the LISTEN connection closed")));
    try {
      await client.connect();
      await client.query("LISTEN hrms_changes");
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    return client;
  }

  // ---- every copy's position, and pruning below all of them ---------------------------------

  // Each instance records how far its copy has read the change log and how old its queue is; the
  // change log and the applied operation ids are pruned below what every live copy still needs.
  async recordPosition(instanceId: string, snapshot: string, oldestQueuedAt: string | null): Promise<void> {
    await this.pool.query(
      `INSERT INTO _hrms_copies (instance_id, snapshot_xmin, oldest_queued_at, seen_at) VALUES ($1, pg_snapshot_xmin($2::text::pg_snapshot), $3, now())
       ON CONFLICT (instance_id) DO UPDATE SET snapshot_xmin = excluded.snapshot_xmin, oldest_queued_at = excluded.oldest_queued_at, seen_at = now()`,
      [instanceId, snapshot, oldestQueuedAt],
    );
  }

  // Copies not seen for `liveDays` no longer hold pruning back (an instance gone for good must not
  // keep the log for ever); one that returns finds its position below the horizon and rebuilds.
  // Applied operation ids are kept while any live queue may still hold their operation, plus a
  // margin for an ambiguous commit retried late.
  async prune(options: { liveDays: number; appliedOpsMarginHours: number }): Promise<{ changes: number; appliedOps: number }> {
    const horizon = await this.pool.query<{ horizon: string | null }>(
      `WITH live AS (SELECT snapshot_xmin FROM _hrms_copies WHERE seen_at > now() - make_interval(days => $1))
       SELECT min(snapshot_xmin)::text AS horizon FROM live`,
      [options.liveDays],
    );
    const below = horizon.rows[0].horizon;
    let changes = 0;
    if (below) {
      changes = (await this.pool.query("DELETE FROM _hrms_changes WHERE txid < $1::text::xid8", [below])).rowCount ?? 0;
      await this.pool.query(
        "INSERT INTO _hrms_meta (key, value) VALUES ('changes.pruned_below', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE _hrms_meta.value::xid8 < excluded.value::xid8",
        [below],
      );
    }
    const appliedOps =
      (
        await this.pool.query(
          `DELETE FROM _hrms_applied_ops WHERE applied_at < now() - make_interval(hours => $2)
             AND applied_at < coalesce((SELECT min(oldest_queued_at) FROM _hrms_copies WHERE seen_at > now() - make_interval(days => $1)), 'infinity')`,
          [options.liveDays, options.appliedOpsMarginHours],
        )
      ).rowCount ?? 0;
    return { changes, appliedOps };
  }

  // The change log has been pruned beyond this copy's position: it must be rebuilt.
  async isPositionPruned(snapshot: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ pruned: boolean }>(
      "SELECT coalesce((SELECT value::xid8 FROM _hrms_meta WHERE key = 'changes.pruned_below') > pg_snapshot_xmin($1::text::pg_snapshot), false) AS pruned",
      [snapshot],
    );
    return rows[0].pruned;
  }

  async tableSizes(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ name: string; n: string }>(
      `SELECT relname AS name, n_live_tup::text AS n FROM pg_stat_user_tables WHERE relname IN ('_hrms_applied_ops', '_hrms_changes', '_hrms_conflicts', '_hrms_copies')`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
  }
}
