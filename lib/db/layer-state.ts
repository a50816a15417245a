import "server-only";
import { log } from "@/lib/log";
import { Breaker, type Transition } from "./breaker";
import { createPostgresClient, createSqliteClient, type PostgresClient, type SqliteClient } from "./clients";
import { describeError } from "./errors";
import { defaultLockTimeout } from "./pg-connections";
import type { FileClaim } from "./file-owner";
import type { LocalStore } from "./local-store";
import { RemoteStore } from "./remote-store";
import type { DbBackend, DbMode } from "./status-store";
import type { Table } from "./table-info";

export type DataLayerConfig = {
  databaseUrl?: string;
  sqlitePath: string;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  // Server-side bounds for every session (see remote-store.ts, sessionSettings).
  lockTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
  probeIntervalMs: number;
  maxProbeIntervalMs: number;
  healthyProbes: number;
  mirrorIntervalMs: number;
  instanceId: string;
  // Largest size the SQLite file may grow to, in MB (0 or unset: as large as the disk allows).
  sqliteMaxMb?: number;
  // Days of the audit log the SQLite copy keeps (0 or unset: all of it). The copy is for serving
  // through an outage, not an archive: without a window it grows until the disk is full.
  auditCopyDays?: number;
  // Attempts at replaying an operation PostgreSQL refuses for now (a lock, a deadlock) before it is
  // set aside as a conflict, and the first wait between them (doubling).
  replayAttempts?: number;
  replayRetryDelayMs?: number;
  // How long a write made while queued writes are replayed waits for the switch back before it is
  // queued too (so a steady stream of writes cannot keep the queue from ever emptying).
  recoveryWaitMs?: number;
  // Applies PostgreSQL's pending migrations before replaying into it (PostgreSQL may have been
  // unreachable when the app started, so prestart could not migrate it).
  migratePostgres?: (url: string) => Promise<void>;
  onModeChange?: (mode: DbMode) => void;
};

type EventLevel = "info" | "warn" | "error";

// Everything the parts of the data layer share: the clients, the breaker and the flags that say
// what can be used, in one object handed to each part (routing, writes, mirror, replay, boot).
export class LayerState {
  readonly postgres: PostgresClient | null;
  readonly remote: RemoteStore | null;
  readonly breaker: Breaker;
  readonly bootedAt = Date.now();
  sqlite: SqliteClient | null = null;
  // A second connection for reads, so a read never sees another request's uncommitted write.
  sqliteReader: SqliteClient | null = null;
  local: LocalStore | null = null;
  // This process's claim on the SQLite file (one writing process per file).
  fileClaim: FileClaim | null = null;
  tables: Table[] = [];
  // Why SQLite cannot be used (null while it can).
  localProblem: string | null = null;
  // Why the layer could not start at all (no tables, a refused move to PostgreSQL): it then serves
  // nothing and says why, instead of failing every request with a different error.
  startProblem: string | null = null;
  isPostgresReady = false;
  // Whether the file's relation to this PostgreSQL has been settled (boot.ts, reconcileIdentity);
  // until then nothing of the file is replayed into PostgreSQL.
  isReconciled = false;
  // Why PostgreSQL cannot be used with this file (both hold data of their own), found after start.
  reconcileProblem: string | null = null;
  isClosing = false;
  openConflicts = 0;
  private readonly modeWaiters: (() => void)[] = [];

  constructor(
    readonly config: DataLayerConfig,
    onConnectionLost: (error: Error) => void,
  ) {
    const serverSide = {
      statementTimeoutMs: config.statementTimeoutMs,
      lockTimeoutMs: config.lockTimeoutMs ?? defaultLockTimeout(config.statementTimeoutMs),
      idleInTransactionTimeoutMs: config.idleInTransactionTimeoutMs ?? 5_000,
    };
    this.postgres = config.databaseUrl
      ? createPostgresClient({
          url: config.databaseUrl,
          poolMax: config.poolMax,
          connectTimeoutMs: config.connectTimeoutMs,
          ...serverSide,
          onConnectionError: onConnectionLost,
        })
      : null;
    this.remote = config.databaseUrl
      ? new RemoteStore({ url: config.databaseUrl, connectTimeoutMs: config.connectTimeoutMs, ...serverSide, onConnectionLost })
      : null;
    this.breaker = new Breaker(
      {
        probeIntervalMs: config.probeIntervalMs,
        maxProbeIntervalMs: config.maxProbeIntervalMs,
        healthyProbes: config.healthyProbes,
        flapWindowMs: 60_000,
        maxStreakMultiplier: 8,
      },
      Date.now(),
    );
  }

  openSqlite(): void {
    this.sqlite = createSqliteClient(this.config.sqlitePath);
    this.sqliteReader = createSqliteClient(this.config.sqlitePath);
  }

  get isLocalBroken(): boolean {
    return this.localProblem !== null;
  }

  // Since when SQLite has been refusing writes for lack of room (null: it has room).
  localFullSince: number | null = null;
  private lastFullNoteAt = 0;

  noteLocalFull(): void {
    const now = Date.now();
    this.localFullSince ??= now;
    if (now - this.lastFullNoteAt < 60_000) return;
    this.lastFullNoteAt = now;
    this.record(
      "sqlite-full",
      "SQLite is full: the copy is not kept current and writes cannot be queued until there is room (queued writes still replay)",
      {},
      "error",
    );
  }

  noteLocalRoom(): void {
    this.localFullSince = null;
  }

  markLocalBroken(problem: string): void {
    if (this.localProblem) return;
    this.localProblem = problem;
    this.record("sqlite-broken", `SQLite unusable: ${problem}`, { problem }, "error");
    this.config.onModeChange?.(this.mode());
  }

  mode(): DbMode {
    if (this.startProblem) return "down";
    if (!this.postgres) return this.isLocalBroken ? "down" : "sqlite-only";
    if (this.breaker.mode !== "primary" && this.isLocalBroken) return "down";
    return this.breaker.mode;
  }

  active(): DbBackend | null {
    const current = this.mode();
    if (current === "primary") return "postgres";
    if (current === "down") return null;
    return "sqlite";
  }

  record(type: string, message: string, detail?: Record<string, unknown>, level: EventLevel = "info"): void {
    log[level](message, { event: type, ...detail });
    this.local?.addEvent(type, message, detail).catch(() => {});
  }

  announce(transition: Transition, extra?: Record<string, unknown>): void {
    if (!transition) return;
    const detail = { from: transition.from, to: transition.to, cause: transition.cause, ...extra };
    if (transition.to === "fallback") this.record("failover", `PostgreSQL unavailable - falling back to SQLite: ${transition.cause}`, detail, "warn");
    else if (transition.to === "primary") this.record("recovery", "PostgreSQL connection restored - switching back from SQLite", detail);
    else this.record("mode", `PostgreSQL answering again - replaying ${this.safeQueueDepth()} queued writes before switching back`, detail);
    this.config.onModeChange?.(this.mode());
    for (const wake of this.modeWaiters.splice(0)) wake();
  }

  onConflictRecorded(): void {
    this.openConflicts += 1;
  }

  trip(error: unknown): void {
    this.announce(this.breaker.recordFailure(describeError(error), Date.now()));
  }

  // Resolves at the next change of mode, or after `timeoutMs`.
  async waitForModeChange(timeoutMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.modeWaiters.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  // Status must answer even when the SQLite file has gone bad under us.
  safely<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch {
      return fallback;
    }
  }

  safeQueueDepth(): number {
    return this.safely(() => this.local?.queueDepth() ?? 0, 0);
  }
}
