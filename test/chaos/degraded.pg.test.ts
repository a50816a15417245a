// G7 (chaos, real PostgreSQL + fault proxy): when neither database can serve, requests fail
// cleanly with DatabaseUnavailableError, status says "down", nothing escapes to the process, and
// the layer gets back to PostgreSQL on its own once PostgreSQL returns.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { DatabaseUnavailableError } from "@/lib/db/errors";
import { startDataLayer, waitFor } from "@/test/failover/support";
import { dumpOnFailure, employee, escapeWatch, modeRecorder, pgQuery, runTag, startChaosRig } from "./chaos-support";

vi.mock("@/lib/log", () => import("./log-capture"));

const chaos = startChaosRig();

// A path whose parent is a regular file: nobody, root included, can create or open it.
function unopenableSqlitePath(): string {
  const dir = mkdtempSync(join(tmpdir(), "hrms-degraded-"));
  const blocker = join(dir, "not-a-directory");
  writeFileSync(blocker, "this is a file, not a directory\n");
  return join(blocker, "hrms.db");
}

describe("both databases unusable", () => {
  it("rejects reads and writes with DatabaseUnavailableError, reports down, and recovers by itself when PostgreSQL returns", async () => {
    const watch = escapeWatch();
    const modes = modeRecorder();
    await chaos.rig.proxy.setMode("refuse");
    const layer = startDataLayer(chaos.rig.url, unopenableSqlitePath(), { onModeChange: modes.onModeChange });
    chaos.layers.push(layer);
    dumpOnFailure(() => chaos.layers);
    try {
      await layer.start();
      expect(layer.status().mode).toBe("down");
      expect(layer.status().active).toBeNull();

      const tag = runTag("down");
      await expect(layer.db.employee.findMany({ take: 1 })).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(layer.db.employee.count()).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(layer.db.employee.create({ data: employee(`${tag}-1`) })).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(layer.withTransaction((tx) => tx.employee.create({ data: employee(`${tag}-2`) }))).rejects.toBeInstanceOf(DatabaseUnavailableError);
      // The error is the boundary's 503, with its stable code.
      const error = await layer.db.employee.findFirst().catch((caught: unknown) => caught);
      expect((error as DatabaseUnavailableError).code).toBe("database_unavailable");

      // Let several background probes fail while down: still down, nothing thrown anywhere.
      const probesBefore = layer.status().probes.length;
      await waitFor(() => layer.status().probes.length >= probesBefore + 3, { timeoutMs: 10_000, what: "failed probes while down" });
      expect(
        layer
          .status()
          .probes.slice(0, 3)
          .every((probe) => !probe.ok),
      ).toBe(true);
      expect(layer.status().mode).toBe("down");
      await expect(layer.db.employee.findMany({ take: 1 })).rejects.toBeInstanceOf(DatabaseUnavailableError);

      // PostgreSQL comes back: no tick() driving from the test, the layer's own timer must do it.
      await chaos.rig.proxy.setMode("pass");
      await waitFor(() => layer.status().mode === "primary", { timeoutMs: 15_000, what: "recovery to primary without SQLite" });
      expect(layer.status().active).toBe("postgres");
      expect(modes.transitions.at(-1)?.mode).toBe("primary");

      const created = await layer.db.employee.create({ data: employee(`${tag}-3`) });
      expect(await layer.db.employee.findUnique({ where: { id: created.id } })).toMatchObject({ employeeNumber: `${tag}-3` });
      const rows = await pgQuery<{ employeeNumber: string }>(chaos.rig.cluster.url, `SELECT "employeeNumber" FROM "Employee" WHERE "employeeNumber" LIKE $1`, [
        `${tag}-%`,
      ]);
      // Only the write made after recovery exists: the rejected ones never landed anywhere.
      expect(rows.map((row) => row.employeeNumber)).toEqual([`${tag}-3`]);

      // And if PostgreSQL goes away again, it is "down" again, not a crash.
      await chaos.rig.proxy.setMode("refuse");
      await expect(layer.db.employee.findMany({ take: 1 })).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(layer.status().mode).toBe("down");
      await chaos.rig.proxy.setMode("pass");
      await waitFor(() => layer.status().mode === "primary", { timeoutMs: 15_000, what: "second recovery to primary" });
      expect(watch.escaped).toEqual([]);
    } finally {
      watch.stop();
      await chaos.rig.proxy.setMode("pass");
    }
  });
});
