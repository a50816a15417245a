// Helpers shared by the chaos tests (test/chaos/*.pg.test.ts). Not a test file itself.
import pg from "pg";
import { afterAll, afterEach, beforeAll, onTestFailed } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { newSqliteFile, startDataLayer, startOnPrimary, startRig, type Rig } from "@/test/failover/support";
import type { DbMode } from "@/lib/db/status-store";
import { logTail } from "./log-capture";

import { pgQuery } from "@/test/helpers/db-query";

export { pgQuery, seededRandom, sqliteQuery } from "@/test/helpers/db-query";

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

/**
 * A PostgreSQL cluster behind a fault proxy for one test file, started before its tests; the data
 * layers the tests push onto `layers` are closed, and the cluster destroyed, after them.
 */
export function startChaosRig(): { readonly rig: Rig; readonly layers: DataLayer[] } {
  let rig: Rig | undefined;
  const layers: DataLayer[] = [];
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await Promise.allSettled(layers.map((layer) => layer.close()));
    await rig?.destroy();
  });
  return {
    get rig() {
      if (!rig) throw new Error("the rig starts in beforeAll: use it inside a test or hook");
      return rig;
    },
    layers,
  };
}

/**
 * Data layers on fresh SQLite files, and psql-like sessions straight to the server (not through
 * the proxy), that a test opens; closed after each test, with the proxy healed and the server up.
 */
export function perTestResources(rigOf: () => Rig) {
  const layers: DataLayer[] = [];
  const sessions: pg.Client[] = [];
  afterEach(async () => {
    const rig = rigOf();
    await rig.proxy.setMode("pass");
    if (!rig.cluster.running) await rig.cluster.start();
    await Promise.allSettled(sessions.splice(0).map((session) => session.end()));
    await Promise.allSettled(layers.splice(0).map((layer) => layer.close()));
  });
  return {
    layers,
    async layerOn(url: string, label: string, overrides: Parameters<typeof startDataLayer>[2] = {}) {
      const file = await newSqliteFile(label);
      const layer = startDataLayer(url, file, overrides);
      layers.push(layer);
      await startOnPrimary(layer);
      await layer.pollMirror();
      return { layer, file };
    },
    async session(): Promise<pg.Client> {
      const client = new pg.Client({ connectionString: rigOf().cluster.url, application_name: "other-session" });
      client.on("error", () => {}); // it dies with the server in some tests
      await client.connect();
      sessions.push(client);
      return client;
    },
  };
}
