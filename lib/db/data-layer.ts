import "server-only";
import { uuidv7 } from "uuidv7";
import { log } from "@/lib/log";
import { Breaker, type Transition } from "./breaker";
import { Prisma } from "./generated/postgres/client.ts";
import { auditAction, currentActor, diffRows, isAudited } from "./audit";
import { applySqlitePragmas, createPostgresClient, createSqliteClient, resolveSqlitePath, type PostgresClient, type SqliteClient } from "./clients";
import { DatabaseUnavailableError, describeError, findUnstorableValue, InvalidDataError, isConnectionError } from "./errors";
import { LocalStore, type DbEvent, type OutboxEntry } from "./local-store";
import { RemoteStore, type Conflict } from "./remote-store";
import { toSqliteArgs } from "./sqlite-args";
import type { DbBackend, DbMode } from "./status-store";
import { assertConventions, type Table } from "./table-info";
import { prepareWriteArgs } from "./write-args";

export type DataLayerConfig = {
  databaseUrl?: string;
  sqlitePath: string;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  probeIntervalMs: number;
  maxProbeIntervalMs: number;
  healthyProbes: number;
  mirrorIntervalMs: number;
  instanceId: string;
  // Applies PostgreSQL's pending migrations before replaying into it (PostgreSQL may have been
  // unreachable when the app started, so prestart could not migrate it).
  migratePostgres?: (url: string) => Promise<void>;
  onModeChange?: (mode: DbMode) => void;
};

// Every model of the schema, as the client's delegate names: a model added later is routed,
// captured and mirrored without touching this file.
export type ModelKey = Uncapitalize<Prisma.ModelName>;
export const MODEL_KEYS = Object.values(Prisma.ModelName).map((name) => (name[0].toLowerCase() + name.slice(1)) as ModelKey);

const READ_OPERATIONS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy"]);
const WHERE_WRITES = new Set(["update", "upsert", "delete", "updateMany", "deleteMany", "updateManyAndReturn"]);
const CREATE_WRITES = new Set(["create", "createMany", "createManyAndReturn"]);
const SQLITE_BROKEN = /SQLITE_(IOERR|CANTOPEN|CORRUPT|FULL|READONLY|NOTADB)|unable to open database|disk I\/O error|database disk image is malformed/i;
const MIRROR_RETENTION_HOURS = 24;
const RECOVERY_WAIT_MS = 10_000;
// Queued operations replayed per PostgreSQL transaction (each in its own savepoint).
const REPLAY_BATCH = 50;

type Delegates = Record<ModelKey, Record<string, (args?: unknown) => Promise<unknown>>>;
type AnyClient = PostgresClient | SqliteClient;

export type ProbeRecord = { at: string; ok: boolean; ms: number; error?: string };

export type DataLayerStatus = {
  mode: DbMode;
  active: DbBackend | null;
  since: string;
  cause: string | null;
  queue: number;
  oldestQueuedAt: string | null;
  replicaLagMs: number | null;
  lastMirrorAt: string | null;
  isMirrorTrusted: boolean;
  conflicts: number;
  probes: ProbeRecord[];
  nextProbeAt: string | null;
};

// better-sqlite3 is synchronous, so a SQLite request completes without ever giving the event loop a
// turn: a caller issuing them back to back (an import loop, in fallback) would starve every timer,
// socket and other request in the process, the probes that end the outage included. One turn per
// request keeps the process responsive.
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// A unique `where` may name a compound key ({ employeeId_leaveTypeId_year: {...} }), which
// findMany does not accept; its fields say the same thing.
function flattenCompoundKeys(where: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(where).flatMap(([key, value]) =>
      key.includes("_") && value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) ? Object.entries(value) : [[key, value]],
    ),
  );
}

function isSqliteBroken(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return SQLITE_BROKEN.test(text);
}

