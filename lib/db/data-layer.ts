import "server-only";
import { DatabaseUnavailableError, describeError, findUnstorableValue, InvalidDataError, isConnectionError } from "./errors";
import { checkFileIdentity, openLocal, reconcileWithPostgres, type FileIdentity } from "./boot";
import { LayerState, type DataLayerConfig } from "./layer-state";
import type { DbEvent } from "./local-store";
import { Mirror, sourceKey, type MirrorStatus } from "./mirror";
import { countOpenConflicts, listConflicts, pruneResolvedConflicts, resolveConflict, type Conflict } from "./remote-conflicts";
import { Replayer } from "./replay";
import { callDelegate, isSqliteFull, MODEL_KEYS, onSqlite, READ_OPERATIONS, yieldToEventLoop, type Delegates, type ModelKey } from "./routing";
import { toSqliteArgs } from "./sqlite-args";
import type { DbBackend, DbMode } from "./status-store";
import type { PostgresClient } from "./clients";
import { WritePath } from "./write-path";

export type { DataLayerConfig } from "./layer-state";
export { MODEL_KEYS, type ModelKey } from "./routing";

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
  mirror: MirrorStatus | null;
  sqliteProblem: string | null;
  conflicts: number;
  probes: ProbeRecord[];
  nextProbeAt: string | null;
};

// How often the layer's own tables in PostgreSQL are pruned (see RemoteStore.prune).
const PRUNE_EVERY_MS = 10 * 60_000;
const COPIES_LIVE_DAYS = 7;
const APPLIED_OPS_MARGIN_HOURS = 24;
const RESOLVED_CONFLICTS_DAYS = 90;
const CLOSE_WAIT_MS = 3_000;
const COPY_RETRY_MS = 2_000;

