// `npm run db:migration -- <name>`: writes a new migration for both providers from the changes
// between their migrations folders and prisma/<provider>/schema.prisma. The PostgreSQL side is
// computed on a temporary shadow database: on DATABASE_URL's server when set, else on a throwaway
// cluster started from this machine's PostgreSQL binaries.
import path from "node:path";
import { createMigration } from "@/lib/db/migrations/create-migration";
import { startPostgresCluster } from "@/test/helpers/pg-cluster";

function readSettings() {
  return { databaseUrl: process.env.DATABASE_URL || undefined };
}

const name = process.argv[2];
if (!name || process.argv.length > 3 || !/^[A-Za-z0-9_-]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (letters, digits, underscores and dashes only)");
  process.exit(1);
}

const cluster = readSettings().databaseUrl ? null : await startPostgresCluster();
try {
  const result = await createMigration(name, { postgresUrl: readSettings().databaseUrl ?? cluster!.url });
  console.log(result.message);
  if (result.changed) for (const file of result.files) console.log(`  ${path.relative(process.cwd(), file)}`);
} catch (error) {
  console.error(`Could not create the migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await cluster?.destroy();
}
