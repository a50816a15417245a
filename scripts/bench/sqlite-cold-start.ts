// Run in a fresh process by the benchmark: how long the first queries on a Prisma SQLite client
// take in a process that has not used one yet (which is the situation of a layer that has only
// ever served from PostgreSQL when the first failover comes). Prints one JSON line.
import { applySqlitePragmas, createSqliteClient } from "@/lib/db/clients";

const file = process.argv[2];
if (!file) throw new Error("usage: sqlite-cold-start.ts <sqlite file>");

const client = createSqliteClient(file);
await applySqlitePragmas(client);
const timings: number[] = [];
for (let i = 0; i < 3; i++) {
  const startedAt = performance.now();
  await client.employee.findUnique({ where: { id: `missing-${i}` } });
  timings.push(performance.now() - startedAt);
}
await client.$disconnect();
process.stdout.write(`${JSON.stringify({ firstMs: timings[0], secondMs: timings[1], thirdMs: timings[2] })}\n`);
