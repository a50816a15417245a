// G5 (chaos, real PostgreSQL behind a fault proxy, real SQLite files): writes queued while
// PostgreSQL was down survive a process restart and are replayed before PostgreSQL serves again;
// a brand-new SQLite file is filled with a snapshot of PostgreSQL and then follows its changes,
// deletes included.
import { describe, expect, it, vi } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { newSqliteFile, startDataLayer, startOnPrimary, waitFor } from "@/test/failover/support";
import { dumpOnFailure, employee, modeRecorder, pgQuery, runTag, sqliteQuery, startChaosRig } from "./chaos-support";

vi.mock("@/lib/log", () => import("./log-capture"));

const chaos = startChaosRig();

type Row = { id: string; employeeNumber: string; jobTitle: string; version: number };

async function pgRows(prefix: string): Promise<Row[]> {
  return pgQuery<Row>(chaos.rig.cluster.url, `SELECT id, "employeeNumber", "jobTitle", version FROM "Employee" WHERE "employeeNumber" LIKE $1 ORDER BY id`, [
    `${prefix}%`,
  ]);
}

function sqliteRows(file: string, prefix: string): Row[] {
  return sqliteQuery<Row>(file, `SELECT id, "employeeNumber", "jobTitle", version FROM "Employee" WHERE "employeeNumber" LIKE ? ORDER BY id`, [`${prefix}%`]);
}

