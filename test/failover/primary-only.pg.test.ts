// Integration (real PostgreSQL behind a fault proxy, real SQLite): an operation that must be decided
// by the primary runs on PostgreSQL, is refused while the app serves from its SQLite copy (nothing
// queued), and runs on SQLite when SQLite is the only database.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { PrimaryRequiredError } from "@/lib/db/errors";
import { startRigAndLayer } from "./layer-fixture";
import { employeeData, newSqliteFile, startDataLayer, waitFor } from "./support";

const fixture = startRigAndLayer();

async function pgJobTitle(id: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: fixture.rig.cluster.url });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT "jobTitle" FROM "Employee" WHERE id = $1`, [id]);
    return rows[0]?.jobTitle ?? null;
  } finally {
    await client.end();
  }
}

describe("operations that need the primary", () => {
  it("run on PostgreSQL, are refused in fallback without queueing, and run again after recovery", async () => {
    const person = await fixture.layer.db.employee.create({ data: employeeData("Primary") });
    const first = await fixture.layer.primaryTransaction(async (tx) => tx.employee.update({ where: { id: person.id }, data: { jobTitle: "Approved once" } }));
    expect(first.jobTitle).toBe("Approved once");
    expect(await pgJobTitle(person.id)).toBe("Approved once");
    // The write-through copies it to SQLite like any other write.
    await fixture.layer.db.employee.findMany({ take: 1 });

    await fixture.rig.proxy.setMode("refuse");
    await fixture.layer.db.employee.findUnique({ where: { id: person.id } });
    expect(fixture.layer.status().mode).toBe("fallback");
    await expect(
      fixture.layer.primaryTransaction(async (tx) => tx.employee.update({ where: { id: person.id }, data: { jobTitle: "In fallback" } })),
    ).rejects.toBeInstanceOf(PrimaryRequiredError);
    expect(fixture.layer.status().queue).toBe(0);
    expect((await fixture.layer.db.employee.findUnique({ where: { id: person.id } }))?.jobTitle).toBe("Approved once");

    await fixture.rig.proxy.setMode("pass");
    await waitFor(() => fixture.layer.status().mode === "primary", { layer: fixture.layer, what: "recovery" });
    await fixture.layer.primaryTransaction(async (tx) => tx.employee.update({ where: { id: person.id }, data: { jobTitle: "Approved twice" } }));
    expect(await pgJobTitle(person.id)).toBe("Approved twice");
  });

  it("is refused, not queued, when PostgreSQL stops answering mid-way", async () => {
    const person = await fixture.layer.db.employee.create({ data: employeeData("Midway") });
    await expect(
      fixture.layer.primaryTransaction(async (tx) => {
        await fixture.rig.proxy.setMode("reset");
        return tx.employee.update({ where: { id: person.id }, data: { jobTitle: "Lost" } });
      }),
    ).rejects.toBeInstanceOf(PrimaryRequiredError);
    expect(fixture.layer.status().queue).toBe(0);
    await fixture.rig.proxy.setMode("pass");
    await waitFor(() => fixture.layer.status().mode === "primary", { layer: fixture.layer, what: "recovery" });
    expect(await pgJobTitle(person.id)).not.toBe("Lost");
  });

  it("runs on SQLite when SQLite is the only database", async () => {
    const alone = startDataLayer(undefined as unknown as string, await newSqliteFile("alone"));
    try {
      await alone.start();
      const person = await alone.db.employee.create({ data: employeeData("Alone") });
      const updated = await alone.primaryTransaction(async (tx) => tx.employee.update({ where: { id: person.id }, data: { jobTitle: "Decided" } }));
      expect(updated.jobTitle).toBe("Decided");
    } finally {
      await alone.close();
    }
  });
});

describe("a write acknowledged while the copy is being rebuilt", () => {
  it("is in the copy when PostgreSQL fails right after", async () => {
    // Enough rows that the rebuild of a new copy is still streaming when the write lands.
    const client = new pg.Client({ connectionString: fixture.rig.cluster.url });
    client.on("error", () => {});
    await client.connect();
    await client.query(
      `INSERT INTO "AuditLog" (id, action, entity, "entityId", changes, "updatedAt")
       SELECT gen_random_uuid()::text, 'update', 'Bulk', g::text, '{}', now() FROM generate_series(1, 60000) g`,
    );
    await client.end();

    // The write must land while the rebuild streams, so the start may not spend its time on a check
    // that timed out on a loaded machine (the shared 500 ms connect timeout can).
    const fresh = startDataLayer(fixture.rig.url, await newSqliteFile("rebuild"), { connectTimeoutMs: 5_000 });
    try {
      await fresh.start();
      const person = await fresh.db.employee.create({ data: employeeData("DuringRebuild") });
      const isRebuildStillRunning = fresh.status().lastMirrorAt === null;
      await fixture.rig.proxy.setMode("refuse");
      const read = await waitFor(
        async () => (fresh.status().mode === "fallback" ? fresh.db.employee.findUnique({ where: { id: person.id } }) : (await fresh.probeNow(), false)),
        {
          layer: fresh,
          what: "fallback",
        },
      ).catch(() => null);
      expect(isRebuildStillRunning).toBe(true);
      expect(read?.firstName).toBe("DuringRebuild");
    } finally {
      await fixture.rig.proxy.setMode("pass");
      await fresh.close();
    }
  });
});
