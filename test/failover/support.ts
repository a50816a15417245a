// Shared set-up for failover tests: a real PostgreSQL behind a fault proxy, a real SQLite file, and
// a data layer wired to both with short timeouts so faults are detected quickly.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDataLayer, type DataLayer, type DataLayerConfig } from "@/lib/db/data-layer";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { startFaultProxy, type FaultProxy } from "@/test/helpers/fault-proxy";
import { startPostgresCluster, type PgCluster } from "@/test/helpers/pg-cluster";

export type Rig = { cluster: PgCluster; proxy: FaultProxy; url: string; destroy: () => Promise<void> };

export async function startRig(): Promise<Rig> {
  const cluster = await startPostgresCluster();
  await applyMigrations({ provider: "postgres", url: cluster.url });
  const proxy = await startFaultProxy({ targetHost: cluster.host, targetPort: cluster.port });
  return {
    cluster,
    proxy,
    url: proxy.url(cluster.url),
    destroy: async () => {
      await proxy.close();
      await cluster.destroy();
    },
  };
}

export async function newSqliteFile(label = "hrms"): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), `hrms-${label}-`)), "hrms.db");
  await applyMigrations({ provider: "sqlite", url: file });
  return file;
}

export function startDataLayer(url: string, sqlitePath: string, overrides: Partial<DataLayerConfig> = {}): DataLayer {
  return createDataLayer({
    databaseUrl: url,
    sqlitePath,
    poolMax: 5,
    connectTimeoutMs: 500,
    statementTimeoutMs: 1_000,
    probeIntervalMs: 100,
    maxProbeIntervalMs: 400,
    healthyProbes: 3,
    mirrorIntervalMs: 100,
    instanceId: `test-${Math.random().toString(36).slice(2, 8)}`,
    migratePostgres: (target) => applyMigrations({ provider: "postgres", url: target }).then(() => undefined),
    ...overrides,
  });
}

// Starts a layer for a test that begins on PostgreSQL. The start's check of PostgreSQL has the
// layer's connect timeout (500 ms here), and on a loaded machine it can time out: the layer then
// starts on SQLite, queues what is written, and goes back to PostgreSQL by itself, as it should. A
// test about something else waits for that instead of assuming the check was quick.
export async function startOnPrimary(layer: DataLayer): Promise<DataLayer> {
  await layer.start();
  await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, { layer, timeoutMs: 20_000, what: "PostgreSQL after the start" });
  return layer;
}

// Polls a condition (driving the data layer's background work each time) until it holds.
export async function waitFor<T>(
  check: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  options: { timeoutMs?: number; layer?: DataLayer; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? "a condition"}`);
    if (options.layer) await options.layer.tick();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let counter = 0;
export function employeeData(label: string) {
  counter += 1;
  const id = `${label}-${process.pid}-${counter}`.toLowerCase();
  return {
    employeeNumber: id,
    firstName: label,
    lastName: `Tester ${counter}`,
    workEmail: `${id}@example.com`,
    jobTitle: "Engineer",
    hireDate: new Date("2024-01-15T00:00:00Z"),
  };
}
