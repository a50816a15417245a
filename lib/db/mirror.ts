import "server-only";
import type pg from "pg";
import { describeError, isConnectionError } from "./errors";
import type { LayerState } from "./layer-state";
import type { RowChanges } from "./local-store";
import type { Change, OpenTransaction, RemoteIdentity } from "./remote-store";

const REFRESH_BATCH = 500;

const SNAPSHOT_KEY = "mirror.snapshot";
const SOURCE_KEY = "mirror.source";
const SYNCED_AT_KEY = "mirror.syncedAt";
// How often, at most, the position is reported to PostgreSQL.
const POSITION_EVERY_MS = 30_000;
const LISTEN_RETRY_MS = 2_000;

export type MirrorStatus = {
  lagMs: number | null;
  lastSyncAt: string | null;
  isTrusted: boolean;
  isListening: boolean;
  oldestOpenTransaction: OpenTransaction | null;
};

export function sourceKey(identity: RemoteIdentity): string {
  return `${identity.systemId}/${identity.database}`;
}

// Keeps the SQLite copy current with PostgreSQL: every change any instance commits, deletes
// included, read from the change log by commit visibility (see RemoteStore.readChanges), woken by
// LISTEN/NOTIFY at each commit and polled every interval besides.
//
// Lag is the age of the oldest committed change not yet in the copy. A notification arrives at
// commit, so while listening that is the time since the first notification not yet followed by a
// completed poll (0 when there is none); without the notification channel it is, conservatively,
// the time since the last completed poll started.
export class Mirror {
  private running: Promise<void> | null = null;
  private isRequested = false;
  private lastStartedAt = 0;
  private lastCompleted: { startedAt: number; completedAt: number } | null = null;
  private unseenSince: number | null = null;
  private pollUnseenSince: number | null = null;
  private listener: pg.Client | null = null;
  private listening: Promise<void> | null = null;
  private lastListenAttemptAt = 0;
  private lastPositionAt = 0;
  private lagSamples: number[] = [];
  private oldestOpen: OpenTransaction | null = null;
  // Transactions this instance committed and copied itself: their notification wakes nobody.
  private readonly ownTransactions = new Set<string>();
  private readonly heldOwnWrites: RowChanges[] = [];
  isTrusted = false;

