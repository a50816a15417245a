// What the copy is a copy of: a different PostgreSQL behind the configured URL, a SQLite file
// deleted under the running app, and a first boot beside a large table (the copy is streamed in the
// background, memory stays flat, and the app answers meanwhile). Real clusters, real files.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { startPostgresCluster, type PgCluster } from "@/test/helpers/pg-cluster";
import { newSqliteFile, startDataLayer, startOnPrimary, startRig, waitFor, type Rig } from "@/test/failover/support";
import { dumpOnFailure, employee, pgQuery, runTag, sqliteQuery } from "./chaos-support";

vi.mock("@/lib/log", () => import("./log-capture"));

let rig: Rig;
const layers: DataLayer[] = [];
const clusters: PgCluster[] = [];

beforeAll(async () => {
  rig = await startRig();
});

afterEach(async () => {
  await rig.proxy.setMode("pass");
  await Promise.allSettled(layers.splice(0).map((layer) => layer.close()));
});

afterAll(async () => {
  await Promise.allSettled(clusters.map((cluster) => cluster.destroy()));
  await rig?.destroy();
});

function started(url: string, file: string, overrides: Parameters<typeof startDataLayer>[2] = {}): DataLayer {
  const layer = startDataLayer(url, file, overrides);
  layers.push(layer);
  return layer;
}

describe("the copy's identity", () => {
  it(
    "[DB]: another PostgreSQL behind the URL: queued writes are set aside in a kept file, never replayed into it, and the copy is rebuilt from it",
    { timeout: 90_000 },
    async () => {
      const file = await newSqliteFile("identity");
      const tag = runTag("identity");
      const first = started(rig.url, file);
      dumpOnFailure(() => [first]);
      await startOnPrimary(first);
      await first.db.employee.create({ data: employee(`${tag}-before`) });
      await rig.proxy.setMode("refuse");
      await first.probeNow();
      expect(first.status().mode).toBe("fallback");
      const queued = await first.db.employee.create({ data: employee(`${tag}-queued`) });
      expect(first.status().queue).toBe(1);
      await first.close();

      // A new cluster (a restore, a new database behind the same name) with data of its own.
      const other = await startPostgresCluster();
      clusters.push(other);
      await applyMigrations({ provider: "postgres", url: other.url });
      await pgQuery(
        other.url,
        `INSERT INTO "Employee" (id, "employeeNumber", "firstName", "lastName", "workEmail", "jobTitle", "hireDate", "updatedAt") VALUES ($1, $2, 'Other', 'Cluster', $3, 'Engineer', now(), now())`,
        [`${tag}-other-id`, `${tag}-other`, `${tag}-other@example.com`],
      );
      const second = started(other.url, file);
      dumpOnFailure(() => [second]);
      await startOnPrimary(second);
      await second.pollMirror();
      expect(second.status().mode).toBe("primary");
      expect(second.status().queue).toBe(0);
      // Nothing of the old database's queue went into the new one.
      expect(await pgQuery(other.url, `SELECT id FROM "Employee" WHERE id = $1`, [queued.id])).toEqual([]);
      // The copy is now the new database's.
      expect(sqliteQuery<{ employeeNumber: string }>(file, `SELECT "employeeNumber" FROM "Employee" WHERE "employeeNumber" LIKE ?`, [`${tag}-%`])).toEqual([
        { employeeNumber: `${tag}-other` },
      ]);
      // The queued write waits for an admin in a kept copy of the file, said in the events.
      const kept = readdirSync(dirname(file)).filter((name) => name.includes("other-database"));
      expect(kept).toHaveLength(1);
      expect(sqliteQuery(`${dirname(file)}/${kept[0]}`, `SELECT count(*) AS n FROM _hrms_ops`)).toEqual([{ n: 1 }]);
      const events = await second.events({ types: ["identity"] });
      expect(events.map((event) => event.message).join("\n")).toMatch(/not the database this copy was made from.*1 queued writes were set aside/);
    },
  );

  it(
    "[DB]: the SQLite file deleted under the running app: said plainly, PostgreSQL keeps serving, and an outage then is 'down' with the reason",
    { timeout: 60_000 },
    async () => {
      const file = await newSqliteFile("deleted");
      const layer = started(rig.url, file);
      dumpOnFailure(() => [layer]);
      await startOnPrimary(layer);
      await layer.pollMirror();
      const tag = runTag("deleted");
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      await layer.tick();
      expect(layer.status().sqliteProblem).toMatch(/was deleted while the app was running/);
      expect(layer.status().mode).toBe("primary");
      const person = await layer.db.employee.create({ data: employee(`${tag}-after`) });
      expect(await pgQuery(rig.cluster.url, `SELECT id FROM "Employee" WHERE id = $1`, [person.id])).toHaveLength(1);

      await rig.proxy.setMode("refuse");
      await layer.probeNow();
      expect(layer.status().mode).toBe("down");
      expect(layer.status().cause).toMatch(/was deleted/);
      await expect(layer.db.employee.findUnique({ where: { id: person.id } })).rejects.toBeInstanceOf(DatabaseUnavailableError);
      // Nothing recreated a file that would silently lose what is written to it.
      expect(existsSync(file)).toBe(false);
    },
  );
});

