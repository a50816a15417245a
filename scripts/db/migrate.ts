// `npm run db:migrate`: applies the committed migrations to PostgreSQL (when DATABASE_URL is set)
// and to the SQLite fallback database.
import { migrateDatabases } from "@/lib/db/migrations/migrate-databases";
import { log } from "@/lib/log";

// Kept in one place so lib/env.ts can take over the reading.
function readSettings() {
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    sqlitePath: process.env.SQLITE_PATH || "./data/hrms.db",
  };
}

try {
  await migrateDatabases(readSettings());
} catch (error) {
  log.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
