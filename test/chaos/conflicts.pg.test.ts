// G6 (chaos, real PostgreSQL, two app instances): two data layers, each with its own SQLite file
// and its own fault proxy to the same PostgreSQL. Writes both make during an outage are replayed
// without loss; two updates of the same row from the same base version end with exactly one
// winner and the other recorded as a conflict (both versions kept) until an admin resolves it; an
// outage-made insert that PostgreSQL refuses is dead-lettered without blocking the queue.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { startFaultProxy, type FaultProxy } from "@/test/helpers/fault-proxy";
import { newSqliteFile, startDataLayer, startOnPrimary, startRig, waitFor, type Rig } from "@/test/failover/support";
import { dumpOnFailure, employee, pgQuery, runTag, sqliteQuery } from "./chaos-support";

vi.mock("@/lib/log", () => import("./log-capture"));

let rig: Rig;
let proxyB: FaultProxy;
let a: DataLayer;
let b: DataLayer;
let fileA: string;
let fileB: string;
const tag = runTag("cf");

beforeAll(async () => {
  rig = await startRig();
  proxyB = await startFaultProxy({ targetHost: rig.cluster.host, targetPort: rig.cluster.port });
  fileA = await newSqliteFile("conflict-a");
  fileB = await newSqliteFile("conflict-b");
  a = startDataLayer(rig.url, fileA, { instanceId: `${tag}-a` });
  b = startDataLayer(proxyB.url(rig.cluster.url), fileB, { instanceId: `${tag}-b` });
  await Promise.all([startOnPrimary(a), startOnPrimary(b)]);
});

afterAll(async () => {
  await Promise.allSettled([a?.close(), b?.close()]);
  await proxyB?.close();
  await rig?.destroy();
});

type Row = { id: string; employeeNumber: string; jobTitle: string; version: number };

async function pgRow(id: string): Promise<Row | undefined> {
  const [row] = await pgQuery<Row>(rig.cluster.url, `SELECT id, "employeeNumber", "jobTitle", version FROM "Employee" WHERE id = $1`, [id]);
  return row;
}

function localRow(file: string, id: string): Row | undefined {
  return sqliteQuery<Row>(file, `SELECT id, "employeeNumber", "jobTitle", version FROM "Employee" WHERE id = ?`, [id])[0];
}

// Both mirrors hold these rows at PostgreSQL's current version.
async function mirrored(ids: string[]) {
  for (const [layer, file] of [
    [a, fileA],
    [b, fileB],
  ] as const) {
    await waitFor(
      async () => {
        for (const id of ids) {
          const remote = await pgRow(id);
          const local = localRow(file, id);
          if (!remote || !local || local.version !== remote.version || local.jobTitle !== remote.jobTitle) return false;
        }
        return true;
      },
      { layer, what: `mirror of ${file}` },
    );
  }
}

async function outage(proxy: FaultProxy, layer: DataLayer) {
  await proxy.setMode("refuse");
  await layer.db.employee.count(); // the first request notices and opens the breaker
  expect(layer.status().mode).toBe("fallback");
}

async function recover(proxy: FaultProxy, layer: DataLayer) {
  await proxy.setMode("pass");
  await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, { layer, timeoutMs: 20_000, what: "recovery" });
}

// A recovers first, so A's queued writes reach PostgreSQL first and B's meet A's versions.
async function bothDownThenAFirst(during: () => Promise<void>) {
  await outage(rig.proxy, a);
  await outage(proxyB, b);
  try {
    await during();
  } finally {
    await recover(rig.proxy, a);
    await recover(proxyB, b);
  }
}