describe("a first boot beside a large table", () => {
  it(
    "[DB]: 200,000 audit rows: the app answers at once, the copy streams in the background with flat memory, and every row arrives",
    { timeout: 120_000 },
    async () => {
      const cluster = await startPostgresCluster();
      clusters.push(cluster);
      await applyMigrations({ provider: "postgres", url: cluster.url });
      const rows = 200_000;
      await pgQuery(
        cluster.url,
        `INSERT INTO "AuditLog" (id, "actorEmail", action, entity, "entityId", changes, "updatedAt")
       SELECT gen_random_uuid()::text, 'hr@example.com', 'update', 'Employee', g::text, '{"jobTitle":{"from":"Engineer","to":"Senior Engineer"}}', now() FROM generate_series(1, $1::int) g`,
        [rows],
      );
      const file = await newSqliteFile("large");
      // What is measured is the start itself, so its check of PostgreSQL gets a connect timeout a
      // loaded machine cannot run out of (the shared 500 ms can, and the start is then on SQLite).
      const layer = started(cluster.url, file, { connectTimeoutMs: 5_000 });
      dumpOnFailure(() => [layer]);
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
      try {
        const startedAt = performance.now();
        await layer.start();
        const startMs = performance.now() - startedAt;
        // Requests do not wait for the copy.
        expect(layer.status().mode).toBe("primary");
        expect(layer.status().lastMirrorAt).toBeNull();
        expect(await layer.db.auditLog.count()).toBe(rows);
        const tag = runTag("large");
        await layer.db.employee.create({ data: employee(`${tag}-during`) });
        await layer.pollMirror();
        const totalMs = performance.now() - startedAt;
        expect(sqliteQuery(file, `SELECT count(*) AS n FROM "AuditLog"`)).toEqual([{ n: rows }]);
        expect(sqliteQuery(file, `SELECT count(*) AS n FROM "Employee" WHERE "employeeNumber" = ?`, [`${tag}-during`])).toEqual([{ n: 1 }]);
        const growthMb = (peak - baseline) / 2 ** 20;
        console.log(
          `[large boot] start ${startMs.toFixed(0)} ms, copy of ${rows} rows complete after ${(totalMs / 1000).toFixed(1)} s, peak RSS growth ${growthMb.toFixed(0)} MB`,
        );
        // Holding the table in memory would take several hundred MB; streaming takes a few batches.
        expect(growthMb).toBeLessThan(150);
        expect(startMs).toBeLessThan(totalMs / 2);
      } finally {
        clearInterval(sampler);
      }
    },
  );
});

