// G1/G2 liveness (chaos, real PostgreSQL behind a fault proxy): recovery must finish while the app
// keeps writing. After an outage the layer replays the queue and switches back only once the queue
// is empty; writes made meanwhile still go to SQLite and join the queue. A client that writes one
// record after another (a CSV import, say) writes faster to SQLite than the replay drains the
// queue, so without a bound on the hand-over the layer stays off PostgreSQL for as long as the
// import runs, although PostgreSQL is back (and other instances, reading PostgreSQL, do not see
// those writes meanwhile).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { newSqliteFile, startDataLayer, startOnPrimary, startRig, waitFor, type Rig } from "@/test/failover/support";
import { dumpOnFailure, employee, modeRecorder, pause, pgQuery, runTag } from "./chaos-support";

vi.mock("@/lib/log", () => import("./log-capture"));

const WRITERS = 2; // sequential importers: each writes the next record as soon as the last is acknowledged
const RECOVERY_BOUND_MS = 15_000;

let rig: Rig;
let layer: DataLayer;
const modes = modeRecorder();

beforeAll(async () => {
  rig = await startRig();
  layer = startDataLayer(rig.url, await newSqliteFile("load"), { onModeChange: modes.onModeChange });
  await startOnPrimary(layer);
});

afterAll(async () => {
  await layer?.close();
  await rig?.destroy();
});

// Writers creating employees one after another until stopped.
function startWriters(tag: string) {
  const acknowledged: string[] = [];
  const failed: string[] = [];
  let isRunning = true;
  const loops = Array.from({ length: WRITERS }, async (_, writer) => {
    for (let i = 0; i < 5_000 && isRunning; i += 1) {
      const number = `${tag}-w${writer}-${i}`;
      try {
        await layer.db.employee.create({ data: employee(number) });
        acknowledged.push(number);
      } catch (error) {
        failed.push(`${number}: ${String(error)}`);
      }
    }
  });
  return {
    acknowledged,
    failed,
    async stop() {
      isRunning = false;
      await Promise.all(loops);
    },
  };
}

describe("recovery under a steady write load", () => {
  it("gets back to PostgreSQL while the writes go on", { timeout: 60_000 }, async () => {
    dumpOnFailure(() => [layer]);
    const tag = runTag("load");

    // The importers on a healthy PostgreSQL, for comparison.
    const baseline = startWriters(`${tag}-pg`);
    await pause(2_000);
    await baseline.stop();
    const primaryRate = baseline.acknowledged.length / 2;
    expect(baseline.failed).toEqual([]);
    expect(layer.status().mode).toBe("primary");

    // The same importers through an outage and past it.
    await rig.proxy.setMode("refuse");
    const load = startWriters(`${tag}-out`);
    const loadStartedAt = Date.now();
    await waitFor(() => layer.status().mode === "fallback" && layer.status().queue > 100, { timeoutMs: 10_000, what: "a queue built up in fallback" });
    await rig.proxy.setMode("pass");
    const backAt = Date.now();
    let reachedPrimaryAt: number | null = null;
    try {
      await waitFor(() => layer.status().mode === "primary", { timeoutMs: RECOVERY_BOUND_MS, what: "primary while writing" });
      reachedPrimaryAt = Date.now();
    } catch {
      // reported below, with the numbers
    }
    const queueAtEnd = layer.status().queue;
    const outageRate = load.acknowledged.length / ((Date.now() - loadStartedAt) / 1_000);
    const modeAtEnd = layer.status().mode;
    await load.stop();
    const [{ n: replayed }] = await pgQuery<{ n: number }>(rig.cluster.url, `SELECT count(*)::int AS n FROM "Employee" WHERE "employeeNumber" LIKE $1`, [
      `${tag}-out-%`,
    ]);
    console.log(
      `[load] ${WRITERS} sequential importers: ${primaryRate.toFixed(0)} writes/s on PostgreSQL, ${outageRate.toFixed(0)} writes/s during the outage and recovery; after PostgreSQL returned: ` +
        (reachedPrimaryAt
          ? `primary after ${reachedPrimaryAt - backAt} ms`
          : `still ${modeAtEnd} after ${RECOVERY_BOUND_MS} ms with ${queueAtEnd} queued, ${replayed} replayed`),
    );
    expect(load.failed).toEqual([]);

    // Once the writers stop it does catch up, and nothing is lost either way.
    await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, {
      layer,
      timeoutMs: 30_000,
      what: "recovery once the writes stopped",
    });
    const rows = await pgQuery<{ employeeNumber: string }>(rig.cluster.url, `SELECT "employeeNumber" FROM "Employee" WHERE "employeeNumber" LIKE $1`, [
      `${tag}-%`,
    ]);
    const inPostgres = new Set(rows.map((row) => row.employeeNumber));
    expect([...baseline.acknowledged, ...load.acknowledged].filter((number) => !inPostgres.has(number))).toEqual([]);

    // The point of the test: PostgreSQL came back and the layer returned to it while the import
    // went on, instead of queueing into SQLite for as long as the writes keep coming.
    expect(reachedPrimaryAt, `still ${modeAtEnd} ${RECOVERY_BOUND_MS} ms after PostgreSQL returned, ${queueAtEnd} writes queued`).not.toBeNull();
  });
});
