import "server-only";
import type pg from "pg";
import { inTransaction } from "./pg-connections";
import type { LocalStore } from "./local-store";
import { quote, type Table } from "./table-info";

// Moving from SQLite alone to PostgreSQL: a file that was the whole database (no DATABASE_URL)
// brings its rows into an empty PostgreSQL before it becomes that database's copy, so adding a
// database server loses nothing. Everything goes in one transaction: all of it, or none.
const BATCH_ROWS = 500;

export async function countPostgresRows(pool: pg.Pool, tables: Table[]): Promise<number> {
  if (tables.length === 0) return 0;
  const { rows } = await pool.query<{ n: number }>(`SELECT (${tables.map((table) => `(SELECT count(*) FROM ${quote(table.name)})`).join(" + ")})::int AS n`);
  return rows[0].n;
}

type ForeignKey = { child: string; parent: string; column: string; isNullable: boolean };

async function foreignKeys(client: pg.PoolClient, tables: Table[]): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT cl.relname AS child, pl.relname AS parent, a.attname AS column, NOT a.attnotnull AS "isNullable"
       FROM pg_constraint c
       JOIN pg_class cl ON cl.oid = c.conrelid
       JOIN pg_class pl ON pl.oid = c.confrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND cl.relname = ANY($1::text[]) AND pl.relname = ANY($1::text[])`,
    [tables.map((table) => table.name)],
  );
  return rows;
}

// An order to insert the tables in so that every row's references exist when it arrives: parents
// first. A reference that cannot be satisfied that way (a table referring to itself, as a manager
// does, or two tables referring to each other, as a department's head and an employee's
// department do) is deferred: the rows go in without it, and it is set once every row is in.
export function insertionPlan(tables: Table[], keys: ForeignKey[]): { ordered: Table[]; deferred: Map<string, string[]> } {
  const ordered: Table[] = [];
  const placed = new Set<string>();
  const deferred = new Map<string, string[]>();
  const defer = (key: ForeignKey) => {
    if (!key.isNullable) throw new Error(`cannot move ${key.child}: its required reference ${key.column} to ${key.parent} forms a cycle`);
    deferred.set(key.child, [...(deferred.get(key.child) ?? []), key.column]);
  };
  for (const key of keys) if (key.child === key.parent) defer(key);
  const remaining = [...tables];
  const isWaiting = (table: Table, key: ForeignKey) =>
    key.child === table.name && key.parent !== table.name && !placed.has(key.parent) && !deferred.get(table.name)?.includes(key.column);
  while (remaining.length > 0) {
    let index = remaining.findIndex((table) => !keys.some((key) => isWaiting(table, key)));
    if (index === -1) {
      // A cycle: break it where the fewest references wait, all of them optional.
      const waitingOn = (table: Table) => keys.filter((key) => isWaiting(table, key));
      const breakable = remaining.filter((table) => waitingOn(table).every((key) => key.isNullable)).sort((x, y) => waitingOn(x).length - waitingOn(y).length);
      if (breakable.length === 0)
        throw new Error(`cannot order the tables ${remaining.map((table) => table.name).join(", ")}: their required references form a cycle`);
      index = remaining.indexOf(breakable[0]);
      for (const key of waitingOn(breakable[0])) defer(key);
    }
    const [table] = remaining.splice(index, 1);
    ordered.push(table);
    placed.add(table.name);
  }
  return { ordered, deferred };
}

export async function copyIntoPostgres(pool: pg.Pool, local: LocalStore, tables: Table[]): Promise<number> {
  return inTransaction(pool, "BEGIN", async (client) => {
    let copied = 0;
    await client.query("SET LOCAL statement_timeout = 300000");
    const { ordered, deferred } = insertionPlan(tables, await foreignKeys(client, tables));
    for (const table of ordered) {
      const t = quote(table.name);
      const later = deferred.get(table.name) ?? [];
      for (let after = ""; ;) {
        const page = local.readRows(table, after, BATCH_ROWS);
        if (page.length === 0) break;
        const rows = later.length ? page.map((row) => ({ ...row, ...Object.fromEntries(later.map((column) => [column, null])) })) : page;
        await client.query(`INSERT INTO ${t} SELECT * FROM json_populate_recordset(NULL::${t}, $1::json)`, [JSON.stringify(rows)]);
        copied += page.length;
        if (page.length < BATCH_ROWS) break;
        after = String(page[page.length - 1].id);
      }
    }
    // Every row is in: the deferred references can be set.
    for (const [name, columns] of deferred) {
      const table = tables.find((candidate) => candidate.name === name)!;
      const t = quote(name);
      const set = columns.map((column) => `${quote(column)} = v.${quote(column)}`).join(", ");
      for (let after = ""; ;) {
        const page = local.readRows(table, after, BATCH_ROWS);
        if (page.length === 0) break;
        const rows = page.filter((row) => columns.some((column) => row[column] !== null));
        if (rows.length)
          await client.query(`UPDATE ${t} AS t SET ${set} FROM json_populate_recordset(NULL::${t}, $1::json) AS v WHERE t.id = v.id`, [JSON.stringify(rows)]);
        if (page.length < BATCH_ROWS) break;
        after = String(page[page.length - 1].id);
      }
    }
    return copied;
  });
}
