import "server-only";
import { uuidv7 } from "uuidv7";
import { auditAction, currentActor, diffRows, isAudited } from "./audit";
import { DatabaseUnavailableError, findUnstorableValue, InvalidDataError, isConnectionError, PrimaryRequiredError } from "./errors";
import type { LayerState } from "./layer-state";
import type { Mirror } from "./mirror";
import { callDelegate, isSqliteFull, MODEL_KEYS, onSqlite, READ_OPERATIONS, yieldToEventLoop, type Delegates, type ModelKey } from "./routing";
import { toSqliteArgs } from "./sqlite-args";
import { quote } from "./table-info";
import type { DbBackend } from "./status-store";
import { OperationIds, prepareWriteArgs } from "./write-args";

const WHERE_WRITES = new Set(["update", "upsert", "delete", "updateMany", "deleteMany", "updateManyAndReturn"]);
const CREATE_WRITES = new Set(["create", "createMany", "createManyAndReturn"]);
const RECOVERY_WAIT_MS = 10_000;

type Work<T> = (delegates: Delegates, backend: DbBackend, ids: OperationIds) => Promise<T>;
type RawExecutor = { $executeRawUnsafe: (sql: string, ...values: unknown[]) => Promise<number> };
type FinishedRow = { tbl: string; row_id: string; row_json: Record<string, unknown> | null; txid: string };

// A unique `where` may name a compound key ({ employeeId_leaveTypeId_year: {...} }), which
// findMany does not accept; its fields say the same thing.
function flattenCompoundKeys(where: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(where).flatMap(([key, value]) =>
      key.includes("_") && value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) ? Object.entries(value) : [[key, value]],
    ),
  );
}

// The write path: every write is one transaction with an operation id, on whichever database
// should take it. On PostgreSQL the id is recorded in the same transaction by its last statement,
// which also returns the rows the transaction changed; they reach this instance's SQLite copy
// before the caller is answered. On SQLite the capture triggers put the id in the outbox with
// every row the transaction touched, for the replay.
export class WritePath {
  constructor(
    private readonly state: LayerState,
    private readonly mirror: Mirror,
    private readonly start: () => Promise<void>,
  ) {}

  async transact<T>(work: Work<T>): Promise<T> {
    await this.start();
    await yieldToEventLoop();
    const { state } = this;
    const opId = uuidv7();
    const ids = new OperationIds();
    if (state.breaker.mode === "recovering") await state.waitForModeChange(state.config.recoveryWaitMs ?? RECOVERY_WAIT_MS);
    let isOutcomeUnknown = false;
    for (;;) {
      if (state.postgres && state.breaker.mode === "primary") {
        try {
          return await this.onPostgres(work, opId, ids);
        } catch (error) {
          if (!isConnectionError(error)) throw error;
          // The outcome is unknown (the commit may have landed): queue it under the same operation
          // id and the same generated ids; the replay skips it if PostgreSQL already has it.
          isOutcomeUnknown = true;
          state.trip(error);
        }
      }
      const outcome = await this.onSqlite(work, opId, ids, isOutcomeUnknown);
      if (outcome.isDone) return outcome.value as T;
      // The app went back to PostgreSQL while this write waited for SQLite: it goes there.
    }
  }

  private async onPostgres<T>(work: Work<T>, opId: string, ids: OperationIds): Promise<T> {
    const { state } = this;
    ids.rewind();
    let finished: FinishedRow[] = [];
    const result = await state.postgres!.$transaction(async (tx) => {
      const value = await work(tx as unknown as Delegates, "postgres", ids);
      finished = await tx.$queryRawUnsafe<FinishedRow[]>("SELECT tbl, row_id, row_json, txid FROM _hrms_finish($1, $2)", opId, state.config.instanceId);
      return value;
    });
    await this.mirror.applyOwnWrite(finished).catch((error: unknown) => {
      // The copy misses these rows until the mirror's next poll; the write itself stands.
      if (isSqliteFull(error)) return state.noteLocalFull();
      state.record("mirror", `could not copy an acknowledged write to SQLite: ${String(error)}`, { opId }, "warn");
    });
    return result;
  }

  // The rule that keeps writes from being stranded: whether a write may be queued in SQLite is
  // decided under SQLite's write lock, which the switch back to PostgreSQL also holds while it
  // finds the queue empty.
  private async onSqlite<T>(work: Work<T>, opId: string, ids: OperationIds, isOutcomeUnknown: boolean): Promise<{ isDone: boolean; value?: T }> {
    const { state } = this;
    const { sqlite, local } = state;
    if (!sqlite || !local || state.isLocalBroken) throw new DatabaseUnavailableError();
    const isCaptured = Boolean(state.postgres);
    return local.writeLock.run(() =>
      onSqlite(state, async () => {
        if (state.postgres && state.breaker.mode === "primary") return { isDone: false };
        ids.rewind();
        const value = await sqlite.$transaction(async (tx) => {
          // If the commit on PostgreSQL did land, the mirror may already have copied the rows it
          // created (their ids are this operation's). The attempt here creates them again, so the
          // copies go first (not captured, references checked at commit); the replay then finds
          // the operation applied and refreshes the copy from PostgreSQL.
          if (isOutcomeUnknown && ids.issued.length > 0) await this.discardCopies(tx as unknown as RawExecutor, ids.issued);
          if (isCaptured) await tx.$executeRawUnsafe("UPDATE _hrms_ctx SET op_id = ? WHERE k = 1", opId);
          const result = await work(tx as unknown as Delegates, "sqlite", ids);
          if (isCaptured) await tx.$executeRawUnsafe("UPDATE _hrms_ctx SET op_id = NULL WHERE k = 1");
          return result;
        });
        state.noteLocalRoom();
        return { isDone: true, value };
      }),
    );
  }

