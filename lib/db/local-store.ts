import "server-only";
import Database from "better-sqlite3";
import { AsyncMutex } from "./async-mutex";
import { quote, readSqliteTables, type Table } from "./table-info";

// The data layer's own connection to the SQLite file: the outbox (writes made during an outage,
// captured by triggers in the same transaction as the write), the mirror's apply step, metadata
// and the event log. Foreign keys are off on this connection only: the mirror copies rows that
// PostgreSQL has already checked, in whatever order they arrive.
export type OutboxEntry = {
  seq: number;
  opId: string;
  table: string;
  rowId: string;
  kind: "insert" | "update" | "delete";
  baseVersion: number | null;
  row: Record<string, unknown> | null;
  // An update's row as it was before the write: the base of the per-field merge on replay.
  oldRow: Record<string, unknown> | null;
  createdAt: string;
};

export type DbEvent = { id: number; at: string; type: string; message: string; detail: Record<string, unknown> | null };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS _hrms_ctx (k INTEGER PRIMARY KEY CHECK (k = 1), op_id TEXT);
INSERT OR IGNORE INTO _hrms_ctx (k, op_id) VALUES (1, NULL);
CREATE TABLE IF NOT EXISTS _hrms_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  op_id TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  base_version INTEGER,
  row_json TEXT,
  old_json TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX IF NOT EXISTS _hrms_outbox_op ON _hrms_outbox (op_id);
