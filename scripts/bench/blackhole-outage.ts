// One outage, measured end to end on a fresh layer with the app's default settings:
//   healthy mix (baseline) -> PostgreSQL blackholed -> first read (detection, bounded by the
//   timeouts) -> reads with the breaker open -> steady read+write mix in fallback -> PostgreSQL
//   back -> time until the layer is primary again (G4), queued writes included.
import type { FaultProxy } from "@/test/helpers/fault-proxy";
import { pick, readById, sleep, transitionTo, type BenchLayer } from "./fixture";
import { runSteadyMix, type MixResult } from "./steady-mix";
import { summarize, type Summary } from "./stats";

export type OutageResult = {
  healthyMix: MixResult;
  firstReadMs: number;
  modeAfterFirstRead: string;
  openBreakerReads: Summary;
  probesDuringOpenReads: number;
  probesDuringOutage: number;
  firstProbeStartedAfterMs: number | null; // from the start of the blackhole
  fallbackMix: MixResult;
  outageMs: number;
  queuedAtReturn: number;
  recoveryMs: number;
  probingMs: number;
  replayMs: number;
  queueAfter: number;
  createdDuringOutage: string[];
  conflicts: number;
  // For each replay conflict: how long before the blackhole this layer had updated that row on
  // PostgreSQL (null when it had not).
  conflictRowsUpdatedBeforeOutageMs: (number | null)[];
};

const OPEN_READS = 300;
const MIX = { ratePerSec: 40, durationMs: 8_000 };

function conflictAges(bench: BenchLayer, healthyMix: MixResult, outageStartedAt: number): (number | null)[] {
  const conflicted = bench.layer.events({ types: ["conflict"], limit: 1_000 }).map((event) => String(event.detail?.rowId));
  return conflicted.map((rowId) => {
    const last = healthyMix.updates.filter((update) => update.id === rowId).at(-1);
    return last ? outageStartedAt - last.at : null;
  });
}

export async function measureBlackholeOutage(
  bench: BenchLayer,
  proxy: FaultProxy,
  ids: string[],
  departmentIds: string[],
  progress: (line: string) => void,
): Promise<OutageResult> {
  const { layer } = bench;
  progress(`  healthy baseline: ${MIX.ratePerSec} req/s for ${(MIX.durationMs / 2000).toFixed(0)} s on PostgreSQL`);
  const healthyMix = await runSteadyMix(layer.db, ids, departmentIds, { ratePerSec: MIX.ratePerSec, durationMs: MIX.durationMs / 2, label: "Healthy" });

  await proxy.setMode("blackhole");
  const outageStartedAt = performance.now();
  const outageStartedWall = Date.now();
  const first = performance.now();
  await readById(layer.db, pick(ids, 1));
  const firstReadMs = performance.now() - first;
  const modeAfterFirstRead = layer.status().mode;
  progress(`  blackholed: first read took ${firstReadMs.toFixed(0)} ms, mode now ${modeAfterFirstRead}`);

  // Spread over a few seconds so that probes (each hanging for the connect timeout) run meanwhile.
  const probesBefore = layer.status().probes.length;
  const open: number[] = [];
  for (let i = 0; i < OPEN_READS; i++) {
    const at = performance.now();
    await readById(layer.db, pick(ids, i * 7 + 3));
    open.push(performance.now() - at);
    await sleep(10);
  }
  const probesDuringOpenReads = layer.status().probes.length - probesBefore;
  progress(`  ${OPEN_READS} reads with the breaker open: p99 ${summarize(open).p99.toFixed(2)} ms (${probesDuringOpenReads} probes ran meanwhile)`);

  progress(`  fallback mix: ${MIX.ratePerSec} req/s for ${MIX.durationMs / 1000} s`);
  const fallbackMix = await runSteadyMix(layer.db, ids, departmentIds, { ...MIX, label: "Outage" });
  const queuedAtReturn = layer.status().queue;
  // Probe records carry their end time and duration.
  const probeStarts = layer
    .status()
    .probes.map((probe) => Date.parse(probe.at) - probe.ms - outageStartedWall)
    .filter((offset) => offset >= 0)
    .sort((a, b) => a - b);

  await proxy.setMode("pass");
  const back = performance.now();
  const outageMs = back - outageStartedAt;
  progress(
    `  PostgreSQL back after ${(outageMs / 1000).toFixed(1)} s of outage with ${queuedAtReturn} queued writes; waiting for primary (background work only)`,
  );
  const recoveringAt = await transitionTo(bench, "recovering", back, 60_000);
  const primaryAt = await transitionTo(bench, "primary", recoveringAt, 60_000);
  return {
    healthyMix,
    firstReadMs,
    modeAfterFirstRead,
    openBreakerReads: summarize(open),
    probesDuringOpenReads,
    fallbackMix,
    outageMs,
    queuedAtReturn,
    recoveryMs: primaryAt - back,
    probingMs: recoveringAt - back,
    replayMs: primaryAt - recoveringAt,
    queueAfter: layer.status().queue,
    createdDuringOutage: fallbackMix.createdIds,
    probesDuringOutage: probeStarts.length,
    firstProbeStartedAfterMs: probeStarts[0] ?? null,
    conflicts: layer.status().conflicts,
    conflictRowsUpdatedBeforeOutageMs: conflictAges(bench, healthyMix, outageStartedAt),
  };
}
