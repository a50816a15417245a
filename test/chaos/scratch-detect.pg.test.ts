import { afterAll, beforeAll, it, vi } from "vitest";
import type { DataLayer } from "@/lib/db/data-layer";
import { newSqliteFile, startDataLayer, startRig, waitFor, type Rig } from "@/test/failover/support";
import { employee, modeRecorder, runTag, pause } from "./chaos-support";
import { logTail } from "./log-capture";
vi.mock("@/lib/log", () => import("./log-capture"));
let rig: Rig; let layer: DataLayer;
const modes = modeRecorder();
beforeAll(async () => { rig = await startRig(); layer = startDataLayer(rig.url, await newSqliteFile("d"), { onModeChange: modes.onModeChange }); await layer.start(); });
afterAll(async () => { await layer?.close(); await rig?.destroy(); });
it("detect", async () => {
  for (let round = 0; round < 3; round++) {
    await layer.db.employee.create({ data: employee(runTag("x" + round)) });
    await pause(200);
    const t0 = Date.now();
    await rig.proxy.setMode("refuse");
    const t1 = Date.now();
    const s = performance.now();
    await layer.db.employee.count();
    console.log(`round ${round}: setMode took ${t1 - t0} ms, first read ${Math.round(performance.now() - s)} ms; fallback at +${(modes.transitions.at(-1)?.at ?? 0) - t0} mode ${layer.status().mode}`);
    await rig.proxy.setMode("pass");
    await waitFor(() => layer.status().mode === "primary", { layer });
  }
  console.log(logTail(10));
});
