import "server-only";
import type pg from "pg";
import type { OutboxEntry } from "./local-store";
import { changedColumns } from "./remote-replay";
import { quote, type Table } from "./table-info";

// Queued writes that could not be replayed as they were, kept in PostgreSQL (every instance's
// admins see them) with both versions side by side until someone decides.
export type ConflictKind =
  | "version" // the row changed on PostgreSQL in a field the queued write changed too, or past a row lock it took
  | "exists" // a row with its id already exists
  | "deleted" // the row it updates is gone
  | "rejected" // PostgreSQL refuses it (a constraint, a dropped column, ...)
  | "stuck"; // a lock or deadlock kept refusing it, past the retries allowed

export type Conflict = {
  id: string;
  opId: string;
  kind: ConflictKind;
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

export type ConflictDraft = Pick<Conflict, "opId" | "kind" | "table" | "rowId" | "ours" | "theirs" | "entries" | "message">;

// Resolving as "ours" could not be done as asked; the message says what stands in the way.
export class ConflictResolutionError extends Error {
  readonly code = "conflict_resolution";
}

export async function recordConflict(pool: pg.Pool, conflict: ConflictDraft & { source: string }): Promise<void> {
  await pool.query(
    `INSERT INTO _hrms_conflicts (id, op_id, kind, tbl, row_id, ours, theirs, entries, message, source)
     VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
    [
      conflict.opId,
      conflict.kind,
      conflict.table,
      conflict.rowId,
      JSON.stringify(conflict.ours),
      JSON.stringify(conflict.theirs),
      JSON.stringify(conflict.entries),
      conflict.message,
      conflict.source,
    ],
  );
}

export async function listConflicts(pool: pg.Pool, options: { includeResolved?: boolean; limit?: number } = {}): Promise<Conflict[]> {
  const { rows } = await pool.query(
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

export async function countOpenConflicts(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM _hrms_conflicts WHERE resolved_at IS NULL");
  return Number(rows[0].n);
}

// Resolved conflicts are kept for `retentionDays`, then removed.
export async function pruneResolvedConflicts(pool: pg.Pool, retentionDays: number): Promise<number> {
  const result = await pool.query("DELETE FROM _hrms_conflicts WHERE resolved_at < now() - make_interval(days => $1)", [retentionDays]);
  return result.rowCount ?? 0;
}

// "theirs": PostgreSQL's version stands. "ours": the queued write is applied over it, as a new
// version, in one transaction with the resolution: an update sets only the fields it changed (what
// others changed meanwhile stays), an insert whose id exists becomes an update of those fields, a
// delete deletes. A unique value now held by another row is reported, not forced.
export async function resolveConflict(pool: pg.Pool, id: string, resolution: "theirs" | "ours", tables: Table[], actor: string): Promise<boolean> {
  const client = await pool.connect();
  let isBroken = false;
  try {
    await client.query("BEGIN");
    const found = await client.query("SELECT entries FROM _hrms_conflicts WHERE id = $1 AND resolved_at IS NULL FOR UPDATE", [id]);
    if (!found.rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    if (resolution === "ours") {
      for (const entry of found.rows[0].entries as OutboxEntry[]) await forceApply(client, tables, entry);
      await client.query("INSERT INTO _hrms_applied_ops (op_id, source) VALUES ($1, 'conflict-resolution') ON CONFLICT DO NOTHING", [id]);
    }
    await client.query("UPDATE _hrms_conflicts SET resolved_at = now(), resolution = $2, resolved_by = $3 WHERE id = $1", [id, resolution, actor]);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => (isBroken = true));
    if ((error as { code?: string }).code === "23505") {
      const detail = (error as { detail?: string }).detail;
      throw new ConflictResolutionError(
        `PostgreSQL already has another row with the same unique value${detail ? ` (${detail})` : ""}. Keep PostgreSQL's version, or change or remove that other row first and then apply the queued write.`,
      );
    }
    throw error;
  } finally {
    client.release(isBroken);
  }
}

async function forceApply(client: pg.PoolClient, tables: Table[], entry: OutboxEntry) {
  const table = tables.find((candidate) => candidate.name === entry.table);
  if (!table) return;
  const t = quote(table.name);
  if (entry.kind === "delete") {
    await client.query(`DELETE FROM ${t} WHERE id = $1`, [entry.rowId]);
    return;
  }
  const exists = (await client.query(`SELECT 1 FROM ${t} WHERE id = $1`, [entry.rowId])).rowCount;
  if (!exists) {
    await client.query(`INSERT INTO ${t} SELECT * FROM json_populate_record(NULL::${t}, $1::json)`, [JSON.stringify(entry.row)]);
    return;
  }
  const changed =
    entry.kind === "update"
      ? changedColumns(table, entry)
      : table.columns.filter((column) => !["id", "version", "createdAt"].includes(column.name)).map((column) => column.name);
  const assigned = [...new Set([...changed, ...(table.columns.some((column) => column.name === "updatedAt") ? ["updatedAt"] : [])])];
  const set = assigned.map((name) => `${quote(name)} = n.${quote(name)}, `).join("");
  await client.query(`UPDATE ${t} AS t SET ${set}"version" = t."version" + 1 FROM json_populate_record(NULL::${t}, $1::json) AS n WHERE t.id = $2`, [
    JSON.stringify(entry.row),
    entry.rowId,
  ]);
}
