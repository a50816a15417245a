// The replay against refusals a production PostgreSQL gives: a deadlock with another session or
// between two instances' replays, and a queued write naming a column that has since been dropped. Each ends with
// the app primary, what could not be applied visible, and everything else replayed.
import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { newSqliteFile, startDataLayer, startRig, waitFor, type Rig } from "@/test/failover/support";
import { dumpOnFailure, employee, perTestResources, pgQuery, runTag, sqliteQuery } from "./chaos-support";

vi.mock("@/lib/log", () => import("./log-capture"));

let rig: Rig;

beforeAll(async () => {
  rig = await startRig();
});

afterAll(async () => {
  await rig?.destroy();
});

const resources = perTestResources(() => rig);
const { session } = resources;

async function layerOn(url: string, label: string, overrides: Parameters<typeof startDataLayer>[2] = {}) {
  const { layer, file } = await resources.layerOn(url, label, overrides);
  return Object.assign(layer, { file });
}

// Until `count` replay sessions wait on a row lock. (The layers' own timers drive the replays: a
// tick from the test would wait for them.)
function replaysWaitingOnLocks(count: number, what: string) {
  const waiting = async () =>
    (
      await pgQuery<{ n: number }>(
        rig.cluster.url,
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'hrms-sync'`,
      )
    )[0].n;
  return waitFor(async () => (await waiting()) === count, { timeoutMs: 20_000, what });
}

describe("replays that PostgreSQL refuses", () => {
  it("[DB]: the replay deadlocks with another session: the victim is retried and the queued write lands, with no conflict", { timeout: 60_000 }, async () => {
    // Lock waits long enough for PostgreSQL's deadlock detector (1 s) to decide, not a lock timeout.
    const layer = await layerOn(rig.url, "deadlock", { lockTimeoutMs: 20_000, statementTimeoutMs: 30_000 });
    dumpOnFailure(() => [layer]);
    const tag = runTag("deadlock");
    const first = await layer.db.employee.create({ data: employee(`${tag}-first`) });
    const second = await layer.db.employee.create({ data: employee(`${tag}-second`) });
    await rig.proxy.setMode("refuse");
    await layer.probeNow();
    expect(layer.status().mode).toBe("fallback");
    await layer.withTransaction(async (tx) => {
      await tx.employee.update({ where: { id: first.id }, data: { jobTitle: "Set in the outage" } });
      await tx.employee.update({ where: { id: second.id }, data: { jobTitle: "Set in the outage" } });
    });

    // Another session holds the second row; the replay takes the first and queues on the second;
    // the session then wants the first: a cycle, which PostgreSQL breaks by failing one side.
    const other = await session();
    await other.query("BEGIN");
    await other.query(`SELECT id FROM "Employee" WHERE id = $1 FOR UPDATE`, [second.id]);
    await rig.proxy.setMode("pass");
    await replaysWaitingOnLocks(1, "the replay waiting on the second row");
    await other.query(`UPDATE "Employee" SET phone = 'Set by the other session' WHERE id = $1`, [first.id]);
    await other.query("COMMIT");

    await waitFor(() => layer.status().mode === "primary", { timeoutMs: 30_000, what: "primary" });
    expect(layer.status().queue).toBe(0);
    const rows = await pgQuery<{ jobTitle: string; phone: string | null }>(
      rig.cluster.url,
      `SELECT "jobTitle", phone FROM "Employee" WHERE id = ANY($1::text[]) ORDER BY "employeeNumber"`,
      [[first.id, second.id]],
    );
    expect(rows).toEqual([
      { jobTitle: "Set in the outage", phone: "Set by the other session" },
      { jobTitle: "Set in the outage", phone: null },
    ]);
    expect(await pgQuery(rig.cluster.url, "SELECT kind FROM _hrms_conflicts WHERE row_id = ANY($1::text[])", [[first.id, second.id]])).toEqual([]);
    const deadlocks = await pgQuery<{ n: number }>(rig.cluster.url, "SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()");
    expect(deadlocks[0].n).toBeGreaterThan(0);
  });

  it("[DB]: two instances' replays deadlock on each other: the victim is retried and both writes land, with no conflict", { timeout: 60_000 }, async () => {
    // Lock waits long enough for PostgreSQL's deadlock detector (1 s) to decide, not a lock timeout.
    const patient = { lockTimeoutMs: 20_000, statementTimeoutMs: 30_000 };
    const a = await layerOn(rig.url, "deadlock-a", { ...patient, instanceId: "deadlock-a" });
    const b = await layerOn(rig.url, "deadlock-b", { ...patient, instanceId: "deadlock-b" });
    dumpOnFailure(() => [a, b]);
    const tag = runTag("two-deadlock");
    const [first, gate, second] = await Promise.all(["first", "gate", "second"].map((name) => a.db.employee.create({ data: employee(`${tag}-${name}`) })));
    const inCopyOfB = () => sqliteQuery<{ n: number }>(b.file, `SELECT count(*) AS n FROM "Employee" WHERE "employeeNumber" LIKE ?`, [`${tag}-%`])[0].n;
    await waitFor(() => inCopyOfB() === 3, { layer: b, what: "the rows in B's copy" });

    await rig.proxy.setMode("refuse");
    await a.probeNow();
    await b.probeNow();
    expect([a.status().mode, b.status().mode]).toEqual(["fallback", "fallback"]);
    // A touches first, gate, second; B touches second, gate, first: opposite orders, other fields.
    await a.withTransaction(async (tx) => {
      for (const row of [first, gate, second]) await tx.employee.update({ where: { id: row.id }, data: { jobTitle: "Set by A" } });
    });
    await b.withTransaction(async (tx) => {
      for (const row of [second, gate, first]) await tx.employee.update({ where: { id: row.id }, data: { phone: "Set by B" } });
    });

    // Another session holds the gate row, so both replays take their first row and then queue on
    // the gate; released, the first through needs the row the other holds.
    const other = await session();
    await other.query("BEGIN");
    await other.query(`SELECT id FROM "Employee" WHERE id = $1 FOR UPDATE`, [gate.id]);
    await rig.proxy.setMode("pass");
    await replaysWaitingOnLocks(2, "both replays waiting on the gate row");
    await other.query("COMMIT");

    await waitFor(() => a.status().mode === "primary" && b.status().mode === "primary", { timeoutMs: 30_000, what: "both instances back" });
    const rows = await pgQuery<{ jobTitle: string; phone: string | null }>(
      rig.cluster.url,
      `SELECT "jobTitle", phone FROM "Employee" WHERE "employeeNumber" LIKE $1`,
      [`${tag}-%`],
    );
    expect(rows).toEqual(Array.from({ length: 3 }, () => ({ jobTitle: "Set by A", phone: "Set by B" })));
    expect(await pgQuery(rig.cluster.url, "SELECT kind FROM _hrms_conflicts WHERE row_id = ANY($1::text[])", [[first.id, gate.id, second.id]])).toEqual([]);
    const deadlocks = await pgQuery<{ n: number }>(rig.cluster.url, "SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()");
    expect(deadlocks[0].n).toBeGreaterThan(0);
  });

  it(
    "[DB]: the copy cannot take PostgreSQL's version of a set-aside row yet (the table is locked): the row stays listed, recovery does not wait, and the copy takes it once it can",
    { timeout: 60_000 },
    async () => {
      const layer = await layerOn(rig.url, "refresh", { replayAttempts: 2, replayRetryDelayMs: 100 });
      dumpOnFailure(() => [layer]);
      const tag = runTag("refresh");
      const person = await layer.db.employee.create({ data: employee(`${tag}-person`) });
      await layer.pollMirror();
      await rig.proxy.setMode("refuse");
      await layer.probeNow();
      expect(layer.status().mode).toBe("fallback");
      await layer.db.employee.update({ where: { id: person.id }, data: { jobTitle: "Ours" } });

      // Another session holds the table for the whole recovery: the queued update cannot land (it is
      // set aside as stuck) and PostgreSQL's version of the row cannot be read back either.
      const holder = await session();
      await holder.query("BEGIN");
      await holder.query(`LOCK TABLE "Employee" IN ACCESS EXCLUSIVE MODE`);
      await rig.proxy.setMode("pass");
      await waitFor(() => layer.status().mode === "primary", { layer, timeoutMs: 30_000, what: "primary while the table is locked" });
      expect(layer.status().queue).toBe(0);
      const inCopy = () => sqliteQuery<{ jobTitle: string }>(layer.file, `SELECT "jobTitle" FROM "Employee" WHERE id = ?`, [person.id])[0]?.jobTitle;
      const listed = () => sqliteQuery<{ row_id: string }>(layer.file, "SELECT row_id FROM _hrms_refresh");
      expect(inCopy()).toBe("Ours");
      expect(listed()).toEqual([{ row_id: person.id }]);
      expect(await pgQuery(rig.cluster.url, "SELECT kind FROM _hrms_conflicts WHERE row_id = $1", [person.id])).toEqual([{ kind: "stuck" }]);

      await holder.query("COMMIT");
      await waitFor(() => inCopy() === "Engineer" && listed().length === 0, { layer, timeoutMs: 20_000, what: "PostgreSQL's version in the copy" });
    },
  );

  it(
    "[DB]: a queued write names a column dropped meanwhile: it is set aside as rejected with the error, the rest is replayed",
    { timeout: 60_000 },
    async () => {
      const layer = await layerOn(rig.url, "dropped");
      dumpOnFailure(() => [layer]);
      const tag = runTag("dropped");
      const person = await layer.db.employee.create({ data: employee(`${tag}-person`) });
      await rig.proxy.setMode("refuse");
      await layer.probeNow();
      expect(layer.status().mode).toBe("fallback");
      await layer.db.employee.update({ where: { id: person.id }, data: { emergencyRelation: "Sibling" } });
      const after = await layer.db.holiday.create({ data: { date: new Date("2032-03-04T00:00:00Z"), name: `${tag}-after` } });

      await pgQuery(rig.cluster.url, `ALTER TABLE "Employee" DROP COLUMN "emergencyRelation"`);
      try {
        await rig.proxy.setMode("pass");
        await waitFor(() => layer.status().mode === "primary", { layer, timeoutMs: 20_000, what: "primary" });
        expect(layer.status().queue).toBe(0);
        expect(await pgQuery(rig.cluster.url, `SELECT name FROM "Holiday" WHERE id = $1`, [after.id])).toEqual([{ name: `${tag}-after` }]);
        const conflicts = await pgQuery<{ kind: string; message: string }>(rig.cluster.url, "SELECT kind, message FROM _hrms_conflicts WHERE row_id = $1", [
          person.id,
        ]);
        expect(conflicts).toHaveLength(1);
        expect(conflicts[0].kind).toBe("rejected");
        expect(conflicts[0].message).toMatch(/42703/);
      } finally {
        await pgQuery(rig.cluster.url, `ALTER TABLE "Employee" ADD COLUMN "emergencyRelation" text`);
      }
    },
  );

  it(
    "[DB]: SQLite full during an outage: the write that does not fit is refused with a clear message, nothing queued is lost, and the queue replays",
    { timeout: 90_000 },
    async () => {
      const probe = await newSqliteFile("full-size");
      const limitMb = Math.ceil(statSync(probe).size / 2 ** 20) + 1;
      const layer = await layerOn(rig.url, "full", { sqliteMaxMb: limitMb });
      dumpOnFailure(() => [layer]);
      const tag = runTag("full");
      await rig.proxy.setMode("refuse");
      await layer.probeNow();
      expect(layer.status().mode).toBe("fallback");

      const queued: string[] = [];
      let refusal: unknown = null;
      for (let k = 0; k < 20_000 && !refusal; k++) {
        try {
          queued.push((await layer.db.employee.create({ data: employee(`${tag}-${k}`, { address: "x".repeat(400) }), select: { id: true } })).id);
        } catch (error) {
          refusal = error;
        }
      }
      expect(refusal).toBeInstanceOf(DatabaseUnavailableError);
      expect((refusal as Error).message).toMatch(/full/);
      expect(queued.length).toBeGreaterThan(100);
      expect(layer.status().mode).toBe("fallback");
      expect(layer.status().sqliteProblem).toMatch(/full/);
      expect(layer.status().queue).toBe(queued.length);
      // Reads still work.
      expect(await layer.db.employee.count({ where: { employeeNumber: { startsWith: tag } } })).toBe(queued.length);

      await rig.proxy.setMode("pass");
      await waitFor(() => layer.status().mode === "primary", { timeoutMs: 30_000, what: "primary" });
      expect(layer.status().queue).toBe(0);
      const inPostgres = await pgQuery<{ n: number }>(rig.cluster.url, `SELECT count(*)::int AS n FROM "Employee" WHERE id = ANY($1::text[])`, [queued]);
      expect(inPostgres[0].n).toBe(queued.length);
    },
  );
});