describe("the audit log in the copy", () => {
  it(
    "[DB]: keeps only its window: older history is not copied at boot and is pruned from the copy later, while PostgreSQL keeps all of it",
    { timeout: 60_000 },
    async () => {
      const tag = runTag("window");
      const insertAudit = (days: number, label: string) =>
        pgQuery(
          rig.cluster.url,
          `INSERT INTO "AuditLog" (id, action, entity, "entityId", changes, "createdAt", "updatedAt") VALUES (gen_random_uuid()::text, 'update', 'Window', $1, '{}', now() - make_interval(days => $2::int), now())`,
          [`${tag}-${label}`, days],
        );
      await insertAudit(200, "old");
      await insertAudit(5, "recent");
      const file = await newSqliteFile("window");
      const layer = started(rig.url, file, { auditCopyDays: 90 });
      dumpOnFailure(() => [layer]);
      await startOnPrimary(layer);
      await layer.pollMirror();
      const inCopy = () =>
        sqliteQuery<{ entityId: string }>(file, `SELECT "entityId" FROM "AuditLog" WHERE "entityId" LIKE ? ORDER BY "entityId"`, [`${tag}-%`]).map(
          (row) => row.entityId,
        );
      expect(inCopy()).toEqual([`${tag}-recent`]);

      // A row that ages out while the app runs (here: one that arrives already old).
      await insertAudit(120, "aged");
      await layer.pollMirror();
      expect(inCopy()).toEqual([`${tag}-aged`, `${tag}-recent`]);
      await layer.pruneNow();
      expect(inCopy()).toEqual([`${tag}-recent`]);
      expect(layer.status().queue).toBe(0);
      const inPostgres = await pgQuery<{ n: number }>(rig.cluster.url, `SELECT count(*)::int AS n FROM "AuditLog" WHERE "entityId" LIKE $1`, [`${tag}-%`]);
      expect(inPostgres[0].n).toBe(3);
    },
  );
});

