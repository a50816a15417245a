// The data layer's current mode and per-request counters, kept on globalThis so that proxy.ts
// (bundled apart from the pages, but run in the same process) can read them without importing
// a database client.
export type DbMode = "primary" | "fallback" | "recovering" | "down" | "sqlite-only";
export type DbBackend = "postgres" | "sqlite";

export type DbState = {
  mode: DbMode;
  since: string;
  cause: string | null;
  requests: { total: number; byBackend: Record<DbBackend | "none", number> };
};

const STATE = Symbol.for("hrms.db.state");

export function dbState(): DbState {
  const holder = globalThis as typeof globalThis & { [STATE]?: DbState };
  holder[STATE] ??= {
    mode: "sqlite-only",
    since: new Date().toISOString(),
    cause: null,
    requests: { total: 0, byBackend: { postgres: 0, sqlite: 0, none: 0 } },
  };
  return holder[STATE];
}

// Which database serves reads in a mode: PostgreSQL only while primary; SQLite while the
// queue of writes made during an outage is replayed, so nobody reads a past PostgreSQL.
export function backendFor(mode: DbMode): DbBackend | null {
  if (mode === "primary") return "postgres";
  if (mode === "down") return null;
  return "sqlite";
}

export function recordRequest(): DbBackend | null {
  const state = dbState();
  const backend = backendFor(state.mode);
  state.requests.total += 1;
  state.requests.byBackend[backend ?? "none"] += 1;
  return backend;
}
