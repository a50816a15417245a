// The data layer against a PostgreSQL used as production databases are used: another session
// holding a transaction open or a row lock, other writers, two app instances, a restart on a file
// from another life. Real PostgreSQL clusters, real SQLite files, real sessions.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPostgresClient } from "@/lib/db/clients";
import type { DataLayer } from "@/lib/db/data-layer";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { startFaultProxy, type FaultProxy } from "@/test/helpers/fault-proxy";
import { newSqliteFile, startDataLayer, startRig, waitFor, type Rig } from "@/test/failover/support";
import { dumpOnFailure, employee, perTestResources, pgQuery, runTag, sqliteQuery } from "./chaos-support";

vi.mock("@/lib/log", () => import("./log-capture"));

let rig: Rig;
// The drain test's queue: far longer to replay than the recovery wait (50 ms) it is given. 10,000
// queued writes under a stream are measured by `npm run bench` (recovery-10k-s), where the minute
// it takes to queue them does not count against the test suite's time.
const QUEUED = 2_000;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.destroy();
});

const { layers, layerOn, session } = perTestResources(() => rig);

function countLocal(file: string, prefix: string): number {
  return sqliteQuery<{ n: number }>(file, `SELECT count(*) AS n FROM "Employee" WHERE "employeeNumber" LIKE ?`, [`${prefix}%`])[0].n;
}

describe("the SQLite copy stays current", () => {
  it(
    "[DB]: a transaction held open in another session holds back nothing but itself; after kill -9 every acknowledged write is there",
    { timeout: 60_000 },
    async () => {
      const { layer, file } = await layerOn(rig.url, "open-tx");
      dumpOnFailure(() => [layer]);
      const holder = await session();
      await holder.query("BEGIN");
      await holder.query("SELECT pg_current_xact_id()");
      // Another app instance writing straight to PostgreSQL, while the transaction stays open.
      const other = createPostgresClient({ url: rig.cluster.url, poolMax: 2, connectTimeoutMs: 2_000, statementTimeoutMs: 5_000 });
      const tag = runTag("otx");
      try {
        for (let i = 0; i < 20; i += 1) await other.employee.create({ data: employee(`${tag}-${i}`) });
      } finally {
        await other.$disconnect();
      }
      await waitFor(() => countLocal(file, tag) === 20, {
        layer,
        timeoutMs: 15_000,
        what: "the 20 writes of the other instance in the copy (a stalled copy never gets them)",
      });
      // Honest lag: nothing committed is missing, so nothing is old.
      expect(layer.status().replicaLagMs).toBeLessThan(1_000);
      await rig.cluster.kill();
      expect(await layer.db.employee.count({ where: { employeeNumber: { startsWith: tag } } })).toBe(20);
      expect(layer.status().mode).toBe("fallback");
    },
  );

  it(
    "[DB]: this instance's write is in its copy when it is answered; an edit on top of it after kill -9 replays without a conflict",
    { timeout: 60_000 },
    async () => {
      // No polling to speak of: only the write path can put the rows there in time.
      const { layer, file } = await layerOn(rig.url, "own-write", { mirrorIntervalMs: 60_000 });
      dumpOnFailure(() => [layer]);
      const tag = runTag("own");
      const created = await layer.db.employee.create({ data: employee(tag) });
      expect(sqliteQuery(file, `SELECT id FROM "Employee" WHERE id = ?`, [created.id])).toHaveLength(1);
      await layer.db.employee.update({ where: { id: created.id }, data: { jobTitle: "Saved on PostgreSQL" } });
      expect(sqliteQuery(file, `SELECT "jobTitle", version FROM "Employee" WHERE id = ?`, [created.id])).toEqual([
        { jobTitle: "Saved on PostgreSQL", version: 2 },
      ]);

      await rig.cluster.kill();
      const seen = await layer.db.employee.findUnique({ where: { id: created.id } });
      expect(seen?.jobTitle).toBe("Saved on PostgreSQL");
      await layer.db.employee.update({ where: { id: created.id }, data: { jobTitle: "Edited during the outage" } });
      await rig.cluster.start();
      await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, { layer, timeoutMs: 30_000, what: "recovery" });
      const [row] = await pgQuery<{ jobTitle: string; version: number }>(rig.cluster.url, `SELECT "jobTitle", version FROM "Employee" WHERE id = $1`, [
        created.id,
      ]);
      expect(row).toEqual({ jobTitle: "Edited during the outage", version: 3 });
      expect(await pgQuery(rig.cluster.url, "SELECT 1 FROM _hrms_conflicts WHERE row_id = $1", [created.id])).toEqual([]);
    },
  );
});

