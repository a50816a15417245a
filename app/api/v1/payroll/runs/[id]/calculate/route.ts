import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { calculatePayRun } from "@/lib/payroll/calculate-run";
import { findRunSummary } from "@/lib/payroll/list-runs";
import { serializeRun } from "../../../serialize";

export const dynamic = "force-dynamic";

const NDJSON = "application/x-ndjson";

// POST /api/v1/payroll/runs/:id/calculate - calculate a draft run, recalculate a calculated one, or
// carry on with one whose calculation was cut off; answers with the calculated run. With `Accept:
// application/x-ndjson` it streams {"type":"progress","done","total"} lines and ends with a
// {"type":"done","run"} or {"type":"error","error"} line.
export const POST = apiRoute<{ id: string }>("payroll:manage", async ({ request, user, params: { id } }) => {
  if (request.headers.get("accept")?.includes(NDJSON)) return streamCalculation(user, id);
  await calculatePayRun(user, id);
  return NextResponse.json({ data: serializeRun(await findRunSummary(id)) });
});

function streamCalculation(user: CurrentUser, id: string): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        await calculatePayRun(user, id, { onProgress: (progress) => send({ type: "progress", ...progress }) });
        send({ type: "done", run: serializeRun(await findRunSummary(id)) });
      } catch (error) {
        const message = error instanceof AppError ? error.message : "The calculation stopped unexpectedly; calculate again to carry on where it stopped.";
        send({ type: "error", error: { code: error instanceof AppError ? error.code : "internal_error", message } });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "content-type": NDJSON, "cache-control": "no-store" } });
}
