// G8: the same workload through a plain Prisma client and through the data layer in primary mode,
// on the same database (direct, no fault proxy), in rounds that alternate the order to cancel
// drift. Each request is timed on its own; the figure is the ratio of medians.
import { uuidv7 } from "uuidv7";
import type { PostgresClient } from "@/lib/db/clients";
import { pick, plainClient, readById, readPage, startBenchLayer, type Seed } from "./fixture";
import { median, summarize, type Summary } from "./stats";

type Arm = { name: string; run: (index: number) => Promise<unknown> };

export type OverheadResult = {
  workload: string;
  arms: Record<string, Summary>;
  // Each round gives a paired ratio (medians of two arms measured back to back); the figure is the
  // median of those, which bursts of load from other processes on the machine barely move.
  ratio: number; // layer / plain
  pooledRatio: number; // layer p50 / plain p50 over all requests
  halves: [number, number]; // the paired ratio over the first and the second half of the rounds
  ratioTo: (arm: string, rounds?: "all" | "first" | "second") => number; // layer / another arm
};

// Many short rounds: drift (cache, autovacuum, the layer's own mirror, other processes) hits both
// arms alike.
const ROUNDS = 60;
const WARM_UP = 200;

async function compare(workload: string, arms: Arm[], perRound: number, progress: (line: string) => void): Promise<OverheadResult> {
  const samples: Record<string, number[]> = Object.fromEntries(arms.map((arm) => [arm.name, []]));
  const roundMedians: Record<string, number>[] = [];
  let index = 0;
  for (const arm of arms) for (let i = 0; i < WARM_UP; i++) await arm.run(index++);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? arms : [...arms].reverse();
    const medians: Record<string, number> = {};
    for (const arm of order) {
      const times: number[] = [];
      for (let i = 0; i < perRound; i++) {
        const at = index++;
        const startedAt = performance.now();
        await arm.run(at);
        times.push(performance.now() - startedAt);
      }
      samples[arm.name].push(...times);
      medians[arm.name] = median(times);
    }
    roundMedians.push(medians);
  }
  const ratioTo = (other: string, rounds: "all" | "first" | "second" = "all") => {
    const chosen = rounds === "all" ? roundMedians : rounds === "first" ? roundMedians.slice(0, ROUNDS / 2) : roundMedians.slice(ROUNDS / 2);
    return median(chosen.map((medians) => medians.layer / medians[other]));
  };
  const summaries = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, summarize(values)]));
  const result: OverheadResult = {
    workload,
    arms: summaries,
    ratio: ratioTo("plain"),
    pooledRatio: summaries.layer.p50 / summaries.plain.p50,
    halves: [ratioTo("plain", "first"), ratioTo("plain", "second")],
    ratioTo,
  };
  progress(
    `  ${workload}: plain p50 ${summaries.plain.p50.toFixed(3)} ms, layer p50 ${summaries.layer.p50.toFixed(3)} ms, paired ratio ${result.ratio.toFixed(3)} (halves ${result.halves.map((value) => value.toFixed(3)).join(" / ")}; pooled ${result.pooledRatio.toFixed(3)})`,
  );
  return result;
}

export async function measureRoutingOverhead(directUrl: string, seedData: Seed, progress: (line: string) => void): Promise<OverheadResult[]> {
  const plain: PostgresClient = plainClient(directUrl);
  const bench = await startBenchLayer(directUrl, "overhead");
  const layerDb = bench.layer.db;
  try {
    const { employeeIds, departmentIds } = seedData;
    // Rows updated by the write workload: the first 200, the same rows for every arm.
    const targets = employeeIds.slice(0, 200);
    const instanceId = "bench-plain-tx";
    const results = [
      await compare(
        "findUnique by id",
        [
          { name: "plain", run: (i) => readById(plain, pick(employeeIds, i * 7)) },
          { name: "layer", run: (i) => readById(layerDb, pick(employeeIds, i * 7)) },
        ],
        40,
        progress,
      ),
      await compare(
        "findMany page of 25 (where + orderBy)",
        [
          { name: "plain", run: (i) => readPage(plain, pick(departmentIds, i)) },
          { name: "layer", run: (i) => readPage(layerDb, pick(departmentIds, i)) },
        ],
        20,
        progress,
      ),
      // The plain arm bumps `version` as the layer does, so both issue the same UPDATE; the third
      // arm does by hand what the layer does (interactive transaction + operation id), to show
      // where the write overhead comes from.
      await compare(
        "update by id",
        [
          {
            name: "plain",
            run: (i) => plain.employee.update({ where: { id: pick(targets, i) }, data: { jobTitle: `Engineer ${i}`, version: { increment: 1 } } }),
          },
          { name: "layer", run: (i) => layerDb.employee.update({ where: { id: pick(targets, i) }, data: { jobTitle: `Engineer ${i}` } }) },
          {
            name: "plain+tx",
            run: (i) =>
              plain.$transaction(async (tx) => {
                await tx.$executeRawUnsafe("INSERT INTO _hrms_applied_ops (op_id, source) VALUES ($1, $2)", uuidv7(), instanceId);
                return tx.employee.update({ where: { id: pick(targets, i) }, data: { jobTitle: `Engineer ${i}`, version: { increment: 1 } } });
              }),
          },
        ],
        15,
        progress,
      ),
    ];
    return results;
  } finally {
    await bench.close();
    await plain.$disconnect();
  }
}
