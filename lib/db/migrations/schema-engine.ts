import "server-only";

// Prisma's schema engine (the program behind `prisma migrate`) compiled to WebAssembly, driven
// through driver adapters. The native engine binary cannot be downloaded on every machine this
// app runs on; the wasm build ships on npm and needs nothing else.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiffTarget, MigrationList } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type pg from "pg";
import { log } from "@/lib/log";
import { createPgClient, createPgPool } from "../pg-connections";

export type { DiffTarget, MigrationList };
export type Provider = "postgres" | "sqlite";

export interface DatabaseTarget {
  provider: Provider;
  /** PostgreSQL connection string, or SQLite file path / `file:` URL. */
  url: string;
  /** adapter-pg waits forever for a dead host unless told otherwise. */
  connectTimeoutMs?: number;
}

export interface SchemaEngineHandle {
  readonly provider: Provider;
  /** What `prisma migrate deploy` does; returns the names of the migrations it applied. */
  applyMigrations(migrations: MigrationList): Promise<string[]>;
  /** The SQL script turning `from` into `to`, or null when they describe the same schema. */
  diff(from: DiffTarget, to: DiffTarget): Promise<string | null>;
  dispose(): Promise<void>;
}

/** The database could not be connected to at all (as opposed to a migration failing on it). */
export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const NO_FILTERS = { externalTables: [], externalEnums: [] };

// ---- loading the wasm module -------------------------------------------------------------------

type Bindings = typeof bindings;
type EngineGlobal = typeof globalThis & {
  __hrmsSchemaEngineWasm?: Promise<Bindings>;
  // The engine's Rust panic hook reports its message here (see set_message in schema_engine_bg.js).
  PRISMA_WASM_PANIC_REGISTRY?: { lastMessage?: string; set_message(message: string): void };
};
const engineGlobal = globalThis as EngineGlobal;

// Cached on globalThis so dev-server module reloads and repeated calls compile the 5 MB module once.
function loadEngine(): Promise<Bindings> {
  engineGlobal.__hrmsSchemaEngineWasm ??= instantiateEngine().catch((error: unknown) => {
    delete engineGlobal.__hrmsSchemaEngineWasm;
    throw error;
  });
  return engineGlobal.__hrmsSchemaEngineWasm;
}

async function instantiateEngine(): Promise<Bindings> {
  engineGlobal.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      this.lastMessage = message;
    },
  };
  // The package's own entry point imports the .wasm as an ES module, which Node cannot do; load the
  // JS glue ourselves and hand it the instance. Resolved from the project root, not import.meta.url,
  // because bundlers rewrite the latter.
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  // The engine arms timeouts (10 s around PostgreSQL's advisory lock) and never clears them,
  // which kept every process alive 10 s after it was done. Unref them: open connections keep the
  // process alive while the engine works.
  const imports: Record<string, unknown> = { ...bindings };
  for (const [name, fn] of Object.entries(bindings)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    imports[name] = (...args: unknown[]) => {
      const timer = (fn as (...a: unknown[]) => unknown)(...args);
      (timer as { unref?: () => void } | undefined)?.unref?.();
      return timer;
    };
  }
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return bindings;
}

// ---- driver adapters ---------------------------------------------------------------------------

/** A migration-aware adapter factory for the target, with the fixes the wasm engine needs. */
export function createAdapterFactory(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  const timeout = target.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  return target.provider === "postgres" ? postgresFactory(target.url, timeout) : sqliteFactory(target.url);
}

function postgresFactory(url: string, timeout: number): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectPostgres(url, timeout),
    // adapter-pg's own shadow database ignores the database name when given a connection string
    // (and so migrates the real database) and drops it while still connected; do it ourselves.
    connectToShadowDb: async () => {
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
      await runPostgresAdmin(url, timeout, `CREATE DATABASE ${quoteIdent(name)}`);
      const adapter = await connectPostgres(withDatabase(url, name), timeout);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await runPostgresAdmin(url, timeout, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      };
      return adapter;
    },
  };
}