describe("a first snapshot that fails", () => {
  it("[DB]: is taken again once PostgreSQL serves, instead of leaving the copy empty", { timeout: 60_000 }, async () => {
    const tag = runTag("retry-copy");
    await pgQuery(
      rig.cluster.url,
      `INSERT INTO "Employee" (id, "employeeNumber", "firstName", "lastName", "workEmail", "jobTitle", "hireDate", "updatedAt") VALUES ($1, $1, 'Retry', 'Copy', $2, 'Engineer', now(), now())`,
      [`${tag}-row`, `${tag}@example.com`],
    );
    // Enough rows that the snapshot is still streaming when the connection is cut.
    await pgQuery(
      rig.cluster.url,
      `INSERT INTO "AuditLog" (id, action, entity, "entityId", changes, "updatedAt") SELECT gen_random_uuid()::text, 'update', 'Bulk', g::text, '{}', now() FROM generate_series(1, 60000) g`,
    );
    const file = await newSqliteFile("retry-copy");
    const layer = started(rig.url, file);
    dumpOnFailure(() => [layer]);
    await layer.start();
    expect(layer.status().lastMirrorAt).toBeNull();
    await rig.proxy.setMode("reset");
    await layer.probeNow();
    expect(layer.status().mode).not.toBe("primary");
    await rig.proxy.setMode("pass");
    const inCopy = () => sqliteQuery<{ n: number }>(file, `SELECT count(*) AS n FROM "Employee" WHERE id = ?`, [`${tag}-row`])[0].n;
    const deadline = Date.now() + 30_000;
    while (!(layer.status().mode === "primary" && inCopy() === 1)) {
      if (Date.now() > deadline) throw new Error(`the copy was not built again: mode ${layer.status().mode}, row in copy ${inCopy()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(layer.status().lastMirrorAt).not.toBeNull();
  });
});

// A file that ran without DATABASE_URL (the whole database) started with a DATABASE_URL while that
// PostgreSQL is unreachable: it serves and takes writes from the file, and when PostgreSQL answers
// the start's decision is taken then, before anything is replayed: moved into an empty database with
// the writes made meanwhile, or kept on the file (and said why) when PostgreSQL has data of its own.
describe("a database of its own, pointed at a PostgreSQL that is down", () => {
  async function standaloneFile(tag: string): Promise<{ file: string; ids: string[] }> {
    const file = await newSqliteFile("standalone");
    const alone = started(rig.url, file, { databaseUrl: undefined });
    await alone.start();
    expect(alone.status().mode).toBe("sqlite-only");
    const ids: string[] = [];
    for (const suffix of ["a", "b"]) ids.push((await alone.db.employee.create({ data: employee(`${tag}-${suffix}`) })).id);
    await alone.close();
    return { file, ids };
  }

  async function database(name: string, withRow?: string): Promise<string> {
    const url = await rig.cluster.createDatabase(name);
    await applyMigrations({ provider: "postgres", url });
    if (withRow)
      await pgQuery(
        url,
        `INSERT INTO "Employee" (id, "employeeNumber", "firstName", "lastName", "workEmail", "jobTitle", "hireDate", "updatedAt") VALUES ($1, $1, 'Own', 'Data', $2, 'Engineer', now(), now())`,
        [withRow, `${withRow}@example.com`],
      );
    return url;
  }

  it("[DB]: into an empty PostgreSQL: every row moves, the writes made meanwhile with them, none replayed twice", { timeout: 60_000 }, async () => {
    const tag = runTag("moved-late");
    const { file, ids } = await standaloneFile(tag);
    const target = await database(tag.replace(/-/g, "_"));
    await rig.proxy.setMode("refuse");
    const layer = started(rig.proxy.url(target), file);
    dumpOnFailure(() => [layer]);
    await layer.start();
    expect(layer.status().mode).toBe("fallback");
    await layer.db.employee.update({ where: { id: ids[0] }, data: { jobTitle: "Changed meanwhile" } });
    const created = await layer.db.employee.create({ data: employee(`${tag}-c`) });
    expect(layer.status().queue).toBe(2);

    await rig.proxy.setMode("pass");
    await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, { layer, timeoutMs: 30_000, what: "the move and the switch" });
    const rows = await pgQuery<{ id: string; jobTitle: string }>(target, `SELECT id, "jobTitle" FROM "Employee" ORDER BY "employeeNumber"`);
    expect(rows).toEqual([
      { id: ids[0], jobTitle: "Changed meanwhile" },
      { id: ids[1], jobTitle: "Engineer" },
      { id: created.id, jobTitle: "Engineer" },
    ]);
    expect(await pgQuery(target, "SELECT kind FROM _hrms_conflicts")).toEqual([]);
    const moves = await layer.events({ types: ["move"] });
    expect(moves.map((event) => event.message).join("\n")).toMatch(/2 writes made while PostgreSQL was unreachable with them/);
    // The file is now this database's copy and is kept current from it.
    await waitFor(() => layer.status().lastMirrorAt !== null, { layer, timeoutMs: 20_000, what: "the copy's first snapshot" });
    await pgQuery(target, `UPDATE "Employee" SET "jobTitle" = 'From PostgreSQL' WHERE id = $1`, [ids[1]]);
    await waitFor(
      () => sqliteQuery<{ jobTitle: string }>(file, `SELECT "jobTitle" FROM "Employee" WHERE id = ?`, [ids[1]])[0]?.jobTitle === "From PostgreSQL",
      {
        layer,
        timeoutMs: 20_000,
        what: "the copy to follow PostgreSQL",
      },
    );
  });

  it("[DB]: beside a PostgreSQL with data of its own: stays on the file, says why, and sends PostgreSQL nothing", { timeout: 60_000 }, async () => {
    const tag = runTag("refused-late");
    const { file, ids } = await standaloneFile(tag);
    const target = await database(tag.replace(/-/g, "_"), `${tag}-own`);
    await rig.proxy.setMode("refuse");
    const layer = started(rig.proxy.url(target), file);
    dumpOnFailure(() => [layer]);
    await layer.start();
    await layer.db.employee.update({ where: { id: ids[0] }, data: { jobTitle: "Changed meanwhile" } });

    await rig.proxy.setMode("pass");
    await waitFor(() => /already holds 1 rows of its own/.test(layer.status().cause ?? ""), { layer, timeoutMs: 30_000, what: "the refusal" });
    expect(layer.status().mode).toBe("fallback");
    expect(layer.status().queue).toBe(1);
    expect(await pgQuery(target, `SELECT id FROM "Employee"`)).toEqual([{ id: `${tag}-own` }]);
    // It keeps serving from the file, and does not ask again until a restart decides.
    expect((await layer.db.employee.findUnique({ where: { id: ids[0] } }))?.jobTitle).toBe("Changed meanwhile");
    await layer.tick();
    expect(layer.status().mode).toBe("fallback");
    expect((await layer.events({ types: ["identity"] })).length).toBe(1);
  });
});
