// The model tables as the databases themselves describe them. Capture triggers, the mirror and
// the replay are generated from this, so a model added by a later migration is covered without
// anyone having to remember it.
import type Database from "better-sqlite3";

export type Column = { name: string; type: string; isDateTime: boolean; isBoolean: boolean };
export type Table = { name: string; columns: Column[] };

const INTERNAL = /^(_|sqlite_)/;

export function readSqliteTables(sqlite: Database.Database): Table[] {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => (row as { name: string }).name)
    .filter((name) => !INTERNAL.test(name));
  return names.map((name) => ({
    name,
    columns: (sqlite.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string; type: string }[]).map((column) => ({
      name: column.name,
      type: column.type.toUpperCase(),
      isDateTime: /DATE|TIME/.test(column.type.toUpperCase()),
      isBoolean: column.type.toUpperCase() === "BOOLEAN",
    })),
  }));
}

export function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

// Every model table must carry the columns the failover machinery relies on.
export function assertConventions(tables: Table[]): void {
  for (const table of tables) {
    const names = new Set(table.columns.map((column) => column.name));
    for (const required of ["id", "version"]) {
      if (!names.has(required))
        throw new Error(`Model table ${table.name} has no "${required}" column; every model needs id and version (see prisma/models.prisma).`);
    }
  }
}
