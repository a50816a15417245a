import "server-only";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { createPgPool, defaultLockTimeout, sessionSettings, type SessionLimits } from "./pg-connections";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";

export type { PostgresClient, SqliteClient };

export type PostgresOptions = Partial<SessionLimits> & {
  url: string;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  onConnectionError?: (error: Error) => void;
};

// adapter-pg's pool has no connect timeout by default, so a blackholed server would hang every
// request. Every timeout is explicit: connect, the server-side limits of sessionSettings, the
// client-side query timeout (the only one that fires when the server never answers), keepalive.
export function createPostgresClient(options: PostgresOptions): PostgresClient {
  const pool = createPgPool(
    {
      connectionString: options.url,
      max: options.poolMax,
      connectionTimeoutMillis: options.connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: "hrms",
      ...sessionSettings({
        statementTimeoutMs: options.statementTimeoutMs,
        lockTimeoutMs: options.lockTimeoutMs ?? defaultLockTimeout(options.statementTimeoutMs),
        idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? 5_000,
      }),
    },
    options.onConnectionError,
  );
  // Our own pool (see pg-connections.ts for why), closed with the client.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PostgresClient({ adapter });
}

export function resolveSqlitePath(path: string): string {
  return resolve(/* turbopackIgnore: true */ process.cwd(), path.replace(/^file:/, ""));
}

// One connection per process (SQLite allows one writer at a time anyway). WAL lets readers work
// during a write; synchronous=FULL makes a commit durable before the user is told it succeeded.
export function createSqliteClient(path: string): SqliteClient {
  const file = resolveSqlitePath(path);
  mkdirSync(dirname(file), { recursive: true });
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5_000 });
  return new SqliteClient({ adapter });
}

export async function applySqlitePragmas(client: SqliteClient): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}
