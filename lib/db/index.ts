import "server-only";
import { hostname } from "node:os";
import { env } from "@/lib/env";
import { createDataLayer, type DataLayer, type DataLayerStatus } from "./data-layer";
import { redactSecrets } from "./redact";
import { remember } from "./registry";
import { dbState } from "./status-store";

export { DatabaseUnavailableError, InvalidDataError, PrimaryRequiredError } from "./errors";
export { runAs, type Actor, type AuditChanges } from "./audit";
export type { DbBackend, DbMode } from "./status-store";
export type { DataLayerStatus } from "./data-layer";

// The one door to the data. Callers use `db.<model>.<operation>(...)` as with a Prisma client and
// `withTransaction(...)` for several writes that must land together; which database answers,
// failover, the outbox, replay and the mirror are this module's business.
function dataLayer(): DataLayer {
  return remember("data-layer", () => {
    const settings = env();
    return createDataLayer({
      databaseUrl: settings.DATABASE_URL,
      sqlitePath: settings.SQLITE_PATH,
      poolMax: settings.PG_POOL_MAX,
      connectTimeoutMs: settings.PG_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: settings.PG_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: settings.PG_LOCK_TIMEOUT_MS,
      idleInTransactionTimeoutMs: settings.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      probeIntervalMs: settings.PG_PROBE_INTERVAL_MS,
      maxProbeIntervalMs: settings.PG_PROBE_MAX_INTERVAL_MS,
      healthyProbes: settings.PG_HEALTHY_PROBES,
      mirrorIntervalMs: settings.MIRROR_INTERVAL_MS,
      auditCopyDays: settings.AUDIT_COPY_DAYS,
      sqliteMaxMb: settings.SQLITE_MAX_MB,
      instanceId: settings.INSTANCE_ID ?? `${hostname()}:${process.pid}`,
      migratePostgres: async (url) => {
        const { applyMigrations } = await import("./migrations/apply-migrations");
        await applyMigrations({ provider: "postgres", url });
      },
      // proxy.ts reads the mode from here to label responses.
      onModeChange: (mode) => {
        const state = dbState();
        state.mode = mode;
        state.since = new Date().toISOString();
      },
    });
  });
}

type Db = DataLayer["db"];

export const db: Db = new Proxy({} as Db, {
  get: (_target, model) => (dataLayer().db as Record<string | symbol, unknown>)[model],
});

export function withTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  return dataLayer().withTransaction(work);
}

// For decisions that must not be taken on the SQLite copy (approving and paying a payroll run): one
// transaction on PostgreSQL, or on SQLite when it is the only database. While the app serves from
// the copy it throws PrimaryRequiredError and nothing is queued.
export function onPrimary<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  return dataLayer().primaryTransaction(work);
}

// Synchronous, for pages: whether onPrimary would run now, and if not, why (to disable a button
// with the reason beside it).
export function primaryAvailability(): { available: boolean; reason?: string } {
  const mode = dataLayer().status().mode;
  if (mode === "primary" || mode === "sqlite-only") return { available: true };
  if (mode === "recovering") return { available: false, reason: "PostgreSQL is back and the app is catching up; this is possible again in a moment." };
  if (mode === "fallback") return { available: false, reason: "PostgreSQL is unavailable and the app is working from its local copy; this needs PostgreSQL." };
  return { available: false, reason: "No database is available." };
}

// Starts the data layer; throws with the reason when it cannot start (the server logs it and
// serves "service degraded"; prestart stops with it).
export async function startDatabase(): Promise<void> {
  await dataLayer().start();
  dbState().mode = dataLayer().status().mode;
  const problem = dataLayer().startProblem();
  if (problem) throw new Error(problem);
}

// Never throws: a layer that could not start is "down" with its reason.
export async function dbStatus(): Promise<DataLayerStatus> {
  await dataLayer().start();
  dbState().mode = dataLayer().status().mode;
  return dataLayer().status();
}

// For the admin status page.
export const dbAdmin = {
  probeNow: () => dataLayer().probeNow(),
  replayNow: () => dataLayer().replayNow(),
  // Secrets in a conflicting row (password and token hashes) are never shown to anyone.
  listConflicts: async (includeResolved?: boolean) =>
    (await dataLayer().listConflicts(includeResolved))?.map((conflict) => ({
      ...conflict,
      ours: redactSecrets(conflict.ours),
      theirs: redactSecrets(conflict.theirs),
    })) ?? null,
  resolveConflict: (id: string, resolution: "ours" | "theirs", actor: string) => dataLayer().resolveConflict(id, resolution, actor),
  events: (options?: { limit?: number; types?: string[] }) => dataLayer().events(options),
  queue: (limit?: number) => dataLayer().queue(limit),
  retryQueued: (opId: string) => dataLayer().retryQueued(opId),
  setAsideQueued: (opId: string, actor: string) => dataLayer().setAsideQueued(opId, actor),
  tableSizes: () => dataLayer().tableSizes(),
  migrationState,
};

export type MigrationStates = Record<"postgres" | "sqlite", { applied: string[]; pending: string[]; failed: string[] } | { error: string } | null>;

// Both databases' migration history; PostgreSQL is only asked while it is serving, so a hung server
// cannot hang the status page.
async function migrationState(): Promise<MigrationStates> {
  const settings = env();
  const { readMigrationState } = await import("./migrations/apply-migrations");
  const read = (provider: "postgres" | "sqlite", url: string) =>
    readMigrationState({ provider, url, connectTimeoutMs: settings.PG_CONNECT_TIMEOUT_MS }).catch((error: unknown) => ({
      error: error instanceof Error ? error.message.split("\n")[0] : String(error),
    }));
  const isPostgresServing = dataLayer().status().mode === "primary";
  const [postgres, sqlite] = await Promise.all([
    settings.DATABASE_URL && isPostgresServing ? read("postgres", settings.DATABASE_URL) : Promise.resolve(null),
    read("sqlite", settings.SQLITE_PATH),
  ]);
  return { postgres, sqlite };
}

// Closes both databases; used at shutdown and by one-off scripts so the process can exit.
export async function closeDatabase(): Promise<void> {
  await dataLayer().close();
}
