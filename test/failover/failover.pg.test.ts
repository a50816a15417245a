// Integration (real PostgreSQL behind a fault proxy, real SQLite): a refused PostgreSQL is
// detected, reads and writes carry on from SQLite, and the queue is replayed on recovery.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startRigAndLayer } from "./layer-fixture";
import { employeeData, waitFor } from "./support";

const fixture = startRigAndLayer();

async function pgCount(where: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: fixture.rig.cluster.url });
  client.on("error", () => {}); // a lost connection fails the next query instead of throwing
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
    const before = await fixture.layer.db.employee.create({ data: employeeData("Before") });
    expect(fixture.layer.status().mode).toBe("primary");
    await waitFor(() => fixture.layer.status().lastMirrorAt !== null && fixture.layer.status().replicaLagMs !== null, {
      layer: fixture.layer,
      what: "the mirror",
    });
    // The mirror brings the row into SQLite.
    await waitFor(async () => {
      await fixture.layer.pollMirror();
      return fixture.layer.status().replicaLagMs !== null;
    });

    await fixture.rig.proxy.setMode("refuse");
    const read = await fixture.layer.db.employee.findUnique({ where: { id: before.id } });
    expect(read?.firstName).toBe("Before");
    expect(fixture.layer.status().mode).toBe("fallback");

    const during = await fixture.layer.db.employee.create({ data: employeeData("During") });
    await fixture.layer.db.employee.update({ where: { id: before.id }, data: { jobTitle: "Staff Engineer" } });
    expect(fixture.layer.status().queue).toBe(2);
    expect(await fixture.layer.db.employee.count({ where: { firstName: { in: ["Before", "During"] } } })).toBe(2);

    await fixture.rig.proxy.setMode("pass");
    await waitFor(() => fixture.layer.status().mode === "primary", { layer: fixture.layer, what: "recovery" });
    expect(fixture.layer.status().queue).toBe(0);
    expect(await pgCount("id = $1", [during.id])).toBe(1);
    expect(await pgCount(`id = $1 AND "jobTitle" = 'Staff Engineer' AND version = 2`, [before.id])).toBe(1);
  });
});

describe("replaying an update merges it field by field", () => {
  async function direct(sql: string, params: unknown[]) {
    const client = new pg.Client({ connectionString: fixture.rig.cluster.url });
    client.on("error", () => {}); // a lost connection fails the next query instead of throwing
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async function outageWith(change: (id: string) => Promise<void>) {
    const row = await fixture.layer.db.employee.create({ data: employeeData("Merge") });
    await waitFor(async () => (await fixture.layer.pollMirror(), fixture.layer.status().lastMirrorAt !== null));
    await fixture.layer.pollMirror();
    await fixture.rig.proxy.setMode("refuse");
    await fixture.layer.db.employee.findUnique({ where: { id: row.id } });
    expect(fixture.layer.status().mode).toBe("fallback");
    // Another instance (or a person on PostgreSQL directly) edits the row during the outage.
    await direct(`UPDATE "Employee" SET "jobTitle" = 'Director', version = version + 1 WHERE id = $1`, [row.id]);
    await change(row.id);
    await fixture.rig.proxy.setMode("pass");
    await waitFor(() => fixture.layer.status().mode === "primary", { layer: fixture.layer, what: "recovery" });
    return row.id;
  }

  it("keeps both edits when they touched different fields", async () => {
    const conflictsBefore = (await fixture.layer.listConflicts())?.length ?? 0;
    const id = await outageWith(async (rowId) => {
      await fixture.layer.db.employee.update({ where: { id: rowId }, data: { phone: "+44 20 0000 0001" } });
    });
    const [row] = await direct(`SELECT "jobTitle", phone, version FROM "Employee" WHERE id = $1`, [id]);
    expect(row).toEqual({ jobTitle: "Director", phone: "+44 20 0000 0001", version: 3 });
    expect((await fixture.layer.listConflicts())?.length ?? 0).toBe(conflictsBefore);
  });

  it("records a conflict with both versions when they touched the same field", async () => {
    const id = await outageWith(async (rowId) => {
      await fixture.layer.db.employee.update({ where: { id: rowId }, data: { jobTitle: "Principal" } });
    });
    const [row] = await direct(`SELECT "jobTitle" FROM "Employee" WHERE id = $1`, [id]);
    expect(row.jobTitle).toBe("Director");
    const conflict = (await fixture.layer.listConflicts())?.find((candidate) => candidate.rowId === id);
    expect(conflict).toMatchObject({ kind: "version", ours: { jobTitle: "Principal" }, theirs: { jobTitle: "Director" } });
  });
});
