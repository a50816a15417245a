// G1/G2 with two real app processes: two `npm start` servers (the production build, each with its
// own SQLite copy) share one real PostgreSQL, each behind its own fault proxy, as two instances of
// one deploy do. HR clients write through both instances' HTTP API (create employees, edit their
// job titles) and read from both, while a fault schedule hits the shared server (SIGKILL, fast
// shutdown, immediate shutdown) and each instance's own network path (one instance partitioned
// while the other stays on PostgreSQL). After the final recovery PostgreSQL is compared with what
// the clients were told:
//   lost        an acknowledged write whose effect is missing
//   duplicated  an employee number or a create attempt present more than once
//   unexpected  a row nobody tried to create
// all must be 0, and so must the conflicts table (every record has one writer); no read may fail;
// neither process may die or log an escaped error; both SQLite copies converge on PostgreSQL.
// CHAOS_SEED=<n> repeats a run's fault and write schedule.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { pgQuery, seededRandom } from "../../test/helpers/db-query";
import { startFaultProxy, type FaultProxy } from "../../test/helpers/fault-proxy";
import { freePort, startPostgresCluster, type PgCluster } from "../../test/helpers/pg-cluster";

const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 1_000_000));
const WRITERS_PER_INSTANCE = 2;
const WRITE_PACE_MS = 120;
const READ_PACE_MS = 60;
const PASSWORD = "demo-password"; // the demo accounts' password (lib/seed/demo-data.ts)

type Instance = {
  name: string;
  port: number;
  base: string;
  sqlitePath: string;
  proxy: FaultProxy;
  child: ChildProcess;
  output: () => string;
  cookie: string;
  modes: { at: number; mode: string }[];
};

type RowModel = {
  number: string;
  marker: string;
  instance: number;
  id: string | null;
  version: number | null; // null: unknown after a write whose outcome is unknown
  allowed: Set<string | null>; // what jobTitle PostgreSQL may end with (null: absent)
  lastAck: string | null;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(100);
  }
}

function sqliteRows(file: string, tag: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT id, "jobTitle", version FROM "Employee" WHERE "employeeNumber" LIKE ?`).all(`${tag}-%`) as {
      id: string;
      jobTitle: string;
      version: number;
    }[];
    return JSON.stringify(rows.map((row) => [row.id, row.jobTitle, Number(row.version)]).sort());
  } finally {
    db.close();
  }
}

async function health(instance: Instance): Promise<{ mode: string; queue: number } | null> {
  try {
    const response = await fetch(`${instance.base}/api/health`, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as { database: { mode: string; queue?: number } };
    return { mode: body.database.mode, queue: body.database.queue ?? 0 };
  } catch {
    return null;
  }
}

async function startInstance(name: string, cluster: PgCluster, proxy: FaultProxy): Promise<Instance> {
  const port = await freePort();
  const sqlitePath = join(mkdtempSync(join(tmpdir(), `hrms-${name}-`)), "hrms.db");
  let output = "";
  // `npm start` as on the host: the prestart script migrates both databases (and seeds the demo
  // organisation into an empty PostgreSQL), then `next start` serves the production build.
  const child = spawn("npm", ["start"], {
    detached: true, // its own process group, so the test can stop npm, next and their children
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: proxy.url(cluster.url),
      SQLITE_PATH: sqlitePath,
      DEMO_MODE: "1",
      INSTANCE_ID: name,
      NEXT_TELEMETRY_DISABLED: "1",
      // Probes closer together than the defaults, so a run of faults fits the test's time.
      PG_PROBE_INTERVAL_MS: "200",
      PG_PROBE_MAX_INTERVAL_MS: "800",
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const instance: Instance = { name, port, base: `http://127.0.0.1:${port}`, sqlitePath, proxy, child, output: () => output, cookie: "", modes: [] };
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) while starting:\n${output.slice(-4_000)}`);
      return (await health(instance))?.mode === "primary";
    },
    180_000,
    `${name} to serve on PostgreSQL`,
  );
  const response = await fetch(`${instance.base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: instance.base },
    body: JSON.stringify({ email: "hr@example.com", password: PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  instance.cookie = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  return instance;
}

function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance?.child.pid || instance.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    instance.child.once("exit", () => resolve());
    try {
      process.kill(-instance.child.pid!, "SIGTERM");
    } catch {
      resolve();
    }
  });
}

