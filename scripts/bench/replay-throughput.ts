// Replay: queue a few thousand writes in SQLite during an outage, let PostgreSQL return, and time
// the drain (from "recovering" to "primary") on the layer's own background work.
import pg from "pg";
import type { FaultProxy } from "@/test/helpers/fault-proxy";
import { newEmployee, pick, readById, transitionTo, type BenchLayer } from "./fixture";

export type ReplayResult = {
  queued: number;
  queueingMs: number;
  replayMs: number;
  perSecond: number;
  recoveryMs: number;
  queueAfter: number;
  createdFound: number;
  createdExpected: number;
  // Writes made one after another from PostgreSQL's return until the switch back (a steady stream):
  // how many, and how many of them PostgreSQL has afterwards.
  streamWrites: number;
  streamFound: number;
};

const QUEUEING_BUDGET_MS = 40_000;

export async function measureReplay(
  bench: BenchLayer,
  proxy: FaultProxy,
  directUrl: string,
  ids: string[],
  target: number,
  progress: (line: string) => void,
): Promise<ReplayResult> {
  const { layer } = bench;
  await proxy.setMode("refuse");
  await readById(layer.db, ids[0]);
  if (layer.status().mode !== "fallback") throw new Error(`expected fallback after refusing PostgreSQL, got ${layer.status().mode}`);

  // Three creates to one update, the updates on distinct rows.
  const createdIds: string[] = [];
  const startedAt = performance.now();
  let issued = 0;
  const updates = ids.slice(0, Math.min(ids.length, Math.ceil(target / 4)));
  while (issued < target && performance.now() - startedAt < QUEUEING_BUDGET_MS) {
    const batch = [];
    for (let i = 0; i < 4 && issued < target; i++, issued++) {
      if (issued % 4 === 3) batch.push(layer.db.employee.update({ where: { id: pick(updates, issued >> 2) }, data: { jobTitle: `Replay ${issued}` } }));
      else batch.push(layer.db.employee.create({ data: newEmployee("Replay") }).then((row) => void createdIds.push(row.id)));
    }
    await Promise.all(batch);
    if (issued % 500 === 0) progress(`  queued ${issued}/${target}`);
  }
  const queueingMs = performance.now() - startedAt;
  const queued = layer.status().queue;
  progress(`  ${queued} writes queued in ${(queueingMs / 1000).toFixed(1)} s; PostgreSQL back, replaying`);

  await proxy.setMode("pass");
  const back = performance.now();
  const streamIds: string[] = [];
  let isStreaming = true;
  const stream = (async () => {
    while (isStreaming) streamIds.push((await layer.db.employee.create({ data: newEmployee("Stream"), select: { id: true } })).id);
  })();
  let primaryAt: number;
  let recoveringAt: number;
  let queueWhenPrimary: number;
  try {
    recoveringAt = await transitionTo(bench, "recovering", back, 30_000);
    primaryAt = await transitionTo(bench, "primary", recoveringAt, 120_000);
    queueWhenPrimary = layer.status().queue;
  } finally {
    isStreaming = false;
    await stream;
  }
  const replayMs = primaryAt - recoveringAt;

  const client = new pg.Client({ connectionString: directUrl });

  client.on("error", () => {}); // a lost connection fails the next query instead of throwing
  await client.connect();
  let createdFound = 0;
  let streamFound = 0;
  try {
    const count = async (ids: string[]) =>
      (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Employee" WHERE id = ANY($1::text[])', [ids])).rows[0].n;
    createdFound = await count(createdIds);
    streamFound = await count(streamIds);
  } finally {
    await client.end();
  }
  return {
    queued,
    queueingMs,
    replayMs,
    perSecond: queued / (replayMs / 1000),
    recoveryMs: primaryAt - back,
    queueAfter: Math.max(queueWhenPrimary, layer.status().queue),
    createdFound,
    createdExpected: createdIds.length,
    streamWrites: streamIds.length,
    streamFound,
  };
}
