// G3 (chaos, real PostgreSQL behind a fault proxy): a PostgreSQL that accepts connections but never
// answers ("blackhole") must not hang requests. The first read pays at most a timeout and is then
// served from SQLite; once the breaker is open, reads do not touch PostgreSQL at all (only the
// background probes do), and the layer recovers when the network heals.
import { describe, expect, it, vi } from "vitest";
import { newSqliteFile, startDataLayer, startOnPrimary, waitFor } from "@/test/failover/support";
import { dumpOnFailure, employee, pause, pgQuery, runTag, sqliteQuery, startChaosRig } from "./chaos-support";

vi.mock("@/lib/log", () => import("./log-capture"));

const CONNECT_TIMEOUT_MS = 500;
const STATEMENT_TIMEOUT_MS = 1_000;
// Behaviour bound, not a benchmark: one connect or statement timeout plus generous slack.
const FIRST_READ_BOUND_MS = STATEMENT_TIMEOUT_MS + CONNECT_TIMEOUT_MS + 2_000;

const chaos = startChaosRig();

function open(sqlitePath: string) {
  const layer = startDataLayer(chaos.rig.url, sqlitePath, { connectTimeoutMs: CONNECT_TIMEOUT_MS, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  chaos.layers.push(layer);
  return layer;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const startedAt = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - startedAt) };
}

describe("PostgreSQL blackholed", () => {
  it("serves the first read from SQLite within a timeout, then reads without touching PostgreSQL", async () => {
    const layer = open(await newSqliteFile("blackhole"));
    dumpOnFailure(() => chaos.layers);
    await startOnPrimary(layer);
    const tag = runTag("bh");
    const row = await layer.db.employee.create({ data: employee(`${tag}-1`) });
    // The mirror has the row before the network goes dark.
    await waitFor(async () => (await layer.pollMirror(), layer.status().replicaLagMs !== null) && layer.status().mode === "primary", { layer, what: "mirror" });

    await chaos.rig.proxy.setMode("blackhole");
    try {
      const first = await timed(() => layer.db.employee.findUnique({ where: { id: row.id } }));
      expect(first.value?.employeeNumber).toBe(`${tag}-1`);
      expect(first.ms).toBeLessThan(FIRST_READ_BOUND_MS);
      expect(layer.status().mode).toBe("fallback");

      // The background probes start once the mirror poll that was caught by the blackhole times out
      // (the replication pool's query timeout); measure from there so the window contains probes.
      const probing = await timed(() => waitFor(() => layer.status().probes.length > 0, { timeoutMs: 15_000, what: "the first probe" }));
      console.log(`[blackhole] first probe recorded ${probing.ms} ms after the first read`);

      // Breaker open: 20 reads, counting connections the proxy accepts meanwhile. Only probes (one
      // fresh connection each) may reach PostgreSQL; a probe in flight at either end adds one.
      const acceptedBefore = chaos.rig.proxy.stats.accepted;
      const probesBefore = layer.status().probes.length;
      const durations: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const read = await timed(() => layer.db.employee.findMany({ where: { employeeNumber: { startsWith: tag } } }));
        expect(read.value.map((found) => found.id)).toEqual([row.id]);
        durations.push(read.ms);
        // Spread over ~1 s so that background probes do happen in the window being measured.
        await pause(50);
      }
      const accepted = chaos.rig.proxy.stats.accepted - acceptedBefore;
      const probes = layer.status().probes.length - probesBefore;
      const sorted = [...durations].sort((a, b) => a - b);
      console.log(
        `[blackhole] first read ${first.ms} ms; 20 reads after the breaker opened: median ${sorted[10]} ms, max ${sorted[19]} ms; ` +
          `proxy accepted ${accepted} connections, ${probes} probes recorded`,
      );
      expect(probes).toBeGreaterThan(0); // the window did contain probes, so the bound below means something
      expect(accepted).toBeLessThanOrEqual(probes + 1);
      // None of them waited for a PostgreSQL timeout.
      expect(Math.max(...durations)).toBeLessThan(CONNECT_TIMEOUT_MS);
      expect(layer.status().mode).toBe("fallback");

      // Writes go to SQLite meanwhile, without waiting for PostgreSQL either.
      const write = await timed(() => layer.db.employee.create({ data: employee(`${tag}-2`) }));
      expect(write.ms).toBeLessThan(CONNECT_TIMEOUT_MS);
      expect(layer.status().queue).toBe(1);
      // Probes fail on the connect timeout while blackholed, so the layer stays in fallback.
      await waitFor(() => layer.status().probes.length >= probesBefore + probes + 2, { timeoutMs: 10_000, what: "failing probes" });
      expect(layer.status().probes[0].ok).toBe(false);
      expect(layer.status().probes[0].ms).toBeLessThan(CONNECT_TIMEOUT_MS * 4);
      expect(layer.status().mode).toBe("fallback");
    } finally {
      await chaos.rig.proxy.setMode("pass");
    }

    await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, { layer, timeoutMs: 20_000, what: "recovery" });
    const rows = await pgQuery<{ employeeNumber: string }>(
      chaos.rig.cluster.url,
      `SELECT "employeeNumber" FROM "Employee" WHERE "employeeNumber" LIKE $1 ORDER BY 1`,
      [`${tag}-%`],
    );
    expect(rows.map((found) => found.employeeNumber)).toEqual([`${tag}-1`, `${tag}-2`]);
  });

  it("starts within a connect timeout when PostgreSQL is blackholed from the beginning", async () => {
    // A fresh SQLite file has no copy of PostgreSQL yet: the point here is that start() and the
    // first requests do not hang, and that the copy the start could not take is taken later.
    const file = await newSqliteFile("blackhole-start");
    const layer = open(file);
    await chaos.rig.proxy.setMode("blackhole");
    try {
      const started = await timed(() => layer.start());
      expect(started.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 2_000);
      expect(layer.status().mode).toBe("fallback");
      const read = await timed(() => layer.db.employee.count());
      expect(read.ms).toBeLessThan(CONNECT_TIMEOUT_MS);
      const tag = runTag("bhs");
      await layer.db.employee.create({ data: employee(`${tag}-1`) });
      expect(layer.status().queue).toBe(1);
    } finally {
      await chaos.rig.proxy.setMode("pass");
    }
    await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, { layer, timeoutMs: 20_000, what: "recovery" });
    // The start's snapshot never happened: it is taken once PostgreSQL serves (not at the next
    // restart), so the copy holds everything PostgreSQL does.
    await waitFor(() => layer.status().lastMirrorAt !== null, { layer, timeoutMs: 20_000, what: "the copy's first snapshot" });
    const [{ n }] = await pgQuery<{ n: number }>(chaos.rig.cluster.url, `SELECT count(*)::int AS n FROM "Employee"`);
    expect(n).toBeGreaterThan(1);
    expect(sqliteQuery<{ n: number }>(file, `SELECT count(*) AS n FROM "Employee"`)).toEqual([{ n }]);
  });
});
