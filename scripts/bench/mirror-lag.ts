// G5: another writer (a plain Prisma client straight to PostgreSQL, as a second app instance
// would be) writes at a steady rate while the layer is primary; each write is timed from its
// commit until the row (or its new version) is visible in the SQLite file, read directly.
import Database from "better-sqlite3";
import type { PostgresClient } from "@/lib/db/clients";
import { newEmployee, sleep, type BenchLayer } from "./fixture";
import { summarize, type Summary } from "./stats";

export type MirrorLagResult = {
  writes: number;
  ratePerSec: number;
  observed: Summary; // commit -> visible in SQLite
  unseen: number;
  reported: Summary; // layer.status().replicaLagMs sampled every 100 ms
  pollPeriod: Summary; // time between successive mirror polls (lastMirrorAt), sampled every 20 ms
  layerPercentiles: { p50: number | null; p99: number | null; samples: number };
};

type Pending = { id: string; version: number; committedAt: number };

export async function measureMirrorLag(
  bench: BenchLayer,
  writer: PostgresClient,
  updateTargets: string[],
  options: { ratePerSec: number; durationMs: number },
  progress: (line: string) => void,
): Promise<MirrorLagResult> {
  const file = new Database(bench.sqlitePath, { readonly: true, fileMustExist: true });
  const pending: Pending[] = [];
  const lags: number[] = [];
  const reported: number[] = [];
  let isWriting = true;
  let drainDeadline = Number.POSITIVE_INFINITY;

  // One poller for all pending writes: a row counts as visible once SQLite has its version.
  const poller = (async () => {
    while (isWriting || pending.length > 0) {
      if (pending.length > 0) {
        const ids = pending.map((entry) => entry.id);
        const rows = file.prepare(`SELECT id, version FROM "Employee" WHERE id IN (${ids.map(() => "?").join(", ")})`).all(...ids) as {
          id: string;
          version: number;
        }[];
        const now = performance.now();
        const versions = new Map(rows.map((row) => [row.id, row.version]));
        for (let i = pending.length - 1; i >= 0; i--) {
          const entry = pending[i];
          if ((versions.get(entry.id) ?? 0) >= entry.version) {
            lags.push(now - entry.committedAt);
            pending.splice(i, 1);
          }
        }
      }
      if (!isWriting && performance.now() > drainDeadline) break;
      await sleep(2);
    }
  })();
  const mirrorTimes: number[] = [];
  let ticks = 0;
  const sampler = setInterval(() => {
    const status = bench.layer.status();
    const at = status.lastMirrorAt ? Date.parse(status.lastMirrorAt) : null;
    if (at !== null && at !== mirrorTimes.at(-1)) mirrorTimes.push(at);
    ticks += 1;
    if (ticks % 5 === 0 && status.replicaLagMs !== null) reported.push(status.replicaLagMs);
  }, 20);

  const total = Math.round((options.ratePerSec * options.durationMs) / 1000);
  const interval = 1000 / options.ratePerSec;
  const startedAt = performance.now();
  const writes: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = startedAt + k * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const write =
      k % 2 === 0
        ? writer.employee.create({ data: newEmployee("Mirror"), select: { id: true, version: true } })
        : writer.employee.update({
            where: { id: updateTargets[(k >> 1) % updateTargets.length] },
            data: { jobTitle: `Mirror ${k}`, version: { increment: 1 } },
            select: { id: true, version: true },
          });
    writes.push(write.then((row) => void pending.push({ id: row.id, version: row.version, committedAt: performance.now() })));
    if (k > 0 && k % Math.round(options.ratePerSec * 2) === 0) progress(`  ${k}/${total} writes, ${lags.length} seen in SQLite`);
  }
  await Promise.all(writes);
  isWriting = false;
  drainDeadline = performance.now() + 10_000;
  await poller;
  clearInterval(sampler);
  file.close();
  return {
    writes: total,
    ratePerSec: options.ratePerSec,
    observed: summarize(lags),
    unseen: pending.length,
    reported: summarize(reported),
    pollPeriod: summarize(mirrorTimes.slice(1).map((at, index) => at - mirrorTimes[index])),
    layerPercentiles: bench.layer.lagPercentiles(),
  };
}
