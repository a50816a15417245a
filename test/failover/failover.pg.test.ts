// Integration (real PostgreSQL behind a fault proxy, real SQLite): a refused PostgreSQL is
// detected, reads and writes carry on from SQLite, and the queue is replayed on recovery.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { employeeData, newSqliteFile, startDataLayer, startRig, waitFor, type Rig } from "./support";

let rig: Rig;
let layer: DataLayer;

beforeAll(async () => {
  rig = await startRig();
  layer = startDataLayer(rig.url, await newSqliteFile());
  await layer.start();
});

afterAll(async () => {
  await layer?.close();
  await rig?.destroy();
});

async function pgCount(where: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: rig.cluster.url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Employee" WHERE ${where}`, params);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

describe("failover on a refused PostgreSQL", () => {
  it("serves reads and takes writes from SQLite, then replays them and switches back", async () => {
    const before = await layer.db.employee.create({ data: employeeData("Before") });
    expect(layer.status().mode).toBe("primary");
    await waitFor(() => layer.status().lastMirrorAt !== null && layer.status().replicaLagMs !== null, { layer, what: "the mirror" });
    // The mirror brings the row into SQLite.
    await waitFor(async () => {
      await layer.pollMirror();
      return layer.status().replicaLagMs !== null;
    });

    await rig.proxy.setMode("refuse");
    const read = await layer.db.employee.findUnique({ where: { id: before.id } });
    expect(read?.firstName).toBe("Before");
    expect(layer.status().mode).toBe("fallback");

    const during = await layer.db.employee.create({ data: employeeData("During") });
    await layer.db.employee.update({ where: { id: before.id }, data: { jobTitle: "Staff Engineer" } });
    expect(layer.status().queue).toBe(2);
    expect(await layer.db.employee.count({ where: { firstName: { in: ["Before", "During"] } } })).toBe(2);

    await rig.proxy.setMode("pass");
    await waitFor(() => layer.status().mode === "primary", { layer, what: "recovery" });
    expect(layer.status().queue).toBe(0);
    expect(await pgCount("id = $1", [during.id])).toBe(1);
    expect(await pgCount(`id = $1 AND "jobTitle" = 'Staff Engineer' AND version = 2`, [before.id])).toBe(1);
  });
});
