import "server-only";
import { Prisma } from "./generated/postgres/client.ts";
import type { PostgresClient, SqliteClient } from "./clients";
import { DatabaseUnavailableError } from "./errors";
import type { LayerState } from "./layer-state";

// Every model of the schema, as the client's delegate names: a model added later is routed,
// captured and mirrored without touching this file.
export type ModelKey = Uncapitalize<Prisma.ModelName>;
export const MODEL_KEYS = Object.values(Prisma.ModelName).map((name) => (name[0].toLowerCase() + name.slice(1)) as ModelKey);

export const READ_OPERATIONS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy"]);

export type Delegates = Record<ModelKey, Record<string, (args?: unknown) => Promise<unknown>>>;
export type AnyClient = PostgresClient | SqliteClient;

const SQLITE_BROKEN = /SQLITE_(IOERR|CANTOPEN|CORRUPT|READONLY|NOTADB)|unable to open database|disk I\/O error|database disk image is malformed/i;
const SQLITE_FULL = /SQLITE_FULL|database or disk is full/i;

function errorText(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object" || depth > 4) return "";
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  return `${typeof code === "string" ? code : ""} ${typeof message === "string" ? message : ""} ${errorText(cause, depth + 1)}`;
}

export function isSqliteBroken(error: unknown): boolean {
  return SQLITE_BROKEN.test(errorText(error));
}

// A full disk (or the configured size limit) is not a broken file: reads and the replay (which
// shrinks the queue) still work; only what needs more room is refused.
export function isSqliteFull(error: unknown): boolean {
  return SQLITE_FULL.test(errorText(error));
}

export function callDelegate(client: AnyClient | Delegates, model: ModelKey, operation: string, args: unknown): Promise<unknown> {
  const delegate = (client as unknown as Delegates)[model];
  const method = delegate?.[operation];
  if (typeof method !== "function") throw new TypeError(`db.${model}.${operation} is not a Prisma operation`);
  return method.call(delegate, args);
}

// better-sqlite3 is synchronous, so a SQLite request completes without ever giving the event loop a
// turn: a caller issuing them back to back (an import loop, in fallback) would starve every timer,
// socket and other request in the process, the probes that end the outage included. One turn per
// request keeps the process responsive.
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// Runs `work` on SQLite; a failure that means the file itself is unusable (disk full, deleted,
// corrupt) makes SQLite unusable for the layer, said plainly, rather than an error per request.
export async function onSqlite<T>(state: LayerState, work: () => Promise<T>): Promise<T> {
  if (state.isLocalBroken) throw new DatabaseUnavailableError();
  try {
    return await work();
  } catch (error) {
    if (isSqliteBroken(error)) {
      state.markLocalBroken(error instanceof Error ? error.message : String(error));
      throw new DatabaseUnavailableError();
    }
    if (isSqliteFull(error)) {
      state.noteLocalFull();
      throw new DatabaseUnavailableError(
        "The local copy of the database is full, so this change cannot be saved until PostgreSQL is back. Nothing already saved is lost.",
      );
    }
    throw error;
  }
}
