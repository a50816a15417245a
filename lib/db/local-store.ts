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
CREATE TABLE IF NOT EXISTS _hrms_meta (key TEXT PRIMARY KEY, value TEXT);
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
  const json = (prefix: "NEW" | "OLD") =>
    `json_object(${table.columns.map((column) => `'${column.name}', ${prefix}.${quote(column.name)}`).join(", ")})`;
  const name = (kind: string) => quote(`_hrms_capture_${table.name}_${kind}`);
  const insert = (kind: string, prefix: "NEW" | "OLD", base: string, row: string, old = "NULL") =>
    `INSERT INTO _hrms_outbox (op_id, tbl, row_id, kind, base_version, row_json, old_json) VALUES (${CURRENT_OP}, '${table.name}', ${prefix}."id", '${kind}', ${base}, ${row}, ${old});`;
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

export class LocalStore {
  readonly sqlite: Database.Database;
  readonly writeLock = new AsyncMutex();
  tables: Table[] = [];

  constructor(file: string) {
    this.sqlite = new Database(file, { timeout: 5_000 });
    this.sqlite.pragma("journal_mode = WAL");
    this.sqlite.pragma("synchronous = FULL");
    this.sqlite.pragma("foreign_keys = OFF");
  }

  // Creates the data layer's tables and (re)creates the capture trigger of every model table.
  install(): Table[] {
    this.sqlite.exec(SCHEMA);
    const outboxColumns = (this.sqlite.prepare("PRAGMA table_info(_hrms_outbox)").all() as { name: string }[]).map((column) => column.name);
    if (!outboxColumns.includes("old_json")) this.sqlite.exec("ALTER TABLE _hrms_outbox ADD COLUMN old_json TEXT");
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
    return (this.sqlite.prepare("SELECT count(DISTINCT op_id) AS n FROM _hrms_outbox").get() as { n: number }).n;
  }

  oldestQueuedAt(): string | null {
    return (this.sqlite.prepare("SELECT min(created_at) AS at FROM _hrms_outbox").get() as { at: string | null }).at;
  }

  // The oldest queued operations (each one original transaction), in the order they were made,
  // each with its entries in the order written.
  nextOperations(limit: number): OutboxEntry[][] {
    const rows = this.sqlite.prepare("SELECT op_id FROM _hrms_outbox GROUP BY op_id ORDER BY min(seq) LIMIT ?").all(limit) as { op_id: string }[];
    return rows.map((row) => this.operation(row.op_id));
  }

  operation(opId: string): OutboxEntry[] {
    const rows = this.sqlite
      .prepare("SELECT seq, op_id, tbl, row_id, kind, base_version, row_json, old_json, created_at FROM _hrms_outbox WHERE op_id = ? ORDER BY seq")
      .all(opId) as { seq: number; op_id: string; tbl: string; row_id: string; kind: OutboxEntry["kind"]; base_version: number | null; row_json: string | null; old_json: string | null; created_at: string }[];
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

  listQueue(limit = 50): { opId: string; entries: number; tables: string; createdAt: string }[] {
    return this.sqlite
      .prepare(
        "SELECT op_id AS opId, count(*) AS entries, group_concat(DISTINCT tbl) AS tables, min(created_at) AS createdAt FROM _hrms_outbox GROUP BY op_id ORDER BY min(seq) LIMIT ?",
      )
      .all(limit) as { opId: string; entries: number; tables: string; createdAt: string }[];
  }

  removeOperations(opIds: string[]): Promise<void> {
    return this.writeLock.run(() => {
      const remove = this.sqlite.prepare("DELETE FROM _hrms_outbox WHERE op_id = ?");
      this.sqlite.transaction(() => opIds.forEach((opId) => remove.run(opId)))();
    });
  }

  // ---- metadata and events -----------------------------------------------------------------

  getMeta(key: string): string | null {
    return (this.sqlite.prepare("SELECT value FROM _hrms_meta WHERE key = ?").get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.writeLock.run(() => {
      this.sqlite.prepare("INSERT INTO _hrms_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
    });
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

  // Applies PostgreSQL's current version of some rows (or their absence) and moves the watermark,
  // in one transaction. Rows with local writes still waiting in the outbox are left alone: the
  // replay decides their fate.
  applyMirror(changes: { table: string; rows: Record<string, unknown>[]; deletedIds: string[] }[], meta: Record<string, string>): Promise<number> {
    return this.writeLock.run(() => {
      const isQueued = this.sqlite.prepare("SELECT 1 FROM _hrms_outbox WHERE tbl = ? AND row_id = ? LIMIT 1");
      const setMeta = this.sqlite.prepare("INSERT INTO _hrms_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
      let applied = 0;
      this.sqlite.transaction(() => {
        for (const change of changes) {
          const table = this.table(change.table);
          const upsert = this.upsertStatement(table);
          const remove = this.sqlite.prepare(`DELETE FROM ${quote(table.name)} WHERE "id" = ?`);
          for (const row of change.rows) {
            if (isQueued.get(table.name, row.id)) continue;
            upsert.run(table.columns.map((column) => toSqliteValue(row[column.name], column.isDateTime, column.isBoolean)));
            applied += 1;
          }
          for (const id of change.deletedIds) {
            if (isQueued.get(table.name, id)) continue;
            applied += remove.run(id).changes;
          }
        }
        for (const [key, value] of Object.entries(meta)) setMeta.run(key, value);
      })();
      return applied;
    });
  }

  // Replaces every model table's contents with PostgreSQL's snapshot. Refused while writes are
  // queued: they must be replayed first.
  replaceAll(snapshot: { table: string; rows: Record<string, unknown>[] }[], meta: Record<string, string>): Promise<void> {
    return this.writeLock.run(() => {
      if (this.queueDepth() > 0) throw new Error("cannot rebuild the SQLite copy while writes are queued for replay");
      this.sqlite.transaction(() => {
        for (const table of this.tables) this.sqlite.prepare(`DELETE FROM ${quote(table.name)}`).run();
        for (const { table: name, rows } of snapshot) {
          const table = this.table(name);
          const upsert = this.upsertStatement(table);
          for (const row of rows) upsert.run(table.columns.map((column) => toSqliteValue(row[column.name], column.isDateTime, column.isBoolean)));
        }
        const setMeta = this.sqlite.prepare("INSERT INTO _hrms_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        for (const [key, value] of Object.entries(meta)) setMeta.run(key, value);
      })();
    });
  }

  // INSERT OR REPLACE also evicts a stale local row that holds a unique value (an email, say)
  // which PostgreSQL has since given to this row; that row's own change arrives in the same batch.
  private upsertStatement(table: Table) {
    const columns = table.columns.map((column) => quote(column.name)).join(", ");
    const placeholders = table.columns.map(() => "?").join(", ");
    return this.sqlite.prepare(`INSERT OR REPLACE INTO ${quote(table.name)} (${columns}) VALUES (${placeholders})`);
  }
}
