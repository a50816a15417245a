// Integration tests against real databases: a temp SQLite file, and a scratch PostgreSQL database.
import { randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgresCluster, type PgCluster } from "@/test/helpers/pg-cluster";
import { applyMigrations, readMigrationState } from "./apply-migrations";
import { createMigration } from "./create-migration";
import { runPostgresAdmin, withDatabase, type Provider } from "./schema-engine";

// The only place that knows where PostgreSQL comes from: a fresh database on TEST_DATABASE_URL's
// server, or on the local server. Swap for test/helpers/pg-cluster.ts when that exists.
// A throwaway cluster for the whole file; each scratch database in it starts empty.
let cluster: PgCluster | undefined;

async function createScratchPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  cluster ??= await startPostgresCluster();
  const server = cluster.urlFor("postgres");
  const name = `mig_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  await runPostgresAdmin(server, 5000, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(server, name),
    drop: () => runPostgresAdmin(server, 5000, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

const tmp = mkdtempSync(path.join(tmpdir(), "hrms-migrations-"));
let postgres: Awaited<ReturnType<typeof createScratchPostgres>>;

beforeAll(async () => {
  postgres = await createScratchPostgres();
});
afterAll(async () => {
  await postgres?.drop();
  await cluster?.destroy();
  rmSync(tmp, { recursive: true, force: true });
});

function committedMigrations(provider: Provider, prismaDir = "prisma"): string[] {
  return readdirSync(path.join(prismaDir, provider, "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Runs one query on the database under test and returns its rows. */
async function query<T>(provider: Provider, url: string, sql: string): Promise<T[]> {
  if (provider === "sqlite") {
    const db = new Database(url, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // a lost connection fails the next query instead of throwing
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const TABLES_SQL: Record<Provider, string> = {
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table'",
  postgres: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
};

describe.each<Provider>(["sqlite", "postgres"])("committed migrations on %s", (provider) => {
  const migrations = committedMigrations(provider);
  const url = () => (provider === "sqlite" ? path.join(tmp, "apply", "hrms.db") : postgres.url);

  it("has migrations to test with", () => {
    expect(migrations.length).toBeGreaterThan(0);
  });

  it("reports every migration as pending on an empty database", async () => {
    expect(await readMigrationState({ provider, url: url() })).toEqual({ applied: [], pending: migrations, failed: [] });
    if (provider === "sqlite") expect(existsSync(url())).toBe(false); // reading must not create the file
  });

  it("applies them and creates the tables", async () => {
    expect(await applyMigrations({ provider, url: url() })).toEqual({ applied: migrations });
    const tables = (await query<{ name: string }>(provider, url(), TABLES_SQL[provider])).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(["Employee", "Department", "_prisma_migrations"]));
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations({ provider, url: url() })).toEqual({ applied: [] });
  });

  it("records one finished row per migration in _prisma_migrations", async () => {
    const rows = await query<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }>(
      provider,
      url(),
      "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrations);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("reports nothing pending afterwards", async () => {
    expect(await readMigrationState({ provider, url: url() })).toEqual({ applied: migrations, pending: [], failed: [] });
  });
});

describe("failing migrations", () => {
  // A copy of the provider's committed migrations plus one more.
  function migrationsWith(provider: Provider, name: string, sql: string): string {
    const dir = path.join(tmp, `${provider}-${name}`);
    cpSync(path.join("prisma", provider, "migrations"), dir, { recursive: true });
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
    return dir;
  }

  it("are reported as failed, and block later runs", async () => {
    const migrationsDir = migrationsWith("sqlite", "29990101000000_broken", "CREATE TABLE ok_table (id TEXT);\nSELECT * FROM no_such_table;\n");
    const target = { provider: "sqlite" as const, url: path.join(tmp, "failing.db"), migrationsDir };
    await expect(applyMigrations(target)).rejects.toThrow(/no_such_table/);
    expect(await readMigrationState(target)).toEqual({
      applied: committedMigrations("sqlite"),
      pending: [],
      failed: ["29990101000000_broken"],
    });
    await expect(applyMigrations(target)).rejects.toThrow(/29990101000000_broken/);
  });

  it("run as one script on PostgreSQL: semicolons in strings work, and a failure leaves nothing behind", async () => {
    const scratch = await createScratchPostgres();
    try {
      const quoted = migrationsWith("postgres", "29990101000000_quoted", `CREATE TABLE "Note" (body TEXT DEFAULT 'a;b');\n`);
      await applyMigrations({ provider: "postgres", url: scratch.url, migrationsDir: quoted });
      expect(await query("postgres", scratch.url, `SELECT 1 FROM "Note"`)).toEqual([]);

      const broken = migrationsWith("postgres", "29990101000001_broken", `CREATE TABLE "Half" (id TEXT);\nSELECT * FROM no_such_table;\n`);
      cpSync(path.join(quoted, "29990101000000_quoted"), path.join(broken, "29990101000000_quoted"), { recursive: true });
      await expect(applyMigrations({ provider: "postgres", url: scratch.url, migrationsDir: broken })).rejects.toThrow(/no_such_table/);
      const half = await query("postgres", scratch.url, `SELECT to_regclass('"Half"')::text AS t`);
      expect(half).toEqual([{ t: null }]);
    } finally {
      await scratch.drop();
    }
  });
});

describe("createMigration", () => {
  // Works on a copy of prisma/, so a schema change without its migration never writes into the repo.
  function copyPrismaDir(name: string): string {
    const dir = path.join(tmp, name);
    for (const provider of ["postgres", "sqlite"]) {
      mkdirSync(path.join(dir, provider), { recursive: true });
      cpSync(path.join("prisma", provider, "schema.prisma"), path.join(dir, provider, "schema.prisma"));
      cpSync(path.join("prisma", provider, "migrations"), path.join(dir, provider, "migrations"), { recursive: true });
    }
    return dir;
  }

  it("reports no changes when the committed migrations match schema.prisma", async () => {
    const prismaDir = copyPrismaDir("unchanged");
    const result = await createMigration("nothing", { prismaDir, postgresUrl: postgres.url });
    expect(result.changed).toBe(false);
    expect(committedMigrations("postgres", prismaDir)).toEqual(committedMigrations("postgres"));
    expect(committedMigrations("sqlite", prismaDir)).toEqual(committedMigrations("sqlite"));
  });

  it("writes the same migration for both providers when the schema changes", async () => {
    const prismaDir = copyPrismaDir("changed");
    for (const provider of ["postgres", "sqlite"]) {
      appendFileSync(path.join(prismaDir, provider, "schema.prisma"), "\nmodel MigrationProbe {\n  id String @id\n}\n");
    }
    const now = new Date("2999-01-02T03:04:05Z");
    const result = await createMigration("addMigration-probe", { prismaDir, postgresUrl: postgres.url, now });
    expect(result).toMatchObject({ changed: true, migrationName: "29990102030405_add_migration_probe" });

    for (const provider of ["postgres", "sqlite"] as const) {
      const migrationsDir = path.join(prismaDir, provider, "migrations");
      expect(readFileSync(path.join(migrationsDir, "29990102030405_add_migration_probe", "migration.sql"), "utf8")).toMatch(/CREATE TABLE "MigrationProbe"/);
      expect(readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain(
        provider === "postgres" ? 'provider = "postgresql"' : 'provider = "sqlite"',
      );
    }
    const applied = await applyMigrations({
      provider: "sqlite",
      url: path.join(tmp, "changed.db"),
      migrationsDir: path.join(prismaDir, "sqlite", "migrations"),
    });
    expect(applied.applied.at(-1)).toBe("29990102030405_add_migration_probe");
    expect((await createMigration("again", { prismaDir, postgresUrl: postgres.url })).changed).toBe(false);
  });
});
