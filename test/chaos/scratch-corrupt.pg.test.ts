import { openSync, writeSync, closeSync, truncateSync } from "node:fs";
import { afterAll, beforeAll, it, vi } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { newSqliteFile, startDataLayer, startRig, waitFor, type Rig } from "@/test/failover/support";
import { employee, runTag } from "./chaos-support";
import { logTail } from "./log-capture";
vi.mock("@/lib/log", () => import("./log-capture"));
let rig: Rig; let layer: DataLayer;
beforeAll(async () => { rig = await startRig(); });
afterAll(async () => { await layer?.close().catch(() => {}); await rig?.destroy(); });
it("explore", async () => {
  const file = await newSqliteFile("corrupt");
  layer = startDataLayer(rig.url, file);
  await layer.start();
  await layer.db.employee.create({ data: employee(runTag("c")) });
  await rig.proxy.setMode("refuse");
  console.log("read1", await layer.db.employee.count().catch((e) => `ERR ${e}`), layer.status().mode);
  await layer.db.employee.create({ data: employee(runTag("q")) });
  console.log("queue", layer.status().queue);
  const fd = openSync(file, "r+");
  const junk = Buffer.alloc(8192, 0x5a);
  writeSync(fd, junk, 0, junk.length, 0);
  closeSync(fd);
  try { truncateSync(file + "-wal", 0); } catch (e) { console.log("wal", String(e)); }
  for (let i = 0; i < 3; i++) {
    console.log("read", await layer.db.employee.count().catch((e) => `ERR ${e?.name} ${e?.code} ${e}`));
    console.log("write", await layer.db.employee.create({ data: employee(runTag("w")) }).then(() => "ok").catch((e) => `ERR ${e?.name} ${e?.code} ${e}`));
    try { console.log("status", JSON.stringify({ ...layer.status(), probes: undefined })); } catch (e) { console.log("status threw", String(e)); }
  }
  await rig.proxy.setMode("pass");
  await new Promise((r) => setTimeout(r, 3000));
  try { console.log("status", JSON.stringify({ ...layer.status(), probes: undefined })); } catch (e) { console.log("status threw", String(e)); }
  console.log("read", await layer.db.employee.count().catch((e) => `ERR ${e?.name} ${e?.code} ${e}`));
  console.log(logTail(20));
});