  private async discardCopies(tx: RawExecutor, ids: readonly string[]): Promise<void> {
    await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
    const list = ids.map(() => "?").join(", ");
    for (const table of this.state.tables) await tx.$executeRawUnsafe(`DELETE FROM ${quote(table.name)} WHERE "id" IN (${list})`, ...ids);
  }

  write(model: ModelKey, operation: string, args: unknown): Promise<unknown> {
    const problem = findUnstorableValue(args);
    if (problem) return Promise.reject(new InvalidDataError(problem));
    return this.transact((delegates, backend, ids) => this.performWrite(delegates, model, operation, args, backend, ids));
  }

  withTransaction<T>(work: (tx: Delegates) => Promise<T>): Promise<T> {
    return this.transact((tx, backend, ids) => work(this.transactionDelegates(tx, backend, ids)));
  }

  // A transaction that must be decided by the primary: on PostgreSQL, or on SQLite when SQLite is
  // the only database; never queued in the copy. While the copy serves, or when PostgreSQL stops
  // answering mid-way, it fails with PrimaryRequiredError and nothing is queued.
  async primaryTransaction<T>(work: (tx: Delegates) => Promise<T>): Promise<T> {
    await this.start();
    const { state } = this;
    if (!state.postgres) return this.withTransaction(work);
    if (state.breaker.mode === "recovering") await state.waitForModeChange(state.config.recoveryWaitMs ?? RECOVERY_WAIT_MS);
    if (state.breaker.mode !== "primary") throw new PrimaryRequiredError();
    const opId = uuidv7();
    const ids = new OperationIds();
    try {
      return await this.onPostgres((tx, backend) => work(this.transactionDelegates(tx, backend, ids)), opId, ids);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      state.trip(error);
      throw new PrimaryRequiredError(
        "PostgreSQL stopped answering while this was being saved, so whether it was saved is not known. Check again once PostgreSQL is back.",
      );
    }
  }

  // One write inside a transaction, audited when made on behalf of someone (see audit.ts): the
  // rows it touches are read before and after, and each changed row gets an audit entry.
  private async performWrite(tx: Delegates, model: ModelKey, operation: string, raw: unknown, backend: DbBackend, ids: OperationIds): Promise<unknown> {
    const prepared = prepareWriteArgs(operation, raw, ids.take);
    const args = (backend === "sqlite" ? toSqliteArgs(prepared) : prepared) as { where?: unknown; data?: unknown; create?: unknown };
    const actor = currentActor();
    if (!actor || !isAudited(model)) return callDelegate(tx, model, operation, args);

    type Row = Record<string, unknown> & { id: string };
    const where = args.where ? flattenCompoundKeys(args.where as Record<string, unknown>) : null;
    const before = (WHERE_WRITES.has(operation) && where ? await callDelegate(tx, model, "findMany", { where }) : []) as Row[];
    const result = await callDelegate(tx, model, operation, args);
    const touched = new Set(before.map((row) => row.id));
    const created = operation === "upsert" ? (before.length ? [] : [args.create]) : CREATE_WRITES.has(operation) ? [args.data].flat() : [];
    for (const data of created) if (data && typeof (data as Row).id === "string") touched.add((data as Row).id);
    if (touched.size === 0) return result;

    const after = (await callDelegate(tx, model, "findMany", { where: { id: { in: [...touched] } } })) as Row[];
    const entity = model[0].toUpperCase() + model.slice(1);
    const entries = [];
    for (const id of touched) {
      const old = before.find((row) => row.id === id) ?? null;
      const current = after.find((row) => row.id === id) ?? null;
      const changes = diffRows(old, current);
      if (old && current && Object.keys(changes).length === 0) continue;
      entries.push({
        actorId: actor.id,
        actorEmail: actor.email,
        requestId: actor.requestId ?? null,
        action: auditAction(old, current, changes),
        entity,
        entityId: id,
        changes: JSON.stringify(changes),
      });
    }
    if (entries.length) await callDelegate(tx, "auditLog" as ModelKey, "createMany", prepareWriteArgs("createMany", { data: entries }, ids.take));
    return result;
  }

  // Model delegates inside a transaction: the same argument preparation as outside.
  private transactionDelegates(tx: Delegates, backend: DbBackend, ids: OperationIds): Delegates {
    return Object.fromEntries(
      MODEL_KEYS.map((model) => [
        model,
        new Proxy(
          {},
          {
            get: (_target, operation) =>
              typeof operation === "string"
                ? (args?: unknown) => {
                    if (READ_OPERATIONS.has(operation)) return callDelegate(tx, model, operation, backend === "sqlite" ? toSqliteArgs(args) : args);
                    const problem = findUnstorableValue(args);
                    if (problem) return Promise.reject(new InvalidDataError(problem));
                    return this.performWrite(tx, model, operation, args, backend, ids);
                  }
                : undefined,
          },
        ),
      ]),
    ) as Delegates;
  }
}