  constructor(
    private readonly state: LayerState,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  // A poll now, or right after the one running (so a commit made during it is not left waiting).
  request(): Promise<void> {
    if (this.running) {
      this.isRequested = true;
      return this.running;
    }
    this.lastStartedAt = Date.now();
    this.running = this.poll()
      .catch((error: unknown) => this.onFailure(error))
      .finally(() => {
        this.running = null;
        if (this.isRequested && this.state.breaker.mode === "primary" && !this.state.isClosing) {
          this.isRequested = false;
          void this.request();
        }
      });
    return this.running;
  }

  isDue(now: number): boolean {
    return !this.running && now - this.lastStartedAt >= this.state.config.mirrorIntervalMs;
  }

  async poll(): Promise<void> {
    const { remote, local } = this.state;
    if (!remote || !local || this.state.isLocalBroken || local.rebuilding) return;
    await this.refreshPending();
    const previous = this.position();
    if (!previous) return;
    const startedAt = Date.now();
    this.pollUnseenSince = this.unseenSince;
    this.unseenSince = null;
    const { snapshot, changes } = await remote.readChanges(previous);
    const batches = await this.fetch(changes);
    // An idle poll writes nothing (a commit costs a disk write), except a heartbeat a minute so a
    // restart can tell how fresh the copy is.
    const isQuiet = batches.length === 0 && snapshot === previous && startedAt - Number(local.getMeta(SYNCED_AT_KEY) ?? 0) < 60_000;
    if (!isQuiet) {
      await local.applyChanges(batches, { [SNAPSHOT_KEY]: snapshot, [SYNCED_AT_KEY]: String(startedAt) });
      this.state.noteLocalRoom();
    }
    const completedAt = Date.now();
    if (this.pollUnseenSince !== null) {
      this.lagSamples.push(completedAt - this.pollUnseenSince);
      if (this.lagSamples.length > 1_000) this.lagSamples.shift();
    }
    this.pollUnseenSince = null;
    this.lastCompleted = { startedAt, completedAt };
    this.isTrusted = true;
    if (completedAt - this.lastPositionAt > POSITION_EVERY_MS) {
      this.lastPositionAt = completedAt;
      await this.reportPosition(snapshot);
    }
  }

  // Rows of a transaction this instance just committed, put in the copy before the caller is
  // answered (see _hrms_finish), so a failover right after finds them.
  async applyOwnWrite(rows: { tbl: string; row_id: string; row_json: Record<string, unknown> | null; txid: string }[]): Promise<void> {
    const { local } = this.state;
    if (!local || this.state.isLocalBroken || rows.length === 0) return;
    this.ownTransactions.add(rows[0].txid);
    // Bounded: a notification that never came (a lost LISTEN connection) must not keep its entry.
    if (this.ownTransactions.size > 1_000) this.ownTransactions.delete(this.ownTransactions.values().next().value!);
    const byTable = new Map<string, RowChanges>();
    for (const row of rows) {
      const change = byTable.get(row.tbl) ?? { table: row.tbl, rows: [], deletedIds: [] };
      if (row.row_json) change.rows.push(row.row_json);
      else change.deletedIds.push(row.row_id);
      byTable.set(row.tbl, change);
    }
    // While the copy is being rebuilt (which holds SQLite's write lock for the whole snapshot), the
    // rows wait beside it and go in the moment it is done, rather than holding up this write.
    if (local.rebuilding) {
      this.heldOwnWrites.push(...byTable.values());
      return;
    }
    await local.applyChanges([...byTable.values()], {});
  }

  private async fetch(changes: Change[]): Promise<RowChanges[]> {
    const { remote } = this.state;
    const byTable = new Map<string, Set<string>>();
    for (const change of changes) {
      if (!this.state.tables.some((table) => table.name === change.table)) continue;
      if (!byTable.has(change.table)) byTable.set(change.table, new Set());
      byTable.get(change.table)!.add(change.rowId);
    }
    const batches: RowChanges[] = [];
    for (const [table, idSet] of byTable) {
      const ids = [...idSet];
      const rows = await remote!.fetchRows(table, ids);
      const found = new Set(rows.map((row) => String(row.id)));
      batches.push({ table, rows, deletedIds: ids.filter((id) => !found.has(id)) });
    }
    return batches;
  }

  // After the replay decided a row's fate (a conflict, or an operation PostgreSQL already had),
  // PostgreSQL's version of the row is the truth locally too. Such rows are listed in the file
  // (LocalStore, _hrms_refresh) and each is forgotten only once it has been applied, so a refresh
  // that PostgreSQL drops mid-way is taken again by the next replay or poll.
  private lastRefreshFailure: string | null = null;

  private noteRefreshFailure(error: unknown): void {
    const message = describeError(error);
    if (message === this.lastRefreshFailure) return;
    this.lastRefreshFailure = message;
    this.state.record(
      "refresh",
      `could not take PostgreSQL's version of rows whose queued write did not stand (tried again on every poll): ${message}`,
      {},
      "warn",
    );
  }

  // Rows PostgreSQL refuses to hand over for now (a lock) stay listed and are tried again; neither
  // the replay nor the rest of the copy waits for them. Only a lost connection is thrown.
  async refreshPending(): Promise<void> {
    await this.refreshListed().catch((error: unknown) => {
      if (isConnectionError(error)) throw error;
      this.noteRefreshFailure(error);
    });
  }

  private async refreshListed(): Promise<void> {
    const { local } = this.state;
    if (!local || this.state.isLocalBroken) return;
    for (;;) {
      const rows = local.rowsToRefresh(REFRESH_BATCH);
      if (rows.length === 0) return;
      await local.applyChanges(await this.fetch(rows), {}, true);
      await local.refreshed(rows);
      this.lastRefreshFailure = null;
      if (rows.length < REFRESH_BATCH) return;
    }
  }

  // Where the copy stands in the change log, or null when it has no position (never built).
  position(): string | null {
    const { local } = this.state;
    const snapshot = local?.getMeta(SNAPSHOT_KEY);
    if (snapshot) return snapshot;
    // A copy made by a version that kept only the xmin: everything below it is in the copy.
    const xmin = local?.getMeta("mirror.xmin");
    return xmin ? `${xmin}:${xmin}:` : null;
  }

  async forgetPosition(): Promise<void> {
    await this.state.local!.deleteMeta(SNAPSHOT_KEY);
  }

  // Tables the copy keeps only recent rows of: the audit log, for auditCopyDays.
  windows(now = Date.now()): Record<string, Date> {
    const days = this.state.config.auditCopyDays ?? 0;
    if (days <= 0 || !this.state.tables.some((table) => table.name === "AuditLog")) return {};
    return { AuditLog: new Date(now - days * 86_400_000) };
  }

  // The database this copy was made from (or, for a new copy, will be): recorded before the first
  // write reaches it, so writes queued before its first snapshot completed are never replayed into
  // another database.
  async adopt(identity: RemoteIdentity): Promise<void> {
    await this.state.local!.setMeta(SOURCE_KEY, sourceKey(identity));
  }

  source(): string | null {
    return this.state.local?.getMeta(SOURCE_KEY) ?? null;
  }

  // Whether the copy can be brought up to date from the change log, or must be rebuilt.
  async isCurrentWith(identity: RemoteIdentity): Promise<boolean> {
    const position = this.position();
    if (!position || this.source() !== sourceKey(identity)) return false;
    return !(await this.state.remote!.isPositionPruned(position));
  }

  // A new copy of every model table, streamed (see LocalStore.rebuild). Readers keep the previous
  // copy until it is complete.
  async rebuild(identity: RemoteIdentity): Promise<number> {
    const { remote, local } = this.state;
    const startedAt = Date.now();
    // Own writes committed during the rebuild go in after it, whether it completed or not (a
    // failover part-way serves the previous copy, which needs them too).
    const rows = await local!.rebuild(
      async (add) => {
        const snapshot = await remote!.streamSnapshot(this.state.tables, (table, batch) => add(table, batch), this.windows());
        return { [SNAPSHOT_KEY]: snapshot, [SOURCE_KEY]: sourceKey(identity), [SYNCED_AT_KEY]: String(Date.now()) };
      },
      () => this.heldOwnWrites.splice(0),
    );
    const ms = Date.now() - startedAt;
    this.state.record("snapshot", `rebuilt the SQLite copy from PostgreSQL: ${rows} rows in ${ms} ms`, { rows, ms });
    this.lastCompleted = { startedAt, completedAt: Date.now() };
    this.isTrusted = true;
    await this.reportPosition(this.position()!).catch(() => {});
    return rows;
  }

  // The notification channel; reconnected after it is lost, at most every few seconds (polling
  // carries on meanwhile).
  ensureListening(now = Date.now()): void {
    const { remote } = this.state;
    if (!remote || this.listener || this.listening || this.state.isClosing || now - this.lastListenAttemptAt < LISTEN_RETRY_MS) return;
    this.lastListenAttemptAt = now;
    this.listening = remote
      .listen(
        (txid) => {
          // The interval poll still moves the position past this instance's own commits.
          if (this.ownTransactions.delete(txid)) return;
          this.unseenSince ??= Date.now();
          void this.request();
        },
        () => this.dropListener(),
      )
      .then((client) => {
        if (this.state.isClosing) client.end().catch(() => {});
        else this.listener = client;
      })
      .catch(() => {})
      .finally(() => (this.listening = null));
  }

  private dropListener(): void {
    const client = this.listener;
    this.listener = null;
    client?.end().catch(() => {});
  }

  private async reportPosition(snapshot: string): Promise<void> {
    const { remote, local } = this.state;
    if (!remote || !local) return;
    try {
      await remote.recordPosition(this.state.config.instanceId, snapshot, local.oldestQueuedAt());
      this.oldestOpen = await remote.oldestOpenTransaction();
    } catch (error) {
      if (isConnectionError(error)) throw error;
      this.state.record("mirror", `could not record this copy's position: ${describeError(error)}`, {}, "warn");
    }
  }

  status(): MirrorStatus {
    const now = Date.now();
    const isPrimary = this.state.breaker.mode === "primary";
    let lagMs: number | null = null;
    if (this.lastCompleted) {
      if (!isPrimary || !this.listener) lagMs = now - this.lastCompleted.startedAt;
      else {
        const since = this.pollUnseenSince ?? this.unseenSince;
        lagMs = since === null ? 0 : now - since;
      }
    }
    return {
      lagMs,
      lastSyncAt: this.lastCompleted ? new Date(this.lastCompleted.completedAt).toISOString() : null,
      isTrusted: this.isTrusted,
      isListening: this.listener !== null,
      oldestOpenTransaction: this.oldestOpen,
    };
  }

  lagPercentiles(): { p50: number | null; p99: number | null; samples: number } {
    const sorted = [...this.lagSamples].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);
    return { p50: at(0.5), p99: at(0.99), samples: sorted.length };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.running, this.listening]);
    this.dropListener();
  }
}