describe("process restart", () => {
  it("replays writes queued before a restart, before PostgreSQL serves; a new SQLite file gets a snapshot and follows deletes", async () => {
    dumpOnFailure(() => chaos.layers);
    const tag = runTag("rs");
    const file = await newSqliteFile("restart");
    const first = startDataLayer(chaos.rig.url, file);
    chaos.layers.push(first);
    await startOnPrimary(first);
    const kept = await first.db.employee.create({ data: employee(`${tag}-kept`) });
    const doomed = await first.db.employee.create({ data: employee(`${tag}-doomed`) });
    await waitFor(() => sqliteRows(file, tag).length === 2, { layer: first, what: "the mirror to copy the rows" });

    // PostgreSQL goes away; writes are queued in SQLite; the process "exits" while still down.
    await chaos.rig.proxy.setMode("refuse");
    await first.db.employee.findMany({ take: 1 });
    expect(first.status().mode).toBe("fallback");
    const queuedCreate = await first.db.employee.create({ data: employee(`${tag}-queued`) });
    await first.db.employee.update({ where: { id: kept.id }, data: { jobTitle: "Queued Title" } });
    await first.withTransaction(async (tx) => {
      await tx.employee.create({ data: employee(`${tag}-tx-a`) });
      await tx.employee.create({ data: employee(`${tag}-tx-b`) });
    });
    await first.db.employee.delete({ where: { id: doomed.id } });
    expect(first.status().queue).toBe(4);
    await first.close();
    // Nothing reached PostgreSQL.
    expect((await pgRows(tag)).map((row) => row.employeeNumber).sort()).toEqual([`${tag}-doomed`, `${tag}-kept`]);

    // PostgreSQL is back when the new process starts on the same SQLite file.
    await chaos.rig.proxy.setMode("pass");
    const queueWhenPrimary: number[] = [];
    const modes = modeRecorder();
    const second: DataLayer = startDataLayer(chaos.rig.url, file, {
      instanceId: `${tag}-second`,
      onModeChange: (mode) => {
        modes.onModeChange(mode);
        if (mode === "primary") queueWhenPrimary.push(second.status().queue);
      },
    });
    chaos.layers.push(second);
    await second.start();
    // It must not serve PostgreSQL while the restart's queue is unreplayed.
    expect(second.status().mode).not.toBe("primary");
    expect(second.status().queue).toBe(4);
    // Meanwhile reads come from SQLite and include the queued writes.
    expect((await second.db.employee.findUnique({ where: { id: queuedCreate.id } }))?.employeeNumber).toBe(`${tag}-queued`);
    expect((await second.db.employee.findUnique({ where: { id: kept.id } }))?.jobTitle).toBe("Queued Title");

    await waitFor(() => second.status().mode === "primary", { layer: second, timeoutMs: 20_000, what: "replay and switch back" });
    expect(queueWhenPrimary.length).toBeGreaterThan(0);
    expect(queueWhenPrimary.every((depth) => depth === 0)).toBe(true);
    expect(modes.transitions.map((entry) => entry.mode)).toEqual(["fallback", "recovering", "primary"]);
    const after = await pgRows(tag);
    expect(after.map((row) => row.employeeNumber).sort()).toEqual([`${tag}-kept`, `${tag}-queued`, `${tag}-tx-a`, `${tag}-tx-b`].sort());
    expect(after.find((row) => row.id === kept.id)).toMatchObject({ jobTitle: "Queued Title", version: 2 });
    // All four queued operations were replayed by the restarted process, once each.
    const [applied] = await pgQuery<{ n: number }>(chaos.rig.cluster.url, "SELECT count(*)::int AS n FROM _hrms_applied_ops WHERE source = $1", [
      `${tag}-second`,
    ]);
    expect(applied.n).toBe(4);
    // Served from PostgreSQL now, and it agrees.
    expect((await second.db.employee.findUnique({ where: { id: kept.id } }))?.jobTitle).toBe("Queued Title");

    // A brand-new SQLite file: the start-up snapshot, taken in the background while PostgreSQL
    // serves, copies PostgreSQL's rows.
    const freshFile = await newSqliteFile("restart-fresh");
    const third = startDataLayer(chaos.rig.url, freshFile);
    chaos.layers.push(third);
    await startOnPrimary(third);
    await waitFor(() => third.status().isMirrorTrusted, { layer: third, what: "the start-up snapshot" });
    expect(sqliteRows(freshFile, tag)).toEqual(await pgRows(tag));

    // Changes made directly on PostgreSQL (another app instance, an admin) reach the copy: a
    // delete, an update and an insert.
    const [txA] = after.filter((row) => row.employeeNumber === `${tag}-tx-a`);
    await pgQuery(chaos.rig.cluster.url, `DELETE FROM "Employee" WHERE id = $1`, [txA.id]);
    await pgQuery(chaos.rig.cluster.url, `UPDATE "Employee" SET "jobTitle" = 'Direct', version = version + 1 WHERE id = $1`, [kept.id]);
    await pgQuery(
      chaos.rig.cluster.url,
      `INSERT INTO "Employee" (id, "employeeNumber", "firstName", "lastName", "workEmail", "jobTitle", "hireDate", "updatedAt")
       VALUES ($1, $2, 'Direct', 'Insert', $3, 'Direct', now(), now())`,
      [`${tag}-direct-id`, `${tag}-direct`, `${tag}-direct@example.com`],
    );
    const expected = await pgRows(tag);
    expect(expected.some((row) => row.id === txA.id)).toBe(false);
    await waitFor(() => JSON.stringify(sqliteRows(freshFile, tag)) === JSON.stringify(expected), {
      layer: third,
      timeoutMs: 10_000,
      what: "the mirror to follow PostgreSQL",
    });
    // The other layer's copy (the restarted one) follows too.
    await waitFor(() => JSON.stringify(sqliteRows(file, tag)) === JSON.stringify(expected), {
      layer: second,
      timeoutMs: 10_000,
      what: "the restarted layer's mirror",
    });

    // And in fallback that copy is what the layer serves: the deleted row is gone there too.
    await chaos.rig.proxy.setMode("refuse");
    try {
      const served = await third.db.employee.findMany({ where: { employeeNumber: { startsWith: tag } }, orderBy: { id: "asc" } });
      expect(third.status().mode).toBe("fallback");
      expect(served.map((row) => ({ id: row.id, employeeNumber: row.employeeNumber, jobTitle: row.jobTitle, version: row.version }))).toEqual(expected);
    } finally {
      await chaos.rig.proxy.setMode("pass");
    }
  });
});
