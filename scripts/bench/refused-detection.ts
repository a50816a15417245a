// G3, refused: PostgreSQL's port starts refusing connections; the very next request should be
// answered from SQLite in the same request, costing < 100 ms more than a normal SQLite request.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { FaultProxy } from "@/test/helpers/fault-proxy";
import { pick, readById, sleep, waitUntil, type BenchLayer } from "./fixture";
import { median } from "./stats";

// isFirstOfKind: the first read (or write) this process sends to SQLite through Prisma. The mirror
// writes the file with better-sqlite3, so a layer that has only ever served from PostgreSQL meets
// its first failover in that state.
export type RefusedTrial = { kind: "read" | "write"; firstMs: number; sqliteMedianMs: number; extraMs: number; modeAfter: string; isFirstOfKind: boolean };
export type ColdStart = { firstMs: number; secondMs: number; thirdMs: number };

// In a fresh process, since Prisma's start-up cost is paid once per process.
export function measureSqliteColdStart(sqlitePath: string): ColdStart | null {
  const script = fileURLToPath(new URL("./sqlite-cold-start.ts", import.meta.url));
  const child = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", script, sqlitePath], { encoding: "utf8", timeout: 30_000 });
  const line = child.stdout?.split("\n").find((candidate) => candidate.startsWith('{"firstMs"'));
  return line ? (JSON.parse(line) as ColdStart) : null;
}

const FALLBACK_SAMPLES = 50;

// Between trials the breaker is closed with the admin "probe now" action, which is what an admin
// would press; recovery time is measured elsewhere, on a fresh layer.
async function recover(bench: BenchLayer, proxy: FaultProxy) {
  await proxy.setMode("pass");
  for (let attempt = 0; attempt < 200 && bench.layer.status().mode !== "primary"; attempt++) {
    await bench.layer.probeNow();
    await sleep(10);
  }
  await waitUntil(() => bench.layer.status().mode === "primary", 5_000, "primary after a refused trial");
}

export async function measureRefusedDetection(
  bench: BenchLayer,
  proxy: FaultProxy,
  ids: string[],
  trials: ("read" | "write")[],
  progress: (line: string) => void,
): Promise<RefusedTrial[]> {
  const db = bench.layer.db;
  const results: RefusedTrial[] = [];
  let counter = 0;
  const operation = (kind: "read" | "write") => {
    counter += 1;
    const id = pick(ids, counter * 13);
    return kind === "read" ? readById(db, id) : db.employee.update({ where: { id }, data: { jobTitle: `Refused ${counter}` } });
  };
  const seen = new Set<string>();
  for (const [index, kind] of trials.entries()) {
    // Warm PostgreSQL connections, as in a running app.
    for (let i = 0; i < 20; i++) await operation(kind);
    await proxy.setMode("refuse");
    const startedAt = performance.now();
    await operation(kind);
    const firstMs = performance.now() - startedAt;
    const modeAfter = bench.layer.status().mode;
    const fallback: number[] = [];
    for (let i = 0; i < FALLBACK_SAMPLES; i++) {
      const at = performance.now();
      await operation(kind);
      fallback.push(performance.now() - at);
    }
    const sqliteMedianMs = median(fallback);
    results.push({ kind, firstMs, sqliteMedianMs, extraMs: firstMs - sqliteMedianMs, modeAfter, isFirstOfKind: !seen.has(kind) });
    seen.add(kind);
    progress(
      `  trial ${index + 1}/${trials.length} (${kind}): first request ${firstMs.toFixed(1)} ms, SQLite median ${sqliteMedianMs.toFixed(2)} ms, mode after: ${modeAfter}`,
    );
    await recover(bench, proxy);
  }
  return results;
}
