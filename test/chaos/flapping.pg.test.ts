// G4 (chaos, real PostgreSQL behind a fault proxy): a network that keeps flapping (up 300 ms, down
// 300 ms) must not drag the app back and forth between PostgreSQL and SQLite. While it flaps, the
// layer switches back to PostgreSQL at most once (the first recovery; every later one needs a
// longer healthy streak than an up phase lasts); once the network stays up it returns to
// PostgreSQL with an empty queue and every write acknowledged during the flapping in PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { newSqliteFile, startDataLayer, startRig, waitFor, type Rig } from "@/test/failover/support";
import { dumpOnFailure, employee, modeRecorder, pause, pgQuery, runTag } from "./chaos-support";

vi.mock("@/lib/log", () => import("./log-capture"));

const UP_MS = 300;
const DOWN_MS = 300;
const CYCLES = 10;

let rig: Rig;
let layer: DataLayer;
const modes = modeRecorder();

beforeAll(async () => {
  rig = await startRig();
  layer = startDataLayer(rig.url, await newSqliteFile("flapping"), { onModeChange: modes.onModeChange });
  await layer.start();
});

afterAll(async () => {
  await layer?.close();
  await rig?.destroy();
});

describe("a flapping network", () => {
  it("does not flap back to PostgreSQL while flapping, and recovers with every acknowledged write once stable", async () => {
    dumpOnFailure(() => [layer]);
    const tag = runTag("flap");
    expect(layer.status().mode).toBe("primary");

    const acknowledged: string[] = [];
    const failed: { number: string; error: string }[] = [];
    let readFailures = 0;
    let reads = 0;
    let isFlapping = true;
    const flapStartedAt = Date.now();
    const flapping = rig.proxy.flap({ upMs: UP_MS, downMs: DOWN_MS, cycles: CYCLES, downMode: "refuse" }).finally(() => {
      isFlapping = false;
    });

    // One writer and one reader run throughout, paced, bounded.
    const writer = (async () => {
      for (let i = 0; i < 400 && isFlapping; i += 1) {
        const number = `${tag}-${i}`;
        try {
          await layer.db.employee.create({ data: employee(number) });
          acknowledged.push(number);
        } catch (error) {
          failed.push({ number, error: String(error) });
        }
        await pause(40);
      }
    })();
    const reader = (async () => {
      for (let i = 0; i < 1_000 && isFlapping; i += 1) {
        reads += 1;
        await layer.db.employee.count({ where: { employeeNumber: { startsWith: tag } } }).catch(() => (readFailures += 1));
        await pause(25);
      }
    })();

    const result = await flapping;
    const flapEndedAt = Date.now();
    await Promise.all([writer, reader]);
    expect(result).toEqual({ cycles: CYCLES, cancelled: false });

    const switchesToPrimary = modes.count("primary", flapStartedAt, flapEndedAt);
    const summary = modes.transitions
      .filter((entry) => entry.at >= flapStartedAt)
      .map((entry) => `${entry.mode}@${entry.at - flapStartedAt}`)
      .join(" ");
    console.log(`[flapping] ${CYCLES}x(${DOWN_MS} ms down/${UP_MS} ms up): ${switchesToPrimary} switch(es) to primary while flapping; transitions: ${summary}`);
    console.log(`[flapping] writes acknowledged ${acknowledged.length}, failed ${failed.length}; reads ${reads}, failed ${readFailures}`);

    // It did notice the outage, and did not follow the network up and down.
    expect(modes.count("fallback", flapStartedAt, flapEndedAt)).toBeGreaterThanOrEqual(1);
    expect(switchesToPrimary).toBeLessThanOrEqual(1);
    // SQLite was there the whole time: nothing failed.
    expect(failed).toEqual([]);
    expect(readFailures).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(20);

    // The network stays up now: back to PostgreSQL, queue replayed, every acknowledged write there.
    await waitFor(() => layer.status().mode === "primary" && layer.status().queue === 0, { layer, timeoutMs: 20_000, what: "recovery after the flapping" });
    const rows = await pgQuery<{ employeeNumber: string }>(rig.cluster.url, `SELECT "employeeNumber" FROM "Employee" WHERE "employeeNumber" LIKE $1`, [`${tag}-%`]);
    const inPostgres = new Set(rows.map((row) => row.employeeNumber));
    expect(acknowledged.filter((number) => !inPostgres.has(number))).toEqual([]);
    expect(rows.length).toBe(acknowledged.length);
  });
});
