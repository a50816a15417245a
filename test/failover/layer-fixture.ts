// One PostgreSQL behind a fault proxy and one data layer on a fresh SQLite file for a whole test
// file: started before its tests, closed after them.
import { afterAll, beforeAll } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { newSqliteFile, startDataLayer, startOnPrimary, startRig, type Rig } from "./support";

export function startRigAndLayer(): { readonly rig: Rig; readonly layer: DataLayer } {
  let rig: Rig | undefined;
  let layer: DataLayer | undefined;
  beforeAll(async () => {
    rig = await startRig();
    layer = await startOnPrimary(startDataLayer(rig.url, await newSqliteFile()));
  });
  afterAll(async () => {
    await layer?.close();
    await rig?.destroy();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error("started in beforeAll: use it inside a test or hook");
    return value;
  };
  return {
    get rig() {
      return started(rig);
    },
    get layer() {
      return started(layer);
    },
  };
}
