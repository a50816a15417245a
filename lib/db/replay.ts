import "server-only";
import { BootRefusal, reconcileIdentity } from "./boot";
import { describeError, isConnectionError } from "./errors";
import type { LayerState } from "./layer-state";
import type { QueuedOperation } from "./local-store";
import type { Mirror } from "./mirror";
import { recordConflict, type ConflictDraft } from "./remote-conflicts";
import { replayOperations } from "./remote-replay";

// Queued operations replayed per PostgreSQL transaction (each in its own savepoint).
const REPLAY_BATCH = 50;

type Counts = { applied: number; skipped: number; conflicts: number; deferred: number };

// Replays what was written to SQLite during an outage into PostgreSQL, then hands the app back to
// PostgreSQL. It always makes progress: an operation PostgreSQL refuses for now (a lock, a deadlock)
// waits for its retry without holding up operations on other rows, and is set aside as a conflict
// after the attempts allowed; one refused for good is set aside at once. The switch back happens
// under SQLite's write lock once the queue is empty, and a write to SQLite checks the mode under
// the same lock, so no write is ever left queued while the app is primary.
export class Replayer {
  private running: Promise<void> | null = null;

  constructor(
    private readonly state: LayerState,
    private readonly mirror: Mirror,
  ) {}

  drain(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  get inProgress(): Promise<void> | null {
    return this.running;
  }

  private async run(): Promise<void> {
    const { state } = this;
    const { remote, local, config } = state;
    if (!remote || !config.databaseUrl) return;
    try {
      if (!state.isPostgresReady) {
        await config.migratePostgres?.(config.databaseUrl);
        await remote.install(state.tables);
        state.isPostgresReady = true;
      }
      if (!local || state.isLocalBroken) {
        // Nothing can be queued in a SQLite that never opened: PostgreSQL serves once healthy.
        state.announce(state.breaker.recordDrained(Date.now()));
        return;
      }
      if (!state.isReconciled) await this.reconcile();
      const counts: Counts = { applied: 0, skipped: 0, conflicts: 0, deferred: 0 };
      const startedAt = Date.now();
      // Replay while writes keep arriving; once what is ready fits in one batch, finish under the
      // write lock, so recovery ends even under a steady stream of writes.
      while (!state.isClosing && state.breaker.mode === "recovering") {
        const ready = await this.replayBatch(counts);
        await this.mirror.refreshPending();
        if (ready < REPLAY_BATCH) break;
      }
      if (!state.isClosing && state.breaker.mode === "recovering") await this.handOver(counts);
      if (counts.applied + counts.skipped + counts.conflicts > 0) {
        const ms = Date.now() - startedAt;
        state.record(
          "replay",
          `replayed ${counts.applied} queued writes in ${ms} ms (${counts.skipped} already applied, ${counts.conflicts} set aside as conflicts)`,
          { ...counts, ms },
        );
      }
    } catch (error) {
      if (isConnectionError(error)) {
        state.announce(state.breaker.recordProbe(false, Date.now(), describeError(error)));
        return;
      }
      if (error instanceof BootRefusal) {
        // Both hold data of their own: the app stays on its file, says why, and stops asking
        // PostgreSQL (a restart after the fix decides again, as at any start).
        state.reconcileProblem = error.message;
        state.record("identity", error.message, {}, "error");
        state.announce(state.breaker.recordProbe(false, Date.now(), error.message));
        return;
      }
      throw error;
    }
  }

  // The start could not settle what the file is to PostgreSQL (PostgreSQL was unreachable): it is
  // settled now, before anything is replayed. A copy whose place in the change log is gone is
  // rebuilt once the queue is replayed (data-layer.ts, copyIsMissing).
  private async reconcile(): Promise<void> {
    const identity = await reconcileIdentity(this.state, this.mirror);
    if (!(await this.mirror.isCurrentWith(identity))) {
      await this.mirror.forgetPosition();
      await this.mirror.adopt(identity);
    }
  }

  // Holds new SQLite writes, replays what is ready and, if nothing is left waiting, switches to
  // PostgreSQL. Writes that waited then find the app primary and go to PostgreSQL.
  private async handOver(counts: Counts): Promise<void> {
    const { state } = this;
    const local = state.local!;
    await local.writeLock.run(async () => {
      for (;;) {
        if (state.isClosing) return;
        if ((await this.replayBatch(counts, true)) === 0) break;
      }
      if (local.queueDepth() === 0) state.announce(state.breaker.recordDrained(Date.now()));
    });
    await this.mirror.refreshPending();
    if (state.breaker.mode === "primary") void this.mirror.request();
  }

  // Replays the oldest operations that may be tried now (one batch) and returns how many there
  // were. The rows whose queued write did not stand are recorded for the copy to take PostgreSQL's
  // version (Mirror.refreshPending).
  private async replayBatch(counts: Counts, isLocked = false): Promise<number> {
    const { state } = this;
    const local = state.local!;
    const operations = local.nextOperations(REPLAY_BATCH);
    if (operations.length === 0) return 0;
    const results = await replayOperations(
      state.remote!.pool,
      operations.map((operation) => operation.entries),
      state.tables,
      state.config.instanceId,
    );
    const done: string[] = [];
    const setAside: QueuedOperation[] = [];
    // An operation PostgreSQL already had (its commit's answer was lost) was done again locally:
    // its rows are refreshed from PostgreSQL like those of a conflict.
    const alreadyApplied: QueuedOperation[] = [];
    for (const [i, result] of results.entries()) {
      const operation = operations[i];
      if (result.outcome === "retry") {
        const attempts = operation.attempts + 1;
        if (attempts < (state.config.replayAttempts ?? 4)) {
          counts.deferred += 1;
          const delay = (state.config.replayRetryDelayMs ?? 500) * 2 ** operation.attempts;
          const write = () => local.deferOperationNow(operation.opId, result.error, Math.round(delay / 2 + (Math.random() * delay) / 2));
          if (isLocked) write();
          else await local.writeLock.run(write);
          continue;
        }
        await this.setAside(
          {
            opId: operation.opId,
            kind: "stuck",
            table: operation.entries[0].table,
            rowId: operation.entries[0].rowId,
            ours: operation.entries[0].row,
            theirs: null,
            entries: operation.entries,
            message: `refused ${attempts} times, last: ${result.error}`,
          },
          counts,
        );
        setAside.push(operation);
      } else if (result.outcome === "conflict" || result.outcome === "rejected") {
        await this.setAside(result.conflict, counts);
        setAside.push(operation);
      } else {
        if (result.outcome === "applied") counts.applied += 1;
        else {
          counts.skipped += 1;
          alreadyApplied.push(operation);
        }
        done.push(operation.opId);
      }
    }
    const removed = [...done, ...setAside.map((operation) => operation.opId)];
    const refresh = [...setAside, ...alreadyApplied].flatMap((operation) => operation.entries.map((entry) => ({ table: entry.table, rowId: entry.rowId })));
    if (isLocked) local.removeOperationsNow(removed, refresh);
    else await local.removeOperations(removed, refresh);
    return operations.length;
  }

  private async setAside(conflict: ConflictDraft, counts: Counts): Promise<void> {
    const { state } = this;
    await recordConflict(state.remote!.pool, { ...conflict, source: state.config.instanceId });
    counts.conflicts += 1;
    state.onConflictRecorded();
    const { kind, table, rowId, opId, message } = conflict;
    state.record(
      "conflict",
      `replay conflict (${kind}) on ${table} ${rowId}: kept PostgreSQL's version for review`,
      { opId, kind, table, rowId, message },
      "warn",
    );
  }

  // An admin sets a waiting operation aside now instead of waiting for its retries.
  async setAsideNow(opId: string, actor: string): Promise<boolean> {
    const local = this.state.local;
    const entries = local?.operation(opId) ?? [];
    if (!local || entries.length === 0) return false;
    const first = entries[0];
    await this.setAside(
      {
        opId,
        kind: "stuck",
        table: first.table,
        rowId: first.rowId,
        ours: first.row,
        theirs: null,
        entries,
        message: `set aside by ${actor} while waiting for its retry`,
      },
      { applied: 0, skipped: 0, conflicts: 0, deferred: 0 },
    );
    await local.removeOperations(
      [opId],
      entries.map((entry) => ({ table: entry.table, rowId: entry.rowId })),
    );
    await this.mirror.refreshPending();
    return true;
  }
}
