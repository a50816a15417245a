import "server-only";
import { statSync } from "node:fs";
import { basename } from "node:path";
import { log } from "@/lib/log";
import { applySqlitePragmas, resolveSqlitePath } from "./clients";
import { describeError, isConnectionError } from "./errors";
import { claimFile } from "./file-owner";
import type { LayerState } from "./layer-state";
import { LocalStore } from "./local-store";
import { sourceKey, type Mirror } from "./mirror";
import { copyIntoPostgres, countPostgresRows } from "./move-to-postgres";
import type { RemoteIdentity } from "./remote-store";
import { callDelegate, MODEL_KEYS } from "./routing";
import { assertConventions } from "./table-info";

const ROLE_KEY = "role";

// Refusing to start is the only safe answer (both databases hold data of their own).
export class BootRefusal extends Error {
  readonly code = "boot_refused";
}

export type FileIdentity = { path: string; ino: number; dev: number };

// Opens the SQLite file. Without PostgreSQL a problem here is fatal; with it, the app runs on
// PostgreSQL alone and says why.
export async function openLocal(state: LayerState): Promise<FileIdentity | null> {
  const path = resolveSqlitePath(state.config.sqlitePath);
  try {
    state.fileClaim = claimFile(path, `the process "${basename(process.argv[1] ?? "node")}"`);
    state.openSqlite();
    await applySqlitePragmas(state.sqlite!);
    state.local = new LocalStore(path);
    const maxMb = state.config.sqliteMaxMb ?? 0;
    if (maxMb > 0) {
      const pageSize = Number((await state.sqlite!.$queryRawUnsafe<{ page_size: number | bigint }[]>("PRAGMA page_size"))[0].page_size);
      const pages = Math.ceil((maxMb * 2 ** 20) / pageSize);
      // Per connection: both writers of the file get the same ceiling.
      await state.sqlite!.$queryRawUnsafe(`PRAGMA max_page_count = ${pages}`);
      state.local.limitPages(pages);
    }
    state.tables = state.local.install();
    if (state.tables.length === 0) throw new Error(`the SQLite database at ${state.config.sqlitePath} has no tables: run npm run db:migrate`);
    assertConventions(state.tables);
    // Prisma prepares a client on its first query; do it now, not in the request that fails over.
    const reader = state.sqliteReader!;
    await Promise.all(MODEL_KEYS.map((model) => callDelegate(reader, model, "findFirst", { select: { id: true } })));
    // A new file's role is decided by its first start: the whole database without DATABASE_URL, a
    // copy with it (so an outage before its first snapshot completes does not make it look like a
    // database of its own).
    if (!state.local.getMeta(ROLE_KEY) && (!state.postgres || !state.local.hasData()))
      await state.local.setMeta(ROLE_KEY, state.postgres ? "copy" : "standalone");
    const stat = statSync(path);
    return { path, ino: stat.ino, dev: stat.dev };
  } catch (error) {
    if (!state.postgres) throw error;
    state.markLocalBroken(describeError(error));
    return null;
  }
}

// The file the layer opened must still be the one at its path: a file deleted or replaced while
// the app runs would take writes into an unlinked inode and lose the queue at the next start.
export function checkFileIdentity(state: LayerState, identity: FileIdentity | null): void {
  if (!identity || state.isLocalBroken) return;
  let problem: string | null = null;
  try {
    const stat = statSync(identity.path);
    if (stat.ino !== identity.ino || stat.dev !== identity.dev)
      problem = `the SQLite file ${identity.path} was replaced while the app was running; restart the app to use the new file`;
  } catch {
    problem = `the SQLite file ${identity.path} was deleted while the app was running; restart the app to create it again`;
  }
  if (problem) state.markLocalBroken(problem);
}