async function connectPostgres(url: string, timeout: number): Promise<SqlDriverAdapter> {
  // One connection, like the native engine: its advisory lock and session state must stay put.
  const pool = createPgPool({ connectionString: url, connectionTimeoutMillis: timeout, max: 1 });
  // adapter-pg rejects columns of PostgreSQL's internal one-byte "char" type (oid 18), which the
  // engine's catalog queries return; they arrive as strings, so report them as text (oid 25).
  const query = pool.query.bind(pool) as (config: unknown) => Promise<pg.QueryResult | pg.QueryResult[]>;
  pool.query = (async (config: unknown) => {
    const result = await query(config);
    for (const part of Array.isArray(result) ? result : [result]) {
      for (const field of part.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    }
    return result;
  }) as typeof pool.query;
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  // adapter-pg's executeScript splits scripts on every ";" (even inside string literals) and runs
  // the pieces one by one, so a failing migration is left half-applied. A parameterless query
  // goes over the simple protocol: the whole script runs as one implicit transaction, as with
  // `prisma migrate deploy`.
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

function sqliteFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaBetterSqlite3({ url });
  return {
    provider: "sqlite",
    adapterName: base.adapterName,
    connect: () => base.connect(),
    connectToShadowDb: async () => {
      // The shadow database (in memory) receives whole migration scripts through executeRaw, which
      // better-sqlite3 refuses when they hold more than one statement; run those as scripts.
      const adapter = await base.connectToShadowDb();
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (query.args.length > 0 || !/more than one statement/.test(String(error))) throw error;
          await adapter.executeScript(query.sql);
          return 0;
        }
      };
      return adapter;
    },
  };
}

/** Runs one statement (CREATE/DROP DATABASE) on its own short-lived connection to `url`. */
export async function runPostgresAdmin(url: string, timeout: number, sql: string): Promise<void> {
  const client = createPgClient({ connectionString: url, connectionTimeoutMillis: timeout });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// ---- the engine --------------------------------------------------------------------------------

export async function openSchemaEngine(target: DatabaseTarget): Promise<SchemaEngineHandle> {
  const { SchemaEngine } = await loadEngine();
  const factory = createAdapterFactory(target);
  // The engine never disposes its main connection; remember it so dispose() can.
  const connections: SqlDriverAdapter[] = [];
  const bound = bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      connections.push(adapter);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  });
  const closeConnections = () => Promise.allSettled(connections.splice(0).map((c) => c.dispose()));

  // Engine errors name adapter failures only as "External error id#N"; put the real message back
  // and drop the Rust span trace that follows the message.
  const explain = (error: unknown): Error => {
    if (!(error instanceof Error)) return new Error(String(error));
    let message = error.message.replace(/External error id#(\d+)/g, (text, id: string) => {
      const original = bound.errorRegistry.consumeError(Number(id))?.error;
      return original instanceof Error ? original.message : text;
    });
    message = message.split(/\n\s+0: /)[0].trim();
    if (error instanceof WebAssembly.RuntimeError) {
      // A panic poisons the shared instance (the JS glue cannot be re-pointed at a fresh one).
      const reason = engineGlobal.PRISMA_WASM_PANIC_REGISTRY?.lastMessage ?? message;
      message = `schema engine panicked (restart the process before migrating again): ${reason}`;
    }
    return Object.assign(new Error(message, { cause: error }), { name: error.name });
  };

  // The engine reports JSON tracing events (statements run, migrations applied) as strings.
  const onLog = (line: string) => {
    try {
      const { level, fields } = JSON.parse(line) as { level?: string; fields?: { message?: string } };
      const { message, ...details } = fields ?? {};
      log.debug(`schema-engine: ${message ?? "event"}`, { provider: target.provider, engineLevel: level, ...details });
    } catch {
      log.debug(`schema-engine: ${line}`, { provider: target.provider });
    }
  };

  let engine: Awaited<ReturnType<Bindings["SchemaEngine"]["new"]>>;
  try {
    // Connects and queries the database straight away, so failing here means "unreachable".
    engine = await SchemaEngine.new({ datamodels: undefined }, onLog, bound);
  } catch (error) {
    await closeConnections();
    throw new DatabaseUnreachableError(explain(error).message, { cause: error });
  }

  let disposed = false;
  return {
    provider: target.provider,
    async applyMigrations(migrations) {
      try {
        const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS });
        return appliedMigrationNames;
      } catch (error) {
        throw explain(error);
      }
    },
    async diff(from, to) {
      try {
        // exitCode: true makes the engine report 2 for "there are differences", 0 for none.
        const result = await engine.diff({ from, to, script: true, exitCode: true, filters: NO_FILTERS });
        return result.exitCode === 2 ? (result.stdout ?? "") : null;
      } catch (error) {
        throw explain(error);
      }
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      engine.free();
      await closeConnections();
    },
  };
}
