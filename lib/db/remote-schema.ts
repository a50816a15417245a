import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { quote, type Table } from "./table-info";

// The data layer's bookkeeping in PostgreSQL: the applied operation ids (exactly-once replay), the
// change log that feeds every instance's SQLite copy, each copy's position in it, the conflicts of
// replayed writes, and the capture trigger on every model table.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS _hrms_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS _hrms_applied_ops (
  op_id text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now(),
  source text
);
CREATE INDEX IF NOT EXISTS _hrms_applied_ops_at ON _hrms_applied_ops (applied_at);
CREATE TABLE IF NOT EXISTS _hrms_changes (
  seq bigserial PRIMARY KEY,
  tbl text NOT NULL,
  row_id text NOT NULL,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX IF NOT EXISTS _hrms_changes_txid ON _hrms_changes (txid);
DROP INDEX IF EXISTS _hrms_changes_at;
CREATE TABLE IF NOT EXISTS _hrms_copies (
  instance_id text PRIMARY KEY,
  snapshot_xmin xid8 NOT NULL,
  oldest_queued_at timestamptz,
  seen_at timestamptz NOT NULL DEFAULT now()
);
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
  -- One notification per transaction (identical payloads are folded), delivered at commit: it
  -- wakes every instance's mirror at once instead of at its next poll. The payload is the
  -- transaction's id, so an instance can tell its own commits (already in its copy) from others'.
  PERFORM pg_notify('hrms_changes', pg_current_xact_id()::text);
  RETURN NULL;
END
$$;
-- The last statement of every write transaction made through the layer: records its operation id
-- and returns the rows the transaction changed as they now are (NULL for a deleted row), so the
-- instance can put them in its SQLite copy right after COMMIT without another round trip.
DROP FUNCTION IF EXISTS _hrms_finish(text, text);
CREATE FUNCTION _hrms_finish(p_op_id text, p_source text)
RETURNS TABLE (tbl text, row_id text, row_json json, txid text) LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  INSERT INTO _hrms_applied_ops (op_id, source) VALUES (p_op_id, p_source);
  FOR t IN SELECT DISTINCT c.tbl FROM _hrms_changes c WHERE c.txid = pg_current_xact_id() LOOP
    RETURN QUERY EXECUTE format(
      'SELECT %L::text, c.row_id, row_to_json(x), pg_current_xact_id()::text FROM (SELECT DISTINCT row_id FROM _hrms_changes WHERE txid = pg_current_xact_id() AND tbl = %L) c LEFT JOIN %I x ON x.id = c.row_id',
      t, t, t);
  END LOOP;
END
$$;
-- The replay of a batch of queued operations in one round trip. Each operation runs in its own
-- subtransaction: applied whole with its id recorded, or not at all. The statements are built by
-- the app (remote-replay.ts) and take the same four parameters: the row as queued, the row it
-- started from, the row id and the version it was based on. A statement that matches no row is a
-- conflict (reported with the entry's index); an error is reported with its SQLSTATE.
CREATE OR REPLACE FUNCTION _hrms_replay(p_ops json, p_source text)
RETURNS TABLE (op_id text, outcome text, entry_index int, detail text) LANGUAGE plpgsql AS $$
DECLARE
  op json;
  e json;
  i int;
  n bigint;
  still_there boolean;
  -- Rows of operations refused for now (a lock, a deadlock): a later operation on the same rows
  -- waits for them, so writes to one row keep their order.
  waiting text[] := '{}';
  op_rows text[];
BEGIN
  FOR op IN SELECT value FROM json_array_elements(p_ops) LOOP
    op_id := op->>'id';
    entry_index := NULL;
    detail := NULL;
    IF EXISTS (SELECT 1 FROM _hrms_applied_ops a WHERE a.op_id = op->>'id') THEN
      outcome := 'already-applied';
      RETURN NEXT;
      CONTINUE;
    END IF;
    SELECT coalesce(array_agg((x.value->>'tbl') || ':' || (x.value->>'rowId')), '{}') INTO op_rows FROM json_array_elements(op->'entries') x;
    IF op_rows && waiting THEN
      outcome := 'error';
      detail := 'HR425: waits for an earlier queued write to the same row';
      RETURN NEXT;
      CONTINUE;
    END IF;
    BEGIN
      i := 0;
      FOR e IN SELECT value FROM json_array_elements(op->'entries') LOOP
        EXECUTE e->>'sql' USING e->'row', e->'old', e->>'rowId', (e->>'version')::int;
        GET DIAGNOSTICS n = ROW_COUNT;
        IF n = 0 AND e->>'kind' = 'delete' THEN
          -- Already gone is what the delete wanted.
          EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', e->>'tbl') INTO still_there USING e->>'rowId';
          IF NOT still_there THEN n := 1; END IF;
        END IF;
        IF n = 0 THEN
          RAISE EXCEPTION USING ERRCODE = 'HR409', MESSAGE = i::text;
        END IF;
        i := i + 1;
      END LOOP;
      INSERT INTO _hrms_applied_ops (op_id, source) VALUES (op->>'id', p_source);
      outcome := 'applied';
    EXCEPTION
      WHEN SQLSTATE 'HR409' THEN
        outcome := 'conflict';
        entry_index := SQLERRM::int;
      WHEN OTHERS THEN
        outcome := 'error';
        detail := SQLSTATE || ': ' || SQLERRM;
        IF SQLSTATE IN ('55P03', '40P01', '40001') THEN
          waiting := waiting || op_rows;
        END IF;
    END;
    RETURN NEXT;
  END LOOP;
END
$$;
`;

const CHECKSUM_KEY = "schema.checksum";
const INSTALL_TIMEOUT_MS = 30_000;

export function schemaChecksum(tables: Table[]): string {
  return createHash("sha256")
    .update(SCHEMA)
    .update(
      tables
        .map((table) => table.name)
        .sort()
        .join(","),
    )
    .digest("hex");
}

// Installs or updates the bookkeeping, only when its definition changed or a model table lacks its
// trigger: never at every boot, since creating triggers locks the tables. Lock waits are bounded
// (a long reader on a model table makes this fail fast, to be retried, rather than queue every
// writer behind it), and instances installing at once take turns on an advisory lock.
export async function installBookkeeping(client: pg.PoolClient, tables: Table[], lockTimeoutMs: number): Promise<boolean> {
  const checksum = schemaChecksum(tables);
  if (await isInstalled(client, tables, checksum)) return false;
  // Creating the bookkeeping takes longer than a request may (a slow or busy server, a first
  // install): it gets its own time, but no more patience with locks than a request has.
  const slow = (text: string) => client.query({ text, query_timeout: INSTALL_TIMEOUT_MS + 1_000 } as pg.QueryConfig);
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL statement_timeout = ${INSTALL_TIMEOUT_MS}`);
    await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
    await slow("SELECT pg_advisory_xact_lock(hashtext('hrms.install'))");
    await slow(SCHEMA);
    const { rows: existing } = await client.query<{ tbl: string }>(
      "SELECT c.relname AS tbl FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = '_hrms_capture' AND NOT t.tgisinternal",
    );
    const hasTrigger = new Set(existing.map((row) => row.tbl));
    for (const table of tables) {
      if (hasTrigger.has(table.name)) continue;
      await slow(`CREATE TRIGGER _hrms_capture AFTER INSERT OR UPDATE OR DELETE ON ${quote(table.name)} FOR EACH ROW EXECUTE FUNCTION _hrms_capture()`);
    }
    await client.query("INSERT INTO _hrms_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [CHECKSUM_KEY, checksum]);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

// Catalog reads only: no lock on any model table.
async function isInstalled(client: pg.PoolClient, tables: Table[], checksum: string): Promise<boolean> {
  const { rows } = await client
    .query<{ stored: string | null; missing: number }>(
      `SELECT (SELECT value FROM _hrms_meta WHERE key = $1) AS stored,
            (SELECT count(*)::int FROM unnest($2::text[]) AS m(tbl)
              WHERE NOT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                                 WHERE c.relname = m.tbl AND t.tgname = '_hrms_capture' AND NOT t.tgisinternal)) AS missing`,
      [CHECKSUM_KEY, tables.map((table) => table.name)],
    )
    .catch((error: { code?: string }) => {
      if (error.code === "42P01") return { rows: [] }; // _hrms_meta does not exist yet
      throw error;
    });
  return rows.length === 1 && rows[0].stored === checksum && rows[0].missing === 0;
}
