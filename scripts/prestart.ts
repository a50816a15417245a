// Runs before `npm start` and `npm run dev`: migrates both databases, adds demo data to an empty
// database when demo mode is on, and (for `npm start` only; the dev server needs none) builds the
// app if there is no production build yet.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import { closeDatabase, startDatabase } from "@/lib/db";
import { migrateDatabases } from "@/lib/db/migrations/migrate-databases";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { isDatabaseEmpty, seedDemoData } from "@/lib/seed/demo-data";

const settings = env();

await migrateDatabases({ databaseUrl: settings.DATABASE_URL, sqlitePath: settings.SQLITE_PATH });
// The data layer's own start: moves a standalone SQLite file into an empty PostgreSQL, or refuses
// to start (with what to do) when both hold data.
try {
  await startDatabase();
} catch (error) {
  log.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`, { event: "prestart" });
  await closeDatabase();
  process.exit(1);
}

if (settings.isDemoMode && (await isDatabaseEmpty())) {
  const counts = await seedDemoData();
  log.info("demo data added to the empty database", counts);
}
await ensureFirstAdmin();
await closeDatabase();

const isDev = process.argv.includes("--dev");
if (!isDev && !existsSync(".next/BUILD_ID")) {
  log.info("no production build found: running next build (once; takes a minute or two)");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    log.error("next build failed; see the output above");
    process.exit(build.status ?? 1);
  }
}