CREATE INDEX IF NOT EXISTS _hrms_outbox_row ON _hrms_outbox (tbl, row_id);
-- One row per queued operation, in the order they were made, so a replay batch costs O(batch);
-- with the operation's retry state when PostgreSQL refused it for now (a lock, a deadlock).
CREATE TABLE IF NOT EXISTS _hrms_ops (
  op_id TEXT PRIMARY KEY,
  first_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS _hrms_ops_order ON _hrms_ops (first_seq);
CREATE TABLE IF NOT EXISTS _hrms_meta (key TEXT PRIMARY KEY, value TEXT);
-- Rows whose queued write did not stand in PostgreSQL (set aside, or already applied there): the
-- copy takes PostgreSQL's version of each. Written in the transaction that removes the operation,
-- so a refresh that fails (PostgreSQL gone again) is taken again instead of leaving a stale row.
CREATE TABLE IF NOT EXISTS _hrms_refresh (tbl TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id));
CREATE TABLE IF NOT EXISTS _hrms_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  message TEXT NOT NULL,
  detail TEXT
);
`;

const MAX_EVENTS = 2_000;
const CURRENT_OP = "(SELECT op_id FROM _hrms_ctx WHERE k = 1)";

export function captureTriggersSql(table: Table): string {
  const t = quote(table.name);
  const json = (prefix: "NEW" | "OLD") => `json_object(${table.columns.map((column) => `'${column.name}', ${prefix}.${quote(column.name)}`).join(", ")})`;
  const name = (kind: string) => quote(`_hrms_capture_${table.name}_${kind}`);
  const insert = (kind: string, prefix: "NEW" | "OLD", base: string, row: string, old = "NULL") =>
    `INSERT INTO _hrms_outbox (op_id, tbl, row_id, kind, base_version, row_json, old_json) VALUES (${CURRENT_OP}, '${table.name}', ${prefix}."id", '${kind}', ${base}, ${row}, ${old}); ` +
    `INSERT OR IGNORE INTO _hrms_ops (op_id, first_seq) VALUES (${CURRENT_OP}, last_insert_rowid());`;
  return [
    `DROP TRIGGER IF EXISTS ${name("insert")};`,
    `CREATE TRIGGER ${name("insert")} AFTER INSERT ON ${t} WHEN ${CURRENT_OP} IS NOT NULL BEGIN ${insert("insert", "NEW", "NULL", json("NEW"))} END;`,
    `DROP TRIGGER IF EXISTS ${name("update")};`,
    `CREATE TRIGGER ${name("update")} AFTER UPDATE ON ${t} WHEN ${CURRENT_OP} IS NOT NULL BEGIN ${insert("update", "NEW", 'OLD."version"', json("NEW"), json("OLD"))} END;`,
    `DROP TRIGGER IF EXISTS ${name("delete")};`,
    `CREATE TRIGGER ${name("delete")} AFTER DELETE ON ${t} WHEN ${CURRENT_OP} IS NOT NULL BEGIN ${insert("delete", "OLD", 'OLD."version"', "NULL")} END;`,
  ].join("\n");
}

// PostgreSQL's row_to_json gives timestamps without a zone; Prisma's SQLite adapter stores
// ISO-8601 with an explicit UTC offset. Everything is UTC in both.
function toSqliteValue(value: unknown, isDateTime: boolean, isBoolean: boolean): unknown {
  if (value === null || value === undefined) return null;
  if (isDateTime && typeof value === "string") {
    const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
    return date.toISOString().replace("Z", "+00:00");
  }
  if (isBoolean || typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

export type RowChanges = { table: string; rows: Record<string, unknown>[]; deletedIds: string[] };
export type QueuedOperation = { opId: string; entries: OutboxEntry[]; attempts: number };
export type RowRef = { table: string; rowId: string };

export class LocalStore {
  readonly sqlite: Database.Database;
  // Serialises this connection's writes with those of Prisma's SQLite client (see async-mutex.ts).
  readonly writeLock = new AsyncMutex();
  tables: Table[] = [];
  private isRebuilding = false;

  constructor(file: string) {
    this.sqlite = new Database(file, { timeout: 5_000 });
    this.sqlite.pragma("journal_mode = WAL");
    // What this connection writes is a copy of PostgreSQL (or bookkeeping of a replay that is
    // idempotent): a commit lost to a power cut is fetched again, so it need not wait for the disk.
    // The writes users are told about in an outage go through Prisma's client, with synchronous=FULL.
    this.sqlite.pragma("synchronous = NORMAL");
    this.sqlite.pragma("foreign_keys = OFF");
  }

  // Creates the data layer's tables and (re)creates the capture trigger of every model table.
  install(): Table[] {
    this.sqlite.exec(SCHEMA);
    const outboxColumns = (this.sqlite.prepare("PRAGMA table_info(_hrms_outbox)").all() as { name: string }[]).map((column) => column.name);
    if (!outboxColumns.includes("old_json")) this.sqlite.exec("ALTER TABLE _hrms_outbox ADD COLUMN old_json TEXT");
    // An outbox queued by a version without the operations table.
    this.sqlite.exec("INSERT OR IGNORE INTO _hrms_ops (op_id, first_seq, created_at) SELECT op_id, min(seq), min(created_at) FROM _hrms_outbox GROUP BY op_id");
    this.tables = readSqliteTables(this.sqlite);
    this.sqlite.transaction(() => {
      for (const table of this.tables) this.sqlite.exec(captureTriggersSql(table));
    })();
    return this.tables;
  }

  table(name: string): Table {
    const table = this.tables.find((candidate) => candidate.name === name);
    if (!table) throw new Error(`unknown model table ${name}`);
    return table;
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }

  // ---- outbox -------------------------------------------------------------------------------

  queueDepth(): number {
    return (this.sqlite.prepare("SELECT count(*) AS n FROM _hrms_ops").get() as { n: number }).n;
  }

  oldestQueuedAt(): string | null {
    return (this.sqlite.prepare("SELECT created_at AS at FROM _hrms_ops ORDER BY first_seq LIMIT 1").get() as { at: string } | undefined)?.at ?? null;
  }

  // The oldest queued operations that may be tried now, in the order they were made. An operation
  // waiting for its retry holds back the later ones that touch any of its rows (their order on a
  // row is kept), and nothing else.
  nextOperations(limit: number, now = Date.now()): QueuedOperation[] {
    const candidates = this.sqlite.prepare("SELECT op_id, attempts, next_at FROM _hrms_ops ORDER BY first_seq LIMIT ?").all(limit * 4) as {
      op_id: string;
      attempts: number;
      next_at: number;
    }[];
    const blocked = new Set<string>();
    const ready: QueuedOperation[] = [];
    for (const candidate of candidates) {
      const entries = this.operation(candidate.op_id);
      const rows = entries.map((entry) => `${entry.table}\u0000${entry.rowId}`);
      const isWaiting = candidate.next_at > now || rows.some((row) => blocked.has(row));
      if (isWaiting) {
        for (const row of rows) blocked.add(row);
        continue;
      }
      ready.push({ opId: candidate.op_id, entries, attempts: candidate.attempts });
      if (ready.length >= limit) break;
    }
    return ready;
  }

  operation(opId: string): OutboxEntry[] {
    const rows = this.sqlite
      .prepare("SELECT seq, op_id, tbl, row_id, kind, base_version, row_json, old_json, created_at FROM _hrms_outbox WHERE op_id = ? ORDER BY seq")
      .all(opId) as {
      seq: number;
      op_id: string;
      tbl: string;
      row_id: string;
      kind: OutboxEntry["kind"];
      base_version: number | null;
      row_json: string | null;
      old_json: string | null;
      created_at: string;
    }[];
    return rows.map((row) => ({
      seq: row.seq,
      opId: row.op_id,
      table: row.tbl,
      rowId: row.row_id,
      kind: row.kind,
      baseVersion: row.base_version,
      row: row.row_json ? (JSON.parse(row.row_json) as Record<string, unknown>) : null,
      oldRow: row.old_json ? (JSON.parse(row.old_json) as Record<string, unknown>) : null,
      createdAt: row.created_at,
    }));
  }

  listQueue(limit = 50): { opId: string; entries: number; tables: string; createdAt: string; attempts: number; lastError: string | null }[] {
    return this.sqlite
      .prepare(
        `SELECT o.op_id AS opId, o.created_at AS createdAt, o.attempts, o.last_error AS lastError,
                (SELECT count(*) FROM _hrms_outbox e WHERE e.op_id = o.op_id) AS entries,
                (SELECT group_concat(DISTINCT tbl) FROM _hrms_outbox e WHERE e.op_id = o.op_id) AS tables
           FROM _hrms_ops o ORDER BY o.first_seq LIMIT ?`,
      )
      .all(limit) as { opId: string; entries: number; tables: string; createdAt: string; attempts: number; lastError: string | null }[];
  }

  // Must run under writeLock (the caller holds it). `refresh`: rows the copy must take again from
  // PostgreSQL (see _hrms_refresh), recorded in the same transaction.
  removeOperationsNow(opIds: string[], refresh: RowRef[] = []): void {
    const removeEntries = this.sqlite.prepare("DELETE FROM _hrms_outbox WHERE op_id = ?");
    const removeOp = this.sqlite.prepare("DELETE FROM _hrms_ops WHERE op_id = ?");
    const remember = this.sqlite.prepare("INSERT OR IGNORE INTO _hrms_refresh (tbl, row_id) VALUES (?, ?)");
    this.sqlite.transaction(() => {
      for (const opId of opIds) {
        removeEntries.run(opId);
        removeOp.run(opId);
      }
      for (const row of refresh) remember.run(row.table, row.rowId);
    })();
  }

  removeOperations(opIds: string[], refresh: RowRef[] = []): Promise<void> {
    return this.writeLock.run(() => this.removeOperationsNow(opIds, refresh));
  }

  // Rows waiting to be taken again from PostgreSQL, oldest first.
  rowsToRefresh(limit: number): RowRef[] {
    return this.sqlite.prepare('SELECT tbl AS "table", row_id AS rowId FROM _hrms_refresh ORDER BY rowid LIMIT ?').all(limit) as RowRef[];
  }

  refreshed(rows: RowRef[]): Promise<void> {
    return this.writeLock.run(() => {
      const forget = this.sqlite.prepare("DELETE FROM _hrms_refresh WHERE tbl = ? AND row_id = ?");
      this.sqlite.transaction(() => {
        for (const row of rows) forget.run(row.table, row.rowId);
      })();
    });
  }

  // PostgreSQL refused the operation for now: try again after `delayMs`.
  deferOperationNow(opId: string, error: string, delayMs: number): void {
    this.sqlite.prepare("UPDATE _hrms_ops SET attempts = attempts + 1, last_error = ?, next_at = ? WHERE op_id = ?").run(error, Date.now() + delayMs, opId);
  }

  // An admin asks for a waiting operation to be tried at once.
  retryNow(opId: string): Promise<boolean> {
    return this.writeLock.run(() => this.sqlite.prepare("UPDATE _hrms_ops SET next_at = 0 WHERE op_id = ?").run(opId).changes > 0);
  }

  // ---- metadata and events -----------------------------------------------------------------

  deleteMeta(key: string): Promise<void> {
    return this.writeLock.run(() => void this.sqlite.prepare("DELETE FROM _hrms_meta WHERE key = ?").run(key));
  }

  getMeta(key: string): string | null {
    return (this.sqlite.prepare("SELECT value FROM _hrms_meta WHERE key = ?").get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMetaNow(entries: Record<string, string>): void {
    const setMeta = this.sqlite.prepare("INSERT INTO _hrms_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    for (const [key, value] of Object.entries(entries)) setMeta.run(key, value);
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.writeLock.run(() => this.setMetaNow({ [key]: value }));
  }

  addEvent(type: string, message: string, detail?: Record<string, unknown>): Promise<void> {
    return this.writeLock.run(() => {
      const insert = this.sqlite.prepare("INSERT INTO _hrms_events (at, type, message, detail) VALUES (?, ?, ?, ?)");
      const { lastInsertRowid } = insert.run(new Date().toISOString(), type, message, detail ? JSON.stringify(detail) : null);
      if (Number(lastInsertRowid) % 100 === 0) this.sqlite.prepare("DELETE FROM _hrms_events WHERE id <= ?").run(Number(lastInsertRowid) - MAX_EVENTS);
    });
  }

  listEvents(options: { limit?: number; types?: string[] } = {}): DbEvent[] {
    const types = options.types ?? [];
    const filter = types.length ? `WHERE type IN (${types.map(() => "?").join(", ")})` : "";
    const rows = this.sqlite
      .prepare(`SELECT id, at, type, message, detail FROM _hrms_events ${filter} ORDER BY id DESC LIMIT ?`)
      .all(...types, options.limit ?? 100) as { id: number; at: string; type: string; message: string; detail: string | null }[];
    return rows.map((row) => ({ ...row, detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null }));
  }

  // ---- mirror ------------------------------------------------------------------------------

  // Applies PostgreSQL's current version of some rows (or their absence) and moves the position,
  // in one transaction. Rows with local writes still waiting in the outbox are left alone (the
  // replay decides their fate), and a row never goes back to an older version (two writers'
  // answers can arrive out of order). Must run under writeLock.
  applyChangesNow(changes: RowChanges[], meta: Record<string, string>, isAuthoritative = false): number {
    const isQueued = this.sqlite.prepare("SELECT 1 FROM _hrms_outbox WHERE tbl = ? AND row_id = ? LIMIT 1");
    let applied = 0;
    this.sqlite.transaction(() => {
      for (const change of changes) {
        const table = this.table(change.table);
        const upsert = this.upsertStatement(table);
        const localVersion = this.sqlite.prepare(`SELECT "version" FROM ${quote(table.name)} WHERE "id" = ?`).pluck();
        const remove = this.sqlite.prepare(`DELETE FROM ${quote(table.name)} WHERE "id" = ?`);
        for (const row of change.rows) {
          if (isQueued.get(table.name, row.id)) continue;
          const version = localVersion.get(row.id) as number | undefined;
          if (!isAuthoritative && version !== undefined && typeof row.version === "number" && version > row.version) continue;
          upsert.run(table.columns.map((column) => toSqliteValue(row[column.name], column.isDateTime, column.isBoolean)));
          applied += 1;
        }
        for (const id of change.deletedIds) {
          if (isQueued.get(table.name, id)) continue;
          applied += remove.run(id).changes;
        }
      }
      this.setMetaNow(meta);
    })();
    return applied;
  }

  // `isAuthoritative`: PostgreSQL's version replaces the local one even if it looks older (after a
  // replay decided a row's fate).
  applyChanges(changes: RowChanges[], meta: Record<string, string>, isAuthoritative = false): Promise<number> {
    return this.writeLock.run(() => this.applyChangesNow(changes, meta, isAuthoritative));
  }

  get rebuilding(): boolean {
    return this.isRebuilding;
  }

  // Replaces every model table's contents with PostgreSQL's, streamed batch by batch inside one
  // SQLite transaction: readers on other connections keep seeing the previous copy until it
  // commits, and a failure part-way leaves that copy as it was. Refused while writes are queued:
  // they must be replayed (or set aside) first. Holds the write lock throughout.
  // `heldBack`: rows that arrived while it ran (this instance's own writes), applied before the lock
  // is released whether the rebuild completed or not, so no write waiting for the lock runs
  // against a copy without them.
  async rebuild(
    fill: (add: (table: string, rows: Record<string, unknown>[]) => void) => Promise<Record<string, string>>,
    heldBack: () => RowChanges[] = () => [],
  ): Promise<number> {
    return this.writeLock.run(async () => {
      if (this.queueDepth() > 0) throw new Error("cannot rebuild the SQLite copy while writes are queued for replay");
      this.isRebuilding = true;
      let count = 0;
      this.sqlite.exec("BEGIN IMMEDIATE");
      try {
        for (const table of this.tables) this.sqlite.prepare(`DELETE FROM ${quote(table.name)}`).run();
        const statements = new Map<string, Database.Statement>();
        const meta = await fill((name, rows) => {
          const table = this.table(name);
          if (!statements.has(name)) statements.set(name, this.upsertStatement(table));
          const upsert = statements.get(name)!;
          for (const row of rows) upsert.run(table.columns.map((column) => toSqliteValue(row[column.name], column.isDateTime, column.isBoolean)));
          count += rows.length;
        });
        this.setMetaNow(meta);
        this.sqlite.exec("COMMIT");
        return count;
      } catch (error) {
        if (this.sqlite.inTransaction) this.sqlite.exec("ROLLBACK");
        throw error;
      } finally {
        this.isRebuilding = false;
        const held = heldBack();
        try {
          if (held.length > 0) this.applyChangesNow(held, {}, false);
        } catch {
          // The copy misses them until the mirror's next poll brings them.
        }
      }
    });
  }

  // A page of a model table's rows, as the capture triggers record them (what the replay sends to
  // PostgreSQL), in id order after `afterId`.
  readRows(table: Table, afterId: string, limit: number): Record<string, unknown>[] {
    const json = `json_object(${table.columns.map((column) => `'${column.name}', ${quote(column.name)}`).join(", ")})`;
    return (
      this.sqlite.prepare(`SELECT ${json} AS row FROM ${quote(table.name)} WHERE "id" > ? ORDER BY "id" LIMIT ?`).all(afterId, limit) as { row: string }[]
    ).map((row) => JSON.parse(row.row) as Record<string, unknown>);
  }

  limitPages(pages: number): void {
    this.sqlite.pragma(`max_page_count = ${Math.max(1, Math.floor(pages))}`);
  }

  // Deletes rows created before `before` from the copy only (not captured: PostgreSQL keeps them).
  pruneBefore(table: string, before: Date): Promise<number> {
    return this.writeLock.run(
      () =>
        this.sqlite.prepare(`DELETE FROM ${quote(this.table(table).name)} WHERE "createdAt" < ?`).run(toSqliteValue(before.toISOString(), true, false)).changes,
    );
  }

  // Rows in the layer's own tables and the audit log (the copy's largest table), and the file's size.
  tableSizes(): Record<string, number> {
    const count = (table: string) => (this.sqlite.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
    const sizes: Record<string, number> = {};
    for (const table of ["_hrms_outbox", "_hrms_ops", "_hrms_events", ...this.tables.filter((table) => table.name === "AuditLog").map((table) => table.name)])
      sizes[table] = count(table);
    const pages = this.sqlite.pragma("page_count", { simple: true }) as number;
    const pageSize = this.sqlite.pragma("page_size", { simple: true }) as number;
    sizes["file bytes"] = pages * pageSize;
    return sizes;
  }

  // The queue is dropped (after the file was kept aside by the caller).
  clearQueueNow(): number {
    const depth = this.queueDepth();
    this.sqlite.exec("DELETE FROM _hrms_outbox; DELETE FROM _hrms_ops;");
    return depth;
  }

  // A copy of the whole file beside it, before it is rebuilt or its queue set aside.
  async keepCopy(suffix: string): Promise<string> {
    const target = `${this.sqlite.name}.${suffix}`;
    await this.sqlite.backup(target);
    return target;
  }

  // Whether any model table holds a row (a file that has data to lose).
  hasData(): boolean {
    return this.tables.some((table) => this.sqlite.prepare(`SELECT 1 FROM ${quote(table.name)} LIMIT 1`).get() !== undefined);
  }

  // INSERT OR REPLACE also evicts a stale local row that holds a unique value (an email, say)
  // which PostgreSQL has since given to this row; that row's own change arrives in the same batch.
  private upsertStatement(table: Table) {
    const columns = table.columns.map((column) => quote(column.name)).join(", ");
    const placeholders = table.columns.map(() => "?").join(", ");
    return this.sqlite.prepare(`INSERT OR REPLACE INTO ${quote(table.name)} (${columns}) VALUES (${placeholders})`);
  }
}