describe("two instances writing during the same outage", () => {
  it("replays both instances' writes to different rows; the same row gets one winner and a conflict resolved as ours", async () => {
    dumpOnFailure(() => [a, b]);
    const shared = await a.db.employee.create({ data: employee(`${tag}-shared`) });
    await mirrored([shared.id]);

    let fromA!: Row;
    let fromB!: Row;
    await bothDownThenAFirst(async () => {
      fromA = await a.db.employee.create({ data: employee(`${tag}-only-a`) });
      fromB = await b.db.employee.create({ data: employee(`${tag}-only-b`) });
      await a.db.employee.update({ where: { id: shared.id }, data: { jobTitle: "Title from A" } });
      await b.db.employee.update({ where: { id: shared.id }, data: { jobTitle: "Title from B" } });
      expect(a.status().queue).toBe(2);
      expect(b.status().queue).toBe(2);
    });

    // Nothing lost: both instances' own rows are in PostgreSQL.
    expect(await pgRow(fromA.id)).toMatchObject({ employeeNumber: `${tag}-only-a` });
    expect(await pgRow(fromB.id)).toMatchObject({ employeeNumber: `${tag}-only-b` });
    // Exactly one winner for the shared row: A, which replayed first; B's update was not applied over it.
    expect(await pgRow(shared.id)).toMatchObject({ jobTitle: "Title from A", version: 2 });

    // B's update is a conflict holding both versions, visible from either instance.
    const conflicts = (await b.listConflicts())!.filter((conflict) => conflict.rowId === shared.id);
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict).toMatchObject({ kind: "version", table: "Employee", source: `${tag}-b`, resolvedAt: null });
    expect(conflict.ours).toMatchObject({ id: shared.id, jobTitle: "Title from B", version: 2 });
    expect(conflict.theirs).toMatchObject({ id: shared.id, jobTitle: "Title from A", version: 2 });
    expect((await a.listConflicts())!.map((found) => found.id)).toContain(conflict.id);
    expect(b.status().conflicts).toBeGreaterThanOrEqual(1);
    // B's own copy shows PostgreSQL's version, not its losing write.
    expect(localRow(fileB, shared.id)).toMatchObject({ jobTitle: "Title from A", version: 2 });

    // The admin keeps B's write.
    expect(await a.resolveConflict(conflict.id, "ours", "admin")).toBe(true);
    const resolved = await pgRow(shared.id);
    expect(resolved).toMatchObject({ jobTitle: "Title from B" });
    expect(resolved!.version).toBeGreaterThan(2);
    expect((await a.listConflicts())!.some((found) => found.id === conflict.id)).toBe(false);
    expect((await a.listConflicts(true))!.find((found) => found.id === conflict.id)).toMatchObject({ resolution: "ours", resolvedBy: "admin" });
    // Resolving twice does nothing.
    expect(await b.resolveConflict(conflict.id, "theirs", "someone-else")).toBe(false);
    expect(await pgRow(shared.id)).toEqual(resolved);
    // Both copies converge on the resolution.
    await mirrored([shared.id]);
    expect(localRow(fileA, shared.id)).toMatchObject({ jobTitle: "Title from B", version: resolved!.version });
  });

  it("a conflict resolved as theirs leaves PostgreSQL's version in place", async () => {
    dumpOnFailure(() => [a, b]);
    const shared = await a.db.employee.create({ data: employee(`${tag}-theirs`) });
    await mirrored([shared.id]);

    await bothDownThenAFirst(async () => {
      await a.db.employee.update({ where: { id: shared.id }, data: { jobTitle: "A wins" } });
      await b.db.employee.update({ where: { id: shared.id }, data: { jobTitle: "B loses" } });
    });
    const winner = await pgRow(shared.id);
    expect(winner).toMatchObject({ jobTitle: "A wins", version: 2 });
    const [conflict] = (await b.listConflicts())!.filter((found) => found.rowId === shared.id);
    expect(conflict).toMatchObject({ kind: "version", ours: { jobTitle: "B loses" }, theirs: { jobTitle: "A wins" } });

    expect(await b.resolveConflict(conflict.id, "theirs", "admin")).toBe(true);
    expect(await pgRow(shared.id)).toEqual(winner);
    expect((await b.listConflicts(true))!.find((found) => found.id === conflict.id)).toMatchObject({ resolution: "theirs", resolvedBy: "admin" });
    await mirrored([shared.id]);
    expect(localRow(fileB, shared.id)).toMatchObject({ jobTitle: "A wins", version: 2 });
  });

  it("an update against a row the other instance deleted meanwhile is a conflict, not a resurrection", async () => {
    dumpOnFailure(() => [a, b]);
    const shared = await a.db.employee.create({ data: employee(`${tag}-deleted`) });
    await mirrored([shared.id]);
    await bothDownThenAFirst(async () => {
      await a.db.employee.delete({ where: { id: shared.id } });
      await b.db.employee.update({ where: { id: shared.id }, data: { jobTitle: "Edited after delete" } });
    });
    expect(await pgRow(shared.id)).toBeUndefined();
    const [conflict] = (await b.listConflicts())!.filter((found) => found.rowId === shared.id);
    expect(conflict).toMatchObject({ kind: "deleted", ours: { jobTitle: "Edited after delete" }, theirs: null });
    expect(localRow(fileB, shared.id)).toBeUndefined();
  });
});

describe("an outage-made insert that PostgreSQL refuses", () => {
  it("is dead-lettered as rejected and the queue behind it still drains", async () => {
    dumpOnFailure(() => [a, b]);
    // Only B is cut off; A keeps writing to PostgreSQL.
    await outage(proxyB, b);
    let queued!: Row;
    let after!: Row;
    let winner!: Row;
    try {
      queued = await b.db.employee.create({ data: employee(`${tag}-dup`, { workEmail: `${tag}-dup-b@example.com` }) });
      after = await b.db.employee.create({ data: employee(`${tag}-after-dup`) });
      expect(b.status().queue).toBe(2);
      // Meanwhile A creates the same employee number on PostgreSQL.
      winner = await a.db.employee.create({ data: employee(`${tag}-dup`, { workEmail: `${tag}-dup-a@example.com` }) });
    } finally {
      await recover(proxyB, b);
    }

    const rows = await pgQuery<Row & { workEmail: string }>(rig.cluster.url, `SELECT id, "workEmail" FROM "Employee" WHERE "employeeNumber" = $1`, [
      `${tag}-dup`,
    ]);
    expect(rows).toEqual([{ id: winner.id, workEmail: `${tag}-dup-a@example.com` }]);
    expect(await pgRow(after.id)).toMatchObject({ employeeNumber: `${tag}-after-dup` });

    const [rejected] = (await b.listConflicts())!.filter((found) => found.rowId === queued.id);
    expect(rejected).toMatchObject({ kind: "rejected", table: "Employee", theirs: null, source: `${tag}-b` });
    expect(rejected.ours).toMatchObject({ employeeNumber: `${tag}-dup`, workEmail: `${tag}-dup-b@example.com` });
    expect(rejected.message).toMatch(/unique|duplicate/i);
    // B's copy drops its refused row and, with the mirror, gets A's.
    await waitFor(() => !localRow(fileB, queued.id) && localRow(fileB, winner.id), { layer: b, what: "B's copy to follow PostgreSQL" });

    // Resolving it as "theirs" closes it without touching PostgreSQL.
    expect(await b.resolveConflict(rejected.id, "theirs", "admin")).toBe(true);
    expect(await pgQuery(rig.cluster.url, `SELECT id FROM "Employee" WHERE "employeeNumber" = $1`, [`${tag}-dup`])).toEqual([{ id: winner.id }]);
  });
});