async function api(instance: Instance, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const response = await fetch(`${instance.base}${path}`, {
    method,
    headers: { cookie: instance.cookie, origin: instance.base, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { raw: text.slice(0, 200) };
  }
  return { status: response.status, json };
}

// A request that got no answer (a timeout, a refused connection): its outcome is unknown.
const failed = (error: unknown): { status: number; json: Record<string, unknown> | null } => ({ status: 0, json: { error: String(error) } });

test.describe("two app processes on one PostgreSQL under a fault schedule", () => {
  let cluster: PgCluster | undefined;
  const proxies: FaultProxy[] = [];
  const instances: Instance[] = [];

  test.afterAll(async () => {
    await Promise.all(instances.map((instance) => stopInstance(instance)));
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await cluster?.destroy();
  });

  test("lose, duplicate and invent nothing; readers never fail; both copies converge", async () => {
    test.setTimeout(420_000);
    console.log(`[two-instances] seed=${SEED} (repeat with CHAOS_SEED=${SEED})`);
    const random = seededRandom(SEED);
    cluster = await startPostgresCluster();
    for (let index = 0; index < 2; index += 1) proxies.push(await startFaultProxy({ targetHost: cluster.host, targetPort: cluster.port }));
    // One after the other, as a rolling deploy starts them: the first migrates and seeds.
    instances.push(await startInstance("app-a", cluster, proxies[0]));
    instances.push(await startInstance("app-b", cluster, proxies[1]));

    const tag = `ti${Date.now().toString(36)}`;
    const rows = new Map<string, RowModel>();
    const readErrors: string[] = [];
    const refused: string[] = [];
    const counts = { creates: 0, updates: 0, failed: 0, reads: 0 };
    let isRunning = true;

    // ---- health monitor: each instance's mode over time --------------------------------------
    async function monitor(instance: Instance) {
      while (isRunning) {
        const state = await health(instance);
        const mode = state?.mode ?? "unreachable";
        if (instance.modes.at(-1)?.mode !== mode) instance.modes.push({ at: Date.now(), mode });
        await pause(100);
      }
    }

    // ---- writers: each creates its own rows through one instance and edits only those ---------
    async function writer(instanceIndex: number, writerIndex: number) {
      const instance = instances[instanceIndex];
      const mine: RowModel[] = [];
      let sequence = 0;
      while (isRunning) {
        sequence += 1;
        if (mine.length > 0 && random() < 0.4) {
          const row = mine[Math.floor(random() * mine.length)];
          if (row.version === null) {
            const current = await api(instance, "GET", `/api/v1/employees/${row.id}`).catch(() => null);
            if (current?.status === 200) row.version = Number((current.json!.data as { version: number }).version);
          }
          if (row.version !== null) {
            const title = `t-${instanceIndex}${writerIndex}-${sequence}`;
            const result = await api(instance, "PATCH", `/api/v1/employees/${row.id}`, { version: row.version, jobTitle: title }).catch(failed);
            if (result.status === 200) {
              row.allowed = new Set([title]);
              row.lastAck = title;
              row.version = Number((result.json!.data as { version: number }).version);
              counts.updates += 1;
            } else if (result.status === 409 && row.allowed.size > 1) {
              row.version = null; // an earlier write whose outcome was unknown did land: read again
            } else if (result.status >= 400 && result.status < 500) {
              refused.push(`${instance.name} PATCH ${row.number}: ${result.status} ${JSON.stringify(result.json)}`);
            } else {
              row.allowed.add(title); // may or may not have landed
              row.version = null;
              counts.failed += 1;
            }
          }
        } else {
          const number = `${tag}-${instanceIndex}${writerIndex}-${sequence}`;
          const row: RowModel = {
            number,
            marker: `M${number}`,
            instance: instanceIndex,
            id: null,
            version: null,
            allowed: new Set([null, "Engineer"]),
            lastAck: null,
          };
          rows.set(number, row);
          const result = await api(instance, "POST", "/api/v1/employees", {
            employeeNumber: number,
            firstName: "Jepsen",
            lastName: row.marker,
            workEmail: `${number}@jepsen.example.org`,
            jobTitle: "Engineer",
            employmentType: "FULL_TIME",
            hireDate: "2024-01-15",
            salaryCurrency: "GBP",
          }).catch(failed);
          if (result.status === 201) {
            const data = result.json!.data as { id: string; version: number };
            row.id = data.id;
            row.version = Number(data.version);
            row.allowed = new Set(["Engineer"]);
            row.lastAck = "Engineer";
            mine.push(row);
            counts.creates += 1;
          } else if (result.status >= 400 && result.status < 500) {
            refused.push(`${instance.name} POST ${number}: ${result.status} ${JSON.stringify(result.json)}`);
          } else {
            counts.failed += 1;
          }
        }
        await pause(WRITE_PACE_MS + Math.floor(random() * WRITE_PACE_MS));
      }
    }

    // ---- readers: every read through either instance must answer 200 --------------------------
    async function reader(instance: Instance) {
      while (isRunning) {
        counts.reads += 1;
        const result = await api(instance, "GET", `/api/v1/employees?q=${tag}&pageSize=50`).catch(failed);
        if (result.status !== 200) readErrors.push(`${instance.name} (${instance.modes.at(-1)?.mode}): ${result.status} ${JSON.stringify(result.json)}`);
        await pause(READ_PACE_MS + Math.floor(random() * READ_PACE_MS));
      }
    }

    // ---- the fault schedule ---------------------------------------------------------------------
    const [a, b] = instances;
    const faults: { name: string; inject: () => Promise<void>; heal: () => Promise<void>; survivor?: Instance }[] = [
      { name: "PostgreSQL kill -9", inject: () => cluster!.kill(), heal: () => cluster!.start() },
      { name: "PostgreSQL fast shutdown", inject: () => cluster!.stop(), heal: () => cluster!.start() },
      { name: "PostgreSQL immediate shutdown", inject: () => cluster!.stopImmediate(), heal: () => cluster!.start() },
      { name: "app-a partitioned (blackhole)", inject: () => a.proxy.setMode("blackhole"), heal: () => a.proxy.setMode("pass"), survivor: b },
      { name: "app-b connections reset", inject: () => b.proxy.setMode("reset"), heal: () => b.proxy.setMode("pass"), survivor: a },
      {
        name: "both refused",
        inject: async () => void (await Promise.all([a.proxy.setMode("refuse"), b.proxy.setMode("refuse")])),
        heal: async () => void (await Promise.all([a.proxy.setMode("pass"), b.proxy.setMode("pass")])),
      },
    ];
    const schedule: string[] = [];
    const survivorLeftPrimary: string[] = [];
    async function nemesis() {
      await pause(1_500); // traffic on a healthy PostgreSQL first
      for (const fault of [...faults].sort(() => random() - 0.5)) {
        const holdMs = 1_000 + Math.floor(random() * 1_500);
        const startedAt = Date.now();
        await fault.inject();
        await pause(holdMs);
        await fault.heal();
        schedule.push(`${fault.name} (${holdMs} ms)`);
        await waitUntil(
          async () => (await health(a))?.mode === "primary" && (await health(b))?.mode === "primary",
          60_000,
          `both instances back on PostgreSQL after ${fault.name} (schedule: ${schedule.join(", ")})`,
        );
        // A fault on one instance's network leaves the other on PostgreSQL throughout.
        if (fault.survivor && fault.survivor.modes.some((entry) => entry.at >= startedAt && entry.mode !== "primary"))
          survivorLeftPrimary.push(`${fault.survivor.name} during ${fault.name}`);
        await pause(500 + Math.floor(random() * 1_000));
      }
    }

    const startedAt = Date.now();
    const monitors = instances.map((instance) => monitor(instance));
    const workers = [
      ...instances.flatMap((_instance, instanceIndex) => Array.from({ length: WRITERS_PER_INSTANCE }, (_, writerIndex) => writer(instanceIndex, writerIndex))),
      ...instances.map((instance) => reader(instance)),
    ];
    try {
      await nemesis();
    } finally {
      isRunning = false;
      await Promise.allSettled([...workers, ...monitors]);
      await Promise.all(proxies.map((proxy) => proxy.setMode("pass")));
      if (!cluster.running) await cluster.start();
    }
    await waitUntil(
      async () => {
        const [stateA, stateB] = await Promise.all([health(a), health(b)]);
        return stateA?.mode === "primary" && stateA.queue === 0 && stateB?.mode === "primary" && stateB.queue === 0;
      },
      60_000,
      "both instances on PostgreSQL with empty queues",
    );

    // ---- the check ------------------------------------------------------------------------------
    type PgRow = { id: string; employeeNumber: string; lastName: string; jobTitle: string; version: number };
    const inPostgres = await pgQuery<PgRow>(
      cluster.url,
      `SELECT id, "employeeNumber", "lastName", "jobTitle", version FROM "Employee" WHERE "employeeNumber" LIKE $1`,
      [`${tag}-%`],
    );
    const conflicts = await pgQuery<{ kind: string; tbl: string; row_id: string; message: string }>(
      cluster.url,
      "SELECT kind, tbl, row_id, message FROM _hrms_conflicts",
    );
    const byNumber = new Map<string, PgRow[]>();
    for (const row of inPostgres) byNumber.set(row.employeeNumber, [...(byNumber.get(row.employeeNumber) ?? []), row]);
    const markers = new Map<string, number>();
    for (const row of inPostgres) markers.set(row.lastName, (markers.get(row.lastName) ?? 0) + 1);
    const duplicated = [
      ...[...byNumber.entries()].filter(([, found]) => found.length > 1).map(([number]) => number),
      ...[...markers.entries()].filter(([, count]) => count > 1).map(([marker]) => marker),
    ];
    const unexpected = inPostgres.filter((row) => !rows.has(row.employeeNumber)).map((row) => row.employeeNumber);
    const lost: string[] = [];
    for (const row of rows.values()) {
      const found = byNumber.get(row.number)?.[0];
      if (row.id && found && found.id !== row.id) lost.push(`${row.number}: PostgreSQL has id ${found.id}, the acknowledged create returned ${row.id}`);
      else if (!row.allowed.has(found ? found.jobTitle : null))
        lost.push(`${row.number} (via ${instances[row.instance].name}): expected ${[...row.allowed].join("|")}, PostgreSQL has ${found?.jobTitle ?? "absent"}`);
    }
    const escapes = instances.flatMap((instance) =>
      instance
        .output()
        .split("\n")
        .filter((line) => /"event":"(escaped-error|uncaught-exception|unhandled-rejection)"/.test(line))
        .map((line) => `${instance.name}: ${line.slice(0, 400)}`),
    );
    const fallbacks = instances.map((instance) => instance.modes.filter((entry) => entry.at >= startedAt && entry.mode === "fallback").length);

    console.log(
      `[two-instances] seed=${SEED} ${((Date.now() - startedAt) / 1000).toFixed(1)}s creates=${counts.creates} updates=${counts.updates} ` +
        `failed=${counts.failed} refused=${refused.length} reads=${counts.reads} readErrors=${readErrors.length} rows=${inPostgres.length} ` +
        `lost=${lost.length} duplicated=${duplicated.length} unexpected=${unexpected.length} conflicts=${conflicts.length} ` +
        `fallbacks a=${fallbacks[0]} b=${fallbacks[1]}`,
    );
    console.log(`[two-instances] schedule: ${schedule.join(", ")}`);

    expect(instances.map((instance) => `${instance.name} exit ${instance.child.exitCode}`)).toEqual(["app-a exit null", "app-b exit null"]);
    expect(escapes).toEqual([]);
    expect(readErrors).toEqual([]);
    expect(refused).toEqual([]);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(conflicts).toEqual([]);
    expect(survivorLeftPrimary).toEqual([]);
    // The run did exercise something: both instances fell back (the shared server's faults hit
    // both), and writes were acknowledged throughout.
    expect(fallbacks[0]).toBeGreaterThanOrEqual(3);
    expect(fallbacks[1]).toBeGreaterThanOrEqual(3);
    expect(counts.creates).toBeGreaterThan(40);
    expect(counts.updates).toBeGreaterThan(10);

    // Each SQLite copy converges on PostgreSQL, the other instance's writes included.
    const expected = JSON.stringify(inPostgres.map((row) => [row.id, row.jobTitle, Number(row.version)]).sort());
    for (const instance of instances)
      await waitUntil(() => sqliteRows(instance.sqlitePath, tag) === expected, 20_000, `${instance.name}'s SQLite copy to converge on PostgreSQL`);
  });
});