describe("recovery always makes progress", () => {
  it(
    "[DB]: a row lock held for ever on a queued row: primary within 10 s, that write set aside and visible, the rest replayed",
    { timeout: 60_000 },
    async () => {
      const { layer } = await layerOn(rig.url, "row-lock", { replayRetryDelayMs: 300 });
      dumpOnFailure(() => [layer]);
      const tag = runTag("lck");
      const locked = await layer.db.employee.create({ data: employee(`${tag}-locked`) });
      const free = await layer.db.employee.create({ data: employee(`${tag}-free`) });
      await rig.proxy.setMode("refuse");
      await layer.db.employee.update({ where: { id: locked.id }, data: { jobTitle: "Queued behind a lock" } });
      const createdDuring = await layer.db.employee.create({ data: employee(`${tag}-new`) });
      await layer.db.employee.update({ where: { id: free.id }, data: { jobTitle: "Queued, free" } });
      expect(layer.status().queue).toBe(3);

      const holder = await session();
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "Employee" WHERE id = $1 FOR UPDATE`, [locked.id]);
      const healedAt = Date.now();
      await rig.proxy.setMode("pass");
      await waitFor(() => layer.status().mode === "primary", { layer, timeoutMs: 20_000, what: "primary despite the lock" });
      const seconds = (Date.now() - healedAt) / 1000;
      expect(seconds).toBeLessThan(15);
      expect(layer.status().queue).toBe(0);
      const rows = await pgQuery<{ id: string; jobTitle: string }>(rig.cluster.url, `SELECT id, "jobTitle" FROM "Employee" WHERE id = ANY($1::text[])`, [
        [locked.id, free.id, createdDuring.id],
      ]);
      expect(new Map(rows.map((row) => [row.id, row.jobTitle]))).toEqual(
        new Map([
          [locked.id, "Engineer"],
          [free.id, "Queued, free"],
          [createdDuring.id, "Engineer"],
        ]),
      );
      const conflicts = await layer.listConflicts();
      expect(conflicts?.map((conflict) => ({ kind: conflict.kind, rowId: conflict.rowId }))).toEqual([{ kind: "stuck", rowId: locked.id }]);
      expect(conflicts?.[0].message).toMatch(/55P03|lock/);
    },
  );

  it(
    "[DB]: a drain of 2,000 queued writes, far longer than the wait, under a steady stream of writes: nothing is left queued once primary, nothing lost or doubled",
    { timeout: 120_000 },
    async () => {
      const { layer } = await layerOn(rig.url, "stranded", { recoveryWaitMs: 50, healthyProbes: 1 });
      dumpOnFailure(() => [layer]);
      const tag = runTag("str");
      await rig.proxy.setMode("refuse");
      await layer.db.employee.create({ data: employee(`${tag}-first`) });
      for (let i = 0; i < QUEUED; i += 1) await layer.db.employee.create({ data: employee(`${tag}-q${i}`) });
      expect(layer.status().queue).toBe(QUEUED + 1);
      let isWriting = true;
      const acknowledged: string[] = [];
      const writer = (async () => {
        for (let i = 0; isWriting; i += 1) {
          const number = `${tag}-s${i}`;
          await layer.db.employee.create({ data: employee(number) });
          acknowledged.push(number);
        }
      })();
      await rig.proxy.setMode("pass");
      await waitFor(() => layer.status().mode === "primary", { layer, timeoutMs: 60_000, what: "primary" });
      // Whenever it is primary the queue is empty, while the writer carries on. (A write can still
      // fail over afterwards, on a loaded machine a connect timeout does; it is then queued in
      // fallback, which is no stranded write.)
      let primaryChecks = 0;
      for (let i = 0; i < 20; i += 1) {
        const { mode, queue } = layer.status();
        if (mode === "primary") {
          primaryChecks += 1;
          expect(queue).toBe(0);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(primaryChecks).toBeGreaterThan(0);
      isWriting = false;
      await writer;
      // Everything acknowledged is in PostgreSQL once the layer is back on it with nothing queued.
      await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, { layer, timeoutMs: 30_000, what: "primary with nothing queued" });
      const [{ n }] = await pgQuery<{ n: number }>(rig.cluster.url, `SELECT count(*)::int AS n FROM "Employee" WHERE "employeeNumber" LIKE $1`, [`${tag}-%`]);
      expect(n).toBe(QUEUED + 1 + acknowledged.length);
      // A create replayed twice would surface as a unique-key conflict: none.
      expect(await pgQuery(rig.cluster.url, `SELECT kind FROM _hrms_conflicts WHERE ours->>'employeeNumber' LIKE $1`, [`${tag}-%`])).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(10);
    },
  );
});

describe("two app instances", () => {
  it(
    "[DB]: both lock the same row during an outage to make a decision: after recovery one decision stands and the other is a conflict",
    { timeout: 60_000 },
    async () => {
      const proxyB: FaultProxy = await startFaultProxy({ targetHost: rig.cluster.host, targetPort: rig.cluster.port });
      try {
        const a = await layerOn(rig.url, "instance-a", { instanceId: "instance-a" });
        const b = await layerOn(proxyB.url(rig.cluster.url), "instance-b", { instanceId: "instance-b" });
        dumpOnFailure(() => [a.layer, b.layer]);
        const tag = runTag("two");
        const balance = await a.layer.db.employee.create({ data: employee(`${tag}-balance`) });
        await waitFor(() => sqliteQuery(b.file, `SELECT 1 FROM "Employee" WHERE id = ?`, [balance.id]).length === 1, {
          layer: b.layer,
          what: "the row in B's copy",
        });
        await Promise.all([rig.proxy.setMode("refuse"), proxyB.setMode("refuse")]);
        // As a leave request does: lock the balance row (a write that changes nothing), then decide.
        const decide = (layer: DataLayer, name: string) =>
          layer.withTransaction(async (tx) => {
            await tx.employee.update({ where: { id: balance.id }, data: {} });
            return tx.holiday.create({ data: { date: new Date("2031-01-02T00:00:00Z"), name } });
          });
        await decide(a.layer, `${tag}-decided-by-a`);
        await decide(b.layer, `${tag}-decided-by-b`);
        await Promise.all([rig.proxy.setMode("pass"), proxyB.setMode("pass")]);
        await waitFor(() => a.layer.status().mode === "primary" && b.layer.status().mode === "primary", {
          layer: a.layer,
          timeoutMs: 30_000,
          what: "both instances back",
        });
        await b.layer.tick();
        const decisions = await pgQuery<{ name: string }>(rig.cluster.url, `SELECT name FROM "Holiday" WHERE name LIKE $1`, [`${tag}-%`]);
        expect(decisions).toHaveLength(1);
        const conflicts = await pgQuery<{ kind: string; row_id: string }>(rig.cluster.url, "SELECT kind, row_id FROM _hrms_conflicts WHERE row_id = $1", [
          balance.id,
        ]);
        expect(conflicts).toEqual([{ kind: "version", row_id: balance.id }]);
      } finally {
        await proxyB.close();
      }
    },
  );
});

describe("boot", () => {
  it("[DB]: starts beside a long reader holding a lock on a model table, and serves writes", { timeout: 60_000 }, async () => {
    await layerOn(rig.url, "first"); // bookkeeping installed once
    const reader = await session();
    await reader.query("BEGIN");
    await reader.query(`SELECT count(*) FROM "Employee"`);
    const startedAt = Date.now();
    const { layer } = await layerOn(rig.url, "beside-reader");
    const created = await layer.db.employee.create({ data: employee(runTag("rdr")) });
    expect(created.id).toBeTruthy();
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(layer.status().mode).toBe("primary");
  });

  it("[DB]: a file that was the whole database moves, every row, into an empty PostgreSQL and becomes its copy", { timeout: 60_000 }, async () => {
    const emptyUrl = await rig.cluster.createDatabase(`moved_${Date.now()}`);
    await applyMigrations({ provider: "postgres", url: emptyUrl });
    const file = await newSqliteFile("standalone");
    const alone = startDataLayer("", file);
    layers.push(alone);
    await alone.start();
    const tag = runTag("mv");
    const boss = await alone.db.employee.create({ data: employee(`${tag}-boss`) });
    await alone.db.employee.create({ data: employee(`${tag}-report`, { managerId: boss.id }) });
    await alone.close();
    layers.pop();

    const layer = startDataLayer(emptyUrl, file);
    layers.push(layer);
    await layer.start();
    // At start, or (when the start's check of PostgreSQL timed out) as soon as PostgreSQL answers.
    await waitFor(() => layer.status().mode === "primary", { layer, timeoutMs: 20_000, what: "primary" });
    const moved = await pgQuery<{ employeeNumber: string; managerId: string | null }>(
      emptyUrl,
      `SELECT "employeeNumber", "managerId" FROM "Employee" ORDER BY "employeeNumber"`,
    );
    expect(moved).toEqual([
      { employeeNumber: `${tag}-boss`, managerId: null },
      { employeeNumber: `${tag}-report`, managerId: boss.id },
    ]);
    expect(await layer.db.employee.count()).toBe(2);
  });
});

describe("faults between the app and PostgreSQL", () => {
  it("[DB]: a partition that never resets the connection leaves no transaction of the app's alive on the server", { timeout: 60_000 }, async () => {
    const { layer } = await layerOn(rig.url, "partition", { idleInTransactionTimeoutMs: 1_000 });
    dumpOnFailure(() => [layer]);
    const tag = runTag("prt");
    const row = await layer.db.employee.create({ data: employee(tag) });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let isWaiting!: () => void;
    const waiting = new Promise<void>((resolve) => (isWaiting = resolve));
    // A transaction that has written (it holds a row lock and an xid) and is between two queries
    // when the network goes silent.
    const transaction = layer.withTransaction(async (tx) => {
      await tx.employee.update({ where: { id: row.id }, data: { jobTitle: "Partitioned" } });
      isWaiting();
      await gate;
      return tx.employee.count();
    });
    await waiting;
    await rig.proxy.setMode("blackhole");
    const partitionedAt = Date.now();
    release();
    // The server ends the session on its own; nothing of the app's holds an xid after the timeout.
    await waitFor(
      async () => (await pgQuery(rig.cluster.url, "SELECT 1 FROM pg_stat_activity WHERE application_name = 'hrms' AND backend_xid IS NOT NULL")).length === 0,
      { timeoutMs: 10_000, what: "the server to end the partitioned transaction" },
    );
    expect(Date.now() - partitionedAt).toBeLessThan(1_000 + 3_000);
    // The app carried on: the transaction was done again on SQLite.
    await expect(transaction).resolves.toBeGreaterThan(0);
    expect(layer.status().mode).not.toBe("primary");
    // And it can shut down while the network is still silent (a pool's end would wait for ever).
    const closingAt = Date.now();
    await layer.close();
    expect(Date.now() - closingAt).toBeLessThan(10_000);
  });

  it(
    "[DB]: a COMMIT whose answer is lost: the transaction is done again on SQLite with the same ids; one version of each row in both databases",
    { timeout: 60_000 },
    async () => {
      const { layer, file } = await layerOn(rig.url, "ambiguous");
      dumpOnFailure(() => [layer]);
      const tag = runTag("amb");
      const lost = rig.proxy.loseNextCommitReply();
      const created = await layer.withTransaction(async (tx) => {
        const first = await tx.employee.create({ data: employee(`${tag}-a`) });
        const second = await tx.employee.create({ data: employee(`${tag}-b`) });
        return [first.id, second.id];
      });
      await lost;
      expect(layer.status().mode).not.toBe("primary");
      await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, { layer, timeoutMs: 30_000, what: "recovery" });
      const inPostgres = await pgQuery<{ id: string }>(rig.cluster.url, `SELECT id FROM "Employee" WHERE "employeeNumber" LIKE $1 ORDER BY id`, [`${tag}-%`]);
      expect(inPostgres.map((row) => row.id)).toEqual([...created].sort());
      const inSqlite = sqliteQuery<{ id: string }>(file, `SELECT id FROM "Employee" WHERE "employeeNumber" LIKE ? ORDER BY id`, [`${tag}-%`]);
      expect(inSqlite.map((row) => row.id)).toEqual([...created].sort());
      expect(await pgQuery(rig.cluster.url, "SELECT 1 FROM _hrms_conflicts WHERE row_id = ANY($1::text[])", [created])).toEqual([]);
    },
  );
});
