import "server-only";
import pg from "pg";

// Every PostgreSQL connection the app opens comes from here, so each one has an 'error' listener
// from the moment it exists. A pg Client whose connection dies while no query is running emits
// 'error'; with no listener, Node turns that into an uncaught exception and the server process
// ends, at the very moment PostgreSQL fails.
//
// pg-pool leaves a gap: when it hands a freshly connected client to `pool.connect()`'s promise it
// removes its own idle listener, and the caller (adapter-pg's startTransaction) attaches its
// listener only after the promise resolves. A server that sends its FATAL in the same packet as
// ReadyForQuery (a backend of a killed postmaster does exactly that) emits 'error' in between.
// A listener attached on the pool's 'connect' event stays for the client's whole life.
export type ConnectionLostHandler = (error: Error) => void;

export function createPgPool(config: pg.PoolConfig, onConnectionLost?: ConnectionLostHandler): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on("connect", (client) => client.on("error", (error) => onConnectionLost?.(error)));
  // pg-pool re-emits an idle client's error on the pool (after dropping the client); the client's
  // own listener above has reported it already, but an 'error' event with no listener would throw.
  pool.on("error", () => {});
  return pool;
}

export function createPgClient(config: pg.ClientConfig, onConnectionLost?: ConnectionLostHandler): pg.Client {
  const client = new pg.Client(config);
  client.on("error", (error) => onConnectionLost?.(error));
  return client;
}

export type SessionLimits = { statementTimeoutMs: number; lockTimeoutMs: number; idleInTransactionTimeoutMs: number };

// Server-side limits for every session the layer opens: a client that vanishes (a partition that
// never resets the connection) leaves no transaction, lock or xid behind for longer than
// idle_in_transaction_session_timeout, and no statement waits on a lock for longer than lock_timeout.
export function sessionSettings(options: SessionLimits) {
  return {
    statement_timeout: options.statementTimeoutMs,
    lock_timeout: options.lockTimeoutMs,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs,
    // The client gives up shortly after the server should have: what catches a hung server.
    query_timeout: options.statementTimeoutMs + 500,
    keepAlive: true,
    keepAliveInitialDelayMillis: 5_000,
  };
}

// A lock wait gives up before the statement would, so a lock is reported as a lock (55P03).
export function defaultLockTimeout(statementTimeoutMs: number): number {
  return Math.max(50, Math.round((statementTimeoutMs * 2) / 3));
}

// One transaction on a client of its own: committed if `work` returns, rolled back (and the client
// dropped, since its connection may be what failed) if it throws.
export async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let isBroken = false;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    isBroken = true;
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release(isBroken);
  }
}
