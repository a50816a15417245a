// Helpers shared by the chaos tests (test/chaos/*.pg.test.ts). Not a test file itself.
import Database from "better-sqlite3";
import pg from "pg";
import { onTestFailed } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import type { DbMode } from "@/lib/db/status-store";
import { logTail } from "./log-capture";

/** One query against PostgreSQL directly (not through the proxy or the data layer). */
export async function pgQuery<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end().catch(() => {});
  }
}

/** Reads the SQLite file with its own read-only connection (WAL lets it read beside the layer). */
export function sqliteQuery<T = Record<string, unknown>>(file: string, sql: string, params: unknown[] = []): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export type ModeRecord = { at: number; mode: DbMode };

/** An onModeChange hook that remembers every transition with its time. */
export function modeRecorder() {
  const transitions: ModeRecord[] = [];
  return {
    transitions,
    onModeChange: (mode: DbMode) => {
      transitions.push({ at: Date.now(), mode });
    },
    count(mode: DbMode, from = 0, to = Number.POSITIVE_INFINITY) {
      return transitions.filter((entry) => entry.mode === mode && entry.at >= from && entry.at <= to).length;
    },
  };
}

/** Collects errors that escape to the process (an uncaught exception or unhandled rejection). */
export function escapeWatch() {
  const escaped: unknown[] = [];
  const onEscape = (error: unknown) => escaped.push(error);
  process.on("unhandledRejection", onEscape);
  process.on("uncaughtException", onEscape);
  return {
    escaped,
    stop() {
      process.off("unhandledRejection", onEscape);
      process.off("uncaughtException", onEscape);
    },
  };
}

/** Print the data layer's captured log (and its status) when the current test fails. */
export function dumpOnFailure(layers: () => (DataLayer | undefined)[]) {
  onTestFailed(() => {
    const statuses = layers()
      .filter(Boolean)
      .map((layer) => {
        try {
          return JSON.stringify({ ...layer!.status(), probes: undefined });
        } catch (error) {
          return `status() threw: ${String(error)}`;
        }
      });
    process.stderr.write(`\n--- data layer status ---\n${statuses.join("\n")}\n--- data layer log (tail) ---\n${logTail()}\n`);
  });
}

/** Seeded PRNG (mulberry32) so a failing chaos run can be repeated with CHAOS_SEED. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Short, unique-per-run marker for employee numbers and e-mails. */
export function runTag(label: string): string {
  return `${label}-${process.pid}-${Date.now().toString(36)}`.toLowerCase();
}

export function employee(number: string, extra: Record<string, unknown> = {}) {
  return {
    employeeNumber: number,
    firstName: "Chaos",
    lastName: number,
    workEmail: `${number}@example.com`,
    jobTitle: "Engineer",
    hireDate: new Date("2024-01-15T00:00:00Z"),
    ...extra,
  };
}

/** What PostgreSQL's own sessions are doing (for failure messages: a hung replay, a held lock). */
export async function pgActivity(url: string): Promise<string> {
  try {
    const rows = await pgQuery<Record<string, unknown>>(
      url,
      `SELECT pid, application_name AS app, state, wait_event_type AS wait_type, wait_event AS wait, now() - xact_start AS xact_age, left(query, 120) AS query
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.map((row) => JSON.stringify(row)).join("\n");
  } catch (error) {
    return `pg_stat_activity unavailable: ${String(error)}`;
  }
}
