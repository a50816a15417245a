import "server-only";

// Applies the committed migration folders the way `prisma migrate deploy` does, and reports
// which of them a database has applied.
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import {
  createAdapterFactory,
  openSchemaEngine,
  quoteIdent,
  runPostgresAdmin,
  withDatabase,
  type DatabaseTarget,
  type MigrationList,
  type Provider,
} from "./schema-engine";

export interface MigrationTarget extends DatabaseTarget {
  /** Defaults to prisma/<postgres|sqlite>/migrations under the current directory. */
  migrationsDir?: string;
}

export interface MigrationState {
  applied: string[];
  pending: string[];
  failed: string[];
}

/** The `provider` line Prisma writes into migration_lock.toml. */
export const LOCKFILE_PROVIDER: Record<Provider, string> = { postgres: "postgresql", sqlite: "sqlite" };

export function defaultMigrationsDir(provider: Provider): string {
  return path.resolve("prisma", provider, "migrations");
}

/** Reads a migrations folder into the shape the engine expects (as the Prisma CLI does). */
export async function readMigrationsDirectory(dir: string): Promise<MigrationList> {
  const baseDir = path.resolve(dir);
  const lockfilePath = "migration_lock.toml";
  const lockfile = await readFile(path.join(baseDir, lockfilePath), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(baseDir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  return { baseDir, lockfile: { path: lockfilePath, content: lockfile }, shadowDbInitScript: "", migrationDirectories };
}

export async function applyMigrations(target: MigrationTarget): Promise<{ applied: string[] }> {
  const migrations = await readMigrationsDirectory(target.migrationsDir ?? defaultMigrationsDir(target.provider));
  // Like `prisma migrate deploy`, create the database itself when it does not exist yet.
  if (target.provider === "postgres") await ensurePostgresDatabase(target);
  else await ensureSqliteDirectory(target.url);

  const engine = await openSchemaEngine(target);
  try {
    return { applied: await engine.applyMigrations(migrations) };
  } finally {
    await engine.dispose();
  }
}

/** Reads `_prisma_migrations` directly: no engine needed, and nothing is created or locked. */
export async function readMigrationState(target: MigrationTarget): Promise<MigrationState> {
  const migrations = await readMigrationsDirectory(target.migrationsDir ?? defaultMigrationsDir(target.provider));
  const onDisk = migrations.migrationDirectories.map((dir) => dir.path);
  // Opening a missing SQLite file would create it.
  if (target.provider === "sqlite" && !existsSync(sqliteFile(target.url))) return { applied: [], pending: onDisk, failed: [] };

  const adapter = await createAdapterFactory(target).connect();
  try {
    const tableExists =
      target.provider === "postgres"
        ? "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'"
        : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'";
    if ((await adapter.queryRaw({ sql: tableExists, args: [], argTypes: [] })).rows.length === 0) {
      return { applied: [], pending: onDisk, failed: [] };
    }
    // Rolled-back rows are history only; a rolled-back migration counts as pending again.
    const { rows } = await adapter.queryRaw({
      sql: `SELECT migration_name, CASE WHEN finished_at IS NULL THEN 'failed' ELSE 'applied' END AS status
            FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
      args: [],
      argTypes: [],
    });
    const applied = new Set<string>();
    const failed = new Set<string>();
    for (const [name, status] of rows as [string, string][]) (status === "applied" ? applied : failed).add(name);
    return {
      applied: [...applied],
      failed: [...failed],
      pending: onDisk.filter((name) => !applied.has(name) && !failed.has(name)),
    };
  } finally {
    await adapter.dispose();
  }
}

async function ensurePostgresDatabase(target: DatabaseTarget): Promise<void> {
  const timeout = target.connectTimeoutMs ?? 5000;
  try {
    await runPostgresAdmin(target.url, timeout, "SELECT 1");
  } catch (error) {
    const database = new URL(target.url).pathname.slice(1);
    // 3D000: invalid_catalog_name, i.e. the server is up but the database does not exist.
    if ((error as { code?: string }).code !== "3D000" || !database) return; // openSchemaEngine reports it
    await runPostgresAdmin(withDatabase(target.url, "postgres"), timeout, `CREATE DATABASE ${quoteIdent(decodeURIComponent(database))}`);
  }
}

async function ensureSqliteDirectory(url: string): Promise<void> {
  const file = sqliteFile(url);
  if (file !== ":memory:") await mkdir(path.dirname(path.resolve(file)), { recursive: true });
}

/** The adapter takes a path or a `file:` URL; this is the path it will open. */
export function sqliteFile(url: string): string {
  return url.replace(/^file:/, "");
}