export function createDataLayer(config: DataLayerConfig) {
  const postgres: PostgresClient | null = config.databaseUrl
    ? createPostgresClient({
        url: config.databaseUrl,
        poolMax: config.poolMax,
        connectTimeoutMs: config.connectTimeoutMs,
        statementTimeoutMs: config.statementTimeoutMs,
        onConnectionError: connectionLost,
      })
    : null;
  const remote = config.databaseUrl
    ? new RemoteStore({ url: config.databaseUrl, connectTimeoutMs: config.connectTimeoutMs, statementTimeoutMs: config.statementTimeoutMs, onConnectionLost: connectionLost })
    : null;
  let sqlite: SqliteClient | null = null;
  let local: LocalStore | null = null;
  let tables: Table[] = [];
  let isLocalBroken = false;

  const breaker = new Breaker(
    { probeIntervalMs: config.probeIntervalMs, maxProbeIntervalMs: config.maxProbeIntervalMs, healthyProbes: config.healthyProbes, flapWindowMs: 60_000, maxStreakMultiplier: 8 },
    Date.now(),
  );
  const probes: ProbeRecord[] = [];
  const lagSamples: number[] = [];
  let lastMirror: { at: number; lagMs: number } | null = null;
  let isMirrorTrusted = false;
  let openConflicts = 0;
  let isPostgresMigrated = false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let probeRunning: Promise<boolean> | null = null;
  let mirrorRunning: Promise<void> | null = null;
  let mirrorStartedAt = 0;
  let isMirrorRequested = false;
  let drainRunning: Promise<void> | null = null;
  let isClosing = false;
  // While recovery hands over to PostgreSQL, new writes wait here so none lands in SQLite after
  // the queue was found empty.
  let handover: { promise: Promise<void>; release: () => void } | null = null;
  let localWritesInFlight = 0;
  let lastPrune = 0;

  // ---- mode --------------------------------------------------------------------------------

  function mode(): DbMode {
    if (!postgres) return isLocalBroken ? "down" : "sqlite-only";
    if (breaker.mode !== "primary" && isLocalBroken) return "down";
    return breaker.mode;
  }

  function active(): DbBackend | null {
    const current = mode();
    if (current === "primary") return "postgres";
    if (current === "down") return null;
    return "sqlite";
  }

  function record(type: string, message: string, detail?: Record<string, unknown>, level: "info" | "warn" = "info") {
    log[level](message, { event: type, ...detail });
    local?.addEvent(type, message, detail).catch(() => {});
  }

  function announce(transition: Transition, extra?: Record<string, unknown>) {
    if (!transition) return;
    const detail = { from: transition.from, to: transition.to, cause: transition.cause, ...extra };
    if (transition.to === "fallback") record("failover", `PostgreSQL unavailable - falling back to SQLite: ${transition.cause}`, detail, "warn");
    else if (transition.to === "primary") record("recovery", "PostgreSQL connection restored - switching back from SQLite", detail);
    else record("mode", `PostgreSQL answering again - replaying ${safeQueueDepth()} queued writes before switching back`, detail);
    config.onModeChange?.(mode());
    for (const wake of modeWaiters.splice(0)) wake();
  }

  // While queued writes are replayed, a new write waits (up to RECOVERY_WAIT_MS) for the switch
  // back instead of joining the queue: otherwise a steady stream of writes (a CSV import, say)
  // keeps the queue from ever emptying, and the replay competes with SQLite commits for the event
  // loop. Past the wait it is queued as before, so nothing is refused.
  const modeWaiters: (() => void)[] = [];
  async function waitForRecovery(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      new Promise<void>((resolve) => modeWaiters.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, RECOVERY_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  // Status must answer even when the SQLite file has gone bad under us.
  function safely<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch {
      return fallback;
    }
  }

  function safeQueueDepth(): number {
    return safely(() => local?.queueDepth() ?? 0, 0);
  }

  function trip(error: unknown) {
    announce(breaker.recordFailure(describeError(error), Date.now()));
  }

  // A pooled connection died outside any query: the server went away, restarted, or an admin
  // ended the session. Check PostgreSQL at once (one check at a time) instead of leaving it to the
  // next request; only a failed check opens the breaker, since one ended session is no outage.
  let suspicionCheck: Promise<void> | null = null;
  function connectionLost(error: Error) {
    if (isClosing || breaker.mode !== "primary" || suspicionCheck || !remote) return;
    log.warn("PostgreSQL connection lost - checking the server", { event: "connection-lost", error: describeError(error) });
    suspicionCheck = remote
      .probe()
      .catch((probeError: unknown) => {
        if (breaker.mode === "primary") trip(probeError);
      })
      .finally(() => (suspicionCheck = null));
  }

  // ---- start and background work ----------------------------------------------------------

  let started: Promise<void> | null = null;

  function start(): Promise<void> {
    started ??= boot();
    return started;
  }

  async function boot() {
    try {
      sqlite = createSqliteClient(config.sqlitePath);
      await applySqlitePragmas(sqlite);
      local = new LocalStore(resolveSqlitePath(config.sqlitePath));
      tables = local.install();
      if (tables.length === 0) throw new Error(`the SQLite database at ${config.sqlitePath} has no tables: run npm run db:migrate`);
      assertConventions(tables);
      // Prisma prepares a client on its first query; do it now, not in the request that fails over.
      const client = sqlite;
      await Promise.all(MODEL_KEYS.map((model) => callDelegate(client, model, "findFirst", { select: { id: true } })));
    } catch (error) {
      if (!postgres) throw error;
      isLocalBroken = true;
      log.error("SQLite fallback unusable; running on PostgreSQL alone", { event: "sqlite-broken", error: describeError(error) });
    }
    if (!postgres || !remote) return;

    try {
      await remote.probe();
      if (tables.length) await remote.install(tables);
      isPostgresMigrated = true;
      if (local && local.queueDepth() > 0) {
        // Writes from before a restart are still queued: replay them before PostgreSQL serves.
        announce(breaker.recordFailure(`${local.queueDepth()} writes queued before restart`, Date.now()));
      } else {
        await rebuildMirrorIfStale();
      }
    } catch (error) {
      if (!isConnectionError(error)) log.error("PostgreSQL start-up check failed", { event: "boot", error: describeError(error) });
      trip(error);
    }
    const interval = Math.max(50, Math.min(config.probeIntervalMs, config.mirrorIntervalMs) / 2);
    timer = setInterval(() => void tick(), interval);
    timer.unref?.();
  }

  // Background work, each kind one at a time but independent of the others, so a mirror poll
  // stuck on a hung server never delays the probes that detect it: the mirror while primary,
  // probes while PostgreSQL is down, the replay while recovering.
  function tick(): Promise<void> {
    if (isClosing) return Promise.resolve();
    const now = Date.now();
    const work: Promise<unknown>[] = [];
    if (breaker.mode === "primary") {
      breaker.relax(now);
      if (!mirrorStartedAt || now - mirrorStartedAt >= config.mirrorIntervalMs) work.push(mirror());
    } else if (breaker.isProbeDue(now)) {
      probeRunning ??= probe().finally(() => (probeRunning = null));
      work.push(probeRunning);
    }
    if (breaker.mode === "recovering") work.push(drain());
    return Promise.all(work).then(() => undefined);
  }

  function backgroundFailed(error: unknown) {
    if (isConnectionError(error)) trip(error);
    else log.error("background database work failed", { event: "background", error: describeError(error) });
  }

  // One mirror poll at a time; a poll asked for while one runs happens right after it, so a write
  // that committed during the poll is not left for the next interval.
  function mirror(): Promise<void> {
    if (mirrorRunning) {
      isMirrorRequested = true;
      return mirrorRunning;
    }
    mirrorStartedAt = Date.now();
    mirrorRunning = pollMirror()
      .catch(backgroundFailed)
      .finally(() => {
        mirrorRunning = null;
        if (isMirrorRequested && breaker.mode === "primary" && !isClosing) {
          isMirrorRequested = false;
          void mirror();
        }
      });
    return mirrorRunning;
  }

  async function probe(): Promise<boolean> {
    if (!remote) return false;
    const startedAt = Date.now();
    try {
      await remote.probe();
      const entry = { at: new Date().toISOString(), ok: true, ms: Date.now() - startedAt };
      remember(entry);
      announce(breaker.recordProbe(true, Date.now()));
      return true;
    } catch (error) {
      const entry = { at: new Date().toISOString(), ok: false, ms: Date.now() - startedAt, error: describeError(error) };
      remember(entry);
      announce(breaker.recordProbe(false, Date.now(), entry.error));
      return false;
    }
  }

  function remember(entry: ProbeRecord) {
    probes.unshift(entry);
    probes.length = Math.min(probes.length, 50);
    local?.addEvent("probe", entry.ok ? `probe ok in ${entry.ms} ms` : `probe failed: ${entry.error}`, entry).catch(() => {});
  }

  // ---- replay ------------------------------------------------------------------------------

  function drain(): Promise<void> {
    drainRunning ??= runDrain().finally(() => (drainRunning = null));
    return drainRunning;
  }

  async function runDrain() {
    if (!remote || !config.databaseUrl) return;
    try {
      if (!isPostgresMigrated) {
        await config.migratePostgres?.(config.databaseUrl);
        await remote.install(tables);
        isPostgresMigrated = true;
      }
      if (!local) {
        // SQLite never opened, so nothing can be queued: PostgreSQL serves as soon as it is healthy
        // (returning here without this left the layer "recovering", i.e. down, for good).
        announce(breaker.recordDrained(Date.now()));
        return;
      }
      const batch = { applied: 0, skipped: 0, conflicts: 0 };
      const startedAt = Date.now();
      // Replay while writes keep arriving; once what is left fits in one batch, hold new writes
      // (they wait, they are not refused) and finish, so recovery ends even under steady load.
      while (!isClosing && local.queueDepth() > REPLAY_BATCH) await replayBatch(batch);
      if (!isClosing) await handOver(batch);
      if (batch.applied + batch.skipped + batch.conflicts > 0) {
        const ms = Date.now() - startedAt;
        record("replay", `replayed ${batch.applied} queued writes in ${ms} ms (${batch.skipped} already applied, ${batch.conflicts} conflicts)`, { ...batch, ms });
      }
    } catch (error) {
      if (isConnectionError(error)) {
        announce(breaker.recordProbe(false, Date.now(), describeError(error)));
        return;
      }
      throw error;
    }
  }

  type ReplayCounts = { applied: number; skipped: number; conflicts: number };

  // Replays the oldest queued operations, at most one batch; returns how many there were.
  async function replayBatch(batch: ReplayCounts): Promise<number> {
    if (!remote || !local) return 0;
    const operations = local.nextOperations(REPLAY_BATCH);
    if (operations.length === 0) return 0;
    const results = await remote.replay(operations, tables, config.instanceId);
    const conflicted: OutboxEntry[] = [];
    for (const [i, result] of results.entries()) {
      if (result.outcome === "conflict") {
        await remote.recordConflict({ ...result.conflict, source: config.instanceId });
        openConflicts += 1;
        batch.conflicts += 1;
        conflicted.push(...operations[i]);
        const { kind, table, rowId, opId } = result.conflict;
        record("conflict", `replay conflict (${kind}) on ${table} ${rowId}: kept PostgreSQL's version for review`, { opId, kind, table, rowId }, "warn");
      } else if (result.outcome === "applied") batch.applied += 1;
      else batch.skipped += 1;
    }
    await local.removeOperations(operations.map((entries) => entries[0].opId));
    if (conflicted.length) await refreshRows(conflicted);
    return operations.length;
  }

  // Holds new writes, lets SQLite writes in flight finish, replays what is left, brings the copy
  // up to date and switches to PostgreSQL. Writes held meanwhile then go to PostgreSQL.
  async function handOver(batch: ReplayCounts): Promise<void> {
    let release!: () => void;
    handover = { promise: new Promise<void>((resolve) => (release = resolve)), release: () => release() };
    try {
      while (localWritesInFlight > 0) await new Promise((resolve) => setImmediate(resolve));
      while (!isClosing && (await replayBatch(batch)) > 0);
      if (isClosing) return;
      await pollMirror();
      announce(breaker.recordDrained(Date.now()));
    } finally {
      handover.release();
      handover = null;
    }
  }

  // After a conflict, PostgreSQL's version of the rows is the truth locally too.
  async function refreshRows(entries: { table: string; rowId: string }[]) {
    if (!remote || !local) return;
    const byTable = new Map<string, string[]>();
    for (const entry of entries) byTable.set(entry.table, [...(byTable.get(entry.table) ?? []), entry.rowId]);
    const changes = [];
    for (const [table, ids] of byTable) {
      const rows = await remote.fetchRows(table, ids);
      const found = new Set(rows.map((row) => String(row.id)));
      changes.push({ table, rows, deletedIds: ids.filter((id) => !found.has(id)) });
    }
    await local.applyMirror(changes, {});
  }

  // ---- mirror ------------------------------------------------------------------------------

  async function rebuildMirrorIfStale() {
    if (!remote || !local) return;
    const syncedAt = Number(local.getMeta("mirror.syncedAt") ?? 0);
    const source = local.getMeta("mirror.source");
    const isFresh = local.getMeta("mirror.xmin") && source === sourceId() && Date.now() - syncedAt < (MIRROR_RETENTION_HOURS - 1) * 3_600_000;
    if (isFresh) {
      await pollMirror();
      return;
    }
    const startedAt = Date.now();
    const snapshot = await remote.snapshot(tables);
    await local.replaceAll(snapshot.tables, { "mirror.xmin": snapshot.xmin, "mirror.syncedAt": String(Date.now()), "mirror.source": sourceId() });
    const rows = snapshot.tables.reduce((sum, table) => sum + table.rows.length, 0);
    record("snapshot", `rebuilt the SQLite copy from PostgreSQL: ${rows} rows in ${Date.now() - startedAt} ms`, { rows, ms: Date.now() - startedAt });
    lastMirror = { at: Date.now(), lagMs: 0 };
    isMirrorTrusted = true;
  }

  function sourceId(): string {
    const url = new URL(config.databaseUrl ?? "postgresql://none");
    return `${url.hostname}:${url.port}${url.pathname}`;
  }

  async function pollMirror() {
    if (!remote || !local) return;
    const since = local.getMeta("mirror.xmin");
    if (!since) return rebuildMirrorIfStale();
    const startedAt = Date.now();
    const { xmin, changes } = await remote.readChanges(since);
    const byTable = new Map<string, Set<string>>();
    let oldestAgeMs = 0;
    for (const change of changes) {
      if (!byTable.has(change.table)) byTable.set(change.table, new Set());
      byTable.get(change.table)!.add(change.rowId);
      oldestAgeMs = Math.max(oldestAgeMs, change.ageMs);
    }
    const batches = [];
    for (const [table, idSet] of byTable) {
      if (!tables.some((candidate) => candidate.name === table)) continue;
      const ids = [...idSet];
      const rows = await remote.fetchRows(table, ids);
      const found = new Set(rows.map((row) => String(row.id)));
      batches.push({ table, rows, deletedIds: ids.filter((id) => !found.has(id)) });
    }
    // An idle poll writes nothing (every SQLite commit waits for the disk), except a heartbeat a
    // minute so a restart can tell how fresh the copy is.
    const isQuiet = batches.length === 0 && xmin === since && Date.now() - Number(local.getMeta("mirror.syncedAt") ?? 0) < 60_000;
    if (!isQuiet) await local.applyMirror(batches, { "mirror.xmin": xmin, "mirror.syncedAt": String(Date.now()) });
    const lagMs = changes.length ? Math.round(oldestAgeMs + (Date.now() - startedAt)) : 0;
    if (changes.length) {
      lagSamples.push(lagMs);
      if (lagSamples.length > 1_000) lagSamples.shift();
    }
    lastMirror = { at: Date.now(), lagMs };
    isMirrorTrusted = true;
    if (Date.now() - lastPrune > 600_000) {
      lastPrune = Date.now();
      await remote.pruneChanges(MIRROR_RETENTION_HOURS);
      openConflicts = await remote.countOpenConflicts();
    }
  }

  // ---- the door: reads and writes ---------------------------------------------------------

  function callDelegate(client: AnyClient | Delegates, model: ModelKey, operation: string, args: unknown): Promise<unknown> {
    const delegate = (client as unknown as Delegates)[model];
    const method = delegate?.[operation];
    if (typeof method !== "function") throw new TypeError(`db.${model}.${operation} is not a Prisma operation`);
    return method.call(delegate, args);
  }

  async function readLocal<T>(run: () => Promise<T>): Promise<T> {
    await yieldToEventLoop();
    if (!sqlite || isLocalBroken) throw new DatabaseUnavailableError();
    try {
      return await run();
    } catch (error) {
      if (isSqliteBroken(error)) {
        isLocalBroken = true;
        throw new DatabaseUnavailableError();
      }
      throw error;
    }
  }

  async function read(model: ModelKey, operation: string, args: unknown): Promise<unknown> {
    const problem = findUnstorableValue(args);
    if (problem) throw new InvalidDataError(problem);
    await start();
    if (postgres && breaker.mode === "primary") {
      try {
        return await callDelegate(postgres, model, operation, args);
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        trip(error);
      }
    }
    return readLocal(() => callDelegate(sqlite!, model, operation, toSqliteArgs(args)));
  }

  // Runs `work` as one write transaction on whichever database should take it, with an operation
  // id: on PostgreSQL it is recorded in the same transaction; on SQLite the capture triggers put
  // it in the outbox with every row the transaction touched.
  async function transact<T>(work: (delegates: Delegates, backend: DbBackend) => Promise<T>): Promise<T> {
    await start();
    await yieldToEventLoop();
    const opId = uuidv7();
    while (handover) await handover.promise;
    if (breaker.mode === "recovering") await waitForRecovery();
    if (postgres && breaker.mode === "primary") {
      try {
        const result = await postgres.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("INSERT INTO _hrms_applied_ops (op_id, source) VALUES ($1, $2)", opId, config.instanceId);
          return work(tx as unknown as Delegates, "postgres");
        });
        // Bring the change into the SQLite copy now rather than at the next interval, so a failover
        // moments later finds it there.
        if (local && !isLocalBroken) void mirror();
        return result;
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        // The outcome is unknown (the commit may have landed): queue it under the same operation
        // id; the replay skips it if PostgreSQL already has it.
        trip(error);
      }
    }
    if (!sqlite || !local || isLocalBroken) throw new DatabaseUnavailableError();
    const client = sqlite;
    const isCaptured = Boolean(postgres);
    localWritesInFlight += 1;
    try {
      return await local.writeLock.run(() =>
        client.$transaction(async (tx) => {
          if (isCaptured) await tx.$executeRawUnsafe("UPDATE _hrms_ctx SET op_id = ? WHERE k = 1", opId);
          const result = await work(tx as unknown as Delegates, "sqlite");
          if (isCaptured) await tx.$executeRawUnsafe("UPDATE _hrms_ctx SET op_id = NULL WHERE k = 1");
          return result;
        }),
      );
    } catch (error) {
      if (isSqliteBroken(error)) {
        isLocalBroken = true;
        throw new DatabaseUnavailableError();
      }
      throw error;
    } finally {
      localWritesInFlight -= 1;
    }
  }

  function write(model: ModelKey, operation: string, args: unknown): Promise<unknown> {
    const problem = findUnstorableValue(args);
    if (problem) return Promise.reject(new InvalidDataError(problem));
    const prepared = prepareWriteArgs(operation, args);
    return transact((delegates, backend) => performWrite(delegates, model, operation, prepared, backend));
  }

  // One write inside a transaction, audited when made on behalf of someone (see audit.ts): the
  // rows it touches are read before and after, and each changed row gets an audit entry.
  async function performWrite(tx: Delegates, model: ModelKey, operation: string, prepared: unknown, backend: DbBackend): Promise<unknown> {
    const args = (backend === "sqlite" ? toSqliteArgs(prepared) : prepared) as { where?: unknown; data?: unknown; create?: unknown };
    const actor = currentActor();
    if (!actor || !isAudited(model)) return callDelegate(tx, model, operation, args);

    type Row = Record<string, unknown> & { id: string };
    const where = args.where ? flattenCompoundKeys(args.where as Record<string, unknown>) : null;
    const before = (WHERE_WRITES.has(operation) && where ? await callDelegate(tx, model, "findMany", { where }) : []) as Row[];
    const result = await callDelegate(tx, model, operation, args);
    const ids = new Set(before.map((row) => row.id));
    const created = operation === "upsert" ? (before.length ? [] : [args.create]) : CREATE_WRITES.has(operation) ? [args.data].flat() : [];
    for (const data of created) if (data && typeof (data as Row).id === "string") ids.add((data as Row).id);
    if (ids.size === 0) return result;

    const after = (await callDelegate(tx, model, "findMany", { where: { id: { in: [...ids] } } })) as Row[];
    const entity = model[0].toUpperCase() + model.slice(1);
    const entries = [];
    for (const id of ids) {
      const old = before.find((row) => row.id === id) ?? null;
      const current = after.find((row) => row.id === id) ?? null;
      const changes = diffRows(old, current);
      if (old && current && Object.keys(changes).length === 0) continue;
      entries.push({ actorId: actor.id, actorEmail: actor.email, requestId: actor.requestId ?? null, action: auditAction(old, current, changes), entity, entityId: id, changes: JSON.stringify(changes) });
    }
    if (entries.length) await callDelegate(tx, "auditLog" as ModelKey, "createMany", prepareWriteArgs("createMany", { data: entries }));
    return result;
  }

  function run(model: ModelKey, operation: string, args: unknown): Promise<unknown> {
    return READ_OPERATIONS.has(operation) ? read(model, operation, args) : write(model, operation, args);
  }

  // Model delegates inside a transaction: the same argument preparation as outside.
  function transactionDelegates(tx: Delegates, backend: DbBackend): Delegates {
    return Object.fromEntries(
      MODEL_KEYS.map((model) => [
        model,
        new Proxy({}, {
          get: (_target, operation) =>
            typeof operation === "string"
              ? (args?: unknown) => {
                  if (READ_OPERATIONS.has(operation)) return callDelegate(tx, model, operation, backend === "sqlite" ? toSqliteArgs(args) : args);
                  const problem = findUnstorableValue(args);
                  if (problem) return Promise.reject(new InvalidDataError(problem));
                  return performWrite(tx, model, operation, prepareWriteArgs(operation, args), backend);
                }
              : undefined,
        }),
      ]),
    ) as Delegates;
  }

  function withTransaction<T>(work: (tx: Delegates) => Promise<T>): Promise<T> {
    return transact((tx, backend) => work(transactionDelegates(tx, backend)));
  }

  // ---- status and admin actions -------------------------------------------------------------

  function status(): DataLayerStatus {
    const current = mode();
    const state = breaker.state;
    const isFallbackLike = current === "fallback" || current === "recovering" || current === "down";
    const lagMs = !postgres ? null : isFallbackLike ? (lastMirror ? Date.now() - lastMirror.at : null) : (lastMirror?.lagMs ?? null);
    return {
      mode: current,
      active: active(),
      since: new Date(postgres ? state.since : bootedAt).toISOString(),
      cause: postgres ? state.cause : null,
      queue: safeQueueDepth(),
      oldestQueuedAt: safely(() => local?.oldestQueuedAt() ?? null, null),
      replicaLagMs: lagMs,
      lastMirrorAt: lastMirror ? new Date(lastMirror.at).toISOString() : null,
      isMirrorTrusted: !postgres || isMirrorTrusted,
      conflicts: openConflicts,
      probes: [...probes],
      nextProbeAt: state.nextProbeAt ? new Date(state.nextProbeAt).toISOString() : null,
    };
  }
  const bootedAt = Date.now();

  async function probeNow(): Promise<boolean> {
    await start();
    if (!remote) return false;
    if (breaker.mode === "primary") {
      try {
        await remote.probe();
        return true;
      } catch (error) {
        trip(error);
        return false;
      }
    }
    const ok = await probe();
    if (breaker.mode === "recovering") await drain();
    return ok;
  }

  async function replayNow(): Promise<void> {
    await start();
    if (breaker.mode === "recovering") await drain();
    else if (breaker.mode === "fallback") await probeNow();
  }

  async function listConflicts(includeResolved = false): Promise<Conflict[] | null> {
    if (!remote || breaker.mode !== "primary") return null;
    const conflicts = await remote.listConflicts({ includeResolved });
    openConflicts = conflicts.filter((conflict) => !conflict.resolvedAt).length;
    return conflicts;
  }

  async function resolveConflict(id: string, resolution: "ours" | "theirs", actor: string): Promise<boolean> {
    if (!remote || breaker.mode !== "primary") throw new DatabaseUnavailableError("Conflicts can be resolved once PostgreSQL is back.");
    const isResolved = await remote.resolveConflict(id, resolution, tables, actor);
    if (isResolved) {
      openConflicts = Math.max(0, openConflicts - 1);
      record("conflict-resolved", `conflict ${id} resolved: kept ${resolution === "ours" ? "the queued write" : "PostgreSQL's version"}`, { id, resolution, actor });
      await pollMirror();
    }
    return isResolved;
  }

  function events(options?: { limit?: number; types?: string[] }): DbEvent[] {
    return local?.listEvents(options) ?? [];
  }

  function queue(limit?: number) {
    return local?.listQueue(limit) ?? [];
  }

  function lagPercentiles(): { p50: number | null; p99: number | null; samples: number } {
    const sorted = [...lagSamples].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);
    return { p50: at(0.5), p99: at(0.99), samples: sorted.length };
  }

  // Stops background work, lets a replay in progress finish its current operation, closes pools.
  async function close(): Promise<void> {
    isClosing = true;
    if (timer) clearInterval(timer);
    await Promise.allSettled([probeRunning, mirrorRunning, drainRunning, suspicionCheck]);
    await Promise.allSettled([postgres?.$disconnect(), sqlite?.$disconnect(), remote?.close()]);
    local?.close();
  }

  const db = Object.fromEntries(
    MODEL_KEYS.map((model) => [
      model,
      new Proxy({}, { get: (_target, operation) => (typeof operation === "string" ? (args?: unknown) => run(model, operation, args) : undefined) }),
    ]),
  ) as unknown as Pick<PostgresClient, ModelKey>;

  return {
    db,
    withTransaction: withTransaction as unknown as <T>(work: (tx: Pick<PostgresClient, ModelKey>) => Promise<T>) => Promise<T>,
    start,
    close,
    status,
    tick,
    probeNow,
    replayNow,
    listConflicts,
    resolveConflict,
    events,
    queue,
    lagPercentiles,
    pollMirror: async () => {
      await start();
      return pollMirror();
    },
  };
}

export type DataLayer = ReturnType<typeof createDataLayer>;
