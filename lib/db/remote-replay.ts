import "server-only";
import type pg from "pg";
import { isConnectionError } from "./errors";
import { inTransaction } from "./pg-connections";
import type { OutboxEntry } from "./local-store";
import type { ConflictDraft } from "./remote-conflicts";
import { quote, type Table } from "./table-info";

// Replays operations queued in SQLite during an outage into PostgreSQL.
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
// edit to the same column is a conflict. An update that changed no field is a lock (a version
// bump taken to serialise a decision, as a leave request locks its balance): it stands only if
// the row is still at the version it locked, otherwise the decision was made on a row that has
// moved on since and must be reviewed. Without the row it started from (an entry queued by an
// older version) the whole-row version check applies too.
export function mergeUpdateSql(table: Table, changed: string[], hasOldRow: boolean): string {
  const t = quote(table.name);
  const assigned = [...changed, ...(table.columns.some((column) => column.name === "updatedAt") ? ["updatedAt"] : [])];
  const set = assigned.map((name) => `${quote(name)} = n.${quote(name)}, `).join("");
  const isMerge = hasOldRow && changed.length > 0;
  const unchangedSince = isMerge ? changed.map((name) => ` AND t.${quote(name)} IS NOT DISTINCT FROM o.${quote(name)}`).join("") : ` AND t."version" = $4`;
  return `UPDATE ${t} AS t SET ${set}"version" = t."version" + 1
    FROM json_populate_record(NULL::${t}, $1::json) AS n, json_populate_record(NULL::${t}, $2::json) AS o
    WHERE t.id = $3${unchangedSince} RETURNING t.id`;
}

// Lock waits, deadlocks and serialisation failures pass: the operation is tried again later.
// HR425: the replay function held an operation back behind an earlier one on the same row.
const TRANSIENT_CODES = new Set(["55P03", "57014", "40P01", "40001", "HR425"]);

export function isTransientRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && TRANSIENT_CODES.has(code);
}

export type ReplayResult =
  | { outcome: "applied" | "already-applied" }
  | { outcome: "conflict"; conflict: ConflictDraft }
  // Refused for now (a lock, a deadlock): try again later, keeping its place among operations
  // on the same rows.
  | { outcome: "retry"; error: string }
  // Refused for good: set aside with the error, never blocking the queue.
  | { outcome: "rejected"; conflict: ConflictDraft };

function message(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const text = error instanceof Error ? error.message : String(error);
  return typeof code === "string" ? `${code}: ${text}` : text;
}

// The statement that applies one queued entry, with the four parameters every replay statement
// takes ($1 the row as queued, $2 the row it started from, $3 its id, $4 the version it was based
// on). No row matched means the entry does not stand (a conflict), except a delete of a row that is
// already gone.
export function entrySql(table: Table, entry: OutboxEntry): string {
  const t = quote(table.name);
  if (entry.kind === "insert") return `INSERT INTO ${t} SELECT * FROM json_populate_record(NULL::${t}, $1::json) ON CONFLICT (id) DO NOTHING`;
  if (entry.kind === "update") return mergeUpdateSql(table, changedColumns(table, entry), entry.oldRow !== null);
  return `DELETE FROM ${t} WHERE id = $3 AND version = $4`;
}

type BatchRow = { op_id: string; outcome: "applied" | "already-applied" | "conflict" | "error"; entry_index: number | null; detail: string | null };

// Applies queued operations in order, a batch per PostgreSQL transaction and one round trip (the
// _hrms_replay function), each operation in its own subtransaction with its operation id recorded,
// so an operation is applied whole or not at all and a second attempt after an unknown outcome is
// a no-op. Whatever PostgreSQL says about one operation (a conflict, a lock it cannot take, a column
// that no longer exists, a bug) is that operation's result; only a lost connection fails the batch.
// A batch that fails as a whole (its statement timed out behind locks) is tried again one
// operation at a time, so each gets its own result.
export async function replayOperations(pool: pg.Pool, operations: OutboxEntry[][], tables: Table[], source: string): Promise<ReplayResult[]> {
  try {
    return await replayInOneCall(pool, operations, tables, source);
  } catch (error) {
    if (isConnectionError(error)) throw error;
    return replayOneByOne(pool, operations, tables, source);
  }
}

