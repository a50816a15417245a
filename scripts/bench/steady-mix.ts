// A steady, open-loop request mix (arrivals on a fixed schedule, not waiting for each other, as
// users would send them): 3 reads (findUnique, page, findUnique) to 1 write (create or update).
import { newEmployee, pick, readById, readPage, sleep, type Db } from "./fixture";

// updates: each acknowledged update with the moment it was acknowledged (performance.now()).
export type MixResult = { reads: number[]; writes: number[]; errors: string[]; createdIds: string[]; updates: { id: string; at: number }[] };

export async function runSteadyMix(
  db: Db,
  ids: string[],
  departmentIds: string[],
  options: { ratePerSec: number; durationMs: number; label: string },
): Promise<MixResult> {
  const result: MixResult = { reads: [], writes: [], errors: [], createdIds: [], updates: [] };
  const total = Math.round((options.ratePerSec * options.durationMs) / 1000);
  const interval = 1000 / options.ratePerSec;
  const startedAt = performance.now();
  const requests: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const wait = startedAt + k * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const slot = k % 4;
    const isWrite = slot === 3;
    const send = (): Promise<unknown> => {
      if (slot === 0) return readById(db, pick(ids, k * 11));
      if (slot === 1) return readPage(db, pick(departmentIds, k));
      if (slot === 2) return readById(db, pick(ids, k * 17 + 5));
      if ((k >> 2) % 2 === 0) {
        return db.employee.create({ data: newEmployee(options.label) }).then((row) => void result.createdIds.push(row.id));
      }
      const id = pick(ids, k * 3 + 1);
      return db.employee
        .update({ where: { id }, data: { jobTitle: `${options.label} ${k}` } })
        .then(() => void result.updates.push({ id, at: performance.now() }));
    };
    const sentAt = performance.now();
    requests.push(
      send().then(
        () => void (isWrite ? result.writes : result.reads).push(performance.now() - sentAt),
        (error: unknown) => void result.errors.push(error instanceof Error ? error.message.split("\n").at(-1)! : String(error)),
      ),
    );
  }
  await Promise.all(requests);
  return result;
}