// The data layer: the parts (routing, writes, mirror, replay, boot) share one LayerState; this file
// wires them, runs the background work and is the public face.
export function createDataLayer(config: DataLayerConfig) {
  const state = new LayerState(config, connectionLost);
  const mirror = new Mirror(state, backgroundFailed);
  const replayer = new Replayer(state, mirror);
  const writes = new WritePath(state, mirror, ready);
  const probes: ProbeRecord[] = [];
  let fileIdentity: FileIdentity | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let probeRunning: Promise<boolean> | null = null;
  let background: Promise<void> | null = null;
  let suspicionCheck: Promise<void> | null = null;
  // The first prune waits a full period: start-up is busy enough.
  let lastPruneAt = Date.now();
  let lastCopyAttemptAt = Date.now();
  let lastCopyCheckAt = 0;
  let started: Promise<void> | null = null;

  function start(): Promise<void> {
    started ??= boot().catch((error: unknown) => {
      state.startProblem = error instanceof Error ? error.message : String(error);
      state.record("boot", `the data layer could not start: ${state.startProblem}`, {}, "error");
      config.onModeChange?.(state.mode());
    });
    return started;
  }

  // Requests wait for the start; if it failed, they are refused as the service being unavailable.
  async function ready(): Promise<void> {
    await start();
    if (state.startProblem) throw new DatabaseUnavailableError();
  }

  async function boot() {
    fileIdentity = await openLocal(state);
    if (!state.postgres) return;
    const rest = await reconcileWithPostgres(state, mirror);
    // A rebuild of the copy runs in the background: PostgreSQL serves meanwhile, and a failover
    // before it completes reads the previous copy.
    if (rest) inBackground(rest);
    const interval = Math.max(50, Math.min(config.probeIntervalMs, config.mirrorIntervalMs) / 2);
    timer = setInterval(() => void tick().catch(backgroundFailed), interval);
    timer.unref?.();
  }

  function inBackground(work: () => Promise<void>) {
    lastCopyAttemptAt = Date.now();
    background = work()
      .catch(backgroundFailed)
      .finally(() => (background = null));
  }

  // A copy that never completed its first snapshot (the rebuild at start failed: PostgreSQL went
  // away part-way, a timeout under load) is built again once PostgreSQL serves, rather than left
  // empty with the mirror waiting for a position it will never have.
  function copyIsMissing(now: number): boolean {
    const { local } = state;
    // Looked at every COPY_RETRY_MS, not every tick: the rest reads SQLite.
    if (now - lastCopyAttemptAt <= COPY_RETRY_MS || now - lastCopyCheckAt <= COPY_RETRY_MS) return false;
    lastCopyCheckAt = now;
    return Boolean(local && !state.isLocalBroken && local.getMeta("role") === "copy" && !mirror.position() && state.safeQueueDepth() === 0);
  }

  // Only a file that is the copy of this very database is rebuilt here; anything else (a file that
  // was a database of its own, a copy of another cluster) is decided at start, never in passing.
  async function buildCopy(): Promise<void> {
    const local = state.local!;
    const identity = await state.remote!.identity();
    if (mirror.source() !== sourceKey(identity)) {
      state.record(
        "snapshot",
        `not rebuilding the SQLite copy: it was made for ${mirror.source() ?? "no database"}, PostgreSQL is ${sourceKey(identity)}; restart the app to reconcile them`,
        {},
        "warn",
      );
      lastCopyAttemptAt = Number.POSITIVE_INFINITY;
      return;
    }
    if (local.hasData()) {
      const kept = await local.keepCopy("before-rebuild");
      state.record("snapshot", `kept the previous SQLite copy as ${kept} before rebuilding it`, { kept });
    }
    await mirror.rebuild(identity);
  }

  // Background work, each kind one at a time but independent of the others, so a mirror poll
  // stuck on a hung server never delays the probes that detect it: the mirror while primary,
  // probes while PostgreSQL is down, the replay while recovering.
  async function tick(): Promise<void> {
    if (state.isClosing) return;
    checkFileIdentity(state, fileIdentity);
    const now = Date.now();
    const work: Promise<unknown>[] = [];
    if (state.breaker.mode === "primary") {
      state.breaker.relax(now);
      if (!background && copyIsMissing(now)) inBackground(buildCopy);
      if (!background) {
        mirror.ensureListening(now);
        if (mirror.isDue(now)) work.push(mirror.request());
        if (now - lastPruneAt > PRUNE_EVERY_MS) {
          lastPruneAt = now;
          work.push(prune());
        }
      }
    } else if (!state.reconcileProblem && state.breaker.isProbeDue(now)) {
      probeRunning ??= probe().finally(() => (probeRunning = null));
      work.push(probeRunning);
    }
    if (state.breaker.mode === "recovering") work.push(replayer.drain());
    await Promise.all(work);
  }

  function backgroundFailed(error: unknown) {
    if (isConnectionError(error)) state.trip(error);
    else if (isSqliteFull(error)) state.noteLocalFull();
    else state.record("background", `background database work failed: ${describeError(error)}`, { error: describeError(error) }, "error");
  }

  // A pooled connection died outside any query: the server went away, restarted, or an admin
  // ended the session. Check PostgreSQL at once (one check at a time) instead of leaving it to the
  // next request; only a failed check opens the breaker, since one ended session is no outage.
  function connectionLost(error: Error) {
    if (state.isClosing || state.breaker.mode !== "primary" || suspicionCheck || !state.remote) return;
    state.record("connection-lost", `PostgreSQL connection lost - checking the server: ${describeError(error)}`, {}, "warn");
    suspicionCheck = state.remote
      .probe()
      .catch((probeError: unknown) => {
        if (state.breaker.mode === "primary") state.trip(probeError);
      })
      .finally(() => (suspicionCheck = null));
  }

  async function probe(): Promise<boolean> {
    if (!state.remote) return false;
    const startedAt = Date.now();
    try {
      await state.remote.probe();
      remember({ at: new Date().toISOString(), ok: true, ms: Date.now() - startedAt });
      state.announce(state.breaker.recordProbe(true, Date.now()));
      return true;
    } catch (error) {
      const entry = { at: new Date().toISOString(), ok: false, ms: Date.now() - startedAt, error: describeError(error) };
      remember(entry);
      state.announce(state.breaker.recordProbe(false, Date.now(), entry.error));
      return false;
    }
  }

  function remember(entry: ProbeRecord) {
    probes.unshift(entry);
    probes.length = Math.min(probes.length, 50);
    state.local?.addEvent("probe", entry.ok ? `probe ok in ${entry.ms} ms` : `probe failed: ${entry.error}`, entry).catch(() => {});
  }

  async function prune() {
    const { remote } = state;
    if (!remote) return;
    const pruned = await remote.prune({ liveDays: COPIES_LIVE_DAYS, appliedOpsMarginHours: APPLIED_OPS_MARGIN_HOURS });
    const conflicts = await pruneResolvedConflicts(remote.pool, RESOLVED_CONFLICTS_DAYS);
    state.openConflicts = await countOpenConflicts(remote.pool);
    let copied = 0;
    if (state.local && !state.isLocalBroken)
      for (const [table, before] of Object.entries(mirror.windows())) copied += await state.local.pruneBefore(table, before);
    if (pruned.changes + pruned.appliedOps + conflicts + copied > 0)
      state.record(
        "prune",
        `pruned ${pruned.changes} change-log rows, ${pruned.appliedOps} applied operation ids, ${conflicts} resolved conflicts, ${copied} audit rows older than the copy's window`,
        {
          ...pruned,
          conflicts,
          copied,
        },
      );
  }

  // ---- reads --------------------------------------------------------------------------------

  async function read(model: ModelKey, operation: string, args: unknown): Promise<unknown> {
    const problem = findUnstorableValue(args);
    if (problem) throw new InvalidDataError(problem);
    await ready();
    if (state.postgres && state.breaker.mode === "primary") {
      try {
        return await callDelegate(state.postgres, model, operation, args);
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        state.trip(error);
      }
    }
    await yieldToEventLoop();
    // The reader connection sees committed data only, never a write transaction in progress.
    return onSqlite(state, () => callDelegate(state.sqliteReader!, model, operation, toSqliteArgs(args)));
  }

  function run(model: ModelKey, operation: string, args: unknown): Promise<unknown> {
    return READ_OPERATIONS.has(operation) ? read(model, operation, args) : writes.write(model, operation, args);
  }

  // ---- status and admin actions -------------------------------------------------------------

  function status(): DataLayerStatus {
    const current = state.mode();
    const breaker = state.breaker.state;
    const mirrorStatus = state.postgres ? mirror.status() : null;
    return {
      mode: current,
      active: state.active(),
      since: new Date(state.postgres ? breaker.since : state.bootedAt).toISOString(),
      cause: state.startProblem ?? (state.localProblem && current === "down" ? state.localProblem : state.postgres ? breaker.cause : null),
      queue: state.safeQueueDepth(),
      oldestQueuedAt: state.safely(() => state.local?.oldestQueuedAt() ?? null, null),
      replicaLagMs: mirrorStatus?.lagMs ?? null,
      lastMirrorAt: mirrorStatus?.lastSyncAt ?? null,
      isMirrorTrusted: !state.postgres || mirror.isTrusted,
      mirror: mirrorStatus,
      sqliteProblem:
        state.localProblem ??
        (state.localFullSince
          ? `SQLite has been full since ${new Date(state.localFullSince).toISOString()}: the copy is not kept current and writes cannot be queued`
          : null),
      conflicts: state.openConflicts,
      probes: [...probes],
      nextProbeAt: breaker.nextProbeAt ? new Date(breaker.nextProbeAt).toISOString() : null,
    };
  }

  async function probeNow(): Promise<boolean> {
    await start();
    if (!state.remote) return false;
    if (state.breaker.mode === "primary") {
      try {
        await state.remote.probe();
        return true;
      } catch (error) {
        state.trip(error);
        return false;
      }
    }
    const ok = await probe();
    if (state.breaker.mode === "recovering") await replayer.drain();
    return ok;
  }

  async function replayNow(): Promise<void> {
    await start();
    if (state.breaker.mode === "recovering") await replayer.drain();
    else if (state.breaker.mode === "fallback") await probeNow();
  }

  async function listOpenConflicts(includeResolved = false): Promise<Conflict[] | null> {
    if (!state.remote || state.breaker.mode !== "primary") return null;
    const conflicts = await listConflicts(state.remote.pool, { includeResolved });
    state.openConflicts = conflicts.filter((conflict) => !conflict.resolvedAt).length;
    return conflicts;
  }

  async function resolve(id: string, resolution: "ours" | "theirs", actor: string): Promise<boolean> {
    if (!state.remote || state.breaker.mode !== "primary") throw new DatabaseUnavailableError("Conflicts can be resolved once PostgreSQL is back.");
    const isResolved = await resolveConflict(state.remote.pool, id, resolution, state.tables, actor);
    if (isResolved) {
      state.openConflicts = Math.max(0, state.openConflicts - 1);
      state.record("conflict-resolved", `conflict ${id} resolved: kept ${resolution === "ours" ? "the queued write" : "PostgreSQL's version"}`, {
        id,
        resolution,
        actor,
      });
      await mirror.request();
    }
    return isResolved;
  }

  function events(options?: { limit?: number; types?: string[] }): DbEvent[] {
    return state.local?.listEvents(options) ?? [];
  }

  function queue(limit?: number) {
    return state.local?.listQueue(limit) ?? [];
  }

  // Stops background work, lets a replay in progress finish its current step, closes pools.
  async function close(): Promise<void> {
    state.isClosing = true;
    if (timer) clearInterval(timer);
    await Promise.allSettled([probeRunning, replayer.inProgress, background, suspicionCheck, mirror.close()]);
    // Ending a pool waits for each connection's goodbye, which a partitioned server never sends:
    // the wait is bounded (the sockets go with the process).
    let closeTimer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([state.postgres?.$disconnect(), state.sqlite?.$disconnect(), state.sqliteReader?.$disconnect(), state.remote?.close()]),
      new Promise((resolve) => {
        closeTimer = setTimeout(resolve, CLOSE_WAIT_MS);
        closeTimer.unref?.();
      }),
    ]);
    clearTimeout(closeTimer);
    state.local?.close();
    state.fileClaim?.release();
  }

  const db = Object.fromEntries(
    MODEL_KEYS.map((model) => [
      model,
      new Proxy({}, { get: (_target, operation) => (typeof operation === "string" ? (args?: unknown) => run(model, operation, args) : undefined) }),
    ]),
  ) as unknown as Pick<PostgresClient, ModelKey>;

  return {
    db,
    withTransaction: ((work: (tx: Delegates) => Promise<unknown>) => writes.withTransaction(work)) as unknown as <T>(
      work: (tx: Pick<PostgresClient, ModelKey>) => Promise<T>,
    ) => Promise<T>,
    primaryTransaction: ((work: (tx: Delegates) => Promise<unknown>) => writes.primaryTransaction(work)) as unknown as <T>(
      work: (tx: Pick<PostgresClient, ModelKey>) => Promise<T>,
    ) => Promise<T>,
    start,
    // Why the layer could not start, once start() has settled (null when it did).
    startProblem: () => state.startProblem,
    close,
    status,
    tick,
    probeNow,
    replayNow,
    listConflicts: listOpenConflicts,
    resolveConflict: resolve,
    retryQueued: async (opId: string) => {
      const ok = (await state.local?.retryNow(opId)) ?? false;
      if (ok && state.breaker.mode === "recovering") await replayer.drain();
      return ok;
    },
    setAsideQueued: (opId: string, actor: string) => replayer.setAsideNow(opId, actor),
    events,
    queue,
    lagPercentiles: () => mirror.lagPercentiles(),
    // The periodic clean-up of both databases' bookkeeping, now (tests, admin).
    pruneNow: prune,
    // The bookkeeping's size in both databases (PostgreSQL's only while it serves).
    tableSizes: async () => ({
      postgres: state.remote && state.breaker.mode === "primary" ? await state.remote.tableSizes().catch(() => null) : null,
      sqlite: state.safely(() => state.local?.tableSizes() ?? null, null),
    }),
    pollMirror: async () => {
      await start();
      await background;
      return mirror.poll();
    },
  };
}

export type DataLayer = ReturnType<typeof createDataLayer>;