async function replayInOneCall(pool: pg.Pool, operations: OutboxEntry[][], tables: Table[], source: string): Promise<ReplayResult[]> {
  const results: (ReplayResult | null)[] = operations.map(() => null);
  const payload: { id: string; entries: { sql: string; kind: string; tbl: string; row: unknown; old: unknown; rowId: string; version: number | null }[] }[] =
    [];
  const sent: number[] = [];
  for (const [index, entries] of operations.entries()) {
    const unknown = entries.find((entry) => !tables.some((table) => table.name === entry.table));
    if (unknown) {
      results[index] = rejected(entries, `the table ${unknown.table} is not a model table of this version of the app`);
      continue;
    }
    sent.push(index);
    payload.push({
      id: entries[0].opId,
      entries: entries.map((entry) => ({
        sql: entrySql(
          tables.find((table) => table.name === entry.table)!,
          entry,
        ),
        kind: entry.kind,
        tbl: entry.table,
        row: entry.row ?? {},
        old: entry.oldRow ?? {},
        rowId: entry.rowId,
        version: entry.baseVersion ?? null,
      })),
    });
  }
  if (payload.length === 0) return results as ReplayResult[];
  return inTransaction(pool, "BEGIN", async (client) => {
    const { rows } = await client.query<BatchRow>("SELECT op_id, outcome, entry_index, detail FROM _hrms_replay($1::json, $2)", [
      JSON.stringify(payload),
      source,
    ]);
    if (rows.length !== sent.length || rows.some((row, position) => row.op_id !== payload[position].id)) {
      throw new Error(`the replay function answered ${rows.length} results for ${sent.length} operations`);
    }
    for (const [position, row] of rows.entries()) {
      const index = sent[position];
      const entries = operations[index];
      if (row.outcome === "applied" || row.outcome === "already-applied") results[index] = { outcome: row.outcome };
      else if (row.outcome === "conflict") {
        const entry = entries[row.entry_index ?? 0];
        const table = tables.find((candidate) => candidate.name === entry.table)!;
        const theirs = await currentRow(client, table, entry.rowId);
        const kind = entry.kind === "insert" ? "exists" : entry.kind === "update" && !theirs ? "deleted" : "version";
        results[index] = {
          outcome: "conflict",
          conflict: { opId: entry.opId, kind, table: table.name, rowId: entry.rowId, ours: entry.row, theirs, entries, message: null },
        };
      } else if (TRANSIENT_CODES.has((row.detail ?? "").slice(0, 5))) results[index] = { outcome: "retry", error: row.detail ?? "" };
      else results[index] = rejected(entries, row.detail ?? "refused");
    }
    return results as ReplayResult[];
  });
}

function rejected(entries: OutboxEntry[], detail: string): ReplayResult {
  const first = entries[0];
  return {
    outcome: "rejected",
    conflict: { opId: first.opId, kind: "rejected", table: first.table, rowId: first.rowId, ours: first.row, theirs: null, entries, message: detail },
  };
}

async function currentRow(client: pg.PoolClient, table: Table, rowId: string): Promise<Record<string, unknown> | null> {
  const { rows } = await client.query<{ row: Record<string, unknown> }>(`SELECT row_to_json(t) AS row FROM ${quote(table.name)} t WHERE t.id = $1`, [rowId]);
  return rows[0]?.row ?? null;
}

async function replayOneByOne(pool: pg.Pool, operations: OutboxEntry[][], tables: Table[], source: string): Promise<ReplayResult[]> {
  return inTransaction(pool, "BEGIN", async (client) => {
    const results: ReplayResult[] = [];
    const ids = operations.map((entries) => entries[0].opId);
    const seen = new Set(
      (await client.query<{ op_id: string }>("SELECT op_id FROM _hrms_applied_ops WHERE op_id = ANY($1::text[])", [ids])).rows.map((row) => row.op_id),
    );
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
          if (!table) throw new Error(`the table ${entry.table} is not a model table of this version of the app`);
          conflict = await applyEntry(client, table, entry);
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
        if (isConnectionError(error)) throw error;
        await client.query("ROLLBACK TO SAVEPOINT op");
        if (isTransientRefusal(error)) {
          results.push({ outcome: "retry", error: message(error) });
          continue;
        }
        const first = entries[0];
        results.push({
          outcome: "rejected",
          conflict: { opId, kind: "rejected", table: first.table, rowId: first.rowId, ours: first.row, theirs: null, entries, message: message(error) },
        });
      }
    }
    return results;
  });
}

async function applyEntry(client: pg.PoolClient, table: Table, entry: OutboxEntry): Promise<Omit<ConflictDraft, "opId" | "entries"> | null> {
  const t = quote(table.name);
  const current = async () =>
    (await client.query<{ row: Record<string, unknown> }>(`SELECT row_to_json(t) AS row FROM ${t} t WHERE t.id = $1`, [entry.rowId])).rows[0]?.row ?? null;
  const base = { table: table.name, rowId: entry.rowId, ours: entry.row, message: null };

  if (entry.kind === "insert") {
    const inserted = await client.query(`INSERT INTO ${t} SELECT * FROM json_populate_record(NULL::${t}, $1::json) ON CONFLICT (id) DO NOTHING RETURNING id`, [
      JSON.stringify(entry.row),
    ]);
    return inserted.rowCount ? null : { ...base, kind: "exists", theirs: await current() };
  }
  if (entry.kind === "update") {
    const changed = changedColumns(table, entry);
    const hasOldRow = entry.oldRow !== null;
    const isMerge = hasOldRow && changed.length > 0;
    const params = [JSON.stringify(entry.row), JSON.stringify(entry.oldRow ?? {}), entry.rowId, ...(isMerge ? [] : [entry.baseVersion])];
    const updated = await client.query(mergeUpdateSql(table, changed, hasOldRow), params);
    if (updated.rowCount) return null;
    const theirs = await current();
    return { ...base, kind: theirs ? "version" : "deleted", theirs };
  }
  const deleted = await client.query(`DELETE FROM ${t} WHERE id = $1 AND version = $2 RETURNING id`, [entry.rowId, entry.baseVersion]);
  if (deleted.rowCount) return null;
  const theirs = await current();
  // Already gone is what the delete wanted; a row that changed meanwhile is a conflict.
  return theirs ? { ...base, kind: "version", theirs } : null;
}