// Brings PostgreSQL and the copy into agreement at start. Returns the work left for the
// background (a rebuild of the copy), so requests never wait for it.
export async function reconcileWithPostgres(state: LayerState, mirror: Mirror): Promise<(() => Promise<void>) | null> {
  const { remote, local } = state;
  if (!remote) return null;
  try {
    // The first request should not be the one that opens Prisma's first connection (and plans its
    // first query) while the start-up work competes for the machine.
    await Promise.all([remote.probe(), state.postgres!.$queryRawUnsafe("SELECT 1")]);
    await remote.install(state.tables);
    state.isPostgresReady = true;
    if (!local || state.isLocalBroken) return null;
    const identity = await reconcileIdentity(state, mirror);

    if (local.queueDepth() > 0) {
      // Writes from before a restart are still queued: replay them before PostgreSQL serves.
      state.announce(state.breaker.recordFailure(`${local.queueDepth()} writes queued before restart`, Date.now()));
      return null;
    }
    if (await mirror.isCurrentWith(identity)) return () => mirror.poll();
    // The old position is of no use (another database, or pruned): forgotten now, so a rebuild that
    // fails is taken again (data-layer.ts, copyIsMissing) instead of polling from it.
    await mirror.forgetPosition();
    await mirror.adopt(identity);
    return async () => {
      if (local.hasData()) {
        const kept = await local.keepCopy("before-rebuild");
        state.record("snapshot", `kept the previous SQLite copy as ${kept} before rebuilding it`, { kept });
      }
      await mirror.rebuild(identity);
      await local.setMeta(ROLE_KEY, "copy");
    };
  } catch (error) {
    if (error instanceof BootRefusal) throw error;
    if (!isConnectionError(error)) log.error("PostgreSQL start-up check failed", { event: "boot", error: describeError(error) });
    state.trip(error);
    return null;
  }
}

// Decides what the file is to this PostgreSQL before anything of it reaches PostgreSQL: a file that
// was a database of its own moves its rows into an empty PostgreSQL (or refuses), a copy of another
// cluster sets its queue aside, a new copy records its source. Runs at start, or (when PostgreSQL
// was unreachable then) before the first replay, so a queue is never replayed past this step.
export async function reconcileIdentity(state: LayerState, mirror: Mirror): Promise<RemoteIdentity> {
  const local = state.local!;
  const identity = await state.remote!.identity();
  if (isStandalone(local, mirror)) await moveIntoPostgres(state, identity);
  else if (mirror.source() && mirror.source() !== sourceKey(identity)) await setAsideForOtherCluster(state, mirror, identity);
  if (!mirror.source()) await mirror.adopt(identity);
  state.isReconciled = true;
  return identity;
}

// A file that was the whole database: marked so by a start without DATABASE_URL, or (made by an
// older version) holding rows without ever having been a copy.
function isStandalone(local: LocalStore, mirror: Mirror): boolean {
  const role = local.getMeta(ROLE_KEY);
  if (role) return role === "standalone";
  return !mirror.position() && local.hasData();
}

async function moveIntoPostgres(state: LayerState, identity: RemoteIdentity): Promise<void> {
  const local = state.local!;
  const path = state.config.sqlitePath;
  if (!local.hasData()) {
    await local.setMeta(ROLE_KEY, "copy");
    return;
  }
  const inPostgres = await countPostgresRows(state.remote!.pool, state.tables);
  if (inPostgres > 0) {
    throw new BootRefusal(
      `The SQLite file ${path} holds this app's data from running without DATABASE_URL, and the PostgreSQL database ${identity.database} already holds ${inPostgres} rows of its own. ` +
        `Nothing was changed. Either point DATABASE_URL at an empty database to move the file's data there, or move the file away (then the app copies PostgreSQL's data into a new one).`,
    );
  }
  const kept = await local.keepCopy("before-move");
  const startedAt = Date.now();
  // Under the write lock: writes made on the file while PostgreSQL was unreachable (queued) are in
  // its rows, so they move with them and leave the queue in the same step; none lands in between.
  const { rows, queued } = await local.writeLock.run(async () => {
    const moved = await copyIntoPostgres(state.remote!.pool, local, state.tables);
    const cleared = local.clearQueueNow();
    local.setMetaNow({ [ROLE_KEY]: "copy" });
    return { rows: moved, queued: cleared };
  });
  state.record(
    "move",
    `moved ${rows} rows from the SQLite file ${path} into PostgreSQL (${identity.database}) in ${Date.now() - startedAt} ms` +
      `${queued > 0 ? `, ${queued} writes made while PostgreSQL was unreachable with them` : ""}; the file is now its copy (the file as it was is kept as ${kept})`,
    { rows, queued, kept },
  );
}

// PostgreSQL is another cluster, or another database, than the one this file copies: its queued
// writes must not be replayed into it blindly. They stay in a copy of the file for an admin, and
// the copy is rebuilt from the database that is there now.
async function setAsideForOtherCluster(state: LayerState, mirror: Mirror, identity: RemoteIdentity): Promise<void> {
  const local = state.local!;
  const kept = await local.keepCopy("other-database");
  const dropped = await local.writeLock.run(() => local.clearQueueNow());
  state.record(
    "identity",
    `PostgreSQL is not the database this copy was made from (was ${mirror.source()}, now ${sourceKey(identity)}): ${dropped} queued writes were set aside in ${kept}, and the copy will be rebuilt`,
    { previous: mirror.source(), current: sourceKey(identity), dropped, kept },
    "warn",
  );
}
