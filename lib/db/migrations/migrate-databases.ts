import "server-only";

// Brings both databases up to date before the app starts: PostgreSQL ('default', optional and
// allowed to be down) and SQLite ('backup', always there, and the fallback when PostgreSQL is down).
import { log } from "@/lib/log";
import { resolveSqlitePath } from "../clients";
import { claimFile } from "../file-owner";
import { applyMigrations } from "./apply-migrations";
import { DatabaseUnreachableError } from "./schema-engine";

export interface MigrateDatabasesOptions {
  databaseUrl?: string;
  sqlitePath: string;
}

export interface MigrateDatabasesResult {
  postgres: "migrated" | "unreachable" | "skipped";
  sqlite: "migrated";
}

/** Throws (with a one-sentence message) when a migration fails or SQLite cannot be migrated. */
export async function migrateDatabases({ databaseUrl, sqlitePath }: MigrateDatabasesOptions): Promise<MigrateDatabasesResult> {
  let postgres: MigrateDatabasesResult["postgres"] = "skipped";
  if (databaseUrl) {
    const started = performance.now();
    try {
      const { applied } = await applyMigrations({ provider: "postgres", url: databaseUrl });
      log.info("Migrations completed successfully on 'default'", { applied, durationMs: elapsed(started) });
      postgres = "migrated";
    } catch (error) {
      // A database that is down is survivable (the app runs on SQLite); a failing migration is not.
      if (!(error instanceof DatabaseUnreachableError)) {
        throw new Error(`PostgreSQL migrations failed: ${messageOf(error)}`, { cause: error });
      }
      log.warn(`PostgreSQL unavailable - skipping its migrations; the app will start on the SQLite fallback: ${messageOf(error)}`);
      postgres = "unreachable";
    }
  }

  const started = performance.now();
  // A server running on the same file would make the schema engine fail with no useful sentence.
  const claim = claimFile(resolveSqlitePath(sqlitePath), "a migration");
  try {
    const { applied } = await applyMigrations({ provider: "sqlite", url: sqlitePath });
    log.info("Migrations completed successfully on 'backup'", { applied, durationMs: elapsed(started) });
  } catch (error) {
    const prefix = postgres === "migrated" ? "SQLite migrations failed" : "No database could be migrated: SQLite failed";
    throw new Error(`${prefix}: ${messageOf(error)}`, { cause: error });
  } finally {
    claim.release();
  }
  return { postgres, sqlite: "migrated" };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
