// Shared set-up for the benchmark: seed data, the workloads every measurement uses, data layers
// wired with the app's default settings, and waits that do not drive the layer's background work
// (the waits of the failover tests call layer.tick(), which would speed recovery up artificially).
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { createPostgresClient, type PostgresClient } from "@/lib/db/clients";
import type { DataLayer, DataLayerConfig } from "@/lib/db/data-layer";
import type { DbMode } from "@/lib/db/status-store";
import { readEnv } from "@/lib/env";
import { newSqliteFile, startDataLayer } from "@/test/failover/support";

export type Db = Pick<PostgresClient, "employee" | "department">;

// The app's defaults as lib/env.ts resolves them with no environment set.
const DEFAULTS = readEnv({} as NodeJS.ProcessEnv);
export const DEFAULT_SETTINGS = {
  poolMax: DEFAULTS.PG_POOL_MAX,
  connectTimeoutMs: DEFAULTS.PG_CONNECT_TIMEOUT_MS,
  statementTimeoutMs: DEFAULTS.PG_STATEMENT_TIMEOUT_MS,
  lockTimeoutMs: DEFAULTS.PG_LOCK_TIMEOUT_MS,
  idleInTransactionTimeoutMs: DEFAULTS.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  probeIntervalMs: DEFAULTS.PG_PROBE_INTERVAL_MS,
  maxProbeIntervalMs: DEFAULTS.PG_PROBE_MAX_INTERVAL_MS,
  healthyProbes: DEFAULTS.PG_HEALTHY_PROBES,
  mirrorIntervalMs: DEFAULTS.MIRROR_INTERVAL_MS,
};

export const SEED_DEPARTMENTS = 10;
export const SEED_EMPLOYEES = 1_000;

export type Seed = { employeeIds: string[]; departmentIds: string[] };

export function plainClient(url: string): PostgresClient {
  return createPostgresClient({ url, ...DEFAULT_SETTINGS });
}

export async function seed(client: PostgresClient): Promise<Seed> {
  const departments = Array.from({ length: SEED_DEPARTMENTS }, (_, index) => ({
    name: `Department ${index + 1}`,
    code: `D${String(index + 1).padStart(2, "0")}`,
  }));
  await client.department.createMany({ data: departments });
  const departmentIds = (await client.department.findMany({ select: { id: true }, orderBy: { code: "asc" } })).map((row) => row.id);
  const lastNames = [
    "Adams",
    "Baker",
    "Clark",
    "Davis",
    "Evans",
    "Foster",
    "Garcia",
    "Hughes",
    "Ito",
    "Jones",
    "Khan",
    "Lopez",
    "Moore",
    "Nguyen",
    "Owens",
    "Patel",
  ];
  const employees = Array.from({ length: SEED_EMPLOYEES }, (_, index) => ({
    employeeNumber: `E${String(index + 1).padStart(5, "0")}`,
    firstName: `First${index + 1}`,
    lastName: lastNames[index % lastNames.length],
    workEmail: `seed${index + 1}@example.com`,
    jobTitle: "Engineer",
    departmentId: departmentIds[index % departmentIds.length],
    status: index % 10 === 9 ? ("ON_LEAVE" as const) : ("ACTIVE" as const),
    hireDate: new Date(Date.UTC(2015 + (index % 10), index % 12, 1 + (index % 28))),
    salaryCents: 5_000_000 + index * 1_000,
  }));
  await client.employee.createMany({ data: employees });
  const employeeIds = (await client.employee.findMany({ select: { id: true }, orderBy: { employeeNumber: "asc" } })).map((row) => row.id);
  return { employeeIds, departmentIds };
}

// ---- workloads ---------------------------------------------------------------------------------

let created = 0;
export function newEmployee(label: string) {
  created += 1;
  const key = `${label}-${process.pid}-${created}`.toLowerCase();
  return {
    employeeNumber: key,
    firstName: label,
    lastName: `Bench ${created}`,
    workEmail: `${key}@example.com`,
    jobTitle: "Engineer",
    hireDate: new Date("2024-01-15T00:00:00Z"),
  };
}

export function readById(db: Db, id: string) {
  return db.employee.findUnique({ where: { id } });
}

// A directory page: one department's active people, sorted by name, 25 at a time.
export function readPage(db: Db, departmentId: string) {
  return db.employee.findMany({ where: { departmentId, status: "ACTIVE" }, orderBy: [{ lastName: "asc" }, { firstName: "asc" }], take: 25 });
}

export function pick<T>(items: readonly T[], index: number): T {
  return items[index % items.length];
}

// ---- data layers -------------------------------------------------------------------------------

export type Transition = { mode: DbMode; at: number };
export type BenchLayer = { layer: DataLayer; sqlitePath: string; transitions: Transition[]; close: () => Promise<void> };

export async function startBenchLayer(url: string, label: string, overrides: Partial<DataLayerConfig> = {}): Promise<BenchLayer> {
  const sqlitePath = await newSqliteFile(`bench-${label}`);
  const transitions: Transition[] = [];
  const layer = startDataLayer(url, sqlitePath, {
    ...DEFAULT_SETTINGS,
    instanceId: `bench-${label}-${process.pid}`,
    onModeChange: (mode) => transitions.push({ mode, at: performance.now() }),
    ...overrides,
  });
  await layer.start();
  // Trust the SQLite copy first: the boot snapshot must have landed before anything is measured.
  await waitUntil(() => layer.status().isMirrorTrusted && layer.status().lastMirrorAt !== null, 15_000, `${label}: first mirror`);
  let isClosed = false;
  return {
    layer,
    sqlitePath,
    transitions,
    close: async () => {
      if (isClosed) return;
      isClosed = true;
      await layer.close();
      rmSync(dirname(sqlitePath), { recursive: true, force: true });
    },
  };
}

// ---- time --------------------------------------------------------------------------------------

export const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

// The time of the first transition to `mode` recorded after `after`.
export async function transitionTo(bench: BenchLayer, mode: DbMode, after: number, timeoutMs: number): Promise<number> {
  const found = () => bench.transitions.find((transition) => transition.mode === mode && transition.at >= after);
  await waitUntil(() => Boolean(found()), timeoutMs, `mode ${mode}`);
  return found()!.at;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const startedAt = performance.now();
  const value = await work();
  return { ms: performance.now() - startedAt, value };
}
